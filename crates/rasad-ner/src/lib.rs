//! rasad-ner: a trained tagger for the names the dictionaries do not hold.
//!
//! Its job: tag a sentence of tokens with BIO entity tags (`B-`/`I-` of `PERS`, `LOC`, `ORG`,
//! `MISC`, or `O`) using a structured averaged perceptron ([`perceptron`]) over features drawn from
//! the text layer ([`features`]: word, normalised form, stem key, clitics, prefixes and suffixes,
//! shape, word classes learned from unlabeled news ([`clusters`]), in a ±2 window; how often a
//! word occurs in the training text and how it was tagged there ([`wordstats`]); how it behaves in
//! general Arabic text ([`lexicon`]); short quoted spans and the organisation and event words
//! before a name), decoded with
//! Viterbi over finer BILOU labels ([`labels`]: a name's last token and a one-token name have
//! labels of their own) and reported as BIO; a second pass reads how the first tagged the same words in
//! the neighbouring sentences ([`Tagger::tag_document`]). It also trains the model
//! reproducibly from a CoNLL-style corpus ([`train`]), scores it with cross-validated CoNLL entity
//! F1 ([`eval`]) and reads and writes the compact model file ([`model`]).
//!
//! The committed model (`data/ner/anercorp.model`, trained on ANERcorp, CC BY-SA 4.0, see
//! `data/ner/README.md`) is compiled in: [`Tagger::global`] loads it once.
//!
//! It depends only on `rasad-text` (for the normalised form, clitic segmentation and stem keys).
//! It must not depend on ingest, extract, a store or a server, nor on the actor and place
//! dictionaries: the extractor calls it and decides what its spans become.

pub mod clusters;
pub mod conll;
pub mod eval;
pub mod features;
pub mod gazetteer;
pub mod labels;
pub mod lexicon;
pub mod model;
pub mod perceptron;
pub mod train;
pub mod wordstats;

use std::sync::OnceLock;

pub use model::{Model, ModelError};
pub use train::{cross_validate, train_model, TrainOptions};

/// An entity type of the ANERcorp scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Pers,
    /// A location.
    Loc,
    /// An organisation.
    Org,
    /// Anything else named (events, products, nationalities in some uses).
    Misc,
}

impl EntityType {
    /// All types, in label order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Pers,
        EntityType::Loc,
        EntityType::Org,
        EntityType::Misc,
    ];

    /// The name used in tags: `PERS`, `LOC`, `ORG`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Pers => "PERS",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Misc => "MISC",
        }
    }

    /// Parse `PERS`, `LOC`, `ORG`, `MISC` (`PER` is accepted for `PERS`).
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "PERS" | "PER" => EntityType::Pers,
            "LOC" => EntityType::Loc,
            "ORG" => EntityType::Org,
            "MISC" => EntityType::Misc,
            _ => return None,
        })
    }
}

/// A BIO tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Outside any entity.
    O,
    /// The first token of an entity.
    B(EntityType),
    /// A following token of an entity.
    I(EntityType),
}

/// Number of distinct tags (the model's labels are finer: [`labels::N_LABELS`]).
pub const N_TAGS: usize = 9;

impl Tag {
    /// All tags in label order: `O`, then `B-`/`I-` for each type.
    pub const ALL: [Tag; N_TAGS] = [
        Tag::O,
        Tag::B(EntityType::Pers),
        Tag::I(EntityType::Pers),
        Tag::B(EntityType::Loc),
        Tag::I(EntityType::Loc),
        Tag::B(EntityType::Org),
        Tag::I(EntityType::Org),
        Tag::B(EntityType::Misc),
        Tag::I(EntityType::Misc),
    ];

    /// The label index of this tag (position in [`Tag::ALL`]).
    pub fn index(self) -> usize {
        let t = |e: EntityType| EntityType::ALL.iter().position(|x| *x == e).unwrap_or(0);
        match self {
            Tag::O => 0,
            Tag::B(e) => 1 + 2 * t(e),
            Tag::I(e) => 2 + 2 * t(e),
        }
    }

    /// The tag with label index `i` (`O` when out of range).
    pub fn from_index(i: usize) -> Tag {
        Tag::ALL.get(i).copied().unwrap_or(Tag::O)
    }

    /// The entity type, if any.
    pub fn entity(self) -> Option<EntityType> {
        match self {
            Tag::O => None,
            Tag::B(e) | Tag::I(e) => Some(e),
        }
    }

