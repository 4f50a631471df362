//! Reading one input's bytes defensively: read-only, bounded in size, and judged binary from its
//! first bytes before the rest is read, so `/dev/zero`, an image or `yes |` on stdin fail fast
//! instead of filling memory.

use std::io::Read;
use std::path::Path;

use super::decode::{looks_binary, BINARY_SNIFF};

/// No article or corpus comes near this; beyond it the input is a mistake (a device, a disk
/// image, an endless pipe) and reading on would only exhaust memory.
pub const MAX_INPUT_BYTES: u64 = 1 << 30;

/// Why an input's bytes were refused.
#[derive(Debug)]
pub enum Refused {
    Io(std::io::Error),
    Binary,
    TooLarge,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Io(e) => f.write_str(&super::describe_io(e)),
            Refused::Binary => f.write_str("binary file, not an article"),
            Refused::TooLarge => write!(f, "larger than {} MiB, not read", MAX_INPUT_BYTES >> 20),
        }
    }
}

/// All the bytes of `reader`, unless its first bytes look binary or it runs past the limit.
pub fn read_all(reader: impl Read) -> Result<Vec<u8>, Refused> {
    read_capped(reader, MAX_INPUT_BYTES)
}

fn read_capped(reader: impl Read, cap: u64) -> Result<Vec<u8>, Refused> {
    let mut limited = reader.take(cap + 1);
    let mut bytes = Vec::new();
    (&mut limited)
        .take(BINARY_SNIFF as u64)
        .read_to_end(&mut bytes)
        .map_err(Refused::Io)?;
    if looks_binary(&bytes) {
        return Err(Refused::Binary);
    }
    limited.read_to_end(&mut bytes).map_err(Refused::Io)?;
    if bytes.len() as u64 > cap {
        return Err(Refused::TooLarge);
    }
    Ok(bytes)
}

/// A file's bytes. `File::open` opens read-only: input files are never modified.
pub fn read_path(path: &Path) -> Result<Vec<u8>, Refused> {
    let file = std::fs::File::open(path).map_err(Refused::Io)?;
    read_all(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_is_refused_before_the_rest_is_read() {
        // An endless stream of NULs: only the sniffed prefix is ever read.
        assert!(matches!(read_all(std::io::repeat(0)), Err(Refused::Binary)));
        let mut text = vec![b'a'; BINARY_SNIFF + 10];
        text.push(0);
        assert_eq!(read_all(&text[..]).map(|b| b.len()).ok(), Some(text.len()));
    }

    #[test]
    fn an_endless_text_stream_stops_at_the_limit() {
        // `yes |` on stdin: refused at the limit instead of exhausting memory.
        let cap = 1 << 20;
        assert!(matches!(
            read_capped(std::io::repeat(b'y'), cap),
            Err(Refused::TooLarge)
        ));
        let exact = vec![b'y'; cap as usize];
        assert!(read_capped(&exact[..], cap).is_ok());
    }
}
