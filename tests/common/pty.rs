//! The real binary in a real pseudo-terminal, read back through a terminal emulator (vt100).
//! Shared by every end-to-end test; every wait is bounded and the child is killed on drop.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};

pub const WAIT: Duration = Duration::from_secs(20);

pub struct Session {
    pub screen: Arc<Mutex<vt100::Parser>>,
    /// Set once the reader thread has taken the child's last output (end of file or error).
    drained: Arc<AtomicBool>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
}

impl Session {
    /// `program` with `args` and extra environment in a `cols`×`rows` pseudo-terminal.
    pub fn spawn(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("PS1", "READY$ ");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(rows).expect("rows"),
            std::num::NonZeroU16::new(cols).expect("cols"),
            0,
        )));
        let feed = Arc::clone(&screen);
        let drained = Arc::new(AtomicBool::new(false));
        let done = Arc::clone(&drained);
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
            done.store(true, Ordering::Release);
        });
        Session {
            screen,
            drained,
            writer,
            child,
        }
    }

    /// The `briefing` binary under test.
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::spawn(env!("CARGO_BIN_EXE_briefing"), args, cols, rows, &[])
    }

    pub fn contents(&self) -> String {
        self.screen
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Waits until the emulated screen satisfies `pred`; panics (killing the child) on timeout.
    pub fn wait_screen(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if let Ok(p) = self.screen.lock() {
                if pred(p.screen()) {
                    return;
                }
                if start.elapsed() > WAIT {
                    panic!(
                        "timed out waiting for {what}; screen:\n{}",
                        p.screen().contents()
                    );
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen's text satisfies `pred`, and returns that text.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.contents();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > WAIT {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }

    /// Waits for the child to exit and for its last output (the terminal restore) to reach the
    /// emulated screen: a child can exit before the reader thread has read what it wrote.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                while !self.drained.load(Ordering::Acquire) {
                    if start.elapsed() > WAIT {
                        panic!(
                            "output not drained; screen:
{}",
                            self.contents()
                        );
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
                return status;
            }
            if start.elapsed() > WAIT {
                panic!("did not exit; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
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
