use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use briefing::cli::{self, Cli};
use briefing::input::{self, InputError};

fn run() -> Result<()> {
    let args = Cli::parse();
    match &args.command {
        Some(cmd) => {
            let (cli::Command::Quotes(c)
            | cli::Command::Speakers(c)
            | cli::Command::Topics(c)
            | cli::Command::Export(c)) = cmd;
            let (docs, warnings) = input::load(&c.paths)?;
            for w in warnings {
                eprintln!("briefing: warning: {w}");
            }
            let stdout = std::io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            cli::run(cmd, &docs, &mut out)?;
            out.flush()?;
            Ok(())
        }
        None => {
            // The first article is parsed now; the rest of an archive is parsed in the
            // background while the reader is already on screen.
            let opened = input::open(&args.paths)?;
            for w in &opened.warnings {
                eprintln!("briefing: warning: {w}");
            }
            let loading = opened.rest.map(|rest| {
                let progress = (rest.total() - rest.len(), rest.total());
                let start: briefing::tui::feed::StartLoading = Box::new(move |tx| {
                    rest.spawn(move |b| {
                        tx.send(briefing::tui::action::Loaded {
                            docs: b.docs,
                            warnings: b.warnings,
                            done: b.done,
                            total: b.total,
                        })
                        .is_ok()
                    });
                });
                (progress, start)
            });
            let late = briefing::tui::run_loading(opened.first, loading)?;
            for w in late {
                eprintln!("briefing: warning: {w}");
            }
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed pipe (`briefing quotes | head`) is not an error worth reporting.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("briefing: {e:#}");
            if e.downcast_ref::<InputError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}
