//! A small word tokenizer over byte ranges of the text.
//!
//! Words keep internal apostrophes, hyphens and abbreviation periods ("O’Malley", "off-limits",
//! "U.S."), so later rules can look at whole words without re-scanning characters.

use super::lexicon::Lexicon;
use crate::model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A word; `cap` when it starts with an uppercase letter, `ascii` when all of it is ASCII
    /// (its lowercase form then sits at its own offsets in the lowercased text).
    Word { cap: bool, ascii: bool },
    /// A punctuation character (not a quotation mark).
    Punct(char),
    /// A whole quotation, collapsed to one token (index into the paragraph's quotes).
    Quote(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokKind,
}

impl Token {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word { .. })
    }
    pub fn is_cap(&self) -> bool {
        matches!(self.kind, TokKind::Word { cap: true, .. })
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            TokKind::Quote(q) => Some(q),
            _ => None,
        }
    }
}

/// Mojibake: UTF-8 read as Latin-1 turns "é" into "Ã©" and "ç" into "Ã§" (twice over,
/// "Ã\u{83}Â§"; decomposed, "A\u{303}§"). After an "Ã" or "Â", a character of U+0080–U+00BF is
/// the rest of a letter, so "FranÃ§ois" stays one word rather than the name "FranÃ" and a stray
/// "ois".
fn mojibake_tail(prev: char, c: char) -> bool {
    matches!(prev, 'Ã' | 'Â' | '\u{302}' | '\u{303}') && ('\u{80}'..='\u{BF}').contains(&c)
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // General Punctuation (curly quotes, dashes, ellipsis) holds no letter or digit; answered
    // here because `is_alphanumeric` takes its slow table path for every such character.
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}');
    }
    // Soft hyphens and zero-width joiners sit inside words in scraped text ("Doug\u{AD}Andres");
    // so do combining accents in decomposed text ("Marti\u{301}nez").
    c.is_alphanumeric()
        || matches!(
            c,
            '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{300}'..='\u{36F}'
        )
}

/// ASCII letters and digits by byte: one load per byte in the word loop.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The character at byte `i` of `s` (a char boundary) and its length; ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Is `word` (as written) an abbreviation of the lexicon? Short ASCII words are lowercased on the
/// stack: this runs for every word before a period.
fn is_abbreviation(lex: &Lexicon, word: &str) -> bool {
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        if !lex.may_be_abbreviation_ascii(word.as_bytes()) {
            return false;
        }
        let low = &mut buf[..word.len()];
        low.copy_from_slice(word.as_bytes());
        low.make_ascii_lowercase();
        return lex.is_abbreviation(low);
    }
    lex.abbreviations.contains(&word.to_lowercase())
}

/// "Trump said.Trump claimed": a lowercase word, a period, then a capitalised word is a sentence
/// end whose space was lost in scraping (a domain or "U.S." has no such shape). `start..end` is
/// the word before the period at `end`.
fn missing_space(s: &str, start: usize, end: usize) -> bool {
    let word = &s.as_bytes()[start..end];
    let after = s.as_bytes().get(end + 1..end + 3);
    word.len() >= 2
        && word.iter().all(u8::is_ascii_lowercase)
        && after.is_some_and(|a| a[0].is_ascii_uppercase() && a[1].is_ascii_lowercase())
}

