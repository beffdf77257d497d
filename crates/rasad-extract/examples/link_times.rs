//! How long the dictionaries take to load and how much linking adds to the text layer:
//! `cargo run --release -p rasad-extract --example link_times -- FILE` (articles separated by
//! three newlines, as `stage_times` reads them).
//!
//! Linking is the matcher plus the mention rules (`mentions::link` runs both); the rules' share is
//! linking minus the matcher alone. The last line is a digest of every mention, place and entity
//! found, so a speed change can be checked not to change the results.

use rasad_lexicon::Lexicon;
use rasad_text::Analysis;
use std::hash::{Hash, Hasher};
use std::time::Instant;

/// Best of a few runs: the machine is shared, and the minimum is the least disturbed.
const RUNS: usize = 5;

fn best<T>(mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(r);
    }
    (best, out.expect("at least one run"))
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: link_times FILE");
    let text = std::fs::read_to_string(&path).expect("read FILE");
    let articles: Vec<&str> = text.split("\n\n\n").collect();
    let mb = text.len() as f64 / 1e6;
    let t = Instant::now();
    let lex = Lexicon::global();
    println!(
        "dictionaries: {} actors, {} places, {} names compiled in {:.0} ms",
        lex.actors.len(),
        lex.places.len(),
        lex.matcher.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    // the first run also warms the segmentation cache, as a long run would be
    let (text_s, analyses) = best(|| {
        articles
            .iter()
            .map(|a| Analysis::new(a))
            .collect::<Vec<_>>()
    });
    let (match_s, found) = best(|| {
        analyses
            .iter()
            .map(|a| lex.matcher.find(a).len())
            .sum::<usize>()
    });
    let (link_s, linked) = best(|| {
        analyses
            .iter()
            .map(|a| rasad_extract::mentions::link(a, lex))
            .collect::<Vec<_>>()
    });
    let mentions: usize = linked.iter().map(|l| l.mentions.len()).sum();
    let places: usize = linked.iter().map(|l| l.places.len()).sum();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for l in &linked {
        serde_json::to_string(&(&l.mentions, &l.places, &l.entities))
            .expect("serialise")
            .hash(&mut h);
    }
    println!(
        "{mb:.1} MB, {} articles (best of {RUNS} runs)",
        articles.len()
    );
    println!("text layer {text_s:.3} s ({:.0} MB/s)", mb / text_s);
    println!("matcher    {match_s:.3} s, {found} matches",);
    println!("rules      {:.3} s", link_s - match_s);
    println!(
        "linking    {link_s:.3} s (+{:.1}% of the text layer; {:.0} MB/s)",
        100.0 * link_s / text_s,
        mb / link_s
    );
    println!(
        "results    {mentions} mentions, {places} places, digest {:016x}",
        h.finish()
    );
}
