//! `registration.toml` checked as content: every slip in a body's rules is reported
//! at its file, line and column, and the built-in file is sound.

mod support;

use support::cli::{built_in_content, content_check};

/// The built-in file with its first `from` changed to `to`, checked: it must fail with
/// a message holding `expected`, at the line `to` stands on.
#[track_caller]
fn refused(from: &str, to: &str, expected: &str) {
    let text = built_in_content("registration.toml");
    assert!(text.contains(from), "{from}");
    let changed = text.replacen(from, to, 1);
    // The line the change ends on, where the slip stands.
    let end = text.find(from).unwrap_or(0) + from.len();
    let line = text[..end].matches('\n').count() + 1;
    let run = content_check("registration.toml", &changed).failure();
    let at = format!("registration.toml:{line}:");
    assert!(
        run.stdout
            .lines()
            .chain(run.stderr.lines())
            .any(|l| l.contains(&at) && l.contains(expected)),
        "{expected} at {at}: {run:?}"
    );
}

#[test]
fn the_built_in_bodies_are_sound() {
    content_check("registration.toml", &built_in_content("registration.toml")).success();
}

#[test]
fn an_unknown_record_kind_names_the_kinds() {
    refused(
        "record = \"feedback\"",
        "record = \"feedbacks\"",
        "unknown record kind `feedbacks`; kinds are reflective_account, cpd, feedback, discussion",
    );
}

#[test]
fn numbers_that_ask_nothing_or_cannot_be_are_refused() {
    refused("at_least = 5", "at_least = 0", "0 asks for nothing");
    refused(
        "hours_at_least = 35",
        "hours_at_least = 0",
        "0 asks for nothing",
    );
    refused(
        "cycle]\nyears = 3",
        "cycle]\nyears = 30",
        "a cycle of 30 years cannot be right",
    );
    refused(
        "cycle]\nyearly_until = \"11-30\"",
        "cycle]\nyearly_until = \"11-31\"",
        "\"MM-DD\"",
    );
    refused(
        "feedback\"\nat_least = 5",
        "feedback\"\nat_least = -5",
        "integer `-5`",
    );
}

#[test]
fn duplicate_ids_within_a_body_are_refused() {
    refused(
        "id = \"cpd-participatory\"",
        "id = \"cpd-hours\"",
        "two requirements with id `cpd-hours`",
    );
    refused(
        "id = \"what-learnt\"",
        "id = \"what-happened\"",
        "two questions with id `what-happened`",
    );
}

#[test]
fn a_question_or_theme_the_body_does_not_describe_is_refused() {
    refused(
        "questions = [\"what-happened\"",
        "questions = [\"what-happen\"",
        "names question `what-happen`",
    );
    refused(
        "themes = [\"prioritise-people\"",
        "themes = [\"prioritize-people\"",
        "names theme `prioritize-people`",
    );
}

#[test]
fn hours_belong_to_cpd_only() {
    refused(
        "record = \"feedback\"\nat_least = 5",
        "record = \"feedback\"\nhours_at_least = 5",
        "only cpd records have hours",
    );
}
