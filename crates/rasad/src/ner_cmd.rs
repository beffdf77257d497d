//! `rasad train ner` and `rasad tag --conll`: wiring to `rasad-ner`, printing.

use super::{read_input, InputError};
use anyhow::{Context, Result};
use rasad_ner::clusters::Clusters;
use rasad_ner::conll::{read_tagged, read_tokens};
use rasad_ner::eval::Scores;
use rasad_ner::gazetteer::Gazetteer;
use rasad_ner::train::{cross_validate_tags, train_model, Prepared, TrainOptions};
use rasad_ner::{EntityType, Tagger};
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

/// What to train.
#[derive(clap::Subcommand)]
pub enum TrainWhat {
    /// The named-entity tagger (averaged perceptron) on a CoNLL-style corpus: optionally k-fold
    /// cross-validation (CoNLL entity P/R/F1), then a model on all of it.
    Ner(TrainNer),
    /// Word classes for the tagger's cluster features, learned from unlabeled news
    /// (SaudiNewsNet) with the exchange algorithm.
    Clusters(crate::clusters_cmd::TrainClusters),
}

#[derive(clap::Args)]
pub struct TrainNer {
    /// The corpus: `token TAG` a line, a blank line between sentences.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "../shared/research-data/anercorp/ANERCorp_CamelStyle_train.txt"
    )]
    input: String,
    /// Where to write the model.
    #[arg(long, value_name = "PATH", default_value = "data/ner/anercorp.model")]
    out: String,
    /// Cross-validation folds (contiguous blocks of sentences); 0 skips cross-validation.
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Passes over the training data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
    /// Seed of the sentence order (same seed, same model).
    #[arg(long, default_value_t = TrainOptions::default().seed)]
    seed: u64,
    /// A feature needs this many occurrences in training to get a weight.
    #[arg(long, default_value_t = TrainOptions::default().min_count)]
    min_count: u32,
    /// The second pass reads how the first tagged the same words in this many sentences either
    /// side (0: one pass).
    #[arg(long, default_value_t = TrainOptions::default().window)]
    window: usize,
    /// Folds of the jackknife that gives the second pass first-pass tags to learn from.
    #[arg(long, default_value_t = TrainOptions::default().inner_folds)]
    inner_folds: usize,
    /// Worker threads (the result does not depend on them).
    #[arg(long, default_value_t = TrainOptions::default().threads)]
    threads: usize,
    /// Name lists for the gazetteer features, `TYPE=FILE` (TYPE one of PERS LOC ORG MISC): a
    /// `places.tsv` (its `name_ar` and `ar_variants`) or one name a line. Repeatable; they are
    /// stored (hashed) in the model.
    #[arg(long, value_name = "TYPE=FILE", default_values_t = default_gazetteers())]
    gazetteer: Vec<String>,
    /// Use no name lists.
    #[arg(long, conflicts_with = "gazetteer")]
    no_gazetteer: bool,
    /// Words listed as proper names (`WORD<TAB>KIND` lines, KIND one of propn, propn-common,
    /// given, place, translit; built by `scripts/build-ner-names.py`); `none` for no list.
    #[arg(long, value_name = "FILE", default_value = "data/ner/name-words.tsv")]
    name_words: String,
    /// Word classes for the cluster features (`rasad train clusters`); stored in the model. None
    /// by default: the committed model is built without them, because the only unlabeled
    /// corpus here (SaudiNewsNet, CC BY-NC-SA, research use) may not be shipped in derived form.
    #[arg(long, value_name = "PATH")]
    clusters: Option<String>,
    /// Use no word classes (the default; kept for scripts).
    #[arg(long, conflicts_with = "clusters")]
    no_clusters: bool,
    /// Folds take every k-th sentence instead of contiguous blocks (optimistic: an article's
    /// names then occur on both sides).
    #[arg(long)]
    interleaved: bool,
    /// No word-statistics features (by default the model reads how often a word occurs
    /// elsewhere in the training text and how it was tagged there; stored in the model).
    #[arg(long)]
    no_word_stats: bool,
    /// Train this many perceptrons in different sentence orders (seeds SEED, SEED+1, …) and
    /// average them (1: one; each costs the training time again).
    #[arg(long, default_value_t = TrainOptions::default().orders)]
    orders: usize,
    /// Extra training data in the Wojood layout (`token TAG [TAG …]`, nested columns): in the
    /// training part of every fold and of the model, never tested. Types are mapped by
    /// `--wojood-map`.
    #[arg(long, value_name = "FILE")]
    wojood: Vec<String>,
    /// How Wojood types become ANERcorp types, `FROM=TO,…`; unlisted types become `O`.
    #[arg(
        long,
        value_name = "MAP",
        default_value = "PERS=PERS,ORG=ORG,GPE=LOC,LOC=LOC"
    )]
    wojood_map: String,
    /// Write the cross-validated (held-out) tags here, CoNLL: token, gold tag, predicted tag.
    #[arg(long, value_name = "PATH")]
    cv_out: Option<String>,
    /// Only cross-validate; write no model.
    #[arg(long)]
    cv_only: bool,
}

