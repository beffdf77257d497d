//! Name lists as features: which tokens of a sentence lie inside a listed name of a type.
//!
//! Names are kept as hashes of their normalised tokens (joined by a space), per type, and travel
//! inside the model file, so a model always tags with the lists it was trained with. A name
//! matches at token `i` when token `i`'s normalised form, or its form without the conjunction
//! and preposition (و ف ب ل ك, the article kept), and the following tokens' forms spell it. At
//! each start the longest name of each type wins.
//!
//! Beside whole names it keeps single *name words*: words a lexicon lists as proper names
//! (`data/ner/name-words.tsv`: a Buckwalter proper-name stem, a given name, a place, a word of a
//! name's Arabic spelling in a transliteration dictionary), by kind, keyed
//! by the hash of the word's stem key, so «وبوش» and «بوش» read the same.

use crate::features::{fhash, TokenInfo};
use crate::EntityType;
use rustc_hash::{FxHashMap, FxHashSet};

/// The longest name (in tokens) that is looked for.
pub const MAX_TOKENS: usize = 6;

/// Hashed names by type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gazetteer {
    /// `name_hash(key) ^ SALT[type]` of every name.
    names: FxHashSet<u64>,
    /// `prefix_hash(key)` of the first k tokens of every name of more than k tokens, so a match
    /// stops growing as soon as no name goes on.
    prefixes: FxHashSet<u64>,
    max_tokens: usize,
    /// Name words: the key of a stem ([`crate::lexicon::key`]) → its kinds (bit k for kind k).
    words: FxHashMap<u32, u8>,
}

/// The kinds of name words, in the order of their bits.
pub const WORD_KINDS: [&str; 5] = ["propn", "propn-common", "given", "place", "translit"];

/// Template ids of name and prefix hashes (distinct from the feature templates).
const NAME: u8 = 200;
const PREFIX: u8 = 201;

/// Per type, what a name's hash is xored with.
const SALT: [u64; 4] = [
    0x243f_6a88_85a3_08d3,
    0x1319_8a2e_0370_7344,
    0xa409_3822_299f_31d0,
    0x082e_fa98_ec4e_6c89,
];

fn name_hash(key: &str) -> u64 {
    fhash(NAME, &[key])
}

fn prefix_hash(key: &str) -> u64 {
    fhash(PREFIX, &[key])
}

impl Gazetteer {
    /// An empty list.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// Add a name of a type (as written; it is normalised and split on whitespace). Names of
    /// more than [`MAX_TOKENS`] tokens are skipped.
    pub fn add(&mut self, ty: EntityType, name: &str) {
        let toks: Vec<String> = name
            .split_whitespace()
            .map(rasad_text::normalize_key)
            .filter(|t| !t.is_empty())
            .collect();
        if toks.is_empty() || toks.len() > MAX_TOKENS {
            return;
        }
        self.max_tokens = self.max_tokens.max(toks.len());
        self.names
            .insert(name_hash(&toks.join(" ")) ^ SALT[ty as usize]);
        for k in 1..toks.len() {
            self.prefixes.insert(prefix_hash(&toks[..k].join(" ")));
        }
    }

    /// Add a name word of a kind (an index into [`WORD_KINDS`]); it is read through the tagger's
    /// segmenter and kept by its stem key.
    pub fn add_word(&mut self, kind: usize, word: &str) {
        let info = TokenInfo::new(word);
        if info.stem.is_empty() || kind >= WORD_KINDS.len() {
            return;
        }
        *self
            .words
            .entry(crate::lexicon::key(&info.stem))
            .or_default() |= 1 << kind;
    }

    /// Number of name words.
    pub fn n_words(&self) -> usize {
        self.words.len()
    }

    /// The name words as (stem key, kinds), sorted (for the model file).
    pub fn word_entries(&self) -> Vec<(u32, u8)> {
        let mut v: Vec<(u32, u8)> = self.words.iter().map(|(&k, &m)| (k, m)).collect();
        v.sort_unstable();
        v
    }

    /// The same lists with these name words (from [`Gazetteer::word_entries`]).
    pub fn with_words(mut self, words: impl IntoIterator<Item = (u32, u8)>) -> Gazetteer {
        self.words = words.into_iter().collect();
        self
    }

