//! The help overlay, generated from the keymap table.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use super::{centered, pane_block};
use crate::tui::keymap::{self, Context};
use crate::tui::layout::inner;
use crate::tui::state::State;

pub fn draw(f: &mut Frame, area: Rect, state: &State, scroll: u16) {
    let theme = &state.theme;
    let r = centered(area, 78, area.height.saturating_sub(2));
    f.render_widget(Clear, r);
    let mut lines: Vec<Line> = Vec::new();
    for ctx in Context::ALL {
        if ctx == Context::Documents && state.docs.len() < 2 {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(ctx.name(), theme.accent())));
        if ctx == Context::Search {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<20}", "text"), theme.title()),
                Span::raw("type the query (fuzzy; every word must match)"),
            ]));
        }
        for (keys, desc) in keymap::grouped(ctx) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<20}"), theme.title()),
                Span::raw(desc),
            ]));
        }
    }
    let body = inner(r);
    let max = (lines.len() as u16).saturating_sub(body.height);
    let scroll = scroll.min(max);
    let pos = if max == 0 {
        String::new()
    } else {
        format!(
            "{}/{}",
            scroll + body.height.min(lines.len() as u16),
            lines.len()
        )
    };
    f.render_widget(pane_block("Help · Esc closes", pos, true, theme), r);
    let body = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(1),
        ..body
    };
    f.render_widget(Paragraph::new(lines).scroll((scroll, 0)), body);
}
