//! The Umm al-Qura conversion against the published tables in
//! `../shared/research-data/hijri-ummalqura-tables` (skipped when absent), both ways: every row
//! from 1356 AH must agree. Rows before 1356 AH (before the calendar was in official use) are
//! counted and printed, not required.

use rasad_extract::time::calendar::{gregorian_to_hijri, hijri_to_gregorian};

#[test]
fn umm_al_qura_tables_both_ways() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/research-data/hijri-ummalqura-tables"
    );
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipped: {dir} not found");
        return;
    };
    let (mut rows_from_1356, mut early, mut early_ok) = (0, 0, 0);
    let mut fails = Vec::new();
    for e in entries.filter_map(Result::ok) {
        if e.path().extension().is_none_or(|x| x != "json") {
            continue;
        }
        let rows: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(e.path()).unwrap()).unwrap();
        for row in rows {
            let p = &row[1];
            let n = |a: usize, b: usize| p[a][b].as_i64().unwrap();
            let (hy, hm, hd) = (n(0, 0) as i32, n(0, 1) as u8, n(0, 2) as u8);
            let (gy, gm, gd) = (n(1, 0) as i32, n(1, 1) as u8, n(1, 2) as u8);
            let ok = hijri_to_gregorian(hy, hm, hd) == Some((gy, gm, gd))
                && gregorian_to_hijri(gy, gm, gd) == Some((hy, hm, hd));
            if hy >= 1356 {
                rows_from_1356 += 1;
                if !ok {
                    fails.push(format!("{hy}-{hm}-{hd} <-> {gy}-{gm}-{gd}"));
                }
            } else {
                early += 1;
                early_ok += ok as usize;
            }
        }
    }
    eprintln!(
        "from 1356 AH: {}/{rows_from_1356} rows agree both ways; before 1356 AH: {early_ok}/{early}",
        rows_from_1356 - fails.len()
    );
    assert!(rows_from_1356 > 1500);
    assert!(
        fails.is_empty(),
        "{} rows differ: {:?}",
        fails.len(),
        &fails[..fails.len().min(20)]
    );
}
