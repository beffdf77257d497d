//! The WARC reader on files built here: valid records, a truncated one and garbage.

use rasad_ingest::warc::{read_records, read_warc_bytes};
use std::io::Write;

fn page(n: usize) -> String {
    format!(
        "<html lang=\"ar\"><head><title>الخبر رقم {n}</title></head><body><article><h1>الخبر رقم {n}</h1>\
<p>قالت مصادر محلية إن اجتماعا موسعا عقد اليوم في المدينة لبحث الأوضاع الأمنية والخدمية، بحضور ممثلين عن المجلس المحلي والهيئات الأهلية رقم {n}.</p>\
<p>وأضافت المصادر أن المجتمعين اتفقوا على تشكيل لجنة مشتركة تتابع تنفيذ القرارات خلال الأسابيع المقبلة، وترفع تقاريرها بصورة دورية إلى الجهات المعنية.</p>\
</article></body></html>"
    )
}

fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let ctype = if kind == "response" {
        "application/http; msgtype=response"
    } else {
        "application/warc-fields"
    };
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn response(n: usize) -> Vec<u8> {
    let html = page(n);
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    record(
        "response",
        &format!("https://news.example/2024/01/0{n}/a"),
        http.as_bytes(),
    )
}

fn gz(b: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

#[test]
fn plain_warc_reads_valid_records_and_reports_bad_ones() {
    let mut data = Vec::new();
    data.extend(record("warcinfo", "", b"software: test\r\n"));
    data.extend(response(1));
    let garbage_at = data.len();
    data.extend(b"this is not a record at all\r\n\r\n");
    data.extend(response(2));
    let bad_len_at = data.len();
    data.extend(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nxx\r\n\r\n");
    data.extend(response(3));
    let truncated_at = data.len();
    let t = response(4);
    data.extend(&t[..t.len() - 200]);

    let out = read_warc_bytes(&data, "t.warc");
    let urls: Vec<_> = out
        .articles
        .iter()
        .map(|a| a.article.origin.url.clone().unwrap())
        .collect();
    assert_eq!(
        urls,
        [
            "https://news.example/2024/01/01/a",
            "https://news.example/2024/01/02/a",
            "https://news.example/2024/01/03/a"
        ]
    );
    assert!(out.articles[0].article.text.contains("رقم 1."));
    assert_eq!(
        out.articles[1].article.origin.published.as_deref(),
        Some("2024-01-02")
    );
    let offsets: Vec<u64> = out.errors.iter().map(|e| e.offset).collect();
    assert_eq!(
        offsets,
        [garbage_at as u64, bad_len_at as u64, truncated_at as u64],
        "{:?}",
        out.errors
    );
    assert!(out.errors[2].reason.starts_with("truncated"));
    assert!(out.errors.iter().all(|e| e.file == "t.warc"));
}

#[test]
fn gzip_warc_skips_a_corrupt_member_and_goes_on() {
    let mut data = Vec::new();
    data.extend(gz(&response(1)));
    let corrupt_at = data.len();
    let mut bad = gz(&response(2));
    let mid = bad.len() / 2;
    for b in &mut bad[20..mid] {
        *b ^= 0x5a;
    }
    data.extend(bad);
    data.extend(gz(&response(3)));
    let garbage_at = data.len();
    data.extend(gz(b"garbage that is gzip but not WARC\r\n"));
    data.extend(gz(&response(4)));

    let (records, errors) = read_records(&data, "t.warc.gz");
    assert_eq!(records.len(), 3, "{errors:?}");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0].offset, corrupt_at as u64);
    assert_eq!(errors[1].offset, garbage_at as u64);
    let out = read_warc_bytes(&data, "t.warc.gz");
    assert_eq!(out.articles.len(), 3);
}
