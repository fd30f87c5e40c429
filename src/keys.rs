//! Keys as names and as settings, below both front ends: a key's name as written in
//! `config.toml` ("Ctrl-N", "F5", "q"), the user's `[keys]` layered over the defaults,
//! and the plain rows `lantern keys` prints.
//!
//! The layering follows gitui and atuin: the defaults are complete on their own; each
//! `[keys]` line replaces one command's keys where it is valid, and where it is not
//! (a name that is no key, a command that does not exist, a key that already does
//! something else beside that command) it is one warning and the default stays.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::config::KeySetting;

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

/// Named keys, as `config.toml` may write them (any case) and as `lantern keys` shows.
const NAMED: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Space", KeyCode::Char(' ')),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Backspace", KeyCode::Backspace),
    ("Del", KeyCode::Delete),
];

/// Other spellings people write for the same keys.
const ALIASES: &[(&str, KeyCode)] = &[
    ("Return", KeyCode::Enter),
    ("Escape", KeyCode::Esc),
    ("BackTab", KeyCode::BackTab),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Delete", KeyCode::Delete),
];

impl Key {
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let code = match event.code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        code == self.code && ctrl == self.ctrl
    }

    /// A key from its name: "q" and "Q" are the letters as typed; names of other keys
    /// ("Enter", "pgdn", "F5", "Ctrl-N") are read in any case.
    pub fn parse(name: &str) -> Option<Key> {
        let name = name.trim();
        let mut chars = name.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return (!c.is_control()).then_some(key(c));
        }
        let lower = name.to_ascii_lowercase();
        for prefix in ["ctrl-", "ctrl+", "c-"] {
            if let Some(rest) = lower.strip_prefix(prefix) {
                let mut chars = rest.chars();
                return match (chars.next(), chars.next()) {
                    (Some(c), None) if c.is_ascii_alphanumeric() => Some(ctrl(c)),
                    _ => None,
                };
            }
        }
        if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            return (1..=12).contains(&n).then_some(code(KeyCode::F(n)));
        }
        NAMED
            .iter()
            .chain(ALIASES)
            .find(|(n, _)| n.eq_ignore_ascii_case(&lower) || n.eq_ignore_ascii_case(name))
            .map(|(_, c)| code(*c))
            .or_else(|| (lower == "shift+tab").then_some(code(KeyCode::BackTab)))
    }

    /// How footer and help show the key.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => NAMED
                .iter()
                .find(|(_, c)| *c == other)
                .map_or("?".to_string(), |(n, _)| n.to_string()),
        };
        if self.ctrl {
            format!("Ctrl-{}", name.to_uppercase())
        } else {
            name
        }
    }

    /// The key a terminal sends in place of this one: Ctrl-M arrives as Enter, Ctrl-I
    /// as Tab, Ctrl-H as Backspace, Ctrl-J as a new line.
    pub fn sent_as(&self) -> Option<&'static str> {
        if !self.ctrl {
            return None;
        }
        match self.code {
            KeyCode::Char('m') => Some("Enter"),
            KeyCode::Char('i') => Some("Tab"),
            KeyCode::Char('h') => Some("Backspace"),
            KeyCode::Char('j') => Some("a new line"),
            _ => None,
        }
    }

    /// A plain character, which is text wherever something is being typed.
    pub fn is_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && !self.ctrl
    }
}

/// The snake_case name of a command, as `[keys]` and `lantern keys` write it: the
/// variant's name (`CheckIn` → `check_in`). Renaming a variant renames a setting, so
/// the table test pins the list.
pub fn command_name(command: &impl std::fmt::Debug) -> String {
    let camel = format!("{command:?}");
    let mut name = String::with_capacity(camel.len() + 4);
    for (i, c) in camel.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                name.push('_');
            }
            name.push(c.to_ascii_lowercase());
        } else {
            name.push(c);
        }
    }
    name
}

/// One row of a key table with the command named, as clash checks and `lantern keys`
/// see it: free of the front end's command types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRow {
    /// Where the keys work: a screen, a box over a screen, or "every screen".
    pub place: &'static str,
    pub command: String,
    /// The keys in effect, as the footer shows them.
    pub keys: Vec<String>,
    /// What the command does.
    pub help: &'static str,
}

/// A table's rows with their default keys, for checking settings against.
pub struct PlaceRows {
    pub place: &'static str,
    /// True for the table consulted before every other: its keys clash with all.
    pub everywhere: bool,
    /// Keys are text here: a plain character cannot be a command.
    pub typing: bool,
    pub rows: Vec<(String, Vec<Key>)>,
}

