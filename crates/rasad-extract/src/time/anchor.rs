//! Anchors: «منذ الانقلاب» takes the date the same text gives the coup elsewhere.
//!
//! An anchored phrase is منذ/بعد/عقب/قبل/حتى (with و/ف) + an event noun of `data/time/events.tsv`
//! («الانقلاب», «الحرب», «سقوط صنعاء», «انقلابها»), with no date of its own: no time starts within
//! three words after it. The event's date is a time that follows the same noun within three words
//! of the same phrase («الانقلاب في 21 سبتمبر/أيلول 2014», «الثورة الإسلامية في 1979», «الاتفاق الذي
//! وقع في 13 يوليو»), before or after the phrase in the text; the nearest definition before the
//! phrase wins, else the nearest after it. Without one the phrase stays untagged: no guess.
//!
//! Representation: a `times[]` entry spanning the whole phrase («منذ الانقلاب»), rule `anchor`,
//! whose `value` and `grain` are the anchor's (`2014-09-21`, day) and whose `mod` says on which side
//! of it the phrase lies: `AFTER` for منذ/بعد/عقب, `BEFORE` for قبل/حتى. The direction replaces
//! any modifier of the anchor itself («أواخر 2014» anchors `2014` AFTER). A range anchor («الحرب
//! الأهلية 1975 - 1990») gives its end to بعد/عقب (after the war ended) and its start to منذ/قبل/حتى.
//!
//! Nouns match by their stem (article, proclitics and a possessive pronoun dropped). A definite noun
//! may carry one definite adjective («الحرب الأهلية»), an indefinite one its complement («سقوط
//! صنعاء»), either one a target after على/ضد («الهجوم على مركز»); when the anchored phrase has such a word, the definition must have the same one (so
//! «منذ الحرب العالمية» never takes the date of «حرب احتلال بغداد في 2003»); a bare «منذ الحرب»
//! takes any «حرب …».

use super::cx::Cx;
use super::lexicon::pack;
use super::{Hit, P, V};
use rasad_doc::TimeMod;
use rasad_text::{normalize_key, TokenKind};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

const EVENTS: &str = include_str!("../../../../data/time/events.tsv");

/// Words between an event noun and its date, at most.
const GAP: usize = 3;

struct Tables {
    events: FxHashSet<u128>,
    since: u128,
    after: [u128; 2],
    before: [u128; 2],
    particles: FxHashSet<u128>,
}

fn key(w: &str) -> u128 {
    pack(normalize_key(w).chars()).unwrap_or_else(|| panic!("data/time: cannot key {w}"))
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| Tables {
        events: EVENTS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(key)
            .collect(),
        since: key("منذ"),
        after: [key("بعد"), key("عقب")],
        before: [key("قبل"), key("حتى")],
        // words that follow an indefinite event noun without being its complement
        particles: [
            "على",
            "عن",
            "ضد",
            "مع",
            "إلى",
            "الى",
            "من",
            "في",
            "بين",
            "التي",
            "الذي",
            "وهو",
            "وهي",
            "هذا",
            "هذه",
            "ذلك",
            "تلك",
            "أن",
            "ان",
            "إن",
            "لم",
            "لا",
            "قد",
            "الذين",
            "اللذين",
            "اللتين",
            "اللذان",
            "اللتان",
            "اللاتي",
            "اللواتي",
            "الآن",
            "الأخير",
            "الأخيرة",
        ]
        .into_iter()
        .map(key)
        .collect(),
    })
}

/// The direction of منذ/بعد/عقب (after) or قبل/حتى (before) at `i`, and whether it takes the end
/// of a range (بعد/عقب).
fn anchor_prep(cx: &Cx, i: usize) -> Option<(TimeMod, bool)> {
    if cx.kind(i) != Some(TokenKind::Word) {
        return None;
    }
    let v = cx.view(i);
    if !(3..=5).contains(&v.len()) {
        return None;
    }
    let v = if v.len() > 3 && matches!(v[0], 'و' | 'ف') {
        &v[1..]
    } else {
        v
    };
    let k = pack(v.iter().copied())?;
    let t = tables();
    if t.since == k {
        Some((TimeMod::After, false))
    } else if t.after.contains(&k) {
        Some((TimeMod::After, true))
    } else if t.before.contains(&k) {
        Some((TimeMod::Before, false))
    } else {
        None
    }
}

/// Where an anchored phrase starting at token `s` starts in the original text: after the و/ف of
/// «ومنذ», «وبعد» (the span is «منذ الانقلاب»).
pub fn phrase_start(cx: &Cx, s: usize) -> u32 {
    let t = &cx.a.tokens[s];
    let v = cx.view(s);
    if v.len() > 3 && matches!(v[0], 'و' | 'ف') {
        let at = t.nstart as usize + 1;
        cx.a.view.to_original(at, at + 1).0
    } else {
        t.start
    }
}

/// An event noun read at a token.
#[derive(Debug, Clone, Copy)]
struct Event {
    stem: u128,
    /// Its adjective or complement.
    qual: Option<u128>,
    /// The token after it (and its adjective or complement).
    e: usize,
}

