//! `rasad train clusters`: word classes for the NER tagger's cluster features, learned from
//! unlabeled news (SaudiNewsNet zips, JSON arrays of articles, or plain text files).

use super::InputError;
use anyhow::{Context, Result};
use rasad_ner::clusters::{learn, profile, ClusterOptions};
use rasad_ner::features::TokenInfo;
use rustc_hash::FxHashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct TrainClusters {
    /// Unlabeled text: a directory (its `.zip`, `.json` and `.txt` files, in name order) or files.
    /// A `.zip` holds SaudiNewsNet JSON arrays; a `.json` is one such array (title and content
    /// are read); a `.txt` is read as it is.
    #[arg(
        long,
        value_name = "PATH",
        default_value = "../shared/research-data/saudinewsnet/dataset"
    )]
    input: Vec<String>,
    /// Where to write the classes.
    #[arg(long, value_name = "PATH", default_value = "clusters.bin")]
    out: String,
    /// Fine classes.
    #[arg(long, default_value_t = ClusterOptions::default().classes)]
    classes: usize,
    /// Coarser levels (class counts, descending), comma-separated.
    #[arg(long, value_delimiter = ',', default_values_t = ClusterOptions::default().levels)]
    levels: Vec<usize>,
    /// A word needs this many occurrences to get a class.
    #[arg(long, default_value_t = ClusterOptions::default().min_count)]
    min_count: u64,
    /// The most frequent words that serve as contexts.
    #[arg(long, default_value_t = ClusterOptions::default().contexts)]
    contexts: usize,
    /// At most this many passes of the exchange algorithm.
    #[arg(long, default_value_t = ClusterOptions::default().iters)]
    iterations: usize,
}

/// The files of the inputs, directories expanded (name order).
fn files(inputs: &[String]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for i in inputs {
        let p = Path::new(i);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("{i}: cannot list"))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    matches!(
                        p.extension().and_then(|e| e.to_str()),
                        Some("zip" | "json" | "txt")
                    )
                })
                .collect();
            v.sort();
            out.extend(v);
        } else if p.exists() {
            out.push(p.to_path_buf());
        } else {
            return Err(InputError(format!("{i}: no such file or directory")).into());
        }
    }
    Ok(out)
}

/// The texts of one file: articles' titles and contents, or the file itself.
fn texts(path: &Path, emit: &mut dyn FnMut(&str)) -> Result<()> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).with_context(|| format!("{name}: cannot read"))?;
    match path.extension().and_then(|e| e.to_str()) {
        Some("zip") => {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
                .with_context(|| format!("{name}: not a zip archive"))?;
            let mut names: Vec<String> = zip.file_names().map(str::to_string).collect();
            names.sort();
            for m in names.iter().filter(|m| m.ends_with(".json")) {
                let mut buf = Vec::new();
                zip.by_name(m)
                    .with_context(|| format!("{name}!{m}"))?
                    .read_to_end(&mut buf)
                    .with_context(|| format!("{name}!{m}: cannot read"))?;
                json_texts(&buf, &format!("{name}!{m}"), emit)?;
            }
        }
        Some("json") => json_texts(&bytes, &name, emit)?,
        _ => emit(&String::from_utf8_lossy(&bytes)),
    }
    Ok(())
}

fn json_texts(bytes: &[u8], name: &str, emit: &mut dyn FnMut(&str)) -> Result<()> {
    let v: serde_json::Value =
        serde_json::from_slice(bytes).with_context(|| format!("{name}: not JSON"))?;
    for a in v.as_array().map(Vec::as_slice).unwrap_or_default() {
        for field in ["title", "content"] {
            if let Some(t) = a.get(field).and_then(|t| t.as_str()) {
                emit(t);
            }
        }
    }
    Ok(())
}

/// A character that belongs to a word (letters, digits, Arabic marks and tatweel).
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{064B}'..='\u{065F}').contains(&c) || matches!(c, '\u{0670}' | 'ـ')
}

