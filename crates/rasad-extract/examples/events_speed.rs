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
    // the event stage alone: each document analysed again (untimed), then its events timed;
    // nothing is kept, so peak RSS is the pipeline's (articles + dictionaries + one document)
    let mut e = 0.0;
    let mut again = 0;
    for d in &docs {
        let a = rasad_text::Analysis::new(&d.text);
        let doc = rasad_extract::document(d, &a);
        let t = Instant::now();
        again += rasad_extract::events::extract(&a, &doc).len();
        e += t.elapsed().as_secs_f64();
    }
    assert_eq!(again, events);
    println!(
        "event stage alone: {:.2} s ({:.0}% of the pipeline)",
        e,
        100.0 * e / s
    );
}
