//! Turns article text into the shared [`Document`](crate::model::Document) model.
//!
//! The pipeline: [`layout`] finds the date, title, headings and paragraphs; [`tokens`] and
//! [`sentences`] split each paragraph; [`quotes`] pairs quotation marks; [`cues`] and
//! [`phrases`] find each quote's reporting verb and its subject; [`entities`] resolves that
//! mention to one person; [`topics`] tags topics. Parsing is total: any text gives a document.

mod cues;
mod entities;
mod inline_key;
mod layout;
pub mod lexicon;
mod phrases;
mod quotes;
mod sentences;
mod spare;
mod tokens;
mod topics;

use std::cell::Cell;
use std::ops::Range;
use std::sync::Arc;

use crate::model::{
    Cue, Document, Heading, Paragraph, Provenance, Quote, QuoteKind, Resolution, Sentence, Span,
    SpanRule, Speaker, SpeakerRule,
};
use cues::Found;
use entities::{Registry, Word};
use lexicon::{Lexicon, PronounKind, WordClass};
use phrases::{Piece, TokStore, Toks};
use spare::{fit, relifetime};
use tokens::{TokKind, Token};

/// Metadata known before parsing (from a JSONL record or the file name).
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    pub date: Option<String>,
}

/// A quotation while the document is being attributed.
struct Draft {
    raw: quotes::RawQuote,
    para: usize,
    /// Index of the quote's token in its paragraph's collapsed tokens.
    tok: usize,
    found: Option<Found>,
    entity: Option<usize>,
    resolution: Option<Resolution>,
    rule: SpeakerRule,
    /// The words that named the speaker: a span of the text, made a string once the speaker's
    /// mentions are (it most often is one of them).
    mention: Option<Span>,
    kind: QuoteKind,
    /// Whether the quote's clause contains any reporting verb.
    clause_has_verb: bool,
    /// The quoted words name a work or a label (a show, a book, "Going Viral"), not speech.
    title: bool,
    /// Words follow the quote's closing comma that no cue rule could read: it takes no speaker
    /// from its neighbours.
    unread_cue: bool,
}

/// One paragraph's analysis.
struct Para<'a> {
    span: Span,
    /// Tokens with every quotation collapsed to a single token.
    toks: Toks<'a>,
    /// Draft indices of this paragraph's quotes, in order.
    quotes: &'a [usize],
}

/// The words of tokens `a..b`, into a buffer the caller reuses across phrases.
fn words_into<'a>(t: &Toks<'a>, a: usize, b: usize, out: &mut Vec<Word<'a>>) {
    out.clear();
    out.extend((a..b).filter(|&i| t.is_word(i)).map(|i| word_at(t, i)));
}

fn word_at<'a>(t: &Toks<'a>, i: usize) -> Word<'a> {
    Word {
        text: t.toks[i].span.text(t.text),
        low: t.word(i),
        cap: t.is_cap(i),
        class: t.class(i),
    }
}