#[derive(clap::Args)]
pub struct TagArgs {
    /// Tokens, one a line (first column), a blank line between sentences; `-` for standard input.
    #[arg(long, value_name = "FILE")]
    conll: String,
    /// A model file to use instead of the compiled-in ANERcorp model.
    #[arg(long, value_name = "PATH")]
    model: Option<String>,
}

fn default_gazetteers() -> Vec<String> {
    let g = "../shared/research-data/anercorp/ANERGazet";
    vec![
        "LOC=data/places/places.tsv".into(),
        format!("PERS={g}/AlignedPersGazetteer.txt"),
        format!("LOC={g}/AlignedLocGazetteer.txt"),
        format!("ORG={g}/AlignedOrgGazetteer.txt"),
        "PERS=data/ner/person-names.txt".into(),
    ]
}

/// Add the name words of `--name-words FILE`.
fn load_name_words(mut g: Gazetteer, path: &str) -> Result<Gazetteer> {
    let bytes = read_input(path)?;
    let text = utf8(&bytes, path)?;
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (word, kind) = line
            .split_once('\t')
            .with_context(|| format!("{path}:{}: expected WORD<TAB>KIND", n + 1))?;
        let k = rasad_ner::gazetteer::WORD_KINDS
            .iter()
            .position(|&w| w == kind)
            .with_context(|| {
                format!(
                    "{path}:{}: kind {kind:?} is not one of {:?}",
                    n + 1,
                    rasad_ner::gazetteer::WORD_KINDS
                )
            })?;
        g.add_word(k, word);
    }
    Ok(g)
}

/// Read the name lists of `--gazetteer TYPE=FILE` options.
fn load_gazetteer(specs: &[String]) -> Result<Gazetteer> {
    let mut g = Gazetteer::new();
    for spec in specs {
        let (ty, path) = spec
            .split_once('=')
            .with_context(|| format!("--gazetteer {spec}: expected TYPE=FILE"))?;
        let ty = EntityType::parse(ty)
            .with_context(|| format!("--gazetteer {spec}: TYPE is one of PERS LOC ORG MISC"))?;
        let bytes = read_input(path)?;
        let text = utf8(&bytes, path)?;
        let mut lines = text.lines().filter(|l| !l.starts_with('#'));
        let tsv_cols = if path.ends_with(".tsv") {
            let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
            let col = |n: &str| header.iter().position(|h| *h == n);
            match (col("name_ar"), col("ar_variants")) {
                (Some(a), Some(v)) => Some((a, v)),
                _ => {
                    return Err(InputError(format!(
                        "{path}: a .tsv gazetteer needs name_ar and ar_variants columns"
                    ))
                    .into())
                }
            }
        } else {
            None
        };
        for line in lines {
            match tsv_cols {
                Some((a, v)) => {
                    let f: Vec<&str> = line.split('\t').collect();
                    let variants = f.get(v).copied().unwrap_or("");
                    for name in
                        std::iter::once(f.get(a).copied().unwrap_or("")).chain(variants.split('|'))
                    {
                        g.add(ty, name);
                    }
                }
                None if line.trim().starts_with("===") => {}
                None => g.add(ty, line.trim()),
            }
        }
    }
    Ok(g)
}

fn utf8<'a>(bytes: &'a [u8], name: &str) -> Result<&'a str> {
    rasad_text::utf8::validate(bytes).map_err(|e| InputError(format!("{name}: {e}")).into())
}

