//! Word classes learned from unlabeled text, as features for names never seen in training.
//!
//! The classes come from the exchange algorithm (Kneser & Ney 1993; the predictive form of
//! Uszkoreit & Brants 2008) run over the stem keys of a large unlabeled corpus: every word is put
//! in one of `K` classes so that the likelihood of a class given the word just before it, and of a
//! class given the word just after it, is as high as it can be made by moving one word at a time.
//! Words that occur in the same contexts («قال X», «في X», «X بن») end up together, so a rare name
//! shares the class of the names the tagger has seen.
//!
//! Coarser levels come from running the same algorithm over the fine classes themselves (each class
//! an item with its summed context counts), so the levels nest like the prefixes of a Brown path.
//!
//! Words are stored as hashes of their stem keys ([`key_hash`]); no text is kept. Everything is
//! deterministic: the vocabulary is ordered by count then key, the initial classes are assigned by
//! rank, the moves are made in a fixed order and ties keep the current class.

use crate::features::fhash;
use rustc_hash::FxHashMap;

/// Template id of cluster keys (distinct from the feature templates).
const KEY: u8 = 202;

const MAGIC: &[u8; 8] = b"RSDCLU\0\0";
const FORMAT: u32 = 2;

/// The hash a word's stem key is stored under.
pub fn key_hash(key: &str) -> u64 {
    fhash(KEY, &[key])
}

/// Word classes at several nested levels.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clusters {
    /// Stem-key hash → fine class and profile ([`profile`]).
    words: FxHashMap<u64, (u16, u8)>,
    /// Number of fine classes.
    fine: u16,
    /// Per coarser level, the class of each fine class.
    levels: Vec<Vec<u16>>,
}

