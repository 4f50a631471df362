//! Text bound for a terminal. Article text is untrusted: a control or escape character written
//! to the terminal could move the cursor, clear the screen, set the clipboard (OSC 52) or
//! reorder text (bidi overrides). Every view (the reader's panes and the CLI's `table` output)
//! passes text through here, so the rule lives in one place.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The displayable form of one character: `None` drops it, otherwise the character to show.
///
/// Whitespace controls become a space so wrapping keeps working; other C0 controls become their
/// Unicode "control picture" (`␛`, `␇`, `␈`) so the analyst can see something odd was there.
/// C1 controls and bidi overrides have no picture and become `�`. Marks that only steer bidi
/// or byte order are invisible anyway and are dropped.
pub fn clean_char(c: char) -> Option<char> {
    match c {
        '\r' | '\u{feff}' | '\u{200e}' | '\u{200f}' | '\u{061c}' => None,
        '\t' | '\n' | '\u{0b}' | '\u{0c}' | '\u{2028}' | '\u{2029}' | '\u{85}' => Some(' '),
        '\u{00}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('␡'),
        // C1 controls (CSI as U+009B, OSC as U+009D…) and bidi embeddings/overrides/isolates.
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some('\u{fffd}'),
        _ => Some(c),
    }
}

/// Like [`clean_char`] but never drops, so char indices are preserved (the search haystack
/// relies on a one-to-one mapping back to the article).
pub fn clean_char_keep(c: char) -> char {
    clean_char(c).unwrap_or(' ')
}

/// The displayable form of a string; borrows when nothing needed changing (the common case).
pub fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| clean_char(c) == Some(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter_map(clean_char).collect())
}

/// Terminal columns of a string once cleaned.
pub fn width(s: &str) -> usize {
    s.chars()
        .filter_map(clean_char)
        .map(|c| c.width().unwrap_or(0))
        .sum()
}

/// Columns of one cleaned character.
pub fn char_width(c: char) -> usize {
    clean_char(c).and_then(|c| c.width()).unwrap_or(0)
}

/// Cleans and shortens to at most `max` columns, ending with `…` when cut.
pub fn elide(s: &str, max: usize) -> String {
    let s = clean(s);
    if UnicodeWidthStr::width(s.as_ref()) <= max {
        return s.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    if max > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_never_survive() {
        let s = clean("a\x1b[2Jb\x1b]52;c;AAAA\x07c\u{9b}d\u{202e}e\x08f\r\n");
        assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
        assert_eq!(s, "a␛[2Jb␛]52;c;AAAA␇c\u{fffd}d\u{fffd}e␈f ");
    }

    #[test]
    fn every_control_and_bidi_override_is_neutralised() {
        for u in (0..0x20)
            .chain(0x7f..0xa0)
            .chain(0x202a..0x202f)
            .chain(0x2066..0x206a)
        {
            let c = char::from_u32(u).expect("a scalar value");
            let shown = clean_char(c);
            assert!(
                shown.is_none_or(|s| !s.is_control() && !('\u{202a}'..='\u{202e}').contains(&s)),
                "U+{u:04X} shown as {shown:?}"
            );
        }
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(clean("Putin said “no”."), Cow::Borrowed(_)));
    }

    #[test]
    fn widths_count_columns() {
        assert_eq!(width("日本"), 4);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(elide("日本語のテキスト", 7), "日本語…");
        assert_eq!(elide("short", 10), "short");
    }
}
