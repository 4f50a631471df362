//! The search overlay: the query and ranked results with the matched characters marked.

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use super::{centered, marked_spans, pane_block};
use crate::sanitize;
use crate::tui::layout::inner;
use crate::tui::state::{speaker_ranks, SearchState, State};

/// Width of the speaker column.
const SPEAKER_W: usize = 18;

pub fn overlay_height(height: u16) -> u16 {
    height.saturating_sub(4).min(22)
}

pub fn draw(f: &mut Frame, area: Rect, state: &State, s: &SearchState) {
    let theme = &state.theme;
    let r = centered(
        area,
        96.min(area.width.saturating_sub(4)),
        overlay_height(area.height),
    );
    f.render_widget(Clear, r);
    let total = state.index.as_ref().map_or(0, |i| i.entries.len());
    let pos = if s.query.trim().is_empty() {
        format!("{total} quotes")
    } else if s.results_for != s.query {
        // The worker is still on this query; the results below are the previous query's.
        "searching…".into()
    } else if s.hits.is_empty() {
        "0".into()
    } else {
        format!("{}/{}", s.cursor + 1, s.total)
    };
    f.render_widget(pane_block("Search quotes", pos, true, theme), r);
    let body = inner(r);
    let w = body.width as usize;
    let mut lines = vec![
        Line::from(vec![
            Span::styled(" / ", theme.accent()),
            Span::raw(sanitize::clean(&s.query).into_owned()),
            Span::styled("█", Style::new().add_modifier(Modifier::SLOW_BLINK)),
        ]),
        Line::from(Span::styled("─".repeat(w), theme.dim())),
    ];
    let Some(index) = &state.index else { return };
    if s.query.trim().is_empty() {
        lines.push(Line::from(Span::styled(
            " type words of a quote or a speaker's name (\"putin cyber\")",
            theme.dim(),
        )));
    } else if s.hits.is_empty() && s.results_for == s.query {
        lines.push(Line::from(Span::styled(" no quote matches", theme.dim())));
    }
    let text_w = w.saturating_sub(SPEAKER_W + 3);
    let rows = crate::tui::update::search_rows(area.height);
    let mark = Style::new().add_modifier(theme.matched());
    for (i, hit) in s.hits.iter().enumerate().skip(s.scroll).take(rows) {
        let (Some(e), Some(doc)) = (index.entries.get(hit.entry), state.docs.get(hit.doc)) else {
            continue;
        };
        let cursor = i == s.cursor;
        let rank = doc
            .quotes
            .get(hit.quote)
            .and_then(|q| q.speaker)
            .and_then(|sp| speaker_ranks(doc).get(sp).copied());
        let unattributed = doc
            .quotes
            .get(hit.quote)
            .is_none_or(|q| doc.speaker_name(q).is_none());
        let sp_style = theme.speaker(if unattributed { None } else { rank.or(Some(0)) });
        let name_chars = e.prefix_chars.saturating_sub(2);
        let name: String = index.haystack(e).chars().take(name_chars).collect();
        let name_cut = sanitize::elide(&name, SPEAKER_W - 1);
        let mut first = vec![Span::styled(
            if cursor { " ▸ " } else { "   " },
            theme.accent(),
        )];
        let name_w = sanitize::width(&name_cut);
        first.extend(marked_spans(
            &name_cut,
            &hit.indices,
            0,
            sp_style.add_modifier(Modifier::BOLD),
            mark,
        ));
        first.push(Span::raw(" ".repeat(SPEAKER_W - name_w.min(SPEAKER_W))));
        // The quote over two lines, cut by columns.
        let quote: Vec<char> = index.haystack(e).chars().skip(e.prefix_chars).collect();
        let (l1, rest) = split_cols(&quote, text_w);
        let (l2, rest2) = split_cols(rest, text_w.saturating_sub(1));
        let s1: String = l1.iter().collect();
        let mut s2: String = l2.iter().collect();
        if !rest2.is_empty() {
            s2.push('…');
        }
        let base = if cursor {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        first.extend(marked_spans(&s1, &hit.indices, e.prefix_chars, base, mark));
        lines.push(Line::from(first));
        let mut second = vec![Span::raw("   ")];
        let doc_label = if state.docs.len() > 1 {
            sanitize::elide(&doc.display_title(), SPEAKER_W - 2)
        } else {
            String::new()
        };
        let label_w = sanitize::width(&doc_label);
        second.push(Span::styled(doc_label, theme.dim()));
        second.push(Span::raw(" ".repeat(SPEAKER_W - label_w.min(SPEAKER_W))));
        second.extend(marked_spans(
            &s2,
            &hit.indices,
            e.prefix_chars + l1.len(),
            base,
            mark,
        ));
        lines.push(Line::from(second));
    }
    lines.truncate(body.height as usize);
    f.render_widget(Paragraph::new(lines), body);
}

/// The longest prefix of `chars` within `cols` terminal columns, and the rest; cut after a
/// space when there is one in the second half of the line, so words stay whole.
fn split_cols(chars: &[char], cols: usize) -> (&[char], &[char]) {
    let mut used = 0;
    for (i, &c) in chars.iter().enumerate() {
        used += sanitize::char_width(c);
        if used > cols {
            let cut = chars[..i]
                .iter()
                .rposition(|c| *c == ' ')
                .filter(|&s| s >= i / 2)
                .map_or(i, |s| s + 1);
            return chars.split_at(cut);
        }
    }
    (chars, &[])
}