/// A file of classes that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("word-class file is not readable ({0})")]
pub struct ClustersError(pub &'static str);

impl Clusters {
    /// No classes (the features are then absent).
    pub fn new() -> Clusters {
        Clusters::default()
    }

    /// From hashed words with their fine classes, the fine class count and the coarser levels.
    pub fn from_parts(
        words: FxHashMap<u64, (u16, u8)>,
        fine: u16,
        levels: Vec<Vec<u16>>,
    ) -> Clusters {
        Clusters {
            words,
            fine,
            levels,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Number of levels (the fine one included; 0 when empty).
    pub fn n_levels(&self) -> usize {
        if self.words.is_empty() {
            0
        } else {
            1 + self.levels.len()
        }
    }

    /// The profile of a stem key ([`profile`]; `None` for an unknown word).
    pub fn profile(&self, key: &str) -> Option<u8> {
        self.words.get(&key_hash(key)).map(|w| w.1)
    }

    /// The classes of a stem key, finest first (`None` for an unknown word).
    pub fn classes(&self, key: &str) -> Option<Vec<u16>> {
        let &(c, _) = self.words.get(&key_hash(key))?;
        let mut out = Vec::with_capacity(1 + self.levels.len());
        out.push(c);
        for l in &self.levels {
            out.push(l.get(usize::from(c)).copied().unwrap_or(0));
        }
        Some(out)
    }

    /// The compact file: magic, format, fine class count, levels (each a table of the fine
    /// classes), then the words (hashes ascending, then their classes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(24 + self.words.len() * 10);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&u32::from(self.fine).to_le_bytes());
        out.extend_from_slice(&(self.levels.len() as u32).to_le_bytes());
        for l in &self.levels {
            for &c in l {
                out.extend_from_slice(&c.to_le_bytes());
            }
        }
        let mut w: Vec<(u64, (u16, u8))> = self.words.iter().map(|(&h, &c)| (h, c)).collect();
        w.sort_unstable();
        out.extend_from_slice(&(w.len() as u32).to_le_bytes());
        for (h, _) in &w {
            out.extend_from_slice(&h.to_le_bytes());
        }
        for (_, (c, _)) in &w {
            out.extend_from_slice(&c.to_le_bytes());
        }
        for (_, (_, p)) in &w {
            out.push(*p);
        }
        out
    }

    /// Read [`Clusters::to_bytes`]; returns the classes and the bytes read.
    pub fn read(bytes: &[u8]) -> Result<(Clusters, usize), ClustersError> {
        let mut pos = 0usize;
        let mut take = |n: usize| -> Result<&[u8], ClustersError> {
            let end = pos
                .checked_add(n)
                .filter(|&e| e <= bytes.len())
                .ok_or(ClustersError("truncated"))?;
            let s = &bytes[pos..end];
            pos = end;
            Ok(s)
        };
        if take(8)? != MAGIC {
            return Err(ClustersError("bad magic"));
        }
        let u32_of = |s: &[u8]| u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
        if u32_of(take(4)?) != FORMAT {
            return Err(ClustersError("format"));
        }
        let fine = u32_of(take(4)?);
        let n_levels = u32_of(take(4)?) as usize;
        if fine > u32::from(u16::MAX) || n_levels > 16 {
            return Err(ClustersError("sizes"));
        }
        let mut levels = Vec::with_capacity(n_levels);
        for _ in 0..n_levels {
            let t = take(fine as usize * 2)?;
            levels.push(
                t.chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .collect(),
            );
        }
        let n = u32_of(take(4)?) as usize;
        let hashes = take(n.checked_mul(8).ok_or(ClustersError("count"))?)?;
        let classes = take(n * 2)?;
        let profiles = take(n)?;
        let mut words = FxHashMap::with_capacity_and_hasher(n, Default::default());
        for i in 0..n {
            let h = u64::from_le_bytes(hashes[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
            let c = u16::from_le_bytes([classes[i * 2], classes[i * 2 + 1]]);
            if u32::from(c) >= fine {
                return Err(ClustersError("class out of range"));
            }
            words.insert(h, (c, profiles[i]));
        }
        Ok((
            Clusters {
                words,
                fine: fine as u16,
                levels,
            },
            pos,
        ))
    }

    /// Read a whole file of classes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Clusters, ClustersError> {
        let (c, used) = Clusters::read(bytes)?;
        if used != bytes.len() {
            return Err(ClustersError("trailing bytes"));
        }
        Ok(c)
    }
}

/// A word's profile in the unlabeled text, one byte: bits 0–3 how frequent it is (⌊log₂ count⌋
/// halved, at most 15), bits 4–5 how often it carries the article ال (under 5 %, 30 %, 70 %, or
/// more), bits 6–7 how often a pronoun suffix (under 2 %, 10 %, or more). Names seldom take
/// either, so this stands in for the capital letters Arabic lacks.
pub fn profile(count: u64, with_article: u64, with_pronoun: u64) -> u8 {
    let c = count.max(1) as f64;
    let freq = ((63 - count.max(1).leading_zeros()) / 2).min(15) as u8;
    let a = with_article as f64 / c;
    let art = if a < 0.05 {
        0
    } else if a < 0.3 {
        1
    } else if a < 0.7 {
        2
    } else {
        3
    };
    let p = with_pronoun as f64 / c;
    let pron = if p < 0.02 {
        0
    } else if p < 0.1 {
        1
    } else {
        2
    };
    freq | art << 4 | pron << 6
}

/// `x ln x`, with a table for small counts.
struct XlogX {
    table: Vec<f64>,
}

impl XlogX {
    fn new() -> XlogX {
        XlogX {
            table: (0..1u32 << 16)
                .map(|x| {
                    let x = f64::from(x);
                    if x > 0.0 {
                        x * x.ln()
                    } else {
                        0.0
                    }
                })
                .collect(),
        }
    }

    #[inline]
    fn f(&self, x: u64) -> f64 {
        match self.table.get(x as usize) {
            Some(&v) => v,
            None => {
                let x = x as f64;
                x * x.ln()
            }
        }
    }
}

/// The exchange algorithm over `items`, each a list of `(context row, count)` with the item's
/// count `weight` (how often it occurs: the same on both context sides, left and right), into
/// `k` classes in at most `iters` passes (fewer when under 0.1 % of the items move), starting
/// from the classes `class`. Returns the class of every item.
pub fn exchange(
    items: &[Vec<(u32, u32)>],
    weight: &[u64],
    n_rows: usize,
    k: usize,
    iters: usize,
    mut class: Vec<u16>,
    log: &mut dyn FnMut(&str),
) -> Vec<u16> {
    let fx = XlogX::new();
    // n[r * k + c]: occurrences of items of class c in context r.
    let mut n = vec![0u32; n_rows * k];
    let mut total = vec![0u64; k];
    for (w, rows) in items.iter().enumerate() {
        let c = usize::from(class[w]);
        for &(r, m) in rows {
            n[r as usize * k + c] += m;
        }
        total[c] += weight[w];
    }
    let mut gain = vec![0f64; k];
    for it in 0..iters {
        let mut moves = 0usize;
        for (w, rows) in items.iter().enumerate() {
            if rows.is_empty() {
                continue;
            }
            let a = usize::from(class[w]);
            for &(r, m) in rows {
                n[r as usize * k + a] -= m;
            }
            total[a] -= weight[w];
            gain.iter_mut().for_each(|g| *g = 0.0);
            for &(r, m) in rows {
                let row = &n[r as usize * k..r as usize * k + k];
                let m = u64::from(m);
                for (g, &x) in gain.iter_mut().zip(row) {
                    let x = u64::from(x);
                    *g += fx.f(x + m) - fx.f(x);
                }
            }
            let wt = weight[w];
            // Two sides: the class's count enters the objective once per side.
            for (g, &t) in gain.iter_mut().zip(&total) {
                *g -= 2.0 * (fx.f(t + wt) - fx.f(t));
            }
            let mut best = a;
            for (b, &g) in gain.iter().enumerate() {
                if g > gain[best] + 1e-9 {
                    best = b;
                }
            }
            if best != a {
                moves += 1;
                class[w] = best as u16;
            }
            for &(r, m) in rows {
                n[r as usize * k + best] += m;
            }
            total[best] += wt;
        }
        log(&format!(
            "pass {}: {moves} of {} items moved",
            it + 1,
            items.len()
        ));
        if moves * 1000 < items.len() {
            break;
        }
    }
    class
}

/// How to learn classes.
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Fine classes.
    pub classes: usize,
    /// Coarser levels, each a class count (descending).
    pub levels: Vec<usize>,
    /// A word needs this many occurrences to get a class.
    pub min_count: u64,
    /// The most frequent words that serve as contexts (the others share one context).
    pub contexts: usize,
    /// At most this many passes of the exchange algorithm per level.
    pub iters: usize,
}

impl Default for ClusterOptions {
    fn default() -> ClusterOptions {
        ClusterOptions {
            classes: 1024,
            levels: vec![256, 64, 16],
            min_count: 3,
            contexts: 5000,
            iters: 12,
        }
    }
}

/// Learn classes from a corpus of sequences of word ids (`vocab[id]` the stem key, `counts[id]`
/// its count, `profiles[id]` its [`profile`]). Returns the classes of the words of at least
/// `min_count` occurrences.
pub fn learn(
    seqs: &[Vec<u32>],
    vocab: &[String],
    counts: &[u64],
    profiles: &[u8],
    opts: &ClusterOptions,
    log: &mut dyn FnMut(&str),
) -> Clusters {
    // Rank by count, then key: the item order and the initial classes.
    let mut order: Vec<usize> = (0..vocab.len()).collect();
    order.sort_by(|&a, &b| {
        counts[b]
            .cmp(&counts[a])
            .then_with(|| vocab[a].cmp(&vocab[b]))
    });
    let mut rank = vec![u32::MAX; vocab.len()];
    for (r, &w) in order.iter().enumerate() {
        rank[w] = r as u32;
    }
    let n_items = order
        .iter()
        .take_while(|&&w| counts[w] >= opts.min_count)
        .count();
    // Context ids: the top words by rank, then one for the rest, one for the sequence edge.
    let n_ctx = opts.contexts.min(vocab.len());
    let rare = n_ctx as u32;
    let edge = n_ctx as u32 + 1;
    let per_side = n_ctx + 2;
    let ctx = |w: Option<u32>| match w {
        None => edge,
        Some(w) => {
            let r = rank[w as usize];
            if (r as usize) < n_ctx {
                r
            } else {
                rare
            }
        }
    };
    let mut pairs: Vec<FxHashMap<u32, u32>> = vec![FxHashMap::default(); n_items];
    let mut weight = vec![0u64; n_items];
    for s in seqs {
        for (i, &w) in s.iter().enumerate() {
            let item = rank[w as usize] as usize;
            if item >= n_items {
                continue;
            }
            weight[item] += 1;
            let left = ctx(i.checked_sub(1).map(|j| s[j]));
            let right = ctx(s.get(i + 1).copied());
            *pairs[item].entry(left).or_default() += 1;
            *pairs[item].entry(per_side as u32 + right).or_default() += 1;
        }
    }
    let items: Vec<Vec<(u32, u32)>> = pairs
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, u32)> = m.into_iter().collect();
            v.sort_unstable();
            v
        })
        .collect();
    let n_rows = 2 * per_side;
    let k = opts.classes.min(n_items.max(1));
    log(&format!(
        "{} words of at least {} occurrences, {} contexts a side, {} pairs, {k} classes",
        n_items,
        opts.min_count,
        per_side,
        items.iter().map(Vec::len).sum::<usize>()
    ));
    let init: Vec<u16> = (0..n_items).map(|i| (i % k) as u16).collect();
    let fine = exchange(&items, &weight, n_rows, k, opts.iters, init, log);
    // Coarser levels: the classes of the level below as items.
    let mut levels: Vec<Vec<u16>> = Vec::new();
    let mut below: Vec<u16> = (0..k as u16).collect(); // fine class → class of the level below
    let mut below_k = k;
    for &kl in &opts.levels {
        let kl = kl.min(below_k);
        let mut agg: Vec<FxHashMap<u32, u32>> = vec![FxHashMap::default(); below_k];
        let mut wt = vec![0u64; below_k];
        for (w, rows) in items.iter().enumerate() {
            let c = usize::from(below[usize::from(fine[w])]);
            wt[c] += weight[w];
            for &(r, m) in rows {
                *agg[c].entry(r).or_default() += m;
            }
        }
        let citems: Vec<Vec<(u32, u32)>> = agg
            .into_iter()
            .map(|m| {
                let mut v: Vec<(u32, u32)> = m.into_iter().collect();
                v.sort_unstable();
                v
            })
            .collect();
        let init: Vec<u16> = (0..below_k).map(|i| (i % kl) as u16).collect();
        log(&format!("level of {kl} classes"));
        let up = exchange(&citems, &wt, n_rows, kl, opts.iters * 2, init, log);
        below = (0..k).map(|f| up[usize::from(below[f])]).collect();
        levels.push(below.clone());
        below_k = kl;
    }
    let mut words = FxHashMap::default();
    for (item, &w) in order.iter().take(n_items).enumerate() {
        words.insert(key_hash(&vocab[w]), (fine[item], profiles[w]));
    }
    Clusters::from_parts(words, k as u16, levels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchange_separates_words_by_context() {
        // Toy corpus: names follow «قال», places follow «في».
        let text = "قال سالم في عدن . قال خالد في مأرب . قال سالم في مأرب . قال خالد في عدن . \
                    قال سعيد في تعز . قال سعيد في عدن . قال خالد في تعز .";
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut vocab = Vec::new();
        let mut counts = Vec::new();
        let seq: Vec<u32> = text
            .split(' ')
            .map(|w| {
                let id = *ids.entry(w).or_insert_with(|| {
                    vocab.push(w.to_string());
                    counts.push(0);
                    (vocab.len() - 1) as u32
                });
                counts[id as usize] += 1;
                id
            })
            .collect();
        let opts = ClusterOptions {
            classes: 4,
            levels: vec![2],
            min_count: 1,
            contexts: 10,
            iters: 20,
        };
        let profiles = vec![0u8; vocab.len()];
        let c = learn(&[seq], &vocab, &counts, &profiles, &opts, &mut |_| {});
        let cl = |w: &str| c.classes(w).unwrap();
        assert_eq!(cl("سالم")[0], cl("خالد")[0]);
        assert_eq!(cl("سعيد")[0], cl("خالد")[0]);
        assert_eq!(cl("عدن")[0], cl("مأرب")[0]);
        assert_eq!(cl("تعز")[0], cl("مأرب")[0]);
        assert_ne!(cl("عدن")[0], cl("خالد")[0]);
        assert_eq!(c.n_levels(), 2);
        assert!(c.classes("صنعاء").is_none());
        let back = Clusters::from_bytes(&c.to_bytes()).unwrap();
        assert_eq!(back, c);
        assert!(Clusters::from_bytes(&c.to_bytes()[..10]).is_err());
        assert_eq!(profile(1000, 900, 0), 4 | 3 << 4);
        assert_eq!(profile(8, 0, 1), 1 | 2 << 6);
    }
}
