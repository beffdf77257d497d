//! `rasad eval temporal [FILE]`: score the temporal and number readers on the public Arabic cases
//! (`../shared/research-data/arabic-temporal-cases.tsv`: Duckling and dateparser), and the Umm
//! al-Qura conversion on the Hijri tables next to it.
//!
//! A row passes when a time (or number) overlapping the expected span is found and its value at
//! the gold grain matches, read against the row's `reference_time`: points must have the gold's
//! grain and instant; a value with a modifier («أوائل آذار» = 2013-03, START) passes when the gold
//! day lies in that part of the period, or the gold interval is that part (first, middle, last
//! third of a month; four months of a year); ranges compare both ends (gold ends are exclusive);
//! durations and unresolved offsets compare as written (`P2Y`, `REF-P1D`). Negative rows pass when
//! nothing is tagged. Conventions taken from the source, not per row: Duckling resolves a bare
//! weekday to the next one; dateparser's Hijri rows ran with its `HijriCalendar` setting, so their
//! numeric dates are read as Hijri.

use anyhow::{Context, Result};
use rasad_doc::{Grain, TimeMod};
use rasad_extract::numbers;
use rasad_extract::time::{self, calendar, cx::Cx, Reference, P, V};
use rasad_text::Analysis;
use std::collections::BTreeMap;
use std::path::Path;

struct Row {
    id: String,
    suite: String,
    kind: String,
    input: String,
    span: String,
    source_form: String,
    gold: String,
    reference: String,
}

fn read_rows(path: &Path) -> Result<Vec<Row>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 8 {
            anyhow::bail!("{}:{}: expected 10 columns", path.display(), n + 1);
        }
        rows.push(Row {
            id: f[0].into(),
            suite: f[1].into(),
            kind: f[2].into(),
            input: f[3].into(),
            span: f[4].into(),
            source_form: f[5].into(),
            gold: f[6].into(),
            reference: f[7].into(),
        });
    }
    Ok(rows)
}

/// Run the evaluation and print it; `verbose` lists failing rows.
pub fn run(file: &Path, verbose: bool) -> Result<()> {
    let rows = read_rows(file)?;
    let mut tally: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut suite_tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for row in &rows {
        let (ok, got) = check(row);
        let e = tally
            .entry((row.suite.clone(), row.kind.clone()))
            .or_default();
        e.1 += 1;
        e.0 += ok as usize;
        let group = match (row.suite.as_str(), row.kind.as_str()) {
            ("duckling", "time" | "time-negative") => "duckling time",
            ("duckling", "numeral" | "numeral-EG") => "duckling numeral",
            ("duckling", k) => {
                if k == "ordinal" {
                    "duckling ordinal"
                } else {
                    "duckling duration"
                }
            }
            _ => "dateparser",
        };
        let s = suite_tally.entry(group.to_string()).or_default();
        s.1 += 1;
        s.0 += ok as usize;
        if !ok && verbose {
            println!(
                "FAIL {} {}/{}: {}  gold {}  got {}",
                row.id, row.suite, row.kind, row.input, row.gold, got
            );
        }
    }
    println!("{:<44} {:>9} {:>8}", "suite / kind", "pass", "accuracy");
    for ((suite, kind), (p, n)) in &tally {
        println!(
            "{:<44} {:>9} {:>7.1}%",
            format!("{suite} / {kind}"),
            format!("{p}/{n}"),
            100.0 * *p as f64 / *n as f64
        );
    }
    println!();
    for (g, (p, n)) in &suite_tally {
        println!(
            "{:<44} {:>9} {:>7.1}%",
            g,
            format!("{p}/{n}"),
            100.0 * *p as f64 / *n as f64
        );
    }
    let tables = file
        .parent()
        .unwrap_or(Path::new("."))
        .join("hijri-ummalqura-tables");
    if tables.is_dir() {
        hijri_tables(&tables, verbose)?;
    }
    Ok(())
}

