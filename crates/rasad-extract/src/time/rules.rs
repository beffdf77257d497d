//! The temporal rules. Each is a function from a start token to at most one [`Hit`]; [`best`] runs
//! them all at a token and keeps the longest. Their names (the `RULES` table) are what the tests
//! and `Hit::rule` refer to; each rule's examples are in `tests/time_rules.rs`.
//!
//! | rule | reads | example |
//! |---|---|---|
//! | `date` | day, month name(s) of either calendar, year, calendar mark, weekday, clock time | «21 سبتمبر/أيلول 2014», «15 رمضان 1445 هـ», «الاثنين 18 شباط» |
//! | `numeric_date` | a numeric date (Hijri when marked or when its year is 13xx-14xx) | «21/9/2014», «14-09-1432 هـ» |
//! | `year` | a year after «عام/سنة» or with a calendar mark | «عام 2015», «2006م», «1445هـ» |
//! | `bare_year` | a bare year where the context makes it a date | «بصنعاء 2006.», «منذ 2011» |
//! | `modified` | أواخر/أوائل/مطلع/منتصف/نهاية/بداية + a period | «أواخر 2014» (2014, END) |
//! | `weekday` | a weekday with its direction | «يوم الخميس الماضي» |
//! | `relative_day` | أمس, غدا, اليوم, أول أمس | «أمس» |
//! | `relative_period` | a calendar period and its direction | «الأسبوع الماضي», «العام الجاري» |
//! | `offset` | قبل/منذ/بعد + a duration | «قبل يومين» |
//! | `duration` | a number of units, with «أكثر من/نحو» | «أكثر من عقدين», «ثلاث سنوات» |
//! | `clock` | a clock time and its part of day | «الساعة 3 و15 دقيقة عصرا» |
//! | `range` | من/بين X إلى/و Y, X-Y | «بين عامي 2014 و2016», «من 13 إلى 15 تموز» |
//! | `holiday` | holidays on their own calendar | «عيد الفطر 2013» |
//! | `nth` | the n-th/last weekday, week or day of a month | «آخر اثنين من شهر آذار» |
//! | `decade` | decades and centuries | «الثمانينيات», «القرن الماضي» |
//! | `now` | the reference instant, tonight | «الآن», «الليلة» |
//! | `anchor` | منذ/بعد/عقب/قبل/حتى + an event noun dated elsewhere in the text (not in `RULES`: a pass after them, [`super::anchor`]) | «منذ الانقلاب» (2014-09-21, AFTER) |

use super::calendar;
use super::cx::Cx;
use super::lexicon::{Bound, Daypart, Holiday, Lex, NumKind, OrdKind, Prep};
use super::{rank, Hit, Reference, NO_YEAR, P, V};
use crate::numbers;
use rasad_doc::{Grain, TimeMod};
use rasad_text::TokenKind;

type Rule = fn(&Cx, usize, &Reference) -> Option<(usize, V)>;

/// The rules, by name, in the order ties are broken.
pub const RULES: &[(&str, Rule)] = &[
    ("range", range),
    ("date", date_rule),
    ("numeric_date", numeric_date),
    ("nth", nth),
    ("modified", modified),
    ("holiday", holiday),
    ("year", year_rule),
    ("bare_year", bare_year),
    ("weekday", weekday_rule),
    ("relative_day", relative_day),
    ("relative_period", relative_period),
    ("offset", offset),
    ("clock", clock_rule),
    ("decade", decade),
    ("now", now),
    ("duration", duration_rule),
];

/// True when an expression can start at token `i`.
pub fn can_start(cx: &Cx, i: usize) -> bool {
    matches!(cx.kind(i), Some(TokenKind::Number | TokenKind::Date)) || cx.has_lex(i)
}

/// The longest hit of any rule at `i`.
pub fn best(cx: &Cx, i: usize, r: &Reference) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    for &(name, f) in RULES {
        if let Some((e, v)) = f(cx, i, r) {
            if best.as_ref().is_none_or(|b| e > b.e) {
                best = Some(Hit {
                    s: i,
                    e,
                    v,
                    rule: name,
                });
            }
        }
    }
    best
}

/// Run one rule by name at `i` (for tests).
pub fn run(name: &str, cx: &Cx, i: usize, r: &Reference) -> Option<Hit> {
    let f = RULES.iter().find(|(n, _)| *n == name)?.1;
    f(cx, i, r).map(|(e, v)| Hit {
        s: i,
        e,
        v,
        rule: RULES.iter().find(|(n, _)| *n == name).unwrap().0,
    })
}

// ---------------------------------------------------------------------------------------------
// small readers

fn prep_at(cx: &Cx, i: usize) -> Option<(Prep, usize)> {
    cx.lex(i, |l| match *l {
        Lex::Prep(p) => Some(p),
        _ => None,
    })
    .map(|(p, e, _)| (p, e))
}

fn is_word(cx: &Cx, i: usize, w: &str) -> bool {
    let v = cx.view(i);
    v.len() == w.chars().count() && v.iter().copied().eq(w.chars())
}

/// «شهر» / «الشهر» / «بشهر» at `i`: the token after it.
fn month_word(cx: &Cx, i: usize) -> Option<usize> {
    cx.lex(i, |l| match *l {
        Lex::Unit {
            g: Grain::Month,
            n: 1,
        }
        | Lex::Period(Grain::Month) => Some(()),
        _ => None,
    })
    .map(|(_, e, _)| e)
}

/// «عام» / «سنة» / «العام» / «لعام» / «عامي» at `i`: the token after it.
fn year_word(cx: &Cx, i: usize) -> Option<usize> {
    if let Some((_, e, _)) = cx.lex(i, |l| match *l {
        Lex::Unit {
            g: Grain::Year,
            n: 1 | 2,
        }
        | Lex::Period(Grain::Year) => Some(()),
        _ => None,
    }) {
        return Some(e);
    }
    // the construct dual «عامي 2014 و2016»
    let v = cx.view(i);
    let v = if v.first() == Some(&'ل') || v.first() == Some(&'ب') {
        &v[1..]
    } else {
        v
    };
    matches!(v, ['ع', 'ا', 'م', 'ي'] | ['س', 'ن', 'ت', 'ي']).then_some(i + 1)
}

/// A year number at `i`: four digits (or 1-4 digits with a calendar mark); its Hijri/Gregorian mark.
/// Returns (year, hijri, marked, end).
fn year_num(cx: &Cx, i: usize, need_four: bool) -> Option<(i32, bool, bool, usize)> {
    let (v, nd, plain) = cx.digits(i)?;
    if !plain {
        return None;
    }
    let y = v as i32;
    let mut e = i + 1;
    let mut hijri = false;
    let mut marked = false;
    if let Some((h, after, _)) = cx.lex(e, |l| match *l {
        Lex::Hijri => Some(true),
        Lex::Greg => Some(false),
        _ => None,
    }) {
        // a lone «م» (also "metres") must be written against the year or end the phrase
        let lone_m = !h && cx.view(e).len() == 1;
        if !lone_m || cx.joined(i) || cx.is_boundary(after) {
            hijri = h;
            marked = true;
            e = after;
        }
    }
    if nd != 4 && !(marked && nd >= 3 && !need_four) {
        return None;
    }
    Some((y, hijri, marked, e))
}

/// A day of the month at `i`: 1-31 in digits, an ordinal word, or «أول».
fn day_num(cx: &Cx, i: usize) -> Option<(u8, usize)> {
    if let Some((v, nd, true)) = cx.digits(i) {
        if nd <= 2 && (1.0..=31.0).contains(&v) {
            return Some((v as u8, i + 1));
        }
        return None;
    }
    let n = numbers::ordinal(cx, i)?;
    (1.0..=31.0)
        .contains(&n.value)
        .then_some((n.value as u8, n.e))
}

