//! Flat views of a [`Document`]'s events: one row per event in ACLED-like ([`acled_rows`]) or
//! GDELT-like ([`gdelt_rows`]) columns, written as TSV by [`Table::write_tsv`] (a header line,
//! real tabs; tabs and line breaks inside a field become spaces).
//!
//! The columns borrow ACLED's and GDELT 1.0's names so analysts can load them next to those
//! datasets, but the values are rasad's:
//! - ids are rasad's content-derived event ids ([`event_id`]: the same article gives the same
//!   ids on any machine, and the same ids as `rasad export`), not ACLED's or GDELT's numbers;
//! - country codes are ISO 3166 (alpha-3 for ACLED's prefix and actor countries, alpha-2 for
//!   `ActionGeo_CountryCode`, GeoNames' `YE.20` for `ActionGeo_ADM1Code`), not GDELT's FIPS 10-4;
//! - dates are the event's own resolved time when it is a plain `YYYY[-MM[-DD]]`, else the
//!   publication day; GDELT's `SQLDATE` pads a coarser date with `00` (`20140300`);
//! - `GoldsteinScale` is read from [`goldstein`], a table by CAMEO root code;
//! - ACLED's `event_type`/`sub_event_type` come from the PLOVER type and mode ([`acled_type`]).
//!
//! Places are enriched from the built-in gazetteer (country name, first-level division); a place
//! not in it keeps what the document says.

use rasad_doc::{Document, Event, EventType, Status};
use rasad_lexicon::places::Place as GPlace;
use rasad_lexicon::Lexicon;
use rustc_hash::FxHashMap;
use std::io::{self, Write};
use std::sync::OnceLock;

/// A header and rows of string fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Column names.
    pub header: Vec<&'static str>,
    /// One row per event, as many fields as the header.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    fn new(header: &[&'static str]) -> Table {
        Table {
            header: header.to_vec(),
            rows: Vec::new(),
        }
    }

    /// The index of column `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| *h == name)
    }

    /// Write the rows as TSV, with the header line first when `header` is true.
    pub fn write_tsv(&self, out: &mut dyn Write, header: bool) -> io::Result<()> {
        if header {
            writeln!(out, "{}", self.header.join("\t"))?;
        }
        for r in &self.rows {
            let fields: Vec<String> = r.iter().map(|f| field(f)).collect();
            writeln!(out, "{}", fields.join("\t"))?;
        }
        Ok(())
    }
}

/// A TSV field: tabs and line breaks (which would break rows) become spaces.
pub fn field(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(
                c,
                '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
            ) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

pub use rasad_doc::event_id;

/// The ACLED-like columns.
pub const ACLED_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_id",
    "event_date",
    "year",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "iso3",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "attributed_to",
    "notes",
    "fatalities",
    "quantity",
    "plover_event",
    "plover_mode",
    "cameo",
    "status",
    "confidence",
    "document",
    "url",
];

/// The GDELT-like columns (GDELT 1.0 event names, plus rasad's PLOVER type and status).
pub const GDELT_COLUMNS: &[&str] = &[
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "SOURCEURL",
    "PloverType",
    "Status",
];

