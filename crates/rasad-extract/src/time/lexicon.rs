//! The temporal and numeric lexicon (`data/time/*.tsv`), compiled in and parsed once, and its
//! matcher over the text layer's tokens.
//!
//! Entries are keyed by their words in the text layer's view (hamza, alef maqsura and ta marbuta
//! folded), packed into a `u128` each so that a lookup costs one integer hash and no allocation. A
//! word may carry the proclitics و ف (conjunction) and ب ل ك (preposition), and «لل» stands for ل
//! and ال; they are tried only when the whole word is not an entry. A word spelled with Persian
//! letters (ی ک گ پ چ ژ) is not an Arabic entry even when its view matches one.

use rasad_doc::{Grain, TimeMod};
use rasad_text::{normalize_key, Analysis, TokenKind};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// What a lexicon entry is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lex {
    /// A month name: Hijri or Gregorian, month number, needs date context.
    Month { hijri: bool, m: u8, ctx: bool },
    /// A weekday (ISO, 1 = Monday), needs date context.
    Weekday { d: u8, ctx: bool },
    /// A cardinal number word.
    Num { v: f64, k: NumKind },
    /// An ordinal word.
    Ord { v: u32, k: OrdKind },
    /// A time unit, with its count (0 for a plural that needs a number).
    Unit { g: Grain, n: u8 },
    /// A calendar period with the article («الأسبوع»).
    Period(Grain),
    /// A day relative to the reference.
    Rel(i8),
    /// The reference instant.
    Now,
    /// This evening.
    Tonight,
    /// Past (-1), current (0) or next (1).
    Dir(i8),
    /// «هذا», «هذه».
    This,
    /// A TIMEX3 modifier of the period after it.
    Mod(TimeMod),
    /// A Hijri calendar mark after a year (هـ).
    Hijri,
    /// A Gregorian calendar mark after a year (م).
    Greg,
    /// «الموافق»: the same date in the other calendar follows.
    Equiv,
    /// A part of the day.
    Daypart(Daypart),
    /// «إلا» in clock times.
    Minus,
    /// A fraction of an hour in minutes.
    Frac(u8),
    /// «بتوقيت».
    Tz,
    /// Greenwich.
    Utc,
    /// A holiday.
    Holiday(Holiday),
    /// A decade of a century (80 for «الثمانينيات»).
    Decade(u8),
    /// A preposition.
    Prep(Prep),
    /// «آخر», «الأخير»: the last one.
    Last,
    /// «و».
    And,
    /// «أو».
    Or,
    /// A quantity bound before a number.
    Cmp(Bound),
    /// A quantity bound after a number.
    Post(Bound),
    /// A vague quantity: low and high bound (0 = open).
    Vague(u32, u32),
    /// «في المائة».
    Percent,
}

/// Kind of a cardinal number word; see `data/time/numbers.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    /// 0-9.
    Unit,
    /// عشر/عشرة.
    Ten,
    /// A whole number in one word.
    Whole,
    /// 20-90.
    Tens,
    /// 100-900.
    Hundred,
    /// ألف, مليون.
    Mult,
    /// Dual of a multiplier.
    Dual,
    /// Plural of a multiplier.
    Plural,
}

/// Kind of an ordinal word; see `data/time/ordinals.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrdKind {
    /// 1-10.
    Simple,
    /// First part of a compound only.
    Compound,
    /// Tens with the article.
    Tens,
}

/// A part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Daypart {
    /// Morning, before noon.
    Am,
    /// Noon.
    Noon,
    /// Afternoon and evening.
    Pm,
    /// Night.
    Night,
}

/// A holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// 1 Shawwal.
    Fitr,
    /// 10 Dhu al-Hijja.
    Adha,
    /// 1 Muharram.
    HijriNewYear,
    /// 25 December.
    Christmas,
    /// Western Easter.
    Easter,
}

