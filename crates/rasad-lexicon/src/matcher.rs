//! A token-level automaton over stem keys: every name of the dictionaries, compiled once, found in
//! one left-to-right pass over a text's tokens.
//!
//! A name is compiled into the sequence of its tokens' keys (the clitic-free stem key for Arabic
//! words, the view form for Latin words and numbers). The automaton is a trie over interned keys;
//! matching walks it from every token and keeps the longest match, then resumes after it.
//! Rules, each tested below:
//! - the first token may carry proclitics (لطهران، والحوثيين); a later token may carry a
//!   preposition only where the name has it too («المؤسسة الوطنية للنفط»), never a conjunction;
//! - no token may carry a pronoun («قواتها» is not «قوات»);
//! - quotation marks inside a name are skipped (تنظيم “القاعدة”); other punctuation ends a name;
//! - actor names ignore the article («مسلحين حوثيين» names the Houthis as «الحوثيين» does); place
//!   names keep it («السجن» is a village in the gazetteer, «سجن» is a prison), so a token is looked
//!   up under both keys and the walk follows every edge that exists.

use crate::actors::Actor;
use crate::places::Place;
use rasad_text::{Analysis, Token, TokenKind};
use rustc_hash::FxHashMap;

/// What a compiled name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// An actor's canonical Arabic name.
    ActorName(u32),
    /// Another name of an actor.
    ActorAlias(u32),
    /// A descriptor of an actor (index of the descriptor within the actor's list).
    ActorDescriptor(u32, u16),
    /// A place name (canonical or variant).
    Place(u32),
}

/// One match in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Index of the first token.
    pub first_token: usize,
    /// Index one past the last token.
    pub end_token: usize,
    /// Start in the original text (after the first token's proclitics).
    pub start: u32,
    /// End in the original text.
    pub end: u32,
    /// Everything the matched name stands for.
    pub targets: Vec<Target>,
}

/// The compiled names.
#[derive(Default)]
pub struct Matcher {
    packed: FxHashMap<u128, u32>,
    long: FxHashMap<Box<str>, u32>,
    edges: FxHashMap<(u32, u32), u32>,
    /// A one-hash Bloom filter over the packed keys (64 KiB, stays in cache): most tokens are no
    /// name's word and are turned away without touching the key table.
    bloom: Vec<u64>,
    /// The node each key id leads to from the root (0: none), so the first step of a match is an
    /// array read.
    root: Vec<u32>,
    /// Key ids whose stem also occurs with its article in an article-keeping name: only for
    /// those is the second lookup made.
    with_article: Vec<bool>,
    /// What each node stands for, indexed by node (empty: not the end of a name).
    outputs: Vec<Vec<Target>>,
    nodes: u32,
    names: usize,
}

/// Pack a key of ASCII and U+0600–U+067F characters into a u128 (up to 15 characters).
#[inline]
fn pack(chars: impl ExactSizeIterator<Item = char>) -> Option<u128> {
    let n = chars.len();
    if n == 0 || n > 15 {
        return None;
    }
    let mut key = n as u128;
    for (i, c) in chars.enumerate() {
        let b = match c as u32 {
            0..=0x7F => c as u32,
            0x0600..=0x067F => 0x80 + (c as u32 - 0x0600),
            _ => return None,
        };
        key |= (b as u128) << (8 * (i + 1));
    }
    Some(key)
}

const BLOOM_WORDS: usize = 1 << 13;

#[inline]
fn bloom_bit(k: u128) -> usize {
    let h = ((k as u64) ^ ((k >> 64) as u64).rotate_left(31)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - 19)) as usize
}

/// [`pack`] of `head` + `body` + `last` without iterator adapters (the hot path of matching).
#[inline]
fn pack_parts(head: &[char], body: &[char], last: char) -> Option<u128> {
    let n = head.len() + body.len() + 1;
    if n > 15 {
        return None;
    }
    let mut key = n as u128;
    let mut shift = 8;
    for &c in head.iter().chain(body).chain(std::iter::once(&last)) {
        let b = match c as u32 {
            0..=0x7F => c as u32,
            0x0600..=0x067F => 0x80 + (c as u32 - 0x0600),
            _ => return None,
        };
        key |= (b as u128) << shift;
        shift += 8;
    }
    Some(key)
}

