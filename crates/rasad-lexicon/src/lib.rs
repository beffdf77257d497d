//! rasad-lexicon: the actor dictionary (`data/actors/*.toml`) and the gazetteer
//! (`data/places/places.tsv`), loaded once and compiled into a [`Matcher`] that finds their names in
//! a tokenised text.
//!
//! Names are matched on the text layer's stem keys, token by token: «والحوثيين» matches the alias
//! «الحوثيين» because both have the stem key «حوثيين»; the first token of a match may carry
//! proclitics (لطهران، بصنعاء), no token may carry a pronoun, quotes inside a name are skipped
//! (تنظيم “القاعدة”), and the longest match wins.
//!
//! It depends only on the text layer (for keys); it must not depend on extraction, the store or the
//! server. What a match *means* in context (a place or the adjective «البيضاء», which actor «التنظيم»
//! refers to) is decided by the extractor, not here.

pub mod actors;
pub mod matcher;
pub mod places;

pub use actors::{Actor, ActorKind, Descriptor};
pub use matcher::{Match, Matcher, Target};
pub use places::Place;

use std::sync::OnceLock;

/// A lexicon file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A TOML file failed to parse.
    #[error("{file}: {reason}")]
    Parse {
        /// The file.
        file: String,
        /// What is wrong.
        reason: String,
    },
}

/// Everything the extractors look names up in.
pub struct Lexicon {
    /// Actors, indexed by [`Target::Actor`].
    pub actors: Vec<Actor>,
    /// Places, indexed by [`Target::Place`].
    pub places: Vec<Place>,
    /// The compiled names.
    pub matcher: Matcher,
    /// For each head noun (the stem key of the first word of an actor's multi-word name or alias),
    /// the actors named so: «تنظيم» → al-Qaeda, AQAP, ISIS…; what generic references resolve to.
    pub heads: rustc_hash::FxHashMap<String, Vec<u32>>,
    /// The (actor, stem key) of one-word proper names written with the article that the bare
    /// word does not stand for: a named actor's own name («الكاميرون», «القاعدة»), an
    /// organisation's one-word alias, and a state's alias that is a place's name (its capital,
    /// «الرياض»). Demonyms and class nouns («الروس», «الأسرى») are not here: bare, they still
    /// name the group («جنود روس»). Keyed by the stem key, so the linker looks a word up
    /// without writing a key of its own.
    pub article_names: rustc_hash::FxHashMap<String, Vec<u32>>,
    /// For each key of the matcher ([`Match::first_key`]): true when the one-word name of that key
    /// is listed only with the article for everything it names — places («الرياض», «البصرة») and
    /// the actors of [`Lexicon::article_names`] — and is no nisba. Read bare, without «ال», the
    /// word names none of them («رياض ياسين» is a person, not Riyadh): the linker neither links
    /// it nor counts it for the article's country focus.
    pub article_only: Vec<bool>,
    /// The country codes of places (`country3`) and actors (`country`), each once: what
    /// [`CountryId`]s index.
    pub countries: Vec<String>,
    /// What is read about each place on every match (its country as a [`CountryId`], its feature
    /// class, its population), compact, so that linking need not touch the place records.
    pub place_facts: Vec<PlaceFacts>,
    /// What is read about each actor on every match, compact: [`ActorFacts`].
    pub actor_facts: Vec<ActorFacts>,
    /// The country contexts of the actors' descriptors: descriptor `d` of actor `x` is at
    /// `actor_facts[x].descriptors + d`.
    pub descriptor_contexts: Vec<DescriptorContext>,
    /// Whether each descriptor is written with the article («الرئيس»), indexed as
    /// [`Lexicon::descriptor_contexts`]: read on every descriptor match, so kept here rather than
    /// read from the descriptor's text.
    pub descriptor_definite: Vec<bool>,
    /// For each key of the matcher ([`Match::first_key`]), how often it occurs in news as an
    /// ordinary word: the text layer's stem support (`Segmenter::support_of_key`, first count),
    /// looked up once here rather than on every match.
    pub word_support: Vec<u32>,
    /// For each generic actor (an index), the specific actors it may stand for: those whose
    /// `generic_refs` name it («المحتجين» → the resistance committees, the depositors). Filled by
    /// [`Lexicon::set_generic_refs`]; empty in a lexicon made by [`Lexicon::new`] alone.
    pub generic_refs: rustc_hash::FxHashMap<u32, Vec<u32>>,
    /// Each actor as the output's entity (indexed as [`Lexicon::actors`]), its strings shared:
    /// linking clones these by pointer rather than copying the actor's strings for every article.
    pub doc_entities: Vec<rasad_doc::Entity>,
    /// Each place as the output's place (indexed as [`Lexicon::places`]), likewise.
    pub doc_places: Vec<rasad_doc::Place>,
}

