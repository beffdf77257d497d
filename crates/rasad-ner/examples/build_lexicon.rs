//! Build `data/ner/lexicon.bin`, the tagger's general-Arabic word table ([`rasad_ner::lexicon`]),
//! from a word-frequency list: `FORM TAB COUNT` a line (`#` lines are comments), as written by
//! `scripts/build-ner-lexicon.py` from wordfreq 3.1.1's Arabic list.
//!
//! Every form is read through the tagger's own text layer ([`TokenInfo::new`]) and its count goes
//! to its stem key: in total, with the article, with an attached pronoun, and standing bare.
//!
//! usage: cargo run --release -p rasad-ner --example build_lexicon -- FORMS.tsv OUT.bin
use rasad_ner::features::TokenInfo;
use rasad_ner::lexicon::{entry_from_counts, Lexicon};
use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [forms, out] = &args[..] else {
        eprintln!("usage: build_lexicon FORMS.tsv OUT.bin");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(forms).expect("read the forms");
    // Per stem key: total, with article, with pronoun, bare.
    let mut agg: BTreeMap<String, [u64; 4]> = BTreeMap::new();
    let mut n_forms = 0usize;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((form, count)) = line.split_once('\t') else {
            continue;
        };
        let Ok(n) = count.trim().parse::<u64>() else {
            continue;
        };
        n_forms += 1;
        let t = TokenInfo::new(form);
        let e = agg.entry(t.stem.clone()).or_default();
        e[0] += n;
        if t.clitics.contains("ال+") {
            e[1] += n;
        }
        if t.clitics.contains("_+") {
            e[2] += n;
        }
        if t.clitics == "_" {
            e[3] += n;
        }
    }
    // Two stems with the same 32-bit key (rare): the commoner one's entry is kept, so the table
    // does not depend on the order the stems come in.
    let mut lex = Lexicon::new();
    let mut by_key: BTreeMap<u32, (u64, &str)> = BTreeMap::new();
    for (stem, c) in &agg {
        let e = by_key
            .entry(rasad_ner::lexicon::key(stem))
            .or_insert((0, ""));
        if c[0] > e.0 || (c[0] == e.0 && stem.as_str() < e.1) {
            *e = (c[0], stem);
        }
    }
    for (_, stem) in by_key.values() {
        lex.insert(stem, entry_from_counts(&agg[*stem]));
    }
    std::fs::write(out, lex.to_bytes()).expect("write the table");
    eprintln!("{n_forms} forms, {} stem keys → {out}", lex.len());
}
