//! The normalised view: a copy of the text folded for matching, with a map back to the original.
//!
//! Every later matcher (actor aliases, place names, trigger lemmas, the clitic segmenter) looks at
//! the *view*, never at the original, so that «الإرهابيّة» and «الارهابيه» look the same. Every span
//! it finds is mapped back through [`Normalized::to_original`], so reported offsets are always
//! code points of the original text and never split an original character.
//!
//! Each original character becomes zero, one or (rarely, for presentation-form ligatures) several
//! view characters; the rules, in the order [`fold`] applies them:
//!
//! | rule | what | example |
//! |---|---|---|
//! | [`Rule::Mark`] | Arabic diacritics (tashkeel, shadda, sukun, dagger alef, Quranic marks) are dropped | «قُتِلَ» → «قتل» |
//! | [`Rule::Tatweel`] | tatweel (kashida) is dropped | «بـ» → «ب», «الـمـلك» → «الملك» |
//! | [`Rule::Invisible`] | zero-width and bidi controls (ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, embeddings, isolates, BOM, soft hyphen, word joiner) are dropped | «اليمن\u{200F}» → «اليمن» |
//! | [`Rule::Space`] | NBSP and the other Unicode spaces become an ASCII space (dropping them would weld two words) | «مدينة\u{A0}عدن» → «مدينة عدن» |
//! | [`Rule::Alef`] | alef with hamza above/below, madda and wasla (أ إ آ ٱ ٲ ٳ) become bare alef | «أفرج» → «افرج» |
//! | [`Rule::Ya`] | alef maqsura and Persian/Urdu ya (ى ی ې ے) become ya | «على» → «علي» |
//! | [`Rule::TaMarbuta`] | ta marbuta and the Persian/Urdu ha forms (ة ۀ ە ھ ہ ۃ) become ha | «الدولة» → «الدوله» |
//! | [`Rule::Kaf`] | Persian/Sindhi kaf (ک ڪ) becomes Arabic kaf | «کرکوک» → «كركوك» |
//! | [`Rule::Digit`] | Arabic-Indic and Extended Arabic-Indic digits become ASCII digits; ٫ → «.», ٬ → «,», ٪ → «%» | «٢٠١٤» → «2014» |
//! | [`Rule::Latin`] | ASCII letters are lower-cased | «ISIS» → «isis» |
//! | [`Rule::Presentation`] | Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC) are decomposed (NFKC) and folded again | «ﻻ» → «لا» |
//!
//! Everything else — hamza on waw and ya (ؤ ئ), other letters, punctuation including «» “” and the
//! Arabic comma — is kept as it is.

use unicode_normalization::char::decompose_compatible;

/// One folding rule; see the module documentation for what each does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Arabic diacritics are dropped.
    Mark,
    /// Tatweel is dropped.
    Tatweel,
    /// Zero-width characters and bidi controls are dropped.
    Invisible,
    /// Unicode spaces become an ASCII space.
    Space,
    /// Alef forms become bare alef.
    Alef,
    /// Alef maqsura and Persian/Urdu ya become ya.
    Ya,
    /// Ta marbuta and ha variants become ha.
    TaMarbuta,
    /// Persian kaf becomes Arabic kaf.
    Kaf,
    /// Eastern digits and separators become ASCII.
    Digit,
    /// ASCII letters are lower-cased.
    Latin,
    /// Presentation forms are decomposed and folded.
    Presentation,
}

/// What one original character becomes in the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// The character stays as it is.
    Keep,
    /// The character is replaced by another.
    Map(char, Rule),
    /// The character is dropped.
    Drop(Rule),
    /// The character expands (presentation forms only).
    Expand(Rule),
}

/// True for the Arabic combining marks [`Rule::Mark`] drops.
#[inline]
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}')
}

/// True for the characters [`Rule::Invisible`] drops.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// True for the characters [`Rule::Space`] turns into an ASCII space.
#[inline]
pub fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// How one character folds. Unchanged Arabic letters and ASCII are answered first.
#[inline(always)]
pub fn fold(c: char) -> Fold {
    // fast path: the Arabic letters that stay as they are
    if matches!(c, '\u{0621}' | '\u{0624}' | '\u{0626}'..='\u{0628}' | '\u{062A}'..='\u{063A}' | '\u{0641}'..='\u{0648}' | '\u{064A}')
    {
        return Fold::Keep;
    }
    if c.is_ascii() {
        return if c.is_ascii_uppercase() {
            Fold::Map(c.to_ascii_lowercase(), Rule::Latin)
        } else {
            Fold::Keep
        };
    }
    fold_other(c)
}

