//! Keys as data: each screen's table says which keys do what. The same table drives
//! the key handling, the footer and the `?` help, so they cannot drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as written in a table: a code, and whether Ctrl is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

pub const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

pub const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let code = match event.code {
            // Shift-Tab arrives as BackTab on most terminals.
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        code == self.code && ctrl == self.ctrl
    }

    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            _ => "?".into(),
        };
        if self.ctrl {
            format!("Ctrl-{}", name.to_uppercase())
        } else {
            name
        }
    }
}

/// One row of a screen's key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding<C: Copy + 'static> {
    pub keys: &'static [Key],
    pub command: C,
    /// What the key does, for the help.
    pub help: &'static str,
    /// A short label for the footer; None keeps it out of the footer.
    pub footer: Option<&'static str>,
}

/// The command bound to `event` in `table`, if any.
pub fn lookup<C: Copy>(table: &[Binding<C>], event: &KeyEvent) -> Option<C> {
    table
        .iter()
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.command)
}

/// (keys, help) rows for the help overlay.
pub fn help_rows<C: Copy>(table: &[Binding<C>]) -> Vec<(String, &'static str)> {
    table
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(Key::label).collect();
            (keys.join(" "), b.help)
        })
        .collect()
}

/// (first key, label) pairs for the footer.
pub fn footer_items<C: Copy>(table: &[Binding<C>]) -> Vec<(String, &'static str)> {
    table
        .iter()
        .filter_map(|b| Some((b.keys.first()?.label(), b.footer?)))
        .collect()
}
