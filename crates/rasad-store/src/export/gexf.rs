//! GEXF 1.3 of the actor graph (Gephi's own format): nodes are actors (label = English name, else
//! Arabic, else id; kind, names and country as attributes), edges are directed (actor, recipient,
//! PLOVER type) with `weight` = number of events, the type as the edge `kind` and `label`, and
//! events, first and last event date and distinct outlets as attributes.

use super::xml;
use crate::{Result, Store};
use std::io::Write;

impl Store {
    pub(crate) fn export_gexf(&self, out: &mut dyn Write) -> Result<usize> {
        let edges = self.edges(0)?;
        let nodes = super::graph_nodes(&edges);
        let mut names = self
            .conn
            .prepare("SELECT kind, name_en, name_ar, country FROM entities WHERE id = ?1")?;
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
        )?;
        writeln!(
            out,
            "  <meta>\n    <creator>rasad</creator>\n    <description>actor graph: per directed pair and PLOVER type</description>\n  </meta>"
        )?;
        writeln!(out, r#"  <graph mode="static" defaultedgetype="directed">"#)?;
        writeln!(out, r#"    <attributes class="node">"#)?;
        for (i, t) in [
            ("0", "kind"),
            ("1", "name_en"),
            ("2", "name_ar"),
            ("3", "country"),
        ] {
            writeln!(
                out,
                r#"      <attribute id="{i}" title="{t}" type="string"/>"#
            )?;
        }
        writeln!(out, "    </attributes>\n    <attributes class=\"edge\">")?;
        for (i, t, ty) in [
            ("0", "type", "string"),
            ("1", "events", "integer"),
            ("2", "first", "string"),
            ("3", "last", "string"),
            ("4", "outlets", "integer"),
        ] {
            writeln!(
                out,
                r#"      <attribute id="{i}" title="{t}" type="{ty}"/>"#
            )?;
        }
        writeln!(out, "    </attributes>\n    <nodes>")?;
        for n in &nodes {
            type Row = (String, Option<String>, Option<String>, Option<String>);
            let row: Option<Row> = rusqlite::OptionalExtension::optional(
                names.query_row([n], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))),
            )?;
            let (kind, en, ar, country) = row.unwrap_or_default();
            let label = en.clone().or_else(|| ar.clone()).unwrap_or(n.to_string());
            writeln!(
                out,
                r#"      <node id="{}" label="{}">"#,
                xml(n),
                xml(&label)
            )?;
            writeln!(out, "        <attvalues>")?;
            for (i, v) in [("0", Some(kind)), ("1", en), ("2", ar), ("3", country)] {
                if let Some(v) = v.filter(|v| !v.is_empty()) {
                    writeln!(
                        out,
                        r#"          <attvalue for="{i}" value="{}"/>"#,
                        xml(&v)
                    )?;
                }
            }
            writeln!(out, "        </attvalues>\n      </node>")?;
        }
        writeln!(out, "    </nodes>\n    <edges>")?;
        for e in &edges {
            let id = format!("{}|{}|{}", e.source, e.target, e.event_type);
            writeln!(
                out,
                r#"      <edge id="{}" source="{}" target="{}" kind="{}" label="{}" weight="{}">"#,
                xml(&id),
                xml(&e.source),
                xml(&e.target),
                xml(&e.event_type),
                xml(&e.event_type),
                e.events
            )?;
            writeln!(out, "        <attvalues>")?;
            let events = e.events.to_string();
            let outlets = e.outlets.to_string();
            for (i, v) in [
                ("0", Some(&e.event_type)),
                ("1", Some(&events)),
                ("2", e.first.as_ref()),
                ("3", e.last.as_ref()),
                ("4", Some(&outlets)),
            ] {
                if let Some(v) = v {
                    writeln!(out, r#"          <attvalue for="{i}" value="{}"/>"#, xml(v))?;
                }
            }
            writeln!(out, "        </attvalues>\n      </edge>")?;
        }
        writeln!(out, "    </edges>\n  </graph>\n</gexf>")?;
        Ok(edges.len())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::{prepare, Store};
    use rasad_doc::*;
    use rasad_text::Analysis;

    fn entity(id: &str, ar: &str, en: &str) -> Entity {
        Entity {
            id: id.into(),
            kind: EntityKind::Org,
            name: Name {
                ar: Some(ar.into()),
                en: Some(en.into()),
            },
            country: Some("YEM".into()),
            codes: Codes::default(),
            wikidata: None,
        }
    }

    fn event(id: &str, t: EventType, actor: &str, recipient: &str, date: &str) -> Event {
        Event {
            id: id.into(),
            event_type: t,
            mode: None,
            context: None,
            cameo: Some("190".into()),
            trigger: Trigger {
                start: 0,
                end: 3,
                text: "هجوم".into(),
            },
            sentence: 0,
            actor: vec![actor.into()],
            recipient: vec![recipient.into()],
            place: Some("yemen/aden".into()),
            time: Some(EventTime {
                reference: None,
                value: Some(date.into()),
                grain: Some(Grain::Day),
                modifier: None,
                relation: Relation::On,
            }),
            quantity: None,
            source: None,
            status: Status::Asserted,
            confidence: 0.75,
        }
    }

    /// An in-memory store with one document: three events, two edges (houthis → government
    /// ASSAULT twice, government → houthis AGREE once).
    pub(crate) fn store() -> Store {
        let text = "هجوم على القوات & الحكومة <في عدن>.";
        let a = Analysis::new(text);
        let mut d = Document::new(
            "doc-x",
            Source {
                outlet: Some("sabq".into()),
                published: Some("2016-04-03".into()),
                url: Some("http://sabq.example/1".into()),
                ..Default::default()
            },
            text,
        );
        d.sentences = a.sentences.clone();
        d.entities = vec![
            entity("houthis", "الحوثيون", "Houthis"),
            entity("yemen-government", "الحكومة اليمنية", "Government of Yemen"),
        ];
        d.places = vec![Place {
            id: "yemen/aden".into(),
            name: Name {
                ar: Some("عدن".into()),
                en: Some("Aden".into()),
            },
            feature: Some("PPLA".into()),
            country: Some("YE".into()),
            lat: Some(12.78),
            lon: Some(45.04),
            geonames: Some(415189),
        }];
        d.events = vec![
            event(
                "e1",
                EventType::Assault,
                "houthis",
                "yemen-government",
                "2016-04-01",
            ),
            event(
                "e2",
                EventType::Assault,
                "houthis",
                "yemen-government",
                "2016-04-03",
            ),
            event(
                "e3",
                EventType::Agree,
                "yemen-government",
                "houthis",
                "2016-04-02",
            ),
        ];
        let mut s = Store::open_in_memory().unwrap();
        s.write_batch(&[prepare(d, &a)]).unwrap();
        s
    }

    #[test]
    fn gexf_parses_with_nodes_and_weighted_typed_edges() {
        let s = store();
        let mut out = Vec::new();
        assert_eq!(s.export(super::super::Format::Gexf, &mut out).unwrap(), 2);
        let text = String::from_utf8(out).unwrap();
        let xml = roxmltree::Document::parse(&text).unwrap();
        let root = xml.root_element();
        assert_eq!(root.tag_name().name(), "gexf");
        assert_eq!(root.tag_name().namespace(), Some("http://gexf.net/1.3"));
        assert_eq!(root.attribute("version"), Some("1.3"));
        let graph = root.children().find(|n| n.has_tag_name("graph")).unwrap();
        assert_eq!(graph.attribute("defaultedgetype"), Some("directed"));
        let nodes: Vec<(&str, &str)> = xml
            .descendants()
            .filter(|n| n.has_tag_name("node"))
            .map(|n| (n.attribute("id").unwrap(), n.attribute("label").unwrap()))
            .collect();
        assert_eq!(
            nodes,
            vec![
                ("houthis", "Houthis"),
                ("yemen-government", "Government of Yemen")
            ]
        );
        let edges: Vec<_> = xml
            .descendants()
            .filter(|n| n.has_tag_name("edge"))
            .collect();
        assert_eq!(edges.len(), 2);
        let assault = edges
            .iter()
            .find(|e| e.attribute("kind") == Some("ASSAULT"))
            .unwrap();
        assert_eq!(assault.attribute("source"), Some("houthis"));
        assert_eq!(assault.attribute("target"), Some("yemen-government"));
        assert_eq!(assault.attribute("weight"), Some("2"));
        let att = |e: &roxmltree::Node, f: &str| {
            e.descendants()
                .find(|a| a.has_tag_name("attvalue") && a.attribute("for") == Some(f))
                .and_then(|a| a.attribute("value"))
                .map(str::to_string)
        };
        // edge attributes: 1 events, 2 first, 3 last (declared in the edge attributes block)
        assert_eq!(att(assault, "1").as_deref(), Some("2"));
        assert_eq!(att(assault, "2").as_deref(), Some("2016-04-01"));
        assert_eq!(att(assault, "3").as_deref(), Some("2016-04-03"));
        let decl: Vec<_> = xml
            .descendants()
            .filter(|n| n.has_tag_name("attributes") && n.attribute("class") == Some("edge"))
            .flat_map(|n| n.children().filter(|c| c.has_tag_name("attribute")))
            .map(|c| (c.attribute("id").unwrap(), c.attribute("title").unwrap()))
            .collect();
        assert!(decl.contains(&("2", "first")) && decl.contains(&("3", "last")));
        let agree = edges
            .iter()
            .find(|e| e.attribute("kind") == Some("AGREE"))
            .unwrap();
        assert_eq!(agree.attribute("source"), Some("yemen-government"));
        assert_eq!(agree.attribute("weight"), Some("1"));
    }

    #[test]
    fn documents_read_back_with_their_events() {
        let s = store();
        let mut seen = Vec::new();
        s.for_each_document(&mut |d, story| {
            assert_eq!(story.outlets, 1);
            assert_eq!(d.events.len(), 3);
            assert_eq!(d.entities.len(), 2);
            assert_eq!(d.places[0].geonames, Some(415189));
            assert_eq!(d.source.outlet.as_deref(), Some("sabq"));
            seen.push(d.id);
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, vec!["doc-x"]);
    }
}
