//! Attribution and status from `cues.toml`.
//!
//! Rules (examples in `tests/events_rules.rs`):
//! - `reporting`: a reporting verb followed by a complementizer (or standing first in its
//!   sentence), or a reporting particle («بحسب», «وفقا لـ»), gives its speaker as the source of
//!   the events after it (of the whole sentence for a particle). The speaker is the words between
//!   the cue and the complementizer: `anonymous` with an anonymous cue («مصدر», «مسؤول», «فضل
//!   عدم الكشف عن هويته» anywhere in the sentence), `document` with a document cue («بيان»),
//!   `named` with a linked mention (or a mention right before the verb), else `outlet`.
//! - `continuation`: «وأضاف / وأشار / وتابع» and a reporting verb with no speaker («وأكد أن»)
//!   take the previous source; so does a sentence whose subject after its first verb is an
//!   anonymous source («واستشهد المسؤول»).
//! - `status`: negated (a clause negator or «عدم / دون» right before the trigger, «نفى» or a
//!   foiled cue before it), hedged (a sentence hedge, or a hedge before it), planned (a planned
//!   or threat cue governing it, «وشيك» after it), reported when attributed, else asserted.

use super::lexicon::{Lexicon, Role};
use super::{Ctx, Match};
use rasad_doc::{EventSource, SourceKind, Status};

/// Source and status of one match.
#[derive(Debug, Clone, Default)]
pub struct Frame {
    /// Source.
    pub source: Option<EventSource>,
    /// Status.
    pub status: Status,
}

/// A cue found in the text.
#[derive(Debug, Clone, Copy)]
struct Hit {
    cue: u32,
    role: Role,
    start: usize,
    end: usize,
}

const COMPLEMENTIZERS: &[&str] = &["ان", "فان", "بان", "وان", "انه", "انها"];
const SCOPE_SENTENCE: &[&str] = &[
    "بحسب",
    "حسب",
    "وفقا ل",
    "على لسان",
    "نقلا عن",
    "من جهته",
    "فيما يبدو",
    "من المقرر",
    "لم يتسن التحقق",
    "في بيان",
    "تقرير",
    "وثيقة",
    "تسجيل مصور",
    "تغريدة",
    "رسالة",
];

fn hits(cx: &Ctx, lex: &Lexicon, from: usize, to: usize) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut toks = Vec::new();
    for t in from..to {
        for k in cx.keys(t) {
            let Some(ids) = lex.cue_index.first.get(k.as_str()) else {
                continue;
            };
            for &pid in ids {
                let p = &lex.cue_index.patterns[pid as usize];
                let cue = &lex.cues[p.target as usize];
                let first = k.as_str();
                // short function words match only as written (with و / ف)
                if first.chars().count() <= 3
                    && !cx.word_is(t, first)
                    && !cx.word_is(t, &format!("و{first}"))
                    && !cx.word_is(t, &format!("ف{first}"))
                {
                    continue;
                }
                toks.clear();
                toks.push(t);
                if !cx.match_rest_pub(&p.rest, t + 1, &mut toks) {
                    continue;
                }
                if cx.blocked_pub(&cue.block, t) {
                    continue;
                }
                let end = *toks.last().unwrap_or(&t) + 1;
                if !out.iter().any(|h: &Hit| h.cue == p.target && h.start == t) {
                    out.push(Hit {
                        cue: p.target,
                        role: cue.role,
                        start: t,
                        end,
                    });
                }
            }
        }
    }
    out
}

/// A claim of responsibility found while reading a sentence's cues: (sentence start token,
/// sentence end token, claim cue start, claim cue end).
pub type ClaimCue = (usize, usize, usize, usize);

