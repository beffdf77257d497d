//! The taggers on forms taken from real Saudi reporting, with hand-written gold values
//! (`saudinewsnet-forms.tsv`). Every row must pass.

use rasad_extract::times_and_quantities;
use rasad_text::Analysis;

fn fmt_num(x: Option<f64>) -> String {
    match x {
        None => String::new(),
        Some(v) if v.fract() == 0.0 => format!("{}", v as i64),
        Some(v) => format!("{v}"),
    }
}

#[test]
fn saudinewsnet_forms() {
    let data = include_str!("saudinewsnet-forms.tsv");
    let (mut n, mut fails) = (0, Vec::new());
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        let (kind, form, reference) = (f[0], f[1], f[2]);
        let gold = f.get(3).copied().unwrap_or("");
        n += 1;
        let a = Analysis::new(form);
        let (times, qs) = times_and_quantities(&a, Some(reference));
        let got = match kind {
            "time" => times
                .first()
                .map(|t| {
                    let v = t.value.clone().or(t.unresolved.clone()).unwrap_or_default();
                    match t.modifier {
                        Some(m) => {
                            let m = serde_json::to_value(m).unwrap();
                            format!("{v} {}", m.as_str().unwrap())
                        }
                        None => v,
                    }
                })
                .unwrap_or_default(),
            "qty" => qs
                .first()
                .map(|q| {
                    format!(
                        "{}..{}{}",
                        fmt_num(q.min),
                        fmt_num(q.max),
                        if q.approx { " ~" } else { "" }
                    )
                })
                .unwrap_or_default(),
            "anchor" => times
                .iter()
                .find(|t| {
                    matches!(
                        t.modifier,
                        Some(rasad_doc::TimeMod::After | rasad_doc::TimeMod::Before)
                    )
                })
                .map(|t| {
                    let m = serde_json::to_value(t.modifier.unwrap()).unwrap();
                    format!(
                        "{} {}",
                        t.value.clone().unwrap_or_default(),
                        m.as_str().unwrap()
                    )
                })
                .unwrap_or_default(),
            "qunit" => qs.first().and_then(|q| q.unit.clone()).unwrap_or_default(),
            _ => qs.first().map(|q| q.text.clone()).unwrap_or_default(),
        };
        if got != gold {
            fails.push(format!("{kind}\t{form}\tgold {gold:?}\tgot {got:?}"));
        }
    }
    assert!(n >= 200, "only {n} forms");
    assert!(
        fails.is_empty(),
        "{} of {n} forms fail:\n{}",
        fails.len(),
        fails.join("\n")
    );
}
