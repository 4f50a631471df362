//! End to end: the real binary in a real pseudo-terminal, read back through a terminal emulator.
//! Every wait is bounded, and the child is killed if a test fails.

#![cfg(unix)]

use std::path::PathBuf;

mod common;

use common::pty::Session;

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
    // Removed when dropped, also when an assertion fails.
    let tmp = tempfile::Builder::new()
        .prefix("briefing-e2e-")
        .tempdir()
        .expect("temp dir");
    let dir = tmp.path();
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
}

#[test]
fn too_small_terminal_says_so_and_q_quits() {
    let mut s = Session::start(&[], 40, 10);
    s.wait_text("Terminal too small");
    s.send("q");
    assert!(s.wait_exit().success());
}
