//! The actor dictionary: `data/actors/*.toml`, one `[[actor]]` table per actor (format in
//! `data/actors/README.md`).

use crate::LexiconError;
use serde::Deserialize;

/// Kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum ActorKind {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organisation or armed group.
    #[serde(rename = "ORG")]
    Org,
    /// A state or government.
    #[serde(rename = "GPE")]
    Gpe,
    /// A nationality, religious or political group.
    #[serde(rename = "NORP")]
    Norp,
}

/// A noun phrase that denotes an actor only in a context («الانقلابيين» in Yemen → the Houthis).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Descriptor {
    /// The phrase as written.
    pub text: String,
    /// The country (ISO-3) whose reporting uses it this way; none = any.
    #[serde(default)]
    pub context: Option<String>,
}

/// One actor of the dictionary.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Actor {
    /// Stable kebab-case id.
    pub id: String,
    /// Kind.
    pub kind: ActorKind,
    /// English name an analyst searches for.
    pub en: String,
    /// Canonical Arabic name.
    pub ar: String,
    /// Other Arabic names and spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Context-dependent descriptions.
    #[serde(default)]
    pub descriptors: Vec<DescriptorEntry>,
    /// ISO-3 country.
    #[serde(default)]
    pub country: Option<String>,
    /// CAMEO-style sector codes.
    #[serde(default)]
    pub sectors: Vec<String>,
    /// Full CAMEO actor code.
    #[serde(default)]
    pub cameo: Option<String>,
    /// Parent actor id.
    #[serde(default)]
    pub parent: Option<String>,
    /// Wikidata QID.
    #[serde(default)]
    pub wikidata: Option<String>,
    /// A generic actor («مسؤول أمني»): its country comes from a modifier in the text.
    #[serde(default)]
    pub generic: bool,
}

/// A descriptor written either as a plain string (any context) or as a table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum DescriptorEntry {
    /// Any context.
    Plain(String),
    /// With a context.
    Table(Descriptor),
}

impl DescriptorEntry {
    /// The phrase.
    pub fn text(&self) -> &str {
        match self {
            DescriptorEntry::Plain(t) => t,
            DescriptorEntry::Table(d) => &d.text,
        }
    }

    /// The country context, if any.
    pub fn context(&self) -> Option<&str> {
        match self {
            DescriptorEntry::Plain(_) => None,
            DescriptorEntry::Table(d) => d.context.as_deref(),
        }
    }

    /// As a descriptor.
    pub fn descriptor(&self) -> Descriptor {
        match self {
            DescriptorEntry::Plain(t) => Descriptor {
                text: t.clone(),
                context: None,
            },
            DescriptorEntry::Table(d) => d.clone(),
        }
    }
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    actor: Vec<Actor>,
}

/// Parse one actor file.
pub fn parse(name: &str, text: &str) -> Result<Vec<Actor>, LexiconError> {
    toml::from_str::<File>(text)
        .map(|f| f.actor)
        .map_err(|e| LexiconError::Parse {
            file: name.to_string(),
            reason: e.to_string(),
        })
}

include!(concat!(env!("OUT_DIR"), "/actor_files.rs"));

/// An actor's `generic_refs`: the generic actors («المحتجين», «أبناء القبائل») that refer to it in
/// an article that has named it (read apart from [`Actor`], whose fields other code builds
/// literally).
#[derive(Deserialize)]
struct Refs {
    id: String,
    #[serde(default)]
    generic_refs: Vec<String>,
}

#[derive(Deserialize)]
struct RefsFile {
    #[serde(default)]
    actor: Vec<Refs>,
}

/// The `generic_refs` of one actor file: (actor id, the ids of the generic actors that refer to it),
/// for the actors that have any.
pub fn parse_generic_refs(
    name: &str,
    text: &str,
) -> Result<Vec<(String, Vec<String>)>, LexiconError> {
    toml::from_str::<RefsFile>(text)
        .map(|f| {
            f.actor
                .into_iter()
                .filter(|r| !r.generic_refs.is_empty())
                .map(|r| (r.id, r.generic_refs))
                .collect()
        })
        .map_err(|e| LexiconError::Parse {
            file: name.to_string(),
            reason: e.to_string(),
        })
}

/// The `generic_refs` of the actor files compiled into the crate.
pub fn builtin_generic_refs() -> Result<Vec<(String, Vec<String>)>, LexiconError> {
    let mut out = Vec::new();
    for (name, text) in ACTOR_FILES {
        out.extend(parse_generic_refs(name, text)?);
    }
    Ok(out)
}

/// The actor files compiled into the crate.
pub fn builtin() -> Result<Vec<Actor>, LexiconError> {
    let mut out = Vec::new();
    for (name, text) in ACTOR_FILES {
        out.extend(parse(name, text)?);
    }
    Ok(out)
}
