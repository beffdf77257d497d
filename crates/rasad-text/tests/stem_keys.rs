//! Which stem key serves matching better: rasad's (the clitic-free stem, view-normalised, ta
//! marbuta restored) or the Snowball Arabic stemmer applied after clitic splitting? Measured on the
//! segmentation gold list: a key should give different lexemes different keys (a lexicon match on
//! a wrong word is a false actor or place) while giving one lexeme one key.

use frostem::{Algorithm, Stemmer};
use rasad_text::{normalize_key, Segmenter};
use std::collections::{BTreeMap, BTreeSet};

/// Inflectional endings a variant of the same lexeme may add to a stem.
const ENDINGS: &[&str] = &[
    "", "ه", "ات", "ون", "ين", "ان", "ي", "يه", "يون", "يين", "وا", "ت", "تان", "تين",
];

fn base(s: &str) -> &str {
    ENDINGS
        .iter()
        .filter(|e| !e.is_empty() && s.ends_with(*e) && s.chars().count() > e.chars().count() + 1)
        .map(|e| &s[..s.len() - e.len()])
        .min_by_key(|b| b.len())
        .unwrap_or(s)
}

#[test]
fn stem_key_comparison() {
    let gold = include_str!("segmentation-gold.tsv");
    let snow = Stemmer::new(Algorithm::Arabic);
    let seg = Segmenter::global();
    let mut gold_stems = BTreeSet::new();
    let mut by_ours: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut by_snow: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in gold
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut cols = line.split('\t');
        let form = cols.next().unwrap().trim();
        let segs: Vec<String> = cols
            .next()
            .unwrap()
            .trim()
            .split('+')
            .map(normalize_key)
            .collect();
        // the gold stem: what is left between the proclitics and the pronoun; forms that are only
        // clitics (له = ل + ه) have none and are left out
        let mut rest: &[String] = &segs;
        while rest.len() > 1 && matches!(rest[0].as_str(), "و" | "ف" | "ب" | "ل" | "ك" | "س" | "ال")
        {
            rest = &rest[1..];
        }
        const PRONOUNS: &[&str] = &[
            "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كن", "نا", "ي", "ني",
        ];
        if rest.len() > 1 && PRONOUNS.contains(&rest[rest.len() - 1].as_str()) {
            rest = &rest[..rest.len() - 1];
        }
        let g = rest.concat();
        if PRONOUNS.contains(&g.as_str()) || rest.len() != 1 {
            continue;
        }
        let (chars, s) = seg.segment_str(form);
        let ours = s.stem_key(&chars);
        let snowball = snow.stem(&ours).into_owned();
        gold_stems.insert(g.clone());
        by_ours.entry(ours).or_default().insert(g.clone());
        by_snow.entry(snowball).or_default().insert(g);
    }
    let report = |name: &str, keys: &BTreeMap<String, BTreeSet<String>>| -> (usize, usize) {
        let (mut variant, mut unrelated) = (0, 0);
        let mut examples = Vec::new();
        for (k, stems) in keys {
            let v: Vec<&String> = stems.iter().collect();
            for i in 0..v.len() {
                for j in i + 1..v.len() {
                    if base(v[i]) == base(v[j]) {
                        variant += 1;
                    } else {
                        unrelated += 1;
                        if examples.len() < 12 {
                            examples.push(format!("{}/{}→{}", v[i], v[j], k));
                        }
                    }
                }
            }
        }
        println!(
            "{name}: {} keys for {} gold stems; merged pairs: {variant} variants of one lexeme, {unrelated} unrelated words",
            keys.len(),
            gold_stems.len()
        );
        if !examples.is_empty() {
            println!("  unrelated merges, e.g.: {}", examples.join("  "));
        }
        (variant, unrelated)
    };
    let (_, ours_bad) = report("rasad stem key", &by_ours);
    let (_, snow_bad) = report("snowball after clitics", &by_snow);
    // rasad's key merges unrelated words only through segmentation errors; Snowball's light stemming
    // merges them by design. The comparison must hold for the choice in the docs to stand.
    assert!(
        ours_bad < snow_bad,
        "rasad key: {ours_bad} unrelated merges, snowball: {snow_bad}"
    );
}
