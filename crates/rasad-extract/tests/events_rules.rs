//! The event rules of `rasad_extract::events`, each on sentences of its own (not the seed's).

use rasad_doc::{Document, EventType, SourceKind, Status};

fn doc(text: &str) -> Document {
    let article = rasad_ingest::read_plain(
        &format!("عنوان\n\n{text}"),
        None,
        rasad_ingest::Origin::default(),
    )
    .unwrap();
    rasad_extract::analyse(&article)
}

fn find(d: &Document, ty: EventType) -> &rasad_doc::Event {
    d.events
        .iter()
        .find(|e| e.event_type == ty)
        .unwrap_or_else(|| panic!("no {ty:?} in {:#?}", d.events))
}

#[test]
fn svo_after_an_and_frame_preposition_an() {
    let d = doc("وقالت مصادر محلية إن الحوثيين أفرجوا عن 12 معتقلا من تنظيم القاعدة.");
    let e = find(&d, EventType::Retreat);
    assert_eq!(e.actor, vec!["houthis"]);
    assert!(!e.recipient.is_empty());
    assert_eq!(e.source.as_ref().unwrap().kind, SourceKind::Anonymous);
    let q = &d.quantities[e.quantity.unwrap() as usize];
    assert_eq!(q.min, Some(12.0));
}

#[test]
fn vso_subject_after_the_verb() {
    let d = doc("هاجم الحوثيون مواقع للجيش في محافظة مأرب.");
    let e = find(&d, EventType::Assault);
    assert_eq!(e.actor, vec!["houthis"]);
}

#[test]
fn idafa_agent_of_a_verbal_noun_with_a_count() {
    let d = doc("جاء ذلك بعد إطلاق إيران 7 من المعتقلين من سجونها.");
    let e = find(&d, EventType::Retreat);
    assert_eq!(e.actor, vec!["iran"]);
    assert_eq!(d.quantities[e.quantity.unwrap() as usize].min, Some(7.0));
}

#[test]
fn negation_right_before_the_trigger() {
    let d = doc("وأكد المتحدث أن الحوثيين لم يهاجموا أي موقع للجيش.");
    let e = find(&d, EventType::Assault);
    assert_eq!(e.status, Status::Negated);
}

#[test]
fn time_relation_since() {
    let d = doc("وأضاف أن الحوثيين أفرجوا عن عشرات المعتقلين منذ عام 2016.");
    let e = find(&d, EventType::Retreat);
    assert_eq!(
        e.time.as_ref().unwrap().relation,
        rasad_doc::Relation::Since
    );
}

#[test]
fn block_phrase_drops_a_match() {
    let d = doc("وقررت الحكومة رفع الدعم عن الوقود في إيران.");
    assert!(d.events.iter().all(|e| e.event_type != EventType::Aid));
}
