//! Unlocking an encrypted diary: a masked passphrase field. With `unlock_minutes` set,
//! the runtime also keeps the diary's key that long, and the screen says so first.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;
use ratatui_textarea::TextArea;
use zeroize::Zeroizing;

use crate::tui::keymap::{code, Binding};
use crate::tui::message::Effect;
use crate::tui::screens::{Env, Out};
use crate::tui::theme::Theme;
use crate::tui::widgets::single_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Open,
    Quit,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Cmd::Open,
        help: "open the diary with this passphrase",
        footer: Some("open"),
    },
    // The box says so in words: the footer stays one line of what matters.
    Binding {
        keys: &[code(KeyCode::Esc)],
        command: Cmd::Quit,
        help: "close Lantern",
        footer: None,
    },
];

pub struct Unlock {
    pub field: TextArea<'static>,
    pub message: Option<String>,
    pub waiting: bool,
}

impl Default for Unlock {
    fn default() -> Self {
        Self::new()
    }
}

impl Unlock {
    pub fn new() -> Unlock {
        let mut field = single_line("passphrase");
        field.set_mask_char('•');
        Unlock {
            field,
            message: None,
            waiting: false,
        }
    }

    pub fn failed(&mut self, message: String) {
        self.message = Some(message);
        self.waiting = false;
        self.field = {
            let mut f = single_line("passphrase");
            f.set_mask_char('•');
            f
        };
    }
}

pub fn on_key(state: &mut Unlock, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    match env.lookup(KEYS, key) {
        Some(Cmd::Open) => {
            let passphrase = Zeroizing::new(state.field.lines().join(""));
            if passphrase.is_empty() {
                state.message = Some(format!(
                    "Type your passphrase, then press {}.",
                    env.key_for(KEYS, Cmd::Open)
                ));
                return;
            }
            state.waiting = true;
            state.message = None;
            out.effects.push(Effect::Unlock(passphrase));
        }
        Some(Cmd::Quit) => out.quit = true,
        None => {
            state.field.input(*key);
        }
    }
}

pub fn view(state: &Unlock, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let box_area = crate::tui::widgets::centered(area, 60, 11);
    let block = Block::bordered()
        .title(" Lantern ")
        .border_style(theme.border);
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let [text, field, message] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Min(1),
    ])
    .margin(1)
    .areas(inner);
    let mut lines = vec![
        Line::styled("Your diary is protected.", theme.title),
        Line::styled("Type your passphrase to open it.", theme.base),
    ];
    // Keeping it open is a trade the person chose in their settings: it is said here,
    // before the passphrase, not found out later.
    if let Some(minutes) = env.config.unlock_minutes {
        lines.push(Line::styled(
            format!(
                "It will stay open for {minutes} minute{}, as your settings ask.",
                if minutes == 1 { "" } else { "s" }
            ),
            theme.muted,
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), text);
    let mut field_widget = state.field.clone();
    field_widget.set_block(Block::bordered().border_style(theme.accent));
    field_widget.set_placeholder_style(theme.muted);
    frame.render_widget(&field_widget, field);
    let line = if state.waiting {
        Line::styled("Opening…", theme.muted)
    } else if let Some(m) = &state.message {
        Line::from(vec![Span::styled(m.clone(), theme.warning)])
    } else {
        Line::styled(
            format!("{} closes Lantern.", env.key_for(KEYS, Cmd::Quit)),
            theme.muted,
        )
    };
    frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), message);
}
