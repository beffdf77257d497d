//! Page metadata: JSON-LD (`NewsArticle` and kin, `@graph` too), OpenGraph and `<meta>` tags,
//! `itemprop`/RDFa attributes, `<time datetime>`, the URL path, and Arabic date text in elements
//! that look like bylines or date lines.

use super::date::{iso_date, text_date, url_date};
use dom_query::Document;
use serde_json::Value;

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// Headline (JSON-LD `headline`, `og:title`).
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Author name(s), joined with «، » when several.
    pub author: Option<String>,
    /// Site or outlet name.
    pub site_name: Option<String>,
    /// Canonical URL (`og:url`, `<link rel=canonical>`).
    pub url: Option<String>,
    /// Language of the page (`<html lang>`).
    pub lang: Option<String>,
    /// True when the page or its body is written right-to-left (`dir="rtl"`).
    pub rtl: bool,
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn meta_content(doc: &Document, keys: &[&str]) -> Option<String> {
    for key in keys {
        for attr in ["property", "name", "itemprop"] {
            let sel = format!("meta[{attr}=\"{key}\" i]");
            for m in doc.select(&sel).iter() {
                if let Some(c) = m.attr("content").and_then(|c| clean(&c)) {
                    return Some(c);
                }
            }
        }
    }
    None
}

fn is_article_type(v: &Value) -> bool {
    let names = match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => return false,
    };
    names
        .iter()
        .any(|t| t.ends_with("Article") || *t == "BlogPosting" || *t == "Report" || *t == "WebPage")
}

fn names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => clean(s).into_iter().collect(),
        Value::Array(a) => a.iter().flat_map(names).collect(),
        Value::Object(o) => o.get("name").map(names).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The article objects of the page's JSON-LD, best first (`*Article` before `WebPage`).
fn json_ld(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    for s in doc.select("script[type=\"application/ld+json\"]").iter() {
        let text = s.text();
        let Ok(v) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(a) => stack.extend(a),
                Value::Object(ref o) => {
                    if let Some(g) = o.get("@graph") {
                        stack.push(g.clone());
                    }
                    if is_article_type(&v) {
                        out.push(v);
                    }
                }
                _ => {}
            }
        }
    }
    out.sort_by_key(|v| {
        v.get("@type")
            .and_then(Value::as_str)
            .is_some_and(|t| t == "WebPage")
    });
    out
}

/// Class or id words of elements that carry a byline date.
const DATE_HINTS: [&str; 7] = ["date", "time", "stmp", "publish", "byline", "meta", "تاريخ"];

/// Read the metadata of a parsed page; `url` is the page's own URL when the caller knows it.
pub fn read_meta(doc: &Document, url: Option<&str>) -> Meta {
    let ld = json_ld(doc);
    let ld_str = |key: &str| {
        ld.iter()
            .find_map(|v| v.get(key).and_then(Value::as_str).and_then(clean))
    };
    let mut m = Meta {
        url: meta_content(doc, &["og:url"])
            .or_else(|| {
                doc.select("link[rel=\"canonical\"]")
                    .attr("href")
                    .and_then(|h| clean(&h))
            })
            .or_else(|| url.map(str::to_string)),
        ..Default::default()
    };
    m.title = ld_str("headline").or_else(|| meta_content(doc, &["og:title", "twitter:title"]));
    m.site_name = meta_content(doc, &["og:site_name", "application-name"]).or_else(|| {
        ld.iter().find_map(|v| {
            v.get("publisher")
                .map(names)
                .and_then(|n| n.into_iter().next())
        })
    });
    m.author = ld
        .iter()
        .map(|v| v.get("author").map(names).unwrap_or_default())
        .find(|n| !n.is_empty())
        .map(|n| n.join("، "))
        .or_else(|| {
            meta_content(doc, &["author", "article:author", "byl", "dc.creator"])
                .filter(|a| !a.starts_with("http"))
        });
    let html = doc.select("html");
    m.lang = html.attr("lang").and_then(|l| clean(&l));
    m.rtl = doc
        .select("html[dir=\"rtl\" i], body[dir=\"rtl\" i]")
        .length()
        > 0
        || m.lang.as_deref().is_some_and(|l| {
            let l = l.to_ascii_lowercase();
            ["ar", "fa", "ur", "he", "ps", "ckb"]
                .iter()
                .any(|p| l == *p || l.starts_with(&format!("{p}-")))
        });
    m.published = published(doc, &ld, url.or(m.url.as_deref()));
    m
}

