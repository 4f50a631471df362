//! Ingest: MB/s of the full parse (segmentation, quotes, speakers, topics) of generated
//! articles, on one thread and on every core (rayon over documents, as the reader loads).
//! `BENCH_ARTICLES` sets the corpus size (default 1,000 articles of ~3.7 KB).

use std::time::{Duration, Instant};

use briefing::corpus_gen::{article, Pool};
use briefing::parse::{parse_document, Meta};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;

fn corpus() -> Vec<String> {
    let n = std::env::var("BENCH_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000);
    let pool = Pool::seed();
    (0..n).map(|i| article(&pool, 1, i)).collect()
}

fn parse_all(texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| parse_document(Meta::default(), t.clone()).quotes.len())
        .sum()
}

fn parse_all_par(texts: &[String]) -> usize {
    texts
        .par_iter()
        .map(|t| parse_document(Meta::default(), t.clone()).quotes.len())
        .sum()
}

/// One timed pass, printed as MB/s so the figure is in the output whatever criterion reports.
fn report(name: &str, bytes: usize, f: impl Fn() -> usize) {
    let _ = f();
    let start = Instant::now();
    let quotes = f();
    let s = start.elapsed().as_secs_f64();
    println!(
        "ingest {name}: {:.1} MB/s ({} bytes, {quotes} quotes, {:.2} s, {} threads)",
        bytes as f64 / s / 1e6,
        bytes,
        s,
        if name.contains("all") {
            rayon::current_num_threads()
        } else {
            1
        }
    );
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    report("single thread", bytes, || parse_all(&texts));
    report("all cores", bytes, || parse_all_par(&texts));
    let mut g = c.benchmark_group("ingest");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("parse single thread", |b| b.iter(|| parse_all(&texts)));
    g.bench_function("parse all cores", |b| b.iter(|| parse_all_par(&texts)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
