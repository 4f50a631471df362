//! Fuzzy search over every quote of every open document. Kept pure (no terminal, no state) so it
//! can be benchmarked, run on a worker thread, and checked against the naive full scan.
//!
//! Ranking is fuzzy-matcher's `SkimMatcherV2` (smart case): each whitespace-separated word of the
//! query is scored on its own and the scores add up; an entry must match every word. The
//! [`Searcher`] gives the same scores and order as [`search_naive`] (one matcher per quote and
//! word, every entry scored) but does less work:
//! - haystacks sit in one arena, each with summary bits (letters present, letters at word
//!   starts, the first byte) that reject an entry or bound its score without reading its text;
//! - a byte-level subsequence test rejects most of the rest before any scoring;
//! - scores come from [`skim_score`], the same dynamic programme as skim's without the per-call
//!   allocation and without the columns after the last possible match;
//! - a query that extends the previous one (`cy` → `cyb`, `putin` → `putin c`) only rescans the
//!   previous matches, resuming each byte test where the shorter word's stopped, and starts from
//!   the shorter query's score or bound plus the most the new letters can add;
//! - only the best [`HIT_LIMIT`] are scored exactly and given matched positions (top-k
//!   selection against a floor seeded by the previous query's best);
//! - entries are tested in parallel with rayon.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;

use crate::model::{Document, Span};
use crate::sanitize;

/// Ranked results kept per query: the overlay lists these; the total is always exact.
pub const HIT_LIMIT: usize = 100;

/// What a quote is matched against: `"Speaker: quoted words"`, kept in [`SearchIndex::text`].
#[derive(Debug, Clone)]
pub struct Entry {
    pub doc: usize,
    pub quote: usize,
    /// Characters of the speaker part, including the `": "` separator.
    pub prefix_chars: usize,
    /// Byte range of the haystack in the index's text.
    start: usize,
    end: usize,
    summary: Summary,
}

/// What the scan learns about a haystack without reading it.
#[derive(Debug, Clone, Copy)]
struct Summary {
    /// [`letter_bit`] of every byte: a word whose bits are not all here cannot match.
    present: u64,
    /// [`letter_bit`] of every ASCII char with a positive in-place bonus (a word start, a camel
    /// hump): where a word's first char can score more than a plain match. Upper-case letters
    /// apart from the rest, so the case-mismatch penalty is known too.
    heads: u64,
    heads_upper: u64,
    /// The first byte, which gets the doubled first-char bonus (0x80 when not ASCII).
    lead: u8,
}

impl Summary {
    fn of(hay: &str) -> Summary {
        let present = hay.bytes().fold(0, |m, b| m | letter_bit(b));
        let (mut heads, mut heads_upper) = (0, 0);
        let mut prev = CharType::Empty;
        for c in hay.chars() {
            let t = CharType::of(c);
            if c.is_ascii() && in_place_bonus(prev, t) > 0 {
                if c.is_ascii_uppercase() {
                    heads_upper |= letter_bit(c as u8);
                } else {
                    heads |= letter_bit(c as u8);
                }
            }
            prev = t;
        }
        Summary {
            present,
            heads,
            heads_upper,
            lead: hay.bytes().next().filter(u8::is_ascii).unwrap_or(0x80),
        }
    }
}

/// One of 64 bits per byte, the same for both cases of an ASCII letter: letters and digits get
/// their own bit, other bytes share the rest. Equal under skim's char equality implies equal bit.
fn letter_bit(b: u8) -> u64 {
    let b = b.to_ascii_lowercase();
    let i = match b {
        b'a'..=b'z' => b - b'a',
        b'0'..=b'9' => 26 + (b - b'0'),
        _ => 36 + b % 28,
    };
    1 << i
}

#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// In document order, so a document's entries are contiguous.
    pub entries: Vec<Entry>,
    /// Every haystack, one after another: one allocation instead of one per quote, and a scan
    /// reads memory in order.
    text: String,
    /// Documents indexed so far (`docs[..docs]`).
    pub docs: usize,
}

impl SearchIndex {
    pub fn build(docs: &[Document]) -> SearchIndex {
        let mut index = SearchIndex::default();
        index.extend(docs);
        index
    }

    /// Indexes the documents not indexed yet (documents arrive in batches while an archive loads;
    /// earlier entries keep their numbers).
    pub fn extend(&mut self, docs: &[Document]) {
        for (d, doc) in docs.iter().enumerate().skip(self.docs) {
            for (q, quote) in doc.quotes.iter().enumerate() {
                self.push(d, q, doc.speaker_name(quote), doc.slice(quote.content));
            }
        }
        self.docs = self.docs.max(docs.len());
    }

    /// An index over bare `(speaker, words)` pairs, all in document 0 (benchmarks and tests at
    /// scales where parsing a corpus first would only add time).
    pub fn from_quotes(quotes: &[(Option<String>, String)]) -> SearchIndex {
        let mut index = SearchIndex {
            docs: 1,
            ..SearchIndex::default()
        };
        for (i, (s, w)) in quotes.iter().enumerate() {
            index.push(0, i, s.as_deref(), w);
        }
        index
    }

    fn push(&mut self, doc: usize, quote: usize, speaker: Option<&str>, words: &str) {
        let start = self.text.len();
        let speaker = speaker.unwrap_or("Unattributed");
        self.text
            .extend(speaker.chars().map(sanitize::clean_char_keep));
        self.text.push_str(": ");
        let prefix_chars = self.text[start..].chars().count();
        // One char per source char, so match positions map back into the article.
        self.text
            .extend(words.chars().map(sanitize::clean_char_keep));
        let summary = Summary::of(&self.text[start..]);
        self.entries.push(Entry {
            doc,
            quote,
            prefix_chars,
            start,
            end: self.text.len(),
            summary,
        });
    }

    /// The text entry `e` is matched against.
    pub fn haystack(&self, e: &Entry) -> &str {
        self.text.get(e.start..e.end).unwrap_or("")
    }

