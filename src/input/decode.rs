//! Bytes to text without moving offsets.

/// Decode `bytes` as UTF-8. Each byte of an invalid sequence becomes one `?`, so every byte
/// offset into the returned text is also an offset into the original bytes. Returns the offset
/// of the first invalid byte, if any.
pub fn decode_preserving_offsets(bytes: Vec<u8>) -> (String, Option<usize>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let bytes = e.into_bytes();
            let mut out = String::with_capacity(bytes.len());
            let mut first_bad = None;
            let mut rest = &bytes[..];
            let mut pos = 0;
            while !rest.is_empty() {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(err) => {
                        let good = err.valid_up_to();
                        // The prefix is valid UTF-8 by construction.
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let bad = err.error_len().unwrap_or(rest.len() - good);
                        first_bad.get_or_insert(pos + good);
                        out.extend(std::iter::repeat_n('?', bad));
                        rest = &rest[good + bad..];
                        pos += good + bad;
                    }
                }
            }
            (out, first_bad)
        }
    }
}

/// How many leading bytes [`looks_binary`] judges by.
pub const BINARY_SNIFF: usize = 8192;

/// A file that holds NUL bytes in its first 8 KiB is binary, not an article.
pub fn looks_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(BINARY_SNIFF)]).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_bytes_keep_offsets() {
        let bytes = b"ab\xffcd \xe2\x80\x9cq\xe2\x80\x9d".to_vec();
        let n = bytes.len();
        let (s, bad) = decode_preserving_offsets(bytes);
        assert_eq!(bad, Some(2));
        assert_eq!(s.len(), n);
        assert_eq!(&s[..5], "ab?cd");
        assert_eq!(&s[6..], "“q”");
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"PK\x03\x04\x00\x00"));
        assert!(!looks_binary("plain “text”".as_bytes()));
    }
}