/// A country code interned by the lexicon: an index into [`Lexicon::countries`].
pub type CountryId = u16;

/// A place's GeoNames feature code, in the classes the extractors tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeatureClass {
    /// `PCL…`: a country.
    Country,
    /// `ADM1`: a first-level division.
    Admin1,
    /// `PPLC`: a capital.
    Capital,
    /// `PPLA`: the seat of a first-level division.
    Seat1,
    /// `PPLA2`: the seat of a second-level division.
    Seat2,
    /// Another `PPL…` code: a populated place.
    Populated,
    /// `CONT` or `RGN`: a continent or a region spanning states («أوروبا», «أمريكا اللاتينية»).
    Region,
    /// Anything else.
    Other,
}

impl FeatureClass {
    /// The class of a feature code.
    pub fn of(code: &str) -> FeatureClass {
        match code {
            c if c.starts_with("PCL") => FeatureClass::Country,
            "ADM1" => FeatureClass::Admin1,
            "PPLC" => FeatureClass::Capital,
            "PPLA" => FeatureClass::Seat1,
            "PPLA2" => FeatureClass::Seat2,
            c if c.starts_with("PPL") => FeatureClass::Populated,
            "CONT" | "RGN" => FeatureClass::Region,
            _ => FeatureClass::Other,
        }
    }

    /// True for every `PPL…` code.
    pub fn is_populated(self) -> bool {
        matches!(
            self,
            FeatureClass::Capital
                | FeatureClass::Seat1
                | FeatureClass::Seat2
                | FeatureClass::Populated
        )
    }
}

/// What the extractors read about an actor on every match: [`Lexicon::actor_facts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorFacts {
    /// `kind`.
    pub kind: ActorKind,
    /// `generic`.
    pub generic: bool,
    /// `country` as a [`CountryId`] (none when absent or empty).
    pub country: Option<CountryId>,
    /// Where the actor's descriptors start in [`Lexicon::descriptor_contexts`].
    pub descriptors: u32,
}

/// A descriptor's country context ([`Descriptor::context`]) as a [`CountryId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DescriptorContext {
    /// Any country (no context).
    Any,
    /// This country's reporting only.
    Country(CountryId),
}

/// Country codes, each given a [`CountryId`] once.
#[derive(Default)]
struct Countries {
    codes: Vec<String>,
    ids: rustc_hash::FxHashMap<String, CountryId>,
}

impl Countries {
    /// The id of a code (an empty code too: a descriptor context may be one).
    fn id(&mut self, code: &str) -> CountryId {
        if let Some(&id) = self.ids.get(code) {
            return id;
        }
        let id = CountryId::try_from(self.codes.len()).expect("fewer than 65536 country codes");
        self.codes.push(code.to_string());
        self.ids.insert(code.to_string(), id);
        id
    }

    /// The id of a place's or actor's country; none when the code is empty.
    fn of(&mut self, code: &str) -> Option<CountryId> {
        (!code.is_empty()).then(|| self.id(code))
    }
}

