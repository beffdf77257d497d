//! CoNLL-style files: one token a line (with its tag in the last column for training data), a
//! blank line between sentences.

use crate::{EntityType, Tag};

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

/// Read a corpus in the Wojood layout (`token TAG [TAG …]` a line, nested entities as extra
/// columns, `$#$` marking a paragraph end, a blank line between segments) into the ANERcorp
/// scheme: every column's spans are read, each span's type is mapped by `map` (a type it maps to
/// `None` is dropped), and of the kept spans the outermost win (a kept span inside another kept
/// span is dropped). `$#$` tokens are left out.
pub fn read_wojood(
    text: &str,
    map: impl Fn(&str) -> Option<EntityType>,
) -> Result<Vec<Sentence>, ConllError> {
    let mut out = Vec::new();
    // Per token: the token and its columns.
    let mut seg: Vec<(String, Vec<String>)> = Vec::new();
    let flush = |seg: &mut Vec<(String, Vec<String>)>, out: &mut Vec<Sentence>| {
        if seg.is_empty() {
            return;
        }
        let n = seg.len();
        let cols = seg.iter().map(|(_, c)| c.len()).max().unwrap_or(0);
        // Spans (start, end, type) of every column.
        let mut spans: Vec<(usize, usize, EntityType)> = Vec::new();
        for c in 0..cols {
            let mut open: Option<(usize, String)> = None;
            let mut close = |open: &mut Option<(usize, String)>, end: usize| {
                if let Some((s, ty)) = open.take() {
                    if let Some(e) = map(&ty) {
                        spans.push((s, end, e));
                    }
                }
            };
            for (i, (_, tags)) in seg.iter().enumerate() {
                let t = tags.get(c).map_or("O", String::as_str);
                match t.split_once('-') {
                    Some(("I", ty)) if open.as_ref().is_some_and(|(_, o)| o == ty) => {}
                    Some((_, ty)) => {
                        close(&mut open, i);
                        open = Some((i, ty.to_string()));
                    }
                    None => close(&mut open, i),
                }
            }
            close(&mut open, n);
        }
        // Outermost first: longer spans, then earlier ones.
        spans.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
        let mut tags = vec![Tag::O; n];
        let mut taken = vec![false; n];
        for (s, e, ty) in spans {
            if taken[s..e].iter().any(|&x| x) {
                continue;
            }
            for (i, t) in tags[s..e].iter_mut().enumerate() {
                *t = if i == 0 { Tag::B(ty) } else { Tag::I(ty) };
            }
            taken[s..e].iter_mut().for_each(|x| *x = true);
        }
        let (tokens, tags): (Vec<String>, Vec<Tag>) = seg
            .drain(..)
            .zip(tags)
            .filter(|((w, _), _)| w != "$#$")
            .map(|((w, _), t)| (w, t))
            .unzip();
        if !tokens.is_empty() {
            out.push(Sentence { tokens, tags });
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let mut fields = line.split_whitespace();
        let Some(tok) = fields.next() else {
            flush(&mut seg, &mut out);
            continue;
        };
        let cols: Vec<String> = fields.map(str::to_string).collect();
        if cols.is_empty() {
            return Err(ConllError {
                line: n + 1,
                what: format!("expected `token TAG`, found {line:?}"),
            });
        }
        seg.push((tok.to_string(), cols));
    }
    flush(&mut seg, &mut out);
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
    fn reads_wojood_outermost_kept_spans() {
        // Written for the test, in the Wojood layout.
        let text = "سكرتير B-OCC\nاللجنة I-OCC B-ORG\nالعربية I-OCC I-ORG\nفي I-OCC\n\
                    نابلس I-OCC B-GPE\n$#$ O\n\nمجلس B-ORG\nالأمن I-ORG B-ORG\nعمان I-ORG B-GPE\n";
        let map = |t: &str| match t {
            "ORG" => Some(EntityType::Org),
            "GPE" => Some(EntityType::Loc),
            _ => None,
        };
        let s = read_wojood(text, map).unwrap();
        assert_eq!(s.len(), 2);
        let tags = |i: usize| s[i].tags.iter().map(|t| t.as_str()).collect::<Vec<_>>();
        assert_eq!(tags(0), ["O", "B-ORG", "I-ORG", "O", "B-LOC"]);
        assert_eq!(s[0].tokens.len(), 5, "$#$ is left out");
        assert_eq!(tags(1), ["B-ORG", "I-ORG", "I-ORG"]);
    }

    #[test]
    fn reads_tokens() {
        let s = read_tokens("\nأ\nب O\n\n\nج\n");
        assert_eq!(s, vec![vec!["أ", "ب"], vec!["ج"]]);
        assert!(read_tokens("").is_empty());
    }
}
