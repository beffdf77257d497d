//! Temporal expressions: «21 سبتمبر/أيلول 2014», «أواخر 2014», «عام 2015», «بصنعاء 2006», «15 رمضان
//! 1445 هـ», «الخميس الماضي», «قبل يومين», «أكثر من عقدين», «من 13 إلى 15 تموز».
//!
//! The tagger reads the text layer's tokens once, left to right. At each token that can start an
//! expression (a digit, a numeric date, a lexicon word from `data/time/`) it tries the named rules
//! of [`rules`] and keeps the longest match; the next search starts after it. Values follow
//! `../shared/spec/document.md`: TIMEX3-like points (`2014-09-21`, `2014-W06`, `198X`), modifiers as
//! `mod`, durations as ISO 8601 durations (`P2Y`), ranges as ISO 8601 intervals whose ends are
//! inclusive at the grain (`2013-07-13/2013-07-15`). Relative expressions resolve against the
//! [`Reference`]; without one they keep `value: null` and an `unresolved` offset (`REF-P1D`).
//! Hijri dates are converted to Gregorian with the Umm al-Qura calendar ([`calendar`]).
//!
//! After that pass, [`anchor`] reads «منذ الانقلاب»-like phrases (a preposition + an event noun with
//! no date of its own) and dates them with the date the same text gives that event elsewhere, as
//! the anchor's value with `mod` AFTER or BEFORE; without such a date they stay untagged.

pub mod anchor;
pub mod calendar;
pub mod cx;
pub mod lexicon;
pub mod rules;

use cx::Cx;
use rasad_doc::{Grain, Time, TimeMod};
use rasad_text::Analysis;

/// The instant relative expressions are read against, and reading conventions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reference {
    /// The reference date (and time, when known): grain `Day`, or `Second` with a clock.
    pub now: Option<P>,
    /// The reference's offset from UTC in minutes, when known.
    pub utc_offset: Option<i32>,
    /// A weekday without «الماضي/المقبل» names the next one (Duckling's convention, for schedules);
    /// otherwise the latest one up to the reference, as news reports past events.
    pub weekday_forward: bool,
    /// Numeric dates without a calendar mark are Hijri (dateparser's `HijriCalendar` setting).
    pub hijri_numeric: bool,
}

impl Reference {
    /// No reference: relative expressions stay unresolved.
    pub fn none() -> Reference {
        Reference {
            now: None,
            utc_offset: None,
            weekday_forward: false,
            hijri_numeric: false,
        }
    }

    /// A reference from an ISO 8601 date or date-time (`2019-06-02`, `2013-02-12T04:30:00-02:00`);
    /// `None` when it cannot be read.
    pub fn parse(s: &str) -> Option<Reference> {
        let s = s.trim();
        let num = |a: usize, b: usize| -> Option<u32> { s.get(a..b)?.parse().ok() };
        let y = num(0, 4)? as i32;
        if s.get(4..5) != Some("-") {
            return None;
        }
        let m = num(5, 7)? as u8;
        let d = num(8, 10)? as u8;
        if !calendar::valid(y, m, d) {
            return None;
        }
        let mut p = P::day(y, m, d);
        let mut off = None;
        if matches!(s.get(10..11), Some("T" | " ")) {
            p.h = num(11, 13)? as u8;
            p.mi = num(14, 16)? as u8;
            p.s = num(17, 19).unwrap_or(0) as u8;
            p.g = Grain::Second;
            let rest = s.get(19..).unwrap_or("");
            let rest = rest.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
            if rest == "Z" {
                off = Some(0);
            } else if let Some(sign) = rest.chars().next().filter(|c| matches!(c, '+' | '-')) {
                let hh: i32 = rest.get(1..3)?.parse().ok()?;
                let mm: i32 = rest.get(4..6).and_then(|x| x.parse().ok()).unwrap_or(0);
                let v = hh * 60 + mm;
                off = Some(if sign == '-' { -v } else { v });
            }
        }
        Some(Reference {
            now: Some(p),
            utc_offset: off,
            ..Reference::none()
        })
    }
}

/// A point in time at a grain. Fields finer than the grain are zero (day and month are 1).
/// Weeks are held by their Monday; decades by their first year (1980); centuries by their first
/// year (1900 for the 20th century).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct P {
    /// Year; `i32::MIN` for an unknown year (`XXXX`).
    pub y: i32,
    /// Month 1-12.
    pub m: u8,
    /// Day 1-31.
    pub d: u8,
    /// Hour.
    pub h: u8,
    /// Minute.
    pub mi: u8,
    /// Second.
    pub s: u8,
    /// Grain.
    pub g: Grain,
}

/// The unknown year of a date written without one when there is no reference.
pub const NO_YEAR: i32 = i32::MIN;

