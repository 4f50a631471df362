use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{NarrowSpan, Quote, Span, Speaker, Topic, TopicId};

/// A heading inside the article (a Markdown `#` heading or a short unpunctuated line between
/// paragraphs, such as "Putin denies Moscow's role").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    pub span: Span,
    /// 1 for `#`, 2 for `##`…; plain sub-headings are level 2.
    pub level: u8,
    /// Index of the first paragraph under this heading.
    pub before_paragraph: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    /// Index of the heading this paragraph falls under, if any.
    pub heading: Option<usize>,
    /// Range of indices into `Document::sentences`.
    pub sentences: std::ops::Range<usize>,
    /// Shared: the same short lists recur in every document (see [`super::Interner`]).
    pub topics: Arc<[TopicId]>,
}

/// Held in 12 bytes rather than 24: an archive has millions (issue 5). Serialises as before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    span: NarrowSpan,
    paragraph: u32,
}

impl Sentence {
    pub fn new(span: Span, paragraph: usize) -> Self {
        // A paragraph index is below the text's length, which input bounds to 1 GiB; past
        // that (impossible) it saturates to an index that names no paragraph.
        debug_assert!(u32::try_from(paragraph).is_ok(), "paragraph {paragraph}");
        Sentence {
            span: span.into(),
            paragraph: u32::try_from(paragraph).unwrap_or(u32::MAX),
        }
    }

    pub fn span(&self) -> Span {
        self.span.into()
    }

    /// Index of the paragraph holding this sentence.
    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }
}

/// One parsed article. Every span is a byte range into `text`, which holds the original bytes
/// (invalid UTF-8 sequences are replaced byte-for-byte, so offsets still match the file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// File stem, or the JSONL `id`.
    pub id: String,
    /// Where it was read from (a path, `-`, or `path:line` for a JSONL corpus).
    pub source: String,
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub text: String,
    pub title: Option<String>,
    /// The title's place in `text`, when the title is part of the text.
    pub title_span: Option<Span>,
    /// ISO date `YYYY-MM-DD` when the article states one.
    pub date: Option<String>,
    pub date_span: Option<Span>,
    pub headings: Vec<Heading>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
    pub topics: Vec<Topic>,
    /// Problems met while reading (invalid UTF-8, an unbalanced quotation mark…).
    pub warnings: Vec<String>,
}

impl Document {
    /// The text of any span of this document.
    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    /// The quotation's words including its marks.
    pub fn quote_text(&self, quote: &Quote) -> &str {
        self.slice(quote.span)
    }

    /// The name of the quote's speaker, if it has one.
    pub fn speaker_name(&self, quote: &Quote) -> Option<&str> {
        quote
            .speaker
            .and_then(|s| self.speakers.get(s))
            .map(|s| &*s.name)
    }

    /// A display title: the stated title, else the first words of the first paragraph, else the id.
    pub fn display_title(&self) -> String {
        if let Some(t) = &self.title {
            return t.clone();
        }
        if let Some(p) = self.paragraphs.first() {
            let text = self.slice(p.span);
            let words: Vec<&str> = text.split_whitespace().take(10).collect();
            if !words.is_empty() {
                let mut s = words.join(" ");
                if text.split_whitespace().count() > 10 {
                    s.push('…');
                }
                return s;
            }
        }
        self.id.clone()
    }

    /// Index of the paragraph containing byte `offset`.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= offset).then_some(i)
    }

    /// Index of a topic by name (case-insensitive).
    pub fn topic_id(&self, name: &str) -> Option<TopicId> {
        self.topics
            .iter()
            .position(|t| t.name.eq_ignore_ascii_case(name))
    }
}
