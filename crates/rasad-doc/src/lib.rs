//! rasad-doc: the one place the `rasad.document/1` output format's types live.
//!
//! One analysed article is one [`Document`]; every stage of rasad adds its arrays to it and every
//! command's JSON follows it (`../shared/spec/document.md`). Every span is a pair of Unicode
//! code-point offsets into [`Document::text`], start inclusive, end exclusive. [`schema_json`] gives
//! the JSON Schema checked in as `docs/document.schema.json`.
//!
//! It must not depend on any other rasad crate: it is the leaf every other crate shares. Only serde,
//! serde_json, schemars, and blake3 for the content-derived event id ([`event_id`]).

#![warn(missing_docs)]

/// The stable, content-derived id of an event: `ev-` and 16 hex digits of a BLAKE3 hash of its
/// document's id (itself a hash of the record's id or file name and its clean text), a NUL and
/// the event's id within the document. Nothing machine- or run-specific enters it, so the same
/// article gives the same ids on any machine — in the store, its exports and the flat views.
pub fn event_id(doc_id: &str, local: &str) -> String {
    let mut h = blake3::Hasher::new();
    h.update(doc_id.as_bytes());
    h.update(b"\0");
    h.update(local.as_bytes());
    format!("ev-{}", &h.finalize().to_hex()[..16])
}

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The format's name and version, the value of [`Document::schema`].
pub const SCHEMA: &str = "rasad.document/1";

/// A span of the document's `text` in Unicode code points (never bytes): `start` inclusive, `end`
/// exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// Number of code points.
    pub fn len(&self) -> u32 {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when `other` lies within this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text of the span, sliced by code points; out-of-range ends are clamped, never a panic.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        let start = self.start as usize;
        let end = (self.end as usize).max(start);
        let mut bounds = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()));
        let Some(b0) = bounds.nth(start) else {
            return "";
        };
        if end == start {
            return "";
        }
        let b1 = bounds.nth(end - start - 1).unwrap_or(text.len());
        &text[b0..b1]
    }
}

/// An immutable string shared by reference count: the ids and names of entities and places,
/// which every mention and document of an actor or place repeats. The lexicon holds one of each
/// and the output clones it by pointer, where a `String` was allocated and copied for every
/// mention (linking's main cost after the matcher). It reads as a `str` (`Deref`) and is written
/// and described in JSON as a string: the format is unchanged.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedStr(std::sync::Arc<str>);

impl SharedStr {
    /// The string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&*self.0, f)
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr(s.into())
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        SharedStr(s.into())
    }
}

impl From<&String> for SharedStr {
    fn from(s: &String) -> SharedStr {
        SharedStr(s.as_str().into())
    }
}

impl From<SharedStr> for String {
    fn from(s: SharedStr) -> String {
        s.0.to_string()
    }
}

impl From<&SharedStr> for String {
    fn from(s: &SharedStr) -> String {
        s.0.to_string()
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == &*other.0
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        **self == *other.0
    }
}

impl Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SharedStr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<SharedStr, D::Error> {
        String::deserialize(d).map(SharedStr::from)
    }
}

/// Described exactly as a `String`: the schema is unchanged.
impl JsonSchema for SharedStr {
    fn inline_schema() -> bool {
        <String as JsonSchema>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <String as JsonSchema>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <String as JsonSchema>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <String as JsonSchema>::json_schema(generator)
    }
}

/// Where the article came from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The file, or file and line / WARC record, it was read from.
    pub path: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// The outlet that published it.
    pub outlet: Option<String>,
    /// Publication date (ISO 8601), the anchor of relative dates.
    pub published: Option<String>,
    /// Language of the text (BCP 47, `ar` for Arabic).
    pub language: Option<String>,
    /// The author (byline), when the source names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