    /// Entry `e`'s haystack as bytes, without the char-boundary checks of [`Self::haystack`].
    fn haystack_bytes(&self, e: &Entry) -> &[u8] {
        self.text.as_bytes().get(e.start..e.end).unwrap_or(&[])
    }

    /// Bytes of every haystack together.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// The entries of document `d`.
    fn doc_range(&self, d: usize) -> std::ops::Range<usize> {
        let lo = self.entries.partition_point(|e| e.doc < d);
        let hi = self.entries.partition_point(|e| e.doc <= d);
        lo..hi
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

/// The outcome of one query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResult {
    pub query: String,
    /// Every matching entry.
    pub total: usize,
    /// The best [`HIT_LIMIT`], best first (ties in entry order).
    pub hits: Vec<Hit>,
}

/// The reference: every entry scored by a fresh `SkimMatcherV2` per word, all matches sorted.
///
/// A fresh matcher each time, because skim 0.3.7 reuses a scratch matrix between calls and reads
/// one cell's `bonus` before writing it, so a shared matcher's score for a quote can depend on the
/// quote scored before it (measured: 119 vs 115 for "attack" on a seed sentence). Scoring each
/// quote on its own is the only order-independent definition.
pub fn search_naive(index: &SearchIndex, query: &str) -> Vec<Hit> {
    let terms: Vec<&str> = query.split_whitespace().collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit> = index
        .entries
        .par_iter()
        .enumerate()
        .filter_map(|(i, _)| hit_with_indices(index, i, &terms))
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
    hits
}

/// Scores entry `i` with skim itself (one fresh matcher per word), with matched positions.
fn hit_with_indices(index: &SearchIndex, i: usize, terms: &[&str]) -> Option<Hit> {
    let e = index.entries.get(i)?;
    let mut score = 0;
    let mut indices = Vec::new();
    for t in terms {
        let (s, idx) = SkimMatcherV2::default()
            .smart_case()
            .fuzzy_indices(index.haystack(e), t)?;
        score += s;
        indices.extend(idx);
    }
    indices.sort_unstable();
    indices.dedup();
    Some(Hit {
        entry: i,
        doc: e.doc,
        quote: e.quote,
        score,
        indices,
    })
}

/// Every entry matching all words of `query`, best first: the naive scan's order, computed the
/// fast way. Kept for callers that want every hit at once (tests, small indexes).
pub fn search(index: &SearchIndex, query: &str) -> Vec<Hit> {
    let terms: Vec<&str> = query.split_whitespace().collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let candidates = fresh(0..index.entries.len());
    let (_, top) = run(index, &terms, Plan::default(), &candidates, &[], usize::MAX);
    top.iter()
        .filter_map(|m| hit_with_indices(index, m.entry as usize, &terms))
        .collect()
}

/// An entry to test, and what an earlier query learnt about it. Enough to resume the byte test
/// without reading the entry itself: one cache miss fewer per candidate.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    id: u32,
    /// The query's score for the entry, or an upper bound of it when the entry could not reach
    /// the best `k` (extending a word adds at most a known amount to it: see [`Plan::grow`]).
    bound: i32,
    /// Offset in the index's text where the greedy match of the query's last word ended
    /// ([`FRESH`] when nothing is known about the entry, or offsets do not fit).
    at: u32,
    /// Offset in the index's text where the entry's haystack ends.
    stop: u32,
}

const FRESH: u32 = u32::MAX;

/// Entries in `range`, nothing known about them.
fn fresh(range: std::ops::Range<usize>) -> Vec<Candidate> {
    range
        .filter_map(|i| u32::try_from(i).ok())
        .map(|id| Candidate {
            id,
            bound: i32::MAX,
            at: FRESH,
            stop: FRESH,
        })
        .collect()
}

/// A scored entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Match {
    score: i64,
    entry: u32,
}

impl Match {
    /// Ranking order: higher score first, then lower entry.
    fn rank(&self, other: &Match) -> std::cmp::Ordering {
        other
            .score
            .cmp(&self.score)
            .then(self.entry.cmp(&other.entry))
    }
}

impl Ord for Match {
    /// The worse match is the greater, so a max-heap keeps the worst on top.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank(other)
    }
}

impl PartialOrd for Match {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A previous query and every entry it matched.
#[derive(Debug)]
struct Cached {
    terms: Vec<String>,
    /// Entries that existed when it ran; later ones were not looked at.
    entries: usize,
    /// Ascending, each with the end of its last word's greedy byte match.
    matches: Vec<Candidate>,
    /// Its best [`HIT_LIMIT`], reused when the same words come again (a space was typed).
    top: Vec<Match>,
}

/// What narrowing knows about a candidate that is not [`FRESH`].
#[derive(Debug, Clone, Copy, Default)]
struct Plan {
    /// Words `..known` are unchanged from the earlier query, which the candidate matched.
    known: usize,
    /// The word whose greedy byte match resumes at the candidate's recorded end, and how many of
    /// its bytes were matched there.
    resume: Option<(usize, usize)>,
    /// The most the extended word's new chars add to the score. Any alignment of the longer
    /// word starts with one of the shorter word, scored the same, and each further char adds
    /// at most 16 plus [`Pattern::extra`]; so the recorded bound plus this, plus the
    /// [`Pattern::quick_bound`] of each added word, bounds the new score. `None` when smart case
    /// changed (the recorded bound was for other scoring rules).
    grow: Option<i32>,
}

impl Plan {
    /// True when, of `words` words, only the last one needs testing, from where it stopped.
    fn resume_only(&self, words: usize) -> bool {
        words > 0 && self.known == words - 1 && self.resume.is_some_and(|(r, _)| r == words - 1)
    }
}

/// Runs queries, reusing the previous ones' matches while a query is being typed.
#[derive(Debug, Default)]
pub struct Searcher {
    /// Most recent last.
    cache: Vec<Cached>,
}

/// Earlier queries kept for narrowing and for Backspace.
const CACHED_QUERIES: usize = 8;

impl Searcher {
    pub fn new() -> Searcher {
        Searcher::default()
    }

