//! `lantern cpd` and `lantern revalidation` as a person uses them: each command adds,
//! lists and deletes its records, the cycle is shown in calm words, and each slip is
//! one clear line saying what to do.

mod support;

use std::fs;

use support::cli::Diary;

/// A diary on the NMC register, renewing on 31 May 2027.
fn nmc() -> Diary {
    let diary = Diary::new();
    let config = diary.dir.join("config.toml");
    let mut text = fs::read_to_string(&config).unwrap_or_default();
    text.push_str("\nregistration = \"nmc\"\nrenewal = \"2027-05-31\"\n");
    fs::write(&config, text).expect("write config.toml");
    diary
}

#[track_caller]
fn error(diary: &Diary, args: &[&str]) -> String {
    diary.run(args).failure().one_line_error().stderr
}

#[test]
fn cpd_is_added_listed_and_deleted() {
    let diary = nmc();
    let out = diary.ok(&[
        "cpd",
        "add",
        "--hours",
        "3",
        "--participatory",
        "--topic",
        "Infant feeding update",
        "--method",
        "workshop",
        "--code",
        "practise-effectively",
        "--on",
        "2026-03-02",
        "--until",
        "2026-03-03",
        "--learnt",
        "Ask about latch first.",
        "--peer",
    ]);
    assert!(
        out.contains("Saved CPD record #1: 3 hours on 2 March 2026"),
        "{out}"
    );
    let list = diary.ok(&["cpd", "list"]);
    for part in [
        "#1  2026-03-02 to 2026-03-03  3 h (participatory, with a peer)  Infant feeding update",
        "method: workshop",
        "code: practise-effectively",
        "learnt: Ask about latch first.",
        "3 hours in all.",
    ] {
        assert!(list.contains(part), "{part}: {list}");
    }
    assert!(diary
        .ok(&["cpd", "delete", "1", "--yes"])
        .contains("Deleted CPD record #1"));
    assert!(diary.ok(&["cpd", "list"]).contains("No CPD records yet"));
    assert!(error(&diary, &["cpd", "delete", "1", "-y"]).contains("No CPD record #1."));
    // Without a terminal to ask on, a delete needs its yes.
    assert!(error(&diary, &["cpd", "delete", "2"]).contains("add --yes"));
}

#[test]
fn bad_cpd_values_are_one_line_each() {
    let diary = nmc();
    for (args, expected) in [
        (vec!["--hours", "0"], "--hours: hours must be at least 0.1"),
        (vec!["--hours", "-2"], "--hours: hours must be at least 0.1"),
        (vec!["--hours", "0.0001"], "--hours: hours must be at least 0.1"),
        (vec!["--hours", "inf"], "--hours: hours must be a number"),
        (vec!["--hours", "3500"], "more than one record can hold"),
        (
            vec!["--hours", "1", "--code", "practice"],
            "themes are prioritise-people, practise-effectively, preserve-safety, promote-professionalism-and-trust",
        ),
        (
            vec!["--hours", "1", "--on", "2026-03-05", "--until", "2026-03-01"],
            "is before the day it began",
        ),
        (vec!["--hours", "1", "--on", "2026-02-30"], "write it as YYYY-MM-DD"),
    ] {
        let mut all = vec!["cpd", "add", "--topic", "safeguarding"];
        all.extend(args);
        let run = diary.run(&all).failure();
        assert!(run.stderr.contains(expected), "{all:?}: {}", run.stderr);
    }
    assert!(diary.ok(&["cpd", "list"]).contains("No CPD records yet"));
}

#[test]
fn without_a_registration_the_status_says_how_to_set_one() {
    let diary = Diary::new();
    let message = error(&diary, &["revalidation"]);
    assert!(
        message.contains("No registration is set. Add a line such as registration = \"nmc\"")
            && message.contains("config.toml"),
        "{message}"
    );
    // CPD without a theme needs no registration.
    diary.ok(&["cpd", "add", "--hours", "1", "--topic", "reading"]);
    assert!(error(
        &diary,
        &[
            "cpd",
            "add",
            "--hours",
            "1",
            "--topic",
            "x",
            "--code",
            "preserve-safety"
        ]
    )
    .contains("No registration is set."));
}

