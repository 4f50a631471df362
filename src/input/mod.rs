//! Reading articles from files, directories, stdin and JSONL corpora, and the embedded seed.

mod bounded;
mod decode;
mod stream;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

pub use decode::{decode_preserving_offsets, looks_binary};
pub use stream::{open, Batch, Opened, Pending};

use crate::model::Document;
use crate::parse::{parse_document, Meta};

/// The seed briefing, compiled in so that a bare `briefing` (or an installed binary) opens it.
pub const SEED_NAME: &str = "000_9ea31ebcd1a31f2c";
pub const SEED_TEXT: &str = include_str!("../../seeds/000_9ea31ebcd1a31f2c.txt");

/// An input problem the user must fix (missing path, no articles, unreadable file): exit 2.
#[derive(Debug)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

fn input_error(msg: String) -> anyhow::Error {
    anyhow::Error::new(InputError(msg))
}

/// One article's text before parsing.
#[derive(Debug, Clone)]
pub struct RawArticle {
    pub meta: Meta,
    pub text: String,
    pub warnings: Vec<String>,
}

impl RawArticle {
    pub fn parse(self) -> Document {
        let mut doc = parse_document(self.meta, self.text);
        let mut w = self.warnings;
        w.append(&mut doc.warnings);
        doc.warnings = w;
        doc
    }
}

/// Articles read from the given paths, plus warnings about what was skipped.
#[derive(Debug, Default)]
pub struct Collected {
    pub articles: Vec<RawArticle>,
    pub warnings: Vec<String>,
}

/// The embedded seed article.
pub fn seed() -> RawArticle {
    RawArticle {
        meta: Meta {
            id: SEED_NAME.to_string(),
            source: format!("seeds/{SEED_NAME}.txt"),
            ..Meta::default()
        },
        text: SEED_TEXT.to_string(),
        warnings: Vec::new(),
    }
}

#[derive(Deserialize)]
struct JsonlRecord {
    id: String,
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

fn is_article_name(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "jsonl")
    )
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// Files under a directory, recursively, sorted, hidden entries skipped. Symlinked directories are
/// not followed, so a symlink loop cannot recurse forever. An article-named entry that cannot be
/// an article (a dangling or looping link, a FIFO that would block, a device) is reported, not
/// silently dropped.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, warnings: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            warnings.push(format!("{}: cannot read directory: {e}", dir.display()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if is_hidden(&p) {
            continue;
        }
        let meta = match std::fs::symlink_metadata(&p) {
            Ok(m) => m,
            Err(_) => continue,
        };
        if meta.is_dir() {
            walk(&p, out, warnings);
        } else if !is_article_name(&p) {
            continue;
        } else if meta.is_file() {
            out.push(p);
        } else if meta.is_symlink() {
            match std::fs::metadata(&p) {
                Ok(target) if target.is_file() => out.push(p),
                // A link to a directory is not followed (see above), like any other link.
                Ok(target) if target.is_dir() => {}
                Ok(_) => warnings.push(format!("{}: not a regular file (skipped)", p.display())),
                Err(e) => warnings.push(format!("{}: {} (skipped)", p.display(), describe_io(&e))),
            }
        } else {
            warnings.push(format!("{}: not a regular file (skipped)", p.display()));
        }
    }
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// Split a JSONL corpus into articles.
fn read_jsonl(text: &str, source: &str, out: &mut Collected) -> Result<()> {
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rec: JsonlRecord = serde_json::from_str(line).map_err(|e| {
            input_error(format!(
                "{source}:{}: not a JSONL article record: {e}",
                n + 1
            ))
        })?;
        out.articles.push(RawArticle {
            meta: Meta {
                id: rec.id,
                source: format!("{source}:{}", n + 1),
                title: rec.title,
                date: rec.date,
            },
            text: rec.text,
            warnings: Vec::new(),
        });
    }
    Ok(())
}

