//! What a person sees reads: every letter drawn on the screens with the most colour
//! (Today, a running exercise with its timer over the progress bar, the mood meter)
//! meets WCAG AA against the background it lands on, in every theme, on light and
//! dark terminals and on one whose background is not known.

mod support;

use chrono::Duration;
use crossterm::event::KeyCode;
use ratatui::backend::TestBackend;
use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

use lantern::config;
use lantern::tui::app::{update, Action, App, Screen};
use lantern::tui::screens::exercise::ExerciseRun;
use lantern::tui::theme::contrast::{ratio, Rgb, TEXT};
use lantern::tui::theme::Theme;

use support::tui::{app, ch, draw, key, press, screen_text, t0};

/// A terminal as the tests stand in for it: its background, and the default text
/// colour a cell with no colour of its own would get.
#[derive(Debug, Clone, Copy)]
struct TerminalColours {
    background: Rgb,
    foreground: Rgb,
}

const WHITE_TERMINAL: TerminalColours = TerminalColours {
    background: (255, 255, 255),
    foreground: (0, 0, 0),
};
const BLACK_TERMINAL: TerminalColours = TerminalColours {
    background: (0, 0, 0),
    foreground: (255, 255, 255),
};
const GREY_TERMINAL: TerminalColours = TerminalColours {
    background: (0x28, 0x2c, 0x34),
    foreground: (0xab, 0xb2, 0xbf),
};

fn rgb(color: Color, default: Rgb) -> Option<Rgb> {
    match color {
        Color::Rgb(r, g, b) => Some((r, g, b)),
        Color::Reset => Some(default),
        _ => None,
    }
}

/// Box-drawing and blank cells carry no letters.
fn is_letter(symbol: &str) -> bool {
    symbol
        .chars()
        .any(|c| !c.is_whitespace() && !('\u{2500}'..='\u{257f}').contains(&c))
}

/// Each letter below 4.5:1, as "(x, y) 'c' ratio".
fn unreadable(terminal: &Terminal<TestBackend>, on: TerminalColours) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    let width = buffer.area.width as usize;
    buffer
        .content()
        .iter()
        .enumerate()
        .filter(|(_, cell)| is_letter(cell.symbol()))
        .filter_map(|(i, cell): (usize, &Cell)| {
            let fg = rgb(cell.fg, on.foreground);
            let bg = rgb(cell.bg, on.background);
            let (x, y) = (i % width, i / width);
            let (Some(mut fg), Some(mut bg)) = (fg, bg) else {
                return Some(format!("({x}, {y}) {:?}: a named colour", cell.symbol()));
            };
            if cell.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            let r = ratio(fg, bg);
            (r < TEXT).then(|| format!("({x}, {y}) {:?} {fg:?} on {bg:?}: {r:.2}", cell.symbol()))
        })
        .collect()
}

fn themes() -> Vec<(String, Theme, TerminalColours)> {
    let mut out = Vec::new();
    for name in [
        config::Theme::Auto,
        config::Theme::Calm,
        config::Theme::Light,
        config::Theme::HighContrast,
    ] {
        for on in [WHITE_TERMINAL, BLACK_TERMINAL, GREY_TERMINAL] {
            out.push((
                format!("{name:?} on {:?}", on.background),
                Theme::for_background(name, true, Some(on.background)),
                on,
            ));
            // Not known: whatever the terminal turns out to be, it must read.
            out.push((
                format!("{name:?}, background not known, on {:?}", on.background),
                Theme::for_background(name, true, None),
                on,
            ));
        }
    }
    out
}

/// Sets the clock `seconds` after the start and lets time pass.
fn at_second(app: &mut App, seconds: f64) {
    app.now = t0() + Duration::milliseconds((seconds * 1000.0).round() as i64);
    update(app, Action::Tick);
}

