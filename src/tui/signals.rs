//! Signals that would otherwise leave the analyst's terminal in raw mode on the alternate screen.
//!
//! Termination signals (SIGTERM, SIGHUP, SIGINT, SIGQUIT) only set a flag: the event loop sees it
//! within one poll, the terminal is restored, and the process then dies of the same signal, so a
//! parent shell or supervisor sees the usual status. SIGCONT (after `fg`, or a stop sent from
//! outside) asks for raw mode and a full redraw again, since the shell resets the terminal while
//! a job is stopped. Ctrl-Z reaches a raw-mode reader as a key, not a signal: see [`suspend`].

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

/// Flags set by signal handlers, read by the event loop.
#[derive(Debug, Default)]
pub struct Signals {
    /// The number of the termination signal received, 0 for none.
    terminate: Arc<AtomicUsize>,
    resumed: Arc<AtomicBool>,
}

impl Signals {
    /// Registers the handlers (only flag stores, which are async-signal-safe).
    pub fn install() -> std::io::Result<Signals> {
        let s = Signals::default();
        #[cfg(unix)]
        {
            use signal_hook::consts::signal::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM};
            use signal_hook::flag;
            for sig in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
                // Signal numbers are small positive integers.
                flag::register_usize(sig, Arc::clone(&s.terminate), sig as usize)?;
            }
            flag::register(SIGCONT, Arc::clone(&s.resumed))?;
        }
        Ok(s)
    }

    /// The termination signal received, if any.
    pub fn terminated(&self) -> Option<i32> {
        match self.terminate.load(Ordering::SeqCst) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }

    /// Restores the terminal and dies of a termination signal from a watchdog thread when the
    /// event loop has not done so within half a second: when the terminal vanishes (tmux killed,
    /// ssh dropped), crossterm's input poll can spin without returning, so the loop never gets
    /// to look at the flag.
    pub fn watch(&self, restore: fn()) {
        let flag = Arc::clone(&self.terminate);
        std::thread::spawn(move || loop {
            std::thread::sleep(std::time::Duration::from_millis(100));
            let sig = flag.load(Ordering::SeqCst);
            if sig != 0 {
                std::thread::sleep(std::time::Duration::from_millis(500));
                restore();
                if let Ok(sig) = i32::try_from(sig) {
                    die_of(sig);
                }
                return;
            }
        });
    }

    /// True once after the process was continued (SIGCONT).
    pub fn take_resumed(&self) -> bool {
        self.resumed.swap(false, Ordering::SeqCst)
    }
}

/// Stops the process as Ctrl-Z does in a cooked terminal; returns when it is continued (`fg`).
/// The caller restores the terminal before and sets it up again after. In an orphaned process
/// group (no job-control shell to resume it) the kernel discards the stop, so this returns at
/// once rather than leaving a reader nobody can bring back.
pub fn suspend() {
    #[cfg(unix)]
    {
        let _ = signal_hook::low_level::raise(signal_hook::consts::signal::SIGTSTP);
    }
}

/// Ends the process the way `signal`'s default action would (the terminal already restored).
/// Returns only if that failed.
pub fn die_of(signal: i32) {
    #[cfg(unix)]
    {
        let _ = signal_hook::low_level::emulate_default_handler(signal);
    }
    #[cfg(not(unix))]
    let _ = signal;
}
