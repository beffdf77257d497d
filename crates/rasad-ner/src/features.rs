//! Features of a token in its sentence, as stable 64-bit hashes.
//!
//! Every feature is a template id plus one or more strings, hashed with FNV-1a and a final mix
//! ([`fhash`]): no strings are kept, the model stores hashes, and the hash is the same on every
//! platform and build, so a model file trained once tags the same everywhere.
//!
//! Per token the text layer gives the normalised form ([`rasad_text::normalize_key`]), the clitic
//! segmentation and the stem key ([`rasad_text::Segmenter::segment_str`]). The templates: the word
//! as written; the normalised form and the stem key at offsets −2..+2; normalised and stem bigrams
//! around the token; prefixes and suffixes of the stem and the form; the clitic pattern (و ف ب ل
//! ك س ال + pronoun) at −1..+1; the character shape at −1..+1 and the stem's length; sentence
//! start and end; the frequency and article, pronoun and inflection habits of the stem and its
//! neighbours in general Arabic ([`crate::lexicon`]); for tokens inside a short span in quotes or
//! brackets, the span's kind and length and the token's place in it; and the nearest word in the
//! three before that names a kind of organisation («فريق», «صحيفة», «حزب» …) or of event or work
//! («بطولة», «رواية», «مؤتمر» …), and whether the token is one.

use crate::clusters::Clusters;
use crate::gazetteer::Gazetteer;
use crate::labels::{self, N_LABELS};
use rasad_text::clitics::Segmentation;
use rasad_text::Segmenter;

/// What the templates read of one token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    /// As written.
    pub word: String,
    /// The normalised form.
    pub norm: String,
    /// The stem key (clitics removed, ta marbuta restored).
    pub stem: String,
    /// The clitic pattern, e.g. `w+al+_` for «والحوثيين», `_` for a bare word.
    pub clitics: String,
    /// The form without conjunction and preposition: the article (if any) and the stem.
    pub bare: String,
    /// The character-class shape, runs collapsed: `a` Arabic, `d` digit, `L` Latin, `p`
    /// punctuation, `x` other (e.g. `a`, `d`, `pa`).
    pub shape: String,
}

/// The class of one character for the shape.
fn class(c: char) -> char {
    if c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) {
        'd'
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) {
        if c.is_alphabetic() {
            'a'
        } else {
            'p'
        }
    } else if c.is_ascii_alphabetic() {
        'L'
    } else if c.is_alphanumeric() {
        'x'
    } else {
        'p'
    }
}

/// The shape of a word: character classes with runs collapsed.
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for c in word.chars() {
        let k = class(c);
        if k != last {
            out.push(k);
            last = k;
        }
    }
    out
}

/// The clitic pattern of a segmentation: the proclitics, `_` for the stem, the pronoun.
pub fn clitic_pattern(seg: &Segmentation) -> String {
    let mut out = String::new();
    if let Some(c) = seg.conj {
        out.push_str(c.as_str());
        out.push('+');
    }
    if let Some(p) = seg.prep {
        out.push_str(p.as_str());
        out.push('+');
    }
    if seg.article {
        out.push_str("ال+");
    }
    out.push('_');
    if let Some(p) = seg.pron {
        out.push('+');
        out.push_str(p.as_str());
    }
    out
}

