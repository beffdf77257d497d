//! Feeds and JSON arrays written for these tests.

use rasad_ingest::feed::{read_feed, read_json_array};

#[test]
fn rss_items_with_encoded_content() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>أخبار المثال</title><link>https://news.example/</link>
<item><title>هدنة في الحديدة</title><link>https://news.example/a/1</link>
<pubDate>Sat, 03 Aug 2013 10:00:00 GMT</pubDate><guid>a1</guid>
<content:encoded><![CDATA[<p>أعلنت الأطراف هدنة جديدة في المدينة.</p><p>وقال مسؤول إن الهدنة تبدأ الليلة.</p><p>اقرأ أيضا: خبر آخر</p>]]></content:encoded></item>
<item><title>بلا نص</title><link>https://news.example/a/2</link><description></description></item>
<item><title>خبر ثالث</title><link>https://news.example/a/3</link>
<description>&lt;p&gt;وصل الوفد إلى العاصمة صباح اليوم.&lt;/p&gt;</description></item>
</channel></rss>"#;
    let items = read_feed(xml, Some("f.xml"));
    assert_eq!(items.len(), 3);
    let a = items[0].as_ref().unwrap();
    assert_eq!(
        a.text,
        "هدنة في الحديدة\n\nأعلنت الأطراف هدنة جديدة في المدينة.\n\nوقال مسؤول إن الهدنة تبدأ الليلة."
    );
    assert_eq!(a.origin.url.as_deref(), Some("https://news.example/a/1"));
    assert_eq!(
        a.origin.published.as_deref(),
        Some("Sat, 03 Aug 2013 10:00:00 GMT")
    );
    assert!(items[1].is_err());
    assert!(items[2].as_ref().unwrap().text.ends_with("صباح اليوم."));
}

#[test]
fn atom_entries() {
    let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
<entry><title>عنوان</title><link href="https://n.example/e/1"/><id>e1</id>
<published>2020-05-01T08:00:00Z</published>
<content type="html">&lt;p&gt;الفقرة الأولى من الخبر.&lt;/p&gt;</content></entry></feed>"#;
    let items = read_feed(xml, None);
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.text, "عنوان\n\nالفقرة الأولى من الخبر.");
    assert_eq!(a.origin.url.as_deref(), Some("https://n.example/e/1"));
    assert_eq!(a.origin.published.as_deref(), Some("2020-05-01T08:00:00Z"));
    assert_eq!(a.origin.id.as_deref(), Some("e1"));
}

#[test]
fn saudinewsnet_json_array() {
    let json = r#"[{"source":"okaz","url":"http://x/1","date_extracted":"2015-07-21 02:51:32",
"title":"عنوان","author":"محرر","content":"نص الخبر الأول.\n\nفقرة ثانية."},
{"source":"okaz","title":"بلا محتوى"}]"#;
    let out = read_json_array(json, Some("s.json")).unwrap();
    assert_eq!(out.len(), 2);
    let a = out[0].as_ref().unwrap();
    assert_eq!(a.origin.outlet.as_deref(), Some("okaz"));
    assert_eq!(a.paragraphs.len(), 2);
    assert!(out[1].is_err());
    assert!(read_json_array("{}", None).is_err());
}
