//! `rasad tag --conll` and `rasad train ner` end to end, on tiny inputs written for the test.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn rasad_stdin(args: &[&str], input: &[u8]) -> Output {
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

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn tag_conll_keeps_sentences_and_finds_names() {
    let input = "قال\nجورج\nبوش\nفي\nواشنطن\n\n\nوصل\nالوفد\nإلى\nبغداد\n";
    let out = stdout(&rasad_stdin(&["tag", "--conll", "-"], input.as_bytes()));
    let sents: Vec<&str> = out.trim_end().split("\n\n").collect();
    assert_eq!(sents.len(), 2, "{out}");
    let first: Vec<&str> = sents[0].lines().collect();
    assert_eq!(
        first,
        [
            "قال\tO",
            "جورج\tB-PERS",
            "بوش\tI-PERS",
            "في\tO",
            "واشنطن\tB-LOC"
        ]
    );
    assert_eq!(sents[1].lines().last(), Some("بغداد\tB-LOC"));
    // An already tagged file is read by its first column.
    let again = stdout(&rasad_stdin(
        &["tag", "--conll", "-"],
        b"\xd9\x82\xd8\xa7\xd9\x84 O\n",
    ));
    assert_eq!(again, "قال\tO\n");
}

#[test]
fn tag_conll_reports_a_missing_file() {
    let o = rasad_stdin(&["tag", "--conll", "/nonexistent/file.conll"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/file.conll"));
}

#[test]
fn train_ner_cross_validates_writes_a_model_and_tags_with_it() {
    let dir = std::env::temp_dir().join(format!("rasad-ner-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = dir.join("toy.txt");
    let names = dir.join("places.txt");
    let model = dir.join("toy.model");
    let words = dir.join("name-words.tsv");
    std::fs::write(&words, "# a comment\nسالم\tgiven\nالمكلا\tplace\n").unwrap();
    let mut toy = String::new();
    for (p, l) in [
        ("سالم", "عدن"),
        ("خالد", "مأرب"),
        ("سعيد", "تعز"),
        ("علي", "إب"),
    ] {
        toy += &format!("قال O\n{p} B-PERS\nفي O\n{l} B-LOC\n.\tO\n\n");
    }
    std::fs::write(&corpus, toy).unwrap();
    std::fs::write(&names, "عدن\nالمكلا\n").unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec![
            "train",
            "ner",
            "--input",
            corpus.to_str().unwrap(),
            "--out",
            model.to_str().unwrap(),
            "--epochs",
            "3",
            "--gazetteer",
        ];
        let g = format!("LOC={}", names.display());
        args.push(&g);
        args.extend_from_slice(&["--name-words", words.to_str().unwrap()]);
        args.extend_from_slice(extra);
        let o = Command::new(env!("CARGO_BIN_EXE_rasad"))
            .args(&args)
            .output()
            .unwrap();
        stdout(&o)
    };
    let cv = run(&["--folds", "2"]);
    assert!(cv.contains("2-fold cross-validation"), "{cv}");
    assert!(cv.contains("micro"), "{cv}");
    let first = std::fs::read(&model).unwrap();
    run(&["--folds", "0"]);
    assert_eq!(
        std::fs::read(&model).unwrap(),
        first,
        "same seed, same model"
    );
    let out = stdout(&rasad_stdin(
        &["tag", "--conll", "-", "--model", model.to_str().unwrap()],
        "قال\nسالم\nفي\nعدن\n".as_bytes(),
    ));
    assert_eq!(out, "قال\tO\nسالم\tB-PERS\nفي\tO\nعدن\tB-LOC\n");
    let bad = std::fs::write(dir.join("bad.txt"), "قال X-FOO\n");
    bad.unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_rasad"))
        .args(["train", "ner", "--no-gazetteer", "--cv-only", "--input"])
        .arg(dir.join("bad.txt"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 1"));
    std::fs::write(&words, "سالم\tgiven\nعدن\tcity\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_rasad"))
        .args(["train", "ner", "--no-gazetteer", "--cv-only", "--input"])
        .arg(&corpus)
        .arg("--name-words")
        .arg(&words)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("name-words.tsv:2") && err.contains("\"city\""),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
