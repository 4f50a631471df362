//! The non-interactive command line: `quotes`, `speakers`, `topics`, `export`.

pub mod args;
mod records;
mod table;

use std::io::{IsTerminal, Write};

use anyhow::{Context, Result};

pub use args::{Cli, Command, Common, Format};
use records::{DocQuotes, QuoteRecord};

use crate::model::{merge_speakers, merge_topics, Document, Quote};
use crate::sanitize::clean;

/// Does this quote pass the `--speaker` / `--topic` filters?
pub fn quote_matches(
    doc: &Document,
    q: &Quote,
    speaker: Option<&str>,
    topic: Option<&str>,
) -> bool {
    let speaker_ok = speaker.is_none_or(|want| {
        let want = want.to_lowercase();
        q.speaker
            .and_then(|s| doc.speakers.get(s))
            .is_some_and(|sp| {
                sp.name.to_lowercase().contains(&want)
                    || sp.mentions.iter().any(|m| m.to_lowercase() == want)
            })
    });
    let topic_ok = topic.is_none_or(|want| {
        q.topics
            .iter()
            .filter_map(|&t| doc.topics.get(t))
            .any(|t| t.name.eq_ignore_ascii_case(want))
    });
    speaker_ok && topic_ok
}

/// Documents restricted to the quotes that pass the filters (speakers recounted).
fn filtered(docs: &[Document], c: &Common) -> Vec<Document> {
    docs.iter()
        .map(|d| {
            let mut d = d.clone();
            let keep: Vec<Quote> = d
                .quotes
                .iter()
                .filter(|q| quote_matches(&d, q, c.speaker.as_deref(), c.topic.as_deref()))
                .cloned()
                .collect();
            d.quotes = keep;
            for s in &mut d.speakers {
                s.quote_count = 0;
            }
            for q in &d.quotes {
                if let Some(s) = q.speaker {
                    d.speakers[s].quote_count += 1;
                }
            }
            d
        })
        .collect()
}

fn write_json_line<T: serde::Serialize>(out: &mut impl Write, v: &T) -> Result<()> {
    serde_json::to_writer(&mut *out, v).context("writing JSON")?;
    out.write_all(b"\n").context("writing output")?;
    Ok(())
}

/// RFC 4180 field quoting.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_row(out: &mut impl Write, fields: &[String]) -> Result<()> {
    let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    writeln!(out, "{}", row.join(",")).context("writing CSV")
}

/// Run a subcommand over loaded documents, writing to `out`.
pub fn run(cmd: &Command, docs: &[Document], out: &mut impl Write) -> Result<()> {
    let (Command::Quotes(c) | Command::Speakers(c) | Command::Topics(c) | Command::Export(c)) = cmd;
    let format = c.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    let docs = if c.speaker.is_some() || c.topic.is_some() {
        filtered(docs, c)
    } else {
        docs.to_vec()
    };
    match cmd {
        Command::Quotes(_) => quotes(&docs, format, c.explain, out),
        Command::Speakers(_) => speakers(&docs, format, out),
        Command::Topics(_) => topics(&docs, format, out),
        Command::Export(_) => export(&docs, format, out),
    }
}

