//! Asking the terminal for its background colour (OSC 11), so the theme can match it.
//!
//! terminal-colorsaurus does the asking: it puts the terminal in raw mode only for the
//! question and restores it whatever happens, sends nothing when TERM is dumb (or a
//! terminal known not to answer), and follows the question with one every terminal
//! answers (DA1), so one that does not know OSC 11 is found out at once instead of
//! after the timeout. It must run before the alternate screen and the key reader
//! start, or the answer would reach the app as keys.

use std::io::IsTerminal;
use std::time::Duration;

use super::contrast::Rgb;

/// Long enough for a local terminal (a few milliseconds) and a nearby ssh hop; short
/// enough that a terminal that never answers does not hold up the start. An answer
/// later than this (a slow link) is not waited for: the theme then paints its own
/// background, which reads anywhere.
const WAIT: Duration = Duration::from_millis(200);

/// The terminal's background, or None when there is no terminal to ask or it did not
/// say.
pub fn detect() -> Option<Rgb> {
    // With output going elsewhere nothing is drawn on a terminal, and a question
    // written there would land in a file.
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return None;
    }
    if keys_already_typed() {
        return None;
    }
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = WAIT;
    terminal_colorsaurus::background_color(options)
        .ok()
        .map(|c| c.scale_to_8bit())
}

/// Whether the person has typed ahead (`lantern` then `c` at once, say). Asking then
/// would read their keys as part of the answer and lose them, so the question is not
/// asked and the theme brings its own background. Keys typed before a line ends only
/// become readable in raw mode; the key reader keeps what it sees here for the app.
fn keys_already_typed() -> bool {
    if crossterm::terminal::enable_raw_mode().is_err() {
        return false;
    }
    let typed = crossterm::event::poll(Duration::ZERO).unwrap_or(false);
    if !typed {
        // As it was: the question below sets its own mode and puts it back.
        let _ = crossterm::terminal::disable_raw_mode();
    }
    typed
}