/// ACLED-like rows, one per event, in document order.
pub fn acled_rows(doc: &Document) -> Table {
    let mut t = Table::new(ACLED_COLUMNS);
    for e in &doc.events {
        let cx = Cx::new(doc, e);
        let (etype, sub) = acled_type(e);
        let date = event_date(e, doc.source.published.as_deref()).unwrap_or_default();
        let iso3 = cx.iso3();
        let (actor1, assoc1) = cx.names(&e.actor);
        let (actor2, assoc2) = cx.names(&e.recipient);
        let g = cx.gaz;
        let q = e.quantity.and_then(|i| doc.quantities.get(i as usize));
        t.rows.push(vec![
            format!("{}-{}", iso3.as_deref().unwrap_or("XXX"), cx.id),
            cx.id.clone(),
            date.clone(),
            date.get(..4).unwrap_or_default().to_string(),
            etype.to_string(),
            sub.to_string(),
            actor1,
            assoc1,
            actor2,
            assoc2,
            iso3.unwrap_or_default(),
            cx.country_name().unwrap_or_default(),
            g.and_then(|g| (!g.admin1_name.is_empty()).then(|| g.admin1_name.clone()))
                .or_else(|| cx.place_name())
                .filter(|_| !g.is_some_and(GPlace::is_country))
                .unwrap_or_default(),
            cx.place_name().unwrap_or_default(),
            opt(cx.lat()),
            opt(cx.lon()),
            cx.geo_precision()
                .map(|p| p.to_string())
                .unwrap_or_default(),
            doc.source.outlet.clone().unwrap_or_default(),
            String::new(),
            e.source
                .as_ref()
                .and_then(|s| s.text.clone())
                .unwrap_or_default(),
            cx.sentence(),
            fatalities(e, doc)
                .map(|n| n.to_string())
                .unwrap_or_default(),
            q.map(|q| q.text.clone()).unwrap_or_default(),
            type_name(e.event_type).to_string(),
            e.mode.clone().unwrap_or_default(),
            e.cameo.clone().unwrap_or_default(),
            status_name(e.status).to_string(),
            e.confidence.to_string(),
            doc.id.clone(),
            doc.source.url.clone().unwrap_or_default(),
        ]);
    }
    t
}

/// GDELT-like rows, one per event, in document order. `NumMentions`, `NumSources` and
/// `NumArticles` count this one document (the store's export counts a story's outlets).
pub fn gdelt_rows(doc: &Document) -> Table {
    let mut t = Table::new(GDELT_COLUMNS);
    for e in &doc.events {
        let cx = Cx::new(doc, e);
        let date = event_date(e, doc.source.published.as_deref()).unwrap_or_default();
        let digits: String = date.chars().filter(char::is_ascii_digit).collect();
        let sqldate = if digits.is_empty() {
            String::new()
        } else {
            format!("{digits:0<8}")
        };
        let cameo = e
            .cameo
            .clone()
            .filter(|c| c.len() >= 2 && c.bytes().all(|b| b.is_ascii_digit()));
        let root = cameo
            .as_deref()
            .and_then(|c| c[..2].parse::<u8>().ok())
            .unwrap_or_else(|| default_root(e.event_type));
        let a1 = cx.actor(e.actor.first());
        let a2 = cx.actor(e.recipient.first());
        let g = cx.gaz;
        t.rows.push(vec![
            cx.id.clone(),
            sqldate.clone(),
            sqldate.get(..6).unwrap_or_default().to_string(),
            sqldate.get(..4).unwrap_or_default().to_string(),
            a1.0,
            a1.1,
            a1.2,
            a2.0,
            a2.1,
            a2.2,
            "1".into(),
            cameo.clone().unwrap_or_default(),
            cameo
                .as_deref()
                .map(|c| c[..c.len().min(3)].to_string())
                .unwrap_or_default(),
            format!("{root:02}"),
            quad_class(root).to_string(),
            format!("{:.1}", goldstein(root)),
            "1".into(),
            "1".into(),
            "1".into(),
            cx.geo_type().map(|t| t.to_string()).unwrap_or_default(),
            cx.full_name().unwrap_or_default(),
            cx.country2().unwrap_or_default(),
            // GeoNames' admin1 code, already prefixed by the country (`YE.20`)
            g.map(|g| g.admin1_code.clone()).unwrap_or_default(),
            opt(cx.lat()),
            opt(cx.lon()),
            cx.place
                .and_then(|p| p.geonames)
                .or(g.and_then(|g| g.geonames))
                .map(|n| n.to_string())
                .unwrap_or_default(),
            doc.source.url.clone().unwrap_or_default(),
            type_name(e.event_type).to_string(),
            status_name(e.status).to_string(),
        ]);
    }
    t
}