impl P {
    /// A day.
    pub fn day(y: i32, m: u8, d: u8) -> P {
        P {
            y,
            m,
            d,
            h: 0,
            mi: 0,
            s: 0,
            g: Grain::Day,
        }
    }

    /// The day of a day number.
    pub fn from_days(z: i64) -> P {
        let (y, m, d) = calendar::civil(z);
        P::day(y, m, d)
    }

    /// A month.
    pub fn month(y: i32, m: u8) -> P {
        P {
            g: Grain::Month,
            ..P::day(y, m, 1)
        }
    }

    /// A year.
    pub fn year(y: i32) -> P {
        P {
            g: Grain::Year,
            ..P::day(y, 1, 1)
        }
    }

    /// Day number of the day.
    pub fn days(&self) -> i64 {
        calendar::days(self.y, self.m, self.d)
    }

    /// The week (held by its Monday) of this day.
    pub fn week(&self) -> P {
        let z = self.days();
        let monday = z - i64::from(calendar::weekday(z)) + 1;
        P {
            g: Grain::Week,
            ..P::from_days(monday)
        }
    }

    /// This point truncated to a coarser grain.
    pub fn at(&self, g: Grain) -> P {
        let mut p = *self;
        p.g = g;
        if rank(g) >= rank(Grain::Minute) {
            p.s = 0;
        }
        if rank(g) >= rank(Grain::Hour) {
            p.mi = 0;
        }
        if rank(g) >= rank(Grain::Day) {
            p.h = 0;
        }
        match g {
            Grain::Week => return self.at(Grain::Day).week(),
            Grain::Month => p.d = 1,
            Grain::Quarter => {
                p.d = 1;
                p.m = (p.m - 1) / 3 * 3 + 1;
            }
            Grain::Year => {
                p.d = 1;
                p.m = 1;
            }
            Grain::Decade => {
                p.d = 1;
                p.m = 1;
                p.y = p.y.div_euclid(10) * 10;
            }
            Grain::Century => {
                p.d = 1;
                p.m = 1;
                p.y = p.y.div_euclid(100) * 100;
            }
            _ => {}
        }
        p
    }

    /// This point moved by `n` units of `unit` (months and years keep the day where it exists).
    pub fn shift(&self, n: i64, unit: Grain) -> P {
        let mut p = *self;
        match unit {
            Grain::Second | Grain::Minute | Grain::Hour => {
                let secs = match unit {
                    Grain::Second => n,
                    Grain::Minute => n * 60,
                    _ => n * 3600,
                };
                let t = self.days() * 86400
                    + i64::from(self.h) * 3600
                    + i64::from(self.mi) * 60
                    + i64::from(self.s)
                    + secs;
                let q = P::from_days(t.div_euclid(86400));
                let r = t.rem_euclid(86400);
                p.y = q.y;
                p.m = q.m;
                p.d = q.d;
                p.h = (r / 3600) as u8;
                p.mi = (r % 3600 / 60) as u8;
                p.s = (r % 60) as u8;
            }
            Grain::Day | Grain::Week => {
                let k = if unit == Grain::Week { 7 } else { 1 };
                let q = P::from_days(self.days() + n * k);
                p.y = q.y;
                p.m = q.m;
                p.d = q.d;
            }
            Grain::Month | Grain::Quarter | Grain::Year | Grain::Decade | Grain::Century => {
                let months = n * match unit {
                    Grain::Month => 1,
                    Grain::Quarter => 3,
                    Grain::Year => 12,
                    Grain::Decade => 120,
                    _ => 1200,
                };
                let t = i64::from(self.y) * 12 + i64::from(self.m) - 1 + months;
                p.y = t.div_euclid(12) as i32;
                p.m = (t.rem_euclid(12) + 1) as u8;
                p.d = p.d.min(calendar::month_len(p.y, p.m));
            }
        }
        p
    }

    /// The first instant after this point's period (exclusive end).
    pub fn next(&self) -> P {
        match self.g {
            Grain::Week => self.shift(1, Grain::Week),
            g => self.shift(1, g),
        }
    }

