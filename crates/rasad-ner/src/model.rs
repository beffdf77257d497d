//! A trained model: averaged weights keyed by feature hash, and its compact file format.
//!
//! File format (all little-endian):
//!
//! ```text
//! magic  b"RSDNER\0\0"
//! u32    format (FORMAT)
//! u32    labels (17, see crate::labels)
//! -- the first pass's weights:
//! f32    scale: a stored i16 weight q means q × scale
//! f32    × (labels + 1) × labels: transition weights, the last row from the sentence start
//! u32    n: features
//! u64    × n: feature hashes, ascending
//! u32    × n: per feature, the bit mask of labels with a non-zero weight
//! i16    × Σ popcount(mask): those weights, feature by feature, label order
//! -- the name lists and word classes:
//! u32    longest gazetteer name in tokens
//! u32    g: gazetteer names
//! u64    × g: their hashes, ascending (see crate::gazetteer)
//! u32    p: prefixes of gazetteer names
//! u64    × p: their hashes, ascending
//! u32    w: name words
//! 5 B    × w: the key of a stem (u32, crate::lexicon::key) and its kinds (u8), keys ascending
//! …      the word classes (crate::clusters::Clusters::to_bytes; empty when trained without)
//! …      the word statistics (crate::wordstats::WordStats::to_bytes; empty when trained without)
//! u32    window of the second pass in sentences (0: no second pass, the file ends here)
//! …      the second pass's weights, laid out as the first pass's
//! ```
//!
//! Weights are quantised to i16 with one scale; a feature whose weights all round to zero is
//! dropped. Loading builds one hash map (a few milliseconds for a few hundred thousand features).

use crate::clusters::Clusters;
use crate::gazetteer::Gazetteer;
use crate::labels::N_LABELS;
use crate::perceptron::viterbi;
use crate::wordstats::WordStats;
use rustc_hash::FxHashMap;

/// The format version; bump it when the file layout or the feature templates change.
pub const FORMAT: u32 = 8;

const MAGIC: &[u8; 8] = b"RSDNER\0\0";
const L: usize = N_LABELS;

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a rasad NER model.
    #[error("not a rasad NER model (bad magic)")]
    Magic,
    /// Another format version.
    #[error("NER model format {found}, this build reads {FORMAT}; retrain with `rasad train ner`")]
    Format {
        /// The version in the file.
        found: u32,
    },
    /// Cut short or inconsistent.
    #[error("NER model file is truncated or corrupt ({0})")]
    Corrupt(&'static str),
}

/// Averaged perceptron weights by feature hash.
#[derive(Debug, Clone, Default)]
pub struct Model {
    index: FxHashMap<u64, u32>,
    /// `weights[i * L + y]`: feature `i`, label `y`.
    weights: Vec<f32>,
    /// `(L + 1) × L`, last row from the start.
    trans: Vec<f32>,
    /// The name lists its gazetteer features were trained with.
    gazetteer: Gazetteer,
    /// The word classes its cluster features were trained with.
    clusters: Clusters,
    /// The training text's word statistics its word-statistics features read.
    stats: WordStats,
    /// The second pass (see [`crate::features::consistency_features`]): weights over the first
    /// pass's features and the consistency features.
    second: Option<Box<Model>>,
    /// The sentences either side whose first-pass tags the second pass reads.
    window: u32,
    /// With a second pass: each feature's row in the first pass's and the second pass's
    /// weights (`u32::MAX`: none), so tagging looks a feature up once for both.
    joint: FxHashMap<u64, [u32; 2]>,
}

impl Model {
    /// A model that knows nothing (tags everything `O`).
    pub fn empty() -> Model {
        Model {
            index: FxHashMap::default(),
            weights: Vec::new(),
            trans: vec![0.0; (L + 1) * L],
            gazetteer: Gazetteer::new(),
            clusters: Clusters::new(),
            stats: WordStats::new(),
            second: None,
            window: 0,
            joint: FxHashMap::default(),
        }
    }

