//! Finding quotation spans: pairing double quotation marks inside a paragraph.
//!
//! Curly, straight and mixed pairs (`"…”`, `“…"`) all pair. Apostrophes never open or close a
//! quote; single-quote pairs inside a double-quoted span are nested quotes. An unbalanced mark
//! is bounded by its paragraph, so it can never swallow the rest of the document.

use crate::model::{Span, SpanRule};

/// How a double quotation mark may act, judged from its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    len: usize,
    role: Role,
}

/// A quotation found in one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    pub span: Span,
    pub content: Span,
    pub rule: SpanRule,
    pub nested: Vec<Span>,
    /// The opening mark is never closed in this paragraph.
    pub open_ended: bool,
}

fn mark_role(c: char, prev: Option<char>, next: Option<char>) -> Option<Role> {
    let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:;,".contains(p));
    let space_after = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-…".contains(n));
    match c {
        '“' | '„' | '«' => Some(Role::Open),
        '”' | '»' => Some(Role::Close),
        '‟' => Some(Role::Open),
        '"' => {
            // Inches after feet (5'10") are not quotation marks; see `marks`, which knows the text
            // before the mark.
            Some(match (space_before, space_after) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                _ => Role::Either,
            })
        }
        _ => None,
    }
}

/// The paragraph's quotation marks in order, as they are found: the pairing walks them once,
/// so they are not collected.
fn marks(text: &str, para: Span) -> impl Iterator<Item = Mark> + '_ {
    let s = para.text(text);
    let bytes = s.as_bytes();
    let mut in_attribute = false;
    // Every double mark is '"' (0x22), or starts with 0xE2 (“ ” „ ‟) or 0xC2 (« »): jump between
    // candidates with memchr instead of decoding every character.
    memchr::memchr3_iter(b'"', 0xE2, 0xC2, bytes).filter_map(move |i| {
        let c = s.get(i..).and_then(|r| r.chars().next())?;
        if !matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»') {
            return None;
        }
        let prev = s[..i].chars().next_back();
        let next = s[i + c.len_utf8()..].chars().next();
        if c == '"' && is_inches(&s[..i]) {
            return None;
        }
        if c == '"' && (in_attribute || prev == Some('=')) {
            // A markup attribute value (<tweet id="…">): neither mark is a quotation mark.
            in_attribute = !in_attribute;
            return None;
        }
        mark_role(c, prev, next).map(|role| Mark {
            at: para.start + i,
            len: c.len_utf8(),
            role,
        })
    })
}

/// `5'10"`: a double mark after feet and inches digits measures, it does not quote ("99.9"
/// percent, with no feet before it, is a quotation).
fn is_inches(before: &str) -> bool {
    let tail = before.as_bytes();
    let digits = tail.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    digits > 0
        && digits <= 2
        && before[..before.len() - digits].ends_with(['\'', '’'])
        && before[..before.len() - digits]
            .trim_end_matches(['\'', '’'])
            .ends_with(|c: char| c.is_ascii_digit())
}

/// Quotes of one paragraph. `next_para_opens` tells whether the following paragraph starts with
/// an opening mark (journalism's multi-paragraph convention).
pub fn find(text: &str, para: Span, next_para_opens: bool) -> Vec<RawQuote> {
    let ms = marks(text, para);
    let mut out = Vec::new();
    let mut open: Option<Mark> = None;
    for m in ms {
        match open {
            None => {
                if m.role != Role::Close {
                    open = Some(m);
                }
                // A lone closing mark outside any quote is ignored.
            }
            Some(o) => {
                if m.role == Role::Open && o.role == Role::Open && m.at == o.at + o.len {
                    // Doubled opening mark: treat as one.
                    continue;
                }
                if m.role != Role::Open || (o.role == Role::Either && m.role == Role::Open) {
                    let span = Span::new(o.at, m.at + m.len);
                    let content = Span::new(o.at + o.len, m.at);
                    if content.text(text).trim().is_empty() {
                        // An empty pair ("") is no quotation; the second mark may open.
                        open = None;
                        continue;
                    }
                    out.push(RawQuote {
                        span,
                        content,
                        rule: SpanRule::Paired,
                        nested: nested(text, content),
                        open_ended: false,
                    });
                    open = None;
                }
                // A second definite opening mark while a curly quote is open: keep the first.
            }
        }
    }
    if let Some(o) = open {
        let content = super::layout::trim(text, Span::new(o.at + o.len, para.end));
        if !content.is_empty() {
            out.push(RawQuote {
                span: Span::new(o.at, content.end),
                content,
                rule: if next_para_opens {
                    SpanRule::ContinuedParagraph
                } else {
                    SpanRule::UnclosedInParagraph
                },
                nested: nested(text, content),
                open_ended: true,
            });
        }
    }
    out
}

