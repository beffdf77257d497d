//! The `rasad` command line: parses arguments, wires the stages, prints. No analysis lives here.
//!
//! Exit codes: 0 success; 1 the input could not be read (missing file, a directory, not UTF-8,
//! empty); 2 bad command line; 3 a JSON Lines batch ran but some records failed (each is reported
//! as an error record in the output and on stderr).

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use rasad_ingest::jsonl::{read_record_bytes, RecordError};
use rasad_ingest::{read_plain, IngestError, Origin};
use std::io::{BufRead, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;

mod clusters_cmd;
mod ner_cmd;

mod eval;
mod eval_extraction;
mod lookup;
mod store_cmd;

#[derive(Parser)]
#[command(
    name = "rasad",
    version,
    about = "Arabic news to evidence-backed event data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse one article (plain text) or a JSON Lines batch and print rasad.document/1 JSON.
    Extract {
        /// The article: a plain-text file, or `-` for standard input.
        #[arg(required_unless_present = "jsonl", conflicts_with = "jsonl")]
        path: Option<String>,
        /// Read a JSON Lines file (`-` for standard input): one {"id", "text", ...} a line; writes
        /// one document a line, in order.
        #[arg(long, value_name = "FILE")]
        jsonl: Option<String>,
        /// Indent the JSON (single documents only).
        #[arg(long)]
        pretty: bool,
        /// json (rasad.document/1), or one event a row as TSV with a header: tsv-acled
        /// (ACLED-like columns) or tsv-gdelt (GDELT-like columns). Single articles and WARC files.
        #[arg(long, default_value = "json", value_parser = ["json", "tsv-acled", "tsv-gdelt"], conflicts_with = "jsonl")]
        format: String,
        /// Skip the trained name tagger (unlinked persons and organisations as mentions with
        /// `entity: null`); about twice as fast on large batches, events are the same.
        #[arg(long)]
        no_names: bool,
    },
    /// Print the JSON Schema of rasad.document/1.
    Schema,
    /// Show how the text layer reads words: view form, clitic segments and stem key.
    Segment {
        /// Words (or a sentence) to segment.
        #[arg(required = true)]
        words: Vec<String>,
    },
    /// Score a reader on public test cases (`rasad eval temporal [FILE]`, `rasad eval extraction
    /// [DIR]`).
    Eval {
        /// What to score: `temporal` or `extraction` (the HTML reader).
        #[arg(value_parser = ["temporal", "extraction"])]
        what: String,
        /// temporal: the cases (TSV; the Hijri tables are read from `hijri-ummalqura-tables/`
        /// beside it), default ../shared/research-data/arabic-temporal-cases.tsv; extraction: the
        /// benchmark folder, default ../shared/research-data/scrapinghub-article-extraction-benchmark
        /// (the Arabic pages are read from `arabic-news-pages-misc/` beside it).
        file: Option<std::path::PathBuf>,
        /// List the failing cases.
        #[arg(short, long)]
        verbose: bool,
    },
    /// Search the actor dictionary (Arabic or English, any spelling of hamza/ya/ta marbuta).
    Actors {
        /// Part of an id, English name, Arabic name or alias.
        query: String,
        /// Most results to show.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// One JSON object a line.
        #[arg(long)]
        json: bool,
    },
    /// Search the gazetteer (Arabic or English).
    Places {
        /// Part of an id, English or Arabic name.
        query: String,
        /// Most results to show.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// One JSON object a line.
        #[arg(long)]
        json: bool,
    },
    /// Train a model: `rasad train ner` (the named-entity tagger, with cross-validation).
    Train {
        #[command(subcommand)]
        what: ner_cmd::TrainWhat,
    },
    /// Tag tokens with named-entity tags (B-/I- PERS LOC ORG MISC, O): CoNLL in, CoNLL out.
    Tag(ner_cmd::TagArgs),
    /// Load articles into the store (`--db rasad.db`): analysed in parallel, deduplicated, resumable.
    Ingest(store_cmd::IngestArgs),
    /// Full-text search of the stored documents (Arabic-aware: spelling, diacritics, clitics).
    Search(store_cmd::SearchArgs),
    /// The actor–actor graph: per directed pair and PLOVER type, counts, dates, outlets, evidence.
    Graph(store_cmd::GraphArgs),
    /// One actor: names, how it was written, relations and timeline.
    Actor(store_cmd::ActorArgs),
    /// Query the store: `rasad query events --actor ID --type T --since YEAR --place P`.
    Query {
        #[command(subcommand)]
        what: store_cmd::QueryWhat,
    },
    /// Export the store: `--format jsonl|graphml|geojson`.
    Export(store_cmd::ExportArgs),
}

