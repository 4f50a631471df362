//! The header (document and filter) and the footer (key hints and the selected quote's "why").

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::model::QuoteKind;
use crate::sanitize;
use crate::tui::keymap;
use crate::tui::state::State;
use crate::tui::update::context;

pub fn header(f: &mut Frame, area: Rect, state: &State) {
    let theme = &state.theme;
    let w = area.width as usize;
    let right = match (state.doc(), state.view()) {
        (Some(doc), Some(v)) if v.filter_active() => {
            let names: Vec<&str> = v
                .active
                .iter()
                .filter_map(|&t| doc.topics.get(t))
                .map(|t| &*t.name)
                .collect();
            let mode = if v.match_all { "all" } else { "any" };
            sanitize::elide(&format!("filter: {} ({mode}) ", names.join(" + ")), w / 2)
        }
        _ => String::new(),
    };
    // While an archive loads, how far it has got (the documents list grows meanwhile).
    let right = match state.loading {
        Some((done, total)) => format!(
            "loading {}% ({done}/{total} files) {right}",
            done * 100 / total.max(1)
        ),
        None => right,
    };
    let mut spans = vec![Span::styled(" briefing", theme.accent())];
    if let Some(doc) = state.doc() {
        let mut parts = vec![doc.display_title()];
        if let Some(d) = &doc.date {
            parts.push(d.clone());
        }
        parts.push(format!("{} quotes", doc.quotes.len()));
        parts.push(format!("{} speakers", doc.speakers.len()));
        if state.docs.len() > 1 {
            parts.push(format!("doc {}/{}", state.current + 1, state.docs.len()));
        }
        let room = w.saturating_sub(9 + 3 + sanitize::width(&right) + 1);
        spans.push(Span::styled(" · ", theme.dim()));
        spans.push(Span::raw(sanitize::elide(&parts.join(" · "), room)));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
    if !right.is_empty() {
        f.render_widget(
            Paragraph::new(Line::from(Span::styled(right, theme.accent())).right_aligned()),
            area,
        );
    }
}

pub fn footer(f: &mut Frame, area: Rect, state: &State) {
    let theme = &state.theme;
    let w = area.width as usize;
    // Right side: a pending count, a one-shot message, or who said the selected quote and how.
    let mut right = String::new();
    if state.pending_count.is_some() || !state.pending_keys.is_empty() {
        right = format!(
            "{}{}",
            state
                .pending_count
                .map(|n| n.to_string())
                .unwrap_or_default(),
            state.pending_keys
        );
    } else if let Some(m) = &state.message {
        right.clone_from(m);
    } else if let (Some(doc), Some(v)) = (state.doc(), state.view()) {
        if let Some(q) = v.selected.and_then(|q| doc.quotes.get(q)) {
            let mut parts = vec![doc.speaker_name(q).unwrap_or("unattributed").to_string()];
            if let Some(c) = &q.cue {
                parts.push(c.text.to_string());
            }
            parts.push(match q.kind {
                QuoteKind::Full => "full".into(),
                QuoteKind::Partial => "partial".into(),
            });
            right = parts.join(" · ");
        }
    }
    let right = sanitize::elide(&right, w / 2);
    let room = w.saturating_sub(sanitize::width(&right) + 2);
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (keys, label) in keymap::hints(context(state)) {
        let item = keys.chars().count() + 1 + label.chars().count() + 2;
        if used + item > room {
            break;
        }
        used += item;
        spans.push(Span::styled(keys, theme.title()));
        spans.push(Span::styled(format!(" {label}  "), theme.dim()));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
    let right_style = if state.message.is_some() {
        theme.accent()
    } else {
        Style::new()
    };
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(format!("{right} "), right_style)).right_aligned()),
        area,
    );
}
