//! A broken `config.toml` never locks anyone out: every command still runs, with one
//! warning per problem on stderr, and the defaults in place of what was wrong.

mod support;

use std::path::Path;

use tempfile::TempDir;

use support::cli::lantern_in as lantern;
use support::CleanEnv;

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
        "a renewal day that is not a date",
        b"renewal = \"31/05/2027\"\n",
        "config.toml line 1: renewal: expected a date as YYYY-MM-DD",
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

/// A diary folder whose config.toml is whatever `place` puts there.
fn diary_with(place: impl FnOnce(&Path)) -> TempDir {
    let dir = TempDir::new().expect("a temporary folder");
    let init = lantern(dir.path())
        .arg("init")
        .output()
        .expect("lantern runs");
    assert!(init.status.success());
    let config = dir.path().join("config.toml");
    std::fs::remove_file(&config).expect("remove the example");
    place(&config);
    dir
}

fn list_within_seconds(dir: &Path) -> (Option<i32>, String) {
    let out = lantern(dir)
        .arg("list")
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .expect("lantern runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_pipe_or_a_device_in_place_of_the_file_is_a_warning_not_a_hang() {
    let fifo = diary_with(|config| {
        let made = std::process::Command::new("mkfifo")
            .arg(config)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
    });
    let (code, stderr) = list_within_seconds(fifo.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("config.toml: is not an ordinary file"),
        "{stderr}"
    );

    let zero = diary_with(|config| {
        std::os::unix::fs::symlink("/dev/zero", config).expect("a link to /dev/zero");
    });
    let (code, stderr) = list_within_seconds(zero.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("config.toml: is not an ordinary file"),
        "{stderr}"
    );
}

#[test]
fn thousands_of_bad_lines_open_at_once_with_a_count_of_the_rest() {
    let dir = diary_with(|config| {
        let text: String = (0..40_000).map(|n| format!("k{n} = {n}\n")).collect();
        std::fs::write(config, text).expect("write");
    });
    let (code, stderr) = list_within_seconds(dir.path());
    assert_eq!(code, Some(0));
    assert!(stderr.lines().count() <= 21, "{}", stderr.lines().count());
    assert!(
        stderr.contains("39980 more problems like these"),
        "{stderr}"
    );
}

#[test]
fn what_a_warning_quotes_back_cannot_steer_the_terminal() {
    let dir = diary_with(|config| {
        let text = "\"a\\u001b[2Jb\" = 1\n\"c\\nd\" = 2\n[keys]\n\"x\\u001b]0;t\" = \"q\"\nquit = \"x\\u009b31m\"\n";
        std::fs::write(config, text).expect("write");
    });
    for args in [&["list"][..], &["keys"][..]] {
        let out = lantern(dir.path())
            .args(args)
            .output()
            .expect("lantern runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {stderr:?}"
        );
        for line in stderr.lines() {
            assert!(
                line.starts_with("lantern: warning: config.toml"),
                "{line:?}"
            );
        }
    }
}

#[test]
fn a_region_lantern_does_not_know_says_whose_numbers_it_shows() {
    let dir = diary_with(|config| std::fs::write(config, "region = \"zz\"\n").expect("write"));
    let out = lantern(dir.path())
        .arg("help-now")
        .output()
        .expect("lantern runs");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "region: \"zz\" is not a region Lantern knows, so help now shows United Kingdom"
        ),
        "{stderr}"
    );
}

#[test]
fn a_full_stderr_does_not_stop_a_command() {
    let dir = diary_with(|config| std::fs::write(config, "theme = \"dark\"\n").expect("write"));
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = std::process::Command::new(support::cli::bin())
        .clean_env()
        .arg("--data-dir")
        .arg(dir.path())
        .arg("help-now")
        .stderr(full)
        .output()
        .expect("lantern runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("United Kingdom"));
}
