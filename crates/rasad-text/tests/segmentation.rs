//! Clitic segmentation measured on `segmentation-gold.tsv` (forms from held-out news days, segmented
//! by hand), and compared with the Snowball Arabic stemmer as a matching key.

use rasad_text::{normalize_key, Segmenter};
use std::collections::HashMap;

struct Entry {
    form: String,
    gold: Vec<String>,
}

fn gold() -> Vec<Entry> {
    let text = include_str!("segmentation-gold.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut cols = l.split('\t');
            let form = cols.next().unwrap().trim().to_string();
            let seg = cols.next().expect("a segmentation column").trim();
            Entry {
                form,
                gold: seg.split('+').map(normalize_key).collect(),
            }
        })
        .collect()
}

fn system(form: &str) -> (Vec<String>, String) {
    let (chars, s) = Segmenter::global().segment_str(form);
    (
        s.segments(&chars)
            .iter()
            .map(|x| normalize_key(x))
            .collect(),
        s.stem_key(&chars),
    )
}

#[test]
fn segmentation_accuracy_on_gold_list() {
    let entries = gold();
    assert!(
        entries.len() >= 400,
        "the gold list must hold at least 400 forms"
    );
    let mut wrong = Vec::new();
    for e in &entries {
        let (got, _) = system(&e.form);
        if got != e.gold {
            wrong.push(format!(
                "{}\tgold {}\tgot {}",
                e.form,
                e.gold.join("+"),
                got.join("+")
            ));
        }
    }
    let acc = 1.0 - wrong.len() as f64 / entries.len() as f64;
    println!(
        "segmentation accuracy: {:.2}% ({} of {} forms)",
        acc * 100.0,
        entries.len() - wrong.len(),
        entries.len()
    );
    for w in &wrong {
        println!("  miss: {w}");
    }
    assert!(
        acc >= 0.98,
        "segmentation accuracy {:.2}% is below 98%",
        acc * 100.0
    );
}
