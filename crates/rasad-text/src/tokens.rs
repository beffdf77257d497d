//! Tokenisation with code-point spans, over the normalised view.
//!
//! Token kinds, each with its tests below:
//! - [`TokenKind::Word`]: a run of Arabic letters (marks and tatweel are already out of the view, so
//!   «الـمـلك» is one word); it carries its clitic [`Segmentation`].
//! - [`TokenKind::Prefix`]: a proclitic written apart, with a tatweel or glued to a quote, digit or
//!   Latin word: «بـ» in «بـ”قلب اليمن”», «لـ» in «لـ”العين”», «الـ» in «الـ 400».
//! - [`TokenKind::Number`]: digits (Western or Arabic-Indic) with «,» «٬» thousands and «.» «٫»
//!   decimals: «3.5», «1,000», «٢٠١٤».
//! - [`TokenKind::Date`]: numeric dates 21/9/2014, 2014-09-21, 21.9.2014, 9/2014.
//! - [`TokenKind::Latin`]: a word in another alphabet (with inner apostrophes: «Sana'a»).
//! - [`TokenKind::Punct`] and [`TokenKind::Symbol`]: one character, except runs of «.», «!», «?»,
//!   «؟» which make one token («...», «؟!»).

use crate::clitics::{Segmentation, Segmenter};
use crate::normalize::Normalized;
use crate::script::{is_arabic_letter, is_punctuation};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Arabic word.
    Word,
    /// A proclitic written apart («بـ»).
    Prefix,
    /// A number.
    Number,
    /// A numeric date.
    Date,
    /// A word in another alphabet.
    Latin,
    /// Punctuation.
    Punct,
    /// Any other symbol.
    Symbol,
}

/// One token. `start..end` are code points of the original text, `nstart..nend` of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start in the original text.
    pub start: u32,
    /// End (exclusive) in the original text.
    pub end: u32,
    /// Start in the view.
    pub nstart: u32,
    /// End (exclusive) in the view.
    pub nend: u32,
    /// Kind.
    pub kind: TokenKind,
    /// Clitic segmentation (offsets relative to `nstart`); whole for non-words.
    pub seg: Segmentation,
}

impl Token {
    /// The token's view characters.
    pub fn view<'a>(&self, view: &'a Normalized) -> &'a [char] {
        view.slice(self.nstart as usize, self.nend as usize)
    }
}

/// Written-apart proclitic sequences (view letters).
const PREFIXES: &[&str] = &[
    "ب", "ل", "ك", "و", "ف", "وب", "ول", "وك", "فب", "فل", "ال", "لل", "بال", "وال", "كال", "وبال",
    "ولل",
];

/// Tokenise `original` (its characters) through its view.
pub fn tokenize(original: &[char], view: &Normalized, segmenter: &Segmenter) -> Vec<Token> {
    let v = &view.chars;
    let n = v.len();
    let mut out = Vec::with_capacity(n / 5 + 1);
    let mut buf = String::with_capacity(64);
    let mut i = 0;
    while i < n {
        let c = v[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if is_arabic_letter(c) {
            while i < n && (is_arabic_letter(v[i]) || is_inner_mark(v[i])) {
                i += 1;
            }
            kind = if is_written_apart_prefix(original, view, start, i) {
                TokenKind::Prefix
            } else {
                TokenKind::Word
            };
        } else if c.is_ascii_digit() {
            i = scan_number(v, i);
            kind = if let Some(end) = scan_date(v, start) {
                i = end;
                TokenKind::Date
            } else {
                TokenKind::Number
            };
        } else if !is_punctuation(c) && c.is_alphabetic() {
            while i < n
                && (v[i].is_alphanumeric() && !is_arabic_letter(v[i])
                    || is_inner_mark(v[i])
                    || (matches!(v[i], '\'' | '’')
                        && i + 1 < n
                        && v[i + 1].is_alphabetic()
                        && !is_arabic_letter(v[i + 1])))
            {
                i += 1;
            }
            kind = TokenKind::Latin;
        } else if matches!(c, '.' | '!' | '?' | '؟') {
            while i < n && matches!(v[i], '.' | '!' | '?' | '؟') {
                i += 1;
            }
            kind = TokenKind::Punct;
        } else {
            i += 1;
            kind = if is_punctuation(c) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
        }
        let (ostart, oend) = view.to_original(start, i);
        let seg = match kind {
            TokenKind::Word => segment_cached(original, view, start, i, segmenter, &mut buf),
            TokenKind::Prefix => prefix_segmentation(&v[start..i]),
            _ => Segmentation::whole(i - start),
        };
        out.push(Token {
            start: ostart,
            end: oend,
            nstart: start as u32,
            nend: i as u32,
            kind,
            seg,
        });
    }
    out
}

/// Most word forms recur (Zipf), so segmentations are memoised per thread, keyed by the word's
/// letters as written (marks and tatweel aside), which is all [`Segmenter::segment`] looks at.
/// Keys are the letters packed into a `u128` (8 bits each, offset from U+0600, up to 15 letters),
/// so a hit costs one integer hash; longer or unusual words are segmented without the cache. The
/// cache is emptied when it reaches [`CACHE_LIMIT`] forms.
const CACHE_LIMIT: usize = 1 << 18;

thread_local! {
    static CACHE: std::cell::RefCell<rustc_hash::FxHashMap<u128, Segmentation>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// Pack Arabic-block letters into a u128: length in the low byte, then one byte a letter.
#[inline]
fn pack(letters: impl ExactSizeIterator<Item = char>) -> Option<u128> {
    let n = letters.len();
    if n > 15 {
        return None;
    }
    let mut key = n as u128;
    for (i, c) in letters.enumerate() {
        let off = (c as u32).wrapping_sub(0x0600);
        if off > 0xFF {
            return None;
        }
        key |= (off as u128) << (8 * (i + 1));
    }
    Some(key)
}

fn segment_cached(
    original: &[char],
    view: &Normalized,
    start: usize,
    end: usize,
    segmenter: &Segmenter,
    buf: &mut String,
) -> Segmentation {
    let orig = |k: usize| {
        original
            .get(view.original_index(start + k) as usize)
            .copied()
            .unwrap_or('\0')
    };
    let Some(key) = pack((0..end - start).map(orig)) else {
        return segmenter.segment(&view.chars[start..end], orig, buf);
    };
    if let Some(s) = CACHE.with(|c| c.borrow().get(&key).copied()) {
        return s;
    }
    let s = segmenter.segment(&view.chars[start..end], orig, buf);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_LIMIT {
            c.clear();
        }
        c.insert(key, s);
    });
    s
}

