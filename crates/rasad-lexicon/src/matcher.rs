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
//! - a name in construct (its first word without the article, its second with it: «حكومة
//!   الحوثيين») does not start at a word with the article («اتهمت الحكومة الحوثيين»);
//! - actor names ignore the article («مسلحين حوثيين» names the Houthis as «الحوثيين» does); place
//!   names keep it («السجن» is a village in the gazetteer, «سجن» is a prison), so a token is looked
//!   up under both keys and the walk follows every edge that exists.

use crate::actors::Actor;
use crate::places::Place;
use rasad_text::{Analysis, Token, TokenKind};
use rustc_hash::FxHashMap;
use std::borrow::Cow;

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
pub struct Match<'m> {
    /// Index of the first token.
    pub first_token: usize,
    /// Index one past the last token.
    pub end_token: usize,
    /// Start in the original text (after the first token's proclitics).
    pub start: u32,
    /// End in the original text.
    pub end: u32,
    /// Everything the matched name stands for: borrowed from the matcher when the match ends at
    /// one trie node (nearly always), so a match allocates nothing.
    pub targets: Cow<'m, [Target]>,
    /// The key id of the first token (for a word: its stem key, without clitics or article),
    /// which [`crate::Lexicon::word_support`] is indexed by.
    pub first_key: u32,
    /// The countries of `targets` (of its places and actors), each once, as
    /// [`Matcher::set_countries`] gave them: read without touching each target's facts. None when
    /// none were given, or for the rare match whose targets were merged from several nodes.
    pub countries: Option<&'m [crate::CountryId]>,
}

/// A word's stem key as [`Matcher::stem_key`] reads it.
enum StemKey {
    /// The word has no stem.
    None,
    /// The key packed.
    Packed(u128),
    /// The key does not pack: its characters were written out.
    Long,
}

/// What the key table holds for one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KeyEntry {
    /// The key's id (an edge label of the trie).
    id: u32,
    /// The node the key leads to from the root (0: no name starts with it), so the first step of
    /// a match needs no other read.
    root: u32,
    /// The key's stem also occurs with its article in an article-keeping (place) name: only for
    /// those is a definite word looked up a second time, with its article.
    with_article: bool,
    /// The key is watched ([`Matcher::watch`]): [`Matcher::find_with_watched`] reports the tokens
    /// that have it.
    watched: bool,
}

/// No key: the token is no name's word.
const NO_KEY: u32 = u32::MAX;

/// The entry of a token that is no name's word.
const NO_ENTRY: KeyEntry = KeyEntry {
    id: NO_KEY,
    root: 0,
    with_article: false,
    watched: false,
};

/// A token's keys as the walk reads them: key ids and root nodes, without and with its article
/// (the second only for a definite word whose stem is [`KeyEntry::with_article`]).
#[derive(Debug, Clone, Copy, PartialEq)]
struct TokenKeys {
    ids: [u32; 2],
    roots: [u32; 2],
}

impl TokenKeys {
    /// The keys of a token that is no name's word.
    const NONE: TokenKeys = TokenKeys::of([NO_ENTRY, NO_ENTRY]);

    /// The keys of a token's entries without and with its article.
    #[inline]
    const fn of([plain, art]: [KeyEntry; 2]) -> TokenKeys {
        TokenKeys {
            ids: [plain.id, art.id],
            roots: [plain.root, art.root],
        }
    }
}

thread_local! {
    /// [`Matcher::find_with_watched`]'s buffers: the token keys and the walk's node lists.
    static SCRATCH: std::cell::Cell<Scratch> = const { std::cell::Cell::new(Scratch {
        todo: Vec::new(),
        packed: Vec::new(),
        keys: Vec::new(),
        starts: Vec::new(),
        watched: Vec::new(),
        frontier: Vec::new(),
        next: Vec::new(),
        best_nodes: Vec::new(),
        late_starts: Vec::new(),
    }) };
}

/// What [`Matcher::find_with_watched`] reuses from one call to the next (taken out of
/// [`SCRATCH`] and put back; a nested call would find it empty and allocate its own).
#[derive(Default)]
struct Scratch {
    /// The tokens to look up, with their packed stem keys (0: read the slow way), as
    /// [`Matcher::read_keys`] lists them; then the tokens whose key starts a name, and the
    /// watched tokens: the first so many places of each (the buffers are as long as the longest
    /// text yet, so each is written without a branch: see [`Matcher::read_keys`]).
    todo: Vec<u32>,
    packed: Vec<u128>,
    starts: Vec<u32>,
    watched: Vec<u32>,
    /// Each token's keys: [`TokenKeys::NONE`] but for the tokens looked up, and reset to it
    /// after each text (so that only those are written).
    keys: Vec<TokenKeys>,
    frontier: Vec<u32>,
    next: Vec<u32>,
    best_nodes: Vec<u32>,
    /// The matches whose start is read from the offset map, with the view index it is read at
    /// (see [`Matcher::find_with_watched`]).
    late_starts: Vec<(u32, u32)>,
}

/// A set of nodes as bits (a few KiB for every node: stays in the first-level cache).
#[derive(Default)]
struct NodeBits(Vec<u64>);

impl NodeBits {
    fn insert(&mut self, n: u32) {
        let w = n as usize / 64;
        if self.0.len() <= w {
            self.0.resize(w + 1, 0);
        }
        self.0[w] |= 1 << (n % 64);
    }

    #[inline]
    fn contains(&self, n: u32) -> bool {
        self.0
            .get(n as usize / 64)
            .is_some_and(|w| w & (1 << (n % 64)) != 0)
    }
}

/// One slot of [`KeyTable`]: a packed key (0: empty, as no key packs to 0: its length byte is
/// at least 1) and its entry, 32 bytes aligned to 32, so a probe reads one cache line.
#[derive(Clone, Copy)]
#[repr(align(32))]
struct Slot {
    key: u128,
    entry: KeyEntry,
}

const EMPTY_SLOT: Slot = Slot {
    key: 0,
    entry: NO_ENTRY,
};

/// The packed keys in an open-addressed table (linear probing, at most half full): a key found
/// at its home slot, as nearly all are, costs one read of one cache line. (A general hash map
/// reads a control group and then the bucket, two lines far apart, on every lookup; matching
/// looks up about every second word of a text.)
#[derive(Default)]
struct KeyTable {
    slots: Vec<Slot>,
    used: usize,
    /// 64 − log2 of the number of slots: a key's home slot is the top bits of its hash.
    shift: u32,
}

impl KeyTable {
    /// The home slot of a key (the top bits of its hash, as the Bloom filter's bit).
    #[inline]
    fn home(&self, k: u128) -> usize {
        (key_hash(k) >> self.shift) as usize
    }

