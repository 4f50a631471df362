//! Fuzzy search over every quote of every open document. Kept pure (no terminal, no state) so it
//! can be benchmarked, run on a worker thread, and checked against the naive full scan.
//!
//! Ranking is fuzzy-matcher's `SkimMatcherV2` (smart case): each whitespace-separated word of the
//! query is scored on its own and the scores add up; an entry must match every word. The
//! [`Searcher`] gives the same scores and order as [`search_naive`] (one matcher per quote and
//! word, every entry scored) but does less work:
//! - a byte-level subsequence test (memchr) rejects most entries before any scoring;
//! - scores come from [`skim_score`], the same dynamic programme as skim's without the per-call
//!   allocation and without the columns after the last possible match;
//! - a query that extends the previous one (`cy` → `cyb`, `putin` → `putin c`) only rescans the
//!   previous matches, and words already scored keep their scores;
//! - only the best [`HIT_LIMIT`] are sorted and given matched positions (top-k selection);
//! - entries are scored in parallel with rayon.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;

use crate::model::{Document, Span};
use crate::sanitize;

/// Ranked results kept per query: the overlay lists these; the total is always exact.
pub const HIT_LIMIT: usize = 200;

/// What a quote is matched against: `"Speaker: quoted words"`.
#[derive(Debug, Clone)]
pub struct Entry {
    pub doc: usize,
    pub quote: usize,
    pub haystack: String,
    /// Characters of the speaker part, including the `": "` separator.
    pub prefix_chars: usize,
}

impl Entry {
    pub fn new(doc: usize, quote: usize, speaker: Option<&str>, words: &str) -> Entry {
        let speaker = speaker.unwrap_or("Unattributed");
        let mut haystack: String = speaker.chars().map(sanitize::clean_char_keep).collect();
        haystack.push_str(": ");
        let prefix_chars = haystack.chars().count();
        // One char per source char, so match positions map back into the article.
        haystack.extend(words.chars().map(sanitize::clean_char_keep));
        Entry {
            doc,
            quote,
            haystack,
            prefix_chars,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// In document order, so a document's entries are contiguous.
    pub entries: Vec<Entry>,
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
                self.entries.push(Entry::new(
                    d,
                    q,
                    doc.speaker_name(quote),
                    doc.slice(quote.content),
                ));
            }
        }
        self.docs = self.docs.max(docs.len());
    }

    /// An index over bare `(speaker, words)` pairs, all in document 0 (benchmarks and tests at
    /// scales where parsing a corpus first would only add time).
    pub fn from_quotes(quotes: &[(Option<String>, String)]) -> SearchIndex {
        SearchIndex {
            entries: quotes
                .iter()
                .enumerate()
                .map(|(i, (s, w))| Entry::new(0, i, s.as_deref(), w))
                .collect(),
            docs: 1,
        }
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
            .fuzzy_indices(&e.haystack, t)?;
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
    let mut scored = scan(index, &terms, None);
    scored.sort_by(|a, b| b.score().cmp(&a.score()).then(a.entry.cmp(&b.entry)));
    scored
        .iter()
        .filter_map(|m| hit_with_indices(index, m.entry as usize, &terms))
        .collect()
}

/// One matching entry: the summed score of every word but the last, and the last word's score
/// (kept apart so a query that only extends its last word rescores just that word).
#[derive(Debug, Clone, Copy)]
struct Match {
    entry: u32,
    fixed: i32,
    last: i32,
}

impl Match {
    fn score(&self) -> i64 {
        self.fixed as i64 + self.last as i64
    }
}

