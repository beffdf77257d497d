//! Publication dates as pages write them: ISO 8601 in metadata, dates in URL paths
//! (`/2019/02/08/`, `/2013/middle_east/8/3/`), and Arabic date text in bylines («الجمعة 8 فيفري
//! 2019», «28 آب/اغسطس 2013», «٣ أغسطس ٢٠١٣») in the three month-name systems (Egyptian/Gulf
//! «أغسطس», Levantine «آب», Maghrebi «أوت»/«غشت»).

use crate::boilerplate::fold_line;

/// A valid calendar date as `YYYY-MM-DD`.
fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (d <= days).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The value of a digit in ASCII, Arabic-Indic or Extended Arabic-Indic (Persian) script.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

fn number(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 4 {
        return None;
    }
    s.chars()
        .try_fold(0u32, |acc, c| digit(c).map(|d| acc * 10 + d))
}

/// An ISO 8601 date or date-time at the start of `s` (`2019-02-08T00:00:00+01:00`,
/// `2019/02/08`): the date part as `YYYY-MM-DD`.
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b: Vec<char> = s.chars().take(10).collect();
    if b.len() < 10 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| number(&b[r].iter().collect::<String>());
    let sep_ok = matches!(b[4], '-' | '/' | '.') && b[7] == b[4];
    if !sep_ok {
        return None;
    }
    ymd(num(0..4)?, num(5..7)?, num(8..10)?)
}

/// A date in a URL path: `/2019/02/08/`, `/2013/middle_east/8/3/` (one word segment may stand
/// between the year and the month), or `2019-02-08` inside a segment.
pub fn url_date(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let segs: Vec<&str> = path.split('/').collect();
    for (i, seg) in segs.iter().enumerate() {
        let Some(y) = number(seg).filter(|y| (1990..=2100).contains(y) && seg.len() == 4) else {
            continue;
        };
        let rest: Vec<&str> = segs[i + 1..].iter().take(3).copied().collect();
        let nums: Vec<u32> = {
            let skip = usize::from(rest.first().is_some_and(|s| number(s).is_none()));
            rest.iter()
                .skip(skip)
                .take(2)
                .map_while(|s| number(s).filter(|_| s.len() <= 2))
                .collect()
        };
        if nums.len() == 2 {
            if let Some(d) = ymd(y, nums[0], nums[1]) {
                return Some(d);
            }
        }
    }
    // 2019-02-08 inside a segment
    let chars: Vec<char> = path.chars().collect();
    for i in 0..chars.len().saturating_sub(9) {
        if (i == 0 || !chars[i - 1].is_ascii_digit()) && chars[i].is_ascii_digit() {
            let s: String = chars[i..i + 10].iter().collect();
            if let Some(d) = iso_date(&s) {
                if chars.get(i + 10).is_none_or(|c| !c.is_ascii_digit()) {
                    return Some(d);
                }
            }
        }
    }
    None
}

/// The month of a folded Arabic (or French/English) month word.
fn month(word: &str) -> Option<u32> {
    Some(match word {
        "يناير" | "جانفي" | "janvier" | "january" => 1,
        "فبراير" | "فيفري" | "فبرير" | "février" | "fevrier" | "february" => 2,
        "مارس" | "اذار" | "march" | "mars" => 3,
        "ابريل" | "افريل" | "نيسان" | "april" | "avril" => 4,
        "مايو" | "ماي" | "ايار" | "may" | "mai" => 5,
        "يونيو" | "يونيه" | "جوان" | "حزيران" | "يونيوز" | "june" | "juin" => {
            6
        }
        "يوليو" | "يوليه" | "جويليه" | "تموز" | "يوليوز" | "july" | "juillet" => {
            7
        }
        "اغسطس" | "اغسطوس" | "اوت" | "غشت" | "اب" | "august" | "août" | "aout" => {
            8
        }
        "سبتمبر" | "ايلول" | "شتنبر" | "september" | "septembre" => 9,
        "اكتوبر" | "october" | "octobre" => 10,
        "نوفمبر" | "نونبر" | "november" | "novembre" => 11,
        "ديسمبر" | "دجنبر" | "december" | "décembre" | "decembre" => 12,
        _ => return None,
    })
}

