//! The library: the framework to browse, shelf by shelf as `library.toml` orders
//! them (the same shelves `lantern library` lists), each shelf's items under its
//! heading, the guides for the hardest times among them; on a wide window, the star of the good practice points beside the list.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

use crate::content::{Content, Kind};
use crate::text::fit;
use crate::tui::keymap::{code, key, Binding};
use crate::tui::overlay::Overlay;
use crate::tui::screens::topic::Topic;
use crate::tui::screens::{Env, Nav, Out, Screen};
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap::wrap_lines;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    NextGroup,
    PreviousGroup,
    Open,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        command: Cmd::Up,
        help: "previous item",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j')],
        command: Cmd::Down,
        help: "next item",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Tab), code(KeyCode::PageDown)],
        command: Cmd::NextGroup,
        help: "next heading",
        footer: Some("next heading"),
    },
    Binding {
        keys: &[code(KeyCode::BackTab), code(KeyCode::PageUp)],
        command: Cmd::PreviousGroup,
        help: "previous heading",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Cmd::Open,
        help: "read it, practise it",
        footer: Some("open"),
    },
    Binding {
        keys: &[code(KeyCode::Esc), key('q')],
        command: Cmd::Back,
        help: "back",
        footer: Some("back"),
    },
    Binding {
        keys: &[key('?')],
        command: Cmd::Help,
        help: "show these keys",
        footer: Some("help"),
    },
];

/// One row of the library: a shelf's heading, or an item (kind, id, name).
#[derive(Debug, Clone)]
pub enum Row {
    Heading(String),
    Item(Kind, String, String),
}

pub fn rows(content: &Content) -> Vec<Row> {
    let mut rows = Vec::new();
    for shelf in content.library() {
        let items = content.shelf_items(shelf);
        // A shelf with nothing on it (an override emptied a file) has no heading to
        // land on, so it is left out.
        if items.is_empty() {
            continue;
        }
        rows.push(Row::Heading(shelf.name.clone()));
        rows.extend(
            items
                .into_iter()
                .map(|(kind, id, name)| Row::Item(kind, id, name)),
        );
    }
    rows
}

pub struct Library {
    pub rows: Vec<Row>,
    pub selected: usize,
}

impl Library {
    pub fn new(content: &Content) -> Library {
        let rows = rows(content);
        let selected = rows
            .iter()
            .position(|r| matches!(r, Row::Item(..)))
            .unwrap_or(0);
        Library { rows, selected }
    }

    fn step(&mut self, forward: bool) {
        let mut i = self.selected;
        loop {
            i = if forward {
                i + 1
            } else {
                match i.checked_sub(1) {
                    Some(i) => i,
                    None => return,
                }
            };
            match self.rows.get(i) {
                None => return,
                Some(Row::Item(..)) => {
                    self.selected = i;
                    return;
                }
                Some(Row::Heading(_)) => {}
            }
        }
    }

    fn jump_group(&mut self, forward: bool) {
        let headings: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Row::Heading(_)))
            .map(|(i, _)| i)
            .collect();
        let current = headings
            .iter()
            .rposition(|h| *h < self.selected)
            .unwrap_or(0);
        let target = if forward {
            current + 1
        } else {
            current.saturating_sub(1)
        };
        if let Some(h) = headings.get(target) {
            self.selected = *h;
            self.step(true);
        }
    }
}

pub fn on_key(state: &mut Library, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    match env.lookup(KEYS, key) {
        Some(Cmd::Up) => state.step(false),
        Some(Cmd::Down) => state.step(true),
        Some(Cmd::NextGroup) => state.jump_group(true),
        Some(Cmd::PreviousGroup) => state.jump_group(false),
        Some(Cmd::Open) => {
            if let Some(Row::Item(kind, id, _)) = state.rows.get(state.selected) {
                let reference = format!("{}:{id}", kind.name());
                if let Some(topic) = Topic::new(&reference, env) {
                    out.nav = Some(Nav::Push(Screen::Topic(topic)));
                }
            }
        }
        Some(Cmd::Back) => out.nav = Some(Nav::Back),
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        None => {}
    }
}

