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
mod tests {
    use super::*;

    /// The settings in `text`, or every warning reading them gave.
    fn parse(text: &str, path: &Path) -> std::result::Result<Config, Vec<String>> {
        let label = path.display().to_string();
        let loaded = read::read_text(text, &label);
        if loaded.warnings.is_empty() {
            Ok(loaded.config)
        } else {
            Err(loaded.warnings)
        }
    }

    #[test]
    fn the_example_config_is_valid_and_default() {
        let config = parse(EXAMPLE, Path::new("config.toml")).expect("example parses");
        assert_eq!(config.region, "gb");
        assert_eq!(config.theme, Theme::Calm);
    }

    #[test]
    fn a_rhythm_of_your_own_is_read() {
        let text = "[rhythm]\ninhale = 3.0\nexhale = 5.0\ncycles = 2\n";
        let config = parse(text, Path::new("config.toml")).expect("parses");
        let rhythm = config.rhythm.expect("a rhythm");
        assert_eq!((rhythm.inhale, rhythm.exhale, rhythm.cycles), (3.0, 5.0, 2));
        // The commented example, uncommented, is a valid rhythm too.
        let uncommented: String = EXAMPLE
            .lines()
            .map(|l| {
                if l.starts_with("# [rhythm]")
                    || l.starts_with("# inhale")
                    || l.starts_with("# hold")
                    || l.starts_with("# exhale")
                    || l.starts_with("# rest")
                    || l.starts_with("# cycles")
                {
                    l.trim_start_matches("# ").to_string()
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert!(parse(&uncommented, Path::new("c.toml"))
            .expect("parses")
            .rhythm
            .is_some());
    }

    #[test]
    fn a_broken_config_names_its_line() {
        let warnings = parse("theme = \"calm\"\nregion = 3\n", Path::new("c.toml")).unwrap_err();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with("c.toml line 2: region:"),
            "{warnings:?}"
        );
    }

    fn warnings(text: &str) -> (Config, Vec<String>) {
        let loaded = read::read_text(text, "config.toml");
        (loaded.config, loaded.warnings)
    }

    #[test]
    fn a_theme_that_is_not_one_is_named_and_calm_is_used() {
        let (config, w) = warnings("region = \"ie\"\ntheme = \"dark\"\n");
        assert_eq!(
            w,
            ["config.toml line 2: theme: \"dark\" is not a theme; expected calm, high-contrast or light. Using calm."]
        );
        assert_eq!(config.theme, Theme::Calm);
        // The good setting beside it still counts.
        assert_eq!(config.region, "ie");
    }

    #[test]
    fn an_unknown_setting_is_named_with_the_nearest_known_one() {
        let (config, w) = warnings("theme = \"light\"\n\nreigon = \"ie\"\n");
        assert_eq!(
            w,
            ["config.toml line 3: reigon is not a setting; did you mean region? Ignoring it."]
        );
        assert_eq!(config.theme, Theme::Light);
        assert_eq!(config.region, "gb");
    }

    #[test]
    fn a_long_unknown_setting_is_not_quoted_back() {
        let long = "x".repeat(200);
        let (_, w) = warnings(&format!("{long} = 1\n"));
        assert_eq!(w.len(), 1);
        assert!(!w[0].contains(&long), "{w:?}");
        assert!(
            w[0].starts_with("config.toml line 1: this is not a setting"),
            "{w:?}"
        );
    }

    #[test]
    fn a_wrong_type_is_a_warning_and_the_default_stays() {
        let (config, w) = warnings("default_template = 7\nrole = true\n");
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].starts_with("config.toml line 1: default_template: expected"),
            "{w:?}"
        );
        assert!(
            w[1].starts_with("config.toml line 2: role: expected"),
            "{w:?}"
        );
        assert_eq!(config.default_template, "reflective-diary");
        assert_eq!(config.role, None);
    }

    #[test]
    fn an_empty_region_keeps_the_default() {
        let (config, w) = warnings("region = \"  \"\n");
        assert_eq!(
            w,
            ["config.toml line 1: region: expected a region id such as \"gb\", not empty text. Using gb."]
        );
        assert_eq!(config.region, "gb");
    }

    #[test]
    fn reduced_motion_must_be_true_or_false() {
        let (config, w) = warnings("reduced_motion = \"yes\"\n");
        assert_eq!(
            w,
            ["config.toml line 1: reduced_motion: expected true or false, not \"yes\". Using false."]
        );
        assert!(!config.reduced_motion);
    }

