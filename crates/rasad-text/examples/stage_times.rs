//! Time each stage of the text layer over a corpus file (plain text, articles separated by blank
//! lines): `cargo run --release -p rasad-text --example stage_times -- FILE`.

use rasad_text::{sentences, tokenize, Normalized, Segmenter};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: stage_times FILE");
    let text = std::fs::read_to_string(&path).expect("read FILE");
    let articles: Vec<&str> = text.split("\n\n\n").collect();
    let mb = text.len() as f64 / 1e6;
    let seg = Segmenter::global();
    let t = Instant::now();
    let chars: Vec<Vec<char>> = articles.iter().map(|a| a.chars().collect()).collect();
    let t_chars = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let views: Vec<Normalized> = articles.iter().map(|a| Normalized::new(a)).collect();
    let t_view = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let n_sent: usize = chars.iter().map(|c| sentences::split_chars(c).len()).sum();
    let t_sent = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let n_tok: usize = chars
        .iter()
        .zip(&views)
        .map(|(c, v)| tokenize(c, v, seg).len())
        .sum();
    let t_tok = t.elapsed().as_secs_f64();
    println!(
        "{mb:.1} MB, {} articles, {n_sent} sentences, {n_tok} tokens",
        articles.len()
    );
    for (name, s) in [
        ("chars", t_chars),
        ("view", t_view),
        ("sentences", t_sent),
        ("tokens+clitics", t_tok),
    ] {
        println!("{name:>15}: {:.3} s  ({:.0} MB/s)", s, mb / s);
    }
    let total = t_chars + t_view + t_sent + t_tok;
    println!("{:>15}: {:.3} s  ({:.0} MB/s)", "total", total, mb / total);
    // the whole layer per article, as the pipeline runs it, twice: the second pass finds every
    // word form in the segmentation cache
    for pass in ["first pass", "second pass"] {
        let t = Instant::now();
        let n: usize = articles
            .iter()
            .map(|a| rasad_text::Analysis::new(a).tokens.len())
            .sum();
        let s = t.elapsed().as_secs_f64();
        println!("{pass:>15}: {s:.3} s  ({:.0} MB/s, {n} tokens)", mb / s);
    }
}
