//! The store end to end on documents built by hand (events included, as the extractor will give
//! them): idempotent writes, exact and near-duplicate stories, corroboration by outlets, Arabic
//! search, the graph, queries and exports.

use rasad_doc::{
    Document, Entity, EntityKind, Event, EventType, Mention, Name, Place, Source, Span, Status,
    Trigger,
};
use rasad_store::export::Format;
use rasad_store::graph::EventFilter;
use rasad_store::{prepare, Prepared, Store};
use rasad_text::Analysis;

const SWAP: &str = "تبادل للأسرى في عدن\n\nأفرجت جماعة الحوثي عن عشرين أسيرا من القوات الحكومية \
في مدينة عدن صباح الأحد، في إطار صفقة تبادل رعتها الأمم المتحدة بعد مفاوضات طويلة بين الطرفين. \
وقال مسؤول في اللجنة الدولية للصليب الأحمر إن العملية جرت دون عوائق وإن دفعة ثانية ستنفذ الأسبوع المقبل.";

const MARKET: &str = "تراجع الأسهم الخليجية\n\nشهدت أسواق الأسهم الخليجية تراجعا حادا في تعاملات \
اليوم مع هبوط أسعار النفط إلى أدنى مستوى لها منذ ستة أشهر، وسط مخاوف المستثمرين من تباطؤ الطلب \
العالمي على الخام وارتفاع المخزونات الأمريكية بحسب محللين في الرياض ودبي.";

fn entity(id: &str, ar: &str, en: &str) -> Entity {
    Entity {
        id: id.into(),
        kind: EntityKind::Org,
        name: Name {
            ar: Some(ar.into()),
            en: Some(en.into()),
        },
        country: Some("YEM".into()),
        codes: Default::default(),
        wikidata: None,
    }
}

/// A document as rasad-extract would give it, with one RETREAT event houthis → yemen-government.
fn doc(id: &str, text: &str, outlet: &str, with_event: bool) -> Prepared {
    let a = Analysis::new(text);
    let mut d = Document::new(
        id,
        Source {
            path: Some(format!("{id}.txt")),
            url: None,
            outlet: Some(outlet.into()),
            published: Some("2016-04-03".into()),
            language: Some("ar".into()),
            author: None,
        },
        text,
    );
    d.title = a.sentences.first().copied();
    d.sentences = a.sentences.clone();
    if with_event {
        let find = |w: &str| {
            let b = text
                .find(w)
                .or_else(|| text.find(&w.replace('أ', "ا")))
                .unwrap();
            let s = text[..b].chars().count() as u32;
            (s, s + w.chars().count() as u32)
        };
        let (hs, he) = find("جماعة الحوثي");
        let (ts, te) = find("أفرجت");
        d.entities = vec![
            entity("houthis", "الحوثيون", "Houthis"),
            entity("yemen-government", "الحكومة اليمنية", "Government of Yemen"),
        ];
        d.mentions = vec![Mention {
            start: hs,
            end: he,
            text: "جماعة الحوثي".into(),
            kind: EntityKind::Org,
            entity: Some("houthis".into()),
            via: Some(rasad_doc::Via::Alias),
        }];
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
        let sentence = d
            .sentences
            .iter()
            .position(|s| s.contains(&Span::new(ts, te)))
            .unwrap() as u32;
        d.events = vec![Event {
            id: "e1".into(),
            event_type: EventType::Retreat,
            mode: Some("release".into()),
            context: None,
            cameo: Some("0841".into()),
            trigger: Trigger {
                start: ts,
                end: te,
                text: Span::new(ts, te).slice(text).into(),
            },
            sentence,
            actor: vec!["houthis".into()],
            recipient: vec!["yemen-government".into()],
            place: Some("yemen/aden".into()),
            time: None,
            quantity: None,
            source: None,
            status: Status::Asserted,
            confidence: 0.9,
        }];
    }
    prepare(d, &a)
}

fn count(s: &Store, table: &str) -> i64 {
    s.counts()
        .unwrap()
        .into_iter()
        .find(|(t, _)| *t == table)
        .unwrap()
        .1
}

