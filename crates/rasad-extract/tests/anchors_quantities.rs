//! Anchored times («منذ الانقلاب» dated by «الانقلاب في 21 سبتمبر/أيلول 2014» elsewhere in the
//! text) and the quantity rules for counted nouns that are verbs, dots as thousands separators,
//! years before a verb or at a sentence start, and spans that start after a proclitic.

use rasad_extract::times_and_quantities;
use rasad_text::Analysis;

fn times(s: &str) -> Vec<(String, String)> {
    let a = Analysis::new(s);
    let (ts, _) = times_and_quantities(&a, Some("2019-06-02"));
    ts.iter()
        .map(|t| {
            let mut v = t.value.clone().unwrap_or_default();
            if let Some(m) = t.modifier {
                v = format!("{v} {}", serde_json::to_value(m).unwrap().as_str().unwrap());
            }
            assert_eq!(a.slice(t.start, t.end), t.text);
            (t.text.clone(), v)
        })
        .collect()
}

#[test]
fn anchored_phrases_take_the_events_date() {
    let cases: &[(&str, &str, &str)] = &[
        // the definition before the phrase
        (
            "نفذ الحوثيون الانقلاب في 21 سبتمبر/أيلول 2014، ومنذ الانقلاب تدهور الاقتصاد.",
            "منذ الانقلاب",
            "2014-09-21 AFTER",
        ),
        // the definition after the phrase
        (
            "كانت المدينة هادئة قبل الحرب. واندلعت الحرب في مارس 2015 بعد أشهر من التوتر.",
            "قبل الحرب",
            "2015-03 BEFORE",
        ),
        // an indefinite noun with its complement
        (
            "وجاء سقوط صنعاء في 21 سبتمبر 2014 مفاجئا، وبعد سقوط صنعاء توسع الحوثيون جنوبا.",
            "بعد سقوط صنعاء",
            "2014-09-21 AFTER",
        ),
        // a definite noun with its adjective; بعد takes the end of a range
        (
            "استمرت الحرب الأهلية بين عامي 1975 و1990، وعقب الحرب الأهلية عاد اللاجئون.",
            "عقب الحرب الأهلية",
            "1990 AFTER",
        ),
        // منذ takes the start of a range
        (
            "دامت الحرب الأهلية بين عامي 1975 و1990، ولم تتعاف البلاد منذ الحرب الأهلية.",
            "منذ الحرب الأهلية",
            "1975 AFTER",
        ),
        // حتى, and a definition with a relative clause between the noun and its date
        (
            "وقعت الأطراف الاتفاق الذي أبرم في 13 يوليو 2015، وظل الوضع متوترا حتى الاتفاق.",
            "حتى الاتفاق",
            "2015-07-13 BEFORE",
        ),
        // a possessive noun in the definition; the anchor's own modifier gives way to AFTER
        (
            "دعمت الجماعة التنظيم منذ انقلابها أواخر 2014، وتضاعف الدعم بعد الانقلاب.",
            "بعد الانقلاب",
            "2014 AFTER",
        ),
    ];
    for &(s, text, want) in cases {
        let got = times(s);
        assert!(
            got.iter().any(|(t, v)| t == text && v == want),
            "«{s}»: want «{text}» {want}; got {got:?}"
        );
    }
}

#[test]
fn anchored_phrases_without_an_anchor_stay_untagged() {
    for s in [
        // no date for the coup anywhere
        "منذ الانقلاب تدهور الاقتصاد وارتفعت الأسعار.",
        // a qualified phrase needs a definition with the same qualifier
        "لم تشهد أوروبا مثلها منذ الحرب العالمية الثانية، أما حرب احتلال بغداد في 2003 فكانت مختلفة.",
    ] {
        let got = times(s);
        assert!(
            got.iter().all(|(_, v)| !v.ends_with("AFTER") && !v.ends_with("BEFORE")),
            "«{s}»: {got:?}"
        );
    }
}

#[test]
fn a_phrase_with_its_own_date_keeps_the_date() {
    let got = times("قدمت الجماعة دعما منذ انقلابها أواخر 2014 لعناصر التنظيم.");
    assert_eq!(
        got,
        vec![("أواخر 2014".to_string(), "2014 END".to_string())]
    );
    let got = times("منذ الانقلاب في 21 سبتمبر/أيلول 2014، عبر إطلاق سراح");
    assert_eq!(
        got,
        vec![("21 سبتمبر/أيلول 2014".to_string(), "2014-09-21".to_string())]
    );
}

