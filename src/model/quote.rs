use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{Span, SpeakerId, TopicId};

/// Whether a quotation is whole sentence(s) of speech or a fragment inside narration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// One or more complete sentences ("We agreed to task experts…," Biden said).
    Full,
    /// A fragment embedded in the writer's sentence (he agreed to "begin consultations").
    Partial,
}

/// The reporting verb phrase that introduces a quotation, e.g. "told reporters".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    pub text: Arc<str>,
    pub span: Span,
}

/// Which rule found the quotation's span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanRule {
    /// A balanced pair of double quotation marks (curly, straight or mixed).
    Paired,
    /// An opening mark whose paragraph ends without a closing one, continued by the next
    /// paragraph's opening mark (journalism's multi-paragraph convention).
    ContinuedParagraph,
    /// An opening mark never closed: the quote is bounded by its paragraph.
    UnclosedInParagraph,
}

/// Which rule chose the quotation's speaker — the "why" of an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerRule {
    /// `"Q," X said.` / `"Q," said X.` — a cue right after the quote.
    CueAfter,
    /// `X said, "Q."` / `X told reporters that … "Q"` — a cue before the quote in its sentence.
    CueBefore,
    /// `according to X`.
    AccordingTo,
    /// A cue in the sentence right after a quote that stands as its own sentence.
    CueNextSentence,
    /// A cue-less quote in a sentence or paragraph that continues the previous quote's speaker.
    Continuation,
    /// `X called the plan “a disaster”` — a fragment with no reporting verb, credited to the
    /// named subject of the clause it stands in.
    ClauseSubject,
    /// No speaker could be found; a guess is worse than nothing.
    None,
}

/// How the speaker's mention was resolved to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// The cue names the speaker directly ("Joe Biden", "Putin").
    Name,
    /// A pronoun resolved to the most recent compatible speaker.
    Pronoun,
    /// A role nominal ("the Russian president") resolved to the person given that role.
    Role,
    /// An unresolved noun phrase kept as the speaker ("a White House official").
    Nominal,
    /// Inherited from the quote it continues.
    Inherited,
}

/// Provenance of a quotation: which rules produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Provenance {
    pub span_rule: SpanRule,
    pub speaker_rule: SpeakerRule,
    pub resolution: Option<Resolution>,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quotation including its quotation marks.
    pub span: Span,
    /// The quoted words, without the marks.
    pub content: Span,
    pub speaker: Option<SpeakerId>,
    /// The exact text that named the speaker here ("the Russian leader", "he").
    pub mention: Option<Arc<str>>,
    pub cue: Option<Cue>,
    pub kind: QuoteKind,
    /// Index of the paragraph where the quote starts.
    pub paragraph: usize,
    /// Shared: the same short lists recur in every document (see [`super::Interner`]).
    pub topics: Arc<[TopicId]>,
    /// Single-quoted spans nested in this quote (a quote within the quote). Boxed: a quote is
    /// never grown after parsing, and a box is a word smaller than a `Vec`.
    pub nested: Box<[Span]>,
    pub provenance: Provenance,
}
