//! The trigger lexicon (`data/triggers/*.toml`) and the cues (`cues.toml`), compiled once into a
//! word-key matcher.
//!
//! Rules, each with its tests below:
//! - **verb inflection** ([`verb_forms`]): a verb lemma gives its perfect with the person suffixes
//!   (ت ا وا ن نا تم تا تن), its imperfect with the prefixes ي ت ن أ (and سـ) on the perfect's stem,
//!   a leading alef dropped (forms IV, VII, VIII, X: أفرج → يفرج, اعتقل → يعتقل), with the suffixes
//!   ون ان ين ن وا. The passive is the same letters in the unvocalised view.
//! - **noun inflection** ([`noun_forms`]): a verbal noun or noun gives its accusative (هجوما), sound
//!   feminine plural and dual (غارة → غارات، غارتين), sound masculine plural and dual.
//! - **token keys** ([`token_keys`]): a token is looked up by its view form, its stem (proclitics
//!   and pronoun off, from the text layer's segmentation) and its form without an object pronoun
//!   (وقتله → قتل، للإفراج → افراج، ومده → مد), so clitics never matter.
//! - **phrases**: `...` is a gap of at most [`GAP`] words that does not cross a clause boundary; a
//!   phrase's `forms` that resemble its first word inflect it (شنت), the others fill its last slot
//!   (مقرا for «فتح ... مركزا»); a multi-word form that begins with the head («تبادل أسرى») or
//!   belongs to a phrase without a gap («اتفاق هدنة») is an alternative phrase of its own, any
//!   other fills the part after the last gap («استدعى ... سفير» + «القائم بالأعمال»).
//! - **participles** ([`participle_forms`]): a verb of forms III–X (a lemma of four letters or
//!   more) gives its circumstantial active participle, indefinite and bare: «اتهم» → «متهما،
//!   متهمة», «طالب» → «مطالبا»; three-letter lemmas (forms I and II) write theirs in `forms`.
//! - **written forms first** ([`Index::weak`]): a word that one entry writes out (its lemma, a
//!   masdar, a form) is not another entry's derived inflection («توعد» is THREATEN's lemma, not
//!   AGREE «وعد» + ت).

use rasad_doc::EventType;
use rasad_text::normalize_key;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::sync::OnceLock;

/// The largest gap `...` stands for, in words.
pub const GAP: usize = 4;

const FILES: &[&str] = &[
    include_str!("../../../../data/triggers/agree.toml"),
    include_str!("../../../../data/triggers/consult.toml"),
    include_str!("../../../../data/triggers/support.toml"),
    include_str!("../../../../data/triggers/cooperate.toml"),
    include_str!("../../../../data/triggers/aid.toml"),
    include_str!("../../../../data/triggers/concede.toml"),
    include_str!("../../../../data/triggers/retreat.toml"),
    include_str!("../../../../data/triggers/request.toml"),
    include_str!("../../../../data/triggers/accuse.toml"),
    include_str!("../../../../data/triggers/reject.toml"),
    include_str!("../../../../data/triggers/threaten.toml"),
    include_str!("../../../../data/triggers/protest.toml"),
    include_str!("../../../../data/triggers/mobilize.toml"),
    include_str!("../../../../data/triggers/sanction.toml"),
    include_str!("../../../../data/triggers/coerce.toml"),
    include_str!("../../../../data/triggers/assault.toml"),
];
const CUES: &str = include_str!("../../../../data/triggers/cues.toml");

#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    trigger: Vec<RawEntry>,
}

#[derive(Deserialize)]
struct RawEntry {
    lemma: String,
    pos: String,
    #[serde(rename = "type")]
    ty: String,
    mode: Option<String>,
    context: Option<String>,
    cameo: String,
    #[serde(default)]
    masdar: Vec<String>,
    #[serde(default)]
    forms: Vec<String>,
    object: Option<String>,
    #[serde(default)]
    frame: Frame,
    #[serde(default)]
    block: Vec<String>,
    standalone: Option<bool>,
}

