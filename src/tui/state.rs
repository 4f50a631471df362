//! Everything the reader shows, as plain data. Only `update` changes it; rendering reads it.

use ratatui::layout::Rect;

use super::layout::Panes;
use std::sync::Arc;

use super::search::{Hit, SearchIndex, Searcher};
use super::theme::Theme;
use super::wrap::ArticleLayout;
use crate::model::{Document, Span, SpeakerId, TopicId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Documents,
    Topics,
    Article,
    Quotes,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help { scroll: u16 },
    Search(SearchState),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchState {
    pub query: String,
    /// The query `hits` and `total` belong to (behind `query` while the worker searches).
    pub results_for: String,
    /// The best matches, best first (at most `search::HIT_LIMIT`).
    pub hits: Vec<Hit>,
    /// Every matching quote.
    pub total: usize,
    pub cursor: usize,
    pub scroll: usize,
}

/// A row of the quotes pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QRow {
    /// A speaker's group (`None`: unattributed) with its number of shown quotes.
    Header {
        speaker: Option<SpeakerId>,
        count: usize,
        folded: bool,
    },
    Quote(usize),
}

/// Per-document view state, built when the document is first opened.
#[derive(Debug, Clone)]
pub struct DocView {
    pub layout: ArticleLayout,
    /// First article line on screen.
    pub top: usize,
    /// Quote indices ordered by position in the text.
    pub quote_order: Vec<usize>,
    /// Colour rank per speaker id: most quoted first.
    pub speaker_rank: Vec<usize>,
    pub rows: Vec<QRow>,
    pub row_cursor: usize,
    pub row_scroll: usize,
    pub folded: Vec<Option<SpeakerId>>,
    /// The quote emphasised in the article and described in the footer.
    pub selected: Option<usize>,
    /// Topic ids, most mentioned first.
    pub topic_order: Vec<TopicId>,
    pub topic_cursor: usize,
    pub topic_scroll: usize,
    /// Active topics in the order they were switched on.
    pub active: Vec<TopicId>,
    pub match_all: bool,
    /// Keyword occurrences of the active topics, sorted.
    pub keywords: Vec<Span>,
    /// Characters matched by the last search, sorted.
    pub marks: Vec<Span>,
}

impl DocView {
    pub fn new(doc: &Document, width: u16) -> DocView {
        let mut quote_order: Vec<usize> = (0..doc.quotes.len()).collect();
        quote_order.sort_by_key(|&q| doc.quotes[q].span.start);
        let speaker_rank = speaker_ranks(doc);
        let mut topic_order: Vec<TopicId> = (0..doc.topics.len()).collect();
        topic_order.sort_by(|&a, &b| {
            doc.topics[b]
                .count
                .cmp(&doc.topics[a].count)
                .then(a.cmp(&b))
        });
        let mut v = DocView {
            layout: ArticleLayout::build(doc, width),
            top: 0,
            quote_order,
            speaker_rank,
            rows: Vec::new(),
            row_cursor: 0,
            row_scroll: 0,
            folded: Vec::new(),
            selected: None,
            topic_order,
            topic_cursor: 0,
            topic_scroll: 0,
            active: Vec::new(),
            match_all: false,
            keywords: Vec::new(),
            marks: Vec::new(),
        };
        // Starts on the first quote, so the footer already says who is speaking.
        v.rebuild_rows(doc);
        v
    }

    pub fn filter_active(&self) -> bool {
        !self.active.is_empty()
    }

    fn topics_match(&self, topics: &[TopicId]) -> bool {
        if self.active.is_empty() {
            return true;
        }
        if self.match_all {
            self.active.iter().all(|t| topics.contains(t))
        } else {
            self.active.iter().any(|t| topics.contains(t))
        }
    }

    pub fn quote_shown(&self, doc: &Document, q: usize) -> bool {
        doc.quotes
            .get(q)
            .is_some_and(|q| self.topics_match(&q.topics))
    }

    /// False for a paragraph the topic filter dims.
    pub fn paragraph_shown(&self, doc: &Document, p: Option<usize>) -> bool {
        match p {
            Some(p) => doc
                .paragraphs
                .get(p)
                .is_some_and(|p| self.topics_match(&p.topics)),
            None => !self.filter_active(),
        }
    }

    pub fn speaker_rank(&self, speaker: Option<SpeakerId>) -> Option<usize> {
        speaker.and_then(|s| self.speaker_rank.get(s).copied())
    }

