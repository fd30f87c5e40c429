//! The global key table, asked before any screen's or box's own, and the list of every
//! table the app has: the user's `[keys]` are checked against it once at start, and
//! `lantern keys` prints it.

use crossterm::event::{KeyCode, KeyEvent};

use crate::config::Config;
use crate::keys::{KeyRow, Keymap, PlaceRows};

use super::keymap::{code, ctrl, key, keys_of, shown, shown_plain, Binding, Shown};
use super::screens::{checkin, welcome};
use super::{overlay, screen};

/// What the global table does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Global {
    /// Who to talk to and who to call, over whatever is on screen.
    HelpNow,
    /// Close at once, keeping what was typed.
    QuitNow,
}

/// Where the global table's keys work, as warnings and `lantern keys` name it.
pub const EVERYWHERE: &str = "every screen";

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

/// The tables of screens where keys are text.
const TYPING: &[&str] = &["Unlock", "Writing", "Search", "Exercise done"];

/// One key table, where it works.
pub struct Place {
    pub name: &'static str,
    /// The global table: its keys work on every screen.
    pub everywhere: bool,
    /// Keys are text here, so plain characters cannot be commands.
    pub typing: bool,
    pub rows: Vec<Shown>,
    /// The rows asked before these on the same screen (the check-in's own, before a
    /// step's), which these must not clash with.
    pub before: Vec<Shown>,
}

/// Every table the app has, as shown with `map`'s keys. Screens with more than one
/// table (by step or state) list each.
pub fn places(map: &Keymap) -> Vec<Place> {
    let mut places = vec![Place {
        name: EVERYWHERE,
        everywhere: true,
        typing: false,
        rows: shown_plain(map, GLOBAL),
        before: Vec::new(),
    }];
    let mut add = |name: &'static str, rows: Vec<Shown>| {
        places.push(Place {
            name,
            everywhere: false,
            typing: TYPING.contains(&name),
            rows,
            before: Vec::new(),
        })
    };
    for (name, rows) in screen::tables(map) {
        add(name, rows);
    }
    for (name, rows) in overlay::tables(map) {
        add(name, rows);
    }
    for (name, table) in [
        ("Welcome: passphrase or not", welcome::OFFER_KEYS),
        ("Welcome: role and region", welcome::LIST_KEYS),
    ] {
        places.push(Place {
            name,
            everywhere: false,
            typing: false,
            rows: shown(map, table),
            before: shown(map, welcome::KEYS),
        });
    }
    for (name, table) in checkin::STEP_TABLES {
        places.push(Place {
            name,
            everywhere: false,
            typing: false,
            rows: shown(map, table),
            before: shown(map, checkin::KEYS),
        });
    }
    places
}

/// The key map in effect: `config.keys` over the defaults, checked against every
/// table. Built once at start.
pub fn keymap(config: &Config) -> Keymap {
    let defaults = Keymap::default();
    let rows: Vec<PlaceRows> = places(&defaults)
        .into_iter()
        .map(|p| PlaceRows {
            place: p.name,
            everywhere: p.everywhere,
            typing: p.typing,
            rows: p
                .before
                .into_iter()
                .chain(p.rows)
                .map(|r| (r.command, r.keys))
                .collect(),
        })
        .collect();
    Keymap::build(&config.keys, &rows, "config.toml")
}

/// Every command on every screen and box, with the keys in effect for `config` and
/// what it does: what `lantern keys` prints. The second part is the warnings about
/// `[keys]`.
pub fn rows(config: &Config) -> (Vec<KeyRow>, Vec<String>) {
    let map = keymap(config);
    let rows = places(&map)
        .into_iter()
        .flat_map(|p| {
            let place = p.name;
            p.rows.into_iter().map(move |r| KeyRow {
                place,
                keys: r.keys.iter().map(|k| k.label()).collect(),
                command: r.command,
                help: r.help,
            })
        })
        .collect();
    (rows, map.warnings)
}