    #[test]
    fn an_incomplete_rhythm_is_set_aside() {
        let (config, w) = warnings("theme = \"light\"\n[rhythm]\ninhale = 4.0\n");
        assert_eq!(
            w,
            ["config.toml line 2: rhythm: incomplete, it needs exhale, cycles. Using the exercise's own rhythm."]
        );
        assert!(config.rhythm.is_none());
        assert_eq!(config.theme, Theme::Light);
    }

    #[test]
    fn a_rhythm_that_cannot_run_is_set_aside() {
        let (config, w) = warnings("[rhythm]\ninhale = 0\nexhale = 5\ncycles = 3\n");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].starts_with("config.toml line 1: rhythm: this cannot run"),
            "{w:?}"
        );
        assert!(config.rhythm.is_none());
        let (config, w) =
            warnings("[rhythm]\ninhale = 4\nexhale = 5\ncycles = \"two\"\nbreath = 1\n");
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].starts_with("config.toml line 4: rhythm: cycles should be"),
            "{w:?}"
        );
        assert!(
            w[1].starts_with("config.toml line 5: rhythm: breath is not part"),
            "{w:?}"
        );
        assert!(config.rhythm.is_none());
    }

    #[test]
    fn broken_toml_is_one_warning_with_its_line_and_all_defaults() {
        let (config, w) = warnings("theme = \"light\"\nregion = \"ie\n");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].starts_with("config.toml line 2: this is not valid TOML"),
            "{w:?}"
        );
        assert!(w[0].ends_with("Using the default settings."), "{w:?}");
        assert!(!w[0].contains('\n'), "{w:?}");
        assert_eq!(config.theme, Theme::Calm);
    }

    #[test]
    fn keys_are_kept_as_written_with_their_lines() {
        let text = "theme = \"calm\"\n[keys]\nquit = \"q\"\ncheck_in = [\"c\", \"F5\"]\nhelp = 3\nnope = [\"a\", 1]\n";
        let (config, w) = warnings(text);
        assert_eq!(
            config.keys,
            [
                KeySetting {
                    command: "quit".into(),
                    keys: vec!["q".into()],
                    line: 3
                },
                KeySetting {
                    command: "check_in".into(),
                    keys: vec!["c".into(), "F5".into()],
                    line: 4
                },
            ]
        );
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].starts_with("config.toml line 5: keys: help should be"),
            "{w:?}"
        );
        assert!(
            w[1].starts_with("config.toml line 6: keys: nope should be"),
            "{w:?}"
        );
        // Names are the app's to check, not the loader's.
        let (config, w) = warnings("[keys]\nno_such_command = \"Ctrl-Nothing\"\n");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(config.keys.len(), 1);
    }

    #[test]
    fn the_example_keys_uncommented_are_read() {
        let text: String = EXAMPLE
            .lines()
            .skip_while(|l| !l.starts_with("# [keys]"))
            .take_while(|l| !l.is_empty())
            .map(|l| l.trim_start_matches("# "))
            .collect::<Vec<_>>()
            .join("\n");
        let (config, w) = warnings(&text);
        assert!(w.is_empty(), "{w:?}");
        assert!(!config.keys.is_empty());
    }

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("lantern-config-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    #[test]
    fn a_file_that_is_not_text_is_a_warning() {
        let dir = scratch("utf8");
        let file = dir.join("config.toml");
        std::fs::write(&file, b"theme = \"\xff\xfe\"\n").expect("write");
        let loaded = read::read_file(&file);
        assert_eq!(
            loaded.warnings,
            ["config.toml: is not plain text (UTF-8). Using the default settings."]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_folder_where_the_file_should_be_is_a_warning() {
        let dir = scratch("folder");
        let file = dir.join("config.toml");
        std::fs::create_dir_all(&file).expect("mkdir");
        let loaded = read::read_file(&file);
        assert_eq!(
            loaded.warnings,
            ["config.toml: is a folder, not a file. Using the default settings."]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_file_is_the_defaults_without_a_word() {
        let dir = scratch("missing");
        let loaded = read::read_file(&dir.join("config.toml"));
        assert!(loaded.warnings.is_empty());
        assert_eq!(loaded.config.region, "gb");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_file_is_a_warning() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = scratch("unreadable");
        let file = dir.join("config.toml");
        std::fs::write(&file, "theme = \"light\"\n").expect("write");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        // Root reads anything, so there is nothing to see there.
        if std::fs::read(&file).is_err() {
            let loaded = read::read_file(&file);
            assert_eq!(
                loaded.warnings,
                ["config.toml: could not be read: permission denied. Using the default settings."]
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
