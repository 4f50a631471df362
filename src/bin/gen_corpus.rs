//! Writes a deterministic synthetic corpus: `gen_corpus DIR [ARTICLES] [--seed N] [--extra FILE.jsonl]`.
//! `--extra` adds the sentences of a JSONL corpus (e.g. an evaluation set kept outside the
//! repository) to the seed's; it is optional and its text is only recombined, never copied whole.

use std::path::PathBuf;
use std::process::ExitCode;

use briefing::corpus_gen::{write_corpus, Pool};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut n = 1_000usize;
    let mut seed = 1u64;
    let mut extra = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(seed),
            "--extra" => extra = args.next().map(PathBuf::from),
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => match a.parse() {
                Ok(v) => n = v,
                Err(_) => {
                    eprintln!("gen_corpus: not a number of articles: {a}");
                    return ExitCode::from(2);
                }
            },
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: gen_corpus DIR [ARTICLES] [--seed N] [--extra FILE.jsonl]");
        return ExitCode::from(2);
    };
    let mut pool = Pool::seed();
    if let Some(x) = &extra {
        let k = pool.add_jsonl(x);
        eprintln!(
            "gen_corpus: {} records of extra text from {}",
            k,
            x.display()
        );
    }
    match write_corpus(&dir, &pool, seed, n) {
        Ok(bytes) => {
            eprintln!(
                "gen_corpus: {n} articles, {bytes} bytes in {}",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", dir.display());
            ExitCode::from(1)
        }
    }
}