/// ACLED's event type and sub-event type for a PLOVER type and mode. ACLED codes political
/// violence and protest; other PLOVER types go to "Strategic developments" (ACLED's bucket for
/// agreements, arrests, transfers and the like), with the PLOVER type as sub-event type where
/// ACLED has no closer one.
pub fn acled_type(e: &Event) -> (&'static str, &'static str) {
    let mode = e.mode.as_deref().unwrap_or("");
    match e.event_type {
        EventType::Assault => match mode {
            "aerial" => ("Explosions/Remote violence", "Air/drone strike"),
            "heavy-weapons" => (
                "Explosions/Remote violence",
                "Shelling/artillery/missile attack",
            ),
            "explosives" => (
                "Explosions/Remote violence",
                "Remote explosive/landmine/IED",
            ),
            "suicide-attack" => ("Explosions/Remote violence", "Suicide bomb"),
            "unconventional" => ("Explosions/Remote violence", "Chemical weapon"),
            "abduct" => (
                "Violence against civilians",
                "Abduction/forced disappearance",
            ),
            "sexual" => ("Violence against civilians", "Sexual violence"),
            "beat" | "torture" | "assassinate" | "cleansing" => {
                ("Violence against civilians", "Attack")
            }
            "destroy" => ("Strategic developments", "Looting/property destruction"),
            _ => ("Battles", "Armed clash"),
        },
        EventType::Protest => match mode {
            "riot" => ("Riots", "Violent demonstration"),
            _ => ("Protests", "Peaceful protest"),
        },
        EventType::Coerce => match mode {
            "arrest" => ("Strategic developments", "Arrests"),
            "seize" | "territory" => (
                "Strategic developments",
                "Non-violent transfer of territory",
            ),
            "confiscate" => ("Strategic developments", "Looting/property destruction"),
            "violence" => ("Violence against civilians", "Attack"),
            _ => ("Strategic developments", "Other"),
        },
        EventType::Agree => ("Strategic developments", "Agreement"),
        EventType::Retreat => match mode {
            "ceasefire" => ("Strategic developments", "Agreement"),
            "withdraw" => (
                "Strategic developments",
                "Non-violent transfer of territory",
            ),
            _ => ("Strategic developments", "Other"),
        },
        EventType::Mobilize => ("Strategic developments", "Change to group/activity"),
        _ => ("Strategic developments", "Other"),
    }
}

/// The CAMEO root (01–20) a PLOVER type falls under when the event has no CAMEO code.
pub fn default_root(t: EventType) -> u8 {
    match t {
        EventType::Agree => 3,
        EventType::Consult => 4,
        EventType::Support => 5,
        EventType::Cooperate => 6,
        EventType::Aid => 7,
        EventType::Concede | EventType::Retreat => 8,
        EventType::Request => 10,
        EventType::Accuse => 11,
        EventType::Reject => 12,
        EventType::Threaten => 13,
        EventType::Protest => 14,
        EventType::Mobilize => 15,
        EventType::Sanction => 16,
        EventType::Coerce => 17,
        EventType::Assault => 19,
    }
}

/// GDELT's QuadClass of a CAMEO root: 1 verbal cooperation (01–05), 2 material cooperation
/// (06–08), 3 verbal conflict (09–13), 4 material conflict (14–20).
pub fn quad_class(root: u8) -> u8 {
    match root {
        0..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        _ => 4,
    }
}

/// The Goldstein (1992) cooperation–conflict score of a CAMEO root code, from −10 to +10: the
/// root-level values of the CAMEO–Goldstein table GDELT uses (sub-codes are not told apart).
///
/// | root | meaning | score |
/// |---|---|---|
/// | 01 | public statement | 0.0 |
/// | 02 | appeal | 3.0 |
/// | 03 | intent to cooperate | 4.0 |
/// | 04 | consult | 1.0 |
/// | 05 | diplomatic cooperation | 3.5 |
/// | 06 | material cooperation | 6.0 |
/// | 07 | provide aid | 7.0 |
/// | 08 | yield | 5.0 |
/// | 09 | investigate | −2.0 |
/// | 10 | demand | −5.0 |
/// | 11 | disapprove | −2.0 |
/// | 12 | reject | −4.0 |
/// | 13 | threaten | −6.0 |
/// | 14 | protest | −6.5 |
/// | 15 | exhibit force posture | −7.2 |
/// | 16 | reduce relations | −4.0 |
/// | 17 | coerce | −7.0 |
/// | 18 | assault | −9.0 |
/// | 19 | fight | −10.0 |
/// | 20 | unconventional mass violence | −10.0 |
pub fn goldstein(root: u8) -> f32 {
    const TABLE: [f32; 21] = [
        0.0, 0.0, 3.0, 4.0, 1.0, 3.5, 6.0, 7.0, 5.0, -2.0, -5.0, -2.0, -4.0, -6.0, -6.5, -7.2,
        -4.0, -7.0, -9.0, -10.0, -10.0,
    ];
    TABLE.get(root as usize).copied().unwrap_or(0.0)
}