impl TokenInfo {
    /// Read one token through the text layer.
    pub fn new(word: &str) -> TokenInfo {
        let norm = rasad_text::normalize_key(word);
        let (view, seg) = Segmenter::global().segment_str(word);
        let mut stem = seg.stem_key(&view);
        if stem.is_empty() {
            stem.clone_from(&norm);
        }
        let bare = if seg.article {
            format!("ال{stem}")
        } else {
            stem.clone()
        };
        TokenInfo {
            word: word.to_string(),
            norm,
            bare,
            stem,
            clitics: clitic_pattern(&seg),
            shape: shape(word),
        }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The hash of a feature: template id and its strings (separated, so `ab|c` ≠ `a|bc`).
pub fn fhash(template: u8, parts: &[&str]) -> u64 {
    let mut bytes: [&[u8]; 4] = [&[]; 4];
    if parts.len() <= 4 {
        for (b, p) in bytes.iter_mut().zip(parts) {
            *b = p.as_bytes();
        }
        fhash_bytes(template, &bytes[..parts.len()])
    } else {
        let v: Vec<&[u8]> = parts.iter().map(|p| p.as_bytes()).collect();
        fhash_bytes(template, &v)
    }
}

/// [`fhash`] over byte strings (the same hash for the same bytes).
pub fn fhash_bytes(template: u8, parts: &[&[u8]]) -> u64 {
    let mut h = FNV_OFFSET;
    h ^= u64::from(template);
    h = h.wrapping_mul(FNV_PRIME);
    for p in parts {
        for &b in *p {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
        h ^= 0xff;
        h = h.wrapping_mul(FNV_PRIME);
    }
    // splitmix64 finaliser: spread the bits so any slice of the hash is usable.
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Template ids. Changing one changes every model: bump [`crate::model::FORMAT`] with them.
mod t {
    pub const BIAS: u8 = 0;
    pub const WORD: u8 = 1;
    pub const NORM: u8 = 2; // + offset (5 ids: 2..=6)
    pub const STEM: u8 = 7; // + offset (5 ids: 7..=11)
    pub const NORM_BI_L: u8 = 12;
    pub const NORM_BI_R: u8 = 13;
    pub const STEM_BI_L: u8 = 14;
    pub const STEM_BI_R: u8 = 15;
    pub const STEM_PRE: u8 = 16; // + len-1 (3 ids)
    pub const STEM_SUF: u8 = 19; // + len-1 (4 ids)
    pub const NORM_PRE: u8 = 23; // + len-1 (2 ids)
    pub const NORM_SUF: u8 = 25; // + len-1 (3 ids)
    pub const CLITIC: u8 = 28; // + offset+1 (3 ids)
    pub const SHAPE: u8 = 31; // + offset+1 (3 ids)
    pub const STEM_LEN: u8 = 34;
    pub const FIRST: u8 = 35;
    pub const LAST: u8 = 36;
    pub const CLITIC_STEM_R: u8 = 37;
    pub const STEM_TRI: u8 = 38;
    pub const GAZ: u8 = 39; // + offset+1 (3 ids)
    pub const CLUSTER: u8 = 42; // + level * 5 + offset+2 (up to 4 levels: 42..=61)
    pub const CLUSTER_UNK: u8 = 62;
    pub const DOC_KEY: u8 = 63;
    pub const FIRST_PASS: u8 = 64; // + offset+1 (3 ids)
    pub const DOC_HAS: u8 = 67;
    pub const DOC_MAJ: u8 = 68;
    pub const DOC_MAJ_OWN: u8 = 69;
    pub const DOC_LABEL: u8 = 70;
    pub const CLUSTER_CONJ: u8 = 71; // 3 ids
    pub const PROFILE: u8 = 74; // + offset+1 (3 ids)
    pub const PROFILE_PARTS: u8 = 77; // 3 ids
    pub const QUOTE: u8 = 80; // 2 ids
    pub const TRIGGER: u8 = 82;
    pub const NAME_WORD: u8 = 83; // + offset+1 (3 ids)
    pub const NAME_WORD_KIND: u8 = 86;
}

/// The first `n` characters of `s` (all of it when shorter: then `None`, the feature is the word).
fn prefix(s: &str, n: usize) -> Option<&str> {
    let end = s.char_indices().nth(n).map(|(i, _)| i)?;
    Some(&s[..end])
}

/// The last `n` characters of `s` (`None` when `s` has no more than `n`).
fn suffix(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count <= n {
        return None;
    }
    let start = s.char_indices().nth(count - n).map(|(i, _)| i)?;
    Some(&s[start..])
}

const BOS: &str = "<s>";
const EOS: &str = "</s>";

/// The features of token `i` of a sentence, appended to `out`; `gaz` are the sentence's
/// gazetteer marks ([`Gazetteer::marks`]).
pub fn token_features(
    info: &[TokenInfo],
    gaz: &[[u8; 4]],
    cl: &Clusters,
    cls: &[Option<Vec<u16>>],
    i: usize,
    out: &mut Vec<u64>,
) {
    let at = |off: isize| -> Option<&TokenInfo> {
        let j = i as isize + off;
        if j < 0 {
            None
        } else {
            info.get(j as usize)
        }
    };
    let norm = |off: isize| at(off).map_or(if off < 0 { BOS } else { EOS }, |t| t.norm.as_str());
    let stem = |off: isize| at(off).map_or(if off < 0 { BOS } else { EOS }, |t| t.stem.as_str());
    let cur = &info[i];

    out.push(fhash(t::BIAS, &[]));
    out.push(fhash(t::WORD, &[&cur.word]));
    for off in -2..=2isize {
        let k = (off + 2) as u8;
        out.push(fhash(t::NORM + k, &[norm(off)]));
        out.push(fhash(t::STEM + k, &[stem(off)]));
    }
    out.push(fhash(t::NORM_BI_L, &[norm(-1), norm(0)]));
    out.push(fhash(t::NORM_BI_R, &[norm(0), norm(1)]));
    out.push(fhash(t::STEM_BI_L, &[stem(-1), stem(0)]));
    out.push(fhash(t::STEM_BI_R, &[stem(0), stem(1)]));
    out.push(fhash(t::STEM_TRI, &[stem(-1), stem(0), stem(1)]));
    for n in 1..=3 {
        if let Some(p) = prefix(&cur.stem, n) {
            out.push(fhash(t::STEM_PRE + (n as u8 - 1), &[p]));
        }
    }
    for n in 1..=4 {
        if let Some(s) = suffix(&cur.stem, n) {
            out.push(fhash(t::STEM_SUF + (n as u8 - 1), &[s]));
        }
    }
    for n in 1..=2 {
        if let Some(p) = prefix(&cur.norm, n) {
            out.push(fhash(t::NORM_PRE + (n as u8 - 1), &[p]));
        }
    }
    for n in 1..=3 {
        if let Some(s) = suffix(&cur.norm, n) {
            out.push(fhash(t::NORM_SUF + (n as u8 - 1), &[s]));
        }
    }
    for off in -1..=1isize {
        let k = (off + 1) as u8;
        let c = at(off).map_or("", |t| t.clitics.as_str());
        out.push(fhash(t::CLITIC + k, &[c]));
        let s = at(off).map_or("", |t| t.shape.as_str());
        out.push(fhash(t::SHAPE + k, &[s]));
    }
    out.push(fhash(t::CLITIC_STEM_R, &[&cur.clitics, stem(1)]));
    for off in -1..=1isize {
        let j = i as isize + off;
        if j < 0 || j as usize >= gaz.len() {
            continue;
        }
        for (k, &m) in gaz[j as usize].iter().enumerate() {
            if m != 0 {
                out.push(fhash(t::GAZ + (off + 1) as u8, &[&format!("{k}{m}")]));
            }
        }
    }
    if !cls.is_empty() {
        for off in -2..=2isize {
            let j = i as isize + off;
            let c = if j < 0 || j as usize >= cls.len() {
                None
            } else {
                cls[j as usize].as_ref()
            };
            match c {
                Some(c) => {
                    for (level, &k) in c.iter().enumerate().take(4) {
                        if off.abs() == 2 && level == 0 {
                            continue;
                        }
                        let id = t::CLUSTER + (level * 5) as u8 + (off + 2) as u8;
                        out.push(fhash_bytes(id, &[&k.to_le_bytes()]));
                    }
                }
                None if off == 0 => out.push(fhash(t::CLUSTER_UNK, &[])),
                None => {}
            }
        }
        for off in -1..=1isize {
            let j = i as isize + off;
            if j < 0 || j as usize >= info.len() {
                continue;
            }
            if let Some(p) = cl.profile(&info[j as usize].stem) {
                out.push(fhash_bytes(t::PROFILE + (off + 1) as u8, &[&[p]]));
                if off == 0 {
                    for (k, part) in [p & 15, p >> 4 & 3, p >> 6].into_iter().enumerate() {
                        out.push(fhash_bytes(t::PROFILE_PARTS + k as u8, &[&[part]]));
                    }
                }
            }
        }
        // The word before with this word's class, and the two classes together.
        let c0 = cls[i]
            .as_ref()
            .and_then(|c| c.get(1))
            .map_or(u16::MAX, |&k| k);
        let cm = (i > 0)
            .then(|| cls[i - 1].as_ref().and_then(|c| c.get(2)))
            .flatten()
            .map_or(u16::MAX, |&k| k);
        let cp = cls
            .get(i + 1)
            .and_then(|c| c.as_ref().and_then(|c| c.get(2)))
            .map_or(u16::MAX, |&k| k);
        out.push(fhash_bytes(
            t::CLUSTER_CONJ,
            &[stem(-1).as_bytes(), &c0.to_le_bytes()],
        ));
        out.push(fhash_bytes(
            t::CLUSTER_CONJ + 1,
            &[&c0.to_le_bytes(), stem(1).as_bytes()],
        ));
        out.push(fhash_bytes(
            t::CLUSTER_CONJ + 2,
            &[&cm.to_le_bytes(), &c0.to_le_bytes(), &cp.to_le_bytes()],
        ));
    }
    let len = cur.stem.chars().count().min(9);
    out.push(fhash(t::STEM_LEN, &[&len.to_string()]));
    if i == 0 {
        out.push(fhash(t::FIRST, &[]));
    }
    if i + 1 == info.len() {
        out.push(fhash(t::LAST, &[]));
    }
}

/// The features of every token of a sentence.
pub fn sentence_features(tokens: &[&str], gaz: &Gazetteer, cl: &Clusters) -> Vec<Vec<u64>> {
    let info: Vec<TokenInfo> = tokens.iter().map(|w| TokenInfo::new(w)).collect();
    info_features(&info, gaz, cl)
}

/// The features of every token, given the tokens' [`TokenInfo`].
pub fn info_features(info: &[TokenInfo], gaz: &Gazetteer, cl: &Clusters) -> Vec<Vec<u64>> {
    let marks = gaz.marks(info);
    let cls: Vec<Option<Vec<u16>>> = if cl.is_empty() {
        Vec::new()
    } else {
        info.iter().map(|t| cl.classes(&t.stem)).collect()
    };
    let mut feats = (0..info.len())
        .map(|i| {
            let mut f = Vec::with_capacity(64);
            token_features(info, &marks, cl, &cls, i, &mut f);
            f
        })
        .collect::<Vec<_>>();
    crate::lexicon::features(info, &mut feats);
    name_word_features(&gaz.word_kinds(info), &mut feats);
    quote_features(info, &mut feats);
    trigger_features(info, &mut feats);
    feats
}

/// The kinds of name word ([`Gazetteer::word_kinds`]) of the token and its neighbours, and each
/// kind of the token alone.
fn name_word_features(kinds: &[u8], feats: &mut [Vec<u64>]) {
    for (i, f) in feats.iter_mut().enumerate() {
        for off in -1..=1isize {
            let j = i as isize + off;
            if j < 0 || j as usize >= kinds.len() || kinds[j as usize] == 0 {
                continue;
            }
            f.push(fhash_bytes(
                t::NAME_WORD + (off + 1) as u8,
                &[&[kinds[j as usize]]],
            ));
        }
        for k in 0..8u8 {
            if kinds[i] & 1 << k != 0 {
                f.push(fhash_bytes(t::NAME_WORD_KIND, &[&[k]]));
            }
        }
    }
}

/// Which quote a token opens or closes: 1 `"`, 2 «, 3 (, 4 ', with the closing flag.
fn quote_kind(w: &str) -> Option<(u8, bool)> {
    match w {
        "\"" | "''" => Some((1, false)),
        "«" => Some((2, false)),
        "»" => Some((2, true)),
        "(" => Some((3, false)),
        ")" => Some((3, true)),
        "'" => Some((4, false)),
        "“" => Some((1, false)),
        "”" => Some((1, true)),
        _ => None,
    }
}

/// Tokens inside a short quoted or bracketed span: its kind, length and the token's place.
fn quote_features(info: &[TokenInfo], feats: &mut [Vec<u64>]) {
    let mut open: [Option<usize>; 5] = [None; 5];
    for (i, t) in info.iter().enumerate() {
        let Some((k, closing)) = quote_kind(&t.word) else {
            continue;
        };
        let k = usize::from(k);
        let symmetric = matches!(k, 1 | 4) && !closing && open[k].is_some();
        if closing || symmetric {
            if let Some(a) = open[k].take() {
                let len = i - a - 1;
                if (1..=8).contains(&len) {
                    let l = len.min(6) as u8;
                    for (n, f) in feats[a + 1..i].iter_mut().enumerate() {
                        // 0 first, 1 inside, 2 last, 3 the only one.
                        let pos = if len == 1 {
                            3u8
                        } else if n == 0 {
                            0
                        } else if n + 1 == len {
                            2
                        } else {
                            1
                        };
                        f.push(fhash_bytes(t::QUOTE, &[&[k as u8, l, pos]]));
                        f.push(fhash_bytes(t::QUOTE + 1, &[&[pos]]));
                    }
                }
            }
        } else {
            open[k] = Some(i);
        }
    }
}

/// Words that name a kind of organisation or event before its name (a hand-written list).
const ORG_TRIGGERS: &[&str] = &[
    "فريق",
    "نادي",
    "شركه",
    "صحيفه",
    "جريده",
    "مجله",
    "جامعه",
    "مسجد",
    "حزب",
    "حركه",
    "منظمه",
    "وكاله",
    "مؤسسه",
    "بنك",
    "مصرف",
    "اتحاد",
    "جمعيه",
    "مجلس",
    "هيئه",
    "لجنه",
    "مركز",
    "معهد",
    "مدرسه",
    "سجن",
    "قناه",
    "تلفزيون",
    "اذاعه",
    "منتخب",
    "وزاره",
    "محكمه",
    "برلمان",
    "تنظيم",
    "جبهه",
    "مجموعه",
    "كتله",
    "تحالف",
    "ائتلاف",
    "مستشفي",
    "كليه",
    "اكاديميه",
];
const MISC_TRIGGERS: &[&str] = &[
    "بطوله",
    "مؤتمر",
    "معرض",
    "مهرجان",
    "كاس",
    "دوره",
    "مسابقه",
    "روايه",
    "كتاب",
    "فيلم",
    "برنامج",
    "مسلسل",
    "قصيده",
    "ديوان",
    "سوره",
    "غزوه",
    "حرب",
    "معركه",
    "اتفاقيه",
    "اتفاق",
    "جائزه",
    "ملعب",
    "مطار",
    "طراز",
    "عمليه",
    "خطه",
    "مبادره",
    "ندوه",
    "اعصار",
    "لوحه",
];

/// The kind of trigger a stem is: 1 organisation, 2 event/work, 0 none.
fn trigger_kind(stem: &str) -> u8 {
    if ORG_TRIGGERS.contains(&stem) {
        1
    } else if MISC_TRIGGERS.contains(&stem) {
        2
    } else {
        0
    }
}

/// The nearest trigger word in the three tokens before (kind and distance).
fn trigger_features(info: &[TokenInfo], feats: &mut [Vec<u64>]) {
    let kinds: Vec<u8> = info.iter().map(|t| trigger_kind(&t.stem)).collect();
    for (i, f) in feats.iter_mut().enumerate() {
        if kinds[i] != 0 {
            f.push(fhash_bytes(t::TRIGGER, &[&[kinds[i], 0]]));
        }
        for d in 1..=3usize {
            if d > i {
                break;
            }
            if kinds[i - d] != 0 {
                f.push(fhash_bytes(t::TRIGGER, &[&[kinds[i - d], d as u8]]));
                break;
            }
        }
    }
}

/// The key a token's other mentions are found by, for [`consistency_features`]: a hash of its
/// stem key; 0 (not looked up) for digits, punctuation and one-letter words.
pub fn doc_key(t: &TokenInfo) -> u64 {
    if t.stem.chars().nth(1).is_none() || !(t.shape.contains('a') || t.shape.contains('L')) {
        return 0;
    }
    fhash(t::DOC_KEY, &[&t.stem])
}

/// The second pass's features of sentence `s` of a block of sentences, appended to its first-pass
/// features `feats`: the first-pass labels of the token and its neighbours, and how the other
/// mentions of the same word (same [`doc_key`]) were tagged by the first pass in sentences
/// `s − window ..= s + window` of the block — the types they got, the majority (`O` included)
/// and the most common entity label. `keys[j]` and `tags[j]` are sentence `j`'s keys and
/// first-pass labels.
pub fn consistency_features(
    keys: &[&[u64]],
    tags: &[Vec<u8>],
    s: usize,
    window: usize,
    feats: &mut [Vec<u64>],
) {
    let lo = s.saturating_sub(window);
    let hi = (s + window + 1).min(keys.len());
    let mut count: rustc_hash::FxHashMap<u64, [u16; N_LABELS]> = Default::default();
    for j in lo..hi {
        for (&k, &y) in keys[j].iter().zip(&tags[j]) {
            if k != 0 {
                count.entry(k).or_default()[usize::from(y)] += 1;
            }
        }
    }
    let own = &tags[s];
    for (i, f) in feats.iter_mut().enumerate() {
        for off in -1..=1isize {
            let j = i as isize + off;
            let y = if j < 0 || j as usize >= own.len() {
                255u8
            } else {
                own[j as usize]
            };
            f.push(fhash_bytes(t::FIRST_PASS + (off + 1) as u8, &[&[y]]));
        }
        let k = keys[s][i];
        let Some(c) = count.get(&k).filter(|_| k != 0) else {
            continue;
        };
        let mut c = *c;
        c[usize::from(own[i])] -= 1;
        if c.iter().all(|&n| n == 0) {
            continue;
        }
        let mut types = [0u16; 5];
        for (y, &n) in c.iter().enumerate() {
            types[labels::entity_type(y as u8)] += n;
        }
        for (x, &n) in types.iter().enumerate().skip(1) {
            if n > 0 {
                f.push(fhash_bytes(t::DOC_HAS, &[&[x as u8]]));
            }
        }
        let mut maj = 0;
        for x in 1..5 {
            if types[x] > types[maj] {
                maj = x;
            }
        }
        let own_type = labels::entity_type(own[i]) as u8;
        f.push(fhash_bytes(t::DOC_MAJ, &[&[maj as u8]]));
        f.push(fhash_bytes(t::DOC_MAJ_OWN, &[&[maj as u8, own_type]]));
        let mut lab = 0;
        for y in 1..N_LABELS {
            if c[y] > 0 && (lab == 0 || c[y] > c[lab]) {
                lab = y;
            }
        }
        if lab != 0 {
            f.push(fhash_bytes(t::DOC_LABEL, &[&[lab as u8]]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("صنعاء"), "a");
        assert_eq!(shape("2002"), "d");
        assert_eq!(shape("(د"), "pa");
        assert_eq!(shape("أ)"), "ap");
        assert_eq!(shape("CNN"), "L");
        assert_eq!(shape("١٩٩٠"), "d");
    }

    #[test]
    fn prefixes_and_suffixes() {
        assert_eq!(prefix("صنعاء", 2), Some("صن"));
        assert_eq!(prefix("صن", 2), None);
        assert_eq!(suffix("الحوثيين", 2), Some("ين"));
        assert_eq!(suffix("في", 2), None);
    }

    #[test]
    fn hash_is_stable_and_separates_parts() {
        assert_eq!(fhash(1, &["ab", "c"]), fhash(1, &["ab", "c"]));
        assert_ne!(fhash(1, &["ab", "c"]), fhash(1, &["a", "bc"]));
        assert_ne!(fhash(1, &["x"]), fhash(2, &["x"]));
        // Pinned: a model file stores these hashes; a change here silently breaks every model.
        assert_eq!(fhash(0, &[]), 0x25fc_6dd3_6ce0_4b20);
    }

    #[test]
    fn token_info_reads_clitics_and_stem() {
        // «وبالحديدة»: و + ب + ال + حديده (ta marbuta folds to ه in the view).
        let t = TokenInfo::new("وبالحديدة");
        assert_eq!(t.clitics, "و+ب+ال+_");
        assert_eq!(t.stem, "حديده");
        assert_eq!(t.shape, "a");
        let bare = TokenInfo::new("2015");
        assert_eq!(bare.clitics, "_");
        assert_eq!(bare.stem, "2015");
    }

    #[test]
    fn window_features_see_neighbours() {
        // The same word in two contexts shares its own features but not its window ones.
        let g = Gazetteer::new();
        let a = sentence_features(&["قال", "محمد", "علي"], &g, &Clusters::new());
        let b = sentence_features(&["زار", "محمد", "صنعاء"], &g, &Clusters::new());
        let shared = a[1].iter().filter(|h| b[1].contains(h)).count();
        assert!(shared > 10, "own-word features are shared: {shared}");
        assert!(shared < a[1].len(), "window features differ");
        // The word «علي» one to the right of «محمد» in `a` is its stem at +1.
        assert!(a[1].contains(&fhash(t::STEM + 3, &["علي"])));
        assert!(!b[1].contains(&fhash(t::STEM + 3, &["علي"])));
        // Sentence boundaries.
        assert!(a[0].contains(&fhash(t::FIRST, &[])));
        assert!(a[2].contains(&fhash(t::LAST, &[])));
        assert!(a[0].contains(&fhash(t::NORM + 1, &[BOS])));
    }

    #[test]
    fn quoted_spans_and_trigger_words() {
        let g = Gazetteer::new();
        let words = ["صدرت", "رواية", "\"", "أولاد", "حارتنا", "\"", "أمس"];
        let f = sentence_features(&words, &g, &Clusters::new());
        // «أولاد حارتنا» is a quoted span of two: first and last token.
        assert!(f[3].contains(&fhash_bytes(t::QUOTE, &[&[1, 2, 0]])));
        assert!(f[4].contains(&fhash_bytes(t::QUOTE, &[&[1, 2, 2]])));
        assert!(!f[6]
            .iter()
            .any(|h| *h == fhash_bytes(t::QUOTE + 1, &[&[0]])));
        // «رواية» (a work) is a trigger itself, and two tokens before «أولاد».
        assert!(f[1].contains(&fhash_bytes(t::TRIGGER, &[&[2, 0]])));
        assert!(f[3].contains(&fhash_bytes(t::TRIGGER, &[&[2, 2]])));
        // An unclosed quote marks nothing.
        let f = sentence_features(&["قال", "\"", "سالم"], &g, &Clusters::new());
        assert!(!f[2].contains(&fhash_bytes(t::QUOTE + 1, &[&[3]])));
    }

    #[test]
    fn gazetteer_marks_become_features() {
        let mut g = Gazetteer::new();
        g.add(crate::EntityType::Loc, "صنعاء");
        let f = sentence_features(&["زار", "محمد", "صنعاء"], &g, &Clusters::new());
        let own = fhash(t::GAZ + 1, &["13"]); // type 1 (LOC), a one-token name
        assert!(f[2].contains(&own));
        assert!(
            f[1].contains(&fhash(t::GAZ + 2, &["13"])),
            "seen from the left"
        );
        assert!(!f[0].contains(&own));
    }
}
