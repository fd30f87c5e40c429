//! The care content under attack: content that could never match or that would hide
//! help, invisible characters sent to the terminal, a misspelt role, and a very hard
//! check-in the diary could not keep.

mod support;

use std::fs;

use chrono::{Duration, Local};

use lantern::domain::checkin::CheckIn;
use lantern::store::Store;

use support::cli::{built_in_content, content_check, lantern, Diary, Run};

/// `lantern content check` on a folder holding `file` as `text`, which must fail.
fn check(file: &str, text: &str) -> Run {
    content_check(file, text).failure()
}

fn replaced(file: &str, from: &str, to: &str) -> String {
    let text = built_in_content(file);
    assert!(text.contains(from), "{from} in {file}");
    text.replacen(from, to, 1)
}

#[test]
fn an_empty_list_in_a_rule_is_refused_rather_than_matching_everyone() {
    for (from, to, field) in [
        (
            "words_any = [\"hopeless\", \"helpless\"]",
            "words_any = []",
            "words_any",
        ),
        (
            "tags_any = [\"stress:complex-families\"]",
            "tags_any = []",
            "tags_any",
        ),
        ("system = [\"system:threat\"]", "system = []", "system"),
    ] {
        let run = check("suggestions.toml", &replaced("suggestions.toml", from, to));
        assert!(
            run.stdout.contains(&format!(
                "`{field}` is an empty list, so the rule can never match"
            )),
            "{field}: {}",
            run.stdout
        );
    }
}

#[test]
fn invisible_characters_in_content_are_refused_where_they_are_written() {
    let name = "name = \"When something terrible happens\"";
    for (written, shown) in [
        ("\\u001b[2J", "U+001B"),
        ("\\u0007", "U+0007"),
        ("\\b", "U+0008"),
        ("\\u202e", "U+202E"),
        ("\u{202e}", "U+202E"),
        ("\u{200b}", "U+200B"),
    ] {
        let text = replaced(
            "care.toml",
            name,
            &format!("name = \"When something {written}terrible happens\""),
        );
        let line = text
            .lines()
            .position(|l| l.contains("When something ") && l.starts_with("name"))
            .expect("the line")
            + 1;
        let run = check("care.toml", &text);
        assert!(
            run.stdout.contains(&format!("care.toml:{line}:")) && run.stdout.contains(shown),
            "{written:?}: {}",
            run.stdout
        );
    }
    // A backslash written as such is not an escape.
    let fine = replaced("care.toml", name, "name = \"When something \\\\b happens\"");
    content_check("care.toml", &fine).success();
}

#[test]
fn an_emergency_line_needs_a_number_one_could_dial() {
    let text = built_in_content("help.toml");
    for bad in ["\"\"", "\"   \"", "\"call me maybe\""] {
        let changed = text.replacen("number = \"999\"", &format!("number = {bad}"), 1);
        let run = check("help.toml", &changed);
        assert!(
            run.stdout.contains("no emergency line")
                || run.stdout.contains("with no digit to dial"),
            "{bad}: {}",
            run.stdout
        );
    }
}

/// The built-in library with one more shelf holding `kinds`.
fn with_shelf(id: &str, kinds: &str) -> String {
    format!(
        "{}\n[[shelf]]\nid = \"{id}\"\nname = \"More\"\nsummary = \"More.\"\nkinds = {kinds}\nsource = \"Lantern's own\"\n",
        built_in_content("library.toml")
    )
}

#[test]
fn a_shelf_names_each_kind_once_and_at_least_one() {
    let doubled = replaced(
        "library.toml",
        "kinds = [\"skill\"]",
        "kinds = [\"skill\", \"skill\"]",
    );
    let run = check("library.toml", &doubled);
    assert!(
        run.stdout.contains("names kind `skill` twice"),
        "{}",
        run.stdout
    );

    let shared = with_shelf("more-skills", "[\"skill\"]");
    let run = check("library.toml", &shared);
    assert!(
        run.stdout
            .contains("kind `skill` is already on shelf `skills`"),
        "{}",
        run.stdout
    );

    let empty = with_shelf("empty-shelf", "[]");
    let run = check("library.toml", &empty);
    assert!(run.stdout.contains("holds no kinds"), "{}", run.stdout);
}

