//! Where Lantern keeps things, and the user's settings: built-in defaults, then
//! `config.toml` in the config directory, then environment variables.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

mod read;
mod registration;

use read::read_file;

/// Every place Lantern reads or writes.
#[derive(Debug, Clone)]
pub struct Paths {
    pub config_dir: PathBuf,
    pub config_file: PathBuf,
    pub data_dir: PathBuf,
    pub database: PathBuf,
    /// Override files for `content/`.
    pub content_dir: PathBuf,
}

impl Paths {
    /// The standard places for this user, or everything under `data_dir` when one is
    /// given (`--data-dir`, `LANTERN_DATA_DIR`): handy for tests and a portable diary.
    pub fn resolve(data_dir: Option<&Path>) -> Result<Paths> {
        if let Some(dir) = data_dir {
            let dir = absolute(dir);
            return Ok(Paths {
                config_file: dir.join("config.toml"),
                content_dir: dir.join("content"),
                database: dir.join("lantern.db"),
                config_dir: dir.clone(),
                data_dir: dir,
            });
        }
        let dirs = directories::ProjectDirs::from("", "", "lantern").context(
            "could not find your home directory; set LANTERN_DATA_DIR to where the diary should live",
        )?;
        let data_dir = dirs.data_dir().to_path_buf();
        let config_dir = dirs.config_dir().to_path_buf();
        Ok(Paths {
            config_file: config_dir.join("config.toml"),
            content_dir: config_dir.join("content"),
            database: data_dir.join("lantern.db"),
            config_dir,
            data_dir,
        })
    }
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// Calm, dark or light to match the terminal's background.
    #[default]
    Auto,
    /// Calm's dark look, on any terminal.
    Calm,
    HighContrast,
    Light,
}

/// The user's settings. Every field has a default, so an empty file is fine.
#[derive(Debug, Clone)]
pub struct Config {
    pub theme: Theme,
    /// Which help contacts to show (a region id from `help.toml`).
    pub region: String,
    /// health-visitor, social-worker or other: help now shows the contacts right for it.
    pub role: Option<String>,
    /// The template a new diary entry starts with.
    pub default_template: String,
    /// Text-only exercises, with no moving shapes.
    pub reduced_motion: bool,
    /// Your own rhythm for the paced breathing step, in place of the content's.
    pub rhythm: Option<crate::content::schema::Rhythm>,
    /// The `[keys]` section as written: each command's new keys, checked by the app
    /// against its key tables (a bad name or a clash is a warning there).
    pub keys: Vec<KeySetting>,
    /// For terminal screen readers: the cursor rests on the focused item, each screen
    /// names itself on the top line, and nothing moves. `None` until [`Config::load`]
    /// settles it from the file, `LANTERN_SCREEN_READER` and `TERM`.
    pub screen_reader: Option<bool>,
    /// When set, the app keeps an encrypted diary's key this many minutes after it is
    /// unlocked (as `lantern unlock` does), and `lantern unlock` keeps it this long.
    pub unlock_minutes: Option<u32>,
    /// The body whose register the person is on (a `body` id from
    /// `registration.toml`), for the view of their cycle.
    pub registration: Option<String>,
    /// The day their registration is next renewed; the cycle counts back from it.
    pub renewal: Option<chrono::NaiveDate>,
}

/// One line of `[keys]`: `check_in = ["c", "F5"]`, before any key name is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySetting {
    /// The command's name, as `lantern keys` lists it.
    pub command: String,
    /// The keys as written ("q", "Ctrl-N", "F5").
    pub keys: Vec<String>,
    /// Where in `config.toml` it was written, for warnings.
    pub line: usize,
}

/// The settings, and what was wrong in `config.toml` (each problem one line naming
/// file, line and field; the default was used in its place).
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    pub warnings: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: Theme::Auto,
            region: "gb".into(),
            role: None,
            default_template: "reflective-diary".into(),
            reduced_motion: false,
            rhythm: None,
            keys: Vec::new(),
            screen_reader: None,
            unlock_minutes: None,
            registration: None,
            renewal: None,
        }
    }
}

/// The commented example written on first run.
pub const EXAMPLE: &str = r#"# Lantern settings. Every line is optional; delete any you do not need.

# auto (calm, dark or light to match your terminal), calm (dark), light or
# high-contrast. NO_COLOR in the environment turns colour off.
# theme = "auto"

# Which help contacts to show: a region id from help.toml. england, scotland, wales,
# northern-ireland or elsewhere; gb (the default) is the whole United Kingdom.
# region = "gb"

# health-visitor, social-worker or other; help now shows the contacts for it.
# role = "health-visitor"

# The template a new diary entry starts with.
# default_template = "reflective-diary"

# Exercises as text only, with no moving shapes.
# reduced_motion = false

# For a screen reader: the cursor rests on what is selected, each screen names itself
# on the top line, and nothing moves. Also LANTERN_SCREEN_READER=1; on when TERM=dumb.
# screen_reader = false

