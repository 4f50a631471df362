//! The terminal is handed back intact on every way out of the reader: quit, SIGTERM, SIGHUP, and
//! Ctrl-Z with `fg` under a real job-control shell. The real binary runs in a pseudo-terminal
//! read back through a terminal emulator; every wait is bounded.

#![cfg(unix)]

use std::io::{Read, Write};
use std::process::Command;
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
    fn start(program: &str, args: &[&str]) -> Session {
        Session::start_with_env(program, args, &[])
    }

    fn start_with_env(program: &str, args: &[&str], env: &[(&str, &str)]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("PS1", "READY$ ");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(24).expect("rows"),
            std::num::NonZeroU16::new(80).expect("cols"),
            0,
        )));
        let feed = Arc::clone(&screen);
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

    fn reader(args: &[&str]) -> Session {
        Session::start(env!("CARGO_BIN_EXE_briefing"), args)
    }

    /// The reader with a fault injected right after its first frame.
    fn faulty_reader(fault: &str) -> Session {
        Session::start_with_env(
            env!("CARGO_BIN_EXE_briefing"),
            &[],
            &[("BRIEFING_INJECT_FAULT", fault)],
        )
    }

    /// Waits until the emulated screen satisfies `pred`.
    fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
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
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_reader(&self) {
        self.wait_for("the reader", |s| {
            s.alternate_screen() && s.contents().contains("Quotes")
        });
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }

    fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("pid");
        let ok = Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(ok.success(), "kill -{name} {pid}");
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(start.elapsed() < WAIT, "did not exit");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The reader's changes undone: main screen, no mouse reporting, cursor shown.
    fn assert_restored(&self) {
        // The last bytes may still be in flight after the exit.
        self.wait_for("the terminal restored", |s| {
            !s.alternate_screen()
                && !s.hide_cursor()
                && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
        });
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
fn quit_restores_the_terminal() {
    let mut s = Session::reader(&[]);
    s.wait_reader();
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_then_reports_readably() {
    let mut s = Session::faulty_reader("panic");
    let status = s.wait_exit();
    assert!(!status.success(), "{status:?}");
    s.assert_restored();
    // The message is printed after the screen is back, so it is on the main screen.
    s.wait_for("the panic message", |sc| {
        sc.contents().contains("injected fault")
    });
}

#[test]
fn an_error_restores_the_terminal_and_exits_1() {
    let mut s = Session::faulty_reader("error");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 1, "{status:?}");
    s.assert_restored();
    s.wait_for("the error message", |sc| {
        sc.contents().contains("briefing: injected fault")
    });
}

#[test]
fn sigterm_restores_the_terminal_and_dies_of_the_signal() {
    let mut s = Session::reader(&[]);
    s.wait_reader();
    s.signal("TERM");
    let status = s.wait_exit();
    assert_eq!(status.signal(), Some("Terminated"), "{status:?}");
    s.assert_restored();
}

#[test]
fn sighup_restores_the_terminal_and_dies_of_the_signal() {
    let mut s = Session::reader(&[]);
    s.wait_reader();
    s.signal("HUP");
    let status = s.wait_exit();
    assert_eq!(status.signal(), Some("Hangup"), "{status:?}");
    s.assert_restored();
}

/// Under an interactive shell with job control: Ctrl-Z stops the reader and gives the shell a
/// clean terminal; `fg` brings the reader back, redrawn, and it still answers keys.
#[test]
fn ctrl_z_suspends_and_fg_resumes_with_a_redraw() {
    if Command::new("bash").arg("--version").output().is_err() {
        eprintln!("skipped: no bash for job control");
        return;
    }
    let mut s = Session::start("bash", &["--norc", "--noprofile", "-i"]);
    s.wait_for("the prompt", |s| s.contents().contains("READY$"));
    s.send(&format!("{}\r", env!("CARGO_BIN_EXE_briefing")));
    s.wait_reader();
    s.send("\x1a");
    s.wait_for("the job stopped", |s| {
        !s.alternate_screen() && s.contents().contains("Stopped")
    });
    s.assert_restored();
    s.send("fg\r");
    s.wait_reader();
    s.send("?");
    s.wait_for("the help", |s| s.contents().contains("focus the next pane"));
    // Esc and q apart: sent together they read as Alt-q.
    s.send("\x1b");
    s.wait_for("the help closed", |s| {
        !s.contents().contains("focus the next pane")
    });
    s.send("q");
    s.wait_for("the reader gone", |s| !s.alternate_screen());
    s.send("exit\r");
    s.wait_exit();
}