    /// Forgets every earlier query (the index was replaced, not extended).
    pub fn clear(&mut self) {
        self.cache.clear();
    }

    pub fn search(&mut self, index: &SearchIndex, query: &str) -> SearchResult {
        let terms: Vec<&str> = query.split_whitespace().collect();
        let mut out = SearchResult {
            query: query.to_string(),
            ..SearchResult::default()
        };
        if terms.is_empty() {
            return out;
        }
        let n = index.entries.len();
        // The same words as a cached query over the same entries (a space typed, Backspace).
        if let Some(c) = self
            .cache
            .iter()
            .rev()
            .find(|c| c.entries == n && c.terms.iter().eq(terms.iter()))
        {
            out.total = c.matches.len();
            out.hits = c
                .top
                .iter()
                .filter_map(|m| hit_with_indices(index, m.entry as usize, &terms))
                .collect();
            return out;
        }
        // Candidates: the matches of the most recent earlier query that contains this one's
        // (plus entries added since), else every entry.
        // Its best, scored first, give the scan a floor from the start.
        let (candidates, plan, seeds) =
            match self.cache.iter().rposition(|c| narrows(&c.terms, &terms)) {
                Some(b) => {
                    let c = &self.cache[b];
                    let mut ids = c.matches.clone();
                    ids.extend(fresh(c.entries..n));
                    (ids, resume_plan(&c.terms, &terms), c.top.as_slice())
                }
                None => (fresh(0..n), Plan::default(), &[][..]),
            };
        let (matches, top) = run(index, &terms, plan, &candidates, seeds, HIT_LIMIT);
        drop(candidates);
        out.total = matches.len();
        out.hits = top
            .iter()
            .filter_map(|m| hit_with_indices(index, m.entry as usize, &terms))
            .collect();
        if self.cache.len() >= CACHED_QUERIES {
            self.cache.remove(0);
        }
        self.cache.push(Cached {
            terms: terms.iter().map(|t| t.to_string()).collect(),
            entries: n,
            matches,
            top,
        });
        out
    }
}

/// Every hit of `query` in document `d`, best first (for `n`/`N` after a search, which should
/// reach all of the document's matches, not only those among the overall best).
pub fn hits_in_doc(index: &SearchIndex, query: &str, d: usize) -> Vec<Hit> {
    let terms: Vec<&str> = query.split_whitespace().collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit> = index
        .doc_range(d)
        .filter_map(|i| hit_with_indices(index, i, &terms))
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
    hits
}

/// True when every entry matching `new` also matches `old`: the same words except the last old
/// one, which the new query extends (`cy` → `cyb`), followed by any further words. Extending a
/// word keeps it a subsequence, and an upper-case letter only makes matching stricter.
fn narrows(old: &[String], new: &[&str]) -> bool {
    let Some((last, fixed)) = old.split_last() else {
        return false;
    };
    new.len() >= old.len()
        && fixed.iter().zip(new).all(|(a, b)| a == b)
        && new[fixed.len()].starts_with(last.as_str())
}

/// What the matches of `old` (which [`narrows`] to `new`) tell about `new`: the fixed words
/// match, and the extended word's greedy match can resume where the old word's ended — greedy
/// leftmost matching of `ab` is that of `a` followed by `b` — unless smart case changed with the
/// extension (a case-sensitive match may start later than the insensitive one).
fn resume_plan(old: &[String], new: &[&str]) -> Plan {
    let Some(last) = old.len().checked_sub(1) else {
        return Plan::default();
    };
    let (Some(o), Some(w)) = (old.get(last), new.get(last)) else {
        return Plan::default();
    };
    let (o, w) = (Pattern::new(o), Pattern::new(w));
    let same_case = o.sensitive == w.sensitive;
    let from = o.chars.len().max(1);
    let grow: i32 = w
        .chars
        .get(from - 1..)
        .unwrap_or(&[])
        .windows(2)
        .map(|p| SCORE_MATCH + Pattern::extra(w.sensitive, p[0], p[1]))
        .sum();
    Plan {
        known: last,
        resume: same_case.then_some((last, o.bytes.len())),
        grow: same_case.then_some(grow),
    }
}

/// Fewest entries per rayon task: large enough that scheduling costs nothing next to the work,
/// and that a task's own best `k` fill early so that most of its entries are never scored.
const CHUNK: usize = 4096;

/// Every candidate matching all `terms` (ascending, with the end of the last word's greedy byte
/// match), and the best `k` of them, sorted.
///
/// Each task keeps its own best `k` in a heap; an entry is only scored when its upper bounds
/// ([`Pattern::quick_bound`] from the entry's summary bits, then [`Pattern::upper_bound`] from
/// its text) could still beat the task's `k`-th (entries come in ascending order, so a tie with
/// the `k`-th never wins). The overall best `k` are among the tasks' best.
fn run(
    index: &SearchIndex,
    terms: &[&str],
    plan: Plan,
    candidates: &[Candidate],
    seeds: &[Match],
    k: usize,
) -> (Vec<Candidate>, Vec<Match>) {
    let pats: Vec<Pattern> = terms.iter().map(|t| Pattern::new(t)).collect();
    let need = pats.iter().fold(0, |m, p| m | p.need);
    let exact_prefilter = pats.iter().all(|p| p.bytes.is_ascii());
    let all_exact = pats.iter().all(Pattern::bound_is_score);
    // One lower-case letter or digit: the presence bit is the whole test, so a first keystroke
    // over every entry reads no text.
    let bit_only = match pats.as_slice() {
        [p] => {
            !p.sensitive
                && matches!(p.bytes.as_slice(), [b] if b.is_ascii_lowercase() || b.is_ascii_digit())
        }
        _ => false,
    };
    // A few tasks per thread: enough to balance, few enough that each fills its best `k` once.
    let chunk = CHUNK.max(candidates.len() / (4 * rayon::current_num_threads()).max(1));
    // The best `k`-th score any task has seen: nothing scoring below it can make the overall
    // best `k`, so every task prunes against it too.
    let floor = std::sync::atomic::AtomicI64::new(seed_floor(index, &pats, seeds, k));
    let text = index.text.as_bytes();
    let parts: Vec<(Vec<Candidate>, Vec<Match>)> = candidates
        .par_chunks(chunk)
        .map_init(Scratch::default, |s, chunk| {
            let mut matched = Vec::new();
            let mut best: std::collections::BinaryHeap<Match> = Default::default();
            for group in chunk.chunks(TOUCH_GROUP) {
                touch(index, text, group, plan.resume_only(pats.len()));
                for &c in group {
                    let known = c.at != FRESH;
                    // Only the last word resumes: the entry itself is not needed for the test.
                    let resume_only = known && plan.resume_only(pats.len());
                    let (start, stop) = if resume_only {
                        (c.at as usize, c.stop as usize)
                    } else {
                        let Some(e) = index.entries.get(c.id as usize) else {
                            continue;
                        };
                        if e.summary.present & need != need {
                            continue;
                        }
                        (e.start, e.end)
                    };
                    // `usize::MAX`: matched, but where is not known (recorded as fresh).
                    let end = if !known && bit_only {
                        usize::MAX
                    } else {
                        match greedy_end(&pats, plan, text.get(..stop).unwrap_or(&[]), start, c) {
                            Some(end) => end,
                            None => continue,
                        }
                    };
                    let inherited = match plan.grow {
                        Some(grow) if known => Some(c.bound as i64 + grow as i64),
                        _ => None,
                    };
                    let record = |bound: i64| Candidate {
                        id: c.id,
                        // Saturating keeps it an upper bound.
                        bound: i32::try_from(bound).unwrap_or(i32::MAX),
                        at: u32::try_from(end)
                            .ok()
                            .filter(|_| u32::try_from(stop).is_ok())
                            .unwrap_or(FRESH),
                        stop: u32::try_from(stop).unwrap_or(FRESH),
                    };
                    let shared = floor.load(std::sync::atomic::Ordering::Relaxed);
                    let full = best.len() >= k;
                    let beaten = |bound: i64, worst: Option<&Match>| {
                        rank_key(bound, c.id) < shared
                            || (full && worst.is_some_and(|w| bound <= w.score))
                    };
                    // The recorded bound alone, when no word was added, rejects most entries
                    // before their entry is read (non-ASCII words are checked by chars below,
                    // which needs it).
                    if let (Some(b), true, true) = (inherited, resume_only, exact_prefilter) {
                        if (full || shared > i64::MIN) && beaten(b, best.peek()) {
                            matched.push(record(b));
                            continue;
                        }
                    }
                    let Some(e) = index.entries.get(c.id as usize) else {
                        continue;
                    };
                    let bytes = index.haystack_bytes(e);
                    let loaded = if exact_prefilter {
                        false
                    } else {
                        // A non-ASCII word: the byte test is only necessary; check by chars.
                        s.load(index.haystack(e));
                        if !pats.iter().all(|p| first_matches(s, p)) {
                            continue;
                        }
                        true
                    };
                    // The score, or a bound of it that cannot make the best `k`.
                    let ranked: i64 = 'rank: {
                        if full || shared > i64::MIN {
                            let mut bound: i64 =
                                pats.iter().map(|p| p.quick_bound(&e.summary) as i64).sum();
                            if let Some(b) = inherited {
                                let added: i64 = pats
                                    .iter()
                                    .skip(plan.known + 1)
                                    .map(|p| p.quick_bound(&e.summary) as i64)
                                    .sum();
                                bound = bound.min(b + added);
                            }
                            if beaten(bound, best.peek()) {
                                break 'rank bound;
                            }
                            bound =
                                bound.min(pats.iter().map(|p| p.upper_bound(bytes) as i64).sum());
                            if beaten(bound, best.peek()) {
                                break 'rank bound;
                            }
                        }
                        if !loaded && !all_exact {
                            s.load(index.haystack(e));
                        }
                        let mut score = 0i64;
                        for p in &pats {
                            score += if p.bound_is_score() {
                                p.upper_bound(bytes)
                            } else {
                                skim_score(s, p).unwrap_or(NEG)
                            } as i64;
                        }
                        let m = Match { score, entry: c.id };
                        if best.len() < k {
                            best.push(m);
                        } else if best.peek().is_some_and(|w| m < *w) {
                            best.pop();
                            best.push(m);
                        }
                        if best.len() >= k {
                            if let Some(w) = best.peek() {
                                floor.fetch_max(
                                    rank_key(w.score, w.entry),
                                    std::sync::atomic::Ordering::Relaxed,
                                );
                            }
                        }
                        score
                    };
                    matched.push(record(ranked));
                }
            }
            (matched, best.into_vec())
        })
        .collect();
    let mut matches = Vec::with_capacity(parts.iter().map(|p| p.0.len()).sum());
    let mut top = Vec::new();
    for (m, b) in parts {
        matches.extend(m);
        top.extend(b);
    }
    top.sort_unstable();
    top.truncate(k);
    (matches, top)
}

