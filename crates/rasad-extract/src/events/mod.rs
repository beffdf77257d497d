//! Event extraction: PLOVER events with their actors, recipients, time, place, count, source and
//! status, from the trigger lexicon (`data/triggers`) and the mentions, places, times and
//! quantities already in the document.
//!
//! The rules, each small and named, each with its example sentences in `tests/events_rules.rs`:
//! 1. **match** ([`lexicon`]): triggers are matched on word keys, so inflection and clitics do not
//!    matter; phrases may have a gap ([`GAP_UNITS`] units, a mention or a quantity counting as
//!    one; `... ...` twice as many, for a long subject between a verb and its complement), the
//!    longest match wins, `block` phrases drop a match, an ambiguous verb's `object`
//!    class is checked («أطلق» + a count of people is a release, + a missile an attack), and a
//!    trigger inside an actor's name («مجلس التعاون») is none.
//! 2. **arguments** ([`args`]): from clause structure — VSO, SVO after أن/إن, the idafa agent of a
//!    verbal noun («إطلاق إيران 5»), the agent of a relative clause («العمليات التي شنها X»),
//!    recipients through the frame's prepositions and `obj`, both sides of a symmetric frame («بين X
//!    و Y», «اتفاق X و Y»), an attached pronoun resolved to the topic, and the subject carried
//!    over «عبر / من خلال / على», coordinated predicates and governed verbal nouns.
//!    Then across the triggers of a sentence or article (examples in `tests/events_args.rs`):
//!    coordinated triggers share sides, a casualty is told by the attack that caused it, a
//!    charge is the accused's act, a mediation is between the sides it brought together, a
//!    release is by its captor, truces between the sides that fought, a reaction's definite
//!    object names an act already told (and is to its doer: «انتقدت إثيوبيا الاتفاقية», «رحب
//!    بالخطوة»), «the two sides» («الطرفان», «البلدين» as subject or object) are the last
//!    two-sided act's, a verb's bare object of its own type («وقع … اتفاقا») is the same act, help
//!    as a manner adjunct («بدعم من X») is X's to the clause's actor, a protest «بدعوة من X» is X's
//!    and its «احتجاجا على» purpose the same act, an act restated after «مؤكدة أنها» is one act,
//!    and a purpose or result of an act of force («لتفريق», «ما أسفر عن مقتل») is that act.
//!    Within a clause: a coordinated double-object verb keeps the previous subject («وحملت
//!    الوزارة المسؤولية»), «لكنها» and «حيث» keep the sentence subject, an imperfect verb after an
//!    indefinite noun phrase is its («وفد عماني يتوسط»), a relative clause's governing verb is its
//!    antecedent's, a count before a direct object is a subject, and dated insertions
//!    («، الأحد 14 يناير،») are stepped over.
//! 3. **attach**: time, place and quantity nearest within the trigger's clause, with the time
//!    relation from «منذ / حتى / عقب / بعد / قبل» before the time; else the dateline's place.
//! 4. **attribution** and 5. **status** from `cues.toml` ([`cues`]); an unattributed event is the
//!    outlet's own voice; claims of responsibility name an attack's author.
//! 6. **discourse** ([`discourse`]): an act a request asks for is the asked one's, not the
//!    requester's (`demanded`); an agreement told without sides beside two-sided talks is
//!    between those who talked (`talked`); an act told as the means of an act of its type
//!    just before it («بخرق الهدنة عبر شن غارات») has its sides (`means`); a noun joined
//!    to a trigger that is part of another act is part of it too (`joined content`), and an
//!    attack governed by «وقف / إنهاء» is stopped, not done (`stopped`); a protest without
//!    sides is by whoever leads the protests told next to it (`same movement`); a reported
//!    speech act is its named source's (a statement's issuer included), state agents act for
//!    their state (the article's focus state when the text gives none), «المهاجمين» names the
//!    last attack's author, an event with no recipient answers whoever last acted on its actor,
//!    reacts to the last act, or else faces its actor's main counterpart in the article; a title
//!    event whose type the body tells (even by a trigger whose sides it could not find) is
//!    dropped, and a definite event noun retelling an earlier act («عمليات الترحيل») makes no new
//!    event; a noun joined by «و» right after a trigger of its type and sides («تمويلا
//!    وتدريبا») is the same act (`coordinated`).
//! 7. **confidence** ([`confidence`]) and **merge** ([`merge`]).

pub mod args;
pub mod cues;
pub mod discourse;
pub mod lexicon;

use crate::events::lexicon::{Elem, Head, Lexicon};
use rasad_doc::{Document, Event, EventSource, EventTime, Relation, SourceKind, Status, Trigger};
use rasad_text::{Analysis, TokenKind};

/// The largest gap of a discontinuous phrase, in units: a word, a linked mention, a quantity.
pub const GAP_UNITS: usize = 6;