    /// The entry of a key.
    #[inline]
    fn get(&self, k: u128) -> KeyEntry {
        if self.slots.is_empty() {
            return NO_ENTRY;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(k);
        loop {
            let s = &self.slots[i];
            if s.key == k {
                return s.entry;
            }
            if s.key == 0 {
                return NO_ENTRY;
            }
            i = (i + 1) & mask;
        }
    }

    /// Set the entry of a key (growing the table to stay at most half full).
    fn set(&mut self, k: u128, entry: KeyEntry) {
        if self.slots.len() < 2 * (self.used + 1) {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![EMPTY_SLOT; (old.len() * 2).max(64)];
            self.shift = 64 - self.slots.len().trailing_zeros();
            self.used = 0;
            for s in old.iter().filter(|s| s.key != 0) {
                self.set(s.key, s.entry);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(k);
        while self.slots[i].key != 0 && self.slots[i].key != k {
            i = (i + 1) & mask;
        }
        self.used += (self.slots[i].key == 0) as usize;
        self.slots[i] = Slot { key: k, entry };
    }
}

/// The compiled names.
///
/// Matching spends its time in two places, and the layout serves them. Every token of a text is
/// looked up once; most are no name's word and the Bloom filter turns them away with one read of
/// a cache-resident table, and for the others one probe of the key table gives the key id, the
/// node it leads to from the root and whether to look the word up again with its article. About
/// one word in five starts a name's first word and walks the trie; most walks end at the next
/// token, so whether a node ends a name or has children are bit sets, and a node's children are a
/// short sorted slice.
#[derive(Default)]
pub struct Matcher {
    /// Keys that [`pack`] (nearly all of them), while names are added and watched; matching reads
    /// [`Matcher::table`].
    packed: FxHashMap<u128, KeyEntry>,
    /// The packed keys as matching reads them: [`KeyTable`].
    table: KeyTable,
    /// The other keys.
    long: FxHashMap<Box<str>, KeyEntry>,
    /// A one-hash Bloom filter over the packed keys (64 KiB): most tokens are no name's word and
    /// are turned away without touching the key table.
    bloom: Vec<u64>,
    /// While names are added: the trie's edges, (node, key id) → node. [`Matcher::compile`]
    /// turns them into the child lists below and empties the map.
    edges: FxHashMap<(u32, u32), u32>,
    /// The children of node `n` are `child_keys[child_start[n]..child_start[n + 1]]` (key ids,
    /// sorted) and the nodes at the same positions of `child_nodes`.
    child_start: Vec<u32>,
    child_keys: Vec<u32>,
    child_nodes: Vec<u32>,
    /// The nodes with children.
    inner: NodeBits,
    /// The nodes where a name ends.
    terminal: NodeBits,
    /// The nodes where only actor names in construct end («حكومة الحوثيين»: a first word without
    /// the article, a second with it): a text whose first word has the article («اتهمت الحكومة
    /// الحوثيين») is not that name, as a noun in construct never takes the article.
    construct: NodeBits,
    /// While names are added: nodes where some such name ends, and where some other name ends.
    construct_yes: NodeBits,
    construct_no: NodeBits,
    /// What the names ending at node `n` stand for: `targets[target_start[n]..target_start[n + 1]]`.
    target_start: Vec<u32>,
    targets: Vec<Target>,
    /// What the names ending at either root of a definite word stand for (its stem without and
    /// with its article: «السعودية» the actor and the place), merged once here as a match on both
    /// roots merges them: (plain root, article root) → a range of `root_pair_targets`.
    root_pairs: FxHashMap<(u32, u32), (u32, u32)>,
    root_pair_targets: Vec<Target>,
    /// The countries of node `n`'s targets, each once ([`Matcher::set_countries`]):
    /// `countries[country_start[n]..country_start[n + 1]]` (empty until they are given).
    country_start: Vec<u32>,
    countries: Vec<crate::CountryId>,
    /// The same for [`Matcher::root_pairs`]: (plain root, article root) → a range of
    /// `root_pair_countries`.
    root_pair_country_ranges: FxHashMap<(u32, u32), (u32, u32)>,
    root_pair_countries: Vec<crate::CountryId>,
    /// While names are added: the same, per node (empty: not the end of a name).
    outputs: Vec<Vec<Target>>,
    nodes: u32,
    names: usize,
}

/// Pack a key of ASCII and U+0600–U+067F characters into a u128 (up to 15 characters): character
/// `i` in byte `i` of the little-endian key (ASCII as itself, U+0600–U+067F as 0x80–0xFF), the
/// length in byte 15, the bytes between zero. No key packs to 0 (its length is at least 1).
#[inline]
fn pack(chars: &[char]) -> Option<u128> {
    let n = chars.len();
    if n == 0 || n > 15 {
        return None;
    }
    let mut window = ['\0'; 16];
    window[..n].copy_from_slice(chars);
    pack_window(&window, n)
}

/// The byte of a character in a packed key, and the offset that tells whether it packs:
/// `min(x, x ^ 0x600)` is below 0x80 for exactly ASCII and U+0600–U+067F (their offset in their
/// block), and `(x >> 3) & 0x80` marks the second. (On x86-64 [`pack_window_sse2`] does the same
/// on four characters at a time.)
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[inline(always)]
fn key_byte(x: u32) -> (u8, u32) {
    let off = x.min(x ^ 0x600);
    ((off | ((x >> 3) & 0x80)) as u8, off)
}

/// [`pack`] of the first `n` (1..=15) of 16 characters read at once (characters from `n` on are
/// masked out; `n` = 0 packs to 0): the hot path of matching, run for every word of a text. On
/// x86-64 it is four SSE2 steps of four characters each, without a branch ([`pack_window_sse2`]);
/// elsewhere a loop over the 16 with [`key_byte`]. (A loop over the word's own characters
/// mispredicted its exit on most words; written for 16 lanes in plain Rust, the compiler did not
/// vectorise it.)
#[inline(always)]
fn pack_window(window: &[char; 16], n: usize) -> Option<u128> {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of every x86-64 processor (the target's baseline features).
        unsafe { pack_window_sse2(window, n) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        pack_window_portable(window, n)
    }
}

/// [`pack_window`] in plain Rust: the path of every target but x86-64, compiled (and checked
/// against the SSE2 path by a test) on all of them.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[inline(always)]
fn pack_window_portable(window: &[char; 16], n: usize) -> Option<u128> {
    let mut bytes = [0u8; 16];
    let mut worst = 0u32;
    for (i, &c) in window.iter().enumerate() {
        let x = c as u32 & ((i < n) as u32).wrapping_neg();
        let (b, off) = key_byte(x);
        worst |= off;
        bytes[i] = b;
    }
    bytes[15] = n as u8;
    (worst < 0x80).then_some(u128::from_le_bytes(bytes))
}

/// [`pack_window`] in SSE2: per lane of four characters, mask the lanes from `n` on, take
/// `min(x, x ^ 0x600)` (below 0x80 for exactly ASCII and U+0600–U+067F), mark the second with
/// 0x80, and narrow the 16 lanes to 16 bytes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn pack_window_sse2(window: &[char; 16], n: usize) -> Option<u128> {
    use std::arch::x86_64::*;
    let nv = _mm_set1_epi32(n as i32);
    let block = _mm_set1_epi32(0x600);
    let mark = _mm_set1_epi32(0x80);
    let mut worst = _mm_setzero_si128();
    let mut bytes = [_mm_setzero_si128(); 4];
    for (k, b) in bytes.iter_mut().enumerate() {
        // SAFETY: characters 4k..4k + 4 of the 16 (an unaligned load of 16 bytes)
        let x = unsafe { _mm_loadu_si128(window.as_ptr().add(4 * k).cast::<__m128i>()) };
        let i = 4 * k as i32;
        let keep = _mm_cmpgt_epi32(nv, _mm_set_epi32(i + 3, i + 2, i + 1, i));
        let x = _mm_and_si128(x, keep);
        // min(x, x ^ 0x600) (characters are below 2^21: a signed comparison will do)
        let y = _mm_xor_si128(x, block);
        let y_less = _mm_cmpgt_epi32(x, y);
        let off = _mm_or_si128(_mm_and_si128(y_less, y), _mm_andnot_si128(y_less, x));
        worst = _mm_or_si128(worst, off);
        *b = _mm_or_si128(off, _mm_and_si128(_mm_srli_epi32(x, 3), mark));
    }
    if _mm_movemask_epi8(_mm_cmpgt_epi32(worst, _mm_set1_epi32(0x7F))) != 0 {
        return None;
    }
    // (every byte is at most 0xFF: the saturating narrowings keep them)
    let packed = _mm_packus_epi16(
        _mm_packs_epi32(bytes[0], bytes[1]),
        _mm_packs_epi32(bytes[2], bytes[3]),
    );
    let lo = _mm_cvtsi128_si64(packed) as u64 as u128;
    let hi = _mm_cvtsi128_si64(_mm_unpackhi_epi64(packed, packed)) as u64 as u128;
    Some(lo | (hi << 64) | ((n as u128) << 120))
}

/// [`packed_stem`]'s packing in AVX2, eight characters at a time (two steps where
/// [`pack_window_sse2`] takes four, and `min` in one instruction where SSE2 takes three), without
/// a branch: the packed key of the first `n` (1..=15) of 16 characters, or 0 when they do not
/// pack (and for `n` = 0). For the pass that packs every token of a text
/// ([`Matcher::read_keys`]) on a processor that has AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
fn pack_stem_avx2(window: &[char; 16], n: usize) -> u128 {
    use std::arch::x86_64::*;
    let block = _mm256_set1_epi32(0x600);
    let p = window.as_ptr().cast::<__m256i>();
    let m = FIRST_N[n & 15].as_ptr().cast::<__m256i>();
    // SAFETY: characters 0..8 and 8..16 of the 16, and the lanes of the mask of `n` (unaligned
    // loads of 32 bytes)
    let (x0, x1) = unsafe {
        (
            _mm256_and_si256(_mm256_loadu_si256(p), _mm256_loadu_si256(m)),
            _mm256_and_si256(_mm256_loadu_si256(p.add(1)), _mm256_loadu_si256(m.add(1))),
        )
    };
    let off0 = _mm256_min_epu32(x0, _mm256_xor_si256(x0, block));
    let off1 = _mm256_min_epu32(x1, _mm256_xor_si256(x1, block));
    let worst = _mm256_or_si256(off0, off1);
    let packs = _mm256_movemask_epi8(_mm256_cmpgt_epi32(worst, _mm256_set1_epi32(0x7F))) == 0;
    // each character's byte: itself below U+0080, 0x80 + its offset in U+0600–U+067F, which is
    // `min(x, x ^ 0x680)` for both (as [`key_byte`] writes it, where the character packs)
    let mark = _mm256_set1_epi32(0x680);
    let b0 = _mm256_min_epu32(x0, _mm256_xor_si256(x0, mark));
    let b1 = _mm256_min_epu32(x1, _mm256_xor_si256(x1, mark));
    // (every value is at most 0xFF: the saturating narrowings keep them; the 32-to-16 narrowing
    // works within 128-bit lanes, so its quarters are put back in order before the last step)
    let words = _mm256_permute4x64_epi64(_mm256_packus_epi32(b0, b1), 0b11_01_10_00);
    let packed = _mm_packus_epi16(
        _mm256_castsi256_si128(words),
        _mm256_extracti128_si256(words, 1),
    );
    let lo = _mm_cvtsi128_si64(packed) as u64 as u128;
    let hi = _mm_extract_epi64(packed, 1) as u64 as u128;
    std::hint::select_unpredictable(packs, lo | (hi << 64) | ((n as u128) << 120), 0)
}

/// `FIRST_N[n]` keeps the first `n` of 16 characters ([`pack_stem_avx2`]'s mask, read rather
/// than made).
#[cfg(target_arch = "x86_64")]
static FIRST_N: [[u32; 16]; 16] = {
    let mut masks = [[0; 16]; 16];
    let mut n = 0;
    while n < 16 {
        let mut i = 0;
        while i < n {
            masks[n][i] = u32::MAX;
            i += 1;
        }
        n += 1;
    }
    masks
};

/// Ask for the cache line at `p` ahead of reading it (a hint: it reads nothing, and does nothing
/// on other targets than x86-64). Public for the linker, which reads the lexicon's records a
/// match leads to.
#[inline(always)]
pub fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: SSE is part of every x86-64 processor; a prefetch faults on no address
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast())
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// The length of a packed key.
#[inline]
fn packed_len(k: u128) -> usize {
    (k >> 120) as usize
}

/// A packed key with «ال» before it (none when that makes it longer than 15 characters).
#[inline]
fn with_article_prefix(k: u128) -> Option<u128> {
    let n = packed_len(k) + 2;
    let chars = k & ((1u128 << 120) - 1);
    // «ا» U+0627 and «ل» U+0644 as [`key_byte`] writes them
    (n <= 15).then_some((chars << 16) | 0xC4A7 | ((n as u128) << 120))
}

/// The characters of a packed key.
fn key_chars(k: u128) -> impl Iterator<Item = char> {
    (0..packed_len(k)).map(move |i| {
        let b = ((k >> (8 * i)) & 0xFF) as u32;
        char::from_u32(if b < 0x80 { b } else { 0x0600 + b - 0x80 })
            .expect("a packed key character")
    })
}

const BLOOM_WORDS: usize = 1 << 13;

/// The hash of a packed key: its high bits pick the Bloom filter's bit and the key table's home
/// slot (the high bits of a product depend on every bit of the key).
#[inline]
fn key_hash(k: u128) -> u64 {
    ((k as u64) ^ ((k >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

#[inline]
fn bloom_bit(k: u128) -> usize {
    (key_hash(k) >> (64 - 19)) as usize
}

/// A token's view characters, as [`Token::view`] gives them (inlined here: this is read for
/// every token).
#[inline]
fn view_of<'a>(a: &'a Analysis, t: &Token) -> &'a [char] {
    let chars = &a.view.chars;
    let end = (t.nend as usize).min(chars.len());
    &chars[(t.nstart as usize).min(end)..end]
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

/// A token's packed stem key as [`Matcher::token_entries`] packs it on its usual path (a word
/// without a pronoun whose stem packs, with 16 view characters from its stem on), or 0 for any
/// other token, and whether the token is a word without a pronoun; `last` is where the last
/// window of 16 characters starts. A window is read for every token (the text's first when the
/// token has none) and the outcome chosen without a branch. (A word whose stem ends in a ta
/// marbuta, which the segmenter reads only before a pronoun, is left to the slow path.)
/// With `AVX2`, the window is packed by [`pack_stem_avx2`]: only in [`pack_tokens_avx2`].
///
/// # Safety
///
/// `chars` has at least `last` + 16 characters (the window is read without a bounds check).
#[inline(always)]
unsafe fn packed_stem<const AVX2: bool>(chars: &[char], t: &Token, last: usize) -> (u128, bool) {
    let s = t.seg;
    let start = t.nstart as usize + s.stem_start as usize;
    let n = (s.stem_end as usize).wrapping_sub(s.stem_start as usize);
    let word = (t.kind == TokenKind::Word) & s.pron.is_none();
    let usual = word
        & !s.ta_marbuta
        & (start <= last)
        & (n.wrapping_sub(1) < 15)
        & (t.nstart + (s.stem_end as u32) <= t.nend);
    // (the window and length of a usual word, else none of the text's first characters: a key
    // of none packs to 0)
    let at = std::hint::select_unpredictable(usual, start, 0);
    let n = std::hint::select_unpredictable(usual, n, 0);
    debug_assert!(at + 16 <= chars.len());
    // SAFETY: `at` is `start` ≤ `last` for a usual word, else 0 ≤ `last`, and `chars` has `last`
    // + 16 characters at least (the caller's promise): the 16 characters from `at` are in it
    let window: &[char; 16] = unsafe { &*chars.as_ptr().add(at).cast::<[char; 16]>() };
    #[cfg(target_arch = "x86_64")]
    if AVX2 {
        // SAFETY: `AVX2` is set only in `pack_tokens_avx2`, which runs where the processor has
        // AVX2
        return (unsafe { pack_stem_avx2(window, n) }, word);
    }
    (pack_window(window, n).unwrap_or(0), word)
}

/// True for a token that [`Matcher::token_entries_slow`] may find a key for: a word without a
/// pronoun (`word`, as [`packed_stem`] gives it), a number or a Latin word.
#[inline(always)]
fn may_be_key(word: bool, t: &Token) -> bool {
    word | (t.kind == TokenKind::Latin) | (t.kind == TokenKind::Number)
}

/// `to.clone_from(from)` for the walk's node lists, which hold one node or two: element by
/// element (`clone_from` calls `memcpy` for the few bytes, on every step that ends a name).
#[inline(always)]
fn copy_nodes(from: &[u32], to: &mut Vec<u32>) {
    to.clear();
    for &n in from {
        to.push(n);
    }
}

/// The targets of several nodes, each once, in the order of the nodes (a node's own targets are
/// kept without repeats).
fn merge_targets<'t>(nodes: &[u32], targets_of: impl Fn(u32) -> &'t [Target]) -> Vec<Target> {
    let mut targets: Vec<Target> = Vec::new();
    for &n in nodes {
        for t in targets_of(n) {
            if !targets.contains(t) {
                targets.push(*t);
            }
        }
    }
    targets
}

#[inline]
fn is_quote(a: &Analysis, t: &Token) -> bool {
    t.kind == TokenKind::Punct
        && matches!(
            view_of(a, t),
            ['«' | '»' | '“' | '”' | '"' | '\'' | '‹' | '›' | '„']
        )
}

/// The first pass of [`Matcher::read_keys`]: the tokens to look up listed in `s.todo`, with
/// their packed stem keys at the same places of `s.packed` (0: a token read the slow way), and
/// how many they are. A word is looked up when the Bloom filter `bloom` may have its packed key;
/// a token whose key does not pack this way when it may still have one ([`may_be_key`]). (The
/// filter has the bit of the key 0, which no key packs to, so every token is tested the same
/// way: looked up when the filter may have its key, and, for the key 0, when it may be a key.)
#[inline(always)]
fn pack_tokens<const AVX2: bool>(
    a: &Analysis,
    bloom: &[u64; BLOOM_WORDS],
    s: &mut Scratch,
) -> usize {
    let chars: &[char] = &a.view.chars;
    let toks: &[Token] = &a.tokens;
    // (written through slices as long as the text rather than pushed: the loop then keeps the
    // characters and the lists in registers)
    let n = toks.len();
    let (todo, packed) = (&mut s.todo[..n], &mut s.packed[..n]);
    let mut n_todo = 0;
    // (a word's 16-character window starts at most here: none in a shorter view, whose words
    // are all read the slow way)
    let Some(last) = chars.len().checked_sub(16) else {
        for (i, t) in toks.iter().enumerate() {
            todo[n_todo] = i as u32;
            packed[n_todo] = 0;
            let word = (t.kind == TokenKind::Word) & t.seg.pron.is_none();
            n_todo += may_be_key(word, t) as usize;
        }
        return n_todo;
    };
    for (i, t) in toks.iter().enumerate() {
        // SAFETY: `chars` has `last` + 16 characters
        let (k, word) = unsafe { packed_stem::<AVX2>(chars, t, last) };
        let b = bloom_bit(k);
        let may_have = bloom[b / 64] & (1 << (b % 64)) != 0;
        debug_assert!(n_todo <= i && i < n);
        // SAFETY: `n_todo` ≤ `i` < `n`, the lists' length (it grows by one at most a token)
        unsafe {
            *todo.get_unchecked_mut(n_todo) = i as u32;
            *packed.get_unchecked_mut(n_todo) = k;
        }
        n_todo += (may_have & ((k != 0) | may_be_key(word, t))) as usize;
    }
    n_todo
}

/// [`pack_tokens`] compiled for AVX2, packing with [`pack_stem_avx2`].
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn pack_tokens_avx2(a: &Analysis, bloom: &[u64; BLOOM_WORDS], s: &mut Scratch) -> usize {
    pack_tokens::<true>(a, bloom, s)
}

/// The Bloom filter of a matcher without packed keys: the bit of the key 0 alone
/// ([`pack_tokens`]).
static NO_BLOOM: [u64; BLOOM_WORDS] = {
    let mut bloom = [0; BLOOM_WORDS];
    bloom[0] = 1;
    bloom
};

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
        m.compile();
        m
    }

    /// Every key with its id (ids run from 0 to the number of keys).
    pub fn keys(&self) -> Vec<(u32, String)> {
        let mut out: Vec<(u32, String)> = self
            .long
            .iter()
            .map(|(k, e)| (e.id, k.to_string()))
            .collect();
        for (&k, e) in &self.packed {
            let key = key_chars(k).collect();
            out.push((e.id, key));
        }
        out.sort_unstable();
        out
    }

    /// Number of names compiled.
    pub fn len(&self) -> usize {
        self.names
    }

    /// True when nothing was compiled.
    pub fn is_empty(&self) -> bool {
        self.names == 0
    }

    /// The entry of a key, made on first sight.
    fn intern(&mut self, key: &str) -> &mut KeyEntry {
        let entry = KeyEntry {
            id: (self.packed.len() + self.long.len()) as u32,
            ..NO_ENTRY
        };
        let chars: Vec<char> = key.chars().collect();
        match pack(&chars) {
            Some(p) => {
                if self.bloom.is_empty() {
                    self.bloom = vec![0; BLOOM_WORDS];
                    // (the bit of the key 0, which no key packs to: see [`pack_tokens`])
                    let b = bloom_bit(0);
                    self.bloom[b / 64] |= 1 << (b % 64);
                }
                let b = bloom_bit(p);
                self.bloom[b / 64] |= 1 << (b % 64);
                self.packed.entry(p).or_insert(entry)
            }
            None => self.long.entry(Box::from(key)).or_insert(entry),
        }
    }

    /// Watch a key: [`Matcher::find_with_watched`] reports every token whose key (for a word:
    /// its stem key, without clitics or article) it is. Matching is not changed: a key that no
    /// name has leads nowhere.
    pub fn watch(&mut self, key: &str) {
        self.intern(key).watched = true;
        let chars: Vec<char> = key.chars().collect();
        if let Some(k) = pack(&chars) {
            if let Some(&e) = self.packed.get(&k) {
                self.table.set(k, e);
            }
        }
    }

    /// A word's stem key: its stem's view characters with a ta marbuta restored (ه for the ت
    /// before a pronoun), packed when it packs ([`pack`]), else as characters (written into
    /// `long`); none for a word without a stem.
    fn stem_key(a: &Analysis, t: &Token, long: &mut Vec<char>) -> StemKey {
        let chars = &a.view.chars;
        let s = t.seg;
        let end = (t.nend as usize).min(chars.len());
        let st = (t.nstart as usize).min(end) + s.stem_start as usize;
        let en = ((t.nstart as usize).min(end) + s.stem_end as usize).min(end);
        if st >= en {
            return StemKey::None;
        }
        long.clear();
        long.extend_from_slice(&chars[st..en]);
        if s.ta_marbuta {
            long[en - st - 1] = 'ه';
        }
        match pack(long) {
            Some(k) => StemKey::Packed(k),
            None => StemKey::Long,
        }
    }

    /// A token's entries, without and with its article (the second only for a definite word
    /// whose stem is [`KeyEntry::with_article`]).
    ///
    /// The usual case — a word whose stem packs, with 16 view characters from its stem on — is
    /// kept short: its 16 characters are packed at once ([`pack_window`], the characters after
    /// the stem masked out), and everything else is [`Matcher::token_entries_slow`]. Matching
    /// reads every token of a text the same way, in passes ([`Matcher::read_keys`]); this reads
    /// one word ([`Matcher::word_targets`]).
    #[inline(always)]
    fn token_entries(&self, a: &Analysis, t: &Token, buf: &mut String) -> [KeyEntry; 2] {
        let s = t.seg;
        // (`|` and `&` rather than `||` and `&&`: one branch on the outcome, rarely taken, not
        // one on each operand, which would be taken for two words in five)
        if (t.kind != TokenKind::Word) | s.pron.is_some() {
            return self.token_entries_slow(a, t, buf);
        }
        let chars = &a.view.chars;
        let start = t.nstart as usize + s.stem_start as usize;
        let n = (s.stem_end as usize).wrapping_sub(s.stem_start as usize);
        let window = match chars.get(start..start + 16) {
            Some(w) if (1..=15).contains(&n) && t.nstart + (s.stem_end as u32) <= t.nend => w,
            _ => return self.token_entries_slow(a, t, buf),
        };
        let window: &[char; 16] = window.try_into().expect("16 characters");
        let Some(mut k) = pack_window(window, n) else {
            return self.token_entries_slow(a, t, buf);
        };
        if s.ta_marbuta {
            // the stem's last character, a ت, is keyed as ه (0x647 packs to 0xC7)
            let at = 8 * (n - 1);
            k = (k & !(0xFF << at)) | (0xC7 << at);
        }
        let plain = self.get_packed(k);
        let art = if s.article & plain.with_article {
            match with_article_prefix(k) {
                Some(k) => self.get_packed(k),
                None => return self.token_entries_slow(a, t, buf),
            }
        } else {
            NO_ENTRY
        };
        [plain, art]
    }

    /// [`Matcher::token_entries`] of any token.
    #[cold]
    #[inline(never)]
    fn token_entries_slow(&self, a: &Analysis, t: &Token, buf: &mut String) -> [KeyEntry; 2] {
        if t.seg.pron.is_some() {
            return [NO_ENTRY; 2];
        }
        match t.kind {
            TokenKind::Word => {
                let mut long = Vec::new();
                match Self::stem_key(a, t, &mut long) {
                    StemKey::None => [NO_ENTRY; 2],
                    StemKey::Packed(k) => {
                        let plain = self.get_packed(k);
                        let art = if t.seg.article && plain.with_article {
                            match with_article_prefix(k) {
                                Some(k) => self.get_packed(k),
                                None => {
                                    self.get_long(['ا', 'ل'].into_iter().chain(key_chars(k)), buf)
                                }
                            }
                        } else {
                            NO_ENTRY
                        };
                        [plain, art]
                    }
                    StemKey::Long => {
                        let plain = self.get_long(long.iter().copied(), buf);
                        let art = if t.seg.article && plain.with_article {
                            self.get_long(['ا', 'ل'].into_iter().chain(long.iter().copied()), buf)
                        } else {
                            NO_ENTRY
                        };
                        [plain, art]
                    }
                }
            }
            TokenKind::Latin | TokenKind::Number => {
                [self.lookup_chars(view_of(a, t), buf), NO_ENTRY]
            }
            _ => [NO_ENTRY; 2],
        }
    }

    /// True when the Bloom filter may hold a packed key.
    #[inline]
    fn may_have(&self, k: u128) -> bool {
        let b = bloom_bit(k);
        self.bloom
            .get(b / 64)
            .is_some_and(|w| w & (1 << (b % 64)) != 0)
    }

    /// The entry of a packed key, through the Bloom filter.
    #[inline]
    fn get_packed(&self, k: u128) -> KeyEntry {
        if !self.may_have(k) {
            return NO_ENTRY;
        }
        self.table.get(k)
    }

    /// The entry of a key that does not pack (too long, or characters outside the packed range).
    fn get_long(&self, chars: impl Iterator<Item = char>, buf: &mut String) -> KeyEntry {
        if self.long.is_empty() {
            return NO_ENTRY;
        }
        buf.clear();
        buf.extend(chars);
        self.long.get(buf.as_str()).copied().unwrap_or(NO_ENTRY)
    }

    /// The entry of a key given as characters.
    #[inline]
    fn lookup_chars(&self, chars: &[char], buf: &mut String) -> KeyEntry {
        match pack(chars) {
            Some(k) => self.get_packed(k),
            None => self.get_long(chars.iter().copied(), buf),
        }
    }

    /// Add one name to the trie; `article` keeps the article in its keys (place names).
    /// [`Matcher::compile`] readies the trie for matching once every name is added.
    fn add(&mut self, name: &str, target: Target, article: bool) {
        let a = Analysis::new(name);
        let mut buf = String::new();
        let mut node = 0u32;
        let mut any = false;
        // the article of the name's first two keyed words
        let mut definite: [Option<bool>; 2] = [None; 2];
        for t in &a.tokens {
            if is_quote(&a, t) {
                continue;
            }
            if !name_token_key(&a, t, article, &mut buf) {
                continue;
            }
            if let Some(d) = definite.iter_mut().find(|d| d.is_none()) {
                *d = Some(t.seg.article);
            }
            if article && t.seg.article && buf.starts_with("ال") {
                self.intern(&buf["ال".len()..]).with_article = true;
            }
            let k = self.intern(&buf).id;
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
            if self.outputs.len() <= node as usize {
                self.outputs.resize(node as usize + 1, Vec::new());
            }
            let out = &mut self.outputs[node as usize];
            if !out.contains(&target) {
                out.push(target);
                self.names += 1;
            }
            let construct =
                !matches!(target, Target::Place(_)) && definite == [Some(false), Some(true)];
            if construct {
                self.construct_yes.insert(node);
            } else {
                self.construct_no.insert(node);
            }
        }
    }

    /// Ready the trie for matching: each node's children become a sorted slice, its names' targets
    /// another, each key's entry learns the node it leads to from the root, and the nodes that
    /// end a name or have children are marked in bit sets.
    fn compile(&mut self) {
        let mut edges: Vec<(u32, u32, u32)> = self
            .edges
            .drain()
            .map(|((node, key), child)| (node, key, child))
            .collect();
        edges.sort_unstable();
        let mut root: FxHashMap<u32, u32> = FxHashMap::default();
        let nodes = self.nodes as usize;
        self.child_start = Vec::with_capacity(nodes + 1);
        self.child_keys = Vec::with_capacity(edges.len());
        self.child_nodes = Vec::with_capacity(edges.len());
        let mut e = 0;
        for node in 0..nodes as u32 {
            self.child_start.push(e as u32);
            while e < edges.len() && edges[e].0 == node {
                let (_, key, child) = edges[e];
                self.child_keys.push(key);
                self.child_nodes.push(child);
                if node == 0 {
                    root.insert(key, child);
                } else {
                    self.inner.insert(node);
                }
                e += 1;
            }
        }
        self.child_start.push(e as u32);
        for entry in self.packed.values_mut().chain(self.long.values_mut()) {
            entry.root = root.get(&entry.id).copied().unwrap_or(0);
        }
        // (in id order: the first names' keys, the actors', get their home slots)
        let mut packed: Vec<(u128, KeyEntry)> = self.packed.iter().map(|(&k, &e)| (k, e)).collect();
        packed.sort_unstable_by_key(|&(_, e)| e.id);
        self.table = KeyTable::default();
        for (k, e) in packed {
            self.table.set(k, e);
        }
        self.target_start = Vec::with_capacity(nodes + 1);
        for node in 0..nodes {
            self.target_start.push(self.targets.len() as u32);
            if let Some(out) = self.outputs.get(node).filter(|o| !o.is_empty()) {
                self.terminal.insert(node as u32);
                self.targets.extend_from_slice(out);
                let n = node as u32;
                if self.construct_yes.contains(n) && !self.construct_no.contains(n) {
                    self.construct.insert(n);
                }
            }
        }
        self.target_start.push(self.targets.len() as u32);
        // (needed only while names are added)
        self.construct_yes = NodeBits::default();
        self.construct_no = NodeBits::default();
        for (&k, e) in &self.packed {
            let Some(article) = with_article_prefix(k).and_then(|ka| self.packed.get(&ka)) else {
                continue;
            };
            if e.with_article && e.root != 0 && article.root != 0 && article.root != e.root {
                let from = self.root_pair_targets.len() as u32;
                let merged = merge_targets(&[e.root, article.root], |n| {
                    let n = n as usize;
                    &self.targets[self.target_start[n] as usize..self.target_start[n + 1] as usize]
                });
                self.root_pair_targets.extend_from_slice(&merged);
                let to = self.root_pair_targets.len() as u32;
                self.root_pairs.insert((e.root, article.root), (from, to));
            }
        }
        self.edges = FxHashMap::default();
        self.outputs = Vec::new();
    }

    /// The node reached from `node` by key `key` (`node` has children).
    #[inline]
    fn child(&self, node: u32, key: u32) -> Option<u32> {
        let (s, e) = (
            self.child_start[node as usize] as usize,
            self.child_start[node as usize + 1] as usize,
        );
        self.child_keys[s..e]
            .binary_search(&key)
            .ok()
            .map(|p| self.child_nodes[s + p])
    }

    /// What the names ending at a node stand for.
    #[inline]
    fn targets_of(&self, node: u32) -> &[Target] {
        let n = node as usize;
        &self.targets[self.target_start[n] as usize..self.target_start[n + 1] as usize]
    }

    /// What the names ending at any of `nodes` stand for, each once, in the order of the nodes:
    /// borrowed for one node and for a definite word's two roots ([`Matcher::root_pairs`]), so a
    /// match or a word allocates nothing but in the rare other cases.
    #[inline(always)]
    fn targets_of_nodes(&self, nodes: &[u32]) -> Cow<'_, [Target]> {
        match *nodes {
            [n] => Cow::Borrowed(self.targets_of(n)),
            _ => self.targets_of_several(nodes),
        }
    }

    /// Give each node (and each pair of roots a definite word reads) the countries of its
    /// targets, each once, as `country_of` reads a target's country, so that
    /// [`Match::countries`] can be read without reading each target's facts.
    pub fn set_countries(&mut self, country_of: impl Fn(Target) -> Option<crate::CountryId>) {
        fn distinct(
            targets: &[Target],
            country_of: &impl Fn(Target) -> Option<crate::CountryId>,
            out: &mut Vec<crate::CountryId>,
        ) {
            let from = out.len();
            for &t in targets {
                if let Some(c) = country_of(t) {
                    if !out[from..].contains(&c) {
                        out.push(c);
                    }
                }
            }
        }
        let nodes = self.target_start.len().saturating_sub(1);
        let mut country_start = Vec::with_capacity(nodes + 1);
        let mut countries = Vec::new();
        for n in 0..nodes as u32 {
            country_start.push(countries.len() as u32);
            distinct(self.targets_of(n), &country_of, &mut countries);
        }
        country_start.push(countries.len() as u32);
        let mut ranges = FxHashMap::default();
        let mut pair_countries = Vec::new();
        for (&pair, &(from, to)) in &self.root_pairs {
            let c = pair_countries.len() as u32;
            distinct(
                &self.root_pair_targets[from as usize..to as usize],
                &country_of,
                &mut pair_countries,
            );
            ranges.insert(pair, (c, pair_countries.len() as u32));
        }
        self.country_start = country_start;
        self.countries = countries;
        self.root_pair_country_ranges = ranges;
        self.root_pair_countries = pair_countries;
    }

    /// [`Match::countries`] for a match ending at `nodes`.
    #[inline(always)]
    fn countries_of_nodes(&self, nodes: &[u32]) -> Option<&[crate::CountryId]> {
        if self.country_start.is_empty() {
            return None;
        }
        match *nodes {
            [n] => {
                let n = n as usize;
                Some(
                    &self.countries
                        [self.country_start[n] as usize..self.country_start[n + 1] as usize],
                )
            }
            [n, m] => self
                .root_pair_country_ranges
                .get(&(n, m))
                .map(|&(from, to)| &self.root_pair_countries[from as usize..to as usize]),
            _ => None,
        }
    }

    /// [`Matcher::targets_of_nodes`] of two nodes or more.
    #[inline(never)]
    fn targets_of_several(&self, nodes: &[u32]) -> Cow<'_, [Target]> {
        if let [n, m] = *nodes {
            if let Some(&(from, to)) = self.root_pairs.get(&(n, m)) {
                return Cow::Borrowed(&self.root_pair_targets[from as usize..to as usize]);
            }
        }
        Cow::Owned(merge_targets(nodes, |n| self.targets_of(n)))
    }

