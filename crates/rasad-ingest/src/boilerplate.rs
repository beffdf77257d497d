//! Site furniture: the lines a scraper copies from around an article («مقالات ذات صلة», «زر
//! الذهاب إلى الأعلى», «Read more», «Partager»).
//!
//! Two rules, each tested below:
//! - **Lexicon** (`data/boilerplate/lines.txt`): a line equal to an entry, or starting with an entry
//!   written `TEXT *`, after both are folded the same way (the text layer's view, lower case, digits
//!   and punctuation dropped, spaces collapsed).
//! - **Structure** ([`is_short_unpunctuated`]): at the end of an article, a run of two or more short
//!   lines without sentence punctuation is furniture (tags, share buttons, author boxes). A line with
//!   sentence punctuation or more than [`SHORT_WORDS`] words is never furniture by structure, so a
//!   real closing paragraph is never dropped.

use rasad_text::normalize::push_key;
use std::collections::HashSet;
use std::sync::OnceLock;

const LINES: &str = include_str!("../../../data/boilerplate/lines.txt");

/// Longest line (in words) the structural rule may drop.
pub const SHORT_WORDS: usize = 6;
/// Longest line (in characters) the structural rule may drop.
pub const SHORT_CHARS: usize = 60;

/// The compiled furniture lexicon.
pub struct Lexicon {
    exact: HashSet<String>,
    prefixes: Vec<String>,
}

impl Lexicon {
    /// The lexicon compiled into the crate.
    pub fn global() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon::parse(LINES))
    }

    /// Parse a lexicon file.
    pub fn parse(text: &str) -> Lexicon {
        let mut exact = HashSet::new();
        let mut prefixes = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(p) = line.strip_suffix(" *") {
                let k = fold_line(p);
                if !k.is_empty() {
                    prefixes.push(k);
                }
            } else {
                let k = fold_line(line);
                if !k.is_empty() {
                    exact.insert(k);
                }
            }
        }
        Lexicon { exact, prefixes }
    }

    /// True when `line` is a furniture line of the lexicon.
    pub fn matches(&self, line: &str) -> bool {
        let k = fold_line(line);
        if k.is_empty() {
            return false;
        }
        self.exact.contains(&k)
            || self
                .prefixes
                .iter()
                .any(|p| k == *p || (k.starts_with(p.as_str()) && k[p.len()..].starts_with(' ')))
    }
}

/// Fold a line for comparison: the text layer's view, lower case, digits and punctuation dropped,
/// spaces collapsed.
pub fn fold_line(line: &str) -> String {
    let mut view = String::with_capacity(line.len());
    push_key(line, &mut view);
    let mut out = String::with_capacity(view.len());
    let mut space = false;
    for c in view.chars() {
        if c.is_alphabetic() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() || c.is_ascii_punctuation() || !c.is_numeric() {
            space = true;
        }
    }
    out
}

/// True for characters that end or articulate a sentence.
fn is_sentence_punct(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '؟' | '،' | '؛' | ':' | ',' | ';' | '…' | '۔'
    )
}

/// True for a short line without sentence punctuation: a candidate for the structural rule, and
/// the shape of a heading.
pub fn is_short_unpunctuated(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.chars().count() <= SHORT_CHARS
        && line.split_whitespace().count() <= SHORT_WORDS
        && !line.chars().any(is_sentence_punct)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_matches_whole_lines_in_any_spelling() {
        let l = Lexicon::global();
        assert!(l.matches("مقالات ذات صلة"));
        assert!(l.matches("  مقالاتُ ذاتِ صلةٍ :"));
        assert!(l.matches("زر الذهاب إلى الأعلى"));
        assert!(l.matches("اقرأ أيضاً: الحوثيون يعلنون هدنة"));
        assert!(l.matches("Read more"));
        assert!(!l.matches("وقال المسؤول إن المقالات ذات صلة بالموضوع نشرت أمس."));
        assert!(!l.matches("اليمن"));
    }

    #[test]
    fn prefix_entries_need_a_word_boundary() {
        let l = Lexicon::parse("تابعونا على *\n");
        assert!(l.matches("تابعونا على تويتر"));
        assert!(l.matches("تابعونا على"));
        assert!(!l.matches("تابعونا علىالفور"));
    }

    #[test]
    fn fold_drops_marks_digits_and_punctuation() {
        assert_eq!(fold_line("«شارك» 12 مرّة!"), "شارك مره");
        assert_eq!(fold_line("READ   More"), "read more");
    }

    #[test]
    fn short_unpunctuated_lines() {
        assert!(is_short_unpunctuated("ورقة حوثية"));
        assert!(!is_short_unpunctuated("وقال المسؤول إن الهجوم فشل."));
        assert!(!is_short_unpunctuated(
            "هذه جملة طويلة بما يكفي كي لا تعد سطرا قصيرا أبدا"
        ));
    }
}