#[test]
fn the_status_counts_the_cycle_in_calm_words() {
    let diary = nmc();
    diary.ok(&[
        "cpd",
        "add",
        "--hours",
        "12",
        "--participatory",
        "--topic",
        "a",
        "--on",
        "2026-01-10",
    ]);
    diary.ok(&[
        "cpd",
        "add",
        "--hours",
        "9",
        "--topic",
        "b",
        "--on",
        "2025-05-01",
    ]);
    // Before this cycle began: not counted.
    diary.ok(&[
        "cpd",
        "add",
        "--hours",
        "40",
        "--topic",
        "c",
        "--on",
        "2024-05-01",
    ]);
    diary.ok(&[
        "revalidation",
        "feedback",
        "add",
        "--from",
        "family",
        "--summary",
        "Felt heard",
        "--on",
        "2026-02-01",
    ]);
    diary.ok(&[
        "revalidation",
        "discussion",
        "add",
        "--name",
        "Sam Lee",
        "--pin",
        "12A3456B",
        "--on",
        "2026-04-01",
    ]);
    let out = diary.ok(&["revalidation"]);
    for part in [
        "Nursing and Midwifery Council",
        "This cycle: 1 June 2024 to 31 May 2027.",
        "0 of 5 reflective accounts",
        "21 of 35 CPD hours",
        "12 of 20 participatory",
        "1 of 5 pieces of practice-related feedback",
        "1 of 1 reflective discussion",
        "Renewal on 31 May 2027.",
    ] {
        assert!(out.contains(part), "{part}: {out}");
    }
    assert_eq!(out, diary.ok(&["revalidation", "status"]));
    for word in ["overdue", "behind", "days left", "\u{1b}["] {
        assert!(!out.contains(word), "{word}: {out}");
    }
}

#[test]
fn an_account_from_an_entry_shows_its_words_and_keeps_only_what_is_written() {
    let diary = nmc();
    let id = diary.write(
        &["--title", "Long visit"],
        "We sat with the family for an hour.",
    );
    // From standard input, as the editor would return it: the hints are dropped.
    let text = "Title: Long visit\n\n<!-- We sat with the family for an hour. -->\n\n\
                ## What did you take from it?\nTo let silence do some work.\n\n\
                ## What have you done differently since, or done better?\nI book longer slots.\n";
    let run = diary
        .run_stdin(
            &[
                "revalidation",
                "account",
                "add",
                "--from-entry",
                &id.to_string(),
                "--code",
                "prioritise-people",
            ],
            text,
        )
        .success();
    assert!(run.stdout.contains("From your entry #1"), "{}", run.stdout);
    assert!(
        run.stdout.contains("We sat with the family for an hour."),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("answering 2 of 4 questions"),
        "{}",
        run.stdout
    );
    let list = diary.ok(&["revalidation", "account", "list"]);
    assert!(
        list.contains("Long visit") && list.contains("from entry: #1"),
        "{list}"
    );
    assert!(list.contains("answered: 2 questions"), "{list}");
    let stored: String = rusqlite::Connection::open(diary.db())
        .expect("the diary")
        .query_row("SELECT answers_json FROM reflective_account", [], |r| {
            r.get(0)
        })
        .expect("an account");
    assert!(!stored.contains("sat with the family"), "{stored}");
    assert!(stored.contains("To let silence do some work."), "{stored}");
    assert!(diary
        .ok(&["revalidation"])
        .contains("1 of 5 reflective accounts"));
    diary.ok(&["revalidation", "account", "delete", "1", "--yes"]);
    assert!(diary
        .ok(&["revalidation", "account", "list"])
        .contains("No reflective accounts yet"));
}

#[test]
fn account_slips_are_one_line_each() {
    let diary = nmc();
    assert!(error(
        &diary,
        &[
            "revalidation",
            "account",
            "add",
            "--from-entry",
            "42",
            "--answer",
            "what-learnt=x"
        ]
    )
    .contains("No entry #42."));
    assert!(error(
        &diary,
        &["revalidation", "account", "add", "--answer", "lesson=x"]
    )
    .contains("questions are what-happened, what-learnt, what-changed, code-link"));
    assert!(error(
        &diary,
        &["revalidation", "account", "add", "--answer", "what-learnt"]
    )
    .contains("--answer takes QUESTION=TEXT"));
    let run = diary
        .run_stdin(&["revalidation", "account", "add"], "Title: nothing\n")
        .failure();
    assert!(
        run.stderr.contains("no account was saved"),
        "{}",
        run.stderr
    );
    let out = diary.ok(&[
        "revalidation",
        "account",
        "add",
        "--answer",
        "what-learnt=Slow down.",
        "--on",
        "2026-01-02",
    ]);
    assert!(out.contains("answering 1 of 4"), "{out}");
    let list = diary.ok(&["revalidation", "account", "list"]);
    assert!(list.contains("answered: 1 question\n"), "{list}");
}

