//! End to end: the real binary in a real pseudo-terminal, read back through a terminal emulator.
//! Every wait is bounded, and the child is killed if a test fails.

#![cfg(unix)]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};

const WAIT: Duration = Duration::from_secs(20);

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("spawn briefing");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(rows).expect("rows"),
            std::num::NonZeroU16::new(cols).expect("cols"),
            0,
        )));
        let feed = Arc::clone(&screen);
        // The master must outlive the child's output; the reader thread owns it.
        std::thread::spawn(move || {
            let _master = pair.master;
            let mut buf = [0u8; 8192];
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

    fn contents(&self) -> String {
        self.screen
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Waits until the screen satisfies `pred`; panics (killing the child in Drop) on timeout.
    fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.contents();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > WAIT {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            if start.elapsed() > WAIT {
                panic!("briefing did not exit; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[test]
fn seed_opens_help_search_and_quits_cleanly() {
    let mut s = Session::start(&[], 120, 40);
    let screen = s.wait_text("Vladimir Putin");
    assert!(
        screen.contains("Article") && screen.contains("Quotes") && screen.contains("Topics"),
        "{screen}"
    );
    assert!(
        s.screen
            .lock()
            .map(|p| p.screen().alternate_screen())
            .unwrap_or(false),
        "alternate screen"
    );

    s.send("?");
    s.wait_text("Help · Esc closes");
    s.send("\x1b"); // Esc closes the help
    s.wait_for("help closed", |t| !t.contains("Help · Esc closes"));

    s.send("/putin cyb");
    let screen = s.wait_text("putin cyb");
    assert!(screen.contains("Search quotes"), "{screen}");
    s.send("\r");
    s.wait_for("search closed", |t| !t.contains("Search quotes"));

    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let restored = s
        .screen
        .lock()
        .map(|p| !p.screen().alternate_screen())
        .unwrap_or(false);
    assert!(restored, "the terminal left the alternate screen");
}

#[test]
fn several_documents_show_the_documents_pane() {
    let dir = std::env::temp_dir().join(format!("briefing-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds/000_9ea31ebcd1a31f2c.txt");
    std::fs::copy(&seed, dir.join("a_summit.txt")).expect("copy seed");
    std::fs::write(
        dir.join("b_pipeline.txt"),
        "Colonial Pipeline paid the ransom\n\n\"We are still recovering,\" a company spokesperson said on Wednesday.\n",
    )
    .expect("write article");
    let dir_arg = dir.to_string_lossy().into_owned();
    let mut s = Session::start(&[&dir_arg], 120, 40);
    let screen = s.wait_text("Documents");
    assert!(screen.contains("1/2"), "{screen}");
    s.send("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn too_small_terminal_says_so_and_q_quits() {
    let mut s = Session::start(&[], 40, 10);
    s.wait_text("Terminal too small");
    s.send("q");
    assert!(s.wait_exit().success());
}
