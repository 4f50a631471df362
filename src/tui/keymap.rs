//! The one table of key bindings. The footer hints, the help overlay and `docs/keys.md` are all
//! generated from it, so they cannot disagree with what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where a binding applies. `Global` bindings work in every pane of the main view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    Article,
    Quotes,
    Topics,
    Documents,
    Search,
    Help,
}

impl Context {
    pub const ALL: [Context; 7] = [
        Context::Global,
        Context::Article,
        Context::Quotes,
        Context::Topics,
        Context::Documents,
        Context::Search,
        Context::Help,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "Global",
            Context::Article => "Article",
            Context::Quotes => "Quotes",
            Context::Topics => "Topics",
            Context::Documents => "Documents",
            Context::Search => "Search",
            Context::Help => "Help",
        }
    }
}

/// A footer hint: its place in the footer (lower first) and its short label. Bindings sharing a
/// label are shown together ("j/k move").
#[derive(Debug, Clone, Copy)]
pub struct Hint(pub u8, pub &'static str);

#[derive(Debug, Clone)]
pub struct Binding {
    /// In the notation `key_name` produces: `j`, `G`, `gg`, `C-d`, `S-Tab`, `Space`, `PageDown`.
    pub key: &'static str,
    pub context: Context,
    pub action: Action,
    pub description: &'static str,
    pub hint: Option<Hint>,
}

const fn b(
    key: &'static str,
    context: Context,
    action: Action,
    description: &'static str,
) -> Binding {
    Binding {
        key,
        context,
        action,
        description,
        hint: None,
    }
}

const fn h(
    key: &'static str,
    context: Context,
    action: Action,
    description: &'static str,
    hint: Hint,
) -> Binding {
    Binding {
        key,
        context,
        action,
        description,
        hint: Some(hint),
    }
}

use Action as A;
use Context as C;

pub static KEYMAP: &[Binding] = &[
    h(
        "Tab",
        C::Global,
        A::FocusNext,
        "focus the next pane",
        Hint(0, "pane"),
    ),
    b("S-Tab", C::Global, A::FocusPrev, "focus the previous pane"),
    b("l", C::Global, A::FocusRight, "focus the pane to the right"),
    b(
        "Right",
        C::Global,
        A::FocusRight,
        "focus the pane to the right",
    ),
    b("h", C::Global, A::FocusLeft, "focus the pane to the left"),
    b(
        "Left",
        C::Global,
        A::FocusLeft,
        "focus the pane to the left",
    ),
    h(
        "j",
        C::Global,
        A::Down,
        "move down / scroll down (a count repeats: 5j)",
        Hint(1, "move"),
    ),
    b("Down", C::Global, A::Down, "move down / scroll down"),
    h(
        "k",
        C::Global,
        A::Up,
        "move up / scroll up",
        Hint(1, "move"),
    ),
    b("Up", C::Global, A::Up, "move up / scroll up"),
    b("gg", C::Global, A::Top, "go to the top"),
    b("Home", C::Global, A::Top, "go to the top"),
    b("G", C::Global, A::Bottom, "go to the bottom"),
    b("End", C::Global, A::Bottom, "go to the bottom"),
    b("C-d", C::Global, A::HalfPageDown, "half a page down"),
    b("C-u", C::Global, A::HalfPageUp, "half a page up"),
    b("PageDown", C::Global, A::PageDown, "a page down"),
    b("PageUp", C::Global, A::PageUp, "a page up"),
    b(
        "]",
        C::Global,
        A::NextQuote,
        "select the next quote in the article",
    ),
    b(
        "[",
        C::Global,
        A::PrevQuote,
        "select the previous quote in the article",
    ),
    h(
        "/",
        C::Global,
        A::OpenSearch,
        "search quotes and speakers",
        Hint(5, "search"),
    ),
    b(
        "n",
        C::Global,
        A::NextMatch,
        "next search match in the article",
    ),
    b(
        "N",
        C::Global,
        A::PrevMatch,
        "previous search match in the article",
    ),
    b("t", C::Global, A::FocusTopics, "focus the topics"),
    b(
        "d",
        C::Global,
        A::FocusDocuments,
        "focus the documents (when several are open)",
    ),
    b(
        "a",
        C::Global,
        A::ToggleAnyAll,
        "topics combine with any / all",
    ),
    b("c", C::Global, A::ClearFilter, "clear the topic filter"),
    b(
        "Esc",
        C::Global,
        A::Cancel,
        "cancel a count or prefix, clear search highlights",
    ),
    h(
        "?",
        C::Global,
        A::ShowHelp,
        "show this help",
        Hint(6, "help"),
    ),
    h("q", C::Global, A::Quit, "quit", Hint(7, "quit")),
    b("C-c", C::Global, A::Quit, "quit"),
    h(
        "Space",
        C::Article,
        A::PageDown,
        "a page down",
        Hint(2, "page"),
    ),
    b("b", C::Article, A::PageUp, "a page up"),
    h(
        "Enter",
        C::Quotes,
        A::JumpToQuote,
        "show the quote in the article (on a speaker: fold)",
        Hint(2, "jump"),
    ),
    h(
        "Space",
        C::Quotes,
        A::ToggleFold,
        "fold / unfold the speaker's quotes",
        Hint(3, "fold"),
    ),
    h(
        "Space",
        C::Topics,
        A::ToggleTopic,
        "toggle the topic filter",
        Hint(2, "toggle"),
    ),
    b(
        "Enter",
        C::Topics,
        A::ToggleTopic,
        "toggle the topic filter",
    ),
    h(
        "a",
        C::Topics,
        A::ToggleAnyAll,
        "match any / all active topics",
        Hint(3, "any/all"),
    ),
    h(
        "c",
        C::Topics,
        A::ClearFilter,
        "clear the topic filter",
        Hint(4, "clear"),
    ),
    h(
        "Enter",
        C::Documents,
        A::OpenDocument,
        "open the document",
        Hint(2, "open"),
    ),
    b("Space", C::Documents, A::OpenDocument, "open the document"),
    h(
        "Enter",
        C::Search,
        A::SearchJump,
        "jump to the quote (opening its document)",
        Hint(2, "jump"),
    ),
    h(
        "Esc",
        C::Search,
        A::SearchCancel,
        "close the search, back where you were",
        Hint(3, "back"),
    ),
    h(
        "Down",
        C::Search,
        A::SearchDown,
        "next result",
        Hint(1, "move"),
    ),
    h(
        "Up",
        C::Search,
        A::SearchUp,
        "previous result",
        Hint(1, "move"),
    ),
    b("C-n", C::Search, A::SearchDown, "next result"),
    b("C-p", C::Search, A::SearchUp, "previous result"),
    b(
        "Backspace",
        C::Search,
        A::SearchBackspace,
        "delete a character",
    ),
    b("C-u", C::Search, A::SearchClear, "clear the query"),
    b("C-c", C::Search, A::Quit, "quit"),
    h(
        "Esc",
        C::Help,
        A::CloseHelp,
        "close the help",
        Hint(2, "close"),
    ),
    b("?", C::Help, A::CloseHelp, "close the help"),
    b("q", C::Help, A::CloseHelp, "close the help"),
    h("j", C::Help, A::Down, "scroll down", Hint(1, "scroll")),
    b("Down", C::Help, A::Down, "scroll down"),
    h("k", C::Help, A::Up, "scroll up", Hint(1, "scroll")),
    b("Up", C::Help, A::Up, "scroll up"),
    b("C-c", C::Help, A::Quit, "quit"),
];

/// The notation of a key event, as written in [`KEYMAP`]; `None` for keys we never bind.
pub fn key_name(ev: &KeyEvent) -> Option<String> {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let name = match ev.code {
        KeyCode::Char(' ') if !ctrl => "Space".to_string(),
        KeyCode::Char(c) if ctrl => format!("C-{}", c.to_ascii_lowercase()),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => "S-Tab".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::PageUp => "PageUp".into(),
        KeyCode::PageDown => "PageDown".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        _ => return None,
    };
    Some(name)
}

/// What a typed key sequence means in the given contexts (searched in order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// A prefix of a longer binding (`g` of `gg`): wait for the next key.
    Prefix,
    None,
}

