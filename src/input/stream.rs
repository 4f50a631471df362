//! Opening an archive without waiting for it: the reader gets the first article at once and the
//! rest arrives in batches from a background thread, parsed on every core.
//!
//! Input errors are the same as [`super::collect`]'s and are found before the reader starts: a
//! missing path, a named file that cannot be read, stdin, and a directory without one readable
//! article all fail here. Only a directory's other files are read later; their problems become
//! warnings, as they are for `collect`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Result;
use rayon::prelude::*;

use super::{describe_io, input_error, read_file, read_stdin, seed, walk, Collected, RawArticle};
use crate::model::{Document, Interner};

/// Parsed documents sent to the reader, in input order.
#[derive(Debug)]
pub struct Batch {
    pub docs: Vec<Document>,
    pub warnings: Vec<String>,
    /// Files handled so far and in all (for the progress indicator).
    pub done: usize,
    pub total: usize,
}

/// What the reader opens with.
#[derive(Debug)]
pub struct Opened {
    /// At least one document.
    pub first: Vec<Document>,
    pub warnings: Vec<String>,
    /// The rest, still to read and parse; `None` when everything is in `first`.
    pub rest: Option<Pending>,
}

/// One input still to load: an article already read, or a directory's file not read yet.
#[derive(Debug)]
enum Source {
    Ready(RawArticle),
    File(PathBuf),
}

/// Work left for [`Pending::spawn`].
#[derive(Debug)]
pub struct Pending {
    sources: Vec<Source>,
    /// Inputs already handled by [`open`] (counted in the progress).
    already: usize,
}

impl Pending {
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// Inputs in all, including those [`open`] already handled.
    pub fn total(&self) -> usize {
        self.already + self.sources.len()
    }

    /// Reads and parses the rest on a background thread, handing each batch to `sink` in input
    /// order; stops early when `sink` returns false (the reader has quit).
    pub fn spawn(
        self,
        mut sink: impl FnMut(Batch) -> bool + Send + 'static,
    ) -> std::thread::JoinHandle<()> {
        std::thread::spawn(move || {
            let total = self.total();
            let mut done = self.already;
            let mut sources = self.sources.into_iter();
            // Small batches first so the list starts filling at once, then larger ones so that
            // the reader redraws a few times a second rather than per document.
            let mut size = 8;
            let mut last_send = Instant::now();
            // Lives with the loader: documents keep their shared strings after it ends.
            let mut strings = Interner::default();
            let mut pending = Batch {
                docs: Vec::new(),
                warnings: Vec::new(),
                done: 0,
                total,
            };
            loop {
                let chunk: Vec<Source> = sources.by_ref().take(size).collect();
                if chunk.is_empty() {
                    break;
                }
                done += chunk.len();
                // One task per source: the shared pool stays free for a search between them.
                let parsed: Vec<(Vec<Document>, Vec<String>)> =
                    chunk.into_par_iter().map(load_source).collect();
                for (mut docs, warnings) in parsed {
                    docs.iter_mut().for_each(|d| d.share_strings(&mut strings));
                    pending.docs.extend(docs);
                    pending.warnings.extend(warnings);
                }
                pending.done = done;
                if last_send.elapsed() >= Duration::from_millis(30) || done == total {
                    let next = Batch {
                        docs: Vec::new(),
                        warnings: Vec::new(),
                        done,
                        total,
                    };
                    if !sink(std::mem::replace(&mut pending, next)) {
                        return;
                    }
                    last_send = Instant::now();
                }
                size = (size * 2).min(256);
            }
        })
    }
}

fn load_source(src: Source) -> (Vec<Document>, Vec<String>) {
    match src {
        Source::Ready(a) => (vec![compact(a.parse())], Vec::new()),
        Source::File(p) => {
            let mut out = Collected::default();
            // Found in a directory: problems are warnings, never errors.
            let _ = read_file(&p, false, &mut out);
            let docs = out
                .articles
                .into_iter()
                .map(|a| compact(a.parse()))
                .collect();
            (docs, out.warnings)
        }
    }
}