/// A month name at `i` (with «شهر» before it, a month number after «شهر», or «الشهر» + an ordinal),
/// with an alternate name after «/», «-» or in brackets. Returns (hijri, month, end, sure): `sure`
/// when nothing about the name is ambiguous.
fn month_at(cx: &Cx, i: usize) -> Option<(bool, u8, usize, bool)> {
    let mut j = i;
    let mut said_month = false;
    if let Some(e) = month_word(cx, j) {
        said_month = true;
        j = e;
    }
    let (hijri, m, mut e, ctx) = if let Some(((h, m, c), e, _)) = cx.lex(j, |l| match *l {
        Lex::Month { hijri, m, ctx } => Some((hijri, m, ctx)),
        _ => None,
    }) {
        (h, m, e, c)
    } else if said_month {
        // «شهر 3», «شهر ثلاثة», «الشهر التاسع»
        if let Some((v, nd, true)) = cx.digits(j) {
            if nd > 2 || !(1.0..=12.0).contains(&v) {
                return None;
            }
            (false, v as u8, j + 1, false)
        } else if let Some(n) = numbers::ordinal(cx, j).or_else(|| numbers::word_number(cx, j)) {
            if !(1.0..=12.0).contains(&n.value) || n.value.fract() != 0.0 {
                return None;
            }
            (false, n.value as u8, n.e, false)
        } else {
            return None;
        }
    } else {
        return None;
    };
    // «سبتمبر/أيلول», «أيلول (سبتمبر)», «سبتمبر - أيلول»
    let alt = |k: usize| {
        cx.lex(k, |l| match *l {
            Lex::Month {
                hijri: h2, m: m2, ..
            } if h2 == hijri && m2 == m => Some(()),
            _ => None,
        })
        .map(|(_, e, _)| e)
    };
    if cx.is_char(e, '/') || cx.is_char(e, '-') || cx.is_char(e, '–') {
        if let Some(after) = alt(e + 1) {
            e = after;
        }
    } else if cx.is_char(e, '(') {
        if let Some(after) = alt(e + 1) {
            if cx.is_char(after, ')') {
                e = after + 1;
            }
        }
    }
    Some((hijri, m, e, said_month || !ctx || e > j + 1))
}

/// The word «يوم» / «اليوم» (a one-day unit or the day period) at `i`.
fn day_word(cx: &Cx, i: usize) -> Option<((), usize, crate::time::lexicon::Cand)> {
    cx.lex(i, |l| {
        matches!(
            l,
            Lex::Unit {
                g: Grain::Day,
                n: 1
            } | Lex::Period(Grain::Day)
        )
        .then_some(())
    })
}

/// A weekday at `i` (with «يوم» before it). Returns (weekday, end, sure).
fn weekday_at(cx: &Cx, i: usize) -> Option<(u8, usize, bool)> {
    let mut j = i;
    let mut said_day = false;
    if let Some((_, e, _)) = day_word(cx, j) {
        if cx
            .lex(e, |l| matches!(l, Lex::Weekday { .. }).then_some(()))
            .is_some()
        {
            said_day = true;
            j = e;
        }
    }
    let ((d, ctx), e, _) = cx.lex(j, |l| match *l {
        Lex::Weekday { d, ctx } => Some((d, ctx)),
        _ => None,
    })?;
    Some((d, e, said_day || !ctx))
}

fn is_sep(cx: &Cx, i: usize) -> bool {
    cx.is_char(i, '،') || cx.is_char(i, ',')
}

/// Skip a «،» or «,» at `i`.
fn skip_sep(cx: &Cx, i: usize) -> usize {
    if is_sep(cx, i) {
        i + 1
    } else {
        i
    }
}

// ---------------------------------------------------------------------------------------------
// resolution

fn ref_day(r: &Reference) -> Option<P> {
    r.now.map(|p| p.at(Grain::Day))
}

/// A relative value: `n` units of `unit` from the reference, at grain `g`.
fn relative(r: &Reference, n: i64, unit: Grain, g: Grain) -> V {
    match r.now {
        Some(now) => V::Point(now.at(g).shift(n, unit), None),
        None => V::Unresolved(offset_code(n, unit), g),
    }
}

/// `REF-P1D`, `REF+P2W`, `REF`.
fn offset_code(n: i64, unit: Grain) -> String {
    if n == 0 {
        return "REF".to_string();
    }
    let sign = if n < 0 { '-' } else { '+' };
    format!(
        "REF{sign}{}",
        super::duration(n.unsigned_abs() as f64, unit)
    )
}

/// A weekday relative to the reference: `dir` -1 (the last before), 1 (the next after), 0 (as
/// the reference convention says).
fn weekday_value(r: &Reference, d: u8, dir: i8) -> V {
    let Some(today) = ref_day(r) else {
        let code = match dir {
            -1 => format!("REF-WXX-{d}"),
            1 => format!("REF+WXX-{d}"),
            _ => format!("XXXX-WXX-{d}"),
        };
        return V::Unresolved(code, Grain::Day);
    };
    let z = today.days();
    let w = i64::from(calendar::weekday(z));
    let d = i64::from(d);
    let delta = match dir {
        -1 => -((w - d - 1).rem_euclid(7) + 1),
        1 => (d - w - 1).rem_euclid(7) + 1,
        _ if r.weekday_forward => (d - w - 1).rem_euclid(7) + 1,
        _ => -(w - d).rem_euclid(7),
    };
    V::Point(P::from_days(z + delta), None)
}

/// The year of a month (and day) written without one: the reference's year.
fn default_year(r: &Reference) -> i32 {
    r.now.map_or(NO_YEAR, |p| p.y)
}

/// A Gregorian or Hijri calendar date to a point (Hijri months and years become Gregorian ranges).
fn cal_value(hijri: bool, y: Option<i32>, m: u8, d: Option<u8>, r: &Reference) -> Option<V> {
    if !hijri {
        let y = y.unwrap_or_else(|| default_year(r));
        return Some(match d {
            Some(d) => {
                if y != NO_YEAR && !calendar::valid(y, m, d) {
                    return None;
                }
                V::Point(P::day(y, m, d), None)
            }
            None => V::Point(P::month(y, m), None),
        });
    }
    let y = match y {
        Some(y) => y,
        None => {
            // the Hijri year of the reference; a month already past by more than half a year is
            // the next year's
            let now = ref_day(r)?;
            let (hy, hm, _) = calendar::gregorian_to_hijri(now.y, now.m, now.d)?;
            if i32::from(m) + 6 < i32::from(hm) {
                hy + 1
            } else {
                hy
            }
        }
    };
    match d {
        Some(d) => {
            // the 30th of a month the calendar gives 29 days (a sighting a day late) is the day
            // after the 29th
            let (gy, gm, gd) = match calendar::hijri_to_gregorian(y, m, d) {
                Some(g) => g,
                None if d == 30 => {
                    let (a, b, c) = calendar::hijri_to_gregorian(y, m, 29)?;
                    let p = P::from_days(calendar::days(a, b, c) + 1);
                    (p.y, p.m, p.d)
                }
                None => return None,
            };
            Some(V::Point(P::day(gy, gm, gd), None))
        }
        None => {
            let (ay, am, ad) = calendar::hijri_to_gregorian(y, m, 1)?;
            let len = calendar::hijri_month_len(y, m)?;
            let (by, bm, bd) = calendar::hijri_to_gregorian(y, m, len)?;
            Some(V::Range(P::day(ay, am, ad), P::day(by, bm, bd)))
        }
    }
}

/// A Hijri year as the Gregorian days it covers.
fn hijri_year(y: i32) -> Option<V> {
    let (ay, am, ad) = calendar::hijri_to_gregorian(y, 1, 1)?;
    let len = calendar::hijri_month_len(y, 12)?;
    let (by, bm, bd) = calendar::hijri_to_gregorian(y, 12, len)?;
    Some(V::Range(P::day(ay, am, ad), P::day(by, bm, bd)))
}

// ---------------------------------------------------------------------------------------------
// clock times

#[derive(Debug, Clone, Copy)]
struct Clock {
    h: u8,
    mi: u8,
    s: Option<u8>,
    part: Option<Daypart>,
    utc: bool,
    minutes_said: bool,
}

fn daypart_at(cx: &Cx, i: usize) -> Option<(Daypart, usize)> {
    cx.lex(i, |l| match *l {
        Lex::Daypart(d) => Some(d),
        _ => None,
    })
    .map(|(d, e, _)| (d, e))
}

