//! Reading numbers: digits (Western and Arabic-Indic, with separators, signs and fractions), digits
//! with a multiplier word («100 ألف», «3 ملايين»), number words with their compounds («خمسمائة
//! وخمسة وعشرون», «إحدى عشرة», «ثلاث مائة», Egyptian «متين تلاتة وستين»), decimals in words («واحد
//! فاصلة واحد») and ordinals («الحادي والعشرين», «الثالثة عشرة»).
//!
//! The readers work on token indexes of a [`Cx`]; [`scan`] reads every number of a text (what
//! `rasad eval temporal` scores); the quantity and time taggers call [`cardinal`] and [`ordinal`].

use crate::time::cx::Cx;
use crate::time::lexicon::{Lex, NumKind, OrdKind};
use rasad_text::{Analysis, TokenKind};

/// A number read from tokens `s..e`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// First token.
    pub s: usize,
    /// One past the last token.
    pub e: usize,
    /// Value.
    pub value: f64,
    /// Written in words (at least in part).
    pub words: bool,
    /// Integer digits of a plain digit run (no separators), else 0.
    pub plain_digits: usize,
}

/// One number or ordinal found in a text, with its original code-point span.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Start (code point).
    pub start: u32,
    /// End (code point).
    pub end: u32,
    /// Value.
    pub value: f64,
    /// An ordinal.
    pub ordinal: bool,
}

/// Every number and ordinal of a text, left to right, longest first.
pub fn scan(a: &Analysis) -> Vec<Found> {
    let cx = Cx::new(a);
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.len() {
        if let Some(n) = ordinal(&cx, i) {
            let (start, end) = cx.span(n.s, n.e);
            out.push(Found {
                start,
                end,
                value: n.value,
                ordinal: true,
            });
            i = n.e;
        } else if let Some(n) = cardinal(&cx, i) {
            let (start, end) = cx.span(n.s, n.e);
            out.push(Found {
                start,
                end,
                value: n.value,
                ordinal: false,
            });
            i = n.e;
        } else {
            i += 1;
        }
    }
    out
}

fn num_word(cx: &Cx, i: usize) -> Option<(f64, NumKind, bool, bool, usize)> {
    cx.lex(i, |l| match *l {
        Lex::Num { v, k } => Some((v, k)),
        _ => None,
    })
    .map(|((v, k), e, c)| (v, k, c.cl.conj, c.cl.prep.is_some(), e))
}

/// A multiplier word at `i` (ألف, آلاف, مليون, ملايين): its factor and the token after it.
fn multiplier(cx: &Cx, i: usize) -> Option<(f64, usize)> {
    match num_word(cx, i)? {
        (v, NumKind::Mult | NumKind::Plural, false, false, e) => Some((v, e)),
        _ => None,
    }
}

/// A cardinal number starting at token `i`.
pub fn cardinal(cx: &Cx, i: usize) -> Option<Number> {
    // a minus sign written against the digits
    if cx.kind(i) == Some(TokenKind::Punct) || cx.kind(i) == Some(TokenKind::Symbol) {
        if matches!(cx.view(i), ['-' | '−']) && cx.joined(i) && (i == 0 || !cx.joined(i - 1)) {
            let n = digit_number(cx, i + 1)?;
            return Some(Number {
                s: i,
                value: -n.value,
                ..n
            });
        }
        // a leading Arabic decimal separator: «٫٧٧»
        let t = &cx.a.tokens[i];
        if cx.a.chars[t.start as usize] == '٫' && cx.joined(i) {
            let (v, nd, plain) = cx.digits(i + 1)?;
            if plain {
                return Some(Number {
                    s: i,
                    e: i + 2,
                    value: v / 10f64.powi(nd as i32),
                    words: false,
                    plain_digits: 0,
                });
            }
        }
        return None;
    }
    if cx.kind(i) == Some(TokenKind::Number) {
        return digit_number(cx, i);
    }
    word_number(cx, i)
}

fn digit_number(cx: &Cx, i: usize) -> Option<Number> {
    let (mut value, nd, plain) = cx.digits(i)?;
    let mut e = i + 1;
    let mut plain_digits = if plain { nd } else { 0 };
    let mut words = false;
    // a fraction written with a slash: «٧٧/١٠٠»
    if cx.is_char(e, '/') && cx.joined(i) && cx.joined(e) {
        if let Some((d, _, true)) = cx.digits(e + 1) {
            if d != 0.0 && plain {
                value /= d;
                e += 2;
                plain_digits = 0;
            }
        }
    }
    // a decimal in words: «1 فاصلة 1»
    if let Some(f) = decimal_part(cx, e) {
        value += f.0;
        e = f.1;
        plain_digits = 0;
    }
    if let Some((m, after)) = multiplier(cx, e) {
        value *= m;
        e = after;
        words = true;
        plain_digits = 0;
    }
    Some(Number {
        s: i,
        e,
        value,
        words,
        plain_digits,
    })
}

