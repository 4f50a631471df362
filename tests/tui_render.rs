//! Rendering tests of the reader on ratatui's TestBackend: snapshots of the screen text plus
//! assertions on the styles of highlighted cells.

mod common;

use briefing::model::Document;
use briefing::tui::render;
use briefing::tui::{update, Action, State, Theme};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (40, 10)];

fn state(docs: Vec<Document>, w: u16, h: u16) -> State {
    let mut s = State::new(docs, Theme::COLOR);
    update(&mut s, Action::Resize(w, h));
    s
}

fn draw(s: &State) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(s.size.0, s.size.1)).expect("test terminal");
    t.draw(|f| render::draw(f, s)).expect("draw");
    t.backend().buffer().clone()
}

/// The screen as text, one line per row (wide characters take their cell and skip the next).
fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    out
}

fn keys(s: &mut State, keys: &str) {
    for c in keys.chars() {
        update(
            s,
            Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}

fn key(s: &mut State, code: KeyCode) {
    update(s, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Snapshots one scenario at every size.
fn snap(name: &str, docs: impl Fn() -> Vec<Document>, setup: impl Fn(&mut State)) {
    for (w, h) in SIZES {
        let mut s = state(docs(), w, h);
        setup(&mut s);
        let screen = text(&draw(&s));
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
    }
}

fn one() -> Vec<Document> {
    vec![common::summit()]
}

fn two() -> Vec<Document> {
    vec![common::summit(), common::pipeline()]
}

#[test]
fn document_opened() {
    snap("opened", one, |_| {});
}

#[test]
fn quote_selected_and_article_jumped() {
    snap("quote_selected", one, |s| {
        key(s, KeyCode::Tab); // Article → Quotes
        keys(s, "2j");
        key(s, KeyCode::Enter);
    });
}

#[test]
fn topic_toggled() {
    snap("topic_toggled", one, |s| {
        keys(s, "t");
        keys(s, " ");
        key(s, KeyCode::Tab);
    });
}

#[test]
fn search_typed() {
    snap("search", one, |s| {
        keys(s, "/putin cyb");
    });
}

#[test]
fn help_overlay() {
    snap("help", one, |s| keys(s, "?"));
}

#[test]
fn two_documents() {
    snap("two_docs", two, |_| {});
}

/// The cell where `needle` first appears on screen starting in columns `xs` (narrow characters
/// only, so a column is a char index of the row).
fn find(buf: &Buffer, needle: &str, xs: std::ops::Range<u16>) -> (u16, u16) {
    let screen = text(buf);
    for (y, row) in screen.lines().enumerate() {
        for (i, _) in row.match_indices(needle) {
            let x = row[..i].chars().count() as u16;
            if xs.contains(&x) {
                return (x, y as u16);
            }
        }
    }
    panic!("{needle:?} not on screen in columns {xs:?}:\n{screen}");
}

/// Columns of the article pane at 120 wide (between Topics and Quotes).
const ARTICLE: std::ops::Range<u16> = 26..82;
const QUOTES: std::ops::Range<u16> = 82..120;
const ANY: std::ops::Range<u16> = 0..120;

fn style_at(
    buf: &Buffer,
    needle: &str,
    xs: std::ops::Range<u16>,
    offset: u16,
) -> (Color, Modifier) {
    let (x, y) = find(buf, needle, xs);
    let cell = &buf[(x + offset, y)];
    (cell.fg, cell.modifier)
}

#[test]
fn quotes_take_their_speakers_colour_and_the_selected_one_is_reversed() {
    let s = state(one(), 120, 40);
    let buf = draw(&s);
    // Putin is the most quoted: first colour; his selected quote is reversed in the article.
    let (fg, m) = style_at(&buf, "“absolutely constructive.”", ARTICLE, 2);
    assert_eq!(fg, Color::Indexed(32));
    assert!(m.contains(Modifier::REVERSED), "{m:?}");
    // Biden's quote: second colour, not selected.
    let (fg, m) = style_at(&buf, "\"We agreed to task", ARTICLE, 3);
    assert_eq!(fg, Color::Indexed(166));
    assert!(!m.contains(Modifier::REVERSED));
    // The same colour on his group's header in the quotes pane.
    let (fg, m) = style_at(&buf, "Joe Biden  3", QUOTES, 0);
    assert_eq!(fg, Color::Indexed(166));
    assert!(m.contains(Modifier::BOLD));
    // Unattributed: plain italics.
    let (fg, m) = style_at(&buf, "“positive talks”", ARTICLE, 1);
    assert_eq!(fg, Color::Reset);
    assert!(m.contains(Modifier::ITALIC));
    // Narration is unstyled.
    let (fg, m) = style_at(&buf, "After US President", ARTICLE, 0);
    assert_eq!((fg, m), (Color::Reset, Modifier::empty()));
}

#[test]
fn jumping_to_a_quote_moves_the_highlight() {
    let mut s = state(one(), 120, 40);
    key(&mut s, KeyCode::Tab);
    keys(&mut s, "2j");
    key(&mut s, KeyCode::Enter);
    let buf = draw(&s);
    let (fg, m) = style_at(
        &buf,
        "\"As far as cybersecurity is concerned, we agreed",
        ARTICLE,
        5,
    );
    assert_eq!(fg, Color::Indexed(32));
    assert!(m.contains(Modifier::REVERSED));
    let (_, m) = style_at(&buf, "“absolutely constructive.”", ARTICLE, 2);
    assert!(!m.contains(Modifier::REVERSED));
    assert!(text(&buf).contains("told reporters · full"));
}

#[test]
fn no_color_tells_speakers_apart_by_modifiers() {
    let mut s = State::new(one(), Theme::MONO);
    update(&mut s, Action::Resize(120, 40));
    let buf = draw(&s);
    let (fg, m) = style_at(&buf, "“absolutely constructive.”", ARTICLE, 2);
    assert_eq!(fg, Color::Reset);
    assert!(m.contains(Modifier::BOLD | Modifier::REVERSED));
    let (fg, m) = style_at(&buf, "\"We agreed to task", ARTICLE, 3);
    assert_eq!(fg, Color::Reset);
    assert!(m.contains(Modifier::UNDERLINED) && !m.contains(Modifier::BOLD));
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            assert!(matches!(buf[(x, y)].fg, Color::Reset), "colour at {x},{y}");
        }
    }
}

#[test]
fn active_topic_underlines_keywords_and_dims_other_paragraphs() {
    let mut s = state(one(), 120, 40);
    keys(&mut s, "t ");
    let buf = draw(&s);
    assert!(text(&buf).contains("filter: diplomacy (any)"));
    let (_, m) = style_at(&buf, "summit in", ARTICLE, 0);
    assert!(m.contains(Modifier::UNDERLINED), "{m:?}");
    let (_, m) = style_at(&buf, "Putin denied that", ARTICLE, 0);
    assert!(m.contains(Modifier::DIM), "{m:?}");
    let (_, m) = style_at(&buf, "After US President", ARTICLE, 0);
    assert!(!m.contains(Modifier::DIM));
}

#[test]
fn search_marks_matched_characters() {
    let mut s = state(one(), 120, 40);
    keys(&mut s, "/putin cyb");
    let buf = draw(&s);
    let screen = text(&buf);
    assert!(screen.contains("Search quotes"));
    // "Putin" in the speaker column is matched, so bold and underlined.
    let (_, m) = style_at(&buf, "▸ Vladimir Putin", ANY, 11);
    assert!(m.contains(Modifier::BOLD | Modifier::UNDERLINED), "{m:?}");
    let (_, m) = style_at(&buf, "As far as cybersecurity", 20..60, 10);
    assert!(m.contains(Modifier::BOLD | Modifier::UNDERLINED), "{m:?}");
    let (_, m) = style_at(&buf, "As far as cybersecurity", 20..60, 1);
    assert!(!m.contains(Modifier::UNDERLINED), "{m:?}");
}

#[test]
fn control_characters_never_reach_the_screen() {
    let doc = common::DocBuilder::new("evil")
        .title("Evil\x1b[2J title")
        .para("Clear \x1b[2J screen, set clipboard \x1b]52;c;AAAA\x07 and CSI \u{9b}31m, bidi \u{202e}abc, back\x08space\r.")
        .para("“Quote with \x1b[31mred\x1b[0m inside,” said \x1b]0;title\x07Mallory.")
        .quote("“Quote with \x1b[31mred\x1b[0m inside,”", Some("Mal\x1b[5mlory"), Some("said\x07"), briefing::model::QuoteKind::Full)
        .topic("evil\x1b[1m", &["clipboard"])
        .build();
    for (w, h) in [(80, 24), (120, 40)] {
        let mut s = state(vec![doc.clone(), common::pipeline()], w, h);
        for setup in ["", "t", "/mal"] {
            keys(&mut s, setup);
            let buf = draw(&s);
            for cell in buf.content() {
                for c in cell.symbol().chars() {
                    let bad = c.is_control()
                        || ('\u{80}'..='\u{9f}').contains(&c)
                        || ('\u{202a}'..='\u{202e}').contains(&c);
                    assert!(
                        !bad,
                        "{c:?} reached the screen at {w}x{h} after {setup:?}:\n{}",
                        text(&buf)
                    );
                }
            }
            assert!(
                text(&buf).contains('␛'),
                "escapes are shown as placeholders"
            );
        }
    }
}