pub fn lookup(seq: &str, contexts: &[Context]) -> Lookup {
    for ctx in contexts {
        if let Some(b) = KEYMAP.iter().find(|b| b.context == *ctx && b.key == seq) {
            return Lookup::Action(b.action.clone());
        }
    }
    let prefix = KEYMAP.iter().any(|b| {
        contexts.contains(&b.context) && b.key.len() > seq.len() && b.key.starts_with(seq)
    });
    if prefix {
        Lookup::Prefix
    } else {
        Lookup::None
    }
}

/// Footer hints for a context (its own bindings first at equal rank, then global ones), as
/// (keys, label) pairs in display order.
pub fn hints(context: Context) -> Vec<(String, &'static str)> {
    let mut contexts = vec![context];
    if !matches!(context, Context::Search | Context::Help) {
        contexts.push(Context::Global);
    }
    let mut out: Vec<(u8, String, &'static str)> = Vec::new();
    for ctx in &contexts {
        for bnd in KEYMAP.iter().filter(|b| b.context == *ctx) {
            let Some(Hint(rank, label)) = bnd.hint else {
                continue;
            };
            // A context's own binding shadows a global one on the same key.
            if *ctx == Context::Global && shadowed(bnd.key, context) {
                continue;
            }
            match out.iter_mut().find(|(_, _, l)| *l == label) {
                Some((_, keys, _)) => {
                    keys.push('/');
                    keys.push_str(bnd.key);
                }
                None => out.push((rank, bnd.key.to_string(), label)),
            }
        }
    }
    out.sort_by_key(|(rank, _, _)| *rank);
    out.into_iter().map(|(_, k, l)| (k, l)).collect()
}

fn shadowed(key: &str, context: Context) -> bool {
    context != Context::Global && KEYMAP.iter().any(|b| b.context == context && b.key == key)
}

/// Bindings of one context grouped by action: (keys joined, description), in table order.
pub fn grouped(context: Context) -> Vec<(String, &'static str)> {
    let mut out: Vec<(Action, String, &'static str)> = Vec::new();
    for bnd in KEYMAP.iter().filter(|b| b.context == context) {
        match out.iter_mut().find(|(a, _, _)| *a == bnd.action) {
            Some((_, keys, _)) => {
                keys.push_str(", ");
                keys.push_str(bnd.key);
            }
            None => out.push((bnd.action.clone(), bnd.key.to_string(), bnd.description)),
        }
    }
    out.into_iter().map(|(_, k, d)| (k, d)).collect()
}

/// `docs/keys.md`, generated; a test keeps the committed file equal to this.
pub fn markdown() -> String {
    let mut s = String::from(
        "# Keys of the reader\n\n\
         Generated from the keymap table in `src/tui/keymap.rs` (a test keeps this file in step).\n\
         `C-` is Ctrl, `S-` is Shift. A number before a movement repeats it (`5j`).\n\
         The mouse wheel scrolls the pane under the pointer; a click selects.\n",
    );
    for ctx in Context::ALL {
        s.push_str(&format!(
            "\n## {}\n\n| Key | Action |\n| --- | --- |\n",
            ctx.name()
        ));
        if ctx == Context::Search {
            s.push_str("| any text | type the query (fuzzy; several words must all match) |\n");
        }
        for (keys, desc) in grouped(ctx) {
            let keys: Vec<String> = keys
                .split(", ")
                .map(|k| format!("`{}`", k.replace('|', "\\|")))
                .collect();
            s.push_str(&format!("| {} | {} |\n", keys.join(", "), desc));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn names_match_the_table_notation() {
        assert_eq!(
            key_name(&key(KeyCode::Char('d'), KeyModifiers::CONTROL)).as_deref(),
            Some("C-d")
        );
        assert_eq!(
            key_name(&key(KeyCode::Char('G'), KeyModifiers::SHIFT)).as_deref(),
            Some("G")
        );
        assert_eq!(
            key_name(&key(KeyCode::BackTab, KeyModifiers::SHIFT)).as_deref(),
            Some("S-Tab")
        );
        assert_eq!(
            key_name(&key(KeyCode::Char(' '), KeyModifiers::NONE)).as_deref(),
            Some("Space")
        );
    }

    #[test]
    fn context_shadows_global_and_prefixes_wait() {
        assert_eq!(
            lookup("Space", &[C::Topics, C::Global]),
            Lookup::Action(A::ToggleTopic)
        );
        assert_eq!(lookup("g", &[C::Article, C::Global]), Lookup::Prefix);
        assert_eq!(
            lookup("gg", &[C::Article, C::Global]),
            Lookup::Action(A::Top)
        );
        assert_eq!(lookup("z", &[C::Article, C::Global]), Lookup::None);
    }

    #[test]
    fn every_key_is_bound_once_per_context() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                assert!(
                    !(a.key == b.key && a.context == b.context),
                    "{} twice in {:?}",
                    a.key,
                    a.context
                );
            }
        }
    }

    #[test]
    fn hints_group_keys() {
        let h = hints(Context::Quotes);
        assert_eq!(h[0], ("Tab".to_string(), "pane"));
        assert!(h.contains(&("j/k".to_string(), "move")));
        assert!(h.contains(&("Enter".to_string(), "jump")));
    }

    #[test]
    fn docs_keys_md_matches_the_keymap() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md");
        let want = markdown();
        if std::env::var_os("UPDATE_KEYS_MD").is_some() {
            std::fs::write(path, &want).expect("write docs/keys.md");
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "docs/keys.md is stale: run `UPDATE_KEYS_MD=1 cargo test keys_md`"
        );
    }
}