/// A clock time at `i`: «الساعة 3», «3:18», «الثالثة وربع», «الساعة 12 إلا ربع», with its part of
/// the day and «بتوقيت GMT».
fn clock_at(cx: &Cx, i: usize) -> Option<(Clock, usize)> {
    let mut j = i;
    let mut said_hour = false;
    if let Some((_, e, _)) = cx.lex(j, |l| (*l == Lex::Period(Grain::Hour)).then_some(())) {
        said_hour = true;
        j = e;
    }
    let mut c = Clock {
        h: 0,
        mi: 0,
        s: None,
        part: None,
        utc: false,
        minutes_said: false,
    };
    let mut colon = false;
    let mut ordinal_hour = false;
    if let Some((v, nd, true)) = cx.digits(j) {
        if nd > 2 || v > 24.0 {
            return None;
        }
        c.h = v as u8;
        j += 1;
        // hh:mm[:ss]
        if cx.is_char(j, ':') && cx.joined(j - 1) && cx.joined(j) {
            let (m, nd2, true) = cx.digits(j + 1)? else {
                return None;
            };
            if nd2 != 2 || m >= 60.0 {
                return None;
            }
            c.mi = m as u8;
            c.minutes_said = true;
            colon = true;
            j += 2;
            if cx.is_char(j, ':') && cx.joined(j - 1) && cx.joined(j) {
                if let Some((s, 2, true)) = cx.digits(j + 1) {
                    c.s = Some(s as u8);
                    j += 2;
                }
            }
        }
    } else if let Some(n) = numbers::ordinal(cx, j) {
        if !(1.0..=12.0).contains(&n.value) {
            return None;
        }
        c.h = n.value as u8;
        ordinal_hour = true;
        j = n.e;
    } else if said_hour {
        let n = numbers::word_number(cx, j)?;
        if !(1.0..=12.0).contains(&n.value) || n.value.fract() != 0.0 {
            return None;
        }
        c.h = n.value as u8;
        j = n.e;
    } else {
        return None;
    }
    if !colon {
        // minutes: «و18 دقيقة», «وثمانية عشر دقيقة», «وربع», «إلا ثلث»
        let mut k = j;
        let and = cx.is_and(k);
        if and {
            k += 1;
        }
        let minus = !and && cx.lex(k, |l| (*l == Lex::Minus).then_some(())).is_some();
        if minus {
            k += 1;
        }
        let frac = cx.lex(k, |l| match *l {
            Lex::Frac(f) => Some(f),
            _ => None,
        });
        if let Some((f, e, cl)) = frac {
            if and || minus || cl.cl.conj {
                let f = if minus { 60 - f } else { f };
                if minus {
                    c.h = if c.h == 0 { 23 } else { c.h - 1 };
                }
                c.mi = f;
                c.minutes_said = true;
                j = e;
            }
        } else if let Some(n) = numbers::cardinal(cx, k) {
            let wa = and || cx.view(k).first() == Some(&'و');
            let unit = cx.lex(n.e, |l| {
                matches!(
                    l,
                    Lex::Unit {
                        g: Grain::Minute,
                        ..
                    }
                )
                .then_some(())
            });
            if (wa || minus) && n.value.fract() == 0.0 && (1.0..60.0).contains(&n.value) {
                let mins = n.value as u8;
                if minus {
                    c.h = if c.h == 0 { 23 } else { c.h - 1 };
                    c.mi = 60 - mins;
                } else {
                    c.mi = mins;
                }
                c.minutes_said = true;
                j = unit.map_or(n.e, |u| u.1);
            }
        }
    }
    // the part of the day, «هذا الصباح», «بعد الظهر»
    if let Some((d, e)) = daypart_at(cx, j) {
        c.part = Some(d);
        j = e;
    }
    // «بتوقيت GMT»
    if cx.lex(j, |l| (*l == Lex::Tz).then_some(())).is_some() {
        let k = j + 1;
        let latin = cx.kind(k) == Some(TokenKind::Latin)
            && matches!(cx.view(k), ['g', 'm', 't'] | ['u', 't', 'c']);
        if latin || cx.lex(k, |l| (*l == Lex::Utc).then_some(())).is_some() {
            c.utc = true;
            j = k + 1;
        }
    }
    let ok = said_hour || colon || (ordinal_hour && (c.minutes_said || c.part.is_some()));
    ok.then_some((c, j))
}

/// A clock time on a day: the hour read through the part of the day; without one, the next such
/// hour after the reference when the day is the reference's own.
fn clock_value(day: Option<P>, c: &Clock, r: &Reference) -> V {
    let mut h = c.h;
    match c.part {
        Some(Daypart::Am) if h == 12 => h = 0,
        Some(Daypart::Noon) if h < 6 => h += 12,
        Some(Daypart::Pm | Daypart::Night) if h < 12 => h += 12,
        _ => {}
    }
    let grain = if c.s.is_some() {
        Grain::Second
    } else if c.minutes_said || c.utc {
        Grain::Minute
    } else {
        Grain::Hour
    };
    let Some(base) = day.or_else(|| ref_day(r)) else {
        return V::Unresolved(format!("T{:02}:{:02}", h, c.mi), grain);
    };
    let mut p = P {
        h,
        mi: c.mi,
        s: c.s.unwrap_or(0),
        g: grain,
        ..base
    };
    if c.utc {
        if let Some(off) = r.utc_offset {
            p = p.shift(i64::from(off), Grain::Minute);
        }
    }
    // «الساعة 3» on the reference day, with a clock: the next 3 o'clock
    if c.part.is_none() && day.is_none() && h <= 12 {
        if let Some(now) = r.now.filter(|n| n.g == Grain::Second) {
            let t = |q: &P| (q.h as u32) * 3600 + (q.mi as u32) * 60 + q.s as u32;
            if t(&p) < t(&now) && h < 12 {
                p.h += 12;
            }
        }
    }
    V::Point(p, None)
}

/// Extend a day value with a clock time after it («، الساعة 05:16 مساءً», «في الثالثة»).
fn with_clock(cx: &Cx, e: usize, v: V, r: &Reference) -> (usize, V) {
    let V::Point(p, None) = v else {
        return (e, v);
    };
    if p.g != Grain::Day || p.y == NO_YEAR {
        return (e, v);
    }
    let mut k = skip_sep(cx, e);
    if let Some((Prep::At | Prep::In, after)) = prep_at(cx, k) {
        k = after;
    }
    match clock_at(cx, k) {
        Some((c, after)) => (after, clock_value(Some(p), &c, r)),
        None => (e, v),
    }
}

fn clock_rule(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    let (c, e) = clock_at(cx, i)?;
    Some((e, clock_value(None, &c, r)))
}

// ---------------------------------------------------------------------------------------------
// dates