/// Source and status of every match, and the claims of responsibility the cues hold (read in
/// the same pass, for [`claims`]).
pub fn frames(cx: &Ctx, lex: &Lexicon, matches: &[Match]) -> (Vec<Frame>, Vec<ClaimCue>) {
    let mut out = vec![Frame::default(); matches.len()];
    let mut claimed = Vec::new();
    let mut last_source: Option<EventSource> = None;
    let mut mi = 0;
    for (s, &(ts, te)) in cx.sent_toks.iter().enumerate() {
        let first = mi;
        while mi < matches.len() && cx.sent[matches[mi].start()] as usize == s {
            mi += 1;
        }
        let ms = &matches[first..mi];
        if ts >= te {
            continue;
        }
        let hs = hits(cx, lex, ts, te);
        claimed.extend(
            hs.iter()
                .filter(|h| h.role == Role::Claim)
                .map(|h| (ts, te, h.start, h.end)),
        );
        let anonymous_sentence = hs
            .iter()
            .any(|h| h.role == Role::Anonymous && h.end - h.start >= 3);
        // the reporting frames of the sentence: (from token, sentence-wide, source)
        let mut frames: Vec<(usize, bool, EventSource)> = Vec::new();
        for h in &hs {
            let cue = &lex.cues[h.cue as usize];
            let whole = SCOPE_SENTENCE.iter().any(|c| cue.text == *c);
            match h.role {
                Role::Reporting => {
                    // the speaker: up to a complementizer (a verb must have one, or stand first)
                    let comp = (h.end..te.min(h.end + 13)).find(|&t| {
                        COMPLEMENTIZERS
                            .iter()
                            .any(|c| cx.word_is(t, c) || cx.is(t, c))
                    });
                    let stop = comp.unwrap_or_else(|| (h.end + 5).min(te));
                    // (the dateline «عدن –» does not count: «عدن – أعلنت شرطة عدن … القبض»)
                    let opening = cx.after_dateline(ts, te);
                    if !whole && comp.is_none() && h.start > opening.max(ts) + 1 {
                        continue;
                    }
                    let speaker = (h.end, stop);
                    let src = speaker_source(cx, &hs, lex, speaker, h.start, anonymous_sentence)
                        .or_else(|| last_source.clone())
                        .unwrap_or(EventSource {
                            kind: SourceKind::Outlet,
                            text: None,
                            entity: None,
                        });
                    frames.push((h.start, whole, src));
                }
                Role::Continuation if h.start <= ts + 1 => {
                    if let Some(src) = last_source.clone() {
                        frames.push((h.start, false, src));
                    }
                }
                Role::Anonymous if h.start == ts + 1 => {
                    // «واستشهد المسؤول اليمني ...»: the speaker is the subject of the first verb
                    let src = speaker_source(cx, &hs, lex, (h.start, h.end), ts, true);
                    if let Some(src) = src {
                        frames.push((ts, false, src));
                    }
                }
                _ => {}
            }
        }
        for (k, m) in ms.iter().enumerate() {
            let h = m.start();
            let f = &mut out[first + k];
            if let Some((_, _, src)) = frames
                .iter()
                .rev()
                .find(|(from, whole, _)| *whole || *from < h)
            {
                f.source = Some(src.clone());
                f.status = Status::Reported;
            }
            f.status = status(cx, lex, &hs, m, ts).unwrap_or(f.status);
        }
        if let Some((_, _, src)) = frames.last() {
            last_source = Some(src.clone());
        }
    }
    (out, claimed)
}

fn speaker_source(
    cx: &Ctx,
    hs: &[Hit],
    lex: &Lexicon,
    (s, e): (usize, usize),
    cue_start: usize,
    anonymous_sentence: bool,
) -> Option<EventSource> {
    let text = (s < e).then(|| {
        let a = cx.a.tokens[s].start;
        let b = cx.a.tokens[e - 1].end;
        cx.a.slice(a, b)
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    });
    let within = |h: &Hit| h.start >= s && h.start < e;
    let mention = (s..e).find_map(|t| cx.mention_at[t]).map(|(mi, _)| mi);
    // `spokesman of it`: «وقال المتحدث باسمها إن …» names no one but the body the pronoun points
    // to: the sentence's first specific mention before it, its topic («ورحبت حماس بالمقترح
    // المصري، وقال المتحدث باسمها»: Hamas, not Egypt)
    let mention = mention.or_else(|| {
        let b = (s..e).find(|&t| {
            let w = cx.bare(t);
            w.len() > 4 && w.starts_with(&['ب', 'ا', 'س', 'م'])
        })?;
        let ts = cx.sent_toks[cx.sent[b] as usize].0;
        (ts..cue_start).find_map(|t| {
            let (mi, me) = cx.mention_at[t]?;
            (me <= cue_start && !cx.generic(mi)).then_some(mi)
        })
    });
    let entity = mention.and_then(|mi| cx.doc.mentions[mi].entity.as_ref().map(|_| cx.entity(mi)));
    let kind = if hs.iter().any(|h| h.role == Role::Anonymous && within(h))
        || (anonymous_sentence && mention.is_none())
    {
        SourceKind::Anonymous
    } else if hs.iter().any(|h| h.role == Role::Document)
        && hs
            .iter()
            .any(|h| h.role == Role::Document && lex.cues[h.cue as usize].source.is_some())
    {
        SourceKind::Document
    } else if entity.is_some() {
        SourceKind::Named
    } else if let Some((mi, _)) = (cue_start.saturating_sub(3)..cue_start)
        .rev()
        .find_map(|t| cx.mention_at[t].filter(|(_, me)| *me == cue_start))
    {
        return Some(EventSource {
            kind: SourceKind::Named,
            text: Some(cx.doc.mentions[mi].text.clone()),
            entity: cx.doc.mentions[mi].entity.as_deref().map(String::from),
        });
    } else {
        return None;
    };
    Some(EventSource {
        kind,
        text: text.filter(|t| !t.is_empty()),
        // (a statement keeps its issuer: «قالت حماس في بيان» is Hamas's document)
        entity: if matches!(kind, SourceKind::Named | SourceKind::Document) {
            entity
        } else {
            None
        },
    })
}

