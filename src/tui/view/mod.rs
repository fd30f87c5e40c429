//! Drawing the whole app: the current screen, a status line, the footer of keys, and
//! any overlay.
//!
//! Drawing does not change what the app means — no screen's content, choice, text or
//! position — but it does write down what only drawing knows, in `Cell`s on a few
//! screens: the diary's page height and the rows its hits landed on, search's hit
//! rows, the templates list's first row, the reader's wrapped layout, and where
//! Today's map put each room (kept in `screens::today`, as Today has no state).
//! Keys (page up and down, scrolling) and mouse clicks read them to map back to
//! rows. They are caches of the last frame, not state: a fresh screen works before
//! its first frame with their defaults.

mod focus;
mod overlay;

use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

use super::app::App;
use super::keymap::footer_items;
use overlay::draw_overlay;

pub use super::app::{MIN_HEIGHT, MIN_WIDTH};
/// Wider than this, screens sit in a centred column.
pub const MAX_WIDTH: u16 = 110;

pub fn view(app: &App, frame: &mut Frame) {
    let theme = &app.theme;
    frame.render_widget(Block::default().style(theme.base), frame.area());
    if !app.config.screen_reader_on() {
        draw(app, frame, frame.area());
        return;
    }
    // Screen-reader mode: the top line names where you are, and the cursor rests on
    // what has focus, which is where a terminal screen reader reads.
    let [top, area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(frame.area());
    let (name, boxed) = draw(app, frame, area);
    let name = match name.trim() {
        "" => "Message",
        name => name,
    };
    frame.render_widget(Paragraph::new(format!(" {name}")).style(theme.title), top);
    let cursor = match boxed {
        Some(text) => Some(Position::new(text.x, text.y)),
        None => focus::focused_cell(frame.buffer_mut(), area, theme.selected),
    };
    frame.set_cursor_position(cursor.unwrap_or(Position::new(top.x + 1, top.y)));
}

/// Draws the app in `area`; returns the name of what is in front (the screen, or the
/// box over it) and, for a box, where its text starts.
fn draw(app: &App, frame: &mut Frame, area: Rect) -> (String, Option<Rect>) {
    let theme = &app.theme;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let env = app.env();
        let quit = env.key_for(
            super::screens::today::KEYS,
            super::screens::today::Cmd::Quit,
        );
        let help_now = super::keymap::GLOBAL
            .iter()
            .find(|b| b.command == super::keymap::Global::HelpNow)
            .map(|b| {
                let keys: Vec<String> = super::keymap::keys_of(&app.keys, b)
                    .iter()
                    .map(|k| k.label())
                    .collect();
                keys.join(" or ")
            })
            .unwrap_or_default();
        let text = format!(
            "Lantern needs a window of at least {MIN_WIDTH}×{MIN_HEIGHT}. This one is {}×{}: a little bigger, please. {help_now} opens help now; {quit} closes Lantern.",
            area.width, area.height
        );
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.base)
                .wrap(Wrap { trim: true }),
            area,
        );
        // Help now is one key away however small the window.
        if let Some(overlay @ super::overlay::Overlay::HelpNow { .. }) = &app.overlay {
            let (title, text) = draw_overlay(app, overlay, frame, area);
            return (title, Some(text));
        }
        return ("A bigger window, please".into(), None);
    }
    // The status line wraps (up to a few rows) rather than cutting a message short;
    // while words could not be saved it says so, whatever else happens.
    let mut status_lines: Vec<Line> = Vec::new();
    if !app.unsaved.is_empty() {
        status_lines.push(Line::styled(
            format!(" {}", super::app::UNSAVED),
            theme.warning,
        ));
    }
    if let Some(message) = &app.status {
        if app.unsaved.is_empty() || message != super::app::UNSAVED {
            status_lines.push(Line::styled(format!(" {message}"), theme.accent));
        }
    }
    // Wrapped rows line up under the message's first word, not at the edge.
    let status_lines = super::widgets::wrap::wrap_lines(status_lines, area.width);
    let status_rows = u16::try_from(status_lines.len()).unwrap_or(4).clamp(1, 4);
    let status_text = Paragraph::new(status_lines);
    let [main, status, footer] = Layout::vertical([
        Constraint::Min(5),
        Constraint::Length(status_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    let env = app.env();
    app.screen.draw(&app.today, &env, theme, frame, main);
    frame.render_widget(status_text, status);
    let rows = app.screen.keys(&app.keys);
    let mut items: Vec<(String, &str, bool)> = footer_items(&rows)
        .into_iter()
        .map(|(key, label, command)| (key, label, matches!(command, "help" | "help_now")))
        .collect();
    // Keep the footer on one line: drop items from the end until it fits, but never
    // the last (leave or quit) nor the ways to help: the keys and help now.
    let width = |items: &[(String, &str, bool)]| {
        items
            .iter()
            .map(|(k, l, _)| k.chars().count() + l.chars().count() + 3)
            .sum::<usize>()
    };
    while width(&items) > footer.width as usize {
        let last = items.len().saturating_sub(1);
        let Some(drop) = (0..last).rev().find(|i| !items[*i].2) else {
            break;
        };
        items.remove(drop);
    }
    let mut spans = Vec::new();
    for (key, label, _) in items {
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::styled(format!(" {label} "), theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), footer);
    match &app.overlay {
        Some(overlay) => {
            let (title, text) = draw_overlay(app, overlay, frame, main);
            (title, Some(text))
        }
        None => (app.screen.name().to_string(), None),
    }
}