/// A matched trigger.
#[derive(Debug, Clone)]
pub struct Match {
    /// Entry index.
    pub entry: u32,
    /// Head kind.
    pub head: Head,
    /// Tokens of the matched words.
    pub toks: Vec<usize>,
    /// Matched through a verb's verbal noun.
    pub masdar: bool,
}

impl Match {
    /// First token.
    pub fn start(&self) -> usize {
        self.toks[0]
    }
    /// One past the last matched token.
    pub fn end(&self) -> usize {
        self.toks[self.toks.len() - 1] + 1
    }
}

/// The analysed text with the document's layers indexed by token.
pub struct Ctx<'a> {
    pub a: &'a Analysis,
    pub doc: &'a Document,
    /// Lookup keys, flat; `kr[t]` is token `t`'s range.
    keys: Vec<String>,
    kr: Vec<(u32, u32)>,
    /// Sentence of each token.
    pub sent: Vec<u32>,
    /// Token ranges of sentences.
    pub sent_toks: Vec<(usize, usize)>,
    /// Linked mention starting at a token: (mention index, end token).
    pub mention_at: Vec<Option<(usize, usize)>>,
    /// Linked mention covering a token.
    pub in_mention: Vec<Option<usize>>,
    /// Quantity starting at a token.
    pub quantity_at: Vec<Option<(usize, usize)>>,
    /// Time starting at a token.
    pub time_at: Vec<Option<(usize, usize)>>,
    /// Place occurrences: (token, end token, place id).
    pub places: Vec<(usize, usize, String)>,
}

fn token_of(a: &Analysis, off: u32) -> usize {
    // the token containing or following code point `off`
    a.tokens.partition_point(|t| t.end <= off)
}

