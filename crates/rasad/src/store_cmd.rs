//! The corpus commands over the embedded store: `ingest`, `search`, `graph`, `actor`,
//! `query events` and `export`. Argument parsing, wiring and printing only; the store is
//! `rasad-store`, the analysis `rasad-extract`.
//!
//! `ingest` reads inputs on this thread, analyses batches in parallel (rayon) and hands each
//! analysed batch to one writer thread, which stores it in one transaction. A killed run loses
//! at most the batches not yet committed; running it again skips every stored document (ids are
//! content-derived) and stores the rest.

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use rasad_ingest::{jsonl, read_plain, Article, IngestError, Origin};
use rasad_store::graph::{Edge, EventFilter, EventRow};
use rasad_store::{prepare, BatchStats, Prepared, Store};
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use serde_json::Value;
use std::io::{BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

/// `rasad ingest`.
#[derive(Args)]
pub struct IngestArgs {
    /// Files or directories: .txt (one article), .jsonl (one {"id","text",…} a line), .json
    /// (SaudiNewsNet-style array of {"source","url","date_extracted","title","content"}), .zip of
    /// those; directories are read recursively by extension.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The database file (created if missing).
    #[arg(long, default_value = "rasad.db")]
    db: PathBuf,
    /// Articles per transaction.
    #[arg(long, default_value_t = 512)]
    batch: usize,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
    /// Shard mode: each input file becomes its own output part in DIR — `NAME.parquet` (events)
    /// and `NAME.jsonl` (events, PLOVER field names) — named after the input; parts already done
    /// are skipped, so many machines can split an archive by file and the parts are merged with
    /// SQL afterwards. `--db` is not used.
    #[arg(long, value_name = "DIR")]
    shard_out: Option<PathBuf>,
}

/// `rasad search`.
#[derive(Args)]
pub struct SearchArgs {
    /// Words to find (all must occur; Arabic in any spelling, with or without clitics); in
    /// double quotes, a phrase.
    query: String,
    /// The database file.
    #[arg(long, default_value = "rasad.db")]
    db: PathBuf,
    /// Most results.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// One JSON object a line.
    #[arg(long)]
    json: bool,
}

/// `rasad graph`.
#[derive(Args)]
pub struct GraphArgs {
    /// Start from this actor id (the whole graph when absent).
    #[arg(long)]
    actor: Option<String>,
    /// Hops from the actor.
    #[arg(long, default_value_t = 1)]
    depth: u32,
    /// Evidence sentences per edge.
    #[arg(long, default_value_t = 1)]
    evidence: usize,
    /// The database file.
    #[arg(long, default_value = "rasad.db")]
    db: PathBuf,
    /// One JSON object a line.
    #[arg(long)]
    json: bool,
}

/// `rasad actor`.
#[derive(Args)]
pub struct ActorArgs {
    /// Actor id (as in `rasad actors`).
    id: String,
    /// The database file.
    #[arg(long, default_value = "rasad.db")]
    db: PathBuf,
    /// One JSON object.
    #[arg(long)]
    json: bool,
}

/// `rasad query …`.
#[derive(Subcommand)]
pub enum QueryWhat {
    /// Events by actor, type, year and place.
    Events {
        /// Events with this actor as actor or recipient.
        #[arg(long)]
        actor: Option<String>,
        /// PLOVER type (ASSAULT, RETREAT, …).
        #[arg(long = "type")]
        event_type: Option<String>,
        /// Dated in or after this year.
        #[arg(long)]
        since: Option<i32>,
        /// Place id, or a country prefix (`yemen`).
        #[arg(long)]
        place: Option<String>,
        /// Most rows (0 = all).
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// The database file.
        #[arg(long, default_value = "rasad.db")]
        db: PathBuf,
        /// One JSON object a line.
        #[arg(long)]
        json: bool,
    },
}

/// `rasad export`.
#[derive(Args)]
pub struct ExportArgs {
    /// jsonl (events, PLOVER field names), acled-tsv or gdelt-tsv (one event a row, ACLED-like or
    /// GDELT-like columns), graphml or gexf (actor graph), geojson (placed events), parquet
    /// (events, flat columns named after the PLOVER fields; needs --output).
    #[arg(long, value_parser = ["jsonl", "acled-tsv", "gdelt-tsv", "graphml", "gexf", "geojson", "parquet"])]
    format: String,
    /// The database file.
    #[arg(long, default_value = "rasad.db")]
    db: PathBuf,
    /// Output file (standard output when absent).
    #[arg(long, short, visible_alias = "out")]
    output: Option<PathBuf>,
}

/// One record as read, before parsing (parsing happens on the workers).
enum Raw {
    /// A plain-text article.
    Plain { path: String, bytes: Vec<u8> },
    /// One JSON Lines line.
    Line {
        path: String,
        line: usize,
        bytes: Vec<u8>,
    },
    /// One element of a SaudiNewsNet-style array.
    Snn {
        path: String,
        index: usize,
        value: Value,
    },
    /// A source that could not be read at all.
    Bad { place: String, reason: String },
    /// An HTML page (parsed on a worker).
    Html { path: String, bytes: Vec<u8> },
    /// An article a reader has already made (WARC records, feed items).
    Read(Box<rasad_ingest::Article>),
}

/// What a worker made of a record.
enum Outcome {
    New(Box<Prepared>),
    Known,
    Failed(String),
}

/// Every input file under `paths`, directories recursively by extension, in name order.
fn input_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .with_context(|| format!("{}: cannot read directory", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out)?;
            } else if kind(&p).is_some() {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out)?;
        } else if p.exists() {
            out.push(p.clone());
        } else {
            bail!("{}: no such file or directory", p.display());
        }
    }
    Ok(out)
}

