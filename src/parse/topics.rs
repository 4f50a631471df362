//! Topic tagging: the general lexicon of `assets/topics.txt`, plus salient phrases mined from the
//! document itself (multi-word proper nouns, repeated two-word terms).

use std::cell::Cell;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::lexicon::{word_parts, Keyword, Lexicon, Sieved, WordClass};
use super::phrases::Toks;
use super::tokens::strip_possessive_bytes;
use crate::model::{NarrowSpan, Span, Topic, TopicSource};

/// A word of the document for matching: its span and lowercase form, and what the mining rules
/// ask of it (computed once per word by [`words_of`]).
pub struct TopicWord<'a> {
    pub span: Span,
    /// The lowercase form's bytes (UTF-8): compared and hashed, never sliced by character.
    pub low: &'a [u8],
    /// May stand in a multi-word proper noun: capitalised, not for opening its sentence, and no
    /// function, title or nationality word or possessive.
    pub plain_cap: bool,
    /// May stand in a repeated two-word term: a lowercase content word of letters and hyphens.
    pub term: bool,
    /// Is the word as written the first word of an exact topic keyword (its class bit)?
    pub topic_start: bool,
}

/// Does keyword `kw` match the words from `i`? Its last word index if so. Its words are compared
/// from word `from`: the ones before are known to match.
fn keyword_matches(kw: &Keyword, words: &[TopicWord], i: usize, from: usize) -> Option<usize> {
    let n = kw.words.len();
    if i + n > words.len() {
        return None;
    }
    for (k, w) in kw.words.iter().enumerate().skip(from) {
        let got = words[i + k].low;
        let w = w.as_bytes();
        let ok = if k + 1 == n && kw.prefix {
            got.starts_with(w)
        } else {
            got == w || strip_possessive_bytes(got) == w
        };
        if !ok {
            return None;
        }
    }
    Some(i + n - 1)
}

/// A [`Tagger`]'s per-topic starts and hit list, kept for the thread's next document.
type TaggingLists = (Vec<usize>, Vec<(usize, usize)>);

thread_local! {
    /// The previous document's per-topic mention lists on this thread, emptied.
    static SPARE_MENTIONS: Cell<Vec<Vec<Span>>> = const { Cell::new(Vec::new()) };
    /// The previous document's word list on this thread, emptied (see [`recycle_words`]).
    static SPARE_WORDS: Cell<Vec<TopicWord<'static>>> = const { Cell::new(Vec::new()) };
    /// The previous document's tagging lists on this thread (see [`Tagger`]).
    static SPARE_TAGGING: Cell<TaggingLists> = const { Cell::new((Vec::new(), Vec::new())) };
    /// The previous document's phrase occurrence links on this thread, emptied.
    static SPARE_LINKS: Cell<Vec<(usize, usize)>> = const { Cell::new(Vec::new()) };
}

/// Salient phrases a document's topics may add to the lexicon's.
const MAX_MINED: usize = 8;
/// Mentions a topic's spare list may keep room for (16 bytes each).
const KEEP_MENTIONS: usize = 1 << 12;
/// Words the spare word list may keep room for (40 bytes each): a text of about 150 KB.
const KEEP_WORDS: usize = 1 << 15;
/// Occurrence links the spare list may keep room for (16 bytes each).
const KEEP_LINKS: usize = 1 << 15;

/// An empty list with `v`'s allocation, for words of another lifetime. The collect reuses the
/// allocation in place (the same type but for its lifetime) and yields nothing, `v` being empty.
// The `filter_map` changes the item type's lifetime, which a `filter` cannot.
#[allow(clippy::unnecessary_filter_map)]
fn empty_like<'b>(mut v: Vec<TopicWord<'_>>) -> Vec<TopicWord<'b>> {
    v.clear();
    v.into_iter().filter_map(|_| None).collect()
}

/// Gives a document's word list back to this thread for the next document's [`words_of`],
/// unless it grew too large to hold on to.
pub fn recycle_words(words: Vec<TopicWord<'_>>) {
    if words.capacity() <= KEEP_WORDS {
        SPARE_WORDS.set(empty_like(words));
    }
}

