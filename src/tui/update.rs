//! The only place the reader's state changes.

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::Action;
use super::keymap::{self, Context, Lookup};
use super::layout::inner;
use std::sync::Arc;

use super::action::Loaded;
use super::search::{hits_in_doc, SearchIndex, SearchResult};
use super::state::{Mode, Pane, QRow, SearchState, State};

/// Lines the mouse wheel scrolls the article per notch.
const WHEEL_LINES: usize = 3;

pub fn update(state: &mut State, action: Action) {
    match action {
        Action::Key(ev) => on_key(state, ev),
        Action::Mouse(ev) => on_mouse(state, ev),
        Action::Resize(w, h) => {
            state.size = (w, h);
            state.ensure_view(state.current);
            keep_visible(state);
        }
        Action::Loaded(batch) => on_loaded(state, batch),
        Action::SearchResults(r) => show_results(state, r),
        other => {
            state.message = None;
            apply(state, other, 1);
        }
    }
}

/// The keymap context of what has the keyboard now.
pub fn context(state: &State) -> Context {
    match (&state.mode, state.focus) {
        (Mode::Help { .. }, _) => Context::Help,
        (Mode::Search(_), _) => Context::Search,
        (Mode::Normal, Pane::Article) => Context::Article,
        (Mode::Normal, Pane::Quotes) => Context::Quotes,
        (Mode::Normal, Pane::Topics) => Context::Topics,
        (Mode::Normal, Pane::Documents) => Context::Documents,
    }
}

fn on_key(state: &mut State, ev: KeyEvent) {
    if ev.kind == KeyEventKind::Release {
        return;
    }
    state.message = None;
    let Some(name) = keymap::key_name(&ev) else {
        return;
    };
    let ctx = context(state);
    if state.panes().is_none() {
        // Too small to show anything: only quitting makes sense.
        if matches!(
            keymap::lookup(&name, &[Context::Global]),
            Lookup::Action(Action::Quit)
        ) {
            state.quit = true;
        }
        return;
    }
    match ctx {
        Context::Search => {
            match keymap::lookup(&name, &[Context::Search]) {
                Lookup::Action(a) => apply(state, a, 1),
                _ => {
                    let plain = !ev
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
                    match ev.code {
                        KeyCode::Char(c) if plain => apply(state, Action::SearchInput(c), 1),
                        _ => {}
                    }
                }
            }
            return;
        }
        Context::Help => {
            if let Lookup::Action(a) = keymap::lookup(&name, &[Context::Help]) {
                apply(state, a, 1);
            }
            return;
        }
        _ => {}
    }
    // A count prefix (`5j`); a leading 0 is not a count.
    if let KeyCode::Char(c @ '0'..='9') = ev.code {
        if state.pending_keys.is_empty() && (c != '0' || state.pending_count.is_some()) {
            let d = c as usize - '0' as usize;
            let n = state
                .pending_count
                .unwrap_or(0)
                .saturating_mul(10)
                .saturating_add(d);
            state.pending_count = Some(n.min(100_000));
            return;
        }
    }
    let seq = format!("{}{}", state.pending_keys, name);
    match keymap::lookup(&seq, &[ctx, Context::Global]) {
        Lookup::Prefix => state.pending_keys = seq,
        Lookup::Action(a) => {
            let n = state.pending_count.take().unwrap_or(1);
            state.pending_keys.clear();
            apply(state, a, n);
        }
        Lookup::None => {
            state.pending_keys.clear();
            state.pending_count = None;
        }
    }
}

