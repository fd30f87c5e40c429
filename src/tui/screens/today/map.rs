//! The map on Today: every room of the app by what it is for, each with the key that
//! opens it, so nobody has to find `?` to learn that the library or the weekly review
//! exists. The keys are Today's table's as the user has them; a click on a room
//! opens it as its key does.
//!
//! Where each room landed is known only once it is drawn, and Today has no state of
//! its own to keep that in, so the last frame's places are kept here, for this thread
//! (the one that draws and updates). It is a cache of the last frame, as the other
//! screens' `Cell`s are: before the first frame a click finds nothing.

use std::cell::RefCell;

use ratatui::text::{Line, Span};

use super::{Cmd, KEYS};
use crate::keys::command_name;
use crate::text::fit;
use crate::tui::keymap::{shown, Keymap};
use crate::tui::theme::Theme;

/// The rooms, in three groups, with the short names the map gives them.
pub const GROUPS: &[(&str, &[(Cmd, &str)])] = &[
    (
        "Practise",
        &[
            (Cmd::CheckIn, "check in"),
            (Cmd::AfterVisit, "after visit"),
            (Cmd::NewEntry, "write"),
            (Cmd::GoodMoment, "good moment"),
            (Cmd::Library, "library"),
        ],
    ),
    (
        "Look back",
        &[
            (Cmd::Diary, "diary"),
            (Cmd::Search, "search"),
            (Cmd::Insights, "insights"),
            (Cmd::Pixels, "year"),
            (Cmd::Review, "weekly review"),
            (Cmd::MyRegistration, "cpd"),
        ],
    ),
    (
        "Get support",
        &[
            (Cmd::Support, "find support"),
            (Cmd::Plan, "plan"),
            (Cmd::Supervision, "supervision"),
            (Cmd::HelpNow, "help now"),
        ],
    ),
];

pub const HEADING: &str = "Where to go";

/// Where one room was drawn: its row and its columns `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub row: u16,
    pub start: u16,
    pub end: u16,
    pub command: Cmd,
}

/// The map laid out for a width: its lines, and where each room is in them (rows
/// from the map's first line, columns from its left edge).
pub struct Map {
    pub lines: Vec<Line<'static>>,
    pub places: Vec<Place>,
}

/// The first key in effect for each room, as the footer and `?` help show it (a row
/// that echoes the global table, such as help now, shows the global key).
fn key_label(rows: &[crate::tui::keymap::Shown], command: Cmd) -> String {
    let name = command_name(&command);
    rows.iter()
        .find(|r| r.command == name)
        .and_then(|r| r.keys.first())
        .map_or_else(String::new, |k| k.label())
}

/// The map for `width` columns. A group whose rooms do not fit on one row goes on
/// to the next under its first room, breaking between rooms, never inside one.
pub fn lay_out(keys: &Keymap, theme: &Theme, width: u16) -> Map {
    let rows = shown(keys, KEYS);
    let width = usize::from(width);
    let label_width = GROUPS
        .iter()
        .map(|(name, _)| fit::width(name))
        .max()
        .unwrap_or(0);
    let indent = 2 + label_width + 2;
    let mut lines = vec![Line::styled(HEADING, theme.accent)];
    let mut places = Vec::new();
    for (group, rooms) in GROUPS {
        let mut spans = vec![Span::styled(
            format!("  {group:<label_width$}  "),
            theme.muted,
        )];
        let mut column = indent;
        let mut first_on_row = true;
        for (command, name) in rooms.iter() {
            let key = key_label(&rows, *command);
            if key.is_empty() {
                // No key reaches it (the user's settings took it away): nothing to show.
                continue;
            }
            let room = fit::width(&key) + 1 + fit::width(name);
            if !first_on_row && column + 2 + room > width {
                lines.push(Line::from(std::mem::take(&mut spans)));
                spans.push(Span::raw(" ".repeat(indent)));
                column = indent;
            } else if !first_on_row {
                spans.push(Span::raw("  "));
                column += 2;
            }
            places.push(Place {
                row: lines.len() as u16,
                start: column as u16,
                end: (column + room) as u16,
                command: *command,
            });
            spans.push(Span::styled(key, theme.key));
            spans.push(Span::styled(format!(" {name}"), theme.base));
            column += room;
            first_on_row = false;
        }
        lines.push(Line::from(spans));
    }
    Map { lines, places }
}

thread_local! {
    static DRAWN: RefCell<Vec<Place>> = const { RefCell::new(Vec::new()) };
}

/// Keeps where the rooms were drawn this frame, on the screen's own rows and columns.
pub fn remember(places: Vec<Place>) {
    DRAWN.with(|drawn| *drawn.borrow_mut() = places);
}

/// The room drawn at this cell in the last frame, if any.
pub fn at(column: u16, row: u16) -> Option<Cmd> {
    DRAWN.with(|drawn| {
        drawn
            .borrow()
            .iter()
            .find(|p| p.row == row && (p.start..p.end).contains(&column))
            .map(|p| p.command)
    })
}