# An encrypted diary stays open this many minutes after you unlock it in the app, so
# commands need no passphrase meanwhile (at most 720). `lantern lock` closes it sooner.
# unlock_minutes = 15

# The register you are on, for `lantern revalidation`: nmc, swe, hcpc, sssc, scw or
# niscc, and the day your registration is next renewed.
# registration = "nmc"
# renewal = "2027-05-31"

# Your own keys. Each line names a command and its key, or a list of keys, such
# as check_in = ["c", "F5"], and moves that command on every screen that has it.
# Below is every command with the keys it has now and where it works (and where its
# keys differ); a setting gives it the same keys everywhere. `lantern keys` lists
# them with what each does. A box closes on any key it does not use.
# [keys]
# help_now = ["H", "F2"]          # every screen, Today
# quit_now = "Ctrl-C"             # every screen
# check_in = "c"                  # Today
# after_visit = "a"               # Today
# new_entry = "w"                 # Today; n w on Diary
# good_moment = "g"               # Today
# diary = "d"                     # Today
# search = "/"                    # Today, Diary
# library = "l"                   # Today
# support = "f"                   # Today
# plan = "p"                      # Today
# insights = "i"                  # Today
# reflection = "o"                # Today
# pixels = "y"                    # Today
# review = "r"                    # Today
# supervision = "s"               # Today
# my_registration = "v"           # Today
# back = ["Esc", "q"]             # Diary, Entry, New entry and 7 more; Esc on Today, Search, Plan; Esc Backspace on Finding support
# help = "?"                      # Today, Check in, Diary and 12 more; F1 on Writing, Search
# quit = "q"                      # Today; Esc on Unlock
# next = "Enter"                  # Welcome; Tab Enter on Check in; Ctrl-N PgDn on Writing
# skip = "Esc"                    # Welcome; n Tab on Exercise
# open = "Enter"                  # Unlock, Diary, Search and 3 more
# save = "Ctrl-S"                 # Writing, Plan; Ctrl-S s on Check in
# previous = "Shift-Tab"          # Check in; Ctrl-P PgUp on Writing
# leave = "Esc"                   # Check in, Writing
# up = ["Up", "k"]                # Diary, Entry, New entry and 10 more; Up Ctrl-P on Search; Up k Left h on Check in: words and tags
# down = ["Down", "j"]            # Diary, New entry, Library and 7 more; Down j Space on Entry, Library topic, Weekly review; Down Ctrl-N on Search; Down j Right l on Check in: words and tags
# page_up = "PgUp"                # Diary, Entry, Keys (help) and 2 more
# page_down = ["PgDn", "Space"]   # Diary, Keys (help), Help now and 1 more; PgDn on Entry
# top = ["Home", "g"]             # Diary
# edit = "e"                      # Entry; Enter e on Plan
# focus = "Tab"                   # Plan
# delete = ["x", "Del"]           # Entry
# check = "c"                     # Entry
# use_reflection = "u"            # Entry
# bring_in = "Ctrl-O"             # Writing an account
# start = "Enter"                 # New entry, One small thing
# title = "Ctrl-T"                # Writing
# external = "Ctrl-E"             # Writing
# pause = ["Space", "p"]          # Exercise
# stop = ["Esc", "q"]             # Exercise
# save_note = "Enter"             # Exercise done
# skip_note = "Esc"               # Exercise done
# next_group = ["Tab", "PgDn"]    # Library
# previous_group = ["Shift-Tab", "PgUp"]  # Library
# exercise = ["x", "Enter"]       # Library topic
# write = "w"                     # Library topic, Before supervision; Enter on Weekly review
# practised = "p"                 # Library topic
# choose = "Enter"                # Finding support
# shorter = ["Left", "h"]         # Insights
# longer = ["Right", "l"]         # Insights
# left = ["Left", "h"]            # Year in pixels
# right = ["Right", "l"]          # Year in pixels
# prev_year = ["[", "PgUp"]       # Year in pixels
# next_year = ["]", "PgDn"]       # Year in pixels
# toggle = "Space"                # Before supervision
# good_moments = "g"              # Before supervision
# earlier = "["                   # Before supervision
# later = "]"                     # Before supervision
# export = "e"                    # Before supervision, My registration
# done = "d"                      # Before supervision
# scroll_up = ["Up", "k"]         # Keys (help), Help now, Text to read
# scroll_down = ["Down", "j"]     # Keys (help), Help now, Text to read
# open_guide = "g"                # Help now
# not_now = ["Esc", "q", "n"]     # One small thing
# carry_on = "Enter"              # Unfinished draft
# discard = "d"                   # Unfinished draft, Stop writing?
# keep_for_later = "Esc"          # Unfinished draft
# confirm_delete = "y"            # Delete?
# keep = ["n", "Esc"]             # Delete?
# confirm_leave = "y"             # Leave the check-in?
# stay = ["n", "Esc"]             # Leave the check-in?, Quit?
# quit_anyway = "y"               # Quit?
# keep_draft = "k"                # Stop writing?
# keep_writing = ["Esc", "c"]     # Stop writing?
# replace_one = "r"               # Could identify someone
# replace_all = "a"               # Could identify someone
# keep_one = "k"                  # Could identify someone
# finished = ["Esc", "q"]         # Could identify someone, Before it is shared
# share_replaced = "r"            # Before it is shared
# share_as_written = "k"          # Before it is shared
# yes = "y"                       # Welcome: passphrase or not
# no = "n"                        # Welcome: passphrase or not
# less_pleasant = ["Left", "h"]   # Check in: mood meter
# more_pleasant = ["Right", "l"]  # Check in: mood meter
# more_energy = ["Up", "k"]       # Check in: mood meter
# less_energy = ["Down", "j"]     # Check in: mood meter
# number = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"]  # Check in: mood meter, Check in: stress, Check in: system
# pick = ["Space", "x"]           # Check in: words and tags; Space on Plan
# less_stress = ["Left", "Down", "h", "j"]  # Check in: stress
# more_stress = ["Right", "Up", "l", "k"]  # Check in: stress
# no_system = ["Space", "Backspace"]  # Check in: system

