//! Keys as data: each screen's table says which keys do what. The same table, with the
//! user's `[keys]` over it, drives the key handling, the footer and the `?` help, so
//! they cannot drift apart.

use std::fmt::Debug;

use crossterm::event::KeyEvent;

pub use crate::keys::{code, command_name, ctrl, key, Key, Keymap};

/// One row of a screen's key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding<C: Copy + 'static> {
    /// The default keys. Empty on a row that shows a key of the global table where
    /// the screen wants it in its footer: its keys are the global row's.
    pub keys: &'static [Key],
    pub command: C,
    /// What the key does, for the help.
    pub help: &'static str,
    /// A short label for the footer; None keeps it out of the footer.
    pub footer: Option<&'static str>,
}

/// A row with its keys in effect, as footer and help show it.
#[derive(Debug, Clone)]
pub struct Shown {
    pub command: String,
    pub keys: Vec<Key>,
    pub help: &'static str,
    pub footer: Option<&'static str>,
    /// The keys are the global table's, shown here too.
    pub echo: bool,
}

impl Shown {
    pub fn labels(&self) -> String {
        let digits = self.keys.iter().all(|k| {
            k.is_text()
                && matches!(k.code, crossterm::event::KeyCode::Char(c) if c.is_ascii_digit())
        });
        if digits && self.keys.len() >= 3 {
            return "digits".into();
        }
        let labels: Vec<String> = self.keys.iter().map(Key::label).collect();
        labels.join(" ")
    }
}

/// The keys in effect for one row.
pub fn keys_of<'a, C: Copy + Debug>(map: &'a Keymap, row: &'a Binding<C>) -> &'a [Key] {
    map.keys(&command_name(&row.command), row.keys)
}

/// The command bound to `event` in `table`, if any.
pub fn lookup<C: Copy + Debug>(map: &Keymap, table: &[Binding<C>], event: &KeyEvent) -> Option<C> {
    table
        .iter()
        .find(|b| keys_of(map, b).iter().any(|k| k.matches(event)))
        .map(|b| b.command)
}

/// A table's rows as shown, with the user's keys; a row with no keys of its own
/// takes them from the global table.
pub fn shown<C: Copy + Debug>(map: &Keymap, table: &[Binding<C>]) -> Vec<Shown> {
    let global = shown_plain(map, super::keys::GLOBAL);
    table
        .iter()
        .map(|b| {
            let command = command_name(&b.command);
            let mut keys = map.keys(&command, b.keys).to_vec();
            let echo = b.keys.is_empty() && global.iter().any(|g| g.command == command);
            if echo {
                if let Some(g) = global.iter().find(|g| g.command == command) {
                    keys = g.keys.clone();
                }
            }
            Shown {
                command,
                keys,
                help: b.help,
                footer: b.footer,
                echo,
            }
        })
        .collect()
}

/// As `shown`, for the global table itself.
pub fn shown_plain<C: Copy + Debug>(map: &Keymap, table: &[Binding<C>]) -> Vec<Shown> {
    table
        .iter()
        .map(|b| Shown {
            command: command_name(&b.command),
            keys: keys_of(map, b).to_vec(),
            help: b.help,
            footer: b.footer,
            echo: false,
        })
        .collect()
}

/// (first key, label, command) for each row in a footer.
pub fn footer_items(rows: &[Shown]) -> Vec<(String, &'static str, &str)> {
    rows.iter()
        .filter_map(|r| Some((r.keys.first()?.label(), r.footer?, r.command.as_str())))
        .collect()
}