#[inline]
fn is_inner_mark(c: char) -> bool {
    c as u32 >= 0x0300 && unicode_normalization::char::is_combining_mark(c)
}

fn is_written_apart_prefix(original: &[char], view: &Normalized, start: usize, end: usize) -> bool {
    let letters = &view.chars[start..end];
    if letters.len() > 4 {
        return false;
    }
    // a tatweel right after the last letter in the original, or glued to a quote, digit or Latin
    let last = view.original_index(end - 1) as usize;
    let tatweel_after = original.get(last + 1) == Some(&'\u{0640}');
    // (cheap tests first: most words are followed by a space or punctuation)
    let glued = view.chars.get(end).is_some_and(|&c| {
        matches!(c, '”' | '“' | '"' | '«' | '\'')
            || (!c.is_whitespace()
                && !is_arabic_letter(c)
                && !is_punctuation(c)
                && c.is_alphanumeric())
    });
    (tatweel_after || glued)
        && PREFIXES
            .iter()
            .any(|p| letters.iter().copied().eq(p.chars()))
}

fn prefix_segmentation(letters: &[char]) -> Segmentation {
    use crate::clitics::{Conj, Prep};
    let mut s = Segmentation::default();
    let mut k = 0;
    if let Some(&c @ ('و' | 'ف')) = letters.first() {
        s.conj = Some(if c == 'و' { Conj::Wa } else { Conj::Fa });
        k = 1;
    }
    let rest = &letters[k..];
    match rest {
        ['ب', ..] => s.prep = Some(Prep::Bi),
        ['ك', ..] => s.prep = Some(Prep::Ka),
        ['ل', 'ل'] => {
            s.prep = Some(Prep::Li);
            s.article = true;
        }
        ['ل', ..] => s.prep = Some(Prep::Li),
        _ => {}
    }
    if rest.len() >= 2 && rest[rest.len() - 2..] == ['ا', 'ل'] {
        s.article = true;
    }
    s.stem_start = letters.len() as u16;
    s.stem_end = letters.len() as u16;
    s
}

/// End of a number starting at `i`: digits with inner «,» or «.» followed by a digit.
fn scan_number(v: &[char], mut i: usize) -> usize {
    let n = v.len();
    while i < n {
        let digit = v[i].is_ascii_digit();
        let separator = matches!(v[i], ',' | '.') && i + 1 < n && v[i + 1].is_ascii_digit();
        if !(digit || separator) {
            break;
        }
        i += 1;
    }
    i
}

