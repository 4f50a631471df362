//! Property tests: the parser is total and keeps the model's promises on arbitrary input.
//!
//! Three generators: raw bytes (through the same lossy decoding as files), arbitrary Unicode,
//! and article-shaped text built from the pieces the parser reacts to (quotation marks, capitalised
//! names, reporting verbs, paragraph breaks, markup, control characters). The invariants are
//! `briefing::model::violations`, the same check the fuzz target (`fuzz/`) runs.
//!
//! Case counts are moderate so `cargo test` stays fast; `PROPTEST_CASES=20000 cargo test --test
//! properties --release` runs a long session.

use briefing::cli::{self, Cli};
use briefing::input::decode_preserving_offsets;
use briefing::model::{violations, Document};
use briefing::parse::{parse_document, Meta};
use briefing::tui::{render, update, Action, State, Theme};
use clap::Parser;
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn parse(text: String) -> Document {
    parse_document(
        Meta {
            id: "prop".into(),
            source: "prop.txt".into(),
            ..Meta::default()
        },
        text,
    )
}

/// Parses `text` and asserts every invariant, plus that the text is kept verbatim and parsing
/// is deterministic.
fn check(text: &str) -> Result<Document, TestCaseError> {
    let doc = parse(text.to_string());
    prop_assert_eq!(&doc.text, text, "the model keeps the original text");
    let broken = violations(&doc);
    prop_assert!(broken.is_empty(), "{:#?}\ninput: {:?}", broken, text);
    prop_assert_eq!(&parse(text.to_string()), &doc, "parsing is deterministic");
    Ok(doc)
}

/// Pieces of text the parser has rules for, so random articles reach deep into attribution.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "’",
    "‘",
    "„",
    "«",
    "»",
    "‟",
    "« ",
    " »",
    "\" ",
    " \"",
    "“We",
    "”,",
    ",”",
    ".”",
    "?”",
    "…",
    "—",
    " – ",
    ",",
    ".",
    ". ",
    "!",
    "?",
    ":",
    ";",
    "(",
    ")",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\n\n",
    "\r\n",
    "\t",
    "# ",
    "## ",
    "Joe Biden",
    "Biden",
    "Putin",
    "Vladimir Putin",
    "Mrs. May",
    "Dr.",
    "U.S.",
    "the Russian president",
    "a White House official",
    "the Kremlin",
    "He",
    "he",
    "She",
    "she",
    "They",
    "it",
    "said",
    "says",
    "told reporters",
    "added",
    "according to",
    "was quoted as saying",
    "by",
    "that",
    "asked",
    "The",
    "the",
    "and",
    "We",
    "agreed",
    "cyber",
    "security",
    "pipeline",
    "June 17, 2021",
    "2021-06-17",
    "5'10\"",
    "<tweet id=\"1\">",
    "</tweet>",
    "=\"",
    "\u{1b}[2J",
    "\u{9b}",
    "\u{202e}",
    "\u{0}",
    "\u{7f}",
    "日本語",
    "é",
    "e\u{301}",
    "🙂",
    "\u{feff}",
    "\u{2028}",
    "ß",
    "İ",
    "Ⅻ",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..400).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_decode_with_offsets_kept_and_parse(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let n = bytes.len();
        let (text, bad) = decode_preserving_offsets(bytes.clone());
        prop_assert_eq!(text.len(), n, "decoding never moves a byte offset");
        prop_assert_eq!(bad.is_some(), std::str::from_utf8(&bytes).is_err());
        check(&text)?;
    }

    #[test]
    fn any_unicode_parses_within_the_model(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn article_shaped_text_parses_within_the_model(text in article()) {
        check(&text)?;
    }
}

proptest! {
    // Rendering is slower than parsing: fewer cases, still every view.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_article_renders_and_prints_without_control_characters(
        text in article(),
        w in 20u16..140,
        h in 5u16..50,
    ) {
        let doc = check(&text)?;
        let mut state = State::new(vec![doc.clone()], Theme::COLOR);
        update(&mut state, Action::Resize(w, h));
        let mut term = Terminal::new(TestBackend::new(w, h)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        term.draw(|f| render::draw(f, &state)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for cell in term.backend().buffer().content() {
            prop_assert!(!cell.symbol().chars().any(|c| c.is_control()), "{:?} on screen", cell.symbol());
        }
        for args in [
            &["briefing", "quotes", "--format", "table", "--explain"][..],
            &["briefing", "speakers", "--format", "table"],
            &["briefing", "topics", "--format", "table"],
        ] {
            let cli = Cli::try_parse_from(args).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let Some(cmd) = cli.command else { return Err(TestCaseError::fail("no command")) };
            let mut out = Vec::new();
            cli::run(&cmd, std::slice::from_ref(&doc), &mut out).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let out = String::from_utf8_lossy(&out);
            prop_assert!(
                !out.chars().any(|c| c.is_control() && c != '\n'),
                "a control character in the table output: {:?}", out
            );
        }
    }
}