/// A match's rank as one number, larger for better: score first, then the lower entry. Lets
/// tasks share the `k`-th best so far in one atomic, ties included.
fn rank_key(score: i64, entry: u32) -> i64 {
    score
        .clamp(i32::MIN as i64, i32::MAX as i64)
        .wrapping_shl(32)
        | (u32::MAX - entry) as i64
}

/// The [`rank_key`] of the `k`-th best among `seeds` (the previous query's best, most of
/// which usually match again) scored for this query: `k` real matches that good mean nothing
/// ranked below can make the best `k`. `i64::MIN` when fewer than `k` of them match.
fn seed_floor(index: &SearchIndex, pats: &[Pattern], seeds: &[Match], k: usize) -> i64 {
    if seeds.len() < k {
        return i64::MIN;
    }
    let mut s = Scratch::default();
    let mut keys: Vec<i64> = seeds
        .iter()
        .filter_map(|m| {
            let e = index.entries.get(m.entry as usize)?;
            let bytes = index.haystack_bytes(e);
            if !pats.iter().all(|p| p.match_from(bytes, 0, 0).is_some()) {
                return None;
            }
            s.load(index.haystack(e));
            let mut score = 0i64;
            for p in pats {
                score += skim_score(&mut s, p)? as i64;
            }
            Some(rank_key(score, m.entry))
        })
        .collect();
    if keys.len() < k {
        return i64::MIN;
    }
    keys.sort_unstable_by(|a, b| b.cmp(a));
    keys.get(k - 1).copied().unwrap_or(i64::MIN)
}