/// [`fold`] for everything but unchanged Arabic letters and ASCII.
#[inline(never)]
fn fold_other(c: char) -> Fold {
    match c {
        '\u{0640}' => Fold::Drop(Rule::Tatweel),
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => Fold::Map('ا', Rule::Alef),
        'ى' | 'ی' | 'ې' | 'ے' => Fold::Map('ي', Rule::Ya),
        'ة' | 'ۀ' | 'ە' | 'ھ' | 'ہ' | 'ۃ' => Fold::Map('ه', Rule::TaMarbuta),
        'ک' | 'ڪ' => Fold::Map('ك', Rule::Kaf),
        '\u{0660}'..='\u{0669}' => {
            Fold::Map(char::from(b'0' + (c as u32 - 0x0660) as u8), Rule::Digit)
        }
        '\u{06F0}'..='\u{06F9}' => {
            Fold::Map(char::from(b'0' + (c as u32 - 0x06F0) as u8), Rule::Digit)
        }
        '٫' => Fold::Map('.', Rule::Digit),
        '٬' => Fold::Map(',', Rule::Digit),
        '٪' => Fold::Map('%', Rule::Digit),
        _ if is_arabic_mark(c) => Fold::Drop(Rule::Mark),
        _ if is_invisible(c) => Fold::Drop(Rule::Invisible),
        _ if is_unicode_space(c) => Fold::Map(' ', Rule::Space),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => Fold::Expand(Rule::Presentation),
        _ => Fold::Keep,
    }
}

/// The folded view of a text and its map back to the original.
///
/// View character `i` comes from original character `orig_start[i]`; a view span `a..b` covers the
/// original span `orig_start[a]..orig_end[b-1]`, where `orig_end` reaches past the marks and
/// tatweel that the view dropped after that character (they belong to it).
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The view as a string, built on first use (for substring matchers).
    text: std::sync::OnceLock<String>,
    /// The view's characters (for indexing by code point).
    pub chars: Vec<char>,
    orig_start: Vec<u32>,
    orig_end: Vec<u32>,
    orig_len: u32,
}

impl Normalized {
    /// Fold `original` into its view.
    pub fn new(original: &str) -> Normalized {
        Normalized::from_chars(original.chars(), original.len())
    }

    /// Fold a sequence of original characters; `size_hint` is the original's length in bytes.
    pub fn from_chars(original: impl Iterator<Item = char>, size_hint: usize) -> Normalized {
        // an exact count when the iterator knows it, else the byte length (an upper bound)
        let cap = match original.size_hint() {
            (lo, Some(hi)) if lo == hi => lo,
            _ => size_hint,
        } + 1;
        let mut n = Normalized {
            text: std::sync::OnceLock::new(),
            chars: Vec::with_capacity(cap),
            orig_start: Vec::with_capacity(cap),
            orig_end: Vec::with_capacity(cap),
            orig_len: 0,
        };
        let mut i: u32 = 0;
        for c in original {
            match fold(c) {
                Fold::Keep => n.push(c, i),
                Fold::Map(m, _) => n.push(m, i),
                Fold::Drop(rule) => {
                    // marks and tatweel belong to the character before them
                    if matches!(rule, Rule::Mark | Rule::Tatweel) {
                        if let Some(last) = n.orig_end.last_mut() {
                            if *last == i {
                                *last = i + 1;
                            }
                        }
                    }
                }
                Fold::Expand(_) => {
                    let mut any = false;
                    decompose_compatible(c, |d| {
                        if let Some(folded) = fold_simple(d) {
                            n.push(folded, i);
                            any = true;
                        }
                    });
                    if !any {
                        n.push(c, i);
                    }
                }
            }
            i += 1;
        }
        n.orig_len = i;
        n
    }

    #[inline(always)]
    fn push(&mut self, c: char, i: u32) {
        self.chars.push(c);
        self.orig_start.push(i);
        self.orig_end.push(i + 1);
    }

    /// The view as a string.
    pub fn text(&self) -> &str {
        self.text.get_or_init(|| self.chars.iter().collect())
    }

    /// Number of view characters.
    #[inline]
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// True when the view is empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Number of characters in the original text.
    #[inline]
    pub fn original_len(&self) -> u32 {
        self.orig_len
    }

    /// The original character index view character `i` came from.
    #[inline]
    pub fn original_index(&self, i: usize) -> u32 {
        self.orig_start[i]
    }

    /// Map a view span (code points, end exclusive) to the original span it covers. An empty or
    /// out-of-range span maps to an empty span at the nearest original position.
    pub fn to_original(&self, start: usize, end: usize) -> (u32, u32) {
        let len = self.chars.len();
        let start = start.min(len);
        let end = end.min(len).max(start);
        if start == end {
            let at = if start < len {
                self.orig_start[start]
            } else {
                self.orig_len
            };
            return (at, at);
        }
        (self.orig_start[start], self.orig_end[end - 1])
    }

    /// The view index of the first view character at or after original index `orig`.
    pub fn from_original(&self, orig: u32) -> usize {
        self.orig_start.partition_point(|&o| o < orig)
    }

    /// A slice of the view by view code points.
    pub fn slice(&self, start: usize, end: usize) -> &[char] {
        let len = self.chars.len();
        let end = end.min(len);
        &self.chars[start.min(end)..end]
    }
}

/// Fold one character for a context that cannot expand (the output of a decomposition).
#[inline]
fn fold_simple(c: char) -> Option<char> {
    match fold(c) {
        Fold::Keep | Fold::Expand(_) => Some(c),
        Fold::Map(m, _) => Some(m),
        Fold::Drop(_) => None,
    }
}

