//! Where the reader's memory goes: loads an archive the way the reader does (first article,
//! then the rest in background batches) and prints the live and peak heap (a counting global
//! allocator), the process's peak RSS, and how many of each model item the documents hold.
//!
//! `cargo run --release --example heap_census DIR`

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use briefing::model::{Document, Paragraph, Quote, Sentence, Speaker, Topic};

/// The system allocator, counting live bytes and blocks.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static BLOCKS: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is passed on unchanged to `System`; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        grew(l.size());
        BLOCKS.fetch_add(1, Relaxed);
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        BLOCKS.fetch_sub(1, Relaxed);
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        if n > l.size() {
            grew(n - l.size());
        } else {
            LIVE.fetch_sub(l.size() - n, Relaxed);
        }
        System.realloc(p, l, n)
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .map_or_else(
            || format!("{field} ?"),
            |l| l.split_whitespace().collect::<Vec<_>>().join(" "),
        )
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: heap_census DIR");
        std::process::exit(2);
    };
    let opened = match briefing::input::open(&[dir.into()]) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("heap_census: {e:#}");
            std::process::exit(2);
        }
    };
    let mut docs = opened.first;
    if let Some(rest) = opened.rest {
        let (tx, rx) = std::sync::mpsc::channel();
        let loader = rest.spawn(move |b| tx.send(b).is_ok());
        for b in rx {
            docs.extend(b.docs);
        }
        let _ = loader.join();
    }
    let mb = |x: usize| x as f64 / 1e6;
    let count = |f: fn(&Document) -> usize| docs.iter().map(f).sum::<usize>();
    println!(
        "{} documents, text {:.1} MB",
        docs.len(),
        mb(count(|d| d.text.capacity()))
    );
    for (name, size, n) in [
        ("documents", std::mem::size_of::<Document>(), docs.len()),
        (
            "paragraphs",
            std::mem::size_of::<Paragraph>(),
            count(|d| d.paragraphs.capacity()),
        ),
        (
            "sentences",
            std::mem::size_of::<Sentence>(),
            count(|d| d.sentences.capacity()),
        ),
        (
            "quotes",
            std::mem::size_of::<Quote>(),
            count(|d| d.quotes.capacity()),
        ),
        (
            "speakers",
            std::mem::size_of::<Speaker>(),
            count(|d| d.speakers.capacity()),
        ),
        (
            "topics",
            std::mem::size_of::<Topic>(),
            count(|d| d.topics.capacity()),
        ),
        (
            "topic mentions",
            std::mem::size_of::<briefing::model::NarrowSpan>(),
            count(|d| d.topics.iter().map(|t| t.mentions.len()).sum()),
        ),
        (
            "speaker mentions",
            std::mem::size_of::<std::sync::Arc<str>>(),
            count(|d| d.speakers.iter().map(|s| s.mentions.len()).sum()),
        ),
    ] {
        println!("  {name}: {n} x {size} B = {:.1} MB", mb(n * size));
    }
    println!(
        "live heap {:.1} MB in {} blocks, peak heap {:.1} MB; {}, {}",
        mb(LIVE.load(Relaxed)),
        BLOCKS.load(Relaxed),
        mb(PEAK.load(Relaxed)),
        status("VmHWM"),
        status("VmRSS")
    );
    std::hint::black_box(&docs);
}
