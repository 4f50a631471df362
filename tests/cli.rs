//! The scripting CLI, driven as a user would: the real binary, its output and exit status.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn briefing(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run briefing")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A scratch directory, removed when dropped (also when the test panics).
fn tmpdir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("briefing-cli-{name}-"))
        .tempdir()
        .expect("tmp dir")
}

const SEED: &str = include_str!("../seeds/000_9ea31ebcd1a31f2c.txt");

#[test]
fn quotes_jsonl_offsets_point_at_the_quotes() {
    let o = briefing(&["quotes", "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "one line per document");
    let v: serde_json::Value = serde_json::from_str(lines[0]).expect("json");
    assert_eq!(v["id"], "000_9ea31ebcd1a31f2c");
    let quotes = v["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 20);
    for q in quotes {
        let (s, e) = (
            q["start"].as_u64().expect("start") as usize,
            q["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(&SEED[s..e], q["text"].as_str().expect("text"));
        assert!(q["kind"] == "full" || q["kind"] == "partial");
        assert!(q["provenance"]["span_rule"].is_string());
    }
    let biden = quotes
        .iter()
        .filter(|q| q["speaker"] == "Joe Biden")
        .count();
    assert_eq!(biden, 8);
}

#[test]
fn filters_by_speaker_and_topic() {
    let o = briefing(&["quotes", "--format", "jsonl", "--speaker", "putin"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("json");
    let qs = v["quotes"].as_array().expect("quotes");
    assert_eq!(qs.len(), 10);
    assert!(qs.iter().all(|q| q["speaker"] == "Vladimir Putin"));

    let o = briefing(&[
        "quotes",
        "--format",
        "jsonl",
        "--speaker",
        "the Russian leader",
    ]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("json");
    assert_eq!(
        v["quotes"].as_array().map(Vec::len),
        Some(10),
        "a mention form selects the speaker"
    );

    let o = briefing(&["quotes", "--format", "jsonl", "--topic", "CYBERSECURITY"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("json");
    let qs = v["quotes"].as_array().expect("quotes");
    assert!(!qs.is_empty() && qs.len() < 20);
    for q in qs {
        assert!(q["topics"]
            .as_array()
            .expect("topics")
            .iter()
            .any(|t| t == "cybersecurity"));
    }
}

#[test]
fn csv_and_table_and_speakers_and_topics() {
    let o = briefing(&["quotes", "--format", "csv"]);
    let out = stdout(&o);
    assert!(out.starts_with("id,start,end,speaker,kind,cue,topics,text\n"));
    assert_eq!(out.lines().count(), 21);
    assert!(
        out.contains("\"\"\"We agreed to task experts"),
        "text with quotes is CSV-escaped"
    );

    let o = briefing(&["quotes", "--format", "table", "--explain"]);
    let out = stdout(&o);
    assert!(out.contains("Vladimir Putin (10)"));
    assert!(out.contains("Joe Biden (8)"));
    assert!(out.contains("Unattributed (1)"));
    assert!(out.contains("why: span Paired; speaker CueAfter"));

    let o = briefing(&["speakers", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v[0]["name"], "Vladimir Putin");
    assert_eq!(v[0]["quote_count"], 10);

    let o = briefing(&["topics", "--format", "jsonl"]);
    assert!(stdout(&o)
        .lines()
        .any(|l| l.contains("\"name\":\"cybersecurity\"")));
}

#[test]
fn export_is_the_whole_model() {
    let o = briefing(&["export", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let d = &v[0];
    assert_eq!(d["date"], "2021-06-17");
    assert_eq!(d["paragraphs"].as_array().map(Vec::len), Some(7));
    assert!(d["sentences"].as_array().is_some_and(|s| s.len() > 15));
    assert_eq!(d["quotes"].as_array().map(Vec::len), Some(20));
    assert!(d["text"].as_str().is_some_and(|t| t == SEED));
}

#[test]
fn reads_directories_stdin_and_jsonl() {
    let tmp = tmpdir("dirs");
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("sub")).expect("sub");
    std::fs::write(dir.join("b.txt"), "“Yes,” Ann Lee said.").expect("b");
    std::fs::write(dir.join("sub/a.md"), "# Title\n\n“No,” Bob Ray said.").expect("a");
    std::fs::write(dir.join(".hidden.txt"), "“Hidden,” he said.").expect("hidden");
    std::fs::write(dir.join("notes.pdf"), "not an article").expect("pdf");
    let o = briefing(&["quotes", "--format", "jsonl", dir.to_str().expect("path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ids: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["id"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(
        ids,
        vec!["b", "a"],
        "sorted by path, hidden and non-article files skipped"
    );

    let corpus = dir.join("c.jsonl");
    std::fs::write(&corpus, "{\"id\": \"x1\", \"text\": \"“Go,” Cy Twombly said.\"}\n{\"id\": \"x2\", \"text\": \"Nothing.\"}\n").expect("jsonl");
    let o = briefing(&[
        "speakers",
        "--format",
        "jsonl",
        corpus.to_str().expect("path"),
    ]);
    assert!(stdout(&o).contains("\"name\":\"Cy Twombly\""));

    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["quotes", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all("“Hello there,” Mary Smith said.".as_bytes())
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    assert!(stdout(&o).contains("\"speaker\":\"Mary Smith\""));
}

#[test]
fn bad_input_gives_a_one_line_error_and_status_2() {
    let tmp = tmpdir("bad");
    let dir = tmp.path();
    let missing = dir.join("missing.txt");
    let o = briefing(&["quotes", missing.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("missing.txt") && err.contains("no such file"));

    let empty_dir = dir.join("empty");
    std::fs::create_dir_all(&empty_dir).expect("dir");
    let o = briefing(&["quotes", empty_dir.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no articles"));

    let bin = dir.join("image.txt");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\x00\x00\x00").expect("bin");
    let o = briefing(&["quotes", bin.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("binary"));

    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "  \n").expect("empty");
    let o = briefing(&["quotes", empty.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("empty"));

    let o = briefing(&["quotes", "--format", "yaml"]);
    assert_eq!(o.status.code(), Some(2), "usage errors exit 2");
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning_and_offsets_kept() {
    let tmp = tmpdir("utf8");
    let dir = tmp.path();
    let f = dir.join("bad.txt");
    let mut bytes = b"Intro \xff\xfe text. ".to_vec();
    bytes.extend_from_slice("“Fine words,” Jo March said.".as_bytes());
    std::fs::write(&f, &bytes).expect("write");
    let o = briefing(&["quotes", "--format", "jsonl", f.to_str().expect("path")]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("invalid UTF-8 at byte 6"));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("json");
    let q = &v["quotes"][0];
    let (s, e) = (
        q["start"].as_u64().expect("s") as usize,
        q["end"].as_u64().expect("e") as usize,
    );
    assert_eq!(
        &bytes[s..e],
        "“Fine words,”".as_bytes(),
        "offsets index the original bytes"
    );
    assert_eq!(
        std::fs::read(&f).expect("reread"),
        bytes,
        "input files are never written"
    );
}

#[test]
fn table_output_never_carries_escape_sequences() {
    let tmp = tmpdir("esc");
    let dir = tmp.path();
    let f = dir.join("esc.txt");
    std::fs::write(
        &f,
        "“Clear \x1b[2J the \x1b]52;c;AAAA\x07 screen \u{9b}31m,” Eve Hacker said.",
    )
    .expect("write");
    let o = briefing(&["quotes", "--format", "table", f.to_str().expect("path")]);
    let out = stdout(&o);
    assert!(out.contains("Eve Hacker (1)"));
    assert!(
        !out.contains('\x1b') && !out.contains('\x07') && !out.contains('\u{9b}'),
        "{out:?}"
    );
}
