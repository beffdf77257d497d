//! Actor mentions and places: dictionary matches read in context.
//!
//! The lexicon's matcher finds every name (`rasad_lexicon::Matcher`); these rules decide what each
//! match means here. Each rule is small and tested below.
//! - **Focus.** The article's country focus is the country most named by its places and actors;
//!   descriptors and ambiguous places are read against it. A word that names places and actors
//!   only with the article, met without it («رياض» ياسين, «كسوة» الكعبة), is no name and casts no
//!   vote (`bare name`).
//! - **Names and aliases** of actors become mentions (`via: name|alias`). A country's name is
//!   both an actor mention (it may act: «تكتيكات إيران») and a place.
//! - **Descriptors** («الانقلابيين», «المليشيات الانقلابية») become mentions (`via: descriptor`) of
//!   the actor whose descriptor context is the focus country (or has no context); among several,
//!   the one mentioned most.
//! - **Generic references** («التنظيم», «الجماعة», «الحركة», «المليشيات»): a definite generic head
//!   noun not inside a name resolves to the most recent actor before it whose own names start with
//!   that head (تنظيم القاعدة → «التنظيم»), a mention written with the head itself first
//!   (`written_head`: «تنظيم داعش», not «قسد» alias «تنظيم قسد»), else the article's most
//!   mentioned such actor (`via: coref`).
//! - **Places.** A place name after a definite noun that is not a place cue («الراية البيضاء») is an
//!   adjective, not a place; with a cue («محافظة», «مدينة»), a preposition or a proclitic it is a
//!   place. Among places of one name: the focus country first, then the cue's feature (محافظة →
//!   ADM1, مدينة → a city), then countries, provinces, capitals, cities by population.
//! - **Generic groups** («المحتجين», «أبناء القبائل») stand for the group most recently named that
//!   lists them in its `generic_refs` (the resistance committees, a tribal alliance); one that a
//!   demonym qualifies («لاجئا سوريا») is that country's group (`via: coref`). A generic
//!   commander of a unit named by its kind («قائد اللواء» after «اللواء 444 قتال») is that unit
//!   (`unit_commander`), as a spokesman speaks for his body.
//! - **Generic actors** («مسؤول أمني») take their country from a demonym right after them («يمني»);
//!   a generic actor's name yields to a descriptor made for the focus country («أفراد الأمن» in a
//!   Yemeni story → the Yemeni security forces). One document entity has one country, so a state
//!   agent qualified by another country than the one it first had («مسؤولين مصريين» … «مسؤول
//!   إسرائيلي») is that other state (`foreign_agent`).
//! - **Article.** A descriptor written with «ال» («الرئيس», «الرئاسة») does not link a bare word
//!   heading a construct («برئاسة مستشار», «رئيس المخابرات»), except before a place or a state
//!   («شرطة عدن»): `construct_head`. «فتح» before what is opened or after ب is "opening", not
//!   Fatah: `is_opening`. A one-word proper name with «ال» («الكاميرون», «القاعدة», «الرياض»)
//!   is not named by the bare word («ديفيد كاميرون», «قاعدة جوية», «رياض ياسين») unless it is a
//!   nisba («سعودية»); demonyms and class nouns stay («جنود روس»): `bare_name`.
//! - **Shared names.** A descriptor is read in the context of the state it is located in by «في»
//!   («القوات المسلحة في شرق ليبيا» in an Egyptian story: `located_in`), else of the focus; a
//!   descriptor for that context beats another country's actor of the same name («قوى الأمن
//!   الداخلي» in a Syrian story is the Asayish: `shared_name`).

use rasad_doc::{Entity, EntityKind, Mention, Place as DocPlace, SharedStr, Via};
use rasad_lexicon::matcher::prefetch;
use rasad_lexicon::{
    ActorKind, CountryId, DescriptorContext, FeatureClass, Lexicon, PlaceFacts, Target,
};
use rasad_text::{Analysis, TokenKind};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Head nouns of generic references, as stem keys (their first letters are tested first in
/// [`link`]: keep that test in step when adding one).
const GENERIC_HEADS: &[&str] = &[
    "تنظيم",
    "جماعه",
    "حركه",
    "مليشيا",
    "مليشيات",
    "ميليشيا",
    "ميليشيات",
    "حزب",
    "فصيل",
    "جبهه",
    "جيش",
    "قوات",
    // bodies referred back to by their kind («وقالت الوزارة», «المتحدث باسم المجلس», «النقابة»)
    "وزاره",
    "مجلس",
    "هيئه",
    "نقابه",
    "اتحاد",
    "مؤسسه",
    "بعثه",
    "منظمه",
    "وكاله",
    "لجنه",
    "قياده",
    "برنامج",
    // «البلدية» after «بلدية القدس»
    "بلديه",
    // a body known by its kind in the plural or as an alliance («اللجان», «الحلف», «الخلية»)
    "لجان",
    "حلف",
    "خليه",
    // an envoy or delegate referred back to by his title («وقال المبعوث» after «المبعوث الأممي
    // الخاص إلى اليمن», «المندوب» after «مندوب السودان»)
    "مبعوث",
    "مندوب",
];

/// Titles of a state's envoy, as stem keys: the definite title refers back to «TITLE + state».
const ENVOY_TITLES: &[&str] = &["مندوب", "مبعوث"];

/// Nouns after which a place name is a place («محافظة البيضاء»), with the feature they imply.
const PLACE_CUES: &[(&str, Option<&str>)] = &[
    ("محافظه", Some("ADM1")),
    ("ولايه", Some("ADM1")),
    ("اقليم", Some("ADM1")),
    ("مدينه", Some("PPL")),
    ("بلده", Some("PPL")),
    ("قريه", Some("PPL")),
    ("عاصمه", Some("PPL")),
    ("مديريه", None),
    ("منطقه", None),
    ("دوله", Some("PCL")),
    ("جمهوريه", Some("PCL")),
    ("مملكه", Some("PCL")),
    ("ميناء", None),
    ("مطار", None),
    ("معبر", None),
    ("مخيم", None),
];

/// Words after which a name is a place («في عدن», «شمال صنعاء»), as view keys.
const PREPOSITIONS: &[&str] = &[
    "في",
    "الي",
    "من",
    "عن",
    "علي",
    "نحو",
    "قرب",
    "داخل",
    "خارج",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "انحاء",
    "حول",
    "عبر",
    "ضواحي",
    "اطراف",
    "حتي",
    "تجاه",
    "اتجاه",
    "محيط",
    "مشارف",
    "جنوبي",
    "شمالي",
    "شرقي",
    "غربي",
];

/// What linking found in one text.
#[derive(Debug, Default)]
pub struct Linked {
    /// Actors mentioned.
    pub entities: Vec<Entity>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Places referred to.
    pub places: Vec<DocPlace>,
}

fn key_of(a: &Analysis, i: usize, buf: &mut String) -> bool {
    let t = &a.tokens[i];
    if t.kind != TokenKind::Word {
        return false;
    }
    t.seg.stem_key_into(view_of(a, t), buf);
    true
}

/// The stem key of word `i` (as [`key_of`] writes it) packed into a number, so that the words
/// read around a name are looked up in [`words`] without writing their key out: up to 15
/// characters of U+0600–U+06FF, one byte each (their offset from U+0600), and the length in the
/// low byte. None for other tokens and for keys that do not pack, which are no word of those lists
/// (short Arabic words, all of which pack).
#[inline]
fn stem_code(a: &Analysis, i: usize) -> Option<u128> {
    let t = &a.tokens[i];
    if t.kind != TokenKind::Word {
        return None;
    }
    let view = view_of(a, t);
    let e = (t.seg.stem_end as usize).min(view.len());
    let stem = &view[(t.seg.stem_start as usize).min(e)..e];
    let (&last, body) = stem.split_last()?;
    let last = if t.seg.ta_marbuta { 'ه' } else { last };
    // ([`code_of`] of the characters, without a branch on each: a character outside
    // U+0600–U+06FF leaves its offset above 0xFF in `outside`)
    let n = stem.len();
    if n > 15 {
        return None;
    }
    let mut bytes = [0u8; 16];
    let mut outside = 0;
    for (k, &c) in body.iter().enumerate() {
        let off = (c as u32).wrapping_sub(0x0600);
        outside |= off;
        bytes[(k + 1) & 15] = off as u8;
    }
    let off = (last as u32).wrapping_sub(0x0600);
    outside |= off;
    bytes[n & 15] = off as u8;
    bytes[0] = n as u8;
    (outside <= 0xFF).then_some(u128::from_le_bytes(bytes))
}

/// [`stem_code`] of a key's characters.
#[inline]
fn code_of(chars: impl Iterator<Item = char>) -> Option<u128> {
    // (written byte by byte: a 128-bit shift by a variable amount is a dozen instructions)
    let mut bytes = [0u8; 16];
    let mut n = 0;
    for c in chars {
        let off = (c as u32).wrapping_sub(0x0600);
        if off > 0xFF || n == 15 {
            return None;
        }
        n += 1;
        bytes[n] = off as u8;
    }
    bytes[0] = n as u8;
    Some(u128::from_le_bytes(bytes))
}

/// The original characters of a span, clamped as [`Analysis::slice`] clamps them.
#[inline]
fn original_chars(a: &Analysis, start: u32, end: u32) -> &[char] {
    let e = (end as usize).min(a.chars.len());
    &a.chars[(start as usize).min(e)..e]
}

/// [`Analysis::slice`] with room for two bytes a character reserved first (a mention's text is
/// mostly two-byte Arabic letters: collecting characters would reallocate), and those letters and
/// ASCII written out directly (`String::push` takes some 25 instructions a character). A text of
/// such characters only, as nearly all are, fits the room reserved: each character is written as
/// two bytes at once, of which the second is kept only for a letter (no branch on the mix of
/// letters and spaces, nor a test of the capacity at every byte), and a text with a character of
/// three bytes or four is written again the general way.
fn text_of(a: &Analysis, start: u32, end: u32) -> String {
    let chars = original_chars(a, start, end);
    let mut bytes: Vec<u8> = Vec::with_capacity(2 * chars.len());
    let p = bytes.as_mut_ptr();
    let mut n = 0;
    let mut worst = 0;
    for &c in chars {
        let x = c as u32;
        worst |= x;
        let two = x >= 0x80;
        let first = if two { 0xC0 | (x >> 6) } else { x };
        // SAFETY: `n` ≤ 2 × the characters written so far, so the two bytes at `n` are within
        // the 2 × `chars.len()` reserved
        unsafe {
            p.add(n)
                .cast::<[u8; 2]>()
                .write_unaligned([first as u8, 0x80 | (x & 0x3F) as u8]);
        }
        n += 1 + two as usize;
    }
    if worst < 0x800 {
        // SAFETY: the first `n` bytes were written above
        unsafe { bytes.set_len(n) };
    } else {
        for &c in chars {
            bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
    }
    // SAFETY: the bytes are the UTF-8 encoding of the characters (one byte below U+0080, two
    // below U+0800, as `char::encode_utf8` writes them)
    unsafe { String::from_utf8_unchecked(bytes) }
}

/// Ask for the reference counts of a shared string ahead of cloning it. An `Arc`'s counts are
/// the 16 bytes before its data; the lexicon's strings are each allocated on their own, so a
/// record's strings are as many lines, mostly out of cache, and an atomic increment lets no other
/// read pass it while it waits: cloned cold, an entity or a place cost a miss after another.
/// (Only a hint: a wrong address would cost nothing but the wait.)
#[inline(always)]
fn prefetch_shared(s: &SharedStr) {
    prefetch(s.as_ptr().wrapping_sub(16));
}

/// [`prefetch_shared`] of an entity's strings (those [`entity`] clones).
fn prefetch_entity(e: &Entity) {
    prefetch_shared(&e.id);
    for s in [
        &e.name.ar,
        &e.name.en,
        &e.country,
        &e.codes.cameo,
        &e.wikidata,
    ]
    .into_iter()
    .flatten()
    {
        prefetch_shared(s);
    }
}

/// [`prefetch_shared`] of a place's strings.
fn prefetch_place(p: &DocPlace) {
    prefetch_shared(&p.id);
    for s in [&p.name.ar, &p.name.en, &p.feature, &p.country]
        .into_iter()
        .flatten()
    {
        prefetch_shared(s);
    }
}

/// A token's view characters, as [`rasad_text::tokens::Token::view`] gives them (inlined: the rules read
/// them for every token).
#[inline]
fn view_of<'a>(a: &'a Analysis, t: &rasad_text::tokens::Token) -> &'a [char] {
    let chars = &a.view.chars;
    let end = (t.nend as usize).min(chars.len());
    &chars[(t.nstart as usize).min(end)..end]
}