/// The keys in effect: the defaults, with the user's valid `[keys]` lines over them.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    overrides: BTreeMap<String, Vec<Key>>,
    /// One plain line per `[keys]` line that could not be used.
    pub warnings: Vec<String>,
}

impl Keymap {
    /// The user's keys for `command`, or `default` when none were set.
    pub fn keys<'a>(&'a self, command: &str, default: &'a [Key]) -> &'a [Key] {
        self.overrides.get(command).map_or(default, Vec::as_slice)
    }

    /// Whether `command` has keys set by the user.
    pub fn is_set(&self, command: &str) -> bool {
        self.overrides.contains_key(command)
    }

    /// Layers `settings` over the defaults in `places`. `file` names the config file in
    /// warnings.
    pub fn build(settings: &[KeySetting], places: &[PlaceRows], file: &str) -> Keymap {
        let mut map = Keymap::default();
        let mut refused: Vec<(&KeySetting, String)> = Vec::new();
        // Each line on its own first (a known command, key names that exist)...
        let mut taken: Vec<(&KeySetting, Vec<Key>)> = Vec::new();
        for setting in settings {
            match map.check(setting, places) {
                Ok(keys) => taken.push((setting, keys)),
                Err(why) => refused.push((setting, why)),
            }
        }
        // ...then all of them at once, so two commands can swap keys: a line whose
        // keys still do something else where it works is dropped, one at a time, until
        // none does (dropping one can bring back a default another clashes with).
        for (setting, keys) in &taken {
            map.overrides.insert(setting.command.clone(), keys.clone());
        }
        while let Some(at) = taken
            .iter()
            .position(|(setting, keys)| map.clash(&setting.command, keys, places).is_some())
        {
            let (setting, keys) = taken.remove(at);
            let why = map
                .clash(&setting.command, &keys, places)
                .unwrap_or_default();
            map.overrides.remove(&setting.command);
            refused.push((setting, why));
        }
        refused.sort_by_key(|(setting, _)| setting.line);
        for (setting, why) in refused {
            let kept = default_keys(places, &setting.command)
                .map(|keys| {
                    let labels: Vec<String> = keys.iter().map(Key::label).collect();
                    format!("; kept {}", labels.join(" "))
                })
                .unwrap_or_default();
            // The command and keys were typed by hand: shown, never obeyed.
            let line = format!("keys.{}: {why}{kept}", setting.command);
            map.warnings.push(format!(
                "{file} line {}: {}",
                setting.line,
                crate::text::printable::one_line(&line, 200)
            ));
        }
        map
    }

    fn check(&self, setting: &KeySetting, places: &[PlaceRows]) -> Result<Vec<Key>, String> {
        let command = setting.command.as_str();
        let homes: Vec<&PlaceRows> = places
            .iter()
            .filter(|p| p.rows.iter().any(|(c, _)| c == command))
            .collect();
        if homes.is_empty() {
            return Err("Lantern has no command by that name (`lantern keys` lists them)".into());
        }
        if setting.keys.is_empty() {
            return Err("no key given".into());
        }
        let mut keys: Vec<Key> = Vec::new();
        for name in &setting.keys {
            let Some(parsed) = Key::parse(name) else {
                return Err(format!("\"{name}\" is not a key name"));
            };
            if let Some(same) = parsed.sent_as() {
                return Err(format!(
                    "a terminal sends \"{name}\" as {same}, so it cannot do anything else"
                ));
            }
            if !keys.contains(&parsed) {
                keys.push(parsed);
            }
        }
        if let Some(home) = homes.iter().find(|p| p.typing) {
            if let Some(k) = keys.iter().find(|k| k.is_text()) {
                return Err(format!(
                    "\"{}\" is typed as text on {}",
                    k.label(),
                    home.place
                ));
            }
        }
        let everywhere = homes.iter().any(|p| p.everywhere);
        // A key asked for everywhere must work where text is typed too, where plain
        // letters are text: help now has to be reachable from every screen.
        if everywhere && keys.iter().all(Key::is_text) {
            return Err(
                "needs a key that is not a letter too (such as F2), to work while typing".into(),
            );
        }
        Ok(keys)
    }