/// Topics of a document, from its words (in text order). `is_entity` says whether a proper-noun
/// phrase is a speaker or person, which is not a topic.
pub fn find(text: &str, words: &[TopicWord], is_entity: &dyn Fn(&[u8]) -> bool) -> Vec<Topic> {
    let lex = Lexicon::get();
    // This thread's per-topic lists from the previous document, emptied: their capacity is
    // kept, so a topic's mentions are pushed without growing a fresh list each time.
    let mut mentions = SPARE_MENTIONS.take();
    mentions.resize_with(lex.topics.len(), Vec::new);
    // This thread's per-topic starts and hit list from the previous document: refilled, not
    // allocated afresh.
    let (mut free, hits) = SPARE_TAGGING.take();
    free.clear();
    free.resize(lex.topics.len(), 0);
    let mut tagger = Tagger {
        lex,
        words,
        free,
        hits,
        mentions: &mut mentions,
    };
    for (i, word) in words.iter().enumerate() {
        let low = word.low;
        let w = strip_possessive_bytes(low);
        // The word's class answers for the word as written; a stripped possessive is sieved.
        let known = (w.len() == low.len()).then_some(word.topic_start);
        // Most words start no keyword: the sieves settle them here, and the rest are tagged out
        // of line, which keeps this loop's state in registers.
        if let Some(sieved) = lex.topic_index.sieve(w, known) {
            tagger.tag_at(i, w, sieved);
        }
    }
    // Both hold a few entries per topic of the lexicon, whatever the document.
    SPARE_TAGGING.set((tagger.free, tagger.hits));
    // Room for the lexicon's topics found and the mined ones at once: one allocation, not one
    // per doubling as they are collected and then pushed.
    let found = mentions.iter().filter(|m| !m.is_empty()).count();
    let mut topics: Vec<Topic> = Vec::with_capacity(found + MAX_MINED);
    topics.extend(
        lex.topics
            .iter()
            .zip(mentions.iter_mut())
            .filter(|(_, m)| !m.is_empty())
            .map(|(entry, m)| {
                let topic = Topic {
                    name: Arc::clone(&entry.name),
                    source: TopicSource::Lexicon,
                    count: m.len(),
                    paragraphs: 0,
                    quotes: 0,
                    mentions: m.iter().map(|&s| s.into()).collect(),
                };
                // A huge document's list is freed at once, not held on to.
                super::spare::fit(m, KEEP_MENTIONS);
                topic
            }),
    );
    SPARE_MENTIONS.set(mentions);
    topics.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    mine(text, words, is_entity, &mut topics);
    topics
}

/// Lexicon keyword mentions being gathered over a document's words.
struct Tagger<'t, 'w, 'a> {
    lex: &'t Lexicon,
    words: &'w [TopicWord<'a>],
    /// Per topic, the first word index a new mention may start at (mentions never overlap).
    free: Vec<usize>,
    /// Scratch: (topic, last word) of the keywords matching at one word.
    hits: Vec<(usize, usize)>,
    /// Per topic, its mentions so far.
    mentions: &'t mut [Vec<Span>],
}

impl Tagger<'_, '_, '_> {
    /// Records the keywords starting at word `i` (`w`, its possessive stripped, passed the
    /// sieves): per topic, its longest keyword there, unless a mention of the topic already
    /// covers the word.
    #[inline(never)]
    fn tag_at(&mut self, i: usize, w: &[u8], sieved: Sieved) {
        let Tagger {
            lex,
            words,
            free,
            hits,
            mentions,
        } = self;
        hits.clear();
        lex.topic_index.candidates(w, sieved, |t, k| {
            if i < free[t] {
                return;
            }
            // The index offers a keyword by its first word, matched by the word's stripped form
            // (equal to it, or for a prefix keyword starting with it); the word as written, which
            // the stripped form begins, matches it too: the comparison starts at the second word.
            if let Some(end) = keyword_matches(&lex.topics[t].keywords[k], words, i, 1) {
                hits.push((t, end));
            }
        });
        // The longest keyword of each topic wins (a single hit, the common case, needs no sort).
        if hits.len() > 1 {
            hits.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            hits.dedup_by_key(|h| h.0);
        }
        for &(t, end) in hits.iter() {
            mentions[t].push(Span::new(words[i].span.start, words[end].span.end));
            free[t] = end + 1;
        }
    }
}

