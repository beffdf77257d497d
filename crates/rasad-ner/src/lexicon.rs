//! How a word behaves in general Arabic text: per stem key, from a word-frequency list of general
//! Arabic (wordfreq 3.1.1, CC BY-SA 4.0; see `data/ner/README.md`), how common it is, and how
//! often its forms carry the article, an attached pronoun, or stand bare. Proper names of persons
//! rarely take «ال» or a pronoun and rarely inflect; common nouns and adjectives do. The table
//! (`data/ner/lexicon.bin`, built by `scripts/build-ner-lexicon.py`) is compiled in; its keys are
//! 32-bit hashes of stem keys.

use crate::features::{fhash, fhash_bytes, TokenInfo};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

static TABLE: &[u8] = include_bytes!("../../../data/ner/lexicon.bin");

const KEY: u8 = 220;
const MAGIC: &[u8; 4] = b"RLX1";

/// One stem's codes: `[log, art, pron, bare]` — 4 × log10 of its count per 10⁹ words (0:
/// absent), and the per cent of its occurrences with the article, with a pronoun, bare.
pub type Entry = [u8; 4];

/// [`Entry`] from counts `[total, with article, with pronoun, bare]` per 10⁹ words.
pub fn entry_from_counts(c: &[u64; 4]) -> Entry {
    let total = c[0].max(1) as f64;
    let log = (4.0 * total.log10()).round().clamp(1.0, 255.0) as u8;
    let pct = |n: u64| (100.0 * n as f64 / total).round().min(100.0) as u8;
    [log, pct(c[1]), pct(c[2]), pct(c[3])]
}

/// The key of a stem.
pub fn key(stem: &str) -> u32 {
    fhash(KEY, &[stem]) as u32
}

/// The table.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    map: FxHashMap<u32, Entry>,
}

impl Lexicon {
    /// Empty.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    /// The compiled-in table (empty when the file is).
    pub fn global() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon::from_bytes(TABLE).unwrap_or_default())
    }

    /// Add a stem.
    pub fn insert(&mut self, stem: &str, e: Entry) {
        self.map.insert(key(stem), e);
    }

    /// Number of stems.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// A stem's entry (`[0; 4]` when absent).
    pub fn get(&self, stem: &str) -> Entry {
        self.map.get(&key(stem)).copied().unwrap_or([0; 4])
    }

    /// The file: magic, u32 n, then n × (u32 key, 4 bytes), keys ascending.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v: Vec<(u32, Entry)> = self.map.iter().map(|(&k, &e)| (k, e)).collect();
        v.sort_unstable();
        let mut out = Vec::with_capacity(8 + v.len() * 8);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(v.len() as u32).to_le_bytes());
        for (k, e) in v {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&e);
        }
        out
    }

    /// Read [`Lexicon::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Option<Lexicon> {
        if b.get(..4)? != MAGIC {
            return None;
        }
        let n = u32::from_le_bytes(b.get(4..8)?.try_into().ok()?) as usize;
        let body = b.get(8..8 + n.checked_mul(8)?)?;
        let map = body
            .chunks_exact(8)
            .map(|c| {
                let k = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                (k, [c[4], c[5], c[6], c[7]])
            })
            .collect();
        Some(Lexicon { map })
    }
}

const FREQ: u8 = 221; // + offset+1 (3 ids)
const ART: u8 = 224;
const ART_OWN: u8 = 225;
const PRON: u8 = 226;
const INFL: u8 = 227;
const NISBA: u8 = 228;
const DENISBA: u8 = 229;
const BARE: u8 = 230;
const ART_N: u8 = 231; // 2 ids
const FREQ_ART: u8 = 233;

fn share(p: u8) -> u8 {
    match p {
        0..=1 => 0,
        2..=9 => 1,
        10..=29 => 2,
        30..=59 => 3,
        _ => 4,
    }
}

/// How common another form is beside the stem's own count: 0 absent, 1 < 1 %, 2 < 10 %, 3 < 100 %,
/// 4 more.
fn rel(other: u8, own: u8) -> u8 {
    if other == 0 {
        return 0;
    }
    let d = i32::from(other) - i32::from(own);
    match d {
        ..=-9 => 1,
        -8..=-5 => 2,
        -4..=-1 => 3,
        _ => 4,
    }
}

