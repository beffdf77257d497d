//! The plain-text reader.
//!
//! - Line ends are unified (CRLF, CR → LF), a BOM is dropped, and each line is trimmed.
//! - Site furniture at the ends is removed ([`crate::boilerplate`]): lexicon lines at the start and
//!   the end, and at the end a run of two or more short unpunctuated lines.
//! - The first non-empty line is the title; blank-line-separated blocks are paragraphs; inside a
//!   block lines stay as written, one per line.
//! - A heading is a short line without sentence punctuation that stands before more text: on its
//!   own between paragraphs, or as the first line of a block («ورقة حوثية» over its paragraph).
//!
//! The clean text is the title, a blank line, then the blocks separated by blank lines.

use crate::boilerplate::{is_short_unpunctuated, Lexicon};
use crate::{Article, IngestError, Origin};

/// Read a plain-text article. `title` overrides the first-line rule (JSON Lines records carry one).
pub fn read_plain(raw: &str, title: Option<&str>, origin: Origin) -> Result<Article, IngestError> {
    let lexicon = Lexicon::global();
    let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    // blocks of trimmed, non-empty lines
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in raw.split('\n').flat_map(|l| l.split('\r')) {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }

    let mut removed = Vec::new();
    // furniture at the start: lexicon lines only (a title is short and unpunctuated too)
    while let Some(first) = blocks.first_mut() {
        if lexicon.matches(first[0]) {
            removed.push(first.remove(0).to_string());
            if first.is_empty() {
                blocks.remove(0);
            }
        } else {
            break;
        }
    }
    // furniture at the end: lexicon lines, and runs of short unpunctuated lines
    trim_end(&mut blocks, lexicon, &mut removed);

    let title_line = match title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => Some(t),
        None => {
            let Some(first) = blocks.first_mut() else {
                return Err(IngestError::Empty);
            };
            let t = first.remove(0);
            if first.is_empty() {
                blocks.remove(0);
            }
            Some(t)
        }
    };
    if blocks.is_empty() && title_line.is_none() {
        return Err(IngestError::Empty);
    }

    let mut text = String::with_capacity(raw.len());
    let mut len: u32 = 0;
    let mut article = Article {
        origin,
        ..Default::default()
    };
    let push = |s: &str, text: &mut String, len: &mut u32| -> (u32, u32) {
        let start = *len;
        text.push_str(s);
        *len += s.chars().count() as u32;
        (start, *len)
    };
    if let Some(t) = title_line {
        // a title given apart may hold line breaks: keep it on one line
        let one_line = t.split_whitespace().collect::<Vec<_>>().join(" ");
        article.title = Some(push(&one_line, &mut text, &mut len));
    }
    let nblocks = blocks.len();
    for (b, block) in blocks.iter().enumerate() {
        if !text.is_empty() {
            push("\n\n", &mut text, &mut len);
        }
        let mut para_start: Option<u32> = None;
        let mut para_end = 0;
        for (l, line) in block.iter().enumerate() {
            if l > 0 {
                push("\n", &mut text, &mut len);
            }
            let more_follows = l + 1 < block.len() || b + 1 < nblocks;
            let is_heading = is_short_unpunctuated(line) && more_follows && para_start.is_none();
            let span = push(line, &mut text, &mut len);
            if is_heading {
                article.headings.push(span);
            } else {
                para_start.get_or_insert(span.0);
                para_end = span.1;
            }
        }
        if let Some(s) = para_start {
            article.paragraphs.push((s, para_end));
        }
    }
    article.text = text;
    article.removed = removed;
    Ok(article)
}