/// What the extractors read about a place on every match: [`Lexicon::place_facts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceFacts {
    /// `country3` as a [`CountryId`] (none when empty).
    pub country: Option<CountryId>,
    /// The class of `feature`.
    pub class: FeatureClass,
    /// `population`.
    pub population: u64,
}

/// An actor as the output's entity.
fn doc_entity(actor: &Actor) -> rasad_doc::Entity {
    use rasad_doc::EntityKind;
    rasad_doc::Entity {
        id: actor.id.as_str().into(),
        kind: match actor.kind {
            ActorKind::Per => EntityKind::Per,
            ActorKind::Org => EntityKind::Org,
            ActorKind::Gpe => EntityKind::Gpe,
            ActorKind::Norp => EntityKind::Norp,
        },
        name: rasad_doc::Name {
            ar: Some(actor.ar.as_str().into()),
            en: Some(actor.en.as_str().into()),
        },
        country: actor.country.as_deref().map(Into::into),
        codes: rasad_doc::Codes {
            cameo: actor.cameo.as_deref().map(Into::into),
        },
        wikidata: actor.wikidata.as_deref().map(Into::into),
    }
}

/// A place as the output's place.
fn doc_place(p: &Place) -> rasad_doc::Place {
    rasad_doc::Place {
        id: p.id.as_str().into(),
        name: rasad_doc::Name {
            ar: Some(p.ar.as_str().into()),
            en: Some(p.en.as_str().into()),
        },
        feature: Some(p.feature.as_str().into()),
        // a continent or a region spanning states has none
        country: (!p.country.is_empty()).then(|| p.country.as_str().into()),
        lat: p.lat,
        lon: p.lon,
        geonames: p.geonames,
    }
}

