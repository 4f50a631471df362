//! Block structure: the leading date, the title, headings and paragraphs.

use crate::model::Span;

/// A block of text between blank lines (or a single line, for unwrapped text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Title(Span),
    Heading { span: Span, level: u8 },
    Paragraph(Span),
}

#[derive(Debug, Default)]
pub struct Layout {
    pub date: Option<(String, Span)>,
    pub blocks: Vec<Block>,
}

/// Find a leading `date YYYY-MM-DD` token (after optional whitespace; the token may share a line
/// with the first paragraph, as in the seed). Also accepts `Date:`.
fn leading_date(text: &str) -> Option<(String, Span)> {
    let start = text.len() - text.trim_start().len();
    let rest = &text[start..];
    let word_len = rest.find(|c: char| c.is_whitespace())?;
    let word = rest[..word_len].trim_end_matches(':');
    if !word.eq_ignore_ascii_case("date") {
        return None;
    }
    let after = &rest[word_len..];
    let ds = start + word_len + (after.len() - after.trim_start().len());
    let d = text.get(ds..ds + 10)?;
    let b = d.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let boundary_ok = text[ds + 10..]
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace());
    (ok && boundary_ok).then(|| (d.to_string(), Span::new(start, ds + 10)))
}

/// Lines of `text[from..]` as spans without their line terminators.
fn lines(text: &str, from: usize) -> Vec<Span> {
    let mut pos = from;
    let bytes = text.as_bytes();
    // Counted first (vectorised): one allocation instead of a growth per doubling.
    let newlines = bytes
        .get(from..)
        .map_or(0, |b| memchr::memchr_iter(b'\n', b).count());
    let mut out = Vec::with_capacity(newlines + 1);
    while pos < text.len() {
        let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(text.len(), |i| pos + i);
        let mut e = end;
        if e > pos && bytes[e - 1] == b'\r' {
            e -= 1;
        }
        out.push(Span::new(pos, e));
        pos = end + 1;
    }
    out
}

/// Trim whitespace off both ends of a span.
pub fn trim(text: &str, s: Span) -> Span {
    let t = s.text(text);
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    if lead == t.len() {
        return Span::new(s.start, s.start);
    }
    Span::new(s.start + lead, s.end - trail)
}

fn ends_with_closing_punct(s: &str) -> bool {
    let t = s.trim_end();
    // A straight single mark closes a sentence only after its punctuation, in a line that does
    // not open with it (`Briggs dismissed it as 'nonsense.'`): after a letter it may be a
    // heading's plural possessive ("Voters' Guide"), and a whole line in marks a quoted heading.
    t.chars().last().is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | ',' | '"' | '”' | '’' | ')' | '…'
        )
    }) || (!t.starts_with('\'')
        && t.strip_suffix('\'')
            .is_some_and(|r| r.ends_with(['.', '!', '?', ','])))
}

fn looks_like_heading(s: &str) -> bool {
    // Length first: most blocks are long paragraphs and need no word count.
    s.len() <= 100
        && (1..=12).contains(&s.split_whitespace().count())
        && !ends_with_closing_punct(s)
        && s.chars().next().is_some_and(|c| !c.is_lowercase())
}

