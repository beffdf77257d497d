//! Quantities: a number (digits or words) or a vague quantity with its bounds and counted noun, as
//! an interval (`../shared/spec/document.md`).
//!
//! | rule | example | interval |
//! |---|---|---|
//! | number | «5 من كبار قادة» | 5..5, unit قادة |
//! | bound before | «أكثر من 400 عنصر», «ما لا يقل عن 20», «أقل من 10» | 400..∞, 20..∞, ..10 |
//! | approximate | «نحو 300», «قرابة ألف», «حوالي 50» | N..N approx |
//! | bound after | «20 على الأقل», «100 تقريبا» | 20..∞, 100..100 approx |
//! | range | «بين 10 و20», «من 10 إلى 20 قتيلا», «10-20» | 10..20 |
//! | vague | «عشرات», «مئات», «آلاف», «بضعة», «عدد من», «عشرات الآلاف» | 20..99, …, 2..∞ approx |
//! | percent | «5%», «5 في المائة» | unit % |
//!
//! Not quantities: numbers inside temporal expressions (the caller passes the tokens times took),
//! years, ordinals, labels after a definite noun («الفرقة 30», «المادة 5») or «رقم», and long digit
//! runs (phone numbers, ids).

use crate::numbers;
use crate::time::cx::Cx;
use crate::time::lexicon::{Bound, Lex, NumKind};
use rasad_doc::Quantity;
use rasad_text::TokenKind;

/// Words between «من» and the counted noun that are not the noun («5 من كبار قادة»).
const PARTITIVE_ADJECTIVES: &[&str] = &["كبار", "ابرز", "اخطر", "اهم", "بين", "اصل", "عناصر"];

