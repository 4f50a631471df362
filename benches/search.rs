//! Search latency per keystroke: the query typed one character at a time ("c", "cy", … "cyber",
//! then "p" … "putin cyber"), each keystroke answered by the same `Searcher` as in the reader
//! (narrowing, top-k, rayon), over generated quote sets of 100k and 1M. Prints the median, 90th
//! percentile and worst keystroke, and the naive full scan for comparison.
//! `BENCH_QUOTES` (comma-separated) overrides the sizes; `BENCH_RUNS` the repetitions (5);
//! `BENCH_NAIVE=0` skips the naive scan (when profiling the keystrokes alone).

use std::time::Instant;

use briefing::corpus_gen::{quote_set, Pool};
use briefing::tui::search::{search_naive, SearchIndex, Searcher};

fn prefixes(q: &str) -> Vec<&str> {
    q.char_indices()
        .map(|(i, c)| &q[..i + c.len_utf8()])
        .collect()
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is accepted and ignored.
    let sizes: Vec<usize> = std::env::var("BENCH_QUOTES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000, 1_000_000]);
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let pool = Pool::seed();
    println!(
        "search: {} threads; per keystroke, fresh Searcher per typed query, {runs} runs",
        rayon::current_num_threads()
    );
    for &n in &sizes {
        let index = SearchIndex::from_quotes(&quote_set(&pool, 7, n));
        let bytes = index.text_len();
        println!(
            "search over {n} quotes ({:.1} MB of haystack)",
            bytes as f64 / 1e6
        );
        for query in ["cyber", "putin cyber"] {
            let mut all = Vec::new();
            let mut per_key: Vec<Vec<f64>> = vec![Vec::new(); prefixes(query).len()];
            let mut total = 0;
            for _ in 0..runs {
                let mut s = Searcher::new();
                for (k, q) in prefixes(query).into_iter().enumerate() {
                    let t = Instant::now();
                    let r = s.search(&index, q);
                    let ms = t.elapsed().as_secs_f64() * 1e3;
                    total = r.total;
                    all.push(ms);
                    per_key[k].push(ms);
                }
            }
            all.sort_by(f64::total_cmp);
            let keys: Vec<String> = prefixes(query)
                .iter()
                .zip(&mut per_key)
                .map(|(q, v)| {
                    v.sort_by(f64::total_cmp);
                    format!("{q:?} {:.1}", pct(v, 0.5))
                })
                .collect();
            println!(
                "  {query:?} at {n}: median {:.2} ms, p90 {:.2} ms, max {:.2} ms per keystroke ({} hits for the full query)",
                pct(&all, 0.5),
                pct(&all, 0.9),
                all[all.len() - 1],
                total
            );
            println!("    per keystroke (median ms): {}", keys.join(", "));
        }
        if n <= 100_000 && std::env::var("BENCH_NAIVE").as_deref() != Ok("0") {
            let t = Instant::now();
            let hits = search_naive(&index, "cyber");
            println!(
                "  naive full scan (skim on every quote, rayon) \"cyber\" at {n}: {:.0} ms ({} hits)",
                t.elapsed().as_secs_f64() * 1e3,
                hits.len()
            );
        }
    }
}