fn apply(state: &mut State, action: Action, n: usize) {
    match action {
        Action::Quit => state.quit = true,
        Action::ShowHelp => state.mode = Mode::Help { scroll: 0 },
        Action::CloseHelp => state.mode = Mode::Normal,
        Action::OpenSearch => {
            match &mut state.index {
                None => state.index = Some(Arc::new(SearchIndex::build(&state.docs))),
                Some(index) if index.docs < state.docs.len() => {
                    Arc::make_mut(index).extend(&state.docs);
                }
                Some(_) => {}
            }
            state.mode = Mode::Search(SearchState::default());
        }
        Action::FocusNext => cycle_focus(state, 1, true),
        Action::FocusPrev => cycle_focus(state, -1, true),
        Action::FocusRight => cycle_focus(state, 1, false),
        Action::FocusLeft => cycle_focus(state, -1, false),
        Action::FocusTopics => state.focus = Pane::Topics,
        Action::FocusDocuments => {
            if state.several() {
                state.focus = Pane::Documents;
            } else {
                state.message = Some("only one document is open".into());
            }
        }
        Action::Down => step(state, n as isize),
        Action::Up => step(state, -(n as isize)),
        Action::Top => step(state, isize::MIN / 2),
        Action::Bottom => step(state, isize::MAX / 2),
        Action::HalfPageDown => step(state, (page(state) / 2).max(1) as isize * n as isize),
        Action::HalfPageUp => step(state, -((page(state) / 2).max(1) as isize) * n as isize),
        Action::PageDown => step(
            state,
            page(state).saturating_sub(1).max(1) as isize * n as isize,
        ),
        Action::PageUp => step(
            state,
            -(page(state).saturating_sub(1).max(1) as isize) * n as isize,
        ),
        Action::NextQuote => step_quote(state, n as isize),
        Action::PrevQuote => step_quote(state, -(n as isize)),
        Action::NextMatch => step_match(state, n as isize),
        Action::PrevMatch => step_match(state, -(n as isize)),
        Action::JumpToQuote => jump_or_fold(state),
        Action::ToggleFold => toggle_fold(state),
        Action::ToggleTopic => toggle_topic(state),
        Action::ToggleAnyAll => {
            if let Some((doc, v)) = state.doc_view_mut() {
                v.match_all = !v.match_all;
                v.rebuild_rows(doc);
            }
            keep_visible(state);
        }
        Action::ClearFilter => {
            if let Some((doc, v)) = state.doc_view_mut() {
                v.active.clear();
                v.rebuild_rows(doc);
                v.rebuild_keywords(doc);
            }
            keep_visible(state);
        }
        Action::OpenDocument => {
            open_document(state, state.doc_cursor);
        }
        Action::Cancel => {
            state.pending_count = None;
            state.pending_keys.clear();
            state.last_hits.clear();
            state.last_query.clear();
            state.refresh_marks();
        }
        Action::SearchInput(c) => edit_query(state, |q| q.push(c)),
        Action::SearchBackspace => edit_query(state, |q| {
            q.pop();
        }),
        Action::SearchClear => edit_query(state, |q| q.clear()),
        Action::SearchDown => move_search(state, n as isize),
        Action::SearchUp => move_search(state, -(n as isize)),
        Action::SearchCancel => state.mode = Mode::Normal,
        Action::SearchJump => search_jump(state),
        Action::Key(_)
        | Action::Mouse(_)
        | Action::Resize(..)
        | Action::Loaded(_)
        | Action::SearchResults(_) => update(state, action),
    }
}

fn cycle_focus(state: &mut State, dir: isize, wrap: bool) {
    let order = state.pane_order();
    let i = order.iter().position(|p| *p == state.focus).unwrap_or(0) as isize;
    let len = order.len() as isize;
    let j = if wrap {
        (i + dir).rem_euclid(len)
    } else {
        (i + dir).clamp(0, len - 1)
    };
    state.focus = order[j as usize];
}

/// Rows of the focused pane's inside, for page movements.
fn page(state: &State) -> usize {
    let Some(p) = state.panes() else { return 1 };
    let rect = match (&state.mode, state.focus) {
        (Mode::Help { .. }, _) => return state.size.1.saturating_sub(6) as usize,
        (_, Pane::Article) => Some(p.article),
        (_, Pane::Quotes) => Some(p.quotes),
        (_, Pane::Topics) => p.topics,
        (_, Pane::Documents) => p.documents,
    };
    rect.map_or(1, |r| inner(r).height.max(1) as usize)
}