/// Calls `f` with the words of tokens `a..b`: on the stack for a phrase of up to eight tokens
/// (nearly every one), so looking a phrase up allocates nothing.
fn with_words<'a, R>(t: &Toks<'a>, a: usize, b: usize, f: impl FnOnce(&[Word<'a>]) -> R) -> R {
    const N: usize = 8;
    if b.saturating_sub(a) > N {
        let mut words = Vec::new();
        words_into(t, a, b, &mut words);
        return f(&words);
    }
    let blank = Word {
        text: "",
        low: "",
        cap: false,
        class: WordClass::default(),
    };
    let mut buf = [blank; N];
    let mut n = 0;
    for i in (a..b).filter(|&i| t.is_word(i)) {
        buf[n] = word_at(t, i);
        n += 1;
    }
    f(&buf[..n])
}

fn ends_sentence(text: &str, q: &quotes::RawQuote) -> bool {
    q.content
        .text(text)
        .trim_end()
        .ends_with(['.', '!', '?', '…'])
}

/// Per-document working lists, kept emptied between documents on each thread: a document
/// fills them instead of allocating and growing them afresh.
#[derive(Default)]
struct Scratch {
    drafts: Vec<Draft>,
    sentence_starts: Vec<usize>,
    /// Per paragraph: the ranges of its full and collapsed tokens in the store, its quotes.
    ranges: Vec<(Range<usize>, Range<usize>, Range<usize>)>,
    /// A paragraph's collapsed view: runs of its tokens and quotations' tokens.
    keep: Vec<Piece>,
    /// Per paragraph: where each quote's token stands in the collapsed view.
    tok_of: Vec<usize>,
    /// Per paragraph: its nickname quotes.
    nicknames: Vec<quotes::RawQuote>,
    /// Per paragraph: its quotations.
    found: Vec<quotes::RawQuote>,
    /// Per paragraph: its clause limits and cue verbs, for attribution.
    clauses: Clauses,
    /// The body's paragraphs, in order.
    para_spans: Vec<Span>,
    /// Every draft's index, which the paragraphs' quote lists slice.
    draft_ids: Vec<usize>,
    /// Per entity, its speaker once a kept quote names it.
    speaker_of_entity: Vec<Option<usize>>,
    /// A speaker's mentions, gathered before they are moved into its shared list.
    mentions: Vec<Arc<str>>,
    /// The document's cue phrases so far (see `shared_or_held`).
    cue_texts: Vec<Arc<str>>,
}

/// A paragraph's per-token clause starts and ends and cue-verb flags (see [`attribute`]).
#[derive(Default)]
struct Clauses {
    starts: Vec<usize>,
    ends: Vec<usize>,
    cue_verbs: Vec<bool>,
}

impl Scratch {
    /// Empties the lists and keeps them for this thread's next document, unless a huge
    /// document left them too large to hold on to (each bound is well under a megabyte).
    fn recycle(mut self) {
        fit(&mut self.drafts, KEEP_DRAFTS);
        fit(&mut self.sentence_starts, 1 << 14);
        fit(&mut self.ranges, KEEP_RANGES);
        fit(&mut self.keep, 1 << 14);
        fit(&mut self.tok_of, 1 << 11);
        fit(&mut self.nicknames, 1 << 8);
        fit(&mut self.found, 1 << 8);
        fit(&mut self.clauses.starts, 1 << 14);
        fit(&mut self.clauses.ends, 1 << 14);
        fit(&mut self.clauses.cue_verbs, 1 << 14);
        fit(&mut self.para_spans, KEEP_RANGES);
        fit(&mut self.draft_ids, KEEP_DRAFTS);
        fit(&mut self.speaker_of_entity, 1 << 12);
        // Emptied, so no document's strings are held on to.
        fit(&mut self.mentions, 1 << 8);
        fit(&mut self.cue_texts, 1 << 8);
        SPARE_SCRATCH.set(self);
    }
}

/// Drafts and paragraph ranges a spare list may keep room for.
const KEEP_DRAFTS: usize = 1 << 11;
const KEEP_RANGES: usize = 1 << 13;

/// Lists of borrowed items kept for a thread's next document (see `SPARE_VIEWS`).
type SpareViews = (Vec<Para<'static>>, Vec<Toks<'static>>, Vec<Word<'static>>);

thread_local! {
    /// This thread's per-document working lists, emptied.
    static SPARE_SCRATCH: Cell<Scratch> = Cell::new(Scratch::default());
    /// The previous document's paragraph views on this thread (collapsed, then full) and its
    /// name words buffer, emptied.
    static SPARE_VIEWS: Cell<SpareViews> = const { Cell::new((Vec::new(), Vec::new(), Vec::new())) };
    /// Topic lists of the previous document's paragraphs and quotes on this thread, emptied.
    static SPARE_TOPIC_LISTS: Cell<Vec<Vec<usize>>> = const { Cell::new(Vec::new()) };
}

/// Paragraph and quote topic lists kept for the next document.
const KEEP_LISTS: usize = 1 << 12;

/// Empties `lists` and keeps them for this thread's next document, short of what a huge
/// document made them.
fn recycle_topic_lists(mut lists: Vec<Vec<usize>>) {
    const KEEP_TOPICS: usize = 1 << 8;
    lists.truncate(KEEP_LISTS);
    for l in &mut lists {
        fit(l, KEEP_TOPICS);
    }
    SPARE_TOPIC_LISTS.set(lists);
}

/// Lays out a paragraph's collapsed view (its tokens `toks`, its quotations `found` and its
/// nickname quotes, all in text order) into `pieces`, and where each quotation's token stands
/// into `tok_of`. A token starting inside a quotation becomes the quotation's token; a token
/// inside a nickname's marks leaves the view, so the name reads whole; the others are kept, a
/// run at a time.
fn collapse_plan(
    toks: &[Token],
    found: &[quotes::RawQuote],
    nicknames: &[quotes::RawQuote],
    pieces: &mut Vec<Piece>,
    tok_of: &mut [usize],
) {
    pieces.clear();
    let in_nickname = |t: &Token| {
        nicknames
            .iter()
            .any(|n| n.span.start <= t.span.start && t.span.end <= n.span.end)
    };
    // Tokens in the view so far.
    let mut view = 0;
    let mut qi = 0;
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        if in_nickname(t) {
            i += 1;
            continue;
        }
        while found.get(qi).is_some_and(|q| q.span.end <= t.span.start) {
            qi += 1;
        }
        // Tokens run on (kept, or inside the same quotation) up to the next limit: a start at
        // or past it changes what a token becomes.
        let (limit, kept) = match found.get(qi) {
            Some(q) if q.span.start <= t.span.start => (q.span.end, false),
            Some(q) => (q.span.start, true),
            None => (usize::MAX, true),
        };
        let j = if nicknames.is_empty() {
            // Tokens are in text order: a binary search for the limit, not a test per token.
            let rest = toks.get(i + 1..).unwrap_or_default();
            i + 1 + rest.partition_point(|t| t.span.start < limit)
        } else {
            let mut j = i + 1;
            while toks
                .get(j)
                .is_some_and(|t| t.span.start < limit && !in_nickname(t))
            {
                j += 1;
            }
            j
        };
        if kept {
            pieces.push(Piece::Run(i, j));
            view += j - i;
        } else if !matches!(pieces.last(), Some(Piece::Quote(x)) if x.quote() == Some(qi)) {
            // The quotation's token, once, however many of its tokens are in the view.
            tok_of[qi] = view;
            pieces.push(Piece::Quote(Token {
                span: found[qi].span,
                kind: TokKind::Quote(qi),
            }));
            view += 1;
        }
        i = j;
    }
}

/// Parse one article. Total: any text gives a document, never a panic.
pub fn parse_document(meta: Meta, text: String) -> Document {
    let lay = layout::layout(&text);
    let mut title = meta.title.clone();
    let mut title_span = None;
    let mut headings = Vec::new();
    // Working lists: this thread's previous document's, emptied (see `Scratch`).
    let Scratch {
        mut drafts,
        mut sentence_starts,
        mut ranges,
        mut keep,
        mut tok_of,
        mut nicknames,
        mut found,
        mut clauses,
        mut para_spans,
        mut draft_ids,
        mut speaker_of_entity,
        mut mentions,
        mut cue_texts,
    } = SPARE_SCRATCH.take();
    para_spans.reserve(lay.blocks.len());
    for block in &lay.blocks {
        match *block {
            layout::Block::Title(s) => {
                if title.is_none() {
                    title = Some(s.text(&text).to_string());
                    title_span = Some(s);
                } else if title_span.is_none() && title.as_deref() == Some(s.text(&text)) {
                    title_span = Some(s);
                } else {
                    para_spans.push(s);
                }
            }
            layout::Block::Heading { span, level } => headings.push(Heading {
                span,
                level,
                before_paragraph: para_spans.len(),
            }),
            layout::Block::Paragraph(s) => para_spans.push(s),
        }
    }
    let (date, date_span) = match (&lay.date, &meta.date) {
        (Some((d, s)), _) => (Some(d.clone()), Some(*s)),
        (None, d) => (d.clone(), None),
    };

    // Placeholder topic lists until topics are tagged: one shared empty list, not one each.
    let no_topics: Arc<[usize]> = Arc::from([]);
    // Given back to the allocator at the end (the document keeps it): one allocation and one
    // shrink instead of a reallocation per doubling.
    let mut sentences = Vec::with_capacity((text.len() / 64).min(1 << 12));
    let mut paragraphs = Vec::with_capacity(para_spans.len());
    // Sized for news prose (about a quotation per 250 bytes, a sentence per 100), capped so a
    // huge text reserves no more than it would grow into: fewer reallocations of large items.
    drafts.reserve((text.len() / 256).min(1 << 10));
    let mut warnings = Vec::new();
    sentence_starts.reserve((text.len() / 64).min(1 << 12));
    // Every paragraph's tokens, first with quotations left in (for topics), then collapsed.
    let mut store = TokStore::new(&text);
    // Per paragraph: the ranges of its full and collapsed tokens in `store`, its quotes.
    ranges.reserve(para_spans.len());
    let style = quotes::Style::of(&text);

    for (pi, &span) in para_spans.iter().enumerate() {
        tokens::tokenize_into(&text, span, &mut store.toks);
        let full = store.seal(&text);
        let first_sentence = sentences.len();
        sentences::split(&text, span, &store.toks[full.clone()], |s| {
            sentence_starts.push(s.start);
            sentences.push(Sentence::new(s, pi));
        });
        let heading = headings.iter().rposition(|h| h.before_paragraph <= pi);
        paragraphs.push(Paragraph {
            span,
            heading,
            sentences: first_sentence..sentences.len(),
            topics: Arc::clone(&no_topics),
        });
        let next_opens = para_spans
            .get(pi + 1)
            .is_some_and(|n| quotes::opens_with_quote(&text, *n, style));
        // Nicknames moved out in place (order kept): no two new lists per paragraph.
        quotes::find_into(&text, span, next_opens, style, &mut found);
        nicknames.clear();
        nicknames.extend(found.extract_if(.., |q| quotes::is_nickname(&text, q)));
        if found.is_empty() && nicknames.is_empty() {
            // No quotation to collapse: both views are the same tokens.
            ranges.push((full.clone(), full, drafts.len()..drafts.len()));
            continue;
        }
        // Collapse each quotation to one token, remembering where each quote's token stands.
        tok_of.clear();
        tok_of.resize(found.len(), 0);
        // A paragraph's drafts are pushed together: their indices are a range.
        let first_draft = drafts.len();
        collapse_plan(
            &store.toks[full.clone()],
            &found,
            &nicknames,
            &mut keep,
            &mut tok_of,
        );
        for (local, raw) in found.drain(..).enumerate() {
            if raw.rule == SpanRule::UnclosedInParagraph {
                warnings.push(format!(
                    "unbalanced quotation mark at byte {} (bounded by its paragraph)",
                    raw.span.start
                ));
            }
            drafts.push(Draft {
                raw,
                para: pi,
                tok: tok_of[local],
                found: None,
                entity: None,
                resolution: None,
                rule: SpeakerRule::None,
                mention: None,
                kind: QuoteKind::Partial,
                clause_has_verb: false,
                title: false,
                unread_cue: false,
            });
        }
        let collapsed = store.collapse(full.clone(), &keep);
        ranges.push((full, collapsed, first_draft..drafts.len()));
    }
    let title_toks = title_span.map(|ts| {
        tokens::tokenize_into(&text, ts, &mut store.toks);
        store.seal(&text)
    });
    // Every draft's index, which the paragraphs' quote lists slice: one list, not one each.
    draft_ids.extend(0..drafts.len());
    // This thread's lists from the previous document, emptied (given back below).
    let (spare_paras, spare_fulls, spare_words) = SPARE_VIEWS.take();
    let mut paras: Vec<Para> = relifetime(spare_paras);
    paras.reserve(ranges.len());
    // Every paragraph's tokens with quotations left in, for topics.
    let mut fulls: Vec<Toks> = relifetime(spare_fulls);
    fulls.reserve(ranges.len());
    for ((full, collapsed, quotes), &span) in ranges.drain(..).zip(&para_spans) {
        paras.push(Para {
            span,
            toks: store.view(&text, collapsed),
            quotes: draft_ids.get(quotes).unwrap_or_default(),
        });
        fulls.push(store.view(&text, full));
    }
    // A huge document's ranges are freed here, as they were before the lists were reused.
    fit(&mut ranges, KEEP_RANGES);

    // Pre-pass: every name mentioned in the narration (outside quotations), so that "Putin" can
    // become "Vladimir Putin" and roles can be looked up.
    let mut reg = Registry::sized_for(text.len());
    // One buffer for every name run's words, across paragraphs (and documents).
    let mut name_words: Vec<Word> = relifetime(spare_words);
    for p in &paras {
        observe_names(&mut reg, &p.toks, &mut name_words);
    }
    if let Some(tt) = title_toks {
        observe_names(&mut reg, &store.view(&text, tt), &mut name_words);
    }
    reg.seal();
    // The name words are done with: their buffer is kept, emptied, for the next document.
    let mut spare_words: Vec<Word<'static>> = relifetime(name_words);
    fit(&mut spare_words, 1 << 8);

    attribute(&text, &paras, &mut drafts, &mut reg, &mut clauses);

    // Build the model's quotes and speakers.
    speaker_of_entity.resize(reg.entities.len(), None);
    // Room for every speaker at once (each is a distinct entity some quote names): one
    // allocation, not one per doubling.
    let mut speakers: Vec<Speaker> = Vec::with_capacity(drafts.len().min(reg.entities.len()));
    let mut quotes_out = Vec::with_capacity(drafts.len());
    // `mentions` gathers each speaker's mentions, moved into the shared list in one allocation
    // (a `Vec` collected and copied would make two); `cue_texts` holds the document's cue
    // phrases so far, a few ("said", "told") each repeated.
    for d in drafts.drain(..) {
        let keep = !d.title
            && (d.entity.is_some() || d.clause_has_verb || !looks_like_title_or_scare(&text, &d));
        if !keep {
            continue;
        }
        let speaker = d.entity.map(|e| {
            *speaker_of_entity[e].get_or_insert_with(|| {
                let ent = &reg.entities[e];
                mentions.extend(reg.mentions(e).map(Into::into));
                speakers.push(Speaker {
                    name: shared_or_new(&mentions, reg.name(e)),
                    kind: ent.kind,
                    mentions: mentions.drain(..).collect(),
                    role: ent.role_text.as_deref().map(Into::into),
                    quote_count: 0,
                });
                speakers.len() - 1
            })
        });
        if let Some(s) = speaker {
            speakers[s].quote_count += 1;
        }
        let p = &paras[d.para];
        let cue = d.found.and_then(|f| f.cue).map(|(a, b)| {
            let span = Span::new(p.toks.toks[a].span.start, p.toks.toks[b - 1].span.end);
            Cue {
                text: shared_or_held(&mut cue_texts, span.text(&text)),
                span,
            }
        });
        quotes_out.push(Quote {
            span: d.raw.span,
            content: d.raw.content,
            speaker,
            mention: d.mention.map(|m| {
                let held = speaker.map_or(&[][..], |s| &speakers[s].mentions[..]);
                shared_or_new(held, m.text(&text))
            }),
            cue,
            kind: d.kind,
            paragraph: d.para,
            topics: Arc::clone(&no_topics),
            nested: d.raw.nested.into(),
            provenance: Provenance {
                span_rule: d.raw.rule,
                speaker_rule: if speaker.is_some() {
                    d.rule
                } else {
                    SpeakerRule::None
                },
                resolution: d.resolution,
            },
        });
    }

    // A huge document's drafts are freed before the topics' words are gathered.
    fit(&mut drafts, KEEP_DRAFTS);
    // The paragraphs are done with: their list is kept, emptied, for the next document.
    let mut spare_paras: Vec<Para<'static>> = relifetime(paras);
    fit(&mut spare_paras, KEEP_RANGES);

    // Topics over every word of the body.
    let tw = topics::words_of(&fulls, &sentence_starts);
    // An entity with a speaker was quoted.
    let someone = reg.someone_names(&speaker_of_entity);
    // The working lists are done with: given back now, so a huge document's are freed before
    // the topics are tagged, not held on to through it.
    Scratch {
        drafts,
        sentence_starts,
        ranges,
        keep,
        tok_of,
        nicknames,
        found,
        clauses,
        para_spans,
        draft_ids,
        speaker_of_entity,
        mentions,
        cue_texts,
    }
    .recycle();
    let is_entity = |k: &[u8]| someone.contains(k);
    let mut topic_list = topics::find(&text, &tw, &is_entity);
    // Gathered here, then frozen into the model's shared lists: this thread's lists from the
    // previous document, emptied, so a paragraph's list is not grown from nothing each time.
    let mut topic_lists = SPARE_TOPIC_LISTS.take();
    topic_lists.resize_with(
        topic_lists.len().max(paragraphs.len() + quotes_out.len()),
        Vec::new,
    );
    let (para_topics, rest) = topic_lists.split_at_mut(paragraphs.len());
    let quote_topics = &mut rest[..quotes_out.len()];
    for (ti, topic) in topic_list.iter_mut().enumerate() {
        // A topic's mentions come in text order, so each search starts where the last ended
        // (from the start again should one not).
        let (mut p_from, mut q_from, mut last) = (0, 0, 0);
        for m in topic.mention_spans() {
            if m.start < last {
                (p_from, q_from) = (0, 0);
            }
            last = m.start;
            let pi = partition_from(&paragraphs, p_from, |p: &Paragraph| p.span.end <= m.start);
            p_from = pi;
            if let Some(p) = paragraphs.get(pi) {
                if p.span.contains(m) && para_topics[pi].last() != Some(&ti) {
                    para_topics[pi].push(ti);
                }
            }
            let qi = partition_from(&quotes_out, q_from, |q: &Quote| q.span.end <= m.start);
            q_from = qi;
            if let Some(q) = quotes_out.get(qi) {
                if q.span.contains(m) && quote_topics[qi].last() != Some(&ti) {
                    quote_topics[qi].push(ti);
                }
            }
        }
    }
    // An empty list keeps the shared placeholder. Lists past those kept for the next document
    // are freed as they are frozen, so a huge document's are not all held with their copies.
    let n_paras = para_topics.len();
    for (i, (p, t)) in paragraphs
        .iter_mut()
        .zip(para_topics.iter_mut())
        .enumerate()
    {
        if !t.is_empty() {
            p.topics = t.as_slice().into();
        }
        if i >= KEEP_LISTS {
            *t = Vec::new();
        }
    }
    for (i, (q, t)) in quotes_out
        .iter_mut()
        .zip(quote_topics.iter_mut())
        .enumerate()
    {
        if !t.is_empty() {
            q.topics = t.as_slice().into();
        }
        if n_paras + i >= KEEP_LISTS {
            *t = Vec::new();
        }
    }
    recycle_topic_lists(topic_lists);
    // Each list holds a topic at most once, so counting entries counts paragraphs and quotes
    // (one walk over the lists instead of one per topic), straight into the topics' counts,
    // which start at zero.
    for &ti in paragraphs.iter().flat_map(|p| p.topics.iter()) {
        if let Some(t) = topic_list.get_mut(ti) {
            t.paragraphs += 1;
        }
    }
    for &ti in quotes_out.iter().flat_map(|q| q.topics.iter()) {
        if let Some(t) = topic_list.get_mut(ti) {
            t.quotes += 1;
        }
    }

    sentences.shrink_to_fit();
    topics::recycle_words(tw);
    // The topics' words borrowed the full views until now.
    let mut spare_fulls: Vec<Toks<'static>> = relifetime(fulls);
    fit(&mut spare_fulls, KEEP_RANGES);
    SPARE_VIEWS.set((spare_paras, spare_fulls, spare_words));
    // The names borrow the registry.
    drop(someone);
    reg.recycle();
    store.recycle();
    Document {
        id: meta.id,
        source: meta.source,
        title,
        title_span,
        date,
        date_span,
        headings,
        paragraphs,
        sentences,
        quotes: quotes_out,
        speakers,
        topics: topic_list,
        warnings,
        text,
    }
}

/// `s` as a shared string: an equal one of `held` when there is one (the name is most often
/// one of its speaker's mentions), else a new one. Equal strings serialise alike; sharing
/// spares an allocation.
fn shared_or_new(held: &[Arc<str>], s: &str) -> Arc<str> {
    equal_in(held, s).map_or_else(|| s.into(), Arc::clone)
}

/// [`shared_or_new`], holding a new string in `held` for the next ask.
fn shared_or_held(held: &mut Vec<Arc<str>>, s: &str) -> Arc<str> {
    if let Some(h) = equal_in(held, s) {
        return Arc::clone(h);
    }
    let new: Arc<str> = s.into();
    held.push(Arc::clone(&new));
    new
}

/// The string of `held` equal to `s`, if any.
fn equal_in<'h>(held: &'h [Arc<str>], s: &str) -> Option<&'h Arc<str>> {
    held.iter().find(|h| ***h == *s)
}