    /// A model from trained weights: feature `i` has hash `hashes[i]` and weights
    /// `weights[i * L..][..L]`. Features with all-zero weights are left out.
    pub fn from_weights(
        hashes: &[u64],
        weights: &[f32],
        trans: Vec<f32>,
        gazetteer: Gazetteer,
        clusters: Clusters,
    ) -> Model {
        assert_eq!(weights.len(), hashes.len() * L);
        assert_eq!(trans.len(), (L + 1) * L);
        let mut m = Model {
            trans,
            gazetteer,
            clusters,
            ..Model::default()
        };
        for (i, &h) in hashes.iter().enumerate() {
            let row = &weights[i * L..i * L + L];
            if row.iter().all(|&w| w == 0.0) {
                continue;
            }
            m.index.insert(h, (m.weights.len() / L) as u32);
            m.weights.extend_from_slice(row);
        }
        m
    }

    /// The same weights with other name lists and word classes (and no second pass).
    pub fn from_weights_of(m: &Model, gazetteer: Gazetteer, clusters: Clusters) -> Model {
        Model {
            index: m.index.clone(),
            weights: m.weights.clone(),
            trans: m.trans.clone(),
            gazetteer,
            clusters,
            stats: m.stats.clone(),
            second: None,
            window: 0,
            joint: FxHashMap::default(),
        }
    }

    /// The same model with word statistics `stats` (see [`crate::wordstats`]).
    pub fn with_stats(mut self, stats: WordStats) -> Model {
        self.stats = stats;
        self
    }

    /// The word statistics of the word-statistics features (empty: none).
    pub fn stats(&self) -> &WordStats {
        &self.stats
    }

    /// The name lists of the gazetteer features.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Add a second pass over a window of `window` sentences either side.
    pub fn with_second(mut self, second: Model, window: u32) -> Model {
        self.second = Some(Box::new(Model {
            gazetteer: Gazetteer::new(),
            clusters: Clusters::new(),
            stats: WordStats::new(),
            second: None,
            window: 0,
            joint: FxHashMap::default(),
            ..second
        }));
        self.window = window.max(1);
        self
    }

    /// The second pass and its window, if the model has one.
    pub fn second(&self) -> Option<(&Model, usize)> {
        self.second.as_deref().map(|m| (m, self.window as usize))
    }

    /// The word classes of the cluster features.
    pub fn clusters(&self) -> &Clusters {
        &self.clusters
    }

    /// Number of features kept.
    pub fn n_features(&self) -> usize {
        self.index.len()
    }

    /// The emission scores of a sentence's features (`T × L`).
    fn emissions(&self, feats: &[Vec<u64>]) -> Vec<f32> {
        let mut emit = vec![0.0f32; feats.len() * L];
        self.add_emissions(feats, &mut emit);
        emit
    }

    /// Add the emission scores of `feats` to `emit` (`T × L`).
    fn add_emissions(&self, feats: &[Vec<u64>], emit: &mut [f32]) {
        for (t, fs) in feats.iter().enumerate() {
            let acc = &mut emit[t * L..t * L + L];
            for h in fs {
                if let Some(&i) = self.index.get(h) {
                    let row = &self.weights[i as usize * L..i as usize * L + L];
                    for (a, w) in acc.iter_mut().zip(row) {
                        *a += *w;
                    }
                }
            }
        }
    }

    /// For a model with a second pass: the first pass's labels for a sentence's features, and
    /// the second pass's emission scores of the same features (each feature looked up once).
    pub fn first_pass_joint(&self, feats: &[Vec<u64>]) -> (Vec<usize>, Vec<f32>) {
        let Some(second) = self.second.as_deref().filter(|_| !self.joint.is_empty()) else {
            let labels = self.decode(feats);
            let e2 = self
                .second
                .as_deref()
                .map_or_else(Vec::new, |s| s.emissions(feats));
            return (labels, e2);
        };
        let mut e1 = vec![0.0f32; feats.len() * L];
        let mut e2 = vec![0.0f32; feats.len() * L];
        for (t, fs) in feats.iter().enumerate() {
            let (a1, a2) = (&mut e1[t * L..t * L + L], &mut e2[t * L..t * L + L]);
            for h in fs {
                if let Some(&[i, j]) = self.joint.get(h) {
                    if i != u32::MAX {
                        let row = &self.weights[i as usize * L..i as usize * L + L];
                        a1.iter_mut().zip(row).for_each(|(a, w)| *a += *w);
                    }
                    if j != u32::MAX {
                        let row = &second.weights[j as usize * L..j as usize * L + L];
                        a2.iter_mut().zip(row).for_each(|(a, w)| *a += *w);
                    }
                }
            }
        }
        (viterbi(&e1, &self.trans), e2)
    }