/// Prepositions the rules look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prep {
    /// في.
    In,
    /// منذ.
    Since,
    /// حتى.
    Until,
    /// قبل.
    Before,
    /// بعد.
    After,
    /// خلال.
    During,
    /// من.
    From,
    /// إلى.
    To,
    /// بين.
    Between,
    /// عند.
    At,
}

/// A quantity bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// At least.
    Min,
    /// At most.
    Max,
    /// About.
    Approx,
}

/// Proclitics stripped from a word to find its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Clitics {
    /// و or ف.
    pub conj: bool,
    /// ب ل ك.
    pub prep: Option<char>,
}

/// One entry matched at a token: what it is, how many tokens it covers, what was stripped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cand {
    /// The entry.
    pub lex: Lex,
    /// Tokens covered.
    pub len: u8,
    /// Proclitics of the first word.
    pub cl: Clitics,
}

struct Entry {
    rest: Box<[u128]>,
    lex: Lex,
}

/// The compiled lexicon.
pub struct Lexicon {
    by_first: FxHashMap<u128, Vec<Entry>>,
}

const MONTHS: &str = include_str!("../../../../data/time/months.tsv");
const WEEKDAYS: &str = include_str!("../../../../data/time/weekdays.tsv");
const NUMBERS: &str = include_str!("../../../../data/time/numbers.tsv");
const ORDINALS: &str = include_str!("../../../../data/time/ordinals.tsv");
const WORDS: &str = include_str!("../../../../data/time/words.tsv");

/// Pack view letters into a key: up to 15 characters of the Arabic block, one byte each.
#[inline]
pub fn pack(letters: impl Iterator<Item = char>) -> Option<u128> {
    let mut key: u128 = 0;
    let mut n = 0u32;
    for c in letters {
        if n == 15 {
            return None;
        }
        let off = (c as u32).wrapping_sub(0x0600);
        if off > 0xFF {
            return None;
        }
        n += 1;
        key |= (off as u128) << (8 * n);
    }
    Some(key | n as u128)
}

fn grain(s: &str) -> Grain {
    match s {
        "second" => Grain::Second,
        "minute" => Grain::Minute,
        "hour" => Grain::Hour,
        "day" => Grain::Day,
        "week" => Grain::Week,
        "month" => Grain::Month,
        "year" => Grain::Year,
        "decade" => Grain::Decade,
        "century" => Grain::Century,
        _ => panic!("data/time: unknown grain {s}"),
    }
}

fn word_entry(cat: &str, arg: &str) -> Lex {
    let num = |s: &str| {
        s.parse::<i64>()
            .unwrap_or_else(|_| panic!("data/time: {s}"))
    };
    match cat {
        "unit" => {
            let (g, n) = arg.split_once(' ').expect("unit grain count");
            Lex::Unit {
                g: grain(g),
                n: num(n) as u8,
            }
        }
        "period" => Lex::Period(grain(arg)),
        "rel" => Lex::Rel(num(arg) as i8),
        "now" => Lex::Now,
        "tonight" => Lex::Tonight,
        "dir" => Lex::Dir(num(arg) as i8),
        "this" => Lex::This,
        "mod" => Lex::Mod(match arg {
            "START" => TimeMod::Start,
            "MID" => TimeMod::Mid,
            "END" => TimeMod::End,
            _ => panic!("data/time: mod {arg}"),
        }),
        "hijri" => Lex::Hijri,
        "greg" => Lex::Greg,
        "equiv" => Lex::Equiv,
        "daypart" => Lex::Daypart(match arg {
            "am" => Daypart::Am,
            "noon" => Daypart::Noon,
            "pm" => Daypart::Pm,
            "night" => Daypart::Night,
            _ => panic!("data/time: daypart {arg}"),
        }),
        "minus" => Lex::Minus,
        "frac" => Lex::Frac(num(arg) as u8),
        "tz" => Lex::Tz,
        "utc" => Lex::Utc,
        "holiday" => Lex::Holiday(match arg {
            "fitr" => Holiday::Fitr,
            "adha" => Holiday::Adha,
            "hijri-new-year" => Holiday::HijriNewYear,
            "christmas" => Holiday::Christmas,
            "easter" => Holiday::Easter,
            _ => panic!("data/time: holiday {arg}"),
        }),
        "decade" => Lex::Decade(num(arg) as u8),
        "prep" => Lex::Prep(match arg {
            "in" => Prep::In,
            "since" => Prep::Since,
            "until" => Prep::Until,
            "before" => Prep::Before,
            "after" => Prep::After,
            "during" => Prep::During,
            "from" => Prep::From,
            "to" => Prep::To,
            "between" => Prep::Between,
            "at" => Prep::At,
            _ => panic!("data/time: prep {arg}"),
        }),
        "last" => Lex::Last,
        "and" => Lex::And,
        "or" => Lex::Or,
        "cmp" | "post" => {
            let b = match arg {
                "min" => Bound::Min,
                "max" => Bound::Max,
                "approx" => Bound::Approx,
                _ => panic!("data/time: bound {arg}"),
            };
            if cat == "cmp" {
                Lex::Cmp(b)
            } else {
                Lex::Post(b)
            }
        }
        "vague" => {
            let (lo, hi) = arg.split_once('-').expect("vague lo-hi");
            Lex::Vague(num(lo) as u32, num(hi) as u32)
        }
        "percent" => Lex::Percent,
        _ => panic!("data/time: unknown category {cat}"),
    }
}