impl<'a> Ctx<'a> {
    /// Index `doc`'s layers over `a`'s tokens.
    pub fn new(a: &'a Analysis, doc: &'a Document) -> Ctx<'a> {
        let n = a.tokens.len();
        let mut keys = Vec::with_capacity(n * 3);
        let mut kr = Vec::with_capacity(n);
        for t in &a.tokens {
            let s = keys.len() as u32;
            if t.kind == TokenKind::Word {
                let tam = t.end > t.start && a.chars.get(t.end as usize - 1) == Some(&'ة');
                lexicon::word_keys(t.view(&a.view), &t.seg, tam, &mut keys);
            }
            kr.push((s, keys.len() as u32));
        }
        let mut sent = vec![0u32; n];
        let mut sent_toks = Vec::with_capacity(a.sentences.len());
        for (i, s) in a.sentences.iter().enumerate() {
            let ts = token_of(a, s.start);
            let te = a.tokens.partition_point(|t| t.start < s.end);
            for x in sent.iter_mut().take(te).skip(ts) {
                *x = i as u32;
            }
            sent_toks.push((ts, te.max(ts)));
        }
        let mut mention_at = vec![None; n];
        let mut in_mention = vec![None; n];
        for (i, m) in doc.mentions.iter().enumerate() {
            if m.entity.is_none() {
                continue;
            }
            let ts = token_of(a, m.start);
            let te = a.tokens.partition_point(|t| t.start < m.end).max(ts + 1);
            if ts < n && mention_at[ts].is_none() {
                mention_at[ts] = Some((i, te));
            }
            for x in in_mention.iter_mut().take(te.min(n)).skip(ts) {
                *x = Some(i);
            }
        }
        let span_at = |spans: &mut dyn Iterator<Item = (u32, u32)>| {
            let mut v = vec![None; n];
            for (i, (s, e)) in spans.enumerate() {
                let ts = token_of(a, s);
                let te = a.tokens.partition_point(|t| t.start < e).max(ts + 1);
                if ts < n && v[ts].is_none() {
                    v[ts] = Some((i, te));
                }
            }
            v
        };
        let quantity_at = span_at(&mut doc.quantities.iter().map(|q| (q.start, q.end)));
        let time_at = span_at(&mut doc.times.iter().map(|q| (q.start, q.end)));
        let mut ctx = Ctx {
            a,
            doc,
            keys,
            kr,
            sent,
            sent_toks,
            mention_at,
            in_mention,
            quantity_at,
            time_at,
            places: Vec::new(),
        };
        ctx.places = ctx.find_places();
        ctx
    }

    /// Token `t`'s lookup keys.
    pub fn keys(&self, t: usize) -> &[String] {
        let (s, e) = self.kr[t];
        &self.keys[s as usize..e as usize]
    }

    /// Token `t` has key `k`.
    pub fn is(&self, t: usize, k: &str) -> bool {
        t < self.kr.len() && self.keys(t).iter().any(|x| x == k)
    }

    /// `sports story` ([`discourse::sports_story`]) over the article's words.
    fn sports_story(&self) -> bool {
        discourse::sports_story(
            (0..self.a.tokens.len())
                .filter(|&t| self.a.tokens[t].kind == TokenKind::Word)
                .map(|t| self.keys(t)),
        )
    }

    /// Token `t` as written (before folding) contains `w`.
    fn original_has(&self, t: usize, w: &[char]) -> bool {
        let tok = &self.a.tokens[t];
        let end = (tok.end as usize).min(self.a.chars.len());
        let start = (tok.start as usize).min(end);
        self.a.chars[start..end].windows(w.len()).any(|x| x == w)
    }

    /// Token `t`'s view form.
    pub fn word(&self, t: usize) -> String {
        self.a.tokens[t].view(&self.a.view).iter().collect()
    }

    /// Token `t`'s view form without its conjunction («وقع» stays, «والطرفان» → «الطرفان»; no
    /// allocation).
    pub fn bare(&self, t: usize) -> &[char] {
        let tok = &self.a.tokens[t];
        let v = tok.view(&self.a.view);
        if tok.seg.conj.is_some() && !v.is_empty() {
            &v[1..]
        } else {
            v
        }
    }

    /// Token `t`'s view form is `w` (no allocation).
    pub fn word_is(&self, t: usize, w: &str) -> bool {
        self.a.tokens[t]
            .view(&self.a.view)
            .iter()
            .copied()
            .eq(w.chars())
    }

    /// Token `t` is punctuation that ends a clause.
    pub fn is_break(&self, t: usize) -> bool {
        let tok = &self.a.tokens[t];
        if tok.kind != TokenKind::Punct {
            return false;
        }
        let c = self.a.view.chars[tok.nstart as usize];
        matches!(
            c,
            '.' | '،' | ',' | '؛' | ';' | ':' | '!' | '?' | '؟' | '(' | ')'
        )
    }

    fn find_places(&self) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        for (t, m) in self.mention_at.iter().enumerate() {
            if let Some((mi, te)) = m {
                let id = self.doc.mentions[*mi].entity.as_deref().unwrap_or("");
                if self.doc.places.iter().any(|p| p.id == id) {
                    out.push((t, *te, id.to_string()));
                }
            }
        }
        let mut by_first: rustc_hash::FxHashMap<String, Vec<(usize, Vec<String>)>> =
            Default::default();
        for (pi, p) in self.doc.places.iter().enumerate() {
            let Some(ar) = p.name.ar.as_deref() else {
                continue;
            };
            let words: Vec<String> = rasad_text::normalize_key(ar)
                .split_whitespace()
                .map(str::to_string)
                .collect();
            let Some(w0) = words.first() else {
                continue;
            };
            let bare = w0.strip_prefix("ال").unwrap_or(w0).to_string();
            by_first
                .entry(w0.clone())
                .or_default()
                .push((pi, words.clone()));
            if bare != *w0 {
                by_first.entry(bare).or_default().push((pi, words.clone()));
            }
        }
        if by_first.is_empty() {
            out.sort();
            return out;
        }
        for t in 0..self.a.tokens.len() {
            let mut cands: Vec<&(usize, Vec<String>)> = Vec::new();
            for k in self.keys(t) {
                if let Some(v) = by_first.get(k) {
                    cands.extend(v.iter());
                }
            }
            for (pi, words) in cands {
                let p = &self.doc.places[*pi];
                if t + words.len() > self.a.tokens.len() {
                    continue;
                }
                let ok = words.iter().enumerate().all(|(i, w)| {
                    self.is(t + i, w) || self.is(t + i, w.strip_prefix("ال").unwrap_or(w))
                });
                if ok && !out.iter().any(|(s, _, _)| *s == t) {
                    out.push((t, t + words.len(), p.id.to_string()));
                }
            }
        }
        out.sort();
        out
    }
}

const PROJECTILE: &[&str] = &[
    "صاروخ",
    "صواريخ",
    "صاروخا",
    "قذيفه",
    "قذائف",
    "قذيفتين",
    "مسيره",
    "مسيرات",
    "طائره",
    "طائرات",
    "قنبله",
    "قنابل",
    "رصاص",
    "رصاصه",
    "النار",
    "نار",
    "هاون",
    "مقذوفات",
    // «إطلاق رشقة صاروخية», «رشقات من الصواريخ»
    "رشقه",
    "رشقات",
    "صاروخيه",
];
/// The documents of an agreement (`object = "agreement"`): «وقع» without one is «توقع» (expected)
/// or «وقع» (happened).
const AGREEMENT: &[&str] = &[
    "اتفاق",
    "اتفاقا",
    "اتفاقات",
    "اتفاقيه",
    "اتفاقيات",
    "مذكره",
    "مذكرات",
    "معاهده",
    "معاهدات",
    "بروتوكول",
    "ميثاق",
    "وثيقه",
    "صفقه",
    "صفقات",
    "هدنه",
    "اعلان",
    "تفاهم",
];
const PERSON: &[&str] = &[
    "سراح",
    "معتقل",
    "معتقلين",
    "معتقلا",
    "اسير",
    "اسري",
    "اسرى",
    "سجين",
    "سجناء",
    "محتجز",
    "محتجزين",
    "رهينه",
    "رهائن",
    "قيادات",
    "قياديا",
    "عناصر",
    "مسلحين",
    "مسلحا",
    "ناشط",
    "ناشطين",
    "صحفي",
    "صحفيين",
    "مواطن",
    "مواطنين",
    "موقوفين",
    "اشخاص",
    "شخصا",
    "جنود",
    "جنديا",
];

