//! A small word tokenizer over byte ranges of the text.
//!
//! Words keep internal apostrophes, hyphens and abbreviation periods ("O’Malley", "off-limits",
//! "U.S."), so later rules can look at whole words without re-scanning characters.

use super::lexicon::Lexicon;
use crate::model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A word; `cap` when it starts with an uppercase letter.
    Word { cap: bool },
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
        matches!(self.kind, TokKind::Word { cap: true })
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

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

fn is_word_char(c: char) -> bool {
    // Soft hyphens and zero-width joiners sit inside words in scraped text ("Doug\u{AD}Andres").
    c.is_alphanumeric()
        || matches!(
            c,
            '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        )
}

/// Tokenize `text[range]`, appending to `out`. Offsets are absolute.
pub fn tokenize_into(text: &str, range: Span, out: &mut Vec<Token>) {
    let lex = Lexicon::get();
    let Some(slice) = text.get(range.start..range.end) else {
        return;
    };
    let base = range.start;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let mut end = i + c.len_utf8();
            let mut prev = c;
            while let Some(&(j, d)) = chars.peek() {
                let next_is_word = slice[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(is_word_char);
                let joins = is_word_char(d)
                    // Inner apostrophes and hyphens: O’Malley, we’ll, off-limits.
                    || ((is_apostrophe(d) || d == '-') && is_word_char(prev) && next_is_word)
                    // Dotted abbreviations, decimals and domains: U.S., 3.2, example.com —
                    // a period with no space after it never ends a sentence.
                    || (d == '.' && next_is_word && prev.is_alphanumeric());
                if !joins {
                    break;
                }
                chars.next();
                end = j + d.len_utf8();
                prev = d;
            }
            // A trailing period that belongs to an abbreviation or an initial stays on the word,
            // so it never ends a sentence: "Mr.", "U.S.", "J."
            if let Some(&(j, '.')) = chars.peek() {
                let word = &slice[start..end];
                let single_initial = word.chars().count() == 1 && c.is_uppercase();
                // "(D-Mo.)": a period right before a closing parenthesis ends no sentence.
                let before_paren = slice[j + 1..].starts_with(')');
                if single_initial
                    || before_paren
                    || word.contains('.')
                    || lex.abbreviations.contains(&word.to_lowercase())
                {
                    chars.next();
                    end = j + 1;
                }
            }
            out.push(Token {
                span: Span::new(base + start, base + end),
                kind: TokKind::Word {
                    cap: c.is_uppercase(),
                },
            });
        } else {
            out.push(Token {
                span: Span::new(base + i, base + i + c.len_utf8()),
                kind: TokKind::Punct(c),
            });
        }
    }
}

/// Strip a possessive "’s"/"'s" (or a bare trailing apostrophe) from a word.
pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix("’S"))
        .unwrap_or(w)
}

pub fn is_possessive(w: &str) -> bool {
    strip_possessive(w).len() != w.len()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn possessives_are_stripped() {
        assert_eq!(strip_possessive("Russia’s"), "Russia");
        assert_eq!(strip_possessive("Biden's"), "Biden");
        assert_eq!(strip_possessive("Biden"), "Biden");
    }
}