pub fn layout(text: &str) -> Layout {
    let date = leading_date(text);
    let body_start = date.as_ref().map_or(0, |(_, s)| s.end);
    let mut all = lines(text, body_start);
    // Each line trimmed once, in place: a blank line becomes an empty span.
    for l in &mut all {
        *l = trim(text, *l);
    }
    let nonblank = all.iter().filter(|l| !l.is_empty()).count();
    // Text hard-wrapped at a fixed width joins lines into paragraphs at blank lines; unwrapped text
    // (one paragraph per line, as most scraped news is) may separate paragraphs by single newlines.
    let long_lines = all.iter().filter(|l| l.len() > 110).count();
    let hard_wrapped = nonblank >= 3 && long_lines * 10 < nonblank;

    let mut raw: Vec<Span> = Vec::with_capacity(nonblank);
    let mut cur: Option<Span> = None;
    for &t in &all {
        if t.is_empty() {
            if let Some(c) = cur.take() {
                raw.push(c);
            }
            continue;
        }
        let starts_block = !hard_wrapped || text[t.start..].starts_with('#');
        match cur {
            Some(c) if !starts_block && !c.text(text).starts_with('#') => {
                cur = Some(Span::new(c.start, t.end))
            }
            Some(c) => {
                raw.push(c);
                cur = Some(t);
            }
            None => cur = Some(t),
        }
    }
    if let Some(c) = cur {
        raw.push(c);
    }

    let n = raw.len();
    let mut blocks = Vec::with_capacity(n);
    for (i, span) in raw.into_iter().enumerate() {
        let s = span.text(text);
        // The memchr crate's vectorised search: blocks are whole paragraphs.
        let single_line = memchr::memchr(b'\n', s.as_bytes()).is_none();
        if s.starts_with('#') && single_line {
            let level = s.chars().take_while(|&c| c == '#').count();
            if (1..=6).contains(&level) && s[level..].starts_with(' ') {
                let inner = trim(text, Span::new(span.start + level, span.end));
                if i == 0 && level == 1 {
                    blocks.push(Block::Title(inner));
                } else {
                    blocks.push(Block::Heading {
                        span: inner,
                        level: level as u8,
                    });
                }
                continue;
            }
        }
        // A first line standing alone before the body is the headline, even with a final period.
        // Headlines use the present tense: a first line that reports with "said" or "told" is
        // already the story.
        let reports = || {
            s.split(|c: char| !c.is_alphabetic())
                .any(|w| w == "said" || w == "told")
        };
        // Cheap tests first: only a short first line is ever scanned for "said".
        let title_like = i == 0
            && n > 1
            && single_line
            && s.len() <= 200
            && !reports()
            && (looks_like_heading(s) || !s.trim_end_matches('.').contains(". "));
        if title_like
            && date
                .as_ref()
                .is_none_or(|(_, d)| text[d.end..span.start].contains('\n'))
        {
            blocks.push(Block::Title(span));
        } else if i > 0 && i + 1 < n && single_line && looks_like_heading(s) {
            blocks.push(Block::Heading { span, level: 2 });
        } else {
            blocks.push(Block::Paragraph(span));
        }
    }
    Layout { date, blocks }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_date_before_first_paragraph() {
        let t = " date 2021-06-17 After the summit, talks went on.\n\nMore text here.";
        let l = layout(t);
        assert_eq!(l.date.as_ref().map(|d| d.0.as_str()), Some("2021-06-17"));
        assert_eq!(
            l.blocks[0],
            Block::Paragraph(Span::new(17, 49)),
            "the date token is not part of the first paragraph"
        );
    }

    #[test]
    fn no_date_when_malformed() {
        assert!(layout("date 2021-6-17 text").date.is_none());
        assert!(layout("dated 2021-06-17 text").date.is_none());
    }

    #[test]
    fn short_unpunctuated_line_between_paragraphs_is_a_heading() {
        let t = "First paragraph ends here.\n\nPutin denies Moscow's role\n\nSecond paragraph.";
        let l = layout(t);
        assert!(matches!(l.blocks[1], Block::Heading { level: 2, .. }));
        assert_eq!(l.blocks.len(), 3);
    }

    #[test]
    fn markdown_headings_and_first_line_title() {
        let t = "# The Title\n\nBody text.\n\n## Section\n\nMore.";
        let l = layout(t);
        assert_eq!(l.blocks[0], Block::Title(Span::new(2, 11)));
        assert_eq!(
            l.blocks[2],
            Block::Heading {
                span: Span::new(28, 35),
                level: 2
            }
        );
        let t = "Campaign shifts staff to Iowa.\n\nThe campaign said so. It did.\n\nEnd.";
        assert_eq!(layout(t).blocks[0], Block::Title(Span::new(0, 30)));
    }

    #[test]
    fn hard_wrapped_lines_join_into_paragraphs() {
        let t = "one two three\nfour five six.\n\nseven eight\nnine ten.\n\neleven twelve.";
        let l = layout(t);
        assert_eq!(l.blocks.len(), 3);
        assert_eq!(l.blocks[0], Block::Paragraph(Span::new(0, 28)));
    }
}