/// The date of an event ([`Event::date`]: its plain time value, else the publication day — the
/// store's `events.date` rule too).
pub fn event_date(e: &Event, published: Option<&str>) -> Option<String> {
    e.date(published)
}

/// ACLED-style fatalities: the event's count when the event is an ASSAULT whose count or trigger
/// speaks of the dead (قتل، قتيل، قتلى، مقتل، مصرع، حتف، شهيد، شهداء، وفاة); the lower bound
/// of an interval. Blank otherwise (ACLED's 0 would claim that nobody died).
fn fatalities(e: &Event, doc: &Document) -> Option<u64> {
    if e.event_type != EventType::Assault {
        return None;
    }
    let q = doc.quantities.get(e.quantity? as usize)?;
    const DEAD: &[&str] = &[
        "قتل",
        "قتيل",
        "قتلى",
        "مقتل",
        "مصرع",
        "حتف",
        "شهيد",
        "شهداء",
        "وفاة",
    ];
    let said = |s: &str| DEAD.iter().any(|d| s.contains(d));
    let unit = q.unit.as_deref().unwrap_or("");
    if !(said(unit) || said(&q.text) || said(&e.trigger.text)) {
        return None;
    }
    q.min.or(q.max).filter(|n| *n >= 0.0).map(|n| n as u64)
}

fn opt(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The format's spelling of an event type (`"ASSAULT"`).
pub fn type_name(t: EventType) -> &'static str {
    match t {
        EventType::Agree => "AGREE",
        EventType::Consult => "CONSULT",
        EventType::Support => "SUPPORT",
        EventType::Cooperate => "COOPERATE",
        EventType::Aid => "AID",
        EventType::Concede => "CONCEDE",
        EventType::Retreat => "RETREAT",
        EventType::Request => "REQUEST",
        EventType::Accuse => "ACCUSE",
        EventType::Reject => "REJECT",
        EventType::Threaten => "THREATEN",
        EventType::Protest => "PROTEST",
        EventType::Mobilize => "MOBILIZE",
        EventType::Sanction => "SANCTION",
        EventType::Coerce => "COERCE",
        EventType::Assault => "ASSAULT",
    }
}

/// The format's spelling of a status (`"asserted"`).
pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::Asserted => "asserted",
        Status::Hedged => "hedged",
        Status::Negated => "negated",
        Status::Reported => "reported",
        Status::Planned => "planned",
    }
}

fn gazetteer() -> &'static FxHashMap<&'static str, &'static GPlace> {
    static G: OnceLock<FxHashMap<&'static str, &'static GPlace>> = OnceLock::new();
    G.get_or_init(|| {
        let places = &Lexicon::global().places;
        let mut m: FxHashMap<&'static str, &'static GPlace> = FxHashMap::default();
        for p in places {
            m.insert(p.id.as_str(), p);
        }
        for p in places.iter().filter(|p| p.is_country()) {
            // country rows are also found by their alpha-2 code
            m.entry(p.country.as_str()).or_insert(p);
        }
        m
    })
}

/// One event with what its row needs looked up.
struct Cx<'a> {
    doc: &'a Document,
    event: &'a Event,
    id: String,
    place: Option<&'a rasad_doc::Place>,
    gaz: Option<&'static GPlace>,
}