/// Candidates read together by [`touch`].
const TOUCH_GROUP: usize = 16;

/// Reads one byte of each candidate's text (and its entry when the test needs it) before any
/// is tested. Narrowed candidates are scattered through the index, so each read is a cache
/// miss; issued together they overlap, instead of each test waiting for its own.
fn touch(index: &SearchIndex, text: &[u8], group: &[Candidate], resume_only: bool) {
    let mut sum = 0u8;
    for c in group {
        if c.at != FRESH {
            sum ^= text.get(c.at as usize).copied().unwrap_or(0);
        }
        if c.at == FRESH || !resume_only {
            sum ^= index
                .entries
                .get(c.id as usize)
                .map_or(0, |e| e.summary.lead);
        }
    }
    std::hint::black_box(sum);
}

/// The byte test for every word, as narrowing allows: words known to match are skipped, the
/// extended word resumes where the candidate's match ended, the others are matched from
/// `start`. `text` ends where the haystack does. The offset after the last word's match, or
/// `None` when a word's bytes are not a subsequence.
fn greedy_end(
    pats: &[Pattern],
    plan: Plan,
    text: &[u8],
    start: usize,
    c: Candidate,
) -> Option<usize> {
    let known = c.at != FRESH;
    let mut end = start;
    for (i, p) in pats.iter().enumerate() {
        if known && i < plan.known {
            continue;
        }
        let (from, done) = match plan.resume {
            Some((r, done)) if known && r == i => (c.at as usize, done),
            _ => (start, 0),
        };
        end = p.match_from(text, from, done)?;
    }
    Some(end)
}

/// Skim's `cheap_matches` on the loaded choice: the greedy first position of every pattern
/// char, into `s.first`; false when the pattern is not a subsequence.
fn first_matches(s: &mut Scratch, p: &Pattern) -> bool {
    s.first.clear();
    let m = p.chars.len();
    let mut pi = 0;
    for (j, &c) in s.chars.iter().enumerate() {
        if pi == m {
            break;
        }
        if match_score(c, p.chars[pi], p.sensitive).is_some() {
            s.first.push(j);
            pi += 1;
        }
    }
    pi == m
}

/// One query word, prepared once per query.
#[derive(Debug)]
struct Pattern {
    chars: Vec<char>,
    /// Skim's smart case: an ASCII upper-case letter makes the word case-sensitive.
    sensitive: bool,
    /// UTF-8 bytes of the word, ASCII-lower-cased unless sensitive.
    bytes: Vec<u8>,
    /// [`letter_bit`] of every byte: an entry must have them all.
    need: u64,
    /// What chars `1..` add at most to a score (see [`Self::upper_bound`]), and chars `2..`.
    tails: [i32; 2],
}

impl Pattern {
    fn new(t: &str) -> Pattern {
        let sensitive = t.chars().any(|c| c.is_ascii_uppercase());
        let bytes = if sensitive {
            t.as_bytes().to_vec()
        } else {
            t.as_bytes().to_ascii_lowercase()
        };
        let need = bytes.iter().fold(0, |m, &b| m | letter_bit(b));
        let chars: Vec<char> = t.chars().collect();
        let tail = |from: usize| -> i32 {
            chars
                .get(from..)
                .unwrap_or(&[])
                .windows(2)
                .map(|w| SCORE_MATCH + Self::extra(sensitive, w[0], w[1]))
                .sum()
        };
        let tails = [tail(0), tail(1)];
        Pattern {
            chars,
            sensitive,
            bytes,
            need,
            tails,
        }
    }

    /// The most a later char `cur` adds beyond its match score, after `prev`: after a letter or
    /// digit, 4 (a consecutive match inside a word, or a gap's -4 against a word-start bonus of
    /// at most 8) or 6 (a case-sensitive camel hump), and 8 after any other char.
    fn extra(sensitive: bool, prev: char, cur: char) -> i32 {
        if !prev.is_ascii_alphanumeric() {
            BONUS_HEAD
        } else if sensitive
            && cur.is_ascii_uppercase()
            && (prev.is_ascii_lowercase() || prev.is_ascii_digit())
        {
            BONUS_CAMEL
        } else {
            BONUS_CONSECUTIVE
        }
    }