/// «أبعاد» as written: the plural of «بعد» (dimension), not the verbal noun «إبعاد».
const DIMENSIONS: [char; 5] = ['أ', 'ب', 'ع', 'ا', 'د'];

impl Ctx<'_> {
    fn any_key_in(&self, from: usize, to: usize, list: &[&str]) -> bool {
        (from..to.min(self.a.tokens.len())).any(|t| list.iter().any(|w| self.is(t, w)))
    }

    /// The `object` class check of an ambiguous sense, over the words after the trigger.
    fn object_ok(&self, class: &str, m: &Match) -> bool {
        let e = m.end();
        let se = self.sent_toks[self.sent[m.start()] as usize].1;
        let to = (e + 5).min(se);
        match class {
            "projectile" => self.any_key_in(e, to, PROJECTILE),
            // the document may follow a long subject («وقع ممثلون عن الجيش وقوات الدعم السريع، مساء
            // السبت، في جدة، اتفاقا»): the rest of the sentence, at most 16 words
            "agreement" => self.any_key_in(e, (e + 16).min(se), AGREEMENT),
            "person" => {
                !self.any_key_in(e, to, PROJECTILE)
                    && (self.any_key_in(e, to, PERSON)
                        || (e..to).any(|t| self.quantity_at[t].is_some()))
            }
            _ => true,
        }
    }

    /// A block phrase covers the match's head token.
    fn blocked(&self, block: &[Vec<String>], head: usize) -> bool {
        self.blocked_for(block, head, None)
    }

    /// [`Self::blocked`]; with `entry` = (lexicon, entry id), the word of a block of two or more
    /// words at the head's place, when it is the entry's lemma word or one of its verbal nouns,
    /// matches any form of it («هدد استقرار» blocks «يهدد استقرار», «إعادة النظر» «تعيد النظر»). A word written with the article also matches without it («تحت السيطرة» / «تحت
    /// سيطرة»), except in a one-word block, which needs the article («الداعية» blocks the
    /// preacher, not «داعية» = calling).
    fn blocked_for(
        &self,
        block: &[Vec<String>],
        head: usize,
        entry: Option<(&Lexicon, u32)>,
    ) -> bool {
        let n = self.a.tokens.len();
        // the block word is the entry's lemma (its first word) or one of its verbal nouns, with
        // or without the article
        let own = |w: &str| {
            entry.is_some_and(|(lex, id)| {
                let e = &lex.entries[id as usize];
                let bare = w.strip_prefix("ال").unwrap_or(w);
                e.head_key == w || e.head_key == bare || e.masdar_keys.iter().any(|m| m == bare)
            })
        };
        block.iter().any(|b| {
            if b.iter().any(|w| w == "...") {
                return self.gapped_block(b, head, &own);
            }
            let one = b.len() == 1;
            (head.saturating_sub(b.len().saturating_sub(1))..=head).any(|s| {
                s + b.len() <= n
                    && b.iter().enumerate().all(|(i, w)| {
                        self.is(s + i, w)
                            || w.strip_prefix("ال").is_some_and(|x| {
                                (!one || self.a.tokens[s + i].seg.article) && self.is(s + i, x)
                            })
                            || self.word_is(s + i, w)
                            || (!one && s + i == head && own(w))
                    })
            })
        })
    }

    /// Token `t` is counted: right after a number or inside a quantity («41 متهما»).
    fn counted(&self, t: usize) -> bool {
        t > 0
            && (self.a.tokens[t - 1].kind == TokenKind::Number
                || (t.saturating_sub(3)..t)
                    .any(|s| self.quantity_at[s].is_some_and(|(_, e)| e > t)))
    }

    /// A block with a gap («احتل ... المرتبة»): its first word is the head (any form of the
    /// entry's word), each `...` stands for at most [`lexicon::GAP`] words of the same clause.
    fn gapped_block(&self, b: &[String], head: usize, own: &dyn Fn(&str) -> bool) -> bool {
        let Some(w0) = b.first() else {
            return false;
        };
        if !(own(w0) || self.is(head, w0)) {
            return false;
        }
        let n = self.a.tokens.len();
        let mut t = head + 1;
        let mut gap = false;
        for w in &b[1..] {
            if w == "..." {
                gap = true;
                continue;
            }
            let reach = if gap { lexicon::GAP + 1 } else { 1 };
            let mut found = None;
            for u in t..(t + reach).min(n) {
                if self.sent[u] != self.sent[head] || self.is_break(u) {
                    break;
                }
                if self.is(u, w) || self.word_is(u, w) {
                    found = Some(u);
                    break;
                }
            }
            match found {
                Some(u) => t = u + 1,
                None => return false,
            }
            gap = false;
        }
        true
    }

    /// Try `rest` from token `t` (after the first word); returns the matched tokens.
    fn match_rest(&self, rest: &[Elem], t: usize, out: &mut Vec<usize>) -> bool {
        let Some(el) = rest.first() else {
            return true;
        };
        let n = self.a.tokens.len();
        match el {
            Elem::Word(set) => {
                if t < n && self.keys(t).iter().any(|k| set.contains(k.as_str())) {
                    out.push(t);
                    if self.match_rest(&rest[1..], t + 1, out) {
                        return true;
                    }
                    out.pop();
                }
                false
            }
            Elem::Gap(width) => {
                let s = self.sent[t.min(n - 1)];
                let mut u = t;
                let mut units = 0;
                loop {
                    if self.match_rest(&rest[1..], u, out) {
                        return true;
                    }
                    // a comma-delimited time insertion («دفع الجيش، الأربعاء 27 نوفمبر، بتعزيزات»)
                    // is no part of the gap
                    if u < n && self.sent[u] == s {
                        if let Some(e) = self.insertion_end(u) {
                            u = e;
                            continue;
                        }
                    }
                    if u >= n
                        || self.sent[u] != s
                        || self.is_break(u)
                        || units >= GAP_UNITS * usize::from(*width)
                    {
                        return false;
                    }
                    if ["ثم", "الذي", "التي", "الذين"]
                        .iter()
                        .any(|w| self.word_is(u, w))
                    {
                        return false;
                    }
                    u = if let Some((_, e)) = self.mention_at[u] {
                        e
                    } else if let Some((_, e)) = self.quantity_at[u] {
                        // the counted noun is inside the quantity («شن 15 غارة»)
                        for v in u + 1..e {
                            if self.match_rest(&rest[1..], v, out) {
                                return true;
                            }
                        }
                        e
                    } else {
                        u + 1
                    };
                    units += 1;
                }
            }
        }
    }

    /// [`Self::match_rest`] for the cue matcher.
    pub(crate) fn match_rest_pub(&self, rest: &[Elem], t: usize, out: &mut Vec<usize>) -> bool {
        self.match_rest(rest, t, out)
    }

    /// [`Self::blocked`] for the cue matcher.
    pub(crate) fn blocked_pub(&self, block: &[Vec<String>], head: usize) -> bool {
        self.blocked(block, head)
    }

    /// Whether the word before `t` is a noun in construct opened by a preposition: «بوقف»,
    /// «لتعزيز» (a preposition clitic, no article, no pronoun, a stem of three letters or more
    /// that is no demonstrative: «لذلك» opens no construct).
    fn construct_before(&self, t: usize) -> bool {
        let p = &self.a.tokens[t - 1];
        let prep = matches!(
            p.seg.prep,
            Some(rasad_text::clitics::Prep::Bi | rasad_text::clitics::Prep::Li)
        );
        prep && p.kind == rasad_text::TokenKind::Word
            && !p.seg.article
            && p.seg.pron.is_none()
            && self.in_mention[t - 1].is_none()
            && {
                // (the view form still holds the preposition: «بوقف» is four letters)
                let w = self.bare(t - 1);
                w.len() >= 4
                    && !matches!(&w[1..], ['ذ', 'ل', 'ك'] | ['ه', 'ذ', 'ا'] | ['ه', 'ذ', 'ه'])
            }
    }

    /// Token `t` follows a preposition written as a word that takes no verb after it («عن»,
    /// «على», «إلى»; not «بعد / منذ», which may: «منذ بدأت الحرب»).
    fn after_word_prep(&self, t: usize) -> bool {
        const PREPS: &[&str] = &[
            "عن", "علي", "الي", "في", "من", "مع", "ضد", "خلال", "عبر", "حول", "لدي", "دون",
        ];
        let p = &self.a.tokens[t - 1];
        p.kind == TokenKind::Word
            && p.seg.conj.is_none()
            && PREPS.iter().any(|w| self.word_is(t - 1, w))
    }

    /// All trigger matches, longest first, without overlaps, in text order.
    pub fn matches(&self, lex: &Lexicon) -> Vec<Match> {
        let mut cands: Vec<Match> = Vec::new();
        let mut toks = Vec::new();
        for t in 0..self.a.tokens.len() {
            if self.in_mention[t].is_some() {
                continue;
            }
            let mut seen: Vec<u32> = Vec::new();
            for k in self.keys(t) {
                let Some(ids) = lex.triggers.first.get(k.as_str()) else {
                    continue;
                };
                for &pid in ids {
                    if seen.contains(&pid) || lex.triggers.is_weak(k, pid) {
                        continue;
                    }
                    seen.push(pid);
                    let p = &lex.triggers.patterns[pid as usize];
                    // with the article or a preposition the word is a noun, not a verb (nor a
                    // circumstantial participle)
                    // (the future «سـ» is no preposition: «ستسمح»)
                    let tok = &self.a.tokens[t];
                    let seg = &tok.seg;
                    let prep = seg.prep.is_some_and(|p| p != rasad_text::clitics::Prep::Sa);
                    if (p.head == Head::Verb || p.bare) && (seg.article || prep) {
                        continue;
                    }
                    // a word after a noun in construct that carries a preposition («بوقف
                    // دعمه», «لتعزيز دعمها») is that noun's genitive, no verb
                    if p.head == Head::Verb && t > 0 && self.construct_before(t) {
                        continue;
                    }
                    // nor is a word right after a preposition written apart («أسفرت عن ضبط
                    // أسلحة»: the verbal noun)
                    if p.head == Head::Verb && t > 0 && self.after_word_prep(t) {
                        continue;
                    }
                    // a counted participle is a noun: «أحالت 41 متهما» (defendants)
                    if p.bare && self.counted(t) {
                        continue;
                    }
                    // a word written with a final ta marbuta is no verb («مدة» is not «مده»)
                    if p.head == Head::Verb
                        && tok.end > tok.start
                        && self.a.chars.get(tok.end as usize - 1) == Some(&'ة')
                    {
                        continue;
                    }
                    toks.clear();
                    toks.push(t);
                    if !self.match_rest(&p.rest, t + 1, &mut toks) {
                        continue;
                    }
                    let m = Match {
                        entry: p.target,
                        head: p.head,
                        toks: toks.clone(),
                        masdar: p.masdar,
                    };
                    let e = &lex.entries[p.target as usize];
                    if self.blocked_for(&e.block, t, Some((lex, p.target))) {
                        continue;
                    }
                    // `hamza sense`: «أبعاد» (dimensions, hamza above) is not «إبعاد»
                    // (deportation), which the folded view spells alike
                    if p.masdar && e.lemma == "أبعد" && self.original_has(t, &DIMENSIONS) {
                        continue;
                    }
                    // an ambiguous word's sense is told by its object; the closed classes
                    // (projectile, agreement) are checked for every entry that asks for one
                    // («اعترض قاربا» is no interception, «توقعوا» no signing)
                    if let Some(o) = &e.object {
                        let closed = o == "projectile" || o == "agreement";
                        if (lex.ambiguous(p.target) || closed) && !self.object_ok(o, &m) {
                            continue;
                        }
                    }
                    cands.push(m);
                }
            }
        }
        // longest first, then the earlier start, then the lexicon's order
        cands.sort_by(|x, y| {
            y.toks
                .len()
                .cmp(&x.toks.len())
                .then(x.start().cmp(&y.start()))
                .then(x.masdar.cmp(&y.masdar))
                .then(x.entry.cmp(&y.entry))
        });
        let mut used = vec![false; self.a.tokens.len()];
        let mut out = Vec::new();
        for m in cands {
            if m.toks.iter().any(|&t| used[t]) {
                continue;
            }
            m.toks.iter().for_each(|&t| used[t] = true);
            out.push(m);
        }
        out.sort_by_key(|m| m.start());
        // rule `with`: a verbal noun that is the previous trigger's `with` argument («مده
        // بالدعم», «هدد بالرد») is part of it, not an event of its own
        let lex_entries = &lex.entries;
        let mut kept: Vec<Match> = Vec::with_capacity(out.len());
        for m in out {
            if let Some(p) = kept.last() {
                let pe = &lex_entries[p.entry as usize];
                let tok = &self.a.tokens[m.start()];
                let clitic = tok.seg.prep.map(|x| x.as_str());
                if m.start() <= p.end() + 1
                    && clitic.is_some_and(|c| pe.frame.with.iter().any(|w| w == c))
                {
                    continue;
                }
            }
            kept.push(m);
        }
        kept
    }

    /// A generic class of actor («مسلحون», «متشددون»): no country and no Wikidata item.
    pub fn generic(&self, mention: usize) -> bool {
        let Some(id) = self.doc.mentions[mention].entity.as_deref() else {
            return true;
        };
        self.generic_id(id)
    }

    /// The entity `id` is a generic class of actor.
    pub fn generic_id(&self, id: &str) -> bool {
        generic_entity(self.doc, id)
    }
}

