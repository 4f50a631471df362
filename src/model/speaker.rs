use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// What kind of source a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A named person ("Joe Biden").
    Person,
    /// A named organisation, country or institution ("the Kremlin", "The United States").
    Organisation,
    /// An unnamed source kept as its noun phrase ("a White House official").
    Nominal,
}

/// One source of quotations, resolved across all the ways the text refers to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The fullest name form seen, e.g. "Joe Biden".
    pub name: Arc<str>,
    pub kind: SpeakerKind,
    /// Every surface form that referred to this speaker ("Biden", "US President Joe Biden",
    /// "the US President"), in order of first appearance.
    pub mentions: Arc<[Arc<str>]>,
    /// Role or title when the text states one ("US President").
    pub role: Option<Arc<str>>,
    /// Number of quotes attributed to this speaker.
    pub quote_count: usize,
}

/// Index of a speaker in `Document::speakers`.
pub type SpeakerId = usize;
