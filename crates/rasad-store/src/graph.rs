//! The actor–actor graph and event queries.
//!
//! An edge is one directed pair (actor → recipient) and one PLOVER type, aggregated over every
//! stored event: how many events, the first and last event date, how many distinct outlets
//! report it (counting every copy in the events' stories, so syndicated copies add outlets, never
//! events), and the evidence — document and sentence — behind it.

use crate::{Result, Store};
use rusqlite::OptionalExtension;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Where an event is said.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// Event id.
    pub event: String,
    /// Document id.
    pub document: String,
    /// Sentence index in the document.
    pub sentence: u32,
    /// The sentence as written.
    pub text: String,
}

/// One edge of the graph.
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    /// Actor entity id.
    pub source: String,
    /// Recipient entity id.
    pub target: String,
    /// PLOVER event type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// Number of events.
    pub events: u64,
    /// Earliest event date.
    pub first: Option<String>,
    /// Latest event date.
    pub last: Option<String>,
    /// Distinct outlets reporting it (copies in the same story included).
    pub outlets: u64,
    /// Evidence (at most the few asked for).
    pub evidence: Vec<Evidence>,
}

/// An event as a query returns it.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    /// Stable event id.
    pub id: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// Date (event time, else publication date).
    pub date: Option<String>,
    /// Actor entity ids.
    pub actor: Vec<String>,
    /// Recipient entity ids.
    pub recipient: Vec<String>,
    /// Place id.
    pub place: Option<String>,
    /// Status.
    pub status: String,
    /// Trigger as written.
    pub trigger: String,
    /// Document id.
    pub document: String,
    /// Outlet of the document.
    pub outlet: Option<String>,
    /// Distinct outlets of its story.
    pub outlets: u64,
    /// The sentence it is said in.
    pub sentence: String,
}

/// The signed weight of a PLOVER type: CAMEO's quad classes carried over through the CAMEO codes
/// each type covers (`../shared/spec/ontology.md`): verbal cooperation +1 (AGREE, CONSULT,
/// SUPPORT), material cooperation +2 (COOPERATE, AID, CONCEDE, RETREAT), verbal conflict −1
/// (ACCUSE, REJECT, THREATEN), material conflict −2 (PROTEST, MOBILIZE, SANCTION, COERCE,
/// ASSAULT). REQUEST covers both appeals (CAMEO 02, cooperative) and demands (10, conflictual),
/// so it weighs 0.
pub fn weight(event_type: &str) -> i64 {
    match event_type {
        "AGREE" | "CONSULT" | "SUPPORT" => 1,
        "COOPERATE" | "AID" | "CONCEDE" | "RETREAT" => 2,
        "ACCUSE" | "REJECT" | "THREATEN" => -1,
        "PROTEST" | "MOBILIZE" | "SANCTION" | "COERCE" | "ASSAULT" => -2,
        _ => 0,
    }
}

/// The signed cooperation (+) / conflict (−) score of one directed pair in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearScore {
    /// Actor entity id.
    pub source: String,
    /// Recipient entity id.
    pub target: String,
    /// Year (`YYYY`), `?` when undated.
    pub year: String,
    /// Events in that year.
    pub events: u64,
    /// Sum of the events' [`weight`]s.
    pub score: i64,
}

/// Filters of [`Store::events`].
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Events where this entity is actor or recipient.
    pub actor: Option<String>,
    /// PLOVER type (any case).
    pub event_type: Option<String>,
    /// Dated in or after this year.
    pub since: Option<i32>,
    /// Events at this place id, or at a place whose id starts with it plus `/` (a country).
    pub place: Option<String>,
    /// Most rows.
    pub limit: usize,
}

