//! Sentence splitting over the clean text.
//!
//! Rules, each with its tests below:
//! - **Lines.** A line break always ends a sentence: titles, headings and paragraph lines are never
//!   joined to what follows.
//! - **Terminators.** «.», «!», «?», «؟» and «۔» end a sentence when followed (after any closing
//!   quotes or brackets) by a space or the end of the line; runs such as «?!» or «؟!» count once.
//!   A full stop glued to the next Arabic word («انتهى.وقال») also ends one, as scraped text often
//!   drops that space.
//! - **Numbers.** A full stop between digits (3.5, 21.9.2014) is not a terminator.
//! - **Abbreviations.** A full stop after a single letter («د.», «م.», «J.») or a listed Latin
//!   abbreviation («Dr.», «U.S.») is not a terminator — unless the letter marks a calendar after a
//!   number («2014 م.», «1445 هـ.»), where it usually ends the sentence.
//! - **Ellipses.** «..», «...» and «…» inside a line do not end a sentence: Arabic headlines and
//!   quotations use them as a pause («القاعدة والحوثي .. تعاون»).
//! - **Quotations.** A terminator inside a balanced pair of quotes («…», “…”, ”…”, "…") does not end
//!   the sentence, except when it is the last thing before the closing quote. The seed article opens
//!   quotes with ” after a tatweel (بـ”قلب اليمن”), so ” opens a quote when it stands before a letter
//!   and after a space, tatweel or punctuation; unmatched quotes protect nothing.

use crate::script::is_arabic_letter;
use rasad_doc::Span;

const LATIN_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp",
    "gen", "col", "lt", "sgt", "capt", "maj", "gov", "sen", "rep", "no", "vol", "fig", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
    "e.g", "i.e", "u.s", "u.n", "u.k", "p.m", "a.m", "mme", "mlle", "m",
];

#[inline]
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '۔' | '…')
}

#[inline]
fn is_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '’' | '"' | ')' | ']' | '}' | '›' | '\'')
}

#[inline]
fn is_wordish(c: char) -> bool {
    c.is_alphanumeric() && c != '\u{0640}'
}

/// Split `text` into sentence spans (code points, trimmed of surrounding whitespace).
pub fn split_sentences(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    split_chars(&chars)
}

/// [`split_sentences`] over text already collected into characters.
pub fn split_chars(chars: &[char]) -> Vec<Span> {
    let mut out = Vec::with_capacity(chars.len() / 80 + 1);
    let mut quotes: Vec<(usize, usize)> = Vec::new();
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut line_start = 0;
    // one scan finds each line's end and whether it holds terminators or quotes at all
    let (mut has_terminator, mut has_quote) = (false, false);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\n' => {
                split_line(
                    chars,
                    line_start,
                    i,
                    has_terminator,
                    has_quote,
                    &mut quotes,
                    &mut stack,
                    &mut out,
                );
                line_start = i + 1;
                has_terminator = false;
                has_quote = false;
            }
            '.' | '!' | '?' | '؟' | '۔' | '…' => has_terminator = true,
            '«' | '»' | '‹' | '›' | '“' | '”' | '„' | '"' => has_quote = true,
            _ => {}
        }
    }
    split_line(
        chars,
        line_start,
        chars.len(),
        has_terminator,
        has_quote,
        &mut quotes,
        &mut stack,
        &mut out,
    );
    out
}

fn push_trimmed(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<Span>) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if start < end {
        out.push(Span {
            start: start as u32,
            end: end as u32,
        });
    }
}