    /// [`Self::upper_bound`] without reading the haystack: the first char's best bonus comes
    /// from the entry's summary bits (the doubled bonus only at its first byte, the plain
    /// word-start bonus where `heads` has the char in a case it matches, none elsewhere).
    fn quick_bound(&self, e: &Summary) -> i32 {
        let Some(&p0) = self.chars.first() else {
            return 0;
        };
        let first = if p0.is_ascii() {
            let lead = match_score(e.lead as char, p0, self.sensitive)
                .map_or(i32::MIN, |s| s + BONUS_HEAD * BONUS_FIRST_CHAR_MULTIPLIER);
            let bit = letter_bit(p0 as u8);
            // A head in the other case of a letter scores the mismatch penalty (or nothing,
            // when sensitive); `heads` may also hold a non-letter sharing the bit: counted as
            // the same case, which only loosens the bound.
            let (same, other) = if p0.is_ascii_uppercase() {
                (e.heads_upper, e.heads)
            } else {
                (e.heads, e.heads_upper)
            };
            let head = if same & bit != 0 {
                SCORE_MATCH + BONUS_HEAD
            } else if other & bit != 0 && p0.is_ascii_alphabetic() {
                match_score(
                    p0.to_ascii_uppercase(),
                    p0.to_ascii_lowercase(),
                    self.sensitive,
                )
                .map_or(SCORE_MATCH, |s| s + BONUS_HEAD)
            } else {
                SCORE_MATCH
            };
            lead.max(head)
        } else {
            SCORE_MATCH + BONUS_HEAD * BONUS_FIRST_CHAR_MULTIPLIER
        };
        GAP_EXTENSION + first + self.tails[0]
    }

    /// The most [`skim_score`] can give this word against `hay`: the first char scores at most
    /// `-1 +` its best [`Self::first_char_bound`] (or the first two chars together their exact
    /// [`Self::pair_bound`]), and every later char at most 16 plus [`Self::extra`].
    fn upper_bound(&self, hay: &[u8]) -> i32 {
        let Some(&p0) = self.chars.first() else {
            return 0;
        };
        match self.chars.get(1) {
            Some(&p1) if p0.is_ascii() && p1.is_ascii() => {
                self.pair_bound(hay, p0, p1) + self.tails[1]
            }
            _ => GAP_EXTENSION.saturating_add(self.first_char_bound(hay, p0)) + self.tails[0],
        }
    }

    /// True when [`Self::upper_bound`] is the score itself (one or two ASCII chars), so no
    /// matrix is needed.
    fn bound_is_score(&self) -> bool {
        self.chars.len() <= 2 && self.bytes.is_ascii()
    }

    /// The best value of skim's second matrix row for ASCII pattern chars `p0`, `p1`: the exact
    /// score of a two-char word, and a bound for a longer one. One pass over the bytes, with the
    /// gap penalty counted per char (continuation bytes skipped) as skim counts it.
    fn pair_bound(&self, hay: &[u8], p0: char, p1: char) -> i32 {
        self.pair_bound_ascii(hay, p0, p1)
    }

    /// Visits only the bytes that match `p0` or `p1` (ASCII, so never inside a multi-byte
    /// char); between them row 1's skip score just falls by one per char, counted in chars.
    fn pair_bound_ascii(&self, hay: &[u8], p0: char, p1: char) -> i32 {
        // Skim's type of the char ending at byte `i`: any non-ASCII char is "lower".
        let ty = |i: usize| match hay[i] {
            x if x >= 0x80 => CharType::Lower,
            x => CharType::of(x as char),
        };
        let bonus = |j: usize| match j.checked_sub(1) {
            None => in_place_bonus(CharType::Empty, ty(0)) * BONUS_FIRST_CHAR_MULTIPLIER,
            Some(i) => in_place_bonus(ty(i), ty(j)),
        };
        let folded = |c: char| {
            if self.sensitive {
                c as u8
            } else {
                (c as u8).to_ascii_lowercase()
            }
        };
        let (f0, f1) = (folded(p0), folded(p1));
        let mut best = NEG;
        // max over p0 matches j of M1(j) + j, for matches at least two chars back; the latest
        // match waits in `recent` until it is.
        let mut far = i32::MIN / 2;
        let mut recent: Option<(usize, i32)> = None;
        // Char index of the byte being looked at: bytes before it, less continuation bytes.
        let mut conts = 0;
        let mut counted = 0;
        let (u0, u1) = if self.sensitive {
            (f0, f1)
        } else {
            (f0.to_ascii_uppercase(), f1.to_ascii_uppercase())
        };
        for kb in positions(hay, [f0, u0], [f1, u1]) {
            conts += hay
                .get(counted..kb)
                .unwrap_or(&[])
                .iter()
                .filter(|&&b| b & 0xC0 == 0x80)
                .count();
            counted = kb;
            let x = hay[kb];
            let (c, k) = (x as char, kb - conts);
            if let Some((j, v)) = recent {
                if j + 2 <= k {
                    far = far.max(v);
                    recent = None;
                }
            }
            let b = bonus(kb);
            if let Some(s1) = match_score(c, p1, self.sensitive) {
                let m1_prev = match recent {
                    Some((j, v)) if j + 1 == k => v - j as i32,
                    _ => NEG,
                };
                let p_col = if far > i32::MIN / 2 {
                    far + GAP_START + GAP_EXTENSION + GAP_EXTENSION * (k as i32 - 2)
                } else {
                    NEG
                };
                let via_match = m1_prev + b.max(BONUS_CONSECUTIVE);
                let via_skip = p_col + b;
                best = best.max(via_match.max(via_skip) + s1);
            }
            if let Some(s0) = match_score(c, p0, self.sensitive) {
                if let Some((_, v)) = recent {
                    far = far.max(v);
                }
                recent = Some((k, GAP_EXTENSION + b + s0 + k as i32));
            }
        }
        best
    }

    /// The best `match score + in-place bonus` the first char can get anywhere in `hay`: each of
    /// its occurrences with the type of the char before it (for an ASCII first char; any other
    /// gets the largest possible).
    fn first_char_bound(&self, bytes: &[u8], p0: char) -> i32 {
        if !p0.is_ascii() {
            return SCORE_MATCH + BONUS_HEAD * BONUS_FIRST_CHAR_MULTIPLIER;
        }
        let b = p0 as u8;
        let other = if self.sensitive {
            b
        } else {
            b.to_ascii_uppercase()
        };
        let mut best = i32::MIN;
        for j in memchr::memchr2_iter(b, other, bytes) {
            let c = bytes[j] as char;
            let Some(score) = match_score(c, p0, self.sensitive) else {
                continue;
            };
            let prev = match j.checked_sub(1).map(|i| bytes[i]) {
                None => CharType::Empty,
                // Every non-ASCII char is "lower" to skim.
                Some(x) if x >= 0x80 => CharType::Lower,
                Some(x) => CharType::of(x as char),
            };
            let mut bonus = in_place_bonus(prev, CharType::of(c));
            if j == 0 {
                bonus *= BONUS_FIRST_CHAR_MULTIPLIER;
            }
            best = best.max(score + bonus);
        }
        best
    }