/// Salient phrases of the document itself, after the lexicon's `topics` (a phrase equal to one
/// of their names is left out), at most [`MAX_MINED`].
#[inline(never)]
fn mine(
    text: &str,
    words: &[TopicWord],
    is_entity: &dyn Fn(&[u8]) -> bool,
    topics: &mut Vec<Topic>,
) {
    // Every occurrence of a phrase is chained to the next one through `links` (its first word's
    // index and the next occurrence's link): no string or list is built until a phrase is among
    // the chosen few, and no array as long as the text is filled beforehand.
    // This thread's previous document's links, emptied: one allocation per thread.
    let mut links = SPARE_LINKS.take();
    links.reserve(words.len() / 4);
    // Multi-word proper nouns: "Colonial Pipeline", "Air Force One".
    let mut names: HashMap<Phrase, Chain> =
        HashMap::with_capacity_and_hasher(words.len() / 24, Default::default());
    let mut i = 0;
    // To the next capitalised word in one scan: most words are not.
    while let Some(skip) = words
        .get(i..)
        .and_then(|rest| rest.iter().position(|w| w.plain_cap))
    {
        i += skip;
        let mut j = i;
        while j + 1 < words.len()
            && words[j + 1].plain_cap
            && words[j + 1].span.start - words[j].span.end == 1
        {
            j += 1;
        }
        if j > i {
            names
                .entry(Phrase(&words[i..=j]))
                .or_insert(Chain::new())
                .add(i, &mut links);
        }
        i = j + 1;
    }
    // Repeated lowercase two-word terms: "critical infrastructure".
    let mut terms: HashMap<(Low, Low), Chain> =
        HashMap::with_capacity_and_hasher(words.len() / 5, Default::default());
    for (k, pair) in words.windows(2).enumerate() {
        let [a, b] = pair else { continue };
        // The flags first: most words are no term, which settles the pair with one test.
        if a.term
            && b.term
            && b.span.start - a.span.end == 1
            && !a.low.ends_with(b"ed")
            && !a.low.ends_with(b"ing")
        {
            terms
                .entry((Low(a.low), Low(b.low)))
                .or_insert(Chain::new())
                .add(k, &mut links);
        }
    }
    // The candidates: repeated terms, and the proper nouns naming no person — a term replaces
    // the proper noun that lowercases to the same two words.
    // Room for a long phrase's joined words: one allocation, not one per doubling.
    let mut joined = Vec::with_capacity(64);
    // Room for every candidate at once: one allocation, not one per doubling.
    let mut mined: Vec<(Phrase, Chain, bool)> = Vec::with_capacity(terms.len() + names.len());
    for &c in terms.values() {
        if c.count >= 2 {
            let k = c.start(&links);
            mined.push((Phrase(&words[k..k + 2]), c, true));
        }
    }
    for (&p, &c) in &names {
        if let [a, b] = p.0 {
            if terms
                .get(&(Low(a.low), Low(b.low)))
                .is_some_and(|t| t.count >= 2)
            {
                continue;
            }
        }
        if !is_entity(p.join_bytes_into(&mut joined)) {
            mined.push((p, c, false));
        }
    }
    // The same order as the joined keys': no word holds a space, which sorts before any of
    // their characters.
    mined.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp_words(&b.0)));
    mined.truncate(MAX_MINED);
    for (phrase, chain, term) in mined {
        let key = phrase.join_into(&mut joined);
        if topics.iter().any(|t| t.name.eq_ignore_ascii_case(key)) {
            continue;
        }
        let n = phrase.0.len();
        // Narrow spans straight away, exactly `count` of them: the list becomes the topic's
        // without a copy or a shrink.
        let mut mentions: Vec<NarrowSpan> = Vec::with_capacity(chain.count);
        let mut first = None;
        let mut l = chain.first;
        while let Some(&(k, next)) = links.get(l) {
            let m = Span::new(words[k].span.start, words[k + n - 1].span.end);
            first.get_or_insert(m);
            mentions.push(m.into());
            l = next;
        }
        let name = if term {
            key
        } else {
            // Proper nouns keep their capitals as written.
            first.map_or("", |m| m.text(text))
        };
        topics.push(Topic {
            name: name.into(),
            source: TopicSource::Mined,
            count: mentions.len(),
            paragraphs: 0,
            quotes: 0,
            mentions: mentions.into_boxed_slice(),
        });
    }
    links.clear();
    if links.capacity() <= KEEP_LINKS {
        SPARE_LINKS.set(links);
    }
}