/// One analysed article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// The format's name and version: always `rasad.document/1`.
    #[schemars(extend("const" = "rasad.document/1"))]
    pub schema: String,
    /// Stable id of the document: a hash of its source and text.
    pub id: String,
    /// Where it came from.
    pub source: Source,
    /// The title's span, if the article has one.
    pub title: Option<Span>,
    /// The clean article text exactly as written: title, blank line, then paragraphs separated by
    /// blank lines; boilerplate removed.
    pub text: String,
    /// Paragraph spans (headings excluded).
    #[serde(default)]
    pub paragraphs: Vec<Span>,
    /// In-text sub-heading spans.
    #[serde(default)]
    pub headings: Vec<Span>,
    /// Sentence spans, in order; the title and headings are sentences of their own.
    #[serde(default)]
    pub sentences: Vec<Span>,
    /// Actors referred to in the text.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Spans that refer to actors.
    #[serde(default)]
    pub mentions: Vec<Mention>,
    /// Places referred to, one entry per distinct place.
    #[serde(default)]
    pub places: Vec<Place>,
    /// Temporal expressions.
    #[serde(default)]
    pub times: Vec<Time>,
    /// Numbers and quantities.
    #[serde(default)]
    pub quantities: Vec<Quantity>,
    /// PLOVER-coded events.
    #[serde(default)]
    pub events: Vec<Event>,
}

impl Document {
    /// A document with its text and nothing found in it yet.
    pub fn new(id: impl Into<String>, source: Source, text: impl Into<String>) -> Document {
        Document {
            schema: SCHEMA.to_string(),
            id: id.into(),
            source,
            title: None,
            text: text.into(),
            paragraphs: Vec::new(),
            headings: Vec::new(),
            sentences: Vec::new(),
            entities: Vec::new(),
            mentions: Vec::new(),
            places: Vec::new(),
            times: Vec::new(),
            quantities: Vec::new(),
            events: Vec::new(),
        }
    }
}

/// Kind of an actor or mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    /// A person.
    Per,
    /// An organisation, armed group or party.
    Org,
    /// A geopolitical entity (state, government).
    Gpe,
    /// A location that is not a GPE.
    Loc,
    /// A facility (prison, base, port).
    Fac,
    /// A nationality, religious or political group.
    Norp,
}

/// A name in Arabic and English.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Name {
    /// Arabic name.
    pub ar: Option<SharedStr>,
    /// English name an analyst would search for (Wikipedia's title where one exists).
    pub en: Option<SharedStr>,
}

/// Codes in other schemes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Codes {
    /// CAMEO actor code.
    pub cameo: Option<SharedStr>,
}

/// An actor, with its stable id from the actor dictionary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entity {
    /// Stable id (the same in every document).
    pub id: SharedStr,
    /// Kind.
    pub kind: EntityKind,
    /// Names.
    pub name: Name,
    /// ISO 3166-1 alpha-3 where the actor belongs to one state.
    pub country: Option<SharedStr>,
    /// Codes in other schemes.
    #[serde(default)]
    pub codes: Codes,
    /// Wikidata QID, where certain.
    pub wikidata: Option<SharedStr>,
}

/// How a mention was linked to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// A proper name.
    Name,
    /// Another name of the same actor.
    Alias,
    /// A description resolved to an actor («المليشيات الانقلابية»).
    Descriptor,
    /// A generic or pronoun-like reference resolved from context («التنظيم»).
    Coref,
}

/// A span that refers to an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Mention {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The text as written.
    pub text: String,
    /// Kind.
    pub kind: EntityKind,
    /// The linked entity id, or null when not linked.
    pub entity: Option<SharedStr>,
    /// How it was linked, or null when not linked.
    pub via: Option<Via>,
}

/// A place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Place {
    /// Stable id (`yemen/al-bayda`).
    pub id: SharedStr,
    /// Names.
    pub name: Name,
    /// GeoNames feature code (PCLI, ADM1, PPL, PPLA, PPLC, RGN, …).
    pub feature: Option<SharedStr>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<SharedStr>,
    /// Latitude in decimal degrees.
    pub lat: Option<f64>,
    /// Longitude in decimal degrees.
    pub lon: Option<f64>,
    /// GeoNames id.
    pub geonames: Option<u64>,
}

/// Grain of a time value, from finest to coarsest (the derived order follows it).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    /// Second.
    Second,
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Day (`YYYY-MM-DD`).
    Day,
    /// ISO week (`YYYY-Www`).
    Week,
    /// Month (`YYYY-MM`).
    Month,
    /// Quarter (`YYYY-Qn`).
    Quarter,
    /// Year (`YYYY`).
    Year,
    /// Decade (`201X`).
    Decade,
    /// Century.
    Century,
}

