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
    let config = parse(EXAMPLE, Path::new("config.toml")).expect("example parses"); // ok: test
    assert_eq!(config.region, "gb");
    assert_eq!(config.theme, Theme::Auto);
}

#[test]
fn a_rhythm_of_your_own_is_read() {
    let text = "[rhythm]\ninhale = 3.0\nexhale = 5.0\ncycles = 2\n";
    let config = parse(text, Path::new("config.toml")).expect("parses"); // ok: test
    let rhythm = config.rhythm.expect("a rhythm"); // ok: test
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
        .expect("parses") // ok: test
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
fn a_theme_that_is_not_one_is_named_and_auto_is_used() {
    let (config, w) = warnings("region = \"ie\"\ntheme = \"dark\"\n");
    assert_eq!(
        w,
        ["config.toml line 2: theme: \"dark\" is not a theme; expected auto, calm, light or high-contrast. Using auto."]
    );
    assert_eq!(config.theme, Theme::Auto);
    // The good setting beside it still counts.
    assert_eq!(config.region, "ie");
}

#[test]
fn auto_is_the_default_theme_and_every_theme_name_is_read() {
    assert_eq!(Config::default().theme, Theme::Auto);
    assert_eq!(
        parse("", Path::new("c.toml")).expect("parses").theme, // ok: test
        Theme::Auto
    );
    for (name, theme) in [
        ("auto", Theme::Auto),
        ("calm", Theme::Calm),
        ("light", Theme::Light),
        ("high-contrast", Theme::HighContrast),
    ] {
        let text = format!("theme = \"{name}\"\n");
        let config = parse(&text, Path::new("c.toml")).expect("parses"); // ok: test
        assert_eq!(config.theme, theme, "{name}");
    }
    // The example says what the default is.
    assert!(EXAMPLE.contains("# theme = \"auto\""), "{EXAMPLE}");
}

#[test]
fn a_misspelt_theme_warns_and_auto_is_used() {
    let (config, w) = warnings("theme = \"hgih-contrast\"\n");
    assert_eq!(
        w,
        ["config.toml line 1: theme: \"hgih-contrast\" is not a theme; expected auto, calm, light or high-contrast. Using auto."]
    );
    assert_eq!(config.theme, Theme::Auto);
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
fn unlock_minutes_is_a_whole_number_up_to_twelve_hours() {
    assert_eq!(warnings("unlock_minutes = 30\n").0.unlock_minutes, Some(30));
    assert_eq!(
        warnings("unlock_minutes = 720\n").0.unlock_minutes,
        Some(720)
    );
    // Nought is "do not keep it", not a mistake.
    let (config, w) = warnings("unlock_minutes = 0\n");
    assert_eq!((config.unlock_minutes, w.len()), (None, 0));
    for (bad, said) in [
        ("\"15m\"", "\"15m\""),
        ("721", "the number 721"),
        ("-5", "the number -5"),
        ("1.5", "a number"),
        ("true", "true"),
    ] {
        let (config, w) = warnings(&format!("theme = \"calm\"\nunlock_minutes = {bad}\n"));
        assert_eq!(config.unlock_minutes, None, "{bad}");
        assert_eq!(
            w,
            [format!("config.toml line 2: unlock_minutes: expected a whole number of minutes up to 720, not {said}. Leaving it off.")],
        );
    }
}

#[test]
fn a_misspelt_unlock_minutes_is_named() {
    let (config, w) = warnings("unlock_minute = 15\n");
    assert_eq!(config.unlock_minutes, None);
    assert_eq!(
        w,
        ["config.toml line 1: unlock_minute is not a setting; did you mean unlock_minutes? Ignoring it."]
    );
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
fn screen_reader_mode_comes_from_the_environment_then_the_file_then_a_dumb_terminal() {
    let settled = |text: &str, asked: Option<&str>, term: Option<&str>| {
        let (mut config, w) = warnings(text);
        assert!(w.is_empty(), "{w:?}");
        config.settle_screen_reader(asked, term);
        (config.screen_reader_on(), config.reduced_motion)
    };
    assert_eq!(settled("", None, Some("xterm-256color")), (false, false));
    assert_eq!(settled("", None, Some("dumb")), (true, true));
    assert_eq!(settled("", None, None), (false, false));
    assert_eq!(
        settled("screen_reader = true\n", None, Some("xterm")),
        (true, true)
    );
    assert_eq!(
        settled("screen_reader = false\n", None, Some("dumb")),
        (false, false)
    );
    assert_eq!(
        settled("screen_reader = false\n", Some("1"), None),
        (true, true)
    );
    assert_eq!(
        settled("screen_reader = true\n", Some("0"), None),
        (false, false)
    );
    // An unclear word in the environment leaves the decision to the file.
    assert_eq!(
        settled("screen_reader = true\n", Some("maybe"), None),
        (true, true)
    );
}

#[test]
fn screen_reader_must_be_true_or_false() {
    let (config, w) = warnings("screen_reader = 1\n");
    assert_eq!(
        w,
        ["config.toml line 1: screen_reader: expected true or false, not the number 1. Leaving it off."]
    );
    assert_eq!(config.screen_reader, None);
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
    let (config, w) = warnings("[rhythm]\ninhale = 4\nexhale = 5\ncycles = \"two\"\nbreath = 1\n");
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
    assert_eq!(config.theme, Theme::Auto);
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
    let dir = std::env::temp_dir().join(format!("lantern-config-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir"); // ok: test
    dir
}

#[test]
fn a_file_that_is_not_text_is_a_warning() {
    let dir = scratch("utf8");
    let file = dir.join("config.toml");
    std::fs::write(&file, b"theme = \"\xff\xfe\"\n").expect("write"); // ok: test
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
    std::fs::create_dir_all(&file).expect("mkdir"); // ok: test
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
    std::fs::write(&file, "theme = \"light\"\n").expect("write"); // ok: test
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).expect("chmod"); // ok: test
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

#[test]
fn a_registration_and_renewal_day_are_read_quoted_or_as_a_date() {
    let day = chrono::NaiveDate::from_ymd_opt(2027, 5, 31);
    for text in [
        "registration = \"nmc\"\nrenewal = \"2027-05-31\"\n",
        "registration = \" NMC \"\nrenewal = 2027-05-31\n",
    ] {
        let config = parse(text, Path::new("config.toml")).expect("parses"); // ok: test
        assert_eq!(config.registration.as_deref(), Some("nmc"), "{text}");
        assert_eq!(config.renewal, day, "{text}");
    }
}

#[test]
fn a_bad_registration_or_renewal_names_the_line_and_leaves_it_unset() {
    let text = "theme = \"calm\"\nregistration = 5\nrenewal = \"2027-02-30\"\n";
    let warnings = parse(text, Path::new("config.toml")).expect_err("warns"); // ok: test
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].starts_with("config.toml line 2: registration: expected a body id"),
        "{warnings:?}"
    );
    assert!(
        warnings[1].starts_with("config.toml line 3: renewal: expected a date as YYYY-MM-DD")
            && warnings[1].contains("\"2027-02-30\""),
        "{warnings:?}"
    );
    let loaded = read::read_text(text, "config.toml");
    assert_eq!(
        (loaded.config.registration, loaded.config.renewal),
        (None, None)
    );
    // A near miss of the setting's name is pointed at it.
    let warnings =
        parse("renewel = \"2027-05-31\"\n", Path::new("config.toml")).expect_err("warns"); // ok: test
    assert!(
        warnings[0].contains("did you mean renewal?"),
        "{warnings:?}"
    );
}
