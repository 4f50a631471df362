//! Finding quotation spans: pairing double quotation marks inside a paragraph.
//!
//! Curly, straight and mixed pairs (`"…”`, `“…"`) all pair. Apostrophes never open or close a
//! quote; single-quote pairs inside a double-quoted span are nested quotes. An unbalanced mark
//! is bounded by its paragraph, so it can never swallow the rest of the document. A document
//! written in the British style, single marks with no double mark anywhere, is paired on its
//! single marks instead (see [`Style`]).

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

/// Which marks quote in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `“…”` / `"…"`, singles nested inside.
    Double,
    /// `‘…’` / `'…'` (British usage): the document has no double mark at all.
    Single,
}

impl Style {
    /// Single when single-quoted spans (at least two) outnumber the double-quoted ones, as in a
    /// British text that nests doubles inside singles; never with `''` in the text (the old wire
    /// convention for a double mark). An American text's nested singles are fewer than its
    /// doubles, and one stray pair of apostrophes never flips it.
    pub fn of(text: &str) -> Style {
        // Count marks by their bytes: '"', '\'', “ ” „ ‟ and ‘ ’ (E2 80 9C–9F, 98–99), « »
        // (C2 AB, C2 BB). Pairs are at most half the single marks, so a text with no more single
        // marks than double ones is settled without pairing anything.
        let b = text.as_bytes();
        let (mut doubles, mut single_marks) = (0usize, 0usize);
        for i in memchr::memchr3_iter(b'"', b'\'', 0xE2, b) {
            match (b[i], b.get(i + 1), b.get(i + 2)) {
                (b'"', ..) => doubles += 1,
                (b'\'', ..) => single_marks += 1,
                (_, Some(0x80), Some(0x9C..=0x9F)) => doubles += 1,
                (_, Some(0x80), Some(0x98 | 0x99)) => single_marks += 1,
                _ => {}
            }
        }
        doubles += memchr::memchr_iter(0xC2, b)
            .filter(|&i| matches!(b.get(i + 1), Some(0xAB | 0xBB)))
            .count();
        if single_marks <= doubles || text.contains("''") {
            return Style::Double;
        }
        let mut singles = 0;
        for line in text.split('\n') {
            let start = line.as_ptr() as usize - text.as_ptr() as usize;
            singles += single_pairs(text, Span::new(start, start + line.len()))
                .0
                .len();
        }
        if singles >= 2 && singles * 2 > doubles {
            Style::Single
        } else {
            Style::Double
        }
    }
}

fn mark_role(c: char, prev: Option<char>, next: Option<char>) -> Option<Role> {
    // `matches!` rather than `"…".contains`: a string search per mark, costlier than the test.
    let space_before = prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | ';' | ',')
    });
    let space_after = next.is_none_or(|n| {
        n.is_whitespace()
            || matches!(
                n,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…'
            )
    });
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

/// Quotes of one paragraph, into `out` (emptied first: a list the caller reuses for every
/// paragraph). `next_para_opens` tells whether the following paragraph starts with an opening
/// mark (journalism's multi-paragraph convention).
pub fn find_into(
    text: &str,
    para: Span,
    next_para_opens: bool,
    style: Style,
    out: &mut Vec<RawQuote>,
) {
    out.clear();
    if style == Style::Single {
        out.extend(find_single(text, para, next_para_opens));
        return;
    }
    let ms = marks(text, para);
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
}

/// [`find_into`] a new list.
#[cfg(test)]
pub fn find(text: &str, para: Span, next_para_opens: bool, style: Style) -> Vec<RawQuote> {
    let mut out = Vec::new();
    find_into(text, para, next_para_opens, style, &mut out);
    out
}