fn step(state: &mut State, by: isize) {
    if let Mode::Help { scroll } = &mut state.mode {
        *scroll = (*scroll as isize + by).clamp(0, u16::MAX as isize / 2) as u16;
        return;
    }
    match state.focus {
        Pane::Article => scroll_article(state, by),
        Pane::Quotes => {
            let Some((_, v)) = state.doc_view_mut() else {
                return;
            };
            let last = v.rows.len().saturating_sub(1) as isize;
            v.row_cursor = (v.row_cursor as isize + by).clamp(0, last.max(0)) as usize;
            if let Some(QRow::Quote(q)) = v.rows.get(v.row_cursor).copied() {
                v.selected = Some(q);
                reveal_quote(state, q, false);
            }
            keep_visible(state);
        }
        Pane::Topics => {
            let Some((_, v)) = state.doc_view_mut() else {
                return;
            };
            let last = v.topic_order.len().saturating_sub(1) as isize;
            v.topic_cursor = (v.topic_cursor as isize + by).clamp(0, last.max(0)) as usize;
            keep_visible(state);
        }
        Pane::Documents => {
            let last = state.docs.len().saturating_sub(1) as isize;
            state.doc_cursor = (state.doc_cursor as isize + by).clamp(0, last.max(0)) as usize;
            keep_visible(state);
        }
    }
}

fn article_height(state: &State) -> usize {
    state
        .panes()
        .map_or(1, |p| inner(p.article).height.max(1) as usize)
}

fn scroll_article(state: &mut State, by: isize) {
    let h = article_height(state);
    let Some((_, v)) = state.doc_view_mut() else {
        return;
    };
    let max = v.layout.lines.len().saturating_sub(h) as isize;
    v.top = (v.top as isize + by).clamp(0, max.max(0)) as usize;
}

/// Scrolls the article so quote `q` is on screen: only if it is not already when `center` is
/// false, else a third of the way down.
fn reveal_quote(state: &mut State, q: usize, center: bool) {
    let h = article_height(state);
    let Some((doc, v)) = state.doc_view_mut() else {
        return;
    };
    let Some(quote) = doc.quotes.get(q) else {
        return;
    };
    let Some(line) = v.layout.line_of(quote.span.start) else {
        return;
    };
    let end_line = v
        .layout
        .line_of(quote.span.end.saturating_sub(1))
        .unwrap_or(line);
    let visible = line >= v.top && end_line < v.top + h;
    if center || !visible {
        v.top = line.saturating_sub(h / 3);
    }
    let max = v.layout.lines.len().saturating_sub(h);
    v.top = v.top.min(max);
}

/// Selects quote `q` everywhere: article emphasis, quotes-pane cursor (unfolding its group).
fn select_quote(state: &mut State, q: usize, center: bool) {
    if let Some((doc, v)) = state.doc_view_mut() {
        v.selected = Some(q);
        let speaker = doc
            .quotes
            .get(q)
            .and_then(|x| x.speaker)
            .filter(|&s| s < doc.speakers.len());
        if v.folded.contains(&speaker) {
            v.folded.retain(|s| *s != speaker);
            v.rebuild_rows(doc);
        }
        if let Some(i) = v.rows.iter().position(|r| *r == QRow::Quote(q)) {
            v.row_cursor = i;
        }
    }
    reveal_quote(state, q, center);
    keep_visible(state);
}

fn step_quote(state: &mut State, by: isize) {
    let Some(v) = state.view() else { return };
    if v.quote_order.is_empty() {
        return;
    }
    let pos = v
        .selected
        .and_then(|s| v.quote_order.iter().position(|&q| q == s));
    let len = v.quote_order.len() as isize;
    let i = match pos {
        Some(p) => (p as isize + by).clamp(0, len - 1),
        None if by > 0 => 0,
        None => len - 1,
    };
    let q = v.quote_order[i as usize];
    select_quote(state, q, false);
}

fn step_match(state: &mut State, by: isize) {
    let Some(v) = state.view() else { return };
    let Some(doc) = state.doc() else { return };
    let mut quotes: Vec<usize> = state
        .last_hits
        .iter()
        .filter(|h| h.doc == state.current)
        .map(|h| h.quote)
        .collect();
    if quotes.is_empty() {
        state.message = Some(if state.last_query.is_empty() {
            "no search yet: / to search".into()
        } else {
            format!("no matches for “{}” in this document", state.last_query)
        });
        return;
    }
    quotes.sort_by_key(|&q| doc.quotes.get(q).map_or(0, |x| x.span.start));
    quotes.dedup();
    let len = quotes.len() as isize;
    let pos = v.selected.and_then(|s| quotes.iter().position(|&q| q == s));
    let i = match pos {
        Some(p) => (p as isize + by).rem_euclid(len),
        None if by > 0 => 0,
        None => len - 1,
    } as usize;
    let q = quotes[i];
    state.message = Some(format!(
        "match {}/{} for “{}”",
        i + 1,
        len,
        state.last_query
    ));
    select_quote(state, q, false);
}

