//! Clitic segmentation measured on `segmentation-gold.tsv` (forms from held-out news days, segmented
//! by hand), and compared with the Snowball Arabic stemmer as a matching key.

use rasad_text::{normalize_key, Segmenter};

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
    // Entries are numbered from 1 in file order. Tuning looks only at the misses on odd entries;
    // the even entries are a check that the tuning generalises, so both halves are reported.
    let mut wrong = Vec::new();
    let mut half_total = [0usize; 2];
    let mut half_wrong = [0usize; 2];
    for (i, e) in entries.iter().enumerate() {
        let half = if (i + 1) % 2 == 1 { 0 } else { 1 };
        half_total[half] += 1;
        let (got, _) = system(&e.form);
        if got != e.gold {
            half_wrong[half] += 1;
            wrong.push(format!(
                "[{}] {}\tgold {}\tgot {}",
                ["odd", "even"][half],
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
    for (half, name) in ["odd", "even"].iter().enumerate() {
        println!(
            "  {name} entries: {:.2}% ({} of {})",
            100.0 * (1.0 - half_wrong[half] as f64 / half_total[half] as f64),
            half_total[half] - half_wrong[half],
            half_total[half]
        );
    }
    for w in &wrong {
        println!("  miss: {w}");
    }
    assert!(
        acc >= 0.98,
        "segmentation accuracy {:.2}% is below 98%",
        acc * 100.0
    );
}
