//! Dedupe keys: an exact hash of the normalised words and a MinHash signature over word shingles.
//!
//! Both are computed from the text layer's view (hamza, ya, ta marbuta, diacritics and tatweel
//! folded), so copies that differ only in spelling variants, punctuation or spacing are exact
//! duplicates, and syndicated copies with an edited line or two share most shingles: their
//! estimated Jaccard similarity is at least [`NEAR_DUPLICATE`]. Candidates are found by
//! locality-sensitive hashing over bands of the signature ([`NearIndex`]).

use rasad_text::{Analysis, TokenKind};

/// Two texts whose estimated shingle Jaccard similarity is at least this are near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.75;

/// Hash functions in a signature.
pub const SIGNATURE: usize = 64;

/// Rows per LSH band (16 bands of 4: a pair at Jaccard 0.75 shares a band with p ≈ 0.9999).
const ROWS: usize = 4;

/// Texts with fewer words than this are never linked as near-duplicates (too little signal).
pub const MIN_WORDS_FOR_NEAR: usize = 20;

/// Words per shingle.
const SHINGLE: usize = 3;

/// The normalised words of an analysed text (words, numbers and Latin words; punctuation dropped).
pub fn words(a: &Analysis) -> Vec<String> {
    a.tokens
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Latin | TokenKind::Date
            )
        })
        .map(|t| t.view(&a.view).iter().collect())
        .collect()
}

/// The exact-duplicate key: hex BLAKE3 of the normalised words joined by spaces.
pub fn text_hash(words: &[String]) -> String {
    let mut h = blake3::Hasher::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            h.update(b" ");
        }
        h.update(w.as_bytes());
    }
    h.finalize().to_hex()[..32].to_string()
}

/// FNV-1a, 64-bit: stable on every machine and release (unlike std's hasher).
fn fnv(words: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.bytes().chain(std::iter::once(b' ')) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    // a final mix so that nearby inputs spread over all bits
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// A MinHash signature: [`SIGNATURE`] minima of shingle hashes under different hash functions.
pub type Signature = [u32; SIGNATURE];

/// A strong 64-bit mix (SplitMix64's finaliser).
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The signature's hash functions: `(a * h + b) >> 32` with odd `a`, fixed for every release.
const PERMUTATIONS: [(u64, u64); SIGNATURE] = {
    let mut p = [(0u64, 0u64); SIGNATURE];
    let mut k = 0;
    while k < SIGNATURE {
        p[k] = (mix(2 * k as u64 + 1) | 1, mix(2 * k as u64 + 2));
        k += 1;
    }
    p
};

/// The MinHash signature of the word shingles of [`SHINGLE`] words.
pub fn minhash(words: &[String]) -> Signature {
    let mut sig = [u32::MAX; SIGNATURE];
    let n = if words.len() >= SHINGLE {
        words.len() - SHINGLE + 1
    } else {
        usize::from(!words.is_empty())
    };
    for i in 0..n {
        let h = fnv(&words[i..(i + SHINGLE).min(words.len())]);
        for (m, &(a, b)) in sig.iter_mut().zip(&PERMUTATIONS) {
            let v = (a.wrapping_mul(h).wrapping_add(b) >> 32) as u32;
            if v < *m {
                *m = v;
            }
        }
    }
    sig
}

/// Estimated Jaccard similarity of two signatures: the share of equal minima.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / SIGNATURE as f64
}

/// The signature as bytes (little-endian), for storage.
pub fn to_bytes(s: &Signature) -> Vec<u8> {
    s.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// A signature from stored bytes; `None` when the length is wrong.
pub fn from_bytes(b: &[u8]) -> Option<Signature> {
    if b.len() != SIGNATURE * 4 {
        return None;
    }
    let mut s = [0u32; SIGNATURE];
    for (v, c) in s.iter_mut().zip(b.chunks_exact(4)) {
        *v = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
    }
    Some(s)
}

/// The LSH band keys of a signature, each tagged with its band number.
fn bands(s: &Signature) -> impl Iterator<Item = u64> + '_ {
    s.chunks_exact(ROWS).enumerate().map(|(b, rows)| {
        let mut h = b as u64;
        for &r in rows {
            h = mix(h ^ u64::from(r)).wrapping_add(0x9e37_79b9_7f4a_7c15);
        }
        h
    })
}

