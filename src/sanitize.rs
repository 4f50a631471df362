//! Text bound for a terminal: no control or escape characters. Shared by every view (the reader
//! and the CLI's table output) so the rule lives in one place.

/// Replace control characters (C0 except tab/newline, DEL, C1) and bidirectional overrides with
/// a visible placeholder, so article text can never drive the terminal.
pub fn for_terminal(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_are_replaced() {
        let s = super::for_terminal("a\x1b[2Jb\x07c\u{9b}d\u{202E}e\tf");
        assert_eq!(s, "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d\u{FFFD}e\tf");
    }
}
