//! The HTML reader on small pages written for these tests.

use rasad_ingest::html::{body_text, read_html};
use rasad_ingest::Origin;

const PAGE: &str = r#"<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>اتفاق تبادل الأسرى في اليمن | صحيفة المثال</title>
<meta property="og:site_name" content="صحيفة المثال">
<meta property="og:title" content="اتفاق تبادل الأسرى في اليمن">
<meta name="author" content="سارة الحكيمي">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/p">سياسة</a></li><li><a href="/e">اقتصاد</a></li></ul></nav>
<div class="share">فيسبوك تويتر واتساب</div>
<article>
<h1>اتفاق تبادل الأسرى في اليمن</h1>
<div class="post-date">نشر في: السبت 3 آب/أغسطس 2013</div>
<p>&#8207;أعلنت الأطراف اليمنية اليوم التوصل إلى اتفاق لتبادل مئات الأسرى برعاية الأمم المتحدة، بعد مفاوضات استمرت أسابيع في العاصمة العمانية مسقط، وفق ما أكده مسؤولون من الجانبين.</p>
<p>وقال المبعوث الأممي في مؤتمر صحفي إن عملية التبادل ستبدأ خلال الأيام المقبلة على مراحل، وإن اللجنة الدولية للصليب الأحمر ستشرف على نقل المحتجزين جوا بين المدن.</p>
<p>اقرأ أيضا: الحوثيون يعلنون هدنة في الحديدة</p>
<p>وأضاف أن الاتفاق يشمل الإفراج عن صحفيين ومدنيين، معربا عن أمله في أن يمهد الطريق لمحادثات أوسع حول وقف شامل لإطلاق النار في البلاد خلال العام الجاري.</p>
<p>فيسبوك تويتر واتساب</p>
</article>
<aside><h3>مقالات ذات صلة</h3><ul><li><a href="/1">خبر آخر عن الطقس غائم جزئيا</a></li><li><a href="/2">كورونا يقتل المئات</a></li></ul></aside>
<div class="comments"><h3>إضافة تعليق جديد</h3><form><textarea></textarea></form></div>
<footer>جميع الحقوق محفوظة</footer>
</body></html>"#;

#[test]
fn arabic_page_content_metadata_and_furniture() {
    let origin = Origin {
        url: Some("https://example.org/news/77".into()),
        ..Default::default()
    };
    let h = read_html(PAGE, origin).unwrap();
    let a = &h.article;
    let title: String = {
        let (s, e) = a.title.unwrap();
        a.text
            .chars()
            .skip(s as usize)
            .take((e - s) as usize)
            .collect()
    };
    assert_eq!(title, "اتفاق تبادل الأسرى في اليمن");
    let body = body_text(a);
    assert!(body.starts_with("أعلنت الأطراف اليمنية"), "{body}");
    assert!(body.contains("ستشرف على نقل المحتجزين"));
    assert!(body.contains("وقف شامل لإطلاق النار"));
    for leak in [
        "اقرأ أيضا",
        "فيسبوك",
        "مقالات ذات صلة",
        "غائم جزئيا",
        "كورونا يقتل",
        "إضافة تعليق جديد",
        "الرئيسية",
        "\u{200F}",
    ] {
        assert!(!a.text.contains(leak), "leaked {leak:?}:\n{}", a.text);
    }
    assert_eq!(a.paragraphs.len(), 3);
    assert_eq!(a.origin.published.as_deref(), Some("2013-08-03"));
    assert_eq!(a.origin.outlet.as_deref(), Some("صحيفة المثال"));
    assert_eq!(h.meta.author.as_deref(), Some("سارة الحكيمي"));
    // the byline reaches the article's origin (and so the document's source)
    assert_eq!(h.article.origin.author.as_deref(), Some("سارة الحكيمي"));
    assert!(h.meta.rtl);
}

#[test]
fn json_ld_date_wins_and_caller_url_is_kept() {
    let page = PAGE.replace(
        "</head>",
        r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2013-08-04T09:00:00Z","author":{"@type":"Person","name":"فريق التحرير"}}</script></head>"#,
    );
    let origin = Origin {
        url: Some("https://example.org/x".into()),
        ..Default::default()
    };
    let h = read_html(&page, origin).unwrap();
    assert_eq!(h.article.origin.published.as_deref(), Some("2013-08-04"));
    assert_eq!(
        h.article.origin.url.as_deref(),
        Some("https://example.org/x")
    );
    assert_eq!(h.meta.author.as_deref(), Some("فريق التحرير"));
}

#[test]
fn page_without_text_is_empty() {
    let e = read_html(
        "<html><body><nav>الرئيسية</nav></body></html>",
        Origin::default(),
    );
    assert!(e.is_err());
}

#[test]
fn windows_1256_page_is_decoded() {
    // «خبر» in windows-1256
    let mut bytes = b"<html><head><meta charset=\"windows-1256\"></head><body><p>".to_vec();
    bytes.extend_from_slice(&[0xCE, 0xC8, 0xD1]);
    bytes.extend_from_slice(b"</p></body></html>");
    assert!(rasad_ingest::html::decode(&bytes).contains("خبر"));
}
