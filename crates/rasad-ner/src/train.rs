//! Reproducible training and k-fold cross-validation.
//!
//! Given the same corpus, options and seed, training gives the same model byte for byte: feature
//! ids are assigned in corpus order, the perceptron's weights are integers while it learns, the
//! sentence order of each epoch comes from a seeded generator, and folds run in parallel but each
//! is computed independently of the others.

use crate::clusters::Clusters;
use crate::conll::Sentence;
use crate::eval::Scores;
use crate::features::{consistency_features, doc_key, info_features, TokenInfo};
use crate::gazetteer::Gazetteer;
use crate::labels;
use crate::model::Model;
use crate::perceptron::{self, Example};
use crate::wordstats::{self, WordStats};
use crate::Tag;
use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// How to train.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the sentence order.
    pub seed: u64,
    /// Folds of cross-validation (0 or 1: none).
    pub folds: usize,
    /// A feature must occur this often in the training part to get a weight.
    pub min_count: u32,
    /// Worker threads.
    pub threads: usize,
    /// Cross-validation folds take every k-th sentence instead of contiguous blocks (sentences
    /// of one article then fall in different folds, so names seen in training recur in testing:
    /// an optimistic estimate).
    pub interleaved: bool,
    /// Sentences either side that the second pass reads the first pass's tags of (0: one pass).
    pub window: usize,
    /// Folds of the jackknife that gives the second pass realistic first-pass tags to learn from.
    pub inner_folds: usize,
    /// Word-statistics features ([`crate::wordstats`]): how often the word occurs in the other
    /// parts of the training text and how it was tagged there.
    pub word_stats: bool,
    /// Perceptrons trained in different sentence orders (seeds `seed`, `seed + 1`, …) whose
    /// averaged weights are averaged again (1: one).
    pub orders: usize,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 10,
            seed: 1,
            folds: 5,
            min_count: 1,
            threads: 2,
            interleaved: false,
            window: 10,
            inner_folds: 5,
            word_stats: true,
            orders: 3,
        }
    }
}

/// A corpus with its features computed once.
pub struct Prepared {
    /// Per sentence, per token, the feature hashes.
    pub feats: Vec<Vec<Vec<u64>>>,
    /// Per sentence, the gold labels.
    pub gold: Vec<Vec<u8>>,
    /// The name lists the features looked at.
    pub gazetteer: Gazetteer,
    /// The word classes the features looked at.
    pub clusters: Clusters,
    /// Per sentence, per token, the key of its other mentions ([`doc_key`]).
    pub keys: Vec<Vec<u64>>,
    /// Per sentence, per token, the key of its word statistics ([`wordstats::key`]).
    pub skeys: Vec<Vec<u64>>,
    /// The sentences `0..main` are the corpus that cross-validation splits into folds; those
    /// after it are extra training data, in the training part of every fold and never tested.
    pub main: usize,
}

/// Run `f(i)` for `i in 0..n` on `threads` workers; results in index order.
fn par_map<T: Send>(n: usize, threads: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let out: Mutex<Vec<Option<T>>> = Mutex::new((0..n).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads.clamp(1, n.max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let r = f(i);
                if let Ok(mut o) = out.lock() {
                    o[i] = Some(r);
                }
            });
        }
    });
    out.into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|x| x.expect("every index is computed"))
        .collect()
}

impl Prepared {
    /// Compute the features of every sentence (in parallel), with the name lists `gazetteer`.
    pub fn new(
        sents: &[Sentence],
        gazetteer: Gazetteer,
        clusters: Clusters,
        threads: usize,
    ) -> Prepared {
        const CHUNK: usize = 256;
        let chunks = sents.len().div_ceil(CHUNK);
        let parts = par_map(chunks, threads, |c| {
            sents[c * CHUNK..((c + 1) * CHUNK).min(sents.len())]
                .iter()
                .map(|s| {
                    let info: Vec<TokenInfo> = s.tokens.iter().map(|w| TokenInfo::new(w)).collect();
                    (
                        info_features(&info, &gazetteer, &clusters),
                        (
                            info.iter().map(doc_key).collect::<Vec<u64>>(),
                            info.iter().map(wordstats::key).collect::<Vec<u64>>(),
                        ),
                    )
                })
                .collect::<Vec<_>>()
        });
        let (feats, keys): (_, Vec<(Vec<u64>, Vec<u64>)>) = parts.into_iter().flatten().unzip();
        let (keys, skeys) = keys.into_iter().unzip();
        Prepared {
            skeys,
            main: sents.len(),
            gazetteer,
            clusters,
            feats,
            keys,
            gold: sents
                .iter()
                .map(|s| s.tags.iter().map(|t| t.index() as u8).collect())
                .collect(),
        }
    }

