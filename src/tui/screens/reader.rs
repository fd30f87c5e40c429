//! Reading one entry, wrapped to the window.

use crossterm::event::{KeyCode, KeyEvent, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

use crate::domain::entry::Entry;
use crate::tui::app::{Env, Nav, Out, Overlay, Screen};
use crate::tui::keymap::{code, key, lookup, Binding};
use crate::tui::screens::editor::Editor;
use crate::tui::theme::Theme;

#[derive(Clone, Copy)]
pub enum Cmd {
    Up,
    Down,
    Edit,
    Delete,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        command: Cmd::Up,
        help: "scroll up",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j'), key(' ')],
        command: Cmd::Down,
        help: "scroll down",
        footer: None,
    },
    Binding {
        keys: &[key('e')],
        command: Cmd::Edit,
        help: "edit this entry",
        footer: Some("edit"),
    },
    Binding {
        keys: &[key('x'), code(KeyCode::Delete)],
        command: Cmd::Delete,
        help: "delete this entry (asks first)",
        footer: Some("delete"),
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

pub struct Reader {
    pub entry: Entry,
    pub scroll: u16,
}

impl Reader {
    pub fn new(entry: Entry) -> Reader {
        Reader { entry, scroll: 0 }
    }
}

pub fn on_key(state: &mut Reader, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    match lookup(KEYS, key) {
        Some(Cmd::Up) => state.scroll = state.scroll.saturating_sub(1),
        Some(Cmd::Down) => state.scroll = state.scroll.saturating_add(1),
        Some(Cmd::Edit) => {
            let e = Editor::edit_entry(&state.entry, env);
            out.nav = Some(Nav::Push(Screen::Editor(Box::new(e))));
        }
        Some(Cmd::Delete) => {
            out.overlay = Some(Overlay::ConfirmDelete {
                id: state.entry.id,
                title: state.entry.display_title(),
            })
        }
        Some(Cmd::Back) => out.nav = Some(Nav::Back),
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        None => {}
    }
}

pub fn on_mouse(state: &mut Reader, mouse: &MouseEvent) {
    match mouse.kind {
        MouseEventKind::ScrollUp => state.scroll = state.scroll.saturating_sub(3),
        MouseEventKind::ScrollDown => state.scroll = state.scroll.saturating_add(3),
        _ => {}
    }
}

pub fn view(state: &Reader, theme: &Theme, frame: &mut Frame, area: Rect) {
    let e = &state.entry;
    let block = Block::bordered()
        .title(Line::styled(
            format!(" {} ", e.display_title()),
            theme.title,
        ))
        .title(
            Line::styled(
                format!(" {} ", e.created.format("%a %-d %b %Y %H:%M")),
                theme.muted,
            )
            .right_aligned(),
        )
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines: Vec<Line> = Vec::new();
    if !e.tags.is_empty() {
        let tags: Vec<String> = e.tags.iter().map(|t| format!("#{t}")).collect();
        lines.push(Line::styled(tags.join(" "), theme.muted));
        lines.push(Line::from(""));
    }
    for paragraph in e.body.lines() {
        lines.push(Line::styled(paragraph.to_string(), theme.base));
    }
    for a in &e.answers {
        let after_blank = lines.last().is_some_and(|l: &Line| l.width() == 0);
        if !lines.is_empty() && !after_blank {
            lines.push(Line::from(""));
        }
        lines.push(Line::from(Span::styled(a.prompt.clone(), theme.accent)));
        for paragraph in a.text.lines() {
            lines.push(Line::styled(paragraph.to_string(), theme.base));
        }
    }
    // Keep the scroll within the text so the last line can never scroll away.
    let max = (lines.len() as u16).saturating_sub(1);
    let scroll = state.scroll.min(max);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner.inner(ratatui::layout::Margin {
            horizontal: 1,
            vertical: 0,
        }),
    );
}
