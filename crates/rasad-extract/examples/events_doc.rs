//! Print the analysed document of a plain-text article (events included) as JSON, for
//! `score-gold`: `cargo run --release -p rasad-extract --example events_doc -- FILE`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: events_doc FILE");
    let text = std::fs::read_to_string(&path).expect("read the article");
    let origin = rasad_ingest::Origin {
        path: Some(path),
        ..Default::default()
    };
    let article = rasad_ingest::read_plain(&text, None, origin).expect("an article");
    let doc = rasad_extract::analyse(&article);
    println!(
        "{}",
        serde_json::to_string_pretty(&doc).expect("serialises")
    );
}
