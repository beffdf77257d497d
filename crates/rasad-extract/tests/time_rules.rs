//! Each temporal rule with its own example sentences: (rule, sentence, reference, text of the
//! hit, value [MOD]). The rule named must be the one that reads the expression.

use rasad_extract::time::{self, cx::Cx, Reference};
use rasad_text::Analysis;

const CASES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "date",
        "منذ الانقلاب في 21 سبتمبر/أيلول 2014، عبر",
        "2019-06-02",
        "21 سبتمبر/أيلول 2014",
        "2014-09-21",
    ),
    (
        "date",
        "وصل في 15 رمضان 1445 هـ إلى",
        "2024-01-01",
        "15 رمضان 1445 هـ",
        "2024-03-25",
    ),
    (
        "date",
        "يوم 15 رمضان 1445 هـ الموافق 25 مارس 2024",
        "2024-01-01",
        "15 رمضان 1445 هـ الموافق 25 مارس 2024",
        "2024-03-25",
    ),
    (
        "date",
        "في كانون الثاني/يناير 2016 أعلن",
        "2019-06-02",
        "كانون الثاني/يناير 2016",
        "2016-01",
    ),
    (
        "date",
        "وقع في أيلول (سبتمبر) الماضي",
        "2015-07-21",
        "أيلول (سبتمبر) الماضي",
        "2014-09",
    ),
    (
        "numeric_date",
        "صدر بتاريخ 21/9/2014 قرار",
        "2019-06-02",
        "21/9/2014",
        "2014-09-21",
    ),
    (
        "numeric_date",
        "بتاريخ ٢١/٩/٢٠١٤ م",
        "2019-06-02",
        "٢١/٩/٢٠١٤ م",
        "2014-09-21",
    ),
    (
        "numeric_date",
        "في 1436/10/20 هـ",
        "2015-08-06",
        "1436/10/20 هـ",
        "2015-08-05",
    ),
    (
        "year",
        "إلى عام 2015، عقب",
        "2019-06-02",
        "عام 2015",
        "2015",
    ),
    ("year", "تأسست 2006م في", "2019-06-02", "2006م", "2006"),
    (
        "bare_year",
        "من سجن المخابرات بصنعاء 2006.",
        "2019-06-02",
        "2006",
        "2006",
    ),
    (
        "bare_year",
        "مدينة لحج الجنوبية 2015، وسيطرة",
        "2019-06-02",
        "2015",
        "2015",
    ),
    (
        "bare_year",
        "الصراع منذ 2011 في",
        "2019-06-02",
        "2011",
        "2011",
    ),
    (
        "modified",
        "منذ انقلابها أواخر 2014.",
        "2019-06-02",
        "أواخر 2014",
        "2014 END",
    ),
    (
        "modified",
        "في مطلع العام الجاري",
        "2015-07-21",
        "مطلع العام الجاري",
        "2015 START",
    ),
    (
        "modified",
        "منتصف آذار المقبل",
        "2015-07-21",
        "منتصف آذار المقبل",
        "2016-03 MID",
    ),
    (
        "weekday",
        "قال يوم الخميس الماضي إن",
        "2015-07-21",
        "يوم الخميس الماضي",
        "2015-07-16",
    ),
    (
        "weekday",
        "أعلنت الوزارة الثلاثاء أن",
        "2015-07-23",
        "الثلاثاء",
        "2015-07-21",
    ),
    (
        "relative_day",
        "وصل أمس إلى",
        "2015-07-21",
        "أمس",
        "2015-07-20",
    ),
    ("relative_day", "يصل غدا", "2015-07-21", "غدا", "2015-07-22"),
    (
        "relative_period",
        "في الأسبوع الماضي قتل",
        "2015-07-21",
        "الأسبوع الماضي",
        "2015-W29",
    ),
    (
        "relative_period",
        "خلال العام الجاري",
        "2015-07-21",
        "العام الجاري",
        "2015",
    ),
    (
        "relative_period",
        "الشهر المقبل",
        "2015-07-21",
        "الشهر المقبل",
        "2015-08",
    ),
    (
        "offset",
        "قبل يومين أعلن",
        "2015-07-21",
        "قبل يومين",
        "2015-07-19",
    ),
    ("offset", "منذ 3 سنوات", "2015-07-21", "منذ 3 سنوات", "2012"),
    (
        "duration",
        "إلى أكثر من عقدين، عقب",
        "2019-06-02",
        "أكثر من عقدين",
        "P20Y MORE_THAN",
    ),
    (
        "duration",
        "سجن ثلاث سنوات",
        "2019-06-02",
        "ثلاث سنوات",
        "P3Y",
    ),
    (
        "clock",
        "الساعة 3 و15 دقيقة عصرا",
        "2013-02-12",
        "الساعة 3 و15 دقيقة عصرا",
        "2013-02-12T15:15",
    ),
    (
        "clock",
        "في الثالثة فجرا",
        "2013-02-12",
        "الثالثة فجرا",
        "2013-02-12T03",
    ),
    (
        "range",
        "بين عامي 2014 و2016 تضاعف",
        "2019-06-02",
        "بين عامي 2014 و2016",
        "2014/2016",
    ),
    (
        "range",
        "من 13 إلى 15 تموز",
        "2013-02-12",
        "من 13 إلى 15 تموز",
        "2013-07-13/2013-07-15",
    ),
    (
        "holiday",
        "قبيل عيد الفطر 2013",
        "2013-02-12",
        "عيد الفطر 2013",
        "2013-08-08",
    ),
    (
        "nth",
        "آخر اثنين من شهر آذار",
        "2013-02-12",
        "آخر اثنين من شهر آذار",
        "2013-03-25",
    ),
    (
        "decade",
        "منذ الثمانينيات",
        "2019-06-02",
        "الثمانينيات",
        "198X",
    ),
    (
        "relative_period",
        "في القرن الماضي",
        "2019-06-02",
        "القرن الماضي",
        "19",
    ),
    ("now", "يجري الآن", "2019-06-02", "الآن", "2019-06-02"),
];