/// `items.partition_point(before)` for a search that may start at `from` (every item before
/// it is known to be `before`): a few items one by one, since the answer is usually near, then
/// a binary search of the rest.
fn partition_from<T>(items: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    let mut i = from;
    for _ in 0..4 {
        match items.get(i) {
            Some(x) if before(x) => i += 1,
            _ => return i,
        }
    }
    i + items
        .get(i..)
        .map_or(0, |rest| rest.partition_point(&before))
}

/// Register every capitalised name run of the narration.
fn observe_names<'a>(reg: &mut Registry, t: &Toks<'a>, words: &mut Vec<Word<'a>>) {
    let lex = Lexicon::get();
    let headline = headline_case(t);
    // The word classes answer `function_words`, `is_title` and `organisation_words`.
    let function = |i: usize| t.class(i).has(WordClass::FUNCTION);
    let title = |i: usize| t.class(i).has(WordClass::TITLE);
    let given = |k: usize| t.class(k).has(WordClass::GIVEN);
    let initial = |k: usize| t.toks[k].span.len() <= 2 || t.low(k).ends_with(b".");
    // "Clinton spokeswoman Jennifer Palmieri criticized …": the run after the role noun heads
    // the phrase and takes the subject's place from the modifier before it.
    let mut heads_subject: Option<usize> = None;
    let mut i = 0;
    while i < t.len() {
        // A capitalised reporting verb opens an inverted cue ("Continued Stone: …"), no name.
        let starts =
            t.is_cap(i) && (!function(i) || title(i)) && !(t.verb(i).is_some() && t.is_cap(i + 1));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < t.len() {
            // "Doctors Without Borders": a capitalised function word inside the run.
            let part = t.is_word(j)
                && t.is_cap(j)
                && (!function(j) || title(j) || t.function_inside_name(j));
            // "Secretary of State", "University of Iowa" — but not "Michael Brown of Washington".
            let of_join = t.name_joiner(j);
            // Run-on capitals ("Jeb Bush Hits Marco Rubio", "Donald Trump Calls Out Ted Cruz",
            // "Celebrities Julianne Moore"): a reporting verb ends the name, and a given name
            // after a word that is neither a title nor a given name starts a new one.
            if part
                && (t.verb(j).is_some()
                    || (given(j) && !title(j - 1) && !given(j - 1) && !initial(j - 1)))
            {
                break;
            }
            if part || of_join {
                j += 1;
            } else {
                break;
            }
        }
        if headline {
            // In Title Case every word is capitalised, so a capitalised run is no evidence of a
            // name ("The Difference Between Bernie Sanders"): keep only runs that open like one
            // (a title or a given name), and keep at most three words after the titles (the run
            // already ends at a verb: "Zoe Saldana Asked Men …").
            if !title(i) && !given(i) {
                i = j;
                continue;
            }
            let titles = (i..j).take_while(|&k| title(k)).count();
            j = j.min(i + titles + 3);
        }
        if town_before_place(t, j) {
            // "Aurora, Colorado": the town is no one.
            i = j;
            continue;
        }
        // "the" before a one-word run that ends its phrase is kept for the classifier: "The
        // Blaze reported" is no person ("the Orlando tragedy" is not such a phrase).
        let noun_after = || t.is_word(j) && !t.is_cap(j) && !function(j) && t.verb(j).is_none();
        let the = i >= 1 && j == i + 1 && t.low(i - 1) == b"the" && !noun_after();
        words_into(t, i - usize::from(the), j, words);
        let surface = &t.text[t.toks[i].span.start..t.toks[j - 1].span.end];
        // A subject opens its clause: after punctuation, a quotation or a conjunction, or
        // behind a determiner and lowercase modifiers that do ("There, the district GOP
        // Chairman Chuck Williams declined …").
        let opens_clause = opens_clause(t, i) || opens_clause_behind_modifiers(t, i);
        // "attacked Clinton and Marco Rubio": a name joined to a name by a conjunction is
        // coordinated with it, not a new clause's subject.
        // So is one joined to a pronoun ("that he and Giles had been frustrated").
        // So is the last of a list ("behind Rick Santorum, Senator Marco Rubio, and Senator Ted
        // Cruz"): a comma before "and" closes a name that itself follows a comma.
        let listed = || {
            if i < 4 || !t.is_punct(i - 2, ',') || !t.is_cap(i - 3) {
                return false;
            }
            let mut k = i - 3;
            while k > 0 && t.is_word(k - 1) && t.is_cap(k - 1) {
                k -= 1;
            }
            k > 0 && t.is_punct(k - 1, ',')
        };
        // … and a list's middle: "Senator Marco Rubio, and Senator Ted Cruz".
        let list_middle = t.is_punct(j, ',')
            && matches!(t.low(j + 1), b"and" | b"or")
            && t.is_cap(j + 2)
            && i >= 1
            && t.is_punct(i - 1, ',');
        let coordinated = i >= 2
            && matches!(t.low(i - 1), b"and" | b"or")
            && ((t.is_cap(i - 2) && !t.is_possessive_at(i - 2))
                || matches!(t.pronoun(i - 2), Some(PronounKind::Person(_)))
                || listed())
            || list_middle;
        // Lowercase role words after the run, then another name: this run only modifies it.
        // Words that qualify the office may come first ("Clinton campaign chairman John
        // Podesta", "White House press secretary Josh Earnest"), but a role word must end them,
        // or open the next name ("Clinton campaign Chairman John Podesta").
        let mut head = j;
        let mut role_last = false;
        let mut qualifiers = 0;
        while head < t.len() && t.is_word(head) {
            let c = t.class(head);
            let role = c.has(WordClass::TITLE) || c.has(WordClass::ROLE);
            if t.is_cap(head) {
                role_last |= role;
                break;
            }
            role_last = role;
            // Function words and verbs, the usual next words, settle it without the lookup.
            if !role
                && (qualifiers == 3
                    || c.has(WordClass::FUNCTION)
                    || t.verb(head).is_some()
                    || !lex.grammar.office_modifiers.contains(t.word(head)))
            {
                break;
            }
            qualifiers += usize::from(!role);
            head += 1;
        }
        let modifier = head > j && role_last && t.is_cap(head) && !function(head);
        let possessive = tokens::is_possessive(surface);
        let subject = (opens_clause || heads_subject == Some(i) || absolute_subject(t, i, j))
            && !coordinated
            && !object_apposition(t, i)
            && !possessive
            && !t.is_punct(i.wrapping_sub(1), '(');
        heads_subject = (modifier && subject).then_some(head);
        let subject = subject && !modifier;
        let span = Span::new(t.toks[i].span.start, t.toks[j - 1].span.end);
        // "Ryan said Obama has never respected …": the subject of reported speech is no
        // antecedent a later "he says" prefers over the one reporting it.
        let reported = i >= 1
            && (t.verb(i - 1) == Some(lexicon::VerbForm::Finite)
                || (i >= 2
                    && t.low(i - 1) == b"that"
                    && t.verb(i - 2) == Some(lexicon::VerbForm::Finite)));
        let e = reg.observe(words, span, surface, subject && !reported, possessive);
        if let (Some(e), true) = (e, subject && j == i + 1 && acts(t, i, j)) {
            reg.confirm(e);
        }
        // "her husband, Milton Berg" / "actress Zoe Saldana": a gendered noun just before.
        let before = if t.is_punct(i.wrapping_sub(1), ',') {
            i.wrapping_sub(2)
        } else {
            i.wrapping_sub(1)
        };
        // The class bit first: most words are no gendered noun, and need no lookup.
        let gendered = |k: usize| t.class(k).has(WordClass::GENDERED);
        if let (Some(e), true) = (
            e,
            before < i && t.is_word(before) && !t.is_cap(before) && gendered(before),
        ) {
            if let Some(&g) = lex.gendered_nouns.get(t.word(before)) {
                reg.hint_gender(e, g);
            }
        }
        // "Khizr Khan, the father of a slain soldier,": a gendered noun heading the apposition
        // after the name, past its determiner and up to two modifiers.
        if let (Some(e), true) = (
            e,
            t.is_punct(j, ',') && t.class(j + 1).has(WordClass::DETERMINER),
        ) {
            let noun = (j + 2..t.len().min(j + 5))
                .take_while(|&k| t.is_word(k) && !t.is_cap(k))
                .filter(|&k| gendered(k))
                .find_map(|k| lex.gendered_nouns.get(t.word(k)));
            if let Some(&g) = noun {
                reg.hint_gender(e, g);
            }
        }
        i = j;
    }
}