/// A previous query and all its matches.
#[derive(Debug)]
struct Cached {
    terms: Vec<String>,
    /// Entries that existed when it ran; later ones were not looked at.
    entries: usize,
    matches: Vec<Match>,
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
        // The most recent earlier query whose matches contain this one's.
        let base = self.cache.iter().rposition(|c| narrows(&c.terms, &terms));
        let matches = match base {
            Some(b)
                if self.cache[b].terms.len() == terms.len()
                    && self.cache[b].terms.iter().zip(&terms).all(|(a, b)| a == b)
                    && self.cache[b].entries == n =>
            {
                // The same words (e.g. a trailing space was typed).
                let c = self.cache.remove(b);
                let m = c.matches.clone();
                self.cache.push(c);
                m
            }
            Some(b) => {
                let c = &self.cache[b];
                let mut m = rescore(index, &c.matches, &c.terms, &terms);
                if c.entries < n {
                    m.extend(scan(index, &terms, Some(c.entries..n)));
                }
                self.remember(&terms, n, m.clone());
                m
            }
            None => {
                let m = scan(index, &terms, None);
                self.remember(&terms, n, m.clone());
                m
            }
        };
        out.total = matches.len();
        let top = top_k(matches, HIT_LIMIT);
        out.hits = top
            .iter()
            .filter_map(|m| hit_with_indices(index, m.entry as usize, &terms))
            .collect();
        out
    }

    fn remember(&mut self, terms: &[&str], entries: usize, matches: Vec<Match>) {
        if self.cache.len() >= CACHED_QUERIES {
            self.cache.remove(0);
        }
        self.cache.push(Cached {
            terms: terms.iter().map(|t| t.to_string()).collect(),
            entries,
            matches,
        });
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

/// The best `k` by score (ties: lower entry first), sorted.
fn top_k(mut matches: Vec<Match>, k: usize) -> Vec<Match> {
    let better = |a: &Match, b: &Match| b.score().cmp(&a.score()).then(a.entry.cmp(&b.entry));
    if matches.len() > k {
        matches.select_nth_unstable_by(k, better);
        matches.truncate(k);
    }
    matches.sort_unstable_by(better);
    matches
}

/// Entries per rayon task: large enough that scheduling costs nothing next to the scoring.
const CHUNK: usize = 2048;

/// Scores `terms` against every entry of `range` (all entries when `None`).
fn scan(index: &SearchIndex, terms: &[&str], range: Option<std::ops::Range<usize>>) -> Vec<Match> {
    if terms.is_empty() {
        return Vec::new();
    }
    let range = range.unwrap_or(0..index.entries.len());
    let pats: Vec<Pattern> = terms.iter().map(|t| Pattern::new(t)).collect();
    let entries = index.entries.get(range.clone()).unwrap_or(&[]);
    entries
        .par_iter()
        .with_min_len(CHUNK)
        .enumerate()
        .map_init(Scratch::default, |s, (i, e)| {
            let (fixed, last) = score_terms(s, &e.haystack, &pats, 0)?;
            Some(Match {
                entry: (range.start + i) as u32,
                fixed,
                last,
            })
        })
        .flatten()
        .collect()
}

/// Rescores the matches of `old` terms for `new` terms (see [`narrows`]): words both share keep
/// their scores; the extended word and any new words are scored.
fn rescore(index: &SearchIndex, matches: &[Match], old: &[String], new: &[&str]) -> Vec<Match> {
    let k = old.len() - 1; // index of the extended word
    let pats: Vec<Pattern> = new[k..].iter().map(|t| Pattern::new(t)).collect();
    let same_last = new[k] == old[k];
    matches
        .par_iter()
        .with_min_len(CHUNK)
        .map_init(Scratch::default, |s, m| {
            let e = index.entries.get(m.entry as usize)?;
            let (fixed, last) = if same_last {
                // Only new words were added: the old last word's score is already known.
                if pats.len() == 1 {
                    (m.fixed, m.last)
                } else {
                    let (f, l) = score_terms(s, &e.haystack, &pats[1..], 0)?;
                    (m.fixed + m.last + f, l)
                }
            } else {
                score_terms(s, &e.haystack, &pats, m.fixed)?
            };
            Some(Match {
                entry: m.entry,
                fixed,
                last,
            })
        })
        .flatten()
        .collect()
}

/// Scores every pattern against `hay`: `(base + all but the last, the last)`, or `None` when one
/// does not match.
fn score_terms(s: &mut Scratch, hay: &str, pats: &[Pattern], base: i32) -> Option<(i32, i32)> {
    // The cheap test first, for every word, before decoding anything.
    if !pats.iter().all(|p| p.may_match(hay.as_bytes())) {
        return None;
    }
    s.load(hay);
    let mut fixed = base;
    let mut last = 0;
    for (i, p) in pats.iter().enumerate() {
        let v = skim_score(s, p)?;
        if i + 1 == pats.len() {
            last = v;
        } else {
            fixed += v;
        }
    }
    Some((fixed, last))
}

/// One query word, prepared once per query.
#[derive(Debug)]
struct Pattern {
    chars: Vec<char>,
    /// Skim's smart case: an ASCII upper-case letter makes the word case-sensitive.
    sensitive: bool,
    /// UTF-8 bytes of the word, ASCII-lower-cased unless sensitive.
    bytes: Vec<u8>,
}

impl Pattern {
    fn new(t: &str) -> Pattern {
        let sensitive = t.chars().any(|c| c.is_ascii_uppercase());
        let bytes = if sensitive {
            t.as_bytes().to_vec()
        } else {
            t.as_bytes().to_ascii_lowercase()
        };
        Pattern {
            chars: t.chars().collect(),
            sensitive,
            bytes,
        }
    }

    /// A necessary condition for a skim match: the word's bytes are a subsequence of `hay`'s
    /// (ASCII letters in either case unless sensitive). Skim compares chars with
    /// `eq_ignore_ascii_case`, which only folds ASCII, and UTF-8 never hides an ASCII byte inside
    /// a multi-byte char, so every skim match passes; a few non-matches with non-ASCII words may
    /// pass too, and the exact scorer rejects them.
    fn may_match(&self, hay: &[u8]) -> bool {
        let mut at = 0;
        for &b in &self.bytes {
            let rest = hay.get(at..).unwrap_or(&[]);
            let found = if !self.sensitive && b.is_ascii_lowercase() {
                memchr::memchr2(b, b.to_ascii_uppercase(), rest)
            } else {
                memchr::memchr(b, rest)
            };
            match found {
                Some(i) => at += i + 1,
                None => return false,
            }
        }
        true
    }
}

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
    let choice = &s.chars;
    let n = choice.len();
    // Skim's `cheap_matches`: the first (greedy) position of every pattern char.
    s.first.clear();
    let mut pi = 0;
    for (j, &c) in choice.iter().enumerate() {
        if pi == m {
            break;
        }
        if match_score(c, pat[pi], p.sensitive).is_some() {
            s.first.push(j);
            pi += 1;
        }
    }
    if pi < m {
        return None;
    }
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
        if !p.may_match(hay.as_bytes()) {
            return None;
        }
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
        let alphabet: Vec<char> = "aAbBcC -./_1é".chars().collect();
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
            assert_eq!(ours(&h, &p), reference(&h, &p), "{h:?} {p:?}");
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