fn kind(p: &Path) -> Option<&'static str> {
    let name = p.file_name()?.to_str()?.to_ascii_lowercase();
    if name.ends_with(".warc.gz") {
        return Some("warc");
    }
    match p.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "html" | "htm" => Some("html"),
        "warc" => Some("warc"),
        "rss" | "atom" | "xml" => Some("feed"),
        "txt" => Some("txt"),
        "jsonl" => Some("jsonl"),
        "json" => Some("json"),
        "zip" => Some("zip"),
        _ => None,
    }
}

/// Feed every record of one file (or one zip member) to `emit`.
fn read_source(name: &str, ext: &str, bytes: Vec<u8>, emit: &mut dyn FnMut(Raw)) {
    match ext {
        "html" => emit(Raw::Html {
            path: name.to_string(),
            bytes,
        }),
        "warc" => {
            // plain or gzip (one member a record, or the whole file)
            let w = rasad_ingest::warc::read_warc_bytes(&bytes, name);
            for a in w.articles {
                emit(Raw::Read(Box::new(a.article)));
            }
            for e in w.errors {
                emit(Raw::Bad {
                    place: format!("{}@{}", e.file, e.offset),
                    reason: e.reason,
                });
            }
        }
        "feed" => match rasad_text::utf8::validate(&bytes) {
            Ok(xml) => {
                for (i, item) in rasad_ingest::feed::read_feed(xml, Some(name))
                    .into_iter()
                    .enumerate()
                {
                    match item {
                        Ok(a) => emit(Raw::Read(Box::new(a))),
                        Err(e) => emit(Raw::Bad {
                            place: format!("{name}#{i}"),
                            reason: e.to_string(),
                        }),
                    }
                }
            }
            Err(e) => emit(Raw::Bad {
                place: name.to_string(),
                reason: e.to_string(),
            }),
        },
        "txt" => emit(Raw::Plain {
            path: name.to_string(),
            bytes,
        }),
        "jsonl" => {
            for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                emit(Raw::Line {
                    path: name.to_string(),
                    line: i + 1,
                    bytes: line.to_vec(),
                });
            }
        }
        "json" => match serde_json::from_slice::<Value>(&bytes) {
            Ok(Value::Array(items)) => {
                for (index, value) in items.into_iter().enumerate() {
                    emit(Raw::Snn {
                        path: name.to_string(),
                        index,
                        value,
                    });
                }
            }
            Ok(Value::Object(_)) => emit(Raw::Snn {
                path: name.to_string(),
                index: 0,
                value: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            }),
            Ok(_) => emit(Raw::Bad {
                place: name.to_string(),
                reason: "not a JSON array of articles".into(),
            }),
            Err(e) => emit(Raw::Bad {
                place: name.to_string(),
                reason: format!("not JSON: {e}"),
            }),
        },
        "zip" => {
            let archive = std::io::Cursor::new(bytes);
            let mut zip = match zip::ZipArchive::new(archive) {
                Ok(z) => z,
                Err(e) => {
                    return emit(Raw::Bad {
                        place: name.to_string(),
                        reason: format!("not a zip archive: {e}"),
                    })
                }
            };
            for i in 0..zip.len() {
                let mut f = match zip.by_index(i) {
                    Ok(f) => f,
                    Err(e) => {
                        emit(Raw::Bad {
                            place: format!("{name}[{i}]"),
                            reason: format!("unreadable member: {e}"),
                        });
                        continue;
                    }
                };
                let member = f.name().to_string();
                let Some(ext) = kind(Path::new(&member)).filter(|k| *k != "zip") else {
                    continue;
                };
                let mut buf = Vec::new();
                let place = format!("{name}!{member}");
                match f.read_to_end(&mut buf) {
                    Ok(_) => read_source(&place, ext, buf, emit),
                    Err(e) => emit(Raw::Bad {
                        place,
                        reason: format!("cannot read: {e}"),
                    }),
                }
            }
        }
        _ => emit(Raw::Bad {
            place: name.to_string(),
            reason: "unknown file type (want .txt, .jsonl, .json or .zip)".into(),
        }),
    }
}