/// TIMEX3-like modifier of a time value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeMod {
    /// Beginning of the period («أوائل»).
    Start,
    /// Middle («منتصف»).
    Mid,
    /// End («أواخر»).
    End,
    /// Approximately.
    Approx,
    /// Before.
    Before,
    /// After.
    After,
    /// More than (durations: «أكثر من عقدين»).
    #[serde(rename = "MORE_THAN")]
    MoreThan,
    /// Less than (durations: «أقل من عامين»).
    #[serde(rename = "LESS_THAN")]
    LessThan,
}

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Time {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The text as written.
    pub text: String,
    /// TIMEX3-like value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Www`, `YYYY-Qn`, `201X`), null
    /// when it cannot be resolved.
    pub value: Option<String>,
    /// Grain of the value.
    pub grain: Option<Grain>,
    /// Modifier.
    #[serde(rename = "mod")]
    pub modifier: Option<TimeMod>,
    /// An unresolved relative value (`REF-P1D`) when there is no publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unresolved: Option<String>,
}

/// A number or quantity, as an interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quantity {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The text as written.
    pub text: String,
    /// Lower bound (null = open).
    pub min: Option<f64>,
    /// Upper bound (null = open).
    pub max: Option<f64>,
    /// True for approximate quantities («نحو», «عشرات»).
    #[serde(default)]
    pub approx: bool,
    /// The counted noun as written.
    pub unit: Option<String>,
}

/// PLOVER event type, in the order and spelling of `ontology.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    /// Agree, sign, conclude a deal (CAMEO 03, 057).
    Agree,
    /// Meet, visit, negotiate, mediate (CAMEO 04).
    Consult,
    /// Praise, endorse, defend verbally (CAMEO 05).
    Support,
    /// Material, military, security or intelligence cooperation (CAMEO 06).
    Cooperate,
    /// Give aid, arms, money, sanctuary, bases (CAMEO 07).
    Aid,
    /// Yield to demands, ease restrictions (CAMEO 080–083).
    Concede,
    /// Release prisoners, return property, withdraw, cease fire, surrender (CAMEO 084–087).
    Retreat,
    /// Appeal, demand (CAMEO 02, 10).
    Request,
    /// Accuse, criticise, investigate (CAMEO 09, 11).
    Accuse,
    /// Refuse, deny, veto (CAMEO 12).
    Reject,
    /// Threaten force or sanctions (CAMEO 13).
    Threaten,
    /// Demonstrate, strike, riot (CAMEO 14).
    Protest,
    /// Mobilise forces, raise alert (CAMEO 15).
    Mobilize,
    /// Cut relations, impose sanctions, expel (CAMEO 16).
    Sanction,
    /// Arrest, detain, seize property or territory, blockade (CAMEO 17, 191–192).
    Coerce,
    /// Attack, kill, abduct, bomb, air strike, fight (CAMEO 18–20, not 192).
    Assault,
}

/// The trigger of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Trigger {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The text as written.
    pub text: String,
}

/// How an event relates to its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// At that time.
    On,
    /// Since then.
    Since,
    /// Until then.
    Until,
    /// Before.
    Before,
    /// After.
    After,
}

/// An event's time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EventTime {
    /// Index into `times`.
    #[serde(rename = "ref")]
    pub reference: Option<u32>,
    /// The value (as in `times`).
    pub value: Option<String>,
    /// Its grain.
    pub grain: Option<Grain>,
    /// Its modifier.
    #[serde(rename = "mod")]
    pub modifier: Option<TimeMod>,
    /// How the event relates to it.
    pub relation: Relation,
}

/// Who an event's report is attributed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A named person or body, or another outlet.
    Named,
    /// An unnamed source («مصدر أمني»).
    Anonymous,
    /// The article's own voice.
    Outlet,
    /// A written statement, report or video.
    Document,
}

/// The source an event is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EventSource {
    /// Kind of source.
    pub kind: SourceKind,
    /// The source as written.
    pub text: Option<String>,
    /// The source's entity id, if linked.
    pub entity: Option<String>,
}

