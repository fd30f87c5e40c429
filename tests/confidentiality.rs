//! `lantern check` and `lantern watch`: the confidentiality check as a person or a
//! script runs it, on a fresh diary.

mod support;

use support::cli::*;

const PLANTED: &str = "Visited the family today. Her number 943 476 5919 was on the letter \
(the other one, 943 476 5918, was a typo). They live near LS6 2QT.\n";

#[test]
fn check_finds_a_valid_nhs_number_and_a_postcode_but_not_an_invalid_number() {
    let diary = Diary::new();
    let id = diary.write(&[], PLANTED);
    let run = diary.run(&["check", &id.to_string()]);
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert!(run.stdout.contains("NHS number"), "{}", run.stdout);
    assert!(run.stdout.contains("[943 476 5919]"), "{}", run.stdout);
    assert!(run.stdout.contains("[LS6 2QT]"), "{}", run.stdout);
    assert!(!run.stdout.contains("[943 476 5918]"), "{}", run.stdout);
    // The check itself changes nothing.
    assert!(diary
        .ok(&["show", &id.to_string()])
        .contains("943 476 5919"));
}

#[test]
fn a_clean_entry_exits_zero() {
    let diary = Diary::new();
    let id = diary.write(&[], "a quiet day, and a walk after work\n");
    let run = diary.run(&["check", &id.to_string()]).success();
    assert!(run.stdout.contains("Nothing"), "{}", run.stdout);
}

#[test]
fn replace_in_entry_saves_the_placeholders() {
    let diary = Diary::new();
    let id = diary.write(&[], PLANTED).to_string();
    let out = diary.ok(&["check", &id, "--replace-in-entry", "all"]);
    assert!(out.contains("Replaced 2 details"), "{out}");
    let shown = diary.ok(&["show", &id]);
    assert!(shown.contains("[NHS number]"), "{shown}");
    assert!(shown.contains("[postcode]"), "{shown}");
    assert!(!shown.contains("943 476 5919"), "{shown}");
    assert!(
        shown.contains("943 476 5918"),
        "the invalid number stays: {shown}"
    );
    diary.run(&["check", &id]).success();
}

#[test]
fn replace_in_entry_takes_chosen_numbers() {
    let diary = Diary::new();
    let id = diary.write(&[], PLANTED).to_string();
    diary.ok(&["check", &id, "--replace-in-entry", "2"]);
    let shown = diary.ok(&["show", &id]);
    assert!(shown.contains("943 476 5919"), "{shown}");
    assert!(shown.contains("[postcode]"), "{shown}");
    let run = diary
        .run(&["check", &id, "--replace-in-entry", "7"])
        .failure()
        .one_line_error();
    assert!(run.stderr.contains("no finding 7"), "{}", run.stderr);
    let run = diary
        .run(&["check", &id, "--replace-in-entry", "x"])
        .failure()
        .one_line_error();
    assert!(
        run.stderr.contains("`all` or finding numbers"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_reads_text_from_standard_input() {
    let diary = Diary::new();
    let run = diary.run_stdin(&["check", "--text", "-"], "ring 07700 900123 please");
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert!(run.stdout.contains("Phone number"), "{}", run.stdout);
    // Piped text has no entry behind it to change.
    assert!(!run.stdout.contains("--replace-in-entry"), "{}", run.stdout);
    assert!(
        run.stdout.contains("before you share the text"),
        "{}",
        run.stdout
    );
    diary
        .run_stdin(&["check", "--text", "-"], "nothing to see")
        .success();
}

#[test]
fn an_unknown_entry_is_one_kind_line() {
    let diary = Diary::new();
    let run = diary.run(&["check", "99"]).failure().one_line_error();
    assert!(run.stderr.contains("99"), "{}", run.stderr);
    diary.run(&["check"]).failure();
}

#[test]
fn watch_words_are_added_listed_found_and_removed() {
    let diary = Diary::new();
    diary.ok(&["watch", "add", "Grace"]);
    assert!(diary.ok(&["watch", "add", "grace"]).contains("already"));
    assert_eq!(diary.ok(&["watch", "list"]).trim(), "Grace");
    let run = diary.run_stdin(&["check", "--text", "-"], "then grace smiled");
    assert_eq!(run.code, Some(3));
    assert!(run.stdout.contains("[grace]"), "{}", run.stdout);
    diary.ok(&["watch", "remove", "GRACE"]);
    assert!(diary.ok(&["watch", "list"]).contains("No watch words"));
    let run = diary
        .run(&["watch", "remove", "Grace"])
        .failure()
        .one_line_error();
    assert!(
        !run.stderr.contains("Grace"),
        "the word stays out of errors"
    );
    diary
        .run_stdin(&["check", "--text", "-"], "then grace smiled")
        .success();
}

#[test]
fn content_check_places_a_bad_regex_and_an_unknown_check() {
    let text = built_in_content("confidentiality.toml");
    let bad = text.replacen(r"regex = '\b\d{3}", r"regex = '\b(\d{3}", 1);
    let run = content_check("confidentiality.toml", &bad).failure();
    let line = text
        .lines()
        .position(|l| l.starts_with(r"regex = '\b\d{3}"))
        .expect("the NHS pattern") // ok: test
        + 1;
    // The unclosed group opens at the regex's third character: column 12 of the line.
    let place = format!("confidentiality.toml:{line}:12:");
    assert!(
        run.stdout.contains(&place) || run.stderr.contains(&place),
        "{run:?}"
    );
    let unknown = text.replacen("check = \"nhs\"", "check = \"nhs-ish\"", 1);
    let run = content_check("confidentiality.toml", &unknown).failure();
    assert!(
        run.stdout.contains("does not have") || run.stderr.contains("does not have"),
        "{run:?}"
    );
}
