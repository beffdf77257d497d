//! `rasad ingest --shard-out DIR`: one output part per input file, finished parts skipped.

use std::process::Command;

fn rasad(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rasad"))
        .args(args)
        .output()
        .expect("run rasad")
}

#[test]
fn each_input_file_becomes_a_part_and_finished_parts_are_skipped() {
    let dir = std::env::temp_dir().join(format!("rasad-shards-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let input = dir.join("in");
    let out = dir.join("out");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("day1.jsonl"),
        "{\"id\": \"a\", \"text\": \"هجوم في عدن\\n\\nهاجم مسلحون مجهولون نقطة أمنية في مدينة عدن أمس.\"}\n",
    )
    .unwrap();
    std::fs::write(
        input.join("day2.jsonl"),
        "{\"id\": \"b\", \"text\": \"إفراج عن أسرى\\n\\nأفرجت السلطات في صنعاء عن عشرين محتجزا.\"}\n",
    )
    .unwrap();
    let run = || {
        rasad(&[
            "ingest",
            input.to_str().unwrap(),
            "--shard-out",
            out.to_str().unwrap(),
            "--quiet",
        ])
    };
    let first = run();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    for part in [
        "day1.jsonl.parquet",
        "day1.jsonl.jsonl",
        "day2.jsonl.parquet",
        "day2.jsonl.jsonl",
    ] {
        let p = out.join(part);
        assert!(p.exists(), "{part} missing");
    }
    let magic = std::fs::read(out.join("day1.jsonl.parquet")).unwrap();
    assert_eq!(&magic[..4], b"PAR1");
    // nothing half-written is left behind
    assert!(std::fs::read_dir(&out).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with('.')));
    let second = run();
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("2 already done"),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
