//! The model's contract, checkable: what every parsed [`Document`] promises its views.
//!
//! The parser is total over untrusted text, so these promises are what the fuzzer and the
//! property tests assert on arbitrary input; a view may rely on them without re-checking.

use super::{Document, Span};

/// Every broken promise of `doc`, one line each; empty when the document is well formed.
///
/// - every span lies within `text` and starts and ends on a char boundary;
/// - paragraphs are in order and disjoint; sentences lie inside their paragraph, and each
///   paragraph's sentence range points at sentences that name it;
/// - quotes are in order, disjoint, inside the paragraph they name; their content and
///   nested quotes lie inside the quote; a quote's speaker and topics exist;
/// - topic mentions lie within the text, and counts match; speakers' quote counts match.
pub fn violations(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let text = &doc.text;
    let mut span = |what: &dyn Fn() -> String, s: Span| {
        if s.start > s.end || s.end > text.len() {
            out.push(format!(
                "{}: {}..{} out of 0..{}",
                what(),
                s.start,
                s.end,
                text.len()
            ));
        } else if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            out.push(format!(
                "{}: {}..{} not on char boundaries",
                what(),
                s.start,
                s.end
            ));
        }
    };
    if let Some(s) = doc.title_span {
        span(&|| "title".into(), s);
    }
    if let Some(s) = doc.date_span {
        span(&|| "date".into(), s);
    }
    for (i, h) in doc.headings.iter().enumerate() {
        span(&|| format!("heading {i}"), h.span);
    }
    for (i, p) in doc.paragraphs.iter().enumerate() {
        span(&|| format!("paragraph {i}"), p.span);
    }
    for (i, s) in doc.sentences.iter().enumerate() {
        span(&|| format!("sentence {i}"), s.span());
    }
    for (i, q) in doc.quotes.iter().enumerate() {
        span(&|| format!("quote {i}"), q.span);
        span(&|| format!("quote {i} content"), q.content);
        if let Some(c) = &q.cue {
            span(&|| format!("quote {i} cue"), c.span);
        }
        for (n, s) in q.nested.iter().enumerate() {
            span(&|| format!("quote {i} nested {n}"), *s);
        }
    }
    for (i, t) in doc.topics.iter().enumerate() {
        for (n, s) in t.mention_spans().enumerate() {
            span(&|| format!("topic {i} mention {n}"), s);
        }
    }

    for (i, h) in doc.headings.iter().enumerate() {
        if h.before_paragraph > doc.paragraphs.len() {
            out.push(format!(
                "heading {i}: before paragraph {}",
                h.before_paragraph
            ));
        }
    }
    for (i, w) in doc.paragraphs.windows(2).enumerate() {
        if w[0].span.end > w[1].span.start {
            out.push(format!(
                "paragraphs {i} and {} overlap or are out of order",
                i + 1
            ));
        }
    }
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if p.heading.is_some_and(|h| h >= doc.headings.len()) {
            out.push(format!("paragraph {i}: heading {:?} missing", p.heading));
        }
        if p.sentences.start > p.sentences.end || p.sentences.end > doc.sentences.len() {
            out.push(format!(
                "paragraph {i}: sentences {:?} missing",
                p.sentences
            ));
        } else if let Some(s) = p
            .sentences
            .clone()
            .find(|&s| doc.sentences[s].paragraph() != i)
        {
            out.push(format!("paragraph {i}: sentence {s} belongs elsewhere"));
        }
        if let Some(t) = p.topics.iter().find(|&&t| t >= doc.topics.len()) {
            out.push(format!("paragraph {i}: topic {t} missing"));
        }
    }
    for (i, s) in doc.sentences.iter().enumerate() {
        match doc.paragraphs.get(s.paragraph()) {
            None => out.push(format!("sentence {i}: paragraph {} missing", s.paragraph())),
            Some(p) if !p.span.contains(s.span()) => out.push(format!(
                "sentence {i}: {:?} outside its paragraph {:?}",
                s.span(),
                p.span
            )),
            Some(_) => {}
        }
    }

    for (i, w) in doc.quotes.windows(2).enumerate() {
        if w[0].span.end > w[1].span.start {
            out.push(format!(
                "quotes {i} {:?} and {} {:?} overlap or are out of order",
                w[0].span,
                i + 1,
                w[1].span
            ));
        }
    }
    for (i, q) in doc.quotes.iter().enumerate() {
        match doc.paragraphs.get(q.paragraph) {
            None => out.push(format!("quote {i}: paragraph {} missing", q.paragraph)),
            Some(p) if !p.span.contains(q.span) => out.push(format!(
                "quote {i}: {:?} outside its paragraph {:?}",
                q.span, p.span
            )),
            Some(_) => {}
        }
        if !q.span.contains(q.content) {
            out.push(format!(
                "quote {i}: content {:?} outside {:?}",
                q.content, q.span
            ));
        }
        if let Some(n) = q.nested.iter().find(|n| !q.span.contains(**n)) {
            out.push(format!("quote {i}: nested {n:?} outside {:?}", q.span));
        }
        if q.speaker.is_some_and(|s| s >= doc.speakers.len()) {
            out.push(format!("quote {i}: speaker {:?} missing", q.speaker));
        }
        if let Some(t) = q.topics.iter().find(|&&t| t >= doc.topics.len()) {
            out.push(format!("quote {i}: topic {t} missing"));
        }
    }
    for (i, sp) in doc.speakers.iter().enumerate() {
        let n = doc.quotes.iter().filter(|q| q.speaker == Some(i)).count();
        if sp.quote_count != n {
            out.push(format!(
                "speaker {i}: quote_count {} but {n} quotes",
                sp.quote_count
            ));
        }
    }
    for (i, t) in doc.topics.iter().enumerate() {
        if t.count != t.mentions.len() {
            out.push(format!(
                "topic {i}: count {} but {} mentions",
                t.count,
                t.mentions.len()
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::seed;

    #[test]
    fn the_seed_is_well_formed_and_breakage_is_reported() {
        let doc = seed().parse();
        assert_eq!(violations(&doc), Vec::<String>::new());

        let mut bad = doc.clone();
        bad.quotes[0].speaker = Some(bad.speakers.len());
        bad.quotes[1].span.end = bad.text.len() + 1;
        bad.text.insert(bad.paragraphs[0].span.start + 1, 'é');
        let v = violations(&bad);
        assert!(v.iter().any(|l| l.contains("speaker")), "{v:#?}");
        assert!(v.iter().any(|l| l.contains("out of")), "{v:#?}");
        assert!(v.iter().any(|l| l.contains("char boundaries")), "{v:#?}");
    }
}
