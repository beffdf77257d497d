//! Character classes shared by the splitter, the tokeniser and the segmenter.

/// An Arabic-script letter (not a mark, digit, tatweel or punctuation).
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0621}'..='\u{063A}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}')
}

/// Punctuation: ASCII punctuation, Arabic punctuation, quotes, dashes and the like.
#[inline]
pub fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '،' | '؛' | '؟' | '٪' | '۔' | '«' | '»' | '‹' | '›' | '\u{00A1}' | '\u{00BF}' | '\u{00B7}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
            | '\u{3001}'..='\u{3003}'
            | '\u{FD3E}' | '\u{FD3F}')
}
