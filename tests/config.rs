//! A broken `config.toml` never locks anyone out: every command still runs, with one
//! warning per problem on stderr, and the defaults in place of what was wrong.

mod support;

use tempfile::TempDir;

use support::cli::lantern_in as lantern;

/// Each kind of damage, and what its warning must say.
const BROKEN: &[(&str, &[u8], &str)] = &[
    (
        "a value that is not a theme",
        b"theme = \"dark\"\n",
        "config.toml line 1: theme: \"dark\" is not a theme",
    ),
    (
        "an unknown setting",
        b"# mine\nthem = \"calm\"\n",
        "config.toml line 2: them is not a setting; did you mean theme?",
    ),
    (
        "a wrong type",
        b"region = 3\n",
        "config.toml line 1: region: expected a region id",
    ),
    (
        "reduced_motion that is not true or false",
        b"reduced_motion = 1\n",
        "config.toml line 1: reduced_motion: expected true or false",
    ),
    (
        "an incomplete rhythm",
        b"[rhythm]\ninhale = 4\n",
        "config.toml line 1: rhythm: incomplete",
    ),
    (
        "broken TOML",
        b"theme = \"calm\"\nregion = \"gb\n",
        "config.toml line 2: this is not valid TOML",
    ),
    (
        "bytes that are not UTF-8",
        b"theme = \"\xff\"\n",
        "config.toml: is not plain text (UTF-8)",
    ),
];

fn list_with(config: Option<&[u8]>) -> (Option<i32>, String) {
    let dir = TempDir::new().expect("a temporary folder");
    let init = lantern(dir.path())
        .arg("init")
        .output()
        .expect("lantern runs");
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let _ = std::fs::remove_file(dir.path().join("config.toml"));
    match config {
        Some(bytes) => std::fs::write(dir.path().join("config.toml"), bytes).expect("write"),
        None => std::fs::create_dir(dir.path().join("config.toml")).expect("mkdir"),
    }
    let out = lantern(dir.path())
        .arg("list")
        .output()
        .expect("lantern runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_command_runs_whatever_is_wrong_in_the_config() {
    for (what, bytes, _) in BROKEN {
        let (code, stderr) = list_with(Some(bytes));
        assert_eq!(code, Some(0), "{what}: {stderr}");
    }
    let (code, stderr) = list_with(None);
    assert_eq!(code, Some(0), "a folder in its place: {stderr}");
}

#[test]
fn each_problem_is_one_warning_on_stderr() {
    for (what, bytes, warning) in BROKEN {
        let (_, stderr) = list_with(Some(bytes));
        assert!(stderr.contains(warning), "{what}: {stderr}");
        assert_eq!(stderr.matches("config.toml").count(), 1, "{what}: {stderr}");
    }
    let (_, stderr) = list_with(None);
    assert!(
        stderr.contains("config.toml: is a folder, not a file"),
        "{stderr}"
    );
}

/// The app opens too: on Today, with the warning on its status line.
#[test]
fn the_app_opens_with_a_broken_config_and_says_what_was_wrong() {
    use support::e2e::Diary;
    use support::tmux::{require_tmux, App, NO_CHECK_IN};
    require_tmux!();
    let diary = Diary::initialised();
    std::fs::write(
        diary.dir().join("config.toml"),
        "region = \"gb\"\ntheme = \"dark\"\n",
    )
    .expect("write the config");
    let app = App::launch(&diary, "broken-config");
    app.wait_for_all(&[NO_CHECK_IN, "theme: \"dark\" is not a theme"]);
    app.quit_from_today();
}