/// Check one row: passed, and what was found (for the failure list).
fn check(row: &Row) -> (bool, String) {
    let a = Analysis::new(&row.input);
    let input: Vec<char> = row.input.chars().collect();
    // the expected span in code points (the whole input when not given)
    let (s0, e0) = if row.span.is_empty() {
        (0u32, input.len() as u32)
    } else {
        match row.input.find(&row.span) {
            Some(b) => {
                let s = row.input[..b].chars().count() as u32;
                (s, s + row.span.chars().count() as u32)
            }
            None => (0, input.len() as u32),
        }
    };
    match row.kind.as_str() {
        "numeral" | "numeral-EG" | "ordinal" => {
            let want: f64 = row.gold.parse().unwrap_or(f64::NAN);
            let ordinal = row.kind == "ordinal";
            let found = numbers::scan(&a);
            let ok = found.iter().any(|f| {
                f.ordinal == ordinal && f.start < e0 && s0 < f.end && (f.value - want).abs() < 1e-9
            });
            let got = found
                .iter()
                .map(|f| format!("{}{}", f.value, if f.ordinal { "th" } else { "" }))
                .collect::<Vec<_>>()
                .join(", ");
            (ok, got)
        }
        _ => {
            let mut r = if row.reference.is_empty() {
                Reference::none()
            } else {
                Reference::parse(&row.reference).unwrap_or_else(Reference::none)
            };
            r.weekday_forward = row.suite == "duckling";
            r.hijri_numeric = row.source_form.contains("HijriCalendar");
            let cx = Cx::new(&a);
            let hits = time::hits(&cx, &r);
            let got = hits
                .iter()
                .map(|h| {
                    let t = time::to_time(&cx, h);
                    format!(
                        "[{}] {} {:?} {:?} {:?}",
                        h.rule, t.text, t.value, t.modifier, t.unresolved
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            match row.kind.as_str() {
                "time-negative" | "test_not_applicable_languages" => (hits.is_empty(), got),
                "test_applicable_languages" => (!hits.is_empty(), got),
                _ => {
                    let ok = hits.iter().any(|h| {
                        let (s, e) = cx.span(h.s, h.e);
                        s < e0 && s0 < e && matches_gold(&h.v, &row.gold)
                    });
                    (ok, got)
                }
            }
        }
    }
}

/// A gold point: `2013-02-12T04:30:00`, `2013-02-12`, `2013-02-04(week-start)`, `2013-01`, `2012`.
fn parse_point(s: &str) -> Option<P> {
    let (s, week) = match s.strip_suffix("(week-start)") {
        Some(x) => (x, true),
        None => (s, false),
    };
    let num = |a: usize, b: usize| -> Option<u32> { s.get(a..b)?.parse().ok() };
    let y = num(0, 4)? as i32;
    let mut p = P::year(y);
    if s.len() >= 7 {
        p = P::month(y, num(5, 7)? as u8);
    }
    if s.len() >= 10 {
        p = P::day(y, p.m, num(8, 10)? as u8);
    }
    if s.len() >= 13 {
        p.h = num(11, 13)? as u8;
        p.g = Grain::Hour;
    }
    if s.len() >= 16 {
        p.mi = num(14, 16)? as u8;
        p.g = Grain::Minute;
    }
    if s.len() >= 19 {
        p.s = num(17, 19)? as u8;
        p.g = Grain::Second;
    }
    if week {
        p = p.week();
    }
    Some(p)
}

/// Seconds since the epoch of a point's start.
fn instant(p: &P) -> i64 {
    calendar::days(p.y, p.m, p.d) * 86400
        + i64::from(p.h) * 3600
        + i64::from(p.mi) * 60
        + i64::from(p.s)
}

/// The part of a period a modifier names, as [start, end) instants.
fn mod_interval(p: &P, m: TimeMod) -> Option<(i64, i64)> {
    let (a, b) = (instant(p), instant(&p.next()));
    let third = |k: i64| -> i64 {
        match p.g {
            Grain::Month => instant(&P::day(p.y, p.m, (1 + 10 * k) as u8)),
            Grain::Year => instant(&P::day(p.y, (1 + 4 * k) as u8, 1)),
            _ => a + (b - a) * k / 3,
        }
    };
    Some(match m {
        TimeMod::Start => (a, third(1)),
        TimeMod::Mid => (third(1), third(2)),
        TimeMod::End => (third(2), b),
        _ => return None,
    })
}

fn matches_gold(v: &V, gold: &str) -> bool {
    let gold = gold.trim();
    if gold.starts_with("REF") {
        let g = gold.split_whitespace().next().unwrap_or("");
        return matches!(v, V::Unresolved(s, _) if s == g);
    }
    if gold.starts_with('P') {
        return match v {
            V::Dur(n, g, _) => time::duration(*n, *g) == gold,
            _ => false,
        };
    }
    if let Some(iv) = gold.strip_suffix("(end-exclusive)") {
        let Some((ga, gb)) = iv.split_once('/') else {
            return false;
        };
        let (Some(ga), Some(gb)) = (parse_point(ga), parse_point(gb)) else {
            return false;
        };
        let (sa, sb) = match v {
            V::Range(a, b) => (instant(a), instant(&b.next())),
            V::Point(p, Some(m)) => match mod_interval(p, *m) {
                Some(x) => x,
                None => return false,
            },
            V::Point(p, None) => (instant(p), instant(&p.next())),
            _ => return false,
        };
        return sa == instant(&ga) && sb == instant(&gb);
    }
    let Some(g) = parse_point(gold) else {
        return false;
    };
    match v {
        V::Point(p, None) => {
            instant(p) == instant(&g)
                && (p.g == g.g || (g.g == Grain::Second && g.s == 0 && p.g == Grain::Minute))
        }
        V::Point(p, Some(m)) => match mod_interval(p, *m) {
            Some((a, b)) => {
                time::rank(g.g) < time::rank(p.g) && a <= instant(&g) && instant(&g) < b
            }
            None => false,
        },
        _ => false,
    }
}

/// Convert every pair of the Umm al-Qura tables both ways.
fn hijri_tables(dir: &Path, verbose: bool) -> Result<()> {
    let mut from_1356 = (0usize, 0usize);
    let mut before = (0usize, 0usize);
    let mut names: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    for path in names {
        let rows: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(&path)?)
            .with_context(|| path.display().to_string())?;
        for row in rows {
            let pair = &row[1];
            let h = |k: usize| pair[0][k].as_i64().unwrap_or(0);
            let g = |k: usize| pair[1][k].as_i64().unwrap_or(0);
            let (hy, hm, hd) = (h(0) as i32, h(1) as u8, h(2) as u8);
            let (gy, gm, gd) = (g(0) as i32, g(1) as u8, g(2) as u8);
            let to_g = calendar::hijri_to_gregorian(hy, hm, hd) == Some((gy, gm, gd));
            let to_h = calendar::gregorian_to_hijri(gy, gm, gd) == Some((hy, hm, hd));
            let ok = to_g && to_h;
            let t = if hy >= 1356 {
                &mut from_1356
            } else {
                &mut before
            };
            t.1 += 1;
            t.0 += ok as usize;
            if !ok && verbose && hy >= 1356 {
                println!("FAIL hijri {hy}-{hm}-{hd} <-> {gy}-{gm}-{gd}");
            }
        }
    }
    println!();
    println!(
        "{:<44} {:>9} {:>7.1}%",
        "hijri tables (both ways), from 1356 AH",
        format!("{}/{}", from_1356.0, from_1356.1),
        100.0 * from_1356.0 as f64 / from_1356.1.max(1) as f64
    );
    println!(
        "{:<44} {:>9} {:>7.1}%   (known exceptions: before the calendar's official range)",
        "hijri tables (both ways), before 1356 AH",
        format!("{}/{}", before.0, before.1),
        100.0 * before.0 as f64 / before.1.max(1) as f64
    );
    Ok(())
}
