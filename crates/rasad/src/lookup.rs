//! `rasad actors QUERY` and `rasad places QUERY`: search the dictionaries in Arabic or English.
//!
//! A query matches an id, an English name, or (in the normalised view, so spelling variants of
//! hamza, ya and ta marbuta do not matter) an Arabic name or alias. Exact matches come first, then
//! names that start with the query, then names that contain it.

use anyhow::Result;
use rasad_lexicon::Lexicon;
use rasad_text::normalize_key;
use std::io::Write;

/// How well one name matches a query: 0 exact, 1 prefix, 2 substring.
fn rank(name: &str, q: &str) -> Option<u8> {
    if name == q {
        Some(0)
    } else if name.starts_with(q) {
        Some(1)
    } else if name.contains(q) {
        Some(2)
    } else {
        None
    }
}

/// Lower case without diacritics or apostrophes («Laḩij» → «lahij», «Sana'a» → «sanaa»),
/// hyphens as spaces.
fn fold_latin(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkd()
        .filter(|c| {
            !unicode_normalization::char::is_combining_mark(*c)
                && !matches!(c, '\'' | '‘' | '’' | 'ʿ' | 'ʾ')
        })
        .map(|c| if matches!(c, '-' | '_' | '/') { ' ' } else { c })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn best<'a>(names: impl Iterator<Item = &'a str>, q_ar: &str, q_en: &str) -> Option<u8> {
    names
        .filter_map(|n| {
            let en = fold_latin(n);
            let last_segment = en.rsplit(' ').next().unwrap_or("");
            rank(&normalize_key(n), q_ar)
                .or_else(|| rank(&en, q_en))
                .or_else(|| (last_segment == q_en).then_some(0))
        })
        .min()
}

/// Search actors; print a table, or JSON lines with `json`.
pub fn actors(query: &str, limit: usize, json: bool) -> Result<()> {
    let lex = Lexicon::global();
    let (q_ar, q_en) = (normalize_key(query.trim()), fold_latin(query));
    let mut hits: Vec<(u8, usize)> = lex
        .actors
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let names = [a.id.as_str(), a.en.as_str(), a.ar.as_str()]
                .into_iter()
                .chain(a.aliases.iter().map(String::as_str))
                .chain(a.descriptors.iter().map(|d| d.text()));
            best(names, &q_ar, &q_en).map(|r| (r, i))
        })
        .collect();
    hits.sort();
    let mut out = std::io::stdout().lock();
    for &(_, i) in hits.iter().take(limit) {
        let a = &lex.actors[i];
        if json {
            let v = serde_json::json!({
                "id": a.id, "kind": format!("{:?}", a.kind).to_uppercase(), "en": a.en, "ar": a.ar,
                "country": a.country, "cameo": a.cameo, "parent": a.parent, "wikidata": a.wikidata,
                "aliases": a.aliases, "descriptors": a.descriptors.iter().map(|d| serde_json::json!({"text": d.text(), "context": d.context()})).collect::<Vec<_>>(),
            });
            writeln!(out, "{v}")?;
        } else {
            writeln!(
                out,
                "{}\t{:?}\t{}\t{}\t{}\t{} aliases",
                a.id,
                a.kind,
                a.en,
                a.ar,
                a.country.as_deref().unwrap_or("-"),
                a.aliases.len()
            )?;
        }
    }
    if hits.is_empty() {
        eprintln!("rasad: no actor matches {query:?}");
    }
    Ok(())
}

/// Search places; print a table, or JSON lines with `json`.
pub fn places(query: &str, limit: usize, json: bool) -> Result<()> {
    let lex = Lexicon::global();
    let (q_ar, q_en) = (normalize_key(query.trim()), fold_latin(query));
    let mut hits: Vec<(u8, std::cmp::Reverse<u64>, usize)> = lex
        .places
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let names = [p.id.as_str(), p.en.as_str(), p.ar.as_str()]
                .into_iter()
                .chain(p.ar_variants.iter().map(String::as_str));
            best(names, &q_ar, &q_en).map(|r| (r, std::cmp::Reverse(p.population), i))
        })
        .collect();
    hits.sort();
    let mut out = std::io::stdout().lock();
    for &(_, _, i) in hits.iter().take(limit) {
        let p = &lex.places[i];
        if json {
            let v = serde_json::json!({
                "id": p.id, "en": p.en, "ar": p.ar, "ar_variants": p.ar_variants, "feature": p.feature,
                "country": p.country, "admin1": p.admin1_name, "lat": p.lat, "lon": p.lon,
                "population": p.population, "geonames": p.geonames,
            });
            writeln!(out, "{v}")?;
        } else {
            let coord = match (p.lat, p.lon) {
                (Some(la), Some(lo)) => format!("{la:.4},{lo:.4}"),
                _ => "-".into(),
            };
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\tgeonames:{}",
                p.id,
                p.feature,
                p.en,
                p.ar,
                p.country,
                coord,
                p.geonames.map_or("-".into(), |g| g.to_string())
            )?;
        }
    }
    if hits.is_empty() {
        eprintln!("rasad: no place matches {query:?}");
    }
    Ok(())
}
