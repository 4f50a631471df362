use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{NarrowSpan, Span};

/// Where a topic came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicSource {
    /// A general news topic from the lexicon in `assets/topics.txt`.
    Lexicon,
    /// A salient phrase or proper noun mined from the document's own text.
    Mined,
}

/// A topic found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// Display name, e.g. "cybersecurity" or "Colonial Pipeline".
    pub name: Arc<str>,
    pub source: TopicSource,
    /// Number of keyword occurrences in the document.
    pub count: usize,
    /// Number of paragraphs that mention it.
    pub paragraphs: usize,
    /// Number of quotes that mention it.
    pub quotes: usize,
    /// Every occurrence of one of its keywords, in text order (narrow: see [`NarrowSpan`]).
    pub mentions: Box<[NarrowSpan]>,
}

impl Topic {
    /// Every occurrence of one of its keywords.
    pub fn mention_spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.mentions.iter().map(|&m| Span::from(m))
    }
}

/// Index of a topic in `Document::topics`.
pub type TopicId = usize;
