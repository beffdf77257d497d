//! Arabic-aware full-text search.
//!
//! SQLite's FTS5 tokenizers split Arabic words at diacritics and know nothing of clitics, so the
//! index holds a shadow of each text made by the text layer: every word's clitic-free stem key
//! (column `stem`). A query is read the same way, so
//! «الحوثيين» finds «وللحوثيين» and «الحُوثِيّين», and «أسرى» finds «الاسرى».

use crate::{Error, Result, Store};
use rasad_text::{Analysis, TokenKind};
use rusqlite::params;
use serde::Serialize;

/// One search result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Document id.
    pub document: String,
    /// Its title.
    pub title: Option<String>,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Its story (dedupe group).
    pub story: String,
    /// The first sentence holding a query word.
    pub snippet: String,
    /// FTS5 rank (bm25; lower is better).
    pub rank: f64,
}

/// The stem keys of a text, as the index holds them.
pub fn stem_keys(text: &str) -> Vec<String> {
    keys_of(&Analysis::new(text))
}

/// The stem keys of an analysed text: words by their clitic-free stem key, numbers and Latin
/// words as written (lower case); punctuation dropped.
pub fn keys_of(a: &Analysis) -> Vec<String> {
    let mut out = Vec::new();
    let mut key = String::new();
    for t in &a.tokens {
        let view = t.view(&a.view);
        match t.kind {
            TokenKind::Word => t.seg.stem_key_into(view, &mut key),
            TokenKind::Number | TokenKind::Latin | TokenKind::Date => {
                key.clear();
                key.extend(view.iter().flat_map(|c| c.to_lowercase()));
            }
            _ => continue,
        }
        if !key.is_empty() {
            out.push(key.clone());
        }
    }
    out
}

/// The FTS5 match expression of a query: every word's stem key must occur; a query in double
/// quotes is a phrase.
pub fn match_expression(query: &str) -> Result<String> {
    let q = query.trim();
    let phrase = q.len() >= 2 && q.starts_with('"') && q.ends_with('"');
    let keys = stem_keys(q.trim_matches('"'));
    if keys.is_empty() {
        return Err(Error::BadQuery(format!(
            "no words to search for in «{query}»"
        )));
    }
    let quote = |k: &str| format!("\"{}\"", k.replace('"', "\"\""));
    Ok(if phrase {
        format!("stem : {}", quote(&keys.join(" ")))
    } else {
        let terms: Vec<String> = keys.iter().map(|k| quote(k)).collect();
        format!("stem : ({})", terms.join(" AND "))
    })
}

impl Store {
    /// Documents matching `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        let expr = match_expression(query)?;
        let keys = stem_keys(query.trim().trim_matches('"'));
        let mut st = self.conn.prepare(
            "SELECT d.id, d.title, s.outlet, d.published, d.story, d.text, f.rank
             FROM documents_fts f JOIN documents d ON d.rowid = f.rowid
             LEFT JOIN sources s ON s.id = d.source
             WHERE documents_fts MATCH ?1 ORDER BY f.rank LIMIT ?2",
        )?;
        let rows = st.query_map(params![expr, limit as i64], |r| {
            Ok((
                Hit {
                    document: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    story: r.get(4)?,
                    snippet: String::new(),
                    rank: r.get(6)?,
                },
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut hit, text) = row?;
            hit.snippet = snippet(&text, &keys);
            out.push(hit);
        }
        Ok(out)
    }
}

/// The first sentence of `text` with a token whose stem key is one of `keys`.
fn snippet(text: &str, keys: &[String]) -> String {
    let a = Analysis::new(text);
    let mut key = String::new();
    for t in &a.tokens {
        t.seg.stem_key_into(t.view(&a.view), &mut key);
        if keys.contains(&key) {
            if let Some(s) = a
                .sentences
                .iter()
                .find(|s| s.start <= t.start && t.end <= s.end)
            {
                return a.slice(s.start, s.end);
            }
        }
    }
    a.sentences
        .first()
        .map(|s| a.slice(s.start, s.end))
        .unwrap_or_default()
}
