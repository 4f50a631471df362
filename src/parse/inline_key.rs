//! Map keys held inline when short: the registry's name tables are refilled for every document,
//! and a surname or first name needs no allocation of its own.

use std::borrow::Borrow;
use std::hash::{Hash, Hasher};

/// Bytes a key holds without allocating: every name but the longest.
const INLINE: usize = 22;

/// A string's bytes as a map key, looked up by `&[u8]`.
#[derive(Debug, Clone)]
pub enum Key {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<[u8]>),
}

impl Key {
    pub fn new(s: &str) -> Key {
        Key::from_bytes(s.as_bytes())
    }

    /// A key of a string's bytes, for a caller that holds them without a `str`.
    pub fn from_bytes(b: &[u8]) -> Key {
        let mut bytes = [0; INLINE];
        match bytes.get_mut(..b.len()) {
            Some(dst) => {
                dst.copy_from_slice(b);
                Key::Inline {
                    len: b.len() as u8,
                    bytes,
                }
            }
            None => Key::Heap(b.into()),
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            Key::Inline { len, bytes } => bytes.get(..usize::from(*len)).unwrap_or_default(),
            Key::Heap(b) => b,
        }
    }
}

impl Borrow<[u8]> for Key {
    fn borrow(&self) -> &[u8] {
        self.as_bytes()
    }
}

// Equal and hashed as the bytes they hold, as `Borrow` requires.
impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;

    #[test]
    fn short_and_long_keys_are_found_by_their_bytes() {
        let long = "a name longer than twenty-two bytes";
        let mut m = FxHashMap::default();
        m.insert(Key::new("obama"), 1);
        m.insert(Key::new(long), 2);
        m.insert(Key::new(""), 3);
        m.insert(Key::new("exactly-twenty-two-byt"), 4);
        assert!(matches!(Key::new(long), Key::Heap(_)));
        assert!(matches!(
            Key::new("exactly-twenty-two-byt"),
            Key::Inline { .. }
        ));
        assert_eq!(m.get("obama".as_bytes()), Some(&1));
        assert_eq!(m.get(long.as_bytes()), Some(&2));
        assert_eq!(m.get("".as_bytes()), Some(&3));
        assert_eq!(m.get("exactly-twenty-two-byt".as_bytes()), Some(&4));
        assert_eq!(m.get("obam".as_bytes()), None);
    }
}
