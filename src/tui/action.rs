//! Everything that can change the reader's state. Keys resolve to these through the keymap;
//! tests drive `update` with them directly.

use crossterm::event::{KeyEvent, MouseEvent};

use super::search::SearchResult;
use crate::model::Document;

/// Not `Copy`: the events that carry data (documents parsed in the background, a search's
/// results from the worker thread) are actions too, so every state change goes through `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    ShowHelp,
    CloseHelp,
    OpenSearch,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    FocusDocuments,
    FocusTopics,
    Down,
    Up,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    NextQuote,
    PrevQuote,
    NextMatch,
    PrevMatch,
    /// Quotes pane: centre the article on the selected quote.
    JumpToQuote,
    /// Quotes pane: fold or unfold the selected speaker's group.
    ToggleFold,
    ToggleTopic,
    ToggleAnyAll,
    ClearFilter,
    OpenDocument,
    /// Esc in the main view: forget a pending count or key prefix and the search highlights.
    Cancel,
    SearchInput(char),
    SearchBackspace,
    SearchClear,
    SearchUp,
    SearchDown,
    SearchJump,
    SearchCancel,
    // Raw input, resolved inside `update` so pending counts and prefixes are state too.
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// Documents parsed in the background, in input order, with the loading progress.
    Loaded(Loaded),
    /// The search worker's results for a query (ignored when the query has changed since).
    SearchResults(SearchResult),
}

/// A batch of documents from the background loader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub docs: Vec<Document>,
    pub warnings: Vec<String>,
    /// Input files handled so far and in all; `done == total` ends the loading.
    pub done: usize,
    pub total: usize,
}