    /// A necessary condition for a skim match: the word's bytes from `done` on are a
    /// subsequence of `hay[from..]` (ASCII letters in either case unless sensitive), found
    /// greedily; the offset after the last one. Skim compares chars with `eq_ignore_ascii_case`,
    /// which only folds ASCII, and UTF-8 never hides an ASCII byte inside a multi-byte char, so
    /// every skim match passes; a few non-matches with non-ASCII words may pass too, and the
    /// exact scorer rejects them.
    fn match_from(&self, hay: &[u8], from: usize, done: usize) -> Option<usize> {
        let mut at = from;
        for &b in self.bytes.get(done..).unwrap_or(&[]) {
            let rest = hay.get(at..)?;
            let fold = !self.sensitive && b.is_ascii_lowercase();
            // The next char is usually near (typing extends a word the text also continues):
            // a plain look at the first bytes beats memchr's setup.
            let near = rest
                .iter()
                .take(NEAR)
                .position(|&x| x == b || (fold && x | 0x20 == b));
            let found = match near {
                Some(i) => Some(i),
                None if rest.len() <= NEAR => None,
                None => {
                    let far = rest.get(NEAR..).unwrap_or(&[]);
                    if fold {
                        memchr::memchr2(b, b.to_ascii_uppercase(), far)
                    } else {
                        memchr::memchr(b, far)
                    }
                    .map(|i| i + NEAR)
                }
            };
            at += found? + 1;
        }
        Some(at)
    }
}

/// Ascending offsets in `hay` of the bytes in `a` or in `b` (memchr jumps over the rest).
fn positions(hay: &[u8], a: [u8; 2], b: [u8; 2]) -> impl Iterator<Item = usize> + '_ {
    // The same byte in both: one search is enough.
    let b_hay = if a.contains(&b[0]) && a.contains(&b[1]) {
        &[][..]
    } else {
        hay
    };
    let mut xs = memchr::memchr2_iter(a[0], a[1], hay).peekable();
    let mut ys = memchr::memchr2_iter(b[0], b[1], b_hay).peekable();
    std::iter::from_fn(move || match (xs.peek(), ys.peek()) {
        (Some(x), Some(y)) if y < x => ys.next(),
        (Some(x), Some(y)) if y == x => {
            ys.next();
            xs.next()
        }
        (Some(_), _) => xs.next(),
        (None, _) => ys.next(),
    })
}

/// Bytes looked at one by one before [`Pattern::match_from`] hands the search to memchr.
const NEAR: usize = 16;

/// Per-thread buffers, reused across entries so scoring allocates nothing.
#[derive(Debug, Default)]
struct Scratch {
    chars: Vec<char>,
    /// Skim's in-place bonus per matrix column (`bonus[j + 1]` for char `j`).
    bonus: Vec<i32>,
    first: Vec<usize>,
    m_prev: Vec<i32>,
    p_prev: Vec<i32>,
    m_cur: Vec<i32>,
    p_cur: Vec<i32>,
}

impl Scratch {
    fn load(&mut self, hay: &str) {
        self.chars.clear();
        self.chars.extend(hay.chars());
        self.bonus.clear();
        self.bonus.push(0);
        let mut prev = CharType::Empty;
        for &c in &self.chars {
            let t = CharType::of(c);
            self.bonus.push(in_place_bonus(prev, t));
            prev = t;
        }
        if let Some(b) = self.bonus.get_mut(1) {
            *b *= BONUS_FIRST_CHAR_MULTIPLIER;
        }
    }
}

// Skim's default score configuration (fuzzy-matcher 0.3.7, `SkimScoreConfig::default`).
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
/// Skim's "minus infinity" for a cell no alignment reaches.
const NEG: i32 = i16::MIN as i32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

impl CharType {
    fn of(c: char) -> CharType {
        match c {
            '\0' => CharType::Empty,
            ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharType::HardSep,
            '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharType::SoftSep,
            '0'..='9' => CharType::Number,
            'A'..='Z' => CharType::Upper,
            _ => CharType::Lower,
        }
    }
}