/// A word's lowercase bytes as the mining maps hash and compare them: by its length and its
/// first and last eight bytes ([`word_parts`], no loop over the bytes), which hold every byte of
/// a word of up to sixteen bytes; a longer word is compared in full.
#[derive(Clone, Copy)]
struct Low<'a>(&'a [u8]);

impl PartialEq for Low<'_> {
    fn eq(&self, other: &Self) -> bool {
        let n = self.0.len();
        n == other.0.len()
            && if n <= 16 {
                word_parts(self.0) == word_parts(other.0)
            } else {
                self.0 == other.0
            }
    }
}

impl Eq for Low<'_> {}

impl std::hash::Hash for Low<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let (a, b) = word_parts(self.0);
        state.write_u64(a);
        state.write_u64(b ^ (self.0.len() as u64) << 56);
    }
}

/// A phrase of the document by its words, equal to another with the same lowercase words.
#[derive(Clone, Copy)]
struct Phrase<'w, 'a>(&'w [TopicWord<'a>]);

impl PartialEq for Phrase<'_, '_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(other.0)
                .all(|(a, b)| Low(a.low) == Low(b.low))
    }
}

impl Eq for Phrase<'_, '_> {}

impl std::hash::Hash for Phrase<'_, '_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for w in self.0 {
            Low(w.low).hash(state);
        }
    }
}

impl Phrase<'_, '_> {
    /// The lowercase words joined by spaces, into `out`; checked as UTF-8 once, whole.
    fn join_into<'k>(&self, out: &'k mut Vec<u8>) -> &'k str {
        // Bytes of `str`s and spaces, so always UTF-8.
        std::str::from_utf8(self.join_bytes_into(out)).unwrap_or_default()
    }

    /// [`Phrase::join_into`] as bytes, unchecked: what the entity test of every candidate
    /// name reads.
    fn join_bytes_into<'k>(&self, out: &'k mut Vec<u8>) -> &'k [u8] {
        out.clear();
        for (n, w) in self.0.iter().enumerate() {
            if n > 0 {
                out.push(b' ');
            }
            out.extend_from_slice(w.low);
        }
        out
    }

    /// Compares as the joined strings would: word by word, a word before its extensions.
    fn cmp_words(&self, other: &Self) -> std::cmp::Ordering {
        self.0
            .iter()
            .map(|w| w.low)
            .cmp(other.0.iter().map(|w| w.low))
    }
}

/// A phrase's occurrences: the first and last of its links (a word index and the next link,
/// `usize::MAX` ending the chain) and how many.
#[derive(Clone, Copy)]
struct Chain {
    first: usize,
    last: usize,
    count: usize,
}

impl Chain {
    fn new() -> Self {
        Chain {
            first: usize::MAX,
            last: usize::MAX,
            count: 0,
        }
    }

    fn add(&mut self, k: usize, links: &mut Vec<(usize, usize)>) {
        let l = links.len();
        links.push((k, usize::MAX));
        match links.get_mut(self.last) {
            Some(prev) => prev.1 = l,
            None => self.first = l,
        }
        self.last = l;
        self.count += 1;
    }

    /// The word index of the first occurrence.
    fn start(&self, links: &[(usize, usize)]) -> usize {
        links.get(self.first).map_or(0, |&(k, _)| k)
    }
}

/// ASCII letters and the hyphen by byte, for `letters_or_hyphens`.
static ASCII_LETTER_OR_HYPHEN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphabetic() || b == b'-' as usize;
        b += 1;
    }
    t
};

