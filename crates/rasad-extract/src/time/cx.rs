//! What the temporal and numeric rules read: the tokens of an analysis with the lexicon matched at
//! each, and small questions about them (is token `i` a «،», are two tokens written together).

use super::lexicon::{Cand, Lex, Matches};
use rasad_text::{Analysis, TokenKind};

/// Tokens plus lexicon matches.
pub struct Cx<'a> {
    /// The analysis.
    pub a: &'a Analysis,
    /// Lexicon matches at each token.
    pub m: Matches,
}

impl<'a> Cx<'a> {
    /// Match the lexicon over an analysis.
    pub fn new(a: &'a Analysis) -> Cx<'a> {
        Cx {
            a,
            m: Matches::new(a),
        }
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.a.tokens.len()
    }

    /// True when there are no tokens.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.a.tokens.is_empty()
    }

    /// Kind of token `i` (`None` past the end).
    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.a.tokens.get(i).map(|t| t.kind)
    }

    /// The view characters of token `i`.
    #[inline]
    pub fn view(&self, i: usize) -> &[char] {
        self.a
            .tokens
            .get(i)
            .map_or(&[][..], |t| t.view(&self.a.view))
    }

    /// True when token `i` is the single character `c` in the view.
    #[inline]
    pub fn is_char(&self, i: usize, c: char) -> bool {
        self.view(i) == [c]
    }

    /// True when token `i` is a punctuation token that ends a phrase (anything but a hyphen or
    /// slash), or `i` is past the end.
    pub fn is_boundary(&self, i: usize) -> bool {
        match self.kind(i) {
            None => true,
            Some(TokenKind::Punct) => !matches!(self.view(i), ['-' | '/' | '–']),
            _ => false,
        }
    }

    /// True when tokens `i` and `i + 1` are written together (no space between them).
    #[inline]
    pub fn joined(&self, i: usize) -> bool {
        let t = &self.a.tokens;
        i + 1 < t.len() && t[i].end == t[i + 1].start
    }

    /// The first (longest) lexicon match at `i` that `f` accepts: the entry, the token after it,
    /// and the candidate.
    pub fn lex<T>(&self, i: usize, f: impl Fn(&Lex) -> Option<T>) -> Option<(T, usize, Cand)> {
        let mut best: Option<(T, usize, Cand)> = None;
        for c in self.m.at(i) {
            if let Some(v) = f(&c.lex) {
                if best.as_ref().is_none_or(|b| c.len as usize + i > b.1) {
                    best = Some((v, i + c.len as usize, *c));
                }
            }
        }
        best
    }

    /// True when a lexicon entry at `i` that `f` accepts starts there with no proclitic.
    pub fn bare(&self, i: usize, f: impl Fn(&Lex) -> bool) -> Option<usize> {
        self.lex(i, |l| f(l).then_some(()))
            .filter(|(_, _, c)| !c.cl.conj && c.cl.prep.is_none())
            .map(|(_, e, _)| e)
    }

    /// True when any lexicon entry matched at `i`.
    #[inline]
    pub fn has_lex(&self, i: usize) -> bool {
        !self.m.at(i).is_empty()
    }

    /// «و» as a word of its own (or written apart before a digit) at `i`.
    pub fn is_and(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokenKind::Word | TokenKind::Prefix)) && self.view(i) == ['و']
    }

    /// The value of a digit token: Western or Arabic-Indic digits with «,» «٬» thousands and «.» «٫»
    /// decimals, its count of integer digits, and whether it is a plain run of digits.
    pub fn digits(&self, i: usize) -> Option<(f64, usize, bool)> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        parse_digits(self.view(i))
    }

    /// Original text of tokens `s..e`.
    pub fn text(&self, s: usize, e: usize) -> String {
        let t = &self.a.tokens;
        self.a.slice(t[s].start, t[e - 1].end)
    }

    /// Original span of tokens `s..e`.
    pub fn span(&self, s: usize, e: usize) -> (u32, u32) {
        let t = &self.a.tokens;
        (t[s].start, t[e - 1].end)
    }
}

/// Parse a digit run of the view (ASCII digits, «,» and «.»).
pub fn parse_digits(v: &[char]) -> Option<(f64, usize, bool)> {
    let commas = v.iter().filter(|&&c| c == ',').count();
    let dots = v.iter().filter(|&&c| c == '.').count();
    let plain = commas == 0 && dots == 0;
    // «,» is a thousands separator when every group after it has three digits, else a decimal
    // comma; several «.» are thousands separators, one is the decimal point
    let groups_of_three = |sep: char| {
        v.split(|&c| c == sep)
            .skip(1)
            .all(|g| g.iter().take_while(|c| c.is_ascii_digit()).count() == 3)
    };
    let (thousands, decimal) = match (commas, dots) {
        (0, 0) => (None, None),
        (_, 0) if groups_of_three(',') => (Some(','), None),
        (1, 0) => (None, Some(',')),
        (0, 1) => (None, Some('.')),
        (0, _) => (Some('.'), None),
        _ => (Some(','), Some('.')),
    };
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut ndigits = 0;
    let mut in_frac = false;
    for &c in v {
        if Some(c) == thousands {
            continue;
        }
        let b = if Some(c) == decimal {
            if in_frac {
                return None;
            }
            in_frac = true;
            b'.'
        } else {
            let d = c.to_digit(10)? as u8;
            if !in_frac {
                ndigits += 1;
            }
            b'0' + d
        };
        if n == buf.len() {
            return None;
        }
        buf[n] = b;
        n += 1;
    }
    let value: f64 = std::str::from_utf8(&buf[..n]).ok()?.parse().ok()?;
    Some((value, ndigits, plain))
}

#[cfg(test)]
mod tests {
    use super::parse_digits;

    fn p(s: &str) -> f64 {
        parse_digits(&s.chars().collect::<Vec<_>>()).unwrap().0
    }

    #[test]
    fn digit_separators() {
        assert_eq!(p("1,000"), 1000.0);
        assert_eq!(p("1,000,000.5"), 1000000.5);
        assert_eq!(p("3.5"), 3.5);
        assert_eq!(p("1,5"), 1.5);
        assert_eq!(p("1.000.000"), 1000000.0);
    }
}
