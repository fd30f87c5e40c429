//! Where Lantern keeps things, and the user's settings: built-in defaults, then
//! `config.toml` in the config directory, then environment variables.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

mod read;

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
    #[default]
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
    /// health-visitor, social-worker or other; shapes nothing yet but greetings.
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
            theme: Theme::Calm,
            region: "gb".into(),
            role: None,
            default_template: "reflective-diary".into(),
            reduced_motion: false,
            rhythm: None,
            keys: Vec::new(),
        }
    }
}

/// The commented example written on first run.
pub const EXAMPLE: &str = r#"# Lantern settings. Every line is optional; delete any you do not need.

# calm, high-contrast or light. NO_COLOR in the environment turns colour off.
# theme = "calm"

# Which help contacts to show: a region id from help.toml (gb = United Kingdom).
# region = "gb"

# health-visitor, social-worker or other.
# role = "health-visitor"

# The template a new diary entry starts with.
# default_template = "reflective-diary"

# Exercises as text only, with no moving shapes.
# reduced_motion = false

# Your own keys. Each line names a command and its key, or a list of keys;
# `lantern keys` lists every command and the keys it has now.
# [keys]
# check_in = ["c", "F5"]
# quit = "q"
# help_now = "F2"

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
        Ok(loaded)
    }

    /// Writes the settings chosen on the first run into the commented example.
    pub fn write_first_run(paths: &Paths, role: Option<&str>, region: &str) -> Result<()> {
        crate::store::create_private_dir(&paths.config_dir)?;
        let mut text = EXAMPLE.replace(
            "# region = \"gb\"",
            &format!("region = {}", toml_string(region)),
        );
        if let Some(role) = role {
            text = text.replace(
                "# role = \"health-visitor\"",
                &format!("role = {}", toml_string(role)),
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

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

#[cfg(test)]
mod tests;