/// Tokenize `text[range]`, appending to `out`. Offsets are absolute.
pub fn tokenize_into(text: &str, range: Span, out: &mut Vec<Token>) {
    let Some(slice) = text.get(range.start..range.end) else {
        return;
    };
    let bytes = slice.as_bytes();
    let base = range.start;
    // About one token per five bytes of prose; one reservation instead of repeated growth.
    out.reserve(slice.len() / 5 + 1);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII spaces and words, most of the text, are told from the byte alone.
        if b == b' ' {
            i += 1;
            continue;
        }
        let (end, cap, ascii) = if ASCII_ALNUM[usize::from(b)] {
            let run_end = alnum_run_end(bytes, i + 1);
            // Most words end at a space, a comma or the paragraph's end, which join nothing and
            // are no period: the word is its run. The rest go through the full rules.
            let end = match bytes.get(run_end) {
                None | Some(b' ' | b',') => run_end,
                Some(_) => word_end(
                    slice,
                    i,
                    (b as char, 1),
                    run_end,
                    bytes[run_end - 1] as char,
                ),
            };
            // The joined characters decide whether the word is still all ASCII.
            let ascii = end == run_end || bytes[i..end].is_ascii();
            (end, b.is_ascii_uppercase(), ascii)
        } else if b.is_ascii() {
            // Other ASCII: whitespace (`char::is_whitespace`: the space and '\t' through '\r')
            // or a punctuation character, no word character.
            if !matches!(b, b'\t'..=b'\r') {
                out.push(Token {
                    span: Span::new(base + i, base + i + 1),
                    kind: TokKind::Punct(char::from(b)),
                });
            }
            i += 1;
            continue;
        } else {
            match other_token(slice, i) {
                Other::Skip(len) => {
                    i += len;
                    continue;
                }
                Other::Punct(c, len) => {
                    out.push(Token {
                        span: Span::new(base + i, base + i + len),
                        kind: TokKind::Punct(c),
                    });
                    i += len;
                    continue;
                }
                Other::Word(c, clen) => {
                    let end = word_end(slice, i, (c, clen), i + clen, c);
                    (end, c.is_uppercase(), false)
                }
                Other::End => break,
            }
        };
        out.push(Token {
            span: Span::new(base + i, base + end),
            kind: TokKind::Word { cap, ascii },
        });
        // Most words are followed by one space: step over it here rather than on the next turn.
        i = end + usize::from(bytes.get(end) == Some(&b' '));
    }
}