/// Stream the lines of a JSON Lines file (never the whole file in memory).
fn read_jsonl_file(path: &Path, name: &str, emit: &mut dyn FnMut(Raw)) {
    use std::io::BufRead;
    let f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return emit(Raw::Bad {
                place: name.to_string(),
                reason: format!("cannot read: {e}"),
            })
        }
    };
    for (i, line) in std::io::BufReader::new(f).split(b'\n').enumerate() {
        match line {
            Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => {}
            Ok(bytes) => emit(Raw::Line {
                path: name.to_string(),
                line: i + 1,
                bytes,
            }),
            Err(e) => {
                return emit(Raw::Bad {
                    place: format!("{name}: line {}", i + 1),
                    reason: format!("read failed: {e}"),
                })
            }
        }
    }
}

/// A SaudiNewsNet article object as an [`Article`].
fn read_snn(path: &str, index: usize, v: &Value) -> Result<Article, String> {
    let Value::Object(o) = v else {
        return Err("not a JSON object".into());
    };
    let field = |k: &str| -> Result<Option<String>, String> {
        match o.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("`{k}` must be a string")),
        }
    };
    let content = match field("content")?.or(field("text")?) {
        Some(c) => c,
        None if o.contains_key("content") => return Err("empty `content`".into()),
        None => return Err("missing `content`".into()),
    };
    let url = field("url")?;
    let origin = Origin {
        id: url.clone().or(field("id")?),
        path: Some(format!("{path}#{index}")),
        url,
        outlet: field("source")?.or(field("outlet")?),
        published: field("date_extracted")?
            .or(field("published")?)
            .map(|d| d.replacen(' ', "T", 1)),
        author: field("author")?.filter(|a| !a.trim().is_empty()),
    };
    read_plain(&content, field("title")?.as_deref(), origin).map_err(|e| match e {
        IngestError::Empty => "empty `content`".to_string(),
        other => other.to_string(),
    })
}

