//! Writing documents: [`prepare`] (pure, runs on any thread) and [`Store::write_batch`] (the one
//! writer, one transaction per batch).

use crate::dedupe::{self, NearIndex};
use crate::{Result, Store};
use rasad_doc::{Document, Event};
use rasad_text::Analysis;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

/// A document with everything the writer needs computed ahead (off the writer thread).
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The analysed document.
    pub doc: Document,
    /// Exact-duplicate key ([`dedupe::text_hash`]).
    pub text_hash: String,
    /// Near-duplicate key ([`dedupe::minhash`]).
    pub minhash: dedupe::Signature,
    /// Number of normalised words.
    pub words: usize,
    /// The stem keys, space-separated (full-text column `stem`).
    pub fts_stem: String,
}

/// Compute the dedupe keys and full-text columns of a document from its text analysis.
pub fn prepare(doc: Document, a: &Analysis) -> Prepared {
    let words = dedupe::words(a);
    let fts_stem = crate::search::keys_of(a).join(" ");
    Prepared {
        text_hash: dedupe::text_hash(&words),
        minhash: dedupe::minhash(&words),
        words: words.len(),
        fts_stem,
        doc,
    }
}

/// What one batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchStats {
    /// Documents newly stored.
    pub inserted: usize,
    /// Documents already in the store (nothing written).
    pub existing: usize,
    /// New documents that are exact copies of a stored one.
    pub exact_duplicates: usize,
    /// New documents linked to an existing story as near-duplicates.
    pub near_duplicates: usize,
}

impl std::ops::AddAssign for BatchStats {
    fn add_assign(&mut self, o: BatchStats) {
        self.inserted += o.inserted;
        self.existing += o.existing;
        self.exact_duplicates += o.exact_duplicates;
        self.near_duplicates += o.near_duplicates;
    }
}

pub use rasad_doc::event_id;

/// The serde name of a unit enum value (`"ASSAULT"`, `"name"`).
pub(crate) fn tag<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// The date an event is stored under: [`Event::date`] (text-sortable, shared with the flat exports).
fn event_date(e: &Event, published: Option<&str>) -> Option<String> {
    e.date(published)
}

impl Store {
    /// Write a batch of documents in one transaction. A document already stored (same id) is
    /// skipped untouched; an exact copy of a stored text is recorded (with its outlet, for
    /// corroboration) but its analysis is not stored twice; a near-duplicate joins its story.
    pub fn write_batch(&mut self, items: &[Prepared]) -> Result<BatchStats> {
        if self.near.is_none() {
            self.near = Some(self.load_near_index()?);
        }
        let near = self.near.as_mut().expect("loaded above");
        // IMMEDIATE: take the write lock up front, so a concurrent reader never turns the
        // batch's first write into an unretryable busy error
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut stats = BatchStats::default();
        for p in items {
            match write_one(&tx, p, near)? {
                Written::Existing => stats.existing += 1,
                Written::Exact => {
                    stats.inserted += 1;
                    stats.exact_duplicates += 1;
                }
                Written::New { story, near: n } => {
                    stats.inserted += 1;
                    stats.near_duplicates += usize::from(n);
                    if p.words >= dedupe::MIN_WORDS_FOR_NEAR {
                        near.insert(p.minhash, story);
                    }
                }
            }
        }
        match tx.commit() {
            Ok(()) => Ok(stats),
            Err(e) => {
                // the in-memory index may now hold rows that were rolled back: rebuild next time
                self.near = None;
                Err(e.into())
            }
        }
    }

    fn load_near_index(&self) -> Result<NearIndex> {
        let mut idx = NearIndex::default();
        let mut st = self.conn.prepare(
            "SELECT minhash, story FROM documents WHERE duplicate_of IS NULL AND near_ok ORDER BY rowid",
        )?;
        let rows = st.query_map([], |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get(1)?)))?;
        for row in rows {
            let (h, s) = row?;
            if let Some(sig) = dedupe::from_bytes(&h) {
                idx.insert(sig, s);
            }
        }
        Ok(idx)
    }
}

enum Written {
    Existing,
    Exact,
    New { story: String, near: bool },
}

fn write_one(tx: &Transaction, p: &Prepared, near: &NearIndex) -> Result<Written> {
    let d = &p.doc;
    let exists = tx
        .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?
        .query_row([&d.id], |_| Ok(()))
        .optional()?
        .is_some();
    if exists {
        return Ok(Written::Existing);
    }
    let source: Option<i64> = match d.source.outlet.as_deref().filter(|o| !o.is_empty()) {
        Some(outlet) => {
            tx.prepare_cached("INSERT OR IGNORE INTO sources(outlet) VALUES (?1)")?
                .execute([outlet])?;
            Some(
                tx.prepare_cached("SELECT id FROM sources WHERE outlet = ?1")?
                    .query_row([outlet], |r| r.get(0))?,
            )
        }
        None => None,
    };
    let exact: Option<(String, String)> = tx
        .prepare_cached(
            "SELECT id, story FROM documents WHERE text_hash = ?1 AND duplicate_of IS NULL LIMIT 1",
        )?
        .query_row([&p.text_hash], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let near_ok = p.words >= dedupe::MIN_WORDS_FOR_NEAR;
    let (story, duplicate_of, is_near) = match exact {
        Some((first, story)) => (story, Some(first), false),
        None => match near.nearest(&p.minhash).filter(|_| near_ok) {
            Some(story) => (story.to_string(), None, true),
            None => {
                let story = format!("story-{}", d.id.trim_start_matches("doc-"));
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO stories(id, first_document) VALUES (?1, ?2)",
                )?
                .execute([&story, &d.id])?;
                (story, None, false)
            }
        },
    };
    let title = d.title.map(|t| t.slice(&d.text).to_string());
    tx.prepare_cached(
        "INSERT INTO documents(id, story, duplicate_of, text_hash, minhash, near_ok, source, path, url,
         published, language, title, text) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
    )?
    .execute(params![
        d.id,
        story,
        duplicate_of,
        p.text_hash,
        dedupe::to_bytes(&p.minhash),
        near_ok,
        source,
        d.source.path,
        d.source.url,
        d.source.published,
        d.source.language,
        title,
        d.text
    ])?;
    if duplicate_of.is_some() {
        return Ok(Written::Exact);
    }
    let row = tx.last_insert_rowid();
    write_children(tx, row, p)?;
    Ok(Written::New {
        story,
        near: is_near,
    })
}