fn published(doc: &Document, ld: &[Value], url: Option<&str>) -> Option<String> {
    // 1. JSON-LD
    if let Some(d) = ld.iter().find_map(|v| {
        ["datePublished", "dateCreated"]
            .iter()
            .find_map(|k| v.get(*k).and_then(Value::as_str).and_then(iso_date))
    }) {
        return Some(d);
    }
    // 2. meta tags
    const KEYS: [&str; 16] = [
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "datePublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "dc.date.issued",
        "dc.date",
        "dcterms.created",
        "dcterms.date",
        "sailthru.date",
        "parsely-pub-date",
        "citation_publication_date",
        "date",
    ];
    for key in KEYS {
        if let Some(d) = meta_content(doc, &[key]).and_then(|c| iso_date(&c)) {
            return Some(d);
        }
    }
    // 3. attributes in the body: itemprop / RDFa / <time>
    for sel in [
        "[itemprop=\"datePublished\"]",
        "[property=\"dc:date\"]",
        "[property=\"article:published_time\"]",
        "time[pubdate]",
        "time[datetime]",
    ] {
        for e in doc.select(sel).iter() {
            let v = e
                .attr("content")
                .or_else(|| e.attr("datetime"))
                .map(|t| t.to_string())
                .unwrap_or_else(|| e.text().to_string());
            if let Some(d) = iso_date(&v).or_else(|| text_date(&v)) {
                return Some(d);
            }
        }
    }
    // 4. the URL path
    if let Some(d) = url.and_then(url_date) {
        return Some(d);
    }
    // 5. Arabic (or other) date text in elements that look like date lines or bylines
    for e in doc.select("body *").iter() {
        let class = e
            .attr("class")
            .map(|c| c.to_lowercase())
            .unwrap_or_default();
        let id = e.attr("id").map(|c| c.to_lowercase()).unwrap_or_default();
        if !DATE_HINTS
            .iter()
            .any(|h| class.contains(h) || id.contains(h))
        {
            continue;
        }
        let text = e.text();
        if text.chars().count() > 200 {
            continue;
        }
        if let Some(d) = text_date(&text) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_graph_and_opengraph() {
        let html = r#"<html lang="ar" dir="rtl"><head>
<meta property="og:site_name" content="جريدة المثال">
<meta property="og:title" content="عنوان من og">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"x"},
 {"@type":"NewsArticle","headline":"عنوان الخبر","datePublished":"2021-03-04T10:00:00+03:00",
  "author":[{"@type":"Person","name":"سارة علي"},{"@type":"Person","name":"أحمد"}]}]}</script>
</head><body></body></html>"#;
        let m = read_meta(&Document::from(html), None);
        assert_eq!(m.title.as_deref(), Some("عنوان الخبر"));
        assert_eq!(m.published.as_deref(), Some("2021-03-04"));
        assert_eq!(m.author.as_deref(), Some("سارة علي، أحمد"));
        assert_eq!(m.site_name.as_deref(), Some("جريدة المثال"));
        assert!(m.rtl);
    }

    #[test]
    fn byline_date_in_arabic_when_nothing_else() {
        let html = r#"<html><body><div class="post-date">نشر في: الخميس 5 أيار 2022</div>
<p>نص.</p></body></html>"#;
        let m = read_meta(&Document::from(html), Some("https://x.org/article/77"));
        assert_eq!(m.published.as_deref(), Some("2022-05-05"));
    }
}
