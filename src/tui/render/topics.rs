//! The topics pane (wide terminals) and the one-line topic bar (narrow ones).

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::pane_block;
use crate::sanitize;
use crate::tui::layout::inner;
use crate::tui::state::State;

pub fn draw(f: &mut Frame, area: Rect, state: &State, focused: bool) {
    let theme = &state.theme;
    let (Some(doc), Some(v)) = (state.doc(), state.view()) else {
        return;
    };
    let pos = if v.topic_order.is_empty() {
        String::new()
    } else {
        format!("{}/{}", v.topic_cursor + 1, v.topic_order.len())
    };
    let mode = if v.match_all {
        "Topics · all"
    } else {
        "Topics · any"
    };
    f.render_widget(
        pane_block(
            if v.filter_active() { mode } else { "Topics" },
            pos,
            focused,
            theme,
        ),
        area,
    );
    let body = inner(area);
    let w = body.width as usize;
    let mut lines = Vec::new();
    if v.topic_order.is_empty() {
        lines.push(Line::from(Span::styled("no topics found", theme.dim())));
    }
    for (i, &t) in v
        .topic_order
        .iter()
        .enumerate()
        .skip(v.topic_scroll)
        .take(body.height as usize)
    {
        let Some(topic) = doc.topics.get(t) else {
            continue;
        };
        let on = v.active.contains(&t);
        let cursor = i == v.topic_cursor;
        let count = format!(" {}", topic.count);
        let name_w = w.saturating_sub(5 + count.len()); // marker, check box, count
        let name = sanitize::elide(&topic.name, name_w);
        let pad = name_w.saturating_sub(sanitize::width(&name));
        let check_style = if on { theme.accent() } else { theme.dim() };
        let mut line = Line::from(vec![
            Span::raw(if cursor { "▸" } else { " " }),
            Span::styled(if on { "[x] " } else { "[ ] " }, check_style),
            Span::styled(
                name,
                if on {
                    Style::new().add_modifier(Modifier::BOLD)
                } else {
                    Style::new()
                },
            ),
            Span::raw(" ".repeat(pad)),
            Span::styled(count, theme.dim()),
        ]);
        if cursor && focused {
            line = line.patch_style(theme.cursor(true));
        }
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines), body);
}

/// Narrow terminals: the active filter, or the main topics, on one line.
pub fn bar(f: &mut Frame, area: Rect, state: &State) {
    let theme = &state.theme;
    let (Some(doc), Some(v)) = (state.doc(), state.view()) else {
        return;
    };
    let mut spans = vec![Span::styled(" Topics ", theme.title())];
    if v.filter_active() {
        let names: Vec<String> = v
            .active
            .iter()
            .filter_map(|&t| doc.topics.get(t))
            .map(|t| sanitize::clean(&t.name).into_owned())
            .collect();
        spans.push(Span::styled(names.join(" + "), theme.accent()));
        spans.push(Span::styled(
            if v.match_all { " (all)" } else { " (any)" },
            theme.dim(),
        ));
    } else {
        let names: Vec<String> = v
            .topic_order
            .iter()
            .filter_map(|&t| doc.topics.get(t))
            .map(|t| format!("{} {}", sanitize::clean(&t.name), t.count))
            .collect();
        spans.push(Span::styled(
            if names.is_empty() {
                "none found".to_string()
            } else {
                names.join(" · ")
            },
            theme.dim(),
        ));
    }
    let hint = Span::styled(
        if state.docs.len() > 1 {
            "  t topics · d documents "
        } else {
            "  t choose "
        },
        theme.dim(),
    );
    let used: usize = spans.iter().map(|s| s.width()).sum::<usize>();
    let room = (area.width as usize).saturating_sub(hint.width());
    if used > room {
        // Keep the bar on one line: cut the last span to what fits.
        let last = spans.pop().unwrap_or_default();
        let before: usize = spans.iter().map(|s| s.width()).sum();
        spans.push(Span::styled(
            sanitize::elide(&last.content, room.saturating_sub(before)),
            last.style,
        ));
    }
    spans.push(hint);
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