impl<'a> Cx<'a> {
    fn new(doc: &'a Document, event: &'a Event) -> Cx<'a> {
        let place = event
            .place
            .as_deref()
            .and_then(|id| doc.places.iter().find(|p| p.id == id));
        let gaz = event
            .place
            .as_deref()
            .and_then(|id| gazetteer().get(id).copied());
        Cx {
            doc,
            event,
            id: event_id(&doc.id, &event.id),
            place,
            gaz,
        }
    }

    fn country2(&self) -> Option<String> {
        self.place
            .and_then(|p| p.country.as_deref().map(String::from))
            .or_else(|| self.gaz.map(|g| g.country.clone()))
            .filter(|c| !c.is_empty())
    }

    fn country_row(&self) -> Option<&'static GPlace> {
        let cc = self.country2()?;
        gazetteer()
            .get(cc.as_str())
            .copied()
            .filter(|g| g.is_country())
    }

    fn iso3(&self) -> Option<String> {
        self.gaz
            .map(|g| g.country3.clone())
            .filter(|c| !c.is_empty())
            .or_else(|| self.country_row().map(|g| g.country3.clone()))
            .filter(|c| !c.is_empty())
    }

    fn country_name(&self) -> Option<String> {
        self.country_row().map(|g| g.en.clone())
    }

    fn place_name(&self) -> Option<String> {
        self.place
            .and_then(|p| p.name.en.as_ref().or(p.name.ar.as_ref()).map(String::from))
            .or_else(|| self.gaz.map(|g| g.en.clone()))
            .or_else(|| self.event.place.clone())
    }

    fn full_name(&self) -> Option<String> {
        let name = self.place_name()?;
        let mut parts = vec![name];
        if let Some(g) = self.gaz.filter(|g| !g.is_country()) {
            if !g.admin1_name.is_empty() && !g.is_admin1() {
                parts.push(g.admin1_name.clone());
            }
            if let Some(c) = self.country_name() {
                parts.push(c);
            }
        }
        Some(parts.join(", "))
    }

    fn feature(&self) -> Option<String> {
        self.place
            .and_then(|p| p.feature.as_deref().map(String::from))
            .or_else(|| self.gaz.map(|g| g.feature.clone()))
    }

    fn lat(&self) -> Option<f64> {
        self.place
            .and_then(|p| p.lat)
            .or(self.gaz.and_then(|g| g.lat))
    }

    fn lon(&self) -> Option<f64> {
        self.place
            .and_then(|p| p.lon)
            .or(self.gaz.and_then(|g| g.lon))
    }

    /// ACLED: 1 a town, 2 a part of a region or a district, 3 a province or wider.
    fn geo_precision(&self) -> Option<u8> {
        self.event.place.as_ref()?;
        let f = self.feature().unwrap_or_default();
        Some(if f.starts_with("PPL") {
            1
        } else if f.starts_with("ADM1") || f.starts_with("PCL") || f == "RGN" {
            3
        } else {
            2
        })
    }

    /// GDELT: 1 country, 5 first-level division, 4 any other place.
    fn geo_type(&self) -> Option<u8> {
        self.event.place.as_ref()?;
        let f = self.feature().unwrap_or_default();
        Some(if f.starts_with("PCL") {
            1
        } else if f == "ADM1" {
            5
        } else {
            4
        })
    }

    fn sentence(&self) -> String {
        self.doc
            .sentences
            .get(self.event.sentence as usize)
            .map(|s| s.slice(&self.doc.text).trim().to_string())
            .unwrap_or_default()
    }

    fn entity(&self, id: &str) -> Option<&'a rasad_doc::Entity> {
        self.doc.entities.iter().find(|e| e.id == id)
    }

    fn name(&self, id: &str) -> String {
        self.entity(id)
            .and_then(|e| e.name.en.as_ref().or(e.name.ar.as_ref()).map(String::from))
            .unwrap_or_else(|| id.to_string())
    }

    /// The first actor's name and the others' names joined by `; ` (ACLED's associated actors).
    fn names(&self, ids: &[String]) -> (String, String) {
        match ids.split_first() {
            None => (String::new(), String::new()),
            Some((first, rest)) => (
                self.name(first),
                rest.iter()
                    .map(|i| self.name(i))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        }
    }

    /// GDELT actor code (CAMEO actor code, else the country), name and country.
    fn actor(&self, id: Option<&String>) -> (String, String, String) {
        let Some(id) = id else {
            return Default::default();
        };
        let e = self.entity(id);
        let country = e
            .and_then(|e| e.country.as_deref())
            .unwrap_or_default()
            .to_string();
        let code = e
            .and_then(|e| e.codes.cameo.as_deref().map(String::from))
            .unwrap_or_else(|| country.clone());
        (code, self.name(id), country)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_doc::*;

    fn doc() -> Document {
        let text = "غارة على البيضاء\n\nشنت طائرات التحالف غارة\tعلى البيضاء، وقتل 5 مسلحين.";
        let mut d = Document::new(
            "doc-0123456789abcdef",
            Source {
                url: Some("https://example.com/a".into()),
                outlet: Some("Example".into()),
                published: Some("2015-04-02T10:00:00Z".into()),
                ..Default::default()
            },
            text,
        );
        d.sentences = vec![Span::new(0, 16), Span::new(18, text.chars().count() as u32)];
        d.entities = vec![
            Entity {
                id: "saudi-led-coalition".into(),
                kind: EntityKind::Org,
                name: Name {
                    ar: Some("التحالف".into()),
                    en: Some("Saudi-led coalition".into()),
                },
                country: None,
                codes: Codes::default(),
                wikidata: None,
            },
            Entity {
                id: "houthis".into(),
                kind: EntityKind::Org,
                name: Name {
                    ar: Some("الحوثيون".into()),
                    en: Some("Houthis".into()),
                },
                country: Some("YEM".into()),
                codes: Codes {
                    cameo: Some("YEMREB".into()),
                },
                wikidata: None,
            },
        ];
        d.places = vec![Place {
            id: "yemen/al-bayda".into(),
            name: Name {
                ar: Some("البيضاء".into()),
                en: Some("Al Bayda".into()),
            },
            feature: Some("ADM1".into()),
            country: Some("YE".into()),
            lat: Some(14.0),
            lon: Some(45.5),
            geonames: Some(79415),
        }];
        d.quantities = vec![Quantity {
            start: 0,
            end: 0,
            text: "5 مسلحين".into(),
            min: Some(5.0),
            max: Some(5.0),
            approx: false,
            unit: Some("مسلحين".into()),
        }];
        let ev = |id: &str, t, mode: Option<&str>, cameo: Option<&str>, trig: &str| Event {
            id: id.into(),
            event_type: t,
            mode: mode.map(str::to_string),
            context: None,
            cameo: cameo.map(str::to_string),
            trigger: Trigger {
                start: 0,
                end: 0,
                text: trig.into(),
            },
            sentence: 1,
            actor: vec!["saudi-led-coalition".into()],
            recipient: vec!["houthis".into(), "unknown-x".into()],
            place: Some("yemen/al-bayda".into()),
            time: None,
            quantity: None,
            source: None,
            status: Status::Asserted,
            confidence: 0.8,
        };
        let mut killed = ev("e2", EventType::Assault, None, Some("190"), "وقتل");
        killed.quantity = Some(0);
        killed.time = Some(EventTime {
            reference: None,
            value: Some("2015-04-01".into()),
            grain: Some(Grain::Day),
            modifier: None,
            relation: Relation::On,
        });
        killed.actor.clear();
        d.events = vec![
            ev(
                "e1",
                EventType::Assault,
                Some("aerial"),
                Some("195"),
                "شنت غارة",
            ),
            killed,
            ev("e3", EventType::Agree, None, None, "اتفق"),
        ];
        d
    }

    fn col<'t>(t: &'t Table, row: usize, name: &str) -> &'t str {
        &t.rows[row][t.column(name).unwrap_or_else(|| panic!("no column {name}"))]
    }

    #[test]
    fn acled_rows_map_types_places_actors_and_counts() {
        let t = acled_rows(&doc());
        assert_eq!(t.rows.len(), 3);
        assert!(t.rows.iter().all(|r| r.len() == t.header.len()));
        let id = event_id("doc-0123456789abcdef", "e1");
        assert_eq!(col(&t, 0, "event_id"), id);
        assert_eq!(col(&t, 0, "event_id_cnty"), format!("YEM-{id}"));
        assert_eq!(col(&t, 0, "event_date"), "2015-04-02");
        assert_eq!(col(&t, 0, "year"), "2015");
        assert_eq!(col(&t, 0, "event_type"), "Explosions/Remote violence");
        assert_eq!(col(&t, 0, "sub_event_type"), "Air/drone strike");
        assert_eq!(col(&t, 0, "actor1"), "Saudi-led coalition");
        assert_eq!(col(&t, 0, "actor2"), "Houthis");
        assert_eq!(col(&t, 0, "assoc_actor_2"), "unknown-x");
        assert_eq!(col(&t, 0, "country"), "Yemen");
        assert_eq!(col(&t, 0, "location"), "Al Bayda");
        assert_eq!(col(&t, 0, "latitude"), "14");
        assert_eq!(col(&t, 0, "geo_precision"), "3");
        assert_eq!(col(&t, 0, "source"), "Example");
        assert!(col(&t, 0, "notes").starts_with("شنت طائرات التحالف"));
        assert_eq!(col(&t, 0, "fatalities"), "");
        // the killing: its own date, a count of the dead, no actor
        assert_eq!(col(&t, 1, "event_date"), "2015-04-01");
        assert_eq!(col(&t, 1, "event_type"), "Battles");
        assert_eq!(col(&t, 1, "fatalities"), "5");
        assert_eq!(col(&t, 1, "actor1"), "");
        assert_eq!(col(&t, 2, "event_type"), "Strategic developments");
        assert_eq!(col(&t, 2, "sub_event_type"), "Agreement");
    }

    #[test]
    fn gdelt_rows_have_cameo_quad_class_and_goldstein() {
        let t = gdelt_rows(&doc());
        assert!(t.rows.iter().all(|r| r.len() == t.header.len()));
        assert_eq!(col(&t, 0, "SQLDATE"), "20150402");
        assert_eq!(col(&t, 0, "MonthYear"), "201504");
        assert_eq!(col(&t, 0, "EventCode"), "195");
        assert_eq!(col(&t, 0, "EventRootCode"), "19");
        assert_eq!(col(&t, 0, "QuadClass"), "4");
        assert_eq!(col(&t, 0, "GoldsteinScale"), "-10.0");
        assert_eq!(col(&t, 0, "Actor2Code"), "YEMREB");
        assert_eq!(col(&t, 0, "Actor2CountryCode"), "YEM");
        assert_eq!(col(&t, 0, "ActionGeo_Type"), "5");
        assert_eq!(col(&t, 0, "ActionGeo_CountryCode"), "YE");
        assert_eq!(col(&t, 0, "ActionGeo_FeatureID"), "79415");
        assert_eq!(col(&t, 0, "SOURCEURL"), "https://example.com/a");
        // no CAMEO code: the root follows the PLOVER type
        assert_eq!(col(&t, 2, "EventCode"), "");
        assert_eq!(col(&t, 2, "EventRootCode"), "03");
        assert_eq!(col(&t, 2, "QuadClass"), "1");
        assert_eq!(col(&t, 2, "GoldsteinScale"), "4.0");
    }

    #[test]
    fn tsv_has_a_header_real_tabs_and_no_stray_breaks() {
        let t = acled_rows(&doc());
        let mut out = Vec::new();
        t.write_tsv(&mut out, true).unwrap();
        let s = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0].split('\t').count(), ACLED_COLUMNS.len());
        assert!(lines
            .iter()
            .all(|l| l.split('\t').count() == ACLED_COLUMNS.len()));
        // the evidence sentence held a tab: now a space
        assert!(lines[1].contains("غارة على البيضاء"));
    }

    #[test]
    fn names_are_the_format_spellings() {
        for t in [EventType::Agree, EventType::Mobilize, EventType::Assault] {
            assert_eq!(serde_json::to_value(t).unwrap(), type_name(t));
        }
        for s in [Status::Asserted, Status::Negated, Status::Planned] {
            assert_eq!(serde_json::to_value(s).unwrap(), status_name(s));
        }
    }

    #[test]
    fn goldstein_table_signs() {
        assert!((1..=8).all(|r| goldstein(r) >= 0.0));
        assert!((9..=20).all(|r| goldstein(r) < 0.0));
        assert_eq!(quad_class(4), 1);
        assert_eq!(quad_class(7), 2);
        assert_eq!(quad_class(12), 3);
        assert_eq!(quad_class(18), 4);
    }
}
