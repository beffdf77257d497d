//! The HTML reader: one web page → [`HtmlArticle`] (an [`Article`] plus what the page says of
//! its author, site, language and direction).
//!
//! Main content is chosen by two maintained extractors that vote (measured on the Scrapinghub
//! article-extraction benchmark with `rasad eval extraction`):
//! - `dom_smoothie` (a readability port) gives the content block as paragraphs;
//! - `trafilatura` (with its readability fallback) gives a second opinion: a dom_smoothie
//!   paragraph is kept only if trafilatura also extracted its words, in order. When trafilatura
//!   finds nothing, every paragraph is kept. (F1 0.951 for dom_smoothie alone, 0.960 for
//!   trafilatura alone; the vote is what `rasad eval extraction` prints.)
//!
//! Then the Arabic part: bidi and zero-width marks that RTL pages scatter through text are
//! dropped, paragraphs that are furniture lines of the lexicon («مقالات ذات صلة», «اقرأ أيضا: …»,
//! «إضافة تعليق جديد») or share bars (every word a furniture word: «فيسبوك تويتر واتساب») are
//! removed wherever they stand, and the plain-text reader trims the furniture at the ends.
//! Metadata comes from [`meta`]: JSON-LD, OpenGraph, `<meta>`, `<time>`, the URL, Arabic date text.

pub mod date;
pub mod meta;

use crate::boilerplate::Lexicon;
use crate::{plain::read_plain, Article, IngestError, Origin};
use dom_query::Document;
pub use meta::Meta;

/// An article read from a web page, with the page's own metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// The article; `origin.published`, `origin.outlet` and `origin.url` are filled from the page
    /// when the caller left them empty.
    pub article: Article,
    /// What the page says about itself.
    pub meta: Meta,
}

/// Decode page bytes: UTF-8 (a BOM is dropped), else the `charset` the page declares
/// (windows-1256, ISO-8859-6, …), else lossy UTF-8.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    if let Some(i) = head.find("charset=") {
        let label: String = head[i + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .collect();
        if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            return enc.decode(bytes).0.into_owned();
        }
    }
    String::from_utf8_lossy(bytes).into_owned()
}

/// Bidi controls and zero-width marks (not ZWNJ, which Persian spelling needs).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{00AD}')
}

fn clean_line(line: &str) -> String {
    line.chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| if c == '\u{00A0}' { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `\w+` words of `s` joined by single spaces, with a space at each end (so that containment
/// is checked at word boundaries).
fn word_string(s: &str) -> String {
    let mut out = String::from(" ");
    for w in s.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        if !w.is_empty() {
            out.push_str(w);
            out.push(' ');
        }
    }
    out
}

/// A share bar or similar: two or more words, each a furniture line on its own.
fn is_furniture_run(line: &str, lexicon: &Lexicon) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 2 && words.len() <= 8 && words.iter().all(|w| lexicon.matches(w))
}

/// The main content of a page as paragraphs (dom_smoothie), before any furniture removal.
fn dom_smoothie_paragraphs(html: &str, url: Option<&str>) -> (Vec<String>, Option<String>) {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let Ok(mut r) = dom_smoothie::Readability::new(html, url, Some(cfg)) else {
        return (Vec::new(), None);
    };
    match r.parse() {
        Ok(a) => (
            a.text_content
                .lines()
                .map(clean_line)
                .filter(|l| !l.is_empty())
                .collect(),
            clean(&a.title),
        ),
        Err(_) => (Vec::new(), None),
    }
}

fn clean(s: &str) -> Option<String> {
    let s = clean_line(s);
    (!s.is_empty()).then_some(s)
}

/// trafilatura's text of the page (with its readability fallback), as a word string.
fn trafilatura_words(html: &str) -> Option<String> {
    let opts = trafilatura::Options::default().with_fallback(true);
    let r = trafilatura::extract(html, &opts).ok()?;
    let w = word_string(&r.content_text);
    (w.len() > 1).then_some(w)
}

/// Read a web page. `origin` fields the caller knows (URL from a WARC header, say) win over
/// the page's own.
pub fn read_html(html: &str, mut origin: Origin) -> Result<HtmlArticle, IngestError> {
    let lexicon = Lexicon::global();
    let doc = Document::from(html);
    let meta = meta::read_meta(&doc, origin.url.as_deref());
    drop(doc);
    let url = origin.url.clone().or_else(|| meta.url.clone());
    let (mut paras, ds_title) = dom_smoothie_paragraphs(html, url.as_deref());
    let votes = trafilatura_words(html);
    if paras.is_empty() {
        // dom_smoothie found no content block: fall back on trafilatura's text
        let opts = trafilatura::Options::default().with_fallback(true);
        if let Ok(r) = trafilatura::extract(html, &opts) {
            paras = r
                .content_text
                .lines()
                .map(clean_line)
                .filter(|l| !l.is_empty())
                .collect();
        }
    } else if let Some(v) = &votes {
        paras.retain(|p| {
            let w = word_string(p);
            w.len() <= 1 || v.contains(&w)
        });
    }
    let title = ds_title.or_else(|| meta.title.clone());
    // the title repeated as the first paragraph
    if let (Some(t), Some(first)) = (&title, paras.first()) {
        if word_string(t) == word_string(first) {
            paras.remove(0);
        }
    }
    let mut removed = Vec::new();
    // a date line or byline above the text («نشر في: السبت 3 آب 2013»)
    while let Some(first) = paras.first() {
        if first.split_whitespace().count() <= 10 && date::text_date(first).is_some() {
            removed.push(paras.remove(0));
        } else {
            break;
        }
    }
    paras.retain(|p| {
        let furniture = lexicon.matches(p) || is_furniture_run(p, lexicon);
        if furniture {
            removed.push(p.clone());
        }
        !furniture
    });
    if origin.url.is_none() {
        origin.url = meta.url.clone();
    }
    if origin.published.is_none() {
        origin.published = meta.published.clone();
    }
    if origin.author.is_none() {
        origin.author = meta.author.clone();
    }
    if origin.outlet.is_none() {
        origin.outlet = meta.site_name.clone();
    }
    let body = paras.join("\n\n");
    let mut article = read_plain(&body, title.as_deref(), origin)?;
    if article.paragraphs.is_empty() {
        return Err(IngestError::Empty);
    }
    removed.append(&mut article.removed);
    article.removed = removed;
    Ok(HtmlArticle { article, meta })
}

/// Read a web page from bytes (see [`decode`]).
pub fn read_html_bytes(bytes: &[u8], origin: Origin) -> Result<HtmlArticle, IngestError> {
    read_html(&decode(bytes), origin)
}

/// The body of an article: its text after the title line.
pub fn body_text(a: &Article) -> &str {
    match a.title {
        Some(_) => a.text.split_once("\n\n").map_or("", |(_, b)| b),
        None => &a.text,
    }
}

/// Read a file whole, gunzipping it when its name ends in `.gz` (benchmark pages, `.warc.gz`).
pub fn read_file_maybe_gz(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let bytes = std::fs::read(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::with_capacity(bytes.len() * 4);
        flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out)?;
        Ok(out)
    } else {
        Ok(bytes)
    }
}