/// The core date reader: [weekday [،]] [day [من]] month [alt] [[،] [عام] year [mark]].
/// Returns (end, value, had_day).
fn date_core(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V, bool)> {
    let mut j = i;
    let mut wd = None;
    if let Some((d, e, sure)) = weekday_at(cx, j) {
        if sure {
            wd = Some(d);
            j = skip_sep(cx, e);
            if let Some((_, after, _)) = cx.lex(j, |l| (*l == Lex::Equiv).then_some(())) {
                j = after;
            } else if let Some((Prep::In, after)) = prep_at(cx, j) {
                j = after;
            }
        }
    }
    let mut day = None;
    let day_start = j;
    // «اليوم الثالث من اكتوبر»: «اليوم» before an ordinal day
    if let Some((_, e, _)) = cx.lex(j, |l| (*l == Lex::Period(Grain::Day)).then_some(())) {
        if numbers::ordinal(cx, e).is_some() {
            j = e;
        }
    }
    if let Some((d, e)) = day_num(cx, j) {
        let mut k = e;
        if let Some((Prep::From, after)) = prep_at(cx, k) {
            k = after;
        }
        if month_at(cx, k).is_some() {
            day = Some(d);
            j = k;
        } else if let Some((_, _, true)) = cx
            .lex(k, |l| (*l == Lex::Period(Grain::Month)).then_some(true))
            .map(|x| (x.0, x.1, x.0))
        {
            // «التاسع عشر من هذا الشهر» is handled below
            day = Some(d);
            j = k;
        } else {
            j = day_start;
        }
    }
    // «من هذا الشهر», «الشهر الحالي»
    let (hijri, m, mut e, sure, this_month) = if let Some((h, m, e, sure)) = month_at(cx, j) {
        (h, m, e, sure, false)
    } else if day.is_some() {
        let k = if cx.lex(j, |l| (*l == Lex::This).then_some(())).is_some() {
            j + 1
        } else {
            j
        };
        let (_, e, _) = cx.lex(k, |l| (*l == Lex::Period(Grain::Month)).then_some(()))?;
        let now = ref_day(r)?;
        (false, now.m, e, true, true)
    } else {
        return None;
    };
    // a year: «2014», «، 2015»,«عام 2014», «من عام 2014», «لعام 2014», «1445 هـ»
    let mut year = None;
    let mut hijri_mark = false;
    {
        let mut k = skip_sep(cx, e);
        if let Some((Prep::From | Prep::In, after)) = prep_at(cx, k) {
            if year_word(cx, after).is_some() {
                k = after;
            }
        }
        let k2 = year_word(cx, k).unwrap_or(k);
        let need_four = !hijri;
        if let Some((y, h, marked, after)) = year_num(cx, k2, need_four) {
            let y_ok = if hijri {
                (1..=1600).contains(&y)
            } else {
                (1000..=2200).contains(&y)
            };
            if y_ok && (!marked || h == hijri) {
                year = Some(y);
                hijri_mark = marked && h;
                e = after;
            }
        } else if hijri {
            // «رمضان 1445 هـ» with the year in two digits is not a thing; nothing to do
        }
    }
    let _ = hijri_mark;
    let this_month_year = if this_month { r.now.map(|p| p.y) } else { None };
    let year = year.or(this_month_year);
    // an ambiguous month name alone needs context: a day, a year, «شهر», or a preposition before it
    if !sure && day.is_none() && year.is_none() {
        let before = i.checked_sub(1).and_then(|b| prep_at(cx, b));
        let own_prep =
            cx.m.at(i)
                .iter()
                .any(|c| c.cl.prep.is_some() && matches!(c.lex, Lex::Month { .. }));
        let dir_after = cx
            .lex(e, |l| matches!(l, Lex::Dir(_)).then_some(()))
            .is_some();
        if before.is_none() && !own_prep && !dir_after {
            return None;
        }
    }
    // «يناير الماضي», «مارس المقبل»: the month before or after the reference
    if day.is_none() && year.is_none() {
        if let Some((dir, after, _)) = cx.lex(e, |l| match *l {
            Lex::Dir(d) => Some(d),
            _ => None,
        }) {
            if !hijri {
                if let Some(now) = ref_day(r) {
                    let mut y = now.y;
                    if dir < 0 && m >= now.m {
                        y -= 1;
                    } else if dir > 0 && m <= now.m {
                        y += 1;
                    }
                    return Some((after, V::Point(P::month(y, m), None), false));
                }
                return Some((
                    after,
                    V::Unresolved(format!("XXXX-{m:02}"), Grain::Month),
                    false,
                ));
            }
        }
    }
    let v = cal_value(hijri, year, m, day, r)?;
    // a weekday and a day that disagree («الثلاثاء الثالث من أيلول 2014» when the 3rd is a
    // Wednesday) are not a date: the n-th weekday reads them
    if let (Some(w), V::Point(p, None)) = (wd, &v) {
        if p.g == Grain::Day && p.y != NO_YEAR && calendar::weekday(p.days()) != w {
            return None;
        }
    }
    Some((e, v, day.is_some()))
}

/// Rule `date`: a calendar date with month name(s), and its twin in the other calendar after
/// «الموافق», and a clock time after it.
fn date_rule(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    let (mut e, mut v, _) = date_core(cx, i, r)?;
    // «15 رمضان 1445 هـ الموافق 25 مارس 2024»: one expression, the Gregorian twin's value
    let k = {
        let k = skip_sep(cx, e);
        if cx.is_char(k, '(') {
            k + 1
        } else {
            k
        }
    };
    if let Some((_, after, _)) = cx.lex(k, |l| (*l == Lex::Equiv).then_some(())) {
        let after = if cx.is_char(after, 'ل') {
            after + 1
        } else {
            after
        };
        let twin = date_core(cx, after, r)
            .map(|(e2, v2, _)| (e2, v2))
            .or_else(|| numeric_date(cx, after, r));
        if let Some((e2, v2)) = twin {
            let e2 = if cx.is_char(e2, ')') { e2 + 1 } else { e2 };
            e = e2;
            if !matches!(v2, V::Unresolved(..)) {
                v = v2;
            }
        }
    }
    Some(with_clock(cx, e, v, r))
}

/// Rule `numeric_date`: 21/9/2014, 2014-09-21, 9/2014, ١٤-٠٩-١٤٣٢ هـ, «21/09» after a weekday.
fn numeric_date(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    let mut j = i;
    let mut wd = false;
    if let Some((_, e, sure)) = weekday_at(cx, j) {
        if !sure {
            return None;
        }
        wd = true;
        j = skip_sep(cx, e);
    }
    let (parts, mut e) = match cx.kind(j) {
        Some(TokenKind::Date) => (split_numeric(cx.view(j))?, j + 1),
        // «21/09» after a weekday: day and month
        Some(TokenKind::Number) if wd => {
            let (d, _, true) = cx.digits(j)? else {
                return None;
            };
            if !(cx.is_char(j + 1, '/') && cx.joined(j) && cx.joined(j + 1)) {
                return None;
            }
            let (m, _, true) = cx.digits(j + 2)? else {
                return None;
            };
            ([d as i32, m as i32, -1], j + 3)
        }
        _ => return None,
    };
    let mut hijri = r.hijri_numeric;
    if let Some((h, after, _)) = cx.lex(e, |l| match *l {
        Lex::Hijri => Some(true),
        Lex::Greg => Some(false),
        _ => None,
    }) {
        hijri = h;
        e = after;
    }
    // [y, m, d] or [d, m, y] or [m, y, -2] (month/year)
    let (mut y, m, d) = match parts {
        [a, b, -2] => (b, a, -1),
        [a, b, c] if a > 31 => (a, b, c),
        [a, b, c] => (c, b, a),
    };
    if (1300..=1500).contains(&y) {
        hijri = true;
    }
    if y == -1 {
        y = if hijri {
            return None;
        } else {
            default_year(r)
        };
    } else if y < 100 {
        // two-digit years: the century that puts the year nearest before the reference
        if hijri {
            let now_h = ref_day(r)
                .and_then(|p| calendar::gregorian_to_hijri(p.y, p.m, p.d))
                .map_or(1446, |h| h.0);
            y += 1400;
            if y > now_h + 10 {
                y -= 100;
            }
        } else {
            let now_y = r.now.map_or(2025, |p| p.y);
            y += 2000;
            if y > now_y + 10 {
                y -= 100;
            }
        }
    }
    if !(1..=12).contains(&m) {
        return None;
    }
    let v = if d < 0 {
        cal_value(hijri, Some(y), m as u8, None, r)?
    } else {
        cal_value(hijri, Some(y), m as u8, Some(d as u8), r)?
    };
    Some(with_clock(cx, e, v, r))
}

