//! Build `data/text/stem-support.tsv` from a word-form count table by hard EM with the real
//! segmenter (run by `scripts/build-stem-support.py`, which makes the count table).
//!
//! usage: `cargo run --release -p rasad-text --example build_stem_support -- FORMS.tsv
//!         [--min N] [--rounds N] [--lexicon WORDS.txt --lexicon-support N] > data/text/stem-support.tsv`
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
//! - Each stem also gets a `free` count: the part of its support from words where it has no
//!   clitic but maybe the article (the segmenter's [`rasad_text::clitics::FREE_SHARE`] test).
//! - After each round the share of words read with each clitic is measured and becomes the
//!   segmenter's prior ([`Segmenter::set_clitic_frequencies`]); the last shares are written as
//!   `#prior` lines.
//! - Stems whose support is below `--min` are dropped.
//! - `--lexicon WORDS.txt` (one word a line, an experiment; the committed table uses none): each
//!   word's own key gets `--lexicon-support` free support in every round, which no leave-one-out
//!   takes away — a dictionary saying the word stands on its own (see `data/text/README.md`).

use rasad_text::clitics::Support;
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

fn load_words(path: &str) -> (Vec<String>, Vec<Form>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let lines: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{}\t1\n", l.trim()))
        .collect();
    parse(&lines)
}

fn load(path: &str) -> (Vec<String>, Vec<Form>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse(&text)
}

fn parse(text: &str) -> (Vec<String>, Vec<Form>) {
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

/// A reading without a conjunction or preposition attests its stem as a word on its own.
fn is_free(s: &Segmentation) -> bool {
    s.conj.is_none() && s.prep.is_none() && s.pron.is_none()
}

fn add(v: &mut Support, n: u32, free: bool) {
    v[0] += n;
    if free {
        v[1] += n;
    }
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
    let path = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && (*i == 0 || !args[i - 1].starts_with("--")))
        .map(|(_, a)| a.clone())
        .expect("usage: build_stem_support FORMS.tsv [--min N] [--rounds N]");
    let (header, forms) = load(&path);
    let mut buf = String::new();
    // a word list (one word a line): each word's own key gets `--lexicon-support` in every round,
    // as free support that no leave-one-out takes away (the list says the word exists on its own)
    let lexicon_support = opt("--lexicon-support", 0);
    let mut lexicon: Vec<Box<str>> = Vec::new();
    if let Some(i) = args.iter().position(|a| a == "--lexicon") {
        let (_, words) = load_words(&args[i + 1]);
        for f in &words {
            if let Some(k) = key(&Segmentation::whole(f.view.len()), f, &mut buf) {
                lexicon.push(k);
            }
        }
        lexicon.sort();
        lexicon.dedup();
    }
    let add_lexicon = |sup: &mut FxHashMap<Box<str>, Support>| {
        if lexicon_support > 0 {
            for k in &lexicon {
                let v = sup.entry(k.clone()).or_default();
                v[0] += lexicon_support;
                v[1] += lexicon_support;
            }
        }
    };

    // round 0: every admissible reading; `keys0[i]` remembers form i's distinct keys for the
    // leave-one-out of round 1
    let mut seg = Segmenter::from_support(FxHashMap::default(), GUARD);
    let mut support: FxHashMap<Box<str>, Support> = FxHashMap::default();
    let mut keys0: Vec<Vec<(Box<str>, bool)>> = Vec::with_capacity(forms.len());
    for f in &forms {
        let mut keys: Vec<(Box<str>, bool)> = Vec::new();
        if f.view
            .iter()
            .all(|&c| rasad_text::script::is_arabic_letter(c))
        {
            seg.for_each_reading(
                &f.view,
                |i| f.original[i],
                |s| {
                    if let Some(k) = key(&s, f, &mut buf) {
                        let free = is_free(&s);
                        match keys.iter_mut().find(|(x, _)| *x == k) {
                            Some((_, fr)) => *fr |= free,
                            None => keys.push((k, free)),
                        }
                    }
                    false
                },
            );
        }
        for (k, free) in &keys {
            add(support.entry(k.clone()).or_default(), f.count, *free);
        }
        keys0.push(keys);
    }
    add_lexicon(&mut support);
    *seg.support_mut() = support;

    // rounds 1..: hard assignment with leave-one-out
    let mut assigned: Vec<Option<(Box<str>, bool)>> = vec![None; forms.len()];
    let mut shares = Vec::new();
    for round in 1..=rounds {
        let mut next: FxHashMap<Box<str>, Support> = FxHashMap::default();
        let mut changed = 0usize;
        for (i, f) in forms.iter().enumerate() {
            let own: Vec<(Box<str>, bool)> = if round == 1 {
                keys0[i].clone()
            } else {
                assigned[i].iter().cloned().collect()
            };
            let sup = seg.support_mut();
            for (k, free) in &own {
                if let Some(v) = sup.get_mut(k) {
                    v[0] -= f.count;
                    if *free {
                        v[1] -= f.count;
                    }
                }
            }
            let s = seg.segment(&f.view, |j| f.original[j], &mut buf);
            let sup = seg.support_mut();
            for (k, free) in &own {
                if let Some(v) = sup.get_mut(k) {
                    add(v, f.count, *free);
                }
            }
            let k = key(&s, f, &mut buf).map(|k| (k, is_free(&s)));
            if let Some((k, free)) = &k {
                add(next.entry(k.clone()).or_default(), f.count, *free);
            }
            if k != assigned[i] {
                changed += 1;
            }
            assigned[i] = k;
        }
        eprintln!("round {round}: {changed} forms changed reading");
        add_lexicon(&mut next);
        *seg.support_mut() = next;
        shares = clitic_shares(&seg, &forms, &mut buf);
        seg.set_clitic_frequencies(&shares);
    }

    if let Ok(dump) = std::env::var("DUMP_KEYS") {
        for d in dump.split(',') {
            let mut v: Vec<(u32, String)> = forms
                .iter()
                .zip(&assigned)
                .filter(|(_, k)| k.as_ref().map(|k| &*k.0) == Some(d))
                .map(|(f, _)| (f.count, f.original.iter().collect()))
                .collect();
            v.sort_by(|a, b| b.cmp(a));
            v.truncate(12);
            eprintln!("{d}: {v:?}");
        }
    }
    let mut rows: Vec<(&Box<str>, &Support)> = seg
        .support_mut()
        .iter()
        .filter(|(_, n)| n[0] >= minimum)
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
        "# columns: stem key (view form: ى→ي, ة→ه, alef unified except that a hamza alef stays as \
         written) TAB support: corpus words whose best reading has this stem TAB free: those of them \
         where the stem has no clitic but maybe the article; min {minimum}.\n\
         # #prior lines: the share of corpus words read with each clitic (the segmenter's priors)."
    )
    .unwrap();
    for (name, p) in &shares {
        writeln!(out, "#prior\t{name}\t{p:.6}").unwrap();
    }
    for (k, [n, free]) in rows {
        writeln!(out, "{k}\t{n}\t{free}").unwrap();
    }
}