#[test]
fn feedback_and_discussions_are_added_listed_and_deleted() {
    let diary = nmc();
    diary.ok(&[
        "revalidation",
        "feedback",
        "add",
        "--from",
        "colleague",
        "--summary",
        "Clear notes",
        "--on",
        "2026-02-02",
    ]);
    let list = diary.ok(&["revalidation", "feedback", "list"]);
    assert!(
        list.contains("#1  2026-02-02  from colleague: Clear notes"),
        "{list}"
    );
    diary.ok(&["revalidation", "feedback", "delete", "1", "--yes"]);
    assert!(diary
        .ok(&["revalidation", "feedback", "list"])
        .contains("No feedback yet"));
    assert!(error(
        &diary,
        &[
            "revalidation",
            "feedback",
            "add",
            "--from",
            " ",
            "--summary",
            "x"
        ]
    )
    .contains("--from needs some words"));

    diary.ok(&[
        "revalidation",
        "discussion",
        "add",
        "--name",
        "Sam Lee",
        "--pin",
        "12A3456B",
        "--on",
        "2026-04-01",
    ]);
    let list = diary.ok(&["revalidation", "discussion", "list"]);
    assert!(
        list.contains("#1  2026-04-01  with Sam Lee (PIN 12A3456B)"),
        "{list}"
    );
    diary.ok(&["revalidation", "discussion", "delete", "1", "--yes"]);
    assert!(error(
        &diary,
        &["revalidation", "discussion", "delete", "1", "--yes"]
    )
    .contains("No reflective discussion #1."));
    let run = diary
        .run(&[
            "revalidation",
            "discussion",
            "add",
            "--name",
            "Sam",
            "--pin",
            "1",
        ])
        .failure();
    assert!(run.stderr.contains("--on"), "{}", run.stderr);
}

#[test]
fn a_yearly_body_shows_the_year_to_30_november() {
    let diary = Diary::new();
    let config = diary.dir.join("config.toml");
    let mut text = fs::read_to_string(&config).unwrap_or_default();
    text.push_str("\nregistration = \"swe\"\n");
    fs::write(&config, text).expect("write config.toml");
    diary.ok(&[
        "cpd",
        "add",
        "--hours",
        "2",
        "--topic",
        "Court skills",
        "--peer",
    ]);
    let out = diary.ok(&["revalidation"]);
    assert!(out.contains("Social Work England"), "{out}");
    assert!(
        out.contains("1 of 2 CPD records") && out.contains("1 of 1 reflected on with a peer"),
        "{out}"
    );
    assert!(out.contains("This year runs to 30 November"), "{out}");
}

#[test]
fn an_unknown_body_is_named_with_the_ones_lantern_knows() {
    let diary = Diary::new();
    let config = diary.dir.join("config.toml");
    let mut text = fs::read_to_string(&config).unwrap_or_default();
    text.push_str("\nregistration = \"nmcc\"\n");
    fs::write(&config, text).expect("write config.toml");
    let run = diary.run(&["revalidation"]).failure();
    assert!(
        run.stderr
            .contains("Lantern knows no body \"nmcc\"; it knows nmc, swe"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("warning: config.toml: registration: \"nmcc\""),
        "{}",
        run.stderr
    );
}

#[test]
fn repair_carries_the_registration_records_into_the_fresh_diary() {
    let diary = nmc();
    diary.ok(&[
        "cpd",
        "add",
        "--hours",
        "2",
        "--topic",
        "Reading on attachment",
    ]);
    diary.ok(&[
        "revalidation",
        "feedback",
        "add",
        "--from",
        "manager",
        "--summary",
        "Good records",
    ]);
    diary.ok(&[
        "revalidation",
        "discussion",
        "add",
        "--name",
        "Sam Lee",
        "--pin",
        "12A3456B",
        "--on",
        "2026-04-01",
    ]);
    diary.ok(&[
        "revalidation",
        "account",
        "add",
        "--answer",
        "what-learnt=Pause first.",
    ]);
    diary.ok(&["repair"]);
    assert!(diary.ok(&["cpd", "list"]).contains("Reading on attachment"));
    assert!(diary
        .ok(&["revalidation", "feedback", "list"])
        .contains("Good records"));
    assert!(diary
        .ok(&["revalidation", "discussion", "list"])
        .contains("Sam Lee"));
    assert!(diary
        .ok(&["revalidation", "account", "list"])
        .contains("answered: 1 question"));
}
