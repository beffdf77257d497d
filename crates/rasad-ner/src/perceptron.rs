//! The structured averaged perceptron (Collins 2002) and Viterbi decoding under the label
//! constraints of [`crate::labels`] (BILOU).
//!
//! Weights are integers while training (every update is ±1), so training is exact and the same on
//! every machine; the averaged weights are computed once at the end with the usual lazy trick:
//! each update `d` at step `c` adds `d` to `w` and `c·d` to `u`, and the average is `w − u/c`.

use crate::labels::{self, N_LABELS};

/// Labels (see [`crate::labels`]).
const L: usize = N_LABELS;

/// `ALLOWED[p][y]`: may label `y` follow label `p` (`p = L` is the sentence start)?
fn allowed() -> &'static [[bool; L]; L + 1] {
    static A: std::sync::OnceLock<[[bool; L]; L + 1]> = std::sync::OnceLock::new();
    A.get_or_init(|| {
        let mut a = [[false; L]; L + 1];
        for (p, row) in a.iter_mut().enumerate() {
            let prev = (p < L).then_some(p);
            for (y, cell) in row.iter_mut().enumerate() {
                *cell = labels::may_follow(prev, y);
            }
        }
        a
    })
}

/// The best label sequence for emission scores `emit` (`T × L`, row-major) and transition scores
/// `trans` (`(L + 1) × L`, row `L` = from the start), keeping to well-formed labels (no name
/// left open at the end). Ties go to the lower label, so the result is deterministic.
pub fn viterbi(emit: &[f32], trans: &[f32]) -> Vec<usize> {
    let t_len = emit.len() / L;
    if t_len == 0 {
        return Vec::new();
    }
    let ok = allowed();
    let mut score = vec![f32::NEG_INFINITY; t_len * L];
    let mut back = vec![0u8; t_len * L];
    for y in 0..L {
        if ok[L][y] {
            score[y] = emit[y] + trans[L * L + y];
        }
    }
    for t in 1..t_len {
        for y in 0..L {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0usize;
            for p in 0..L {
                if !ok[p][y] {
                    continue;
                }
                let s = score[(t - 1) * L + p] + trans[p * L + y];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            score[t * L + y] = best + emit[t * L + y];
            back[t * L + y] = arg as u8;
        }
    }
    let last = &score[(t_len - 1) * L..];
    let mut y = 0;
    for k in 1..L {
        if labels::may_end(k) && last[k] > last[y] {
            y = k;
        }
    }
    let mut out = vec![0usize; t_len];
    for t in (0..t_len).rev() {
        out[t] = y;
        y = back[t * L + y] as usize;
    }
    out
}

/// One training sentence: per token the ids of its features, and the gold labels.
#[derive(Debug, Clone, Default)]
pub struct Example {
    /// Feature ids of all tokens, concatenated.
    pub ids: Vec<u32>,
    /// `ids[offsets[t]..offsets[t + 1]]` are token `t`'s.
    pub offsets: Vec<u32>,
    /// Gold label per token.
    pub gold: Vec<u8>,
}

impl Example {
    /// An example from per-token feature ids and labels.
    pub fn new(tokens: &[Vec<u32>], gold: Vec<u8>) -> Example {
        let mut ids = Vec::new();
        let mut offsets = Vec::with_capacity(tokens.len() + 1);
        offsets.push(0);
        for t in tokens {
            ids.extend_from_slice(t);
            offsets.push(ids.len() as u32);
        }
        Example { ids, offsets, gold }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.gold.len()
    }

    /// True for an empty sentence.
    pub fn is_empty(&self) -> bool {
        self.gold.is_empty()
    }

    fn token(&self, t: usize) -> &[u32] {
        &self.ids[self.offsets[t] as usize..self.offsets[t + 1] as usize]
    }
}

/// A perceptron being trained over `n_feats` features.
pub struct Perceptron {
    w: Vec<i32>,
    u: Vec<i64>,
    tw: Vec<i32>,
    tu: Vec<i64>,
    /// Instances seen (the averaging clock, starts at 1).
    c: i64,
}

impl Perceptron {
    /// A zero model.
    pub fn new(n_feats: usize) -> Perceptron {
        Perceptron {
            w: vec![0; n_feats * L],
            u: vec![0; n_feats * L],
            tw: vec![0; (L + 1) * L],
            tu: vec![0; (L + 1) * L],
            c: 1,
        }
    }

    /// The current (not averaged) emission scores of a sentence.
    fn emissions(&self, ex: &Example, emit: &mut Vec<f32>) {
        emit.clear();
        emit.resize(ex.len() * L, 0.0);
        for t in 0..ex.len() {
            let mut acc = [0i32; L];
            for &f in ex.token(t) {
                let row = &self.w[f as usize * L..f as usize * L + L];
                for (a, w) in acc.iter_mut().zip(row) {
                    *a += *w;
                }
            }
            for (e, a) in emit[t * L..t * L + L].iter_mut().zip(acc) {
                *e = a as f32;
            }
        }
    }

    /// Predict with the current weights.
    pub fn predict(&self, ex: &Example) -> Vec<usize> {
        let mut emit = Vec::new();
        self.emissions(ex, &mut emit);
        let trans: Vec<f32> = self.tw.iter().map(|&x| x as f32).collect();
        viterbi(&emit, &trans)
    }

    fn bump(&mut self, f: usize, y: usize, d: i32) {
        let k = f * L + y;
        self.w[k] += d;
        self.u[k] += self.c * i64::from(d);
    }

    fn bump_trans(&mut self, p: usize, y: usize, d: i32) {
        let k = p * L + y;
        self.tw[k] += d;
        self.tu[k] += self.c * i64::from(d);
    }

    /// Learn from one example: decode, and where the prediction differs from the gold, move the
    /// weights towards the gold. Returns the number of wrong tokens.
    pub fn learn(&mut self, ex: &Example, emit: &mut Vec<f32>, trans: &mut Vec<f32>) -> usize {
        self.emissions(ex, emit);
        trans.clear();
        trans.extend(self.tw.iter().map(|&x| x as f32));
        let pred = viterbi(emit, trans);
        let mut wrong = 0;
        for t in 0..ex.len() {
            let g = ex.gold[t] as usize;
            let p = pred[t];
            if g != p {
                wrong += 1;
                for i in ex.offsets[t] as usize..ex.offsets[t + 1] as usize {
                    let f = ex.ids[i] as usize;
                    self.bump(f, g, 1);
                    self.bump(f, p, -1);
                }
            }
            let gp = if t == 0 { L } else { ex.gold[t - 1] as usize };
            let pp = if t == 0 { L } else { pred[t - 1] };
            if (gp, g) != (pp, p) {
                self.bump_trans(gp, g, 1);
                self.bump_trans(pp, p, -1);
            }
        }
        self.c += 1;
        wrong
    }

    /// The averaged emission weights (`n_feats × L`) and transition weights (`(L + 1) × L`).
    pub fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let c = self.c as f64;
        let avg = |w: &[i32], u: &[i64]| -> Vec<f32> {
            w.iter()
                .zip(u)
                .map(|(&w, &u)| (f64::from(w) - u as f64 / c) as f32)
                .collect()
        };
        (avg(&self.w, &self.u), avg(&self.tw, &self.tu))
    }
}