/// "with Hillary Clinton — who's called for tax hikes — lambasting Trump's plan": a name after
/// "with" and before a gerund, perhaps past an aside, is that gerund's subject.
fn absolute_subject(t: &Toks, i: usize, j: usize) -> bool {
    if i == 0 || t.low(i - 1) != b"with" {
        return false;
    }
    let v = cues::past_aside(t, j, t.len()).unwrap_or(j);
    let w = t.low(v);
    // "with Clinton during the debate": a preposition ending in "-ing" is no gerund.
    let preposition =
        t.class(v).has(WordClass::PREPOSITION) || t.is_clause_preposition(v) || w == b"including";
    t.is_word(v) && !t.is_cap(v) && w.len() > 5 && w.ends_with(b"ing") && !preposition
}

/// Does a word at `i` open its clause: first, or after punctuation, a quotation, a conjunction
/// or a capitalised word that may precede a subject?
fn opens_clause(t: &Toks, i: usize) -> bool {
    i == 0
        || !t.is_word(i - 1)
        || t.class(i - 1).has(WordClass::SUBJECT_AFTER)
        || (t.is_cap(i - 1) && !t.class(i - 1).has(WordClass::NOT_SUBJECT_AFTER))
}

/// "The district GOP Chairman Chuck Williams declined …", "his campaign manager Corey
/// Lewandowski said …": a name headed by "the" or a possessive and up to three lowercase
/// modifiers, the determiner opening the clause. A verb among the words ("the campaign hired
/// John Smith") makes the name an object instead.
fn opens_clause_behind_modifiers(t: &Toks, i: usize) -> bool {
    let modifier = |k: usize| {
        let w = t.low(k);
        t.is_word(k)
            && !t.is_cap(k)
            && !t.class(k).has(WordClass::FUNCTION)
            && t.verb(k).is_none()
            && !w.ends_with(b"ed")
            && !w.ends_with(b"ing")
            // "the 6th Congressional District": an ordinal makes the run a place.
            && w.iter().all(|&b| b.is_ascii_alphabetic() || b == b'-')
    };
    let mods = (i.saturating_sub(3)..i)
        .rev()
        .take_while(|&k| modifier(k))
        .count();
    let Some(det) = i.checked_sub(mods + 1) else {
        return false;
    };
    mods > 0 && is_role_opener(t.word(det)) && opens_clause(t, det)
}

/// "… under its new president, Rodrigo Duterte", "… as well as his campaign manager, Corey
/// Lewandowski": a name set off after a role that a verb or preposition governs names that
/// object, no clause's subject.
fn object_apposition(t: &Toks, i: usize) -> bool {
    if i < 4 || !t.is_punct(i - 1, ',') || t.is_cap(i - 2) || !t.class(i - 2).has(WordClass::ROLE) {
        return false;
    }
    // Back over the role's modifiers to its determiner.
    let Some(det) = (i.saturating_sub(7)..i - 1)
        .rev()
        .take_while(|&k| t.is_word(k) && !t.is_cap(k))
        .find(|&k| t.class(k).has(WordClass::DETERMINER))
    else {
        return false;
    };
    det >= 1 && t.is_word(det - 1)
}

/// Is the one-word name at `i` followed (at `j`) by what a person does: a reporting verb or a
/// past tense ("Carson defied")? A plural opening a sentence ("Corporations agreed") is no name.
fn acts(t: &Toks, i: usize, j: usize) -> bool {
    let w = t.low(j);
    let verb = (t.verb(j).is_some_and(|f| f != lexicon::VerbForm::Gerund) && !plural_noun(t, j))
        || (t.is_word(j) && !t.is_cap(j) && w.len() > 4 && w.ends_with(b"ed"));
    let sentence_start = i == 0 || t.is_punct(i - 1, '.') || t.toks[i - 1].quote().is_some();
    // After a capital the word ends a longer name ("West Virginia lauded").
    let after_cap = i > 0 && t.is_cap(i - 1);
    verb && !after_cap && !(sentence_start && t.low(i).ends_with(b"s"))
}

