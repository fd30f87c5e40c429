//! End-to-end tests of practising and finding support: `library`, `exercise`,
//! `practice`, `plan`, `support` and `nudge`, each against a fresh data folder, in UTC,
//! with no editor, no colour and no terminal.

mod support;

use tempfile::TempDir;

use support::cli::{fails, lantern_in, ok};

fn diary() -> TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    ok(lantern_in(dir.path()).arg("init").write_stdin(""));
    dir
}

#[test]
fn library_lists_the_shelves_and_a_shelf_with_summaries() {
    let dir = diary();
    let all = ok(lantern_in(dir.path()).arg("library"));
    for heading in ["six skills", "The ten steps", "Models of support"] {
        assert!(all.contains(heading), "{heading} missing:\n{all}");
    }
    // The shelves alone, one line each; their items are one command away.
    assert!(!all.contains("skill:self-compassion"), "{all}");
    assert!(all.lines().all(|l| l.chars().count() <= 80), "{all}");

    let skills = ok(lantern_in(dir.path()).args(["library", "skills"]));
    assert!(skills.contains("Self-compassion  (skill:self-compassion)"));
    assert!(skills.lines().all(|l| l.chars().count() <= 80), "{skills}");
    assert!(!skills.contains("step:"));

    let exercises = ok(lantern_in(dir.path()).args(["library", "exercise"]));
    assert!(exercises.contains("exercise:soothing-breathing"));

    let e = fails(lantern_in(dir.path()).args(["library", "nonsense"]));
    assert!(e.contains("nothing called `nonsense`"), "{e}");
}

#[test]
fn a_fast_exercise_is_logged_and_shows_in_the_practice_log() {
    let dir = diary();
    let out = ok(lantern_in(dir.path())
        .args(["exercise", "soothing-breathing", "--speed", "500"])
        .write_stdin(""));
    assert!(out.contains("Step 2 of 3: Follow the pacer"), "{out}");
    assert!(out.contains("Breathe in… 4\nHold… 1\nBreathe out… 5\nRest… 1\n"));
    assert_eq!(out.matches("Breathe in…").count(), 10);
    assert!(out.contains("Logged 2.2 minutes of practice."), "{out}");
    assert!(!out.contains('\x1b'), "no colours or cursor tricks");

    // The environment variable works as well as the flag.
    ok(lantern_in(dir.path())
        .args(["exercise", "exercise:grounding"])
        .env("LANTERN_PACE_SCALE", "500"));

    let log = ok(lantern_in(dir.path()).arg("practice"));
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 2, "{log}");
    assert!(lines[0].contains("Grounding: five to one") && lines[0].contains("2 min"));
    assert!(lines[1].contains("Soothing breathing rhythm") && lines[1].contains("2.2 min"));
    assert_eq!(
        ok(lantern_in(dir.path()).args(["practice", "-n", "1"]))
            .lines()
            .count(),
        1
    );
}

#[test]
fn an_unknown_exercise_lists_the_ones_there_are() {
    let dir = diary();
    let e = fails(lantern_in(dir.path()).args(["exercise", "juggling"]));
    assert!(e.contains("no exercise `juggling`"), "{e}");
    assert!(
        e.contains("soothing-breathing") && e.contains("grounding"),
        "{e}"
    );
    assert_eq!(e.trim().lines().count(), 1, "one line: {e}");
}

#[test]
fn minutes_only_prints_the_length_and_logs_nothing() {
    let dir = diary();
    let out = ok(lantern_in(dir.path()).args(["exercise", "soothing-breathing", "--minutes-only"]));
    assert_eq!(out.trim(), "2.2");
    assert!(ok(lantern_in(dir.path()).arg("practice")).contains("No practice logged yet"));
}

#[test]
fn practice_done_elsewhere_can_be_logged() {
    let dir = diary();
    let out = ok(lantern_in(dir.path()).args([
        "practice",
        "log",
        "skill:being-in-the-now",
        "--minutes",
        "5",
        "--note",
        "on the bus",
    ]));
    assert!(
        out.contains("Logged 5 minutes of Being in the now."),
        "{out}"
    );
    // A bare exercise id works, and takes the exercise's own length.
    ok(lantern_in(dir.path()).args(["practice", "log", "breathing-space"]));
    let log = ok(lantern_in(dir.path()).arg("practice"));
    assert!(log.contains("Being in the now  — on the bus"), "{log}");
    assert!(log.contains("3 min  Three-minute breathing space"), "{log}");

    let e = fails(lantern_in(dir.path()).args(["practice", "log", "skill:juggling"]));
    assert!(e.contains("no content item"), "{e}");
    let e =
        fails(lantern_in(dir.path()).args(["practice", "log", "skill:hope", "--minutes", "-3"]));
    assert!(!e.is_empty());
}