/// The CAMEO code of mediation (045): a mediation is no side of what it brings about, and no act
/// on its sides to answer.
pub(crate) const MEDIATION: &str = "045";

/// Entity `id` of `doc` is a generic class of actor (or unknown): no country and no Wikidata item.
pub fn generic_entity(doc: &Document, id: &str) -> bool {
    doc.entities
        .iter()
        .find(|e| e.id == id)
        .is_none_or(|e| e.country.is_none() && e.wikidata.is_none())
}

/// Extract the events of a document whose mentions, places, times and quantities are filled.
pub fn extract(a: &Analysis, doc: &Document) -> Vec<Event> {
    let lex = Lexicon::global();
    let cx = Ctx::new(a, doc);
    let matches = cx.matches(lex);
    let mut found = args::arguments(&cx, lex, &matches);
    let (frames, claimed) = cues::frames(&cx, lex, &matches);
    discourse::reporter(&cx, lex, &matches, &mut found, &frames);
    discourse::demanded(&cx, lex, &matches, &mut found);
    discourse::requested_by(&cx, lex, &matches, &mut found);
    discourse::gap_actor(&cx, lex, &matches, &mut found);
    discourse::purpose(&cx, lex, &matches, &mut found);
    discourse::talked(lex, &cx, &matches, &mut found);
    discourse::means(lex, &cx, &matches, &mut found);
    discourse::joined_content(&cx, &matches, &mut found);
    discourse::joined_sides(&cx, &matches, &mut found);
    discourse::stopped(&cx, lex, &matches, &mut found);
    discourse::same_movement(&cx, lex, &matches, &mut found);
    cues::claims(&cx, lex, &matches, &mut found, &claimed);
    let mut events = Vec::new();
    // each event's trigger start, lemma, and whether it is a definite event noun («الهجوم»,
    // «عمليات الترحيل»: a candidate retelling)
    let mut tellings: Vec<discourse::Telling> = Vec::new();
    // the last match that made an event, and that event's index
    let mut last: Option<(usize, usize)> = None;
    for (i, (m, ar)) in matches.iter().zip(&found).enumerate() {
        let e = &lex.entries[m.entry as usize];
        let s = cx.sent[m.start()] as usize;
        if ar.absorbed || (ar.actor.is_empty() && ar.recipient.is_empty()) {
            continue;
        }
        // a result or weapon noun makes an event only when its sentence has no other; a weak
        // verb or participle («أعلن المحافظ إقالة مدير …، وتعهد بتشغيل محطتين») only when its
        // sentence has no other trigger of its type
        if !e.standalone
            && matches.iter().enumerate().any(|(j, o)| {
                j != i
                    && cx.sent[o.start()] as usize == s
                    && (!e.weak_verb || lex.entries[o.entry as usize].ty == e.ty)
            })
        {
            continue;
        }
        let f = &frames[i];
        let start = a.tokens[m.start()].start;
        let end = a.tokens[m.end() - 1].end;
        let time = ar.time.map(|(ti, rel)| {
            let t = &doc.times[ti];
            EventTime {
                reference: Some(ti as u32),
                value: t.value.clone(),
                grain: t.grain,
                modifier: t.modifier,
                relation: rel,
            }
        });
        let mut ev = Event {
            id: String::new(),
            event_type: e.ty,
            mode: e.mode.clone(),
            context: e.context.clone(),
            cameo: Some(e.cameo.clone()),
            trigger: Trigger {
                start,
                end,
                text: a.slice(start, end),
            },
            sentence: s as u32,
            actor: ar.actor.clone(),
            recipient: ar.recipient.clone(),
            place: ar.place.clone(),
            time,
            quantity: ar.quantity.map(|q| q as u32),
            // the article's own voice when no one is quoted (spec: `outlet`)
            source: Some(f.source.clone().unwrap_or_else(|| EventSource {
                kind: SourceKind::Outlet,
                text: doc.source.outlet.clone(),
                entity: None,
            })),
            status: f.status,
            confidence: 0.0,
        };
        ev.confidence = confidence(&ev, m.head);
        // (not after a partitive «من»: «محطات كثيرة من التعاون» counts instances)
        // («عمليات النهب»: a noun of operations in construct with a definite act noun)
        let operations = m.toks.len() >= 2
            && ["عمليات", "عمليه", "عملية"]
                .iter()
                .any(|w| cx.bare(m.start()).iter().copied().eq(w.chars()))
            && a.tokens[m.toks[1]].seg.article;
        let definite = m.head == Head::Noun
            && (a.tokens[m.start()].seg.article || operations)
            && !(m.start() > 0 && cx.word_is(m.start() - 1, "من"));
        // `coordinated`: a noun joined by «و» right after the previous trigger, of its type and
        // with its sides («تمويلا وتدريبا لخفر السواحل»), names the same act a second time —
        // two bare nouns sharing one complement; nouns or phrases with complements of their own
        // are two acts («فتح الطرق وانسحاب القوات»)
        let prev = last.take();
        if m.head == Head::Noun
            && a.tokens[m.start()].seg.conj == Some(rasad_text::clitics::Conj::Wa)
        {
            if let Some((k, ei)) = prev {
                let p: &Event = &events[ei];
                let pm: &Match = &matches[k];
                if pm.end() == m.start()
                    && pm.head == Head::Noun
                    && pm.toks.len() == 1
                    && m.toks.len() == 1
                    && p.event_type == ev.event_type
                    && p.actor == ev.actor
                    && p.recipient == ev.recipient
                {
                    last = prev;
                    continue;
                }
            }
        }
        last = Some((i, events.len()));
        tellings.push(discourse::Telling {
            start,
            lemma: e.lemma.as_str(),
            head: e.head_key.as_str(),
            definite,
        });
        events.push(ev);
    }
    let focus = discourse::focus_country(doc);
    discourse::national(doc, focus.as_deref(), &mut events);
    discourse::witnesses(&mut events);
    discourse::perpetrators(doc, &mut events);
    discourse::counterparts(doc, focus.as_deref(), &mut events);
    discourse::commentators(&mut events);
    discourse::monitors(&mut events);
    discourse::civil_only(&mut events);
    if !events.is_empty() && cx.sports_story() {
        discourse::sports_events(&mut events);
    }
    let title = doc.title.as_ref().and_then(|sp| {
        doc.sentences
            .iter()
            .position(|s| s.start == sp.start)
            .map(|i| i as u32)
    });
    // the body's triggers that made no event still tell their type (`headline`)
    let told: Vec<rasad_doc::EventType> = matches
        .iter()
        .zip(&found)
        .filter(|(m, ar)| !ar.absorbed && Some(cx.sent[m.start()]) != title)
        .map(|(m, _)| lex.entries[m.entry as usize].ty)
        .collect();
    let events = discourse::headline(events, title, &told);
    let events = discourse::retold(doc, events, &tellings);
    let mut events = merge(events);
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    events
}