fn entity_kind(k: ActorKind) -> EntityKind {
    match k {
        ActorKind::Per => EntityKind::Per,
        ActorKind::Org => EntityKind::Org,
        ActorKind::Gpe => EntityKind::Gpe,
        ActorKind::Norp => EntityKind::Norp,
    }
}

/// Countries first; then the most specific well-known place: a capital or a province's seat
/// before the province named after it (طهران، عدن، البيضاء — «محافظة» picks the province);
/// then other towns.
fn feature_rank(p: &PlaceFacts) -> u32 {
    match p.class {
        FeatureClass::Country => 0,
        FeatureClass::Capital => 1,
        FeatureClass::Seat1 => 2,
        FeatureClass::Admin1 => 3,
        FeatureClass::Seat2 => 4,
        _ => 5,
    }
}

/// [`link`]'s working buffers, kept for the thread between articles (filling fresh ones for
/// every article cost some ten allocations each); each is empty between calls.
#[derive(Default)]
struct LinkScratch {
    buf: String,
    /// The head noun being resolved (kept apart from `buf`, which reads the words before it).
    head: String,
    country_votes: Vec<(CountryId, usize)>,
    seen: Vec<CountryId>,
    actor_order: Vec<u32>,
    actor_count: FxHashMap<u32, usize>,
    place_seen: IdSet,
    /// The places linked, each once, in the order they were first linked (their records are
    /// cloned into the output at the end: see [`prefetch_shared`]).
    new_places: Vec<u32>,
    /// Each state agent's first mention (where it ends) and the country a demonym gave it there.
    agent_country: FxHashMap<u32, (usize, Option<CountryId>)>,
    covered: Vec<bool>,
    places: Vec<u32>,
    /// Pending mentions: (start, end, actor, via, the token the mention starts in).
    raw: Vec<(u32, u32, u32, Via, u32)>,
    mention_at: Vec<(u32, u32)>,
    entity_seen: IdSet,
    /// The actors mentioned, each once, in text order, with the end of their first mention.
    new_entities: Vec<(u32, u32)>,
}

/// A set of actor or place ids as bits: an insertion is a bit tested and set (these are
/// inserted for every mention and place, where a hash set hashed and probed).
#[derive(Default)]
struct IdSet(Vec<u64>);

impl IdSet {
    /// Insert `x`; true when it was not in the set.
    fn insert(&mut self, x: u32) -> bool {
        let (w, bit) = (x as usize / 64, 1u64 << (x % 64));
        if self.0.len() <= w {
            self.0.resize(w + 1, 0);
        }
        let new = self.0[w] & bit == 0;
        self.0[w] |= bit;
        new
    }

    fn clear(&mut self) {
        self.0.fill(0);
    }
}

thread_local! {
    static LINK_SCRATCH: std::cell::Cell<LinkScratch> = std::cell::Cell::new(LinkScratch::default());
}