/// The argument slots a trigger's prepositions carry (`frame` in the lexicon).
#[derive(Deserialize, Default, Debug, Clone)]
pub struct Frame {
    /// Prepositions of the recipient; `obj` is the direct object / genitive complement.
    #[serde(default)]
    pub recipient: Vec<String>,
    /// Prepositions of the actor of a passive or participle.
    #[serde(default)]
    pub actor: Vec<String>,
    /// Theme or instrument.
    #[serde(default)]
    pub with: Vec<String>,
    /// Topic.
    #[serde(default)]
    pub about: Vec<String>,
    /// The two sides act together or against each other.
    #[serde(default)]
    pub symmetric: bool,
}

#[derive(Deserialize)]
struct RawCues {
    cue: Vec<RawCue>,
}

#[derive(Deserialize)]
struct RawCue {
    cue: String,
    role: String,
    source: Option<String>,
    relation: Option<String>,
    #[serde(default)]
    forms: Vec<String>,
    #[serde(default)]
    block: Vec<String>,
}

/// How the head word of a match stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    /// A finite verb.
    Verb,
    /// A verbal noun or event noun.
    Noun,
    /// A participle.
    Participle,
}

/// One trigger entry.
#[derive(Debug)]
pub struct Entry {
    /// PLOVER type.
    pub ty: EventType,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// PLOVER context.
    pub context: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// The argument frame.
    pub frame: Frame,
    /// The object class this sense needs.
    pub object: Option<String>,
    /// Phrases (word keys) in which the trigger is not this event.
    pub block: Vec<Vec<String>>,
    /// False for result and weapon nouns.
    pub standalone: bool,
    /// A verb or participle that is not standalone («أقال», «مدعوم»): weak evidence of its own
    /// type, which gives way only to another trigger of that type.
    pub weak_verb: bool,
    /// The lemma as written.
    pub lemma: String,
    /// The lemma's first word, normalised (a block word equal to it stands for any form).
    pub head_key: String,
    /// The verbal nouns, normalised: a block word equal to one, with or without the article,
    /// stands for any form as well («إعادة النظر» blocks «تعيد النظر», «البحث عن» «تبحث عن»).
    pub masdar_keys: Vec<String>,
}

/// What a cue does (`role` in cues.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Reporting,
    Continuation,
    Anonymous,
    Document,
    Negation,
    Hedge,
    Planned,
    Threat,
    Background,
    Claim,
    Foiled,
}

/// One cue.
#[derive(Debug)]
pub struct Cue {
    /// Role.
    pub role: Role,
    /// The source kind it fixes.
    pub source: Option<String>,
    /// Time relation (background cues).
    pub relation: Option<String>,
    /// Block phrases.
    pub block: Vec<Vec<String>>,
    /// The cue as written.
    pub text: String,
}

/// One element of a compiled pattern.
#[derive(Debug)]
pub enum Elem {
    /// A word: any of these keys.
    Word(FxHashSet<Box<str>>),
    /// A gap of at most this many times [`GAP`] words (`...` once, `... ...` twice: a long subject
    /// between a verb and its complement, «توصل ... ... إلى اتفاق»).
    Gap(u8),
}

/// A compiled pattern: a trigger entry or a cue, with its head kind.
#[derive(Debug)]
pub struct Pattern {
    /// Index of the entry (or the cue).
    pub target: u32,
    /// How the first word stands.
    pub head: Head,
    /// Elements after the first word.
    pub rest: Vec<Elem>,
    /// Number of words (for longest-match).
    pub words: usize,
    /// The first word is a verb's verbal noun (a noun entry of the same word is preferred).
    pub masdar: bool,
    /// The first word must carry neither the article nor a preposition (a derived participle).
    pub bare: bool,
}

/// A key → pattern index over first words.
#[derive(Debug, Default)]
pub struct Index {
    /// The patterns.
    pub patterns: Vec<Pattern>,
    /// First-word key → pattern ids.
    pub first: FxHashMap<Box<str>, Vec<u32>>,
    /// First-word key → the one-word patterns that reach it only by an inflection the matcher
    /// derived while another entry's one-word pattern writes it out: these do not match it.
    pub weak: FxHashMap<Box<str>, Vec<u32>>,
    /// The written (not derived) first-word keys of each pattern, while compiling.
    own: Vec<Vec<String>>,
}

