//! Throughput of the full pipeline (text layer, mentions, times, quantities, events) over
//! SaudiNewsNet: `cargo run --release -p rasad-extract --example events_speed [-- DIR [MAX_MB]]`
//! (default `../shared/research-data/saudinewsnet/dataset`, 20 MB). Single thread.

use std::time::Instant;

#[path = "common/corpus.rs"]
mod corpus;
use corpus::articles;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/research-data/saudinewsnet/dataset".into());
    let max_mb: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let docs: Vec<_> = articles(&dir, max_mb << 20)
        .into_iter()
        .filter_map(|t| rasad_ingest::read_plain(&t, None, Default::default()).ok())
        .collect();
    for d in docs.iter().take(200) {
        let _ = rasad_extract::analyse(d);
    }
    let t = Instant::now();
    let mut events = 0;
    for d in &docs {
        events += rasad_extract::analyse(d).events.len();
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} articles, {} events, {:.2} s: {:.0} articles/s (full pipeline, one thread)",
        docs.len(),
        events,
        s,
        docs.len() as f64 / s
    );
    // the event stage alone, over analysed documents
    let analysed: Vec<_> = docs
        .iter()
        .map(|d| {
            let a = rasad_text::Analysis::new(&d.text);
            let doc = rasad_extract::document(d, &a);
            (a, doc)
        })
        .collect();
    let t = Instant::now();
    let mut again = 0;
    for (a, doc) in &analysed {
        again += rasad_extract::events::extract(a, doc).len();
    }
    assert_eq!(again, events);
    let e = t.elapsed().as_secs_f64();
    println!(
        "event stage alone: {:.2} s ({:.0}% of the pipeline)",
        e,
        100.0 * e / s
    );
}
