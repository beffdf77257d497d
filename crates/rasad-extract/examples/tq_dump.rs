//! Print the times and quantities found in a sample of SaudiNewsNet, one a line (TSV: kind, text,
//! reference date, value or interval, rule), for reviewing the taggers on real reporting:
//! `cargo run --release -p rasad-extract --example tq_dump -- ZIP [SKIP] [COUNT]`.

use rasad_extract::time::{self, cx::Cx, Reference};
use std::io::Read;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: tq_dump ZIP [SKIP] [COUNT]");
    let skip: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let count: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100);
    let day = std::path::Path::new(&path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&path).expect("open")).expect("zip");
    let mut json = String::new();
    archive
        .by_index(0)
        .expect("entry")
        .read_to_string(&mut json)
        .expect("read");
    let items: Vec<serde_json::Value> = serde_json::from_str(&json).expect("json");
    let r = Reference::parse(&day).unwrap_or_else(Reference::none);
    for it in items.iter().skip(skip).take(count) {
        let Some(text) = it.get("content").and_then(|c| c.as_str()) else {
            continue;
        };
        let a = rasad_text::Analysis::new(text);
        let cx = Cx::new(&a);
        for h in time::hits(&cx, &r) {
            let t = time::to_time(&cx, &h);
            println!(
                "time\t{}\t{day}\t{} {:?} {:?} {:?}\t{}",
                t.text,
                t.value.unwrap_or_default(),
                t.grain,
                t.modifier,
                t.unresolved,
                h.rule
            );
        }
        let (_, qs) = rasad_extract::times_and_quantities(&a, Some(&day));
        for q in qs {
            println!(
                "qty\t{}\t{day}\t{:?}..{:?} {}\t{:?}",
                q.text,
                q.min,
                q.max,
                if q.approx { "~" } else { "" },
                q.unit
            );
        }
    }
}
