//! How often a word occurs in the labelled training text, and how it was tagged there: per stem
//! key, a frequency bucket and the share and majority of its entity labels. Cross-validation and
//! the second pass's jackknife compute them for each training sentence from the *other* parts of
//! the training data only (so a word seen once reads as "unseen elsewhere", as a new name does at
//! tagging time), and for tagging from all of it; the model stores the buckets (hashed keys).

use crate::features::{fhash, fhash_bytes, TokenInfo};
use crate::N_TAGS;
use rustc_hash::FxHashMap;

/// Per stem key: total occurrences, then occurrences under each label.
pub type Counts = FxHashMap<u64, [u32; N_TAGS + 1]>;

/// The key of a token's statistics: a hash of its stem key.
pub fn key(t: &TokenInfo) -> u64 {
    fhash(KEY, &[&t.stem])
}

const KEY: u8 = 210;
const FREQ: u8 = 211; // + offset+1 (3 ids)
const TYPE: u8 = 214; // + offset+1 (3 ids)

/// Count the keys `keys` with their gold labels `gold` into `c`.
pub fn count(c: &mut Counts, keys: &[u64], gold: &[u8]) {
    for (&k, &y) in keys.iter().zip(gold) {
        let e = c.entry(k).or_default();
        e[0] += 1;
        e[1 + usize::from(y)] += 1;
    }
}

/// The two codes of a word's counts: frequency bucket (0 for unseen) and entity-share × 16 +
/// majority entity label.
pub fn codes(c: &[u32; N_TAGS + 1]) -> [u8; 2] {
    let total = c[0];
    let bucket = match total {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=4 => 3,
        5..=9 => 4,
        10..=19 => 5,
        20..=49 => 6,
        _ => 7,
    };
    let ent = total - c[1];
    let share = if ent == 0 {
        0
    } else if ent * 3 < total {
        1
    } else if ent * 3 < 2 * total {
        2
    } else {
        3
    };
    let mut maj = 0;
    for y in 1..N_TAGS {
        if c[1 + y] > 0 && (maj == 0 || c[1 + y] > c[1 + maj]) {
            maj = y;
        }
    }
    [bucket, share * 16 + maj as u8]
}

/// Stored statistics: per key, its [`codes`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordStats {
    map: FxHashMap<u64, [u8; 2]>,
}

impl WordStats {
    /// No statistics (no features).
    pub fn new() -> WordStats {
        WordStats::default()
    }

    /// From counts.
    pub fn from_counts(c: &Counts) -> WordStats {
        WordStats {
            map: c
                .iter()
                .filter(|(_, v)| v[0] > 0)
                .map(|(&k, v)| (k, codes(v)))
                .collect(),
        }
    }

    /// True when there are none (the model has no word-statistics features).
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// The codes of a key (`[0, 0]` when unseen).
    pub fn get(&self, k: u64) -> [u8; 2] {
        self.map.get(&k).copied().unwrap_or([0, 0])
    }

    /// The file section: u32 n, then n × (u64 key, u8 bucket, u8 code), keys ascending.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v: Vec<(u64, [u8; 2])> = self.map.iter().map(|(&k, &c)| (k, c)).collect();
        v.sort_unstable();
        let mut out = Vec::with_capacity(4 + v.len() * 10);
        out.extend_from_slice(&(v.len() as u32).to_le_bytes());
        for (k, c) in v {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&c);
        }
        out
    }

    /// Read [`WordStats::to_bytes`] at the start of `b`; returns the bytes used.
    pub fn read(b: &[u8]) -> Option<(WordStats, usize)> {
        let n = u32::from_le_bytes(b.get(..4)?.try_into().ok()?) as usize;
        let body = b.get(4..4 + n.checked_mul(10)?)?;
        let map = body
            .chunks_exact(10)
            .map(|c| {
                let k = u64::from_le_bytes(c[..8].try_into().unwrap_or([0; 8]));
                (k, [c[8], c[9]])
            })
            .collect();
        Some((WordStats { map }, 4 + n * 10))
    }
}

/// The features of a sentence's tokens given each token's codes, appended to `feats`: the
/// frequency bucket of the token and its neighbours, and for seen words their label code.
pub fn features(codes: &[[u8; 2]], feats: &mut [Vec<u64>]) {
    for (i, f) in feats.iter_mut().enumerate() {
        for off in -1..=1isize {
            let j = i as isize + off;
            if j < 0 || j as usize >= codes.len() {
                continue;
            }
            let c = codes[j as usize];
            let o = (off + 1) as u8;
            f.push(fhash_bytes(FREQ + o, &[&[c[0]]]));
            if c[0] > 0 {
                f.push(fhash_bytes(TYPE + o, &[&[c[1]]]));
            }
        }
    }
}
