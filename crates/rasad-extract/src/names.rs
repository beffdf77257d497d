//! Names the dictionaries do not hold, from the trained tagger (`rasad-ner`).
//!
//! The tagger reads the document's sentences (tokens as written) and marks persons,
//! organisations, places and other names. A person or organisation it finds where no mention
//! stands yet becomes a mention with `entity: null` and `via: null`: an actor the dictionary
//! lacks, shown to the analyst (and to whoever extends `data/actors/`), never guessed into an
//! event side (the event rules read linked mentions only). Places stay with the gazetteer: an
//! unknown place cannot be geocoded.
//!
//! Tagging costs about as much as the rest of the text layer (~160,000 tokens/s), so it is an
//! option of the analysis ([`crate::Options::names`]).

use rasad_doc::{EntityKind, Mention};
use rasad_ner::{EntityType, Tagger};
use rasad_text::{Analysis, TokenKind};

/// The mentions of unlinked persons and organisations in `a`, given the linked `mentions` (any
/// overlap with one drops the tagger's span), in text order.
pub fn unlinked(a: &Analysis, mentions: &[Mention]) -> Vec<Mention> {
    let tagger = Tagger::global();
    let sentences: Vec<Vec<usize>> = a
        .sentences
        .iter()
        .map(|s| {
            let from = a.tokens.partition_point(|t| t.start < s.start);
            let to = a.tokens.partition_point(|t| t.start < s.end);
            (from..to).collect()
        })
        .collect();
    let words: Vec<Vec<String>> = sentences
        .iter()
        .map(|toks| {
            toks.iter()
                .map(|&t| a.slice(a.tokens[t].start, a.tokens[t].end))
                .collect()
        })
        .collect();
    let tags = tagger.tag_document(&words);
    let taken = |s: u32, e: u32| mentions.iter().any(|m| m.start < e && s < m.end);
    let mut out = Vec::new();
    for (toks, tags) in sentences.iter().zip(&tags) {
        for ent in rasad_ner::eval::chunks(tags) {
            let kind = match ent.kind {
                EntityType::Pers => EntityKind::Per,
                EntityType::Org => EntityKind::Org,
                _ => continue,
            };
            let first = &a.tokens[toks[ent.start]];
            let last = &a.tokens[toks[ent.end - 1]];
            // a name has a word in it, and is no single letter
            let has_word = (ent.start..ent.end).any(|i| a.tokens[toks[i]].kind == TokenKind::Word);
            if !has_word || last.end - first.start < 2 || taken(first.start, last.end) {
                continue;
            }
            out.push(Mention {
                start: first.start,
                end: last.end,
                text: a.slice(first.start, last.end),
                kind,
                entity: None,
                via: None,
            });
        }
    }
    out
}