/// What is known of one actor.
#[derive(Debug, Clone, Serialize)]
pub struct ActorView {
    /// Entity id.
    pub id: String,
    /// Kind.
    pub kind: String,
    /// Arabic name.
    pub name_ar: Option<String>,
    /// English name.
    pub name_en: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// How it was written in the corpus, most frequent first: (text, mentions).
    pub aliases_seen: Vec<(String, u64)>,
    /// Documents mentioning it.
    pub documents: u64,
    /// Edges touching it.
    pub relations: Vec<Edge>,
    /// Its events, oldest first.
    pub timeline: Vec<EventRow>,
    /// Signed cooperation/conflict score per pair and year, pairs it is part of.
    pub scores: Vec<YearScore>,
}

const EDGES_SQL: &str = "
SELECT a.entity, r.entity, e.type, count(DISTINCT e.id), min(e.date), max(e.date),
       count(DISTINCT d2.source)
FROM events e
JOIN event_actors a ON a.event = e.id
JOIN event_recipients r ON r.event = e.id
JOIN documents d ON d.rowid = e.document
JOIN documents d2 ON d2.story = d.story
GROUP BY 1, 2, 3";

impl Store {
    /// Every edge of the graph, with up to `evidence` evidence rows each.
    pub fn edges(&self, evidence: usize) -> Result<Vec<Edge>> {
        let mut st = self.conn.prepare(EDGES_SQL)?;
        let rows = st.query_map([], |r| {
            Ok(Edge {
                source: r.get(0)?,
                target: r.get(1)?,
                event_type: r.get(2)?,
                events: r.get::<_, i64>(3)? as u64,
                first: r.get(4)?,
                last: r.get(5)?,
                outlets: r.get::<_, i64>(6)? as u64,
                evidence: Vec::new(),
            })
        })?;
        let mut edges = rows.collect::<std::result::Result<Vec<_>, _>>()?;
        self.attach_evidence(&mut edges, evidence)?;
        Ok(edges)
    }