fn hopeless(days_ago: i64) -> CheckIn {
    let at = Local::now().fixed_offset() - Duration::days(days_ago);
    let mut c = support::daily_checkin(&format!("hopeless-{days_ago}"), at, 2, 3, 6);
    c.words = vec!["hopeless".into()];
    c
}

#[test]
fn suggest_does_not_bring_back_an_earlier_days_hard_moment_as_todays() {
    let d = Diary::new();
    {
        let mut store = Store::open_or_create(&d.db(), None).expect("the diary");
        store.add_checkin(&hopeless(2)).expect("a check-in");
    }
    let out = d.ok(&["suggest"]);
    assert!(!out.contains("hopeless or helpless"), "{out}");
    assert!(out.contains("Check in first today"), "{out}");

    let mut store = Store::open_or_create(&d.db(), None).expect("the diary");
    store.add_checkin(&hopeless(0)).expect("a check-in");
    let out = d.ok(&["suggest"]);
    assert!(out.contains("hopeless or helpless"), "{out}");
}

#[test]
fn a_misspelt_role_is_named_and_help_shows_for_every_role() {
    let dir = tempfile::tempdir().expect("a temp dir");
    fs::write(dir.path().join("config.toml"), "role = \"socail-worker\"\n")
        .expect("write the settings");
    let run = Run::of(lantern().arg("--data-dir").arg(dir.path()).arg("help-now")).success();
    assert!(
        run.stderr.contains("role: Lantern knows") && run.stderr.contains("socail-worker"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("(for social workers)"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_shell_check_in_labels_help_meant_for_one_role_when_none_is_set() {
    let d = Diary::new();
    let out = d.ok(&["checkin", "-p", "1", "-e", "4", "-s", "10"]);
    assert!(out.contains("(for social workers)"), "{out}");
}

#[test]
fn a_very_hard_check_in_the_diary_cannot_keep_still_shows_who_can_help() {
    let d = Diary::new();
    // A diary that is not a diary: the check-in cannot be saved.
    fs::write(d.db(), vec![0x5a; 8192]).expect("spoil the diary");
    let run = d
        .run(&["checkin", "-p", "1", "-e", "4", "-s", "10"])
        .failure();
    assert!(run.stdout.contains("116 123"), "{}", run.stdout);
    assert!(run.stdout.contains("colleague you trust"), "{}", run.stdout);
    assert!(!run.stderr.trim().is_empty(), "the problem is still said");
    // An ordinary check-in that cannot be saved says only the problem.
    let run = d
        .run(&["checkin", "-p", "6", "-e", "6", "-s", "3"])
        .failure();
    assert!(run.stdout.trim().is_empty(), "{}", run.stdout);
}

#[test]
fn an_override_that_cannot_be_read_is_named_and_the_built_in_copy_used() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let content = dir.path().join("content");
    fs::create_dir_all(&content).expect("the content folder");
    let help_now =
        || Run::of(lantern().arg("--data-dir").arg(dir.path()).arg("help-now")).success();

    // Saved as Latin-1, as an old editor might.
    fs::write(content.join("help.toml"), b"name = \"caf\xe9\"\n").expect("write");
    let run = help_now();
    assert!(
        run.stderr.contains(
            "help.toml: is not UTF-8 text; save it as UTF-8, so the built-in copy is used instead."
        ),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("116 123"), "{}", run.stdout);

    fs::remove_file(content.join("help.toml")).expect("remove");
    fs::create_dir(content.join("help.toml")).expect("a folder in its place");
    let run = help_now();
    assert!(
        run.stderr.contains("is not an ordinary file"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("116 123"), "{}", run.stdout);
}