/// The key of a word of a dictionary name: a name carries no conjunction, preposition or
/// pronoun, so when the segmenter reads one into it («وان», the Turkish province, as و + ان) the
/// whole word is its key; the article is handled as in the text.
fn name_token_key(a: &Analysis, t: &Token, article: bool, buf: &mut String) -> bool {
    let s = t.seg;
    if t.kind == TokenKind::Word && (s.conj.is_some() || s.prep.is_some() || s.pron.is_some()) {
        buf.clear();
        buf.extend(t.view(&a.view));
        return !buf.is_empty();
    }
    token_key(a, t, article, buf)
}

/// The key of a token, written into `buf`; false for tokens names never contain. With
/// `article`, a definite word's key keeps its article («السجن» is not «سجن»).
fn token_key(a: &Analysis, t: &Token, article: bool, buf: &mut String) -> bool {
    buf.clear();
    match t.kind {
        TokenKind::Word => {
            if article && t.seg.article {
                buf.push_str("ال");
                let mut stem = String::new();
                t.seg.stem_key_into(t.view(&a.view), &mut stem);
                buf.push_str(&stem);
            } else {
                t.seg.stem_key_into(t.view(&a.view), buf);
            }
            !buf.is_empty()
        }
        TokenKind::Latin | TokenKind::Number => {
            buf.extend(t.view(&a.view));
            true
        }
        _ => false,
    }
}

fn is_quote(a: &Analysis, t: &Token) -> bool {
    t.kind == TokenKind::Punct
        && matches!(
            t.view(&a.view),
            ['«' | '»' | '“' | '”' | '"' | '\'' | '‹' | '›' | '„']
        )
}

impl Matcher {
    /// Compile every actor name, alias and descriptor and every place name.
    pub fn build(actors: &[Actor], places: &[Place]) -> Matcher {
        let mut m = Matcher {
            nodes: 1,
            ..Default::default()
        };
        for (i, a) in actors.iter().enumerate() {
            m.add(&a.ar, Target::ActorName(i as u32), false);
            for alias in &a.aliases {
                m.add(alias, Target::ActorAlias(i as u32), false);
            }
            for (d, desc) in a.descriptors.iter().enumerate() {
                m.add(
                    desc.text(),
                    Target::ActorDescriptor(i as u32, d as u16),
                    false,
                );
            }
        }
        let not_names = not_names();
        for (i, p) in places.iter().enumerate() {
            for name in std::iter::once(&p.ar).chain(&p.ar_variants) {
                if !name.is_empty() && !not_names.contains(&name_key(name)) {
                    m.add(name, Target::Place(i as u32), true);
                }
            }
        }
        m
    }

    /// Number of names compiled.
    pub fn len(&self) -> usize {
        self.names
    }

    /// True when nothing was compiled.
    pub fn is_empty(&self) -> bool {
        self.names == 0
    }

    fn intern(&mut self, key: &str) -> u32 {
        let next = (self.packed.len() + self.long.len()) as u32;
        let id = match pack(key.chars().collect::<Vec<_>>().into_iter()) {
            Some(p) => {
                if self.bloom.is_empty() {
                    self.bloom = vec![0; BLOOM_WORDS];
                }
                let b = bloom_bit(p);
                self.bloom[b / 64] |= 1 << (b % 64);
                *self.packed.entry(p).or_insert(next)
            }
            None => *self.long.entry(Box::from(key)).or_insert(next),
        };
        if self.with_article.len() <= id as usize {
            self.with_article.resize(id as usize + 1, false);
        }
        id
    }