/// `byte` in each of a word's eight lanes.
const fn lanes(byte: u8) -> u64 {
    0x0101_0101_0101_0101 * byte as u64
}

/// Are eight bytes all ASCII letters or hyphens? Each lane is range-tested by an addition that
/// sets its top bit, with no carry into the next lane once every byte is known to be ASCII.
fn ascii_letters_or_hyphens8(x: u64) -> bool {
    const TOP: u64 = lanes(0x80);
    if x & TOP != 0 {
        return false;
    }
    // Folded to lowercase: only 'A'..='Z' and 'a'..='z' land in 'a'..='z'.
    let y = x | lanes(0x20);
    let from_a = y + lanes(0x80 - b'a');
    let past_z = y + lanes(0x80 - b'z' - 1);
    let letter = from_a & !past_z;
    // A zero lane of `x ^ '-'` is a hyphen: its top bit stays clear in `nonzero`.
    let h = x ^ lanes(b'-');
    let nonzero = ((h & !TOP) + !TOP) | h;
    (letter | !nonzero) & TOP == TOP
}

/// [`letters_or_hyphens`] eight bytes at a time for a word of four bytes or more (overlapping
/// loads cover its tail); any other byte sends the word to the exact test.
fn letters_or_hyphens_fast(bytes: &[u8]) -> bool {
    let load8 = |b: &[u8]| u64::from_le_bytes(<[u8; 8]>::try_from(b).unwrap_or_default());
    let load4 = |b: &[u8]| {
        u64::from(u32::from_le_bytes(
            <[u8; 4]>::try_from(b).unwrap_or_default(),
        ))
    };
    let n = bytes.len();
    let ascii_letters = match n {
        8.. => {
            bytes
                .chunks_exact(8)
                .all(|c| ascii_letters_or_hyphens8(load8(c)))
                && ascii_letters_or_hyphens8(load8(&bytes[n - 8..]))
        }
        4..=7 => ascii_letters_or_hyphens8(load4(&bytes[..4]) | load4(&bytes[n - 4..]) << 32),
        _ => false,
    };
    ascii_letters || letters_or_hyphens(bytes)
}

/// Only letters and hyphens (`char::is_alphabetic`) in a word's UTF-8 bytes, bytewise for ASCII:
/// most words are.
fn letters_or_hyphens(bytes: &[u8]) -> bool {
    let mut p = 0;
    while p < bytes.len() && ASCII_LETTER_OR_HYPHEN[usize::from(bytes[p])] {
        p += 1;
    }
    match (p < bytes.len()).then_some(p) {
        None => true,
        // Everything before `p` is ASCII, so `p` is a character boundary.
        Some(p) if !bytes[p].is_ascii() => bytes
            .get(p..)
            .and_then(|rest| std::str::from_utf8(rest).ok())
            .is_some_and(|rest| rest.chars().all(|c| c.is_alphabetic() || c == '-')),
        Some(_) => false,
    }
}

/// Words of every paragraph's tokens (in text order) as [`TopicWord`]s, with sentence starts
/// marked.
pub fn words_of<'a>(paras: &'a [Toks], sentence_starts: &[usize]) -> Vec<TopicWord<'a>> {
    // This thread's previous list, emptied: one allocation per thread rather than per document.
    let mut out = empty_like(SPARE_WORDS.take());
    out.reserve(paras.iter().map(Toks::len).sum());
    // Paragraphs and sentence starts are both in text order: one cursor serves all paragraphs.
    let mut starts = StartCursor {
        starts: sentence_starts,
        next: 0,
    };
    for t in paras {
        for (tok, low, class) in t.words() {
            // Only capitals are asked for proper nouns, only lowercase words for terms.
            let (plain_cap, term) = if tok.is_cap() {
                (plain_cap(t.text, tok.span, low, class, &mut starts), false)
            } else {
                (false, is_term(low, class))
            };
            out.push(TopicWord {
                span: tok.span,
                low,
                plain_cap,
                term,
                topic_start: class.has(WordClass::TOPIC_START),
            });
        }
    }
    out
}