fn in_place_bonus(prev: CharType, cur: CharType) -> i32 {
    match (prev, cur) {
        (CharType::Empty, _) | (CharType::HardSep, _) => BONUS_HEAD,
        (CharType::SoftSep, _) => BONUS_BREAK,
        (CharType::Lower, CharType::Upper) | (CharType::Number, CharType::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// Skim's match score of choice char `c` against pattern char `p`, if they match.
#[inline]
fn match_score(c: char, p: char, sensitive: bool) -> Option<i32> {
    if sensitive {
        (c == p).then_some(SCORE_MATCH)
    } else if c.eq_ignore_ascii_case(&p) {
        Some(if c == p {
            SCORE_MATCH
        } else {
            (SCORE_MATCH + PENALTY_CASE_MISMATCH).max(0)
        })
    } else {
        None
    }
}

/// `SkimMatcherV2::fuzzy_match`'s score for the loaded choice and pattern `p`, as a fresh matcher
/// computes it: the same affine-gap recurrences over the same columns, in the same `i32`
/// arithmetic, so every value equals skim's. Differences that cannot change the result:
/// - two rolling rows instead of the full matrix (the score needs no backtracking);
/// - the "previous match bonus" skim reads from the cell to the left is always 0 in a fresh
///   matrix (that cell's bonus is only written after the read), so it is left out;
/// - row `r` stops at column `last - (m - r)`, where `last` is the column of the last occurrence
///   of the final pattern char: the last row is only -inf beyond it, and each row only feeds the
///   next row's previous column.
fn skim_score(s: &mut Scratch, p: &Pattern) -> Option<i32> {
    let pat = &p.chars;
    let m = pat.len();
    if m == 0 {
        return Some(0);
    }
    if !first_matches(s, p) {
        return None;
    }
    let choice = &s.chars;
    let n = choice.len();
    let bonus = &s.bonus;
    let p_last = pat[m - 1];
    if m == 1 {
        // Row 1 alone: every match is entered from row 0's skip score (-1) with its own bonus.
        let mut best = NEG;
        for j in s.first[0]..n {
            if let Some(ms) = match_score(choice[j], p_last, p.sensitive) {
                best = best.max(GAP_EXTENSION + bonus[j + 1] + ms);
            }
        }
        return Some(best);
    }
    // Column of the last char the final pattern char can match.
    let last_col = (s.first[m - 1]..n)
        .rev()
        .find(|&j| match_score(choice[j], p_last, p.sensitive).is_some())
        .map_or(n, |j| j + 1);
    let cols = n + 1;
    for v in [&mut s.m_prev, &mut s.p_prev, &mut s.m_cur, &mut s.p_cur] {
        v.clear();
        v.resize(cols, NEG);
    }
    // Row 0: nothing matched yet; skipping costs one gap extension.
    s.p_prev.iter_mut().for_each(|x| *x = GAP_EXTENSION);
    for (i, &pc) in pat.iter().enumerate() {
        let row = i + 1;
        let skip = s.first[i];
        let end = last_col - (m - row);
        s.m_cur[skip] = NEG;
        s.p_cur[skip] = NEG;
        for col in skip + 1..=end {
            let c = choice[col - 1];
            s.m_cur[col] = match match_score(c, pc, p.sensitive) {
                Some(ms) => {
                    let b = bonus[col];
                    let consecutive = b.max(BONUS_CONSECUTIVE);
                    let via_match = s.m_prev[col - 1] + consecutive;
                    let via_skip = s.p_prev[col - 1] + b;
                    via_match.max(via_skip) + ms
                }
                None => NEG,
            };
            let open = GAP_START + GAP_EXTENSION + s.m_cur[col - 1];
            let extend = GAP_EXTENSION + s.p_cur[col - 1];
            s.p_cur[col] = open.max(extend);
        }
        if row < m {
            std::mem::swap(&mut s.m_prev, &mut s.m_cur);
            std::mem::swap(&mut s.p_prev, &mut s.p_cur);
        }
    }
    let from = s.first[m - 1];
    s.m_cur.get(from..=last_col)?.iter().copied().max()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(hay: &str, pat: &str) -> Option<i32> {
        SkimMatcherV2::default()
            .smart_case()
            .fuzzy_match(hay, pat)
            .map(|s| s as i32)
    }

    fn ours(hay: &str, pat: &str) -> Option<i32> {
        let mut s = Scratch::default();
        let p = Pattern::new(pat);
        p.match_from(hay.as_bytes(), 0, 0)?;
        s.load(hay);
        skim_score(&mut s, &p)
    }

    #[test]
    fn scores_equal_skim_on_tricky_strings() {
        let hays = [
            "attack attack ATTACK",
            "Regarding the Colonial Pipeline, Putin responded that cyberattacks were not state-directed",
            "committee ttt",
            "aaaa bbb",
            "CamelCase camelCase camel_case",
            "Vladimir Putin: “no evidence”",
            "日本語 Putin 日本 cyber",
            "x",
            "",
            "a\0b c-d.e/f",
        ];
        let pats = [
            "attack",
            "tt",
            "ee",
            "committee",
            "aa",
            "a",
            "cyber",
            "c",
            "Putin",
            "pUt",
            "日本",
            "本c",
            "cc",
            "ab",
            "x",
            "zz",
            "b",
        ];
        for h in hays {
            for p in pats {
                assert_eq!(ours(h, p), reference(h, p), "{h:?} {p:?}");
            }
        }
    }

    #[test]
    fn scores_equal_skim_on_random_strings() {
        let mut rng = crate::corpus_gen::Rng::new(42);
        let alphabet: Vec<char> = "aAbBcC -./_1é(".chars().collect();
        for _ in 0..20_000 {
            let n = rng.below(24);
            let h: String = (0..n).map(|_| *rng.pick(&alphabet)).collect();
            let k = 1 + rng.below(4);
            let p: String = (0..k)
                .map(|_| *rng.pick(&alphabet))
                .filter(|c| *c != ' ')
                .collect();
            if p.is_empty() {
                continue;
            }
            let got = ours(&h, &p);
            assert_eq!(got, reference(&h, &p), "{h:?} {p:?}");
            if let Some(v) = got {
                let pat = Pattern::new(&p);
                let bound = pat.upper_bound(h.as_bytes());
                assert!(v <= bound, "{h:?} {p:?}: {v} > bound {bound}");
                let quick = pat.quick_bound(&Summary::of(&h));
                assert!(bound <= quick, "{h:?} {p:?}: {bound} > quick bound {quick}");
                // One or two ASCII chars: the bound is the score itself.
                if pat.chars.len() <= 2 && p.is_ascii() {
                    assert_eq!(v, bound, "{h:?} {p:?}");
                }
            }
        }
    }

    #[test]
    fn narrowing_rule() {
        let old = vec!["cy".to_string()];
        assert!(narrows(&old, &["cyb"]));
        assert!(narrows(&old, &["cyB"]));
        assert!(narrows(&old, &["cy", "putin"]));
        assert!(!narrows(&old, &["c"]));
        assert!(!narrows(&["putin".into(), "cy".into()], &["cy", "putin"]));
    }
}
