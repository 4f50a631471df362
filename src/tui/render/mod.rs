//! Drawing. Every function here takes `&State` and only reads it.

pub mod article;
pub mod documents;
pub mod help;
pub mod quotes;
pub mod search;
pub mod status;
pub mod topics;

use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

use super::layout::{Panes, MIN_HEIGHT, MIN_WIDTH};
use super::state::{Mode, Pane, State};
use super::theme::Theme;

pub fn draw(f: &mut Frame, state: &State) {
    let area = f.area();
    let Some(p) = Panes::compute(area, state.several(), state.focus) else {
        too_small(f, area);
        return;
    };
    let normal = matches!(state.mode, Mode::Normal);
    let focused = |pane: Pane| normal && state.focus == pane;
    status::header(f, p.header, state);
    article::draw(f, p.article, state, focused(Pane::Article));
    quotes::draw(f, p.quotes, state, focused(Pane::Quotes));
    if let Some(bar) = p.topics_bar {
        topics::bar(f, bar, state);
    }
    // On narrow screens these are drawers over the article: clear what is beneath first.
    if let Some(r) = p.topics {
        if !p.wide {
            f.render_widget(Clear, r);
        }
        topics::draw(f, r, state, focused(Pane::Topics));
    }
    if let Some(r) = p.documents {
        if !p.wide {
            f.render_widget(Clear, r);
        }
        documents::draw(f, r, state, focused(Pane::Documents));
    }
    status::footer(f, p.footer, state);
    match &state.mode {
        Mode::Normal => {}
        Mode::Help { scroll } => help::draw(f, area, state, *scroll),
        Mode::Search(s) => search::draw(f, area, state, s),
    }
}

fn too_small(f: &mut Frame, area: Rect) {
    let lines = vec![
        Line::from("Terminal too small"),
        Line::from(format!(
            "{}×{}, need {}×{}",
            area.width, area.height, MIN_WIDTH, MIN_HEIGHT
        )),
        Line::from("q quits"),
    ];
    let h = (lines.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    let r = Rect {
        y,
        height: h,
        ..area
    };
    f.render_widget(Paragraph::new(lines).alignment(Alignment::Center), r);
}

/// A pane's frame: bright when focused, dim otherwise; its name on the left and its position
/// (`35%`, `3/20`) on the right.
pub fn pane_block<'a>(name: &'a str, position: String, focused: bool, theme: &Theme) -> Block<'a> {
    let style = theme.border(focused);
    let mut block = Block::bordered()
        .border_style(style)
        .title_top(Line::from(Span::styled(format!(" {name} "), style)));
    if !position.is_empty() {
        block = block
            .title_top(Line::from(Span::styled(format!(" {position} "), style)).right_aligned());
    }
    block
}

/// A centred rectangle of at most `w`×`h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Spans of `text` (already cleaned) with the chars at `marked` (ascending char indices, shifted
/// by `offset`) patched with `mark` style.
pub fn marked_spans(
    text: &str,
    marked: &[usize],
    offset: usize,
    base: Style,
    mark: Style,
) -> Vec<Span<'static>> {
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut cur = String::new();
    let mut cur_marked = false;
    let mut m = marked
        .iter()
        .copied()
        .filter(|&i| i >= offset)
        .map(|i| i - offset)
        .peekable();
    for (i, c) in text.chars().enumerate() {
        while m.peek().is_some_and(|&x| x < i) {
            m.next();
        }
        let is = m.peek() == Some(&i);
        if is != cur_marked && !cur.is_empty() {
            let style = if cur_marked { base.patch(mark) } else { base };
            out.push(Span::styled(std::mem::take(&mut cur), style));
        }
        cur_marked = is;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(Span::styled(
            cur,
            if cur_marked { base.patch(mark) } else { base },
        ));
    }
    out
}
