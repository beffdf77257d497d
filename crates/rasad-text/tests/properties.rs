//! Properties of the text layer that must hold for any input: nothing panics, every span lies in
//! the text, and every view position maps back onto whole original characters.

use proptest::prelude::*;
use rasad_text::normalize::{fold, Fold};
use rasad_text::{Analysis, Normalized};

/// Strings made of the characters that stress the layer.
fn tricky() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\u{064E}",
        "\u{0651}",
        "\u{0670}",
        "\u{0640}",
        "\u{200F}",
        "\u{200E}",
        "\u{202B}",
        "\u{2067}",
        "\u{200C}",
        "\u{200D}",
        "\u{FEFF}",
        "\u{00A0}",
        "\u{0301}",
        "ﻻ",
        "ﷲ",
        "ﷺ",
        "«",
        "»",
        "“",
        "”",
        "\"",
        ".",
        "..",
        "…",
        "؟",
        "!",
        "،",
        "؛",
        "\n",
        "\n\n",
        " ",
        "\t",
        "\r\n",
        "٣",
        "٫",
        "٬",
        "۴",
        "3.5",
        "21/9/2014",
        "بـ",
        "لـ",
        "ال",
        "والحوثي",
        "للتنظيم",
        "أ",
        "إ",
        "آ",
        "ى",
        "ة",
        "ک",
        "ی",
        "abc",
        "U.S.",
        "د.",
        "x",
        "😀",
        "\u{10FFFF}",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let a = Analysis::new(text);
    let len = text.chars().count() as u32;
    for s in &a.sentences {
        assert!(
            s.start < s.end && s.end <= len,
            "sentence {s:?} outside 0..{len}"
        );
    }
    assert!(
        a.sentences.windows(2).all(|w| w[0].end <= w[1].start),
        "sentences overlap"
    );
    for t in &a.tokens {
        assert!(
            t.start < t.end && t.end <= len,
            "token {t:?} outside 0..{len}"
        );
        assert!(t.nstart < t.nend && t.nend as usize <= a.view.len());
        let seg = t.seg;
        assert!(seg.stem_start <= seg.stem_end && seg.stem_end as u32 <= t.nend - t.nstart);
        let _ = seg.segments(t.view(&a.view));
    }
    check_view(text, &a.view);
}

/// Every view character comes from one original character that folds to it.
fn check_view(text: &str, v: &Normalized) {
    let orig: Vec<char> = text.chars().collect();
    let mut last = 0;
    for i in 0..v.len() {
        let o = v.original_index(i);
        assert!((o as usize) < orig.len());
        assert!(o >= last, "the map goes backwards");
        last = o;
        let c = orig[o as usize];
        let vc = v.chars[i];
        match fold(c) {
            Fold::Keep => assert_eq!(vc, c),
            Fold::Map(m, _) => assert_eq!(vc, m),
            Fold::Drop(_) => panic!("a dropped character shows in the view"),
            Fold::Expand(_) => {}
        }
        let (s, e) = v.to_original(i, i + 1);
        assert!(s < e && e as usize <= orig.len());
    }
    let (s, e) = v.to_original(0, v.len());
    assert!(s <= e && e as usize <= orig.len());
    assert_eq!(v.original_len() as usize, orig.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn tricky_strings(s in tricky()) {
        check(&s);
    }

    #[test]
    fn combining_marks_alone(s in prop::collection::vec(prop::sample::select(vec!['\u{064B}', '\u{0650}', '\u{0652}', '\u{0670}', '\u{0300}', '\u{0640}', '\u{0654}']), 0..40)) {
        let s: String = s.into_iter().collect();
        check(&s);
    }

    #[test]
    fn only_punctuation(s in "[.!?؟…،؛«»“”\"()\\-: ]{0,80}") {
        check(&s);
    }

    #[test]
    fn any_view_span_maps_to_whole_characters(s in tricky(), a in 0usize..200, b in 0usize..200) {
        let v = Normalized::new(&s);
        let (s0, e0) = v.to_original(a.min(b), a.max(b));
        prop_assert!(s0 <= e0 && e0 as usize <= s.chars().count());
    }
}

#[test]
fn ten_megabytes_on_one_line() {
    let unit = "وقال المسؤول الأمني إن مليشيا الحوثي أفرجت عن 400 عنصر، ";
    let mut s = String::with_capacity(10 * 1024 * 1024 + unit.len());
    while s.len() < 10 * 1024 * 1024 {
        s.push_str(unit);
    }
    let a = Analysis::new(&s);
    assert_eq!(
        a.sentences.len(),
        1,
        "no terminator, no line break: one sentence"
    );
    assert_eq!(a.sentences[0].end as usize, s.trim_end().chars().count());
    assert!(a.tokens.len() > 1_000_000);
    assert!(a.tokens.iter().all(|t| (t.end as usize) <= a.chars.len()));
}
