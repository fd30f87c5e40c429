//! Choosing how to start a new entry: one of the content's templates.

use std::cell::Cell;

use crossterm::event::{KeyCode, KeyEvent, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

use crate::text::fit;
use crate::tui::keymap::{code, key, Binding};
use crate::tui::overlay::Overlay;
use crate::tui::screens::editor::Editor;
use crate::tui::screens::{Env, Nav, Out, Screen};
use crate::tui::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    Start,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        command: Cmd::Up,
        help: "previous template",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j')],
        command: Cmd::Down,
        help: "next template",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Cmd::Start,
        help: "start writing with it",
        footer: Some("start"),
    },
    Binding {
        keys: &[code(KeyCode::Esc), key('q')],
        command: Cmd::Back,
        help: "go back",
        footer: Some("back"),
    },
    Binding {
        keys: &[key('?')],
        command: Cmd::Help,
        help: "show these keys",
        footer: Some("help"),
    },
];

pub struct Templates {
    /// The content's templates, then the leaders' tools as guided reflections.
    pub all: Vec<crate::content::schema::Template>,
    pub selected: usize,
    /// Row of the first template in the last drawn list, for mouse clicks.
    pub first_row: Cell<u16>,
}

impl Templates {
    pub fn new(env: &Env<'_>) -> Templates {
        let all = crate::domain::leadership::all_templates(env.content);
        let selected = all
            .iter()
            .position(|t| t.id.as_ref() == &env.config.default_template)
            .unwrap_or(0);
        Templates {
            all,
            selected,
            first_row: Cell::new(0),
        }
    }
}

pub fn on_key(state: &mut Templates, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    let count = state.all.len();
    match env.lookup(KEYS, key) {
        Some(Cmd::Up) => state.selected = state.selected.saturating_sub(1),
        Some(Cmd::Down) => state.selected = (state.selected + 1).min(count.saturating_sub(1)),
        Some(Cmd::Start) => {
            if let Some(t) = state.all.get(state.selected) {
                let e = Editor::new_entry_as(Some(t), env.uid);
                out.nav = Some(Nav::Replace(Screen::Editor(Box::new(e))));
            }
        }
        Some(Cmd::Back) => out.nav = Some(Nav::Back),
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        None => {}
    }
}

pub fn on_mouse(state: &mut Templates, mouse: &MouseEvent) {
    let count = state.all.len();
    match mouse.kind {
        MouseEventKind::ScrollUp => state.selected = state.selected.saturating_sub(1),
        MouseEventKind::ScrollDown => {
            state.selected = (state.selected + 1).min(count.saturating_sub(1))
        }
        MouseEventKind::Down(_) => {
            let first = state.first_row.get();
            let row = mouse.row.saturating_sub(first) as usize / 2;
            if mouse.row >= first && row < count {
                state.selected = row;
            }
        }
        _ => {}
    }
}

pub fn view(state: &Templates, _env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::bordered()
        .title(Line::styled(
            " New entry: how would you like to write? ",
            theme.title,
        ))
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let per_row = 2usize;
    let visible = (inner.height as usize / per_row).max(1);
    let start = state.selected.saturating_sub(visible.saturating_sub(1));
    state.first_row.set(inner.y);
    let mut lines = Vec::new();
    for (i, t) in state.all.iter().enumerate().skip(start).take(visible) {
        let style = if i == state.selected {
            theme.selected
        } else {
            theme.base
        };
        let width = inner.width.saturating_sub(4) as usize;
        lines.push(Line::from(vec![Span::styled(
            format!(" {} ", fit::truncate(&t.name, width)),
            style,
        )]));
        lines.push(Line::styled(
            format!("   {}", fit::truncate(t.summary.trim(), width)),
            theme.muted,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