#[test]
fn the_plan_is_set_shown_kept_and_exported_privately() {
    let dir = diary();
    let show = ok(lantern_in(dir.path()).args(["plan", "show"]));
    assert!(
        show.contains("1. My values and why I do this work"),
        "{show}"
    );
    assert!(show.contains("Nothing here yet"), "{show}");

    for text in [
        "Calm in a crisis.",
        "Calm in a crisis.\nGood with babies.",
        "Patient.",
    ] {
        ok(lantern_in(dir.path())
            .args(["plan", "set", "plan-strengths"])
            .write_stdin(text));
    }
    // By number and by a word of the id too.
    ok(lantern_in(dir.path())
        .args(["plan", "set", "4"])
        .write_stdin("- Snapping at people\n<!-- a hint, dropped -->\n"));
    let out = ok(lantern_in(dir.path())
        .args(["plan", "set", "warning"])
        .write_stdin("- Snapping at people\n"));
    assert!(out.contains("Nothing changed"), "{out}");

    let show = ok(lantern_in(dir.path()).arg("plan"));
    assert!(show.contains("2. My strengths\n   Patient.\n"), "{show}");
    assert!(show.contains("   - Snapping at people\n"), "{show}");
    assert!(!show.contains("a hint"));

    let history = ok(lantern_in(dir.path()).args(["plan", "history", "strengths"]));
    let now = history.find("Patient.").expect("current words");
    let second = history.find("Good with babies.").expect("second version");
    assert!(now < second, "newest first:\n{history}");
    assert_eq!(history.matches("Calm in a crisis.").count(), 2, "{history}");

    let file = dir.path().join("plan.md");
    ok(lantern_in(dir.path())
        .args(["plan", "export", "-o"])
        .arg(&file));
    let md = std::fs::read_to_string(&file).expect("the export");
    assert!(md.starts_with("# My compassionate resilience plan"));
    assert!(md.contains("## My strengths\n\nPatient.\n"));
    assert!(md.contains("## My early warning signs\n\n- Snapping at people\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let e = fails(
        lantern_in(dir.path())
            .args(["plan", "export", "-o"])
            .arg(&file),
    );
    assert!(e.contains("already exists"), "{e}");
    ok(lantern_in(dir.path())
        .args(["plan", "export", "--force", "-o"])
        .arg(&file));
    assert!(ok(lantern_in(dir.path()).args(["plan", "export"])).contains("## My strengths"));

    let e = fails(
        lantern_in(dir.path())
            .args(["plan", "set", "hobbies"])
            .write_stdin("x"),
    );
    assert!(
        e.contains("no plan section `hobbies`") && e.contains("plan-values"),
        "{e}"
    );
}

#[test]
fn support_with_flags_offers_the_models_that_fit() {
    let dir = diary();
    let out = ok(lantern_in(dir.path()).args([
        "support",
        "--need",
        "process",
        "--setting",
        "one",
        "--formality",
        "formal",
    ]));
    let first = out
        .find("Restorative supervision")
        .expect("restorative supervision");
    assert!(out.contains("How to find it:"), "{out}");
    assert!(out.contains("A question to take away:"), "{out}");
    let also = out.find("Also worth a look:").expect("others");
    assert!(first < also);
    assert!(out[also..].contains("Peer support"), "{out}");
    assert!(
        !out.contains("Coaching"),
        "coaching does not meet this need:\n{out}"
    );

    let out = ok(lantern_in(dir.path()).args(["support", "--need", "grow", "--setting", "one"]));
    assert!(out.find("Mentoring").expect("mentoring") < out.find("Also").unwrap_or(out.len()));

    let e = fails(lantern_in(dir.path()).args(["support", "--need", "sleep"]));
    assert!(e.contains("sleep"), "{e}");
}

#[test]
fn nudge_speaks_only_before_todays_check_in() {
    let dir = tempfile::tempdir().expect("a temp dir");
    // No diary yet: nothing, and nothing created.
    assert_eq!(ok(lantern_in(dir.path()).arg("nudge")), "");
    assert!(!dir.path().join("lantern.db").exists());

    ok(lantern_in(dir.path()).arg("init").write_stdin(""));
    let line = ok(lantern_in(dir.path()).arg("nudge"));
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(line.contains("lantern checkin"), "{line}");

    ok(lantern_in(dir.path()).args(["checkin", "-p", "5", "-e", "5", "-s", "3"]));
    assert_eq!(ok(lantern_in(dir.path()).arg("nudge")), "");
}

#[test]
fn nudge_is_silent_on_any_problem() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("lantern.db"), b"not a database at all").expect("write");
    std::fs::write(dir.path().join("config.toml"), "theme = 3\n").expect("write");
    let out = lantern_in(dir.path()).arg("nudge").output().expect("runs");
    assert!(out.status.success());
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}