/// End of a numeric date starting at `i`, if one starts there.
fn scan_date(v: &[char], i: usize) -> Option<usize> {
    let n = v.len();
    let mut groups: [usize; 3] = [0; 3];
    let mut count = 0;
    let mut sep = None;
    let mut k = i;
    while count < 3 {
        let s = k;
        while k < n && v[k].is_ascii_digit() {
            k += 1;
        }
        if k == s {
            return None;
        }
        groups[count] = k - s;
        count += 1;
        if count < 3
            && k + 1 < n
            && matches!(v[k], '/' | '-' | '.')
            && v[k + 1].is_ascii_digit()
            && sep.is_none_or(|p| p == v[k])
        {
            sep = Some(v[k]);
            k += 1;
        } else {
            break;
        }
    }
    if k < n && v[k].is_ascii_digit() {
        return None;
    }
    let ok = match (count, sep) {
        (3, Some(_)) => {
            (groups[0] <= 2 && groups[1] <= 2 && (groups[2] == 4 || groups[2] == 2))
                || (groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2)
        }
        (2, Some('/')) => groups[0] <= 2 && groups[1] == 4,
        _ => false,
    };
    ok.then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(String, TokenKind)> {
        let chars: Vec<char> = s.chars().collect();
        let view = Normalized::new(s);
        tokenize(&chars, &view, Segmenter::global())
            .iter()
            .map(|t| {
                (
                    chars[t.start as usize..t.end as usize].iter().collect(),
                    t.kind,
                )
            })
            .collect()
    }

    fn kinds(s: &str) -> Vec<TokenKind> {
        toks(s).into_iter().map(|t| t.1).collect()
    }

    use TokenKind::*;

    #[test]
    fn arabic_words_keep_their_marks_and_tatweel() {
        assert_eq!(
            toks("قُتِلَ الـمـلك"),
            vec![("قُتِلَ".into(), Word), ("الـمـلك".into(), Word)]
        );
    }

    #[test]
    fn numbers_western_and_arabic_indic() {
        assert_eq!(
            toks("3.5 و1,000 و٢٠١٤ و٣٫٥ و١٬٢٠٠"),
            vec![
                ("3.5".into(), Number),
                ("و".into(), Prefix),
                ("1,000".into(), Number),
                ("و".into(), Prefix),
                ("٢٠١٤".into(), Number),
                ("و".into(), Prefix),
                ("٣٫٥".into(), Number),
                ("و".into(), Prefix),
                ("١٬٢٠٠".into(), Number),
            ]
        );
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(kinds("21/9/2014"), vec![Date]);
        assert_eq!(kinds("2014-09-21"), vec![Date]);
        assert_eq!(kinds("٢١/٩/٢٠١٤"), vec![Date]);
        assert_eq!(kinds("21.9.2014"), vec![Date]);
        assert_eq!(kinds("9/2014"), vec![Date]);
        assert_eq!(kinds("2014-2016"), vec![Number, Punct, Number]);
    }

    #[test]
    fn number_glued_to_a_word_splits() {
        assert_eq!(kinds("2006م"), vec![Number, Word]);
    }

    #[test]
    fn latin_words_with_apostrophes() {
        assert_eq!(
            toks("Sana'a AQAP"),
            vec![("Sana'a".into(), Latin), ("AQAP".into(), Latin)]
        );
    }

    #[test]
    fn prefix_written_with_tatweel() {
        assert_eq!(
            toks("بـ”قلب اليمن”"),
            vec![
                ("بـ".into(), Prefix),
                ("”".into(), Punct),
                ("قلب".into(), Word),
                ("اليمن".into(), Word),
                ("”".into(), Punct),
            ]
        );
        assert_eq!(kinds("لـ”العين”"), vec![Prefix, Punct, Word, Punct]);
        assert_eq!(kinds("الـ 400"), vec![Prefix, Number]);
        assert_eq!(kinds("بـداعش"), vec![Word]);
    }

    #[test]
    fn punctuation_runs() {
        assert_eq!(
            kinds("ماذا؟! ... ، ؛ « »"),
            vec![Word, Punct, Punct, Punct, Punct, Punct, Punct]
        );
        assert_eq!(kinds("€ 5%"), vec![Symbol, Number, Punct]);
    }

    #[test]
    fn prefix_tokens_carry_their_clitics() {
        let s = "وبـ”الحرس”";
        let chars: Vec<char> = s.chars().collect();
        let view = Normalized::new(s);
        let t = tokenize(&chars, &view, Segmenter::global());
        assert_eq!(t[0].kind, Prefix);
        assert_eq!(t[0].seg.segments(t[0].view(&view)), vec!["و", "ب"]);
    }

    #[test]
    fn words_carry_segmentation() {
        let s = "والحوثيين";
        let chars: Vec<char> = s.chars().collect();
        let view = Normalized::new(s);
        let t = tokenize(&chars, &view, Segmenter::global());
        assert_eq!(
            t[0].seg.segments(t[0].view(&view)),
            vec!["و", "ال", "حوثيين"]
        );
    }
}
