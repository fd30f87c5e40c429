//! End-to-end tests of practising and looking back: the real `lantern` binary driven
//! inside tmux, then checked from the outside with the CLI and the files it writes.
//!
//! Practise and get support: a breathing exercise runs for one cycle and is
//! logged; a hard check-in offers an exercise that starts; the support finder walks to
//! a model; help now from inside the editor returns to the same text.
//!
//! Look back: with thirty days of check-ins imported, Insights shows the
//! trend; Enter on a day in Year in pixels opens it; supervision preparation exports a
//! file with exactly the chosen entries.
//!
//! The harness (a tmux server, diary folder and 100×30 window per test) is in
//! `support/tmux.rs`. Every wait polls the screen and fails with it on timeout; nothing
//! is asserted about how long anything took. Dates are worked out from today in UTC,
//! as the app sees them, so a run that straddles midnight UTC may fail once.

mod support;

use std::fs;
use std::path::Path;
use std::time::Duration;

use chrono::{Days, NaiveDate, Utc};
use support::e2e::Diary;
use support::tmux::{
    self, require_tmux, start_reflective_entry, App, NO_CHECK_IN, TODAY_FOOTER, WAIT,
};

/// The built-in exercises, to be overridden with a shorter breathing exercise.
const BUILT_IN_EXERCISES: &str = include_str!("../content/exercises.toml");

/// The footer of a library item's page: its `x` key starts the exercise.
const TOPIC_FOOTER: &str = "x exercise";

/// How long a whole (shortened) exercise may take to run and show that it is done.
const WAIT_EXERCISE: Duration = Duration::from_secs(30);

/// Today in UTC, the time zone every launch runs in.
fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// The line of `screen` that holds `needle`, if any.
fn line_with<'s>(screen: &'s str, needle: &str) -> Option<&'s str> {
    screen.lines().find(|l| l.contains(needle))
}

