//! rasad-store: the embedded corpus store of rasad.
//!
//! Its job: keep analysed documents ([`rasad_doc::Document`]) in one SQLite file — documents,
//! sentences, entities, mentions, places, times, quantities, events (with their actor and
//! recipient links and evidence), sources (outlets) and stories (dedupe groups) — behind
//! versioned migrations ([`migrations`]); link exact and near-duplicate copies to one story
//! ([`dedupe`]); index a normalised, stemmed shadow of each text for Arabic-aware full-text
//! search ([`search`]); and answer the actor graph and event queries ([`graph`]) and exports
//! ([`export`]).
//!
//! Writes go through one [`Store`] (one writer); each [`Store::write_batch`] is one transaction, so
//! a killed run loses at most the batch in flight and re-running it changes nothing that is
//! already stored: every id is derived from content.
//!
//! It must not depend on extraction, ingest or any server: it takes finished documents (plus the
//! text layer's [`rasad_text::Analysis`] for the search keys) and needs nothing but the bundled
//! SQLite library.

pub mod dedupe;
pub mod export;
pub mod graph;
pub mod migrations;
pub mod search;
mod write;

pub use write::{event_id, prepare, BatchStats, Prepared};

use rusqlite::Connection;
use std::path::Path;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite refused an operation.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored JSON value could not be (de)serialised.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// The database was written by a newer rasad.
    #[error("database schema version {found} is newer than this rasad knows ({known})")]
    TooNew {
        /// Version in the file.
        found: i64,
        /// Latest version this build knows.
        known: i64,
    },
    /// Writing an export failed.
    #[error("write: {0}")]
    Io(#[from] std::io::Error),
    /// A query argument is not usable.
    #[error("{0}")]
    BadQuery(String),
}

/// Result with the store's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// An open store: one SQLite connection.
pub struct Store {
    conn: Connection,
    /// Near-duplicate index, loaded on the first write.
    near: Option<dedupe::NearIndex>,
}

impl Store {
    /// Open (creating if needed) the database at `path` and bring its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let conn = Connection::open(path)?;
        Store::setup(conn)
    }

    /// An in-memory store (tests).
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // WAL + NORMAL: a killed process loses at most the open transaction, never a committed one.
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::migrate(&mut conn)?;
        Ok(Store { conn, near: None })
    }

    /// The underlying connection (read-only use by callers that need a custom query).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The ids of the documents already stored (so a resumed run can skip their analysis).
    pub fn document_ids(&self) -> Result<rustc_hash::FxHashSet<String>> {
        let mut st = self.conn.prepare("SELECT id FROM documents")?;
        let ids = st
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(ids)
    }

    /// Row counts of the main tables, in a fixed order (for reports and tests).
    pub fn counts(&self) -> Result<Vec<(&'static str, i64)>> {
        let mut out = Vec::new();
        for t in [
            "documents",
            "sentences",
            "entities",
            "mentions",
            "places",
            "times",
            "quantities",
            "events",
            "event_actors",
            "event_recipients",
            "evidence",
            "sources",
            "stories",
        ] {
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
            out.push((t, n));
        }
        Ok(out)
    }
}