    /// What one of `keys` already does, where `command` works, with the keys in effect.
    fn clash(&self, command: &str, keys: &[Key], places: &[PlaceRows]) -> Option<String> {
        let homes: Vec<&PlaceRows> = places
            .iter()
            .filter(|p| p.rows.iter().any(|(c, _)| c == command))
            .collect();
        let everywhere = homes.iter().any(|p| p.everywhere);
        for place in places {
            let shares = homes.iter().any(|h| std::ptr::eq(*h, place));
            if !(shares || place.everywhere || everywhere) {
                continue;
            }
            for (other, default) in &place.rows {
                if other == command {
                    continue;
                }
                let theirs = self.keys(other, default);
                if let Some(k) = keys.iter().find(|k| theirs.contains(k)) {
                    return Some(format!(
                        "\"{}\" already does {other} on {}",
                        k.label(),
                        place.place
                    ));
                }
            }
        }
        None
    }
}

fn default_keys<'a>(places: &'a [PlaceRows], command: &str) -> Option<&'a [Key]> {
    places
        .iter()
        .flat_map(|p| &p.rows)
        .find(|(c, keys)| c == command && !keys.is_empty())
        .map(|(_, keys)| keys.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_parse_in_any_case_and_letters_as_typed() {
        assert_eq!(Key::parse("q"), Some(key('q')));
        assert_eq!(Key::parse("Q"), Some(key('Q')));
        assert_eq!(Key::parse("ctrl-n"), Some(ctrl('n')));
        assert_eq!(Key::parse("Ctrl-N"), Some(ctrl('n')));
        assert_eq!(Key::parse("f5"), Some(code(KeyCode::F(5))));
        assert_eq!(Key::parse("PGDN"), Some(code(KeyCode::PageDown)));
        assert_eq!(Key::parse("shift-tab"), Some(code(KeyCode::BackTab)));
        assert_eq!(Key::parse("Space"), Some(key(' ')));
        assert_eq!(Key::parse("Del"), Some(code(KeyCode::Delete)));
        assert_eq!(Key::parse("Ctrl-Ü"), None);
        assert_eq!(Key::parse("F13"), None);
        assert_eq!(Key::parse("Hyper"), None);
    }

    #[test]
    fn every_named_key_reads_back_from_its_label() {
        for (name, code) in NAMED {
            let k = Key::parse(name).expect("a named key parses"); // ok: test
            assert_eq!(k.code, *code);
        }
    }

    #[test]
    fn command_names_are_snake_case() {
        #[derive(Debug)]
        enum Cmd {
            CheckIn,
            Quit,
        }
        assert_eq!(command_name(&Cmd::CheckIn), "check_in");
        assert_eq!(command_name(&Cmd::Quit), "quit");
    }

    fn places() -> Vec<PlaceRows> {
        vec![
            PlaceRows {
                place: "every screen",
                everywhere: true,
                typing: false,
                rows: vec![("help_now".into(), vec![code(KeyCode::F(2))])],
            },
            PlaceRows {
                place: "Today",
                everywhere: false,
                typing: false,
                rows: vec![
                    ("check_in".into(), vec![key('c')]),
                    ("diary".into(), vec![key('d')]),
                ],
            },
        ]
    }

    fn setting(command: &str, keys: &[&str], line: usize) -> KeySetting {
        KeySetting {
            command: command.into(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
            line,
        }
    }

    #[test]
    fn a_good_setting_replaces_the_default() {
        let map = Keymap::build(&[setting("check_in", &["F5", "x"], 3)], &places(), "c");
        assert!(map.warnings.is_empty(), "{:?}", map.warnings);
        assert_eq!(
            map.keys("check_in", &[key('c')]),
            &[code(KeyCode::F(5)), key('x')]
        );
    }

    #[test]
    fn bad_names_unknown_commands_and_clashes_warn_and_keep_the_default() {
        let settings = [
            setting("check_in", &["Ctrl-Ü"], 7),
            setting("fly", &["f"], 8),
            setting("check_in", &["d"], 9),
            setting("diary", &["F2"], 10),
        ];
        let map = Keymap::build(&settings, &places(), "config.toml");
        assert_eq!(
            map.warnings,
            [
                "config.toml line 7: keys.check_in: \"Ctrl-Ü\" is not a key name; kept c",
                "config.toml line 8: keys.fly: Lantern has no command by that name (`lantern keys` lists them)",
                "config.toml line 9: keys.check_in: \"d\" already does diary on Today; kept c",
                "config.toml line 10: keys.diary: \"F2\" already does help_now on every screen; kept d",
            ]
        );
        assert_eq!(map.keys("check_in", &[key('c')]), &[key('c')]);
    }
}
