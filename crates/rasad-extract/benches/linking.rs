//! What linking (the lexicon's matcher and the mention rules) adds to the text layer, over about
//! 10 MB of real Arabic news: SaudiNewsNet article bodies read from
//! `../shared/research-data/saudinewsnet/dataset` when it is there, or the file named by
//! `RASAD_BENCH_CORPUS` (articles separated by three newlines, as `link_times` reads them). Without
//! either the bench says so and measures the repository's example article repeated to 10 MB.
//!
//! Run: `cargo bench -p rasad-extract --bench linking`. Criterion reports each stage's time and
//! throughput (text layer; matcher alone; matcher + rules); before that the bench prints the ratio
//! the linking requirement is stated in — linking time over text-layer time, best of a few runs
//! of each, with the text layer's analyses built first, as `link_times` measures it — and the
//! dictionary load time.

use criterion::{criterion_group, Criterion, Throughput};
use rasad_lexicon::Lexicon;
use rasad_text::Analysis;
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "../examples/common/corpus.rs"]
mod corpus;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

/// The articles and a line saying what they are.
fn articles() -> (Vec<String>, String) {
    if let Ok(file) = std::env::var("RASAD_BENCH_CORPUS") {
        let text = std::fs::read_to_string(&file).expect("read RASAD_BENCH_CORPUS");
        let articles: Vec<String> = text.split("\n\n\n").map(String::from).collect();
        let what = format!(
            "{file}, {} articles, {:.1} MB",
            articles.len(),
            text.len() as f64 / 1e6
        );
        return (articles, what);
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/research-data/saudinewsnet/dataset");
    if dir.is_dir() {
        let articles = corpus::articles(&dir.to_string_lossy(), TARGET_BYTES);
        let bytes: usize = articles.iter().map(String::len).sum();
        if bytes >= TARGET_BYTES {
            let what = format!(
                "SaudiNewsNet, {} articles, {:.1} MB",
                articles.len(),
                bytes as f64 / 1e6
            );
            return (articles, what);
        }
    }
    eprintln!(
        "linking bench: SaudiNewsNet not found at {}; measuring examples/yemen-prisoner-swap.txt repeated to 10 MB instead",
        dir.display()
    );
    let ex = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/yemen-prisoner-swap.txt"),
    )
    .expect("the example article");
    let n = TARGET_BYTES / ex.len() + 1;
    let what = format!(
        "example article x{n}, {:.1} MB",
        (n * ex.len()) as f64 / 1e6
    );
    (vec![ex; n], what)
}

/// The shortest of `runs` timings of `f`, in seconds.
fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn bench(c: &mut Criterion) {
    let (articles, what) = articles();
    let bytes: usize = articles.iter().map(String::len).sum();
    eprintln!("linking bench input: {what}");
    let t = Instant::now();
    let lex = Lexicon::global();
    let load_ms = t.elapsed().as_secs_f64() * 1e3;

    // the ratio, measured as link_times measures it: all analyses built, then linked
    let text_s = best(5, || {
        articles
            .iter()
            .map(|a| Analysis::new(a))
            .collect::<Vec<_>>()
    });
    let analyses: Vec<Analysis> = articles.iter().map(|a| Analysis::new(a)).collect();
    let match_s = best(5, || {
        analyses
            .iter()
            .map(|a| lex.matcher.find(a).len())
            .sum::<usize>()
    });
    let link_s = best(5, || {
        analyses
            .iter()
            .map(|a| rasad_extract::mentions::link(a, lex).mentions.len())
            .sum::<usize>()
    });
    eprintln!(
        "linking bench: dictionaries loaded and compiled in {load_ms:.0} ms; text layer {text_s:.3} s, \
         matcher {match_s:.3} s, rules {:.3} s: linking adds {:.1}% to the text layer",
        link_s - match_s,
        100.0 * link_s / text_s
    );

    let mut g = c.benchmark_group("linking");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("text_layer", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| Analysis::new(a).tokens.len())
                .sum::<usize>()
        })
    });
    g.bench_function("matcher", |b| {
        b.iter(|| {
            analyses
                .iter()
                .map(|a| lex.matcher.find(a).len())
                .sum::<usize>()
        })
    });
    g.bench_function("matcher+rules", |b| {
        b.iter(|| {
            analyses
                .iter()
                .map(|a| rasad_extract::mentions::link(a, lex).mentions.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
