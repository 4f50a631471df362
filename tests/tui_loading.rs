//! The reader on a generated 10,000-article folder, in a real pseudo-terminal: it is on screen
//! before the archive is parsed, shows its progress, fills the documents list as parsing
//! proceeds, and answers keys (help, search, quit) meanwhile.

#![cfg(unix)]

use std::time::{Duration, Instant};

mod common;

use common::pty::{Session, WAIT};

/// The number of documents listed so far, from the Documents pane's "cursor/count" label.
fn listed(screen: &str) -> Option<usize> {
    let line = screen.lines().find(|l| l.contains("Documents"))?;
    let after = &line[line.find("Documents")?..];
    let slash = after.find('/')?;
    after[slash + 1..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

#[test]
fn keys_work_and_the_list_fills_while_an_archive_loads() {
    // Removed when dropped, also when an assertion fails.
    let tmp = tempfile::Builder::new()
        .prefix("briefing-load-e2e-")
        .tempdir()
        .expect("temp dir");
    let dir = tmp.path();
    let pool = briefing::corpus_gen::Pool::seed();
    briefing::corpus_gen::write_corpus(dir, &pool, 1, 10_000).expect("corpus");
    let dir_arg = dir.to_string_lossy().into_owned();
    let mut s = Session::start(&[&dir_arg], 140, 40);

    let first = s.wait_for("the first frame while loading", |t| {
        t.contains("loading") && t.contains("Documents") && listed(t).is_some()
    });
    assert!(first.contains("/10000 files"), "{first}");
    let n1 = listed(&first).unwrap_or(0);

    // Help opens and closes while parsing goes on.
    s.send("?");
    s.wait_for("help", |t| t.contains("Help · Esc closes"));
    s.send("\x1b");
    s.wait_for("help closed", |t| !t.contains("Help · Esc closes"));

    // Search answers over what is loaded so far.
    s.send("/putin");
    let screen = s.wait_for("search results", |t| {
        t.contains("Search quotes") && t.contains("putin") && !t.contains("searching…")
    });
    assert!(screen.contains("Putin"), "{screen}");
    s.send("\x1b");
    s.wait_for("search closed", |t| !t.contains("Search quotes"));

    // The list has grown, and loading is still under way (the screen keeps updating).
    let later = s.wait_for("more documents listed", |t| {
        listed(t).is_some_and(|n| n > n1) && t.contains("loading")
    });
    assert!(listed(&later) > Some(n1), "{later}");

    // Moving in the documents list and quitting work mid-load.
    s.send("d");
    s.send("j");
    s.wait_for("second document selected", |t| t.contains("2/"));
    let quit_at = Instant::now();
    s.send("q");
    loop {
        if let Some(status) = s.child.try_wait().expect("wait") {
            assert!(status.success(), "exit status {status:?}");
            break;
        }
        assert!(quit_at.elapsed() < WAIT, "did not quit while loading");
        std::thread::sleep(Duration::from_millis(20));
    }
}
