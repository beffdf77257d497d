//! `rasad ingest` reads HTML pages, WARC archives and RSS feeds as well as text and JSON: each
//! readable article is stored, each bad record reported, and the rest of the batch goes on.

use std::process::Command;

fn rasad(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rasad"))
        .args(args)
        .output()
        .expect("run rasad")
}

const PAGE: &str = r#"<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>هجوم على نقطة أمنية في عدن</title>
<meta name="author" content="مراسل المثال"></head><body><article><h1>هجوم على نقطة أمنية في عدن</h1>
<p>هاجم مسلحون مجهولون فجر اليوم نقطة أمنية في مدينة عدن جنوب اليمن، ما أدى إلى مقتل جنديين وإصابة ثلاثة آخرين بجروح متفاوتة، وفق ما أفاد به مصدر أمني.</p>
<p>وقال المصدر إن قوات الأمن طوقت المنطقة وبدأت عمليات بحث واسعة عن المهاجمين الذين فروا باتجاه الأحياء الشمالية من المدينة.</p>
</article></body></html>"#;

fn warc_record(url: &str, html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2024-03-15T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        url.len(),
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(http.as_bytes());
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[test]
fn html_warc_and_feed_inputs_are_ingested() {
    let dir = std::env::temp_dir().join(format!("rasad-readers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("page.html"), PAGE).unwrap();
    let mut warc = warc_record("https://example.org/a", &PAGE.replace("عدن", "لحج"));
    warc.extend_from_slice(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ntruncated",
    );
    std::fs::write(input.join("crawl.warc"), warc).unwrap();
    std::fs::write(
        input.join("news.rss"),
        r#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>
<item><title>الإفراج عن أسرى في صنعاء</title><link>https://example.org/b</link><pubDate>Fri, 15 Mar 2024 10:00:00 GMT</pubDate>
<description>أفرجت السلطات في صنعاء عن عشرين محتجزا في إطار صفقة تبادل برعاية الأمم المتحدة، بحسب ما أعلنت اللجنة الدولية للصليب الأحمر في بيان.</description></item>
</channel></rss>"#,
    )
    .unwrap();
    let db = dir.join("r.db");
    let out = rasad(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--quiet",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("3 stored"), "{err}");
    assert!(
        err.contains("crawl.warc@"),
        "the truncated record is reported with its offset: {err}"
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "a bad record makes the exit code 3: {err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