fn status(cx: &Ctx, lex: &Lexicon, hs: &[Hit], m: &Match, ts: usize) -> Option<Status> {
    let h = m.start();
    let end = m.end();
    let _ = ts;
    let mut negated = false;
    let mut hedged = false;
    let mut planned = false;
    for c in hs {
        let cue = &lex.cues[c.cue as usize];
        let before = c.end <= h;
        let gap = h.saturating_sub(c.end);
        let sentence = SCOPE_SENTENCE.iter().any(|x| cue.text == *x);
        match c.role {
            Role::Negation => {
                let near = before && gap <= 1;
                let complement = matches!(cue.text.as_str(), "نفى" | "لا صحة" | "أنكر");
                if near || (complement && before) {
                    negated = true;
                }
                // «عدم خوض أي معركة»: the negator before a phrase's first word
                if before && gap <= 2 && (cue.text == "عدم" || cue.text == "دون") {
                    negated = true;
                }
            }
            Role::Foiled if before => negated = true,
            Role::Hedge if sentence || (before && gap <= 6) => hedged = true,
            Role::Planned => {
                let adjective = cue.text == "وشيك";
                if sentence && cue.text == "من المقرر" || (before && gap <= 5 && !adjective)
                {
                    planned = true;
                }
                if c.start >= end && c.start <= end + 2 && cue.text == "وشيك" {
                    planned = true;
                }
            }
            Role::Threat if before && gap <= 4 => planned = true,
            _ => {}
        }
        let _ = cx;
    }
    if negated {
        Some(Status::Negated)
    } else if hedged {
        Some(Status::Hedged)
    } else if planned {
        Some(Status::Planned)
    } else {
        None
    }
}

/// `claim`: «وتبنت حركة الشباب الهجوم», «أعلن التنظيم مسؤوليته عن التفجير» — the claimant
/// becomes the actor of the attack it claims: the last attack told up to the claim whose actor
/// is unknown or a generic class («انتحاري», «مسلحون»), and the other attacks of that
/// attack's sentence with such an actor. The claimant is the mention right after the claim
/// (VSO) or the mention the clause opens with before it.
pub fn claims(
    cx: &Ctx,
    lex: &Lexicon,
    matches: &[Match],
    args: &mut [super::args::Args],
    claimed: &[ClaimCue],
) {
    use rasad_doc::EventType as T;
    let unknown = |a: &super::args::Args| a.actor.iter().all(|id| cx.generic_id(id));
    for &(ts, te, start, end) in claimed {
        let after = (end..(end + 3).min(te))
            .find_map(|t| cx.mention_at[t])
            .map(|(mi, _)| mi);
        let before = (ts..start)
            .rev()
            .take(4)
            .find_map(|t| cx.mention_at[t].filter(|&(_, e)| e <= start))
            .map(|(mi, _)| mi);
        let Some(mi) = after.or(before).filter(|&mi| !cx.generic(mi)) else {
            continue;
        };
        let claimant = cx.entity(mi);
        let assault = |i: usize| lex.entries[matches[i].entry as usize].ty == T::Assault;
        // «تبنت الحركة الهجوم»: the claimed noun names the attack told before
        for (i, m) in matches.iter().enumerate() {
            if m.start() >= end
                && m.start() <= end + 4
                && cx.a.tokens[m.start()].seg.article
                && assault(i)
            {
                args[i].absorbed = true;
            }
        }
        let Some(k) = (0..matches.len())
            .rev()
            .find(|&i| matches[i].start() < end && assault(i) && unknown(&args[i]))
        else {
            continue;
        };
        let s = cx.sent[matches[k].start()];
        for i in 0..matches.len() {
            if cx.sent[matches[i].start()] == s && assault(i) && unknown(&args[i]) {
                args[i].actor = vec![claimant.clone()];
                args[i].recipient.retain(|r| *r != claimant);
            }
        }
    }
}