    /// Fill each edge's evidence with up to `limit` sentences, earliest events first (one query
    /// for all edges).
    fn attach_evidence(&self, edges: &mut [Edge], limit: usize) -> Result<()> {
        if limit == 0 || edges.is_empty() {
            return Ok(());
        }
        let at: std::collections::HashMap<(String, String, String), usize> = edges
            .iter()
            .enumerate()
            .map(|(i, e)| {
                (
                    (e.source.clone(), e.target.clone(), e.event_type.clone()),
                    i,
                )
            })
            .collect();
        let mut st = self.conn.prepare(
            "SELECT x.actor, x.recipient, x.type, x.event, d.id, x.sentence,
                    substr(d.text, x.start + 1, x.\"end\" - x.start)
             FROM (SELECT a.entity AS actor, r.entity AS recipient, e.type AS type,
                          e.id AS event, v.document AS document, v.sentence AS sentence,
                          v.start AS start, v.\"end\" AS \"end\",
                          row_number() OVER (PARTITION BY a.entity, r.entity, e.type
                                             ORDER BY e.date, e.id) AS n
                   FROM event_actors a
                   JOIN event_recipients r ON r.event = a.event
                   JOIN events e ON e.id = a.event
                   JOIN evidence v ON v.event = e.id) x
             JOIN documents d ON d.rowid = x.document
             WHERE x.n <= ?1 ORDER BY x.actor, x.recipient, x.type, x.n",
        )?;
        let mut rows = st.query([limit as i64])?;
        while let Some(r) = rows.next()? {
            let key: (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if let Some(&i) = at.get(&key) {
                edges[i].evidence.push(Evidence {
                    event: r.get(3)?,
                    document: r.get(4)?,
                    sentence: r.get(5)?,
                    text: r.get(6)?,
                });
            }
        }
        Ok(())
    }

    /// The edges within `depth` hops of `actor` (all edges when `actor` is `None`).
    pub fn graph(&self, actor: Option<&str>, depth: u32, evidence: usize) -> Result<Vec<Edge>> {
        let all = self.edges(0)?;
        let Some(actor) = actor else {
            return self.with_evidence(all, evidence);
        };
        let mut seen: BTreeSet<String> = BTreeSet::from([actor.to_string()]);
        let mut frontier = seen.clone();
        let mut keep = vec![false; all.len()];
        for _ in 0..depth.max(1) {
            let mut next = BTreeSet::new();
            for (i, e) in all.iter().enumerate() {
                if frontier.contains(&e.source) || frontier.contains(&e.target) {
                    keep[i] = true;
                    for n in [&e.source, &e.target] {
                        if seen.insert(n.clone()) {
                            next.insert(n.clone());
                        }
                    }
                }
            }
            frontier = next;
        }
        let kept = all
            .into_iter()
            .zip(keep)
            .filter_map(|(e, k)| k.then_some(e))
            .collect();
        self.with_evidence(kept, evidence)
    }

    fn with_evidence(&self, mut edges: Vec<Edge>, evidence: usize) -> Result<Vec<Edge>> {
        self.attach_evidence(&mut edges, evidence)?;
        edges.sort_by(|a, b| {
            b.events.cmp(&a.events).then_with(|| {
                (&a.source, &a.target, &a.event_type).cmp(&(&b.source, &b.target, &b.event_type))
            })
        });
        Ok(edges)
    }

    /// Events matching a filter, oldest first.
    pub fn events(&self, f: &EventFilter) -> Result<Vec<EventRow>> {
        let mut sql = String::from(
            "SELECT e.id, e.type, e.date, e.place, e.status, e.trigger_text, d.id, s.outlet,
                    (SELECT count(DISTINCT d2.source) FROM documents d2 WHERE d2.story = d.story),
                    d.text, v.start, v.\"end\"
             FROM events e JOIN documents d ON d.rowid = e.document
             LEFT JOIN sources s ON s.id = d.source
             LEFT JOIN evidence v ON v.event = e.id AND v.document = e.document
             WHERE 1",
        );
        let mut args: Vec<String> = Vec::new();
        if let Some(a) = &f.actor {
            args.push(a.clone());
            let n = args.len();
            sql += &format!(
                " AND (e.id IN (SELECT event FROM event_actors WHERE entity = ?{n})
                   OR e.id IN (SELECT event FROM event_recipients WHERE entity = ?{n}))"
            );
        }
        if let Some(t) = &f.event_type {
            args.push(t.to_uppercase());
            sql += &format!(" AND e.type = ?{}", args.len());
        }
        if let Some(y) = f.since {
            args.push(format!("{y:04}"));
            sql += &format!(" AND e.date >= ?{}", args.len());
        }
        if let Some(p) = &f.place {
            args.push(p.clone());
            let n = args.len();
            sql += &format!(" AND (e.place = ?{n} OR e.place LIKE ?{n} || '/%')");
        }
        sql += " ORDER BY e.date, e.id";
        if f.limit > 0 {
            sql += &format!(" LIMIT {}", f.limit);
        }
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            let text: String = r.get(9)?;
            let (s, e): (Option<u32>, Option<u32>) = (r.get(10)?, r.get(11)?);
            let sentence = match (s, e) {
                (Some(s), Some(e)) => rasad_doc::Span::new(s, e).slice(&text).to_string(),
                _ => String::new(),
            };
            Ok(EventRow {
                id: r.get(0)?,
                event_type: r.get(1)?,
                date: r.get(2)?,
                actor: Vec::new(),
                recipient: Vec::new(),
                place: r.get(3)?,
                status: r.get(4)?,
                trigger: r.get(5)?,
                document: r.get(6)?,
                outlet: r.get(7)?,
                outlets: r.get::<_, i64>(8)? as u64,
                sentence,
            })
        })?;
        let mut out = rows.collect::<std::result::Result<Vec<_>, _>>()?;
        let mut actors = self
            .conn
            .prepare_cached("SELECT entity FROM event_actors WHERE event = ?1 ORDER BY idx")?;
        let mut recipients = self
            .conn
            .prepare_cached("SELECT entity FROM event_recipients WHERE event = ?1 ORDER BY idx")?;
        for e in &mut out {
            e.actor = actors
                .query_map([&e.id], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?;
            e.recipient = recipients
                .query_map([&e.id], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?;
        }
        Ok(out)
    }

    /// What is known of one actor, or `None` when it was never seen.
    pub fn actor(&self, id: &str, evidence: usize) -> Result<Option<ActorView>> {
        let row = self
            .conn
            .query_row(
                "SELECT id, kind, name_ar, name_en, country FROM entities WHERE id = ?1",
                [id],
                |r| {
                    Ok(ActorView {
                        id: r.get(0)?,
                        kind: r.get(1)?,
                        name_ar: r.get(2)?,
                        name_en: r.get(3)?,
                        country: r.get(4)?,
                        aliases_seen: Vec::new(),
                        documents: 0,
                        relations: Vec::new(),
                        timeline: Vec::new(),
                        scores: Vec::new(),
                    })
                },
            )
            .optional()?;
        let Some(mut v) = row else {
            return Ok(None);
        };
        let mut st = self.conn.prepare(
            "SELECT text, count(*) FROM mentions WHERE entity = ?1 GROUP BY text
             ORDER BY count(*) DESC, text LIMIT 50",
        )?;
        v.aliases_seen = st
            .query_map([id], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
            .collect::<std::result::Result<_, _>>()?;
        v.documents = self.conn.query_row(
            "SELECT count(DISTINCT document) FROM mentions WHERE entity = ?1",
            [id],
            |r| r.get::<_, i64>(0),
        )? as u64;
        v.relations = self.graph(Some(id), 1, evidence)?;
        v.timeline = self.events(&EventFilter {
            actor: Some(id.to_string()),
            ..Default::default()
        })?;
        v.scores = self
            .year_scores()?
            .into_iter()
            .filter(|y| y.source == id || y.target == id)
            .collect();
        Ok(Some(v))
    }

    /// The signed score of every directed pair per year (PLOVER types weighed by [`weight`]).
    pub fn year_scores(&self) -> Result<Vec<YearScore>> {
        let mut st = self.conn.prepare(
            "SELECT a.entity, r.entity, coalesce(substr(e.date, 1, 4), '?'), e.type,
                    count(DISTINCT e.id)
             FROM events e
             JOIN event_actors a ON a.event = e.id
             JOIN event_recipients r ON r.event = e.id
             GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3",
        )?;
        let mut out: Vec<YearScore> = Vec::new();
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let (source, target, year): (String, String, String) =
                (r.get(0)?, r.get(1)?, r.get(2)?);
            let t: String = r.get(3)?;
            let n = r.get::<_, i64>(4)? as u64;
            match out.last_mut() {
                Some(y) if y.source == source && y.target == target && y.year == year => {
                    y.events += n;
                    y.score += weight(&t) * n as i64;
                }
                _ => out.push(YearScore {
                    source,
                    target,
                    year,
                    events: n,
                    score: weight(&t) * n as i64,
                }),
            }
        }
        Ok(out)
    }

    /// Per year, the count of each event type an actor took part in (as actor or recipient).
    pub fn actor_years(&self, id: &str) -> Result<BTreeMap<String, BTreeMap<String, u64>>> {
        let mut st = self.conn.prepare(
            "SELECT substr(e.date, 1, 4), e.type, count(DISTINCT e.id) FROM events e
             WHERE e.id IN (SELECT event FROM event_actors WHERE entity = ?1
                            UNION SELECT event FROM event_recipients WHERE entity = ?1)
             GROUP BY 1, 2",
        )?;
        let mut out: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
        let rows = st.query_map([id], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?.unwrap_or_else(|| "?".into()),
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)? as u64,
            ))
        })?;
        for row in rows {
            let (y, t, n) = row?;
            out.entry(y).or_default().insert(t, n);
        }
        Ok(out)
    }
}
