//! Turns article text into the shared [`Document`](crate::model::Document) model.

use crate::model::Document;

/// Metadata known before parsing (from a JSONL record or the file name).
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    pub date: Option<String>,
}

/// Parse one article. Total: any text gives a document, never a panic.
pub fn parse_document(meta: Meta, text: String) -> Document {
    Document {
        id: meta.id,
        source: meta.source,
        text,
        title: meta.title,
        title_span: None,
        date: meta.date,
        date_span: None,
        headings: vec![],
        paragraphs: vec![],
        sentences: vec![],
        quotes: vec![],
        speakers: vec![],
        topics: vec![],
        warnings: vec![],
    }
}