/// True when the paragraph's first character is an opening double quotation mark.
pub fn opens_with_quote(text: &str, para: Span) -> bool {
    let s = para.text(text);
    let mut it = s.chars();
    match it.next() {
        Some(c @ ('“' | '"' | '„' | '«')) => {
            mark_role(c, None, it.next()).is_some_and(|r| r != Role::Close)
        }
        _ => false,
    }
}

/// Single-quoted spans inside a double-quoted span. An apostrophe (a mark between letters, or
/// after a letter and before a space, as in "Russias’ ") never opens one.
fn nested(text: &str, content: Span) -> Vec<Span> {
    let s = content.text(text);
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // Single marks are '\'' or start with 0xE2 (‘ ’): jump between candidates with memchr.
    for i in memchr::memchr2_iter(b'\'', 0xE2, s.as_bytes()) {
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            continue;
        };
        let prev = s[..i].chars().next_back();
        let next = s[i + c.len_utf8()..].chars().next();
        if matches!(c, '‘' | '’' | '\'') {
            let before_ws = prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p));
            let after_ws = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-".contains(n));
            let next_alnum = next.is_some_and(char::is_alphanumeric);
            match open {
                None if before_ws && next_alnum && c != '’' => open = Some(content.start + i),
                None if before_ws && next_alnum && c == '’' && !s[i..].starts_with("’9") => {
                    open = Some(content.start + i)
                }
                Some(o) if after_ws && prev.is_some_and(|p| !p.is_whitespace()) => {
                    // A plural possessive ("the players’ union") also looks like this; only
                    // accept a close when it leaves a plausible span of several characters.
                    let end = content.start + i + c.len_utf8();
                    if end - o > 3 {
                        out.push(Span::new(o, end));
                    }
                    open = None;
                }
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(s: &str) -> Vec<&str> {
        find(s, Span::new(0, s.len()), false)
            .iter()
            .map(|q| q.span.text(s))
            .collect()
    }

    #[test]
    fn curly_straight_and_mixed_pairs() {
        assert_eq!(
            quotes(r#"He said “a” and "b" and "c” and “d" too."#),
            vec!["“a”", r#""b""#, "\"c”", "“d\""]
        );
    }

    #[test]
    fn apostrophes_never_open_or_close() {
        let s = "We’ll see Russia’s plan from the '90s, he said, “it’s the players’ turn.”";
        assert_eq!(quotes(s), vec!["“it’s the players’ turn.”"]);
    }

    #[test]
    fn single_quotes_inside_double_are_nested() {
        let s = "She said, “They called it ‘a disaster’ on air.”";
        let q = find(s, Span::new(0, s.len()), false);
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].nested.iter().map(|n| n.text(s)).collect::<Vec<_>>(),
            vec!["‘a disaster’"]
        );
    }

    #[test]
    fn unbalanced_mark_is_bounded_by_its_paragraph() {
        let s = "He said “this never closes. And more.";
        let q = find(s, Span::new(0, s.len()), false);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].span.text(s), "“this never closes. And more.");
        assert_eq!(q[0].rule, SpanRule::UnclosedInParagraph);
    }

    #[test]
    fn paragraph_that_reopens_continues_the_quote() {
        let s = "“First part of the speech.";
        let q = find(s, Span::new(0, s.len()), true);
        assert_eq!(q[0].rule, SpanRule::ContinuedParagraph);
        let next = "“Second part.”";
        assert!(opens_with_quote(next, Span::new(0, next.len())));
        assert!(!opens_with_quote("Plain.", Span::new(0, 6)));
    }

    #[test]
    fn markup_attributes_are_not_quotes() {
        assert_eq!(
            quotes(r#"<tweet id="123" author="x">Hi</tweet> and "yes" here"#),
            vec![r#""yes""#]
        );
    }

    #[test]
    fn inches_are_not_quotes() {
        assert!(quotes(r#"He is 6'2" tall and said "hi" then."#) == vec![r#""hi""#]);
    }
}