/// Split a numeric date token into three numbers; a month/year pair is `[m, y, -2]`.
fn split_numeric(v: &[char]) -> Option<[i32; 3]> {
    let mut out = [0i32; 3];
    let mut n = 0;
    for part in v.split(|c| matches!(c, '/' | '-' | '.')) {
        if n == 3 || part.is_empty() {
            return None;
        }
        out[n] = part
            .iter()
            .try_fold(0i32, |a, c| c.to_digit(10).map(|d| a * 10 + d as i32))?;
        n += 1;
    }
    match n {
        3 => Some(out),
        2 => Some([out[0], out[1], -2]),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// years

/// Rule `year`: «عام 2015», «سنة 2014», «العام 2015», «2006م», «1445 هـ».
fn year_rule(cx: &Cx, i: usize, _r: &Reference) -> Option<(usize, V)> {
    let (y, hijri, e) = year_phrase(cx, i)?;
    year_value(y, hijri).map(|v| (e, v))
}

fn year_value(y: i32, hijri: bool) -> Option<V> {
    if hijri {
        hijri_year(y)
    } else {
        Some(V::Point(P::year(y), None))
    }
}

/// A year with «عام/سنة» before it or a calendar mark after it: (year, hijri, end).
fn year_phrase(cx: &Cx, i: usize) -> Option<(i32, bool, usize)> {
    if let Some(k) = year_word(cx, i) {
        let (y, h, _, e) = year_num(cx, k, false)?;
        if h {
            return (1..=1600).contains(&y).then_some((y, true, e));
        }
        return (1000..=2200).contains(&y).then_some((y, false, e));
    }
    let (y, h, marked, e) = year_num(cx, i, false)?;
    if !marked {
        return None;
    }
    if h {
        (1..=1600).contains(&y).then_some((y, true, e))
    } else {
        (1..=2200).contains(&y).then_some((y, false, e))
    }
}

/// True when the word at `i` can be a counted noun after a number (an Arabic word that is not a
/// particle, a time word or a conjunction).
fn counted_noun(cx: &Cx, i: usize) -> bool {
    if cx.kind(i) != Some(TokenKind::Word) {
        return false;
    }
    if cx.has_lex(i) {
        return cx
            .lex(i, |l| matches!(l, Lex::Unit { .. }).then_some(()))
            .is_some();
    }
    true
}

/// Rule `bare_year`: a four-digit year without «عام» where the context makes it a date: after a
/// temporal preposition («منذ 2011», «في 2015»), or after a word and before the end of the phrase
/// («بصنعاء 2006.», «لحج الجنوبية 2015،»). Never after a quantity word or before a counted noun.
fn bare_year(cx: &Cx, i: usize, _r: &Reference) -> Option<(usize, V)> {
    let (v, nd, plain) = cx.digits(i)?;
    if !plain || nd != 4 || !(1900.0..=2100.0).contains(&v) {
        return None;
    }
    let y = v as i32;
    let e = i + 1;
    let prev = i.checked_sub(1)?;
    let boundary_after = cx.is_boundary(e)
        || (cx.is_and(e) && cx.digits(e + 1).is_some_and(|d| d.1 == 4))
        || cx
            .lex(e, |l| matches!(l, Lex::And | Lex::Prep(_)).then_some(()))
            .is_some_and(|(_, _, c)| !c.cl.conj);
    if let Some((p, _)) = prep_at(cx, prev) {
        let temporal = matches!(
            p,
            Prep::In | Prep::Since | Prep::Until | Prep::Before | Prep::After | Prep::During
        );
        if (temporal && !counted_noun(cx, e)) || boundary_after {
            return Some((e, V::Point(P::year(y), None)));
        }
        return None;
    }
    if cx.kind(prev) == Some(TokenKind::Word) && boundary_after {
        // not after a number word, a comparative or «رقم»
        let quantity_before = cx
            .lex(prev, |l| {
                matches!(
                    l,
                    Lex::Num { .. } | Lex::Cmp(_) | Lex::Vague(..) | Lex::Unit { .. }
                )
                .then_some(())
            })
            .is_some()
            || is_word(cx, prev, "رقم");
        if !quantity_before {
            return Some((e, V::Point(P::year(y), None)));
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// modifiers, weekdays, relative expressions

/// A period that a modifier or range can take: a date, a year phrase, a bare four-digit year, a
/// relative period, a decade.
fn period_at(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    let mut best: Option<(usize, V)> = None;
    let mut consider = |x: Option<(usize, V)>| {
        if let Some((e, v)) = x {
            if best.as_ref().is_none_or(|b| e > b.0) {
                best = Some((e, v));
            }
        }
    };
    consider(date_core(cx, i, r).map(|(e, v, _)| (e, v)));
    consider(year_phrase(cx, i).and_then(|(y, h, e)| year_value(y, h).map(|v| (e, v))));
    if let Some((v, 4, true)) = cx.digits(i) {
        if (1000.0..=2200.0).contains(&v) {
            consider(Some((i + 1, V::Point(P::year(v as i32), None))));
        }
    }
    consider(relative_period(cx, i, r));
    consider(decade(cx, i, r));
    consider(numeric_date(cx, i, r));
    best
}

/// Rule `modified`: «أواخر 2014», «مطلع العام الجاري», «منتصف آذار», «بداية شهر 3», «نهاية
/// الشهر الماضي». The value is the period; the modifier says which part.
fn modified(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    let (md, e, _) = cx.lex(i, |l| match *l {
        Lex::Mod(m) => Some(m),
        _ => None,
    })?;
    let (e2, v) = period_at(cx, e, r)?;
    match v {
        V::Point(p, None) => Some((e2, V::Point(p, Some(md)))),
        V::Unresolved(..) => Some((e2, v)),
        _ => None,
    }
}

/// Rule `weekday`: «الخميس», «يوم الخميس الماضي», «الثلاثاء القادم», «ثلاثاء الأسبوع الفائت»,
/// «الأحد من الأسبوع الماضي», «اثنين الأسبوع الحالي», with a clock time after it.
fn weekday_rule(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    let mut j = i;
    let mut this = false;
    if cx.lex(j, |l| (*l == Lex::This).then_some(())).is_some() {
        // «هذا الاثنين» (the coming Monday), not «هذا اليوم الأربعاء» (today, Wednesday)
        this = cx
            .lex(j + 1, |l| matches!(l, Lex::Weekday { .. }).then_some(()))
            .is_some();
        j += 1;
    }
    let (d, mut e, sure) = weekday_at(cx, j)?;
    // «الأسبوع الماضي» / «من الأسبوع الماضي» after the weekday
    let mut k = e;
    if let Some((Prep::From, after)) = prep_at(cx, k) {
        k = after;
    }
    let this_week = cx.lex(k, |l| (*l == Lex::This).then_some(())).is_some();
    if this_week {
        k += 1;
    }
    if let Some((_, after, _)) = cx.lex(k, |l| (*l == Lex::Period(Grain::Week)).then_some(())) {
        let dir = if this_week {
            Some((0, after))
        } else {
            cx.lex(after, |l| match *l {
                Lex::Dir(d) => Some(d),
                _ => None,
            })
            .map(|(d, e, _)| (d, e))
        };
        if let Some((dir, after2)) = dir {
            let week = r
                .now
                .map(|now| now.at(Grain::Week).shift(i64::from(dir), Grain::Week));
            let v = match week {
                Some(w) => V::Point(P::from_days(w.days() + i64::from(d) - 1), None),
                None => V::Unresolved(format!("REF{:+}W-{d}", dir), Grain::Day),
            };
            return Some(with_clock(cx, after2, v, r));
        }
    }
    if !sure {
        return None;
    }
    let mut dir = 0;
    if let Some((dd, after, _)) = cx.lex(e, |l| match *l {
        Lex::Dir(d) => Some(d),
        _ => None,
    }) {
        dir = dd;
        e = after;
    }
    let dir = if this { 1 } else { dir };
    let v = if dir == 0 && !this {
        weekday_value(r, d, 0)
    } else {
        weekday_value(r, d, dir)
    };
    Some(with_clock(cx, e, v, r))
}

/// Rule `relative_day`: «أمس», «البارحة», «غدا», «يوم غد», «بعد غد», «اليوم», «أول أمس», «اليوم
/// الماضي», «يوم قبل أمس», «اليوم الذي بعد الغد», with a clock time or part of the day.
fn relative_day(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    let j = i;
    // «يوم» / «اليوم» / «اليوم الذي» / «اليوم الي» / «اليوم القبل» before a relative day word
    let mut said_day = false;
    if let Some((_, e, _)) = day_word(cx, j) {
        let mut k = e;
        if is_word(cx, k, "الذي") || is_word(cx, k, "الي") {
            k += 1;
        }
        let before = if is_word(cx, k, "القبل") {
            k += 1;
            true
        } else {
            false
        };
        if let Some((n, e2)) = rel_word(cx, k) {
            let n = if before { n - 1 } else { n };
            return Some(day_with_part(
                cx,
                e2,
                relative(r, n, Grain::Day, Grain::Day),
                r,
            ));
        }
        // «اليوم الماضي/السابق»: the day before; «اليوم التالي»: the day after
        if is_word(cx, j, "اليوم") {
            if let Some((dir, e2, _)) = cx.lex(e, |l| match *l {
                Lex::Dir(d) if d != 0 => Some(d),
                _ => None,
            }) {
                return Some((e2, relative(r, i64::from(dir), Grain::Day, Grain::Day)));
            }
            said_day = true;
        }
    }
    if said_day {
        // «اليوم» alone: today («اليوم الأول من» is read by `date`)
        if numbers::ordinal(cx, j + 1).is_some() {
            return None;
        }
        return Some(day_with_part(
            cx,
            j + 1,
            relative(r, 0, Grain::Day, Grain::Day),
            r,
        ));
    }
    let (n, e) = rel_word(cx, j)?;
    Some(day_with_part(
        cx,
        e,
        relative(r, n, Grain::Day, Grain::Day),
        r,
    ))
}

fn rel_word(cx: &Cx, i: usize) -> Option<(i64, usize)> {
    let (n, e, _) = cx.lex(i, |l| match *l {
        Lex::Rel(n) => Some(i64::from(n)),
        _ => None,
    })?;
    // «قبل أمس»
    Some((n, e))
}

/// A day followed by a part of the day («أمس مساء»): the day; by a clock time: the time.
fn day_with_part(cx: &Cx, e: usize, v: V, r: &Reference) -> (usize, V) {
    let (e2, v2) = with_clock(cx, e, v.clone(), r);
    if e2 > e {
        return (e2, v2);
    }
    match daypart_at(cx, e) {
        Some((_, after)) => (after, v),
        None => (e, v),
    }
}

/// Rule `relative_period`: «الأسبوع الماضي», «الشهر المقبل», «العام الجاري», «هذا الأسبوع», «هذه
/// السنة», «السنة القادمة».
fn relative_period(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    let mut j = i;
    let this = cx.lex(j, |l| (*l == Lex::This).then_some(())).is_some();
    if this {
        j += 1;
    }
    let (g, e, _) = cx.lex(j, |l| match *l {
        Lex::Period(g) if rank(g) >= rank(Grain::Day) => Some(g),
        _ => None,
    })?;
    // «الأسابيع الثلاثة القادمة»: the next n periods
    let plural = ["الاسابيع", "الاشهر", "الشهور", "الايام", "السنوات", "الاعوام"];
    if !this && plural.iter().any(|w| is_word(cx, j, w)) {
        let v = cx.view(e);
        let n = if v.starts_with(&['ا', 'ل']) {
            super::lexicon::Lexicon::global()
                .word(&v[2..])
                .find_map(|l| match l {
                    Lex::Num {
                        v,
                        k: NumKind::Unit | NumKind::Ten,
                    } => Some(v as i64),
                    _ => None,
                })
        } else {
            None
        };
        let (n, e2) = match n {
            Some(n) => (n, e + 1),
            None => return None,
        };
        let (dir, e3, _) = cx.lex(e2, |l| match *l {
            Lex::Dir(d) if d != 0 => Some(d),
            _ => None,
        })?;
        let now = r.now?;
        let base = now.at(g);
        let (a, b) = if dir > 0 {
            (base.shift(1, g), base.shift(n, g))
        } else {
            (base.shift(-n, g), base.shift(-1, g))
        };
        return Some((e3, V::Range(a, b)));
    }
    if g == Grain::Day {
        return None;
    }
    let (dir, e) = if this {
        (0, e)
    } else {
        let (d, e2, _) = cx.lex(e, |l| match *l {
            Lex::Dir(d) => Some(d),
            _ => None,
        })?;
        (d, e2)
    };
    Some((e, relative(r, i64::from(dir), g, g)))
}

/// A duration at `i`: «ثلاث سنوات», «30 يوم», «يومين», «4 عام», «عقدين»: (count, grain, end).
fn duration_at(cx: &Cx, i: usize) -> Option<(f64, Grain, usize)> {
    let unit = |k: usize| {
        cx.lex(k, |l| match *l {
            Lex::Unit { g, n } => Some((g, n)),
            _ => None,
        })
    };
    if let Some(n) = numbers::cardinal(cx, i) {
        if let Some(((g, count), e, c)) = unit(n.e) {
            if !c.cl.conj && c.cl.prep.is_none() && count != 2 && n.value > 0.0 {
                return Some((n.value, g, e));
            }
        }
        return None;
    }
    let ((g, count), e, c) = unit(i)?;
    if c.cl.conj {
        return None;
    }
    match count {
        2 => Some((2.0, g, e)),
        1 => Some((1.0, g, e)),
        _ => None,
    }
}

/// Rule `offset`: «قبل يومين», «منذ 3 سنوات», «منذ ساعتين», «من أسبوع», «بعد أسبوعين».
fn offset(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    let (p, k) = prep_at(cx, i)?;
    let sign = match p {
        Prep::Before | Prep::Since | Prep::From => -1,
        Prep::After => 1,
        _ => return None,
    };
    let (n, g, e) = duration_at(cx, k)?;
    if n.fract() != 0.0 {
        return None;
    }
    let n = n as i64 * sign;
    // «قبل أسبوع»: the day a week ago; «منذ 3 سنوات»: the year
    let (unit, grain) = match g {
        Grain::Week => (Grain::Week, Grain::Day),
        Grain::Decade => (Grain::Decade, Grain::Year),
        Grain::Century => (Grain::Century, Grain::Year),
        g => (g, g),
    };
    match r.now {
        Some(now) => {
            let base = if rank(grain) <= rank(Grain::Hour) {
                now
            } else {
                now.at(grain)
            };
            let p = base.shift(n, unit);
            Some((e, V::Point(p.at(grain), None)))
        }
        None => Some((e, V::Unresolved(offset_code(n, unit), grain))),
    }
}

/// Rule `duration`: «أكثر من عقدين» (P20Y, MORE_THAN), «نحو ثلاث سنوات» (APPROX), «30 يوم»,
/// «دقيقتين», «أسبوع». A bare singular unit is a duration only when it is not a construct
/// («يوم الخميس») and not an ordinal adjective («مرة ثانية»).
fn duration_rule(cx: &Cx, i: usize, _r: &Reference) -> Option<(usize, V)> {
    let mut j = i;
    let mut md = None;
    if let Some((b, e, _)) = cx.lex(j, |l| match *l {
        Lex::Cmp(b) => Some(b),
        _ => None,
    }) {
        md = Some(match b {
            Bound::Min => TimeMod::MoreThan,
            Bound::Max => TimeMod::LessThan,
            Bound::Approx => TimeMod::Approx,
        });
        j = e;
    }
    let (n, g, e) = duration_at(cx, j)?;
    let bare = numbers::cardinal(cx, j).is_none();
    if bare && n == 1.0 {
        // a construct («يوم الخميس», «شهر رمضان», «عام 2015») or a number after it is not a duration
        let next_definite = cx.kind(e) == Some(TokenKind::Word)
            && cx.view(e).starts_with(&['ا', 'ل'])
            && !cx.has_lex(e);
        if next_definite
            || cx.kind(e) == Some(TokenKind::Number)
            || cx.has_lex(e)
                && !cx.is_boundary(e)
                && cx
                    .lex(e, |l| matches!(l, Lex::Prep(_) | Lex::And).then_some(()))
                    .is_none()
        {
            return None;
        }
        // «مرة ثانية»: «ثانية» after a feminine noun is the ordinal
        if g == Grain::Second && i > 0 && cx.kind(i - 1) == Some(TokenKind::Word) {
            let prev = cx.view(i - 1);
            if prev.last() == Some(&'ه') {
                return None;
            }
        }
    }
    Some((e, V::Dur(n, g, md)))
}

/// Rule `now`: «الآن», «حالا», «في هذه اللحظة» (the reference instant, minute grain), «الليلة»,
/// «هذه الليلة» (18:00-23:00 of the reference day).
fn now(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    let (tonight, e, _) = cx.lex(i, |l| match *l {
        Lex::Now => Some(false),
        Lex::Tonight => Some(true),
        Lex::Daypart(Daypart::Night) => Some(true),
        _ => None,
    })?;
    if tonight && !(is_word(cx, i, "الليله") || is_word(cx, i, "هذه")) {
        return None;
    }
    let Some(now) = r.now else {
        return Some((
            e,
            V::Unresolved(
                "REF".into(),
                if tonight { Grain::Hour } else { Grain::Minute },
            ),
        ));
    };
    if tonight {
        let day = now.at(Grain::Day);
        let a = P {
            h: 18,
            g: Grain::Hour,
            ..day
        };
        let b = P {
            h: 23,
            g: Grain::Hour,
            ..day
        };
        return Some((e, V::Range(a, b)));
    }
    let g = if now.g == Grain::Second {
        Grain::Minute
    } else {
        Grain::Day
    };
    Some((e, V::Point(now.at(g), None)))
}

// ---------------------------------------------------------------------------------------------
// ranges, holidays, n-th weekdays, decades

fn end_of(v: &V) -> Option<P> {
    match v {
        V::Point(p, None) => Some(*p),
        V::Range(_, b) => Some(*b),
        _ => None,
    }
}

fn start_of(v: &V) -> Option<P> {
    match v {
        V::Point(p, None) => Some(*p),
        V::Range(a, _) => Some(*a),
        _ => None,
    }
}

/// Rule `range`: «من 13 تموز إلى 15 تموز», «من 13 إلى 15 يوليو», «13 الى 15 تموز», «يوليو 13-15»,
/// «من 1-8 شهر أيلول», «بين عامي 2014 و2016», «من الساعة 3 إلى الساعة 4 بعد العصر», «الخميس من
/// الساعة التاسعة وحتى الساعة الحادية عشرة صباحا», «من الثالث والعشرين وحتى السادس والعشرين من شهر
/// أكتوبر».
fn range(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    let mut j = i;
    // a day before «من الساعة ... حتى ...»
    let mut day: Option<P> = None;
    if let Some((d, e, true)) = weekday_at(cx, j) {
        if let Some((Prep::From, _)) = prep_at(cx, e) {
            if let V::Point(p, None) = weekday_value(r, d, 0) {
                day = Some(p);
                j = e;
            }
        }
    }
    let (from, k) = match prep_at(cx, j) {
        Some((p @ (Prep::From | Prep::Between), k)) => (Some(p), k),
        _ => (None, j),
    };
    if day.is_some() && from.is_none() {
        return None;
    }
    // «بين عامي 2014 و2016»
    if let Some(k2) = year_word(cx, k) {
        let (y1, h1, _, e1) = year_num(cx, k2, true)?;
        let mut e = e1;
        let sep = if cx.is_and(e) {
            e += 1;
            true
        } else if cx.view(e).first() == Some(&'و') {
            true
        } else {
            matches!(prep_at(cx, e), Some((Prep::To | Prep::Until, _))) && {
                e += 1;
                true
            }
        };
        if !sep {
            return None;
        }
        let (y2, _, _, e2) = year_num(cx, e, true).or_else(|| {
            // «و2016» is a Prefix + Number
            year_num(cx, e + 1, true)
        })?;
        if h1 || y2 < y1 {
            return None;
        }
        return Some((e2, V::Range(P::year(y1), P::year(y2))));
    }
    // clock ranges
    if let Some((c1, e1)) = clock_at(cx, k) {
        let mut e = range_sep(cx, e1)?;
        let (mut c2, e2) = clock_at(cx, e)?;
        e = e2;
        let mut c1 = c1;
        if c1.part.is_none() {
            c1.part = c2.part;
        }
        if c2.part.is_none() {
            c2.part = c1.part;
        }
        let a = clock_value(day, &c1, r);
        let b = clock_value(day, &c2, r);
        if let (V::Point(pa, None), V::Point(pb, None)) = (a, b) {
            let g = if rank(pa.g) < rank(pb.g) { pa.g } else { pb.g };
            return Some((e, V::Range(P { g, ..pa }, P { g, ..pb })));
        }
        return None;
    }
    // day ranges: «13 الى 15 تموز», «من 27-29 من الشهر الثامن», «يوليو 13-15»
    if let Some((d1, e1)) = day_num(cx, k) {
        if let Some(mut e) = range_sep(cx, e1) {
            if let Some((d2, e2)) = day_num(cx, e) {
                e = e2;
                let mut m_at = e;
                if let Some((Prep::From, after)) = prep_at(cx, m_at) {
                    m_at = after;
                }
                if let Some((hijri, m, e3, _)) = month_at(cx, m_at) {
                    let (y, e4) = trailing_year(cx, e3);
                    let a = cal_value(hijri, y, m, Some(d1), r)?;
                    let b = cal_value(hijri, y, m, Some(d2), r)?;
                    if d2 > d1 {
                        return Some((e4, V::Range(start_of(&a)?, end_of(&b)?)));
                    }
                }
            }
        }
        // «من 13 تموز إلى 15 تموز» is read by the general case below
    }
    if from.is_none() {
        // «يوليو 13-15», «تموز 13 الى 15»
        let (hijri, m, e1, _) = month_at(cx, k)?;
        let (d1, e2) = day_num(cx, e1)?;
        let e3 = range_sep(cx, e2)?;
        let (d2, e4) = day_num(cx, e3)?;
        let (y, e5) = trailing_year(cx, e4);
        if d2 <= d1 {
            return None;
        }
        let a = cal_value(hijri, y, m, Some(d1), r)?;
        let b = cal_value(hijri, y, m, Some(d2), r)?;
        return Some((e5, V::Range(start_of(&a)?, end_of(&b)?)));
    }
    // general: من X إلى Y with X and Y periods of the same grain
    let (e1, a) = period_at(cx, k, r)?;
    let e2 = range_sep(cx, e1)?;
    let (e3, b) = period_at(cx, e2, r)?;
    let (pa, pb) = (start_of(&a)?, end_of(&b)?);
    if pa.g != pb.g {
        return None;
    }
    Some((e3, V::Range(pa, pb)))
}

/// «إلى», «الى», «حتى», «وحتى», «-», «و» between the ends of a range.
fn range_sep(cx: &Cx, i: usize) -> Option<usize> {
    if cx.is_char(i, '-') || cx.is_char(i, '–') {
        return Some(i + 1);
    }
    if let Some((_, e, _)) = cx.lex(i, |l| {
        matches!(l, Lex::Prep(Prep::To | Prep::Until)).then_some(())
    }) {
        return Some(e);
    }
    if cx.is_and(i) {
        if let Some((_, e, _)) = cx.lex(i + 1, |l| {
            matches!(l, Lex::Prep(Prep::To | Prep::Until)).then_some(())
        }) {
            return Some(e);
        }
        return Some(i + 1);
    }
    None
}

/// An optional year after a month: «2014», «، 2014», «عام 2014».
fn trailing_year(cx: &Cx, e: usize) -> (Option<i32>, usize) {
    let k = skip_sep(cx, e);
    let k2 = year_word(cx, k).unwrap_or(k);
    match year_num(cx, k2, true) {
        Some((y, false, _, after)) if (1000..=2200).contains(&y) => (Some(y), after),
        _ => (None, e),
    }
}

/// Rule `holiday`: «عيد الفطر», «عيد الأضحى 2013», «رأس السنة الهجرية 2019», «عيد الميلاد 2020»,
/// «عيد الفصح», «رمضان 2019» (the month of Ramadan falling in that Gregorian year). Without a
/// year, the next one from the reference.
fn holiday(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    let (h, e, _) = cx.lex(i, |l| match *l {
        Lex::Holiday(h) => Some(Some(h)),
        Lex::Month {
            hijri: true, m: 9, ..
        } => Some(None),
        _ => None,
    })?;
    let (y, e2) = {
        let k = year_word(cx, e).unwrap_or(e);
        match year_num(cx, k, true) {
            Some((y, false, _, after)) if (1900..=2200).contains(&y) => (Some(y), after),
            _ => (None, e),
        }
    };
    let Some(h) = h else {
        // «رمضان 2019»
        let y = y?;
        for hy in [y - 579, y - 578, y - 580] {
            if let Some(V::Range(a, b)) = cal_value(true, Some(hy), 9, None, r) {
                if a.y == y {
                    return Some((e2, V::Range(a, b)));
                }
            }
        }
        return None;
    };
    let on = |gy: i32| -> Option<P> {
        match h {
            Holiday::Christmas => Some(P::day(gy, 12, 25)),
            Holiday::Easter => {
                let (m, d) = calendar::easter(gy);
                Some(P::day(gy, m, d))
            }
            Holiday::Fitr | Holiday::Adha | Holiday::HijriNewYear => {
                let (hm, hd) = match h {
                    Holiday::Fitr => (10, 1),
                    Holiday::Adha => (12, 10),
                    _ => (1, 1),
                };
                // the Hijri year whose date falls in Gregorian year gy (the first one)
                let (hy0, _, _) = calendar::gregorian_to_hijri(gy, 1, 1)?;
                for hy in [hy0, hy0 + 1] {
                    let (a, b, c) = calendar::hijri_to_gregorian(hy, hm, hd)?;
                    if a == gy {
                        return Some(P::day(a, b, c));
                    }
                }
                None
            }
        }
    };
    let p = match (y, ref_day(r)) {
        (Some(y), _) => on(y)?,
        (None, Some(today)) => {
            // the next one (Duckling's convention), or in news the nearest one
            let t = today.days();
            let cands = [on(today.y - 1), on(today.y), on(today.y + 1)];
            let mut best: Option<P> = None;
            for p in cands.into_iter().flatten() {
                let d = p.days() - t;
                let better = match best {
                    None => !r.weekday_forward || d >= 0,
                    Some(b) if r.weekday_forward => d >= 0 && d < b.days() - t,
                    Some(b) => d.abs() < (b.days() - t).abs(),
                };
                if better {
                    best = Some(p);
                }
            }
            best?
        }
        (None, None) => return Some((e2, V::Unresolved("XXXX".into(), Grain::Day))),
    };
    Some((e2, V::Point(p, None)))
}

/// «آخر/أخير» at `i`: the last.
fn last_at(cx: &Cx, i: usize) -> Option<usize> {
    cx.lex(i, |l| (*l == Lex::Last).then_some(()))
        .map(|(_, e, _)| e)
}

/// «من», «في», «ب» (as a word or a clitic) before a month in «ثالث ثلاثاء في أيلول».
fn of_month(cx: &Cx, i: usize) -> Option<(bool, u8, usize)> {
    let mut k = i;
    if let Some((Prep::From | Prep::In, e)) = prep_at(cx, k) {
        k = e;
    }
    if let Some((h, m, e, _)) = month_at(cx, k) {
        return Some((h, m, e));
    }
    None
}

/// Rule `nth`: «آخر اثنين من شهر آذار», «الاثنين الأخير من شهر ثلاثة», «أول ثلاثاء من شهر عشرة»,
/// «الثلاثاء الثالث من شهر أيلول من عام 2014», «ثالث ثلاثاء في أيلول في سنة 2014», «أول أسبوع بشهر
/// أكتوبر 2014», «الأسبوع الأول من شهر عشرة 2014», «آخر أسبوع في سبتمبر لعام 2014», «آخر يوم بشهر
/// عشرة سنة 2015», «ثالث يوم من شهر عشرة», «آخر اثنين من الشهر القادم».
fn nth(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    // what: weekday d, week, or day; n: 1.. or -1 for the last
    #[derive(Clone, Copy)]
    enum What {
        Wd(u8),
        Week,
        Day,
    }
    let what_at = |k: usize| -> Option<(What, usize)> {
        if let Some((d, e, _)) = weekday_at(cx, k) {
            return Some((What::Wd(d), e));
        }
        // «يوم ثلاثاء»
        if let Some((_, e, _)) = day_word(cx, k) {
            if let Some(((d, _), e2, _)) = cx.lex(e, |l| match *l {
                Lex::Weekday { d, ctx } => Some((d, ctx)),
                _ => None,
            }) {
                return Some((What::Wd(d), e2));
            }
            return Some((What::Day, e));
        }
        if let Some((_, e, _)) = cx.lex(k, |l| {
            matches!(
                l,
                Lex::Unit {
                    g: Grain::Week,
                    n: 1
                } | Lex::Period(Grain::Week)
            )
            .then_some(())
        }) {
            return Some((What::Week, e));
        }
        None
    };
    // «ثالث ثلاثاء», «آخر اثنين», «أول أسبوع»
    let (n, what, e) = if let Some(e0) = last_at(cx, i) {
        let (w, e) = what_at(e0)?;
        (-1i32, w, e)
    } else if let Some(o) = numbers::ordinal(cx, i) {
        if o.value > 5.0 {
            return None;
        }
        let (w, e) = what_at(o.e)?;
        (o.value as i32, w, e)
    } else {
        // «الثلاثاء الثالث», «الاثنين الأخير», «الأسبوع الأول», «اليوم الأخير»
        let (w, e0) = what_at(i)?;
        if let Some(e1) = last_at(cx, e0) {
            (-1, w, e1)
        } else {
            let o = numbers::ordinal(cx, e0)?;
            if o.value > 5.0 {
                return None;
            }
            (o.value as i32, w, o.e)
        }
    };
    // the month
    let mut k = e;
    if let Some((Prep::From | Prep::In, e2)) = prep_at(cx, k) {
        k = e2;
    }
    let (y, m, mut end) = if let Some((false, m, e2)) = of_month(cx, k) {
        let mut y = None;
        let mut end = e2;
        let mut k2 = e2;
        if let Some((Prep::From | Prep::In, e3)) = prep_at(cx, k2) {
            k2 = e3;
        }
        let k3 = year_word(cx, k2).unwrap_or(k2);
        if let Some((yy, false, _, e4)) = year_num(cx, k3, true) {
            y = Some(yy);
            end = e4;
        }
        (y.unwrap_or_else(|| default_year(r)), m, end)
    } else if let Some((e2, V::Point(p, None))) = relative_period(cx, k, r) {
        if p.g != Grain::Month {
            return None;
        }
        (p.y, p.m, e2)
    } else {
        return None;
    };
    if y == NO_YEAR {
        return None;
    }
    // «من السنة القادمة» after the month: the next year's
    if let Some((e2, V::Point(p, None))) = relative_period(cx, end, r) {
        if p.g == Grain::Year {
            let first = P::day(p.y, m, 1);
            return pick(first, n, what_kind(&what), e2);
        }
    }
    let first = P::day(y, m, 1);
    end = end.max(e);
    return pick(first, n, what_kind(&what), end);

    fn what_kind(w: &What) -> (u8, u8) {
        match *w {
            What::Wd(d) => (0, d),
            What::Week => (1, 0),
            What::Day => (2, 0),
        }
    }
    fn pick(first: P, n: i32, w: (u8, u8), end: usize) -> Option<(usize, V)> {
        let len = i64::from(calendar::month_len(first.y, first.m));
        let z0 = first.days();
        let z_last = z0 + len - 1;
        let v = match w {
            (0, d) => {
                let d = i64::from(d);
                let z = if n > 0 {
                    let w0 = i64::from(calendar::weekday(z0));
                    z0 + (d - w0).rem_euclid(7) + 7 * i64::from(n - 1)
                } else {
                    let wl = i64::from(calendar::weekday(z_last));
                    z_last - (wl - d).rem_euclid(7)
                };
                if z > z_last {
                    return None;
                }
                V::Point(P::from_days(z), None)
            }
            (1, _) => {
                // the n-th week that starts (Monday) in the month; the last one that does
                let w0 = i64::from(calendar::weekday(z0));
                let first_monday = z0 + (1 - w0).rem_euclid(7);
                let z = if n > 0 {
                    first_monday + 7 * i64::from(n - 1)
                } else {
                    // the last week that ends (Sunday) in the month
                    let wl = i64::from(calendar::weekday(z_last));
                    z_last - wl.rem_euclid(7) - 6
                };
                V::Point(P::from_days(z).week(), None)
            }
            _ => {
                let z = if n > 0 { z0 + i64::from(n - 1) } else { z_last };
                V::Point(P::from_days(z), None)
            }
        };
        Some((end, v))
    }
}

/// Rule `decade`: «الثمانينيات» (198X), «ثمانينيات القرن الماضي», «القرن الماضي» (19), «القرن
/// العشرين» (19), «القرن الحادي والعشرين» (20), «القرن الحالي».
fn decade(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    if let Some((dd, e, _)) = cx.lex(i, |l| match *l {
        Lex::Decade(d) => Some(d),
        _ => None,
    }) {
        // the century: «القرن الماضي/العشرين» after it, else the 20th
        let mut century = 1900;
        let mut end = e;
        if let Some((e2, V::Point(p, None))) = century_at(cx, e, r) {
            century = p.y;
            end = e2;
        }
        let p = P {
            g: Grain::Decade,
            ..P::year(century + i32::from(dd))
        };
        return Some((end, V::Point(p, None)));
    }
    century_at(cx, i, r)
}

fn century_at(cx: &Cx, i: usize, r: &Reference) -> Option<(usize, V)> {
    let (_, e, _) = cx.lex(i, |l| (*l == Lex::Period(Grain::Century)).then_some(()))?;
    if let Some((dir, e2, _)) = cx.lex(e, |l| match *l {
        Lex::Dir(d) => Some(d),
        _ => None,
    }) {
        return Some((
            e2,
            relative(r, i64::from(dir), Grain::Century, Grain::Century),
        ));
    }
    let n = numbers::ordinal(cx, e)?;
    if !(1.0..=30.0).contains(&n.value) {
        return None;
    }
    let p = P {
        g: Grain::Century,
        ..P::year((n.value as i32 - 1) * 100)
    };
    Some((n.e, V::Point(p, None)))
}

#[allow(dead_code)]
fn unused(_: NumKind, _: OrdKind) {}