#[test]
fn each_rule_reads_its_examples() {
    let mut fails = Vec::new();
    for &(rule, sentence, reference, text, want) in CASES {
        let a = Analysis::new(sentence);
        let cx = Cx::new(&a);
        let r = Reference::parse(reference).unwrap();
        let hits = time::hits(&cx, &r);
        let found = hits.iter().find(|h| time::to_time(&cx, h).text == text);
        let ok = found.is_some_and(|h| {
            let t = time::to_time(&cx, h);
            let mut v = t.value.clone().unwrap_or_default();
            if let Some(m) = t.modifier {
                v = format!("{v} {}", serde_json::to_value(m).unwrap().as_str().unwrap());
            }
            h.rule == rule && v == want
        });
        if !ok {
            let got: Vec<String> = hits
                .iter()
                .map(|h| {
                    let t = time::to_time(&cx, h);
                    format!("[{}] {} {:?} {:?}", h.rule, t.text, t.value, t.modifier)
                })
                .collect();
            fails.push(format!(
                "{rule}: «{sentence}» want «{text}» {want}; got {got:?}"
            ));
        }
    }
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

#[test]
fn without_a_reference_relative_times_stay_unresolved() {
    let a = Analysis::new("وصل أمس إلى صنعاء");
    let (times, _) = rasad_extract::times_and_quantities(&a, None);
    assert_eq!(times[0].value, None);
    assert_eq!(times[0].unresolved.as_deref(), Some("REF-P1D"));
}

#[test]
fn years_and_labels_are_not_quantities() {
    for s in ["عام 2015 شهد", "الفرقة 30", "بصنعاء 2006."] {
        let a = Analysis::new(s);
        let (_, qs) = rasad_extract::times_and_quantities(&a, None);
        assert!(qs.is_empty(), "{s}: {qs:?}");
    }
}

#[test]
fn quantities_with_bounds_and_units() {
    type Case = (
        &'static str,
        Option<f64>,
        Option<f64>,
        bool,
        Option<&'static str>,
    );
    let cases: &[Case] = &[
        (
            "أفرجت عن أكثر من 400 عنصر وقيادي",
            Some(400.0),
            None,
            false,
            Some("عنصر"),
        ),
        (
            "إطلاق إيران 5 من كبار قادة القاعدة",
            Some(5.0),
            Some(5.0),
            false,
            Some("قادة"),
        ),
        (
            "قتل نحو 300 شخص",
            Some(300.0),
            Some(300.0),
            true,
            Some("شخص"),
        ),
        (
            "ما لا يقل عن 20 مدنيا",
            Some(20.0),
            None,
            false,
            Some("مدنيا"),
        ),
        ("عشرات القتلى", Some(20.0), Some(99.0), true, Some("القتلى")),
        (
            "اعتقل عددا من الناشطين",
            Some(2.0),
            None,
            true,
            Some("الناشطين"),
        ),
        (
            "خمسة وعشرون جنديا",
            Some(25.0),
            Some(25.0),
            false,
            Some("جنديا"),
        ),
        (
            "ألفي مقاتل",
            Some(2000.0),
            Some(2000.0),
            false,
            Some("مقاتل"),
        ),
        (
            "بين 10 و20 قتيلا",
            Some(10.0),
            Some(20.0),
            false,
            Some("قتيلا"),
        ),
    ];
    for &(s, min, max, approx, unit) in cases {
        let a = Analysis::new(s);
        let (_, qs) = rasad_extract::times_and_quantities(&a, None);
        let q = qs.first().unwrap_or_else(|| panic!("{s}: nothing"));
        assert_eq!(
            (q.min, q.max, q.approx, q.unit.as_deref()),
            (min, max, approx, unit),
            "{s}"
        );
    }
}
