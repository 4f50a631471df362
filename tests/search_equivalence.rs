//! The fast search ranks exactly like the naive full scan: for a generated set of quotes and a
//! query typed one character at a time (so the narrowing paths run), the best 50 hits have the
//! same entries, scores, order and matched positions, and the totals agree.

use briefing::corpus_gen::{quote_set, Pool};
use briefing::tui::search::{search_naive, SearchIndex, Searcher};

const TOP: usize = 50;

fn check(searcher: &mut Searcher, index: &SearchIndex, query: &str) {
    let fast = searcher.search(index, query);
    let naive = search_naive(index, query);
    assert_eq!(fast.total, naive.len(), "total for {query:?}");
    let n = TOP.min(naive.len());
    assert_eq!(fast.hits[..n], naive[..n], "top {n} for {query:?}");
}

/// Every prefix of `query`, as typed.
fn typed(searcher: &mut Searcher, index: &SearchIndex, query: &str) {
    for (i, c) in query.char_indices() {
        check(searcher, index, &query[..i + c.len_utf8()]);
    }
}

#[test]
fn typed_queries_match_the_naive_scan() {
    let pool = Pool::seed();
    let index = SearchIndex::from_quotes(&quote_set(&pool, 11, 20_000));
    let mut s = Searcher::new();
    // Typing, a second word, Backspace back to one word, a case-sensitive word, a doubled
    // letter (the case where a shared skim matcher's scores drift), and no match at all.
    for q in [
        "c",
        "cy",
        "cyb",
        "cyber",
        "putin",
        "putin ",
        "putin c",
        "putin cyb",
        "putin",
        "Pu",
        "attack",
        "zzq",
    ] {
        check(&mut s, &index, q);
    }
}

#[test]
fn narrowing_paths_match_the_naive_scan() {
    let pool = Pool::seed();
    let mut quotes = quote_set(&pool, 13, 4_000);
    // Non-ASCII text and speakers, camel humps, digits and many exact ties.
    for i in 0..300 {
        quotes.push((
            Some("Dmitrij Pëskov".to_string()),
            format!("Über {i} Cyber-Angriffe “sagte” McCyber cyber cyber"),
        ));
        quotes.push((None, "cyber".to_string()));
    }
    let index = SearchIndex::from_quotes(&quotes);
    for q in [
        // Several words typed, each resumed where the shorter word's match ended.
        "putin cyber attack",
        // Smart case switching on mid-word (`cy` → `cyB`), then a case-sensitive first word.
        "cyBer",
        "Cyber cy",
        "McC c",
        // Non-ASCII words: the byte test is only necessary.
        "über",
        "pësk cy",
        "“s",
        // Single letters and digits (presence bits decide), then a second word.
        "c 1",
        "7 cyber",
        // Ties: hundreds of identical scores.
        "cyber cyber",
    ] {
        typed(&mut Searcher::new(), &index, q);
    }
    // One searcher for everything: later queries narrow from unrelated earlier ones only
    // when the rule allows, and Backspace reuses cached results.
    let mut s = Searcher::new();
    for q in ["cyb", "cy", "cyber", "c", "cyber p", "cyber", "cyberz"] {
        check(&mut s, &index, q);
    }
}

#[test]
fn growing_index_keeps_results_exact() {
    // Documents arrive while the search is open: narrowing must also scan the new entries.
    let pool = Pool::seed();
    let all = quote_set(&pool, 12, 6_000);
    let mut s = Searcher::new();
    let small = SearchIndex::from_quotes(&all[..3_000]);
    let _ = s.search(&small, "cy");
    let full = SearchIndex::from_quotes(&all);
    check(&mut s, &full, "cyb");
    check(&mut s, &full, "cyb");
    check(&mut s, &full, "cyb putin");
}
