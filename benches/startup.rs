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

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use briefing::corpus_gen::{write_corpus, Pool};
use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn std::io::Write + Send>,
    child: Box<dyn Child + Send + Sync>,
}

impl Session {
    fn start(dir: &Path) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 60,
                cols: 200,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.arg(dir);
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(60).expect("rows"),
            std::num::NonZeroU16::new(200).expect("cols"),
            0,
        )));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let _master = pair.master;
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = feed.lock() {
                    p.process(&buf[..n]);
                }
            }
        });
        Session {
            screen,
            writer,
            child,
        }
    }

    fn wait_for(&self, limit: Duration, pred: impl Fn(&str) -> bool) -> Option<Duration> {
        let start = Instant::now();
        while start.elapsed() < limit {
            let s = self
                .screen
                .lock()
                .map(|p| p.screen().contents())
                .unwrap_or_default();
            if pred(&s) {
                return Some(start.elapsed());
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        None
    }

    fn quit(mut self) {
        let _ = self.writer.write_all(b"q");
        let _ = self.writer.flush();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
    }
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
    let ready = |s: &str| s.contains("Documents") && s.contains("Article") && s.contains("loading");
    let mut times = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let s = Session::start(&dir);
        let shown = s.wait_for(Duration::from_secs(20), ready);
        let total = t.elapsed();
        match shown {
            Some(_) => times.push(total.as_secs_f64() * 1e3),
            None => println!("first frame: not shown within 20 s"),
        }
        s.quit();
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
    let t = Instant::now();
    let s = Session::start(&dir);
    let pid = s.child.process_id().unwrap_or(0);
    let _ = s.wait_for(Duration::from_secs(20), ready);
    let loaded = s.wait_for(Duration::from_secs(900), |t| {
        t.contains("Documents") && !t.contains("loading")
    });
    let hwm = vm_hwm_kb(pid);
    let secs = t.elapsed().as_secs_f64();
    s.quit();
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