/// "Trade talks stalled", "Peace talks have resumed": a reporting verb's "-s" form before a
/// past tense or a plural verb is a plural noun ("talks", "claims", "reports"), and the word
/// before it no one who spoke. ("says" is never a noun.)
fn plural_noun(t: &Toks, j: usize) -> bool {
    let w = t.low(j);
    let next = t.low(j + 1);
    w.ends_with(b"s")
        && w != b"says"
        && t.is_word(j + 1)
        && !t.is_cap(j + 1)
        && t.verb(j + 1).is_none()
        && ((next.len() > 4 && next.ends_with(b"ed")) || matches!(next, b"are" | b"were" | b"have"))
}

/// Does a capitalised run ending before token `j` name a town, followed by ", <state>" ("Monsey,
/// New York", "Gainesville, Fla.")? The state must be the whole capitalised run after the comma,
/// so "Rob Portman, Ohio Republican" keeps its name.
fn town_before_place(t: &Toks, j: usize) -> bool {
    if !t.is_punct(j, ',') {
        return false;
    }
    let mut end = j + 1;
    while end < t.len() && end - j <= 3 && t.is_word(end) && t.is_cap(end) {
        end += 1;
    }
    !t.is_cap(end) && t.is_place(j + 1, end, true)
}

/// A headline or list item written in Title Case: every word but the small ones capitalised.
fn headline_case(t: &Toks) -> bool {
    let mut words = 0;
    for i in 0..t.len() {
        // The class bit answers `title_small_words`.
        if t.is_word(i) && !t.class(i).has(WordClass::SMALL) {
            if !t.is_cap(i) {
                // One lowercase word settles it: prose stops here, after a few words.
                return false;
            }
            words += 1;
        }
    }
    words >= 4
}

/// Does an unattributed quote look like a title, a name or a scare quote rather than speech?
fn looks_like_title_or_scare(text: &str, d: &Draft) -> bool {
    if d.kind != QuoteKind::Partial {
        return false;
    }
    // No word list: count up to five words, then test capitals word by word.
    let mut words = d.raw.content.text(text).split_whitespace();
    words.clone().nth(4).is_none()
        || words.all(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_none_or(|c| c.is_uppercase() || c.is_numeric())
        })
}

/// Title Case quoted words in a place where a title stands: "on NBC's “Meet the Press”", "her
/// film “Trainwreck”", or three or more capitalised words that no cue introduces.
fn is_title(text: &str, t: &Toks, k: usize, raw: &quotes::RawQuote, kind: QuoteKind) -> bool {
    let content = raw.content.text(text).trim();
    // Title Case: every word starts with a capital or a digit, or is a small title word after
    // the first. A word that does not rules the quote out, so the words are tested as they are
    // split: most quotes stop at their first lowercase word. Nine words are enough to rule out
    // a title.
    let mut n = 0;
    for w in content
        .split_whitespace()
        .map(trim_to_alphanumeric)
        .filter(|w| !w.is_empty())
        .take(9)
    {
        let c = w.chars().next().unwrap_or('a');
        if !(c.is_uppercase() || c.is_numeric() || (n > 0 && is_small_title_word(w))) {
            return false;
        }
        n += 1;
    }
    if n == 0 || n > 8 || content.contains(['!', '?', ';']) {
        return false;
    }
    let prev = k.checked_sub(1);
    let prev_word = prev.map_or("", |p| t.word(p));
    let after_possessive =
        prev.is_some_and(|p| t.is_word(p) && tokens::is_possessive(t.toks[p].span.text(text)));
    let introduced = Lexicon::get().grammar.title_introducers.contains(prev_word)
        || (prev.is_some_and(|p| t.is_punct(p, ','))
            && k >= 2
            && Lexicon::get()
                .grammar
                .title_introducers
                .contains(t.word(k - 2)));
    // …or a noun right after names what the words are: "the “Never Trump” movement".
    let named_by_next = t.is_word(k + 1)
        && Lexicon::get()
            .grammar
            .title_followers
            .contains(t.word(k + 1));
    // …or set off by commas after a noun, as its name: "his comedy project, “Latin History
    // for Dummies,” the actor said".
    let apposed = || {
        n >= 2
            && k >= 2
            && prev.is_some_and(|p| t.is_punct(p, ','))
            && t.is_word(k - 2)
            && !t.is_cap(k - 2)
            && t.verb(k - 2).is_none()
            && !t.class(k - 2).has(WordClass::FUNCTION)
            && (content.ends_with(',') || t.is_punct(k + 1, ','))
    };
    after_possessive
        || introduced
        || named_by_next
        || (n >= 3 && kind == QuoteKind::Partial)
        || apposed()
}

