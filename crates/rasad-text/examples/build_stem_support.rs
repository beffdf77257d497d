//! Build `data/text/stem-support.tsv` from a word-form count table by hard EM with the real
//! segmenter (run by `scripts/build-stem-support.py`, which makes the count table).
//!
//! usage: `cargo run --release -p rasad-text --example build_stem_support -- FORMS.tsv
//!         [--min N] [--rounds N] > data/text/stem-support.tsv`
//!
//! FORMS.tsv: `FORM TAB COUNT` lines, forms as written minus diacritics and tatweel; `#` lines are
//! copied into the output header.
//!
//! - Round 0: each form's count is added to the stem key of every reading
//!   [`Segmenter::for_each_reading`] admits (each key once per form).
//! - Rounds 1..N: each form is segmented by [`Segmenter::segment`] over the previous round's
//!   support with the form's own contribution taken out (leave-one-out), and its count is added to
//!   the stem key of that one reading. A stem thus needs other forms to attest it: a letter
//!   sequence that only exists inside one word (يس in يسهم, تزام in التزام) loses its support.
//! - Stems whose support is below `--min` are dropped.

use rasad_text::{Normalized, Segmentation, Segmenter};
use rustc_hash::FxHashMap;
use std::io::Write;

const GUARD: &str = include_str!("../../../data/text/clitic-guard.txt");

struct Form {
    view: Vec<char>,
    /// The original character behind each view character.
    original: Vec<char>,
    count: u32,
}

fn load(path: &str) -> (Vec<String>, Vec<Form>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut header = Vec::new();
    let mut forms = Vec::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix('#') {
            header.push(h.trim().to_string());
            continue;
        }
        let Some((form, n)) = line.split_once('\t') else {
            continue;
        };
        let Ok(count) = n.trim().parse::<u32>() else {
            continue;
        };
        let chars: Vec<char> = form.chars().collect();
        let view = Normalized::new(form);
        let original = (0..view.len())
            .map(|i| chars[view.original_index(i) as usize])
            .collect();
        forms.push(Form {
            view: view.chars.clone(),
            original,
            count,
        });
    }
    (header, forms)
}

fn key(s: &Segmentation, f: &Form, buf: &mut String) -> Option<Box<str>> {
    s.support_key_into(&f.view, |i| f.original[i], buf);
    (!buf.is_empty()).then(|| Box::from(buf.as_str()))
}

