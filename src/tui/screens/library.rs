//! The library: the framework to browse. The skills, steps, good practice points,
//! exercises, models of support, recommendations, conversations and the leaders'
//! tools, under headings; on a wide window, the star of the good practice points
//! beside the list.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

use crate::content::{Content, Kind};
use crate::tui::keymap::{code, key, Binding};
use crate::tui::overlay::Overlay;
use crate::tui::screens::topic::Topic;
use crate::tui::screens::{Env, Nav, Out, Screen};
use crate::tui::theme::Theme;

/// The groups, in order: a heading and the kinds under it.
pub const GROUPS: &[(&str, &[Kind])] = &[
    ("Self-compassion and the six skills", &[Kind::Skill]),
    ("Good practice points", &[Kind::Point]),
    ("The ten steps", &[Kind::Step]),
    ("Exercises", &[Kind::Exercise]),
    ("Models of support", &[Kind::Model]),
    ("Key recommendations", &[Kind::Area]),
    ("Conversations", &[Kind::Guide]),
    (
        "For supervisors and leaders",
        &[Kind::Dimension, Kind::Principle, Kind::Tool, Kind::Guidance],
    ),
];

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

/// One row of the library: a heading, or an item (kind, id, name).
#[derive(Debug, Clone)]
pub enum Row {
    Heading(&'static str),
    Item(Kind, String, String),
}

pub fn rows(content: &Content) -> Vec<Row> {
    let mut rows = Vec::new();
    for (heading, kinds) in GROUPS {
        rows.push(Row::Heading(heading));
        for (kind, id, name) in content.list(kinds) {
            rows.push(Row::Item(kind, id, name));
        }
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
    let block = Block::bordered()
        .title(Line::styled(" Library ", theme.title))
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let wide = inner.width >= 100;
    let (list_area, side) = if wide {
        let [l, r] = Layout::horizontal([Constraint::Length(44), Constraint::Min(40)]).areas(inner);
        (l, Some(r))
    } else {
        (inner, None)
    };
    let height = list_area.height as usize;
    let start = state.selected.saturating_sub(height / 2);
    let mut lines = Vec::new();
    for (i, row) in state.rows.iter().enumerate().skip(start).take(height) {
        lines.push(match row {
            Row::Heading(h) => Line::styled(format!(" {h}"), theme.accent),
            Row::Item(_, _, name) => {
                let style = if i == state.selected {
                    theme.selected
                } else {
                    theme.base
                };
                let width = list_area.width.saturating_sub(4) as usize;
                Line::styled(
                    format!("   {}", crate::domain::entry::shorten(name, width)),
                    style,
                )
            }
        });
    }
    frame.render_widget(Paragraph::new(lines), list_area);
    let Some(side) = side else { return };
    match state.rows.get(state.selected) {
        Some(Row::Item(Kind::Skill | Kind::Point, _, _)) if side.height >= 20 => {
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
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), side);
        }
        _ => {}
    }
}

/// The star of the good practice points: self-compassion at the heart with the six
/// practice points, the six resilience skills at its tips, numbered as the source does.
pub fn star(content: &Content, theme: &Theme, frame: &mut Frame, area: Rect) {
    let skill = |n: u32| {
        content
            .skills
            .iter()
            .find(|s| s.number == Some(n))
            .map_or(String::new(), |s| format!("{n} {}", s.name))
    };
    let heart = skill(0).trim_start_matches("0 ").to_string();
    // Each side of an arm gets half of what the arrow leaves.
    let arrow = "◀━━━━━━━▶";
    let side = (area.width as usize).saturating_sub(arrow.chars().count() + 2) / 2;
    let left = |n: u32| format!("{:>side$} ", crate::domain::entry::shorten(&skill(n), side));
    let right = |n: u32| format!(" {:<side$}", crate::domain::entry::shorten(&skill(n), side));
    let mut lines = vec![
        Line::styled(skill(1), theme.title).alignment(Alignment::Center),
        Line::styled("▲", theme.accent).alignment(Alignment::Center),
        Line::styled("╱   ╲", theme.accent).alignment(Alignment::Center),
        Line::from(vec![
            Span::styled(left(6), theme.title),
            Span::styled(arrow, theme.accent),
            Span::styled(right(2), theme.title),
        ])
        .alignment(Alignment::Center),
        Line::styled("╲       ╱", theme.accent).alignment(Alignment::Center),
        Line::styled(heart, theme.highlight).alignment(Alignment::Center),
    ];
    for point in &content.points {
        lines.push(
            Line::styled(format!("· {} ·", point.name), theme.base).alignment(Alignment::Center),
        );
    }
    lines.extend([
        Line::styled("╱       ╲", theme.accent).alignment(Alignment::Center),
        Line::from(vec![
            Span::styled(left(5), theme.title),
            Span::styled(arrow, theme.accent),
            Span::styled(right(3), theme.title),
        ])
        .alignment(Alignment::Center),
        Line::styled("╲   ╱", theme.accent).alignment(Alignment::Center),
        Line::styled("▼", theme.accent).alignment(Alignment::Center),
        Line::styled(skill(4), theme.title).alignment(Alignment::Center),
    ]);
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect {
        y: top,
        height: (lines.len() as u16).min(area.height),
        ..area
    };
    frame.render_widget(Paragraph::new(lines), rect);
}
