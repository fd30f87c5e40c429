//! The full-screen app without a terminal: an `App` on a fixed clock, keys and typing
//! sent through `update`, and frames drawn into ratatui's `TestBackend`.

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ratatui::Terminal;

use lantern::config::{self, Config};
use lantern::content;
use lantern::tui::app::{update, Action, App, Effect, Screen};
use lantern::tui::screens::editor::Editor;
use lantern::tui::theme::Theme;
use lantern::tui::view::view;

pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("a valid time")
}

/// A Friday evening: where every app in these tests starts its clock.
pub fn t0() -> DateTime<FixedOffset> {
    at("2026-11-20T17:30:00+00:00")
}

/// The app on Today, with the built-in content and default settings, in colour.
pub fn app() -> App {
    app_with(Config::default(), true)
}

pub fn app_with_config(config: Config) -> App {
    app_with(config, true)
}

/// As `app`, with colour on or (as NO_COLOR asks) off.
pub fn app_with_colour(colour: bool) -> App {
    app_with(Config::default(), colour)
}

fn app_with(config: Config, colour: bool) -> App {
    App::new(
        content::built_in(),
        config,
        Theme::new(config::Theme::Calm, colour),
        t0(),
        Screen::Today,
    )
}

// ---------------------------------------------------------------------------------
// Keys

pub fn key(code: KeyCode) -> Action {
    Action::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ch(c: char) -> Action {
    key(KeyCode::Char(c))
}

pub fn ctrl(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub fn press(app: &mut App, action: Action) -> Vec<Effect> {
    update(app, action)
}

/// Presses each key in turn, returning the effects of the last one.
pub fn keys(app: &mut App, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    let mut last = Vec::new();
    for a in actions {
        last = update(app, a);
    }
    last
}

/// Types `text` a character at a time; returns the effects of every key.
pub fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let mut all = Vec::new();
    for c in text.chars() {
        all.extend(update(app, ch(c)));
    }
    all
}

// ---------------------------------------------------------------------------------
// The editor

/// From Today into the editor with the default template (the reflective diary).
pub fn open_editor(app: &mut App) {
    assert!(press(app, ch('w')).is_empty());
    assert!(matches!(app.screen, Screen::Templates(_)));
    assert!(press(app, key(KeyCode::Enter)).is_empty());
    assert!(matches!(app.screen, Screen::Editor(_)));
}

pub fn editor(app: &App) -> &Editor {
    match &app.screen {
        Screen::Editor(e) => e,
        other => panic!("expected the editor, got {}", other.name()),
    }
}

/// The text of the editor's page in view.
pub fn page_text(app: &App) -> String {
    let e = editor(app);
    e.pages[e.index].area.lines().join("\n")
}

// ---------------------------------------------------------------------------------
// Drawing

pub fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal.draw(|f| view(app, f)).expect("a frame drawn");
    terminal
}

/// What the terminal shows, a line per row.
pub fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let width = buffer.area.width as usize;
    buffer
        .content()
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// What `app` shows at this size.
pub fn drawn_text(app: &App, width: u16, height: u16) -> String {
    screen_text(&draw(app, width, height))
}

/// Any cell with a colour of its own (not the terminal's default).
pub fn coloured_cells(terminal: &Terminal<TestBackend>) -> Vec<(u16, u16, Color, Color, String)> {
    let buffer = terminal.backend().buffer();
    let width = buffer.area.width;
    buffer
        .content()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.fg != Color::Reset || c.bg != Color::Reset)
        .map(|(i, c)| {
            let (x, y) = (i as u16 % width, i as u16 / width);
            (x, y, c.fg, c.bg, c.symbol().to_string())
        })
        .collect()
}

// insta names a snapshot after the test file whose `assert_snapshot!` takes it, so
// that macro stays in the test file and comes in here as `take_snapshot`, with the snapshot's
// name and the frame.

/// Draws `app` at 80×24 and 120×40 in the default theme, checks each is in colour and
/// hands it to `take_snapshot` as `{name}_{w}x{h}`; returns the text of each.
pub fn snapshots(
    name: &str,
    app: &App,
    mut take_snapshot: impl FnMut(String, &TestBackend),
) -> [String; 2] {
    assert!(app.theme.colour);
    let mut texts = [String::new(), String::new()];
    for (i, (w, h)) in [(80, 24), (120, 40)].into_iter().enumerate() {
        let terminal = draw(app, w, h);
        assert!(
            !coloured_cells(&terminal).is_empty(),
            "{name} at {w}×{h}: the default theme draws in colour"
        );
        texts[i] = screen_text(&terminal);
        take_snapshot(format!("{name}_{w}x{h}"), terminal.backend());
    }
    texts
}

/// Draws `app` at 80×24 without colour, checks that no cell has one and hands it to
/// `take_snapshot` as `{name}_no_color_80x24`; returns its text.
pub fn snapshot_no_colour(
    name: &str,
    app: &App,
    take_snapshot: impl FnOnce(String, &TestBackend),
) -> String {
    assert!(!app.theme.colour);
    let terminal = draw(app, 80, 24);
    let coloured = coloured_cells(&terminal);
    assert!(
        coloured.is_empty(),
        "{name}: with NO_COLOR no cell may have a colour, but these do: {:?}",
        &coloured[..coloured.len().min(10)]
    );
    take_snapshot(format!("{name}_no_color_80x24"), terminal.backend());
    screen_text(&terminal)
}