/// Link the names of an analysed text against the lexicon.
pub fn link(a: &Analysis, lex: &Lexicon) -> Linked {
    // the names, and the words whose stem key is a head noun of some actor's name (the lexicon
    // watches those keys): the only tokens a generic reference can be
    let (matches, head_words) = lex.matcher.find_with_watched(a);
    let LinkScratch {
        mut buf,
        mut head,
        mut country_votes,
        mut seen,
        mut actor_order,
        mut actor_count,
        mut place_seen,
        mut new_places,
        mut agent_country,
        mut covered,
        mut places,
        mut raw,
        mut mention_at,
        mut entity_seen,
        mut new_entities,
    } = LINK_SCRATCH.with(std::cell::Cell::take);

    // the country focus: countries of unambiguous places and of named actors (counted as the
    // lexicon's country ids: an article names few countries, so a short list does)
    for m in &matches {
        // (the name's characters are asked for now, a mention's text being written from them
        // at the end: see below)
        prefetch(original_chars(a, m.start, m.end).as_ptr());
        // `bare name`: «رياض» (ياسين) without its article names neither Riyadh nor Saudi Arabia
        if bare_article_name(a, m, lex) {
            continue;
        }
        // (and the facts of its places, and how common its first word is, which the rules below
        // read for a place match: lists too long to stay in cache)
        let mut place = false;
        for t in m.targets.iter() {
            if let Target::Place(p) = *t {
                prefetch(&lex.place_facts[p as usize]);
                place = true;
            }
        }
        if place {
            if let Some(support) = lex.word_support.get(m.first_key as usize) {
                prefetch(support);
            }
        }
        // (each name's countries, each once, as the matcher keeps them: the targets' facts are
        // read only for a match merged from several names)
        let countries = match m.countries {
            Some(countries) => countries,
            None => {
                seen.clear();
                for t in m.targets.iter() {
                    let c = match *t {
                        Target::Place(p) => lex.place_facts[p as usize].country,
                        Target::ActorName(x) | Target::ActorAlias(x) => {
                            lex.actor_facts[x as usize].country
                        }
                        _ => None,
                    };
                    if let Some(c) = c.filter(|c| !seen.contains(c)) {
                        seen.push(c);
                    }
                }
                &seen[..]
            }
        };
        for &c in countries {
            match country_votes.iter_mut().find(|(v, _)| *v == c) {
                Some((_, n)) => *n += 1,
                None => country_votes.push((c, 1)),
            }
        }
    }
    let focus_id: Option<CountryId> = country_votes
        .iter()
        .max_by_key(|&&(c, n)| (n, std::cmp::Reverse(lex.countries[c as usize].as_str())))
        .map(|&(c, _)| c);

    // (sized for a usual article — some five actors and three places — so that filling them
    // rarely grows them)
    let mut linked = Linked {
        entities: Vec::with_capacity(8),
        mentions: Vec::new(),
        places: Vec::with_capacity(4),
    };
    let mut last_place: Option<(usize, u32)> = None;
    let mut last_actor: Option<(usize, u32)> = None;
    // where the last demonym read as a nationality ended («من جنسيات نيجرية وتشادية»)
    let mut nationality_end: Option<usize> = None;
    covered.resize(a.tokens.len(), false);

    for m in &matches {
        for c in covered.iter_mut().take(m.end_token).skip(m.first_token) {
            *c = true;
        }
        let actor_target = m.targets.iter().find_map(|t| match *t {
            Target::ActorName(x) => Some((x, Via::Name)),
            Target::ActorAlias(x) => Some((x, Via::Alias)),
            _ => None,
        });
        let actor_target = bare_name(a, m, actor_target, lex, &mut buf);
        let actor_target = civil_body_adjective(a, m, actor_target, lex, &mut buf);
        let actor_target = noun_with_adjective(a, m, &matches, actor_target, lex, &mut buf);
        let actor_target = capital_homograph(a, m, actor_target, lex, focus_id);
        let led = led_by(a, m, &matches, lex, &mut buf);
        let actor_target = led.map(|x| (x, Via::Descriptor)).or(actor_target);
        // «فتح» read as "opening" names no one
        let opening = is_opening(a, m, &mut buf);
        // a descriptor located in another country («القوات المسلحة في شرق ليبيا» in an Egyptian
        // story) is read in that country's context
        let context_id = m
            .targets
            .iter()
            .any(|t| matches!(t, Target::ActorDescriptor(..)))
            .then(|| located_in(a, m.end_token, lex))
            .flatten()
            .or(focus_id);
        let actor_target = actor_target.filter(|_| !opening);
        let descriptor = m
            .targets
            .iter()
            .filter_map(|t| match *t {
                Target::ActorDescriptor(x, d) => Some((x, d)),
                _ => None,
            })
            .filter(|&(x, d)| match lex.descriptor_context(x, d) {
                DescriptorContext::Any => true,
                DescriptorContext::Country(c) => Some(c) == context_id,
            })
            .filter(|&(x, d)| !construct_head(a, m.first_token, lex, x, d))
            .filter(|_| !opening && led.is_none())
            .max_by_key(|&(x, d)| {
                // a descriptor made for the focus country beats a context-free one; then salience
                let ctx = lex.descriptor_context(x, d);
                (
                    ctx != DescriptorContext::Any,
                    actor_count.get(&x).copied().unwrap_or(0),
                )
            });
        places.clear();
        if !bare_article_name(a, m, lex) {
            places.extend(m.targets.iter().filter_map(|t| match *t {
                Target::Place(p) => Some(p),
                _ => None,
            }));
        }

        // a generic actor's name («أفراد الأمن») yields to a descriptor made for the focus country
        // (the Yemeni security forces in a Yemeni story); so does the name of an actor of another
        // country (`shared_name`: «قوى الأمن الداخلي» in a Syrian story is the Asayish, not
        // Lebanon's police). A parent's name stays («القاعدة» is al-Qaeda, not its Yemeni branch:
        // either is right, and the event rules read the parent).
        let focus_descriptor =
            descriptor.filter(|&(x, d)| lex.descriptor_context(x, d) != DescriptorContext::Any);
        let actor_target = match (actor_target, focus_descriptor) {
            (Some((x, _)), Some(_)) if lex.actor_facts[x as usize].generic => None,
            (Some((x, _)), Some((y, _)))
                if x != y
                    && lex.actor_facts[x as usize]
                        .country
                        .is_some_and(|c| Some(c) != focus_id)
                    && lex.actors[y as usize].parent.as_deref()
                        != Some(lex.actors[x as usize].id.as_str()) =>
            {
                None
            }
            (t, _) => t,
        };
        // a state named where something happens («في جنوب لبنان», «بغداد» after ب) is a place
        // there, not an actor
        // (but a state after «من» following a verb of receiving is the giver: «تسلم الجيش من
        // الولايات المتحدة شحنة»)
        let actor_target = actor_target.filter(|&(x, _)| {
            let place_only = lex.actor_facts[x as usize].kind == ActorKind::Gpe
                && !places.is_empty()
                && (is_locative(a, m.first_token) || is_dateline(a, m));
            !place_only || received_from(a, m.first_token) || tied_to(a, m.first_token)
        });
        // a demonym after «جنسية» («من جنسيات نيجرية وتشادية») names a nationality, not its state
        let nationality = actor_target.is_some_and(|(x, _)| {
            lex.actor_facts[x as usize].kind == ActorKind::Gpe
                && m.end_token == m.first_token + 1
                && is_nationality(a, m.first_token, nationality_end)
        });
        if nationality {
            nationality_end = Some(m.end_token);
        }
        let actor_target = actor_target.filter(|_| !nationality);
        // a demonym right after a generic actor («مصدر عسكري يمني») gives that actor its country;
        // it is not a mention of the state. A generic group of that nationality that the
        // dictionary has as a group of its own («لاجئا سوريا» → the Syrian refugees) is that group.
        let demonym_of = actor_target.and_then(|(x, _)| {
            let demonym = lex.actor_facts[x as usize].kind == ActorKind::Gpe
                && m.end_token == m.first_token + 1;
            last_actor
                .filter(|&(end, prev)| {
                    demonym
                        && end == m.first_token
                        && lex.actor_facts[prev as usize].generic
                        && !sentence_break(a, a.tokens[end - 1].end, m.start)
                })
                .map(|(_, prev)| (prev, lex.actor_facts[x as usize].country))
        });
        if let Some(y) = demonym_of.and_then(|(prev, c)| group_of_country(lex, prev, c)) {
            regroup(&mut raw, &mut actor_order, &mut actor_count, y, m.end);
        } else if let Some((prev, c)) = demonym_of.filter(|&(prev, _)| is_state_agent(lex, prev)) {
            // `foreign_agent`: one document entity has one country; a state agent qualified by
            // the demonym of another country than the one it first had here («مسؤولين مصريين» …
            // «مسؤول إسرائيلي») is that other state
            match agent_country.get_mut(&prev) {
                Some((first_end, country)) if *first_end == m.first_token => *country = c,
                Some((_, country)) if *country != c => {
                    let state = actor_target
                        .map(|t| t.0)
                        .expect("a demonym is a state's alias");
                    regroup(&mut raw, &mut actor_order, &mut actor_count, state, m.end);
                }
                _ => {}
            }
        }
        let actor_target = actor_target.filter(|_| demonym_of.is_none());
        let linked_actor = actor_target.map(|t| t.0).or(descriptor.map(|d| d.0));
        // a generic group («المحتجين», «أبناء القبائل») in an article that has named a group it
        // stands for (the resistance committees, a tribal alliance) is that group
        let group = linked_actor.and_then(|x| salient_group(lex, x, &actor_order, &actor_count));
        // `unit_commander`: a generic commander of a unit named by its kind («قائد اللواء» after
        // «اللواء 444 قتال») stands for that unit, as «المتحدث باسم X» stands for X
        let commander_of = linked_actor
            .filter(|&x| lex.actor_facts[x as usize].generic)
            .and_then(|_| {
                unit_commander(a, m.first_token, m.end_token, lex, &actor_order, &mut buf)
            });
        let group = commander_of.or(group);
        if let Some(y) = group {
            raw.push((m.start, m.end, y, Via::Coref, m.first_token as u32));
        } else if let Some((x, via)) = actor_target {
            raw.push((m.start, m.end, x, via, m.first_token as u32));
        } else if let Some((x, _)) = descriptor {
            raw.push((m.start, m.end, x, Via::Descriptor, m.first_token as u32));
        }
        if let Some(x) = linked_actor.filter(|&x| group.is_none() && is_state_agent(lex, x)) {
            agent_country.entry(x).or_insert((m.end_token, None));
        }
        if let Some(x) = linked_actor {
            // (the generic actor as read: a demonym after it still qualifies it)
            last_actor = Some((m.end_token, x));
            let x = group.unwrap_or(x);
            actor_order.push(x);
            *actor_count.entry(x).or_default() += 1;
        }
        let mut linked_place = false;
        if !places.is_empty() {
            // (countries as ids: equal ids are equal codes, and no id is an empty code)
            let after_place = last_place
                .filter(|(e, _)| *e == m.first_token)
                .map(|(_, p)| lex.place_facts[p as usize].country);
            if let Some(p) = choose_place(a, m, &places, lex, focus_id, after_place, &mut buf) {
                linked_place = true;
                last_place = Some((m.end_token, p));
                if place_seen.insert(p) {
                    new_places.push(p);
                }
            }
        }
        // a one-word name that linked nothing (the village «الاتحاد» read as the word) leaves its
        // word free to be a generic reference
        if linked_actor.is_none() && !linked_place && m.end_token == m.first_token + 1 {
            covered[m.first_token] = false;
        }
    }

    // generic references, in text order, resolved to the most recent compatible actor
    mention_at.extend(raw.iter().map(|r| (r.0, r.2)));
    let mut mention_sorted = false;
    for &i in &head_words {
        let is_covered = covered[i];
        let t = &a.tokens[i];
        // cheap tests first: a definite word not inside a name, then a stem that starts like a
        // generic head noun, then the stem key itself
        if is_covered || !t.seg.article || t.seg.pron.is_some() {
            continue;
        }
        let stem_first = view_of(a, t).get(t.seg.stem_start as usize).copied();
        if !matches!(
            stem_first,
            Some('ت' | 'ج' | 'ح' | 'م' | 'ف' | 'ق' | 'و' | 'ه' | 'ن' | 'ا' | 'إ' | 'ب' | 'ل')
                | Some('خ')
        ) || !word_at(a, i).generic_head
            || !key_of(a, i, &mut buf)
        {
            continue;
        }
        let candidates = lex.actors_with_head(&buf);
        if candidates.is_empty() {
            continue;
        }
        // `written_head`: the last mention written with the head noun itself («تنظيم داعش» before
        // «التنظيم») first, then the last of any candidate (an actor merely having such a name:
        // «قسد» is also «تنظيم قسد»)
        std::mem::swap(&mut head, &mut buf);
        let earlier = || {
            mention_at
                .iter()
                .rev()
                .filter(|(start, x)| *start < t.start && candidates.contains(x))
        };
        let written = earlier()
            .find(|&&(start, _)| {
                let j = a.tokens.partition_point(|tk| tk.end <= start);
                j < a.tokens.len() && key_of(a, j, &mut buf) && buf == head
            })
            .map(|m| m.1);
        let before = written.or_else(|| earlier().next().map(|m| m.1));
        let chosen = before.or_else(|| {
            candidates
                .iter()
                .copied()
                .filter(|x| actor_count.contains_key(x))
                .max_by_key(|x| actor_count[x])
        });
        if let Some(x) = chosen {
            let seg = t.seg;
            let skip = seg.conj.is_some() as usize + seg.prep.is_some() as usize;
            let start = if seg.article && seg.prep == Some(rasad_text::clitics::Prep::Li) {
                a.view
                    .to_original(t.nstart as usize + seg.stem_start as usize, t.nend as usize)
                    .0
            } else {
                a.view
                    .to_original(t.nstart as usize + skip, t.nend as usize)
                    .0
            };
            raw.push((start, t.end, x, Via::Coref, i as u32));
            // kept sorted: sorted whole once, then each reference inserted in its place (the
            // same order: equal pairs are indistinguishable)
            if mention_sorted {
                let at = mention_at.partition_point(|&p| p <= (start, x));
                mention_at.insert(at, (start, x));
            } else {
                mention_at.push((start, x));
                mention_at.sort_unstable();
                mention_sorted = true;
            }
        }
    }

    // `envoy of a state`: a definite title («المندوب», «المبعوث») not inside a name, after the same
    // title in construct with a state («اتهم مندوب السودان … وقال المندوب»), is that state's.
    // (The tokens are read only when some title is in construct with a state named here: else
    // none can be resolved, and resolving adds nothing that could make one.)
    let in_construct = raw.iter().any(|r| {
        // (a title in construct with the state is the word before the token its mention
        // starts in)
        let Some(j) = (r.4 as usize).checked_sub(1) else {
            return false;
        };
        let t = &a.tokens[j];
        lex.actor_facts[r.2 as usize].kind == ActorKind::Gpe
            && !t.seg.article
            && t.kind == TokenKind::Word
            && view_of(a, t).get(t.seg.stem_start as usize) == Some(&'م')
            && key_of(a, j, &mut buf)
            && ENVOY_TITLES.contains(&buf.as_str())
    });
    if in_construct {
        for (i, t) in a.tokens.iter().enumerate() {
            if covered[i]
                || !t.seg.article
                || t.seg.pron.is_some()
                || view_of(a, t).get(t.seg.stem_start as usize) != Some(&'م')
                || !key_of(a, i, &mut buf)
                || !ENVOY_TITLES.contains(&buf.as_str())
            {
                continue;
            }
            let mut key = String::new();
            let state = (0..i).rev().find_map(|j| {
                if a.tokens[j].seg.article || !key_of(a, j, &mut key) || key != buf {
                    return None;
                }
                let next = a.tokens.get(j + 1)?.start;
                raw.iter()
                    .find(|r| r.0 == next && lex.actor_facts[r.2 as usize].kind == ActorKind::Gpe)
                    .map(|r| r.2)
            });
            if let Some(x) = state {
                let skip = t.seg.conj.is_some() as usize + t.seg.prep.is_some() as usize;
                let start = a
                    .view
                    .to_original(t.nstart as usize + skip, t.nend as usize)
                    .0;
                raw.push((start, t.end, x, Via::Coref, i as u32));
            }
        }
    }

    raw.sort_by_key(|r| r.0);
    // the mentions' characters, and the shared strings of the actors and places to output, asked
    // for from memory all at once, before they are read one by one below (the original
    // characters are read nowhere else: on a long run they are out of cache, and one miss after
    // another cost more than the rest of this loop)
    for &(start, end, x, ..) in &raw {
        prefetch(original_chars(a, start, end).as_ptr());
        if entity_seen.insert(x) {
            new_entities.push((x, end));
            prefetch_entity(&lex.doc_entities[x as usize]);
        }
    }
    for &p in &new_places {
        prefetch_place(&lex.doc_places[p as usize]);
    }
    linked
        .entities
        .extend(new_entities.iter().map(|&(x, end)| entity(x, a, end, lex)));
    linked.places.extend(
        new_places
            .iter()
            .map(|&p| lex.doc_places[p as usize].clone()),
    );
    linked.mentions.reserve_exact(raw.len());
    for (start, end, x, via, _) in raw.drain(..) {
        linked.mentions.push(Mention {
            start,
            end,
            text: text_of(a, start, end),
            kind: entity_kind(lex.actor_facts[x as usize].kind),
            entity: Some(lex.doc_entities[x as usize].id.clone()),
            via: Some(via),
        });
    }
    // (emptied for the next article: `raw` was drained above)
    buf.clear();
    head.clear();
    country_votes.clear();
    seen.clear();
    actor_order.clear();
    actor_count.clear();
    place_seen.clear();
    new_places.clear();
    agent_country.clear();
    covered.clear();
    places.clear();
    mention_at.clear();
    entity_seen.clear();
    new_entities.clear();
    LINK_SCRATCH.with(|s| {
        s.set(LinkScratch {
            buf,
            head,
            country_votes,
            seen,
            actor_order,
            actor_count,
            place_seen,
            new_places,
            agent_country,
            covered,
            places,
            raw,
            mention_at,
            entity_seen,
            new_entities,
        })
    });
    linked
}

/// `unit_commander`: «قائد» (or «قادة», «آمر») before a definite noun that heads the name of an
/// organisation mentioned before («قائد اللواء» after «اللواء 444 قتال», «قائد القوة» after «قوة
/// الردع») is that organisation's commander, read as the organisation itself: the last such
/// organisation mentioned. A person whose name starts with the noun (a rank: «اللواء خليفة حفتر»)
/// is no unit.
fn unit_commander(
    a: &Analysis,
    first: usize,
    end: usize,
    lex: &Lexicon,
    actor_order: &[u32],
    buf: &mut String,
) -> Option<u32> {
    if end != first + 2
        || !key_of(a, first, buf)
        || !matches!(buf.as_str(), "قائد" | "قايد" | "قاده" | "امر")
    {
        return None;
    }
    let t = &a.tokens[first + 1];
    if !t.seg.article || t.seg.pron.is_some() || !key_of(a, first + 1, buf) {
        return None;
    }
    let units = lex.actors_with_head(buf);
    actor_order
        .iter()
        .rev()
        .copied()
        .find(|&x| units.contains(&x) && lex.actor_facts[x as usize].kind == ActorKind::Org)
}