    /// Mark the sentences from `main` on as extra training data (see [`Prepared::main`]).
    pub fn with_main(mut self, main: usize) -> Prepared {
        self.main = main.min(self.len());
        self
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.gold.len()
    }

    /// True when there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.gold.is_empty()
    }
}

/// Train weights on sentences given by their features and gold labels.
fn fit_weights(feats: &[&[Vec<u64>]], gold: &[&[u8]], opts: &TrainOptions) -> Model {
    let mut count: FxHashMap<u64, u32> = FxHashMap::default();
    for sent in feats {
        for tok in sent.iter() {
            for &h in tok {
                *count.entry(h).or_default() += 1;
            }
        }
    }
    let mut id: FxHashMap<u64, u32> = FxHashMap::default();
    let mut hashes: Vec<u64> = Vec::new();
    let mut examples = Vec::with_capacity(feats.len());
    for (sent, g) in feats.iter().zip(gold) {
        let toks: Vec<Vec<u32>> = sent
            .iter()
            .map(|tok| {
                tok.iter()
                    .filter(|h| count[h] >= opts.min_count)
                    .map(|&h| {
                        *id.entry(h).or_insert_with(|| {
                            hashes.push(h);
                            (hashes.len() - 1) as u32
                        })
                    })
                    .collect()
            })
            .collect();
        let tags: Vec<Tag> = g.iter().map(|&y| Tag::from_index(y.into())).collect();
        examples.push(Example::new(&toks, labels::of_tags(&tags)));
    }
    let (mut w, mut trans) = perceptron::train(&examples, hashes.len(), opts.epochs, opts.seed);
    let k = opts.orders.max(1);
    for e in 1..k {
        let seed = opts.seed.wrapping_add(e as u64);
        let (w2, t2) = perceptron::train(&examples, hashes.len(), opts.epochs, seed);
        w.iter_mut().zip(&w2).for_each(|(a, b)| *a += b);
        trans.iter_mut().zip(&t2).for_each(|(a, b)| *a += b);
    }
    if k > 1 {
        w.iter_mut().for_each(|a| *a /= k as f32);
        trans.iter_mut().for_each(|a| *a /= k as f32);
    }
    let m = Model::from_weights(&hashes, &w, trans, Gazetteer::new(), Clusters::new());
    // What is used is what is stored: quantise as the file does.
    Model::from_bytes(&m.to_bytes()).expect("a model reads back what it wrote")
}

/// The first pass alone, on sentences given by their features and gold labels.
fn fit_first(feats: &[&[Vec<u64>]], gold: &[&[u8]], opts: &TrainOptions) -> Model {
    fit_weights(feats, gold, opts)
}

/// The second pass's features of a block of sentences (the window stays inside it): their
/// features `feats` and keys `keys`, given their first-pass labels.
fn second_features(
    feats: &[&[Vec<u64>]],
    keys: &[&[u64]],
    tags: &[Vec<u8>],
    window: usize,
) -> Vec<Vec<Vec<u64>>> {
    feats
        .iter()
        .enumerate()
        .map(|(j, f)| {
            let mut f = f.to_vec();
            consistency_features(keys, tags, j, window, &mut f);
            f
        })
        .collect()
}

/// The features of sentence `s` with the word-statistics features of `stats` appended (none
/// when `stats` is empty).
fn with_stats(prep: &Prepared, s: usize, stats: &WordStats) -> Vec<Vec<u64>> {
    let mut f = prep.feats[s].clone();
    if !stats.is_empty() {
        let codes: Vec<[u8; 2]> = prep.skeys[s].iter().map(|&k| stats.get(k)).collect();
        wordstats::features(&codes, &mut f);
    }
    f
}