    /// Regroups the quotes pane after the filter or a fold changed, keeping the cursor on the
    /// same quote (or speaker) when it is still listed.
    pub fn rebuild_rows(&mut self, doc: &Document) {
        let before = self.rows.get(self.row_cursor).copied();
        let mut groups: Vec<(Option<SpeakerId>, Vec<usize>)> = Vec::new();
        for &q in &self.quote_order {
            if !self.quote_shown(doc, q) {
                continue;
            }
            let sp = doc.quotes[q].speaker.filter(|&s| s < doc.speakers.len());
            match groups.iter_mut().find(|(s, _)| *s == sp) {
                Some((_, qs)) => qs.push(q),
                None => groups.push((sp, vec![q])),
            }
        }
        // Most quoted first; unattributed last; ties by first appearance.
        groups.sort_by_key(|(s, qs)| (s.is_none(), std::cmp::Reverse(qs.len())));
        self.rows.clear();
        for (s, qs) in groups {
            let folded = self.folded.contains(&s);
            self.rows.push(QRow::Header {
                speaker: s,
                count: qs.len(),
                folded,
            });
            if !folded {
                self.rows.extend(qs.into_iter().map(QRow::Quote));
            }
        }
        let same = |r: &QRow| match (r, before) {
            (QRow::Quote(a), Some(QRow::Quote(b))) => *a == b,
            (QRow::Header { speaker: a, .. }, Some(QRow::Header { speaker: b, .. })) => *a == b,
            _ => false,
        };
        let selected = self.selected;
        self.row_cursor = self
            .rows
            .iter()
            .position(same)
            .or_else(|| {
                self.rows
                    .iter()
                    .position(|r| Some(*r) == selected.map(QRow::Quote))
            })
            .unwrap_or(0)
            .min(self.rows.len().saturating_sub(1));
        // The filter hid the selected quote: select the first one still listed.
        if self.selected.is_none_or(|q| !self.quote_shown(doc, q)) {
            self.selected = None;
            if let Some(i) = self.rows.iter().position(|r| matches!(r, QRow::Quote(_))) {
                self.row_cursor = i;
                if let QRow::Quote(q) = self.rows[i] {
                    self.selected = Some(q);
                }
            }
        }
    }

    /// Recomputes the keyword spans of the active topics.
    pub fn rebuild_keywords(&mut self, doc: &Document) {
        self.keywords = self
            .active
            .iter()
            .filter_map(|&t| doc.topics.get(t))
            .flat_map(|t| t.mention_spans())
            .collect();
        self.keywords.sort();
    }
}

#[derive(Debug)]
pub struct State {
    pub docs: Vec<Document>,
    /// Boxed: an archive has a slot per document and few are ever opened, so an empty slot
    /// should cost a pointer, not a whole `DocView`.
    views: Vec<Option<Box<DocView>>>,
    pub current: usize,
    pub doc_cursor: usize,
    pub doc_scroll: usize,
    pub focus: Pane,
    pub mode: Mode,
    pub size: (u16, u16),
    pub theme: Theme,
    pub pending_count: Option<usize>,
    pub pending_keys: String,
    pub quit: bool,
    /// Shared with the search worker, which gets a handle per query.
    pub index: Option<Arc<SearchIndex>>,
    /// Runs queries inside `update` when there is no worker (tests, and `search_async` off).
    pub searcher: Searcher,
    /// Queries run on the event loop's worker thread; `update` only records them.
    pub search_async: bool,
    /// `(files done, files in all)` while documents are still arriving in the background.
    pub loading: Option<(usize, usize)>,
    /// Problems met while loading in the background, printed when the reader exits.
    pub load_warnings: Vec<String>,
    /// The last search run with Enter, kept for `n`/`N` and the article highlights.
    pub last_query: String,
    pub last_hits: Vec<Hit>,
    /// A one-shot note for the footer ("no more matches").
    pub message: Option<String>,
}

impl State {
    /// A reader over `docs` (at least one is expected; an empty list shows an empty screen).
    pub fn new(docs: Vec<Document>, theme: Theme) -> State {
        let mut s = State {
            views: docs.iter().map(|_| None).collect(),
            docs,
            current: 0,
            doc_cursor: 0,
            doc_scroll: 0,
            focus: Pane::Article,
            mode: Mode::Normal,
            size: (80, 24),
            theme,
            pending_count: None,
            pending_keys: String::new(),
            quit: false,
            index: None,
            searcher: Searcher::new(),
            search_async: false,
            loading: None,
            load_warnings: Vec::new(),
            last_query: String::new(),
            last_hits: Vec::new(),
            message: None,
        };
        s.ensure_view(0);
        s
    }

    pub fn panes(&self) -> Option<Panes> {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        Panes::compute(area, self.several(), self.focus)
    }

    /// Whether the documents pane is shown: several documents are open, or more are loading
    /// (so the layout does not jump when the second one arrives).
    pub fn several(&self) -> bool {
        self.docs.len() > 1 || self.loading.is_some()
    }

    /// Appends documents that arrived in the background; views are built when first opened.
    pub fn append_docs(&mut self, docs: Vec<Document>) {
        self.views.extend(docs.iter().map(|_| None));
        self.docs.extend(docs);
    }