fn jump_or_fold(state: &mut State) {
    let Some(v) = state.view() else { return };
    match v.rows.get(v.row_cursor).copied() {
        Some(QRow::Quote(q)) => select_quote(state, q, true),
        Some(QRow::Header { .. }) => toggle_fold(state),
        None => {}
    }
}

fn toggle_fold(state: &mut State) {
    let Some((doc, v)) = state.doc_view_mut() else {
        return;
    };
    let speaker = match v.rows.get(v.row_cursor) {
        Some(QRow::Header { speaker, .. }) => *speaker,
        Some(QRow::Quote(q)) => doc
            .quotes
            .get(*q)
            .and_then(|x| x.speaker)
            .filter(|&s| s < doc.speakers.len()),
        None => return,
    };
    if v.folded.contains(&speaker) {
        v.folded.retain(|s| *s != speaker);
    } else {
        v.folded.push(speaker);
    }
    // Land on the group's header so the cursor does not vanish into the fold.
    v.rows.clear();
    v.rebuild_rows(doc);
    if let Some(i) = v
        .rows
        .iter()
        .position(|r| matches!(r, QRow::Header { speaker: s, .. } if *s == speaker))
    {
        v.row_cursor = i;
    }
    keep_visible(state);
}

fn toggle_topic(state: &mut State) {
    let Some((doc, v)) = state.doc_view_mut() else {
        return;
    };
    let Some(&t) = v.topic_order.get(v.topic_cursor) else {
        return;
    };
    if v.active.contains(&t) {
        v.active.retain(|x| *x != t);
    } else {
        v.active.push(t);
    }
    v.rebuild_rows(doc);
    v.rebuild_keywords(doc);
    if let Some(QRow::Quote(q)) = v.rows.get(v.row_cursor).copied() {
        v.selected = Some(q);
    }
    keep_visible(state);
}

fn open_document(state: &mut State, d: usize) {
    if d >= state.docs.len() {
        return;
    }
    state.current = d;
    state.doc_cursor = d;
    state.ensure_view(d);
    keep_visible(state);
}

fn edit_query(state: &mut State, f: impl FnOnce(&mut String)) {
    let Mode::Search(s) = &mut state.mode else {
        return;
    };
    f(&mut s.query);
    if state.search_async {
        // The event loop hands the query to its worker; results come back as an action.
        return;
    }
    let r = match &state.index {
        Some(index) => state.searcher.search(index, &s.query),
        None => SearchResult {
            query: s.query.clone(),
            ..SearchResult::default()
        },
    };
    show_results(state, r);
}

/// Shows a query's results if they are for the query now typed. The cursor goes back to the top
/// for a new query and stays put when the same query was rerun over more documents.
fn show_results(state: &mut State, r: SearchResult) {
    let Mode::Search(s) = &mut state.mode else {
        return;
    };
    if r.query != s.query {
        return;
    }
    if s.results_for != r.query {
        s.cursor = 0;
        s.scroll = 0;
    }
    s.results_for = r.query;
    s.hits = r.hits;
    s.total = r.total;
    s.cursor = s.cursor.min(s.hits.len().saturating_sub(1));
    s.scroll = s.scroll.min(s.cursor);
}

/// Documents parsed in the background join the list (and the search index, if built).
fn on_loaded(state: &mut State, batch: Loaded) {
    let added = !batch.docs.is_empty();
    // Files in all: one document each for a directory of articles (a JSONL file has more, and
    // the list then grows as usual).
    state.reserve_docs(batch.total);
    state.append_docs(batch.docs);
    state.load_warnings.extend(batch.warnings);
    state.loading = (batch.done < batch.total).then_some((batch.done, batch.total));
    if let Some(index) = &mut state.index {
        if added {
            Arc::make_mut(index).extend(&state.docs);
        }
    }
    // The documents pane may have appeared or gone: the article width can change.
    state.ensure_view(state.current);
    if added && !state.search_async {
        if let (Mode::Search(s), Some(index)) = (&state.mode, &state.index) {
            let r = state.searcher.search(index, &s.query);
            show_results(state, r);
        }
    }
    keep_visible(state);
}

