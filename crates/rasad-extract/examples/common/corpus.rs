//! Shared by the speed examples: SaudiNewsNet articles read from the dataset's daily zips.

use std::io::Read;

/// The `content` of SaudiNewsNet articles from the zips in `dir`, in file order, until
/// `max_bytes` of text.
pub fn articles(dir: &str, max_bytes: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut total = 0;
    let mut zips: Vec<_> = std::fs::read_dir(dir)
        .expect("read the corpus directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "zip"))
        .collect();
    zips.sort();
    for z in zips {
        let mut archive =
            zip::ZipArchive::new(std::fs::File::open(&z).expect("open zip")).expect("zip");
        for k in 0..archive.len() {
            let mut json = String::new();
            archive
                .by_index(k)
                .expect("entry")
                .read_to_string(&mut json)
                .expect("read entry");
            let Ok(serde_json::Value::Array(items)) = serde_json::from_str(&json) else {
                continue;
            };
            for it in items {
                if let Some(c) = it.get("content").and_then(|c| c.as_str()) {
                    total += c.len();
                    out.push(c.to_string());
                    if total >= max_bytes {
                        return out;
                    }
                }
            }
        }
    }
    out
}