/// Two-word Levantine months: «كانون الثاني», «تشرين الأول».
fn month2(a: &str, b: &str) -> Option<u32> {
    let second = matches!(b, "الثاني" | "ثاني");
    let first = matches!(b, "الاول" | "اول");
    match a {
        "كانون" if second => Some(1),
        "كانون" if first => Some(12),
        "تشرين" if first => Some(10),
        "تشرين" if second => Some(11),
        _ => None,
    }
}

enum Tok {
    Num(u32, usize),
    Month(u32),
    Word,
}

fn tokens(text: &str) -> Vec<Tok> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '،' | ',' | '-' | '(' | ')' | '|'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.chars().any(|c| digit(c).is_some()) {
                w.trim_matches(|c: char| digit(c).is_none()).to_string()
            } else {
                fold_line(w)
            }
        })
        .collect();
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_str();
        if let Some(n) = number(w) {
            out.push(Tok::Num(n, w.chars().count()));
        } else if let Some(m) = words.get(i + 1).and_then(|b| month2(w, b)) {
            out.push(Tok::Month(m));
            i += 1;
        } else if let Some(m) = month(w) {
            out.push(Tok::Month(m));
        } else {
            out.push(Tok::Word);
        }
        i += 1;
    }
    out
}

/// The first written date «DAY MONTH[/MONTH] YEAR» (or «MONTH DAY YEAR») in `text`.
pub fn text_date(text: &str) -> Option<String> {
    let toks = tokens(text);
    for i in 0..toks.len() {
        // DAY MONTH+ YEAR
        if let Tok::Num(d, dl) = toks[i] {
            if dl > 2 {
                continue;
            }
            let mut j = i + 1;
            let mut m = None;
            while let Some(Tok::Month(x)) = toks.get(j) {
                m.get_or_insert(*x);
                j += 1;
            }
            if let (Some(m), Some(Tok::Num(y, 4))) = (m, toks.get(j)) {
                if let Some(date) = ymd(*y, m, d) {
                    return Some(date);
                }
            }
        }
        // MONTH DAY YEAR
        if let (Tok::Month(m), Some(Tok::Num(d, 1..=2)), Some(Tok::Num(y, 4))) =
            (&toks[i], toks.get(i + 1), toks.get(i + 2))
        {
            if let Some(date) = ymd(*y, *m, *d) {
                return Some(date);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert_eq!(
            iso_date("2019-02-08T00:00:00+01:00").as_deref(),
            Some("2019-02-08")
        );
        assert_eq!(iso_date("2019/2/08"), None);
        assert_eq!(iso_date("2019-02-30"), None);
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            url_date("http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html")
                .as_deref(),
            Some("2013-08-03")
        );
        assert_eq!(
            url_date("https://x.com/news/2021/11/05/story").as_deref(),
            Some("2021-11-05")
        );
        assert_eq!(
            url_date("https://x.com/a/story-2020-01-31.html").as_deref(),
            Some("2020-01-31")
        );
        assert_eq!(url_date("https://x.com/article/164913/slug"), None);
    }

    #[test]
    fn arabic_text_dates() {
        assert_eq!(
            text_date("الجمعة 8 فيفري 2019").as_deref(),
            Some("2019-02-08")
        );
        assert_eq!(
            text_date("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00").as_deref(),
            Some("2013-08-28")
        );
        assert_eq!(
            text_date("نشر في ٣ أغسطس ٢٠١٣").as_deref(),
            Some("2013-08-03")
        );
        assert_eq!(
            text_date("السبت 12 كانون الثاني 2019").as_deref(),
            Some("2019-01-12")
        );
        assert_eq!(text_date("August 3, 2013").as_deref(), Some("2013-08-03"));
        assert_eq!(text_date("قتل 12 شخصا في 2013"), None);
    }
}
