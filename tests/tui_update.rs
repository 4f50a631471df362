//! State transitions of the reader: `update` on actions and keys, without drawing.

mod common;

use briefing::model::Document;
use briefing::tui::state::{Mode, Pane, QRow};
use briefing::tui::{update, Action, State, Theme};
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

fn state(docs: Vec<Document>) -> State {
    let mut s = State::new(docs, Theme::COLOR);
    update(&mut s, Action::Resize(120, 40));
    s
}

fn keys(s: &mut State, keys: &str) {
    for c in keys.chars() {
        update(
            s,
            Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}

fn key(s: &mut State, code: KeyCode, mods: KeyModifiers) {
    update(s, Action::Key(KeyEvent::new(code, mods)));
}

fn selected_text(s: &State) -> String {
    let (doc, v) = (s.doc().expect("doc"), s.view().expect("view"));
    doc.quote_text(&doc.quotes[v.selected.expect("a selected quote")])
        .to_string()
}

#[test]
fn opens_on_the_article_with_the_first_quote_of_the_top_speaker_selected() {
    let s = state(vec![common::summit()]);
    assert_eq!(s.focus, Pane::Article);
    assert_eq!(selected_text(&s), "“absolutely constructive.”");
    let v = s.view().expect("view");
    assert!(matches!(v.rows[0], QRow::Header { count: 4, .. }));
    assert!(matches!(v.rows.last(), Some(QRow::Quote(_))));
}

#[test]
fn q_and_ctrl_c_quit_and_releases_are_ignored() {
    let mut s = state(vec![common::summit()]);
    update(
        &mut s,
        Action::Key(KeyEvent::new_with_kind(
            KeyCode::Char('q'),
            KeyModifiers::NONE,
            KeyEventKind::Release,
        )),
    );
    assert!(!s.quit);
    keys(&mut s, "q");
    assert!(s.quit);
    let mut s = state(vec![common::summit()]);
    key(&mut s, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(s.quit);
}

#[test]
fn focus_cycles_with_tab_and_moves_with_h_l() {
    let mut s = state(vec![common::summit()]);
    key(&mut s, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(s.focus, Pane::Quotes);
    key(&mut s, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(s.focus, Pane::Topics);
    key(&mut s, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(s.focus, Pane::Quotes);
    keys(&mut s, "l");
    assert_eq!(s.focus, Pane::Quotes, "l stops at the right edge");
    keys(&mut s, "hh");
    assert_eq!(s.focus, Pane::Topics);
}

#[test]
fn counts_gg_and_g_scroll_the_article() {
    let mut s = state(vec![common::summit()]);
    update(&mut s, Action::Resize(80, 24));
    keys(&mut s, "5j");
    assert_eq!(s.view().map(|v| v.top), Some(5));
    keys(&mut s, "k");
    assert_eq!(s.view().map(|v| v.top), Some(4));
    keys(&mut s, "G");
    let v = s.view().expect("view");
    let bottom = v.top;
    assert!(bottom > 5);
    keys(&mut s, "g");
    assert_eq!(s.view().map(|v| v.top), Some(bottom), "a lone g waits");
    keys(&mut s, "g");
    assert_eq!(s.view().map(|v| v.top), Some(0));
    key(&mut s, KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert!(s.view().map(|v| v.top).unwrap_or(0) > 0);
}

#[test]
fn moving_in_quotes_selects_and_enter_scrolls_the_article_to_it() {
    let mut s = state(vec![common::summit()]);
    update(&mut s, Action::Resize(80, 24));
    update(&mut s, Action::FocusNext);
    keys(&mut s, "7j");
    assert_eq!(
        selected_text(&s),
        "“We have the significant cyber capability and he knows it,”"
    );
    update(&mut s, Action::JumpToQuote);
    let (doc, v) = (s.doc().expect("doc"), s.view().expect("view"));
    let q = &doc.quotes[v.selected.expect("selected")];
    let line = v.layout.line_of(q.span.start).expect("quote line");
    assert!(
        line >= v.top && line < v.top + 20,
        "line {line} top {}",
        v.top
    );
    assert!(v.top > 0);
}

#[test]
fn folding_a_speaker_hides_their_quotes() {
    let mut s = state(vec![common::summit()]);
    update(&mut s, Action::FocusNext);
    let before = s.view().expect("view").rows.len();
    update(&mut s, Action::ToggleFold);
    let v = s.view().expect("view");
    assert_eq!(v.rows.len(), before - 4);
    assert!(matches!(
        v.rows[v.row_cursor],
        QRow::Header { folded: true, .. }
    ));
    update(&mut s, Action::JumpToQuote); // Enter on a header unfolds
    assert_eq!(s.view().expect("view").rows.len(), before);
}

#[test]
fn topics_filter_quotes_any_or_all_and_clear() {
    let mut s = state(vec![common::summit()]);
    let shown = |s: &State| {
        s.view()
            .expect("view")
            .rows
            .iter()
            .filter(|r| matches!(r, QRow::Quote(_)))
            .count()
    };
    assert_eq!(shown(&s), 9);
    keys(&mut s, "t "); // diplomacy
    assert_eq!(s.focus, Pane::Topics);
    assert_eq!(shown(&s), 3);
    keys(&mut s, "j "); // + cybersecurity
    assert_eq!(shown(&s), 5, "any: either topic");
    keys(&mut s, "a");
    assert!(s.view().expect("view").match_all);
    assert_eq!(shown(&s), 1, "all: both topics");
    keys(&mut s, "c");
    assert_eq!(shown(&s), 9);
    assert!(!s.view().expect("view").filter_active());
}

#[test]
fn search_ranks_jumps_and_esc_returns() {
    let mut s = state(vec![common::summit()]);
    keys(&mut s, "/");
    assert!(matches!(s.mode, Mode::Search(_)));
    keys(&mut s, "putin cyb");
    let Mode::Search(search) = &s.mode else {
        panic!("search mode")
    };
    assert_eq!(search.hits.len(), 1);
    key(&mut s, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(
        selected_text(&s),
        "“absolutely constructive.”",
        "Esc leaves the selection alone"
    );
    keys(&mut s, "/we");
    key(&mut s, KeyCode::Down, KeyModifiers::NONE);
    key(&mut s, KeyCode::Char('n'), KeyModifiers::CONTROL);
    key(&mut s, KeyCode::Char('p'), KeyModifiers::CONTROL);
    let Mode::Search(search) = &s.mode else {
        panic!("search mode")
    };
    assert_eq!(search.cursor, 1);
    let want = search.hits[1].quote;
    key(&mut s, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.view().and_then(|v| v.selected), Some(want));
    assert!(
        !s.view().expect("view").marks.is_empty(),
        "matches are marked in the article"
    );
    // n/N step through the matches in the article.
    let first = s.view().and_then(|v| v.selected);
    keys(&mut s, "n");
    assert_ne!(s.view().and_then(|v| v.selected), first);
    keys(&mut s, "N");
    assert_eq!(s.view().and_then(|v| v.selected), first);
}

#[test]
fn search_enter_opens_the_other_document() {
    let mut s = state(vec![common::summit(), common::pipeline()]);
    keys(&mut s, "/blount");
    key(&mut s, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(s.current, 1);
    assert_eq!(
        selected_text(&s),
        "“it was the right thing to do for the country”"
    );
}

#[test]
fn documents_pane_opens_a_document() {
    let mut s = state(vec![common::summit(), common::pipeline()]);
    keys(&mut s, "d");
    assert_eq!(s.focus, Pane::Documents);
    keys(&mut s, "j");
    key(&mut s, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(s.current, 1);
    assert_eq!(s.doc().map(|d| d.id.as_str()), Some("pipeline"));
}

#[test]
fn help_opens_and_closes() {
    let mut s = state(vec![common::summit()]);
    keys(&mut s, "?");
    assert!(matches!(s.mode, Mode::Help { .. }));
    keys(&mut s, "q");
    assert_eq!(s.mode, Mode::Normal);
    assert!(!s.quit, "q closes the help first");
}

#[test]
fn too_small_still_quits() {
    let mut s = state(vec![common::summit()]);
    update(&mut s, Action::Resize(40, 10));
    keys(&mut s, "j?");
    assert_eq!(s.mode, Mode::Normal);
    keys(&mut s, "q");
    assert!(s.quit);
}

#[test]
fn resize_reflows_keeping_the_top_line_anchored() {
    let mut s = state(vec![common::summit()]);
    keys(&mut s, "12j");
    let (doc, v) = (s.doc().expect("doc"), s.view().expect("view"));
    let anchor = v.layout.lines[v.top].range.start;
    let before = doc.text[anchor..].chars().take(20).collect::<String>();
    update(&mut s, Action::Resize(80, 24));
    let v = s.view().expect("view");
    let line = &v.layout.lines[v.top];
    assert!(
        line.range.start <= anchor && anchor < line.range.end.max(anchor + 1),
        "{before:?} left the top line"
    );
}

#[test]
fn wheel_scrolls_the_pane_under_the_pointer_and_click_selects() {
    let mut s = state(vec![common::summit()]);
    update(&mut s, Action::Resize(80, 24));
    let mouse = |kind, column, row| {
        Action::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    update(&mut s, mouse(MouseEventKind::ScrollDown, 10, 10));
    assert_eq!(s.view().map(|v| v.top), Some(3));
    // Click the "positive talks" quote in the article (row 8, after "held ").
    update(&mut s, mouse(MouseEventKind::ScrollUp, 10, 10));
    update(
        &mut s,
        mouse(MouseEventKind::Down(MouseButton::Left), 35, 8),
    );
    assert_eq!(s.focus, Pane::Article);
    assert_eq!(selected_text(&s), "“positive talks”");
    // Click a quote row in the quotes pane.
    update(
        &mut s,
        mouse(MouseEventKind::Down(MouseButton::Left), 60, 4),
    );
    assert_eq!(s.focus, Pane::Quotes);
    assert_eq!(selected_text(&s), "“absolutely constructive.”");
}

/// The real parser on the seed: structural checks only, so parser improvements do not break it.
#[test]
fn seed_opens_and_renders_without_panicking() {
    use briefing::parse::{parse_document, Meta};
    let text = include_str!("../seeds/000_9ea31ebcd1a31f2c.txt").to_string();
    let doc = parse_document(
        Meta {
            id: "seed".into(),
            source: "seed".into(),
            title: None,
            date: None,
        },
        text,
    );
    let mut s = state(vec![doc.clone()]);
    let v = s.view().expect("view");
    assert!(
        v.layout.lines.len() > 20,
        "the article is wrapped into lines"
    );
    assert_eq!(
        v.rows
            .iter()
            .filter(|r| matches!(r, QRow::Quote(_)))
            .count(),
        doc.quotes.len()
    );
    for a in [
        Action::FocusNext,
        Action::Bottom,
        Action::JumpToQuote,
        Action::FocusNext,
        Action::ToggleTopic,
        Action::OpenSearch,
    ] {
        update(&mut s, a);
    }
    for c in "cyber".chars() {
        update(&mut s, Action::SearchInput(c));
    }
    update(&mut s, Action::SearchJump);
    for (w, h) in [(80, 24), (120, 40), (61, 15), (300, 100)] {
        update(&mut s, Action::Resize(w, h));
        let mut t =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("terminal");
        t.draw(|f| briefing::tui::render::draw(f, &s))
            .expect("draw");
    }
}
