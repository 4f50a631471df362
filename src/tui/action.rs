//! Everything that can change the reader's state. Keys resolve to these through the keymap;
//! tests drive `update` with them directly.

use crossterm::event::{KeyEvent, MouseEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}