/// `w` without the non-alphanumeric characters at its ends; most words start and end with an
/// ASCII letter, which is told from the byte.
fn trim_to_alphanumeric(w: &str) -> &str {
    let b = w.as_bytes();
    if b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
    {
        return w;
    }
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Is `w` (as written) a small word of titles ("the", "of")? Short ASCII words are lowercased on
/// the stack.
fn is_small_title_word(w: &str) -> bool {
    let small = &Lexicon::get().grammar.title_small_words;
    let mut buf = [0u8; 16];
    if w.is_ascii() && w.len() <= buf.len() {
        let low = &mut buf[..w.len()];
        low.copy_from_slice(w.as_bytes());
        low.make_ascii_lowercase();
        return std::str::from_utf8(low).is_ok_and(|l| small.contains(l));
    }
    small.contains(w.to_lowercase().as_str())
}

/// Find each quote's cue and speaker, in text order, then carry speakers over cue-less quotes.
/// `lists` are working lists, reused across paragraphs and documents.
fn attribute(
    text: &str,
    paras: &[Para],
    drafts: &mut [Draft],
    reg: &mut Registry,
    lists: &mut Clauses,
) {
    // The last speaker found and the paragraph it spoke in: (paragraph, entity).
    let mut last_para_speaker: Option<(usize, usize)> = None;
    // Each paragraph's clause starts and ends, and its cue-verb flags (see below).
    let Clauses {
        starts,
        ends: clause_ends,
        cue_verbs,
    } = lists;
    for (pi, p) in paras.iter().enumerate() {
        let t = &p.toks;
        let ends = |local: usize| {
            p.quotes
                .get(local)
                .is_some_and(|&d| ends_sentence(text, &drafts[d].raw))
        };
        cues::clause_limits(t, &ends, starts, clause_ends);
        let window_start = if pi >= 2 { paras[pi - 2].span.start } else { 0 };
        let mut prev_speaker: Option<(usize, Option<Resolution>)> = None;
        // Where the previous quote's cue verb stands: a quote before it lies inside that cue
        // ("Bill Eastland, wearing “Ted Cruz” buttons, said") and continues no one.
        let mut prev_cue_verb = 0;
        let mut done = 0;
        // Which tokens are verbs that introduced this paragraph's quotations (a flag per token,
        // so the check stays constant-time in a paragraph of thousands of quotes).
        cue_verbs.clear();
        cue_verbs.resize(t.len(), false);
        // Where the sentence of the last quote attributed by a cue ends: reported speech in its
        // rest (`“Q1,” Lieberman told the Journal, after de Blasio stated …`) is still recorded,
        // but a cue-less quote after it continues the quote's speaker.
        let mut cued_sentence_end = 0;
        for &di in p.quotes {
            let k = drafts[di].tok;
            let tail = cued_sentence_end.clamp(done, k);
            indirect_speech_events(reg, t, starts, done, tail, window_start, cue_verbs);
            if let Some(e) =
                indirect_speech_events(reg, t, starts, tail, k, window_start, cue_verbs)
            {
                // Reported speech in the paragraph sets who a cue-less quote continues.
                prev_speaker = Some((e, Some(Resolution::Inherited)));
            }
            done = k + 1;
            let cs = starts.get(k).copied().unwrap_or(0);
            let ce = clause_ends.get(k).copied().unwrap_or(t.len());
            let mut limit = k + 1;
            let reach = t.len().min(k + cues::WINDOW);
            // A short quote embedded in the words after this one ("Bill Eastland, wearing
            // “Ted Cruz” buttons, said") does not end the search; any other quote does.
            let embedded = |i: usize| {
                t.toks[i].quote().is_some_and(|q| {
                    let inner = p
                        .quotes
                        .get(q)
                        .map_or("", |&d| drafts[d].raw.content.text(text));
                    let open = !inner.trim_end().ends_with(['.', ',', '!', '?', ';', ':']);
                    open && t.runs_on(i)
                })
            };
            while limit < reach
                && (embedded(limit)
                    || !matches!(
                        t.toks[limit].kind,
                        TokKind::Quote(_) | TokKind::Punct('.' | '!' | '?' | ';')
                    ))
            {
                limit += 1;
            }
            // A quote that ends its own sentence leaves nothing after it to search.
            let limit = limit.min(ce);
            let raw_end_char = drafts[di].raw.content.text(text).trim_end().chars().last();
            // `“… for the long run!” She replied to him that …`: a capitalised pronoun after
            // "!" or "?" opens a new sentence, so a cue before the quote comes first.
            let new_sentence = matches!(raw_end_char, Some('?' | '!'))
                && t.pronoun(k + 1).is_some()
                && t.is_cap(k + 1)
                && t.low(k + 1) != b"i";
            let trailing_comma = (matches!(raw_end_char, Some(',' | '?' | '!' | '—' | '-'))
                && !new_sentence)
                || t.is_punct(k + 1, ',');
            // `After Scalia said … “less advanced schools,” Trump said: “I don't …”`: a cue
            // that runs on to a colon before the next quotation introduces that quotation.
            let introduces_next = |f: &Found| {
                let end = f.cue.map_or(f.np.end, |(_, e)| e.max(f.np.end));
                limit > end
                    && t.is_punct(limit - 1, ':')
                    && matches!(t.toks.get(limit).map(|x| x.kind), Some(TokKind::Quote(_)))
                    && !(end..limit).any(|j| t.is_punct(j, ','))
            };
            let after = cues::after(t, k, limit).filter(|f| !introduces_next(f));
            let before = cues::before(t, k, cs);
            // `X claimed that “Q,” Y said …`: a quote introduced by "that" belongs to the verb
            // before it, whatever follows.
            // `…, calling Trump “an orange buffoon,” Susan said`: so is a label right after a
            // naming verb and its object (the class bit answers `naming_verbs`).
            let named = before.is_some()
                && (cs.max(k.saturating_sub(4))..k).any(|v| t.class(v).has(WordClass::NAMING_VERB));
            let introduced = k > cs && ((t.low(k - 1) == b"that" && before.is_some()) || named);
            let loose_first = trailing_comma && !introduced;
            // `Trump said Duterte’s comments showed “Q”`: when the nearest reporting verb's
            // subject names no one, the verb that reports the whole clause may.
            let mut outer = before;
            // Cues in order of strength; the first whose subject resolves wins, so an
            // unresolvable "it" does not hide a name further on. The later ones are pure
            // functions of the tokens, computed only when reached: most quotes resolve early.
            let mut candidate = |slot: usize| -> Option<Found> {
                match (slot, loose_first) {
                    (0, true) | (1, false) => after,
                    (0, false) | (1, true) => before,
                    (2, _) => cues::late_after(t, k, cs, limit),
                    // `X demurred: "Q"` — a colon hands the quote to the clause's subject.
                    // `Pew Research: "Q"` — or a name standing right before the colon.
                    (3, _) => (k > cs && t.is_punct(k - 1, ':'))
                        .then(|| {
                            cues::clause_subject(t, cs, k - 1).or_else(|| {
                                // `k > cs` leaves `k == 1` possible: no token before the colon.
                                k.checked_sub(2)
                                    .and_then(|i| t.np_ending_at(i, cs))
                                    .filter(|np| np.pronoun.is_none() && t.is_cap(np.end - 1))
                            })
                        })
                        .flatten()
                        .map(|np| Found {
                            np,
                            rule: SpeakerRule::CueBefore,
                            cue: None,
                        })
                        .or_else(|| cues::possessive_utterance(t, k, cs)),
                    (4, true) => cues::loose_after(t, k, limit),
                    (4, false) => None,
                    // Slots 5 and 6 follow the chain of outer verbs, in order.
                    _ => {
                        outer = outer
                            .and_then(|f| f.cue)
                            .and_then(|(v, _)| cues::before(t, v, cs));
                        outer
                    }
                }
            };
            let d = &mut drafts[di];
            d.clause_has_verb = (cs.max(k.saturating_sub(cues::WINDOW))
                ..ce.max(limit).min(k + cues::WINDOW))
                .any(|i| {
                    let c = t.class(i);
                    // "according" is a function word (see the tests): the bit first.
                    c.verb.is_some() || (c.has(WordClass::FUNCTION) && t.low(i) == b"according")
                });
            d.kind = quote_kind(text, t, k, cs, &d.raw);
            d.title = is_title(text, t, k, &d.raw, d.kind);
            // The first cue found stands even when no candidate resolves.
            d.found = None;
            for f in (0..7).filter_map(&mut candidate) {
                if d.found.is_none() {
                    d.found = Some(f);
                }
                // A nominal source keeps its description ("a source close to the campaign"), or
                // gives way to the name set off after it ("a spokeswoman, Jane Roe").
                let bound = match f.cue {
                    Some((v, _)) if v > f.np.start => v,
                    _ if f.np.start > k => limit,
                    _ => k,
                };
                let nominal = f.np.pronoun.is_none() && !t.is_cap(f.np.end - 1);
                let tail = cues::nominal_tail(t, f.np, bound);
                let (f, surface_span) = match cues::named_apposition(t, tail, bound) {
                    Some(name) if nominal => (Found { np: name, ..f }, t.np_span(name)),
                    _ => {
                        let a = t.toks[f.np.start].span.start;
                        let b = t.toks[tail - 1].span.end;
                        (f, Span::new(a, b))
                    }
                };
                let surface = surface_span.text(text);
                let at = t.toks[f.np.start].span.start;
                let resolved =
                    resolve_np(reg, t, f.np, surface, window_start).filter(|&(e, how)| {
                        !(how == Resolution::Name && verb_opening(reg, t, f.np, e))
                    });
                if let Some((e, how)) = resolved {
                    d.found = Some(f);
                    if let Some(flag) = f.cue.and_then(|(verb, _)| cue_verbs.get_mut(verb)) {
                        *flag = true;
                    }
                    d.mention = Some(surface_span);
                    d.entity = Some(e);
                    d.resolution = Some(how);
                    d.rule = f.rule;
                    reg.spoke(e, at.max(d.raw.span.start));
                    break;
                }
            }
            if d.entity.is_none()
                && d.found.is_none_or(|f| f.np.pronoun.is_none())
                && d.kind == QuoteKind::Partial
                && k > cs
            {
                clause_subject_speaker(reg, t, d, k, cs, window_start);
            }
            if d.mention.is_none() {
                d.mention = d.found.map(|f| t.np_span(f.np));
            }
            // An unresolved pronoun ("he said" with no antecedent in reach) most often refers to
            // the speaker the paragraph is already quoting.
            let unresolved_pronoun =
                d.entity.is_none() && d.found.is_some_and(|f| f.np.pronoun.is_some());
            // `"Call the roll," came shouts from the crowd`: words after a paragraph's opening
            // quote that ends on a comma are an attribution we could not read; better no speaker
            // than a wrong one.
            let next = k + 1 + usize::from(t.is_punct(k + 1, ','));
            let unread_cue = k == 0 && trailing_comma && next < limit && t.is_word(next);
            d.unread_cue = unread_cue && d.entity.is_none();
            let inside_cue = k < prev_cue_verb;
            if d.entity.is_none()
                && (d.found.is_none() || unresolved_pronoun)
                && !unread_cue
                && !inside_cue
            {
                // A cue-less quote continues the previous quote's speaker: in the same paragraph,
                // or, for a paragraph that opens with a full quote, the previous paragraph's.
                let inherited = prev_speaker.map(|x| x.0).or_else(|| {
                    let opens = k == 0;
                    last_para_speaker
                        .filter(|&(lp, _)| opens && lp + 1 == pi && d.kind == QuoteKind::Full)
                        .map(|x| x.1)
                });
                // An unresolved "she said" continues no man.
                let pronoun = d.found.and_then(|f| f.np.pronoun);
                let inherited = inherited.filter(|&e| pronoun.is_none_or(|p| reg.fits(e, p)));
                if let Some(e) = inherited {
                    d.entity = Some(e);
                    d.rule = SpeakerRule::Continuation;
                    d.resolution = Some(Resolution::Inherited);
                }
            }
            if let Some(e) = d.entity {
                prev_speaker = Some((e, d.resolution));
                last_para_speaker = Some((pi, e));
            }
            if let Some((v, _)) = d.found.and_then(|f| f.cue).filter(|_| d.entity.is_some()) {
                prev_cue_verb = prev_cue_verb.max(v);
                // Unless a cue after the quote was passed over (`… mocked Trump, calling him
                // “an orange buffoon,” Susan said`): that one is the sentence's reporting verb.
                if after.is_none_or(|a| d.found == Some(a)) {
                    cued_sentence_end = ce;
                }
            }
        }
        let tail = cued_sentence_end.clamp(done, t.len());
        indirect_speech_events(reg, t, starts, done, tail, window_start, cue_verbs);
        if let Some(e) =
            indirect_speech_events(reg, t, starts, tail, t.len(), window_start, cue_verbs)
        {
            last_para_speaker = Some((pi, e));
        }
        role_mentions(reg, t);
        // `"Q1." "Q2," he said.`: a cue-less quote before an attributed one in the same paragraph.
        for w in p.quotes.windows(2).rev() {
            let (a, b) = (w[0], w[1]);
            let same_clause = starts.get(drafts[a].tok) == starts.get(drafts[b].tok);
            // A gloss in an aside ("(“sit on it” in consultant-speak)") is nobody's words.
            let aside = || {
                let from = starts.get(drafts[a].tok).copied().unwrap_or(0);
                in_aside(t, from, drafts[a].tok)
            };
            if drafts[a].entity.is_none()
                && drafts[a].found.is_none()
                && !drafts[a].unread_cue
                && (drafts[a].kind == QuoteKind::Full || same_clause)
                && drafts[b].found.is_some()
                && !aside()
            {
                if let Some(e) = drafts[b].entity {
                    drafts[a].entity = Some(e);
                    drafts[a].rule = SpeakerRule::Continuation;
                    drafts[a].resolution = Some(Resolution::Inherited);
                }
            }
        }
    }
    // A pull quote credited on the next line: `"Q."` then `-President Obama, tweeting after …`.
    for pi in 0..paras.len().saturating_sub(1) {
        let (p, next) = (&paras[pi], &paras[pi + 1].toks);
        let [di] = p.quotes[..] else { continue };
        let alone = p.toks.len() <= 2 && drafts[di].tok == 0;
        // `-Name, …` after a dash; or, in a list of experts, a bare credit line with no verb at
        // all: `Dean Baker, Center for Economic and Policy Research.`
        let dash = next.is_dash(0);
        let bare_line = || {
            (0..next.len()).all(|i| {
                next.verb(i).is_none()
                    && !(next.is_word(i) && !next.is_cap(i) && predicate_follows(next, i))
            })
        };
        if !alone
            || next.len() > 25
            || drafts[di].rule == SpeakerRule::CueBefore
            || !(dash || bare_line())
        {
            continue;
        }
        let Some(np) = next.np_starting_at(usize::from(dash), next.len()) else {
            continue;
        };
        let closed =
            np.end == next.len() || next.is_punct(np.end, ',') || next.is_punct(np.end, '.');
        let credit = np.pronoun.is_none()
            && next.is_cap(np.end - 1)
            && (if dash {
                closed
            } else {
                next.is_punct(np.end, ',')
            });
        if !credit || drafts[di].found.is_some_and(|f| f.np.pronoun.is_none()) {
            continue;
        }
        let at = next.toks[np.start].span.start;
        if let Some((e, how)) = resolve_np(reg, next, np, next.np_text(np), at) {
            let d = &mut drafts[di];
            d.entity = Some(e);
            d.resolution = Some(how);
            d.rule = SpeakerRule::CueAfter;
            d.mention = Some(next.np_span(np));
        }
    }
    // A quote continued over paragraphs is one quotation: its pieces share one speaker.
    for i in 0..drafts.len().saturating_sub(1) {
        if drafts[i].raw.rule == SpanRule::ContinuedParagraph
            && drafts[i + 1].para == drafts[i].para + 1
        {
            let (a, b) = (drafts[i].entity, drafts[i + 1].entity);
            match (a, b) {
                (Some(e), None) => {
                    drafts[i + 1].entity = Some(e);
                    drafts[i + 1].rule = SpeakerRule::Continuation;
                    drafts[i + 1].resolution = Some(Resolution::Inherited);
                }
                (None, Some(e)) => {
                    drafts[i].entity = Some(e);
                    drafts[i].rule = SpeakerRule::Continuation;
                    drafts[i].resolution = Some(Resolution::Inherited);
                }
                _ => {}
            }
        }
    }
}

/// Is token `k` inside a parenthesis opened after token `from` and not yet closed?
fn in_aside(t: &Toks, from: usize, k: usize) -> bool {
    let mut depth = 0usize;
    for i in from..k {
        if t.is_punct(i, '(') {
            depth += 1;
        } else if t.is_punct(i, ')') {
            depth = depth.saturating_sub(1);
        }
    }
    depth > 0
}

/// `Reid has gone after Trump as a “human leech”`: a fragment no reporting verb introduces is
/// the words of the clause's subject, when that subject is a name known beyond one bare word, a
/// pronoun or a source nominal, followed by a verb.
fn clause_subject_speaker(
    reg: &mut Registry,
    t: &Toks,
    d: &mut Draft,
    k: usize,
    cs: usize,
    window_start: usize,
) {
    let fits = |np: &phrases::Np| {
        let plain = |i: usize| !t.is_possessive_at(i) && !t.low(i).ends_with(b"ing");
        // "They", "it" stand for groups and places as often as for sources.
        let person = matches!(np.pronoun, Some(PronounKind::Person(_)));
        predicate_follows(t, np.end)
            && (person || (np.pronoun.is_none() && (np.start..np.end).all(plain)))
    };
    let Some(mut np) = cues::clause_subject(t, cs, k).filter(fits) else {
        return;
    };
    // "Jindal signed an order …, while Huckabee proposed we “…”": a clause joined after a comma
    // has its own subject, nearer the quote.
    let mut from = np.end;
    while let Some(next) = cues::clause_subject(t, from, k) {
        let joined = next.start >= 2
            && t.is_punct(next.start - 2, ',')
            && Lexicon::get()
                .grammar
                .clause_joiners
                .contains(t.word(next.start - 1));
        if joined && fits(&next) {
            np = next;
        }
        from = next.end;
    }
    // "voters delay their ballots (“sit on it” in consultant-speak)": a fragment inside an
    // aside the clause opened is the writer's gloss, not the subject's words.
    if in_aside(t, np.end, k) {
        return;
    }
    let surface = t.np_text(np);
    let Some((e, how)) = resolve_np(reg, t, np, surface, window_start)
        .filter(|&(e, how)| how != Resolution::Name || reg.established(e))
    else {
        return;
    };
    d.found = Some(Found {
        np,
        rule: SpeakerRule::ClauseSubject,
        cue: None,
    });
    d.mention = Some(t.np_span(np));
    d.entity = Some(e);
    d.resolution = Some(how);
    d.rule = SpeakerRule::ClauseSubject;
    // Like a cue's speaker, the subject now speaks: "She also dodged “radical Islam” … “No,”
    // she said" refers back to her.
    reg.spoke(e, t.toks[np.start].span.start.max(d.raw.span.start));
}

/// `Preys on our worst fears …, and calls people “losers”`: in a list of what someone does, a
/// capitalised verb opens each line. One word ending in "s" at a sentence's start, a lowercase
/// word after it, is that verb, unless it is the last word of a longer name met elsewhere
/// ("Reeves" after "Tate Reeves").
fn verb_opening(reg: &Registry, t: &Toks, np: phrases::Np, e: usize) -> bool {
    let i = np.start;
    let sentence_start = i == 0 || t.is_punct(i - 1, '.') || t.toks[i - 1].quote().is_some();
    np.end == i + 1
        && sentence_start
        && !reg.multi_word(e)
        && t.low(i).ends_with(b"s")
        && t.is_word(i + 1)
        && !t.is_cap(i + 1)
}

/// Does a verb follow at `i` ("Reid has gone after", "Trump invited", "she called"), perhaps
/// after adverbs? A capitalised word opening a sentence before a noun ("Calls men …", "Good
/// information …") is no subject.
fn predicate_follows(t: &Toks, i: usize) -> bool {
    // The adverb list holds the auxiliaries too: test those before skipping.
    let finite = |i: usize| {
        let w = t.low(i);
        t.is_word(i)
            && !t.is_cap(i)
            && (t.verb(i).is_some()
                || (w.len() > 4 && w.ends_with(b"ed"))
                || t.class(i).has(WordClass::AUXILIARY)
                || t.class(i).has(WordClass::FINITE))
    };
    // "Huckabee, the former Arkansas governor, proposed": past an apposition or a dashed aside.
    let Some(mut i) = cues::past_aside(t, i, t.len()) else {
        return false;
    };
    // "Trump last week invited", "Beck on Wednesday called": past a time.
    let g = &Lexicon::get().grammar;
    if g.time_openers.contains(t.word(i)) && g.time_words.contains(t.word(i + 1)) {
        i += 2;
    }
    while !finite(i) && t.is_adverb(i) {
        i += 1;
    }
    finite(i)
}

/// Resolve a cue's noun phrase to an entity.
fn resolve_np(
    reg: &mut Registry,
    t: &Toks,
    np: phrases::Np,
    surface: &str,
    window_start: usize,
) -> Option<(usize, Resolution)> {
    let at = t.toks[np.start].span.start;
    match np.pronoun {
        Some(kind) => reg
            .resolve_pronoun(kind, at, window_start, {
                let s = t.sentence_start(np.start);
                t.toks.get(s).map_or(at, |x| x.span.start)
            })
            .map(|e| (e, Resolution::Pronoun)),
        None => {
            let span = t.np_span(np);
            let (e, role) = with_words(t, np.start, np.end, |w| {
                reg.resolve_phrase(w, span, surface)
            })?;
            let how = if role {
                Resolution::Role
            } else if reg.entities[e].kind == crate::model::SpeakerKind::Nominal {
                Resolution::Nominal
            } else {
                Resolution::Name
            };
            Some((e, how))
        }
    }
}

/// Reported speech without quotation marks ("He added that …") still tells who is speaking, which
/// is what a following "he said" most often refers to.
fn indirect_speech_events(
    reg: &mut Registry,
    t: &Toks,
    starts: &[usize],
    from: usize,
    to: usize,
    window_start: usize,
    cue_verbs: &[bool],
) -> Option<usize> {
    let mut last = None;
    for v in from..to {
        // Most tokens are no finite verb: that test first.
        if t.verb(v) != Some(lexicon::VerbForm::Finite) || plural_noun(t, v) {
            continue;
        }
        // A verb that already introduced a quotation was resolved with it.
        let cs = starts.get(v).copied().unwrap_or(0);
        // Capitalised, a verb is a name's first word, unless it opens an inverted cue: "Stated
        // Stone:".
        let inverted = v == cs && t.is_cap(v + 1);
        if (t.is_cap(v) && !inverted) || cue_verbs.get(v).copied().unwrap_or(false) {
            continue;
        }
        // "X said …", or inverted "…, said X" — also when the words before the comma name no
        // one ("… control of the Senate next year, said Bart Naylor").
        let inverted = || {
            // Only right after a comma, a quotation or at the clause's start: in "Trump has
            // suggested Clinton is on drugs" the name after the verb is no speaker.
            let place = v == cs
                || t.is_punct(v - 1, ',')
                || matches!(t.toks[v - 1].kind, TokKind::Quote(_));
            if !place || !cues::may_invert(t, v) {
                return None;
            }
            // "…, adds psychologist Mary Alvord": a lowercase role may stand before the name.
            t.np_starting_at(v + 1, to.min(v + 12))
                .filter(|np| np.pronoun.is_none() && t.is_cap(np.end - 1))
        };
        // The inverted reading is only looked for when the subject names no one.
        let subject = t.subject_of(v, cs);
        for np in std::iter::once(subject)
            .chain(std::iter::once_with(inverted))
            .flatten()
        {
            if let Some((e, _)) = resolve_np(reg, t, np, t.np_text(np), window_start) {
                reg.spoke(e, t.toks[np.start].span.start);
                last = Some(e);
                break;
            }
        }
    }
    last
}

/// Role nominals in the narration ("his Russian counterpart", "the US President") become mention
/// forms of the person they stand for, so the reader can list every way a speaker is named.
fn role_mentions(reg: &mut Registry, t: &Toks) {
    for i in 0..t.len() {
        // The four openers are determiners (a test below holds the lexicon to it): the class bit
        // turns most tokens away before their word is looked at.
        if !t.class(i).has(WordClass::DETERMINER) || !is_role_opener(t.word(i)) {
            continue;
        }
        // The word classes answer `nationality`, `is_title` and `role_nouns`.
        let mut j = i + 1;
        while j < t.len()
            && j - i <= 4
            && (t.class(j).is_nationality() || t.class(j).has(WordClass::TITLE))
        {
            j += 1;
        }
        let role = |k: usize| t.class(k).has(WordClass::ROLE);
        let head_ok = j < t.len() && role(j);
        let end = if head_ok { j + 1 } else { j };
        if end <= i + 1 || !(head_ok || role(j - 1)) {
            continue;
        }
        let span = Span::new(t.toks[i].span.start, t.toks[end - 1].span.end);
        let surface = span.text(t.text);
        let found = with_words(t, i, end, |words| {
            reg.is_nominal(span, words)
                .then(|| reg.resolve_phrase(words, span, surface))
                .flatten()
        });
        if let Some((e, true)) = found {
            reg.add_mention(e, surface);
        }
    }
}

/// A word that may open a role nominal: "the", "his", "her", "their".
fn is_role_opener(w: &str) -> bool {
    matches!(w, "the" | "his" | "her" | "their")
}

/// Full sentence(s) of speech, or a fragment inside the writer's sentence?
fn quote_kind(text: &str, t: &Toks, k: usize, cs: usize, raw: &quotes::RawQuote) -> QuoteKind {
    let content = raw.content.text(text).trim_start();
    let upper = content
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    if !upper {
        return QuoteKind::Partial;
    }
    let introduced = k == cs
        || k == 0
        || t.is_punct(k - 1, ',')
        || t.is_punct(k - 1, ':')
        || t.is_punct(k - 1, '—')
        || t.verb(k - 1).is_some()
        || t.low(k - 1) == b"that";
    if introduced {
        QuoteKind::Full
    } else {
        QuoteKind::Partial
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `role_mentions` skips tokens that are no determiner before comparing words.
    #[test]
    fn role_openers_are_determiners() {
        for w in ["the", "his", "her", "their"] {
            assert!(is_role_opener(w));
            assert!(Lexicon::get().class_of(w).has(WordClass::DETERMINER), "{w}");
        }
    }

    /// The collapsed view token by token, as it was built before runs (perf pass 12): the
    /// oracle for `collapse_plan`. `Ok(i)` keeps token `i`; `Err` is a quotation's token.
    fn reference_plan(
        toks: &[Token],
        found: &[quotes::RawQuote],
        nicknames: &[quotes::RawQuote],
        tok_of: &mut [usize],
    ) -> Vec<Result<usize, Token>> {
        let mut keep: Vec<Result<usize, Token>> = Vec::new();
        let mut qi = 0;
        for (i, t) in toks.iter().enumerate() {
            if nicknames
                .iter()
                .any(|n| n.span.start <= t.span.start && t.span.end <= n.span.end)
            {
                continue;
            }
            while qi < found.len() && found[qi].span.end <= t.span.start {
                qi += 1;
            }
            if qi < found.len() && found[qi].span.start <= t.span.start {
                if !matches!(keep.last(), Some(Err(x)) if x.quote() == Some(qi)) {
                    tok_of[qi] = keep.len();
                    keep.push(Err(Token {
                        span: found[qi].span,
                        kind: TokKind::Quote(qi),
                    }));
                }
                continue;
            }
            keep.push(Ok(i));
        }
        keep
    }

    fn raw(a: usize, b: usize) -> quotes::RawQuote {
        quotes::RawQuote {
            span: Span::new(a, b),
            content: Span::new(a, b),
            rule: SpanRule::Paired,
            nested: Vec::new(),
            open_ended: false,
        }
    }

    proptest::proptest! {
        /// Tokens of one to three bytes with gaps, quotations and nicknames anywhere (even
        /// overlapping, or splitting a token).
        #[test]
        fn collapse_plan_agrees_with_the_token_by_token_view(
            lens in proptest::collection::vec((1usize..4, 0usize..3), 0..40),
            quotes in proptest::collection::vec((0usize..120, 1usize..30), 0..5),
            nicks in proptest::collection::vec((0usize..120, 1usize..10), 0..2),
        ) {
            let mut toks = Vec::new();
            let mut at = 0;
            for (len, gap) in lens {
                at += gap;
                toks.push(Token {
                    span: Span::new(at, at + len),
                    kind: TokKind::Word { cap: false, ascii: true },
                });
                at += len;
            }
            let mut found: Vec<_> = quotes.iter().map(|&(a, n)| raw(a, a + n)).collect();
            found.sort_by_key(|q| q.span.start);
            let nicknames: Vec<_> = nicks.iter().map(|&(a, n)| raw(a, a + n)).collect();
            let mut want_of = vec![0; found.len()];
            let want = reference_plan(&toks, &found, &nicknames, &mut want_of);
            let mut pieces = Vec::new();
            let mut got_of = vec![0; found.len()];
            collapse_plan(&toks, &found, &nicknames, &mut pieces, &mut got_of);
            let got: Vec<Result<usize, Token>> = pieces
                .iter()
                .flat_map(|p| match *p {
                    Piece::Run(a, b) => (a..b).map(Ok).collect::<Vec<_>>(),
                    Piece::Quote(q) => vec![Err(q)],
                })
                .collect();
            proptest::prop_assert_eq!(got, want);
            proptest::prop_assert_eq!(got_of, want_of);
        }
    }

    proptest::proptest! {
        /// From any start before the answer, the same point as a search of the whole list.
        #[test]
        fn partition_from_agrees_with_partition_point(
            mut ends in proptest::collection::vec(0usize..200, 0..40),
            at in 0usize..220,
            from in 0usize..40,
        ) {
            ends.sort_unstable();
            let want = ends.partition_point(|&e| e <= at);
            let from = from.min(want);
            proptest::prop_assert_eq!(partition_from(&ends, from, |&e| e <= at), want);
        }
    }

    /// `Toks::is_possessive_at` settles most tokens by their last byte: the same answers as the
    /// test of the whole word.
    #[test]
    fn possessive_test_agrees_with_the_word() {
        let text = "Trump’s aides said Sanders' plan, the boss's BOSS’S and Ross's (s) S ’s 's ’S.";
        with_toks(text, |t| {
            for (i, tok) in t.toks.iter().enumerate() {
                let w = tok.span.text(text);
                assert_eq!(t.is_possessive_at(i), tokens::is_possessive(w), "{w}");
            }
            assert!(!t.is_possessive_at(t.len()));
        });
    }

    /// Word tests compare `Toks::low` (bytes) with literals where they read `Toks::word`: both
    /// give the same lowercase form, for ASCII and non-ASCII words and out of range.
    #[test]
    fn low_bytes_are_the_word() {
        let text = "Of Borders, ÉCOLE Straße and İstanbul — who said “which” by WITH 3rd.";
        with_toks(text, |t| {
            for i in 0..=t.len() {
                assert_eq!(t.low(i), t.word(i).as_bytes(), "{i}");
            }
            assert_eq!(t.low(1), b"borders");
        });
    }

    /// The whole of `text` as one paragraph's tokens.
    fn with_toks(text: &str, check: impl FnOnce(&Toks)) {
        let mut store = TokStore::new(text);
        tokens::tokenize_into(text, Span::new(0, text.len()), &mut store.toks);
        let range = store.seal(text);
        check(&store.view(text, range));
    }

    /// `attribute` tests the function-word bit before comparing a word with "according".
    #[test]
    fn according_is_a_function_word() {
        assert!(Lexicon::get()
            .class_of("according")
            .has(WordClass::FUNCTION));
    }
}