    /// As written in CoNLL files: `O`, `B-PERS`, `I-LOC`, …
    pub fn as_str(self) -> &'static str {
        const NAMES: [&str; N_TAGS] = [
            "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
        ];
        NAMES[self.index()]
    }

    /// Parse `O`, `B-X`, `I-X` (X one of the entity types).
    pub fn parse(s: &str) -> Option<Tag> {
        if s == "O" {
            return Some(Tag::O);
        }
        let (bi, ty) = s.split_once('-')?;
        let ty = EntityType::parse(ty)?;
        match bi {
            "B" => Some(Tag::B(ty)),
            "I" => Some(Tag::I(ty)),
            _ => None,
        }
    }

    /// True when `self` may follow `prev` in a well-formed BIO sequence (`prev = None` at the
    /// start of a sentence): an `I-X` only after `B-X` or `I-X`.
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        match self {
            Tag::I(e) => matches!(prev, Some(Tag::B(p)) | Some(Tag::I(p)) if p == e),
            _ => true,
        }
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An entity found in a sentence: tokens `start..end` of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Entity {
    /// The type.
    pub kind: EntityType,
    /// First token index.
    pub start: usize,
    /// One past the last token index.
    pub end: usize,
}

/// The committed model, compiled in.
static MODEL_BYTES: &[u8] = include_bytes!("../../../data/ner/anercorp.model");

/// A ready tagger: a loaded model. Cheap to share; tagging takes `&self`.
pub struct Tagger {
    model: Model,
}