impl Index {
    /// [`Self::add`] with the keys the entry writes out (the others are derived inflections).
    fn add_own(
        &mut self,
        target: u32,
        head: Head,
        words: Vec<Vec<String>>,
        gaps: Vec<u8>,
        own: Vec<String>,
    ) -> u32 {
        let id = self.patterns.len() as u32;
        self.add(target, head, words, gaps);
        self.own.resize(id as usize, Vec::new());
        self.own.push(own);
        id
    }

    /// Fill [`Self::weak`] once every entry is added.
    fn finish(&mut self) {
        self.own.resize(self.patterns.len(), Vec::new());
        let mut weak: FxHashMap<Box<str>, Vec<u32>> = FxHashMap::default();
        for (k, ids) in &self.first {
            let single = |p: &u32| self.patterns[*p as usize].rest.is_empty();
            let owns = |p: &u32| self.own[*p as usize].iter().any(|o| **o == **k);
            let owners: Vec<u32> = ids
                .iter()
                .filter(|p| single(p) && owns(p))
                .copied()
                .collect();
            if owners.is_empty() {
                continue;
            }
            for p in ids.iter().filter(|p| single(p) && !owns(p)) {
                let t = self.patterns[*p as usize].target;
                if owners
                    .iter()
                    .all(|o| self.patterns[*o as usize].target != t)
                {
                    weak.entry(k.clone()).or_default().push(*p);
                }
            }
        }
        self.weak = weak;
        self.own = Vec::new();
    }

    /// Pattern `pid` does not match a token through key `k` (see [`Self::weak`]).
    pub fn is_weak(&self, k: &str, pid: u32) -> bool {
        self.weak.get(k).is_some_and(|v| v.contains(&pid))
    }

    fn add(&mut self, target: u32, head: Head, words: Vec<Vec<String>>, gaps: Vec<u8>) {
        // words[i] is the key set of word i; gaps[i] is the width of the gap before word i (0: none)
        let id = self.patterns.len() as u32;
        let mut rest = Vec::new();
        for (i, w) in words.iter().enumerate().skip(1) {
            if gaps[i] > 0 {
                rest.push(Elem::Gap(gaps[i]));
            }
            rest.push(Elem::Word(w.iter().map(|s| s.as_str().into()).collect()));
        }
        for k in &words[0] {
            let v = self.first.entry(k.as_str().into()).or_default();
            if !v.contains(&id) {
                v.push(id);
            }
        }
        self.patterns.push(Pattern {
            target,
            head,
            rest,
            words: words.len(),
            masdar: false,
            bare: false,
        });
    }
}

/// The compiled lexicon.
#[derive(Debug)]
pub struct Lexicon {
    /// Trigger entries.
    pub entries: Vec<Entry>,
    /// Their patterns.
    pub triggers: Index,
    /// Cues.
    pub cues: Vec<Cue>,
    /// Their patterns.
    pub cue_index: Index,
    /// Entries whose lemma is another entry's too (a word with senses in two types).
    ambiguous: Vec<bool>,
}

fn event_type(s: &str) -> Option<EventType> {
    use EventType::*;
    Some(match s {
        "AGREE" => Agree,
        "CONSULT" => Consult,
        "SUPPORT" => Support,
        "COOPERATE" => Cooperate,
        "AID" => Aid,
        "CONCEDE" => Concede,
        "RETREAT" => Retreat,
        "REQUEST" => Request,
        "ACCUSE" => Accuse,
        "REJECT" => Reject,
        "THREATEN" => Threaten,
        "PROTEST" => Protest,
        "MOBILIZE" => Mobilize,
        "SANCTION" => Sanction,
        "COERCE" => Coerce,
        "ASSAULT" => Assault,
        _ => return None,
    })
}

fn role(s: &str) -> Option<Role> {
    use Role::*;
    Some(match s {
        "reporting" => Reporting,
        "continuation" => Continuation,
        "anonymous" => Anonymous,
        "document" => Document,
        "negation" => Negation,
        "hedge" => Hedge,
        "planned" => Planned,
        "threat" => Threat,
        "background" => Background,
        "claim" => Claim,
        "foiled" => Foiled,
        _ => return None,
    })
}

