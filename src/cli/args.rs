//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "briefing",
    version,
    about = "A terminal reader for news briefings: who said what, about which topic.",
    long_about = "With no command, opens the interactive reader on PATHs (files, directories, \
                  `-` for stdin, or .jsonl corpora); with no PATH, on the built-in seed briefing.\n\n\
                  Exit status: 0 success, 1 runtime failure, 2 usage or input error.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to open in the reader.
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every quotation with its speaker, cue and topics.
    Quotes(Common),
    /// Speakers merged across documents, with quote counts.
    Speakers(Common),
    /// Topics merged across documents, with counts.
    Topics(Common),
    /// The whole document model as JSON.
    Export(Common),
}

#[derive(Debug, Args)]
pub struct Common {
    /// Files, directories, `-` (stdin) or .jsonl corpora; the built-in seed when none.
    pub paths: Vec<PathBuf>,
    /// Output format [default: table on a terminal, jsonl when piped].
    #[arg(long, short, value_enum)]
    pub format: Option<Format>,
    /// Keep only quotes of this speaker (name or any mention form, case-insensitive).
    #[arg(long)]
    pub speaker: Option<String>,
    /// Keep only quotes (and paragraphs) mentioning this topic (case-insensitive).
    #[arg(long)]
    pub topic: Option<String>,
    /// Show which rule found each quote and which rule chose its speaker.
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
}