    /// A token's key ids without and with its article, computed without building strings for
    /// the usual short keys.
    fn token_ids(&self, a: &Analysis, t: &Token, buf: &mut String) -> [Option<u32>; 2] {
        if t.seg.pron.is_some() {
            return [None, None];
        }
        match t.kind {
            TokenKind::Word => {
                let view = t.view(&a.view);
                let s = t.seg;
                let (st, en) = (s.stem_start as usize, (s.stem_end as usize).min(view.len()));
                if st >= en {
                    return [None, None];
                }
                let stem = &view[st..en];
                let last = if s.ta_marbuta {
                    'ه'
                } else {
                    stem[stem.len() - 1]
                };
                let body = &stem[..stem.len() - 1];
                let plain = match pack_parts(&[], body, last) {
                    Some(k) => self.get_packed(k),
                    None => {
                        self.lookup_chars(body.iter().copied().chain(std::iter::once(last)), buf)
                    }
                };
                let art = if s.article && plain.is_some_and(|k| self.with_article[k as usize]) {
                    match pack_parts(&['ا', 'ل'], body, last) {
                        Some(k) => self.get_packed(k),
                        None => self.lookup_chars(
                            ['ا', 'ل']
                                .into_iter()
                                .chain(body.iter().copied())
                                .chain(std::iter::once(last)),
                            buf,
                        ),
                    }
                } else {
                    None
                };
                [plain, art]
            }
            TokenKind::Latin | TokenKind::Number => [
                self.lookup_chars(t.view(&a.view).iter().copied(), buf),
                None,
            ],
            _ => [None, None],
        }
    }

    /// The id of a packed key, through the Bloom filter.
    #[inline]
    fn get_packed(&self, k: u128) -> Option<u32> {
        let b = bloom_bit(k);
        if self
            .bloom
            .get(b / 64)
            .is_none_or(|w| w & (1 << (b % 64)) == 0)
        {
            return None;
        }
        self.packed.get(&k).copied()
    }

    /// The id of a key given as characters.
    fn lookup_chars(
        &self,
        chars: impl Iterator<Item = char> + Clone,
        buf: &mut String,
    ) -> Option<u32> {
        let mut key: u128 = 0;
        let mut n = 0usize;
        let mut packable = true;
        for c in chars.clone() {
            n += 1;
            let b = match c as u32 {
                0..=0x7F => c as u32,
                0x0600..=0x067F => 0x80 + (c as u32 - 0x0600),
                _ => {
                    packable = false;
                    break;
                }
            };
            if n > 15 {
                packable = false;
                break;
            }
            key |= (b as u128) << (8 * n);
        }
        if packable && n > 0 {
            return self.get_packed(key | n as u128);
        }
        buf.clear();
        buf.extend(chars);
        self.long.get(buf.as_str()).copied()
    }

    /// Compile one name; `article` keeps the article in its keys (place names).
    pub fn add(&mut self, name: &str, target: Target, article: bool) {
        let a = Analysis::new(name);
        let mut buf = String::new();
        let mut node = 0u32;
        let mut any = false;
        for t in &a.tokens {
            if is_quote(&a, t) {
                continue;
            }
            if !name_token_key(&a, t, article, &mut buf) {
                continue;
            }
            if article && t.seg.article && buf.starts_with("ال") {
                let bare = self.intern(&buf["ال".len()..]);
                self.with_article[bare as usize] = true;
            }
            let k = self.intern(&buf);
            node = match self.edges.get(&(node, k)) {
                Some(&n) => n,
                None => {
                    let n = self.nodes;
                    self.nodes += 1;
                    self.edges.insert((node, k), n);
                    if node == 0 {
                        if self.root.len() <= k as usize {
                            self.root.resize(k as usize + 1, 0);
                        }
                        self.root[k as usize] = n;
                    }
                    n
                }
            };
            any = true;
        }
        if any {
            if self.outputs.len() <= node as usize {
                self.outputs.resize(node as usize + 1, Vec::new());
            }
            let out = &mut self.outputs[node as usize];
            if !out.contains(&target) {
                out.push(target);
                self.names += 1;
            }
        }
    }

