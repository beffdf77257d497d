//! Stored documents read back as [`Document`]s (with their events as the extractor gave them), so
//! views built on a document — the flat ACLED-like and GDELT-like rows of `rasad-extract` — give
//! the same rows from the store as from `rasad extract`.

use crate::{Result, Store};
use rasad_doc::{Codes, Document, Entity, EntityKind, Name, Place, Quantity, Source, Span};
use rusqlite::params;

/// What the store knows about a document's story (its dedupe group).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StoryCounts {
    /// Distinct outlets that carried the story (copies included).
    pub outlets: u64,
    /// Documents in the story (copies included).
    pub articles: u64,
}

fn kind(s: &str) -> EntityKind {
    match s {
        "PER" => EntityKind::Per,
        "GPE" => EntityKind::Gpe,
        "LOC" => EntityKind::Loc,
        "FAC" => EntityKind::Fac,
        "NORP" => EntityKind::Norp,
        _ => EntityKind::Org,
    }
}

impl Store {
    /// Every stored document that holds an analysis (exact copies hold none: their events are
    /// their first copy's), in id order, with its sentences, the entities, places and
    /// quantities it refers to and its events; times and mentions are left out (events carry
    /// their own time). Each comes with its story's counts.
    pub fn for_each_document(
        &self,
        each: &mut dyn FnMut(Document, StoryCounts) -> Result<()>,
    ) -> Result<usize> {
        let mut docs = self.conn.prepare(
            "SELECT d.rowid, d.id, d.path, d.url, s.outlet, d.published, d.language, d.text,
                    (SELECT count(DISTINCT d2.source) FROM documents d2 WHERE d2.story = d.story),
                    (SELECT count(*) FROM documents d2 WHERE d2.story = d.story)
             FROM documents d LEFT JOIN sources s ON s.id = d.source
             WHERE d.duplicate_of IS NULL ORDER BY d.id",
        )?;
        let mut sentences = self
            .conn
            .prepare("SELECT start, \"end\" FROM sentences WHERE document = ?1 ORDER BY idx")?;
        let mut entities = self.conn.prepare(
            "SELECT id, kind, name_ar, name_en, country, cameo, wikidata FROM entities WHERE id IN (
                SELECT entity FROM mentions WHERE document = ?1
                UNION SELECT a.entity FROM event_actors a JOIN events e ON e.id = a.event
                    WHERE e.document = ?1
                UNION SELECT r.entity FROM event_recipients r JOIN events e ON e.id = r.event
                    WHERE e.document = ?1
                UNION SELECT source_entity FROM events WHERE document = ?1)
             ORDER BY id",
        )?;
        let mut places = self.conn.prepare(
            "SELECT p.id, p.name_ar, p.name_en, p.feature, p.country, p.lat, p.lon, p.geonames
             FROM document_places dp JOIN places p ON p.id = dp.place
             WHERE dp.document = ?1 ORDER BY p.id",
        )?;
        let mut quantities = self.conn.prepare(
            "SELECT start, \"end\", text, min, max, approx, unit FROM quantities
             WHERE document = ?1 ORDER BY idx",
        )?;
        let mut events = self
            .conn
            .prepare("SELECT json FROM events WHERE document = ?1 ORDER BY rowid")?;
        let mut rows = docs.query([])?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            let row: i64 = r.get(0)?;
            let source = Source {
                path: r.get(2)?,
                url: r.get(3)?,
                outlet: r.get(4)?,
                published: r.get(5)?,
                language: r.get(6)?,
                // not stored yet: the store's documents table predates the field
                author: None,
            };
            let mut d = Document::new(r.get::<_, String>(1)?, source, r.get::<_, String>(7)?);
            let counts = StoryCounts {
                outlets: r.get::<_, i64>(8)? as u64,
                articles: r.get::<_, i64>(9)? as u64,
            };
            d.sentences = sentences
                .query_map([row], |r| Ok(Span::new(r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            d.entities = entities
                .query_map(params![row], |r| {
                    Ok(Entity {
                        id: r.get::<_, String>(0)?.into(),
                        kind: kind(&r.get::<_, String>(1)?),
                        name: Name {
                            ar: opt(r.get(2)?),
                            en: opt(r.get(3)?),
                        },
                        country: opt(r.get(4)?),
                        codes: Codes {
                            cameo: opt(r.get(5)?),
                        },
                        wikidata: opt(r.get(6)?),
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            d.places = places
                .query_map([row], |r| {
                    Ok(Place {
                        id: r.get::<_, String>(0)?.into(),
                        name: Name {
                            ar: opt(r.get(1)?),
                            en: opt(r.get(2)?),
                        },
                        feature: opt(r.get(3)?),
                        country: opt(r.get(4)?),
                        lat: r.get(5)?,
                        lon: r.get(6)?,
                        geonames: r.get::<_, Option<i64>>(7)?.map(|g| g as u64),
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            d.quantities = quantities
                .query_map([row], |r| {
                    Ok(Quantity {
                        start: r.get(0)?,
                        end: r.get(1)?,
                        text: r.get(2)?,
                        min: r.get(3)?,
                        max: r.get(4)?,
                        approx: r.get(5)?,
                        unit: r.get(6)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let mut evs = events.query([row])?;
            while let Some(e) = evs.next()? {
                d.events
                    .push(serde_json::from_str(&e.get::<_, String>(0)?)?);
            }
            each(d, counts)?;
            n += 1;
        }
        Ok(n)
    }
}

/// An optional string column as the document's shared string.
fn opt(s: Option<String>) -> Option<rasad_doc::SharedStr> {
    s.map(Into::into)
}
