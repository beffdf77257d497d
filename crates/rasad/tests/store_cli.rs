//! `rasad ingest` and the store commands end to end: every input kind, bad records reported
//! without stopping the batch, idempotent re-runs, and a run killed with SIGKILL then resumed
//! with nothing lost or doubled.

use rasad_store::Store;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const OUTLETS: [&str; 3] = ["sabq", "okaz", "alriyadh"];

fn rasad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rasad"))
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rasad-store-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(args: &[&str], db: &Path) -> Output {
    rasad()
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .expect("rasad runs")
}

fn counts(db: &Path) -> Vec<(&'static str, i64)> {
    Store::open(db).unwrap().counts().unwrap()
}

fn count(db: &Path, table: &str) -> i64 {
    counts(db).into_iter().find(|(t, _)| *t == table).unwrap().1
}

/// A SaudiNewsNet-style array of articles.
fn snn(items: &[(&str, &str, &str)]) -> String {
    let v: Vec<serde_json::Value> = items
        .iter()
        .map(|(source, title, content)| {
            serde_json::json!({
                "source": source, "url": format!("http://{source}.example/{}", title.len()),
                "date_extracted": "2015-07-21 02:51:32", "title": title, "author": "",
                "content": content,
            })
        })
        .collect();
    serde_json::to_string(&v).unwrap()
}

#[test]
fn ingests_every_input_kind_reports_bad_records_and_is_idempotent() {
    let dir = tmp("kinds");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::write(
        input.join("a.txt"),
        "تبادل للأسرى في عدن\n\nأفرجت جماعة الحوثي عن عشرين أسيرا من القوات الحكومية في مدينة عدن.\n",
    )
    .unwrap();
    std::fs::write(
        input.join("sub/b.jsonl"),
        concat!(
            r#"{"id": "b1", "text": "التقى وزير الخارجية نظيره العماني في مسقط لبحث الأوضاع.", "outlet": "wam"}"#,
            "\n",
            "{not json\n",
            r#"{"id": "b3", "text": ""}"#,
            "\n",
        ),
    )
    .unwrap();
    let content = "قال مسؤول إن الوفدين اتفقا على استئناف المفاوضات في الكويت الأسبوع المقبل.";
    std::fs::write(
        input.join("c.json"),
        snn(&[("okaz", "استئناف المفاوضات", content), ("sabq", "", "")]),
    )
    .unwrap();
    // a zip holding an array whose first article is an exact copy of c.json's, from another outlet
    let zip_path = input.join("d.zip");
    {
        let f = std::fs::File::create(&zip_path).unwrap();
        let mut z = zip::ZipWriter::new(f);
        z.start_file("2015-07-22.json", zip::write::SimpleFileOptions::default())
            .unwrap();
        let body = snn(&[
            ("alriyadh", "استئناف المفاوضات", content),
            (
                "alyaum",
                "أسعار النفط",
                "تراجعت أسعار النفط في تعاملات اليوم.",
            ),
        ]);
        std::io::Write::write_all(&mut z, body.as_bytes()).unwrap();
        z.finish().unwrap();
    }
    std::fs::write(input.join("ignored.csv"), "x").unwrap();
    std::fs::write(input.join("broken.json"), "[{").unwrap();

    let db = dir.join("t.db");
    let out = run(&["ingest", input.to_str().unwrap()], &db);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("b.jsonl: line 2: not JSON"), "{err}");
    assert!(err.contains("(id b3): empty `text`"), "{err}");
    assert!(err.contains("c.json#1: empty `content`"), "{err}");
    assert!(err.contains("broken.json: not JSON"), "{err}");
    assert!(err.contains("articles/s"), "{err}");
    assert!(err.contains("5 stored (1 exact copies"), "{err}");
    assert_eq!(count(&db, "documents"), 5);
    assert_eq!(count(&db, "stories"), 4);
    let before = counts(&db);

    // again: nothing changes
    let out = run(&["ingest", input.to_str().unwrap()], &db);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("0 stored") && err.contains("5 already stored"),
        "{err}"
    );
    assert_eq!(counts(&db), before);

    // search: without hamza, with a clitic
    let out = run(&["search", "والمفاوضات", "--json"], &db);
    assert!(out.status.success());
    let hits: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 1, "the exact copy is not indexed twice");
    assert_eq!(hits[0]["outlet"], "okaz");
    let out = run(&["search", "اسرى"], &db);
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 documents"));

    // the actor the linker found, and the empty graph and queries (events land later)
    let out = run(&["actor", "houthis", "--json"], &db);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["name_en"], "Houthis");
    for args in [
        &["graph", "--actor", "houthis", "--depth", "1"][..],
        &[
            "query", "events", "--actor", "houthis", "--type", "RETREAT", "--since", "2014",
        ],
        &["export", "--format", "graphml"],
        &["export", "--format", "jsonl"],
        &["export", "--format", "geojson"],
    ] {
        let out = run(args, &db);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = run(&["actor", "no-such-actor"], &db);
    assert_eq!(out.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_run_killed_with_sigkill_resumes_with_nothing_lost_or_doubled() {
    let dir = tmp("kill");
    let input = dir.join("many.jsonl");
    let n = 400;
    let mut lines = String::new();
    for i in 0..n {
        let v = serde_json::json!({
            "id": format!("a{i}"),
            "outlet": OUTLETS[i % 3],
            "text": format!(
                "خبر رقم {i}\n\nأفرجت جماعة الحوثي عن {i} أسيرا من القوات الحكومية في عدن يوم {} من الشهر.",
                i % 28 + 1
            ),
        });
        lines.push_str(&v.to_string());
        lines.push('\n');
    }
    std::fs::write(&input, lines).unwrap();

    // a clean run, for reference
    let clean = dir.join("clean.db");
    let out = run(&["ingest", input.to_str().unwrap(), "--batch", "8"], &clean);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(count(&clean, "documents"), n as i64);

    // a run killed once some batches are committed
    let db = dir.join("t.db");
    let mut child = rasad()
        .args(["ingest", input.to_str().unwrap(), "--batch", "8", "--db"])
        .arg(&db)
        .stderr(std::fs::File::create(dir.join("killed.err")).unwrap())
        .spawn()
        .unwrap();
    let t0 = Instant::now();
    let mut killed_at = None;
    let mut finished_early = None;
    while t0.elapsed() < Duration::from_secs(60) {
        if let Some(status) = child.try_wait().unwrap() {
            finished_early = Some(status);
            break;
        }
        let stored = if db.exists() {
            Store::open(&db)
                .and_then(|s| s.counts())
                .map(|c| c[0].1)
                .unwrap_or(0)
        } else {
            0
        };
        if stored > 0 {
            killed_at = Some(stored);
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill(); // SIGKILL on Unix
    child.wait().unwrap();
    if let Some(status) = finished_early {
        panic!(
            "finished before it could be killed ({status}); make the input larger\n{}",
            std::fs::read_to_string(dir.join("killed.err")).unwrap_or_default()
        );
    }
    let killed_at = killed_at.expect("some batches were committed within a minute");
    let after_kill = count(&db, "documents");
    assert!(
        after_kill >= killed_at && after_kill < n as i64,
        "{after_kill}"
    );
    assert_eq!(after_kill % 8, 0, "only whole batches are ever committed");

    let out = run(&["ingest", input.to_str().unwrap(), "--batch", "8"], &db);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!("{after_kill} already stored")),
        "{err}"
    );
    assert_eq!(counts(&db), counts(&clean), "nothing lost or doubled");
    let _ = std::fs::remove_dir_all(&dir);
}