    /// What the names matched in a text of word `i` of `a` alone stand for, in the order
    /// [`Matcher::find`] gives them (none: that word alone is no name). A word reads the same
    /// alone (its segmentation depends on its letters only), so this is `find` on
    /// `Analysis::new(` the word `)` without analysing it again; other tokens (a written-apart
    /// prefix is one only before a glued word) are for the caller to analyse.
    pub fn word_targets(&self, a: &Analysis, i: usize) -> Option<Cow<'_, [Target]>> {
        let t = &a.tokens[i];
        debug_assert_eq!(t.kind, TokenKind::Word);
        let mut buf = String::new();
        let [plain, art] = self.token_entries(a, t, &mut buf);
        let nodes = match [plain.root, art.root] {
            [0, 0] => return None,
            [n, 0] | [0, n] => &[n][..],
            [n, m] if n == m => &[n][..],
            [n, m] => &[n, m][..],
        };
        if !nodes.iter().any(|&n| self.terminal.contains(n)) {
            return None;
        }
        Some(self.targets_of_nodes(nodes))
    }

    /// The keys ([`Matcher::token_entries`]) of the tokens that may have one into `s.keys`
    /// (which is [`TokenKeys::NONE`] for every other token), and the tokens that start a name and
    /// the watched ones listed in `s.starts` and `s.watched`; how many tokens were looked up
    /// (listed in `s.todo`), and how many of each list.
    ///
    /// This is the one part of matching that reads every token, and it is done in passes that
    /// each keep to one kind of work: no pass branches on what no predictor could guess (whether
    /// a word is some name's word is a coin toss on news text: about two words in five are), and
    /// the lookups of successive words, independent of one another, overlap.
    /// 1. Each word's stem is packed ([`pack_window`]); the words whose packed key the Bloom
    ///    filter may have are listed in `s.todo`, with the key, as are the tokens that are not
    ///    read so but may still have a key (a stem that does not pack, the end of the text, a
    ///    number: [`may_be_key`]).
    /// 2. Those are looked up in the key table, or read by [`Matcher::token_entries_slow`], and
    ///    listed, in text order, when they start a name or are watched.
    ///
    /// Every index is written at the next free place of its list, which is taken only when the
    /// token is one: the lists are as long as the longest text yet.
    fn read_keys(&self, a: &Analysis, s: &mut Scratch, buf: &mut String) -> [usize; 3] {
        let toks = &a.tokens;
        let n = toks.len();
        if s.todo.len() < n {
            for list in [&mut s.todo, &mut s.starts, &mut s.watched] {
                list.resize(n, 0);
            }
            s.packed.resize(n, 0);
            s.keys.resize(n, TokenKeys::NONE);
        }
        let bloom = <&[u64; BLOOM_WORDS]>::try_from(&self.bloom[..]).unwrap_or(&NO_BLOOM);
        // 1.
        #[cfg(target_arch = "x86_64")]
        let n_todo = if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2
            unsafe { pack_tokens_avx2(a, bloom, s) }
        } else {
            pack_tokens::<false>(a, bloom, s)
        };
        #[cfg(not(target_arch = "x86_64"))]
        let n_todo = pack_tokens::<false>(a, bloom, s);
        // 2.
        let (n_starts, n_watched) = self.look_up(a, s, n_todo, buf);
        [n_todo, n_starts, n_watched]
    }

    /// The second pass of [`Matcher::read_keys`], over the first `n_todo` tokens listed: each
    /// token's keys (as [`Matcher::token_entries`] reads a word whose stem packs, or read the
    /// slow way) into `s.keys`, and the tokens that start a name and the watched ones listed;
    /// how many of each. (A function of its own: inlined into the walk's, its loop kept more of
    /// its values on the stack.)
    #[inline(never)]
    fn look_up(
        &self,
        a: &Analysis,
        s: &mut Scratch,
        n_todo: usize,
        buf: &mut String,
    ) -> (usize, usize) {
        let toks = &a.tokens;
        let (mut n_starts, mut n_watched) = (0, 0);
        for (&i, &k) in s.todo[..n_todo].iter().zip(&s.packed[..n_todo]) {
            let t = &toks[i as usize];
            // (each path writes the token's keys itself and gives back whether it starts a name
            // and is watched: merged as values, the keys went through a record on the stack
            // written in parts and read back whole, which stalled every token. A usual word's
            // keys are made here; the other paths are functions of their own)
            let keys = &mut s.keys[i as usize];
            let (start, watched) = if k == 0 {
                self.slow_keys(a, t, buf, keys)
            } else {
                let plain = self.table.get(k);
                if t.seg.article & plain.with_article {
                    self.definite_keys(k, plain, a, t, buf, keys)
                } else {
                    *keys = TokenKeys {
                        ids: [plain.id, NO_KEY],
                        roots: [plain.root, 0],
                    };
                    (plain.root != 0, plain.watched)
                }
            };
            s.starts[n_starts] = i;
            n_starts += start as usize;
            s.watched[n_watched] = i;
            n_watched += watched as usize;
        }
        (n_starts, n_watched)
    }

    /// The keys of a token read the slow way ([`Matcher::token_entries_slow`]) written into
    /// `keys`; whether the token starts a name, and whether its first key is watched.
    #[inline(never)]
    fn slow_keys(
        &self,
        a: &Analysis,
        t: &Token,
        buf: &mut String,
        keys: &mut TokenKeys,
    ) -> (bool, bool) {
        let entries = self.token_entries_slow(a, t, buf);
        *keys = TokenKeys::of(entries);
        (keys.roots != [0, 0], entries[0].watched)
    }

    /// [`Matcher::slow_keys`] of a definite word whose packed stem key `k` has the entry
    /// `plain`, which says that the stem occurs with its article in some name: looked up again
    /// with it.
    #[inline(never)]
    fn definite_keys(
        &self,
        k: u128,
        plain: KeyEntry,
        a: &Analysis,
        t: &Token,
        buf: &mut String,
        keys: &mut TokenKeys,
    ) -> (bool, bool) {
        let Some(k) = with_article_prefix(k) else {
            return self.slow_keys(a, t, buf, keys);
        };
        *keys = TokenKeys::of([plain, self.get_packed(k)]);
        (keys.roots != [0, 0], plain.watched)
    }

    /// The walk of the trie from the name's first word, token `i`: the end of the longest name
    /// found there (0: none), with the nodes it ends at in `best_nodes` (`frontier` and `next`
    /// are the walk's node lists, reused).
    ///
    /// The walk is at one node nearly always (a token's second key, with its article, leads
    /// elsewhere only for a few place names), and that walk keeps its node in a register and
    /// follows at most a token's two keys; once two nodes are reached, [`Matcher::walk_on`]
    /// goes on with node lists. Either way the steps are the same: quotation marks are skipped, a
    /// conjunction ends the name, a word with a preposition is looked up whole, and a name in
    /// construct does not start at a word with the article.
    #[inline(always)]
    fn walk(
        &self,
        a: &Analysis,
        keys: &[TokenKeys],
        i: usize,
        buf: &mut String,
        [frontier, next, best_nodes]: [&mut Vec<u32>; 3],
    ) -> usize {
        let toks = &a.tokens;
        let definite_first = toks[i].seg.article;
        let [r0, r1] = keys[i].roots;
        let mut best_end = 0;
        let mut j = i + 1;
        if r0 != 0 && r1 != 0 && r0 != r1 {
            // two roots (a definite word's stem without and with its article)
            frontier.clear();
            frontier.extend([r0, r1]);
            if frontier.iter().any(|&n| self.terminal.contains(n)) {
                best_end = i + 1;
                copy_nodes(frontier, best_nodes);
            }
            return self.walk_on(
                a,
                keys,
                j,
                definite_first,
                best_end,
                buf,
                [frontier, next, best_nodes],
            );
        }
        let mut node = if r0 != 0 { r0 } else { r1 };
        let mut best = node;
        if self.terminal.contains(node) {
            best_end = i + 1;
        }
        // while the node has children (else no longer name can follow, whatever comes next)
        while j < toks.len() && self.inner.contains(node) {
            let t = &toks[j];
            if is_quote(a, t) {
                j += 1;
                continue;
            }
            if t.seg.conj.is_some() {
                break;
            }
            let ids = if t.seg.prep.is_some() && t.kind == TokenKind::Word {
                [self.lookup_chars(view_of(a, t), buf).id, NO_KEY]
            } else {
                keys[j].ids
            };
            let step = |k: u32| {
                if k == NO_KEY {
                    None
                } else {
                    self.child(node, k)
                }
            };
            j += 1;
            node = match (step(ids[0]), step(ids[1])) {
                (None, None) => break,
                (Some(n), None) | (None, Some(n)) => n,
                (Some(n), Some(m)) if n == m => n,
                (Some(n), Some(m)) => {
                    // two nodes: the walk goes on with node lists
                    if best_end != 0 {
                        copy_nodes(&[best], best_nodes);
                    }
                    frontier.clear();
                    frontier.extend([n, m]);
                    best_end = self.note_ends(frontier, j, definite_first, best_end, best_nodes);
                    return self.walk_on(
                        a,
                        keys,
                        j,
                        definite_first,
                        best_end,
                        buf,
                        [frontier, next, best_nodes],
                    );
                }
            };
            // (a name in construct does not start at a word with the article)
            if self.terminal.contains(node) && !(definite_first && self.construct.contains(node)) {
                best_end = j;
                best = node;
            }
        }
        if best_end != 0 {
            copy_nodes(&[best], best_nodes);
        }
        best_end
    }

    /// [`Matcher::walk`] from the nodes in `frontier`, reached before token `j`, with the longest
    /// name found so far ending at `best_end` (0: none) at `best_nodes`.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn walk_on(
        &self,
        a: &Analysis,
        keys: &[TokenKeys],
        mut j: usize,
        definite_first: bool,
        mut best_end: usize,
        buf: &mut String,
        [frontier, next, best_nodes]: [&mut Vec<u32>; 3],
    ) -> usize {
        let toks = &a.tokens;
        // while some node has children (else no longer name can follow, whatever comes next)
        while j < toks.len() && frontier.iter().any(|&n| self.inner.contains(n)) {
            let t = &toks[j];
            if is_quote(a, t) {
                j += 1;
                continue;
            }
            // inside a name a word with a proclitic («المؤسسة الوطنية للنفط») matches the name's
            // word written the same way, whole; a conjunction never continues a name
            let whole;
            let step_ids: &[u32] = if t.seg.conj.is_some() {
                break;
            } else if t.seg.prep.is_some() && t.kind == TokenKind::Word {
                whole = [self.lookup_chars(view_of(a, t), buf).id];
                &whole
            } else {
                &keys[j].ids
            };
            next.clear();
            for &node in frontier.iter() {
                if !self.inner.contains(node) {
                    continue;
                }
                for &k in step_ids {
                    if k == NO_KEY {
                        continue;
                    }
                    if let Some(n) = self.child(node, k) {
                        if !next.contains(&n) {
                            next.push(n);
                        }
                    }
                }
            }
            std::mem::swap(frontier, next);
            j += 1;
            best_end = self.note_ends(frontier, j, definite_first, best_end, best_nodes);
        }
        best_end
    }

    /// After a step of the walk to the nodes in `frontier`, before token `j`: `j` when a name
    /// ends at one of them (they are then the best nodes), else `best_end`. A name in construct
    /// does not start at a word with the article.
    #[inline]
    fn note_ends(
        &self,
        frontier: &[u32],
        j: usize,
        definite_first: bool,
        best_end: usize,
        best_nodes: &mut Vec<u32>,
    ) -> usize {
        let ends =
            |n: u32| self.terminal.contains(n) && !(definite_first && self.construct.contains(n));
        if !frontier.iter().any(|&n| ends(n)) {
            return best_end;
        }
        copy_nodes(frontier, best_nodes);
        if definite_first {
            best_nodes.retain(|&n| !self.construct.contains(n));
        }
        j
    }

    /// Find every name in an analysed text: longest match first, left to right, no overlaps.
    pub fn find(&self, a: &Analysis) -> Vec<Match<'_>> {
        self.find_with_watched(a).0
    }

    /// [`Matcher::find`], and the indices of the tokens whose key is watched ([`Matcher::watch`]),
    /// in text order: read in the same pass over the tokens, so a caller looking for a few words
    /// need not read every token again.
    pub fn find_with_watched(&self, a: &Analysis) -> (Vec<Match<'_>>, Vec<usize>) {
        let toks = &a.tokens;
        // (for the few keys that do not pack: allocated only if one is met)
        let mut buf = String::new();
        // every token's keys, written into buffers kept for the thread (a text's tokens are
        // many: allocating and freeing them on every call cost more than filling them)
        let mut scratch = SCRATCH.with(|k| k.take());
        let [n_todo, n_starts, n_watched] = self.read_keys(a, &mut scratch, &mut buf);
        let Scratch {
            todo,
            packed,
            mut keys,
            starts,
            watched,
            mut frontier,
            mut next,
            mut best_nodes,
            mut late_starts,
        } = scratch;
        let mut out = Vec::with_capacity(toks.len() / 12 + 4);
        // the trie nodes the walk is at (several when a token has two keys), the next step's, and
        // those of the longest name found so far; reused, so a walk allocates nothing
        frontier.clear();
        next.clear();
        best_nodes.clear();
        // the first token a name may start at (after the last name found)
        let mut resume = 0;
        for &i in &starts[..n_starts] {
            let i = i as usize;
            if i < resume {
                continue;
            }
            // the end of the longest name found (0: none), its nodes in `best_nodes`
            let best_end = self.walk(
                a,
                &keys,
                i,
                &mut buf,
                [&mut frontier, &mut next, &mut best_nodes],
            );
            if best_end == 0 {
                continue;
            }
            let end = best_end;
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
            // `a.view.to_original(stem_view, stem_view + 1).0`, read from the token where it can
            // be: a token starts at the original index of its first view character, so without
            // proclitics that is its own start (the offset map is not touched: on a long text it is
            // out of cache, and this runs for every match). With proclitics it is read from the
            // map once the walk is done, for all such matches at once (read here, each miss
            // held up the walk after it)
            let start = if t0.kind != TokenKind::Word || skip == 0 {
                debug_assert!(
                    t0.kind != TokenKind::Word
                        || t0.start == a.view.to_original(stem_view, stem_view + 1).0
                );
                t0.start
            } else if stem_view < a.view.chars.len() {
                late_starts.push((out.len() as u32, stem_view as u32));
                0
            } else {
                a.view.original_len()
            };
            let targets = self.targets_of_nodes(&best_nodes);
            let countries = self.countries_of_nodes(&best_nodes);
            // (a caller reads what each match stands for: asked for from memory now, while the
            // walk goes on, as the lexicon's lists are mostly out of cache)
            prefetch(targets.as_ptr());
            if let Some(c) = countries {
                prefetch(c.as_ptr());
            }
            out.push(Match {
                first_token: i,
                end_token: end,
                start,
                end: toks[end - 1].end,
                targets,
                first_key: keys[i].ids[0],
                countries,
            });
            resume = end;
        }
        for &(m, v) in &late_starts {
            out[m as usize].start = a.view.original_index(v as usize);
        }
        late_starts.clear();
        let watched_tokens = watched[..n_watched].iter().map(|&i| i as usize).collect();
        for &i in &todo[..n_todo] {
            keys[i as usize] = TokenKeys::NONE;
        }
        SCRATCH.with(|k| {
            k.set(Scratch {
                todo,
                packed,
                keys,
                starts,
                watched,
                frontier,
                next,
                best_nodes,
                late_starts,
            })
        });
        (out, watched_tokens)
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

    #[test]
    fn the_portable_packing_agrees_with_the_target_packing() {
        // every length (and none, which packs to 0), Arabic, ASCII, a character outside both
        // blocks, and masked tails
        let words = [
            "الحوثيين",
            "a",
            "UN-2",
            "صنعاء",
            "ﻻ",
            "مليشيا الحوثي",
            "x\u{0680}y",
            "é",
        ];
        for w in words {
            let chars: Vec<char> = w.chars().collect();
            for n in 0..=chars.len().min(15) {
                let mut window = ['\u{0627}'; 16];
                window[..n].copy_from_slice(&chars[..n]);
                assert_eq!(
                    pack_window(&window, n),
                    pack_window_portable(&window, n),
                    "{w:?} {n}"
                );
                if n == 0 {
                    assert_eq!(pack_window(&window, n), Some(0));
                }
                #[cfg(target_arch = "x86_64")]
                if std::arch::is_x86_feature_detected!("avx2") {
                    // SAFETY: the processor has AVX2
                    let avx2 = unsafe { pack_stem_avx2(&window, n) };
                    assert_eq!(
                        avx2,
                        pack_window_portable(&window, n).unwrap_or(0),
                        "{w:?} {n}"
                    );
                }
            }
        }
    }
    #[test]
    fn the_passes_over_the_tokens_read_each_as_alone() {
        // the built-in names; words with and without clitics, article, ta marbuta, pronoun and
        // marks, numbers, Latin words, a stem too long to pack, and words in the last 16
        // characters (read the slow way)
        let m = &crate::Lexicon::global().matcher;
        let text = "قالت وزارة الداخلية السعودية إن قواتها اعتقلت 12 شخصاً في مدينة الرياض \
                    وبمحافظة القطيف، وأعلنت حركة «حماس» وتنظيم القاعدة و UN-2 والاستخباراتيينهم \
                    مساءَ الثلاثاء بعدن";
        let a = Analysis::new(text);
        let mut scratch = Scratch::default();
        let mut buf = String::new();
        let [n_todo, n_starts, n_watched] = m.read_keys(&a, &mut scratch, &mut buf);
        assert!(scratch.packed[..n_todo].iter().filter(|&&k| k != 0).count() > 12);
        assert!(n_todo < a.tokens.len());
        let mut starts = Vec::new();
        let mut watched = Vec::new();
        for (i, t) in a.tokens.iter().enumerate() {
            let entries = m.token_entries(&a, t, &mut buf);
            let alone = TokenKeys::of(entries);
            assert_eq!(scratch.keys[i], alone, "{}", a.slice(t.start, t.end));
            if alone.roots != [0, 0] {
                starts.push(i as u32);
            }
            if entries[0].watched {
                watched.push(i as u32);
            }
        }
        assert_eq!(scratch.starts[..n_starts], starts);
        assert_eq!(scratch.watched[..n_watched], watched);
        assert!(!starts.is_empty() && !watched.is_empty());
    }

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

    /// The names `m` finds in `text`: each match's text and targets.
    fn names_in(m: &Matcher, text: &str) -> Vec<(String, Vec<Target>)> {
        let a = Analysis::new(text);
        m.find(&a)
            .into_iter()
            .map(|x| (a.slice(x.start, x.end), x.targets.into_owned()))
            .collect()
    }

    fn found(text: &str) -> Vec<(String, Vec<Target>)> {
        let m = Matcher::build(
            &[
                actor("houthis", "الحوثيون", &["الحوثيين", "مليشيا الحوثي"]),
                actor("aqap", "تنظيم القاعدة", &["القاعدة"]),
            ],
            &[place("tehran", "طهران"), place("sanaa", "صنعاء")],
        );
        names_in(&m, text)
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
    fn a_name_in_construct_does_not_start_at_a_definite_word() {
        let m = Matcher::build(
            &[
                actor("houthi-government", "حكومة الحوثيين", &[]),
                actor("houthis", "الحوثيون", &["الحوثيين"]),
            ],
            &[],
        );
        let names = |text: &str| names_in(&m, text);
        // «اتهمت الحكومة الحوثيين»: the government accused the Houthis
        assert_eq!(
            names("اتهمت الحكومة الحوثيين بالتصعيد"),
            vec![("الحوثيين".into(), vec![Target::ActorAlias(1)])]
        );
        // the construct itself, with a proclitic on its first word
        assert_eq!(
            names("وقالت وحكومة الحوثيين"),
            vec![("حكومة الحوثيين".into(), vec![Target::ActorName(0)])]
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
    fn a_word_alone_matches_as_a_text_of_it_alone() {
        let m = Matcher::build(
            &[actor("houthis", "الحوثيون", &["الحوثيين"])],
            &[place("x/sijn", "السجن"), place("tehran", "طهران")],
        );
        let a = Analysis::new("قال الحوثيين ولطهران إن السجن سجن قواتها");
        for (i, t) in a.tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let alone = Analysis::new(&a.slice(t.start, t.end));
            let want = m.find(&alone).first().map(|x| x.targets.to_vec());
            assert_eq!(
                m.word_targets(&a, i).map(|t| t.to_vec()),
                want,
                "{}",
                a.slice(t.start, t.end)
            );
        }
    }

    /// [`pack`] as one character at a time would write it.
    fn pack_reference(chars: &[char]) -> Option<u128> {
        if chars.is_empty() || chars.len() > 15 {
            return None;
        }
        let mut k = (chars.len() as u128) << 120;
        for (i, &c) in chars.iter().enumerate() {
            let b = match c as u32 {
                x @ 0..=0x7F => x,
                x @ 0x600..=0x67F => x - 0x600 + 0x80,
                _ => return None,
            };
            k |= (b as u128) << (8 * i);
        }
        Some(k)
    }

    #[test]
    fn keys_pack_as_one_character_at_a_time_would() {
        for s in [
            "a",
            "حوثيين",
            "abc123",
            "الدوله",
            "ابجدهوزحطيكلمنسع",
            "ابجدهوزحطيكلمنس",
            "كرکوک",
            "ۀ",
            "€",
            "\u{10FFFF}",
            "ٹ",
            "ـ",
        ] {
            let chars: Vec<char> = s.chars().collect();
            assert_eq!(pack(&chars), pack_reference(&chars), "{s}");
            if let Some(k) = pack(&chars) {
                assert_eq!(key_chars(k).collect::<Vec<_>>(), chars, "{s}");
                let mut with = vec!['ا', 'ل'];
                with.extend(&chars);
                assert_eq!(with_article_prefix(k), pack_reference(&with), "{s}");
            }
        }
    }

    #[test]
    fn every_token_is_keyed_as_the_general_path_keys_it() {
        let m = Matcher::build(
            &[actor("houthis", "الحوثيون", &["الحوثيين", "مليشيا الحوثي"])],
            &[
                place("x/sijn", "السجن"),
                place("tehran", "طهران"),
                place("x/b", "البيضاء"),
            ],
        );
        let a = Analysis::new(
            "قال الحوثيين ولطهران إن السجن سجن قواتها في البيضاء وسيطرتها على مدينة Sana'a عام 2014 والاستراتيجيات",
        );
        let mut buf = String::new();
        for t in &a.tokens {
            assert_eq!(
                m.token_entries(&a, t, &mut buf),
                m.token_entries_slow(&a, t, &mut buf),
                "{}",
                a.slice(t.start, t.end)
            );
        }
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