/// Tag the quantities of a text; `taken[i]` is true for tokens inside temporal expressions.
pub fn tag(cx: &Cx, taken: &[bool]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.len() {
        if taken.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        match quantity_at(cx, i, taken) {
            Some((e, q)) => {
                out.push(q);
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

fn is_taken(taken: &[bool], s: usize, e: usize) -> bool {
    (s..e).any(|k| taken.get(k).copied().unwrap_or(false))
}

fn word_is(cx: &Cx, i: usize, forms: &[&str]) -> bool {
    let v = cx.view(i);
    forms
        .iter()
        .any(|f| v.len() == f.chars().count() && v.iter().copied().eq(f.chars()))
}

/// The counted noun after a number ending at `e`: (unit token, end).
fn unit_after(cx: &Cx, e: usize, taken: &[bool]) -> Option<(usize, usize)> {
    let mut k = e;
    if let Some((Lex::Prep(crate::time::lexicon::Prep::From), e2, c)) =
        cx.lex(k, |l| matches!(l, Lex::Prep(_)).then_some(*l))
    {
        if !c.cl.conj {
            k = e2;
            while word_is(cx, k, PARTITIVE_ADJECTIVES) {
                k += 1;
            }
        }
    }
    while word_is(cx, k, PARTITIVE_ADJECTIVES) {
        k += 1;
    }
    if taken.get(k).copied().unwrap_or(false) {
        return None;
    }
    if cx.kind(k) != Some(TokenKind::Word) {
        return None;
    }
    // «ولمدة»: a word after «و» starts another phrase
    if cx.a.tokens[k].seg.conj.is_some() {
        return None;
    }
    // a particle, a time word or a number is not a counted noun
    if cx
        .lex(k, |l| {
            (!matches!(
                l,
                Lex::Vague(..)
                    | Lex::Num {
                        k: NumKind::Plural,
                        ..
                    }
            ))
            .then_some(())
        })
        .is_some()
    {
        return None;
    }
    if word_is(
        cx,
        k,
        &[
            "في",
            "علي",
            "عن",
            "الي",
            "ان",
            "انه",
            "التي",
            "الذي",
            "الذين",
            "ما",
            "لا",
            "لم",
            "قد",
            "كما",
            "او",
            "ثم",
            "مع",
            "عبر",
            "حسب",
            "بحسب",
            "وفق",
            "منهم",
            "منها",
            "فقط",
            "هم",
            "هي",
            "هو",
            "قبل",
            "بعد",
            "حيث",
            "كان",
            "كانت",
            "وقد",
        ],
    ) {
        return None;
    }
    Some((k, k + 1))
}

fn quantity_at(cx: &Cx, i: usize, taken: &[bool]) -> Option<(usize, Quantity)> {
    let mut j = i;
    let mut bound = None;
    if let Some((b, e, _)) = cx.lex(j, |l| match *l {
        Lex::Cmp(b) => Some(b),
        _ => None,
    }) {
        bound = Some(b);
        j = e;
    }
    // «بين 10 و20», «من 10 إلى 20»
    let range_start = if bound.is_none() {
        cx.lex(j, |l| match *l {
            Lex::Prep(
                p @ (crate::time::lexicon::Prep::Between | crate::time::lexicon::Prep::From),
            ) => Some(p),
            _ => None,
        })
        .map(|(p, e, _)| (p, e))
    } else {
        None
    };
    if let Some((p, k)) = range_start {
        if let Some(n1) = plain_number(cx, k, taken) {
            let mut e = n1.e;
            let sep = if p == crate::time::lexicon::Prep::Between {
                cx.is_and(e) || cx.view(e).first() == Some(&'و')
            } else {
                cx.lex(e, |l| {
                    matches!(
                        l,
                        Lex::Prep(
                            crate::time::lexicon::Prep::To | crate::time::lexicon::Prep::Until
                        )
                    )
                    .then_some(())
                })
                .is_some()
            };
            if sep {
                if cx.is_and(e)
                    || cx.kind(e) != Some(TokenKind::Word)
                    || cx.view(e).len() > 1 && cx.view(e)[0] != 'و'
                {
                    e += 1;
                }
                let n2 = plain_number(cx, e, taken).or_else(|| plain_number(cx, e + 1, taken));
                if let Some(n2) = n2 {
                    if n2.value > n1.value {
                        let (unit, end) = match unit_after(cx, n2.e, taken) {
                            Some((u, end)) => (Some(u), end),
                            None => (None, n2.e),
                        };
                        return Some((
                            end,
                            make(cx, i, end, Some(n1.value), Some(n2.value), false, unit),
                        ));
                    }
                }
            }
        }
        return None;
    }
    // vague quantities: «عشرات», «عشرات الآلاف», «عدد من»
    if let Some(((lo, hi), e, _)) = cx.lex(j, |l| match *l {
        Lex::Vague(lo, hi) => Some((lo, hi)),
        _ => None,
    }) {
        // «آلاف» after a number word is the multiplier («ثلاثة آلاف»), read below
        let mut lo = f64::from(lo);
        let mut hi = (hi > 0).then_some(f64::from(hi));
        let mut e = e;
        // «عشرات الآلاف», «مئات الآلاف»
        if let Some((m, e2, _)) = cx.lex(e, |l| match *l {
            Lex::Num {
                v,
                k: NumKind::Plural,
            } => Some(v),
            _ => None,
        }) {
            lo *= m;
            hi = hi.map(|h| h * m);
            e = e2;
        }
        let (unit, end) = match unit_after(cx, e, taken) {
            Some((u, end)) => (Some(u), end),
            None => (None, e),
        };
        let (mut min, mut max) = (Some(lo), hi);
        if bound == Some(Bound::Min) {
            max = None;
        } else if bound == Some(Bound::Max) {
            min = None;
        }
        return Some((end, make(cx, i, end, min, max, true, unit)));
    }
    let n = plain_number(cx, j, taken)?;
    // a label: «الفرقة 30», «رقم 5» — a digit number after a definite noun and no counted noun
    let digits = cx.kind(n.s) == Some(TokenKind::Number);
    if bound.is_none() && digits && n.s > 0 {
        let p = n.s - 1;
        let definite = cx.kind(p) == Some(TokenKind::Word)
            && cx.view(p).starts_with(&['ا', 'ل'])
            && !cx.has_lex(p);
        let label_word = word_is(cx, p, &["رقم", "الرقم", "برقم"]);
        if label_word || (definite && unit_after(cx, n.e, taken).is_none()) {
            return None;
        }
    }
    // a bare year-like number with nothing counted is a year, not a quantity
    if bound.is_none()
        && n.plain_digits == 4
        && (1900.0..=2100.0).contains(&n.value)
        && unit_after(cx, n.e, taken).is_none()
    {
        return None;
    }
    let mut e = n.e;
    let mut approx = bound == Some(Bound::Approx);
    let (mut min, mut max) = (Some(n.value), Some(n.value));
    match bound {
        Some(Bound::Min) => max = None,
        Some(Bound::Max) => min = None,
        _ => {}
    }
    // percent
    let mut unit = None;
    let mut unit_text = None;
    if cx.is_char(e, '%') {
        unit_text = Some("%".to_string());
        e += 1;
    } else if let Some((_, e2, _)) = cx.lex(e, |l| (*l == Lex::Percent).then_some(())) {
        unit_text = Some(cx.text(e, e2));
        e = e2;
    } else if let Some((u, end)) = unit_after(cx, e, taken) {
        unit = Some(u);
        e = end;
    }
    // «20 على الأقل», «100 تقريبا»
    if let Some((b, e2, _)) = cx.lex(e, |l| match *l {
        Lex::Post(b) => Some(b),
        _ => None,
    }) {
        match b {
            Bound::Min => max = None,
            Bound::Max => min = None,
            Bound::Approx => approx = true,
        }
        e = e2;
    }
    let mut q = make(cx, i, e, min, max, approx, unit);
    if unit_text.is_some() {
        q.unit = unit_text;
    }
    Some((e, q))
}

/// A cardinal at `i` that is not inside a time, not a phone number or id, not an ordinal.
fn plain_number(cx: &Cx, i: usize, taken: &[bool]) -> Option<numbers::Number> {
    if numbers::ordinal(cx, i).is_some() {
        return None;
    }
    let n = numbers::cardinal(cx, i)?;
    if is_taken(taken, n.s, n.e) {
        return None;
    }
    if n.plain_digits >= 7 || (n.plain_digits >= 2 && cx.view(n.s).first() == Some(&'0')) {
        return None;
    }
    // a digit run glued to «-» and more digits (phone numbers, codes)
    if cx.kind(i) == Some(TokenKind::Number)
        && cx.is_char(n.e, '-')
        && cx.joined(n.e - 1)
        && cx.joined(n.e)
    {
        return None;
    }
    Some(n)
}

fn make(
    cx: &Cx,
    s: usize,
    e: usize,
    min: Option<f64>,
    max: Option<f64>,
    approx: bool,
    unit: Option<usize>,
) -> Quantity {
    let (start, end) = cx.span(s, e);
    Quantity {
        start,
        end,
        text: cx.text(s, e),
        min,
        max,
        approx,
        unit: unit.map(|u| cx.text(u, u + 1)),
    }
}