/// Balanced quote pairs of one line, as (open, close) positions.
fn quote_pairs(
    chars: &[char],
    start: usize,
    end: usize,
    stack: &mut Vec<(char, usize)>,
    pairs: &mut Vec<(usize, usize)>,
) {
    stack.clear();
    pairs.clear();
    for i in start..end {
        let c = chars[i];
        match c {
            '«' | '‹' | '“' | '„' => stack.push((c, i)),
            '»' | '›' => {
                let want = if c == '»' { '«' } else { '‹' };
                if let Some(at) = stack.iter().rposition(|&(o, _)| o == want) {
                    pairs.push((stack[at].1, i));
                    stack.truncate(at);
                }
            }
            '”' => {
                if let Some(at) = stack
                    .iter()
                    .rposition(|&(o, _)| matches!(o, '“' | '„' | '”'))
                {
                    pairs.push((stack[at].1, i));
                    stack.truncate(at);
                } else {
                    let next_is_word = chars.get(i + 1).is_some_and(|&n| is_wordish(n));
                    let prev_is_word = i > start && is_wordish(chars[i - 1]);
                    if next_is_word && !prev_is_word {
                        stack.push((c, i));
                    }
                }
            }
            '"' => {
                if let Some(at) = stack.iter().rposition(|&(o, _)| o == '"') {
                    pairs.push((stack[at].1, i));
                    stack.truncate(at);
                } else {
                    stack.push((c, i));
                }
            }
            _ => {}
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn split_line(
    chars: &[char],
    start: usize,
    end: usize,
    has_terminator: bool,
    has_quote: bool,
    pairs: &mut Vec<(usize, usize)>,
    stack: &mut Vec<(char, usize)>,
    out: &mut Vec<Span>,
) {
    if !has_terminator {
        push_trimmed(chars, start, end, out);
        return;
    }
    if has_quote {
        quote_pairs(chars, start, end, stack, pairs);
    } else {
        pairs.clear();
    }
    let mut sent_start = start;
    let mut i = start;
    while i < end {
        if !is_terminator(chars[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < end && is_terminator(chars[j]) {
            j += 1;
        }
        if ends_sentence(chars, start, end, i, j, pairs) {
            let mut k = j;
            while k < end && is_closer(chars[k]) {
                k += 1;
            }
            push_trimmed(chars, sent_start, k, out);
            sent_start = k;
            i = k;
        } else {
            i = j;
        }
    }
    push_trimmed(chars, sent_start, end, out);
}

/// Whether the terminator run `i..j` ends a sentence.
fn ends_sentence(
    chars: &[char],
    line_start: usize,
    line_end: usize,
    i: usize,
    j: usize,
    pairs: &[(usize, usize)],
) -> bool {
    let run = &chars[i..j];
    let is_ellipsis = run.iter().all(|&c| c == '.' || c == '…') && (run.len() > 1 || run[0] == '…');
    if is_ellipsis {
        return false;
    }
    let single_stop = run.len() == 1 && run[0] == '.';
    let prev = if i > line_start {
        Some(chars[i - 1])
    } else {
        None
    };
    let next = chars.get(j).copied().filter(|_| j < line_end);
    if single_stop {
        if prev.is_some_and(|c| c.is_numeric()) && next.is_some_and(|c| c.is_numeric()) {
            return false;
        }
        if is_abbreviation(chars, line_start, i) {
            return false;
        }
    }
    // inside a balanced quotation, unless the run closes it
    let mut after = j;
    while after < line_end && is_closer(chars[after]) {
        after += 1;
    }
    if pairs
        .iter()
        .any(|&(o, c)| o < i && j <= c && !(j == c || after > c))
    {
        return false;
    }
    match chars.get(after).copied().filter(|_| after < line_end) {
        None => true,
        Some(c) if c.is_whitespace() => true,
        // «انتهى.وقال»: a full stop glued to the next Arabic word
        Some(c) if is_arabic_letter(c) => {
            single_stop
                && after == j
                && prev.is_some_and(is_arabic_letter)
                && word_len_before(chars, line_start, i) >= 2
        }
        _ => false,
    }
}

/// Letters (ignoring tatweel and marks) in the word that ends at `i`.
fn word_len_before(chars: &[char], line_start: usize, i: usize) -> usize {
    let mut n = 0;
    let mut k = i;
    while k > line_start {
        let c = chars[k - 1];
        if c == '\u{0640}' || crate::normalize::is_arabic_mark(c) {
            k -= 1;
            continue;
        }
        if !c.is_alphabetic() {
            break;
        }
        n += 1;
        k -= 1;
    }
    n
}

fn is_abbreviation(chars: &[char], line_start: usize, dot: usize) -> bool {
    // the word before the dot, possibly with inner dots (U.S., أ.د)
    let mut k = dot;
    while k > line_start {
        let c = chars[k - 1];
        if c.is_alphabetic() || c == '.' || c == '\u{0640}' || crate::normalize::is_arabic_mark(c) {
            k -= 1;
        } else {
            break;
        }
    }
    let word: String = chars[k..dot]
        .iter()
        .filter(|&&c| c != '\u{0640}' && !crate::normalize::is_arabic_mark(c))
        .flat_map(|c| c.to_lowercase())
        .collect();
    if word.is_empty() {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let is_calendar_after_number = {
        let arabic = word.chars().all(is_arabic_letter);
        let mut b = k;
        while b > line_start && chars[b - 1] == ' ' {
            b -= 1;
        }
        let after_number = b > line_start && chars[b - 1].is_numeric();
        arabic && (word == "م" || word == "ه") && after_number
    };
    if is_calendar_after_number {
        return false;
    }
    if letters == 1 || word.split('.').all(|p| p.chars().count() == 1) {
        return true;
    }
    LATIN_ABBREVIATIONS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        split_sentences(s)
            .iter()
            .map(|sp| chars[sp.start as usize..sp.end as usize].iter().collect())
            .collect()
    }

    #[test]
    fn lines_end_sentences() {
        assert_eq!(
            sents("عنوان الخبر\n\nالفقرة الأولى"),
            vec!["عنوان الخبر", "الفقرة الأولى"]
        );
        assert_eq!(
            sents("عنوان فرعي\nوقال المتحدث إن الوفد وصل."),
            vec!["عنوان فرعي", "وقال المتحدث إن الوفد وصل."]
        );
    }

    #[test]
    fn terminators_split() {
        assert_eq!(
            sents("وصل الوفد إلى عدن. وقال المتحدث إنه متفائل! هل تنجح الهدنة؟ لا أحد يعرف"),
            vec![
                "وصل الوفد إلى عدن.",
                "وقال المتحدث إنه متفائل!",
                "هل تنجح الهدنة؟",
                "لا أحد يعرف"
            ]
        );
    }

    #[test]
    fn runs_of_terminators_count_once() {
        assert_eq!(sents("أحقا ما قيل؟! نعم."), vec!["أحقا ما قيل؟!", "نعم."]);
    }

    #[test]
    fn arabic_comma_and_semicolon_do_not_split() {
        assert_eq!(
            sents("قال المصدر، وهو ضابط؛ إن الهجوم فشل."),
            vec!["قال المصدر، وهو ضابط؛ إن الهجوم فشل."]
        );
    }

    #[test]
    fn numbers_do_not_split() {
        assert_eq!(
            sents("ارتفع المؤشر 3.5 نقطة في 21.9.2014 وتراجع."),
            vec!["ارتفع المؤشر 3.5 نقطة في 21.9.2014 وتراجع."]
        );
        assert_eq!(
            sents("وقع الهجوم في 21/9/2014. ثم انسحبوا."),
            vec!["وقع الهجوم في 21/9/2014.", "ثم انسحبوا."]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("قال د. سامر الحكيم إن الوضع صعب."),
            vec!["قال د. سامر الحكيم إن الوضع صعب."]
        );
        assert_eq!(
            sents("Dr. Smith met U.S. officials. Then he left."),
            vec!["Dr. Smith met U.S. officials.", "Then he left."]
        );
        assert_eq!(
            sents("كتبه أ.د. خالد العلي في مقاله."),
            vec!["كتبه أ.د. خالد العلي في مقاله."]
        );
    }

    #[test]
    fn calendar_letter_after_year_ends_sentence() {
        assert_eq!(
            sents("تأسس الحزب عام 1990 م. وقد انقسم لاحقا."),
            vec!["تأسس الحزب عام 1990 م.", "وقد انقسم لاحقا."]
        );
        assert_eq!(
            sents("وقع ذلك في 1445 هـ. ثم عادوا."),
            vec!["وقع ذلك في 1445 هـ.", "ثم عادوا."]
        );
    }

    #[test]
    fn ellipses_inside_a_line_do_not_split() {
        assert_eq!(
            sents("الحرب والسلام .. قراءة في المشهد"),
            vec!["الحرب والسلام .. قراءة في المشهد"]
        );
        assert_eq!(sents("انتظروا… ثم عادوا."), vec!["انتظروا… ثم عادوا."]);
    }

    #[test]
    fn quotes_protect_their_content() {
        assert_eq!(
            sents("قال الوزير: «لن نتراجع. سنواصل العمل» ثم غادر القاعة."),
            vec!["قال الوزير: «لن نتراجع. سنواصل العمل» ثم غادر القاعة."]
        );
        assert_eq!(
            sents("وصف المكان بـ”قلب الأزمة. وعمقها” في كلمته."),
            vec!["وصف المكان بـ”قلب الأزمة. وعمقها” في كلمته."]
        );
    }

    #[test]
    fn terminator_before_closing_quote_ends_sentence() {
        assert_eq!(
            sents("وقال: «انتهى الأمر.» ثم أضاف أنه سيعود."),
            vec!["وقال: «انتهى الأمر.»", "ثم أضاف أنه سيعود."]
        );
        assert_eq!(
            sents("المحافظة المعروفة بـ”قلب البلاد”. وقال"),
            vec!["المحافظة المعروفة بـ”قلب البلاد”.", "وقال"]
        );
    }

    #[test]
    fn unbalanced_quotes_protect_nothing() {
        assert_eq!(
            sents("قال «لن نتراجع. ثم غادر."),
            vec!["قال «لن نتراجع.", "ثم غادر."]
        );
    }

    #[test]
    fn glued_full_stop_splits_arabic() {
        assert_eq!(
            sents("انتهى الاجتماع.وقال المتحدث"),
            vec!["انتهى الاجتماع.", "وقال المتحدث"]
        );
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert!(sents("").is_empty());
        assert!(sents("\n\n  \n").is_empty());
        assert_eq!(sents("...!!!؟؟"), vec!["...!!!؟؟"]);
    }
}