/// Read and analyse one record (on a worker thread).
fn work(raw: Raw, known: &FxHashSet<String>) -> Outcome {
    let article = match raw {
        Raw::Plain { path, bytes } => rasad_text::utf8::validate(&bytes)
            .map_err(|e| format!("{path}: {e}"))
            .and_then(|t| {
                let origin = Origin {
                    path: Some(path.clone()),
                    ..Default::default()
                };
                read_plain(t, None, origin).map_err(|e| format!("{path}: {e}"))
            }),
        Raw::Line { path, line, bytes } => {
            jsonl::read_record_bytes(line, &bytes, Some(&path)).map_err(|e| format!("{path}: {e}"))
        }
        Raw::Snn { path, index, value } => {
            read_snn(&path, index, &value).map_err(|e| format!("{path}#{index}: {e}"))
        }
        Raw::Bad { place, reason } => Err(format!("{place}: {reason}")),
        Raw::Html { path, bytes } => {
            let origin = Origin {
                path: Some(path.clone()),
                ..Default::default()
            };
            rasad_ingest::html::read_html_bytes(&bytes, origin)
                .map(|h| h.article)
                .map_err(|e| format!("{path}: {e}"))
        }
        Raw::Read(a) => Ok(*a),
    };
    let article = match article {
        Ok(a) => a,
        Err(e) => return Outcome::Failed(e),
    };
    if known.contains(&rasad_extract::document_id(&article)) {
        return Outcome::Known;
    }
    // a panic in the analysis of one article is that article's error, never the batch's
    match std::panic::catch_unwind(|| {
        let analysis = rasad_text::Analysis::new(&article.text);
        let doc = rasad_extract::document(&article, &analysis);
        prepare(doc, &analysis)
    }) {
        Ok(p) => Outcome::New(Box::new(p)),
        Err(_) => Outcome::Failed(format!(
            "{}: the analysis failed (internal error)",
            article.origin.path.as_deref().unwrap_or("?")
        )),
    }
}

/// `rasad ingest`.
pub fn ingest(a: IngestArgs) -> Result<ExitCode> {
    if let Some(dir) = a.shard_out.clone() {
        return ingest_shards(a, &dir);
    }
    let start = Instant::now();
    let files = input_files(&a.paths)?;
    let store = Store::open(&a.db).with_context(|| format!("{}: cannot open", a.db.display()))?;
    let known = Arc::new(store.document_ids()?);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Prepared>>(2);
    let writer = std::thread::spawn(move || -> Result<BatchStats> {
        let mut store = store;
        let mut total = BatchStats::default();
        for batch in rx {
            total += store.write_batch(&batch)?;
        }
        Ok(total)
    });
    let bar = progress_bar(a.quiet);
    let (mut seen, mut failed, mut skipped) = (0usize, 0usize, 0usize);
    let mut pending: Vec<Raw> = Vec::with_capacity(a.batch);
    let batch_size = a.batch.max(1);
    let mut flush = |pending: &mut Vec<Raw>| -> Result<()> {
        let outcomes: Vec<Outcome> = std::mem::take(pending)
            .into_par_iter()
            .map(|r| work(r, &known))
            .collect();
        let mut ready = Vec::with_capacity(outcomes.len());
        for o in outcomes {
            seen += 1;
            match o {
                Outcome::New(p) => ready.push(*p),
                Outcome::Known => skipped += 1,
                Outcome::Failed(e) => {
                    failed += 1;
                    bar.suspend(|| eprintln!("rasad: {e}"));
                }
            }
        }
        bar.set_position(seen as u64);
        let rate = seen as f64 / start.elapsed().as_secs_f64().max(1e-9);
        bar.set_message(format!("{rate:.0} articles/s  errors {failed}"));
        if !ready.is_empty() && tx.send(ready).is_err() {
            bail!("the writer stopped");
        }
        Ok(())
    };
    // records are analysed and written a batch at a time as they are read, so a large file
    // never sits in memory as records
    let mut error: Option<anyhow::Error> = None;
    let mut emit = |r: Raw| {
        pending.push(r);
        if pending.len() >= batch_size && error.is_none() {
            if let Err(e) = flush(&mut pending) {
                error = Some(e);
            }
        }
    };
    for f in &files {
        let name = f.display().to_string();
        let ext = kind(f).unwrap_or("txt");
        if ext == "jsonl" {
            read_jsonl_file(f, &name, &mut emit);
        } else {
            match std::fs::read(f) {
                Ok(bytes) => read_source(&name, ext, bytes, &mut emit),
                Err(e) => emit(Raw::Bad {
                    place: name.clone(),
                    reason: format!("cannot read: {e}"),
                }),
            }
        }
    }
    let read = match error {
        Some(e) => Err(e),
        None if !pending.is_empty() => flush(&mut pending),
        None => Ok(()),
    };
    drop(tx);
    // the writer's own error (a full disk, a locked file) explains a stop better than ours
    let stats = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the writer thread panicked"))??;
    read?;
    bar.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "rasad: {seen} records in {secs:.1} s ({:.0} articles/s): {} stored ({} exact copies, {} near copies), {} already stored, {failed} errors; {}",
        seen as f64 / secs.max(1e-9),
        stats.inserted,
        stats.exact_duplicates,
        stats.near_duplicates,
        stats.existing + skipped,
        a.db.display()
    );
    Ok(if failed > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

fn progress_bar(quiet: bool) -> indicatif::ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {pos} articles  {msg}  {elapsed}")
            .expect("a valid template"),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

fn open(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!(
            "{}: no such database (run `rasad ingest PATH… --db {}` first)",
            db.display(),
            db.display()
        );
    }
    Store::open(db).with_context(|| format!("{}: cannot open", db.display()))
}

