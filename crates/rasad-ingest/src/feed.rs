//! Feeds: RSS 2.0 `<item>`s and Atom `<entry>`s with their content (`content:encoded`,
//! `<content>`, else `<description>`/`<summary>`), and SaudiNewsNet-style JSON arrays of
//! `{source, url, date_extracted, title, author, content}`.
//!
//! Feed XML is scanned by hand (an HTML parser would take `<link>` for a void element); item
//! content is HTML or text and becomes paragraphs at block tags and line breaks. An item with no
//! text is reported by its number and the others go on.

use crate::plain::read_plain;
use crate::{Article, IngestError, Origin};

/// The inner text of the first `<name ...>…</name>` in `xml` (CDATA unwrapped, entities
/// decoded); for a self-closing `<link href="…"/>` its `href`.
fn tag(xml: &str, name: &str) -> Option<String> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(i) = xml[from..].find(&open).map(|i| i + from) {
        let after = &xml[i + open.len()..];
        if !after.starts_with(['>', ' ', '\t', '\n', '\r', '/']) {
            from = i + open.len();
            continue;
        }
        let gt = after.find('>')?;
        let attrs = &after[..gt];
        if attrs.ends_with('/') {
            return attr(attrs, "href");
        }
        let body = &after[gt + 1..];
        let close = format!("</{name}>");
        let end = body.find(&close)?;
        let inner = body[..end].trim();
        let inner = inner
            .strip_prefix("<![CDATA[")
            .and_then(|s| s.strip_suffix("]]>"))
            .map(str::to_string)
            .unwrap_or_else(|| unescape(inner));
        if inner.is_empty() && name == "link" {
            return attr(attrs, "href");
        }
        return Some(inner);
    }
    None
}

fn attr(attrs: &str, name: &str) -> Option<String> {
    let i = attrs.find(&format!("{name}="))?;
    let rest = &attrs[i + name.len() + 1..];
    let q = rest.chars().next()?;
    let rest = &rest[1..];
    Some(unescape(&rest[..rest.find(q)?]))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// HTML (or text) content as paragraphs: block tags and `<br>` break lines, other tags go.
fn html_to_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let Some(j) = rest[i..].find('>') else {
            rest = &rest[i..];
            break;
        };
        let t = rest[i + 1..i + j]
            .trim_start_matches('/')
            .to_ascii_lowercase();
        let n: String = t.chars().take_while(char::is_ascii_alphanumeric).collect();
        if matches!(
            n.as_str(),
            "p" | "br" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "blockquote" | "tr"
        ) {
            out.push_str("\n\n");
        }
        rest = &rest[i + j + 1..];
    }
    out.push_str(rest);
    unescape(&out)
}

/// Read the items of an RSS or Atom feed: one result per item, in order.
pub fn read_feed(xml: &str, path: Option<&str>) -> Vec<Result<Article, IngestError>> {
    let (open, close) = if xml.contains("<entry") {
        ("<entry", "</entry>")
    } else {
        ("<item", "</item>")
    };
    let mut out = Vec::new();
    let mut rest = xml;
    let mut n = 0;
    while let Some(i) = rest.find(open) {
        let after = &rest[i + open.len()..];
        if !after.starts_with(['>', ' ', '\n', '\r', '\t']) {
            rest = after;
            continue;
        }
        let Some(end) = after.find(close) else { break };
        let item = &after[..end];
        rest = &after[end + close.len()..];
        n += 1;
        let title = tag(item, "title").map(|t| html_to_text(&t));
        let content = ["content:encoded", "content", "description", "summary"]
            .iter()
            .find_map(|k| tag(item, k).filter(|c| !c.trim().is_empty()))
            .unwrap_or_default();
        let origin = Origin {
            id: tag(item, "guid").or_else(|| tag(item, "id")),
            path: path.map(|p| format!("{p}#item{n}")),
            url: tag(item, "link"),
            published: ["pubDate", "published", "updated", "dc:date"]
                .iter()
                .find_map(|k| tag(item, k)),
            ..Default::default()
        };
        out.push(
            read_plain(&html_to_text(&content), title.as_deref(), origin).and_then(|a| {
                if a.paragraphs.is_empty() {
                    Err(IngestError::Empty)
                } else {
                    Ok(a)
                }
            }),
        );
    }
    out
}

/// Read a SaudiNewsNet-style JSON array: one result per element, in order.
pub fn read_json_array(
    json: &str,
    path: Option<&str>,
) -> Result<Vec<Result<Article, IngestError>>, IngestError> {
    let v: serde_json::Value =
        serde_json::from_str(json).map_err(|e| IngestError::BadRecord(format!("not JSON: {e}")))?;
    let arr = v
        .as_array()
        .ok_or_else(|| IngestError::BadRecord("not a JSON array".into()))?;
    Ok(arr
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let s = |k: &str| r.get(k).and_then(|x| x.as_str()).map(str::to_string);
            let Some(content) = s("content") else {
                return Err(IngestError::BadRecord(format!(
                    "element {i}: missing `content`"
                )));
            };
            let origin = Origin {
                id: None,
                path: path.map(|p| format!("{p}[{i}]")),
                url: s("url"),
                outlet: s("source"),
                published: s("date_extracted"),
                author: s("author").filter(|a| !a.trim().is_empty()),
            };
            read_plain(&content, s("title").as_deref(), origin)
        })
        .collect())
}
