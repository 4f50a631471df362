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
}
