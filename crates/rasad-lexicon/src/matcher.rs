//! A token-level automaton over stem keys: every name of the dictionaries, compiled once, found in
//! one left-to-right pass over a text's tokens.
//!
//! A name is compiled into the sequence of its tokens' keys (the clitic-free stem key for Arabic
//! words, the view form for Latin words and numbers). The automaton is a trie over interned keys;
//! matching walks it from every token and keeps the longest match, then resumes after it.
//! Rules, each tested below:
//! - the first token may carry proclitics (لطهران، والحوثيين); later tokens only the article;
//! - no token may carry a pronoun («قواتها» is not «قوات»);
//! - quotation marks inside a name are skipped (تنظيم “القاعدة”); other punctuation ends a name.

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
    outputs: FxHashMap<u32, Vec<Target>>,
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

/// The key of a token, written into `buf`; `None` for tokens names never contain.
fn token_key(a: &Analysis, t: &Token, buf: &mut String) -> bool {
    buf.clear();
    match t.kind {
        TokenKind::Word => {
            t.seg.stem_key_into(t.view(&a.view), buf);
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
            m.add(&a.ar, Target::ActorName(i as u32));
            for alias in &a.aliases {
                m.add(alias, Target::ActorAlias(i as u32));
            }
            for (d, desc) in a.descriptors.iter().enumerate() {
                m.add(
                    &desc.descriptor().text,
                    Target::ActorDescriptor(i as u32, d as u16),
                );
            }
        }
        for (i, p) in places.iter().enumerate() {
            if !p.ar.is_empty() {
                m.add(&p.ar, Target::Place(i as u32));
            }
            for v in &p.ar_variants {
                m.add(v, Target::Place(i as u32));
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
        match pack(key.chars().collect::<Vec<_>>().into_iter()) {
            Some(p) => *self.packed.entry(p).or_insert(next),
            None => *self.long.entry(Box::from(key)).or_insert(next),
        }
    }

    fn lookup(&self, key: &str) -> Option<u32> {
        let n = key.chars().count();
        if n <= 15 {
            if let Some(p) = pack(key.chars().collect::<smallchars::Chars>().into_iter()) {
                return self.packed.get(&p).copied();
            }
        }
        self.long.get(key).copied()
    }

    /// Compile one name.
    pub fn add(&mut self, name: &str, target: Target) {
        let a = Analysis::new(name);
        let mut buf = String::new();
        let mut node = 0u32;
        let mut any = false;
        for t in &a.tokens {
            if is_quote(&a, t) {
                continue;
            }
            if !token_key(&a, t, &mut buf) {
                continue;
            }
            let k = self.intern(&buf);
            node = match self.edges.get(&(node, k)) {
                Some(&n) => n,
                None => {
                    let n = self.nodes;
                    self.nodes += 1;
                    self.edges.insert((node, k), n);
                    n
                }
            };
            any = true;
        }
        if any {
            let out = self.outputs.entry(node).or_default();
            if !out.contains(&target) {
                out.push(target);
                self.names += 1;
            }
        }
    }

    /// Find every name in an analysed text: longest match first, left to right, no overlaps.
    pub fn find(&self, a: &Analysis) -> Vec<Match> {
        let toks = &a.tokens;
        // the key id of every token (None: not part of any name)
        let mut buf = String::with_capacity(32);
        let ids: Vec<Option<u32>> = toks
            .iter()
            .map(|t| {
                if t.seg.pron.is_some() || !token_key(a, t, &mut buf) {
                    None
                } else {
                    self.lookup(&buf)
                }
            })
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let Some(first) = ids[i] else {
                i += 1;
                continue;
            };
            let mut node = match self.edges.get(&(0, first)) {
                Some(&n) => n,
                None => {
                    i += 1;
                    continue;
                }
            };
            let mut best: Option<(usize, u32)> =
                self.outputs.contains_key(&node).then_some((i + 1, node));
            let mut j = i + 1;
            while j < toks.len() {
                if is_quote(a, &toks[j]) {
                    j += 1;
                    continue;
                }
                let t = &toks[j];
                if t.seg.conj.is_some() || t.seg.prep.is_some() {
                    break;
                }
                let Some(k) = ids[j] else { break };
                let Some(&n) = self.edges.get(&(node, k)) else {
                    break;
                };
                node = n;
                j += 1;
                if self.outputs.contains_key(&node) {
                    best = Some((j, node));
                }
            }
            match best {
                Some((end, node)) => {
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
                    out.push(Match {
                        first_token: i,
                        end_token: end,
                        start,
                        end: toks[end - 1].end,
                        targets: self.outputs[&node].clone(),
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// A small inline buffer of characters, so key lookups do not allocate.
mod smallchars {
    /// Up to 15 characters inline.
    pub struct Chars {
        buf: [char; 15],
        len: usize,
    }

    impl FromIterator<char> for Chars {
        fn from_iter<I: IntoIterator<Item = char>>(iter: I) -> Self {
            let mut c = Chars {
                buf: ['\0'; 15],
                len: 0,
            };
            for ch in iter.into_iter().take(15) {
                c.buf[c.len] = ch;
                c.len += 1;
            }
            c
        }
    }

    impl IntoIterator for Chars {
        type Item = char;
        type IntoIter = std::iter::Take<std::array::IntoIter<char, 15>>;
        fn into_iter(self) -> Self::IntoIter {
            self.buf.into_iter().take(self.len)
        }
    }
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