/// The share of all corpus words that carry each clitic under the segmenter's current readings.
fn clitic_shares(seg: &Segmenter, forms: &[Form], buf: &mut String) -> Vec<(String, f64)> {
    let names = Segmenter::clitic_names();
    let mut n = vec![0u64; names.len()];
    let mut total = 0u64;
    for f in forms {
        let s = seg.segment(&f.view, |j| f.original[j], buf);
        total += f.count as u64;
        for i in Segmenter::clitic_indexes(&s) {
            n[i] += f.count as u64;
        }
    }
    names
        .iter()
        .zip(n)
        .map(|(name, k)| (name.to_string(), k as f64 / total.max(1) as f64))
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str, default: u32| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(|v| v.parse().expect("a number"))
            .unwrap_or(default)
    };
    let minimum = opt("--min", 3);
    let rounds = opt("--rounds", 4);
    let loo = std::env::var("LOO").map(|v| v == "1").unwrap_or(true);
    let path = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && (*i == 0 || !args[i - 1].starts_with("--")))
        .map(|(_, a)| a.clone())
        .expect("usage: build_stem_support FORMS.tsv [--min N] [--rounds N]");
    let (header, forms) = load(&path);
    let mut buf = String::new();

    // round 0: every admissible reading; `keys0[i]` remembers form i's distinct keys for the
    // leave-one-out of round 1
    let mut seg = Segmenter::from_support(FxHashMap::default(), GUARD);
    let mut support: FxHashMap<Box<str>, u32> = FxHashMap::default();
    let mut keys0: Vec<Vec<Box<str>>> = Vec::with_capacity(forms.len());
    for f in &forms {
        let mut keys: Vec<Box<str>> = Vec::new();
        if f.view.iter().all(|&c| rasad_text::script::is_arabic_letter(c)) {
            seg.for_each_reading(
                &f.view,
                |i| f.original[i],
                |s| {
                    if let Some(k) = key(&s, f, &mut buf) {
                        if !keys.contains(&k) {
                            keys.push(k);
                        }
                    }
                    false
                },
            );
        }
        for k in &keys {
            *support.entry(k.clone()).or_default() += f.count;
        }
        keys0.push(keys);
    }
    *seg.support_mut() = support;

    // rounds 1..: hard assignment with leave-one-out
    let mut assigned: Vec<Option<Box<str>>> = vec![None; forms.len()];
    let mut shares = Vec::new();
    let priors = std::env::var("PRIORS").map(|v| v == "1").unwrap_or(true);
    for round in 1..=rounds {
        let mut next: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut changed = 0usize;
        for (i, f) in forms.iter().enumerate() {
            let own: Vec<Box<str>> = if !loo {
                Vec::new()
            } else if round == 1 {
                keys0[i].clone()
            } else {
                assigned[i].iter().cloned().collect()
            };
            let sup = seg.support_mut();
            for k in &own {
                if let Some(v) = sup.get_mut(k) {
                    *v -= f.count;
                }
            }
            let s = seg.segment(&f.view, |j| f.original[j], &mut buf);
            let sup = seg.support_mut();
            for k in &own {
                if let Some(v) = sup.get_mut(k) {
                    *v += f.count;
                }
            }
            let k = key(&s, f, &mut buf);
            if let Some(k) = &k {
                *next.entry(k.clone()).or_default() += f.count;
            }
            if k != assigned[i] {
                changed += 1;
            }
            assigned[i] = k;
        }
        eprintln!("round {round}: {changed} forms changed reading");
        *seg.support_mut() = next;
        shares = clitic_shares(&seg, &forms, &mut buf);
        if priors {
            seg.set_clitic_frequencies(&shares);
        }
    }

    if std::env::var("STATS").is_ok() {
        // per first letter: tokens and types starting with it, and read with it as a clitic
        let mut st: FxHashMap<char, [u64; 4]> = FxHashMap::default();
        let mut buf2 = String::new();
        for f in &forms {
            let s = seg.segment(&f.view, |j| f.original[j], &mut buf2);
            let c = f.view[0];
            let e = st.entry(c).or_default();
            e[0] += f.count as u64;
            e[1] += 1;
            if s.stem_start > 0 {
                e[2] += f.count as u64;
                e[3] += 1;
            }
        }
        let mut cl: FxHashMap<&str, u64> = FxHashMap::default();
        let mut total = 0u64;
        for f in &forms {
            let s = seg.segment(&f.view, |j| f.original[j], &mut buf2);
            total += f.count as u64;
            if let Some(c) = s.conj {
                *cl.entry(c.as_str()).or_default() += f.count as u64;
            }
            if let Some(p) = s.prep {
                *cl.entry(p.as_str()).or_default() += f.count as u64;
            }
            if s.article {
                *cl.entry("ال").or_default() += f.count as u64;
            }
            if let Some(p) = s.pron {
                *cl.entry(p.as_str()).or_default() += f.count as u64;
            }
        }
        let mut v: Vec<_> = cl.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1));
        for (k, n) in v {
            eprintln!("P({k}) = {:.4}", n as f64 / total as f64);
        }
        for c in "وفبلكسا".chars() {
            let e = st[&c];
            eprintln!(
                "{c}: tokens {:.3} types {:.3}",
                e[2] as f64 / e[0] as f64,
                e[3] as f64 / e[1] as f64
            );
        }
    }
    if let Ok(dump) = std::env::var("DUMP_KEYS") {
        for d in dump.split(',') {
            let mut v: Vec<(u32, String)> = forms
                .iter()
                .zip(&assigned)
                .filter(|(_, k)| k.as_deref() == Some(d))
                .map(|(f, _)| (f.count, f.original.iter().collect()))
                .collect();
            v.sort_by(|a, b| b.cmp(a));
            v.truncate(12);
            eprintln!("{d}: {v:?}");
        }
    }
    let mut rows: Vec<(&Box<str>, &u32)> = seg
        .support_mut()
        .iter()
        .filter(|(_, &n)| n >= minimum)
        .collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    writeln!(
        out,
        "# stem-support.tsv — generated by scripts/build-stem-support.py (hard EM, {rounds} rounds, \
         crates/rasad-text/examples/build_stem_support.rs); do not edit by hand."
    )
    .unwrap();
    for h in &header {
        writeln!(out, "# {h}").unwrap();
    }
    writeln!(
        out,
        "# columns: stem key (view form: alef unified, ى→ي, ة→ه) TAB support: the corpus words whose \
         best reading has this stem, its own count left out while a form is weighed; min {minimum}."
    )
    .unwrap();
    for (name, p) in &shares {
        writeln!(out, "#prior\t{name}\t{p:.6}").unwrap();
    }
    for (k, n) in rows {
        writeln!(out, "{k}\t{n}").unwrap();
    }
}
