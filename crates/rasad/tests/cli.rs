//! The `rasad` binary end to end: the seed article's structure, the example, errors and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn rasad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rasad"))
        .args(args)
        .output()
        .expect("run rasad")
}

fn rasad_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_rasad"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rasad");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn sentences(doc: &serde_json::Value) -> Vec<String> {
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize]
                .iter()
                .collect()
        })
        .collect()
}

#[test]
fn seed_article_structure_is_pinned() {
    let seed = repo().join("../shared/seed/alain-aqap-houthi.txt");
    if !seed.exists() {
        eprintln!(
            "skipped: {} is not here (it lives in ../shared)",
            seed.display()
        );
        return;
    }
    let out = rasad(&["extract", seed.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json(&out);
    let s = sentences(&doc);
    // the title, 8 body sentences, the heading, 6 more body sentences
    assert_eq!(s.len(), 16, "{s:#?}");
    assert_eq!(s[0], "القاعدة والحوثي .. تعاون وثيق وإرهاب عابر للحدود");
    assert_eq!(s[9], "ورقة حوثية");
    let body: Vec<&String> = s
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 0 && *i != 9)
        .map(|(_, x)| x)
        .collect();
    assert_eq!(body.len(), 14);
    assert!(
        body.iter().all(|x| x.ends_with('.')),
        "every body sentence ends with its full stop"
    );
    // no split inside “…”: the sentences that hold quotes hold whole pairs
    assert!(s[2].ends_with("المعروفة بـ”قلب اليمن”."));
    assert!(s[3].ends_with("في “البيضاء”."));
    assert!(s[10].starts_with("وكشف مسؤول أمني يمني لـ”العين الإخبارية”، أن"));
    let text = doc["text"].as_str().unwrap();
    assert!(!text.contains("مقالات ذات صلة") && !text.contains("زر الذهاب إلى الأعلى"));
    assert_eq!(doc["headings"].as_array().unwrap().len(), 1);
}

#[test]
fn example_article_extracts() {
    let ex = repo().join("examples/yemen-prisoner-swap.txt");
    let out = rasad(&["extract", "--pretty", ex.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json(&out);
    assert_eq!(doc["schema"], "rasad.document/1");
    let text = doc["text"].as_str().unwrap();
    assert!(!text.contains("زر الذهاب إلى الأعلى"));
    assert!(sentences(&doc).len() > 10);
}

#[test]
fn stdin_is_read_with_dash() {
    let out = rasad_stdin(
        &["extract", "-"],
        "عنوان\n\nجملة أولى. جملة ثانية.".as_bytes(),
    );
    assert!(out.status.success());
    assert_eq!(
        sentences(&json(&out)),
        vec!["عنوان", "جملة أولى.", "جملة ثانية."]
    );
}

#[test]
fn missing_file_is_a_clear_error() {
    let out = rasad(&["extract", "no/such/article.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no/such/article.txt") && err.contains("cannot read"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1);
}

#[test]
fn directory_is_a_clear_error() {
    let out = rasad(&["extract", repo().join("examples").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a directory"));
}

#[test]
fn non_utf8_names_the_byte_offset() {
    let out = rasad_stdin(&["extract", "-"], b"\xd8\xa7\xd9\x84 \xff\xfe");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not valid UTF-8 at byte offset 5"), "{err}");
}

#[test]
fn empty_input_is_a_clear_error() {
    let out = rasad_stdin(&["extract", "-"], b"  \n\n\t");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));
}

#[test]
fn jsonl_batch_keeps_order_and_reports_bad_lines() {
    let good = std::fs::read_to_string(repo().join("examples/batch.jsonl")).unwrap();
    let n_good = good.lines().filter(|l| !l.trim().is_empty()).count();
    let mut input = good.clone();
    if !input.ends_with('\n') {
        input.push('\n');
    }
    input.push_str("{\"id\": \"broken\", \"text\": \n");
    input.push_str("{\"id\": \"last\", \"text\": \"عنوان أخير\\n\\nنص أخير.\"}\n");
    let out = rasad_stdin(&["extract", "--jsonl", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(3), "some line failed");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), n_good + 2);
    assert_eq!(lines[n_good]["line"], n_good + 1);
    assert!(lines[n_good]["error"]
        .as_str()
        .unwrap()
        .starts_with("not JSON"));
    assert_eq!(lines[n_good + 1]["schema"], "rasad.document/1");
    assert!(lines[..n_good]
        .iter()
        .all(|d| d["schema"] == "rasad.document/1"));
}

#[test]
fn jsonl_all_good_exits_zero() {
    let out = rasad(&[
        "extract",
        "--jsonl",
        repo().join("examples/batch.jsonl").to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn schema_command_prints_the_checked_in_schema() {
    let out = rasad(&["schema"]);
    let checked_in = std::fs::read_to_string(repo().join("docs/document.schema.json")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), checked_in);
}

#[test]
fn actors_search_in_arabic_and_english() {
    let out = rasad(&["actors", "أنصار الله", "--limit", "1"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("houthis\t"));
    let out = rasad(&["actors", "houthis", "--json", "--limit", "1"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "houthis");
    assert_eq!(v["country"], "YEM");
}

#[test]
fn places_search_in_arabic_and_english() {
    let out = rasad(&["places", "sana'a", "--limit", "1"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("yemen/sanaa\t"));
    let out = rasad(&["places", "لحج", "--json", "--limit", "1"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["country"], "YE");
    assert!(v["lat"].as_f64().is_some());
}