    /// TIMEX3-like value.
    pub fn value(&self) -> String {
        let y = if self.y == NO_YEAR {
            "XXXX".to_string()
        } else {
            format!("{:04}", self.y)
        };
        match self.g {
            Grain::Second => format!(
                "{y}-{:02}-{:02}T{:02}:{:02}:{:02}",
                self.m, self.d, self.h, self.mi, self.s
            ),
            Grain::Minute => format!(
                "{y}-{:02}-{:02}T{:02}:{:02}",
                self.m, self.d, self.h, self.mi
            ),
            Grain::Hour => format!("{y}-{:02}-{:02}T{:02}", self.m, self.d, self.h),
            Grain::Day => format!("{y}-{:02}-{:02}", self.m, self.d),
            Grain::Week => {
                let thursday = P::from_days(self.days() + 3);
                let jan1 = calendar::days(thursday.y, 1, 1);
                let w = (thursday.days() - jan1) / 7 + 1;
                format!("{:04}-W{w:02}", thursday.y)
            }
            Grain::Month => format!("{y}-{:02}", self.m),
            Grain::Quarter => format!("{y}-Q{}", (self.m - 1) / 3 + 1),
            Grain::Year => y,
            Grain::Decade => format!("{:03}X", self.y.div_euclid(10)),
            Grain::Century => format!("{:02}", self.y.div_euclid(100)),
        }
    }
}

/// Order of grains, finest first.
pub fn rank(g: Grain) -> u8 {
    match g {
        Grain::Second => 0,
        Grain::Minute => 1,
        Grain::Hour => 2,
        Grain::Day => 3,
        Grain::Week => 4,
        Grain::Month => 5,
        Grain::Quarter => 6,
        Grain::Year => 7,
        Grain::Decade => 8,
        Grain::Century => 9,
    }
}

/// What an expression means.
#[derive(Debug, Clone, PartialEq)]
pub enum V {
    /// A point with an optional modifier.
    Point(P, Option<TimeMod>),
    /// A range, both ends inclusive at their grain.
    Range(P, P),
    /// A duration of `n` units, with an optional modifier.
    Dur(f64, Grain, Option<TimeMod>),
    /// A relative expression with no reference: its TIMEX-like offset and grain.
    Unresolved(String, Grain),
}

impl V {
    /// Value, grain, modifier and unresolved offset as the document writes them.
    pub fn fields(
        &self,
    ) -> (
        Option<String>,
        Option<Grain>,
        Option<TimeMod>,
        Option<String>,
    ) {
        match self {
            V::Point(p, m) => (Some(p.value()), Some(p.g), *m, None),
            V::Range(a, b) => (
                Some(format!("{}/{}", a.value(), b.value())),
                Some(a.g),
                None,
                None,
            ),
            V::Dur(n, g, m) => (Some(duration(*n, *g)), Some(*g), *m, None),
            V::Unresolved(s, g) => (None, Some(*g), None, Some(s.clone())),
        }
    }
}

/// ISO 8601 duration of `n` units (decades and centuries in years).
pub fn duration(n: f64, g: Grain) -> String {
    let (n, u, t) = match g {
        Grain::Second => (n, 'S', true),
        Grain::Minute => (n, 'M', true),
        Grain::Hour => (n, 'H', true),
        Grain::Day => (n, 'D', false),
        Grain::Week => (n, 'W', false),
        Grain::Month => (n, 'M', false),
        Grain::Quarter => (n * 3.0, 'M', false),
        Grain::Year => (n, 'Y', false),
        Grain::Decade => (n * 10.0, 'Y', false),
        Grain::Century => (n * 100.0, 'Y', false),
    };
    let n = if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    };
    if t {
        format!("PT{n}{u}")
    } else {
        format!("P{n}{u}")
    }
}

/// A temporal expression over tokens `s..e`.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// First token.
    pub s: usize,
    /// One past the last token.
    pub e: usize,
    /// Meaning.
    pub v: V,
    /// The rule that read it.
    pub rule: &'static str,
}

/// Tag the temporal expressions of an analysed text.
pub fn tag(a: &Analysis, r: &Reference) -> Vec<Time> {
    let cx = Cx::new(a);
    hits(&cx, r).into_iter().map(|h| to_time(&cx, &h)).collect()
}

/// The document's `Time` of a hit.
pub fn to_time(cx: &Cx, h: &Hit) -> Time {
    let (mut start, end) = cx.span(h.s, h.e);
    if h.rule == "anchor" {
        start = anchor::phrase_start(cx, h.s);
    }
    let (value, grain, modifier, unresolved) = h.v.fields();
    Time {
        start,
        end,
        text: cx.a.slice(start, end),
        value,
        grain,
        modifier,
        unresolved,
    }
}

/// The temporal expressions of a text as token spans, left to right.
pub fn hits(cx: &Cx, r: &Reference) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = cx.len();
    while i < n {
        if !rules::can_start(cx, i) {
            i += 1;
            continue;
        }
        match rules::best(cx, i, r) {
            Some(h) if h.e > i => {
                i = h.e;
                out.push(h);
            }
            _ => i += 1,
        }
    }
    let anchored = anchor::anchors(cx, &out);
    if !anchored.is_empty() {
        out.extend(anchored);
        out.sort_by_key(|h| h.s);
    }
    out
}
