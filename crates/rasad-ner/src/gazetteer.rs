//! Name lists as features: which tokens of a sentence lie inside a listed name of a type.
//!
//! Names are kept as hashes of their normalised tokens (joined by a space), per type, and travel
//! inside the model file, so a model always tags with the lists it was trained with. A name
//! matches at token `i` when token `i`'s normalised form, or its form without the conjunction
//! and preposition (و ف ب ل ك, the article kept), and the following tokens' forms spell it. At
//! each start the longest name of each type wins.

use crate::features::{fhash, TokenInfo};
use crate::EntityType;
use rustc_hash::FxHashSet;

/// The longest name (in tokens) that is looked for.
pub const MAX_TOKENS: usize = 6;

/// Hashed names by type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gazetteer {
    names: FxHashSet<u64>,
    max_tokens: usize,
}

/// Template id of name hashes (distinct from the feature templates).
const NAME: u8 = 200;

fn type_byte(ty: EntityType) -> u8 {
    ty as u8
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
        self.names.insert(name_hash(ty, &toks.join(" ")));
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The hashes, sorted (for the model file).
    pub fn hashes(&self) -> Vec<u64> {
        let mut v: Vec<u64> = self.names.iter().copied().collect();
        v.sort_unstable();
        v
    }

    /// From stored hashes and the longest name's length.
    pub fn from_hashes(hashes: impl IntoIterator<Item = u64>, max_tokens: usize) -> Gazetteer {
        Gazetteer {
            names: hashes.into_iter().collect(),
            max_tokens: max_tokens.min(MAX_TOKENS),
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
            for (k, ty) in EntityType::ALL.iter().enumerate() {
                let longest = (1..=self.max_tokens.min(info.len() - i)).rev().find(|&n| {
                    [&info[i].norm, &info[i].bare].iter().any(|first| {
                        key.clear();
                        key.push_str(first);
                        for t in &info[i + 1..i + n] {
                            key.push(' ');
                            key.push_str(&t.norm);
                        }
                        self.names.contains(&name_hash(*ty, &key))
                    })
                });
                if let Some(n) = longest {
                    if n == 1 {
                        if out[i][k] == 0 {
                            out[i][k] = 3;
                        }
                    } else {
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

fn name_hash(ty: EntityType, key: &str) -> u64 {
    fhash(NAME + type_byte(ty), &[key])
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
        let back = Gazetteer::from_hashes(g.hashes(), g.max_tokens());
        assert_eq!(back, g);
    }
}
