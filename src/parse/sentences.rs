//! Sentence boundaries inside a paragraph.

use super::tokens::{TokKind, Token};
use crate::model::Span;

/// Split a paragraph's tokens (quotes not collapsed) into sentence spans, handed to `emit` in
/// order (no vector of its own: the caller stores them).
///
/// A sentence ends at `.`, `!`, `?` or `…` (plus any closing quotation marks or brackets) when
/// the next token starts with a capital, a digit or an opening mark. Abbreviation periods were
/// already absorbed into their words by the tokenizer.
pub fn split(text: &str, para: Span, tokens: &[Token], mut emit: impl FnMut(Span)) {
    let mut start = para.start;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if let TokKind::Punct(c) = t.kind {
            if matches!(c, '.' | '!' | '?' | '…') {
                let mut j = i + 1;
                let mut end = t.span.end;
                while j < tokens.len() {
                    match tokens[j].kind {
                        TokKind::Punct(d)
                            if matches!(d, '.' | '!' | '?' | ')' | ']' | '’' | '\'')
                                || closes(text, tokens[j]) =>
                        {
                            end = tokens[j].span.end;
                            j += 1;
                        }
                        _ => break,
                    }
                }
                let next_starts = tokens.get(j).is_none_or(|n| match n.kind {
                    TokKind::Word { cap, .. } => {
                        cap || n.span.text(text).starts_with(|c: char| c.is_ascii_digit())
                    }
                    TokKind::Punct(d) => matches!(d, '"' | '“' | '(' | '‘' | '[' | '—'),
                    TokKind::Quote(_) => true,
                });
                if next_starts {
                    emit(Span::new(start, end));
                    start = tokens.get(j).map_or(para.end, |n| n.span.start);
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < para.end {
        emit(Span::new(start, para.end));
    }
}

/// A closing quotation mark: ” always; " when followed by whitespace or the end.
fn closes(text: &str, t: Token) -> bool {
    match t.span.text(text) {
        "”" | "»" => true,
        "\"" => text[t.span.end..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tokens::tokenize_into;

    fn sentences(s: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        let span = Span::new(0, s.len());
        tokenize_into(s, span, &mut toks);
        let mut out = Vec::new();
        split(s, span, &toks, |x| out.push(x.text(s)));
        out
    }

    #[test]
    fn splits_on_terminal_punctuation_before_capitals() {
        assert_eq!(
            sentences("Mr. Smith went to the U.S. on Monday. He said “It works.” Then he left."),
            vec![
                "Mr. Smith went to the U.S. on Monday.",
                "He said “It works.”",
                "Then he left."
            ]
        );
    }

    #[test]
    fn does_not_split_before_lowercase() {
        assert_eq!(
            sentences("“Stop it!” he said. Fine."),
            vec!["“Stop it!” he said.", "Fine."]
        );
    }
}
