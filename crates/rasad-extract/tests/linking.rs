//! Mention linking on a hand-written test set (`tests/linking/`, see its README): 32 news-style texts
//! about Yemen, Iraq, Syria, Libya, Sudan, Lebanon, Gaza and Somalia with gold actor mentions and places.
//!
//! Prints, per text, the gold mentions missed and the system's false links, then micro precision and
//! recall of linked actor mentions and of places, and fails when they fall below the floors measured
//! when the set was written (rounded down to 0.05). Run with `-- --nocapture` to see the report.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rasad_ingest::{read_plain, Origin};
use rasad_lexicon::Lexicon;

/// Floors: the values measured when the set was written (actors P 0.740 R 0.797, places P 0.712
/// R 0.888), rounded down to 0.05. Raise them as linking improves; never lower them to pass
/// (actors raised after the article and «فتح» rules: P 0.853 R 0.875; then after the construct
/// rule of the matcher: P 0.868 R 0.904).
const ACTOR_PRECISION_FLOOR: f64 = 0.85;
const ACTOR_RECALL_FLOOR: f64 = 0.90;
const PLACE_PRECISION_FLOOR: f64 = 0.85;
const PLACE_RECALL_FLOOR: f64 = 0.85;

#[derive(Debug)]
struct GoldMention {
    start: usize,
    end: usize,
    surface: String,
    entity: String,
}

#[derive(Debug, Default)]
struct Gold {
    mentions: Vec<GoldMention>,
    places: BTreeSet<String>,
    /// Entity ids the dictionary lacks (`# missing: id (why)`).
    missing: BTreeSet<String>,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/linking")
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

/// The char span of the n-th (1-based) whole-word occurrence of `surface` in `chars`: it may follow
/// up to two proclitic letters and must not be followed by a letter.
fn occurrence(chars: &[char], surface: &str, n: usize) -> Option<(usize, usize)> {
    let s: Vec<char> = surface.chars().collect();
    let mut seen = 0;
    if s.is_empty() || s.len() > chars.len() {
        return None;
    }
    for i in 0..=chars.len() - s.len() {
        if chars[i..i + s.len()] != s[..] {
            continue;
        }
        let end = i + s.len();
        let mut k = i;
        while k > 0 && is_letter(chars[k - 1]) {
            k -= 1;
        }
        let prefix_ok = i - k <= 2 && chars[k..i].iter().all(|c| "وفبلك".contains(*c));
        let end_ok = end == chars.len() || !is_letter(chars[end]);
        if prefix_ok && end_ok {
            seen += 1;
            if seen == n {
                return Some((i, end));
            }
        }
    }
    None
}

/// The ids named by a `# missing: id (why), id (why)` comment: kebab-case words right before " (".
fn missing_ids(comment: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for (pos, _) in comment.match_indices(" (") {
        let head = &comment[..pos];
        let id: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if !id.is_empty() {
            ids.push(id);
        }
    }
    ids
}

fn read_gold(path: &Path, text: &str) -> Gold {
    let chars: Vec<char> = text.chars().collect();
    let mut gold = Gold::default();
    let tsv = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for (no, line) in tsv.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if let Some(rest) = c.trim_start().strip_prefix("missing:") {
                gold.missing.extend(missing_ids(rest));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            3,
            "{}:{}: three columns",
            path.display(),
            no + 1
        );
        let n: usize = cols[1].parse().expect("occurrence number");
        let (start, end) = occurrence(&chars, cols[0], n).unwrap_or_else(|| {
            panic!(
                "{}:{}: occurrence {n} of «{}» not in the text",
                path.display(),
                no + 1,
                cols[0]
            )
        });
        if let Some(place) = cols[2].strip_prefix("place:") {
            gold.places.insert(place.to_string());
        } else {
            gold.mentions.push(GoldMention {
                start,
                end,
                surface: cols[0].to_string(),
                entity: cols[2].to_string(),
            });
        }
    }
    gold
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

#[derive(Default)]
struct Tally {
    gold: usize,
    found: usize,
    system: usize,
    correct: usize,
}

#[test]
fn linking_precision_and_recall() {
    let lex = Lexicon::global();
    let actor_ids: BTreeSet<&str> = lex.actors.iter().map(|a| a.id.as_str()).collect();
    let place_ids: BTreeSet<&str> = lex.places.iter().map(|p| p.id.as_str()).collect();

    let mut texts: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/linking")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    assert!(
        texts.len() >= 30,
        "at least 30 texts, found {}",
        texts.len()
    );

    let (mut actors, mut places) = (Tally::default(), Tally::default());
    let mut per_country: BTreeMap<String, usize> = BTreeMap::new();
    let mut missing_all: BTreeSet<String> = BTreeSet::new();
    // error kinds: a gold mention no system mention touches; a system mention on a gold span with
    // another entity; a system mention where the gold has none
    let (mut unlinked, mut wrong_entity, mut spurious) = (0usize, 0usize, 0usize);
    let mut spurious_by_entity: BTreeMap<String, usize> = BTreeMap::new();