/// «فاصلة N» after a number: the fraction and the token after it.
fn decimal_part(cx: &Cx, i: usize) -> Option<(f64, usize)> {
    if cx.view(i) != ['ف', 'ا', 'ص', 'ل', 'ه'] {
        return None;
    }
    let (digits, e) = if let Some((_, _, true)) = cx.digits(i + 1) {
        (cx.view(i + 1).to_vec(), i + 2)
    } else {
        let n = word_number(cx, i + 1)?;
        let s: Vec<char> = format!("{}", n.value as u64).chars().collect();
        (s, n.e)
    };
    let mut f = 0f64;
    let mut scale = 1f64;
    for c in digits {
        scale /= 10.0;
        f += c.to_digit(10)? as f64 * scale;
    }
    Some((f, e))
}

#[derive(Default)]
struct Group {
    h: Option<f64>,
    u: Option<f64>,
    t: Option<f64>,
    teen: bool,
}

impl Group {
    fn empty(&self) -> bool {
        self.h.is_none() && self.u.is_none() && self.t.is_none()
    }
    fn value(&self) -> f64 {
        self.h.unwrap_or(0.0) + self.u.unwrap_or(0.0) + self.t.unwrap_or(0.0)
    }
}

/// A number in words starting at `i`.
pub fn word_number(cx: &Cx, i: usize) -> Option<Number> {
    let mut total = 0f64;
    let mut g = Group::default();
    let mut closed = false; // a multiplier closed the last group
    let mut parts = 0;
    let mut j = i;
    let mut end = i;
    loop {
        let mut k = j;
        let mut conj = false;
        if parts > 0 && cx.is_and(k) {
            k += 1;
            conj = true;
        }
        let Some((v, kind, wa, prep, after)) = num_word(cx, k) else {
            break;
        };
        if parts > 0 && (prep || (wa && conj)) {
            break;
        }
        let conj = conj || (parts > 0 && wa);
        let ok = match kind {
            NumKind::Hundred => {
                if closed && !conj {
                    false
                } else if g.empty() {
                    g.h = Some(v);
                    true
                } else if v == 100.0 && !conj && g.h.is_none() && g.t.is_none() && !g.teen {
                    // «ثلاث مائة»
                    g.h = Some(g.u.take().unwrap_or(1.0) * 100.0);
                    true
                } else {
                    false
                }
            }
            NumKind::Unit | NumKind::Whole => {
                if (closed && !conj) || g.u.is_some() || g.t.is_some() {
                    false
                } else {
                    g.u = Some(v);
                    g.teen = kind == NumKind::Whole;
                    true
                }
            }
            NumKind::Ten => {
                if let (Some(u), false, None, false) = (g.u, conj, g.t, g.teen) {
                    g.u = Some(u + 10.0);
                    g.teen = true;
                    true
                } else if (g.empty() && (!closed || conj))
                    || (g.h.is_some() && g.u.is_none() && g.t.is_none() && conj)
                {
                    g.u = Some(10.0);
                    g.teen = true;
                    true
                } else {
                    false
                }
            }
            NumKind::Tens => {
                if (closed && !conj) || g.t.is_some() || g.teen {
                    false
                } else if g.empty() || conj {
                    g.t = Some(v);
                    true
                } else {
                    false
                }
            }
            NumKind::Mult | NumKind::Plural => {
                if conj {
                    false
                } else if g.empty() {
                    if kind == NumKind::Plural || parts > 0 {
                        false
                    } else {
                        total += v;
                        closed = true;
                        true
                    }
                } else {
                    total += g.value() * v;
                    g = Group::default();
                    closed = true;
                    true
                }
            }
            NumKind::Dual => {
                if parts == 0 || (closed && conj) {
                    total += v;
                    closed = true;
                    true
                } else {
                    false
                }
            }
        };
        if !ok {
            break;
        }
        if !matches!(kind, NumKind::Mult | NumKind::Plural | NumKind::Dual) {
            closed = false;
        }
        parts += 1;
        j = after;
        end = after;
    }
    if parts == 0 {
        return None;
    }
    // «أحد», «إحدى» alone mean "one of", not the number
    // (with any proclitic: «كأحد»); the construct forms «اثنا/اثني» only come before «عشر»
    let alone = ["احد", "احدي", "اثنا", "اثني", "اثنتا", "اثنتي"];
    let (_, _, wa, prep, _) = num_word(cx, i)?;
    let v = &cx.view(i)[wa as usize + prep as usize..];
    if parts == 1 && alone.iter().any(|w| v.iter().copied().eq(w.chars())) {
        return None;
    }
    let mut value = total + g.value();
    if let Some((f, e)) = decimal_part(cx, end) {
        value += f;
        end = e;
    }
    Some(Number {
        s: i,
        e: end,
        value,
        words: true,
        plain_digits: 0,
    })
}