fn trim_end(blocks: &mut Vec<Vec<&str>>, lexicon: &Lexicon, removed: &mut Vec<String>) {
    // the lines with their block numbers, in order
    let flat: Vec<(usize, &str)> = blocks
        .iter()
        .enumerate()
        .flat_map(|(b, lines)| lines.iter().map(move |l| (b, *l)))
        .collect();
    // the run of candidate lines at the end; it never reaches the first line (the title)
    let mut run_start = flat.len();
    let mut shorts = 0;
    while run_start > 1 {
        let line = flat[run_start - 1].1;
        if lexicon.matches(line) {
            run_start -= 1;
        } else if is_short_unpunctuated(line) {
            shorts += 1;
            run_start -= 1;
        } else {
            break;
        }
    }
    // two or more short lines make the run furniture by structure, if any real text is left
    let structural = shorts >= 2 && run_start > 1;
    let mut kept: Vec<Vec<&str>> = Vec::with_capacity(blocks.len());
    let mut last_block = usize::MAX;
    for (i, &(b, line)) in flat.iter().enumerate() {
        let drop = i >= run_start && (structural || lexicon.matches(line));
        if drop {
            removed.push(line.to_string());
            continue;
        }
        if b != last_block {
            kept.push(Vec::new());
            last_block = b;
        }
        kept.last_mut().expect("pushed above").push(line);
    }
    *blocks = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Article {
        read_plain(s, None, Origin::default()).unwrap()
    }

    fn spans(a: &Article, v: &[(u32, u32)]) -> Vec<String> {
        let chars: Vec<char> = a.text.chars().collect();
        v.iter()
            .map(|&(s, e)| chars[s as usize..e as usize].iter().collect())
            .collect()
    }

    #[test]
    fn title_paragraphs_and_clean_text() {
        let a = read("\u{FEFF}عنوان الخبر\r\n\r\nالفقرة الأولى هنا.  \r\n\r\n\r\nالفقرة الثانية.\n");
        assert_eq!(
            a.text,
            "عنوان الخبر\n\nالفقرة الأولى هنا.\n\nالفقرة الثانية."
        );
        assert_eq!(spans(&a, &[a.title.unwrap()]), vec!["عنوان الخبر"]);
        assert_eq!(
            spans(&a, &a.paragraphs),
            vec!["الفقرة الأولى هنا.", "الفقرة الثانية."]
        );
    }

    #[test]
    fn heading_over_its_paragraph() {
        let a =
            read("العنوان\n\nفقرة أولى.\n\nورقة حوثية\nوقال المسؤول إن الأمر انتهى.\n\nفقرة أخيرة.");
        assert_eq!(spans(&a, &a.headings), vec!["ورقة حوثية"]);
        assert_eq!(a.paragraphs.len(), 3);
        assert!(a.text.contains("ورقة حوثية\nوقال"));
    }

    #[test]
    fn heading_on_its_own_between_paragraphs() {
        let a = read("العنوان\n\nفقرة أولى.\n\nخلفية الأحداث\n\nفقرة ثانية.");
        assert_eq!(spans(&a, &a.headings), vec!["خلفية الأحداث"]);
    }

    #[test]
    fn furniture_at_the_end_goes() {
        let a = read("العنوان\n\nفقرة أولى.\n\nمقالات ذات صلة\n\nزر الذهاب إلى الأعلى");
        assert_eq!(a.text, "العنوان\n\nفقرة أولى.");
        assert_eq!(a.removed, vec!["مقالات ذات صلة", "زر الذهاب إلى الأعلى"]);
    }

    #[test]
    fn furniture_at_the_start_goes() {
        let a = read("الرئيسية\nاقرأ أيضا: خبر آخر\n\nالعنوان\n\nفقرة.");
        assert_eq!(spans(&a, &[a.title.unwrap()]), vec!["العنوان"]);
    }

    #[test]
    fn structural_run_of_short_lines_goes() {
        let a = read("العنوان\n\nفقرة أولى.\n\nاليمن\nالحوثيون\nعدن");
        assert_eq!(a.text, "العنوان\n\nفقرة أولى.");
    }

    #[test]
    fn a_lone_short_closing_line_stays() {
        let a = read("العنوان\n\nفقرة أولى.\n\nوالله الموفق");
        assert!(a.text.ends_with("والله الموفق"));
    }

    #[test]
    fn a_real_closing_paragraph_is_never_dropped() {
        let a =
            read("العنوان\n\nفقرة أولى.\n\nوختم المسؤول حديثه بالتأكيد على استمرار العمل.\n\nشارك");
        assert!(a.text.ends_with("استمرار العمل."));
    }

    #[test]
    fn given_title_keeps_first_line_as_text() {
        let a = read_plain(
            "السطر الأول من النص.",
            Some("عنوان\nمعطى"),
            Origin::default(),
        )
        .unwrap();
        assert_eq!(a.text, "عنوان معطى\n\nالسطر الأول من النص.");
    }

    #[test]
    fn empty_input_is_an_error() {
        assert_eq!(
            read_plain("  \n\t\n", None, Origin::default()),
            Err(IngestError::Empty)
        );
        assert_eq!(
            read_plain("مقالات ذات صلة\n", None, Origin::default()),
            Err(IngestError::Empty)
        );
    }
}