    for path in &texts {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let country = name.split('-').nth(1).unwrap_or("?").to_string();
        *per_country.entry(country).or_default() += 1;

        let raw = std::fs::read_to_string(path).unwrap();
        let article = read_plain(&raw, None, Origin::default()).expect("read");
        let doc = rasad_extract::analyse(&article);
        let gold = read_gold(&path.with_extension("links.tsv"), &article.text);
        let chars: Vec<char> = article.text.chars().collect();
        let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();

        for m in &gold.mentions {
            assert!(
                actor_ids.contains(m.entity.as_str()) || gold.missing.contains(&m.entity),
                "{name}: «{}» → {}: no such actor (declare it with `# missing: id (why)`)",
                m.surface,
                m.entity
            );
        }
        for p in &gold.places {
            assert!(place_ids.contains(p.as_str()), "{name}: no such place {p}");
        }
        missing_all.extend(gold.missing.iter().cloned());

        let mut report: Vec<String> = Vec::new();
        // actors
        let sys: Vec<(usize, usize, &str)> = doc
            .mentions
            .iter()
            .filter_map(|m| {
                m.entity
                    .as_deref()
                    .map(|e| (m.start as usize, m.end as usize, e))
            })
            .collect();
        actors.gold += gold.mentions.len();
        actors.system += sys.len();
        for g in &gold.mentions {
            let hit = sys
                .iter()
                .any(|s| s.2 == g.entity && overlaps((s.0, s.1), (g.start, g.end)));
            if hit {
                actors.found += 1;
            } else {
                let touching: Vec<&str> = sys
                    .iter()
                    .filter(|s| overlaps((s.0, s.1), (g.start, g.end)))
                    .map(|s| s.2)
                    .collect();
                if touching.is_empty() {
                    unlinked += 1;
                }
                report.push(format!(
                    "  miss  «{}» → {}{}",
                    g.surface,
                    g.entity,
                    if touching.is_empty() {
                        String::new()
                    } else {
                        format!(" (system: {})", touching.join(", "))
                    }
                ));
            }
        }
        for s in &sys {
            let on_gold: Vec<&GoldMention> = gold
                .mentions
                .iter()
                .filter(|g| overlaps((s.0, s.1), (g.start, g.end)))
                .collect();
            if on_gold.iter().any(|g| g.entity == s.2) {
                actors.correct += 1;
                continue;
            }
            if on_gold.is_empty() {
                spurious += 1;
                *spurious_by_entity.entry(s.2.to_string()).or_default() += 1;
                report.push(format!("  false «{}» → {} (no gold)", slice(s.0, s.1), s.2));
            } else {
                wrong_entity += 1;
                report.push(format!(
                    "  false «{}» → {} (gold: {})",
                    slice(s.0, s.1),
                    s.2,
                    on_gold
                        .iter()
                        .map(|g| g.entity.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        // places
        let sys_places: BTreeSet<&str> = doc.places.iter().map(|p| p.id.as_str()).collect();
        places.gold += gold.places.len();
        places.system += sys_places.len();
        for p in &gold.places {
            if sys_places.contains(p.as_str()) {
                places.found += 1;
            } else {
                report.push(format!("  miss  place {p}"));
            }
        }
        for p in &sys_places {
            if gold.places.contains(*p) {
                places.correct += 1;
            } else {
                report.push(format!("  false place {p}"));
            }
        }
        if !report.is_empty() {
            println!("{name}");
            for r in report {
                println!("{r}");
            }
        }
    }

    let ap = ratio(actors.correct, actors.system);
    let ar = ratio(actors.found, actors.gold);
    let pp = ratio(places.correct, places.system);
    let pr = ratio(places.found, places.gold);
    println!();
    println!("texts per country: {per_country:?}");
    println!(
        "actors: {} gold, {} system; precision {:.3} ({}/{}), recall {:.3} ({}/{})",
        actors.gold,
        actors.system,
        ap,
        actors.correct,
        actors.system,
        ar,
        actors.found,
        actors.gold
    );
    println!(
        "  errors: {unlinked} gold mentions with no system mention, {wrong_entity} system mentions \
         with another entity than the gold, {spurious} system mentions where the gold has none"
    );
    let mut by: Vec<(&String, &usize)> = spurious_by_entity.iter().collect();
    by.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!(
        "  mentions where the gold has none, by entity: {}",
        by.iter()
            .map(|(e, n)| format!("{e} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "places: {} gold, {} system; precision {:.3} ({}/{}), recall {:.3} ({}/{})",
        places.gold,
        places.system,
        pp,
        places.correct,
        places.system,
        pr,
        places.found,
        places.gold
    );
    println!("actors missing from the dictionary: {missing_all:?}");

    assert!(
        ap >= ACTOR_PRECISION_FLOOR,
        "actor precision {ap:.3} < {ACTOR_PRECISION_FLOOR}"
    );
    assert!(
        ar >= ACTOR_RECALL_FLOOR,
        "actor recall {ar:.3} < {ACTOR_RECALL_FLOOR}"
    );
    assert!(
        pp >= PLACE_PRECISION_FLOOR,
        "place precision {pp:.3} < {PLACE_PRECISION_FLOOR}"
    );
    assert!(
        pr >= PLACE_RECALL_FLOOR,
        "place recall {pr:.3} < {PLACE_RECALL_FLOOR}"
    );
}

#[test]
fn occurrences_are_whole_words_after_proclitics() {
    let chars: Vec<char> = "قاتل الحوثيين والحوثي ثم الحوثي".chars().collect();
    assert_eq!(occurrence(&chars, "الحوثي", 1), Some((15, 21)));
    assert_eq!(occurrence(&chars, "الحوثي", 2), Some((25, 31)));
    assert_eq!(occurrence(&chars, "الحوثي", 3), None);
    assert_eq!(
        missing_ids(" libya-coast-guard (Libyan Coast Guard), lebanon-nna (agency)"),
        vec!["libya-coast-guard", "lebanon-nna"]
    );
}
