//! Compare two stem-support tables: how the segmenter reads a word-form list under each, and its
//! accuracy on the hand-segmented gold list (`tests/segmentation-gold.tsv`).
//!
//! usage: `cargo run --release -p rasad-text --example compare_stem_support -- OLD.tsv NEW.tsv
//!         FORMS.tsv [--show N]`
//!
//! FORMS.tsv: `FORM TAB COUNT` lines (as `scripts/build-stem-support.py --forms-only` writes
//! them). Prints the share of word tokens (and of distinct forms) read alike, then the `--show`
//! commonest forms read differently (default 60). The guard list is read from
//! `data/text/clitic-guard.txt` at run time, so guard changes can be tried without a rebuild.

use rasad_text::{normalize_key, Segmenter};

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    })
}

fn reading(seg: &Segmenter, form: &str) -> String {
    let (chars, s) = seg.segment_str(form);
    s.segments(&chars).join("+")
}

fn gold_accuracy(seg: &Segmenter, gold: &str, misses: &mut Vec<String>) -> (usize, usize) {
    let mut right = 0;
    let mut total = 0;
    for line in gold.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(form), Some(want)) = (cols.next(), cols.next()) else {
            continue;
        };
        let want: Vec<String> = want.trim().split('+').map(normalize_key).collect();
        let (chars, s) = seg.segment_str(form.trim());
        let got: Vec<String> = s
            .segments(&chars)
            .iter()
            .map(|x| normalize_key(x))
            .collect();
        total += 1;
        if got == want {
            right += 1;
        } else {
            misses.push(format!(
                "{}\tgold {}\tgot {}",
                form.trim(),
                want.join("+"),
                got.join("+")
            ));
        }
    }
    (right, total)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(60usize);
    let files: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--show"))
        .map(|(_, a)| a)
        .collect();
    if files.len() != 3 {
        eprintln!("usage: compare_stem_support OLD.tsv NEW.tsv FORMS.tsv [--show N]");
        std::process::exit(2);
    }
    let guard = read("data/text/clitic-guard.txt");
    let old = Segmenter::from_data(&read(files[0]), &guard);
    let new = Segmenter::from_data(&read(files[1]), &guard);
    let gold = read("crates/rasad-text/tests/segmentation-gold.tsv");
    let mut misses = [Vec::new(), Vec::new()];
    for (i, (name, seg)) in [("old", &old), ("new", &new)].into_iter().enumerate() {
        let (r, t) = gold_accuracy(seg, &gold, &mut misses[i]);
        println!(
            "gold list, {name} table: {r} of {t} ({:.2}%)",
            100.0 * r as f64 / t as f64
        );
    }
    for m in &misses[1] {
        let also = if misses[0].contains(m) {
            " (old too)"
        } else {
            ""
        };
        println!("  gold miss, new table{also}: {m}");
    }
    let mut same = [0u64; 2];
    let mut total = [0u64; 2];
    let mut diff = Vec::new();
    for line in read(files[2]).lines() {
        let Some((form, n)) = line.split_once('\t') else {
            continue;
        };
        let Ok(n) = n.trim().parse::<u64>() else {
            continue;
        };
        let (a, b) = (reading(&old, form), reading(&new, form));
        total[0] += n;
        total[1] += 1;
        if a == b {
            same[0] += n;
            same[1] += 1;
        } else {
            diff.push((n, form.to_string(), a, b));
        }
    }
    println!(
        "read alike: {:.2}% of {} tokens, {:.2}% of {} forms",
        100.0 * same[0] as f64 / total[0].max(1) as f64,
        total[0],
        100.0 * same[1] as f64 / total[1].max(1) as f64,
        total[1]
    );
    diff.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    for (n, form, a, b) in diff.iter().take(show) {
        println!("{n}\t{form}\told {a}\tnew {b}");
    }
}
