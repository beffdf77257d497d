//! Exports: JSON Lines of events (PLOVER field names), GraphML and GEXF of the actor graph,
//! GeoJSON of placed events; stored documents read back whole ([`Store::for_each_document`]) for
//! the flat ACLED-like and GDELT-like views that `rasad-extract` builds.
//!
//! Every event id is the store's content-derived id ([`crate::event_id`]: a hash of the document
//! id — itself a hash of the record's id or file name and its clean text — and the event's id in
//! the document), and entity and place ids come from the dictionaries, so ingesting the same
//! articles on any machine, in any order, exports the same ids.

mod docs;
mod gexf;
mod parquet;

pub use docs::StoryCounts;

use crate::{Result, Store};
use serde_json::{json, Value};
use std::io::Write;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One event a line, PLOVER field names.
    Jsonl,
    /// The actor graph, GraphML.
    Graphml,
    /// Events with a located place, a GeoJSON FeatureCollection.
    Geojson,
    /// The actor graph, GEXF 1.3.
    Gexf,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Format, String> {
        match s {
            "jsonl" => Ok(Format::Jsonl),
            "graphml" => Ok(Format::Graphml),
            "geojson" => Ok(Format::Geojson),
            "gexf" => Ok(Format::Gexf),
            _ => Err(format!(
                "unknown format {s:?}: jsonl, graphml, gexf or geojson"
            )),
        }
    }
}

impl Store {
    /// Write the export in `format`; returns the number of records (events or edges) written.
    pub fn export(&self, format: Format, out: &mut dyn Write) -> Result<usize> {
        match format {
            Format::Jsonl => self.export_jsonl(out),
            Format::Graphml => self.export_graphml(out),
            Format::Geojson => self.export_geojson(out),
            Format::Gexf => self.export_gexf(out),
        }
    }