/// An in-memory LSH index of signatures for near-duplicate lookup.
#[derive(Debug, Default)]
pub struct NearIndex {
    entries: Vec<(Signature, String)>,
    by_band: rustc_hash::FxHashMap<u64, Vec<u32>>,
}

impl NearIndex {
    /// Add a signature with its payload (the story id).
    pub fn insert(&mut self, s: Signature, story: String) {
        let i = self.entries.len() as u32;
        for b in bands(&s) {
            self.by_band.entry(b).or_default().push(i);
        }
        self.entries.push((s, story));
    }

    /// The payload of the most similar signature at or above [`NEAR_DUPLICATE`], the earliest
    /// on ties.
    pub fn nearest(&self, s: &Signature) -> Option<&str> {
        let mut best: Option<(f64, u32)> = None;
        for b in bands(s) {
            for &i in self.by_band.get(&b).into_iter().flatten() {
                let sim = similarity(s, &self.entries[i as usize].0);
                let better = match best {
                    None => true,
                    Some((bs, bi)) => sim > bs || (sim == bs && i < bi),
                };
                if sim >= NEAR_DUPLICATE && better {
                    best = Some((sim, i));
                }
            }
        }
        best.map(|(_, i)| self.entries[i as usize].1.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(&Analysis::new(s))
    }

    #[test]
    fn spelling_variants_are_exact_duplicates() {
        let a = w("أعلنت الحكومة اليمنية، اليوم، إطلاق سراح الأسرى.");
        let b = w("اعلنت الحكومه اليمنيه اليوم اطلاق سراح الاسرى");
        assert_eq!(text_hash(&a), text_hash(&b));
        assert_ne!(
            text_hash(&a),
            text_hash(&w("أعلنت الحكومة إطلاق سراح الأسرى"))
        );
    }

    #[test]
    fn an_edited_copy_is_near_and_another_story_is_far() {
        let base = "قال مسؤول في وزارة الخارجية إن الوفدين اتفقا على تبادل الأسرى في مدينة عدن \
                    بعد جولة مفاوضات استمرت ثلاثة أيام برعاية الأمم المتحدة وأضاف أن التنفيذ \
                    سيبدأ الأسبوع المقبل تحت إشراف اللجنة الدولية للصليب الأحمر في المطار";
        let edited = format!("{base} وفق ما نقلت وكالة الأنباء");
        let other = "شهدت أسواق الأسهم الخليجية تراجعا حادا في تعاملات اليوم مع هبوط أسعار النفط \
                     إلى أدنى مستوى لها منذ ستة أشهر وسط مخاوف المستثمرين من تباطؤ الطلب العالمي \
                     على الخام وارتفاع المخزونات الأمريكية";
        let (a, b, c) = (minhash(&w(base)), minhash(&w(&edited)), minhash(&w(other)));
        assert!(
            similarity(&a, &b) >= NEAR_DUPLICATE,
            "{}",
            similarity(&a, &b)
        );
        assert!(similarity(&a, &c) < 0.1, "{}", similarity(&a, &c));
        assert_eq!(from_bytes(&to_bytes(&a)), Some(a));
        let mut idx = NearIndex::default();
        idx.insert(c, "other".into());
        idx.insert(a, "base".into());
        assert_eq!(idx.nearest(&b), Some("base"));
        assert_eq!(
            idx.nearest(&minhash(&w("كلمات أخرى لا علاقة لها بأي شيء هنا"))),
            None
        );
    }
}
