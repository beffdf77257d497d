//! The flat views and exports end to end: `rasad extract --format tsv-acled|tsv-gdelt` and
//! `rasad export --format acled-tsv|gdelt-tsv|gexf` give a header, real tabs, one row per event,
//! and the same content-derived event ids — from the article directly, from the store, and from
//! stores built in different directories (another machine).

use std::path::{Path, PathBuf};
use std::process::Command;

const ARTICLE: &str = "غارة على البيضاء\n\nشنت طائرات التحالف العربي بقيادة السعودية غارة جوية \
على مواقع الحوثيين في محافظة البيضاء يوم الخميس، ما أسفر عن مقتل 5 مسلحين.\n\nوأفرجت جماعة \
الحوثي عن 10 معتقلين.\n";

fn rasad(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_rasad"))
        .args(args)
        .output()
        .expect("rasad runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rasad-export-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A store holding the article, written under `dir` (the file is always `a.txt`).
fn store(dir: &Path) -> String {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a.txt"), ARTICLE).unwrap();
    let db = dir.join("r.db");
    rasad(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    db.to_str().unwrap().to_string()
}

/// Header and rows of a TSV, checking every row has the header's width.
fn tsv(s: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = s.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split('\t')
        .map(String::from)
        .collect();
    let rows: Vec<Vec<String>> = lines
        .map(|l| l.split('\t').map(String::from).collect())
        .collect();
    for r in &rows {
        assert_eq!(r.len(), header.len(), "{r:?}");
    }
    (header, rows)
}

fn ids(s: &str, column: &str) -> Vec<String> {
    let (h, rows) = tsv(s);
    let i = h.iter().position(|c| c == column).unwrap();
    let mut v: Vec<String> = rows.into_iter().map(|r| r[i].clone()).collect();
    v.sort();
    v
}

#[test]
fn flat_views_and_exports_agree_on_content_derived_ids() {
    let one = tmp("one");
    let two = tmp("two");
    let file = one.join("a.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    let f = file.to_str().unwrap();

    let acled = rasad(&["extract", "--format", "tsv-acled", f]);
    let (h, rows) = tsv(&acled);
    assert_eq!(h[0], "event_id_cnty");
    assert!(h.iter().any(|c| c == "notes") && h.iter().any(|c| c == "fatalities"));
    assert!(!rows.is_empty(), "the article has events");
    let gdelt = rasad(&["extract", "--format", "tsv-gdelt", f]);
    let (h, _) = tsv(&gdelt);
    assert_eq!(h[0], "GLOBALEVENTID");
    // JSON stays the default
    let json: serde_json::Value = serde_json::from_str(&rasad(&["extract", f])).unwrap();
    let n = json["events"].as_array().unwrap().len();
    assert_eq!(rows.len(), n);

    let db1 = store(&one);
    let db2 = store(&two);
    let ex_acled = rasad(&["export", "--format", "acled-tsv", "--db", &db1]);
    let ex_gdelt = rasad(&["export", "--format", "gdelt-tsv", "--db", &db1]);
    let want = ids(&acled, "event_id");
    assert_eq!(want.len(), n);
    assert!(want.iter().all(|i| i.starts_with("ev-") && i.len() == 19));
    assert_eq!(ids(&ex_acled, "event_id"), want);
    assert_eq!(ids(&gdelt, "GLOBALEVENTID"), want);
    assert_eq!(ids(&ex_gdelt, "GLOBALEVENTID"), want);
    // the same rows, column for column, from the article and from the store
    assert_eq!(tsv(&acled).1.len(), tsv(&ex_acled).1.len());
    // the JSON Lines export of another store (another directory) has the same ids
    let jsonl = rasad(&["export", "--format", "jsonl", "--db", &db2]);
    let mut other: Vec<String> = jsonl
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    other.sort();
    assert_eq!(other, want);
    assert_eq!(
        rasad(&["export", "--format", "acled-tsv", "--db", &db2]),
        ex_acled
    );

    let pq = one.join("events.parquet");
    rasad(&[
        "export",
        "--format",
        "parquet",
        "--out",
        pq.to_str().unwrap(),
        "--db",
        &db1,
    ]);
    let bytes = std::fs::read(&pq).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));

    let gexf = rasad(&["export", "--format", "gexf", "--db", &db1]);
    assert!(gexf.contains(r#"<gexf xmlns="http://gexf.net/1.3""#));
    assert!(gexf.trim_end().ends_with("</gexf>"));
    let _ = std::fs::remove_dir_all(&one);
    let _ = std::fs::remove_dir_all(&two);
}

#[test]
fn an_empty_store_exports_a_header() {
    let d = tmp("empty");
    let db = d.join("e.db");
    drop(rasad_store::Store::open(&db).unwrap());
    let out = rasad(&[
        "export",
        "--format",
        "acled-tsv",
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(out.lines().count(), 1);
    assert!(out.starts_with("event_id_cnty\tevent_id\t"));
    let _ = std::fs::remove_dir_all(&d);
}
