//! The interactive terminal reader.
//!
//! Data flows one way: terminal events become [`Action`]s, [`update`] applies them to the
//! [`State`], and [`render::draw`] paints the state without changing it.

pub mod action;
pub mod feed;
pub mod keymap;
pub mod layout;
pub mod render;
pub mod search;
pub mod signals;
pub mod state;
pub mod theme;
pub mod update;
pub mod wrap;

use std::io::{self, Write};
use std::time::Duration;

use anyhow::{Context as _, Result};
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers,
};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

pub use action::Action;
pub use state::State;
pub use theme::Theme;
pub use update::update;

use crate::model::Document;

/// Runs the reader over `docs` until the user quits. The terminal is restored on every way out:
/// quit, error, panic (the panic message is then printed after the screen is back), and
/// SIGTERM/SIGHUP/SIGINT/SIGQUIT (the process then dies of that signal); Ctrl-Z suspends.
pub fn run(docs: Vec<Document>) -> Result<()> {
    run_loading(docs, None).map(|_| ())
}

/// Like [`run`], while more documents are parsed in the background: `loading` is the progress so
/// far (input files done, in all) and what starts the rest (after the first frame, so the screen comes up
/// before the cores get busy). Returns the warnings met while loading.
pub fn run_loading(
    docs: Vec<Document>,
    loading: Option<((usize, usize), feed::StartLoading)>,
) -> Result<Vec<String>> {
    let mut state = State::new(docs, Theme::from_env());
    state.search_async = true;
    let start = loading.map(|(progress, start)| {
        state.loading = Some(progress);
        start
    });
    let mut feed = feed::Feed::new(start);
    let signals = signals::Signals::install().context("cannot install signal handlers")?;
    signals.watch(|| {
        let _ = leave();
    });
    install_panic_hook();
    enter().context("cannot set up the terminal")?;
    let result = event_loop(&mut state, &mut feed, &signals);
    let restored = leave();
    // Checked whatever the loop returned: after SIGHUP drawing may fail first.
    if let Some(sig) = signals.terminated() {
        signals::die_of(sig);
        anyhow::bail!("terminated by signal {sig}");
    }
    result?;
    restored.context("cannot restore the terminal")?;
    Ok(state.load_warnings)
}

fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
}

fn leave() -> io::Result<()> {
    let mut out = io::stdout();
    // Try every step even if one fails, so the terminal comes back as far as possible.
    let a = execute!(
        out,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let b = terminal::disable_raw_mode();
    let _ = out.flush();
    a.and(b)
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = leave();
        previous(info);
    }));
}

/// `BRIEFING_INJECT_FAULT=panic|error` makes the reader fail right after drawing, so the
/// end-to-end tests can prove the terminal is restored on those paths too (nothing else can make
/// a correct reader panic on demand). Unset, this does nothing.
fn inject_fault() -> Result<()> {
    match std::env::var("BRIEFING_INJECT_FAULT").as_deref() {
        Ok("panic") => panic!("injected fault (BRIEFING_INJECT_FAULT=panic)"),
        Ok("error") => anyhow::bail!("injected fault (BRIEFING_INJECT_FAULT=error)"),
        _ => Ok(()),
    }
}

/// Ctrl-Z: in raw mode the terminal sends it as a key instead of stopping the job.
fn is_suspend(k: &KeyEvent) -> bool {
    k.kind != KeyEventKind::Release
        && k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, KeyCode::Char('z' | 'Z'))
}

/// Sets the terminal up again after the process was stopped, and repaints all of it: the
/// screen holds the shell's output now, and the size may have changed meanwhile.
fn resume(terminal: &mut Terminal<CrosstermBackend<io::Stdout>>, state: &mut State) -> Result<()> {
    // Raw mode was lost while stopped; crossterm only re-applies it after a disable.
    let _ = terminal::disable_raw_mode();
    enter().context("cannot set up the terminal again")?;
    execute!(io::stdout(), terminal::Clear(terminal::ClearType::All)).context("cannot redraw")?;
    // A fresh `Terminal` has no previous frame to diff against, so the next draw paints every
    // cell. (`Terminal::clear` would also do, but it asks the terminal for the cursor position
    // and fails on terminals that do not answer.)
    *terminal =
        Terminal::new(CrosstermBackend::new(io::stdout())).context("cannot open the terminal")?;
    let size = terminal.size().context("cannot read the terminal size")?;
    update(state, Action::Resize(size.width, size.height));
    Ok(())
}

fn event_loop(state: &mut State, feed: &mut feed::Feed, signals: &signals::Signals) -> Result<()> {
    let mut terminal =
        Terminal::new(CrosstermBackend::new(io::stdout())).context("cannot open the terminal")?;
    let size = terminal.size().context("cannot read the terminal size")?;
    update(state, Action::Resize(size.width, size.height));
    let mut dirty = true;
    while !state.quit && signals.terminated().is_none() {
        if signals.take_resumed() {
            resume(&mut terminal, state)?;
            dirty = true;
        }
        if dirty {
            terminal
                .draw(|f| render::draw(f, state))
                .context("cannot draw")?;
            dirty = false;
            feed.start_loading();
            inject_fault()?;
        }
        // While documents or results are on their way, wake up often enough to show them;
        // otherwise wait for input.
        let wait = if feed.busy(state) {
            Duration::from_millis(15)
        } else {
            Duration::from_millis(250)
        };
        if event::poll(wait).context("cannot read input")? {
            // Drain everything queued before drawing again, so a burst of keys or wheel events
            // costs one frame.
            loop {
                let action = match event::read().context("cannot read input")? {
                    Event::Key(k) if is_suspend(&k) => {
                        leave().context("cannot restore the terminal")?;
                        signals::suspend();
                        signals.take_resumed();
                        resume(&mut terminal, state)?;
                        dirty = true;
                        None
                    }
                    Event::Key(k) => Some(Action::Key(k)),
                    Event::Mouse(m) => Some(Action::Mouse(m)),
                    Event::Resize(w, h) => Some(Action::Resize(w, h)),
                    _ => None,
                };
                if let Some(a) = action {
                    update(state, a);
                    dirty = true;
                }
                if state.quit || !event::poll(Duration::ZERO).context("cannot read input")? {
                    break;
                }
            }
        }
        for a in feed.actions() {
            update(state, a);
            dirty = true;
        }
        feed.request_search(state);
    }
    Ok(())
}
