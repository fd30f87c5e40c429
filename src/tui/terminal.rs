//! The terminal, owned: taking it and giving it back (also on a panic), and reading
//! its events on a thread of their own.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::execute;

use crate::store::SearchHit;

use super::app::Action;
use super::colour_reply::ColourReplyFilter;

/// What reaches the main loop: terminal events, and answers from the search worker.
pub(super) enum Incoming {
    Event(Event),
    Searched {
        query: String,
        hits: std::result::Result<Vec<SearchHit>, String>,
    },
}

/// Terminal events, read on their own thread so the app keeps its clock (autosave,
/// signals, a closed window) even when reading blocks or the terminal is gone.
pub(super) struct Input {
    pub(super) events: mpsc::Receiver<Incoming>,
    /// For the search worker's answers, which arrive the same way.
    pub(super) sender: mpsc::Sender<Incoming>,
    paused: Arc<AtomicBool>,
    /// Set by the reader while it is paused, so `pause` can wait until it has let go.
    idle: Arc<AtomicBool>,
}

impl Input {
    pub(super) fn start() -> Input {
        let (send, events) = mpsc::channel();
        let sender = send.clone();
        let paused = Arc::new(AtomicBool::new(false));
        let idle = Arc::new(AtomicBool::new(false));
        let (p, i) = (Arc::clone(&paused), Arc::clone(&idle));
        std::thread::spawn(move || {
            let mut replies = ColourReplyFilter::default();
            loop {
                if p.load(Ordering::Relaxed) {
                    i.store(true, Ordering::Relaxed);
                    std::thread::sleep(Duration::from_millis(20));
                    continue;
                }
                i.store(false, Ordering::Relaxed);
                let events = match event::poll(Duration::from_millis(50)) {
                    Ok(true) => match event::read() {
                        Ok(ev) => replies.feed(ev),
                        Err(_) => return,
                    },
                    Ok(false) => replies.flush(),
                    Err(_) => return,
                };
                for ev in events {
                    if send.send(Incoming::Event(ev)).is_err() {
                        return;
                    }
                }
            }
        });
        Input {
            events,
            sender,
            paused,
            idle,
        }
    }

    pub(super) fn pause(&self) {
        self.paused.store(true, Ordering::Relaxed);
        for _ in 0..50 {
            if self.idle.load(Ordering::Relaxed) {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Keys typed for the editor are not for the app; search answers are kept.
    pub(super) fn resume(&self) -> Vec<Incoming> {
        let mut kept = Vec::new();
        while let Ok(incoming) = self.events.try_recv() {
            if matches!(incoming, Incoming::Searched { .. }) {
                kept.push(incoming);
            }
        }
        self.paused.store(false, Ordering::Relaxed);
        kept
    }
}

/// Takes the terminal: raw mode and the alternate screen (ratatui), mouse reports, and
/// bracketed paste, so a paste arrives as one event rather than as thousands of keys.
pub(super) fn enter_terminal() -> ratatui::DefaultTerminal {
    let terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    terminal
}

/// Gives the terminal back as it was found.
pub(super) fn leave_terminal() {
    let _ = execute!(
        std::io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture
    );
    ratatui::restore();
}

/// ratatui's panic hook restores raw mode and the alternate screen; this one also turns
/// off mouse reports and bracketed paste, then hands on to the hook before it.
pub(super) fn install_panic_hook() {
    let before = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(
            std::io::stdout(),
            DisableBracketedPaste,
            DisableMouseCapture
        );
        before(info);
    }));
}

/// Turns what came in into actions for `update`.
pub(super) fn action_of(incoming: Incoming) -> Action {
    match incoming {
        Incoming::Event(Event::Key(key)) => Action::Key(key),
        Incoming::Event(Event::Mouse(mouse)) => Action::Mouse(mouse),
        Incoming::Event(Event::Paste(text)) => Action::Paste(text),
        // Resizes and the rest: the next draw fits the new size.
        Incoming::Event(_) => Action::Tick,
        Incoming::Searched {
            query,
            hits: Ok(hits),
        } => Action::SearchResults { query, hits },
        Incoming::Searched {
            hits: Err(message), ..
        } => Action::Status(message),
    }
}
