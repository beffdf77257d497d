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
//! runs (phone numbers, ids). A year-like number (1900-2100, four digits, no bound) is a year, not a
//! quantity, when no counted noun follows it, when a verb follows it («2014 بلغ») or when it starts
//! a sentence («2014 شهد العالم»).
//!
//! The counted noun must be a noun: the word after the number is rejected when it is a verb or a
//! particle of `data/time/not-nouns.tsv` («30 تم اعتقالهم», «5 عندما») or has a verb's shape
//! ([`is_verb_form`]: «5 ينشطون», «يتضمن», «نزحوا»).
//!
//! Thousands with dots: Arabic news writes «1.200 شخص» for 1200 as often as «1.5 مليون» for 1.5
//! million. «1.200.000» (several dots) is always thousands. A single dot followed by exactly three
//! digits is read as thousands when a counted noun follows and nothing marks a decimal: not after
//! a price word («سعر», «بسعر»: «إلى سعر 2.310 درهم» is a share price), not before a multiplier
//! («3.707 مليار») or a percent («4.550 في المائة»), not with a zero integer part («0.250»), and not
//! for a bare number with no counted noun («97.381»). The reading stays ambiguous for currencies with
//! three decimals (Kuwaiti or Bahraini «1.250 دينار» can be 1.25 dinars); such amounts are read as
//! thousands unless a price word precedes them.
//!
//! A quantity's span starts after the proclitics of its first word: «لأكثر من 18 إرهابيا» starts
//! at «أكثر», «وخمسة جنود» at «خمسة» (the clitics the lexicon stripped to read the word).

use crate::numbers;
use crate::time::cx::Cx;
use crate::time::lexicon::{pack, Bound, Lex, NumKind};
use rasad_doc::Quantity;
use rasad_text::{normalize_key, TokenKind};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

const NOT_NOUNS: &str = include_str!("../../../data/time/not-nouns.tsv");

/// The forms of `data/time/not-nouns.tsv`, keyed like the lexicon.
fn not_nouns() -> &'static FxHashSet<u128> {
    static S: OnceLock<FxHashSet<u128>> = OnceLock::new();
    S.get_or_init(|| {
        NOT_NOUNS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| pack(normalize_key(l.split('\t').next()?.trim()).chars()))
            .collect()
    })
}

/// True when a word (view letters, without و/ف) has the shape of a verb: an imperfect plural
/// «ي/ت…ون» of six letters or more whose ون does not follow ي or ا (not «تلفزيون», «تعاون»); an
/// imperfect of a derived form «يت…» or «تت…» with three letters or more after the prefix, not ending
/// in ي, ا or ه (not «يتامى», «تتمة»; «تتويج» is listed apart); a perfect plural «…وا» of five
/// letters or more (not «عضوا»).
pub fn is_verb_form(v: &[char]) -> bool {
    let n = v.len();
    if n >= 6
        && matches!(v[0], 'ي' | 'ت')
        && v.ends_with(&['و', 'ن'])
        && !matches!(v[n - 3], 'ي' | 'ا')
    {
        return true;
    }
    if n >= 5
        && matches!(v[..2], ['ي' | 'ت', 'ت'])
        && !matches!(v[n - 1], 'ي' | 'ا' | 'ه')
        && v != ['ت', 'ت', 'و', 'ي', 'ج']
    {
        return true;
    }
    n >= 5 && v.ends_with(&['و', 'ا'])
}

