//! Readers never panic: any text, any JSON Lines line (lone surrogate escapes included).

use proptest::prelude::*;
use rasad_ingest::jsonl::{read_record, read_record_bytes};
use rasad_ingest::{read_plain, Origin};

fn check_article(a: &rasad_ingest::Article) {
    let n = a.text.chars().count() as u32;
    for &(s, e) in a.title.iter().chain(&a.paragraphs).chain(&a.headings) {
        assert!(s <= e && e <= n);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn plain_any_text(s in any::<String>()) {
        if let Ok(a) = read_plain(&s, None, Origin::default()) {
            check_article(&a);
        }
    }

    #[test]
    fn plain_lines_of_arabic_and_furniture(lines in prop::collection::vec(prop::sample::select(vec![
        "", "عنوان", "مقالات ذات صلة", "زر الذهاب إلى الأعلى", "وقال المسؤول إن الهجوم فشل.", "شارك",
        "ورقة حوثية", "\u{200F}", "  ", "«اقتباس»", "Read more", "اقرأ أيضا: خبر"]), 0..20)) {
        let s = lines.join("\n");
        if let Ok(a) = read_plain(&s, None, Origin::default()) {
            check_article(&a);
            prop_assert!(a.title.is_some());
        }
    }

    #[test]
    fn jsonl_any_line(s in any::<String>()) {
        let _ = read_record(1, &s, Some("x.jsonl"));
    }

    #[test]
    fn jsonl_any_bytes(b in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = read_record_bytes(1, &b, None);
    }

    #[test]
    fn jsonl_with_surrogate_escapes(hi in 0xD800u32..0xE000, text in "[ابت .]{0,20}") {
        let line = format!(r#"{{"id": "s", "text": "{text}\u{hi:04x}{text}"}}"#);
        let r = read_record(7, &line, None);
        if let Err(e) = &r {
            prop_assert_eq!(e.line, 7);
        }
    }
}
