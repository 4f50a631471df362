//! briefing: parse news briefings into one document model (date, headings, paragraphs,
//! sentences, quotations with their speakers, topics) and show it in a terminal reader or
//! print it for pipelines.
//!
//! Dependencies point one way: `tui` and `cli` → `model` ← `parse`; `input` reads files and
//! hands their text to `parse`.

pub mod cli;
pub mod corpus_gen;
pub mod input;
pub mod model;
pub mod parse;
pub mod sanitize;
pub mod tui;

/// mimalloc instead of the system allocator: parsing makes many small, short-lived allocations
/// (tokens, names, mentions), for which glibc malloc cost about a fifth of all instructions.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