/// Train a model on the sentences `which` of `prep`: the first pass, and when `opts.window > 0`
/// the second, which learns from first-pass tags of models that did not see the sentence
/// (`opts.inner_folds` contiguous parts of `which`, each tagged by a model of the others). With
/// `opts.word_stats`, a training sentence's word statistics come from the parts of `which` other
/// than its own, and the model keeps those of all of `which` for tagging.
pub fn fit(prep: &Prepared, which: &[usize], opts: &TrainOptions) -> Model {
    let j = opts.inner_folds.max(2);
    let n = which.len();
    let part_of = |f: usize| &which[f * n / j..(f + 1) * n / j];
    // Per sentence of `which` (in order), its features.
    let (feats, stats): (Vec<Vec<Vec<u64>>>, WordStats) = if opts.word_stats {
        let mut parts: Vec<wordstats::Counts> = Vec::with_capacity(j);
        let mut total = wordstats::Counts::default();
        for f in 0..j {
            let mut c = wordstats::Counts::default();
            for &s in part_of(f) {
                wordstats::count(&mut c, &prep.skeys[s], &prep.gold[s]);
            }
            for (k, v) in &c {
                let e = total.entry(*k).or_default();
                for (a, b) in e.iter_mut().zip(v) {
                    *a += b;
                }
            }
            parts.push(c);
        }
        let mut feats = Vec::with_capacity(n);
        for (f, own) in parts.iter().enumerate() {
            for &s in part_of(f) {
                let codes: Vec<[u8; 2]> = prep.skeys[s]
                    .iter()
                    .map(|k| {
                        let mut c = total.get(k).copied().unwrap_or_default();
                        if let Some(o) = own.get(k) {
                            for (a, b) in c.iter_mut().zip(o) {
                                *a -= b;
                            }
                        }
                        wordstats::codes(&c)
                    })
                    .collect();
                let mut fs = prep.feats[s].clone();
                wordstats::features(&codes, &mut fs);
                feats.push(fs);
            }
        }
        (feats, WordStats::from_counts(&total))
    } else {
        (
            which.iter().map(|&s| prep.feats[s].clone()).collect(),
            WordStats::new(),
        )
    };
    let fref: Vec<&[Vec<u64>]> = feats.iter().map(Vec::as_slice).collect();
    let gold: Vec<&[u8]> = which.iter().map(|&s| prep.gold[s].as_slice()).collect();
    let first = fit_first(&fref, &gold, opts);
    let first = Model::from_bytes(
        &Model::from_weights_of(&first, prep.gazetteer.clone(), prep.clusters.clone())
            .with_stats(stats)
            .to_bytes(),
    )
    .expect("a model reads back what it wrote");
    if opts.window == 0 {
        return first;
    }
    let parts = par_map(j, opts.threads, |f| {
        let (lo, hi) = (f * n / j, (f + 1) * n / j);
        let rest: Vec<usize> = (0..lo).chain(hi..n).collect();
        let rf: Vec<&[Vec<u64>]> = rest.iter().map(|&i| fref[i]).collect();
        let rg: Vec<&[u8]> = rest.iter().map(|&i| gold[i]).collect();
        let m = fit_first(&rf, &rg, opts);
        let tags: Vec<Vec<u8>> = (lo..hi)
            .map(|i| m.decode(fref[i]).into_iter().map(|y| y as u8).collect())
            .collect();
        let keys: Vec<&[u64]> = part_of(f)
            .iter()
            .map(|&s| prep.keys[s].as_slice())
            .collect();
        second_features(&fref[lo..hi], &keys, &tags, opts.window)
    });
    let feats2: Vec<Vec<Vec<u64>>> = parts.into_iter().flatten().collect();
    let f2: Vec<&[Vec<u64>]> = feats2.iter().map(Vec::as_slice).collect();
    let second = fit_weights(&f2, &gold, opts);
    first.with_second(second, opts.window as u32)
}

/// Tag the sentences `group` of `prep` as one block (both passes).
fn tag_group(model: &Model, prep: &Prepared, group: &[usize]) -> Vec<Vec<u8>> {
    let feats: Vec<Vec<Vec<u64>>> = group
        .iter()
        .map(|&s| with_stats(prep, s, model.stats()))
        .collect();
    let tags: Vec<Vec<u8>> = feats
        .iter()
        .map(|f| model.decode(f).into_iter().map(|y| y as u8).collect())
        .collect();
    let Some((second, window)) = model.second() else {
        return tags;
    };
    let fref: Vec<&[Vec<u64>]> = feats.iter().map(Vec::as_slice).collect();
    let keys: Vec<&[u64]> = group.iter().map(|&s| prep.keys[s].as_slice()).collect();
    second_features(&fref, &keys, &tags, window)
        .iter()
        .map(|f| second.decode(f).into_iter().map(|y| y as u8).collect())
        .collect()
}