/// An ordinal starting at `i`: «الثالث», «الحادي عشر», «الخامس والعشرين», «التسعون».
pub fn ordinal(cx: &Cx, i: usize) -> Option<Number> {
    let ((v, k), mut e, c) = cx.lex(i, |l| match *l {
        Lex::Ord { v, k } => Some((v, k)),
        _ => None,
    })?;
    if c.cl.prep.is_some() && k != OrdKind::Simple {
        return None;
    }
    let mut value = v as f64;
    let mut done = false;
    if k != OrdKind::Tens {
        // «عشر/عشرة» makes a teen
        if let Some((_, after, c2)) = cx.lex(e, |l| match *l {
            Lex::Num {
                k: NumKind::Ten, ..
            } => Some(()),
            _ => None,
        }) {
            if !c2.cl.conj {
                value += 10.0;
                e = after;
                done = true;
            }
        }
        if !done {
            // «و» + tens with the article
            let mut k2 = e;
            let sep = cx.is_and(k2);
            if sep {
                k2 += 1;
            }
            if let Some((t, after, c2)) = cx.lex(k2, |l| match *l {
                Lex::Ord {
                    v,
                    k: OrdKind::Tens,
                } => Some(v),
                _ => None,
            }) {
                if sep != c2.cl.conj {
                    value += t as f64;
                    e = after;
                    done = true;
                }
            }
        }
        if !done && k == OrdKind::Compound {
            return None;
        }
    }
    Some(Number {
        s: i,
        e,
        value,
        words: true,
        plain_digits: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> Option<(f64, bool)> {
        let a = Analysis::new(s);
        scan(&a).first().map(|f| (f.value, f.ordinal))
    }

    fn card(s: &str) -> f64 {
        match first(s) {
            Some((v, false)) => v,
            other => panic!("{s}: {other:?}"),
        }
    }

    fn ord(s: &str) -> f64 {
        match first(s) {
            Some((v, true)) => v,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn digits_signs_fractions_multipliers() {
        assert_eq!(card("١٠٠٬٠٠٠٫٠"), 100000.0);
        assert_eq!(card("-١٫٢"), -1.2);
        assert_eq!(card("٧٧/١٠٠"), 0.77);
        assert_eq!(card("٫٧٧"), 0.77);
        assert_eq!(card("100 الف"), 100000.0);
        assert_eq!(card("3 ملايين"), 3000000.0);
        assert_eq!(card("1 فاصلة 1"), 1.1);
    }

    #[test]
    fn compounds_in_words() {
        assert_eq!(card("خمسمائة و خمسة و عشرون"), 525.0);
        assert_eq!(card("ثلاثمائة وخمسين"), 350.0);
        assert_eq!(card("إحدى عشرة"), 11.0);
        assert_eq!(card("ثلاث مائة"), 300.0);
        assert_eq!(card("متين تلاتة وستين"), 263.0);
        assert_eq!(card("خمسة آلاف وخمسمائة"), 5500.0);
        assert_eq!(card("ألفين"), 2000.0);
        assert_eq!(card("اتنين مليون"), 2000000.0);
        assert_eq!(card("واحد فاصلة واحد"), 1.1);
    }

    #[test]
    fn ordinals() {
        assert_eq!(ord("الحادي والعشرين"), 21.0);
        assert_eq!(ord("الثالثة عشرة"), 13.0);
        assert_eq!(ord("الاثنى عشر"), 12.0);
        assert_eq!(ord("التسعون"), 90.0);
        assert_eq!(ord("الخامس و العشرون"), 25.0);
    }

    #[test]
    fn ahad_alone_is_not_one() {
        assert_eq!(first("أحد القادة"), None);
    }
}