    /// Every event as a PLOVER-style record, in id order, streamed to `each`.
    fn plover_events(&self, each: &mut dyn FnMut(Value) -> Result<()>) -> Result<usize> {
        let mut st = self.conn.prepare(
            "SELECT e.id, e.date, e.type, e.mode, e.context, e.cameo, e.status, e.confidence,
                    e.trigger_text, e.sentence, e.place, p.name_en, p.name_ar, p.country, p.lat,
                    p.lon, p.geonames, d.id, d.url, d.published, s.outlet, d.story,
                    (SELECT count(DISTINCT d2.source) FROM documents d2 WHERE d2.story = d.story),
                    e.source_kind, e.source_text, e.source_entity,
                    (SELECT group_concat(entity, '|') FROM
                        (SELECT entity FROM event_actors WHERE event = e.id ORDER BY idx)),
                    (SELECT group_concat(entity, '|') FROM
                        (SELECT entity FROM event_recipients WHERE event = e.id ORDER BY idx))
             FROM events e JOIN documents d ON d.rowid = e.document
             LEFT JOIN sources s ON s.id = d.source
             LEFT JOIN places p ON p.id = e.place
             ORDER BY e.id",
        )?;
        let split = |s: Option<String>| -> Vec<String> {
            s.map(|s| s.split('|').map(str::to_string).collect())
                .unwrap_or_default()
        };
        let mut rows = st.query([])?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            let place: Option<String> = r.get(10)?;
            let location = place.map(|id| -> rusqlite::Result<Value> {
                Ok(json!({
                    "id": id, "name": r.get::<_, Option<String>>(11)?,
                    "name_ar": r.get::<_, Option<String>>(12)?,
                    "country": r.get::<_, Option<String>>(13)?,
                    "lat": r.get::<_, Option<f64>>(14)?, "lon": r.get::<_, Option<f64>>(15)?,
                    "geonames_id": r.get::<_, Option<i64>>(16)?,
                }))
            });
            each(json!({
                "id": r.get::<_, String>(0)?,
                "date": r.get::<_, Option<String>>(1)?,
                "event": r.get::<_, String>(2)?,
                "mode": r.get::<_, Option<String>>(3)?,
                "context": r.get::<_, Option<String>>(4)?,
                "cameo": r.get::<_, Option<String>>(5)?,
                "status": r.get::<_, String>(6)?,
                "confidence": r.get::<_, f64>(7)?,
                "actor": split(r.get(26)?),
                "recipient": split(r.get(27)?),
                "location": location.transpose()?,
                "trigger": r.get::<_, String>(8)?,
                "sentence": r.get::<_, i64>(9)?,
                "source": {
                    "kind": r.get::<_, Option<String>>(23)?,
                    "text": r.get::<_, Option<String>>(24)?,
                    "entity": r.get::<_, Option<String>>(25)?,
                },
                "document": r.get::<_, String>(17)?,
                "url": r.get::<_, Option<String>>(18)?,
                "story_date": r.get::<_, Option<String>>(19)?,
                "publisher": r.get::<_, Option<String>>(20)?,
                "story": r.get::<_, String>(21)?,
                "outlets": r.get::<_, i64>(22)?,
            }))?;
            n += 1;
        }
        Ok(n)
    }

    fn export_jsonl(&self, out: &mut dyn Write) -> Result<usize> {
        self.plover_events(&mut |e| {
            serde_json::to_writer(&mut *out, &e)?;
            out.write_all(b"\n")?;
            Ok(())
        })
    }

    fn export_geojson(&self, out: &mut dyn Write) -> Result<usize> {
        out.write_all(br#"{"type":"FeatureCollection","features":["#)?;
        let mut n = 0usize;
        self.plover_events(&mut |mut e| {
            let Some(loc) = e.get("location").cloned() else {
                return Ok(());
            };
            let (Some(lat), Some(lon)) = (
                loc.get("lat").and_then(Value::as_f64),
                loc.get("lon").and_then(Value::as_f64),
            ) else {
                return Ok(());
            };
            let id = e["id"].clone();
            if let Some(o) = e.as_object_mut() {
                o.remove("location");
            }
            e["place"] = loc;
            if n > 0 {
                out.write_all(b",\n")?;
            }
            serde_json::to_writer(
                &mut *out,
                &json!({
                    "type": "Feature", "id": id,
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": e,
                }),
            )?;
            n += 1;
            Ok(())
        })?;
        out.write_all(b"]}\n")?;
        Ok(n)
    }

    fn export_graphml(&self, out: &mut dyn Write) -> Result<usize> {
        let edges = self.edges(0)?;
        let nodes = graph_nodes(&edges);
        let mut names = self
            .conn
            .prepare("SELECT kind, name_en, name_ar FROM entities WHERE id = ?1")?;
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
        )?;
        for (id, f, t, ty) in [
            ("kind", "node", "kind", "string"),
            ("name_en", "node", "name_en", "string"),
            ("name_ar", "node", "name_ar", "string"),
            ("type", "edge", "type", "string"),
            ("events", "edge", "events", "int"),
            ("first", "edge", "first", "string"),
            ("last", "edge", "last", "string"),
            ("outlets", "edge", "outlets", "int"),
        ] {
            writeln!(
                out,
                r#"  <key id="{id}" for="{f}" attr.name="{t}" attr.type="{ty}"/>"#
            )?;
        }
        writeln!(out, r#"  <graph id="actors" edgedefault="directed">"#)?;
        for n in &nodes {
            writeln!(out, r#"    <node id="{}">"#, xml(n))?;
            let row: Option<(String, Option<String>, Option<String>)> =
                rusqlite::OptionalExtension::optional(
                    names.query_row([n], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))),
                )?;
            if let Some((kind, en, ar)) = row {
                writeln!(out, r#"      <data key="kind">{}</data>"#, xml(&kind))?;
                for (k, v) in [("name_en", en), ("name_ar", ar)] {
                    if let Some(v) = v {
                        writeln!(out, r#"      <data key="{k}">{}</data>"#, xml(&v))?;
                    }
                }
            }
            writeln!(out, "    </node>")?;
        }
        for e in &edges {
            let id = format!("{}|{}|{}", e.source, e.target, e.event_type);
            writeln!(
                out,
                r#"    <edge id="{}" source="{}" target="{}">"#,
                xml(&id),
                xml(&e.source),
                xml(&e.target)
            )?;
            writeln!(
                out,
                r#"      <data key="type">{}</data>"#,
                xml(&e.event_type)
            )?;
            writeln!(out, r#"      <data key="events">{}</data>"#, e.events)?;
            for (k, v) in [("first", &e.first), ("last", &e.last)] {
                if let Some(v) = v {
                    writeln!(out, r#"      <data key="{k}">{}</data>"#, xml(v))?;
                }
            }
            writeln!(out, r#"      <data key="outlets">{}</data>"#, e.outlets)?;
            writeln!(out, "    </edge>")?;
        }
        writeln!(out, "  </graph>\n</graphml>")?;
        Ok(edges.len())
    }
}

/// Escape text for XML content and attribute values.
/// The actors an edge list touches, sorted, once each (the nodes of the exported graphs).
pub(crate) fn graph_nodes(edges: &[crate::graph::Edge]) -> Vec<&str> {
    let mut nodes: Vec<&str> = edges
        .iter()
        .flat_map(|e| [e.source.as_str(), e.target.as_str()])
        .collect();
    nodes.sort_unstable();
    nodes.dedup();
    nodes
}

fn xml(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => o.push(c),
        }
    }
    o
}