impl Lexicon {
    /// The lexicon compiled from `data/time/`.
    pub fn global() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(Lexicon::build)
    }

    /// The single-word entries of a view form (no proclitics stripped).
    pub fn word(&self, letters: &[char]) -> impl Iterator<Item = Lex> + '_ {
        pack(letters.iter().copied())
            .and_then(|k| self.by_first.get(&k))
            .into_iter()
            .flatten()
            .filter(|e| e.rest.is_empty())
            .map(|e| e.lex)
    }

    fn build() -> Lexicon {
        let mut lx = Lexicon {
            by_first: FxHashMap::default(),
        };
        let rows = |data: &'static str| {
            data.lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .map(|l| l.split('\t').map(str::trim).collect::<Vec<_>>())
        };
        for r in rows(MONTHS) {
            let lex = Lex::Month {
                hijri: r[1] == "h",
                m: r[2].parse().expect("month"),
                ctx: r.get(3) == Some(&"ctx"),
            };
            lx.add(r[0], lex);
        }
        for r in rows(WEEKDAYS) {
            let lex = Lex::Weekday {
                d: r[1].parse().expect("weekday"),
                ctx: r.get(2) == Some(&"ctx"),
            };
            lx.add(r[0], lex);
        }
        for r in rows(NUMBERS) {
            let k = match r[2] {
                "u" => NumKind::Unit,
                "ten" => NumKind::Ten,
                "n" => NumKind::Whole,
                "t" => NumKind::Tens,
                "h" => NumKind::Hundred,
                "m" => NumKind::Mult,
                "d" => NumKind::Dual,
                "p" => NumKind::Plural,
                k => panic!("data/time/numbers.tsv: kind {k}"),
            };
            lx.add(
                r[0],
                Lex::Num {
                    v: r[1].parse().expect("number"),
                    k,
                },
            );
        }
        for r in rows(ORDINALS) {
            let k = match r[2] {
                "o" => OrdKind::Simple,
                "c" => OrdKind::Compound,
                "t" => OrdKind::Tens,
                k => panic!("data/time/ordinals.tsv: kind {k}"),
            };
            lx.add(
                r[0],
                Lex::Ord {
                    v: r[1].parse().expect("ordinal"),
                    k,
                },
            );
        }
        for r in rows(WORDS) {
            lx.add(r[0], word_entry(r[1], r[2]));
        }
        lx
    }

    fn add(&mut self, form: &str, lex: Lex) {
        let keys: Vec<u128> = form
            .split_whitespace()
            .map(|w| {
                pack(normalize_key(w).chars())
                    .unwrap_or_else(|| panic!("data/time: cannot key {w}"))
            })
            .collect();
        let list = self.by_first.entry(keys[0]).or_default();
        if !list.iter().any(|e| e.lex == lex && *e.rest == keys[1..]) {
            list.push(Entry {
                rest: keys[1..].into(),
                lex,
            });
        }
    }
}

