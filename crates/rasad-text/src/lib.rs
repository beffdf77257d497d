//! rasad-text: the Arabic text layer every span of rasad is measured in.
//!
//! Its job: validate UTF-8, fold text into a normalised view that maps back to the original
//! ([`normalize`]), split sentences ([`sentences`]), tokenise with code-point spans ([`tokens`]) and
//! segment clitics ([`clitics`]). All offsets it hands out are Unicode code points of the original
//! text; nobody else slices strings by byte index.
//!
//! It must not depend on any other rasad crate except `rasad-doc` (for the `Span` type), nor on
//! lexicons of actors, places or triggers: those match *on* this layer's view and stem keys. Its
//! own data — the clitic guard list and the stem-support table under `data/text/` — is compiled in.

pub mod clitics;
pub mod normalize;
pub mod script;
pub mod sentences;
pub mod tokens;
pub mod utf8;

pub use clitics::{Segmentation, Segmenter};
pub use normalize::{normalize_key, Normalized};
pub use rasad_doc::Span;
pub use sentences::split_sentences;
pub use tokens::{tokenize, Token, TokenKind};

/// A text with its view, sentences and tokens: what the extractors work on.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The original characters (index = code point offset).
    pub chars: Vec<char>,
    /// The normalised view with its map back to `chars`.
    pub view: Normalized,
    /// Sentence spans (original code points).
    pub sentences: Vec<Span>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
}

impl Analysis {
    /// Normalise, split, tokenise and segment `text`.
    pub fn new(text: &str) -> Analysis {
        let mut chars: Vec<char> = Vec::with_capacity(text.chars().count());
        chars.extend(text.chars());
        let view = Normalized::from_chars(chars.iter().copied(), text.len());
        let sentences = sentences::split_chars(&chars);
        let tokens = tokenize(&chars, &view, Segmenter::global());
        Analysis {
            chars,
            view,
            sentences,
            tokens,
        }
    }

    /// The original text of a span, by code points (clamped, never panics).
    pub fn slice(&self, start: u32, end: u32) -> String {
        let len = self.chars.len();
        let e = (end as usize).min(len);
        let s = (start as usize).min(e);
        self.chars[s..e].iter().collect()
    }
}
