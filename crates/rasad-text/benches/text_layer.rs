//! Throughput of the text layer — normalise + split sentences + tokenise + segment clitics — over
//! at least 10 MB of real Arabic news, read from ../shared/research-data/saudinewsnet when it is
//! there. Without the corpus the bench says so and measures the repository's example article
//! repeated to 10 MB instead.
//!
//! Run: `cargo bench -p rasad-text --bench text_layer` (reports MB/s as "thrpt").

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasad_text::Analysis;
use std::io::Read;
use std::path::Path;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn corpus() -> (Vec<String>, String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/research-data/saudinewsnet/dataset");
    let mut articles = Vec::new();
    let mut total = 0;
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut zips: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        zips.sort();
        'outer: for z in zips
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "zip"))
        {
            let Ok(file) = std::fs::File::open(z) else {
                continue;
            };
            let Ok(mut archive) = zip::ZipArchive::new(file) else {
                continue;
            };
            for i in 0..archive.len() {
                let mut json = String::new();
                if archive
                    .by_index(i)
                    .and_then(|mut f| f.read_to_string(&mut json).map_err(Into::into))
                    .is_err()
                {
                    continue;
                }
                let Ok(serde_json::Value::Array(items)) =
                    serde_json::from_str::<serde_json::Value>(&json)
                else {
                    continue;
                };
                for it in items {
                    let title = it["title"].as_str().unwrap_or("");
                    let content = it["content"].as_str().unwrap_or("");
                    let a = format!("{title}\n\n{content}");
                    total += a.len();
                    articles.push(a);
                    if total >= TARGET_BYTES {
                        break 'outer;
                    }
                }
            }
        }
    }
    if total >= TARGET_BYTES {
        let n = articles.len();
        return (
            articles,
            format!("SaudiNewsNet, {n} articles, {:.1} MB", total as f64 / 1e6),
        );
    }
    eprintln!("text_layer bench: SaudiNewsNet not found at {}; measuring examples/yemen-prisoner-swap.txt repeated to 10 MB instead", dir.display());
    let ex = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/yemen-prisoner-swap.txt"),
    )
    .expect("the example article");
    let mut articles = Vec::new();
    let mut total = 0;
    while total < TARGET_BYTES {
        total += ex.len();
        articles.push(ex.clone());
    }
    let what = format!(
        "example article x{}, {:.1} MB",
        articles.len(),
        total as f64 / 1e6
    );
    (articles, what)
}

fn bench(c: &mut Criterion) {
    let (articles, what) = corpus();
    let bytes: usize = articles.iter().map(String::len).sum();
    eprintln!("text_layer bench input: {what}");
    // compile the lexicons outside the measurement
    let _ = Analysis::new("تهيئة");
    let mut g = c.benchmark_group("text_layer");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("normalise+sentences+tokens+clitics", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for a in &articles {
                let an = Analysis::new(a);
                n += an.tokens.len() + an.sentences.len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