    /// Per token, the kinds of name word its stem is (0: none).
    pub fn word_kinds(&self, info: &[TokenInfo]) -> Vec<u8> {
        if self.words.is_empty() {
            return vec![0; info.len()];
        }
        info.iter()
            .map(|t| {
                self.words
                    .get(&crate::lexicon::key(&t.stem))
                    .copied()
                    .unwrap_or(0)
            })
            .collect()
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The name hashes and the prefix hashes, each sorted (for the model file).
    pub fn hashes(&self) -> (Vec<u64>, Vec<u64>) {
        let sorted = |s: &FxHashSet<u64>| {
            let mut v: Vec<u64> = s.iter().copied().collect();
            v.sort_unstable();
            v
        };
        (sorted(&self.names), sorted(&self.prefixes))
    }

    /// From stored hashes and the longest name's length.
    pub fn from_hashes(
        names: impl IntoIterator<Item = u64>,
        prefixes: impl IntoIterator<Item = u64>,
        max_tokens: usize,
    ) -> Gazetteer {
        Gazetteer {
            names: names.into_iter().collect(),
            prefixes: prefixes.into_iter().collect(),
            max_tokens: max_tokens.min(MAX_TOKENS),
            words: FxHashMap::default(),
        }
    }

    /// The longest name in tokens.
    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// Per token, per type: 0 none, 1 first token of a listed name, 2 inside one, 3 a one-token
    /// name.
    pub fn marks(&self, info: &[TokenInfo]) -> Vec<[u8; 4]> {
        let mut out = vec![[0u8; 4]; info.len()];
        if self.names.is_empty() {
            return out;
        }
        let mut key = String::new();
        for i in 0..info.len() {
            // Per type, the longest name starting here.
            let mut longest = [0usize; 4];
            let max = self.max_tokens.min(info.len() - i);
            for (v, first) in [&info[i].norm, &info[i].bare].into_iter().enumerate() {
                if v == 1 && info[i].bare == info[i].norm {
                    continue;
                }
                key.clear();
                key.push_str(first);
                for n in 1..=max {
                    if n > 1 {
                        key.push(' ');
                        key.push_str(&info[i + n - 1].norm);
                    }
                    let h = name_hash(&key);
                    for (k, l) in longest.iter_mut().enumerate() {
                        if self.names.contains(&(h ^ SALT[k])) {
                            *l = (*l).max(n);
                        }
                    }
                    if n == max || !self.prefixes.contains(&prefix_hash(&key)) {
                        break;
                    }
                }
            }
            for (k, &n) in longest.iter().enumerate() {
                match n {
                    0 => {}
                    1 => {
                        if out[i][k] == 0 {
                            out[i][k] = 3;
                        }
                    }
                    _ => {
                        out[i][k] = 1;
                        for m in &mut out[i + 1..i + n] {
                            m[k] = 2;
                        }
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infos(ws: &[&str]) -> Vec<TokenInfo> {
        ws.iter().map(|w| TokenInfo::new(w)).collect()
    }

    #[test]
    fn marks_names_after_clitics_and_longest_first() {
        let mut g = Gazetteer::new();
        g.add(EntityType::Loc, "صنعاء");
        g.add(EntityType::Loc, "الولايات المتحدة");
        g.add(EntityType::Loc, "الولايات");
        g.add(EntityType::Pers, "عبد الملك");
        let s = infos(&[
            "وصل",
            "عبد",
            "الملك",
            "إلى",
            "وصنعاء",
            "ثم",
            "للولايات",
            "المتحدة",
        ]);
        let m = g.marks(&s);
        let loc = |i: usize| m[i][1];
        let per = |i: usize| m[i][0];
        assert_eq!((per(1), per(2)), (1, 2));
        assert_eq!(loc(4), 3, "و + صنعاء");
        assert_eq!(
            (loc(6), loc(7)),
            (1, 2),
            "ل + الولايات المتحدة (لل), the longer name"
        );
        assert_eq!(loc(0), 0);
        assert_eq!(per(4), 0, "types are apart");
        let (n, p) = g.hashes();
        let back = Gazetteer::from_hashes(n, p, g.max_tokens());
        assert_eq!(back, g);
    }

    #[test]
    fn name_words_read_through_clitics_and_keep_every_kind() {
        let mut g = Gazetteer::new();
        g.add_word(0, "بوش");
        g.add_word(2, "سالم");
        g.add_word(3, "سالم");
        g.add_word(4, "بوش"); // the last kind, `translit`
        g.add_word(9, "عدن"); // no such kind: ignored
        assert_eq!(g.n_words(), 2);
        let s = infos(&["قال", "وبوش", "لسالم", "عدن"]);
        assert_eq!(g.word_kinds(&s), vec![0, 0b10001, 0b1100, 0]);
        let back = Gazetteer::new().with_words(g.word_entries());
        assert_eq!(back.word_kinds(&s), g.word_kinds(&s));
        assert_eq!(Gazetteer::new().word_kinds(&s), vec![0; 4]);
    }
}
