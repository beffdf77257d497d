//! rasad-ingest: readers that turn raw input into clean article text.
//!
//! Its job: read a source (plain text now; HTML, WARC and feeds later), remove the site furniture
//! around the article ([`boilerplate`]), and hand over an [`Article`]: the clean text — title, blank
//! line, paragraphs separated by blank lines — with the spans of its title, paragraphs and
//! headings, and what is known of its source. Bad input is an [`IngestError`] naming the record.
//!
//! It must not depend on extraction, the store or the server; from the text layer it uses only
//! normalisation (to compare furniture lines) and UTF-8 validation.

pub mod boilerplate;
pub mod feed;
pub mod html;
pub mod jsonl;
pub mod plain;
pub mod warc;

pub use plain::read_plain;

/// A code-point span of [`Article::text`] (start inclusive, end exclusive).
pub type Range = (u32, u32);

/// What a reader knows of where an article came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The record's own id (JSON Lines `id`), if it has one.
    pub id: Option<String>,
    /// The file or record path it came from.
    pub path: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// The outlet (site or newspaper) name.
    pub outlet: Option<String>,
    /// Publication date as given (ISO 8601 preferred).
    pub published: Option<String>,
    /// The author (byline), when the source names one.
    pub author: Option<String>,
}

/// One article read from a source, with its furniture removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// Where it came from.
    pub origin: Origin,
    /// The clean text: title, blank line, paragraphs separated by blank lines.
    pub text: String,
    /// The title's span, if the article has one.
    pub title: Option<Range>,
    /// Paragraph spans (a heading is not a paragraph).
    pub paragraphs: Vec<Range>,
    /// In-text sub-heading spans.
    pub headings: Vec<Range>,
    /// Furniture lines removed from the ends, as written.
    pub removed: Vec<String>,
}

/// Why a record could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    /// Nothing left after whitespace and furniture.
    #[error("empty: no article text (after removing whitespace and site furniture)")]
    Empty,
    /// The bytes are not UTF-8.
    #[error("not valid UTF-8 at byte offset {offset}")]
    NotUtf8 {
        /// Byte offset of the first bad sequence.
        offset: usize,
    },
    /// A JSON Lines record is not a JSON object with the fields it needs.
    #[error("{0}")]
    BadRecord(String),
}

impl From<rasad_text::utf8::Utf8Error> for IngestError {
    fn from(e: rasad_text::utf8::Utf8Error) -> Self {
        IngestError::NotUtf8 { offset: e.offset }
    }
}
