//! The human-readable `--format table` output: quotes grouped by speaker.

use std::io::Write;

use anyhow::Result;

use crate::model::{Document, Quote, QuoteKind};
use crate::sanitize::clean;

/// Quotes grouped by speaker, most quoted first, unattributed last.
pub fn quotes(docs: &[Document], explain: bool, out: &mut impl Write) -> Result<()> {
    for (n, d) in docs.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let date = d
            .date
            .as_deref()
            .map(|x| format!(" · {x}"))
            .unwrap_or_default();
        writeln!(
            out,
            "== {}{} · {} quotes · {} speakers",
            clean(&d.display_title()),
            date,
            d.quotes.len(),
            d.speakers.iter().filter(|s| s.quote_count > 0).count()
        )?;
        let mut order: Vec<usize> = (0..d.speakers.len())
            .filter(|&s| d.speakers[s].quote_count > 0)
            .collect();
        order.sort_by(|&a, &b| {
            d.speakers[b]
                .quote_count
                .cmp(&d.speakers[a].quote_count)
                .then(a.cmp(&b))
        });
        let mut groups: Vec<(String, Vec<&Quote>)> = order
            .iter()
            .map(|&s| {
                let sp = &d.speakers[s];
                (
                    format!("{} ({})", sp.name, sp.quote_count),
                    d.quotes.iter().filter(|q| q.speaker == Some(s)).collect(),
                )
            })
            .collect();
        let unattributed: Vec<&Quote> = d.quotes.iter().filter(|q| q.speaker.is_none()).collect();
        if !unattributed.is_empty() {
            groups.push((
                format!("Unattributed ({})", unattributed.len()),
                unattributed,
            ));
        }
        for (header, qs) in groups {
            writeln!(out, "\n{}", clean(&header))?;
            for q in qs {
                let kind = match q.kind {
                    QuoteKind::Full => "full",
                    QuoteKind::Partial => "partial",
                };
                let cue = q
                    .cue
                    .as_ref()
                    .map(|c| format!(" · {}", c.text))
                    .unwrap_or_default();
                let text = d
                    .quote_text(q)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                writeln!(out, "  {}", clean(&text))?;
                writeln!(out, "      [{kind}{}]", clean(&cue))?;
                if explain {
                    let p = q.provenance;
                    writeln!(
                        out,
                        "      why: span {:?}; speaker {:?} via {:?}{}; bytes {}..{}",
                        p.span_rule,
                        p.speaker_rule,
                        p.resolution,
                        q.mention
                            .as_deref()
                            .map(|m| format!(" from “{}”", clean(m)))
                            .unwrap_or_default(),
                        q.span.start,
                        q.span.end
                    )?;
                }
            }
        }
    }
    Ok(())
}
