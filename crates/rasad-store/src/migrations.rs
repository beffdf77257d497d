//! Versioned schema migrations, tracked in SQLite's `user_version`.
//!
//! Each entry of [`MIGRATIONS`] moves the schema one version up and runs in its own transaction;
//! an entry, once released, is never edited — a change is a new entry.

use crate::{Error, Result};
use rusqlite::Connection;

/// The migrations, version 1 first.
pub const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    r#"
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    outlet TEXT NOT NULL UNIQUE
);
-- A story is a dedupe group: an article and its exact and near-duplicate copies.
CREATE TABLE stories (
    id TEXT PRIMARY KEY,          -- the id of its first document, as 'story-…'
    first_document TEXT NOT NULL
);
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,    -- the full-text index's row
    id TEXT NOT NULL UNIQUE,      -- content-derived ('doc-…')
    story TEXT NOT NULL REFERENCES stories(id),
    duplicate_of TEXT,            -- exact copy (same normalised text) of this document
    text_hash TEXT NOT NULL,      -- hash of the normalised text
    minhash BLOB NOT NULL,        -- MinHash signature over word shingles (64 x u32, LE)
    near_ok INTEGER NOT NULL,     -- long enough to be linked as a near-duplicate
    source INTEGER REFERENCES sources(id),
    path TEXT, url TEXT, published TEXT, language TEXT,
    title TEXT,
    text TEXT NOT NULL
);
CREATE INDEX documents_text_hash ON documents(text_hash);
CREATE INDEX documents_story ON documents(story);
CREATE TABLE sentences (
    document INTEGER NOT NULL REFERENCES documents(rowid),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    PRIMARY KEY (document, idx)
) WITHOUT ROWID;
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name_ar TEXT, name_en TEXT, country TEXT, cameo TEXT, wikidata TEXT
);
CREATE TABLE mentions (
    document INTEGER NOT NULL REFERENCES documents(rowid),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, kind TEXT NOT NULL,
    entity TEXT, via TEXT,
    PRIMARY KEY (document, idx)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity);
CREATE TABLE places (
    id TEXT PRIMARY KEY,
    name_ar TEXT, name_en TEXT, feature TEXT, country TEXT,
    lat REAL, lon REAL, geonames INTEGER
);
CREATE TABLE document_places (
    document INTEGER NOT NULL REFERENCES documents(rowid),
    place TEXT NOT NULL REFERENCES places(id),
    PRIMARY KEY (document, place)
) WITHOUT ROWID;
CREATE TABLE times (
    document INTEGER NOT NULL REFERENCES documents(rowid),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, value TEXT, grain TEXT, mod TEXT, unresolved TEXT,
    PRIMARY KEY (document, idx)
) WITHOUT ROWID;
CREATE TABLE quantities (
    document INTEGER NOT NULL REFERENCES documents(rowid),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, min REAL, max REAL, approx INTEGER NOT NULL, unit TEXT,
    PRIMARY KEY (document, idx)
) WITHOUT ROWID;
CREATE TABLE events (
    id TEXT PRIMARY KEY,          -- content-derived: hash of document id and event id
    document INTEGER NOT NULL REFERENCES documents(rowid),
    local_id TEXT NOT NULL,       -- the event's id within its document
    type TEXT NOT NULL,           -- PLOVER event type
    mode TEXT, context TEXT, cameo TEXT,
    trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    place TEXT,
    date TEXT,                    -- the event's time value, else the document's publication date
    time_value TEXT, time_grain TEXT, time_mod TEXT, time_relation TEXT,
    quantity INTEGER,
    source_kind TEXT, source_text TEXT, source_entity TEXT,
    status TEXT NOT NULL,
    confidence REAL NOT NULL,
    json TEXT NOT NULL            -- the event exactly as the extractor gave it
);
CREATE INDEX events_document ON events(document);
CREATE INDEX events_type_date ON events(type, date);
CREATE TABLE event_actors (
    event TEXT NOT NULL REFERENCES events(id),
    idx INTEGER NOT NULL,
    entity TEXT NOT NULL,
    PRIMARY KEY (event, idx)
) WITHOUT ROWID;
CREATE INDEX event_actors_entity ON event_actors(entity);
CREATE TABLE event_recipients (
    event TEXT NOT NULL REFERENCES events(id),
    idx INTEGER NOT NULL,
    entity TEXT NOT NULL,
    PRIMARY KEY (event, idx)
) WITHOUT ROWID;
CREATE INDEX event_recipients_entity ON event_recipients(entity);
-- Where an event is said: document, sentence and its span.
CREATE TABLE evidence (
    event TEXT NOT NULL REFERENCES events(id),
    document INTEGER NOT NULL REFERENCES documents(rowid),
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    PRIMARY KEY (event, document, sentence)
) WITHOUT ROWID;
-- Full-text index over the text layer's keys (contentless: rowid = documents.rowid): every
-- word's clitic-free stem key, space-separated and already folded, so the plain `ascii`
-- tokenizer (split at ASCII spaces and punctuation, nothing else) reads it as written.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    stem, content='', columnsize=0, tokenize='ascii'
);
"#,
];

/// Bring the database up to the latest version. Safe when several processes open the same new
/// file at once: each step re-reads the version inside a write transaction.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let known = MIGRATIONS.len() as i64;
    // the usual case, an up-to-date file, takes no write lock (another process may be writing)
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found == known {
        return Ok(());
    }
    loop {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > known {
            return Err(Error::TooNew { found, known });
        }
        if found == known {
            return Ok(());
        }
        tx.execute_batch(MIGRATIONS[found as usize])?;
        tx.pragma_update(None, "user_version", found + 1)?;
        tx.commit()?;
    }
}