/// Fold a string into a new string: the matching key of a lexicon entry.
pub fn normalize_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_key(s, &mut out);
    out
}

/// Fold a string onto the end of `out` (no allocation when `out` has room).
pub fn push_key(s: &str, out: &mut String) {
    for c in s.chars() {
        match fold(c) {
            Fold::Keep => out.push(c),
            Fold::Map(m, _) => out.push(m),
            Fold::Drop(_) => {}
            Fold::Expand(_) => decompose_compatible(c, |d| {
                if let Some(f) = fold_simple(d) {
                    out.push(f)
                }
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(s: &str) -> String {
        Normalized::new(s).text().to_string()
    }

    #[test]
    fn mark_drops_tashkeel_and_shadda() {
        assert_eq!(view("قُتِلَ"), "قتل");
        assert_eq!(view("الشَّدَّة"), "الشده");
        assert_eq!(view("هُدًى"), "هدي");
        assert_eq!(view("رَحْمٰن"), "رحمن");
    }

    #[test]
    fn tatweel_is_dropped() {
        assert_eq!(view("بـ”قلب"), "ب”قلب");
        assert_eq!(view("الـمـلـك"), "الملك");
    }

    #[test]
    fn invisible_controls_are_dropped() {
        assert_eq!(view("اليمن\u{200F}"), "اليمن");
        assert_eq!(view("\u{202B}عدن\u{202C}"), "عدن");
        assert_eq!(view("مي\u{200C}خواهم"), "ميخواهم");
        assert_eq!(view("\u{FEFF}نص"), "نص");
        assert_eq!(view("a\u{00AD}b\u{061C}c\u{2067}d\u{2069}"), "abcd");
    }

    #[test]
    fn unicode_spaces_become_ascii_space() {
        assert_eq!(view("مدينة\u{A0}عدن"), "مدينه عدن");
        assert_eq!(view("1\u{202F}000"), "1 000");
    }

    #[test]
    fn alef_forms_are_unified() {
        assert_eq!(view("أإآٱا"), "ااااا");
        assert_eq!(view("إيران"), "ايران");
    }

    #[test]
    fn ya_and_ta_marbuta_fold() {
        assert_eq!(view("على مستوى"), "علي مستوي");
        assert_eq!(view("الدولة"), "الدوله");
        assert_eq!(view("فارسی"), "فارسي");
        assert_eq!(view("ۀ"), "ه");
    }

    #[test]
    fn kaf_folds() {
        assert_eq!(view("کرکوک"), "كركوك");
    }

    #[test]
    fn digits_become_ascii() {
        assert_eq!(view("٢١/٩/٢٠١٤"), "21/9/2014");
        assert_eq!(view("۱۴۰۳"), "1403");
        assert_eq!(view("٣٫٥ و١٬٠٠٠ و٥٠٪"), "3.5 و1,000 و50%");
    }

    #[test]
    fn latin_is_lowercased() {
        assert_eq!(view("ISIS و AQAP"), "isis و aqap");
    }

    #[test]
    fn presentation_forms_decompose() {
        assert_eq!(view("ﻻ"), "لا");
        assert_eq!(view("ﻷ"), "لا");
        assert_eq!(view("ﺑﺴﻢ"), "بسم");
    }

    #[test]
    fn punctuation_and_hamza_carriers_are_kept() {
        assert_eq!(view("«مسؤول» “رئيس” ، ؛ ؟"), "«مسؤول» “رئيس” ، ؛ ؟");
        assert_eq!(view("ئ ؤ ء"), "ئ ؤ ء");
    }

    #[test]
    fn spans_map_back_over_dropped_marks() {
        let s = "قُتِلَ الـرجل";
        let n = Normalized::new(s);
        assert_eq!(n.text(), "قتل الرجل");
        // «قتل» covers the whole vocalised word, with its final fatha
        assert_eq!(n.to_original(0, 3), (0, 6));
        // «الرجل» covers the tatweel inside it
        assert_eq!(n.to_original(4, 9), (7, 13));
        let orig: Vec<char> = s.chars().collect();
        let (a, b) = n.to_original(4, 9);
        assert_eq!(
            orig[a as usize..b as usize].iter().collect::<String>(),
            "الـرجل"
        );
    }

    #[test]
    fn expansion_maps_to_the_whole_original_character() {
        let n = Normalized::new("xﻻy");
        assert_eq!(n.text(), "xلاy");
        assert_eq!(n.to_original(1, 2), (1, 2));
        assert_eq!(n.to_original(2, 3), (1, 2));
        assert_eq!(n.to_original(3, 4), (2, 3));
    }

    #[test]
    fn from_original_finds_the_view_position() {
        let n = Normalized::new("اَلْيَمَن");
        assert_eq!(n.text(), "اليمن");
        assert_eq!(n.from_original(0), 0);
        assert_eq!(n.from_original(2), 1);
    }

    #[test]
    fn key_matches_view() {
        assert_eq!(normalize_key("الإرهابيّة"), "الارهابيه");
        assert_eq!(normalize_key("ﻷ"), "لا");
    }
}
