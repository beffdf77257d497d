//! The trained tagger's names in the document: unknown persons become unlinked mentions, known
//! names stay linked, and the plain analysis runs without the tagger.

use rasad_doc::{Document, EntityKind};

mod common;

use common::article;

const TEXT: &str = "وقال المواطن أحمد محمود الشريف إن الشرطة أفرجت عن المعتقلين في مدينة حلب.";

fn unlinked(d: &Document) -> Vec<&rasad_doc::Mention> {
    d.mentions.iter().filter(|m| m.entity.is_none()).collect()
}

#[test]
fn an_unknown_person_becomes_an_unlinked_mention() {
    let d = rasad_extract::analyse_with(&article(TEXT), rasad_extract::Options::full());
    let u = unlinked(&d);
    assert!(
        u.iter()
            .any(|m| m.kind == EntityKind::Per && m.text.contains("الشريف")),
        "{:#?}",
        d.mentions
    );
    // spans are exact and do not overlap linked mentions
    for m in &u {
        assert_eq!(
            &d.text
                .chars()
                .skip(m.start as usize)
                .take((m.end - m.start) as usize)
                .collect::<String>(),
            &m.text
        );
        assert!(d
            .mentions
            .iter()
            .filter(|o| o.entity.is_some())
            .all(|o| o.end <= m.start || m.end <= o.start));
        assert!(m.via.is_none());
    }
    // the events are those of the plain analysis
    let plain = rasad_extract::analyse(&article(TEXT));
    assert_eq!(plain.events, d.events);
    assert!(unlinked(&plain).is_empty());
}