/// `construct_head`: a descriptor written with the article («الرئيس», «الرئاسة», «النواب») names
/// its actor only where the text has the article too. The bare word heads a construct or is
/// indefinite — «رئيس المخابرات» is the intelligence chief, «برئاسة مستشار الأمن» "headed by", «نواب
/// في البرلمان» some deputies — and is not the president, the presidency or the parliament; except
/// before a place or a state, whose organ it then is («شرطة عدن», «رئيس اليمن»).
fn construct_head(a: &Analysis, first: usize, lex: &Lexicon, x: u32, d: u16) -> bool {
    if !lex.descriptor_is_definite(x, d) {
        return false;
    }
    let t = &a.tokens[first];
    if t.seg.article {
        return false;
    }
    // (a name whose «ال» the segmenter kept in the stem is written with the article too)
    let view = view_of(a, t);
    let stem = &view[(t.seg.stem_start as usize).min(view.len())..];
    if stem.starts_with(&['ا', 'ل']) {
        return false;
    }
    // a construct with a place or a state is the organ of that place («شرطة عدن», «محافظ
    // حضرموت», «رئيس اليمن»)
    let next = first + 1;
    let of_place = next < a.tokens.len()
        && a.tokens[next].kind == TokenKind::Word
        && a.tokens[next].seg.conj.is_none()
        && a.tokens[next].seg.prep.is_none()
        && lex.matcher.word_targets(a, next).is_some_and(|ts| {
            ts.iter().any(|t| match *t {
                Target::Place(_) => true,
                Target::ActorName(y) | Target::ActorAlias(y) => {
                    lex.actor_facts[y as usize].kind == ActorKind::Gpe
                }
                _ => false,
            })
        });
    !of_place
}

/// What is opened in news («فتح المعابر», «فتح تحقيق», «فتح النار»), as stem keys.
const OPENED: &[&str] = &[
    "معبر",
    "معابر",
    "طريق",
    "طرق",
    "طرقات",
    "ممر",
    "ممرات",
    "منفذ",
    "منافذ",
    "حدود",
    "مجال",
    "مطار",
    "ميناء",
    "تحقيق",
    "نار",
    "باب",
    "ابواب",
    "سفاره",
    "سفارات",
    "مكتب",
    "مكاتب",
    "اسواق",
    "مدارس",
    "ملف",
    "جبهه",
    "جبهات",
    "حساب",
];

/// Words of direction between «في» and a place («في شرق ليبيا»), as stem keys.
const DIRECTIONS: &[&str] = &[
    "شرق",
    "غرب",
    "شمال",
    "جنوب",
    "وسط",
    "شرقي",
    "غربي",
    "شمالي",
    "جنوبي",
];

/// `located_in`: the state named right after a name by «في» (with an optional word of direction:
/// «القوات المسلحة في شرق ليبيا»), by its name or its capital («الحكومة في بغداد»).
fn located_in(a: &Analysis, end: usize, lex: &Lexicon) -> Option<CountryId> {
    let word = |i: usize| i < a.tokens.len() && a.tokens[i].kind == TokenKind::Word;
    // (the words' keys looked up packed, as [`words`] has them: this runs after every
    // descriptor)
    if !word(end) || a.tokens[end].seg.conj.is_some() || !word_at(a, end).fi {
        return None;
    }
    let mut i = end + 1;
    if word(i) && word_at(a, i).direction {
        i += 1;
    }
    if !word(i) {
        return None;
    }
    // (a state only, or its capital: «في بيان» is "in a statement", not the Kuwaiti town)
    lex.matcher
        .word_targets(a, i)?
        .iter()
        .find_map(|t| match *t {
            Target::Place(p) if lex.place_facts[p as usize].class == FeatureClass::Country => {
                lex.place_facts[p as usize].country
            }
            Target::ActorName(y) | Target::ActorAlias(y)
                if lex.actor_facts[y as usize].kind == ActorKind::Gpe =>
            {
                lex.actor_facts[y as usize].country
            }
            _ => None,
        })
}

/// `is_opening`: the one word «فتح» (Fatah's bare name in a Palestinian story) with the preposition
/// ب («مطالبة بفتح معبر»), after «إعادة» / «عدم», or before what is opened («فتح المعابر», «فتح
/// النار») is the verbal noun "opening".
fn is_opening(a: &Analysis, m: &rasad_lexicon::Match<'_>, buf: &mut String) -> bool {
    let first = m.first_token;
    let t = &a.tokens[first];
    if m.end_token != first + 1 || t.kind != TokenKind::Word || t.seg.article {
        return false;
    }
    // (the stem's letters compared in place: this runs for every one-word match)
    let view = view_of(a, t);
    let (s, e) = (t.seg.stem_start as usize, t.seg.stem_end as usize);
    if view.get(s..e) != Some(&['ف', 'ت', 'ح'][..]) {
        return false;
    }
    if a.tokens[first].seg.prep == Some(rasad_text::clitics::Prep::Bi) {
        return true;
    }
    if first > 0
        && a.tokens[first - 1].kind == TokenKind::Word
        && key_of(a, first - 1, buf)
        && matches!(buf.as_str(), "اعاده" | "عدم")
    {
        return true;
    }
    let next = first + 1;
    next < a.tokens.len()
        && a.tokens[next].kind == TokenKind::Word
        && a.tokens[next].seg.conj.is_none()
        && a.tokens[next].seg.prep.is_none()
        && key_of(a, next, buf)
        && OPENED.contains(&buf.as_str())
}

/// True when the word at `first` follows «جنسية» / «جنسيات», or is joined by «و» to a nationality
/// that ended there.
fn is_nationality(a: &Analysis, first: usize, list_end: Option<usize>) -> bool {
    if list_end == Some(first) && a.tokens[first].seg.conj.is_some() {
        return true;
    }
    first > 0 && a.tokens[first - 1].seg.pron.is_none() && word_at(a, first - 1).nationality
}

/// The specific group a generic actor stands for in this article: the one most recently named of
/// those whose `generic_refs` list it (none for a specific actor or when none is named yet).
fn salient_group(
    lex: &Lexicon,
    x: u32,
    order: &[u32],
    count: &FxHashMap<u32, usize>,
) -> Option<u32> {
    if !lex.actor_facts[x as usize].generic {
        return None;
    }
    let groups = lex.specific_of(x);
    // the groups named so far (a lookup each: a state's organs are listed by some 30 groups); the
    // text is scanned back only when two or more are
    let mut named = groups.iter().copied().filter(|y| count.contains_key(y));
    let first = named.next()?;
    if named.next().is_none() {
        return Some(first);
    }
    order.iter().rev().copied().find(|y| groups.contains(y))
}

/// A generic agent of a state («مسؤول», «مصدر عسكري», «قوات الأمن»): its CAMEO role is a state
/// role (government, military, police).
fn is_state_agent(lex: &Lexicon, x: u32) -> bool {
    lex.actor_facts[x as usize].generic
        && matches!(
            lex.actors[x as usize].cameo.as_deref(),
            Some("GOV" | "MIL" | "COP")
        )
}

/// The population group (`NORP`) of a country that a generic actor stands for: «لاجئا سوريا» →
/// the Syrian refugees.
fn group_of_country(lex: &Lexicon, x: u32, country: Option<CountryId>) -> Option<u32> {
    let c = country?;
    lex.specific_of(x).iter().copied().find(|&y| {
        let f = &lex.actor_facts[y as usize];
        f.kind == ActorKind::Norp && f.country == Some(c)
    })
}

/// Re-link the last mention (a generic group a demonym qualifies) to the group `y`, its span
/// extended over the demonym (ending at `end`).
fn regroup(
    raw: &mut [(u32, u32, u32, Via, u32)],
    order: &mut [u32],
    count: &mut FxHashMap<u32, usize>,
    y: u32,
    end: u32,
) {
    let Some(last) = raw.last_mut() else {
        return;
    };
    let old = last.2;
    *last = (last.0, end, y, Via::Coref, last.4);
    if let Some(o) = order.iter_mut().rev().find(|o| **o == old) {
        *o = y;
    }
    if let Some(n) = count.get_mut(&old) {
        *n -= 1;
        if *n == 0 {
            count.remove(&old);
        }
    }
    *count.entry(y).or_default() += 1;
}

/// «عمان» is Oman and Amman, «الجزائر» a state and its capital: when a state's name is also the
/// capital of another state and the article is about that other state (or the word is written
/// with a shadda, «عمّان»), it is the capital, standing for its state.
fn capital_homograph(
    a: &Analysis,
    m: &rasad_lexicon::Match<'_>,
    actor: Option<(u32, Via)>,
    lex: &Lexicon,
    focus: Option<CountryId>,
) -> Option<(u32, Via)> {
    let (x, _) = actor?;
    let state = &lex.actor_facts[x as usize];
    if state.kind != ActorKind::Gpe {
        return actor;
    }
    // (compared as country ids, which stand for the non-empty codes one each, so that neither
    // record is read; a capital without a country code compares as the empty code)
    let capital_of = m.targets.iter().find_map(|t| match *t {
        Target::Place(p) if lex.place_facts[p as usize].class == FeatureClass::Capital => {
            match lex.place_facts[p as usize].country {
                Some(c) => (Some(c) != state.country).then_some(Some(c)),
                None => (lex.actors[x as usize].country.as_deref() != Some("")).then_some(None),
            }
        }
        _ => None,
    });
    let Some(other) = capital_of else {
        return actor;
    };
    let shadda = original_chars(a, m.start, m.end).contains(&'\u{0651}');
    // (the focus is a country: never the empty code)
    if (other.is_none() || focus != other) && !shadda {
        return actor;
    }
    let other = other.map_or("", |c| lex.countries[c as usize].as_str());
    lex.actors
        .iter()
        .position(|c| c.kind == ActorKind::Gpe && c.country.as_deref() == Some(other))
        .map(|i| (i as u32, Via::Alias))
}

/// Nouns of private and civic bodies, as stem keys: a society, company, club, federation,
/// university, newspaper, channel, national team, team, league, market, stock exchange.
const CIVIL_BODIES: &[&str] = &[
    "جمعيه",
    "شركه",
    "نادي",
    "اتحاد",
    "جامعه",
    "صحيفه",
    "قناه",
    "منتخب",
    "فريق",
    "دوري",
    "سوق",
    "بورصه",
];

/// `civil body adjective`: a state's name or demonym right after the noun of a private or civic
/// body, agreeing with it, is that body's nationality, not the state acting («الجمعية السعودية
/// لطب العيون», «المنتخب المصري», «البريد السعودي» is not): the body is no actor the dictionary
/// holds.
fn civil_body_adjective(
    a: &Analysis,
    m: &rasad_lexicon::Match<'_>,
    actor: Option<(u32, Via)>,
    lex: &Lexicon,
    buf: &mut String,
) -> Option<(u32, Via)> {
    let (x, _) = actor?;
    let t = m.first_token;
    if lex.actor_facts[x as usize].kind != ActorKind::Gpe
        || m.end_token != t + 1
        || t == 0
        || a.tokens[t - 1].seg.article != a.tokens[t].seg.article
        || !key_of(a, t - 1, buf)
        || !CIVIL_BODIES.contains(&buf.as_str())
    {
        return actor;
    }
    None
}

/// Organisations' one-word names that are also common nouns an adjective follows, as stem keys:
/// «القاعدة» (a base, a rule), «النهضة» (a revival), «الصحوة» (an awakening).
const NOUN_NAMES: &[&str] = &["قاعده", "نهضه", "صحوه"];

