//! The terminal is handed back intact on every way out of the reader: quit, SIGTERM, SIGHUP, and
//! Ctrl-Z with `fg` under a real job-control shell. The real binary runs in a pseudo-terminal
//! read back through a terminal emulator; every wait is bounded.

#![cfg(unix)]

use std::process::Command;

mod common;

use common::pty::Session;

/// What these tests add to the shared session: the reader at 80×24, signals, restoration.
trait Terminal {
    fn reader(args: &[&str]) -> Session;
    fn faulty_reader(fault: &str) -> Session;
    fn wait_reader(&self);
    fn signal(&self, name: &str);
    fn assert_restored(&self);
}

impl Terminal for Session {
    fn reader(args: &[&str]) -> Session {
        Session::start(args, 80, 24)
    }

    /// The reader with a fault injected right after its first frame.
    fn faulty_reader(fault: &str) -> Session {
        Session::spawn(
            env!("CARGO_BIN_EXE_briefing"),
            &[],
            80,
            24,
            &[("BRIEFING_INJECT_FAULT", fault)],
        )
    }

    fn wait_reader(&self) {
        self.wait_screen("the reader", |s| {
            s.alternate_screen() && s.contents().contains("Quotes")
        });
    }

    fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("pid");
        let ok = Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(ok.success(), "kill -{name} {pid}");
    }

    /// The reader's changes undone: main screen, no mouse reporting, cursor shown.
    fn assert_restored(&self) {
        // The last bytes may still be in flight after the exit.
        self.wait_screen("the terminal restored", |s| {
            !s.alternate_screen()
                && !s.hide_cursor()
                && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
        });
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
    s.wait_screen("the panic message", |sc| {
        sc.contents().contains("injected fault")
    });
}

#[test]
fn an_error_restores_the_terminal_and_exits_1() {
    let mut s = Session::faulty_reader("error");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 1, "{status:?}");
    s.assert_restored();
    s.wait_screen("the error message", |sc| {
        sc.contents().contains("briefing: injected fault")
    });
}

/// Sends `signal` to the running reader: it must restore the terminal and die of it.
fn restores_and_dies_of(signal: &str, described: &str) {
    let mut s = Session::reader(&[]);
    s.wait_reader();
    s.signal(signal);
    let status = s.wait_exit();
    assert_eq!(status.signal(), Some(described), "{status:?}");
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal_and_dies_of_the_signal() {
    restores_and_dies_of("TERM", "Terminated");
}

#[test]
fn sighup_restores_the_terminal_and_dies_of_the_signal() {
    restores_and_dies_of("HUP", "Hangup");
}

/// Under an interactive shell with job control: Ctrl-Z stops the reader and gives the shell a
/// clean terminal; `fg` brings the reader back, redrawn, and it still answers keys.
#[test]
fn ctrl_z_suspends_and_fg_resumes_with_a_redraw() {
    if Command::new("bash").arg("--version").output().is_err() {
        eprintln!("skipped: no bash for job control");
        return;
    }
    let mut s = Session::spawn("bash", &["--norc", "--noprofile", "-i"], 80, 24, &[]);
    s.wait_screen("the prompt", |s| s.contents().contains("READY$"));
    s.send(&format!("{}\r", env!("CARGO_BIN_EXE_briefing")));
    s.wait_reader();
    s.send("\x1a");
    s.wait_screen("the job stopped", |s| {
        !s.alternate_screen() && s.contents().contains("Stopped")
    });
    s.assert_restored();
    s.send("fg\r");
    s.wait_reader();
    s.send("?");
    s.wait_screen("the help", |s| s.contents().contains("focus the next pane"));
    // Esc and q apart: sent together they read as Alt-q.
    s.send("\x1b");
    s.wait_screen("the help closed", |s| {
        !s.contents().contains("focus the next pane")
    });
    s.send("q");
    s.wait_screen("the reader gone", |s| !s.alternate_screen());
    s.send("exit\r");
    s.wait_exit();
}
