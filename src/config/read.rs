//! Reading `config.toml` forgivingly. A settings file is edited by hand, often once
//! and long ago, so a typo in it must never keep anyone from their diary: every
//! problem becomes one short warning naming the file, the line and the setting, and
//! only that setting falls back to its default.

use std::collections::HashMap;
use std::path::Path;

use toml::de::DeTable;
use toml::Value;

use super::{Config, KeySetting, Loaded, Theme};
use crate::content::schema::Rhythm;
use crate::text::printable::one_line;

/// The settings `config.toml` may hold, for "did you mean" hints.
const SETTINGS: &[&str] = &[
    "theme",
    "region",
    "role",
    "default_template",
    "reduced_motion",
    "screen_reader",
    "unlock_minutes",
    "rhythm",
    "keys",
    "registration",
    "renewal",
];

/// Twelve hours, the longest the kernel is asked to keep a diary's key.
const LONGEST_UNLOCK: u32 = 12 * 60;

const RHYTHM_FIELDS: &[&str] = &["inhale", "hold", "exhale", "rest", "cycles"];

/// Values longer than this are not quoted back: a message stays one short line.
const QUOTE_AT_MOST: usize = 30;

/// A warning is cut here, whatever it quotes.
const MESSAGE_AT_MOST: usize = 200;

/// Past this many problems the rest are counted, not listed: a file of thousands of
/// bad lines must not bury the one line that matters.
const WARNINGS_AT_MOST: usize = 20;

/// A settings file is a few dozen lines; one far larger is not read (a link to
/// `/dev/zero` would otherwise fill the memory).
const LARGEST_FILE: u64 = 1024 * 1024;

/// Reads the file at `path`; a missing file is simply the defaults.
pub(super) fn read_file(path: &Path) -> Loaded {
    let label = path.file_name().map_or_else(
        || "config.toml".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let whole = |problem: &str| Loaded {
        config: Config::default(),
        warnings: vec![format!("{label}: {problem}. Using the default settings.")],
    };
    if path.is_dir() {
        return whole("is a folder, not a file");
    }
    // A pipe or a device in its place would hang every command, or never end.
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => return whole("is not an ordinary file"),
        Ok(meta) if meta.len() > LARGEST_FILE => return whole("is larger than 1 MB"),
        _ => {}
    }
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => read_text(&text, &label),
            Err(_) => whole("is not plain text (UTF-8)"),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Loaded::default(),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            whole("could not be read: permission denied")
        }
        Err(_) => whole("could not be read"),
    }
}

/// Reads settings from `text`; `label` names the file in warnings.
pub(super) fn read_text(text: &str, label: &str) -> Loaded {
    let mut reader = Reader {
        text,
        label,
        line_starts: std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect(),
        lines: HashMap::new(),
        warnings: Vec::new(),
    };
    let table = match text.parse::<toml::Table>() {
        Ok(table) => table,
        Err(e) => {
            // The parser's own words are for programmers; where is what helps.
            let (line, column) = e
                .span()
                .map_or((1, 1), |s| crate::content::line_column(text, s.start));
            return Loaded {
                config: Config::default(),
                warnings: vec![format!(
                    "{label} line {line}: this is not valid TOML (near column {column}). Using the default settings."
                )],
            };
        }
    };
    reader.index_lines();
    let mut config = Config::default();
    for (key, value) in &table {
        reader.setting(&mut config, key, value);
    }
    let mut warnings = reader.warnings;
    if warnings.len() > WARNINGS_AT_MOST {
        let more = warnings.len() - WARNINGS_AT_MOST;
        warnings.truncate(WARNINGS_AT_MOST);
        warnings.push(format!("{label}: {more} more problems like these."));
    }
    Loaded { config, warnings }
}

struct Reader<'a> {
    text: &'a str,
    label: &'a str,
    /// Where each line begins, so finding a line is a search, not a count: a file
    /// of many thousand bad lines must still open at once.
    line_starts: Vec<usize>,
    /// The line each key is written on: "theme", "rhythm.inhale", "keys.quit".
    lines: HashMap<String, usize>,
    warnings: Vec<String>,
}