/// Read one file; `named` is true when the user named it (errors) rather than found it in a
/// directory (warnings).
fn read_file(path: &Path, named: bool, out: &mut Collected) -> Result<()> {
    let shown = path.display().to_string();
    let fail = |msg: String, out: &mut Collected| -> Result<()> {
        if named {
            Err(input_error(msg))
        } else {
            out.warnings.push(format!("{msg} (skipped)"));
            Ok(())
        }
    };
    let bytes = match bounded::read_path(path) {
        Ok(b) => b,
        // Between listing a directory and reading it, a file may vanish.
        Err(bounded::Refused::Io(e)) if !named && e.kind() == std::io::ErrorKind::NotFound => {
            return fail(format!("{shown}: vanished while loading"), out)
        }
        Err(e @ bounded::Refused::Io(_)) => return fail(format!("{shown}: cannot read: {e}"), out),
        Err(e) => return fail(format!("{shown}: {e}"), out),
    };
    let (text, bad) = decode_preserving_offsets(bytes);
    let mut warnings = Vec::new();
    if let Some(at) = bad {
        let w = format!("{shown}: invalid UTF-8 at byte {at} (shown as '?')");
        out.warnings.push(w.clone());
        warnings.push(w);
    }
    if text.trim().is_empty() {
        return fail(format!("{shown}: empty file"), out);
    }
    if path.extension().and_then(|e| e.to_str()) == Some("jsonl") {
        return read_jsonl(&text, &shown, out);
    }
    out.articles.push(RawArticle {
        meta: Meta {
            id: stem(path),
            source: shown,
            ..Meta::default()
        },
        text,
        warnings,
    });
    Ok(())
}

/// Read standard input: one article, or a JSONL corpus when the first line is a JSON object.
fn read_stdin(out: &mut Collected) -> Result<()> {
    let bytes = match bounded::read_all(std::io::stdin().lock()) {
        Ok(b) => b,
        Err(bounded::Refused::Io(e)) => return Err(e).context("reading standard input"),
        Err(bounded::Refused::Binary) => {
            return Err(input_error("-: binary data on standard input".into()))
        }
        Err(e) => return Err(input_error(format!("-: standard input {e}"))),
    };
    let (text, bad) = decode_preserving_offsets(bytes);
    if let Some(at) = bad {
        out.warnings
            .push(format!("-: invalid UTF-8 at byte {at} (shown as '?')"));
    }
    let first = text.trim_start();
    if first.starts_with('{')
        && first
            .lines()
            .next()
            .is_some_and(|l| l.trim_end().ends_with('}'))
    {
        read_jsonl(&text, "-", out)?;
    } else if text.trim().is_empty() {
        return Err(input_error("-: standard input is empty".into()));
    } else {
        out.articles.push(RawArticle {
            meta: Meta {
                id: "stdin".into(),
                source: "-".into(),
                ..Meta::default()
            },
            text,
            warnings: Vec::new(),
        });
    }
    Ok(())
}

/// Collect the articles named by `paths` (files, directories, `-` for stdin, JSONL corpora).
/// With no paths, the embedded seed.
pub fn collect(paths: &[PathBuf]) -> Result<Collected> {
    let mut out = Collected::default();
    if paths.is_empty() {
        out.articles.push(seed());
        return Ok(out);
    }
    for p in paths {
        if p.as_os_str() == "-" {
            read_stdin(&mut out)?;
            continue;
        }
        let meta = std::fs::metadata(p)
            .map_err(|e| input_error(format!("{}: {}", p.display(), describe_io(&e))))?;
        if meta.is_dir() {
            let before = out.articles.len();
            let mut files = Vec::new();
            walk(p, &mut files, &mut out.warnings);
            for f in files {
                read_file(&f, false, &mut out)?;
            }
            if out.articles.len() == before {
                return Err(input_error(format!(
                    "{}: no articles (*.txt, *.md, *.jsonl) in this directory",
                    p.display()
                )));
            }
        } else {
            read_file(p, true, &mut out)?;
        }
    }
    Ok(out)
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Collect and parse every article.
pub fn load(paths: &[PathBuf]) -> Result<(Vec<Document>, Vec<String>)> {
    let c = collect(paths)?;
    let docs = c.articles.into_iter().map(RawArticle::parse).collect();
    Ok((docs, c.warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file listed by `walk` and gone before it is read: a warning, and the others still load.
    #[test]
    fn a_file_vanishing_while_loading_is_a_warning() {
        let dir = std::env::temp_dir().join(format!("briefing-vanish-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        for name in ["a.txt", "b.txt", "c.txt"] {
            std::fs::write(dir.join(name), "“Yes,” Ann Lee said.").expect("write");
        }
        let mut files = Vec::new();
        let mut out = Collected::default();
        walk(&dir, &mut files, &mut out.warnings);
        assert_eq!(files.len(), 3);
        std::fs::remove_file(&files[1]).expect("remove");
        for f in &files {
            read_file(f, false, &mut out).expect("a directory's file never fails the load");
        }
        assert_eq!(out.articles.len(), 2);
        assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
        assert!(out.warnings[0].ends_with("b.txt: vanished while loading (skipped)"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
