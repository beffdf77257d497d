//! The WARC reader (`.warc`, `.warc.gz`; the Common Crawl News layout: `response` records whose
//! block is an HTTP response holding an HTML page).
//!
//! Written here rather than taken from a crate: the reader must go on past a corrupt record and
//! say where it was, which needs control of both layers. A `.warc.gz` file is a series of gzip
//! members, one record each; a member that does not inflate is reported at its byte offset in
//! the file and the reader resumes at the next gzip header. In a record, a bad version line,
//! a missing or bad `Content-Length`, or a block running past the end of the data is reported
//! (file, offset, reason) and the reader resumes at the next `WARC/` line.

use crate::html::{read_html_bytes, HtmlArticle};
use crate::Origin;
use std::io::Read;
use std::path::Path;

/// One WARC record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Byte offset of the record (of its gzip member in a `.warc.gz`) in the file.
    pub offset: u64,
    /// Header fields in order, names as written.
    pub headers: Vec<(String, String)>,
    /// The record block (`Content-Length` bytes).
    pub block: Vec<u8>,
}

impl Record {
    /// The value of a header field (name compared without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A record that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRecord {
    /// The file (as given).
    pub file: String,
    /// Byte offset of the bad record (or gzip member) in the file.
    pub offset: u64,
    /// What is wrong.
    pub reason: String,
}

impl std::fmt::Display for BadRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: offset {}: {}", self.file, self.offset, self.reason)
    }
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The next `WARC/` at a line start at or after `from`.
fn resync(data: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(p) = find(data, b"WARC/", i) {
        if p == 0 || data[p - 1] == b'\n' {
            return p;
        }
        i = p + 1;
    }
    data.len()
}

/// Parse the uncompressed records of `data`; `base` is added to offsets, `fixed_offset` (for a
/// gzip member) replaces them.
fn parse_records(
    data: &[u8],
    file: &str,
    fixed_offset: Option<u64>,
    records: &mut Vec<Record>,
    errors: &mut Vec<BadRecord>,
) {
    let mut pos = 0usize;
    let at = |p: usize| fixed_offset.unwrap_or(p as u64);
    while pos < data.len() {
        // skip blank lines between records
        if data[pos] == b'\r' || data[pos] == b'\n' {
            pos += 1;
            continue;
        }
        let start = pos;
        let bad = |reason: String, errors: &mut Vec<BadRecord>| {
            errors.push(BadRecord {
                file: file.to_string(),
                offset: at(start),
                reason,
            })
        };
        if !data[pos..].starts_with(b"WARC/") {
            bad("not a WARC record (no WARC/ version line)".into(), errors);
            pos = resync(data, pos + 1);
            continue;
        }
        let Some(head_end) = find(data, b"\r\n\r\n", pos) else {
            bad("truncated: header block never ends".into(), errors);
            return;
        };
        let head = String::from_utf8_lossy(&data[pos..head_end]);
        let mut lines = head.split("\r\n");
        let _version = lines.next();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        let len = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
            .map(|(_, v)| v.parse::<usize>());
        let len = match len {
            Some(Ok(n)) => n,
            Some(Err(_)) => {
                bad("bad Content-Length".into(), errors);
                pos = resync(data, head_end);
                continue;
            }
            None => {
                bad("no Content-Length".into(), errors);
                pos = resync(data, head_end);
                continue;
            }
        };
        let body = head_end + 4;
        if body + len > data.len() {
            bad(
                format!(
                    "truncated: Content-Length {len} but {} bytes left",
                    data.len() - body
                ),
                errors,
            );
            pos = resync(data, body);
            continue;
        }
        records.push(Record {
            offset: at(start),
            headers,
            block: data[body..body + len].to_vec(),
        });
        pos = body + len;
    }
}

/// Read every record of WARC data (plain or gzip), with the bad ones reported.
pub fn read_records(data: &[u8], file: &str) -> (Vec<Record>, Vec<BadRecord>) {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    if !data.starts_with(&[0x1f, 0x8b]) {
        parse_records(data, file, None, &mut records, &mut errors);
        return (records, errors);
    }
    let mut pos = 0usize;
    while pos < data.len() {
        let mut dec = flate2::bufread::GzDecoder::new(&data[pos..]);
        let mut out = Vec::new();
        match dec.read_to_end(&mut out) {
            Ok(_) => {
                let consumed = data.len() - pos - dec.into_inner().len();
                parse_records(&out, file, Some(pos as u64), &mut records, &mut errors);
                pos += consumed.max(1);
            }
            Err(e) => {
                errors.push(BadRecord {
                    file: file.to_string(),
                    offset: pos as u64,
                    reason: format!("gzip member does not inflate: {e}"),
                });
                // the next gzip header (deflate, as WARC writers use)
                pos = find(data, &[0x1f, 0x8b, 0x08], pos + 1).unwrap_or(data.len());
            }
        }
    }
    (records, errors)
}

/// The HTML page of a `response` record: (target URI, WARC date, HTML bytes); `None` for other
/// records (requests, metadata, non-HTML responses).
pub fn html_of(record: &Record) -> Option<(Option<String>, Option<String>, &[u8])> {
    if !record
        .header("WARC-Type")
        .is_some_and(|t| t.eq_ignore_ascii_case("response"))
    {
        return None;
    }
    let b = &record.block;
    let is_http = record
        .header("Content-Type")
        .is_some_and(|t| t.starts_with("application/http"))
        || b.starts_with(b"HTTP/");
    let payload = if is_http {
        let end = find(b, b"\r\n\r\n", 0)?;
        let head = String::from_utf8_lossy(&b[..end]).to_ascii_lowercase();
        let ctype = head
            .lines()
            .find_map(|l| l.strip_prefix("content-type:"))
            .unwrap_or("text/html");
        if !ctype.contains("html") {
            return None;
        }
        &b[end + 4..]
    } else {
        &b[..]
    };
    let url = record.header("WARC-Target-URI").map(str::to_string);
    let date = record.header("WARC-Date").map(str::to_string);
    Some((url, date, payload))
}

/// What a WARC file gave.
#[derive(Debug, Default)]
pub struct WarcArticles {
    /// Articles read from HTML response records, in file order.
    pub articles: Vec<HtmlArticle>,
    /// Records that could not be read, and HTML pages with no article text.
    pub errors: Vec<BadRecord>,
}

/// Read the articles of WARC data (`file` names it in errors).
pub fn read_warc_bytes(data: &[u8], file: &str) -> WarcArticles {
    let (records, errors) = read_records(data, file);
    let mut out = WarcArticles {
        errors,
        ..Default::default()
    };
    for r in &records {
        let Some((url, _date, html)) = html_of(r) else {
            continue;
        };
        let origin = Origin {
            path: Some(format!("{file}@{}", r.offset)),
            url,
            ..Default::default()
        };
        match read_html_bytes(html, origin) {
            Ok(a) => out.articles.push(a),
            Err(e) => out.errors.push(BadRecord {
                file: file.to_string(),
                offset: r.offset,
                reason: e.to_string(),
            }),
        }
    }
    out
}

/// Read the articles of a `.warc` or `.warc.gz` file.
pub fn read_warc_file(path: &Path) -> std::io::Result<WarcArticles> {
    let data = std::fs::read(path)?;
    Ok(read_warc_bytes(&data, &path.display().to_string()))
}