/// True when the word at `k` is a verb or a particle, not a noun.
fn not_a_noun(cx: &Cx, k: usize) -> bool {
    let v = cx.view(k);
    let bare = if v.len() > 3 && matches!(v[0], 'و' | 'ف') {
        &v[1..]
    } else {
        v
    };
    let set = not_nouns();
    [v, bare]
        .iter()
        .any(|w| pack(w.iter().copied()).is_some_and(|key| set.contains(&key)))
        || is_verb_form(bare)
}

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
    // «ولمدة»: a word after «و» starts another phrase (a ف read as a conjunction is more often
    // the noun's own letter: «1.277 فردا»)
    if cx.a.tokens[k].seg.conj == Some(rasad_text::clitics::Conj::Wa) {
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
    if not_a_noun(cx, k) {
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
                    let (unit, end) = match unit_after(cx, n2.e, taken) {
                        Some((u, end)) => (Some(u), end),
                        None => (None, n2.e),
                    };
                    let v1 = thousands_dot(cx, &n1, unit.is_some()).unwrap_or(n1.value);
                    let v2 = thousands_dot(cx, &n2, unit.is_some()).unwrap_or(n2.value);
                    if v2 > v1 {
                        return Some((end, make(cx, i, end, Some(v1), Some(v2), false, unit)));
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
    // a bare year-like number with nothing counted, or at the start of a sentence, is a year
    if bound.is_none()
        && n.plain_digits == 4
        && (1900.0..=2100.0).contains(&n.value)
        && (unit_after(cx, n.e, taken).is_none() || sentence_start(cx, n.s))
    {
        return None;
    }
    let mut e = n.e;
    let mut approx = bound == Some(Bound::Approx);
    let counted = unit_after(cx, n.e, taken).is_some();
    let value = thousands_dot(cx, &n, counted).unwrap_or(n.value);
    let (mut min, mut max) = (Some(value), Some(value));
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

/// True when token `i` starts a sentence.
fn sentence_start(cx: &Cx, i: usize) -> bool {
    let start = cx.a.tokens[i].start;
    cx.a.sentences
        .binary_search_by_key(&start, |s| s.start)
        .is_ok()
}

/// The value of a digit number written with one dot before exactly three digits («1.200 شخص»)
/// read with the dot as a thousands separator, when a counted noun follows (`counted`) and nothing
/// marks a decimal (see the module docs); `None` otherwise.
fn thousands_dot(cx: &Cx, n: &numbers::Number, counted: bool) -> Option<f64> {
    if !counted {
        return None;
    }
    if n.e != n.s + 1 || cx.kind(n.s) != Some(TokenKind::Number) {
        return None;
    }
    let v = cx.view(n.s);
    let dot = v.iter().position(|&c| c == '.')?;
    if dot == 0
        || v[0] == '0'
        || v.len() - dot != 4
        || !v
            .iter()
            .enumerate()
            .all(|(k, c)| k == dot || c.is_ascii_digit())
    {
        return None;
    }
    // a price: «سعر 2.310», «بسعر 1.250»
    let price = (n.s.saturating_sub(2)..n.s).any(|k| {
        let w = cx.view(k);
        w.windows(3).any(|x| x == ['س', 'ع', 'ر']) || w.ends_with(&['ا', 'س', 'ع', 'ا', 'ر'])
    });
    if price || cx.is_char(n.e, '%') {
        return None;
    }
    if cx
        .lex(n.e, |l| (*l == Lex::Percent).then_some(()))
        .is_some()
    {
        return None;
    }
    let mut x = 0f64;
    for c in v.iter().filter(|c| c.is_ascii_digit()) {
        x = x * 10.0 + f64::from(c.to_digit(10)?);
    }
    Some(x)
}

/// Start (original code point) of token `i` after the proclitics its lexicon entry was read
/// without («لأكثر» → «أكثر», «للعشرات» → «عشرات»), or after the segmenter's conjunction and
/// preposition for a word the lexicon does not know.
fn start_after_clitics(cx: &Cx, i: usize) -> u32 {
    let t = &cx.a.tokens[i];
    if t.kind != TokenKind::Word {
        return t.start;
    }
    let v = cx.view(i);
    let (conj, prep) = match cx.m.at(i).first() {
        Some(c) => (c.cl.conj, c.cl.prep),
        None => (t.seg.conj.is_some(), t.seg.prep.map(|_| ' ')),
    };
    let mut skip = usize::from(conj) + usize::from(prep.is_some());
    // «لل»: the article's alef is not written; skip both lams
    if prep == Some('ل') && v.get(skip) == Some(&'ل') {
        skip += 1;
    }
    if skip == 0 || skip >= v.len() {
        return t.start;
    }
    let at = t.nstart as usize + skip;
    cx.a.view.to_original(at, at + 1).0
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
    let (_, end) = cx.span(s, e);
    let start = start_after_clitics(cx, s);
    Quantity {
        start,
        end,
        text: cx.a.slice(start, end),
        min,
        max,
        approx,
        unit: unit.map(|u| cx.text(u, u + 1)),
    }
}
