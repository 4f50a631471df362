//! Parse time against input size on adversarial input, 1 MB to 64 MB: a check that parsing stays
//! linear (no quadratic quote pairing, entity resolution or phrase mining on one huge line).
//!
//! `cargo run --release --example linearity [MAX_MB] [MIN_KB] [SHAPE]` (or `scripts/linearity.sh`;
//! SHAPE keeps the shapes whose name contains it) prints,
//! for each shape, the seconds per size and the time per MB, and exits 1 when the time per MB at
//! the largest size exceeds three times that at the smallest (a quadratic cost would give 64
//! times), or when one parse takes longer than a minute (the larger sizes are then skipped).

use std::time::{Duration, Instant};

use briefing::parse::{parse_document, Meta};

const MB: usize = 1 << 20;

/// Beyond this a single parse is hopeless for its size; larger sizes would only take longer.
const BUDGET: Duration = Duration::from_secs(60);

/// One unit repeated to fill the size: every shape has no newline, so the document is one
/// paragraph and one line.
const SHAPES: &[(&str, &str)] = &[
    ("straight quote marks", "\""),
    ("curly openers, never closed", "“"),
    ("alternating marks", "“\"”«\" ”„ "),
    (
        "capitalised words",
        "Alpha Beta Gamma Delta Said Putin Biden The Kremlin ",
    ),
    (
        "quotes, cues and names",
        "“We Agree,” Said Joe Biden “Told Reporters According To Vladimir Putin ",
    ),
];

fn text_of(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes / unit.len() + 1);
    // Cut on a char boundary at or below the size.
    let mut end = bytes.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

fn time_parse(text: String) -> (Duration, usize) {
    let start = Instant::now();
    let doc = parse_document(Meta::default(), text);
    (start.elapsed(), doc.quotes.len())
}

fn main() {
    let max_mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(64);
    let min_kb: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1024);
    let sizes: Vec<usize> = std::iter::successors(Some(min_kb.max(1) << 10), |&s| Some(s * 2))
        .take_while(|&s| s <= max_mb * MB)
        .collect();
    let mut worst = 0.0f64;
    let mut over_budget = false;
    println!("| shape | MB | seconds | ms per MB | quotes |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    let only = std::env::args().nth(3).unwrap_or_default();
    for &(name, unit) in SHAPES.iter().filter(|(name, _)| name.contains(&only)) {
        let mut first_per_mb = None;
        for &bytes in &sizes {
            let (t, quotes) = time_parse(text_of(unit, bytes));
            let mb = bytes as f64 / MB as f64;
            let per_mb = t.as_secs_f64() * 1000.0 / mb;
            let base = *first_per_mb.get_or_insert(per_mb);
            worst = worst.max(per_mb / base);
            println!(
                "| {name} | {mb} | {:.3} | {per_mb:.1} | {quotes} |",
                t.as_secs_f64()
            );
            if t > BUDGET {
                println!("| {name} | larger sizes skipped: over {BUDGET:?} | | | |");
                over_budget = true;
                break;
            }
        }
    }
    println!("\nworst growth of time per MB over the smallest size: {worst:.2}x");
    if worst > 3.0 || over_budget {
        eprintln!("parse time grows faster than the input: not linear");
        std::process::exit(1);
    }
}