/// Gives back the spare capacity a parse leaves in a document's vectors and strings: an archive
/// keeps every document for the whole session, and grown-by-doubling vectors can be half empty.
fn compact(mut d: Document) -> Document {
    d.text.shrink_to_fit();
    d.headings.shrink_to_fit();
    d.paragraphs.shrink_to_fit();
    d.sentences.shrink_to_fit();
    d.quotes.shrink_to_fit();
    d.speakers.shrink_to_fit();
    d.topics.shrink_to_fit();
    d.warnings.shrink_to_fit();
    d
}

/// Reads as much of `paths` as the checks need and parses the first article; the rest is left
/// to [`Pending::spawn`]. With no paths, the embedded seed.
pub fn open(paths: &[PathBuf]) -> Result<Opened> {
    let mut warnings = Vec::new();
    let mut sources: Vec<Source> = Vec::new();
    if paths.is_empty() {
        sources.push(Source::Ready(seed()));
    }
    for p in paths {
        if p.as_os_str() == "-" {
            let mut out = Collected::default();
            read_stdin(&mut out)?;
            warnings.append(&mut out.warnings);
            sources.extend(out.articles.into_iter().map(Source::Ready));
            continue;
        }
        let meta = std::fs::metadata(p)
            .map_err(|e| input_error(format!("{}: {}", p.display(), describe_io(&e))))?;
        if meta.is_dir() {
            open_dir(p, &mut sources, &mut warnings)?;
        } else {
            let mut out = Collected::default();
            read_file(p, true, &mut out)?;
            warnings.append(&mut out.warnings);
            sources.extend(out.articles.into_iter().map(Source::Ready));
        }
    }
    let mut rest = sources.into_iter();
    let mut already = 0;
    let first = loop {
        already += 1;
        match rest.next() {
            Some(s) => {
                let (docs, mut w) = load_source(s);
                warnings.append(&mut w);
                if !docs.is_empty() {
                    break docs;
                }
            }
            // Unreachable in practice: every path above yields an article or an error.
            None => return Err(input_error("no articles to open".into())),
        }
    };
    let rest: Vec<Source> = rest.collect();
    Ok(Opened {
        first,
        warnings,
        rest: (!rest.is_empty()).then_some(Pending {
            sources: rest,
            already,
        }),
    })
}

/// A directory's files, in `collect`'s order. Files are read until the first article, so a
/// directory without one readable article is the same error it is for `collect`; the others are
/// left unread.
fn open_dir(dir: &Path, sources: &mut Vec<Source>, warnings: &mut Vec<String>) -> Result<()> {
    let mut files = Vec::new();
    walk(dir, &mut files, warnings);
    let mut files = files.into_iter();
    let mut found = false;
    for f in files.by_ref() {
        let mut out = Collected::default();
        read_file(&f, false, &mut out)?;
        warnings.append(&mut out.warnings);
        if !out.articles.is_empty() {
            sources.extend(out.articles.into_iter().map(Source::Ready));
            found = true;
            break;
        }
    }
    if !found {
        return Err(input_error(format!(
            "{}: no articles (*.txt, *.md, *.jsonl) in this directory",
            dir.display()
        )));
    }
    sources.extend(files.map(Source::File));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_a_directory_in_order_with_the_same_documents_as_load() {
        let dir = std::env::temp_dir().join(format!("briefing-stream-{}", std::process::id()));
        let pool = crate::corpus_gen::Pool::seed();
        crate::corpus_gen::write_corpus(&dir, &pool, 3, 40).expect("corpus");
        std::fs::write(dir.join("zz_empty.txt"), "").expect("write");
        let paths = vec![dir.clone()];
        let (want, want_warnings) = super::super::load(&paths).expect("load");
        let opened = open(&paths).expect("open");
        let mut got = opened.first;
        let mut warnings = opened.warnings;
        let (tx, rx) = std::sync::mpsc::channel();
        let rest = opened.rest.expect("more to load");
        let n = rest.total();
        rest.spawn(move |b| tx.send(b).is_ok())
            .join()
            .expect("loader");
        let mut last_done = 0;
        for b in rx {
            assert!(b.done >= last_done && b.total == n);
            last_done = b.done;
            got.extend(b.docs);
            warnings.extend(b.warnings);
        }
        assert_eq!(last_done, n);
        assert_eq!(got, want);
        assert_eq!(warnings, want_warnings);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
