//! How long the dictionaries take to load and how much linking adds to the text layer:
//! `cargo run --release -p rasad-extract --example link_times -- FILE` (articles separated by
//! three newlines, as `stage_times` reads them).

use rasad_lexicon::Lexicon;
use rasad_text::Analysis;
use std::time::Instant;

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
    // warm the segmentation cache once, as a long run would be
    let analyses: Vec<Analysis> = articles.iter().map(|a| Analysis::new(a)).collect();
    drop(analyses);
    let t = Instant::now();
    let analyses: Vec<Analysis> = articles.iter().map(|a| Analysis::new(a)).collect();
    let text_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let found: usize = analyses.iter().map(|a| lex.matcher.find(a).len()).sum();
    println!(
        "matcher alone: {:.3} s, {found} matches",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let (mut mentions, mut places) = (0, 0);
    for a in &analyses {
        let l = rasad_extract::mentions::link(a, lex);
        mentions += l.mentions.len();
        places += l.places.len();
    }
    let link_s = t.elapsed().as_secs_f64();
    println!("{mb:.1} MB, {} articles: text layer {text_s:.3} s ({:.0} MB/s), linking {link_s:.3} s (+{:.0}%), {mentions} mentions, {places} places",
        articles.len(), mb / text_s, 100.0 * link_s / text_s);
}
