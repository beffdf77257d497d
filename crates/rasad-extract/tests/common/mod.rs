//! Helpers the event and name tests share: a sentence written for a test, read as the body of a
//! one-line article under a neutral title.

#![allow(dead_code)]

use rasad_doc::Document;

/// The article whose body is `text`.
pub fn article(text: &str) -> rasad_ingest::Article {
    rasad_ingest::read_plain(
        &format!("عنوان\n\n{text}"),
        None,
        rasad_ingest::Origin::default(),
    )
    .unwrap()
}

/// The analysed document of that article.
pub fn doc(text: &str) -> Document {
    rasad_extract::analyse(&article(text))
}