/// `Juan "Chico" Manriquez`, `Joaquin “El Chapo” Guzman`: a short capitalised phrase in marks
/// between a given name and a capitalised word is a nickname inside the name, not a quotation.
pub fn is_nickname(text: &str, q: &RawQuote) -> bool {
    let inner = q.content.text(text);
    // Cheap tests first: this runs for every quotation.
    if q.rule != SpanRule::Paired || inner.len() > 40 {
        return false;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let after = text[q.span.end..].strip_prefix(' ');
    if !after.is_some_and(capitalised) {
        return false;
    }
    let Some(before) = text[..q.span.start].strip_suffix(' ') else {
        return false;
    };
    let mut words = inner.split_whitespace();
    let plain = words.clone().count() <= 3
        && words.all(capitalised)
        && !inner.trim().is_empty()
        && !inner.contains(['.', ',', ';', ':', '!', '?']);
    plain
        && before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .filter(|w| capitalised(w))
            .is_some_and(|w| {
                super::lexicon::Lexicon::get()
                    .given_names
                    .contains_key(&w.to_lowercase())
            })
}

/// A British-style paragraph: its single-quoted spans, and an opening mark left open at its end
/// (continued by the next paragraph or bounded by this one).
fn find_single(text: &str, para: Span, next_para_opens: bool) -> Vec<RawQuote> {
    let (spans, open) = single_pairs(text, para);
    let mut out: Vec<RawQuote> = spans
        .into_iter()
        .map(|span| RawQuote {
            span,
            // Both marks are one character: trim one from each end.
            content: Span::new(
                span.start + first_len(span.text(text)),
                span.end - last_len(span.text(text)),
            ),
            rule: SpanRule::Paired,
            nested: Vec::new(),
            open_ended: false,
        })
        .collect();
    if let Some(o) = open {
        let mark = first_len(&text[o..]);
        let content = super::layout::trim(text, Span::new(o + mark, para.end));
        if !content.is_empty() {
            out.push(RawQuote {
                span: Span::new(o, content.end),
                content,
                rule: if next_para_opens {
                    SpanRule::ContinuedParagraph
                } else {
                    SpanRule::UnclosedInParagraph
                },
                nested: Vec::new(),
                open_ended: true,
            });
        }
    }
    out
}

fn first_len(s: &str) -> usize {
    s.chars().next().map_or(0, char::len_utf8)
}

fn last_len(s: &str) -> usize {
    s.chars().next_back().map_or(0, char::len_utf8)
}

/// True when the paragraph's first character is an opening quotation mark of the style.
pub fn opens_with_quote(text: &str, para: Span, style: Style) -> bool {
    let s = para.text(text);
    let mut it = s.chars();
    if style == Style::Single {
        return matches!(it.next(), Some('‘' | '\''))
            && it.next().is_some_and(char::is_alphanumeric);
    }
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
    single_pairs(text, content).0
}

/// Single-quoted spans in `text[within]`, and the start of a mark still open at its end. An
/// apostrophe (a mark between letters, or after a letter and before a space) never opens one.
fn single_pairs(text: &str, within: Span) -> (Vec<Span>, Option<usize>) {
    let content = within;
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
            let before_ws = prev.is_none_or(|p| {
                p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-')
            });
            let after_ws = next.is_none_or(|n| {
                n.is_whitespace()
                    || matches!(
                        n,
                        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-'
                    )
            });
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
    (out, open)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(s: &str) -> Vec<&str> {
        find(s, Span::new(0, s.len()), false, Style::Double)
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
        let q = find(s, Span::new(0, s.len()), false, Style::Double);
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].nested.iter().map(|n| n.text(s)).collect::<Vec<_>>(),
            vec!["‘a disaster’"]
        );
    }

    #[test]
    fn unbalanced_mark_is_bounded_by_its_paragraph() {
        let s = "He said “this never closes. And more.";
        let q = find(s, Span::new(0, s.len()), false, Style::Double);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].span.text(s), "“this never closes. And more.");
        assert_eq!(q[0].rule, SpanRule::UnclosedInParagraph);
    }

    #[test]
    fn paragraph_that_reopens_continues_the_quote() {
        let s = "“First part of the speech.";
        let q = find(s, Span::new(0, s.len()), true, Style::Double);
        assert_eq!(q[0].rule, SpanRule::ContinuedParagraph);
        let next = "“Second part.”";
        assert!(opens_with_quote(
            next,
            Span::new(0, next.len()),
            Style::Double
        ));
        assert!(!opens_with_quote("Plain.", Span::new(0, 6), Style::Double));
    }

    #[test]
    fn markup_attributes_are_not_quotes() {
        assert_eq!(
            quotes(r#"<tweet id="123" author="x">Hi</tweet> and "yes" here"#),
            vec![r#""yes""#]
        );
    }

    #[test]
    fn british_single_marks_quote_when_they_outnumber_doubles() {
        let uk = "‘We are ready,’ she says. ‘He said \"no\" to me.’\n\n‘Not yet,’ he says.";
        assert_eq!(Style::of(uk), Style::Single);
        let para = Span::new(0, uk.find('\n').unwrap_or(uk.len()));
        let q: Vec<&str> = find(uk, para, false, Style::Single)
            .iter()
            .map(|q| q.span.text(uk))
            .collect();
        assert_eq!(q, vec!["‘We are ready,’", "‘He said \"no\" to me.’"]);
        // Straight marks, an apostrophe inside, and a quote continued by the next paragraph.
        let s = "'I'll believe it,' Okafor said. 'Then we wait";
        let q = find(s, Span::new(0, s.len()), true, Style::Single);
        assert_eq!(q[0].span.text(s), "'I'll believe it,'");
        assert_eq!(q[0].content.text(s), "I'll believe it,");
        assert_eq!(q[1].span.text(s), "'Then we wait");
        assert_eq!(q[1].rule, SpanRule::ContinuedParagraph);
        assert!(opens_with_quote(
            "'Second part.'",
            Span::new(0, 14),
            Style::Single
        ));
        // American texts: nested singles are fewer than doubles; possessives and one stray pair
        // never flip a text; the wire convention '' for a double mark keeps it double.
        let us = "“They called it ‘a disaster’ on air,” she said. “It was ‘awful’.”";
        assert_eq!(Style::of(us), Style::Double);
        assert_eq!(
            Style::of("The players' union met in the '90s and 'til late."),
            Style::Double
        );
        assert_eq!(
            Style::of("He called it ''a disaster'' and 'awful' and 'sad' too."),
            Style::Double
        );
    }

    #[test]
    fn inches_are_not_quotes() {
        assert!(quotes(r#"He is 6'2" tall and said "hi" then."#) == vec![r#""hi""#]);
    }
}