/// The screen's text with the lines joined and box borders and runs of spaces taken
/// out, so a sentence wrapped over lines can be found whole.
fn flowing(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || "│┃║".contains(c)))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `exercises.toml` with the soothing breathing rhythm cut to about seven seconds: every
/// step one second, and one breath of in 1 s, hold 0.5 s, out 1 s, rest 0.5 s. The
/// other exercises are left as they are.
fn short_breathing_exercises() -> String {
    let mut out = String::new();
    let mut in_breathing = false;
    let (mut steps, mut rhythms) = (0, 0);
    for line in BUILT_IN_EXERCISES.lines() {
        let trimmed = line.trim();
        if trimmed == "[[exercise]]" {
            in_breathing = false;
        }
        if trimmed == r#"id = "soothing-breathing""# {
            in_breathing = true;
        }
        if in_breathing && trimmed.starts_with("seconds =") {
            out.push_str("seconds = 1\n");
            steps += 1;
        } else if in_breathing && trimmed.starts_with("rhythm =") {
            out.push_str(
                "rhythm = { inhale = 1.0, hold = 0.5, exhale = 1.0, rest = 0.5, cycles = 1 }\n",
            );
            rhythms += 1;
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    assert_eq!(
        rhythms, 1,
        "the built-in soothing-breathing exercise has no `rhythm = …` line to shorten"
    );
    assert!(
        steps >= 2,
        "the built-in soothing-breathing exercise has too few `seconds = …` lines ({steps})"
    );
    out
}

/// A Lantern JSON export of thirty daily check-ins, one a day ending today, with
/// pleasantness rising from 2 to 9 over the month and energy and stress level.
fn thirty_days_export(today: NaiveDate) -> String {
    let checkins: Vec<serde_json::Value> = (0..30u64)
        .map(|i| {
            let date = today - Days::new(29 - i);
            serde_json::json!({
                "uid": format!("e2e-thirty-days-{i}"),
                "kind": "daily",
                "at": format!("{date}T17:30:00+00:00"),
                "pleasantness": 2 + i * 7 / 29,
                "energy": 5,
                "stress": 4,
            })
        })
        .collect();
    serde_json::json!({
        "format": "lantern",
        "version": 1,
        "exported": "2026-01-01T00:00:00+00:00",
        "entries": [],
        "checkins": checkins,
    })
    .to_string()
}

/// A diary with the thirty days of check-ins imported.
fn diary_with_thirty_days() -> Diary {
    let diary = Diary::initialised();
    let imported = diary.import("thirty-days.json", &thirty_days_export(today()));
    let listed = diary.cli_ok(&["list", "--checkins", "--number", "100"]);
    assert_eq!(
        listed.lines().filter(|l| l.contains("pleasant")).count(),
        30,
        "not thirty check-ins after the import ({imported}):\n{listed}"
    );
    diary
}

/// Writes an entry with `lantern write --title TITLE`, its body piped in.
fn write_entry(diary: &Diary, title: &str, body: &str) {
    diary.cli_ok_stdin(&["write", "--title", title], &format!("{body}\n"));
}

// ---------------------------------------------------------------------------------------
// Practise and get support.

#[test]
fn a_breathing_exercise_runs_one_cycle_and_is_logged() {
    require_tmux!();
    let diary = Diary::initialised();
    fs::create_dir_all(diary.content_dir()).expect("making the content folder");
    fs::write(
        diary.content_dir().join("exercises.toml"),
        short_breathing_exercises(),
    )
    .expect("writing the content override");
    let content_dir = diary.content_dir();
    let checked = diary.cli_ok(&["content", "check", content_dir.to_str().expect("UTF-8")]);
    assert!(checked.contains("Content is sound"), "{checked}");
    let (listed, warnings) = diary.cli_ok_both(&["content", "list", "exercise"]);
    assert!(
        listed.contains("exercise:soothing-breathing"),
        "the override lost the exercise:\n{listed}"
    );
    assert!(
        warnings.trim().is_empty(),
        "the override was not taken cleanly:\n{warnings}"
    );

    let app = App::launch(&diary, "breathing");
    app.wait_for(NO_CHECK_IN);
    app.keys(&["l"]);
    app.wait_for("┌ Library ");
    // Past the skills, the good practice points and the ten steps to the exercises; the
    // first under that heading is the soothing breathing rhythm.
    app.keys(&["Tab", "Tab", "Tab"]);
    app.wait_for("Soothing breathing rhythm");
    app.keys(&["Enter"]);
    // The exercise's own page (its footer from the page's key table), not the library.
    app.wait_until("the exercise's page", WAIT, |s| {
        s.contains("┌ Soothing breathing rhythm ") && s.contains(TOPIC_FOOTER)
    });
    app.keys(&["x"]);
    app.wait_until("the exercise running", WAIT, |s| {
        !s.contains(TOPIC_FOOTER)
            && s.contains("┌ Soothing breathing rhythm ")
            && s.contains(" left")
    });
    // The words of the breath, for the override's one breath ("breath 1 of 1").
    app.wait_until("the pacer's breath words", WAIT_EXERCISE, |s| {
        (s.contains("Breathe in") || s.contains("Breathe out")) && s.contains("breath 1 of 1")
    });
    app.wait_for_all_within(
        &["Well done for making the time.", "Enter saves the note"],
        WAIT_EXERCISE,
    );
    app.type_text("calmer");
    app.wait_for("calmer");
    app.keys(&["Enter"]);
    // Back on the exercise's page, with the practice logged.
    app.wait_until("the exercise's page again", WAIT, |s| {
        !s.contains("Enter saves the note")
            && s.contains("Logged ")
            && s.contains("┌ Soothing breathing rhythm ")
            && s.contains(TOPIC_FOOTER)
    });
    app.keys(&["q"]);
    app.wait_for("┌ Library ");
    app.keys(&["q"]);
    app.quit_from_today();

    let practice = diary.cli_ok(&["practice"]);
    let line = line_with(&practice, "Soothing breathing rhythm")
        .unwrap_or_else(|| panic!("the exercise is not in the practice log:\n{practice}"));
    assert!(
        practice.contains("calmer"),
        "the note is not in the practice log ({line:?}):\n{practice}"
    );
}

#[test]
fn a_hard_check_in_offers_an_exercise_that_starts() {
    require_tmux!();
    let diary = Diary::initialised();
    let app = App::launch(&diary, "hard-check-in");

    app.wait_for(NO_CHECK_IN);
    // Pleasantness 3, energy 8, past the words, stress 8, save: hard, but short of
    // the very hard day whose offer starts with people rather than an exercise.
    app.keys(&["c", "3", "8", "Tab", "Tab", "8", "s"]);
    let screen = app.wait_for_all(&["One small thing", "Esc not now", "Check-in saved"]);
    // The first offer, marked with an arrow, is what Enter starts.
    let offered = line_with(&screen, "→ ")
        .and_then(|l| l.split("→ ").nth(1))
        .and_then(|rest| rest.split('│').next())
        .map(str::trim)
        .unwrap_or_else(|| panic!("no offer marked with an arrow:\n{screen}"))
        .to_string();
    app.keys(&["Enter"]);
    let title = format!("┌ {offered} ");
    app.wait_until(
        &format!("the offered exercise, {offered:?}, running"),
        WAIT,
        |s| !s.contains("One small thing") && s.contains(&title) && s.contains(" left"),
    );
    // Stopping early counts too.
    app.escape();
    app.wait_for_all(&["Well done for making the time.", "Esc skips it"]);
    app.escape();
    app.wait_until("Today, with the practice logged", WAIT, |s| {
        !s.contains("Esc skips it")
            && s.contains("Logged ")
            && s.contains("pleasant 3 · energy 8 · stress 8")
            && s.contains(TODAY_FOOTER)
    });
    app.quit_from_today();

    let practice = diary.cli_ok(&["practice"]);
    assert!(
        practice.contains(&offered),
        "the stopped exercise is not in the practice log:\n{practice}"
    );
}

#[test]
fn the_support_finder_walks_to_a_model() {
    require_tmux!();
    let diary = Diary::initialised();
    // What the CLI's finder puts first for the same answers.
    let found = diary.cli_ok(&[
        "support",
        "--need",
        "heard",
        "--setting",
        "one",
        "--formality",
        "informal",
    ]);
    let model = found
        .lines()
        .skip(1)
        .find(|l| !l.trim().is_empty())
        .and_then(|l| l.split("  (model:").next())
        .unwrap_or_else(|| panic!("the CLI finds no model:\n{found}"))
        .trim()
        .to_string();

    let app = App::launch(&diary, "finder");
    app.wait_for(NO_CHECK_IN);
    app.keys(&["f"]);
    app.wait_for("Question 1 of");
    app.wait_for("Being heard by someone who understands");
    app.keys(&["Enter"]);
    app.wait_for("Question 2 of");
    app.wait_for("With one other person");
    app.keys(&["Down", "Enter"]);
    app.wait_for("Question 3 of");
    app.keys(&["Enter"]);
    // The CLI's first model comes first, with how to find it.
    app.wait_for_all(&["These may fit what you need.", &model, "How to find it:"]);
    app.keys(&["Enter"]);
    let title = format!("┌ {model} ");
    app.wait_until(&format!("the page of {model:?}"), WAIT, |s| {
        !s.contains("These may fit") && s.contains(&title) && s.contains("How to find:")
    });
    app.escape();
    app.wait_for("These may fit what you need.");
    app.keys(&["C-c"]);
    app.wait_exit().assert_clean();
}

#[test]
fn help_now_from_inside_the_editor_returns_to_the_same_text() {
    require_tmux!();
    let diary = Diary::initialised();
    let app = App::launch(&diary, "help-now");

    start_reflective_entry(&app);
    app.type_text("my unfinished sentence");
    app.wait_for("my unfinished sentence");
    app.keys(&["F2"]);
    // Every number to call is in view without scrolling.
    app.wait_for_all(&["┌ Help now ", "116 123", "returns you to where you were"]);
    app.escape();
    app.wait_until("the editor again", WAIT, |s| {
        !s.contains("116 123")
            && s.contains("What are you feeling?")
            && s.contains("my unfinished sentence")
    });
    // Still in the editor, with the cursor where it was.
    app.type_text(", finished");
    app.wait_for("my unfinished sentence, finished");
    app.keys(&["C-s"]);
    let screen = app.wait_for("Saved entry #");
    let id = tmux::saved_entry_id(&screen);
    app.quit_from_today();

    let shown = diary.cli_ok(&["show", &id]);
    assert!(
        shown.contains("What are you feeling?\nmy unfinished sentence, finished\n"),
        "{shown}"
    );
}

// ---------------------------------------------------------------------------------------
// Look back.

#[test]
fn insights_show_the_trend_of_thirty_days() {
    require_tmux!();
    let diary = diary_with_thirty_days();
    let app = App::launch(&diary, "insights");

    app.wait_for(TODAY_FOOTER);
    app.keys(&["i"]);
    let screen = app.wait_until("the month's summary", WAIT, |s| {
        let text = flowing(s);
        text.contains("You checked in on every one of the last 30 days.")
            && text.contains("Pleasantness has risen over the last month.")
            && s.contains("━━ stress")
    });
    let text = flowing(&screen);
    for level in ["Energy has", "Stress has"] {
        assert!(
            !text.contains(level),
            "{level:?}: it did not change\n{screen}"
        );
    }
    app.escape();
    app.quit_from_today();
}

#[test]
fn pressing_a_day_in_year_in_pixels_opens_it() {
    require_tmux!();
    let diary = diary_with_thirty_days();
    write_entry(
        &diary,
        "Day entry",
        "A line written today for the day view.",
    );
    let today = today();
    let app = App::launch(&diary, "pixels");

    app.wait_for(TODAY_FOOTER);
    app.keys(&["y"]);
    app.wait_for("Year in pixels");
    // The cursor starts on today, which has a check-in.
    let chosen = format!("{}: pleasantness 9.0", today.format("%A %-d %B"));
    app.wait_for(&chosen);
    app.keys(&["Enter"]);
    let heading = format!("┌ {} ", today.format("%A %-d %B %Y"));
    app.wait_for_all(&[&heading, "pleasant 9 · energy 5 · stress 4", "Day entry"]);
    app.keys(&["Enter"]);
    app.wait_for_all(&["┌ Day entry ", "A line written today for the day view."]);
    app.keys(&["q"]);
    app.wait_for(&heading);
    app.keys(&["q"]);
    app.wait_for(&chosen);
    app.keys(&["q"]);
    app.quit_from_today();
}

#[test]
fn supervision_prep_exports_exactly_the_chosen_entries() {
    require_tmux!();
    let diary = Diary::initialised();
    write_entry(&diary, "Entry A", "alpha quokka");
    write_entry(&diary, "Entry B", "beta wombat");
    let home = diary.folder("home");
    let app = App::launch_with(&diary, "supervision", &[("HOME", home.as_path())]);

    app.wait_for(NO_CHECK_IN);
    app.keys(&["s"]);
    app.wait_for("Before supervision");
    let screen = app.wait_until("both entries listed", WAIT, |s| {
        s.contains("Entry A") && s.contains("Entry B")
    });
    // The entry rows, newest first; the cursor starts on the first.
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("Entry A") || l.contains("Entry B"))
        .collect();
    assert_eq!(rows.len(), 2, "{screen}");
    assert!(
        rows.iter().all(|r| r.contains("[ ]")),
        "something is shared before anything was chosen:\n{screen}"
    );
    let a = rows
        .iter()
        .position(|r| r.contains("Entry A"))
        .expect("entry A's row");
    let mut keys = vec!["Down"; a];
    keys.push("Space");
    app.keys(&keys);
    let screen = app.wait_until("entry A chosen", WAIT, |s| {
        line_with(s, "Entry A").is_some_and(|l| l.contains("[x]"))
    });
    assert!(
        line_with(&screen, "Entry B").is_some_and(|l| l.contains("[ ]")),
        "entry B was chosen too:\n{screen}"
    );
    app.keys(&["e"]);
    app.wait_for("Saved (only you can read it)");
    app.escape();
    app.quit_from_today();

    let exported: Vec<_> = fs::read_dir(&home)
        .expect("the home folder")
        .map(|e| e.expect("a folder entry").file_name())
        .collect();
    let name = format!("lantern-supervision-{}.md", today());
    assert_eq!(
        exported,
        [std::ffi::OsString::from(&name)],
        "the home folder should hold just the export"
    );
    let path = home.join(&name);
    assert_private(&path);
    let text = fs::read_to_string(&path).expect("reading the export");
    assert!(text.contains("alpha quokka"), "{text}");
    assert!(!text.contains("beta wombat"), "{text}");
    assert!(!text.contains("Entry B"), "{text}");
}

