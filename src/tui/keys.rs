//! The global key table, asked before any screen's or box's own, and the list of every
//! table the app has: the user's `[keys]` are checked against it once at start, and
//! `lantern keys` prints it.

use crate::config::Config;
use crate::keys::{KeyRow, Keymap, PlaceRows};

pub use super::keymap::{global, Global, GLOBAL};
use super::keymap::{shown, shown_plain, Shown};
use super::screens::{checkin, welcome};
use super::{overlay, screens};

/// Where the global table's keys work, as warnings and `lantern keys` name it.
pub const EVERYWHERE: &str = "every screen";

/// The tables of screens where keys are text.
const TYPING: &[&str] = &[
    "Unlock",
    "Writing",
    "Writing an account",
    "Search",
    "Exercise done",
];

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
    for (name, rows) in screens::tables(map) {
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