pub fn view(state: &Library, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut block = Block::bordered()
        .title(Line::styled(" Library ", theme.title))
        .border_style(theme.border);
    let inner = block.inner(area);
    let height = inner.height as usize;
    // The selection sits mid-list, and the list's end rests on the bottom row rather
    // than leaving half a screen empty below the last shelf.
    let start = state
        .selected
        .saturating_sub(height / 2)
        .min(state.rows.len().saturating_sub(height));
    // Quiet arrows on the frame say the shelves go on past what fits.
    if start > 0 {
        block = block.title_top(Line::styled(" ↑ ", theme.muted).right_aligned());
    }
    if start + height < state.rows.len() {
        block = block.title_bottom(Line::styled(" ↓ ", theme.muted).right_aligned());
    }
    frame.render_widget(block, area);
    let wide = inner.width >= 100;
    let (list_area, side) = if wide {
        let [l, r] = Layout::horizontal([Constraint::Length(44), Constraint::Min(40)]).areas(inner);
        (l, Some(r))
    } else {
        (inner, None)
    };
    let mut lines = Vec::new();
    for (i, row) in state.rows.iter().enumerate().skip(start).take(height) {
        lines.push(match row {
            Row::Heading(h) => {
                let width = list_area.width.saturating_sub(2) as usize;
                Line::styled(format!(" {}", fit::truncate(h, width)), theme.accent)
            }
            Row::Item(_, _, name) => {
                let style = if i == state.selected {
                    theme.selected
                } else {
                    theme.base
                };
                let width = list_area.width.saturating_sub(4) as usize;
                Line::styled(format!("   {}", fit::truncate(name, width)), style)
            }
        });
    }
    frame.render_widget(Paragraph::new(lines), list_area);
    let Some(side) = side else { return };
    match state.rows.get(state.selected) {
        Some(Row::Item(Kind::Skill | Kind::Point, _, _)) if star_fits(env.content, theme, side) => {
            star(env.content, theme, frame, side)
        }
        Some(Row::Item(kind, id, _)) => {
            let text = env
                .content
                .show_plain(&format!("{}:{id}", kind.name()))
                .unwrap_or_default();
            let lines: Vec<Line> = text
                .lines()
                .map(|l| Line::styled(l.to_string(), theme.base))
                .collect();
            // A column clear of the border, so no word touches it.
            let lines = wrap_lines(lines, side.width.saturating_sub(1));
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), side);
        }
        _ => {}
    }
}

const ARROW: &str = "◀━━━━━━━▶";

fn skill_name(content: &Content, n: u32) -> String {
    content
        .skills
        .iter()
        .find(|s| s.number == Some(n))
        .map_or(String::new(), |s| format!("{n} {}", s.name))
}

/// One row of the star: pieces of text and their styles, and the column it starts at.
struct StarRow {
    at: usize,
    pieces: Vec<(String, ratatui::style::Style)>,
}

impl StarRow {
    fn width(&self) -> usize {
        self.at
            + self
                .pieces
                .iter()
                .map(|(t, _)| fit::width(t))
                .sum::<usize>()
    }
}

/// The star of the good practice points, laid out around the column of its spine:
/// self-compassion at the heart with the six practice points, the six resilience
/// skills at its tips, numbered as the source does. Each arm's names get the room
/// they need on their own side, so every name is whole.
fn star_rows(content: &Content, theme: &Theme) -> Vec<StarRow> {
    let skill = |n: u32| skill_name(content, n);
    let left_side = [5, 6]
        .map(|n| fit::width(&skill(n)))
        .into_iter()
        .max()
        .unwrap_or(0);
    let spine = left_side + 1 + fit::width(ARROW) / 2;
    let mut rows: Vec<StarRow> = Vec::new();
    let centred = |rows: &mut Vec<StarRow>, text: String, style| {
        let at = spine.saturating_sub(fit::width(&text) / 2);
        rows.push(StarRow {
            at,
            pieces: vec![(text, style)],
        });
    };
    let arm = |l: u32, r: u32| {
        let left = skill(l);
        StarRow {
            at: left_side - fit::width(&left),
            pieces: vec![
                (format!("{left} "), theme.title),
                (ARROW.to_string(), theme.accent),
                (format!(" {}", skill(r)), theme.title),
            ],
        }
    };
    centred(&mut rows, skill(1), theme.title);
    centred(&mut rows, "▲".into(), theme.accent);
    centred(&mut rows, "╱   ╲".into(), theme.accent);
    rows.push(arm(6, 2));
    centred(&mut rows, "╲       ╱".into(), theme.accent);
    centred(
        &mut rows,
        skill(0).trim_start_matches("0 ").into(),
        theme.highlight,
    );
    for point in &content.points {
        centred(&mut rows, format!("· {} ·", point.name), theme.base);
    }
    centred(&mut rows, "╱       ╲".into(), theme.accent);
    rows.push(arm(5, 3));
    centred(&mut rows, "╲   ╱".into(), theme.accent);
    centred(&mut rows, "▼".into(), theme.accent);
    centred(&mut rows, skill(4), theme.title);
    rows
}

/// Whether the whole star, every name in full, fits in `area`: a star with its names
/// cut would say less than the list beside it, so the item's text shows instead.
pub fn star_fits(content: &Content, theme: &Theme, area: Rect) -> bool {
    let rows = star_rows(content, theme);
    let width = rows.iter().map(StarRow::width).max().unwrap_or(0);
    usize::from(area.width) >= width && usize::from(area.height) >= rows.len()
}

/// Draws the star in the middle of `area`; only call it where `star_fits`.
pub fn star(content: &Content, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rows = star_rows(content, theme);
    let width = rows.iter().map(StarRow::width).max().unwrap_or(0);
    let left = usize::from(area.width).saturating_sub(width) / 2;
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|row| {
            let mut spans = vec![Span::raw(" ".repeat(left + row.at))];
            spans.extend(row.pieces.into_iter().map(|(t, s)| Span::styled(t, s)));
            Line::from(spans)
        })
        .collect();
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect {
        y: top,
        height: (lines.len() as u16).min(area.height),
        ..area
    };
    frame.render_widget(Paragraph::new(lines), rect);
}
