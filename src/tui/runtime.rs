//! The terminal's owner and the event loop: the app is opened on the alternate screen,
//! terminal events and signals become actions, each action goes through `update`, and
//! the effects that come out go to the interpreter (`effects`). The terminal is handed
//! to $EDITOR and taken back here, because only this loop may let go of it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use chrono::{DateTime, FixedOffset, Local};

use crate::host::editor;
use crate::session::Session;
use crate::store;

use super::app::{self, Action, App, Effect, Screen};
use super::effects::Runtime;
use super::terminal::{
    action_of, enter_terminal, install_panic_hook, leave_terminal, Incoming, Input,
};
use super::{screens, theme, view};

/// `eprintln!` that never panics: a full or closed stderr must not turn a message into
/// a crash.
macro_rules! say {
    ($($arg:tt)*) => {{
        let mut stderr = ::std::io::stderr().lock();
        let _ = ::std::io::Write::write_fmt(&mut stderr, format_args!($($arg)*));
        let _ = ::std::io::Write::write_all(&mut stderr, b"\n");
    }};
}

/// The clock and a fresh id, set before each action: `update` reads them from the app
/// and so never asks the outside world itself.
fn stamp(app: &mut App) {
    app.now = now();
    app.next_uid = uuid::Uuid::new_v4().to_string();
}

fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// At most this long is spent on input already queued before the screen is drawn
/// again, so a flood of keys cannot freeze it.
const DRAIN_FOR: Duration = Duration::from_millis(100);
/// Ticks come at least this often, even while keys keep arriving.
const TICK_EVERY: Duration = Duration::from_millis(250);

pub fn run(session: &Session) -> Result<()> {
    let loaded = session.load_content();
    let theme = theme::Theme::for_terminal(session.config.theme);
    let db = &session.paths.database;
    // Only a missing diary is a first run: an empty or foreign file is reported, never
    // replaced.
    let first_run = store::file_kind(db)? == store::FileKind::Missing;
    let mut runtime = Runtime::new(session);
    let screen = if first_run {
        Screen::Welcome(screens::welcome::Welcome::new())
    } else if store::is_encrypted(db)? {
        if runtime.open_kept() {
            Screen::Today
        } else {
            Screen::Unlock(screens::unlock::Unlock::new())
        }
    } else {
        runtime.opened(session.open_store(None)?);
        Screen::Today
    };
    let mut app = App::new(loaded.content, session.config.clone(), theme, now(), screen);
    // One line fits the status bar: the first problem, and how to see the others
    // (any command prints the settings' problems; `lantern keys` prints the keys' too).
    let settings: Vec<&String> = session
        .config_warnings
        .iter()
        .chain(&app.keys.warnings)
        .collect();
    if let Some(first) = settings.first().or(loaded.warnings.first().as_ref()) {
        let more = settings.len().saturating_sub(1);
        app.status = Some(if more == 0 {
            first.to_string()
        } else {
            format!("{first} (and {more} more: `lantern keys` lists them all)")
        });
    }
    if let Some(notice) = runtime.first_notice() {
        app.status = Some(notice);
    }

    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop)).context("listening for signals")?;
    }
    // SIGINT (`kill -INT`; Ctrl-C itself arrives as a key in raw mode) is as SIGTERM:
    // keep what was typed and give the terminal back. It has a flag of its own because
    // a Ctrl-C typed in $EDITOR reaches Lantern too, and is the editor's business.
    let interrupted = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&interrupted))
        .context("listening for signals")?;
    let stopping = || stop.load(Ordering::Relaxed) || interrupted.load(Ordering::Relaxed);

    // ratatui::init installs a panic hook that restores the terminal first.
    let mut terminal = enter_terminal();
    install_panic_hook();
    let result = (|| -> Result<()> {
        if runtime.has_store() {
            runtime.handle(&mut app, vec![Effect::LoadToday]);
            runtime.offer_draft(&mut app);
        }
        let input = Input::start();
        runtime.answer_to(input.sender.clone());
        let mut last_tick = Instant::now();
        let mut backlog: Vec<Incoming> = Vec::new();
        loop {
            // A terminal that has gone away (its window closed) cannot be drawn on:
            // keep any writing as a draft, as for SIGHUP, and stop.
            let mut actions = Vec::new();
            if terminal.draw(|frame| view::view(&app, frame)).is_err() || stopping() {
                actions.push(Action::Terminate);
            } else if !backlog.is_empty() {
                actions.extend(backlog.drain(..).map(action_of));
            } else {
                let wait = if matches!(app.screen, Screen::Exercise(_)) {
                    100
                } else {
                    250
                };
                match input.events.recv_timeout(Duration::from_millis(wait)) {
                    Ok(incoming) => {
                        actions.push(action_of(incoming));
                        // Everything already queued is handled before the next draw.
                        let start = Instant::now();
                        while start.elapsed() < DRAIN_FOR {
                            match input.events.try_recv() {
                                Ok(incoming) => actions.push(action_of(incoming)),
                                Err(_) => break,
                            }
                        }
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                    Err(mpsc::RecvTimeoutError::Disconnected) => actions.push(Action::Terminate),
                }
                if last_tick.elapsed() >= TICK_EVERY || actions.is_empty() {
                    last_tick = Instant::now();
                    actions.push(Action::Tick);
                }
            }
            for action in actions {
                let action = if stopping() {
                    Action::Terminate
                } else {
                    action
                };
                stamp(&mut app);
                app.window = terminal.size().ok().map(|s| (s.width, s.height));
                let effects = app::update(&mut app, action);
                let had_store = runtime.has_store();
                let external = runtime.handle(&mut app, effects);
                if !had_store && runtime.has_store() {
                    runtime.offer_draft(&mut app);
                }
                if let Some(text) = external {
                    // Hand the terminal to $EDITOR (with nothing else reading keys), then
                    // take it back.
                    input.pause();
                    leave_terminal();
                    let result = editor::edit(&text, &session.paths.data_dir)
                        .map(|edited| {
                            if edited.not_utf8 {
                                // Said while the terminal is the person's, as a command would.
                                say!(
                                    "lantern: {}",
                                    editor::not_utf8_note("what your editor saved")
                                );
                            }
                            edited.text
                        })
                        .map_err(|e| format!("{e:#}"));
                    interrupted.store(false, Ordering::Relaxed);
                    terminal = enter_terminal();
                    let _ = terminal.clear();
                    backlog.extend(input.resume());
                    stamp(&mut app);
                    let effects = app::update(&mut app, Action::ExternalEdited(result));
                    runtime.handle(&mut app, effects);
                    // Keys queued before the hand-off were for the app as it was then.
                    break;
                }
                if app.quit {
                    if app.words_lost {
                        anyhow::bail!(
                            "your words could not be saved (is the disk full?) and Lantern \
                             had to stop"
                        );
                    }
                    return Ok(());
                }
            }
        }
    })();
    leave_terminal();
    result
}
