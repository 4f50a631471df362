use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's original text.
///
/// Byte offsets are the currency between parsing, the model and every view, so a
/// span always refers to the bytes as they were read (never to a sanitised copy).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely within `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn contains_offset(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers; empty when the span is out of range or not on char boundaries,
    /// so a stale span can never panic a view.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A [`Span`] in 8 bytes instead of 16, for the model's most numerous spans (every mention of
/// every topic: millions in a large archive, issue 5). u32 offsets suffice because input
/// refuses files and stdin over 1 GiB (`input::MAX_INPUT_BYTES`, checked in
/// `src/input/bounded.rs`); a larger text handed straight to the parser saturates instead of
/// panicking. Serialises exactly like a `Span`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct NarrowSpan {
    start: u32,
    end: u32,
}

impl From<Span> for NarrowSpan {
    fn from(s: Span) -> Self {
        debug_assert!(u32::try_from(s.end).is_ok(), "span {s:?} past 4 GiB");
        // Past the bound (impossible by the input limit) the span saturates to one that
        // `Span::text` reads as empty, rather than panicking or wrapping onto other bytes.
        let narrow = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        NarrowSpan {
            start: narrow(s.start),
            end: narrow(s.end),
        }
    }
}

impl From<NarrowSpan> for Span {
    fn from(s: NarrowSpan) -> Self {
        Span {
            start: s.start as usize,
            end: s.end as usize,
        }
    }
}