/// Train on all sentences of `prep`.
pub fn train_model(prep: &Prepared, opts: &TrainOptions) -> Model {
    let all: Vec<usize> = (0..prep.len()).collect();
    fit(prep, &all, opts)
}

/// Cross-validate: `opts.folds` contiguous blocks of sentences (articles stay together), each
/// held out once while a model is trained on the rest. Returns the scores of each fold.
pub fn cross_validate(prep: &Prepared, opts: &TrainOptions) -> Vec<Scores> {
    cross_validate_tags(prep, opts).0
}

/// [`cross_validate`], also returning the held-out prediction of every sentence.
pub fn cross_validate_tags(prep: &Prepared, opts: &TrainOptions) -> (Vec<Scores>, Vec<Vec<Tag>>) {
    let k = opts.folds.max(2);
    let n = prep.main;
    let in_fold = |i: usize, f: usize| {
        if opts.interleaved {
            i % k == f
        } else {
            (f * n / k..(f + 1) * n / k).contains(&i)
        }
    };
    // Folds run in parallel; each trains single-threaded.
    let parts = par_map(k, opts.threads, |f| {
        let train: Vec<usize> = (0..n)
            .filter(|&i| !in_fold(i, f))
            .chain(n..prep.len())
            .collect();
        let model = fit(prep, &train, opts);
        let test: Vec<usize> = (0..n).filter(|&i| in_fold(i, f)).collect();
        let tagged = tag_group(&model, prep, &test);
        let mut s = Scores::default();
        let mut preds = Vec::new();
        for (&i, t) in test.iter().zip(tagged) {
            let pred: Vec<Tag> = t.into_iter().map(|y| labels::to_tag(y.into())).collect();
            let gold: Vec<Tag> = prep.gold[i]
                .iter()
                .map(|&g| Tag::from_index(g as usize))
                .collect();
            s.add_sentence(&gold, &pred);
            preds.push((i, pred));
        }
        (s, preds)
    });
    let mut tags = vec![Vec::new(); n];
    let mut scores = Vec::with_capacity(k);
    for (s, preds) in parts {
        scores.push(s);
        for (i, p) in preds {
            tags[i] = p;
        }
    }
    (scores, tags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conll::read_tagged;

    /// A toy corpus written for the test: people after «قال», places after «في».
    const TOY: &str = "قال O\nسالم B-PERS\nفي O\nعدن B-LOC\n\n\
                       قال O\nخالد B-PERS\nالعمري I-PERS\nفي O\nمأرب B-LOC\n\n\
                       وصل O\nسالم B-PERS\nإلى O\nعدن B-LOC\n\n\
                       قال O\nخالد B-PERS\nإن O\nالوضع O\nفي O\nتعز B-LOC\nهادئ O\n\n";

    #[test]
    fn training_is_deterministic_and_learns_the_toy() {
        let sents = read_tagged(TOY).unwrap();
        let prep = Prepared::new(&sents, Gazetteer::new(), Clusters::new(), 2);
        let opts = TrainOptions {
            epochs: 5,
            ..TrainOptions::default()
        };
        let a = train_model(&prep, &opts).to_bytes();
        let b = train_model(&prep, &opts).to_bytes();
        assert_eq!(a, b, "same seed, same bytes");
        let t = crate::Tagger::from_bytes(&a).unwrap();
        let tags = t.tag(&["قال", "سالم", "في", "عدن"]);
        assert_eq!(
            tags.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
            ["O", "B-PERS", "O", "B-LOC"]
        );
    }

    #[test]
    fn cross_validation_scores_every_sentence_once() {
        let sents = read_tagged(TOY).unwrap();
        let prep = Prepared::new(&sents, Gazetteer::new(), Clusters::new(), 1);
        let opts = TrainOptions {
            epochs: 2,
            folds: 2,
            ..TrainOptions::default()
        };
        let folds = cross_validate(&prep, &opts);
        assert_eq!(folds.len(), 2);
        let mut all = Scores::default();
        for f in &folds {
            all.merge(f);
        }
        assert_eq!(
            all.tokens,
            sents.iter().map(|s| s.tokens.len()).sum::<usize>()
        );
        assert_eq!(all.micro().gold, 8);
    }
}