fn write_children(tx: &Transaction, row: i64, p: &Prepared) -> Result<()> {
    let d = &p.doc;
    tx.prepare_cached("INSERT INTO documents_fts(rowid, stem) VALUES (?1, ?2)")?
        .execute(params![row, p.fts_stem])?;
    let mut st = tx.prepare_cached(
        "INSERT INTO sentences(document, idx, start, \"end\") VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, s) in d.sentences.iter().enumerate() {
        st.execute(params![row, i as i64, s.start, s.end])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT OR IGNORE INTO entities(id, kind, name_ar, name_en, country, cameo, wikidata)
         VALUES (?1,?2,?3,?4,?5,?6,?7)",
    )?;
    for e in &d.entities {
        st.execute(params![
            e.id.as_str(),
            tag(&e.kind),
            e.name.ar.as_deref(),
            e.name.en.as_deref(),
            e.country.as_deref(),
            e.codes.cameo.as_deref(),
            e.wikidata.as_deref()
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO mentions(document, idx, start, \"end\", text, kind, entity, via)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
    )?;
    for (i, m) in d.mentions.iter().enumerate() {
        st.execute(params![
            row,
            i as i64,
            m.start,
            m.end,
            m.text,
            tag(&m.kind),
            m.entity.as_deref(),
            m.via.as_ref().map(tag)
        ])?;
    }
    let mut place = tx.prepare_cached(
        "INSERT OR IGNORE INTO places(id, name_ar, name_en, feature, country, lat, lon, geonames)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
    )?;
    let mut link = tx
        .prepare_cached("INSERT OR IGNORE INTO document_places(document, place) VALUES (?1, ?2)")?;
    for pl in &d.places {
        place.execute(params![
            pl.id.as_str(),
            pl.name.ar.as_deref(),
            pl.name.en.as_deref(),
            pl.feature.as_deref(),
            pl.country.as_deref(),
            pl.lat,
            pl.lon,
            pl.geonames.map(|g| g as i64)
        ])?;
        link.execute(params![row, pl.id.as_str()])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO times(document, idx, start, \"end\", text, value, grain, mod, unresolved)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
    )?;
    for (i, t) in d.times.iter().enumerate() {
        st.execute(params![
            row,
            i as i64,
            t.start,
            t.end,
            t.text,
            t.value,
            t.grain.as_ref().map(tag),
            t.modifier.as_ref().map(tag),
            t.unresolved
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO quantities(document, idx, start, \"end\", text, min, max, approx, unit)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
    )?;
    for (i, q) in d.quantities.iter().enumerate() {
        st.execute(params![
            row, i as i64, q.start, q.end, q.text, q.min, q.max, q.approx, q.unit
        ])?;
    }
    for e in &d.events {
        write_event(tx, row, d, e)?;
    }
    Ok(())
}

fn write_event(tx: &Transaction, row: i64, d: &Document, e: &Event) -> Result<()> {
    let id = event_id(&d.id, &e.id);
    let t = e.time.as_ref();
    let s = e.source.as_ref();
    let n = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO events(id, document, local_id, type, mode, context, cameo,
             trigger_start, trigger_end, trigger_text, sentence, place, date, time_value,
             time_grain, time_mod, time_relation, quantity, source_kind, source_text,
             source_entity, status, confidence, json)
             VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24)",
        )?
        .execute(params![
            id,
            row,
            e.id,
            tag(&e.event_type),
            e.mode,
            e.context,
            e.cameo,
            e.trigger.start,
            e.trigger.end,
            e.trigger.text,
            e.sentence,
            e.place,
            event_date(e, d.source.published.as_deref()),
            t.and_then(|t| t.value.clone()),
            t.and_then(|t| t.grain.as_ref().map(tag)),
            t.and_then(|t| t.modifier.as_ref().map(tag)),
            t.map(|t| tag(&t.relation)),
            e.quantity,
            s.map(|s| tag(&s.kind)),
            s.and_then(|s| s.text.clone()),
            s.and_then(|s| s.entity.clone()),
            tag(&e.status),
            // the f32's shortest decimal form (0.65, not 0.6500000357627869)
            e.confidence.to_string().parse::<f64>().unwrap_or(0.0),
            serde_json::to_string(e)?
        ])?;
    if n == 0 {
        return Ok(()); // the same event id twice in one document: keep the first
    }
    let mut st = tx.prepare_cached(
        "INSERT OR IGNORE INTO event_actors(event, idx, entity) VALUES (?1, ?2, ?3)",
    )?;
    for (i, a) in e.actor.iter().enumerate() {
        st.execute(params![id, i as i64, a])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT OR IGNORE INTO event_recipients(event, idx, entity) VALUES (?1, ?2, ?3)",
    )?;
    for (i, a) in e.recipient.iter().enumerate() {
        st.execute(params![id, i as i64, a])?;
    }
    if let Some(sent) = d.sentences.get(e.sentence as usize) {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO evidence(event, document, sentence, start, \"end\")
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![id, row, e.sentence, sent.start, sent.end])?;
    }
    Ok(())
}