/// Split a line as ANERcorp is split: on whitespace, with punctuation at either end of a word
/// its own token.
fn split_line<'a>(line: &'a str, out: &mut Vec<&'a str>) {
    out.clear();
    for w in line.split_whitespace() {
        let start = w.find(word_char).unwrap_or(w.len());
        let end = w.rfind(word_char).map_or(start, |i| {
            i + w[i..].chars().next().map_or(0, char::len_utf8)
        });
        for (i, c) in w[..start].char_indices() {
            out.push(&w[i..i + c.len_utf8()]);
        }
        if start < end {
            out.push(&w[start..end]);
        }
        for (i, c) in w[end.max(start)..].char_indices() {
            let i = end.max(start) + i;
            out.push(&w[i..i + c.len_utf8()]);
        }
    }
}

pub fn run(a: TrainClusters) -> Result<ExitCode> {
    let t0 = Instant::now();
    let files = files(&a.input)?;
    if files.is_empty() {
        return Err(InputError("no input files".into()).into());
    }
    // Surface word → stem-key id (the text layer segments each distinct word once).
    let mut surface: FxHashMap<String, (u32, bool, bool)> = FxHashMap::default();
    let mut key_id: FxHashMap<String, u32> = FxHashMap::default();
    let mut vocab: Vec<String> = Vec::new();
    let mut counts: Vec<u64> = Vec::new();
    // Per stem key, occurrences with the article and with a pronoun suffix.
    let mut marked: Vec<[u64; 2]> = Vec::new();
    let mut seqs: Vec<Vec<u32>> = Vec::new();
    let mut n_tokens = 0usize;
    for f in &files {
        texts(f, &mut |text| {
            let mut toks = Vec::new();
            for line in text.lines() {
                split_line(line, &mut toks);
                if toks.is_empty() {
                    continue;
                }
                let mut seq = Vec::with_capacity(toks.len());
                for w in &toks {
                    let (id, art, pron) = match surface.get(*w) {
                        Some(&v) => v,
                        None => {
                            let info = TokenInfo::new(w);
                            let art = info.clitics.contains("ال+");
                            let pron = !info.clitics.ends_with('_');
                            let id = match key_id.get(&info.stem) {
                                Some(&id) => id,
                                None => {
                                    vocab.push(info.stem.clone());
                                    counts.push(0);
                                    marked.push([0, 0]);
                                    key_id.insert(info.stem, (vocab.len() - 1) as u32);
                                    (vocab.len() - 1) as u32
                                }
                            };
                            surface.insert(w.to_string(), (id, art, pron));
                            (id, art, pron)
                        }
                    };
                    counts[id as usize] += 1;
                    marked[id as usize][0] += u64::from(art);
                    marked[id as usize][1] += u64::from(pron);
                    seq.push(id);
                }
                n_tokens += seq.len();
                seqs.push(seq);
            }
        })?;
    }
    eprintln!(
        "rasad: {} files, {} lines, {n_tokens} tokens, {} stem keys; read in {:.1}s",
        files.len(),
        seqs.len(),
        vocab.len(),
        t0.elapsed().as_secs_f64()
    );
    let opts = ClusterOptions {
        classes: a.classes,
        levels: a.levels,
        min_count: a.min_count,
        contexts: a.contexts,
        iters: a.iterations,
    };
    let t = Instant::now();
    let profiles: Vec<u8> = counts
        .iter()
        .zip(&marked)
        .map(|(&c, m)| profile(c, m[0], m[1]))
        .collect();
    let clusters = learn(&seqs, &vocab, &counts, &profiles, &opts, &mut |m| {
        eprintln!("rasad: {m} ({:.1}s)", t.elapsed().as_secs_f64())
    });
    let bytes = clusters.to_bytes();
    std::fs::write(&a.out, &bytes).with_context(|| format!("{}: cannot write", a.out))?;
    eprintln!(
        "rasad: {} words in {} levels, {} bytes, written to {} in {:.1}s",
        clusters.len(),
        clusters.n_levels(),
        bytes.len(),
        a.out,
        t0.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_punctuation_off_words() {
        let mut v = Vec::new();
        split_line("قال: «الرياض» (واس) 2015.", &mut v);
        assert_eq!(
            v,
            ["قال", ":", "«", "الرياض", "»", "(", "واس", ")", "2015", "."]
        );
        split_line("...", &mut v);
        assert_eq!(v, [".", ".", "."]);
    }
}