/// Where the run of ASCII letters and digits from `from` ends: eight bytes at a time while
/// eight remain (a word's run usually ends within the first eight), then byte by byte.
#[inline]
fn alnum_run_end(bytes: &[u8], mut from: usize) -> usize {
    while let Some(chunk) = bytes.get(from..from + 8) {
        let x = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        let stops = not_alnum8(x);
        if stops != 0 {
            // Lanes are little-endian: the lowest set top bit is the first byte to stop at.
            return from + (stops.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    while bytes
        .get(from)
        .is_some_and(|&b| ASCII_ALNUM[usize::from(b)])
    {
        from += 1;
    }
    from
}

/// `byte` in each of a word's eight lanes.
const fn lanes(byte: u8) -> u64 {
    0x0101_0101_0101_0101 * byte as u64
}

/// The top bit of each lane of `x` whose byte is no ASCII letter or digit. Each lane's range
/// tests are additions to its low seven bits, which never carry into the next lane.
#[inline]
fn not_alnum8(x: u64) -> u64 {
    const TOP: u64 = lanes(0x80);
    let low = x & !TOP;
    // The top bit of each lane where `low >= c`.
    let at_least = |v: u64, c: u8| (v + lanes(0x80 - c)) & TOP;
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    // Folded to lowercase: only 'A'..='Z' and 'a'..='z' land in 'a'..='z'.
    let folded = low | lanes(0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    // A non-ASCII byte (top bit set) is no letter or digit whatever its low bits.
    !((digit | letter) & !x) & TOP
}

/// A token that starts with a non-ASCII character (rare in prose, so kept out of the word
/// loop).
enum Other {
    /// Whitespace of this many bytes.
    Skip(usize),
    /// A punctuation character and its length.
    Punct(char, usize),
    /// A word starting with this non-ASCII character (and its length).
    Word(char, usize),
    /// Not at a character boundary: tokenizing stops.
    End,
}

/// The token at byte `i`, which starts a non-ASCII character. Out of line: the word loop stays
/// small enough to keep its state in registers.
#[inline(never)]
fn other_token(slice: &str, i: usize) -> Other {
    let Some((c, clen)) = char_at(slice, i) else {
        return Other::End;
    };
    if c.is_whitespace() {
        Other::Skip(clen)
    } else if !is_word_char(c) {
        Other::Punct(c, clen)
    } else {
        Other::Word(c, clen)
    }
}

/// The end of the word that starts at `start` with `first` (a character and its length) and
/// has been read up to `end`, `prev` being its last character so far: inner apostrophes,
/// hyphens and periods join on, and an abbreviation keeps its trailing period.
#[inline(never)]
fn word_end(
    slice: &str,
    start: usize,
    first: (char, usize),
    mut end: usize,
    mut prev: char,
) -> usize {
    let bytes = slice.as_bytes();
    // Whether a period joined on: the word holds one (its runs and first character cannot).
    let mut has_period = false;
    loop {
        // A run of ASCII letters and digits joins without decoding; `prev` is its last byte.
        let run_end = alnum_run_end(bytes, end);
        if run_end > end {
            prev = char::from(bytes[run_end - 1]);
        }
        end = run_end;
        // Most words end at a space or a comma, which join nothing and are no period: no
        // decoding or joiner tests.
        if matches!(bytes.get(end), Some(b' ' | b',')) {
            break;
        }
        let Some((d, dlen)) = char_at(slice, end) else {
            break;
        };
        // The character after `d` is only looked at when `d` may join two words.
        let joins = is_word_char(d)
            || mojibake_tail(prev, d)
            || (matches!(d, '\'' | '\u{2019}' | '\u{2018}' | '-' | '.') && {
                let next_is_word = char_at(slice, end + dlen).is_some_and(|(n, _)| is_word_char(n));
                if d == '.' {
                    // Dotted abbreviations, decimals and domains: U.S., 3.2, example.com —
                    // a period with no space after it never ends a sentence.
                    next_is_word && prev.is_alphanumeric() && !missing_space(slice, start, end)
                } else {
                    // Inner apostrophes and hyphens: O’Malley, we’ll, off-limits.
                    is_word_char(prev) && next_is_word
                }
            });
        if !joins {
            break;
        }
        has_period |= d == '.';
        end += dlen;
        prev = d;
    }
    // A trailing period that belongs to an abbreviation or an initial stays on the word,
    // so it never ends a sentence: "Mr.", "U.S.", "J."
    if bytes.get(end) == Some(&b'.') {
        let word = &slice[start..end];
        let (c, clen) = first;
        let single_initial = end - start == clen && c.is_uppercase();
        // "(D-Mo.)": a party-state tag's period before a closing parenthesis ends no
        // sentence; "(… said Ann Lee.)" does.
        let before_paren = bytes.get(end + 1) == Some(&b')') && word.contains('-');
        // "Sen. Rand Paul, R-Ky., told", "Acme Inc., which": a period right before a comma
        // is an abbreviation's, never a sentence's end.
        let before_comma = bytes.get(end + 1) == Some(&b',');
        if single_initial
            || before_paren
            || before_comma
            || has_period
            || is_abbreviation(Lexicon::get(), word)
        {
            end += 1;
        }
    }
    end
}

/// Strip a possessive "’s"/"'s" from a word.
#[inline]
pub fn strip_possessive(w: &str) -> &str {
    // The suffixes are whole characters, so what is left ends on a character boundary.
    w.get(..strip_possessive_bytes(w.as_bytes()).len())
        .unwrap_or(w)
}

/// [`strip_possessive`] over a word's bytes (inlined: the first byte test settles most words).
#[inline]
pub fn strip_possessive_bytes(w: &[u8]) -> &[u8] {
    // Most words do not end in "s": one byte test for them.
    if !matches!(w.last(), Some(b's' | b'S')) {
        return w;
    }
    w.strip_suffix("’s".as_bytes())
        .or_else(|| w.strip_suffix(b"'s"))
        .or_else(|| w.strip_suffix("’S".as_bytes()))
        .unwrap_or(w)
}

pub fn is_possessive(w: &str) -> bool {
    strip_possessive(w).len() != w.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_byte_run_end_agrees_with_the_table() {
        let by_byte = |bytes: &[u8], mut from: usize| {
            while bytes
                .get(from)
                .is_some_and(|&b| ASCII_ALNUM[usize::from(b)])
            {
                from += 1;
            }
            from
        };
        // Every byte in every position of a run of letters and digits, and past it.
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut w = *b"aZ09mxyzAQ7kqrs";
                w[at] = b;
                for from in 0..3 {
                    assert_eq!(alnum_run_end(&w, from), by_byte(&w, from), "{b} at {at}");
                }
            }
        }
    }

    fn words(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize_into(s, Span::new(0, s.len()), &mut v);
        v.iter().map(|t| t.span.text(s)).collect()
    }

    #[test]
    fn keeps_apostrophes_hyphens_and_abbreviations_inside_words() {
        assert_eq!(
            words("O’Malley said we’ll go off-limits, Mr. Smith of the U.S. paid $3.2 million."),
            vec![
                "O’Malley",
                "said",
                "we’ll",
                "go",
                "off-limits",
                ",",
                "Mr.",
                "Smith",
                "of",
                "the",
                "U.S.",
                "paid",
                "$",
                "3.2",
                "million",
                "."
            ]
        );
    }

    #[test]
    fn combining_accents_and_mojibake_stay_inside_words() {
        // Decomposed accents: "José Martínez" as "Jose\u{301} Marti\u{301}nez".
        assert_eq!(
            words("Jose\u{301} Marti\u{301}nez said."),
            vec!["Jose\u{301}", "Marti\u{301}nez", "said", "."]
        );
        // "François" read as Latin-1 once, twice, and decomposed; "§" alone is no letter.
        assert_eq!(
            words("Fran\u{c3}\u{a7}ois and Fran\u{c3}\u{83}\u{c2}\u{a7}ois and FranA\u{303}\u{a7}ois § 5"),
            vec![
                "Fran\u{c3}\u{a7}ois",
                "and",
                "Fran\u{c3}\u{83}\u{c2}\u{a7}ois",
                "and",
                "FranA\u{303}\u{a7}ois",
                "§",
                "5"
            ]
        );
    }

    #[test]
    fn a_period_before_a_comma_stays_on_its_word() {
        assert_eq!(
            words("Rand Paul, R-Ky., told Acme Inc., we."),
            vec!["Rand", "Paul", ",", "R-Ky.", ",", "told", "Acme", "Inc.", ",", "we", "."]
        );
    }

    #[test]
    fn a_period_that_lost_its_space_still_ends_the_sentence() {
        assert_eq!(
            words("Lee said.Lee added, see example.com or U.S.Army units"),
            vec![
                "Lee",
                "said",
                ".",
                "Lee",
                "added",
                ",",
                "see",
                "example.com",
                "or",
                "U.S.Army",
                "units"
            ]
        );
    }

    #[test]
    fn general_punctuation_shortcut_agrees_with_unicode() {
        for c in ('\u{2000}'..='\u{206F}').chain(['\u{AD}', 'é', '’', '“', '—']) {
            let full = c.is_alphanumeric()
                || matches!(
                    c,
                    '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
                );
            assert_eq!(is_word_char(c), full, "{c:?}");
        }
    }

    /// The tokenizer before its ASCII words took a fast path (perf pass 12), kept as the
    /// oracle the current one must agree with token for token.
    fn reference_tokenize(text: &str, range: Span, out: &mut Vec<Token>) {
        let lex = Lexicon::get();
        let Some(slice) = text.get(range.start..range.end) else {
            return;
        };
        let bytes = slice.as_bytes();
        let base = range.start;
        // About one token per five bytes of prose; one reservation instead of repeated growth.
        out.reserve(slice.len() / 5 + 1);
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // ASCII spaces and letters, most of the text, are told from the byte alone.
            if b == b' ' {
                i += 1;
                continue;
            }
            let (c, clen) = if b < 0x80 {
                (b as char, 1)
            } else {
                match char_at(slice, i) {
                    Some(x) => x,
                    None => break,
                }
            };
            if !b.is_ascii_alphanumeric() {
                if c.is_whitespace() {
                    i += clen;
                    continue;
                }
                if !is_word_char(c) {
                    out.push(Token {
                        span: Span::new(base + i, base + i + clen),
                        kind: TokKind::Punct(c),
                    });
                    i += clen;
                    continue;
                }
            }
            let start = i;
            let mut end = i + clen;
            let mut prev = c;
            let mut ascii = clen == 1;
            loop {
                // A run of ASCII letters and digits joins without decoding; `prev` is its last byte.
                let rest = bytes.get(end..).unwrap_or_default();
                let run = rest
                    .iter()
                    .position(|&b| !ASCII_ALNUM[usize::from(b)])
                    .unwrap_or(rest.len());
                // The run's last byte; an empty run (index wraps past the end) leaves `prev`.
                if let Some(&last) = rest.get(run.wrapping_sub(1)) {
                    prev = char::from(last);
                }
                end += run;
                // Most words end at a space or a comma, which join nothing and are no period: no
                // decoding or joiner tests.
                if matches!(bytes.get(end), Some(b' ' | b',')) {
                    break;
                }
                let Some((d, dlen)) = char_at(slice, end) else {
                    break;
                };
                // The character after `d` is only looked at when `d` may join two words.
                let joins = is_word_char(d)
                    || mojibake_tail(prev, d)
                    || (matches!(d, '\'' | '\u{2019}' | '\u{2018}' | '-' | '.') && {
                        let next_is_word =
                            char_at(slice, end + dlen).is_some_and(|(n, _)| is_word_char(n));
                        if d == '.' {
                            // Dotted abbreviations, decimals and domains: U.S., 3.2, example.com —
                            // a period with no space after it never ends a sentence.
                            next_is_word
                                && prev.is_alphanumeric()
                                && !missing_space(slice, start, end)
                        } else {
                            // Inner apostrophes and hyphens: O’Malley, we’ll, off-limits.
                            is_word_char(prev) && next_is_word
                        }
                    });
                if !joins {
                    break;
                }
                end += dlen;
                ascii &= dlen == 1;
                prev = d;
            }
            // A trailing period that belongs to an abbreviation or an initial stays on the word,
            // so it never ends a sentence: "Mr.", "U.S.", "J."
            if bytes.get(end) == Some(&b'.') {
                let word = &slice[start..end];
                let single_initial = end - start == clen && c.is_uppercase();
                // "(D-Mo.)": a party-state tag's period before a closing parenthesis ends no
                // sentence; "(… said Ann Lee.)" does.
                let before_paren = bytes.get(end + 1) == Some(&b')') && word.contains('-');
                // "Sen. Rand Paul, R-Ky., told", "Acme Inc., which": a period right before a comma
                // is an abbreviation's, never a sentence's end.
                let before_comma = bytes.get(end + 1) == Some(&b',');
                if single_initial
                    || before_paren
                    || before_comma
                    || word.contains('.')
                    || is_abbreviation(lex, word)
                {
                    end += 1;
                }
            }
            out.push(Token {
                span: Span::new(base + start, base + end),
                kind: TokKind::Word {
                    cap: c.is_uppercase(),
                    // A trailing period added above is ASCII too.
                    ascii,
                },
            });
            // Most words are followed by one space: step over it here rather than on the next turn.
            i = end + usize::from(bytes.get(end) == Some(&b' '));
        }
    }

    #[test]
    fn agrees_with_the_reference_tokenizer() {
        let samples = [
            "O’Malley said we’ll go off-limits, Mr. Smith of the U.S. paid $3.2 million.",
            "Rand Paul, R-Ky., told Acme Inc., we. (D-Mo.) (said Ann Lee.) J. Doe",
            "Lee said.Lee added, see example.com or U.S.Army units",
            "Café owners’ “views” — naïve? Doug\u{AD}Andres\u{200B}x, 12,000 e.g. i.e.,",
            "end.\n\tTab\u{a0}nbsp St. Louis, Fla. Gov. A.B. c'd x- -y '-' é. É. Ünter-",
            "x",
            ".",
            "",
            "ab",
            "Ab.",
            "a.b",
            "3.",
            "Dr.",
            "we’",
            "’s",
            "U.S",
            "…",
            "a…b",
        ];
        let dir = |d: &str| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(d);
        let mut texts: Vec<String> = samples.iter().map(|s| s.to_string()).collect();
        for d in [dir("seeds"), dir("fuzz/seeds")] {
            for e in std::fs::read_dir(d).into_iter().flatten().flatten() {
                texts.extend(std::fs::read_to_string(e.path()));
            }
        }
        for s in &texts {
            assert_same_tokens(s);
        }
    }

    fn assert_same_tokens(s: &str) {
        // The whole text, and from its second character on.
        let second = s.char_indices().nth(1).map_or(s.len(), |(i, _)| i);
        for a in [0, second] {
            let mut new = Vec::new();
            let mut old = Vec::new();
            tokenize_into(s, Span::new(a, s.len()), &mut new);
            reference_tokenize(s, Span::new(a, s.len()), &mut old);
            assert_eq!(new, old, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_reference_on_any_text(
            s in "[a-zA-Z0-9 .,'’‘\\-()\n\t\u{a0}\u{ad}\u{200b}éÉ“”—…:$]{0,40}"
        ) {
            assert_same_tokens(&s);
        }
    }

    #[test]
    fn possessives_are_stripped() {
        assert_eq!(strip_possessive("Russia’s"), "Russia");
        assert_eq!(strip_possessive("Biden's"), "Biden");
        assert_eq!(strip_possessive("Biden"), "Biden");
    }
}