fn out() -> BufWriter<std::io::StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}

fn search_to_stdout(a: SearchArgs) -> Result<ExitCode> {
    let store = open(&a.db)?;
    let hits = store.search(&a.query, a.limit)?;
    let mut o = out();
    for h in &hits {
        if a.json {
            serde_json::to_writer(&mut o, h)?;
            writeln!(o)?;
        } else {
            writeln!(
                o,
                "{}\t{}\t{}\t{}\n    {}",
                h.document,
                h.published.as_deref().unwrap_or("-"),
                h.outlet.as_deref().unwrap_or("-"),
                h.title.as_deref().unwrap_or(""),
                h.snippet.replace('\n', " ")
            )?;
        }
    }
    if !a.json {
        writeln!(o, "{} documents", hits.len())?;
    }
    o.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn print_edges(o: &mut dyn Write, edges: &[Edge]) -> Result<()> {
    writeln!(
        o,
        "{:<24} {:<24} {:<10} {:>6} {:<10} {:<10} {:>7}",
        "actor", "recipient", "type", "events", "first", "last", "outlets"
    )?;
    for e in edges {
        writeln!(
            o,
            "{:<24} {:<24} {:<10} {:>6} {:<10} {:<10} {:>7}",
            e.source,
            e.target,
            e.event_type,
            e.events,
            e.first.as_deref().unwrap_or("-"),
            e.last.as_deref().unwrap_or("-"),
            e.outlets
        )?;
        for v in &e.evidence {
            writeln!(
                o,
                "    {} #{}: {}",
                v.document,
                v.sentence,
                v.text.replace('\n', " ")
            )?;
        }
    }
    Ok(())
}

fn print_events(o: &mut dyn Write, events: &[EventRow]) -> Result<()> {
    writeln!(
        o,
        "{:<10} {:<10} {:<24} {:<24} {:<18} {:>7}  sentence",
        "date", "type", "actor", "recipient", "place", "outlets"
    )?;
    for e in events {
        writeln!(
            o,
            "{:<10} {:<10} {:<24} {:<24} {:<18} {:>7}  {}",
            e.date.as_deref().unwrap_or("-"),
            e.event_type,
            e.actor.join(","),
            e.recipient.join(","),
            e.place.as_deref().unwrap_or("-"),
            e.outlets,
            e.sentence.replace('\n', " ")
        )?;
    }
    Ok(())
}

fn graph_to_stdout(a: GraphArgs) -> Result<ExitCode> {
    let store = open(&a.db)?;
    let edges = store.graph(a.actor.as_deref(), a.depth, a.evidence)?;
    let mut o = out();
    if a.json {
        for e in &edges {
            serde_json::to_writer(&mut o, e)?;
            writeln!(o)?;
        }
    } else {
        print_edges(&mut o, &edges)?;
    }
    o.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn actor_to_stdout(a: ActorArgs) -> Result<ExitCode> {
    let store = open(&a.db)?;
    let Some(v) = store.actor(&a.id, 1)? else {
        bail!("{}: no such actor in {}", a.id, a.db.display());
    };
    let mut o = out();
    if a.json {
        serde_json::to_writer(&mut o, &v)?;
        writeln!(o)?;
    } else {
        writeln!(
            o,
            "{} ({}) {} / {}{}",
            v.id,
            v.kind,
            v.name_en.as_deref().unwrap_or("-"),
            v.name_ar.as_deref().unwrap_or("-"),
            v.country
                .as_deref()
                .map(|c| format!(", {c}"))
                .unwrap_or_default()
        )?;
        writeln!(o, "documents: {}", v.documents)?;
        let seen: Vec<String> = v
            .aliases_seen
            .iter()
            .map(|(t, n)| format!("{t} ({n})"))
            .collect();
        writeln!(o, "written as: {}", seen.join("، "))?;
        writeln!(o, "\nrelations:")?;
        print_edges(&mut o, &v.relations)?;
        writeln!(o, "\nscore per year (cooperation +, conflict -):")?;
        for y in &v.scores {
            writeln!(
                o,
                "  {} {} -> {}: {:+} ({} events)",
                y.year, y.source, y.target, y.score, y.events
            )?;
        }
        writeln!(o, "\ntimeline:")?;
        print_events(&mut o, &v.timeline)?;
    }
    o.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn query_to_stdout(q: QueryWhat) -> Result<ExitCode> {
    let QueryWhat::Events {
        actor,
        event_type,
        since,
        place,
        limit,
        db,
        json,
    } = q;
    let store = open(&db)?;
    let rows = store.events(&EventFilter {
        actor,
        event_type,
        since,
        place,
        limit,
    })?;
    let mut o = out();
    if json {
        for e in &rows {
            serde_json::to_writer(&mut o, e)?;
            writeln!(o)?;
        }
    } else {
        print_events(&mut o, &rows)?;
    }
    o.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The flat views (`acled-tsv`, `gdelt-tsv`): the stored documents read back and turned into
/// rows by the same code as `rasad extract --format tsv-…`, so both give the same ids and columns.
/// GDELT's `NumSources` and `NumArticles` count the event's story (its outlets and copies).
fn export_flat(store: &rasad_store::Store, format: &str, w: &mut dyn Write) -> Result<usize> {
    use rasad_extract::flat;
    let mut rows = 0usize;
    let mut first = true;
    store.for_each_document(&mut |doc, story| {
        let mut t = if format == "acled-tsv" {
            flat::acled_rows(&doc)
        } else {
            flat::gdelt_rows(&doc)
        };
        for (col, v) in [
            ("NumSources", story.outlets),
            ("NumArticles", story.articles),
        ] {
            if let Some(i) = t.column(col) {
                t.rows.iter_mut().for_each(|r| r[i] = v.max(1).to_string());
            }
        }
        t.write_tsv(w, first)?;
        first = false;
        rows += t.rows.len();
        Ok(())
    })?;
    if first {
        // no document: still a header
        let header = if format == "acled-tsv" {
            flat::ACLED_COLUMNS
        } else {
            flat::GDELT_COLUMNS
        };
        writeln!(w, "{}", header.join("\t"))?;
    }
    Ok(rows)
}

fn export_to(store: &rasad_store::Store, format: &str, w: &mut dyn Write) -> Result<usize> {
    if matches!(format, "acled-tsv" | "gdelt-tsv") {
        return export_flat(store, format, w);
    }
    let f: rasad_store::export::Format = format.parse().map_err(|e: String| anyhow::anyhow!(e))?;
    Ok(store.export(f, w)?)
}

/// Shard mode: each input file is ingested into a scratch store of its own, exported as
/// `NAME.parquet` and `NAME.jsonl` under temporary names, and renamed into place only when both
/// are complete, so a killed run leaves no half part and a re-run skips finished ones.
fn ingest_shards(a: IngestArgs, dir: &Path) -> Result<ExitCode> {
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    let files = input_files(&a.paths)?;
    let (mut done, mut skipped, mut failed) = (0usize, 0usize, 0usize);
    for file in files {
        let name = file
            .file_name()
            .map_or_else(|| "input".into(), |n| n.to_string_lossy().into_owned());
        let parquet = dir.join(format!("{name}.parquet"));
        let jsonl = dir.join(format!("{name}.jsonl"));
        if parquet.exists() && jsonl.exists() {
            skipped += 1;
            continue;
        }
        let scratch = dir.join(format!(".{name}.db.partial"));
        for stale in [
            &scratch,
            &dir.join(format!(".{name}.parquet.partial")),
            &dir.join(format!(".{name}.jsonl.partial")),
        ] {
            let _ = std::fs::remove_file(stale);
        }
        let args = IngestArgs {
            paths: vec![file.clone()],
            db: scratch.clone(),
            batch: a.batch,
            quiet: true,
            shard_out: None,
        };
        let code = ingest(args)?;
        if code != ExitCode::SUCCESS {
            failed += 1;
        }
        let store = open(&scratch)?;
        let tmp_parquet = dir.join(format!(".{name}.parquet.partial"));
        let tmp_jsonl = dir.join(format!(".{name}.jsonl.partial"));
        let f = std::fs::File::create(&tmp_parquet)
            .with_context(|| format!("{}: cannot create", tmp_parquet.display()))?;
        store.export_parquet(BufWriter::new(f))?;
        let f = std::fs::File::create(&tmp_jsonl)
            .with_context(|| format!("{}: cannot create", tmp_jsonl.display()))?;
        let mut w = BufWriter::new(f);
        export_to(&store, "jsonl", &mut w)?;
        w.flush()?;
        drop(store);
        std::fs::rename(&tmp_parquet, &parquet)?;
        std::fs::rename(&tmp_jsonl, &jsonl)?;
        for leftover in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{}{leftover}", scratch.display()));
        }
        done += 1;
    }
    eprintln!(
        "rasad: shards: {done} written, {skipped} already done, {failed} with bad records, in {}",
        dir.display()
    );
    Ok(if failed > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

fn export_to_stdout(a: ExportArgs) -> Result<ExitCode> {
    let store = open(&a.db)?;
    if a.format == "parquet" {
        let Some(p) = &a.output else {
            bail!("--format parquet writes a file: give --out FILE");
        };
        let f =
            std::fs::File::create(p).with_context(|| format!("{}: cannot create", p.display()))?;
        let n = store.export_parquet(BufWriter::new(f))?;
        eprintln!("rasad: exported {n} records as parquet to {}", p.display());
        return Ok(ExitCode::SUCCESS);
    }
    let n = match &a.output {
        Some(p) => {
            let f = std::fs::File::create(p)
                .with_context(|| format!("{}: cannot create", p.display()))?;
            let mut w = BufWriter::new(f);
            let n = export_to(&store, &a.format, &mut w)?;
            w.flush()?;
            n
        }
        None => {
            let mut o = out();
            let n = export_to(&store, &a.format, &mut o)?;
            o.flush()?;
            n
        }
    };
    eprintln!("rasad: exported {n} records as {}", a.format);
    Ok(ExitCode::SUCCESS)
}

/// `rasad search`.
pub fn search(a: SearchArgs) -> Result<ExitCode> {
    quiet_pipe(search_to_stdout(a))
}

/// `rasad graph`.
pub fn graph(a: GraphArgs) -> Result<ExitCode> {
    quiet_pipe(graph_to_stdout(a))
}

/// `rasad actor`.
pub fn actor(a: ActorArgs) -> Result<ExitCode> {
    quiet_pipe(actor_to_stdout(a))
}

/// `rasad query`.
pub fn query(q: QueryWhat) -> Result<ExitCode> {
    quiet_pipe(query_to_stdout(q))
}

/// `rasad export`.
pub fn export(a: ExportArgs) -> Result<ExitCode> {
    quiet_pipe(export_to_stdout(a))
}

/// A reader that closed the pipe (`rasad graph | head`) ends the output quietly, not as an error.
fn quiet_pipe(r: Result<ExitCode>) -> Result<ExitCode> {
    match r {
        Err(e)
            if e.chain().any(|c| {
                let io = c.downcast_ref::<std::io::Error>().map(std::io::Error::kind);
                let js = c
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind);
                let st = match c.downcast_ref::<rasad_store::Error>() {
                    Some(rasad_store::Error::Io(e)) => Some(e.kind()),
                    Some(rasad_store::Error::Json(e)) => e.io_error_kind(),
                    _ => None,
                };
                [io, js, st].contains(&Some(std::io::ErrorKind::BrokenPipe))
            }) =>
        {
            Ok(ExitCode::SUCCESS)
        }
        r => r,
    }
}
