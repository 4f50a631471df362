//! Flat, serialisable views of the model for the CLI's formats.

use serde::Serialize;

use crate::model::{Document, Provenance, Quote, QuoteKind};

/// One quotation as printed by `briefing quotes`.
#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    /// Byte offsets into the document's original text (quotation marks included).
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub speaker: Option<&'a str>,
    pub mention: Option<&'a str>,
    pub kind: QuoteKind,
    pub cue: Option<&'a str>,
    pub topics: Vec<&'a str>,
    pub paragraph: usize,
    pub provenance: Provenance,
}

impl<'a> QuoteRecord<'a> {
    pub fn new(doc: &'a Document, q: &'a Quote) -> Self {
        QuoteRecord {
            start: q.span.start,
            end: q.span.end,
            text: doc.quote_text(q),
            speaker: doc.speaker_name(q),
            mention: q.mention.as_deref(),
            kind: q.kind,
            cue: q.cue.as_ref().map(|c| &*c.text),
            topics: q
                .topics
                .iter()
                .filter_map(|&t| doc.topics.get(t))
                .map(|t| &*t.name)
                .collect(),
            paragraph: q.paragraph,
            provenance: q.provenance,
        }
    }
}

/// One document's quotations: the line format of `quotes --format jsonl`.
#[derive(Debug, Serialize)]
pub struct DocQuotes<'a> {
    pub id: &'a str,
    pub quotes: Vec<QuoteRecord<'a>>,
}