fn move_search(state: &mut State, by: isize) {
    let Mode::Search(s) = &mut state.mode else {
        return;
    };
    let last = s.hits.len().saturating_sub(1) as isize;
    s.cursor = (s.cursor as isize + by).clamp(0, last.max(0)) as usize;
    // Results are two rows each; the overlay shows `search_rows` of them.
    let rows = search_rows(state.size.1);
    let Mode::Search(s) = &mut state.mode else {
        return;
    };
    if s.cursor < s.scroll {
        s.scroll = s.cursor;
    } else if s.cursor >= s.scroll + rows {
        s.scroll = s.cursor + 1 - rows;
    }
}

/// Results that fit in the search overlay for a terminal height.
pub fn search_rows(height: u16) -> usize {
    (super::render::search::overlay_height(height).saturating_sub(4) as usize / 2).max(1)
}

fn search_jump(state: &mut State) {
    let Mode::Search(s) = std::mem::replace(&mut state.mode, Mode::Normal) else {
        return;
    };
    let Some(hit) = s.hits.get(s.cursor).cloned() else {
        return;
    };
    // The hits shown are those of `results_for` (the worker may not have caught up yet).
    state.last_query = s.results_for.clone();
    state.last_hits = s.hits;
    // `n`/`N` should reach every match in the document, not only those among the best overall.
    if let Some(index) = &state.index {
        let known: Vec<usize> = state.last_hits.iter().map(|h| h.entry).collect();
        let more: Vec<_> = hits_in_doc(index, &state.last_query, hit.doc)
            .into_iter()
            .filter(|h| !known.contains(&h.entry))
            .collect();
        state.last_hits.extend(more);
    }
    open_document(state, hit.doc);
    state.refresh_marks();
    state.focus = Pane::Article;
    select_quote(state, hit.quote, true);
}

/// Keeps every list's cursor inside its viewport after a move or a resize.
fn keep_visible(state: &mut State) {
    let Some(p) = state.panes() else { return };
    let quotes = inner(p.quotes);
    let topics_h = p.topics.map(|r| inner(r).height as usize);
    let docs_h = p.documents.map(|r| inner(r).height as usize / 2);
    if let Some(h) = docs_h {
        state.doc_scroll = fit(state.doc_scroll, state.doc_cursor, h.max(1));
    }
    let Some((doc, v)) = state.doc_view_mut() else {
        return;
    };
    if let Some(h) = topics_h {
        v.topic_scroll = fit(v.topic_scroll, v.topic_cursor, h.max(1));
    }
    // Quote rows vary in height: scroll until the cursor row ends inside the pane.
    let h = quotes.height as usize;
    if v.row_cursor < v.row_scroll {
        v.row_scroll = v.row_cursor;
    }
    // Show the speaker header above the first quote when there is room.
    if v.row_cursor == v.row_scroll
        && v.row_scroll > 0
        && matches!(v.rows.get(v.row_scroll - 1), Some(QRow::Header { .. }))
    {
        v.row_scroll -= 1;
    }
    while v.row_scroll < v.row_cursor {
        let used: usize = (v.row_scroll..=v.row_cursor)
            .map(|i| v.row_height(doc, i, quotes.width))
            .sum();
        if used <= h {
            break;
        }
        v.row_scroll += 1;
    }
    v.row_scroll = v.row_scroll.min(v.rows.len().saturating_sub(1));
}

fn fit(scroll: usize, cursor: usize, h: usize) -> usize {
    if cursor < scroll {
        cursor
    } else if cursor >= scroll + h {
        cursor + 1 - h
    } else {
        scroll
    }
}

