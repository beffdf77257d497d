//! Throughput of the text layer alone and with the time and quantity taggers, over SaudiNewsNet:
//! `cargo run --release -p rasad-extract --example tq_speed [-- DIR [MAX_MB]]`
//! (default `../shared/research-data/saudinewsnet/dataset`, 40 MB). Single thread.

use std::time::Instant;

#[path = "common/corpus.rs"]
mod corpus;
use corpus::articles;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/research-data/saudinewsnet/dataset".into());
    let max_mb: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(40);
    let docs = articles(&dir, max_mb << 20);
    let mb = docs.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    // warm the segmentation cache and the lexicons
    for d in docs.iter().take(200) {
        let a = rasad_text::Analysis::new(d);
        let _ = rasad_extract::times_and_quantities(&a, Some("2015-07-21"));
    }
    let t = Instant::now();
    let mut n = 0;
    for d in &docs {
        n += rasad_text::Analysis::new(d).tokens.len();
    }
    let layer = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let (mut nt, mut nq) = (0, 0);
    for d in &docs {
        let a = rasad_text::Analysis::new(d);
        let (times, qs) = rasad_extract::times_and_quantities(&a, Some("2015-07-21"));
        nt += times.len();
        nq += qs.len();
    }
    let both = t.elapsed().as_secs_f64();
    println!("{mb:.1} MB, {} articles, {n} tokens", docs.len());
    println!("text layer            {layer:.2} s  {:.1} MB/s", mb / layer);
    println!(
        "layer + times + qty   {both:.2} s  {:.1} MB/s  ({nt} times, {nq} quantities)",
        mb / both
    );
    println!(
        "taggers alone         {:.2} s  {:.1} MB/s",
        both - layer,
        mb / (both - layer)
    );
}