/// True for letters only Persian (and Urdu) spelling uses.
#[inline]
fn is_persian_letter(c: char) -> bool {
    matches!(c, 'ی' | 'ک' | 'گ' | 'پ' | 'چ' | 'ژ')
}

/// The lexicon matched at every token of an analysis: what the rules read.
pub struct Matches {
    /// Candidates, grouped by token.
    cands: Vec<Cand>,
    /// `cands[at[i]..at[i + 1]]` are token `i`'s.
    at: Vec<u32>,
}

impl Matches {
    /// Match the lexicon at every token.
    pub fn new(a: &Analysis) -> Matches {
        let lx = Lexicon::global();
        let toks = &a.tokens;
        let mut cands = Vec::new();
        let mut at = Vec::with_capacity(toks.len() + 1);
        let keys: Vec<Option<u128>> = toks
            .iter()
            .map(|t| match t.kind {
                TokenKind::Word | TokenKind::Prefix => pack(t.view(&a.view).iter().copied()),
                _ => None,
            })
            .collect();
        for (i, t) in toks.iter().enumerate() {
            at.push(cands.len() as u32);
            if !matches!(t.kind, TokenKind::Word | TokenKind::Prefix) {
                continue;
            }
            let v = t.view(&a.view);
            let mut found = false;
            for (key, cl) in variants(v, keys[i]) {
                let Some(list) = lx.by_first.get(&key) else {
                    continue;
                };
                for e in list.iter() {
                    let n = e.rest.len();
                    if i + n < toks.len()
                        && e.rest
                            .iter()
                            .enumerate()
                            .all(|(k, r)| keys[i + 1 + k] == Some(*r))
                    {
                        cands.push(Cand {
                            lex: e.lex,
                            len: (n + 1) as u8,
                            cl,
                        });
                        found = true;
                    }
                }
                if found {
                    break;
                }
            }
            if found
                && a.chars[t.start as usize..t.end as usize]
                    .iter()
                    .any(|&c| is_persian_letter(c))
            {
                cands.truncate(at[i] as usize);
            }
        }
        at.push(cands.len() as u32);
        Matches { cands, at }
    }

    /// The candidates at token `i`.
    #[inline]
    pub fn at(&self, i: usize) -> &[Cand] {
        match (self.at.get(i), self.at.get(i + 1)) {
            (Some(&s), Some(&e)) => &self.cands[s as usize..e as usize],
            _ => &[],
        }
    }
}

/// The keys to try for a word: whole, without و/ف, without a preposition, with «لل» read as ل + ال.
fn variants(v: &[char], whole: Option<u128>) -> impl Iterator<Item = (u128, Clitics)> + '_ {
    let mut out: [(Option<u128>, Clitics); 5] = [(None, Clitics::default()); 5];
    out[0] = (whole, Clitics::default());
    let mut k = 0;
    let mut cl = Clitics::default();
    if v.len() > 2 && matches!(v[0], 'و' | 'ف') {
        k = 1;
        cl.conj = true;
        out[1] = (pack(v[1..].iter().copied()), cl);
    }
    if v.len() > k + 2 && matches!(v[k], 'ب' | 'ل' | 'ك') {
        let mut c2 = cl;
        c2.prep = Some(v[k]);
        out[2] = (pack(v[k + 1..].iter().copied()), c2);
        if v[k] == 'ل' && v[k + 1] == 'ل' {
            out[3] = (
                pack(std::iter::once('ا').chain(v[k + 1..].iter().copied())),
                c2,
            );
        }
    }
    out.into_iter().filter_map(|(key, cl)| key.map(|k| (k, cl)))
}