fn words(s: &str) -> Vec<String> {
    normalize_key(s)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// The inflected forms of a verb lemma (normalised view letters).
pub fn verb_forms(lemma: &str) -> Vec<String> {
    let l = normalize_key(lemma);
    let short = l.chars().count() <= 2;
    let mut out = vec![l.clone()];
    let cs: Vec<char> = l.chars().collect();
    // a defective verb in alif («دعا», «حيا») inflects on another stem («دعت», «حيّت»), written
    // in `forms`: «حيا» + ت would read «حياة» (life); a hollow one («زار», «قاد») has its
    // imperfect on «و / ي» («يزور»), also in `forms`: «سيزار» is a name
    let defective = cs.last() == Some(&'ا');
    let hollow = cs.len() == 3 && cs[1] == 'ا';
    for suf in ["ت", "ا", "وا", "ن", "نا", "تم", "تا", "تن", "و"] {
        if (short && (suf == "ن" || suf == "نا")) || defective {
            continue;
        }
        out.push(format!("{l}{suf}"));
    }
    if hollow {
        return out;
    }
    let stem = l
        .strip_prefix('ا')
        .filter(|s| s.chars().count() >= 3)
        .unwrap_or(&l);
    for pre in ["ي", "ت", "ن", "ا", "سي", "ست", "سن"] {
        // the first person «أ» before a stem in ل reads as the article («ألام» / «الأم»)
        if pre == "ا" && stem.starts_with('ل') {
            continue;
        }
        for suf in ["", "ون", "ان", "ين", "ن", "وا", "ا"] {
            out.push(format!("{pre}{stem}{suf}"));
        }
    }
    out
}

/// The inflected forms of a noun or verbal noun.
pub fn noun_forms(word: &str) -> Vec<String> {
    let w = normalize_key(word);
    let mut out = vec![w.clone()];
    if let Some(b) = w.strip_suffix('ه').filter(|b| b.chars().count() >= 2) {
        for suf in ["ات", "تين", "تان", "ت"] {
            out.push(format!("{b}{suf}"));
        }
    } else if let Some(b) = w.strip_suffix('ا').filter(|b| b.chars().count() >= 3) {
        // written with its accusative alif («مركزا»): the bare noun too
        out.push(b.to_string());
        out.push(format!("{b}ات"));
        out.push(format!("{b}ه"));
    } else if !w.ends_with("ات") {
        let sufs: &[&str] = if w.chars().count() <= 2 {
            &["ا"]
        } else {
            &["ا", "ات", "ين", "ان", "ون"]
        };
        for suf in sufs {
            out.push(format!("{w}{suf}"));
        }
    }
    out
}

/// Participles of trigger verbs that are mostly nouns or adjectives of their own: «مستقبلا» (in
/// future), «متوسطة» (medium), «موقفه» (his stance), «مصادره» (his sources), «معارضة»
/// (opposition), «مطلقا» (at all), «متصلة» (related), «متواصلة» (continuous), «متبادلة» (mutual),
/// «مغلقة» (closed), «ملتزمة» (committed), «محتلة» (occupied), «مهاجم / مقاتل / مدافع / محارب»
/// (striker, fighter, defender, warrior), «مجتمع» (society), «مبارك» (a name), «مستخدم» (user),
/// «مستشهدا» (citing), «مستبعدا» (unlikely), «موفد» (envoy), «محاور» (axes), «متوافقة»
/// (compatible), «منذر» (a name), «منكر», «مختبر» (laboratory), «متقدما» (ahead in a ranking),
/// «متفقة» (in agreement, a state).
const NOT_PARTICIPLES: &[&str] = &[
    "متوسط",
    "مستقبل",
    "موقف",
    "مصادر",
    "مصدر",
    "معارض",
    "مساعد",
    "مطلق",
    "متصل",
    "متواصل",
    "متبادل",
    "مغلق",
    "منتشر",
    "ملتزم",
    "محتل",
    "مهاجم",
    "مقاتل",
    "مدافع",
    "محارب",
    "مجتمع",
    "مبارك",
    "مستخدم",
    "مستشهد",
    "مستبعد",
    "موفد",
    "محاور",
    "متوافق",
    "منذر",
    "منكر",
    "مختبر",
    "متقدم",
    "متفق",
];

/// The circumstantial active participles of a verb lemma of forms III–X (four letters or more in
/// the normalised view), indefinite: «م» on the imperfect's stem with the accusative «ا» or the
/// feminine «ة» («اتهم» → متهما، متهمة; «طالب» → مطالبا). The plural is left out (its nouns,
/// «مقاتلين، معارضين», are far more common than the verbs' circumstantial use). Three-letter
/// lemmas give none (form I «قتل» would give the noun «مقتل»); nor do hollow form IV verbs
/// («أدان» → مدين, not «مدان»), nor [`NOT_PARTICIPLES`].
pub fn participle_forms(lemma: &str) -> Vec<String> {
    let l = normalize_key(lemma);
    if l.chars().count() < 4 || l.contains(' ') {
        return Vec::new();
    }
    let stem = l
        .strip_prefix('ا')
        .filter(|s| s.chars().count() >= 3)
        .unwrap_or(&l);
    let cs: Vec<char> = stem.chars().collect();
    if cs.len() == 3 && matches!(cs[1], 'ا' | 'و' | 'ي') {
        return Vec::new();
    }
    let p = format!("م{stem}");
    if NOT_PARTICIPLES.contains(&p.as_str()) {
        return Vec::new();
    }
    ["ا", "ه"]
        .iter()
        .map(|suf| format!("م{stem}{suf}"))
        .collect()
}

/// `f` (normalised) is a participle of the verb lemma `l` written out in `forms`: «م» + a
/// three-letter lemma (form II «منددا», «مهددا») or form I «فاعل» («نافيا», «داعية»), with the
/// accusative «ا» or the feminine «ة».
fn written_participle(f: &str, l: &str) -> bool {
    let Some(b) = f.strip_suffix(['ا', 'ه']) else {
        return false;
    };
    let cs: Vec<char> = l.chars().collect();
    if b.strip_prefix('م') == Some(l) {
        return true;
    }
    if cs.len() != 3 {
        return false;
    }
    let faail: String = [cs[0], 'ا', cs[1], cs[2]].iter().collect();
    let defective: String = [cs[0], 'ا', cs[1], 'ي'].iter().collect();
    b == faail || (matches!(cs[2], 'ا' | 'ي') && b == defective)
}

fn similarity(a: &str, b: &str) -> usize {
    let bs: Vec<char> = b.chars().collect();
    a.chars().filter(|c| bs.contains(c)).count()
}

fn split_phrase(lemma: &str) -> (Vec<String>, Vec<u8>) {
    let mut ws = Vec::new();
    let mut gaps = Vec::new();
    let mut gap = 0u8;
    for part in normalize_key(lemma).split_whitespace() {
        if part == "..." || part == "…" {
            gap = gap.saturating_add(1);
            continue;
        }
        ws.push(part.to_string());
        gaps.push(gap);
        gap = 0;
    }
    (ws, gaps)
}

fn compile_entry(index: &mut Index, id: u32, e: &RawEntry) {
    let masdars: Vec<String> = e.masdar.iter().map(|m| normalize_key(m)).collect();
    match e.pos.as_str() {
        "phrase" => {
            let (ws, gaps) = split_phrase(&e.lemma);
            if ws.is_empty() {
                return;
            }
            let mut sets: Vec<Vec<String>> = ws.iter().map(|w| noun_forms(w)).collect();
            let verb_head = !masdars.is_empty();
            let mut head_forms = if verb_head {
                verb_forms(&ws[0])
            } else {
                sets[0].clone()
            };
            let mut alternatives: Vec<Vec<String>> = Vec::new();
            // a multi-word form of a phrase with a gap that does not begin with the head fills
            // the part after the last gap («أحال ... إلى القضاء» + «إلى قاضي التحقيق»)
            let tail_from = gaps.iter().rposition(|g| *g > 0);
            let mut tails: Vec<Vec<String>> = Vec::new();
            let mut written_parts: Vec<String> = Vec::new();
            for f in &e.forms {
                let fw = words(f);
                if fw.len() > 1 {
                    let headed = head_forms.contains(&fw[0])
                        || masdars.iter().any(|m| noun_forms(m).contains(&fw[0]));
                    if tail_from.is_some() && !headed {
                        tails.push(fw);
                    } else {
                        alternatives.push(fw);
                    }
                    continue;
                }
                let Some(f) = fw.into_iter().next() else {
                    continue;
                };
                let last = ws.len() - 1;
                if verb_head && written_participle(&f, &ws[0]) {
                    written_parts.push(f);
                    continue;
                }
                if last == 0 || similarity(&f, &ws[0]) > similarity(&f, &ws[last]) {
                    head_forms.push(f);
                } else {
                    sets[last].extend(noun_forms(&f));
                }
            }
            let mut s0 = sets.clone();
            s0[0] = head_forms;
            let head = if verb_head { Head::Verb } else { Head::Noun };
            let masdar_forms: Vec<String> = masdars.iter().flat_map(|m| noun_forms(m)).collect();
            let mut participles = if verb_head {
                participle_forms(&ws[0])
            } else {
                Vec::new()
            };
            participles.extend(written_parts);
            // every head (verb, verbal noun, participle) with every tail
            let mut heads: Vec<(Head, Vec<String>, bool)> = vec![(head, s0[0].clone(), false)];
            if verb_head {
                heads.push((Head::Noun, masdar_forms, false));
                if !participles.is_empty() {
                    heads.push((Head::Noun, participles, true));
                }
            }
            for (h, first, bare) in heads {
                let mut s = sets.clone();
                s[0] = first.clone();
                index.add(id, h, s, gaps.clone());
                if bare {
                    if let Some(p) = index.patterns.last_mut() {
                        p.masdar = true;
                        p.bare = true;
                    }
                }
                if let Some(tf) = tail_from {
                    for tail in &tails {
                        let mut s: Vec<Vec<String>> = sets[..tf].to_vec();
                        s[0] = first.clone();
                        s.extend(tail.iter().map(|w| noun_forms(w)));
                        let mut g = gaps[..tf].to_vec();
                        g.push(gaps[tf]);
                        g.resize(s.len(), 0);
                        index.add(id, h, s, g);
                        if bare {
                            if let Some(p) = index.patterns.last_mut() {
                                p.masdar = true;
                                p.bare = true;
                            }
                        }
                    }
                }
            }
            for alt in alternatives {
                let n = alt.len();
                let sets: Vec<Vec<String>> = alt.iter().map(|w| noun_forms(w)).collect();
                index.add(id, head, sets, vec![0; n]);
            }
        }
        pos => {
            let lemma = normalize_key(&e.lemma);
            let mut verb = Vec::new();
            let mut noun: Vec<String>;
            let mut verb_own = vec![lemma.clone()];
            let mut noun_own: Vec<String> = if pos == "verb" {
                masdars.clone()
            } else {
                vec![lemma.clone()]
            };
            let mut written_parts: Vec<String> = Vec::new();
            let head = match pos {
                "verb" => {
                    verb = verb_forms(&lemma);
                    noun = masdars.iter().flat_map(|m| noun_forms(m)).collect();
                    Head::Verb
                }
                "participle" => {
                    noun = noun_forms(&lemma);
                    Head::Participle
                }
                _ => {
                    noun = noun_forms(&lemma);
                    Head::Noun
                }
            };
            for f in &e.forms {
                let fw = words(f);
                if fw.len() > 1 {
                    let n = fw.len();
                    let sets = fw.iter().map(|w| noun_forms(w)).collect();
                    index.add(id, Head::Noun, sets, vec![0; n]);
                    continue;
                }
                let Some(f) = fw.into_iter().next() else {
                    continue;
                };
                if head == Head::Verb && written_participle(&f, &lemma) {
                    written_parts.push(f);
                    continue;
                }
                // a form is the verbal noun's when it inflects it («تعهدات»); the verb with an
                // object pronoun («مده», «مدها») stays a verb
                let of_masdar = masdars.iter().any(|m| {
                    f.strip_prefix(m.as_str()).is_some_and(|rest| {
                        !["ه", "ها", "هم", "هما", "هن"].contains(&rest)
                            || noun_forms(m).contains(&f)
                    })
                });
                if head == Head::Verb && !of_masdar {
                    verb_own.push(f.clone());
                    verb.push(f);
                } else {
                    noun_own.push(f.clone());
                    noun.extend(noun_forms(&f));
                }
            }
            if !verb.is_empty() {
                index.add_own(id, Head::Verb, vec![verb], vec![0], verb_own);
            }
            if !noun.is_empty() {
                let h = if head == Head::Verb { Head::Noun } else { head };
                index.add_own(id, h, vec![noun], vec![0], noun_own);
                if head == Head::Verb {
                    if let Some(p) = index.patterns.last_mut() {
                        p.masdar = true;
                    }
                }
            }
            if head == Head::Verb {
                let mut parts = participle_forms(&lemma);
                parts.extend(written_parts.iter().cloned());
                if !parts.is_empty() {
                    index.add_own(id, Head::Noun, vec![parts], vec![0], written_parts);
                    if let Some(p) = index.patterns.last_mut() {
                        p.masdar = true;
                        p.bare = true;
                    }
                }
            }
        }
    }
}

fn compile_cue(index: &mut Index, id: u32, c: &RawCue) {
    for text in std::iter::once(&c.cue).chain(c.forms.iter()) {
        let (ws, gaps) = split_phrase(text);
        if ws.is_empty() {
            continue;
        }
        let sets = ws.iter().map(|w| vec![w.clone()]).collect();
        index.add(id, Head::Noun, sets, gaps);
    }
}

impl Lexicon {
    /// Compile the lexicon from the TOML texts of the trigger files and cues.
    pub fn from_toml(files: &[&str], cues: &str) -> Result<Lexicon, String> {
        let mut entries = Vec::new();
        let mut triggers = Index::default();
        for f in files {
            let raw: RawFile = toml::from_str(f).map_err(|e| e.to_string())?;
            for e in raw.trigger {
                let Some(ty) = event_type(&e.ty) else {
                    return Err(format!("unknown type {}", e.ty));
                };
                let id = entries.len() as u32;
                compile_entry(&mut triggers, id, &e);
                entries.push(Entry {
                    ty,
                    mode: e.mode,
                    context: e.context,
                    cameo: e.cameo,
                    frame: e.frame,
                    object: e.object,
                    block: e.block.iter().map(|b| words(b)).collect(),
                    standalone: e.standalone.unwrap_or(true),
                    weak_verb: e.standalone == Some(false)
                        && matches!(e.pos.as_str(), "verb" | "participle"),
                    head_key: words(&e.lemma).into_iter().next().unwrap_or_default(),
                    masdar_keys: e.masdar.iter().map(|m| normalize_key(m)).collect(),
                    lemma: e.lemma,
                });
            }
        }
        triggers.finish();
        let raw: RawCues = toml::from_str(cues).map_err(|e| e.to_string())?;
        let mut list = Vec::new();
        let mut cue_index = Index::default();
        for c in raw.cue {
            let Some(role) = role(&c.role) else {
                continue;
            };
            let id = list.len() as u32;
            compile_cue(&mut cue_index, id, &c);
            list.push(Cue {
                role,
                source: c.source,
                relation: c.relation,
                block: c.block.iter().map(|b| words(b)).collect(),
                text: c.cue,
            });
        }
        let mut count: FxHashMap<String, usize> = FxHashMap::default();
        for e in &entries {
            *count.entry(normalize_key(&e.lemma)).or_default() += 1;
        }
        let ambiguous = entries
            .iter()
            .map(|e| count[&normalize_key(&e.lemma)] > 1)
            .collect();
        Ok(Lexicon {
            entries,
            triggers,
            cues: list,
            cue_index,
            ambiguous,
        })
    }

    /// True when entry `id`'s lemma has senses in other entries (its `object` decides).
    pub fn ambiguous(&self, id: u32) -> bool {
        self.ambiguous[id as usize]
    }

    /// The lexicon compiled from `data/triggers`, once.
    pub fn global() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon::from_toml(FILES, CUES).expect("data/triggers parses"))
    }
}

