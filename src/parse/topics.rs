//! Topic tagging: the general lexicon of `assets/topics.txt`, plus salient phrases mined from the
//! document itself (multi-word proper nouns, repeated two-word terms).

use rustc_hash::FxHashMap as HashMap;

use super::lexicon::{Keyword, Lexicon, WordClass};
use super::phrases::Toks;
use crate::model::{Span, Topic, TopicSource};

/// A word of the document for matching: its span and lowercase form, and what the mining rules
/// ask of it (computed once per word by [`words_of`]).
pub struct TopicWord<'a> {
    pub span: Span,
    pub low: &'a str,
    /// May stand in a multi-word proper noun: capitalised, not for opening its sentence, and no
    /// function, title or nationality word or possessive.
    pub plain_cap: bool,
    /// May stand in a repeated two-word term: a lowercase content word of letters and hyphens.
    pub term: bool,
    /// Is the word as written the first word of an exact topic keyword (its class bit)?
    pub topic_start: bool,
}

fn keyword_matches(kw: &Keyword, words: &[TopicWord], i: usize) -> Option<usize> {
    let n = kw.words.len();
    if i + n > words.len() {
        return None;
    }
    for (k, w) in kw.words.iter().enumerate() {
        let got = words[i + k].low;
        let ok = if k + 1 == n && kw.prefix {
            got.starts_with(w.as_str())
        } else {
            got == w || super::tokens::strip_possessive(got) == w
        };
        if !ok {
            return None;
        }
    }
    Some(i + n - 1)
}

