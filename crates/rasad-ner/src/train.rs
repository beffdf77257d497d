//! Reproducible training and k-fold cross-validation.
//!
//! Given the same corpus, options and seed, training gives the same model byte for byte: feature
//! ids are assigned in corpus order, the perceptron's weights are integers while it learns, the
//! sentence order of each epoch comes from a seeded generator, and folds run in parallel but each
//! is computed independently of the others.

use crate::conll::Sentence;
use crate::eval::Scores;
use crate::features::{info_features, TokenInfo};
use crate::gazetteer::Gazetteer;
use crate::model::Model;
use crate::perceptron::{self, Example};
use crate::{Tag, Tagger};
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
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 16,
            seed: 1,
            folds: 5,
            min_count: 1,
            threads: 2,
            interleaved: false,
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
    pub fn new(sents: &[Sentence], gazetteer: Gazetteer, threads: usize) -> Prepared {
        const CHUNK: usize = 256;
        let chunks = sents.len().div_ceil(CHUNK);
        let parts = par_map(chunks, threads, |c| {
            sents[c * CHUNK..((c + 1) * CHUNK).min(sents.len())]
                .iter()
                .map(|s| {
                    let info: Vec<TokenInfo> = s.tokens.iter().map(|w| TokenInfo::new(w)).collect();
                    info_features(&info, &gazetteer)
                })
                .collect::<Vec<_>>()
        });
        Prepared {
            gazetteer,
            feats: parts.into_iter().flatten().collect(),
            gold: sents
                .iter()
                .map(|s| s.tags.iter().map(|t| t.index() as u8).collect())
                .collect(),
        }
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

/// Train a model on the sentences `which` of `prep`.
pub fn fit(prep: &Prepared, which: &[usize], opts: &TrainOptions) -> Model {
    let mut count: FxHashMap<u64, u32> = FxHashMap::default();
    for &s in which {
        for tok in &prep.feats[s] {
            for &h in tok {
                *count.entry(h).or_default() += 1;
            }
        }
    }
    let mut id: FxHashMap<u64, u32> = FxHashMap::default();
    let mut hashes: Vec<u64> = Vec::new();
    let mut examples = Vec::with_capacity(which.len());
    for &s in which {
        let toks: Vec<Vec<u32>> = prep.feats[s]
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
        examples.push(Example::new(&toks, prep.gold[s].clone()));
    }
    let (w, trans) = perceptron::train(&examples, hashes.len(), opts.epochs, opts.seed);
    let m = Model::from_weights(&hashes, &w, trans, prep.gazetteer.clone());
    // What is used is what is stored: quantise as the file does.
    Model::from_bytes(&m.to_bytes()).expect("a model reads back what it wrote")
}

/// Train on all sentences of `prep`.
pub fn train_model(prep: &Prepared, opts: &TrainOptions) -> Model {
    let all: Vec<usize> = (0..prep.len()).collect();
    fit(prep, &all, opts)
}

/// Cross-validate: `opts.folds` contiguous blocks of sentences (articles stay together), each
/// held out once while a model is trained on the rest. Returns the scores of each fold.
pub fn cross_validate(prep: &Prepared, opts: &TrainOptions) -> Vec<Scores> {
    let k = opts.folds.max(2);
    let n = prep.len();
    // Folds run in parallel; each trains single-threaded.
    par_map(k, opts.threads, |f| {
        let in_fold = |i: usize| {
            if opts.interleaved {
                i % k == f
            } else {
                (f * n / k..(f + 1) * n / k).contains(&i)
            }
        };
        let train: Vec<usize> = (0..n).filter(|&i| !in_fold(i)).collect();
        let model = fit(prep, &train, opts);
        let tagger = Tagger::from_model(model);
        let mut s = Scores::default();
        for i in (0..n).filter(|&i| in_fold(i)) {
            let pred: Vec<Tag> = tagger
                .model()
                .decode(&prep.feats[i])
                .into_iter()
                .map(Tag::from_index)
                .collect();
            let gold: Vec<Tag> = prep.gold[i]
                .iter()
                .map(|&g| Tag::from_index(g as usize))
                .collect();
            s.add_sentence(&gold, &pred);
        }
        s
    })
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
        let prep = Prepared::new(&sents, Gazetteer::new(), 2);
        let opts = TrainOptions {
            epochs: 5,
            ..TrainOptions::default()
        };
        let a = train_model(&prep, &opts).to_bytes();
        let b = train_model(&prep, &opts).to_bytes();
        assert_eq!(a, b, "same seed, same bytes");
        let t = Tagger::from_bytes(&a).unwrap();
        let tags = t.tag(&["قال", "سالم", "في", "عدن"]);
        assert_eq!(
            tags.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
            ["O", "B-PERS", "O", "B-LOC"]
        );
    }

    #[test]
    fn cross_validation_scores_every_sentence_once() {
        let sents = read_tagged(TOY).unwrap();
        let prep = Prepared::new(&sents, Gazetteer::new(), 1);
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
