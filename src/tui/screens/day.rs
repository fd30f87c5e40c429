//! One day: its check-ins and entries. Enter opens an entry.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::domain::insights::DayDetail;
use crate::tui::keymap::{code, key, Binding};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::{Env, Nav, Out};
use crate::tui::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    Open,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        command: Cmd::Up,
        help: "previous entry",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j')],
        command: Cmd::Down,
        help: "next entry",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Cmd::Open,
        help: "read the entry",
        footer: Some("read"),
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

pub struct DayView {
    pub detail: DayDetail,
    pub selected: usize,
}

pub fn on_key(state: &mut DayView, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    let count = state.detail.entries.len();
    match env.lookup(KEYS, key) {
        Some(Cmd::Up) => state.selected = state.selected.saturating_sub(1),
        Some(Cmd::Down) => state.selected = (state.selected + 1).min(count.saturating_sub(1)),
        Some(Cmd::Open) => {
            if let Some(e) = state.detail.entries.get(state.selected) {
                out.effects.push(Effect::OpenEntry(e.id));
            }
        }
        Some(Cmd::Back) => out.nav = Some(Nav::Back),
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        None => {}
    }
}

pub fn view(state: &DayView, _env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let d = &state.detail;
    let inner = crate::tui::widgets::panel(
        frame,
        area,
        format!(" {} ", d.date.format("%A %-d %B %Y")),
        theme,
    );
    let mut lines = vec![Line::styled("Check-ins", theme.accent)];
    if d.checkins.is_empty() {
        lines.push(Line::styled("  None that day.", theme.muted));
    }
    for (_, c) in &d.checkins {
        let mut spans = vec![
            Span::styled(format!("  {}  ", c.at.format("%H:%M")), theme.muted),
            Span::styled(
                format!(
                    "pleasant {} · energy {} · stress {}",
                    c.pleasantness, c.energy, c.stress
                ),
                theme.base,
            ),
        ];
        if !c.words.is_empty() {
            spans.push(Span::styled(
                format!("  {}", c.words.join(", ")),
                theme.muted,
            ));
        }
        lines.push(Line::from(spans));
        if let Some(g) = &c.good_moment {
            lines.push(Line::styled(format!("     good moment: {g}"), theme.base));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled("Entries", theme.accent));
    if d.entries.is_empty() {
        lines.push(Line::styled("  None that day.", theme.muted));
    }
    for (i, e) in d.entries.iter().enumerate() {
        let style = if i == state.selected {
            theme.selected
        } else {
            theme.base
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {}  ", e.created.format("%H:%M")), theme.muted),
            Span::styled(e.title.clone(), style),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