/// Topics of a document, from its words (in text order). `is_entity` says whether a proper-noun
/// phrase is a speaker or person, which is not a topic.
pub fn find(text: &str, words: &[TopicWord], is_entity: &dyn Fn(&str) -> bool) -> Vec<Topic> {
    let lex = Lexicon::get();
    let mut mentions: Vec<Vec<Span>> = vec![Vec::new(); lex.topics.len()];
    // Per topic, the first word index a new mention may start at (mentions never overlap).
    let mut free: Vec<usize> = vec![0; lex.topics.len()];
    let mut hits: Vec<(usize, usize)> = Vec::new();
    for i in 0..words.len() {
        hits.clear();
        let low = words[i].low;
        let w = super::tokens::strip_possessive(low);
        let found = |t: usize, k: usize| {
            if i < free[t] {
                return;
            }
            if let Some(end) = keyword_matches(&lex.topics[t].keywords[k], words, i) {
                hits.push((t, end));
            }
        };
        // The word's class answers for the word as written; a stripped possessive is sieved.
        if w.len() == low.len() {
            lex.topic_index
                .for_each_candidate_known(w, words[i].topic_start, found);
        } else {
            lex.topic_index.for_each_candidate(w, found);
        }
        if hits.is_empty() {
            continue;
        }
        // The longest keyword of each topic wins.
        hits.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        hits.dedup_by_key(|h| h.0);
        for &(t, end) in &hits {
            mentions[t].push(Span::new(words[i].span.start, words[end].span.end));
            free[t] = end + 1;
        }
    }
    let mut topics: Vec<Topic> = lex
        .topics
        .iter()
        .zip(mentions)
        .filter(|(_, m)| !m.is_empty())
        .map(|(entry, mentions)| Topic {
            name: entry.name.as_str().into(),
            source: TopicSource::Lexicon,
            count: mentions.len(),
            paragraphs: 0,
            quotes: 0,
            mentions: mentions.into_iter().map(Into::into).collect(),
        })
        .collect();
    topics.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));

    let mut mined: HashMap<String, (String, Vec<Span>)> = HashMap::default();
    // Multi-word proper nouns: "Colonial Pipeline", "Air Force One".
    let mut key = String::new();
    let mut i = 0;
    while i < words.len() {
        let plain_cap = |w: &TopicWord| w.plain_cap;
        if plain_cap(&words[i]) {
            let mut j = i;
            while j + 1 < words.len()
                && plain_cap(&words[j + 1])
                && words[j + 1].span.start - words[j].span.end == 1
            {
                j += 1;
            }
            if j > i {
                let span = Span::new(words[i].span.start, words[j].span.end);
                // Built in one reused buffer: a string is kept only for a phrase not seen yet.
                key.clear();
                for (n, w) in words[i..=j].iter().enumerate() {
                    if n > 0 {
                        key.push(' ');
                    }
                    key.push_str(w.low);
                }
                match mined.get_mut(key.as_str()) {
                    Some(m) => m.1.push(span),
                    None => {
                        mined.insert(key.clone(), (String::new(), vec![span]));
                    }
                }
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    // Repeated lowercase two-word terms: "critical infrastructure".
    // Keyed by the two words themselves: no string is built until a term repeats. Each pair's
    // occurrences are chained through `next` (word index of the next one), so a pair seen once
    // costs no allocation.
    let mut terms: HashMap<(&str, &str), (usize, usize, usize)> = HashMap::default(); // first, last, count
    let mut next: Vec<usize> = vec![usize::MAX; words.len()];
    for k in 0..words.len().saturating_sub(1) {
        let (a, b) = (&words[k], &words[k + 1]);
        if b.span.start - a.span.end == 1
            && a.term
            && b.term
            && !a.low.ends_with("ed")
            && !a.low.ends_with("ing")
        {
            let e = terms.entry((a.low, b.low)).or_insert((k, k, 0));
            if e.2 > 0 {
                next[e.1] = k;
                e.1 = k;
            }
            e.2 += 1;
        }
    }
    for ((a, b), (first, _, count)) in terms {
        if count >= 2 {
            let mut spans = Vec::with_capacity(count);
            let mut k = first;
            while k < words.len() {
                spans.push(Span::new(words[k].span.start, words[k + 1].span.end));
                k = next[k];
            }
            // Built by hand: `format!` costs several times the copy.
            let mut key = String::with_capacity(a.len() + 1 + b.len());
            key.push_str(a);
            key.push(' ');
            key.push_str(b);
            mined.insert(key, (String::from("term"), spans));
        }
    }
    let mut mined: Vec<(String, String, Vec<Span>)> = mined
        .into_iter()
        .map(|(k, (kind, spans))| (k, kind, spans))
        .filter(|(k, kind, spans)| {
            if kind == "term" {
                spans.len() >= 2
            } else {
                !is_entity(k)
            }
        })
        .collect();
    mined.sort_by(|a, b| b.2.len().cmp(&a.2.len()).then(a.0.cmp(&b.0)));
    mined.truncate(8);
    for (key, kind, mentions) in mined {
        if topics.iter().any(|t| t.name.eq_ignore_ascii_case(&key)) {
            continue;
        }
        let name = if kind == "term" {
            key
        } else {
            // Proper nouns keep their capitals as written.
            mentions[0].text(text).to_string()
        };
        topics.push(Topic {
            name: name.into(),
            source: TopicSource::Mined,
            count: mentions.len(),
            paragraphs: 0,
            quotes: 0,
            mentions: mentions.into_iter().map(Into::into).collect(),
        });
    }
    topics
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

/// Only letters and hyphens (`char::is_alphabetic`), bytewise for ASCII: most words are.
fn letters_or_hyphens(w: &str) -> bool {
    let bytes = w.as_bytes();
    let mut p = 0;
    while p < bytes.len() && ASCII_LETTER_OR_HYPHEN[usize::from(bytes[p])] {
        p += 1;
    }
    match (p < bytes.len()).then_some(p) {
        None => true,
        // Everything before `p` is ASCII, so `p` is a character boundary.
        Some(p) if !w.as_bytes()[p].is_ascii() => w
            .get(p..)
            .is_some_and(|rest| rest.chars().all(|c| c.is_alphabetic() || c == '-')),
        Some(_) => false,
    }
}

/// Words of every paragraph's tokens (in text order) as [`TopicWord`]s, with sentence starts
/// marked.
pub fn words_of<'a>(paras: &'a [Toks], sentence_starts: &[usize]) -> Vec<TopicWord<'a>> {
    let mut out = Vec::with_capacity(paras.iter().map(Toks::len).sum());
    // Paragraphs and sentence starts are both in text order: one cursor serves all paragraphs.
    let mut s = 0;
    for t in paras {
        let text = t.text;
        for (tok, low, class) in t.words() {
            // Only capitals are asked for proper nouns, only lowercase words for terms.
            let (plain_cap, term) = if tok.is_cap() {
                while s < sentence_starts.len() && sentence_starts[s] < tok.span.start {
                    s += 1;
                }
                // A capitalised first word of a sentence: its capital says nothing.
                let sentence_start = || {
                    sentence_starts.get(s) == Some(&tok.span.start)
                        || text[..tok.span.start]
                            .trim_end()
                            .ends_with(['“', '"', '‘', '(', ':'])
                };
                let plain = !class.has(WordClass::FUNCTION)
                    && !class.has(WordClass::TITLE)
                    && !class.is_nationality()
                    && !low.ends_with("’s")
                    && !low.ends_with("'s")
                    && !sentence_start();
                (plain, false)
            } else {
                // The lexicon bits first: the character scan is the dearest test.
                let term = low.len() >= 4
                    && !class.has(WordClass::FUNCTION)
                    && class.verb.is_none()
                    && !low.ends_with("ly")
                    && letters_or_hyphens(low);
                (false, term)
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