/// The lookup keys of a word token (view letters `w`, its segmentation `seg`) pushed onto `out`
/// (deduplicated): the view form, the form without proclitics, the stem, and each of these
/// without a trailing object pronoun (with a ta marbuta restored before it).
pub fn token_keys(w: &[char], seg: &rasad_text::Segmentation, out: &mut Vec<String>) {
    word_keys(w, seg, false, out)
}

/// [`token_keys`] knowing whether the word is written with a final ta marbuta («مدة», «طلبة»):
/// then its final «ه» of the view is no pronoun («لمدة» is not «لمد» + ه). A stem whose hamza
/// took a seat before the pronoun is also looked up with the bare hamza («لقائه» → لقاء).
pub fn word_keys(
    w: &[char],
    seg: &rasad_text::Segmentation,
    ta_marbuta: bool,
    out: &mut Vec<String>,
) {
    let start = out.len();
    let push = |s: String, out: &mut Vec<String>| {
        if s.chars().nth(1).is_some() && !out[start..].contains(&s) {
            out.push(s);
        }
    };
    let whole: String = w.iter().collect();
    let s = (seg.stem_start as usize).min(w.len());
    let noprefix: String = w[s..].iter().collect();
    push(whole.clone(), out);
    push(noprefix.clone(), out);
    let stem = seg.stem_key(w);
    if let Some(h) = stem.strip_suffix(['ئ', 'ؤ']).filter(|_| seg.pron.is_some()) {
        push(format!("{h}ء"), out);
    }
    if ta_marbuta {
        // the segmenter may have read the ة as a pronoun («مدة» → مد + ه)
        if stem.ends_with('ه') {
            push(stem, out);
        }
        return;
    }
    push(stem, out);
    for base in [whole, noprefix] {
        for suf in ["هما", "هم", "ها", "هن", "ه"] {
            if let Some(b) = base.strip_suffix(suf) {
                let n = b.chars().count();
                if n >= 2 && (suf != "ه" || n <= 3) {
                    if let Some(t) = b.strip_suffix('ت') {
                        push(format!("{t}ه"), out);
                    }
                    if let Some(h) = b.strip_suffix(['ئ', 'ؤ']) {
                        push(format!("{h}ء"), out);
                    }
                    push(b.to_string(), out);
                }
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_compiles() {
        let l = Lexicon::global();
        assert!(l.entries.len() > 500);
        assert!(l.cues.len() > 50);
    }

    #[test]
    fn verb_inflection_covers_perfect_imperfect_and_forms_iv_viii() {
        let f = verb_forms("أفرج");
        for w in ["افرجت", "افرجوا", "يفرج", "تفرج", "يفرجون", "سيفرج"]
        {
            assert!(f.contains(&w.to_string()), "{w}");
        }
        let f = verb_forms("اعتقل");
        assert!(f.contains(&"يعتقل".to_string()) && f.contains(&"اعتقلت".to_string()));
        let f = verb_forms("قتل");
        assert!(f.contains(&"يقتلون".to_string()) && f.contains(&"قتلنا".to_string()));
        // «ألام» (first person) would read «الأم» (the mother) as the article and «أم»
        assert!(!verb_forms("لام").contains(&"الام".to_string()));
        // a two-letter geminate gets no -ن suffix (مدن is «cities»)
        assert!(!verb_forms("مد").contains(&"مدن".to_string()));
    }

    #[test]
    fn noun_inflection_covers_plurals_and_accusative() {
        let f = noun_forms("غارة");
        assert!(f.contains(&"غارات".to_string()) && f.contains(&"غارتين".to_string()));
        let f = noun_forms("هجوم");
        assert!(f.contains(&"هجوما".to_string()));
        let f = noun_forms("مركزا");
        assert!(f.contains(&"مركز".to_string()));
    }

    #[test]
    fn token_keys_strip_clitics() {
        let seg = rasad_text::Segmenter::global();
        for (word, key) in [
            ("وقتله", "قتل"),
            ("للإفراج", "افراج"),
            ("ومده", "مد"),
            ("سيطرتها", "سيطره"),
        ] {
            let (chars, s) = seg.segment_str(&normalize_key(word));
            let mut keys = Vec::new();
            token_keys(&chars, &s, &mut keys);
            assert!(keys.contains(&key.to_string()), "{word}: {keys:?}");
        }
    }
}
