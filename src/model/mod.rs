//! The shared document model: plain data with serde, no parsing and no terminal code.
//!
//! Every view (the reader, the CLI) renders these types; the parser produces them.

mod corpus;
mod document;
mod intern;
mod invariants;
mod quote;
mod span;
mod speaker;
mod topic;

pub use corpus::{merge_speakers, merge_topics, CorpusSpeaker, CorpusTopic};
pub use document::{Document, Heading, Paragraph, Sentence};
pub use intern::Interner;
pub use invariants::violations;
pub use quote::{Cue, Provenance, Quote, QuoteKind, Resolution, SpanRule, SpeakerRule};
pub use span::{NarrowSpan, Span};
pub use speaker::{Speaker, SpeakerId, SpeakerKind};
pub use topic::{Topic, TopicId, TopicSource};