/// The sentence starts of a document and how far its words have been read through them.
struct StartCursor<'s> {
    starts: &'s [usize],
    /// The first start not before the last word asked about.
    next: usize,
}

impl StartCursor<'_> {
    /// Does a sentence start at `at`? Asked with `at` never decreasing.
    fn is_start(&mut self, at: usize) -> bool {
        while self.starts.get(self.next).is_some_and(|&s| s < at) {
            self.next += 1;
        }
        self.starts.get(self.next) == Some(&at)
    }
}

/// May a capitalised word stand in a multi-word proper noun ([`TopicWord::plain_cap`])? Out of
/// line: a fifth of the words are capitalised, and the lowercase ones' loop stays small.
#[inline(never)]
fn plain_cap(
    text: &str,
    span: Span,
    low: &[u8],
    class: WordClass,
    starts: &mut StartCursor,
) -> bool {
    // A capitalised first word of a sentence: its capital says nothing.
    let mut sentence_start = || starts.is_start(span.start) || after_opening(text, span.start);
    !class.has(WordClass::FUNCTION)
        && !class.has(WordClass::TITLE)
        && !class.is_nationality()
        && !low.ends_with("’s".as_bytes())
        && !low.ends_with(b"'s")
        && !sentence_start()
}

/// Does `text[..at].trim_end()` end in an opening quotation mark, a parenthesis or a colon?
/// ASCII whitespace is stepped over bytewise, and the ASCII byte before it, as most are, settles
/// it without decoding.
fn after_opening(text: &str, at: usize) -> bool {
    let before = text.as_bytes().get(..at).unwrap_or_default();
    let end = before
        .iter()
        .rposition(|&b| !matches!(b, b' ' | b'\t'..=b'\r'))
        .map_or(0, |p| p + 1);
    match before.get(..end).and_then(<[u8]>::last) {
        None => false,
        Some(&b) if b.is_ascii() => matches!(b, b'"' | b'(' | b':'),
        // After a non-ASCII byte, `end` is a character boundary still: the exact test.
        Some(_) => text
            .get(..end)
            .is_some_and(|t| t.trim_end().ends_with(['“', '"', '‘', '(', ':'])),
    }
}

