//! The documents pane, shown when several documents are open.

use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::pane_block;
use crate::sanitize;
use crate::tui::layout::inner;
use crate::tui::state::State;

pub fn draw(f: &mut Frame, area: Rect, state: &State, focused: bool) {
    let theme = &state.theme;
    let pos = format!("{}/{}", state.doc_cursor + 1, state.docs.len());
    f.render_widget(pane_block("Documents", pos, focused, theme), area);
    let body = inner(area);
    let w = body.width as usize;
    let mut lines = Vec::new();
    // Two rows per document: title, then date and quote count.
    for (i, doc) in state
        .docs
        .iter()
        .enumerate()
        .skip(state.doc_scroll)
        .take(body.height as usize / 2)
    {
        let open = i == state.current;
        let mark = if open { "● " } else { "  " };
        let mut title_style = if open {
            theme.accent()
        } else {
            ratatui::style::Style::new()
        };
        if i == state.doc_cursor && focused {
            title_style = title_style.add_modifier(Modifier::REVERSED);
        }
        let title = sanitize::elide(&doc.display_title(), w.saturating_sub(2));
        lines.push(Line::from(vec![
            Span::styled(mark, theme.accent()),
            Span::styled(title, title_style),
        ]));
        let date = doc.date.as_deref().unwrap_or("no date");
        let meta = format!("  {} · {} quotes", date, doc.quotes.len());
        lines.push(Line::from(Span::styled(
            sanitize::elide(&meta, w),
            theme.dim(),
        )));
    }
    f.render_widget(Paragraph::new(lines), body);
}