type Q = (String, Option<f64>, Option<f64>, Option<String>);

fn quantities(s: &str) -> Vec<Q> {
    let a = Analysis::new(s);
    let (_, qs) = times_and_quantities(&a, None);
    qs.iter()
        .map(|q| {
            assert_eq!(a.slice(q.start, q.end), q.text);
            (q.text.clone(), q.min, q.max, q.unit.clone())
        })
        .collect()
}

fn first(s: &str) -> Q {
    quantities(s)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("«{s}»: no quantity"))
}

#[test]
fn a_verb_is_not_the_counted_noun() {
    for (s, text) in [
        ("وأوضح أن 30 تم اعتقالهم في المداهمة", "30"),
        ("منهم 5 لقوا مصرعهم على الفور", "5"),
        ("وقال إن 40 نزحوا من القرية", "40"),
        ("بينهم 12 ينشطون في تهريب السلاح", "12"),
        ("هناك 3 تتضمن بنودا سرية", "3"),
        ("قتل 7 عندما انفجرت العبوة", "7"),
    ] {
        let q = first(s);
        assert_eq!((q.0.as_str(), q.3.as_deref()), (text, None), "«{s}»");
    }
    // nouns that look like verbs stay counted nouns
    for (s, unit) in [
        ("انتخب 27 عضوا في المجلس", "عضوا"),
        ("كفالة 4 يتيم في المدينة", "يتيم"),
        ("وصل 5 يمنيين إلى الحدود", "يمنيين"),
    ] {
        assert_eq!(first(s).3.as_deref(), Some(unit), "«{s}»");
    }
}

#[test]
fn years_before_a_verb_or_at_a_sentence_start_are_not_quantities() {
    for s in [
        "2014 بلغ عدد الضحايا ذروته",
        "وفي نهاية المطاف 2015 شهدت المدينة هدوءا",
        "انتهت الحقبة. 1990 استقالة رئيسة الوزراء البريطانية",
    ] {
        let qs = quantities(s);
        assert!(
            qs.iter()
                .all(|q| q.1 != Some(2014.0) && q.1 != Some(2015.0) && q.1 != Some(1990.0)),
            "«{s}»: {qs:?}"
        );
    }
    // a count of that size with a counted noun inside a sentence is still a quantity
    assert_eq!(first("واعتقلت الشرطة 2014 شخصا").1, Some(2014.0));
}

#[test]
fn dots_before_three_digits_are_thousands_when_something_is_counted() {
    let cases: &[(&str, f64)] = &[
        ("بلغ عدد القتلى 1.200 شخص", 1200.0),
        ("ونزح 1.200.000 شخص", 1200000.0),
        ("بين 1.200 و1.500 نازح", 1200.0),
        // decimals: a price, a multiplier, a percent, a zero integer part, nothing counted
        ("وصولا إلى سعر 2.310 درهم", 2.31),
        ("بلغت الأصول 3.707 مليار دينار", 3707000000.0),
        ("بواقع 4.550 في المائة", 4.55),
        ("وصولا إلى 0.250 ريال", 0.25),
        ("وأغلق عند 97.381 في التعاملات", 97.381),
        ("بلغ الدين 1.305 تريليون دولار", 1305000000000.0),
    ];
    for &(s, v) in cases {
        assert_eq!(first(s).1, Some(v), "«{s}»");
    }
}

#[test]
fn spans_start_after_the_proclitics_of_the_first_word() {
    for (s, text) in [
        ("قدمت دعما لأكثر من 18 إرهابيا", "أكثر من 18 إرهابيا"),
        ("وأصيب بنحو 300 شخص", "نحو 300 شخص"),
        ("وعشرات القتلى سقطوا", "عشرات القتلى"),
        ("قال وخمسة جنود أصيبوا", "خمسة جنود"),
        ("وبين 10 و20 قتيلا", "بين 10 و20 قتيلا"),
        ("أطلق 5 من كبار قادة القاعدة", "5 من كبار قادة"),
    ] {
        assert_eq!(first(s).0, text, "«{s}»");
    }
}