/// Status of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Stated as fact.
    #[default]
    Asserted,
    /// Hedged («فيما يبدو», «يُعتقد»).
    Hedged,
    /// Negated («لم», «عدم», «نفى»).
    Negated,
    /// An attributed claim.
    Reported,
    /// An announced intention.
    Planned,
}

/// A PLOVER-coded event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Event {
    /// Id within the document.
    pub id: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// PLOVER context.
    pub context: Option<String>,
    /// Closest CAMEO code.
    pub cameo: Option<String>,
    /// The trigger.
    pub trigger: Trigger,
    /// Index into `sentences`.
    pub sentence: u32,
    /// Actor entity ids (empty when unknown).
    #[serde(default)]
    pub actor: Vec<String>,
    /// Recipient entity ids (empty when unknown).
    #[serde(default)]
    pub recipient: Vec<String>,
    /// A `places[].id`.
    pub place: Option<String>,
    /// The event's time.
    pub time: Option<EventTime>,
    /// Index into `quantities`.
    pub quantity: Option<u32>,
    /// Who it is attributed to.
    pub source: Option<EventSource>,
    /// Status.
    #[serde(default)]
    pub status: Status,
    /// Confidence, from 0 to 1.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub confidence: f32,
}

impl Event {
    /// The date an event is filed under: its resolved time value when that is a plain `YYYY`,
    /// `YYYY-MM` or `YYYY-MM-DD` (so dates sort and compare as text), else the day of
    /// `published` (the document's publication date).
    pub fn date(&self, published: Option<&str>) -> Option<String> {
        fn plain(v: &str) -> bool {
            let b = v.as_bytes();
            matches!(b.len(), 4 | 7 | 10)
                && b.iter().enumerate().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        *c == b'-'
                    } else {
                        c.is_ascii_digit()
                    }
                })
        }
        if let Some(v) = self.time.as_ref().and_then(|t| t.value.as_deref()) {
            if plain(v) {
                return Some(v.to_string());
            }
        }
        published
            .map(|p| p.chars().take(10).collect::<String>())
            .filter(|p| plain(p))
    }
}

/// The JSON Schema of [`Document`], pretty-printed, with a trailing newline.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Document);
    let mut s = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_is_by_code_points_and_clamps() {
        // ق ُ ت ِ ل َ: six code points, three letters each followed by a combining vowel mark.
        let text = "قُتِلَ في عدن";
        assert_eq!(text.chars().count(), 13);
        assert_eq!(Span::new(0, 6).slice(text), "قُتِلَ");
        assert_eq!(Span::new(7, 9).slice(text), "في");
        assert_eq!(Span::new(10, 13).slice(text), "عدن");
        // a combining mark is a code point of its own: a span may end between letter and mark
        assert_eq!(Span::new(0, 1).slice(text), "ق");
        assert_eq!(Span::new(1, 2).slice(text), "\u{064F}");
        // shadda + fatha on one letter: three code points
        assert_eq!(
            Span::new(1, 4).slice("ش\u{062F}\u{0651}\u{064E}ة"),
            "\u{062F}\u{0651}\u{064E}"
        );
        // mixed byte widths (1, 2 and 4 bytes)
        assert_eq!(Span::new(1, 4).slice("aب😀c"), "ب😀c");
        // out of range: clamped, never a panic
        assert_eq!(Span::new(10, 99).slice(text), "عدن");
        assert_eq!(Span::new(13, 13).slice(text), "");
        assert_eq!(Span::new(13, 20).slice(text), "");
        assert_eq!(Span::new(99, 120).slice(text), "");
        assert_eq!(Span::new(3, 3).slice(text), "");
        assert_eq!(Span::new(5, 2).slice(text), "");
        assert_eq!(Span::new(0, 5).slice(""), "");
        assert_eq!(Span::new(u32::MAX - 1, u32::MAX).slice(text), "");
        assert_eq!(Span::new(0, u32::MAX).slice(text), text);
    }

    #[test]
    fn span_helpers() {
        let s = Span::new(2, 5);
        assert_eq!(s.len(), 3);
        assert!(s.contains(&Span::new(3, 5)));
        assert!(!s.contains(&Span::new(1, 3)));
        assert!(Span::new(4, 4).is_empty());
        assert!(Span::new(5, 2).is_empty());
        assert_eq!(Span::new(5, 2).len(), 0);
    }
}