    /// Find every name in an analysed text: longest match first, left to right, no overlaps.
    pub fn find(&self, a: &Analysis) -> Vec<Match> {
        let toks = &a.tokens;
        // each token's key ids: without and with its article (the same when it has none)
        let mut buf = String::with_capacity(32);
        let ids: Vec<[Option<u32>; 2]> = toks
            .iter()
            .map(|t| self.token_ids(a, t, &mut buf))
            .collect();
        let mut out = Vec::new();
        let mut frontier: Vec<u32> = Vec::with_capacity(4);
        let mut next: Vec<u32> = Vec::with_capacity(4);
        let mut i = 0;
        while i < toks.len() {
            frontier.clear();
            for k in ids[i].iter().flatten() {
                if let Some(&n) = self.root.get(*k as usize).filter(|&&n| n != 0) {
                    if !frontier.contains(&n) {
                        frontier.push(n);
                    }
                }
            }
            if frontier.is_empty() {
                i += 1;
                continue;
            }
            let mut best: Option<(usize, Vec<u32>)> = None;
            let terminal = |f: &[u32]| -> Vec<u32> {
                f.iter()
                    .copied()
                    .filter(|&n| self.outputs.get(n as usize).is_some_and(|o| !o.is_empty()))
                    .collect()
            };
            let t0 = terminal(&frontier);
            if !t0.is_empty() {
                best = Some((i + 1, t0));
            }
            let mut j = i + 1;
            while j < toks.len() && !frontier.is_empty() {
                if is_quote(a, &toks[j]) {
                    j += 1;
                    continue;
                }
                let t = &toks[j];
                // inside a name a word with a proclitic («المؤسسة الوطنية للنفط») matches the name's
                // word written the same way, whole; a conjunction never continues a name
                let whole;
                let step_ids: &[Option<u32>] = if t.seg.conj.is_some() {
                    break;
                } else if t.seg.prep.is_some() && t.kind == TokenKind::Word {
                    whole = [self.lookup_chars(t.view(&a.view).iter().copied(), &mut buf)];
                    &whole
                } else {
                    &ids[j]
                };
                next.clear();
                for &node in &frontier {
                    for k in step_ids.iter().flatten() {
                        if let Some(&n) = self.edges.get(&(node, *k)) {
                            if !next.contains(&n) {
                                next.push(n);
                            }
                        }
                    }
                }
                std::mem::swap(&mut frontier, &mut next);
                j += 1;
                let tj = terminal(&frontier);
                if !tj.is_empty() {
                    best = Some((j, tj));
                }
            }
            match best {
                Some((end, nodes)) => {
                    let t0 = &toks[i];
                    // the match starts after the first token's conjunction and preposition; it keeps
                    // the article, except in «لل» where the article's alef is not written
                    let seg = t0.seg;
                    let skip = if seg.article && seg.prep == Some(rasad_text::clitics::Prep::Li) {
                        seg.stem_start as usize
                    } else {
                        seg.conj.is_some() as usize + seg.prep.is_some() as usize
                    };
                    let stem_view = t0.nstart as usize + skip;
                    let start = if t0.kind == TokenKind::Word {
                        a.view.to_original(stem_view, stem_view + 1).0
                    } else {
                        t0.start
                    };
                    let mut targets: Vec<Target> = Vec::new();
                    for n in nodes {
                        for t in &self.outputs[n as usize] {
                            if !targets.contains(t) {
                                targets.push(*t);
                            }
                        }
                    }
                    out.push(Match {
                        first_token: i,
                        end_token: end,
                        start,
                        end: toks[end - 1].end,
                        targets,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }
}

const NOT_NAMES: &str = include_str!("../../../data/places/not-names.txt");

/// A name in the normalised view without its article: how `not-names.txt` is compared.
fn name_key(name: &str) -> String {
    let k = rasad_text::normalize_key(name.trim());
    match k.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest.to_string(),
        _ => k,
    }
}

fn not_names() -> std::collections::HashSet<String> {
    NOT_NAMES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(name_key)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::{Actor, ActorKind, DescriptorEntry};

    fn actor(id: &str, ar: &str, aliases: &[&str]) -> Actor {
        Actor {
            id: id.into(),
            kind: ActorKind::Org,
            en: id.into(),
            ar: ar.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            descriptors: vec![DescriptorEntry::Plain("الانقلابيين".into())],
            country: None,
            sectors: vec![],
            cameo: None,
            parent: None,
            wikidata: None,
            generic: false,
        }
    }

    #[test]
    fn place_names_keep_their_article() {
        let m = Matcher::build(&[], &[place("uae/al-ain", "العين"), place("x/aden", "عدن")]);
        let a = Analysis::new("أصيب في عين واحدة ثم نقل إلى العين وعدن");
        let f: Vec<String> = m.find(&a).iter().map(|x| a.slice(x.start, x.end)).collect();
        assert_eq!(f, vec!["العين", "عدن"]);
    }

    #[test]
    fn names_are_keyed_whole_when_the_segmenter_splits_them() {
        // «وان» (Van) must not match «أن»
        let m = Matcher::build(
            &[],
            &[
                place("turkey/van", "وان"),
                place("saudi-arabia/madinah", "مدينة"),
            ],
        );
        let a = Analysis::new("قال إن وأن الأمر في مدينة البيضاء");
        assert!(m.find(&a).is_empty());
    }

    fn place(id: &str, ar: &str) -> Place {
        Place {
            id: id.into(),
            ar: ar.into(),
            ..Default::default()
        }
    }

    fn found(text: &str) -> Vec<(String, Vec<Target>)> {
        let m = Matcher::build(
            &[
                actor("houthis", "الحوثيون", &["الحوثيين", "مليشيا الحوثي"]),
                actor("aqap", "تنظيم القاعدة", &["القاعدة"]),
            ],
            &[place("tehran", "طهران"), place("sanaa", "صنعاء")],
        );
        let a = Analysis::new(text);
        m.find(&a)
            .into_iter()
            .map(|x| (a.slice(x.start, x.end), x.targets))
            .collect()
    }

    #[test]
    fn first_token_may_carry_proclitics() {
        assert_eq!(
            found("وصل الوفد لطهران"),
            vec![("طهران".into(), vec![Target::Place(0)])]
        );
        assert_eq!(
            found("والحوثيين"),
            vec![("الحوثيين".into(), vec![Target::ActorAlias(0)])]
        );
    }

    #[test]
    fn longest_match_wins() {
        let f = found("قال تنظيم القاعدة إن");
        assert_eq!(
            f,
            vec![("تنظيم القاعدة".into(), vec![Target::ActorName(1)])]
        );
    }

    #[test]
    fn quotes_inside_a_name_are_skipped() {
        let f = found("استخدام تنظيم “القاعدة” ورقة");
        assert_eq!(f[0].0, "تنظيم “القاعدة");
        assert_eq!(f[0].1, vec![Target::ActorName(1)]);
    }

    #[test]
    fn a_preposition_inside_a_name_matches_the_name_written_so() {
        let m = Matcher::build(&[actor("noc", "المؤسسة الوطنية للنفط", &[])], &[]);
        let a = Analysis::new("أعلنت المؤسسة الوطنية للنفط استئناف الإنتاج");
        let f: Vec<String> = m.find(&a).iter().map(|x| a.slice(x.start, x.end)).collect();
        assert_eq!(f, vec!["المؤسسة الوطنية للنفط"]);
    }

    #[test]
    fn later_tokens_may_not_carry_proclitics() {
        // «تنظيم والقاعدة» is not the name «تنظيم القاعدة»: only «القاعدة» matches
        let f = found("تنظيم والقاعدة");
        assert_eq!(f, vec![("القاعدة".into(), vec![Target::ActorAlias(1)])]);
    }

    #[test]
    fn pronoun_blocks_a_match() {
        assert!(found("صنعاءها").is_empty());
    }

    #[test]
    fn descriptors_are_compiled() {
        let f = found("أطلق الانقلابيين");
        assert_eq!(
            f[0].1,
            vec![Target::ActorDescriptor(0, 0), Target::ActorDescriptor(1, 0)]
        );
    }
}