impl Lexicon {
    /// The lexicon compiled into the binary, built on first use.
    pub fn global() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| {
            let actors =
                actors::builtin().unwrap_or_else(|e| panic!("built-in actor dictionary: {e}"));
            let places = places::builtin();
            let refs = actors::builtin_generic_refs()
                .unwrap_or_else(|e| panic!("built-in actor dictionary: {e}"));
            let mut lex = Lexicon::new(actors, places);
            lex.set_generic_refs(&refs);
            lex
        })
    }

    /// Compile a lexicon from its records.
    pub fn new(actors: Vec<Actor>, places: Vec<Place>) -> Lexicon {
        let mut matcher = Matcher::build(&actors, &places);
        let heads = head_index(&actors);
        let article_names = article_index(&actors, &places);
        // the head nouns are watched, so that the extractor finds the generic references
        // («التنظيم») in the matcher's pass over the tokens
        let mut head_keys: Vec<&String> = heads.keys().collect();
        head_keys.sort();
        for key in head_keys {
            matcher.watch(key);
        }
        let mut countries = Countries::default();
        let place_facts = places
            .iter()
            .map(|p| PlaceFacts {
                country: countries.of(&p.country3),
                class: FeatureClass::of(&p.feature),
                population: p.population,
            })
            .collect();
        let mut descriptor_contexts = Vec::new();
        let mut descriptor_definite = Vec::new();
        let actor_facts = actors
            .iter()
            .map(|a| {
                let facts = ActorFacts {
                    kind: a.kind,
                    generic: a.generic,
                    country: a.country.as_deref().and_then(|c| countries.of(c)),
                    descriptors: descriptor_contexts.len() as u32,
                };
                // «ANY» is written out for a fallback that applies anywhere (data/actors/README)
                descriptor_contexts.extend(a.descriptors.iter().map(|d| match d.context() {
                    None | Some("ANY") => DescriptorContext::Any,
                    Some(c) => DescriptorContext::Country(countries.id(c)),
                }));
                descriptor_definite
                    .extend(a.descriptors.iter().map(|d| d.text().starts_with("ال")));
                facts
            })
            .collect();
        // each name's countries, read by the country focus on every match
        {
            let (place_facts, actor_facts): (&Vec<PlaceFacts>, &Vec<ActorFacts>) =
                (&place_facts, &actor_facts);
            matcher.set_countries(|t| match t {
                Target::Place(p) => place_facts[p as usize].country,
                Target::ActorName(x) | Target::ActorAlias(x) => actor_facts[x as usize].country,
                Target::ActorDescriptor(..) => None,
            });
        }
        let segmenter = rasad_text::Segmenter::global();
        let word_support = matcher
            .keys()
            .into_iter()
            .map(|(_, key)| segmenter.support_of_key(&key)[0])
            .collect();
        let article_only = article_only_keys(&matcher.keys(), &actors, &places, &article_names);
        let doc_entities = actors.iter().map(doc_entity).collect();
        let doc_places = places.iter().map(doc_place).collect();
        Lexicon {
            doc_entities,
            doc_places,
            word_support,
            actors,
            places,
            matcher,
            heads,
            article_names,
            article_only,
            countries: countries.codes,
            place_facts,
            actor_facts,
            descriptor_contexts,
            descriptor_definite,
            generic_refs: rustc_hash::FxHashMap::default(),
        }
    }

    /// Record which generic actors refer to which specific ones: `(specific id, generic ids)`
    /// pairs, as [`actors::parse_generic_refs`] reads them. Unknown ids are skipped (the data
    /// check reports them).
    pub fn set_generic_refs(&mut self, refs: &[(String, Vec<String>)]) {
        let index: rustc_hash::FxHashMap<&str, u32> = self
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i as u32))
            .collect();
        let mut map: rustc_hash::FxHashMap<u32, Vec<u32>> = rustc_hash::FxHashMap::default();
        for (specific, generics) in refs {
            let Some(&y) = index.get(specific.as_str()) else {
                continue;
            };
            for g in generics {
                if let Some(&x) = index.get(g.as_str()) {
                    let v = map.entry(x).or_default();
                    if !v.contains(&y) {
                        v.push(y);
                    }
                }
            }
        }
        self.generic_refs = map;
    }

    /// The specific actors a generic actor may stand for ([`Lexicon::generic_refs`]).
    pub fn specific_of(&self, generic: u32) -> &[u32] {
        self.generic_refs.get(&generic).map_or(&[], Vec::as_slice)
    }

    /// The actors whose multi-word names start with this head noun (a stem key).
    pub fn actors_with_head(&self, head: &str) -> &[u32] {
        self.heads.get(head).map_or(&[], Vec::as_slice)
    }

    /// The country context of descriptor `d` of actor `x` (as in [`Target::ActorDescriptor`]).
    pub fn descriptor_context(&self, x: u32, d: u16) -> DescriptorContext {
        self.descriptor_contexts[self.actor_facts[x as usize].descriptors as usize + d as usize]
    }

    /// True when descriptor `d` of actor `x` is written with the article
    /// ([`Lexicon::descriptor_definite`]).
    pub fn descriptor_is_definite(&self, x: u32, d: u16) -> bool {
        self.descriptor_definite[self.actor_facts[x as usize].descriptors as usize + d as usize]
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }
}

/// The stem key of a one-word name (none for a name of several words).
fn one_word_key(name: &str) -> Option<String> {
    let a = rasad_text::Analysis::new(name);
    match &a.tokens[..] {
        [t] if t.kind == rasad_text::TokenKind::Word => Some(t.seg.stem_key(t.view(&a.view))),
        _ => None,
    }
}

