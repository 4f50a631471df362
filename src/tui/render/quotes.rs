//! The quotes pane: quotes grouped by speaker, most quoted first.

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::pane_block;
use crate::model::{Document, QuoteKind};
use crate::sanitize;
use crate::tui::layout::inner;
use crate::tui::state::{DocView, QRow, State, EXPANDED_MAX, QUOTE_INDENT};
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap_range;

pub fn draw(f: &mut Frame, area: Rect, state: &State, focused: bool) {
    let theme = &state.theme;
    let (Some(doc), Some(v)) = (state.doc(), state.view()) else {
        f.render_widget(pane_block("Quotes", String::new(), focused, theme), area);
        return;
    };
    let shown: Vec<usize> = v
        .rows
        .iter()
        .filter_map(|r| {
            if let QRow::Quote(q) = r {
                Some(*q)
            } else {
                None
            }
        })
        .collect();
    let pos = match v.selected.and_then(|s| shown.iter().position(|&q| q == s)) {
        Some(i) => format!("{}/{}", i + 1, shown.len()),
        None => format!("{}", shown.len()),
    };
    f.render_widget(pane_block("Quotes", pos, focused, theme), area);
    let body = inner(area);
    let mut lines: Vec<Line> = Vec::new();
    if v.rows.is_empty() {
        let msg = if doc.quotes.is_empty() {
            "no quotes in this document"
        } else {
            "no quote matches the topic filter"
        };
        lines.push(Line::from(Span::styled(msg, theme.dim())));
    }
    for i in v.row_scroll..v.rows.len() {
        if lines.len() >= body.height as usize {
            break;
        }
        lines.extend(row_lines(
            doc,
            v,
            theme,
            i,
            body.width,
            focused && i == v.row_cursor,
            i == v.row_cursor,
        ));
    }
    lines.truncate(body.height as usize);
    f.render_widget(Paragraph::new(lines), body);
}

fn speaker_label(doc: &Document, speaker: Option<usize>) -> &str {
    speaker
        .and_then(|s| doc.speakers.get(s))
        .map_or("Unattributed", |s| &*s.name)
}

fn row_lines<'a>(
    doc: &'a Document,
    v: &DocView,
    theme: &Theme,
    i: usize,
    width: u16,
    reversed: bool,
    cursor: bool,
) -> Vec<Line<'a>> {
    let w = width as usize;
    let cursor_style = if reversed {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new()
    };
    let marker = if cursor { "▸" } else { " " };
    match v.rows[i] {
        QRow::Header {
            speaker,
            count,
            folded,
        } => {
            let arrow = if folded { "▸ " } else { "▾ " };
            let name_style = theme
                .speaker(v.speaker_rank(speaker))
                .add_modifier(Modifier::BOLD);
            let count_s = format!("  {count}");
            let name = sanitize::elide(
                speaker_label(doc, speaker),
                w.saturating_sub(2 + count_s.len()),
            );
            let line = Line::from(vec![
                Span::raw(arrow),
                Span::styled(name, name_style),
                Span::styled(count_s, theme.dim()),
            ]);
            vec![line.patch_style(cursor_style)]
        }
        QRow::Quote(q) => {
            let Some(quote) = doc.quotes.get(q) else {
                return Vec::new();
            };
            let style = theme.speaker(v.speaker_rank(quote.speaker));
            let text_w = w.saturating_sub(QUOTE_INDENT as usize);
            let lead = |first: bool| {
                Span::raw(if first {
                    format!(" {marker} ")
                } else {
                    "   ".to_string()
                })
            };
            if v.selected != Some(q) {
                let text = sanitize::elide(doc.quote_text(quote), text_w);
                let line = Line::from(vec![lead(true), Span::styled(text, style)]);
                return vec![line.patch_style(cursor_style)];
            }
            // The selected quote: its words in full (up to a few lines) and the why of it.
            let ranges = wrap_range(&doc.text, quote.span.start..quote.span.end, text_w.max(1));
            let more = ranges.len() > EXPANDED_MAX;
            let mut out: Vec<Line> = Vec::new();
            for (k, r) in ranges.iter().take(EXPANDED_MAX).enumerate() {
                let mut text = sanitize::clean(doc.text.get(r.clone()).unwrap_or("")).into_owned();
                if more && k + 1 == EXPANDED_MAX {
                    text = sanitize::elide(&text, text_w.saturating_sub(1));
                    if !text.ends_with('…') {
                        text.push('…');
                    }
                }
                let line = Line::from(vec![
                    lead(k == 0),
                    Span::styled(text, style.add_modifier(Modifier::BOLD)),
                ]);
                out.push(line.patch_style(cursor_style));
            }
            if out.is_empty() {
                out.push(Line::from(lead(true)).patch_style(cursor_style));
            }
            let kind = match quote.kind {
                QuoteKind::Full => "full",
                QuoteKind::Partial => "partial",
            };
            let why = match (&quote.cue, &quote.mention) {
                (Some(c), _) => format!("{} · {kind}", c.text),
                (None, Some(m)) => format!("{m} · {kind}"),
                (None, None) => kind.to_string(),
            };
            out.push(Line::from(vec![
                Span::raw("   "),
                Span::styled(sanitize::elide(&why, text_w), theme.dim()),
            ]));
            out
        }
    }
}