/// Confidence: 0.4, + 0.25 with a known actor, + 0.15 with a known recipient, + 0.1 for a finite
/// verb trigger, + 0.1 with a time or place; × 0.8 when hedged; at most 0.95.
pub fn confidence(e: &Event, head: Head) -> f32 {
    let mut c = 0.4;
    if !e.actor.is_empty() {
        c += 0.25;
    }
    if !e.recipient.is_empty() {
        c += 0.15;
    }
    if head == Head::Verb {
        c += 0.1;
    }
    if e.time.is_some() || e.place.is_some() {
        c += 0.1;
    }
    if e.status == Status::Hedged {
        c *= 0.8;
    }
    f32::min(c, 0.95)
}

/// Merge the same interaction told twice: same type (and mode, when the later telling names one: a
/// sit-in after a protest told without its kind is an act of its own), same sides,
/// in different sentences, the first telling dated or placed, and the later one with the same
/// time and place or none of its own (a retelling without a date is the dated act) (two triggers
/// of one sentence — «الهجوم على المقرات ... وقتله عددا من أفراد الأمن» — are two acts). The
/// first telling is kept (its sentence is the evidence).
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events {
        let same = out.iter_mut().find(|o| {
            o.event_type == e.event_type
                // (two named modes that differ are two acts: an arrest and a seizure of arms; a
                // later named mode is more than an earlier act without one retold)
                && (e.mode.is_none() || o.mode == e.mode)
                && o.sentence != e.sentence
                && !e.actor.is_empty()
                && o.actor == e.actor
                && o.recipient == e.recipient
                && (o.place == e.place || e.place.is_none())
                // a later telling without a date of its own retells the dated one
                && (e.time.is_none()
                    || o.time.as_ref().map(|t| (&t.value, t.relation))
                        == e.time.as_ref().map(|t| (&t.value, t.relation)))
                && (o.place.is_some() || o.time.is_some())
        });
        match same {
            Some(o) => o.confidence = f32::min(0.95, o.confidence + 0.05),
            None => out.push(e),
        }
    }
    out
}

/// The relation of an event to a time from the words just before the time.
pub fn relation(cx: &Ctx, time_tok: usize) -> Relation {
    let s = cx.sent_toks[cx.sent[time_tok] as usize].0;
    // the time's own first word («منذ عام 2016» may be one time) and three words before it
    for t in (s..=time_tok).rev().take(4) {
        if cx.is_break(t) {
            break;
        }
        for (k, r) in [
            ("منذ", Relation::Since),
            ("حتي", Relation::Until),
            ("عقب", Relation::After),
            ("بعد", Relation::After),
            ("اثر", Relation::After),
            ("قبل", Relation::Before),
        ] {
            if cx.is(t, k) {
                return r;
            }
        }
    }
    Relation::On
}