#[test]
fn writes_are_idempotent_and_copies_join_one_story() {
    let mut s = Store::open_in_memory().unwrap();
    let a = doc("doc-a", SWAP, "sabq", true);
    let st = s.write_batch(std::slice::from_ref(&a)).unwrap();
    assert_eq!(st.inserted, 1);
    let before = s.counts().unwrap();
    // the same document again: nothing changes
    let st = s.write_batch(&[a.clone(), a.clone()]).unwrap();
    assert_eq!((st.inserted, st.existing), (0, 2));
    assert_eq!(s.counts().unwrap(), before);

    // an exact copy in another outlet (different spelling of hamza and punctuation only)
    let copy = SWAP.replace("أفرجت", "افرجت").replace('،', " ");
    let b = doc("doc-b", &copy, "okaz", true);
    // a near copy: one sentence added at the end
    let near = format!("{SWAP} وأكد المسؤول أن الوسطاء سيواصلون جهودهم.");
    let c = doc("doc-c", &near, "alriyadh", true);
    let m = doc("doc-m", MARKET, "sabq", false);
    let st = s.write_batch(&[b, c, m]).unwrap();
    assert_eq!(st.inserted, 3);
    assert_eq!(st.exact_duplicates, 1);
    assert_eq!(st.near_duplicates, 1);
    assert_eq!(count(&s, "documents"), 4);
    assert_eq!(count(&s, "stories"), 2);
    // the exact copy's analysis is not stored twice; the near copy's is
    assert_eq!(count(&s, "events"), 2);
    assert_eq!(count(&s, "sources"), 3);

    // one edge; its events are counted once per document, its outlets once per outlet
    let g = s.graph(Some("houthis"), 1, 5).unwrap();
    assert_eq!(g.len(), 1);
    let e = &g[0];
    assert_eq!(
        (e.source.as_str(), e.target.as_str(), e.event_type.as_str()),
        ("houthis", "yemen-government", "RETREAT")
    );
    assert_eq!(e.events, 2);
    assert_eq!(e.outlets, 3, "sabq, okaz and alriyadh carry the story");
    assert_eq!(e.first.as_deref(), Some("2016-04-03"));
    assert!(e.evidence[0].text.starts_with("أفرجت جماعة الحوثي"));

    let q = s
        .events(&EventFilter {
            actor: Some("yemen-government".into()),
            event_type: Some("retreat".into()),
            since: Some(2016),
            place: Some("yemen".into()),
            limit: 10,
        })
        .unwrap();
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].actor, vec!["houthis"]);
    let none = s
        .events(&EventFilter {
            since: Some(2017),
            ..Default::default()
        })
        .unwrap();
    assert!(none.is_empty());

    let v = s.actor("houthis", 1).unwrap().unwrap();
    assert_eq!(v.aliases_seen, vec![("جماعة الحوثي".to_string(), 2)]);
    assert_eq!(v.timeline.len(), 2);
    assert_eq!(v.relations.len(), 1);
    assert_eq!(
        v.scores,
        vec![rasad_store::graph::YearScore {
            source: "houthis".into(),
            target: "yemen-government".into(),
            year: "2016".into(),
            events: 2,
            score: 4,
        }]
    );
    assert!(s.actor("nobody", 1).unwrap().is_none());
}

#[test]
fn search_reads_arabic_through_clitics_and_spelling() {
    let mut s = Store::open_in_memory().unwrap();
    s.write_batch(&[
        doc("doc-a", SWAP, "sabq", false),
        doc("doc-m", MARKET, "sabq", false),
    ])
    .unwrap();
    // «الأسرى» written with clitics and without hamza finds «للأسرى»
    let h = s.search("والاسرى", 10).unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].document, "doc-a");
    assert!(h[0].snippet.contains("للأسرى"), "{}", h[0].snippet);
    // diacritics in the query are ignored
    assert_eq!(s.search("النِّفط", 10).unwrap()[0].document, "doc-m");
    // every word must occur
    assert!(s.search("النفط الحوثي", 10).unwrap().is_empty());
    // a phrase keeps its order
    assert_eq!(s.search("\"الأمم المتحدة\"", 10).unwrap().len(), 1);
    assert!(s.search("\"المتحدة الأمم\"", 10).unwrap().is_empty());
    assert!(s.search("،،", 10).is_err());
}

#[test]
fn exports_parse_in_their_formats_and_ids_are_stable() {
    let build = || {
        let mut s = Store::open_in_memory().unwrap();
        s.write_batch(&[
            doc("doc-a", SWAP, "sabq", true),
            doc("doc-m", MARKET, "sabq", false),
        ])
        .unwrap();
        s
    };
    let s = build();
    let mut out = Vec::new();
    assert_eq!(s.export(Format::Jsonl, &mut out).unwrap(), 1);
    let line: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(line["event"], "RETREAT");
    assert_eq!(line["actor"], serde_json::json!(["houthis"]));
    assert_eq!(line["location"]["id"], "yemen/aden");
    assert_eq!(line["id"], rasad_store::event_id("doc-a", "e1"));
    // the same input gives the same export
    let mut again = Vec::new();
    build().export(Format::Jsonl, &mut again).unwrap();
    assert_eq!(out, again);

    let mut gj = Vec::new();
    assert_eq!(s.export(Format::Geojson, &mut gj).unwrap(), 1);
    let gj: serde_json::Value = serde_json::from_slice(&gj).unwrap();
    assert_eq!(gj["type"], "FeatureCollection");
    assert_eq!(
        gj["features"][0]["geometry"]["coordinates"],
        serde_json::json!([45.04, 12.78])
    );

    let mut gm = Vec::new();
    assert_eq!(s.export(Format::Graphml, &mut gm).unwrap(), 1);
    let text = String::from_utf8(gm).unwrap();
    let xml = roxmltree::Document::parse(&text).unwrap();
    let nodes: Vec<_> = xml
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .map(|n| n.attribute("id").unwrap())
        .collect();
    assert_eq!(nodes, vec!["houthis", "yemen-government"]);
    let edge = xml.descendants().find(|n| n.has_tag_name("edge")).unwrap();
    assert_eq!(edge.attribute("source"), Some("houthis"));
    assert!(text.contains("الحوثيون"));
}

#[test]
fn migrations_are_versioned_and_reopening_keeps_data() {
    let dir = std::env::temp_dir().join(format!("rasad-store-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("t.db");
    let _ = std::fs::remove_file(&path);
    {
        let mut s = Store::open(&path).unwrap();
        s.write_batch(&[doc("doc-a", SWAP, "sabq", true)]).unwrap();
    }
    {
        // a new process: the near-duplicate index is rebuilt from the file
        let mut s = Store::open(&path).unwrap();
        let near = format!("{SWAP} وأكد المسؤول أن الوسطاء سيواصلون جهودهم.");
        let st = s.write_batch(&[doc("doc-c", &near, "okaz", true)]).unwrap();
        assert_eq!(st.near_duplicates, 1);
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(count(&s, "stories"), 1);
    let v: i64 = s
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, rasad_store::migrations::MIGRATIONS.len() as i64);
    assert_eq!(count(&s, "documents"), 2);
    assert!(s.document_ids().unwrap().contains("doc-a"));
    drop(s);
    std::fs::remove_dir_all(&dir).unwrap();
}