/// An input error: exit code 1.
#[derive(Debug)]
struct InputError(String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rasad: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract {
            path,
            jsonl,
            pretty,
            format,
            no_names,
        } => match (path, jsonl) {
            (_, Some(j)) => extract_jsonl(&j, options(no_names)),
            (Some(p), None) => {
                extract_one(&p, pretty, &format, options(no_names)).map(|_| ExitCode::SUCCESS)
            }
            (None, None) => bail!("give a PATH or --jsonl FILE"),
        },
        Command::Actors { query, limit, json } => {
            lookup::actors(&query, limit, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Places { query, limit, json } => {
            lookup::places(&query, limit, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            print!("{}", rasad_doc::schema_json());
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            what,
            file,
            verbose,
        } if what == "extraction" => {
            let dir = file.unwrap_or_else(|| {
                "../shared/research-data/scrapinghub-article-extraction-benchmark".into()
            });
            Ok(if eval_extraction::run(&dir, verbose)? {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(4)
            })
        }
        Command::Eval { file, verbose, .. } => {
            let file =
                file.unwrap_or_else(|| "../shared/research-data/arabic-temporal-cases.tsv".into());
            eval::run(&file, verbose)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Segment { words } => {
            let text = words.join(" ");
            let a = rasad_text::Analysis::new(&text);
            let mut out = std::io::stdout().lock();
            let mut key = String::new();
            for t in &a.tokens {
                let written = a.slice(t.start, t.end);
                let view = t.view(&a.view);
                t.seg.stem_key_into(view, &mut key);
                writeln!(
                    out,
                    "{written}\t{:?}\t{}\tkey={key}",
                    t.kind,
                    t.seg.segments(view).join("+")
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Train { what } => ner_cmd::train(what),
        Command::Tag(a) => ner_cmd::tag(a),
        Command::Ingest(a) => store_cmd::ingest(a),
        Command::Search(a) => store_cmd::search(a),
        Command::Graph(a) => store_cmd::graph(a),
        Command::Actor(a) => store_cmd::actor(a),
        Command::Query { what } => store_cmd::query(what),
        Command::Export(a) => store_cmd::export(a),
    }
}

/// Read the whole input of `path` (`-` = stdin) as bytes, with a clear error for what cannot be read.
fn read_input(path: &str) -> Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
        return Ok(buf);
    }
    let p = Path::new(path);
    if p.is_dir() {
        return Err(InputError(format!(
            "{path}: is a directory; give one article file (or --jsonl FILE for a batch)"
        ))
        .into());
    }
    std::fs::read(p).map_err(|e| InputError(format!("{path}: cannot read: {e}")).into())
}

/// The analysis options `rasad extract` runs with.
fn options(no_names: bool) -> rasad_extract::Options {
    rasad_extract::Options { names: !no_names }
}

fn extract_one(path: &str, pretty: bool, format: &str, opts: rasad_extract::Options) -> Result<()> {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".warc") || lower.ends_with(".warc.gz") {
        return extract_warc(path, format, opts);
    }
    let bytes = read_input(path)?;
    let name = if path == "-" { "<stdin>" } else { path };
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        let origin = Origin {
            path: Some(path.to_string()),
            ..Default::default()
        };
        let article = rasad_ingest::html::read_html_bytes(&bytes, origin)
            .map_err(|e| InputError(format!("{name}: {e}")))?
            .article;
        return print_doc(&rasad_extract::analyse_with(&article, opts), pretty, format);
    }
    let text =
        rasad_text::utf8::validate(&bytes).map_err(|e| InputError(format!("{name}: {e}")))?;
    let origin = Origin {
        path: (path != "-").then(|| path.to_string()),
        ..Default::default()
    };
    let article = read_plain(text, None, origin).map_err(|e| match e {
        IngestError::Empty => InputError(format!(
            "{name}: empty: no article text (after removing whitespace and site furniture)"
        )),
        other => InputError(format!("{name}: {other}")),
    })?;
    print_doc(&rasad_extract::analyse_with(&article, opts), pretty, format)
}

/// A WARC file: one document a line for each HTML response; bad records on stderr.
fn extract_warc(path: &str, format: &str, opts: rasad_extract::Options) -> Result<()> {
    let read = rasad_ingest::warc::read_warc_file(Path::new(path))
        .map_err(|e| InputError(format!("{path}: cannot read: {e}")))?;
    for e in &read.errors {
        eprintln!("rasad: {e}");
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (i, a) in read.articles.iter().enumerate() {
        let doc = rasad_extract::analyse_with(&a.article, opts);
        if let Some(t) = flat_table(&doc, format) {
            t.write_tsv(&mut out, i == 0)?;
            continue;
        }
        serde_json::to_writer(&mut out, &doc)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}

/// The flat view `format` asks for (`tsv-acled`, `tsv-gdelt`), `None` for JSON.
fn flat_table(doc: &rasad_doc::Document, format: &str) -> Option<rasad_extract::flat::Table> {
    match format {
        "tsv-acled" => Some(rasad_extract::flat::acled_rows(doc)),
        "tsv-gdelt" => Some(rasad_extract::flat::gdelt_rows(doc)),
        _ => None,
    }
}

fn print_doc(doc: &rasad_doc::Document, pretty: bool, format: &str) -> Result<()> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    if let Some(t) = flat_table(doc, format) {
        t.write_tsv(&mut out, true)?;
    } else {
        if pretty {
            serde_json::to_writer_pretty(&mut out, doc)?;
        } else {
            serde_json::to_writer(&mut out, doc)?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}

fn extract_jsonl(path: &str, opts: rasad_extract::Options) -> Result<ExitCode> {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            return Err(InputError(format!(
                "{path}: is a directory; --jsonl reads one JSON Lines file"
            ))
            .into());
        }
        let f =
            std::fs::File::open(p).map_err(|e| InputError(format!("{path}: cannot read: {e}")))?;
        Box::new(std::io::BufReader::new(f))
    };
    let name = if path == "-" { None } else { Some(path) };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let (mut ok, mut failed) = (0usize, 0usize);
    for (i, line) in reader.split(b'\n').enumerate() {
        let line = line.with_context(|| {
            format!(
                "{}: read failed at line {}",
                name.unwrap_or("<stdin>"),
                i + 1
            )
        })?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match read_record_bytes(i + 1, &line, name) {
            Ok(article) => {
                serde_json::to_writer(&mut out, &rasad_extract::analyse_with(&article, opts))?;
                ok += 1;
            }
            Err(e) => {
                eprintln!("rasad: {}: {e}", name.unwrap_or("<stdin>"));
                serde_json::to_writer(&mut out, &error_record(&e))?;
                failed += 1;
            }
        }
        writeln!(out)?;
    }
    out.flush()?;
    if ok + failed == 0 {
        return Err(InputError(format!(
            "{}: empty: no JSON Lines records",
            name.unwrap_or("<stdin>")
        ))
        .into());
    }
    Ok(if failed > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

fn error_record(e: &RecordError) -> serde_json::Value {
    serde_json::json!({"id": e.id, "line": e.line, "error": e.reason})
}
