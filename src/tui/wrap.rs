//! The article as wrapped screen lines. Built once per (document, width) in `update`, so a frame
//! only styles the visible lines and never re-wraps text.

use std::ops::Range;

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{wrap_first_fit, wrap_optimal_fit, Penalties};

use crate::model::Document;
use crate::sanitize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A line of the display title; its range indexes [`ArticleLayout::title`].
    Title,
    /// Date, source and counts under the title (built at render time).
    Meta,
    Heading,
    /// A line of paragraph `Some(i)`; `None` when the document has no parsed paragraphs and the
    /// text was split on blank lines instead.
    Para(Option<usize>),
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    /// Byte range into `Document::text` (or into the title for `Title`), whitespace-trimmed.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct ArticleLayout {
    pub width: u16,
    pub title: String,
    pub lines: Vec<Line>,
}

impl ArticleLayout {
    pub fn build(doc: &Document, width: u16) -> ArticleLayout {
        let w = width.max(8) as usize;
        // Without a stated title, `display_title` is the first words of the article, which
        // would only repeat the first paragraph.
        let title = doc.title.clone().unwrap_or_default();
        let mut lines = Vec::new();
        for r in wrap_range(&title, 0..title.len(), w) {
            lines.push(Line {
                kind: LineKind::Title,
                range: r,
            });
        }
        lines.push(Line {
            kind: LineKind::Meta,
            range: 0..0,
        });
        for block in blocks(doc) {
            lines.push(Line {
                kind: LineKind::Blank,
                range: 0..0,
            });
            for r in wrap_range(&doc.text, block.range.clone(), w) {
                lines.push(Line {
                    kind: block.kind,
                    range: r,
                });
            }
        }
        ArticleLayout {
            width,
            title,
            lines,
        }
    }

    /// Index of the line showing byte `offset` of the document text.
    pub fn line_of(&self, offset: usize) -> Option<usize> {
        // Lines of the text are in order, so the last line starting at or before the offset.
        let is_text = |l: &Line| matches!(l.kind, LineKind::Heading | LineKind::Para(_));
        let mut best = None;
        for (i, l) in self.lines.iter().enumerate().filter(|(_, l)| is_text(l)) {
            if l.range.start <= offset {
                best = Some(i);
            } else {
                break;
            }
        }
        best
    }

    /// The first document byte shown at or after line `i`, used to keep the top anchored on reflow.
    pub fn anchor(&self, i: usize) -> Option<usize> {
        self.lines[i.min(self.lines.len())..]
            .iter()
            .find(|l| matches!(l.kind, LineKind::Heading | LineKind::Para(_)))
            .map(|l| l.range.start)
    }
}

struct Block {
    kind: LineKind,
    range: Range<usize>,
}

/// Headings and paragraphs in reading order.
fn blocks(doc: &Document) -> Vec<Block> {
    if doc.paragraphs.is_empty() {
        return split_blank_lines(&doc.text);
    }
    let mut out = Vec::new();
    let heading = |h: &crate::model::Heading| Block {
        kind: LineKind::Heading,
        range: h.span.start..h.span.end,
    };
    for (i, p) in doc.paragraphs.iter().enumerate() {
        out.extend(
            doc.headings
                .iter()
                .filter(|h| h.before_paragraph == i)
                .map(heading),
        );
        out.push(Block {
            kind: LineKind::Para(Some(i)),
            range: p.span.start..p.span.end,
        });
    }
    let n = doc.paragraphs.len();
    out.extend(
        doc.headings
            .iter()
            .filter(|h| h.before_paragraph >= n)
            .map(heading),
    );
    // The title is shown above the text already.
    if let Some(t) = doc.title_span {
        out.retain(|b| b.range != (t.start..t.end));
    }
    // A stale span must not panic a view: keep only ranges on char boundaries.
    out.retain(|b| doc.text.get(b.range.clone()).is_some());
    out
}

fn split_blank_lines(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut start = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(pos),
            (true, Some(s)) => {
                out.push(Block {
                    kind: LineKind::Para(None),
                    range: s..pos,
                });
                start = None;
            }
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(Block {
            kind: LineKind::Para(None),
            range: s..text.len(),
        });
    }
    out
}

#[derive(Debug)]
struct Word {
    range: Range<usize>,
    width: usize,
    space: usize,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Wraps `text[range]` to `width` columns, returning one byte range per line. Widths are those of
/// the sanitised text, so placeholders for control characters are accounted for.
pub fn wrap_range(text: &str, range: Range<usize>, width: usize) -> Vec<Range<usize>> {
    let Some(s) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut words: Vec<Word> = Vec::new();
    let mut cur: Option<(usize, usize)> = None; // (start, width) of the word being read
    let push_word = |words: &mut Vec<Word>, start: usize, end: usize, w: usize| {
        // A word wider than the line is cut into line-sized pieces.
        if w <= width {
            words.push(Word {
                range: start..end,
                width: w,
                space: 0,
            });
            return;
        }
        let (mut ps, mut pw) = (start, 0);
        for (i, c) in text[start..end].char_indices() {
            let cw = sanitize::char_width(c);
            if pw + cw > width && pw > 0 {
                words.push(Word {
                    range: ps..start + i,
                    width: pw,
                    space: 0,
                });
                ps = start + i;
                pw = 0;
            }
            pw += cw;
        }
        words.push(Word {
            range: ps..end,
            width: pw,
            space: 0,
        });
    };
    for (i, c) in s.char_indices() {
        let at = range.start + i;
        if c.is_whitespace() {
            if let Some((ws, ww)) = cur.take() {
                push_word(&mut words, ws, at, ww);
            }
            if let Some(last) = words.last_mut() {
                last.space += sanitize::char_width(c);
            }
        } else {
            let cw = sanitize::char_width(c);
            match &mut cur {
                Some((_, w)) => *w += cw,
                None => cur = Some((at, cw)),
            }
        }
    }
    if let Some((ws, ww)) = cur {
        push_word(&mut words, ws, range.end, ww);
    }
    if words.is_empty() {
        return Vec::new();
    }
    let widths = [width as f64];
    let lines = wrap_optimal_fit(&words, &widths, &Penalties::new())
        .unwrap_or_else(|_| wrap_first_fit(&words, &widths));
    lines
        .iter()
        .filter_map(|l| Some(l.first()?.range.start..l.last()?.range.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap_range(text, 0..text.len(), width)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn wraps_to_width_in_columns() {
        let t = "the quick brown fox jumps over the lazy dog";
        for l in lines(t, 10) {
            assert!(sanitize::width(l) <= 10, "{l:?}");
        }
        assert_eq!(
            lines("日本語 日本語 日本語", 13),
            vec!["日本語 日本語", "日本語"]
        );
    }

    #[test]
    fn long_words_are_cut() {
        assert_eq!(lines("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn blank_line_fallback() {
        let b = split_blank_lines("one\ntwo\n\n\nthree\n");
        assert_eq!(b.len(), 2);
    }
}