pub fn train(what: TrainWhat) -> Result<ExitCode> {
    let a = match what {
        TrainWhat::Ner(a) => a,
        TrainWhat::Clusters(c) => return crate::clusters_cmd::run(c),
    };
    let opts = TrainOptions {
        epochs: a.epochs,
        seed: a.seed,
        folds: a.folds,
        min_count: a.min_count,
        threads: a.threads.max(1),
        interleaved: a.interleaved,
        window: a.window,
        inner_folds: a.inner_folds,
        word_stats: !a.no_word_stats,
        orders: a.orders,
    };
    let bytes = read_input(&a.input)?;
    let sents = read_tagged(utf8(&bytes, &a.input)?)
        .map_err(|e| InputError(format!("{}: {e}", a.input)))?;
    if sents.is_empty() {
        return Err(InputError(format!("{}: empty: no tagged sentences", a.input)).into());
    }
    let tokens: usize = sents.iter().map(|s| s.tokens.len()).sum();
    let t0 = Instant::now();
    let mut map: Vec<(String, EntityType)> = Vec::new();
    for pair in a.wojood_map.split(',').filter(|p| !p.is_empty()) {
        let (from, to) = pair
            .split_once('=')
            .with_context(|| format!("--wojood-map {pair}: expected FROM=TO"))?;
        let to = EntityType::parse(to)
            .with_context(|| format!("--wojood-map {pair}: TO is one of PERS LOC ORG MISC"))?;
        map.push((from.to_string(), to));
    }
    let mut extra = Vec::new();
    for path in &a.wojood {
        let bytes = read_input(path)?;
        let text = utf8(&bytes, path)?;
        let lookup = |t: &str| map.iter().find(|(f, _)| f == t).map(|&(_, e)| e);
        extra.extend(
            rasad_ner::conll::read_wojood(text, lookup)
                .map_err(|e| InputError(format!("{path}: {e}")))?,
        );
    }
    let gazetteer = if a.no_gazetteer {
        Gazetteer::new()
    } else {
        load_gazetteer(&a.gazetteer)?
    };
    let gazetteer = if a.name_words == "none" {
        gazetteer
    } else {
        load_name_words(gazetteer, &a.name_words)?
    };
    let names = gazetteer.len();
    let name_words = gazetteer.n_words();
    let clusters = match (&a.clusters, a.no_clusters) {
        (Some(path), false) => {
            let bytes = read_input(path)?;
            Clusters::from_bytes(&bytes).map_err(|e| InputError(format!("{path}: {e}")))?
        }
        _ => Clusters::new(),
    };
    let words = clusters.len();
    let n_extra = extra.len();
    let all: Vec<_> = sents.iter().cloned().chain(extra).collect();
    let prep = Prepared::new(&all, gazetteer, clusters, opts.threads).with_main(sents.len());
    eprintln!(
        "rasad: {} sentences (+{n_extra} extra), {tokens} tokens, {names} gazetteer names, \
         {name_words} name words, {words} clustered words; features in {:.2}s",
        sents.len(),
        t0.elapsed().as_secs_f64()
    );
    let mut out = std::io::stdout().lock();
    if opts.folds >= 2 {
        let t = Instant::now();
        let (folds, tags) = cross_validate_tags(&prep, &opts);
        if let Some(path) = &a.cv_out {
            let mut w = BufWriter::new(
                std::fs::File::create(path).with_context(|| format!("{path}: cannot write"))?,
            );
            for (s, p) in sents.iter().zip(&tags) {
                for ((tok, g), t) in s.tokens.iter().zip(&s.tags).zip(p) {
                    writeln!(w, "{tok}\t{g}\t{t}")?;
                }
                writeln!(w)?;
            }
            w.flush()?;
        }
        let mut all = Scores::default();
        writeln!(
            out,
            "{}-fold cross-validation ({} folds), epochs {}, seed {}, min-count {}, window {}",
            opts.folds,
            if opts.interleaved {
                "interleaved"
            } else {
                "contiguous"
            },
            opts.epochs,
            opts.seed,
            opts.min_count,
            opts.window
        )?;
        for (i, f) in folds.iter().enumerate() {
            writeln!(out, "fold {}: micro F1 {:.2}", i + 1, f.micro().f1())?;
            all.merge(f);
        }
        let f1s: Vec<f64> = folds.iter().map(|f| f.micro().f1()).collect();
        let mean = f1s.iter().sum::<f64>() / f1s.len() as f64;
        writeln!(out, "mean of folds: micro F1 {mean:.2}\npooled over folds:")?;
        write!(out, "{}", all.table())?;
        eprintln!(
            "rasad: cross-validation in {:.2}s",
            t.elapsed().as_secs_f64()
        );
    }
    if !a.cv_only {
        let t = Instant::now();
        let model = train_model(&prep, &opts);
        let bytes = model.to_bytes();
        if let Some(dir) = std::path::Path::new(&a.out).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
            }
        }
        std::fs::write(&a.out, &bytes).with_context(|| format!("{}: cannot write", a.out))?;
        eprintln!(
            "rasad: model of {} features, {} bytes, written to {} in {:.2}s",
            model.n_features(),
            bytes.len(),
            a.out,
            t.elapsed().as_secs_f64()
        );
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn tag(a: TagArgs) -> Result<ExitCode> {
    let own;
    let tagger = match &a.model {
        Some(p) => {
            let bytes =
                std::fs::read(p).map_err(|e| InputError(format!("{p}: cannot read: {e}")))?;
            own = Tagger::from_bytes(&bytes).map_err(|e| InputError(format!("{p}: {e}")))?;
            &own
        }
        None => Tagger::global(),
    };
    let name = if a.conll == "-" { "<stdin>" } else { &a.conll };
    let bytes = read_input(&a.conll)?;
    let text = utf8(&bytes, name)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    // The file is one document: the second pass reads the neighbouring sentences.
    let sents = read_tokens(text);
    for (i, (sent, tags)) in sents.iter().zip(tagger.tag_document(&sents)).enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        for (tok, t) in sent.iter().zip(tags) {
            writeln!(out, "{tok}\t{t}")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