fn on_mouse(state: &mut State, ev: MouseEvent) {
    if !matches!(state.mode, Mode::Normal) {
        return;
    }
    let Some(p) = state.panes() else { return };
    let Some(pane) = p.pane_at(ev.column, ev.row) else {
        return;
    };
    match ev.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let by: isize = if ev.kind == MouseEventKind::ScrollDown {
                1
            } else {
                -1
            };
            wheel(state, pane, by);
        }
        MouseEventKind::Down(MouseButton::Left) => click(state, pane, ev.column, ev.row),
        _ => {}
    }
}

fn wheel(state: &mut State, pane: Pane, by: isize) {
    match pane {
        Pane::Article => scroll_article(state, by * WHEEL_LINES as isize),
        Pane::Quotes => {
            let Some((_, v)) = state.doc_view_mut() else {
                return;
            };
            let last = v.rows.len().saturating_sub(1) as isize;
            v.row_scroll = (v.row_scroll as isize + by).clamp(0, last.max(0)) as usize;
        }
        Pane::Topics => {
            let Some((_, v)) = state.doc_view_mut() else {
                return;
            };
            let last = v.topic_order.len().saturating_sub(1) as isize;
            v.topic_scroll = (v.topic_scroll as isize + by).clamp(0, last.max(0)) as usize;
        }
        Pane::Documents => {
            let last = state.docs.len().saturating_sub(1) as isize;
            state.doc_scroll = (state.doc_scroll as isize + by).clamp(0, last.max(0)) as usize;
        }
    }
}

fn click(state: &mut State, pane: Pane, x: u16, y: u16) {
    let Some(p) = state.panes() else { return };
    if !p.wide && pane == Pane::Topics && p.topics.is_none() {
        // The one-line bar opens the topics drawer.
        state.focus = Pane::Topics;
        return;
    }
    state.focus = pane;
    match pane {
        Pane::Article => {
            let r = inner(p.article);
            if y < r.y || x < r.x + 1 {
                return;
            }
            if let Some(q) = quote_at(state, (y - r.y) as usize, (x - r.x - 1) as usize) {
                select_quote(state, q, false);
            }
        }
        Pane::Quotes => {
            let r = inner(p.quotes);
            let Some((doc, v)) = state.doc_view_mut() else {
                return;
            };
            let mut row_y = r.y as usize;
            let mut hit = None;
            for i in v.row_scroll..v.rows.len() {
                let hgt = v.row_height(doc, i, r.width);
                if (y as usize) >= row_y && (y as usize) < row_y + hgt {
                    hit = Some(i);
                    break;
                }
                row_y += hgt;
            }
            let Some(i) = hit else { return };
            v.row_cursor = i;
            match v.rows[i] {
                QRow::Quote(q) => select_quote(state, q, false),
                QRow::Header { .. } => toggle_fold(state),
            }
        }
        Pane::Topics => {
            let Some(r) = p.topics.map(inner) else { return };
            let Some((_, v)) = state.doc_view_mut() else {
                return;
            };
            let i = v.topic_scroll + y.saturating_sub(r.y) as usize;
            if i < v.topic_order.len() {
                v.topic_cursor = i;
                // A click on the check box toggles, elsewhere it only selects.
                if x < r.x + 4 {
                    toggle_topic(state);
                }
            }
        }
        Pane::Documents => {
            let Some(r) = p.documents.map(inner) else {
                return;
            };
            let i = state.doc_scroll + (y.saturating_sub(r.y) / 2) as usize;
            if i < state.docs.len() {
                state.doc_cursor = i;
                open_document(state, i);
            }
        }
    }
}

/// The quote under article row `row` (from the pane top) and text column `col`.
fn quote_at(state: &State, row: usize, col: usize) -> Option<usize> {
    let (doc, v) = (state.doc()?, state.view()?);
    let line = v.layout.lines.get(v.top + row)?;
    if !matches!(
        line.kind,
        super::wrap::LineKind::Para(_) | super::wrap::LineKind::Heading
    ) {
        return None;
    }
    let text = doc.text.get(line.range.clone())?;
    let mut used = 0;
    let mut offset = line.range.end;
    for (i, c) in text.char_indices() {
        used += crate::sanitize::char_width(c);
        if used > col {
            offset = line.range.start + i;
            break;
        }
    }
    v.quote_order
        .iter()
        .copied()
        .find(|&q| doc.quotes[q].span.contains_offset(offset))
}