/// A small deterministic generator (splitmix64) for shuffling.
pub struct Rng(u64);

impl Rng {
    /// Seeded.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Train over `examples` for `epochs` passes in an order shuffled by `seed`; returns the
/// averaged weights (see [`Perceptron::averaged`]).
pub fn train(
    examples: &[Example],
    n_feats: usize,
    epochs: usize,
    seed: u64,
) -> (Vec<f32>, Vec<f32>) {
    let mut p = Perceptron::new(n_feats);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::new(seed);
    let (mut emit, mut trans) = (Vec::new(), Vec::new());
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            p.learn(&examples[i], &mut emit, &mut trans);
        }
    }
    p.averaged()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EntityType, Tag};

    /// The label of a one-token name of type `e` (`U-`), or of the first token of a longer one
    /// (`B-`).
    fn unit(e: EntityType) -> usize {
        labels::of_tags(&[Tag::B(e)])[0].into()
    }
    fn begin(e: EntityType) -> usize {
        labels::of_tags(&[Tag::B(e), Tag::I(e)])[0].into()
    }
    fn last(e: EntityType) -> usize {
        labels::of_tags(&[Tag::B(e), Tag::I(e)])[1].into()
    }
    fn idx(t: Tag) -> u8 {
        labels::of_tags(&[t])[0]
    }

    #[test]
    fn viterbi_keeps_labels_well_formed() {
        let loc = EntityType::Loc;
        // Emissions alone would say O, L-LOC: ill-formed. Viterbi must not output it.
        let mut emit = vec![0.0f32; 2 * L];
        emit[0] = 5.0;
        emit[L + last(loc)] = 5.0;
        emit[L + unit(loc)] = 1.0;
        let trans = vec![0.0f32; (L + 1) * L];
        let best = viterbi(&emit, &trans);
        assert_eq!(best, vec![0, unit(loc)]);
        // With B-LOC allowed first, B-LOC L-LOC can win when its emissions carry it.
        emit[begin(loc)] = 4.5;
        emit[L + last(loc)] = 7.0;
        let best = viterbi(&emit, &trans);
        assert_eq!(best, vec![begin(loc), last(loc)]);
        // A name left open at the end is not decoded, however its last token scores.
        let mut emit = vec![0.0f32; L];
        emit[begin(loc)] = 9.0;
        emit[unit(loc)] = 1.0;
        assert_eq!(viterbi(&emit, &trans), vec![unit(loc)]);
        assert!(viterbi(&[], &trans).is_empty());
    }

    #[test]
    fn one_update_moves_weights_towards_gold() {
        // Two tokens, features 0 and 1; gold B-PERS O. A zero model predicts O O (ties go low).
        let ex = Example::new(&[vec![0], vec![1]], vec![idx(Tag::B(EntityType::Pers)), 0]);
        let mut p = Perceptron::new(2);
        assert_eq!(p.predict(&ex), vec![0, 0]);
        let (mut e, mut t) = (Vec::new(), Vec::new());
        assert_eq!(p.learn(&ex, &mut e, &mut t), 1);
        let bp = unit(EntityType::Pers);
        assert_eq!(p.w[bp], 1, "feature 0 votes for the gold label");
        assert_eq!(p.w[0], -1, "and against the wrong prediction");
        assert_eq!(p.w[L..2 * L].iter().sum::<i32>(), 0, "token 1 was right");
        assert_eq!(p.tw[L * L + bp], 1, "start → U-PERS");
        assert_eq!(p.tw[bp * L], 1, "U-PERS → O");
        assert_eq!(p.tw[L * L], -1, "start → O");
        assert_eq!(p.tw[0], -1, "O → O");
        assert_eq!(p.predict(&ex), vec![bp, 0]);
        assert_eq!(p.learn(&ex, &mut e, &mut t), 0, "now right: no update");
    }

    #[test]
    fn averaging_discounts_late_changes() {
        let ex = Example::new(&[vec![0]], vec![idx(Tag::B(EntityType::Loc))]);
        let mut p = Perceptron::new(1);
        let (mut e, mut t) = (Vec::new(), Vec::new());
        p.learn(&ex, &mut e, &mut t); // update at c = 1
        for _ in 0..3 {
            p.learn(&ex, &mut e, &mut t); // right: clock moves on
        }
        let (w, _) = p.averaged();
        let bl = unit(EntityType::Loc);
        // The weight was 1 for all 4 steps counted after the update: average 1 − 1/5·1.
        assert!((w[bl] - (1.0 - 1.0 / 5.0)).abs() < 1e-6, "{}", w[bl]);
    }

    #[test]
    fn learns_a_toy_language() {
        // Hand-written toy data: «قال X» means X is a person, «في Y» means Y is a place.
        let vocab = ["قال", "في", "سالم", "عدن", "مأرب", "خالد", "اليوم"];
        let sents: Vec<(Vec<usize>, Vec<Tag>)> = vec![
            (
                vec![0, 2, 1, 3],
                vec![
                    Tag::O,
                    Tag::B(EntityType::Pers),
                    Tag::O,
                    Tag::B(EntityType::Loc),
                ],
            ),
            (
                vec![0, 5, 1, 4],
                vec![
                    Tag::O,
                    Tag::B(EntityType::Pers),
                    Tag::O,
                    Tag::B(EntityType::Loc),
                ],
            ),
            (vec![1, 3, 6], vec![Tag::O, Tag::B(EntityType::Loc), Tag::O]),
        ];
        // Features: the word id, and «previous word» id offset by the vocabulary size.
        let ex: Vec<Example> = sents
            .iter()
            .map(|(ws, tags)| {
                let toks: Vec<Vec<u32>> = ws
                    .iter()
                    .enumerate()
                    .map(|(i, &w)| {
                        let mut f = vec![w as u32];
                        if i > 0 {
                            f.push((vocab.len() + ws[i - 1]) as u32);
                        }
                        f
                    })
                    .collect();
                Example::new(&toks, tags.iter().map(|t| idx(*t)).collect())
            })
            .collect();
        let (w, tr) = train(&ex, 2 * vocab.len(), 5, 1);
        // A new sentence: «قال مأرب»? No: «في خالد» — the context says place.
        let emit_of = |feats: &[u32]| -> Vec<f32> {
            (0..L)
                .map(|y| feats.iter().map(|&f| w[f as usize * L + y]).sum())
                .collect()
        };
        let mut emit = emit_of(&[1]);
        emit.extend(emit_of(&[5, (vocab.len() + 1) as u32]));
        let best = viterbi(&emit, &tr);
        assert_eq!(best[0], 0);
        assert_eq!(labels::to_tag(best[1]).entity(), Some(EntityType::Loc));
    }

    #[test]
    fn shuffle_is_seeded() {
        let mut a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        Rng::new(7).shuffle(&mut a);
        Rng::new(7).shuffle(&mut b);
        assert_eq!(a, b);
        let mut c: Vec<u32> = (0..20).collect();
        Rng::new(8).shuffle(&mut c);
        assert_ne!(a, c);
    }
}