/// `noun with adjective`: an organisation's one-word name with the article that is also a
/// common noun ([`NOUN_NAMES`]), followed by a definite feminine adjective, is the noun («القاعدة الاستثمارية»,
/// «القاعدة الجوية»: a base; «النهضة الاقتصادية»: a revival) — unless the adjective names a
/// state («النهضة التونسية» is Ennahda).
fn noun_with_adjective(
    a: &Analysis,
    m: &rasad_lexicon::Match<'_>,
    matches: &[rasad_lexicon::Match<'_>],
    actor: Option<(u32, Via)>,
    lex: &Lexicon,
    buf: &mut String,
) -> Option<(u32, Via)> {
    let (x, _) = actor?;
    let (t, next) = (m.first_token, m.end_token);
    if lex.actor_facts[x as usize].kind != ActorKind::Org
        || next != t + 1
        || next >= a.tokens.len()
        || !a.tokens[t].seg.article
        || !a.tokens[next].seg.article
        || a.tokens[next].seg.prep.is_some()
        || a.tokens[next].seg.conj.is_some()
        // (only names that are such nouns: after «الكونغرس» a definite noun is an object,
        // «يراجع الكونغرس الاتفاقية»)
        || !key_of(a, t, buf)
        || !NOUN_NAMES.contains(&buf.as_str())
        || !key_of(a, next, buf)
        || !buf.ends_with("يه")
    {
        return actor;
    }
    let names_state = matches.iter().any(|n| {
        n.first_token == next
            && n.targets.iter().any(|tg| match *tg {
                Target::ActorName(y) | Target::ActorAlias(y) => {
                    lex.actor_facts[y as usize].kind == ActorKind::Gpe
                }
                _ => false,
            })
    });
    if names_state {
        return actor;
    }
    None
}

/// `bare name`: a one-word proper name written with the article («الكاميرون», «القاعدة»,
/// «الرياض»: [`Lexicon::article_names`]) does not name its actor without it («ديفيد كاميرون» is
/// Britain's prime minister, «قاعدة جوية» an air base, «رياض» a first name). Actor names match
/// without their article so that adjectives and plurals name their group («مسلحين حوثيين»,
/// «جنود روس»): a nisba in ي / ية / يون / يين / يات stays («وساطة سعودية»).
fn bare_name(
    a: &Analysis,
    m: &rasad_lexicon::Match<'_>,
    actor: Option<(u32, Via)>,
    lex: &Lexicon,
    buf: &mut String,
) -> Option<(u32, Via)> {
    let (x, _) = actor?;
    if m.end_token != m.first_token + 1
        || a.tokens[m.first_token].seg.article
        || !key_of(a, m.first_token, buf)
    {
        return actor;
    }
    let nisba = rasad_lexicon::is_nisba_key(buf);
    let listed = lex
        .article_names
        .get(buf.as_str())
        .is_some_and(|xs| xs.contains(&x));
    if nisba || !listed {
        return actor;
    }
    None
}

/// The verbs of leading after «الذي / التي» in [`led_by`], as view forms.
const LEADS: &[&str] = &[
    "تقوده",
    "يقوده",
    "تتزعمه",
    "يتزعمه",
    "تقودها",
    "يقودها",
    "تتزعمها",
];

/// The coalition each leading state leads, for [`led_by`]: (the state's id, the coalition's).
const LEADERS: &[(&str, &str)] = &[
    ("saudi-arabia", "saudi-led-coalition"),
    ("united-states", "global-coalition-against-isis"),
];

/// `led by`: a coalition named with «التحالف» and followed by «الذي تقوده» and its leader
/// («التحالف الذي تقوده السعودية», «طائرات التحالف الذي تقوده الولايات المتحدة») is the coalition
/// that state leads, whatever the words alone would name (the dictionary has «طائرات التحالف» for
/// the Saudi-led one, and «التحالف» alone follows the article's country).
fn led_by(
    a: &Analysis,
    m: &rasad_lexicon::Match<'_>,
    matches: &[rasad_lexicon::Match<'_>],
    lex: &Lexicon,
    buf: &mut String,
) -> Option<u32> {
    let rel = m.end_token;
    if rel + 2 >= a.tokens.len() || a.tokens[rel].kind != TokenKind::Word {
        return None;
    }
    // (checked on every match: the relative pronoun as characters, no decoding)
    const ALLADHI: [char; 4] = ['ا', 'ل', 'ذ', 'ي'];
    const ALLATI: [char; 4] = ['ا', 'ل', 'ت', 'ي'];
    let v = view_of(a, &a.tokens[rel]);
    if v != ALLADHI && v != ALLATI {
        return None;
    }
    let leads = a.tokens[rel + 1].kind == TokenKind::Word && {
        let v = view_of(a, &a.tokens[rel + 1]);
        LEADS.iter().any(|w| v.iter().copied().eq(w.chars()))
    };
    if !leads {
        return None;
    }
    let coalition = (m.first_token..m.end_token)
        .any(|t| a.tokens[t].seg.article && key_of(a, t, buf) && buf == "تحالف");
    if !coalition {
        return None;
    }
    let i = matches.partition_point(|x| x.first_token < rel + 2);
    let leader = matches.get(i).filter(|x| x.first_token == rel + 2)?;
    let state = leader.targets.iter().find_map(|t| match *t {
        Target::ActorName(x) | Target::ActorAlias(x) => Some(x),
        _ => None,
    })?;
    let (_, led) = LEADERS
        .iter()
        .find(|(s, _)| lex.actors[state as usize].id == *s)?;
    lex.actors
        .iter()
        .position(|a| a.id == *led)
        .map(|x| x as u32)
}

/// `bare name` for places and the country focus: a one-word match read without the article
/// whose name is listed only with it for everything it names ([`Lexicon::article_only`]).
fn bare_article_name(a: &Analysis, m: &rasad_lexicon::Match<'_>, lex: &Lexicon) -> bool {
    // (on every match: the rare flag before the token is read)
    m.end_token == m.first_token + 1
        && lex.article_only.get(m.first_key as usize) == Some(&true)
        && !a.tokens[m.first_token].seg.article
}

/// True when a sentence starts between `from` and `to`: a word across it qualifies nothing before
/// it (a title ending «… وزير سابق» and the dateline «بغداد –» of the lead).
fn sentence_break(a: &Analysis, from: u32, to: u32) -> bool {
    let i = a.sentences.partition_point(|s| s.start <= from);
    i < a.sentences.len() && a.sentences[i].start <= to
}

/// The document entity of an actor; a generic actor takes its country from a demonym after it.
fn entity(x: u32, a: &Analysis, mention_end: u32, lex: &Lexicon) -> Entity {
    // (the lexicon's entity, its strings shared)
    let mut e = lex.doc_entities[x as usize].clone();
    if lex.actor_facts[x as usize].generic {
        // the first token at or after the mention's end (tokens are in text order)
        let next = a.tokens.partition_point(|t| t.start < mention_end);
        if next < a.tokens.len() && !sentence_break(a, mention_end, a.tokens[next].start) {
            // the names that word alone is (a word is read alone as in the text, so the matcher
            // looks it up in place; punctuation is no name; another token is analysed alone)
            let targets = if a.tokens[next].kind == TokenKind::Word {
                lex.matcher.word_targets(a, next)
            } else if a.tokens[next].kind == TokenKind::Punct {
                None
            } else {
                let sub = Analysis::new(&a.slice(a.tokens[next].start, a.tokens[next].end));
                lex.matcher.find(&sub).into_iter().next().map(|m| m.targets)
            };
            if let Some(targets) = targets {
                e.country = targets.iter().find_map(|t| match *t {
                    Target::ActorAlias(x) | Target::ActorName(x)
                        if lex.actor_facts[x as usize].kind == ActorKind::Gpe =>
                    {
                        lex.doc_entities[x as usize].country.clone()
                    }
                    _ => None,
                });
            }
        }
    }
    e
}

/// Choose the place a match refers to, or none when it reads as an adjective.
/// True when the match at token `first` names where something is: after a preposition of place
/// or direction, or with the preposition ب on its first word.
fn is_locative(a: &Analysis, first: usize) -> bool {
    if a.tokens[first].seg.prep == Some(rasad_text::clitics::Prep::Bi) {
        return true;
    }
    first > 0
        && a.tokens[first - 1].kind == TokenKind::Word
        && a.tokens[first - 1].seg.pron.is_none()
        && word_at(a, first - 1).preposition
}

/// Adjectives of belonging or backing, as view forms: what follows them with «بـ / لـ» is a side.
const TIED: &[&str] = &[
    "المرتبطه",
    "مرتبطه",
    "المرتبطين",
    "مرتبطين",
    "المرتبط",
    "مرتبط",
    "التابعه",
    "تابعه",
    "التابعين",
    "تابعين",
    "المواليه",
    "مواليه",
    "الموالين",
    "موالين",
    "المدعومه",
    "مدعومه",
    "المدعومين",
    "مدعومين",
];

/// `tied to`: the name at token `first` carries «بـ / لـ» right after an adjective of belonging
/// or backing («السفن المرتبطة بإسرائيل», «الفصائل الموالية لإيران»): the state is a side, an
/// actor as well as a place.
fn tied_to(a: &Analysis, first: usize) -> bool {
    if first == 0 {
        return false;
    }
    let t = &a.tokens[first];
    if !matches!(
        t.seg.prep,
        Some(rasad_text::clitics::Prep::Bi | rasad_text::clitics::Prep::Li)
    ) {
        return false;
    }
    let p = &a.tokens[first - 1];
    p.kind == TokenKind::Word && {
        let v = view_of(a, p);
        TIED.iter().any(|w| v.iter().copied().eq(w.chars()))
    }
}

/// Verbs of receiving, as view forms without a conjunction: what is received is «من» its giver.
const RECEIVING: &[&str] = &[
    "تسلم",
    "تسلمت",
    "يتسلم",
    "تتسلم",
    "تسلموا",
    "استلم",
    "استلمت",
    "يستلم",
    "تستلم",
    "تلقي",
    "تلقى",
    "تلقت",
    "يتلقي",
    "يتلقى",
    "تتلقي",
    "تتلقى",
    "تلقوا",
];

/// `received from`: the name at token `first` follows «من», and a verb of receiving stands at most
/// four words before that «من» in its clause («تسلم الجيش اللبناني من الولايات المتحدة»): the
/// name is who gave, an actor as well as a place.
fn received_from(a: &Analysis, first: usize) -> bool {
    if first == 0 {
        return false;
    }
    let p = &a.tokens[first - 1];
    if p.kind != TokenKind::Word
        || p.seg.conj.is_some()
        || view_of(a, p).iter().copied().ne("من".chars())
    {
        return false;
    }
    for i in (first.saturating_sub(6)..first - 1).rev() {
        let t = &a.tokens[i];
        if t.kind != TokenKind::Word {
            return false;
        }
        let v = view_of(a, t);
        let v = if t.seg.conj.is_some() && !v.is_empty() {
            &v[1..]
        } else {
            v
        };
        if RECEIVING.iter().any(|w| v.iter().copied().eq(w.chars())) {
            return true;
        }
    }
    false
}

/// `is_dateline`: a name opening a sentence and followed by a dash («بيروت – أعلن …») is the
/// dateline: where the story was filed, not an actor.
fn is_dateline(a: &Analysis, m: &rasad_lexicon::Match<'_>) -> bool {
    // (the dash first: the token after the name is at hand, where the search of the sentences
    // reads a list out of cache at every step, and few names stand before a dash)
    let dash = a.tokens.get(m.end_token).is_some_and(|t| {
        t.kind == TokenKind::Punct && matches!(original_chars(a, t.start, t.end), ['–' | '—' | '-'])
    });
    dash && a
        .sentences
        .binary_search_by_key(&a.tokens[m.first_token].start, |s| s.start)
        .is_ok()
}

/// What a stem key is among the words the rules look for around a name: a place cue of
/// [`PLACE_CUES`] (with its feature), one of the [`PREPOSITIONS`], one of the [`GENERIC_HEADS`],
/// «جنسية» / «جنسيات», «في» or one of the [`DIRECTIONS`] (for [`located_in`]).
#[derive(Debug, Clone, Copy, Default)]
struct Word {
    cue: Option<Option<&'static str>>,
    preposition: bool,
    generic_head: bool,
    nationality: bool,
    fi: bool,
    direction: bool,
}

/// [`Word`] of a packed stem key ([`stem_code`]): one hash lookup of a number instead of a scan
/// of the lists (this runs for the word before every place match, for every head word and
/// around every descriptor).
fn words(code: u128) -> Word {
    static WORDS: OnceLock<FxHashMap<u128, Word>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut m: FxHashMap<u128, Word> = FxHashMap::default();
        let code = |k: &str| code_of(k.chars()).expect("a short Arabic word");
        for &(k, feature) in PLACE_CUES {
            // the first entry of a key wins, as a scan would find it
            m.entry(code(k)).or_default().cue.get_or_insert(feature);
        }
        for &k in PREPOSITIONS {
            m.entry(code(k)).or_default().preposition = true;
        }
        for &k in GENERIC_HEADS {
            m.entry(code(k)).or_default().generic_head = true;
        }
        for k in ["جنسيه", "جنسيات"] {
            m.entry(code(k)).or_default().nationality = true;
        }
        m.entry(code("في")).or_default().fi = true;
        for &k in DIRECTIONS {
            m.entry(code(k)).or_default().direction = true;
        }
        m
    });
    words.get(&code).copied().unwrap_or_default()
}