/// [`Lexicon::article_only`], indexed by the matcher's key ids (`keys`, sorted by id).
fn article_only_keys(
    keys: &[(u32, String)],
    actors: &[Actor],
    places: &[Place],
    article_names: &rustc_hash::FxHashMap<String, Vec<u32>>,
) -> Vec<bool> {
    // per stem key: true while everything a one-word name of that key names is listed only
    // with the article, false once one is not
    let mut only: rustc_hash::FxHashMap<String, bool> = rustc_hash::FxHashMap::default();
    let mut note = |key: String, article_only: bool| {
        *only.entry(key).or_insert(true) &= article_only;
    };
    for p in places {
        // a place listed both ways («الموصل» and «موصل») is named bare too
        let mut forms: rustc_hash::FxHashMap<String, bool> = rustc_hash::FxHashMap::default();
        for name in std::iter::once(&p.ar).chain(&p.ar_variants) {
            if let Some(k) = one_word_key(name) {
                *forms.entry(k).or_insert(true) &= name.starts_with("ال");
            }
        }
        for (k, article) in forms {
            note(k, article);
        }
    }
    for (i, actor) in actors.iter().enumerate() {
        let names = std::iter::once(&actor.ar).chain(&actor.aliases);
        let names = names.map(String::as_str);
        for name in names.chain(actor.descriptors.iter().map(|d| d.text())) {
            if let Some(k) = one_word_key(name) {
                let listed = article_names
                    .get(&k)
                    .is_some_and(|xs| xs.contains(&(i as u32)));
                note(k, listed);
            }
        }
    }
    keys.iter()
        .map(|(_, k)| only.get(k.as_str()).copied().unwrap_or(false) && !is_nisba_key(k))
        .collect()
}

/// A stem key with a nisba ending («يمني», «الإيرانية», «سوريون»): a demonym or an adjective of
/// relation, which names its group or state bare as well as with the article.
pub fn is_nisba_key(key: &str) -> bool {
    ["ي", "يه", "ية", "يون", "يين", "يات", "يان"]
        .iter()
        .any(|s| key.ends_with(s))
}

/// [`Lexicon::article_names`].
fn article_index(actors: &[Actor], places: &[Place]) -> rustc_hash::FxHashMap<String, Vec<u32>> {
    let place_names: rustc_hash::FxHashSet<&str> = places
        .iter()
        .flat_map(|p| std::iter::once(&p.ar).chain(&p.ar_variants))
        .map(String::as_str)
        .collect();
    let key = one_word_key;
    let mut set = rustc_hash::FxHashSet::default();
    // (the same word listed bare too — «فيتنام» beside «الفيتنام», «دواعش» beside «الدواعش» —
    // names the actor bare)
    let mut bare = rustc_hash::FxHashSet::default();
    for (i, actor) in actors.iter().enumerate() {
        if actor.generic {
            continue;
        }
        let own = std::iter::once((&actor.ar, true));
        let aliases = actor.aliases.iter().map(|a| (a, false));
        for (name, canonical) in own.chain(aliases) {
            if name.contains(' ') {
                continue;
            }
            if !name.starts_with("ال") {
                bare.extend(key(name).map(|k| (i as u32, k)));
                continue;
            }
            let keep = canonical
                || actor.kind == ActorKind::Org
                || (actor.kind == ActorKind::Gpe && place_names.contains(name.as_str()));
            if keep {
                set.extend(key(name).map(|k| (i as u32, k)));
            }
        }
    }
    set.retain(|p| !bare.contains(p));
    let mut map: rustc_hash::FxHashMap<String, Vec<u32>> = rustc_hash::FxHashMap::default();
    for (x, k) in set {
        map.entry(k).or_default().push(x);
    }
    map
}

fn head_index(actors: &[Actor]) -> rustc_hash::FxHashMap<String, Vec<u32>> {
    let mut m: rustc_hash::FxHashMap<String, Vec<u32>> = rustc_hash::FxHashMap::default();
    let mut buf = String::new();
    for (i, actor) in actors.iter().enumerate() {
        for name in std::iter::once(&actor.ar).chain(&actor.aliases) {
            let a = rasad_text::Analysis::new(name);
            let words: Vec<_> = a
                .tokens
                .iter()
                .filter(|t| t.kind == rasad_text::TokenKind::Word)
                .collect();
            if words.len() < 2 {
                continue;
            }
            words[0].seg.stem_key_into(words[0].view(&a.view), &mut buf);
            let v = m.entry(buf.clone()).or_default();
            if !v.contains(&(i as u32)) {
                v.push(i as u32);
            }
        }
    }
    m
}
