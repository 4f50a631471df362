//! The ingest bench's single-thread pass, once, for instruction counts under callgrind:
//! `valgrind --tool=callgrind --dump-instr=no target/release/examples/ingest_profile [ARTICLES]`
//! (the same generated articles as `benches/ingest.rs`, default 1,000).

use briefing::corpus_gen::{article, Pool};
use briefing::parse::{parse_document, Meta};

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000u64);
    let pool = Pool::seed();
    let texts: Vec<String> = (0..n).map(|i| article(&pool, 1, i)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let quotes: usize = texts
        .iter()
        .map(|t| parse_document(Meta::default(), t.clone()).quotes.len())
        .sum();
    println!("{n} articles, {bytes} bytes, {quotes} quotes");
}