    /// Decode with emission scores `emit` (`T × L`) plus those of `feats`.
    pub fn decode_with(&self, mut emit: Vec<f32>, feats: &[Vec<u64>]) -> Vec<usize> {
        self.add_emissions(feats, &mut emit);
        viterbi(&emit, &self.trans)
    }

    /// The emission scores plus transitions decoded: the best label sequence for a sentence's
    /// features (see [`crate::features`]).
    pub fn decode(&self, feats: &[Vec<u64>]) -> Vec<usize> {
        viterbi(&self.emissions(feats), &self.trans)
    }

    /// The compact file (see the module documentation).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(32 + 4 * self.trans.len() + self.index.len() * 12);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&(L as u32).to_le_bytes());
        self.write_weights(&mut out);
        let (names, prefixes) = self.gazetteer.hashes();
        out.extend_from_slice(&(self.gazetteer.max_tokens() as u32).to_le_bytes());
        for set in [names, prefixes] {
            out.extend_from_slice(&(set.len() as u32).to_le_bytes());
            for h in set {
                out.extend_from_slice(&h.to_le_bytes());
            }
        }
        let words = self.gazetteer.word_entries();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (k, m) in words {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(m);
        }
        out.extend_from_slice(&self.clusters.to_bytes());
        out.extend_from_slice(&self.stats.to_bytes());
        match &self.second {
            None => out.extend_from_slice(&0u32.to_le_bytes()),
            Some(m) => {
                out.extend_from_slice(&self.window.max(1).to_le_bytes());
                m.write_weights(&mut out);
            }
        }
        out
    }

    /// Scale, transitions, features and their quantised weights.
    fn write_weights(&self, out: &mut Vec<u8>) {
        let max = self
            .weights
            .iter()
            .chain(&self.trans)
            .fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let q = |w: f32| (w / scale).round().clamp(-32767.0, 32767.0) as i16;
        let mut entries: Vec<(u64, u32)> = self.index.iter().map(|(&h, &i)| (h, i)).collect();
        entries.sort_unstable();
        let mut keys = Vec::new();
        let mut masks = Vec::new();
        let mut vals = Vec::new();
        for (h, i) in entries {
            let row = &self.weights[i as usize * L..i as usize * L + L];
            let mut mask = 0u32;
            for (y, &w) in row.iter().enumerate() {
                if q(w) != 0 {
                    mask |= 1 << y;
                }
            }
            if mask == 0 {
                continue;
            }
            keys.push(h);
            masks.push(mask);
            for (y, &w) in row.iter().enumerate() {
                if mask & (1 << y) != 0 {
                    vals.push(q(w));
                }
            }
        }
        out.extend_from_slice(&scale.to_le_bytes());
        for w in &self.trans {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in &keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for m in &masks {
            out.extend_from_slice(&m.to_le_bytes());
        }
        for v in &vals {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }

    /// Read what [`Model::write_weights`] wrote.
    fn read_weights(r: &mut Reader<'_>) -> Result<Model, ModelError> {
        let scale = r.f32()?;
        let mut trans = Vec::with_capacity((L + 1) * L);
        for _ in 0..(L + 1) * L {
            trans.push(r.f32()?);
        }
        let n = r.u32()? as usize;
        let keys = r.take(n.checked_mul(8).ok_or(ModelError::Corrupt("count"))?)?;
        let masks = r.take(n * 4)?;
        let mut index = FxHashMap::with_capacity_and_hasher(n, Default::default());
        let mut weights = vec![0.0f32; n * L];
        for i in 0..n {
            let h = u64::from_le_bytes(keys[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
            let mask = u32::from_le_bytes([
                masks[i * 4],
                masks[i * 4 + 1],
                masks[i * 4 + 2],
                masks[i * 4 + 3],
            ]);
            if mask >> L != 0 {
                return Err(ModelError::Corrupt("label mask"));
            }
            for y in 0..L {
                if mask & (1 << y) != 0 {
                    let v = r.take(2)?;
                    weights[i * L + y] = f32::from(i16::from_le_bytes([v[0], v[1]])) * scale;
                }
            }
            if index.insert(h, i as u32).is_some() {
                return Err(ModelError::Corrupt("duplicate feature"));
            }
        }
        Ok(Model {
            index,
            weights,
            trans,
            ..Model::default()
        })
    }

    /// Read a model file.
    pub fn from_bytes<'a>(bytes: &'a [u8]) -> Result<Model, ModelError> {
        let mut r = Reader { b: bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::Magic);
        }
        let format = r.u32()?;
        if format != FORMAT {
            return Err(ModelError::Format { found: format });
        }
        if r.u32()? as usize != L {
            return Err(ModelError::Corrupt("label count"));
        }
        let mut m = Model::read_weights(&mut r)?;
        let max_tokens = r.u32()? as usize;
        let mut sets = [&[][..], &[][..]];
        for set in &mut sets {
            let g = r.u32()? as usize;
            *set = r.take(g.checked_mul(8).ok_or(ModelError::Corrupt("count"))?)?;
        }
        let u64s = |b: &'a [u8]| {
            b.chunks_exact(8)
                .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
        };
        let n_words = r.u32()? as usize;
        let words = r.take(n_words.checked_mul(5).ok_or(ModelError::Corrupt("count"))?)?;
        let words = words
            .chunks_exact(5)
            .map(|c| (u32::from_le_bytes([c[0], c[1], c[2], c[3]]), c[4]));
        m.gazetteer =
            Gazetteer::from_hashes(u64s(sets[0]), u64s(sets[1]), max_tokens).with_words(words);
        let (clusters, used) =
            Clusters::read(&bytes[r.pos..]).map_err(|_| ModelError::Corrupt("word classes"))?;
        r.pos += used;
        m.clusters = clusters;
        let (stats, used) =
            WordStats::read(&bytes[r.pos..]).ok_or(ModelError::Corrupt("word statistics"))?;
        r.pos += used;
        m.stats = stats;
        m.window = r.u32()?;
        if m.window > 0 {
            let second = Model::read_weights(&mut r)?;
            let mut joint: FxHashMap<u64, [u32; 2]> = FxHashMap::with_capacity_and_hasher(
                m.index.len() + second.index.len() / 4,
                Default::default(),
            );
            for (&h, &i) in &m.index {
                joint.insert(h, [i, u32::MAX]);
            }
            for (&h, &j) in &second.index {
                joint.entry(h).or_insert([u32::MAX; 2])[1] = j;
            }
            m.joint = joint;
            m.second = Some(Box::new(second));
        }
        if r.pos != bytes.len() {
            return Err(ModelError::Corrupt("trailing bytes"));
        }
        Ok(m)
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or(ModelError::Corrupt("truncated"))?;
        let s = &self.b[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_weights_within_quantisation() {
        let hashes = [10u64, 3, 99];
        let mut w = vec![0.0f32; 3 * L];
        w[1] = 2.5;
        w[L + 4] = -1.25;
        w[2 * L] = 0.0; // an all-zero feature is dropped
        let mut trans = vec![0.0f32; (L + 1) * L];
        trans[5] = -7.0;
        let mut g = Gazetteer::new();
        g.add(crate::EntityType::Loc, "عدن");
        g.add_word(2, "سالم");
        let m = Model::from_weights(&hashes, &w, trans, g.clone(), Clusters::new());
        assert_eq!(m.n_features(), 2);
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.n_features(), 2);
        let e = back.emissions(&[vec![10, 3, 12345]]);
        assert!((e[1] - 2.5).abs() < 1e-3);
        assert!((e[4] + 1.25).abs() < 1e-3);
        assert_eq!(back.trans[5], -7.0);
        assert_eq!(back.gazetteer, g);
        assert_eq!(back.to_bytes(), bytes, "stable");
    }

    #[test]
    fn rejects_bad_files() {
        assert!(matches!(
            Model::from_bytes(b"nope"),
            Err(ModelError::Corrupt(_))
        ));
        assert!(matches!(
            Model::from_bytes(b"NOTAMODELxxxxxxxx"),
            Err(ModelError::Magic)
        ));
        let mut b = Model::empty().to_bytes();
        b[8] = 99;
        assert!(matches!(
            Model::from_bytes(&b),
            Err(ModelError::Format { found: 99 })
        ));
        let b = Model::empty().to_bytes();
        assert!(Model::from_bytes(&b[..b.len() - 1]).is_err());
        let mut b = b;
        b.push(0);
        assert!(Model::from_bytes(&b).is_err());
    }
}
