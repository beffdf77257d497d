//! rasad-extract: from a read [`Article`] to an analysed [`Document`].
//!
//! Its job: run the text layer over the clean text and fill the document — id, source, title,
//! paragraphs, headings and sentences now; mentions, places, times, quantities and events as the
//! extractors land. Extraction is pure: it never touches a database or the network.
//!
//! It must not depend on the store or the server; it reads only what ingest hands it.

pub mod events;
pub mod flat;
pub mod mentions;
pub mod names;
pub mod numbers;
pub mod quantity;
pub mod time;

use rasad_doc::{Document, Source, Span};
use rasad_ingest::Article;
use rasad_text::Analysis;

/// What an analysis runs beyond the default layers.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Tag names the dictionaries lack with the trained tagger ([`names`]): unlinked persons and
    /// organisations become mentions with `entity: null`. Costs about as much again as the rest
    /// of the text layer; events do not use them.
    pub names: bool,
}

impl Options {
    /// Everything: what `rasad extract` writes.
    pub fn full() -> Options {
        Options { names: true }
    }
}

/// Analyse one article into a document (linked mentions, places, times, quantities, events;
/// no tagger pass — see [`analyse_with`]).
pub fn analyse(article: &Article) -> Document {
    let analysis = Analysis::new(&article.text);
    document(article, &analysis)
}

/// Analyse one article with `options`.
pub fn analyse_with(article: &Article, options: Options) -> Document {
    let analysis = Analysis::new(&article.text);
    let mut doc = document(article, &analysis);
    if options.names {
        let extra = names::unlinked(&analysis, &doc.mentions);
        if !extra.is_empty() {
            doc.mentions.extend(extra);
            doc.mentions.sort_by_key(|m| (m.start, m.end));
        }
    }
    doc
}

/// Build the document of an article from its text analysis.
pub fn document(article: &Article, analysis: &Analysis) -> Document {
    let o = &article.origin;
    let source = Source {
        path: o.path.clone(),
        url: o.url.clone(),
        outlet: o.outlet.clone(),
        published: o.published.clone(),
        language: language(&article.text).map(str::to_string),
        author: o.author.clone(),
    };
    let mut doc = Document::new(document_id(article), source, article.text.clone());
    let span = |&(s, e): &(u32, u32)| Span::new(s, e);
    doc.title = article.title.as_ref().map(span);
    doc.paragraphs = article.paragraphs.iter().map(span).collect();
    doc.headings = article.headings.iter().map(span).collect();
    doc.sentences = analysis.sentences.clone();
    let linked = mentions::link(analysis, rasad_lexicon::Lexicon::global());
    doc.entities = linked.entities;
    doc.mentions = linked.mentions;
    doc.places = linked.places;
    let (times, quantities) = times_and_quantities(analysis, o.published.as_deref());
    doc.times = times;
    doc.quantities = quantities;
    doc.events = events::extract(analysis, &doc);
    doc
}

/// The temporal expressions and quantities of a text; relative times resolve against
/// `published` (ISO 8601) when given. Tokens inside a time are never a quantity.
pub fn times_and_quantities(
    analysis: &Analysis,
    published: Option<&str>,
) -> (Vec<rasad_doc::Time>, Vec<rasad_doc::Quantity>) {
    let reference = published
        .and_then(time::Reference::parse)
        .unwrap_or_else(time::Reference::none);
    let cx = time::cx::Cx::new(analysis);
    let hits = time::hits(&cx, &reference);
    let mut taken = vec![false; cx.len()];
    for h in &hits {
        taken[h.s..h.e].iter_mut().for_each(|t| *t = true);
    }
    let times = hits.iter().map(|h| time::to_time(&cx, h)).collect();
    (times, quantity::tag(&cx, &taken))
}

/// A stable document id: a hash of the record's own id (or its file name, not the full path, so
/// the same article gets the same id on any machine) and its clean text.
pub fn document_id(article: &Article) -> String {
    let key = article
        .origin
        .id
        .clone()
        .or_else(|| {
            article.origin.path.as_deref().map(|p| {
                std::path::Path::new(p)
                    .file_name()
                    .map_or_else(|| p.to_string(), |f| f.to_string_lossy().into_owned())
            })
        })
        .unwrap_or_default();
    let mut h = blake3::Hasher::new();
    h.update(key.as_bytes());
    h.update(b"\0");
    h.update(article.text.as_bytes());
    let hex = h.finalize().to_hex();
    format!("doc-{}", &hex[..16])
}

/// `ar` when Arabic letters are at least half the letters, `en`/`fr`-agnostic `und` otherwise;
/// `None` for text without letters.
pub fn language(text: &str) -> Option<&'static str> {
    let (mut arabic, mut letters) = (0usize, 0usize);
    for c in text.chars() {
        // the Arabic test first: `is_alphabetic` is a slow table search outside ASCII
        if rasad_text::script::is_arabic_letter(c) {
            arabic += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if letters == 0 {
        None
    } else if arabic * 2 >= letters {
        Some("ar")
    } else {
        Some("und")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_ingest::{read_plain, Origin};

    fn article(text: &str, path: &str) -> Article {
        read_plain(
            text,
            None,
            Origin {
                path: Some(path.into()),
                ..Default::default()
            },
        )
        .unwrap()
    }

    #[test]
    fn id_is_stable_across_directories_and_changes_with_text() {
        let a = analyse(&article("عنوان\n\nنص.", "/home/a/x.txt"));
        let b = analyse(&article("عنوان\n\nنص.", "/tmp/other/x.txt"));
        let c = analyse(&article("عنوان\n\nنص آخر.", "/tmp/other/x.txt"));
        assert_eq!(a.id, b.id);
        assert_ne!(a.id, c.id);
        assert!(a.id.starts_with("doc-") && a.id.len() == 20);
    }

    #[test]
    fn document_carries_structure_and_sentences() {
        let d = analyse(&article(
            "عنوان الخبر\n\nجملة أولى. جملة ثانية.\n\nعنوان فرعي\nجملة ثالثة.",
            "x.txt",
        ));
        let texts: Vec<&str> = d.sentences.iter().map(|s| s.slice(&d.text)).collect();
        assert_eq!(
            texts,
            vec![
                "عنوان الخبر",
                "جملة أولى.",
                "جملة ثانية.",
                "عنوان فرعي",
                "جملة ثالثة."
            ]
        );
        assert_eq!(d.title.unwrap().slice(&d.text), "عنوان الخبر");
        assert_eq!(d.headings.len(), 1);
        assert_eq!(d.source.language.as_deref(), Some("ar"));
    }

    #[test]
    fn language_by_script() {
        assert_eq!(language("الحوثيون في صنعاء"), Some("ar"));
        assert_eq!(language("The Houthis"), Some("und"));
        assert_eq!(language("123 ..."), None);
    }
}
