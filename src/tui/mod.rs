//! The interactive terminal reader.
//!
//! Data flows one way: terminal events become [`Action`]s, [`update`] applies them to the
//! [`State`], and [`render::draw`] paints the state without changing it.

pub mod action;
pub mod keymap;
pub mod layout;
pub mod render;
pub mod search;
pub mod state;
pub mod theme;
pub mod update;
pub mod wrap;

use std::io::{self, Write};
use std::time::Duration;

use anyhow::{Context as _, Result};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
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
/// quit, error, and panic (the panic message is then printed after the screen is back).
pub fn run(docs: Vec<Document>) -> Result<()> {
    let mut state = State::new(docs, Theme::from_env());
    install_panic_hook();
    enter().context("cannot set up the terminal")?;
    let result = event_loop(&mut state);
    let restored = leave();
    result?;
    restored.context("cannot restore the terminal")
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

fn event_loop(state: &mut State) -> Result<()> {
    let mut terminal =
        Terminal::new(CrosstermBackend::new(io::stdout())).context("cannot open the terminal")?;
    let size = terminal.size().context("cannot read the terminal size")?;
    update(state, Action::Resize(size.width, size.height));
    let mut dirty = true;
    while !state.quit {
        if dirty {
            terminal
                .draw(|f| render::draw(f, state))
                .context("cannot draw")?;
            dirty = false;
        }
        // Wait for input; drain everything queued before drawing again, so a burst of keys or
        // wheel events costs one frame.
        if !event::poll(Duration::from_millis(250)).context("cannot read input")? {
            continue;
        }
        loop {
            let action = match event::read().context("cannot read input")? {
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
    Ok(())
}