fn start_exercise(app: &mut App, id: &str) {
    let exercise = app
        .content
        .exercise(id)
        .expect("a built-in exercise") // ok: test
        .clone();
    let run = ExerciseRun::new(&exercise, &app.env());
    let today = std::mem::replace(&mut app.screen, Screen::Exercise(Box::new(run)));
    app.stack.push(today);
}

fn check(name: &str, app: &App, on: TerminalColours, failures: &mut Vec<String>) {
    for (w, h) in [(80, 24), (120, 40)] {
        let wrong = unreadable(&draw(app, w, h), on);
        if !wrong.is_empty() {
            failures.push(format!(
                "{name} at {w}×{h}: {} letters, first {:?}",
                wrong.len(),
                &wrong[..wrong.len().min(4)]
            ));
        }
    }
}

/// The "1:25 left" row and its text.
fn timer_row(terminal: &Terminal<TestBackend>) -> (u16, String) {
    let text = screen_text(terminal);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(" left"))
        .expect("the timer is on screen"); // ok: test
    (row as u16, line.to_string())
}

#[test]
fn the_exercise_timer_reads_before_over_and_after_the_bar() {
    let mut failures = Vec::new();
    for (name, theme, on) in themes() {
        let mut app = app();
        app.theme = theme;
        start_exercise(&mut app, "soothing-breathing");
        // From the start, to the bar reaching the words, to past them.
        for second in [1.0, 42.0, 65.0, 75.0, 103.0, 127.0] {
            at_second(&mut app, second);
            let terminal = draw(&app, 80, 24);
            let (row, _) = timer_row(&terminal);
            let buffer = terminal.backend().buffer();
            for x in 0..buffer.area.width {
                let cell = &buffer[(x, row)];
                if is_letter(cell.symbol()) && cell.symbol() != "█" {
                    // Its own pair: neither the bar's colour nor the terminal's.
                    let own = matches!((cell.fg, cell.bg), (Color::Rgb(..), Color::Rgb(..)));
                    if !own {
                        failures.push(format!(
                            "{name} at {second}s: {:?} at {x} is {:?} on {:?}",
                            cell.symbol(),
                            cell.fg,
                            cell.bg
                        ));
                    }
                }
            }
            check(
                &format!("{name}, exercise at {second}s"),
                &app,
                on,
                &mut failures,
            );
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_timer_is_drawn_over_the_bar_once_the_bar_reaches_it() {
    // The case the pair is for: filled cells on both sides of the words.
    let mut app = app();
    start_exercise(&mut app, "soothing-breathing");
    at_second(&mut app, 127.0);
    let terminal = draw(&app, 80, 24);
    let (_, line) = timer_row(&terminal);
    let words = line.find(" left").expect("the words"); // ok: test
    assert!(
        line[..words].contains('█') && line[words..].contains('█'),
        "the bar runs on both sides of the time: {line}"
    );
}

#[test]
fn today_and_the_mood_meter_read_in_every_theme() {
    let mut failures = Vec::new();
    for (name, theme, on) in themes() {
        let mut app = app();
        app.theme = theme;
        check(&format!("{name}, Today"), &app, on, &mut failures);
        press(&mut app, ch('c'));
        assert!(
            screen_text(&draw(&app, 80, 24)).contains("energy"),
            "the check-in opens on the mood meter"
        );
        // The marker into each quarter in turn: tense, lively, calm, low.
        let moves = [
            (KeyCode::Up, KeyCode::Left),
            (KeyCode::Right, KeyCode::Right),
            (KeyCode::Down, KeyCode::Down),
            (KeyCode::Left, KeyCode::Left),
        ];
        for (i, (a, b)) in moves.into_iter().enumerate() {
            for _ in 0..9 {
                press(&mut app, key(a));
                press(&mut app, key(b));
            }
            check(&format!("{name}, mood meter {i}"), &app, on, &mut failures);
        }
        press(&mut app, key(KeyCode::Tab));
        check(&format!("{name}, check-in words"), &app, on, &mut failures);
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
