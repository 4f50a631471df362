//! The article pane: wrapped text with quotes in their speaker's colour.

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::pane_block;
use crate::model::{Document, Span as ByteSpan};
use crate::sanitize;
use crate::tui::layout::inner;
use crate::tui::state::{DocView, State};
use crate::tui::theme::Theme;
use crate::tui::wrap::{self, LineKind};

pub fn draw(f: &mut Frame, area: Rect, state: &State, focused: bool) {
    let (Some(doc), Some(v)) = (state.doc(), state.view()) else {
        f.render_widget(
            pane_block("Article", String::new(), focused, &state.theme),
            area,
        );
        return;
    };
    let body = inner(area);
    let h = body.height as usize;
    let block = pane_block(
        "Article",
        position(v.top, h, v.layout.lines.len()),
        focused,
        &state.theme,
    );
    f.render_widget(block, area);
    let text_area = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    let lines: Vec<Line> = v
        .layout
        .lines
        .iter()
        .skip(v.top)
        .take(h)
        .map(|l| styled_line(doc, v, &state.theme, l))
        .collect();
    f.render_widget(Paragraph::new(lines), text_area);
}

/// Where the view is, less-style: the share of the article above the bottom of the pane.
fn position(top: usize, height: usize, total: usize) -> String {
    if total <= height {
        "all".into()
    } else if top == 0 {
        "top".into()
    } else if top + height >= total {
        "end".into()
    } else {
        format!("{}%", (top + height) * 100 / total)
    }
}

fn styled_line<'a>(
    doc: &'a Document,
    v: &'a DocView,
    theme: &Theme,
    line: &wrap::Line,
) -> Line<'a> {
    match line.kind {
        LineKind::Blank => Line::default(),
        LineKind::Title => {
            let t = v.layout.title.get(line.range.clone()).unwrap_or("");
            Line::from(Span::styled(sanitize::clean(t), theme.accent()))
        }
        LineKind::Meta => {
            let mut parts = Vec::new();
            if let Some(d) = &doc.date {
                parts.push(d.clone());
            }
            parts.push(format!("{} quotes", doc.quotes.len()));
            parts.push(format!("{} speakers", doc.speakers.len()));
            if !doc.source.is_empty() {
                parts.push(doc.source.clone());
            }
            let text = sanitize::elide(&parts.join(" · "), v.layout.width as usize);
            Line::from(Span::styled(text, theme.dim()))
        }
        LineKind::Heading => {
            let base = Style::new().add_modifier(Modifier::BOLD);
            Line::from(text_spans(
                doc,
                v,
                theme,
                line.range.start,
                line.range.end,
                base,
            ))
        }
        LineKind::Para(p) => {
            let mut base = Style::new();
            if v.filter_active() && !v.paragraph_shown(doc, p) {
                base = base.add_modifier(Modifier::DIM);
            }
            Line::from(text_spans(
                doc,
                v,
                theme,
                line.range.start,
                line.range.end,
                base,
            ))
        }
    }
}

/// Spans overlapping `[s, e)` in a sorted list of non-overlapping spans.
fn overlapping(spans: &[ByteSpan], s: usize, e: usize) -> &[ByteSpan] {
    let lo = spans.partition_point(|x| x.end <= s);
    let hi = spans.partition_point(|x| x.start < e);
    spans.get(lo..hi.max(lo)).unwrap_or(&[])
}

/// Cuts `text[s..e]` wherever a quote, keyword or search mark begins or ends, and styles each
/// piece: speaker colour for quotes (reverse for the selected one), underline for active-topic
/// keywords, bold underline for search matches.
pub fn text_spans<'a>(
    doc: &'a Document,
    v: &DocView,
    theme: &Theme,
    s: usize,
    e: usize,
    base: Style,
) -> Vec<Span<'a>> {
    let quotes: Vec<usize> = v
        .quote_order
        .iter()
        .copied()
        .filter(|&q| doc.quotes[q].span.start < e && doc.quotes[q].span.end > s)
        .collect();
    let keywords = overlapping(&v.keywords, s, e);
    let marks = overlapping(&v.marks, s, e);
    let mut cuts = vec![s, e];
    let spans = quotes
        .iter()
        .map(|&q| doc.quotes[q].span)
        .chain(keywords.iter().copied())
        .chain(marks.iter().copied());
    for sp in spans {
        cuts.extend([sp.start.clamp(s, e), sp.end.clamp(s, e)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let dim = base.add_modifier.contains(Modifier::DIM);
    let mut out = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(text) = doc.text.get(a..b) else {
            continue;
        };
        let mut style = base;
        if let Some(&q) = quotes
            .iter()
            .find(|&&q| doc.quotes[q].span.contains_offset(a))
        {
            let rank = v.speaker_rank(doc.quotes[q].speaker);
            style = style.patch(theme.speaker(rank));
            if v.selected == Some(q) {
                style = style.add_modifier(theme.selected());
            }
        }
        if keywords.iter().any(|k| k.contains_offset(a)) {
            style = style.add_modifier(theme.keyword());
        }
        if marks.iter().any(|m| m.contains_offset(a)) {
            style = style.add_modifier(theme.matched());
        }
        if dim {
            style = style.add_modifier(Modifier::DIM);
        }
        out.push(Span::styled(sanitize::clean(text), style));
    }
    out
}
