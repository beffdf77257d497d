//! rasad-lexicon: the actor dictionary (`data/actors/*.toml`) and the gazetteer
//! (`data/places/places.tsv`), loaded once and compiled into a [`Matcher`] that finds their names in
//! a tokenised text.
//!
//! Names are matched on the text layer's stem keys, token by token: «والحوثيين» matches the alias
//! «الحوثيين» because both have the stem key «حوثيين»; the first token of a match may carry
//! proclitics (لطهران، بصنعاء), no token may carry a pronoun, quotes inside a name are skipped
//! (تنظيم “القاعدة”), and the longest match wins.
//!
//! It depends only on the text layer (for keys); it must not depend on extraction, the store or the
//! server. What a match *means* in context (a place or the adjective «البيضاء», which actor «التنظيم»
//! refers to) is decided by the extractor, not here.

pub mod actors;
pub mod matcher;
pub mod places;

pub use actors::{Actor, ActorKind, Descriptor};
pub use matcher::{Match, Matcher, Target};
pub use places::Place;

use std::sync::OnceLock;

/// A lexicon file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A TOML file failed to parse.
    #[error("{file}: {reason}")]
    Parse {
        /// The file.
        file: String,
        /// What is wrong.
        reason: String,
    },
}

/// Everything the extractors look names up in.
pub struct Lexicon {
    /// Actors, indexed by [`Target::Actor`].
    pub actors: Vec<Actor>,
    /// Places, indexed by [`Target::Place`].
    pub places: Vec<Place>,
    /// The compiled names.
    pub matcher: Matcher,
    /// For each head noun (the stem key of the first word of an actor's multi-word name or alias),
    /// the actors named so: «تنظيم» → al-Qaeda, AQAP, ISIS…; what generic references resolve to.
    pub heads: rustc_hash::FxHashMap<String, Vec<u32>>,
}

impl Lexicon {
    /// The lexicon compiled into the binary, built on first use.
    pub fn global() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| {
            let actors =
                actors::builtin().unwrap_or_else(|e| panic!("built-in actor dictionary: {e}"));
            let places = places::builtin();
            Lexicon::new(actors, places)
        })
    }

    /// Compile a lexicon from its records.
    pub fn new(actors: Vec<Actor>, places: Vec<Place>) -> Lexicon {
        let matcher = Matcher::build(&actors, &places);
        let heads = head_index(&actors);
        Lexicon {
            actors,
            places,
            matcher,
            heads,
        }
    }

    /// The actors whose multi-word names start with this head noun (a stem key).
    pub fn actors_with_head(&self, head: &str) -> &[u32] {
        self.heads.get(head).map_or(&[], Vec::as_slice)
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }
}

fn head_index(actors: &[Actor]) -> rustc_hash::FxHashMap<String, Vec<u32>> {
    let mut m: rustc_hash::FxHashMap<String, Vec<u32>> = rustc_hash::FxHashMap::default();
    let mut buf = String::new();
    for (i, actor) in actors.iter().enumerate() {
        for name in std::iter::once(&actor.ar).chain(&actor.aliases) {
            let a = rasad_text::Analysis::new(name);
            let words: Vec<_> = a
                .tokens
                .iter()
                .filter(|t| t.kind == rasad_text::TokenKind::Word)
                .collect();
            if words.len() < 2 {
                continue;
            }
            words[0].seg.stem_key_into(words[0].view(&a.view), &mut buf);
            let v = m.entry(buf.clone()).or_default();
            if !v.contains(&(i as u32)) {
                v.push(i as u32);
            }
        }
    }
    m
}