/// The features of a sentence's tokens, appended to `feats`. For the Arabic words at −1..+1 the
/// frequency bucket (⌊log10⌋ of the count per 10⁹ words; 0 absent); for the token itself, when
/// listed, how often its forms take the article (alone, with whether this form has it, and with
/// the bucket), an attached pronoun or stand bare, how common its inflected forms (+ة, +ات, +ين,
/// +ون) and its nisba (+ي) are beside it, and for a word in ي how common the word without it is;
/// and the article share of its listed neighbours.
pub fn features(info: &[TokenInfo], feats: &mut [Vec<u64>]) {
    let lex = Lexicon::global();
    if lex.is_empty() {
        return;
    }
    let entries: Vec<Entry> = info.iter().map(|t| lex.get(&t.stem)).collect();
    let arabic: Vec<bool> = info.iter().map(|t| t.shape == "a").collect();
    let near = |i: usize, off: isize| -> Option<usize> {
        let j = i.checked_add_signed(off)?;
        (j < info.len() && arabic[j]).then_some(j)
    };
    for (i, f) in feats.iter_mut().enumerate() {
        for off in -1..=1isize {
            if let Some(j) = near(i, off) {
                f.push(fhash_bytes(FREQ + (off + 1) as u8, &[&[entries[j][0] / 4]]));
            }
        }
        let e = entries[i];
        if !arabic[i] || e[0] == 0 {
            continue;
        }
        let t = &info[i];
        let own_art = u8::from(t.clitics.contains("ال+"));
        f.push(fhash_bytes(ART, &[&[share(e[1])]]));
        f.push(fhash_bytes(ART_OWN, &[&[share(e[1]), own_art]]));
        f.push(fhash_bytes(PRON, &[&[share(e[2])]]));
        let inflected = ["ه", "ات", "ين", "ون"]
            .iter()
            .map(|end| lex.get(&format!("{}{end}", t.stem))[0])
            .max()
            .unwrap_or(0);
        f.push(fhash_bytes(INFL, &[&[rel(inflected, e[0])]]));
        let nisba = lex.get(&format!("{}ي", t.stem))[0];
        f.push(fhash_bytes(NISBA, &[&[rel(nisba, e[0])]]));
        if let Some(base) = t.stem.strip_suffix('ي').filter(|b| b.chars().count() >= 2) {
            f.push(fhash_bytes(DENISBA, &[&[rel(lex.get(base)[0], e[0])]]));
        }
        f.push(fhash_bytes(BARE, &[&[share(e[3])]]));
        for (k, off) in [-1isize, 1].into_iter().enumerate() {
            if let Some(j) = near(i, off).filter(|&j| entries[j][0] > 0) {
                f.push(fhash_bytes(ART_N + k as u8, &[&[share(entries[j][1])]]));
            }
        }
        f.push(fhash_bytes(FREQ_ART, &[&[e[0] / 4, share(e[1])]]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_and_bytes_round_trip() {
        let e = entry_from_counts(&[1000, 500, 100, 0]);
        assert_eq!(e, [12, 50, 10, 0]);
        let mut l = Lexicon::new();
        l.insert("كتاب", e);
        let back = Lexicon::from_bytes(&l.to_bytes()).expect("reads what it wrote");
        assert_eq!(back.get("كتاب"), e);
        assert_eq!(back.get("سالم"), [0; 4]);
        assert!(Lexicon::from_bytes(b"nope").is_none());
    }

    #[test]
    fn the_compiled_table_knows_common_words_and_names() {
        let l = Lexicon::global();
        assert!(l.len() > 100_000, "{}", l.len());
        // A common noun takes the article often; a person's name almost never.
        let noun = l.get("كتاب");
        let name = l.get("محمد");
        assert!(noun[0] > 0 && name[0] > 0);
        assert!(noun[1] > 20, "{noun:?}");
        assert!(name[1] < 5, "{name:?}");
    }
}