    /// Room for `total` documents in all, made once: growing by doubling would copy the list
    /// at each step and could leave half of it unused (the loader knows how many files remain).
    pub fn reserve_docs(&mut self, total: usize) {
        let more = total.saturating_sub(self.docs.len());
        self.docs.reserve_exact(more);
        self.views.reserve_exact(more);
    }

    pub fn doc(&self) -> Option<&Document> {
        self.docs.get(self.current)
    }

    pub fn view(&self) -> Option<&DocView> {
        self.views.get(self.current).and_then(|v| v.as_deref())
    }

    pub fn view_of(&self, doc: usize) -> Option<&DocView> {
        self.views.get(doc).and_then(|v| v.as_deref())
    }

    /// The current document and its view, for changes to the view.
    pub fn doc_view_mut(&mut self) -> Option<(&Document, &mut DocView)> {
        let doc = self.docs.get(self.current)?;
        let view = self.views.get_mut(self.current)?.as_deref_mut()?;
        Some((doc, view))
    }

    pub fn article_width(&self) -> u16 {
        self.panes().map_or(self.size.0, |p| p.article_text_width())
    }

    /// Builds the view of a document the first time it is opened (wrapping is the costly part,
    /// so documents never opened are never wrapped), and re-wraps it if the width changed.
    pub fn ensure_view(&mut self, d: usize) {
        let width = self.article_width();
        let Some(doc) = self.docs.get(d) else { return };
        let marks = self.marks_for(d);
        let Some(slot) = self.views.get_mut(d) else {
            return;
        };
        match slot {
            None => {
                let mut v = DocView::new(doc, width);
                v.marks = marks;
                *slot = Some(Box::new(v));
            }
            Some(v) if v.layout.width != width => {
                // Keep the first text line on screen at the top; the very top stays the top.
                let anchor = if v.top == 0 {
                    None
                } else {
                    v.layout.anchor(v.top)
                };
                v.layout = ArticleLayout::build(doc, width);
                v.top = anchor.and_then(|a| v.layout.line_of(a)).unwrap_or(0);
            }
            Some(_) => {}
        }
    }

    /// Matched characters of the last search inside document `d`.
    pub fn marks_for(&self, d: usize) -> Vec<Span> {
        let (Some(index), Some(doc)) = (&self.index, self.docs.get(d)) else {
            return Vec::new();
        };
        let mut out: Vec<Span> = self
            .last_hits
            .iter()
            .filter(|h| h.doc == d)
            .filter_map(|h| {
                Some(super::search::article_marks(
                    doc,
                    index.entries.get(h.entry)?,
                    h,
                ))
            })
            .flatten()
            .collect();
        out.sort();
        out
    }

    pub fn refresh_marks(&mut self) {
        for d in 0..self.views.len() {
            if self.views[d].is_some() {
                let marks = self.marks_for(d);
                if let Some(Some(v)) = self.views.get_mut(d) {
                    v.marks = marks;
                }
            }
        }
    }

    /// Panes in focus order.
    pub fn pane_order(&self) -> Vec<Pane> {
        let mut order = Vec::with_capacity(4);
        if self.several() {
            order.push(Pane::Documents);
        }
        order.extend([Pane::Topics, Pane::Article, Pane::Quotes]);
        order
    }
}

/// Lines at most shown of the selected quote in the quotes pane.
pub const EXPANDED_MAX: usize = 4;
/// Columns before a quote's text in the quotes pane.
pub const QUOTE_INDENT: u16 = 3;

impl DocView {
    /// Screen rows taken by quotes-pane row `i` at inner width `width`: the selected quote shows
    /// its wrapped text and a line saying who said it how.
    pub fn row_height(&self, doc: &Document, i: usize, width: u16) -> usize {
        match self.rows.get(i) {
            Some(QRow::Quote(q)) if Some(*q) == self.selected => {
                let Some(quote) = doc.quotes.get(*q) else {
                    return 1;
                };
                let w = width.saturating_sub(QUOTE_INDENT).max(1) as usize;
                let n =
                    super::wrap::wrap_range(&doc.text, quote.span.start..quote.span.end, w).len();
                n.clamp(1, EXPANDED_MAX) + 1
            }
            Some(_) => 1,
            None => 0,
        }
    }
}

/// Colour rank of every speaker id: most quoted first, ties in order of appearance.
pub fn speaker_ranks(doc: &Document) -> Vec<usize> {
    let mut by_count: Vec<SpeakerId> = (0..doc.speakers.len()).collect();
    by_count.sort_by(|&a, &b| {
        let (sa, sb) = (&doc.speakers[a], &doc.speakers[b]);
        sb.quote_count.cmp(&sa.quote_count).then(a.cmp(&b))
    });
    let mut rank = vec![0; doc.speakers.len()];
    for (r, &s) in by_count.iter().enumerate() {
        rank[s] = r;
    }
    rank
}