# Your own rhythm for the soothing breathing exercise, in seconds. Uncomment all
# six lines; a rhythm that cannot run is ignored.
# [rhythm]
# inhale = 4.0
# hold = 1.0
# exhale = 6.0
# rest = 1.0
# cycles = 8
"#;

impl Config {
    /// Reads `config.toml` if there is one. Nothing in it can stop Lantern starting:
    /// each problem is one warning, and the default stands for that setting alone.
    pub fn load(paths: &Paths) -> Result<Loaded> {
        let mut loaded = read_file(&paths.config_file);
        if let Ok(region) = std::env::var("LANTERN_REGION") {
            if !region.trim().is_empty() {
                loaded.config.region = region.trim().to_lowercase();
            }
        }
        let asked = std::env::var("LANTERN_SCREEN_READER").ok();
        let term = std::env::var("TERM").ok();
        loaded
            .config
            .settle_screen_reader(asked.as_deref(), term.as_deref());
        Ok(loaded)
    }

    /// Screen-reader mode: the environment's word first, then the file's, then on for a
    /// terminal that says it is dumb (where moving shapes would only be noise).
    /// Screen-reader mode turns motion off too.
    pub fn settle_screen_reader(&mut self, asked: Option<&str>, term: Option<&str>) {
        let from_env = match asked.map(|a| a.trim().to_ascii_lowercase()).as_deref() {
            Some("1" | "true" | "yes" | "on") => Some(true),
            Some("0" | "false" | "no" | "off") => Some(false),
            _ => None,
        };
        let on = from_env
            .or(self.screen_reader)
            .unwrap_or(term == Some("dumb"));
        self.screen_reader = Some(on);
        if on {
            self.reduced_motion = true;
        }
    }

    /// Whether screen-reader mode is on (after [`Config::load`]).
    pub fn screen_reader_on(&self) -> bool {
        self.screen_reader.unwrap_or(false)
    }

    /// Writes the settings chosen on the first run into the commented example.
    pub fn write_first_run(paths: &Paths, first: &FirstRun<'_>) -> Result<()> {
        crate::store::create_private_dir(&paths.config_dir)?;
        let mut text = EXAMPLE.replace(
            "# region = \"gb\"",
            &format!("region = {}", toml_string(first.region)),
        );
        if let Some(role) = first.role {
            text = text.replace(
                "# role = \"health-visitor\"",
                &format!("role = {}", toml_string(role)),
            );
        }
        if let Some(body) = first.registration {
            text = text.replace(
                "# registration = \"nmc\"",
                &format!("registration = {}", toml_string(body)),
            );
        }
        if let Some(day) = first.renewal {
            text = text.replace(
                "# renewal = \"2027-05-31\"",
                &format!("renewal = \"{}\"", day.format("%Y-%m-%d")),
            );
        }
        std::fs::write(&paths.config_file, text)
            .with_context(|| format!("writing {}", paths.config_file.display()))?;
        crate::store::set_private(&paths.config_file, false)?;
        Ok(())
    }

    /// Writes the commented example if there is no config file yet.
    pub fn write_example(paths: &Paths) -> Result<()> {
        if paths.config_file.exists() {
            return Ok(());
        }
        crate::store::create_private_dir(&paths.config_dir)?;
        std::fs::write(&paths.config_file, EXAMPLE)
            .with_context(|| format!("writing {}", paths.config_file.display()))?;
        crate::store::set_private(&paths.config_file, false)?;
        Ok(())
    }
}

/// What the first run asked, to write into the new settings file.
#[derive(Debug, Clone, Copy)]
pub struct FirstRun<'a> {
    pub role: Option<&'a str>,
    pub region: &'a str,
    pub registration: Option<&'a str>,
    pub renewal: Option<chrono::NaiveDate>,
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

#[cfg(test)]
mod tests;