impl Reader<'_> {
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= offset)
            .max(1)
    }

    /// Notes where each key (and each key of a table one level down) is written.
    fn index_lines(&mut self) {
        let Ok(doc) = DeTable::parse(self.text) else {
            return;
        };
        for (key, value) in doc.get_ref() {
            let name = key.get_ref().to_string();
            let line = self.line_of(key.span().start);
            if let Some(inner) = value.get_ref().as_table() {
                for (sub, _) in inner {
                    let at = self.line_of(sub.span().start);
                    self.lines.insert(format!("{name}.{}", sub.get_ref()), at);
                }
            }
            self.lines.insert(name, line);
        }
    }

    fn line(&self, key: &str) -> usize {
        self.lines.get(key).copied().unwrap_or(1)
    }

    fn warn(&mut self, key: &str, message: String) {
        let line = self.line(key);
        // Names and values were typed by hand: quoted back, they must not steer the
        // terminal or break the one line.
        let message = one_line(&message, MESSAGE_AT_MOST);
        self.warnings
            .push(format!("{} line {line}: {message}", self.label));
    }

    fn setting(&mut self, config: &mut Config, key: &str, value: &Value) {
        match key {
            "theme" => match value.as_str().and_then(theme) {
                Some(t) => config.theme = t,
                None => self.warn(
                    key,
                    format!(
                        "theme: {} is not a theme; expected auto, calm, light or high-contrast. Using auto.",
                        shown(value)
                    ),
                ),
            },
            "region" => match value.as_str().filter(|s| !s.trim().is_empty()) {
                Some(region) => config.region = region.to_string(),
                None => self.warn(
                    key,
                    format!(
                        "region: expected a region id such as \"gb\", not {}. Using gb.",
                        shown(value)
                    ),
                ),
            },
            "role" => match value.as_str() {
                Some(role) if crate::content::schema::ROLE_IDS.contains(&role) => {
                    config.role = Some(role.to_string())
                }
                // Help shown for a misspelt role would quietly be everyone's.
                Some(_) => self.warn(
                    key,
                    format!(
                        "role: Lantern knows {}, not {}. Showing help for every role.",
                        crate::content::schema::ROLE_IDS
                            .iter()
                            .map(|r| format!("\"{r}\""))
                            .collect::<Vec<_>>()
                            .join(", "),
                        shown(value)
                    ),
                ),
                None => self.warn(
                    key,
                    format!(
                        "role: expected words in quotes, such as \"health-visitor\", not {}. Leaving it unset.",
                        shown(value)
                    ),
                ),
            },
            "default_template" => match value.as_str().filter(|s| !s.trim().is_empty()) {
                Some(t) => config.default_template = t.to_string(),
                None => self.warn(
                    key,
                    format!(
                        "default_template: expected a template id such as \"reflective-diary\", not {}. Using reflective-diary.",
                        shown(value)
                    ),
                ),
            },
            "reduced_motion" => match value.as_bool() {
                Some(b) => config.reduced_motion = b,
                None => self.warn(
                    key,
                    format!(
                        "reduced_motion: expected true or false, not {}. Using false.",
                        shown(value)
                    ),
                ),
            },
            "screen_reader" => match value.as_bool() {
                Some(b) => config.screen_reader = Some(b),
                None => self.warn(
                    key,
                    format!(
                        "screen_reader: expected true or false, not {}. Leaving it off.",
                        shown(value)
                    ),
                ),
            },
            "unlock_minutes" => match value.as_integer().map(u32::try_from) {
                Some(Ok(0)) => config.unlock_minutes = None,
                Some(Ok(m)) if m <= LONGEST_UNLOCK => config.unlock_minutes = Some(m),
                _ => self.warn(
                    key,
                    format!(
                        "unlock_minutes: expected a whole number of minutes up to {LONGEST_UNLOCK}, not {}. Leaving it off.",
                        shown(value)
                    ),
                ),
            },
            "rhythm" => config.rhythm = self.rhythm(value),
            "registration" => match super::registration::body(value) {
                Ok(id) => config.registration = Some(id),
                Err(why) => self.warn(
                    key,
                    format!("registration: {why}, not {}. Leaving it unset.", shown(value)),
                ),
            },
            "renewal" => match super::registration::renewal(value) {
                Ok(day) => config.renewal = Some(day),
                Err(why) => self.warn(
                    key,
                    format!("renewal: {why}, not {}. Leaving it unset.", shown(value)),
                ),
            },
            "keys" => config.keys = self.keys(value),
            _ => {
                let hint = nearest(key, SETTINGS)
                    .map(|n| format!("; did you mean {n}?"))
                    .unwrap_or_else(|| format!("; expected one of {}.", SETTINGS.join(", ")));
                let name = if key.chars().count() <= QUOTE_AT_MOST {
                    key.to_string()
                } else {
                    "this".to_string()
                };
                self.warn(key, format!("{name} is not a setting{hint} Ignoring it."));
            }
        }
    }

    /// `[rhythm]`: all of inhale, exhale and cycles, and a whole that can run.
    fn rhythm(&mut self, value: &Value) -> Option<Rhythm> {
        const USING: &str = "Using the exercise's own rhythm.";
        let Some(table) = value.as_table() else {
            self.warn(
                "rhythm",
                format!(
                    "rhythm: expected a [rhythm] section, not {}. {USING}",
                    shown(value)
                ),
            );
            return None;
        };
        let seconds = |reader: &mut Self, field: &str| -> Option<Option<f64>> {
            match table.get(field) {
                None => Some(None),
                Some(Value::Float(f)) => Some(Some(*f)),
                Some(Value::Integer(i)) => Some(Some(*i as f64)),
                Some(other) => {
                    reader.warn(
                        &format!("rhythm.{field}"),
                        format!(
                            "rhythm: {field} should be a number of seconds, not {}. {USING}",
                            shown(other)
                        ),
                    );
                    None
                }
            }
        };
        let inhale = seconds(self, "inhale");
        let hold = seconds(self, "hold");
        let exhale = seconds(self, "exhale");
        let rest = seconds(self, "rest");
        let cycles = match table.get("cycles") {
            None => Some(None),
            Some(Value::Integer(i)) if u32::try_from(*i).is_ok() => Some(u32::try_from(*i).ok()),
            Some(other) => {
                self.warn(
                    "rhythm.cycles",
                    format!(
                        "rhythm: cycles should be a whole number, not {}. {USING}",
                        shown(other)
                    ),
                );
                None
            }
        };
        let mut unknown = false;
        for key in table.keys() {
            if !RHYTHM_FIELDS.contains(&key.as_str()) {
                unknown = true;
                let hint = nearest(key, RHYTHM_FIELDS)
                    .map(|n| format!("did you mean {n}?"))
                    .unwrap_or_else(|| format!("expected {}.", RHYTHM_FIELDS.join(", ")));
                let name = if key.chars().count() <= QUOTE_AT_MOST {
                    key.as_str()
                } else {
                    "this"
                };
                self.warn(
                    &format!("rhythm.{key}"),
                    format!("rhythm: {name} is not part of a rhythm; {hint} {USING}"),
                );
            }
        }
        let (Some(inhale), Some(hold), Some(exhale), Some(rest), Some(cycles)) =
            (inhale, hold, exhale, rest, cycles)
        else {
            return None;
        };
        if unknown {
            return None;
        }
        let missing: Vec<&str> = [
            ("inhale", inhale.is_none()),
            ("exhale", exhale.is_none()),
            ("cycles", cycles.is_none()),
        ]
        .iter()
        .filter(|(_, gone)| *gone)
        .map(|(name, _)| *name)
        .collect();
        if !missing.is_empty() {
            self.warn(
                "rhythm",
                format!(
                    "rhythm: incomplete, it needs {}. {USING}",
                    missing.join(", ")
                ),
            );
            return None;
        }
        let rhythm = Rhythm {
            inhale: inhale.unwrap_or_default(),
            hold: hold.unwrap_or_default(),
            exhale: exhale.unwrap_or_default(),
            rest: rest.unwrap_or_default(),
            cycles: cycles.unwrap_or_default(),
        };
        if crate::domain::pacer::Timing::from_rhythm(&rhythm).is_none() {
            self.warn(
                "rhythm",
                format!(
                    "rhythm: this cannot run; breathe in and out for more than 0 seconds, each phase at most a minute, the whole at most an hour. {USING}"
                ),
            );
            return None;
        }
        Some(rhythm)
    }

    /// `[keys]`: each command's keys as written; names are the app's to check.
    fn keys(&mut self, value: &Value) -> Vec<KeySetting> {
        let Some(table) = value.as_table() else {
            self.warn(
                "keys",
                format!(
                    "keys: expected a [keys] section, not {}. Using the usual keys.",
                    shown(value)
                ),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (command, keys) in table {
            let path = format!("keys.{command}");
            let written: Option<Vec<String>> = match keys {
                Value::String(key) => Some(vec![key.clone()]),
                Value::Array(list) => list
                    .iter()
                    .map(|k| k.as_str().map(str::to_string))
                    .collect(),
                _ => None,
            };
            let name = if command.chars().count() <= QUOTE_AT_MOST {
                command.as_str()
            } else {
                "this command"
            };
            match written {
                Some(keys) => out.push(KeySetting {
                    command: command.clone(),
                    keys,
                    line: self.line(&path),
                }),
                None => self.warn(
                    &path,
                    format!(
                        "keys: {name} should be a key in quotes, such as \"q\", or a list such as [\"c\", \"F5\"]. Using its usual keys."
                    ),
                ),
            }
        }
        out
    }
}

fn theme(name: &str) -> Option<Theme> {
    match name {
        "auto" => Some(Theme::Auto),
        "calm" => Some(Theme::Calm),
        "high-contrast" => Some(Theme::HighContrast),
        "light" => Some(Theme::Light),
        _ => None,
    }
}

/// A value as a message may show it: short text quoted, anything else by its kind.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) if s.trim().is_empty() => "empty text".into(),
        Value::String(s) if s.chars().count() <= QUOTE_AT_MOST && !s.contains('\n') => {
            format!("{s:?}")
        }
        Value::String(_) => "that text".into(),
        Value::Integer(i) => format!("the number {i}"),
        Value::Float(_) => "a number".into(),
        Value::Boolean(b) => format!("{b}"),
        Value::Datetime(_) => "a date".into(),
        Value::Array(_) => "a list".into(),
        Value::Table(_) => "a section".into(),
    }
}

/// The known name within two edits of `word`, if there is one.
fn nearest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (distance(word, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}