/// The stem of an event noun in `v`: (stem key, definite, possessive).
fn event_stem(v: &[char]) -> Option<(u128, bool, bool)> {
    let set = &tables().events;
    let conj = usize::from(v.len() > 3 && matches!(v[0], 'و' | 'ف'));
    for c in [0, conj] {
        let prep = usize::from(v.len() > c + 3 && matches!(v[c], 'ب' | 'ل' | 'ك'));
        for p in [0, prep] {
            let w = &v[c + p..];
            // the article, or «لل» where its alef is not written
            let art = if w.starts_with(&['ا', 'ل']) {
                2
            } else if p == 1 && v[c] == 'ل' && w.first() == Some(&'ل') {
                1
            } else {
                0
            };
            if art > 0 {
                if let Some(k) = pack(w[art..].iter().copied()).filter(|k| set.contains(k)) {
                    return Some((k, true, false));
                }
                continue;
            }
            if let Some(k) = pack(w.iter().copied()).filter(|k| set.contains(k)) {
                return Some((k, false, false));
            }
            // a possessive pronoun; a ta marbuta is written ت before it
            for suf in [
                &['ه', 'م', 'ا'][..],
                &['ه', 'م'],
                &['ه', 'ن'],
                &['ه', 'ا'],
                &['ن', 'ا'],
                &['ه'],
            ] {
                if w.len() > suf.len() + 2 && w.ends_with(suf) {
                    let s = &w[..w.len() - suf.len()];
                    if let Some(k) = pack(s.iter().copied()).filter(|k| set.contains(k)) {
                        return Some((k, false, true));
                    }
                    if s.last() == Some(&'ت') {
                        let t = s[..s.len() - 1].iter().copied().chain(std::iter::once('ه'));
                        if let Some(k) = pack(t).filter(|k| set.contains(k)) {
                            return Some((k, false, true));
                        }
                    }
                }
            }
        }
    }
    None
}

/// An event noun at `i`, with its adjective («الحرب الأهلية») or complement («سقوط صنعاء»).
fn event_at(cx: &Cx, i: usize) -> Option<Event> {
    if cx.kind(i) != Some(TokenKind::Word) {
        return None;
    }
    let v = cx.view(i);
    if !(3..=15).contains(&v.len()) {
        return None;
    }
    let (stem, definite, possessive) = event_stem(v)?;
    let mut ev = Event {
        stem,
        qual: None,
        e: i + 1,
    };
    let k = i + 1;
    if possessive || cx.kind(k) != Some(TokenKind::Word) || cx.has_lex(k) {
        return Some(ev);
    }
    let w = cx.view(k);
    // a target: «الهجوم على مركز …» is that attack, not any attack
    if matches!(w, ['ع', 'ل', 'ي'] | ['ض', 'د'])
        && cx.kind(k + 1) == Some(TokenKind::Word)
        && !cx.has_lex(k + 1)
    {
        ev.qual = pack(cx.view(k + 1).iter().copied());
        ev.e = k + 2;
        return Some(ev);
    }
    let q = pack(w.iter().copied());
    let ok = q.is_some_and(|q| !tables().particles.contains(&q))
        && if definite {
            w.len() > 3 && w.starts_with(&['ا', 'ل'])
        } else {
            w.len() >= 3 && cx.a.tokens[k].seg.conj.is_none()
        };
    if ok && q.is_some() && event_stem(w).is_none() {
        ev.qual = q;
        ev.e = k + 1;
    }
    Some(ev)
}

/// The index of the hit that starts within [`GAP`] words after `e` (no phrase boundary between).
fn date_after(cx: &Cx, hits: &[Hit], e: usize) -> Option<usize> {
    let from = hits.partition_point(|h| h.s < e);
    let h = hits.get(from)?;
    if h.s > e + GAP || (e..h.s).any(|k| cx.is_boundary(k)) {
        return None;
    }
    Some(from)
}

/// The anchored phrases of a text, given its other temporal expressions (sorted, disjoint).
pub fn anchors(cx: &Cx, hits: &[Hit]) -> Vec<Hit> {
    // the phrases
    let mut cands: Vec<(usize, Event, (TimeMod, bool))> = Vec::new();
    let mut h = 0;
    let n = cx.len();
    let mut i = 0;
    while i + 1 < n {
        while h < hits.len() && hits[h].e <= i {
            h += 1;
        }
        if h < hits.len() && hits[h].s <= i {
            i = hits[h].e;
            continue;
        }
        if let Some(m) = anchor_prep(cx, i) {
            if let Some(ev) = event_at(cx, i + 1) {
                let free = h >= hits.len() || hits[h].s >= ev.e;
                if free && date_after(cx, hits, ev.e).is_none() {
                    cands.push((i, ev, m));
                    i = ev.e;
                    continue;
                }
            }
        }
        i += 1;
    }
    if cands.is_empty() {
        return Vec::new();
    }
    // the dated mentions of event nouns: (position, event, date)
    let mut defs: Vec<(usize, Event, (P, P))> = Vec::new();
    for (k, hit) in hits.iter().enumerate() {
        let p = match hit.v {
            V::Point(p, _) => (p, p),
            V::Range(a, b) => (a, b),
            _ => continue,
        };
        let floor = if k > 0 { hits[k - 1].e } else { 0 };
        let lo = hit.s.saturating_sub(GAP + 2).max(floor);
        for j in (lo..hit.s).rev() {
            if cx.is_boundary(j) {
                break;
            }
            if let Some(ev) = event_at(cx, j) {
                if ev.e <= hit.s && hit.s - ev.e <= GAP {
                    defs.push((j, ev, p));
                }
                break;
            }
        }
    }
    let mut out = Vec::new();
    for (s, ev, (m, at_end)) in cands {
        let fits = |d: &&(usize, Event, (P, P))| {
            d.1.stem == ev.stem && (ev.qual.is_none() || d.1.qual == ev.qual)
        };
        let def = defs
            .iter()
            .filter(|d| d.0 < s)
            .rfind(fits)
            .or_else(|| defs.iter().filter(|d| d.0 > s).find(fits));
        if let Some(&(_, _, (a, b))) = def {
            out.push(Hit {
                s,
                e: ev.e,
                v: V::Point(if at_end { b } else { a }, Some(m)),
                rule: "anchor",
            });
        }
    }
    out
}