impl Tagger {
    /// The tagger of the committed ANERcorp model, loaded once.
    ///
    /// # Panics
    /// If the compiled-in model is corrupt (a build error, caught by the tests).
    pub fn global() -> &'static Tagger {
        static T: OnceLock<Tagger> = OnceLock::new();
        T.get_or_init(|| {
            Tagger::from_bytes(MODEL_BYTES).expect("the compiled-in NER model is corrupt")
        })
    }

    /// A tagger from a model file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Ok(Tagger {
            model: Model::from_bytes(bytes)?,
        })
    }

    /// A tagger over a model in memory.
    pub fn from_model(model: Model) -> Tagger {
        Tagger { model }
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tag one sentence of tokens (as written; the features normalise them). One tag a token;
    /// the sequence is well-formed BIO.
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        self.tag_document(&[tokens]).pop().unwrap_or_default()
    }

    /// Tag the sentences of one document (or a run of consecutive sentences). With a second
    /// pass in the model, how the first pass tagged a word in the neighbouring sentences informs
    /// its other mentions, so a name recognised once is more often recognised everywhere.
    pub fn tag_document<S: AsRef<[T]>, T: AsRef<str>>(&self, sentences: &[S]) -> Vec<Vec<Tag>> {
        let m = &self.model;
        let n = sentences.len();
        let mut out: Vec<Vec<Tag>> = Vec::with_capacity(n);
        let to_tags = |l: Vec<usize>| l.into_iter().map(labels::to_tag).collect::<Vec<Tag>>();
        // First-pass labels and mention keys are kept for all sentences (a few bytes a token);
        // emission scores only while a sentence waits for the first pass of the `window` after
        // it.
        let mut keys: Vec<Vec<u64>> = Vec::with_capacity(n);
        let mut first: Vec<Vec<u8>> = Vec::with_capacity(n);
        // Per waiting sentence, its second-pass emission scores of the first pass's features.
        let mut pending: std::collections::VecDeque<Vec<f32>> = Default::default();
        let finish = |p: usize, e2: Vec<f32>, keys: &[Vec<u64>], first: &[Vec<u8>]| {
            let Some((second, window)) = m.second() else {
                return Vec::new();
            };
            let hi = (p + window + 1).min(keys.len());
            let lo = p.saturating_sub(window);
            let k: Vec<&[u64]> = keys[lo..hi].iter().map(Vec::as_slice).collect();
            let mut extra = vec![Vec::new(); keys[p].len()];
            features::consistency_features(&k, &first[lo..hi], p - lo, window, &mut extra);
            to_tags(second.decode_with(e2, &extra))
        };
        let window = m.second().map(|s| s.1);
        for s in sentences {
            let info: Vec<features::TokenInfo> = s
                .as_ref()
                .iter()
                .map(|w| features::TokenInfo::new(w.as_ref()))
                .collect();
            let mut f = features::info_features(&info, m.gazetteer(), m.clusters());
            if !m.stats().is_empty() {
                let codes: Vec<[u8; 2]> = info
                    .iter()
                    .map(|t| m.stats().get(wordstats::key(t)))
                    .collect();
                wordstats::features(&codes, &mut f);
            }
            keys.push(info.iter().map(features::doc_key).collect());
            let Some(window) = window else {
                out.push(to_tags(m.decode(&f)));
                continue;
            };
            let (labels, e2) = m.first_pass_joint(&f);
            first.push(labels.into_iter().map(|y| y as u8).collect());
            pending.push_back(e2);
            if pending.len() > window {
                let p = out.len();
                let e2 = pending.pop_front().unwrap_or_default();
                out.push(finish(p, e2, &keys, &first));
            }
        }
        while let Some(e2) = pending.pop_front() {
            let p = out.len();
            out.push(finish(p, e2, &keys, &first));
        }
        out
    }

    /// Tag one sentence and return its entities as token ranges.
    pub fn entities(&self, tokens: &[&str]) -> Vec<Entity> {
        eval::chunks(&self.tag(tokens))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for (i, t) in Tag::ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
            assert_eq!(Tag::parse(t.as_str()), Some(*t));
            assert_eq!(Tag::from_index(i), *t);
        }
        assert_eq!(Tag::parse("B-PER"), Some(Tag::B(EntityType::Pers)));
        assert_eq!(Tag::parse("X-LOC"), None);
        assert_eq!(Tag::parse("B-FOO"), None);
    }

    fn tag_str(words: &str) -> Vec<&'static str> {
        let toks: Vec<&str> = words.split(' ').collect();
        Tagger::global()
            .tag(&toks)
            .iter()
            .map(|t| t.as_str())
            .collect()
    }

    #[test]
    fn committed_model_finds_people_places_and_organisations() {
        // Sentences written for this test, not taken from the corpus.
        assert_eq!(
            tag_str("وقال الرئيس الأمريكي جورج بوش في واشنطن إن الأمم المتحدة ستجتمع ."),
            ["O", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O", "O"]
        );
        let t = tag_str("التقى وزير الخارجية السعودي سعود الفيصل نظيره المصري في القاهرة .");
        assert_eq!(&t[4..6], ["B-PERS", "I-PERS"]);
        assert_eq!(t[9], "B-LOC");
        assert_eq!(t[0], "O");
        let e = Tagger::global().entities(&["وصل", "الوفد", "إلى", "بغداد", "أمس"]);
        assert_eq!(
            e,
            vec![Entity {
                kind: EntityType::Loc,
                start: 3,
                end: 4
            }]
        );
        assert!(Tagger::global().tag(&[]).is_empty());
        assert!(Tagger::global()
            .tag_document::<&[&str], &str>(&[])
            .is_empty());
    }

    #[test]
    fn document_tagging_matches_the_path_training_takes() {
        // Sentences written for this test.
        let doc = [
            vec!["قال", "الرئيس", "جورج", "بوش", "في", "واشنطن"],
            vec!["ووصل", "بوش", "إلى", "بغداد", "أمس"],
        ];
        let t = Tagger::global();
        let tags = t.tag_document(&doc);
        assert_eq!(tags.iter().map(Vec::len).collect::<Vec<_>>(), [6, 5]);
        assert_eq!(t.tag(&doc[0]).len(), 6);
        // The committed model has a second pass; without the joint index built at loading (as
        // in training and cross-validation) it tags the same.
        let m = t.model();
        let (second, window) = m.second().expect("a second pass");
        let plain = Model::from_weights_of(m, m.gazetteer().clone(), m.clusters().clone())
            .with_second(second.clone(), window as u32);
        assert_eq!(Tagger::from_model(plain).tag_document(&doc), tags);
    }

    #[test]
    fn committed_model_loads_fast() {
        let t = std::time::Instant::now();
        let m = Tagger::from_bytes(MODEL_BYTES).unwrap();
        assert!(m.model().n_features() > 10_000);
        assert!(!m.model().gazetteer().is_empty());
        // Generous for debug builds; release loads in a few milliseconds.
        assert!(t.elapsed().as_millis() < 1000, "{:?}", t.elapsed());
    }

    #[test]
    fn bio_constraints() {
        let il = Tag::I(EntityType::Loc);
        assert!(!il.may_follow(None));
        assert!(!il.may_follow(Some(Tag::O)));
        assert!(!il.may_follow(Some(Tag::B(EntityType::Pers))));
        assert!(il.may_follow(Some(Tag::B(EntityType::Loc))));
        assert!(il.may_follow(Some(Tag::I(EntityType::Loc))));
        assert!(Tag::B(EntityType::Org).may_follow(None));
    }
}
