//! Keys as data: each screen's table says which keys do what. The same table, with the
//! user's `[keys]` over it, drives the key handling, the footer and the `?` help, so
//! they cannot drift apart.

use std::fmt::Debug;

use crossterm::event::{KeyCode, KeyEvent};

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
    let global = shown_plain(map, GLOBAL);
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

/// What the global table does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Global {
    /// Who to talk to and who to call, over whatever is on screen.
    HelpNow,
    /// Close at once, keeping what was typed.
    QuitNow,
}

/// Asked first, on every screen. Its plain letters give way to typing.
pub const GLOBAL: &[Binding<Global>] = &[
    Binding {
        keys: &[key('H'), code(KeyCode::F(2))],
        command: Global::HelpNow,
        help: "where to get help now, from any screen",
        footer: Some("help now"),
    },
    Binding {
        keys: &[ctrl('c')],
        command: Global::QuitNow,
        help: "close Lantern at once (what you typed is kept)",
        footer: None,
    },
];

/// The global command for `event`; while typing, plain characters are text. Over a
/// box, `update` acts on `QuitNow` only and lets the box have the rest.
pub fn global(map: &Keymap, event: &KeyEvent, typing: bool) -> Option<Global> {
    GLOBAL
        .iter()
        .find(|b| {
            keys_of(map, b)
                .iter()
                .any(|k| !(typing && k.is_text()) && k.matches(event))
        })
        .map(|b| b.command)
}