fn quotes(docs: &[Document], format: Format, explain: bool, out: &mut impl Write) -> Result<()> {
    match format {
        Format::Jsonl => {
            for d in docs {
                let line = DocQuotes {
                    id: &d.id,
                    quotes: d.quotes.iter().map(|q| QuoteRecord::new(d, q)).collect(),
                };
                write_json_line(out, &line)?;
            }
        }
        Format::Json => {
            let all: Vec<DocQuotes> = docs
                .iter()
                .map(|d| DocQuotes {
                    id: &d.id,
                    quotes: d.quotes.iter().map(|q| QuoteRecord::new(d, q)).collect(),
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &all).context("writing JSON")?;
            writeln!(out)?;
        }
        Format::Csv => {
            csv_row(
                out,
                &[
                    "id", "start", "end", "speaker", "kind", "cue", "topics", "text",
                ]
                .map(String::from),
            )?;
            for d in docs {
                for q in &d.quotes {
                    let r = QuoteRecord::new(d, q);
                    csv_row(
                        out,
                        &[
                            d.id.clone(),
                            r.start.to_string(),
                            r.end.to_string(),
                            r.speaker.unwrap_or("").to_string(),
                            format!("{:?}", r.kind).to_lowercase(),
                            r.cue.unwrap_or("").to_string(),
                            r.topics.join(";"),
                            r.text.to_string(),
                        ],
                    )?;
                }
            }
        }
        Format::Table => table::quotes(docs, explain, out)?,
    }
    Ok(())
}

fn speakers(docs: &[Document], format: Format, out: &mut impl Write) -> Result<()> {
    let merged: Vec<_> = merge_speakers(docs)
        .into_iter()
        .filter(|s| s.quote_count > 0)
        .collect();
    match format {
        Format::Jsonl => {
            for s in &merged {
                write_json_line(out, s)?;
            }
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &merged).context("writing JSON")?;
            writeln!(out)?;
        }
        Format::Csv => {
            csv_row(
                out,
                &["name", "kind", "quotes", "role", "mentions", "documents"].map(String::from),
            )?;
            for s in &merged {
                csv_row(
                    out,
                    &[
                        s.name.clone(),
                        format!("{:?}", s.kind).to_lowercase(),
                        s.quote_count.to_string(),
                        s.role.clone().unwrap_or_default(),
                        s.mentions.join(";"),
                        s.documents.len().to_string(),
                    ],
                )?;
            }
        }
        Format::Table => {
            let w = merged
                .iter()
                .map(|s| s.name.chars().count())
                .max()
                .unwrap_or(7)
                .max(7);
            writeln!(
                out,
                "{:<w$}  {:>6}  {:<12}  mentions",
                "speaker", "quotes", "kind"
            )?;
            for s in &merged {
                writeln!(
                    out,
                    "{:<w$}  {:>6}  {:<12}  {}",
                    clean(&s.name),
                    s.quote_count,
                    format!("{:?}", s.kind).to_lowercase(),
                    clean(&s.mentions.join(", "))
                )?;
            }
        }
    }
    Ok(())
}

fn topics(docs: &[Document], format: Format, out: &mut impl Write) -> Result<()> {
    let merged: Vec<_> = merge_topics(docs)
        .into_iter()
        .filter(|t| t.count > 0)
        .collect();
    match format {
        Format::Jsonl => {
            for t in &merged {
                write_json_line(out, t)?;
            }
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &merged).context("writing JSON")?;
            writeln!(out)?;
        }
        Format::Csv => {
            csv_row(
                out,
                &["topic", "count", "quotes", "documents"].map(String::from),
            )?;
            for t in &merged {
                csv_row(
                    out,
                    &[
                        t.name.clone(),
                        t.count.to_string(),
                        t.quotes.to_string(),
                        t.documents.len().to_string(),
                    ],
                )?;
            }
        }
        Format::Table => {
            let w = merged
                .iter()
                .map(|t| t.name.chars().count())
                .max()
                .unwrap_or(5)
                .max(5);
            writeln!(
                out,
                "{:<w$}  {:>5}  {:>6}  {:>9}",
                "topic", "count", "quotes", "documents"
            )?;
            for t in &merged {
                writeln!(
                    out,
                    "{:<w$}  {:>5}  {:>6}  {:>9}",
                    clean(&t.name),
                    t.count,
                    t.quotes,
                    t.documents.len()
                )?;
            }
        }
    }
    Ok(())
}

fn export(docs: &[Document], format: Format, out: &mut impl Write) -> Result<()> {
    match format {
        Format::Jsonl | Format::Csv => {
            for d in docs {
                write_json_line(out, d)?;
            }
        }
        Format::Json | Format::Table => {
            serde_json::to_writer_pretty(&mut *out, docs).context("writing JSON")?;
            writeln!(out)?;
        }
    }
    Ok(())
}
