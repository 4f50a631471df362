//! The non-interactive command line: `quotes`, `speakers`, `topics`, `export`.

pub mod args;
mod records;
mod table;

use std::io::{IsTerminal, Write};

use anyhow::{Context, Result};
use unicode_width::UnicodeWidthStr;

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

/// Print one record per item: JSON lines, a JSON array, CSV with `header`, or an aligned table
/// of the same columns (text sanitised for the terminal).
fn records<T: serde::Serialize>(
    items: &[T],
    format: Format,
    header: &[&str],
    row: impl Fn(&T) -> Vec<String>,
    out: &mut impl Write,
) -> Result<()> {
    match format {
        Format::Jsonl => {
            for item in items {
                write_json_line(out, item)?;
            }
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, items).context("writing JSON")?;
            writeln!(out)?;
        }
        Format::Csv => {
            csv_row(
                out,
                &header.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
            )?;
            for item in items {
                csv_row(out, &row(item))?;
            }
        }
        Format::Table => {
            let rows: Vec<Vec<String>> =
                std::iter::once(header.iter().map(|h| h.to_string()).collect())
                    .chain(
                        items
                            .iter()
                            .map(|i| row(i).iter().map(|c| clean(c).into_owned()).collect()),
                    )
                    .collect();
            let widths: Vec<usize> = (0..header.len())
                .map(|c| {
                    rows.iter()
                        .map(|r| r.get(c).map_or(0, |x| x.width()))
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            for r in &rows {
                let mut line = String::new();
                for (c, cell) in r.iter().enumerate() {
                    if c + 1 == r.len() {
                        line.push_str(cell);
                    } else {
                        line.push_str(cell);
                        line.push_str(&" ".repeat(widths[c] - cell.width() + 2));
                    }
                }
                writeln!(out, "{}", line.trim_end())?;
            }
        }
    }
    Ok(())
}

fn speakers(docs: &[Document], format: Format, out: &mut impl Write) -> Result<()> {
    let merged: Vec<_> = merge_speakers(docs)
        .into_iter()
        .filter(|s| s.quote_count > 0)
        .collect();
    let header = ["speaker", "quotes", "kind", "role", "documents", "mentions"];
    records(
        &merged,
        format,
        &header,
        |s| {
            vec![
                s.name.to_string(),
                s.quote_count.to_string(),
                format!("{:?}", s.kind).to_lowercase(),
                s.role.as_deref().unwrap_or_default().to_string(),
                s.documents.len().to_string(),
                s.mentions.join("; "),
            ]
        },
        out,
    )
}

fn topics(docs: &[Document], format: Format, out: &mut impl Write) -> Result<()> {
    let merged: Vec<_> = merge_topics(docs)
        .into_iter()
        .filter(|t| t.count > 0)
        .collect();
    let header = ["topic", "count", "quotes", "documents"];
    records(
        &merged,
        format,
        &header,
        |t| {
            vec![
                t.name.to_string(),
                t.count.to_string(),
                t.quotes.to_string(),
                t.documents.len().to_string(),
            ]
        },
        out,
    )
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
