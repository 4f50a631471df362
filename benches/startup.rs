//! First frame and peak memory of the real binary in a real pseudo-terminal.
//!
//! - First frame: a generated 10,000-article folder; the clock starts just before the process
//!   is spawned and stops when the emulated 200×60 screen shows the documents pane, the article
//!   and the loading indicator (the screen is polled every millisecond). Median of 7 launches.
//! - Peak RSS: the 100,000-article folder opened in the reader until loading ends (the
//!   indicator disappears), then `VmHWM` from /proc/PID/status, against the corpus bytes.
//!
//! Corpora are generated under the target directory once and reused. `BENCH_RSS_ARTICLES`
//! sets the memory corpus (default 100,000; 0 skips it).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use briefing::corpus_gen::{write_corpus, Pool};

// The end-to-end tests' pty harness (spawn, emulated screen, bounded waits); the bench uses
// part of it.
#[allow(dead_code)]
#[path = "../tests/common/pty.rs"]
mod pty;

use pty::Session;

/// The reader on `dir` in a 200×60 pseudo-terminal.
fn start(dir: &str) -> Session {
    Session::start(&[dir], 200, 60)
}

/// How long until the screen's text satisfies `pred`, polled every millisecond (the harness's
/// own waits poll every 20 ms, too coarse for a first-frame figure); `None` past `limit`.
fn shown_within(s: &Session, limit: Duration, pred: impl Fn(&str) -> bool) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if pred(&s.contents()) {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    None
}

/// Quits with `q` and waits (bounded) for the reader to exit.
fn quit(mut s: Session) {
    s.send("q");
    s.wait_exit();
}

fn corpus(n: usize) -> (PathBuf, u64) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("corpus-{n}"));
    let marker = dir.join(".complete");
    if !marker.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        write_corpus(&dir, &Pool::seed(), 1, n).expect("write corpus");
        std::fs::write(&marker, "").expect("marker");
    }
    let bytes = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok()?.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    (dir, bytes)
}

fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let (dir, bytes) = corpus(10_000);
    let dir_arg = dir.to_string_lossy().into_owned();
    let ready = |s: &str| s.contains("Documents") && s.contains("Article") && s.contains("loading");
    let mut times = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let s = start(&dir_arg);
        let shown = shown_within(&s, Duration::from_secs(20), ready);
        let total = t.elapsed();
        match shown {
            Some(_) => times.push(total.as_secs_f64() * 1e3),
            None => println!("first frame: not shown within 20 s"),
        }
        quit(s);
    }
    times.sort_by(f64::total_cmp);
    if let Some(med) = times.get(times.len() / 2) {
        println!(
            "first frame, 10,000 articles ({:.1} MB): median {med:.1} ms from spawn (min {:.1}, max {:.1}, {} launches)",
            bytes as f64 / 1e6,
            times[0],
            times[times.len() - 1],
            times.len()
        );
    }

    let n: usize = std::env::var("BENCH_RSS_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    if n == 0 {
        return;
    }
    let (dir, bytes) = corpus(n);
    let dir_arg = dir.to_string_lossy().into_owned();
    let t = Instant::now();
    let s = start(&dir_arg);
    let pid = s.child.process_id().unwrap_or(0);
    let _ = shown_within(&s, Duration::from_secs(20), ready);
    let loaded = shown_within(&s, Duration::from_secs(900), |t| {
        t.contains("Documents") && !t.contains("loading")
    });
    let hwm = vm_hwm_kb(pid);
    let secs = t.elapsed().as_secs_f64();
    quit(s);
    match (loaded, hwm) {
        (Some(_), Some(kb)) => {
            let rss = kb as f64 * 1024.0;
            println!(
                "peak RSS, {n} articles loaded in the reader: {:.0} MB for {:.0} MB of articles = {:.2}x corpus bytes (all parsed in {secs:.1} s = {:.1} MB/s)",
                rss / 1e6,
                bytes as f64 / 1e6,
                rss / bytes as f64,
                bytes as f64 / 1e6 / secs
            );
        }
        _ => println!("peak RSS: loading did not finish or /proc unavailable"),
    }
}