/// [`Word`] of word `i` (nothing for a token that is no word or a key of none of the lists).
#[inline]
fn word_at(a: &Analysis, i: usize) -> Word {
    stem_code(a, i).map(words).unwrap_or_default()
}

/// How often a word is used in news as an ordinary word (corpus support of its stem key) above
/// which a small place of that name needs a place cue («قرية بيان»), not just a preposition («في
/// بيان» is "in a statement").
const COMMON_WORD_SUPPORT: u32 = 300;

/// True for places known well enough to be named bare: continents and regions, countries,
/// provinces, capitals and their seats, and towns of 100,000 people or more.
fn is_major(p: &PlaceFacts) -> bool {
    matches!(
        p.class,
        FeatureClass::Region
            | FeatureClass::Country
            | FeatureClass::Admin1
            | FeatureClass::Capital
            | FeatureClass::Seat1
    ) || p.population >= 100_000
}

fn choose_place(
    a: &Analysis,
    m: &rasad_lexicon::Match<'_>,
    places: &[u32],
    lex: &Lexicon,
    focus: Option<CountryId>,
    after_place: Option<Option<CountryId>>,
    buf: &mut String,
) -> Option<u32> {
    let first = m.first_token;
    let single = m.end_token == m.first_token + 1;
    let t = &a.tokens[first];
    let has_prep = t.seg.prep.is_some();
    let prev = (first > 0)
        .then(|| first - 1)
        .filter(|&p| a.tokens[p].kind == TokenKind::Word);
    let mut cue: Option<Option<&str>> = None;
    let mut prev_definite = false;
    let mut after_preposition = false;
    if let Some(p) = prev {
        let word = word_at(a, p);
        cue = word.cue;
        prev_definite = a.tokens[p].seg.article;
        after_preposition = word.preposition && a.tokens[p].seg.pron.is_none();
    }
    // «الراية البيضاء»: a definite noun then the name, no cue, no proclitic: an adjective
    if !has_prep && cue.is_none() && prev_definite && t.seg.article {
        return None;
    }
    // «وعدن» right after a place: a list of places (of the same country, or countries)
    let listed = after_place.is_some() && t.seg.conj.is_some();
    let in_context = cue.is_some() || has_prep || after_preposition || listed;
    // a one-word name that is also a frequent ordinary word («بيان», «البلاد», «سحب»); it only
    // matters without a cue and for a place that is not major, so the support table is consulted
    // only then
    let common_word = single
        && cue.is_none()
        && places
            .iter()
            .any(|&p| !is_major(&lex.place_facts[p as usize]))
        && t.kind == TokenKind::Word
        && match lex.word_support.get(m.first_key as usize) {
            // the support of the first word's stem key, looked up when the lexicon was built
            Some(&support) => support > COMMON_WORD_SUPPORT,
            None => {
                key_of(a, first, buf)
                    && rasad_text::Segmenter::global().support_of_key(buf)[0] > COMMON_WORD_SUPPORT
            }
        };
    let cue_feature = cue.flatten();
    places
        .iter()
        .copied()
        .filter(|&p| {
            // without a place context only a continent, a country or a capital is read as a
            // place: most other names are also words («العين», «التحالف») or rare elsewhere
            let pl = &lex.place_facts[p as usize];
            if common_word && cue.is_none() && !is_major(pl) {
                return false;
            }
            let is_country = pl.class == FeatureClass::Country;
            let same_list = listed && after_place.is_some_and(|c| c == pl.country || is_country);
            (in_context && (!listed || same_list || cue.is_some() || has_prep || after_preposition))
                || is_country
                || pl.class == FeatureClass::Capital
                || pl.class == FeatureClass::Region
        })
        .min_by_key(|&p| {
            let pl = &lex.place_facts[p as usize];
            let in_focus = focus.is_some() && focus == pl.country;
            let cue_fit = match cue_feature {
                Some("ADM1") => pl.class == FeatureClass::Admin1,
                Some("PPL") => pl.class.is_populated(),
                Some("PCL") => pl.class == FeatureClass::Country,
                _ => true,
            };
            (
                !cue_fit,
                !in_focus,
                feature_rank(pl),
                std::cmp::Reverse(pl.population),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_lexicon::actors::DescriptorEntry;
    use rasad_lexicon::{Actor, Descriptor, Place};

    fn actor(
        id: &str,
        kind: ActorKind,
        ar: &str,
        aliases: &[&str],
        country: Option<&str>,
    ) -> Actor {
        Actor {
            id: id.into(),
            kind,
            en: id.into(),
            ar: ar.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            descriptors: vec![],
            country: country.map(String::from),
            sectors: vec![],
            cameo: None,
            parent: None,
            wikidata: None,
            generic: false,
        }
    }

    fn place(id: &str, ar: &str, feature: &str, c3: &str, pop: u64) -> Place {
        Place {
            id: id.into(),
            ar: ar.into(),
            feature: feature.into(),
            country3: c3.into(),
            population: pop,
            ..Default::default()
        }
    }

    fn lexicon() -> Lexicon {
        let mut houthis = actor(
            "houthis",
            ActorKind::Org,
            "الحوثيون",
            &["الحوثيين", "مليشيا الحوثي"],
            Some("YEM"),
        );
        houthis.descriptors = vec![DescriptorEntry::Table(Descriptor {
            text: "الانقلابيين".into(),
            context: Some("YEM".into()),
        })];
        let mut sec = actor("security-official", ActorKind::Per, "مسؤول أمني", &[], None);
        sec.generic = true;
        let mut forces = actor(
            "security-forces",
            ActorKind::Org,
            "قوات الأمن",
            &["أفراد الأمن"],
            None,
        );
        forces.generic = true;
        let mut yemen_forces = actor(
            "yemen-security-forces",
            ActorKind::Org,
            "قوات الأمن اليمنية",
            &[],
            Some("YEM"),
        );
        yemen_forces.descriptors = vec![DescriptorEntry::Table(Descriptor {
            text: "أفراد الأمن".into(),
            context: Some("YEM".into()),
        })];
        Lexicon::new(
            vec![
                houthis,
                actor(
                    "aqap",
                    ActorKind::Org,
                    "تنظيم القاعدة",
                    &["القاعدة"],
                    Some("YEM"),
                ),
                actor(
                    "yemen",
                    ActorKind::Gpe,
                    "اليمن",
                    &["يمني", "اليمنية"],
                    Some("YEM"),
                ),
                sec,
                forces,
                yemen_forces,
            ],
            vec![
                place("yemen", "اليمن", "PCLI", "YEM", 28_000_000),
                place("yemen/al-bayda", "البيضاء", "ADM1", "YEM", 600_000),
                place("yemen/al-bayda-city", "البيضاء", "PPLA", "YEM", 40_000),
                place("libya/al-bayda", "البيضاء", "PPL", "LBY", 250_000),
            ],
        )
    }

    fn link_text(text: &str) -> Linked {
        link(&Analysis::new(text), &lexicon())
    }

    #[test]
    fn descriptor_in_focus_country() {
        let l = link_text("سيطر الحوثيين على اليمن ثم أطلق الانقلابيين سراح أسرى");
        let d: Vec<_> = l
            .mentions
            .iter()
            .filter(|m| m.via == Some(Via::Descriptor))
            .collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].entity.as_deref(), Some("houthis"));
        assert_eq!(d[0].text, "الانقلابيين");
    }

    #[test]
    fn descriptor_outside_its_context_is_not_linked() {
        let l = link_text("أطلق الانقلابيين النار");
        assert!(l.mentions.is_empty());
    }

    #[test]
    fn generic_reference_resolves_to_recent_compatible_actor() {
        let l = link_text("هاجم تنظيم القاعدة مواقع في اليمن. وقال التنظيم إنه سيواصل");
        let c: Vec<_> = l
            .mentions
            .iter()
            .filter(|m| m.via == Some(Via::Coref))
            .collect();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].entity.as_deref(), Some("aqap"));
        assert_eq!(c[0].text, "التنظيم");
    }

    #[test]
    fn place_with_cue_takes_the_cue_feature() {
        let l = link_text("وصلوا إلى محافظة البيضاء في اليمن");
        assert!(l.places.iter().any(|p| p.id == "yemen/al-bayda"));
        let l = link_text("وصلوا إلى مدينة البيضاء في اليمن");
        assert!(l.places.iter().any(|p| p.id == "yemen/al-bayda-city"));
    }

    #[test]
    fn adjective_reading_is_not_a_place() {
        let l = link_text("رفعوا الراية البيضاء");
        assert!(l.places.is_empty());
    }

    #[test]
    fn proclitic_makes_a_place() {
        let l = link_text("قتل مسلحون بالبيضاء في اليمن");
        assert!(l.places.iter().any(|p| p.id == "yemen/al-bayda-city"));
    }

    #[test]
    fn country_is_both_actor_and_place() {
        let l = link_text("اتهمت اليمن جهات خارجية");
        assert!(l.places.iter().any(|p| p.id == "yemen"));
        assert!(l.entities.iter().any(|e| e.id == "yemen"));
    }

    #[test]
    fn generic_name_yields_to_a_focus_country_descriptor() {
        let l = link_text("قتل الحوثيون في اليمن عددا من أفراد الأمن");
        let m = l
            .mentions
            .iter()
            .find(|m| m.text == "أفراد الأمن")
            .expect("a mention of أفراد الأمن");
        assert_eq!(m.entity.as_deref(), Some("yemen-security-forces"));
        let l = link_text("أصيب عدد من أفراد الأمن");
        let m = l.mentions.iter().find(|m| m.text == "أفراد الأمن").unwrap();
        assert_eq!(m.entity.as_deref(), Some("security-forces"));
    }

    /// The entity of each mention `lex` links in `text`.
    fn entity_ids(lex: &Lexicon, text: &str) -> Vec<Option<String>> {
        link(&Analysis::new(text), lex)
            .mentions
            .iter()
            .map(|m| m.entity.as_deref().map(String::from))
            .collect()
    }

    #[test]
    fn a_proper_name_with_the_article_is_not_the_bare_word() {
        let lex = Lexicon::new(
            vec![
                actor(
                    "cameroon",
                    ActorKind::Gpe,
                    "الكاميرون",
                    &["كاميروني"],
                    Some("CMR"),
                ),
                actor(
                    "saudi-arabia",
                    ActorKind::Gpe,
                    "السعودية",
                    &["الرياض"],
                    Some("SAU"),
                ),
                actor("russia", ActorKind::Gpe, "روسيا", &["الروس"], Some("RUS")),
                actor(
                    "al-qaeda",
                    ActorKind::Org,
                    "تنظيم القاعدة",
                    &["القاعدة"],
                    None,
                ),
            ],
            vec![place(
                "saudi-arabia/riyadh",
                "الرياض",
                "PPLC",
                "SAU",
                7_000_000,
            )],
        );
        let linked = |text: &str| entity_ids(&lex, text);
        let one = |id: &str| vec![Some(id.to_string())];
        // «ديفيد كاميرون» is a person; the state keeps its article and its demonym
        assert!(linked("وقال ديفيد كاميرون إن الخطة جاهزة").is_empty());
        assert_eq!(linked("وقالت الكاميرون إن الخطة جاهزة"), one("cameroon"));
        assert_eq!(
            linked("وقال مسؤول كاميروني إن الخطة جاهزة"),
            one("cameroon")
        );
        // a nisba name is its own demonym without the article
        assert_eq!(linked("جرى الاتفاق بوساطة سعودية"), one("saudi-arabia"));
        // an organisation's one-word name, and a capital, need their article
        assert!(linked("وتعرضت قاعدة جوية لهجوم").is_empty());
        assert_eq!(linked("وأعلن تنظيم القاعدة المسؤولية"), one("al-qaeda"));
        assert!(linked("وقال رياض إن الخطة جاهزة")
            .iter()
            .all(|e| e.as_deref() != Some("saudi-arabia")));
        // a demonym plural names its people bare
        assert_eq!(linked("وقتل جنود روس"), one("russia"));
    }

    #[test]
    fn a_civil_body_takes_a_nationality_not_the_state() {
        let lex = Lexicon::new(
            vec![
                actor(
                    "saudi-arabia",
                    ActorKind::Gpe,
                    "السعودية",
                    &["السعودي"],
                    Some("SAU"),
                ),
                actor(
                    "egypt",
                    ActorKind::Gpe,
                    "مصر",
                    &["المصري", "المصرية"],
                    Some("EGY"),
                ),
            ],
            vec![],
        );
        let ids = |text: &str| entity_ids(&lex, text);
        assert!(ids("حذرت الجمعية السعودية لطب العيون من الألعاب النارية").is_empty());
        assert!(ids("وفاز المنتخب المصري على نظيره").is_empty());
        // a state's organ or forces, and a body without agreement, keep the state
        assert_eq!(
            ids("وقالت الخارجية المصرية إن الوفد وصل"),
            vec![Some("egypt".to_string())]
        );
        assert_eq!(
            ids("وقال رئيس النادي إن السعودية ستستضيف البطولة"),
            vec![Some("saudi-arabia".to_string())]
        );
    }

    #[test]
    fn an_organisation_named_by_a_noun_yields_to_the_noun_with_its_adjective() {
        let lex = Lexicon::new(
            vec![
                actor("al-qaeda", ActorKind::Org, "القاعدة", &[], None),
                actor("ennahda", ActorKind::Org, "النهضة", &[], Some("TUN")),
                actor(
                    "tunisia",
                    ActorKind::Gpe,
                    "تونس",
                    &["التونسية"],
                    Some("TUN"),
                ),
            ],
            vec![],
        );
        let ids = |text: &str| entity_ids(&lex, text);
        assert!(ids("ودعا إلى تنويع القاعدة الاستثمارية في المملكة").is_empty());
        assert!(ids("وقصفت الطائرات القاعدة الجوية").is_empty());
        assert_eq!(
            ids("وأعلنت القاعدة مسؤوليتها عن الهجوم"),
            vec![Some("al-qaeda".to_string())]
        );
        // an adjective that names a state keeps the organisation
        assert_eq!(
            ids("وقالت النهضة التونسية إنها ترفض القرار")[0].as_deref(),
            Some("ennahda")
        );
    }

    #[test]
    fn a_mention_text_is_the_original_slice() {
        // ASCII, Arabic letters and marks, a ligature and characters of three and four bytes
        let a = Analysis::new("قال «عمّان» x é ﷺ 😀 ﻻ صنعاء");
        let n = a.chars.len() as u32;
        for (start, end) in [(0, n), (0, 3), (4, 10), (11, n), (5, n + 9), (9, 3), (n, n)] {
            assert_eq!(text_of(&a, start, end), a.slice(start, end));
        }
    }

    #[test]
    fn capital_homograph_follows_the_focus_country() {
        let mut oman = actor("oman", ActorKind::Gpe, "عمان", &[], Some("OMN"));
        oman.aliases.push("مسقط".into());
        let lex = Lexicon::new(
            vec![
                oman,
                actor("jordan", ActorKind::Gpe, "الأردن", &["أردني"], Some("JOR")),
            ],
            vec![
                place("oman", "عمان", "PCLI", "OMN", 4_000_000),
                place("jordan/amman", "عمان", "PPLC", "JOR", 1_900_000),
                place("jordan", "الأردن", "PCLI", "JOR", 10_000_000),
            ],
        );
        let l = link(
            &Analysis::new("أعلنت عمان أن وزير الخارجية الأردني زار الأردن وعاد إلى عمان"),
            &lex,
        );
        assert!(l
            .mentions
            .iter()
            .filter(|m| m.text == "عمان")
            .all(|m| m.entity.as_deref() == Some("jordan")));
        assert!(l.places.iter().any(|p| p.id == "jordan/amman"));
        let l = link(&Analysis::new("زار الوفد عمان ثم مسقط"), &lex);
        assert_eq!(l.mentions[0].entity.as_deref(), Some("oman"));
        let l = link(&Analysis::new("ردت عمّان على الاتهامات"), &lex);
        assert_eq!(l.mentions[0].entity.as_deref(), Some("jordan"));
    }

    #[test]
    fn a_state_named_as_a_location_is_a_place_only() {
        let l = link_text("قتل ثلاثة مسلحين في اليمن");
        assert!(l.places.iter().any(|p| p.id == "yemen"));
        assert!(l
            .mentions
            .iter()
            .all(|m| m.entity.as_deref() != Some("yemen")));
        let l = link_text("اتهمت اليمن جهات خارجية");
        assert!(l
            .mentions
            .iter()
            .any(|m| m.entity.as_deref() == Some("yemen")));
    }

    #[test]
    fn a_state_after_min_following_a_verb_of_receiving_is_the_giver() {
        let yemen = |text: &str| {
            link_text(text)
                .mentions
                .iter()
                .any(|m| m.entity.as_deref() == Some("yemen"))
        };
        assert!(yemen("وتسلمت الحكومة من اليمن دفعة جديدة"));
        // where people come from is a place
        assert!(!yemen("ووصل عشرات المهاجرين من اليمن"));
    }

    #[test]
    fn demonym_after_a_generic_actor_is_not_a_state_mention() {
        let l = link_text("وكشف مسؤول أمني يمني أن الحوثيين أفرجوا");
        assert!(l
            .mentions
            .iter()
            .all(|m| m.entity.as_deref() != Some("yemen")));
    }

    #[test]
    fn a_small_place_named_like_a_common_word_needs_a_cue() {
        let lex = Lexicon::new(
            vec![],
            vec![place("kuwait/bayan", "بيان", "PPLX", "KWT", 5_000)],
        );
        let l = link(&Analysis::new("وقال في بيان إن الهجوم فشل"), &lex);
        assert!(l.places.is_empty());
        let l = link(&Analysis::new("وصلوا إلى منطقة بيان"), &lex);
        assert_eq!(l.places.len(), 1);
    }

    #[test]
    fn generic_actor_takes_country_from_demonym() {
        let l = link_text("وكشف مسؤول أمني يمني أن الحوثيين أفرجوا");
        let e = l
            .entities
            .iter()
            .find(|e| e.id == "security-official")
            .unwrap();
        assert_eq!(e.country.as_deref(), Some("YEM"));
    }
    /// The entity the mention written `surface` in `text` links to.
    fn entity_of(lex: &Lexicon, text: &str, surface: &str) -> Option<String> {
        link(&Analysis::new(text), lex)
            .mentions
            .iter()
            .find(|m| m.text == surface)
            .and_then(|m| m.entity.as_deref().map(String::from))
    }

    fn descriptor(x: &mut Actor, text: &str, context: &str) {
        x.descriptors.push(DescriptorEntry::Table(Descriptor {
            text: text.into(),
            context: Some(context.into()),
        }));
    }

    #[test]
    fn a_definite_descriptor_needs_the_article() {
        let mut presidency = actor(
            "yemen-presidency",
            ActorKind::Org,
            "رئاسة الجمهورية اليمنية",
            &[],
            Some("YEM"),
        );
        descriptor(&mut presidency, "الرئيس", "YEM");
        descriptor(&mut presidency, "الرئاسة", "YEM");
        let lex = Lexicon::new(
            vec![
                presidency,
                actor("yemen", ActorKind::Gpe, "اليمن", &[], Some("YEM")),
            ],
            vec![],
        );
        let linked = |text: &str| -> Vec<String> {
            link(&Analysis::new(text), &lex)
                .mentions
                .iter()
                .filter(|m| m.entity.as_deref() == Some("yemen-presidency"))
                .map(|m| m.text.clone())
                .collect()
        };
        assert_eq!(linked("اليمن: قال الرئيس إن الحوار مستمر"), ["الرئيس"]);
        assert!(linked("اليمن: وصل وفد برئاسة وزير النقل ولقي رئيس الغرفة التجارية").is_empty());
        assert_eq!(linked("قال رئيس اليمن إن الحوار مستمر"), ["رئيس"]);
    }

    #[test]
    fn a_place_named_with_the_article_is_not_its_bare_word() {
        let mut houthis = actor("houthis", ActorKind::Org, "الحوثيون", &[], Some("YEM"));
        houthis.descriptors = vec![DescriptorEntry::Table(Descriptor {
            text: "الانقلابيين".into(),
            context: Some("YEM".into()),
        })];
        let lex = Lexicon::new(
            vec![
                houthis,
                actor(
                    "saudi-arabia",
                    ActorKind::Gpe,
                    "السعودية",
                    &["الرياض"],
                    Some("SAU"),
                ),
                actor("yemen", ActorKind::Gpe, "اليمن", &[], Some("YEM")),
            ],
            vec![
                place("saudi-arabia/riyadh", "الرياض", "PPLC", "SAU", 4_000_000),
                place("yemen", "اليمن", "PCLI", "YEM", 28_000_000),
            ],
        );
        let l = link(
            &Analysis::new(
                "قال رياض ياسين إن الانقلابيين يرفضون الحوار. وأكد رياض ياسين ورياض \
                 المالكي أن المشاورات في اليمن مستمرة",
            ),
            &lex,
        );
        let places: Vec<&str> = l.places.iter().map(|p| &*p.id).collect();
        assert_eq!(places, ["yemen"], "«رياض» is a given name, not Riyadh");
        // nor a vote for Saudi Arabia: the descriptor made for Yemen is read in a Yemeni story
        let d: Vec<_> = l
            .mentions
            .iter()
            .filter(|m| m.via == Some(Via::Descriptor))
            .collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].entity.as_deref(), Some("houthis"));
        // with its article the word is the city
        let l = link(&Analysis::new("وصل الوزير إلى الرياض"), &lex);
        assert!(l.places.iter().any(|p| &*p.id == "saudi-arabia/riyadh"));
    }

    #[test]
    fn a_coalition_led_by_a_state_is_that_states_coalition() {
        // (as in the dictionary: «التحالف» alone names the anti-ISIS coalition in Iraq and Syria)
        let mut global = actor(
            "global-coalition-against-isis",
            ActorKind::Org,
            "التحالف الدولي ضد داعش",
            &[],
            None,
        );
        global.descriptors = vec![DescriptorEntry::Table(Descriptor {
            text: "التحالف".into(),
            context: Some("IRQ".into()),
        })];
        let lex = Lexicon::new(
            vec![
                actor("saudi-arabia", ActorKind::Gpe, "السعودية", &[], Some("SAU")),
                actor(
                    "united-states",
                    ActorKind::Gpe,
                    "الولايات المتحدة",
                    &["واشنطن"],
                    Some("USA"),
                ),
                actor(
                    "saudi-led-coalition",
                    ActorKind::Org,
                    "التحالف العربي",
                    &["طائرات التحالف"],
                    None,
                ),
                global,
            ],
            vec![],
        );
        let first = |text: &str| entity_ids(&lex, text).into_iter().next().flatten();
        assert_eq!(
            first("طائرات التحالف الذي تقوده الولايات المتحدة قصفت الرقة").as_deref(),
            Some("global-coalition-against-isis")
        );
        assert_eq!(
            first("التحالف الذي تقوده واشنطن يواصل غاراته").as_deref(),
            Some("global-coalition-against-isis")
        );
        assert_eq!(
            first("طائرات التحالف الذي تقوده السعودية قصفت صعدة").as_deref(),
            Some("saudi-led-coalition")
        );
        // without its leader the name says what it says
        assert_eq!(
            first("طائرات التحالف قصفت صعدة").as_deref(),
            Some("saudi-led-coalition")
        );
    }

    #[test]
    fn a_continent_is_a_place_of_no_country() {
        let lex = Lexicon::new(
            vec![actor(
                "united-states",
                ActorKind::Gpe,
                "الولايات المتحدة",
                &["أمريكا"],
                Some("USA"),
            )],
            vec![
                place(
                    "united-states",
                    "الولايات المتحدة",
                    "PCLI",
                    "USA",
                    330_000_000,
                ),
                place("continent/south-america", "أمريكا الجنوبية", "CONT", "", 0),
                place("continent/africa", "أفريقيا", "CONT", "", 0),
                place("region/latin-america", "أمريكا اللاتينية", "RGN", "", 0),
            ],
        );
        let places = |text: &str| -> (Vec<String>, usize) {
            let l = link(&Analysis::new(text), &lex);
            let us = l
                .mentions
                .iter()
                .filter(|m| m.entity.as_deref() == Some("united-states"))
                .count();
            (l.places.iter().map(|p| p.id.to_string()).collect(), us)
        };
        // the longer name wins over the country inside it, and needs no cue word
        assert_eq!(
            places("جال الوزير أمريكا الجنوبية"),
            (vec!["continent/south-america".to_string()], 0)
        );
        assert_eq!(
            places("زار دول أمريكا اللاتينية"),
            (vec!["region/latin-america".to_string()], 0)
        );
        assert_eq!(
            places("زار الوزير أفريقيا"),
            (vec!["continent/africa".to_string()], 0)
        );
        assert_eq!(places("زار الوزير أمريكا").1, 1, "the country alone");
        // a continent has no country: it never votes for the article's focus
        let l = link(&Analysis::new("زار الوزير أفريقيا"), &lex);
        assert_eq!(l.places[0].country, None);
    }

    #[test]
    fn opening_is_not_fatah() {
        let mut fatah = actor("fatah", ActorKind::Org, "حركة فتح", &[], Some("PSE"));
        descriptor(&mut fatah, "فتح", "PSE");
        let lex = Lexicon::new(
            vec![
                fatah,
                actor(
                    "palestine",
                    ActorKind::Gpe,
                    "فلسطين",
                    &["الفلسطينية"],
                    Some("PSE"),
                ),
            ],
            vec![],
        );
        let fatah_in = |text: &str| {
            link(&Analysis::new(text), &lex)
                .mentions
                .iter()
                .filter(|m| m.entity.as_deref() == Some("fatah"))
                .count()
        };
        assert_eq!(fatah_in("السلطة الفلسطينية: التقت فتح وفدا من الفصائل"), 1);
        assert_eq!(fatah_in("السلطة الفلسطينية تطالب بفتح الطريق"), 0);
        assert_eq!(
            fatah_in("السلطة الفلسطينية: قرر الوزير فتح المعابر وإعادة فتح سفارة"),
            0
        );
    }

    #[test]
    fn a_state_agent_of_another_country_is_that_state() {
        let mut official = actor(
            "government-official",
            ActorKind::Per,
            "مسؤول",
            &["مسؤولين"],
            None,
        );
        official.generic = true;
        official.cameo = Some("GOV".into());
        let lex = Lexicon::new(
            vec![
                official,
                actor(
                    "egypt",
                    ActorKind::Gpe,
                    "مصر",
                    &["مصري", "مصريين"],
                    Some("EGY"),
                ),
                actor(
                    "israel",
                    ActorKind::Gpe,
                    "إسرائيل",
                    &["إسرائيلي"],
                    Some("ISR"),
                ),
            ],
            vec![],
        );
        let l = link(
            &Analysis::new("التقى الوفد مسؤولين مصريين، وقال مسؤول إسرائيلي إن حكومته ترفض"),
            &lex,
        );
        let links: Vec<_> = l
            .mentions
            .iter()
            .map(|m| (m.text.as_str(), m.entity.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            links,
            [
                ("مسؤولين", "government-official"),
                ("مسؤول إسرائيلي", "israel")
            ]
        );
        let e = l
            .entities
            .iter()
            .find(|e| e.id == "government-official")
            .unwrap();
        assert_eq!(e.country.as_deref(), Some("EGY"));
    }

    #[test]
    fn a_demonym_across_a_sentence_break_qualifies_nothing() {
        let l = link_text("اعتقال مسؤول أمني\n\nاليمنية – أعلنت الحكومة");
        let e = l
            .entities
            .iter()
            .find(|e| e.id == "security-official")
            .unwrap();
        assert_eq!(e.country, None);
    }

    #[test]
    fn a_dateline_is_a_place_not_an_actor() {
        let l = link_text("اليمن – أعلنت الحكومة أن اليمن ترفض");
        let states: Vec<_> = l
            .mentions
            .iter()
            .filter(|m| m.entity.as_deref() == Some("yemen"))
            .map(|m| m.start)
            .collect();
        assert_eq!(states, [25]);
        assert!(l.places.iter().any(|p| p.id == "yemen"));
    }

    #[test]
    fn a_shared_name_is_the_focus_country_actor() {
        let mut police = actor(
            "lebanon-police",
            ActorKind::Org,
            "قوى الأمن الداخلي",
            &[],
            Some("LBN"),
        );
        police.sectors = vec!["COP".into()];
        let mut asayish = actor("asayish", ActorKind::Org, "الأسايش", &[], Some("SYR"));
        descriptor(&mut asayish, "قوى الأمن الداخلي", "SYR");
        let lex = Lexicon::new(
            vec![
                police,
                asayish,
                actor("syria", ActorKind::Gpe, "سوريا", &["السورية"], Some("SYR")),
                actor(
                    "lebanon",
                    ActorKind::Gpe,
                    "لبنان",
                    &["اللبنانية"],
                    Some("LBN"),
                ),
            ],
            vec![],
        );
        let police_of = |text: &str| entity_of(&lex, text, "قوى الأمن الداخلي");
        assert_eq!(
            police_of("الحسكة السورية: اعتقلت قوى الأمن الداخلي عشرة أشخاص شمال سوريا").as_deref(),
            Some("asayish")
        );
        assert_eq!(
            police_of("بيروت اللبنانية: اعتقلت قوى الأمن الداخلي عشرة أشخاص").as_deref(),
            Some("lebanon-police")
        );
    }

    #[test]
    fn a_descriptor_located_in_another_country_is_read_there() {
        let mut egypt_army = actor(
            "egypt-military",
            ActorKind::Org,
            "الجيش المصري",
            &[],
            Some("EGY"),
        );
        descriptor(&mut egypt_army, "القوات المسلحة", "EGY");
        let mut libya_army = actor(
            "libya-military",
            ActorKind::Org,
            "الجيش الليبي",
            &[],
            Some("LBY"),
        );
        descriptor(&mut libya_army, "القوات المسلحة", "LBY");
        let lex = Lexicon::new(
            vec![
                egypt_army,
                libya_army,
                actor(
                    "egypt",
                    ActorKind::Gpe,
                    "مصر",
                    &["المصري", "القاهرة"],
                    Some("EGY"),
                ),
                actor("libya", ActorKind::Gpe, "ليبيا", &[], Some("LBY")),
            ],
            vec![place("libya", "ليبيا", "PCLI", "LBY", 7_000_000)],
        );
        let army = |text: &str| entity_of(&lex, text, "القوات المسلحة");
        assert_eq!(
            army("القاهرة – استقبل الرئيس المصري قائد القوات المسلحة في شرق ليبيا").as_deref(),
            Some("libya-military")
        );
        assert_eq!(
            army("القاهرة – قال الرئيس المصري إن القوات المسلحة مستعدة").as_deref(),
            Some("egypt-military")
        );
        let lex = Lexicon::new(
            lex.actors.clone(),
            vec![
                place("libya", "ليبيا", "PCLI", "LBY", 7_000_000),
                place("libya/bayan", "بيان", "PPL", "LBY", 5_000),
            ],
        );
        let l = link(
            &Analysis::new("القاهرة – قالت القوات المسلحة المصرية وقالت القوات المسلحة في بيان"),
            &lex,
        );
        assert!(l
            .mentions
            .iter()
            .all(|m| m.entity.as_deref() != Some("libya-military")));
    }

    #[test]
    fn a_generic_reference_prefers_a_mention_written_with_its_head() {
        let lex = Lexicon::new(
            vec![
                actor("isis", ActorKind::Org, "تنظيم داعش", &["داعش"], None),
                actor(
                    "sdf",
                    ActorKind::Org,
                    "قوات سوريا الديمقراطية",
                    &["قسد", "تنظيم قسد"],
                    Some("SYR"),
                ),
            ],
            vec![],
        );
        let l = link(
            &Analysis::new("اعتقلت قسد عناصر من تنظيم داعش، وقالت قسد إن التنظيم يخطط لهجمات"),
            &lex,
        );
        let c = l.mentions.iter().find(|m| m.text == "التنظيم").unwrap();
        assert_eq!(c.entity.as_deref(), Some("isis"));
    }

    #[test]
    fn a_unit_commander_stands_for_the_unit() {
        let mut official = actor(
            "military-official",
            ActorKind::Per,
            "مسؤول عسكري",
            &[],
            None,
        );
        official.generic = true;
        official.descriptors = vec![DescriptorEntry::Table(Descriptor {
            text: "قائد اللواء".into(),
            context: None,
        })];
        let lex = Lexicon::new(
            vec![
                official,
                actor("brigade-9", ActorKind::Org, "اللواء التاسع مشاة", &[], None),
                actor("a-general", ActorKind::Per, "اللواء سالم ناصر", &[], None),
            ],
            vec![],
        );
        let l = link(
            &Analysis::new(
                "حاصر اللواء التاسع مشاة البلدة، وقال اللواء سالم ناصر إن قائد اللواء أصيب",
            ),
            &lex,
        );
        let c = l.mentions.iter().find(|m| m.text == "قائد اللواء").unwrap();
        assert_eq!(c.entity.as_deref(), Some("brigade-9"));
        // with no unit named before, the commander stays a commander
        let l = link(&Analysis::new("وقال قائد اللواء إن قواته تقدمت"), &lex);
        let c = l.mentions.iter().find(|m| m.text == "قائد اللواء").unwrap();
        assert_eq!(c.entity.as_deref(), Some("military-official"));
    }

    #[test]
    fn a_municipality_is_referred_back_to_by_its_kind() {
        let lex = Lexicon::new(
            vec![actor(
                "jerusalem-municipality",
                ActorKind::Org,
                "بلدية القدس",
                &[],
                Some("ISR"),
            )],
            vec![],
        );
        let l = link(
            &Analysis::new("هدمت بلدية القدس منزلين، وقالت العائلة إن البلدية رفضت الترخيص"),
            &lex,
        );
        let c = l.mentions.iter().find(|m| m.text == "البلدية").unwrap();
        assert_eq!(c.entity.as_deref(), Some("jerusalem-municipality"));
    }
}
