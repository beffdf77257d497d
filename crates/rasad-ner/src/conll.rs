//! CoNLL-style files: one token a line (with its tag in the last column for training data), a
//! blank line between sentences.

use crate::Tag;

/// A tagged sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The tokens as written.
    pub tokens: Vec<String>,
    /// One tag a token.
    pub tags: Vec<Tag>,
}

/// A line of a training file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {what}")]
pub struct ConllError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub what: String,
}

/// Read a tagged corpus: `token TAG` a line (separated by spaces or a tab; the tag is the last
/// field), sentences separated by blank lines.
pub fn read_tagged(text: &str) -> Result<Vec<Sentence>, ConllError> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        tags: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        tokens: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let mut fields = line.split_whitespace();
        let (Some(tok), Some(tag)) = (fields.next(), fields.next_back()) else {
            return Err(ConllError {
                line: n + 1,
                what: format!("expected `token TAG`, found {line:?}"),
            });
        };
        let tag = Tag::parse(tag).ok_or_else(|| ConllError {
            line: n + 1,
            what: format!(
                "unknown tag {tag:?} (expected O, B-X or I-X with X one of PERS LOC ORG MISC)"
            ),
        })?;
        cur.tokens.push(tok.to_string());
        cur.tags.push(tag);
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Read tokens to tag: one a line (the first field; further columns are ignored, so a tagged
/// file can be re-tagged), sentences separated by blank lines.
pub fn read_tokens(text: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for line in text.lines() {
        match line.split_whitespace().next() {
            Some(tok) => cur.push(tok),
            None => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EntityType;

    #[test]
    fn reads_tagged_sentences() {
        let s = read_tagged("زار B-PERS\nعدن\tB-LOC\n\n\nقال O\r\n").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, vec!["زار", "عدن"]);
        assert_eq!(
            s[0].tags,
            vec![Tag::B(EntityType::Pers), Tag::B(EntityType::Loc)]
        );
        assert_eq!(s[1].tags, vec![Tag::O]);
        let e = read_tagged("a O\nb B-FOO\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(read_tagged("lonely\n").is_err());
    }

    #[test]
    fn reads_tokens() {
        let s = read_tokens("\nأ\nب O\n\n\nج\n");
        assert_eq!(s, vec![vec!["أ", "ب"], vec!["ج"]]);
        assert!(read_tokens("").is_empty());
    }
}