/// May a lowercase word stand in a repeated two-word term ([`TopicWord::term`])? The lexicon
/// bits first: the character scan is the dearest test.
#[inline]
fn is_term(low: &[u8], class: WordClass) -> bool {
    low.len() >= 4
        && !class.has(WordClass::FUNCTION)
        && class.verb.is_none()
        && !low.ends_with(b"ly")
        && letters_or_hyphens_fast(low)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entity test reads a phrase's joined bytes: the bytes of its joined string.
    #[test]
    fn joined_bytes_are_the_joined_string() {
        let word = |low: &'static str| TopicWord {
            span: Span::new(0, 0),
            low: low.as_bytes(),
            plain_cap: true,
            term: false,
            topic_start: false,
        };
        let words = [
            word("colonial"),
            word("pipeline"),
            word("ñandú"),
            word("one"),
        ];
        let mut buf = Vec::new();
        for a in 0..words.len() {
            for b in a + 1..=words.len() {
                let p = Phrase(&words[a..b]);
                let joined: Vec<&str> = words[a..b]
                    .iter()
                    .map(|w| std::str::from_utf8(w.low).unwrap_or_default())
                    .collect();
                let joined = joined.join(" ");
                assert_eq!(p.join_bytes_into(&mut buf), joined.as_bytes());
                assert_eq!(p.join_into(&mut buf), joined);
            }
        }
    }

    /// Tagging compares an offered keyword from its second word: over every keyword's first
    /// word as written, with a possessive and extended, before its own words and another
    /// keyword's, that agrees with comparing every word.
    #[test]
    fn offered_keywords_match_from_their_second_word() {
        let lex = Lexicon::get();
        let keywords: Vec<&Keyword> = lex.topics.iter().flat_map(|t| &t.keywords).collect();
        let mut texts: Vec<Vec<String>> = Vec::new();
        for (n, kw) in keywords.iter().enumerate() {
            let other = keywords[(n * 7 + 3) % keywords.len()];
            let Some(first) = kw.words.first() else {
                continue;
            };
            for head in [
                first.clone(),
                format!("{first}’s"),
                format!("{first}'s"),
                format!("{first}s"),
                format!("{first}ment"),
            ] {
                for rest in [&kw.words[1..], other.words.get(1..).unwrap_or_default()] {
                    let mut t = vec![head.clone()];
                    t.extend(rest.iter().cloned());
                    texts.push(t.clone());
                    t.truncate(1);
                    texts.push(t);
                }
            }
        }
        let mut offered = 0;
        for text in &texts {
            let words: Vec<TopicWord> = text
                .iter()
                .map(|w| TopicWord {
                    span: Span::new(0, 0),
                    low: w.as_bytes(),
                    plain_cap: false,
                    term: false,
                    topic_start: false,
                })
                .collect();
            let w = strip_possessive_bytes(words[0].low);
            let Some(sieved) = lex.topic_index.sieve(w, None) else {
                continue;
            };
            lex.topic_index.candidates(w, sieved, |t, k| {
                let kw = &lex.topics[t].keywords[k];
                offered += 1;
                assert_eq!(
                    keyword_matches(kw, &words, 0, 1),
                    keyword_matches(kw, &words, 0, 0),
                    "{:?} at {text:?}",
                    kw.words
                );
            });
        }
        assert!(offered > 1000, "{offered}");
    }

    #[test]
    fn fast_letters_test_agrees_with_the_exact_one() {
        let words: [&[u8]; 14] = [
            b"word",
            b"words",
            b"off-limits",
            b"infrastructure",
            b"covid19",
            b"abc\r",
            b"don't",
            b"u.s.a",
            b"zzzz{",
            b"@abc",
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            b"a`bc",
            "caf\u{e9}s".as_bytes(),
            "na\u{ef}ve-ly".as_bytes(),
        ];
        for w in words {
            assert_eq!(letters_or_hyphens_fast(w), letters_or_hyphens(w), "{w:?}");
        }
        // Every byte in every lane position.
        for b in 0..=255u8 {
            for at in 0..9 {
                let mut w = *b"abcdefghi";
                w[at] = b;
                assert_eq!(
                    letters_or_hyphens_fast(&w),
                    letters_or_hyphens(&w),
                    "{b} at {at}"
                );
                assert_eq!(
                    letters_or_hyphens_fast(&w[..5]),
                    letters_or_hyphens(&w[..5]),
                    "{b} at {at}"
                );
            }
        }
    }

    proptest::proptest! {
        /// Words equal as `Low`s are equal as bytes (and hash alike), at every length around the
        /// sixteen bytes the parts hold.
        #[test]
        fn low_equality_is_byte_equality(
            a in proptest::collection::vec(proptest::sample::select(b"ab-\xc3\xa9".to_vec()), 0..20),
            b in proptest::collection::vec(proptest::sample::select(b"ab-\xc3\xa9".to_vec()), 0..20),
        ) {
            use std::hash::BuildHasher;
            let hash = |w: &[u8]| rustc_hash::FxBuildHasher.hash_one(Low(w));
            proptest::prop_assert_eq!(Low(&a) == Low(&b), a == b);
            proptest::prop_assert_eq!(Low(&a) == Low(&a), true);
            proptest::prop_assert_eq!(hash(&a), hash(&a.clone()));
        }
    }

    #[test]
    fn after_opening_agrees_with_trimming() {
        let pieces = [
            "", " ", "\t", "\n", "\u{a0}", "\u{2003}", "a", "“", "”", "\"", "‘", "’", "(", ")",
            ":", ";", "é", "—",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    let want = text.trim_end().ends_with(['“', '"', '‘', '(', ':']);
                    assert_eq!(after_opening(&text, text.len()), want, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn empty_like_keeps_the_allocation() {
        let v: Vec<TopicWord<'static>> = Vec::with_capacity(100);
        let ptr = v.as_ptr() as usize;
        let w = empty_like(v);
        assert!(w.is_empty());
        assert_eq!(w.capacity(), 100);
        assert_eq!(w.as_ptr() as usize, ptr);
    }
}
