//! Fast UTF-8 validation that names where the input goes wrong.

/// Input that is not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not valid UTF-8 at byte offset {offset}")]
pub struct Utf8Error {
    /// Byte offset of the first invalid sequence.
    pub offset: usize,
}

/// Validate `bytes` as UTF-8 (SIMD fast path; the exact offset is computed only on failure).
pub fn validate(bytes: &[u8]) -> Result<&str, Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(_) => match simdutf8::compat::from_utf8(bytes) {
            Ok(s) => Ok(s),
            Err(e) => Err(Utf8Error {
                offset: e.valid_up_to(),
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_arabic_passes() {
        assert_eq!(validate("مرحبا".as_bytes()), Ok("مرحبا"));
    }

    #[test]
    fn invalid_byte_is_located() {
        let mut b = "اليمن".as_bytes().to_vec();
        b.insert(4, 0xff);
        assert_eq!(validate(&b), Err(Utf8Error { offset: 4 }));
    }
}
