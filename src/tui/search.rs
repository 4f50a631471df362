//! Fuzzy search over every quote of every open document. Kept pure (`search(&index, query)`) so
//! it can be benchmarked and optimised on its own.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::model::{Document, Span};
use crate::sanitize;

/// What a quote is matched against: `"Speaker: quoted words"`.
#[derive(Debug, Clone)]
pub struct Entry {
    pub doc: usize,
    pub quote: usize,
    pub haystack: String,
    /// Characters of the speaker part, including the `": "` separator.
    pub prefix_chars: usize,
}

#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    pub entries: Vec<Entry>,
}

impl SearchIndex {
    pub fn build(docs: &[Document]) -> SearchIndex {
        let mut entries = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            for (q, quote) in doc.quotes.iter().enumerate() {
                let speaker = doc.speaker_name(quote).unwrap_or("Unattributed");
                let mut haystack: String = speaker.chars().map(sanitize::clean_char_keep).collect();
                haystack.push_str(": ");
                let prefix_chars = haystack.chars().count();
                // One char per source char, so match positions map back into the article.
                haystack.extend(
                    doc.slice(quote.content)
                        .chars()
                        .map(sanitize::clean_char_keep),
                );
                entries.push(Entry {
                    doc: d,
                    quote: q,
                    haystack,
                    prefix_chars,
                });
            }
        }
        SearchIndex { entries }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`SearchIndex::entries`].
    pub entry: usize,
    pub doc: usize,
    pub quote: usize,
    pub score: i64,
    /// Matched char positions in the entry's haystack, ascending.
    pub indices: Vec<usize>,
}

/// Every entry matching all whitespace-separated terms of `query`, best first (ties in
/// document order). Each term is matched fuzzily on its own, so "putin cyb" and "cyb putin" both
/// find Putin's words about cyber attacks. Case is smart: lower-case terms ignore case.
pub fn search(index: &SearchIndex, query: &str) -> Vec<Hit> {
    let terms: Vec<&str> = query.split_whitespace().collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let matcher = SkimMatcherV2::default().smart_case();
    let mut hits = Vec::new();
    'entries: for (i, e) in index.entries.iter().enumerate() {
        let mut score = 0;
        let mut indices = Vec::new();
        for t in &terms {
            match matcher.fuzzy_indices(&e.haystack, t) {
                Some((s, idx)) => {
                    score += s;
                    indices.extend(idx);
                }
                None => continue 'entries,
            }
        }
        indices.sort_unstable();
        indices.dedup();
        hits.push(Hit {
            entry: i,
            doc: e.doc,
            quote: e.quote,
            score,
            indices,
        });
    }
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
    hits
}

/// The byte spans in the article text of a hit's matched characters (the speaker part is not in
/// the quote's text and is skipped).
pub fn article_marks(doc: &Document, entry: &Entry, hit: &Hit) -> Vec<Span> {
    let Some(q) = doc.quotes.get(hit.quote) else {
        return Vec::new();
    };
    let text = doc.slice(q.content);
    let mut out = Vec::new();
    let mut wanted = hit
        .indices
        .iter()
        .filter(|&&i| i >= entry.prefix_chars)
        .map(|i| i - entry.prefix_chars)
        .peekable();
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        match wanted.peek() {
            Some(&w) if w == ci => {
                let start = q.content.start + bi;
                out.push(Span::new(start, start + c.len_utf8()));
                wanted.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    out
}