#[test]
fn a_supervision_export_holding_a_postcode_asks_before_anything_is_written() {
    require_tmux!();
    let diary = Diary::initialised();
    write_entry(&diary, "Entry A", "a visit at LS6 2AB went well");
    let home = diary.folder("home");
    let app = App::launch_with(&diary, "supervision-check", &[("HOME", home.as_path())]);
    app.wait_for(NO_CHECK_IN);
    app.keys(&["s"]);
    app.wait_for("Entry A");
    app.keys(&["Space"]);
    app.wait_until("entry A chosen", WAIT, |s| {
        line_with(s, "Entry A").is_some_and(|l| l.contains("[x]"))
    });
    app.keys(&["e"]);
    app.wait_for_all(&[
        "Before it is shared",
        "one detail could identify",
        "[LS6 2AB]",
    ]);
    assert_eq!(
        fs::read_dir(&home).expect("home").count(),
        0,
        "nothing written yet"
    );
    app.escape();
    app.wait_for("Nothing was written.");
    assert_eq!(fs::read_dir(&home).expect("home").count(), 0);
    app.keys(&["e"]);
    app.wait_for("Before it is shared");
    app.keys(&["r"]);
    app.wait_for("Saved (only you can read it), with placeholders");
    app.escape();
    app.quit_from_today();
    let path = home.join(format!("lantern-supervision-{}.md", today()));
    assert_private(&path);
    let text = fs::read_to_string(&path).expect("reading the export");
    assert!(text.contains("a visit at [postcode] went well"), "{text}");
    assert!(!text.contains("LS6 2AB"), "{text}");
}

/// The file can be read and written by its owner only.
fn assert_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = fs::metadata(path).expect("the export").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{} has mode {mode:o}", path.display());
}
