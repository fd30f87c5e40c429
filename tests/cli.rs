//! End-to-end tests of the `lantern` binary: every command as a person (or a script)
//! would run it, each against a fresh data folder, in UTC, with no editor, no colour
//! and no terminal.

mod support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use support::cli::*;
use support::{mode, CleanEnv};
use tempfile::TempDir;

// ---------------------------------------------------------------------------------
// init
// ---------------------------------------------------------------------------------

#[test]
fn init_creates_an_owner_only_diary_settings_file_and_folder() {
    let d = Diary::empty();
    let out = d.ok(&["init"]);
    assert!(out.contains("Created your diary"), "{out}");
    assert!(d.db().is_file());
    let config = d.dir.join("config.toml");
    assert!(config.is_file());
    assert_eq!(mode(&d.db()), 0o600, "lantern.db");
    assert_eq!(mode(&config), 0o600, "config.toml");
    assert_eq!(mode(&d.dir), 0o700, "data folder");
}

#[test]
fn init_twice_says_the_diary_is_already_set_up() {
    let d = Diary::new();
    d.ok(&["init"]);
    let out = d.ok(&["init"]);
    assert!(out.contains("already set up"), "{out}");
}

// ---------------------------------------------------------------------------------
// checkin
// ---------------------------------------------------------------------------------

#[test]
fn checkin_is_listed_with_its_values_system_words_and_tags() {
    let d = Diary::new();
    let out = d.ok(&[
        "checkin",
        "-p",
        "3",
        "-e",
        "4",
        "-s",
        "6",
        "--system",
        "drive",
        "--feel",
        "tired",
        "--tag",
        "caseload",
        "--good",
        "a cup of tea",
    ]);
    assert!(out.contains("Checked in (#1)"), "{out}");
    let list = d.ok(&["list", "--checkins"]);
    let line = list
        .lines()
        .find(|l| l.contains("daily"))
        .unwrap_or_else(|| panic!("a daily check-in line in:\n{list}"));
    for want in [
        "pleasant  3",
        "energy  4",
        "stress  6",
        "drive",
        "tired",
        "#caseload",
        "good moment: a cup of tea",
    ] {
        assert!(line.contains(want), "`{want}` in `{line}`");
    }
}

#[test]
fn after_visit_checkin_is_listed_as_after_visit() {
    let d = Diary::new();
    d.ok(&["checkin", "-p", "6", "-e", "5", "-s", "4", "--after-visit"]);
    let list = d.ok(&["list", "--checkins"]);
    assert!(list.contains("after-visit"), "{list}");
    assert!(!list.contains("daily"), "{list}");
}

#[test]
fn checkin_rejects_out_of_range_pleasantness_naming_the_range() {
    let d = Diary::new();
    let run = d
        .run(&["checkin", "-p", "0", "-e", "5", "-s", "5"])
        .one_line_error();
    assert!(run.stderr.contains("1 to 10"), "{}", run.stderr);
    assert!(
        run.stderr.to_lowercase().contains("pleasant"),
        "{}",
        run.stderr
    );
    let list = d.ok(&["list", "--checkins"]);
    assert!(list.contains("No check-ins yet"), "{list}");
}

#[test]
fn checkin_rejects_stress_above_ten() {
    let d = Diary::new();
    let run = d
        .run(&["checkin", "-p", "5", "-e", "5", "-s", "11"])
        .one_line_error();
    assert!(run.stderr.contains("0 to 10"), "{}", run.stderr);
    assert!(run.stderr.contains("11"), "{}", run.stderr);
}

#[test]
fn checkin_rejects_an_unknown_system_listing_the_systems() {
    let d = Diary::new();
    let run = d
        .run(&[
            "checkin", "-p", "5", "-e", "5", "-s", "5", "--system", "panic",
        ])
        .one_line_error();
    assert!(
        run.stderr.contains("threat, drive, soothe"),
        "{}",
        run.stderr
    );
}

#[test]
fn checkin_rejects_an_unknown_feeling_word() {
    let d = Diary::new();
    let run = d
        .run(&["checkin", "-p", "5", "-e", "5", "-s", "5", "--feel", "zzzq"])
        .one_line_error();
    assert!(run.stderr.contains("`zzzq`"), "{}", run.stderr);
    assert!(
        run.stderr.contains("tired"),
        "lists the words: {}",
        run.stderr
    );
}

#[test]
fn checkin_rejects_an_unknown_stressor_tag() {
    let d = Diary::new();
    let run = d
        .run(&[
            "checkin", "-p", "5", "-e", "5", "-s", "5", "--tag", "weather",
        ])
        .one_line_error();
    assert!(run.stderr.contains("`weather`"), "{}", run.stderr);
    assert!(
        run.stderr.contains("caseload"),
        "lists the tags: {}",
        run.stderr
    );
}

// ---------------------------------------------------------------------------------
// write, show
// ---------------------------------------------------------------------------------

#[test]
fn write_from_stdin_saves_title_tags_and_body() {
    let d = Diary::new();
    let id = d.write(
        &["--title", "Quiet afternoon", "--tag", "Team"],
        "The clinic was calm today.\nSecond line.\n",
    );
    let list = d.ok(&["list"]);
    let line = list
        .lines()
        .find(|l| l.contains("Quiet afternoon"))
        .unwrap_or_else(|| panic!("the entry in:\n{list}"));
    assert!(line.contains("#team"), "{line}");
    let show = d.ok(&["show", &id.to_string()]);
    assert!(show.contains("Quiet afternoon"), "{show}");
    assert!(
        show.contains("The clinic was calm today.\nSecond line."),
        "{show}"
    );
}

/// The prompt texts of a built-in template.
fn prompts(template: &str) -> Vec<String> {
    let content = lantern::content::built_in();
    let t = content
        .template(template)
        .unwrap_or_else(|| panic!("built-in template {template}"));
    t.prompts.iter().map(|p| p.text.clone()).collect()
}

#[test]
fn write_with_a_template_stores_answers_under_their_prompts() {
    let d = Diary::new();
    let p = prompts("reflective-diary");
    assert!(p.len() >= 2, "{p:?}");
    let text = format!(
        "Title: A hard visit\n\nSome free words first.\n\n## {}\nTired but steady, quokka.\n\n## {}\nTo pause before the next door.\n",
        p[0],
        p[p.len() - 1]
    );
    let id = d.write(&["--template", "reflective-diary"], &text);
    let show = d.ok(&["show", &id.to_string()]);
    assert!(show.contains("A hard visit"), "{show}");
    assert!(show.contains("template: reflective-diary"), "{show}");
    assert!(show.contains("Some free words first."), "{show}");
    assert!(
        show.contains(&format!("{}\nTired but steady, quokka.", p[0])),
        "{show}"
    );
    assert!(
        show.contains(&format!(
            "{}\nTo pause before the next door.",
            p[p.len() - 1]
        )),
        "{show}"
    );
    // Unanswered prompts are not stored.
    assert!(!show.contains(&p[1]), "{show}");
}

#[test]
fn write_with_empty_stdin_saves_nothing() {
    let d = Diary::new();
    let out = d.run_stdin(&["write"], "").success().stdout;
    assert!(out.contains("Nothing was written"), "{out}");
    assert!(d.entry_lines().is_empty());
}

#[test]
fn write_with_an_unknown_template_lists_the_templates() {
    let d = Diary::new();
    let run = d
        .run_stdin(&["write", "--template", "nope"], "words")
        .one_line_error();
    assert!(run.stderr.contains("`nope`"), "{}", run.stderr);
    assert!(run.stderr.contains("reflective-diary"), "{}", run.stderr);
    assert!(run.stderr.contains("after-visit"), "{}", run.stderr);
    assert!(d.entry_lines().is_empty());
}

#[test]
fn show_of_a_nonexistent_entry_says_no_entry() {
    let d = Diary::new();
    d.ok(&["init"]);
    let run = d.run(&["show", "42"]).one_line_error();
    assert!(run.stderr.contains("No entry #42."), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------
// list
// ---------------------------------------------------------------------------------

#[test]
fn list_number_limits_how_many_entries_are_shown() {
    let d = Diary::new();
    d.import_jsonl(MARCH);
    assert_eq!(d.entry_lines().len(), 3);
    let lines = entry_lines(&d.ok(&["list", "-n", "2"]));
    assert_eq!(lines.len(), 2, "{lines:?}");
    // Newest first.
    assert!(lines[0].contains("March nine"), "{lines:?}");
    assert!(lines[1].contains("March five"), "{lines:?}");
}

#[test]
fn list_since_and_until_filter_by_day_inclusively() {
    let d = Diary::new();
    d.import_jsonl(MARCH);
    let between = entry_lines(&d.ok(&["list", "--since", "2025-03-02", "--until", "2025-03-08"]));
    assert_eq!(between.len(), 1, "{between:?}");
    assert!(between[0].contains("March five"), "{between:?}");

    let same_day = entry_lines(&d.ok(&["list", "--since", "2025-03-05", "--until", "2025-03-05"]));
    assert_eq!(same_day.len(), 1, "{same_day:?}");
    assert!(same_day[0].contains("March five"), "{same_day:?}");

    let since = entry_lines(&d.ok(&["list", "--since", "2025-03-09"]));
    assert_eq!(since.len(), 1, "{since:?}");
    assert!(since[0].contains("March nine"), "{since:?}");

    let until = entry_lines(&d.ok(&["list", "--until", "2025-03-01"]));
    assert_eq!(until.len(), 1, "{until:?}");
    assert!(until[0].contains("March one"), "{until:?}");
}

#[test]
fn list_tag_filters_entries() {
    let d = Diary::new();
    d.import_jsonl(MARCH);
    let walk = entry_lines(&d.ok(&["list", "--tag", "walk"]));
    assert_eq!(walk.len(), 2, "{walk:?}");
    assert!(walk.iter().all(|l| l.contains("#walk")), "{walk:?}");
    assert!(!walk.iter().any(|l| l.contains("March nine")), "{walk:?}");
    let sleep = entry_lines(&d.ok(&["list", "--tag", "sleep"]));
    assert_eq!(sleep.len(), 1, "{sleep:?}");
    assert!(sleep[0].contains("March five"), "{sleep:?}");
    let none = entry_lines(&d.ok(&["list", "--tag", "nosuchtag"]));
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn list_rejects_a_malformed_date() {
    let d = Diary::new();
    let run = d.run(&["list", "--since", "2025-13-01"]).failure();
    assert!(run.stderr.contains("YYYY-MM-DD"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------
// search
// ---------------------------------------------------------------------------------

#[test]
fn search_finds_a_word_in_the_body_and_brackets_it() {
    let d = Diary::new();
    d.write(&["--title", "Morning"], "We watched a heron by the river.");
    let id = d.write(&["--title", "Evening"], "A marmalade sky over the estate.");
    let out = d.ok(&["search", "marmalade"]);
    assert!(out.contains("[marmalade]"), "{out}");
    assert!(out.contains(&format!("{id}")), "{out}");
    assert!(out.contains("Evening"), "{out}");
    assert!(!out.contains("Morning"), "{out}");
    assert!(!out.contains('\u{1}') && !out.contains('\u{2}'), "{out:?}");
}

#[test]
fn search_finds_a_word_in_the_title() {
    let d = Diary::new();
    d.write(&["--title", "Quiet harbour"], "Nothing else to say.");
    d.write(&["--title", "Other"], "Different words.");
    let out = d.ok(&["search", "harbour"]);
    assert!(out.contains("Quiet harbour"), "{out}");
    assert!(out.contains("[harbour]"), "{out}");
    assert!(!out.contains("Other"), "{out}");
}

#[test]
fn search_finds_a_word_in_a_template_answer() {
    let d = Diary::new();
    let p = prompts("reflective-diary");
    let text = format!("Title: Templated\n\n## {}\nA wombat of a day.\n", p[0]);
    d.write(&["--template", "reflective-diary"], &text);
    d.write(&["--title", "Plain"], "Nothing about animals.");
    let out = d.ok(&["search", "wombat"]);
    assert!(out.contains("Templated"), "{out}");
    assert!(out.contains("[wombat]"), "{out}");
    assert!(!out.contains("Plain"), "{out}");
}

#[test]
fn search_with_no_match_says_nothing_found() {
    let d = Diary::new();
    d.write(&[], "Some words.");
    let out = d.ok(&["search", "nothingmatches"]);
    assert_eq!(out.trim(), "Nothing found.");
}

#[test]
fn search_with_quotes_and_operators_does_not_error() {
    let d = Diary::new();
    d.write(&[], "a day OR two of rain");
    for query in ["\"a OR", "NEAR(", "a AND", "title:rain", "(", "*"] {
        let run = d.run(&["search", query]);
        no_panic(&run);
        assert!(
            !run.stderr.contains("fts5") && !run.stderr.contains("syntax error"),
            "query {query:?}: {}",
            run.stderr
        );
        if query != "*" && query != "(" {
            assert_eq!(run.code, Some(0), "query {query:?}: {}", run.stderr);
        }
    }
}

// ---------------------------------------------------------------------------------
// edit, delete
// ---------------------------------------------------------------------------------

#[test]
fn edit_from_stdin_replaces_the_entry() {
    let d = Diary::new();
    let id = d.write(&["--title", "Before", "--tag", "team"], "Old words.");
    let out = d
        .run_stdin(
            &["edit", &id.to_string()],
            "Title: After\nTags: team, sleep\n\nNew words entirely.\n",
        )
        .success()
        .stdout;
    assert!(out.contains(&format!("Saved entry #{id}")), "{out}");
    let show = d.ok(&["show", &id.to_string()]);
    assert!(show.contains("After"), "{show}");
    assert!(show.contains("New words entirely."), "{show}");
    assert!(show.contains("#sleep"), "{show}");
    assert!(!show.contains("Old words."), "{show}");
    assert!(!show.contains("Before"), "{show}");
    let search = d.ok(&["search", "entirely"]);
    assert!(search.contains("[entirely]"), "{search}");
}

#[test]
fn edit_with_unchanged_text_says_nothing_changed() {
    let d = Diary::new();
    let id = d.write(&["--title", "Same", "--tag", "team"], "Same words.");
    let out = d
        .run_stdin(
            &["edit", &id.to_string()],
            "Title: Same\nTags: team\n\nSame words.\n",
        )
        .success()
        .stdout;
    assert!(out.contains("Nothing changed"), "{out}");
}

/// The text `lantern edit` hands to the editor for an entry, built the way the
/// command builds it, so piping it back is "opening the editor and saving as is".
fn editor_text(
    template: Option<&str>,
    title: &str,
    tags: &[&str],
    body: &str,
    answers: &[lantern::domain::entry::Answer],
) -> String {
    use lantern::domain::editor_text::{prompts_for, render, Written};
    let content = lantern::content::built_in();
    let template = template.and_then(|t| content.template(t));
    let prompts = prompts_for(template, answers);
    render(
        &prompts,
        &Written {
            title: title.to_string(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            body: body.to_string(),
            answers: answers.to_vec(),
        },
    )
}

#[test]
fn edit_with_the_unchanged_text_of_a_templated_entry_says_nothing_changed() {
    let d = Diary::new();
    let p = prompts("reflective-diary");
    let id = d.write(
        &["--template", "reflective-diary"],
        &format!(
            "Title: Templated\n\nFree words.\n\n## {}\nAn answer.\n",
            p[0]
        ),
    );
    let answers = vec![lantern::domain::entry::Answer {
        prompt_id: "feelings".into(),
        prompt: p[0].clone(),
        text: "An answer.".into(),
    }];
    let text = editor_text(
        Some("reflective-diary"),
        "Templated",
        &["reflection"],
        "Free words.",
        &answers,
    );
    let out = d
        .run_stdin(&["edit", &id.to_string()], &text)
        .success()
        .stdout;
    assert!(out.contains("Nothing changed"), "{out}");
}

/// Opening an imported entry in the editor and saving it untouched must not rewrite it.
#[test]
fn edit_with_the_unchanged_text_of_an_imported_entry_says_nothing_changed() {
    let d = Diary::new();
    d.import_jsonl(concat!(
        "{\"ts\": \"2025-03-01T09:00\", \"title\": \"Imported\", \"body\": \"Body with a trailing newline.\\n\", \"tags\": [\"walk\"]}\n",
        "{\"ts\": \"2025-03-02T09:00\", \"title\": \"Another\", \"body\": \"b\"}\n",
    ));
    let text = editor_text(
        None,
        "Imported",
        &["walk"],
        "Body with a trailing newline.\n",
        &[],
    );
    let before = export_without_stamp(&d);
    let out = d.run_stdin(&["edit", "1"], &text).success().stdout;
    assert!(out.contains("Nothing changed"), "{out}");
    assert_eq!(export_without_stamp(&d), before, "the entry is untouched");
}

#[test]
fn delete_without_yes_on_a_pipe_refuses_and_keeps_the_entry() {
    let d = Diary::new();
    let id = d.write(&["--title", "Keep me"], "Words.");
    let run = d.run(&["delete", &id.to_string()]).one_line_error();
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
    let show = d.ok(&["show", &id.to_string()]);
    assert!(show.contains("Keep me"), "{show}");
}

#[test]
fn delete_with_yes_removes_the_entry() {
    let d = Diary::new();
    let id = d.write(&["--title", "Remove me"], "Words.");
    let out = d.ok(&["delete", "--yes", &id.to_string()]);
    assert!(out.contains(&format!("Deleted entry #{id}")), "{out}");
    let run = d.run(&["show", &id.to_string()]).one_line_error();
    assert!(
        run.stderr.contains(&format!("No entry #{id}.")),
        "{}",
        run.stderr
    );
    assert!(d.entry_lines().is_empty());
    assert_eq!(d.ok(&["search", "Remove"]).trim(), "Nothing found.");
}

#[test]
fn a_new_entry_does_not_inherit_the_tags_of_a_deleted_one() {
    let d = Diary::new();
    let first = d.write(&["--title", "Tagged", "--tag", "secret-tag"], "Words.");
    d.ok(&["delete", "--yes", &first.to_string()]);
    let second = d.write(&["--title", "Fresh"], "Other words.");
    let show = d.ok(&["show", &second.to_string()]);
    assert!(!show.contains("secret-tag"), "{show}");
    assert!(entry_lines(&d.ok(&["list", "--tag", "secret-tag"])).is_empty());
}

#[test]
fn delete_of_a_nonexistent_entry_says_no_entry() {
    let d = Diary::new();
    d.ok(&["init"]);
    let run = d.run(&["delete", "--yes", "7"]).one_line_error();
    assert!(run.stderr.contains("No entry #7."), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------
// export, import
// ---------------------------------------------------------------------------------

/// A diary with entries (free, templated, imported) and check-ins of both kinds.
fn filled_diary() -> Diary {
    let d = Diary::new();
    d.import_jsonl(MARCH);
    d.write(
        &["--title", "Free", "--tag", "team"],
        "Free words — é and 🌿.",
    );
    let p = prompts("reflective-diary");
    d.write(
        &["--template", "reflective-diary"],
        &format!("Title: Templated\n\n## {}\nAn answer.\n", p[0]),
    );
    d.ok(&[
        "checkin", "-p", "3", "-e", "4", "-s", "6", "--system", "drive", "--feel", "tired",
        "--tag", "caseload", "--note", "a note", "--good", "tea",
    ]);
    d.ok(&["checkin", "-p", "7", "-e", "6", "-s", "2", "--after-visit"]);
    d
}

fn export_without_stamp(d: &Diary) -> serde_json::Value {
    let out = d.ok(&["export"]);
    let mut value: serde_json::Value = serde_json::from_str(&out).expect("the export is JSON");
    let object = value.as_object_mut().expect("the export is an object");
    assert!(object.remove("exported").is_some(), "has `exported`");
    value
}

#[test]
fn json_export_import_export_round_trips_entries_and_checkins() {
    let a = filled_diary();
    let first = a.ok(&["export"]);
    let file = a.scratch("export.json");
    fs::write(&file, &first).expect("write the export");

    let b = Diary::new();
    let out = b.ok(&["import", file.to_str().expect("utf-8 path")]);
    assert!(out.contains("Imported 5 entries and 2 check-ins"), "{out}");

    let one = export_without_stamp(&a);
    let two = export_without_stamp(&b);
    assert_eq!(one["entries"].as_array().map(Vec::len), Some(5), "{one}");
    assert_eq!(one["checkins"].as_array().map(Vec::len), Some(2), "{one}");
    assert_eq!(one, two);
}

#[test]
fn importing_the_same_export_twice_adds_nothing() {
    let a = filled_diary();
    let file = a.scratch("export.json");
    fs::write(&file, a.ok(&["export"])).expect("write the export");
    let path = file.to_str().expect("utf-8 path");

    let b = Diary::new();
    b.ok(&["import", path]);
    let entries = b.entry_lines().len();
    let checkins = b.ok(&["list", "--checkins", "-n", "1000"]).lines().count();
    let again = b.ok(&["import", path]);
    assert!(
        again.contains("Imported 0 entries and 0 check-ins"),
        "{again}"
    );
    assert!(again.contains("7 already here"), "{again}");
    assert_eq!(b.entry_lines().len(), entries);
    assert_eq!(
        b.ok(&["list", "--checkins", "-n", "1000"]).lines().count(),
        checkins
    );
}

#[test]
fn markdown_export_has_titles_and_checkins() {
    let d = filled_diary();
    let md = d.ok(&["export", "--format", "markdown"]);
    for title in ["March one", "March five", "March nine", "Free", "Templated"] {
        assert!(md.contains(title), "`{title}` in:\n{md}");
    }
    assert!(md.contains(" — Check-in\n"), "{md}");
    assert!(md.contains("after-visit"), "{md}");
}

#[test]
fn export_to_a_file_is_owner_only_and_needs_force_to_replace() {
    let d = filled_diary();
    let file = d.scratch("diary.md");
    let path = file.to_str().expect("utf-8 path");
    d.ok(&["export", "-f", "markdown", "-o", path]);
    assert_eq!(mode(&file), 0o600);
    assert!(fs::read_to_string(&file)
        .expect("read")
        .contains(" — Check-in\n"));

    fs::write(&file, "keep this").expect("overwrite by hand");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).expect("chmod");
    let run = d.run(&["export", "-o", path]).one_line_error();
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&file).expect("read"), "keep this");

    d.ok(&["export", "-o", path, "--force"]);
    let text = fs::read_to_string(&file).expect("read");
    assert!(text.contains("\"format\": \"lantern\""), "{text}");
    assert_eq!(mode(&file), 0o600);
}

#[test]
fn export_since_and_until_limit_entries() {
    let d = Diary::new();
    d.import_jsonl(MARCH);
    let out = d.ok(&["export", "--since", "2025-03-02", "--until", "2025-03-08"]);
    let value: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let titles: Vec<&str> = value["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["title"].as_str())
        .collect();
    assert_eq!(titles, vec!["March five"]);
}

#[test]
fn jrnl_sample_imports_every_entry_and_keeps_tags() {
    let sample = manifest_dir().join("../shared/data/jrnl-export-sample-1y.json");
    if !sample.exists() {
        eprintln!("skipping: the jrnl sample is not at {}", sample.display());
        return;
    }
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&sample).expect("read the sample"))
            .expect("the sample is JSON");
    let entries = json["entries"].as_array().expect("entries");
    let gratitude = entries
        .iter()
        .filter(|e| {
            e["tags"]
                .as_array()
                .is_some_and(|t| t.iter().any(|t| t.as_str() == Some("@gratitude")))
        })
        .count();
    assert!(gratitude > 0);

    let d = Diary::new();
    let path = sample.to_str().expect("utf-8 path");
    let out = d.ok(&["import", path]);
    assert!(
        out.contains(&format!("Imported {} entries", entries.len())),
        "{out}"
    );
    assert_eq!(entries.len(), 730);
    let tagged = entry_lines(&d.ok(&["list", "--tag", "gratitude", "-n", "1000"]));
    assert_eq!(tagged.len(), gratitude);
    assert!(tagged.iter().all(|l| l.contains("#gratitude")));

    let again = d.ok(&["import", path]);
    assert!(again.contains("Imported 0 entries"), "{again}");
    assert_eq!(d.entry_lines().len(), entries.len());
}

#[test]
fn broken_json_lines_import_names_the_line_not_its_text() {
    let d = Diary::new();
    let file = d.scratch("broken.jsonl");
    fs::write(
        &file,
        "{\"ts\": \"2025-01-01T10:00\", \"title\": \"Fine\", \"body\": \"ok\"}\n\
         {\"ts\": \"2025-01-02T10:00\", \"body\": \"secretword99 never closed\n\
         {\"ts\": \"2025-01-03T10:00\", \"title\": \"Also fine\"}\n",
    )
    .expect("write");
    let run = d
        .run(&["import", file.to_str().expect("utf-8 path")])
        .one_line_error();
    assert!(run.stderr.contains("line 2"), "{}", run.stderr);
    assert!(!run.stderr.contains("secretword99"), "{}", run.stderr);
    assert!(!run.stdout.contains("secretword99"), "{}", run.stdout);
    assert!(d.entry_lines().is_empty(), "nothing imported");
}

#[test]
fn json_lines_with_a_bad_timestamp_names_the_line() {
    let d = Diary::new();
    let file = d.scratch("bad-ts.jsonl");
    fs::write(
        &file,
        "{\"ts\": \"2025-01-01T10:00\", \"title\": \"Fine\"}\n{\"ts\": \"yesterday\", \"title\": \"Bad\"}\n",
    )
    .expect("write");
    let run = d
        .run(&["import", file.to_str().expect("utf-8 path")])
        .one_line_error();
    assert!(run.stderr.contains("line 2"), "{}", run.stderr);
    assert!(d.entry_lines().is_empty(), "nothing imported");
}

/// A JSON Lines file may hold a single line; it is still JSON Lines.
#[test]
fn json_lines_with_a_single_entry_imports() {
    let d = Diary::new();
    let out = d
        .import_jsonl("{\"ts\": \"2025-02-01T08:00\", \"title\": \"Only one\", \"body\": \"b\"}\n");
    assert!(out.contains("Imported 1 entry"), "{out}");
    let lines = d.entry_lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("Only one"), "{lines:?}");
}

// ---------------------------------------------------------------------------------
// backup
// ---------------------------------------------------------------------------------

#[test]
fn backup_writes_an_owner_only_diary_that_opens() {
    let d = Diary::new();
    d.write(&["--title", "Backed up entry"], "Words to keep.");
    let copy = d.scratch("copy.db");
    let out = d.ok(&["backup", copy.to_str().expect("utf-8 path")]);
    assert!(out.contains("Backed up to"), "{out}");
    assert_eq!(mode(&copy), 0o600);

    let other = Diary::new();
    fs::create_dir_all(&other.dir).expect("mkdir");
    fs::copy(&copy, other.db()).expect("copy into place");
    let list = other.ok(&["list"]);
    assert!(list.contains("Backed up entry"), "{list}");
}

#[test]
fn backup_into_a_folder_writes_a_dated_copy() {
    let d = Diary::new();
    d.write(&["--title", "Folder backup"], "Words.");
    let folder = d.scratch("backups");
    fs::create_dir_all(&folder).expect("mkdir");
    d.ok(&["backup", folder.to_str().expect("utf-8 path")]);
    let copies: Vec<_> = fs::read_dir(&folder)
        .expect("read")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(mode(&copies[0]), 0o600);
    assert!(fs::read(&copies[0])
        .expect("read")
        .starts_with(SQLITE_HEADER));
}

#[test]
fn backup_refuses_to_overwrite_an_existing_file() {
    let d = Diary::new();
    d.write(&[], "Words.");
    let copy = d.scratch("copy.db");
    fs::write(&copy, "precious").expect("write");
    let run = d
        .run(&["backup", copy.to_str().expect("utf-8 path")])
        .one_line_error();
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&copy).expect("read"), "precious");
}

// ---------------------------------------------------------------------------------
// encryption
// ---------------------------------------------------------------------------------

const WRONG: &str = "That passphrase does not open this diary.";

fn encrypted_diary(passphrase: &str) -> Diary {
    let d = Diary::empty();
    let run = Run::of(
        d.cmd()
            .env("LANTERN_NEW_PASSPHRASE", passphrase)
            .args(["init", "--encrypt"]),
    )
    .success();
    assert!(run.stdout.contains("encrypted"), "{}", run.stdout);
    d
}

fn with_passphrase(d: &Diary, passphrase: &str, args: &[&str]) -> Run {
    Run::of(d.cmd().env("LANTERN_PASSPHRASE", passphrase).args(args))
}

#[test]
fn encrypted_diary_works_with_the_right_passphrase() {
    let d = encrypted_diary("correct horse");
    assert_eq!(mode(&d.db()), 0o600);
    with_passphrase(
        &d,
        "correct horse",
        &["checkin", "-p", "6", "-e", "5", "-s", "3"],
    )
    .success();
    let list = with_passphrase(&d, "correct horse", &["list", "--checkins"])
        .success()
        .stdout;
    assert!(list.contains("pleasant  6"), "{list}");
}

#[test]
fn encrypted_diary_rejects_a_wrong_passphrase() {
    let d = encrypted_diary("correct horse");
    let run = with_passphrase(&d, "battery staple", &["list"]).one_line_error();
    assert!(run.stderr.contains(WRONG), "{}", run.stderr);
}

#[test]
fn encrypted_diary_without_a_passphrase_or_terminal_fails_cleanly() {
    let d = encrypted_diary("correct horse");
    // rpassword reads from /dev/tty, not stdin: run in a new session with no
    // controlling terminal so nothing can wait for typing.
    let mut cmd = if Path::new("/usr/bin/setsid").exists() {
        let mut cmd = Command::new("/usr/bin/setsid");
        cmd.arg("-w").arg(bin());
        cmd
    } else if fs::File::open("/dev/tty").is_err() {
        Command::new(bin())
    } else {
        eprintln!("skipping: there is a terminal and no setsid to leave it");
        return;
    };
    cmd.clean_env();
    cmd.arg("--data-dir").arg(&d.dir).arg("list");
    let run = Run::of(&mut cmd).one_line_error();
    assert!(run.stderr.contains("passphrase"), "{}", run.stderr);
}

#[test]
fn encrypted_diary_file_holds_no_plaintext() {
    let d = encrypted_diary("correct horse");
    let run = Run::of(
        d.cmd()
            .env("LANTERN_PASSPHRASE", "correct horse")
            .args(["write", "--title", "Secret title"])
            .write_stdin("zebracrossing42 is the word"),
    )
    .success();
    assert!(run.stdout.contains("Saved entry"), "{}", run.stdout);
    with_passphrase(
        &d,
        "correct horse",
        &[
            "checkin",
            "-p",
            "5",
            "-e",
            "5",
            "-s",
            "5",
            "--good",
            "zebracrossing42",
        ],
    )
    .success();
    for bytes in diary_bytes(&d.db()) {
        assert!(!contains_bytes(&bytes, b"zebracrossing42"));
        assert!(!contains_bytes(&bytes, b"Secret title"));
        assert!(!contains_bytes(&bytes, b"SQLite format 3"));
    }
    let show = with_passphrase(&d, "correct horse", &["show", "1"])
        .success()
        .stdout;
    assert!(show.contains("zebracrossing42"), "{show}");
}

#[test]
fn encrypt_protects_an_existing_diary() {
    let d = Diary::new();
    let id = d.write(
        &["--title", "Before encryption"],
        "zebracrossing42 lives here",
    );
    assert!(contains_bytes(
        &fs::read(d.db()).expect("read"),
        SQLITE_HEADER
    ));
    let run = Run::of(
        d.cmd()
            .env("LANTERN_NEW_PASSPHRASE", "old secret")
            .arg("encrypt"),
    )
    .success();
    assert!(run.stdout.contains("now encrypted"), "{}", run.stdout);
    for bytes in diary_bytes(&d.db()) {
        assert!(!contains_bytes(&bytes, b"zebracrossing42"));
        assert!(!contains_bytes(&bytes, b"SQLite format 3"));
    }
    assert_eq!(mode(&d.db()), 0o600);
    let show = with_passphrase(&d, "old secret", &["show", &id.to_string()])
        .success()
        .stdout;
    assert!(show.contains("zebracrossing42 lives here"), "{show}");
    assert!(show.contains("Before encryption"), "{show}");
}

#[test]
fn encrypt_twice_is_refused() {
    let d = encrypted_diary("pw");
    let run = Run::of(d.cmd().env("LANTERN_NEW_PASSPHRASE", "pw2").arg("encrypt")).one_line_error();
    assert!(run.stderr.contains("already encrypted"), "{}", run.stderr);
    with_passphrase(&d, "pw", &["list"]).success();
}

#[test]
fn passphrase_change_retires_the_old_one() {
    let d = Diary::new();
    let id = d.write(&["--title", "Rekeyed"], "zebracrossing42");
    Run::of(d.cmd().env("LANTERN_NEW_PASSPHRASE", "old").arg("encrypt")).success();
    let run = Run::of(
        d.cmd()
            .env("LANTERN_PASSPHRASE", "old")
            .env("LANTERN_NEW_PASSPHRASE", "new")
            .arg("passphrase"),
    )
    .success();
    assert!(run.stdout.contains("Passphrase changed"), "{}", run.stdout);

    let old = with_passphrase(&d, "old", &["show", &id.to_string()]).one_line_error();
    assert!(old.stderr.contains(WRONG), "{}", old.stderr);
    let new = with_passphrase(&d, "new", &["show", &id.to_string()])
        .success()
        .stdout;
    assert!(new.contains("zebracrossing42"), "{new}");
    for bytes in diary_bytes(&d.db()) {
        assert!(!contains_bytes(&bytes, b"zebracrossing42"));
        assert!(!contains_bytes(&bytes, b"SQLite format 3"));
    }
}

#[test]
fn decrypt_writes_an_owner_only_plaintext_copy() {
    let d = Diary::new();
    d.write(&["--title", "Decrypted"], "zebracrossing42");
    Run::of(d.cmd().env("LANTERN_NEW_PASSPHRASE", "pw").arg("encrypt")).success();
    let out = d.scratch("plain.db");
    let run = with_passphrase(
        &d,
        "pw",
        &["decrypt", "--out", out.to_str().expect("utf-8 path")],
    )
    .success();
    assert!(run.stdout.contains("plaintext copy"), "{}", run.stdout);
    let bytes = fs::read(&out).expect("read the copy");
    assert!(bytes.starts_with(SQLITE_HEADER), "plaintext SQLite header");
    assert!(contains_bytes(&bytes, b"zebracrossing42"));
    assert_eq!(mode(&out), 0o600);

    // The copy is a diary that opens without a passphrase.
    let other = Diary::new();
    fs::create_dir_all(&other.dir).expect("mkdir");
    fs::copy(&out, other.db()).expect("copy into place");
    assert!(other.ok(&["list"]).contains("Decrypted"));
}

#[test]
fn decrypt_refuses_to_overwrite_an_existing_file() {
    let d = encrypted_diary("pw");
    let out = d.scratch("plain.db");
    fs::write(&out, "precious").expect("write");
    let run = with_passphrase(
        &d,
        "pw",
        &["decrypt", "--out", out.to_str().expect("utf-8 path")],
    )
    .one_line_error();
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&out).expect("read"), "precious");
}

#[test]
fn backup_of_an_encrypted_diary_is_encrypted_with_the_same_passphrase() {
    let d = encrypted_diary("pw");
    Run::of(
        d.cmd()
            .env("LANTERN_PASSPHRASE", "pw")
            .args(["write", "--title", "Enc backup"])
            .write_stdin("zebracrossing42"),
    )
    .success();
    let copy = d.scratch("copy.db");
    with_passphrase(&d, "pw", &["backup", copy.to_str().expect("utf-8 path")]).success();
    assert_eq!(mode(&copy), 0o600);
    let bytes = fs::read(&copy).expect("read");
    assert!(!contains_bytes(&bytes, b"zebracrossing42"));
    assert!(!contains_bytes(&bytes, b"SQLite format 3"));
    let other = Diary::new();
    fs::create_dir_all(&other.dir).expect("mkdir");
    fs::copy(&copy, other.db()).expect("copy into place");
    let list = with_passphrase(&other, "pw", &["list"]).success().stdout;
    assert!(list.contains("Enc backup"), "{list}");
}

// ---------------------------------------------------------------------------------
// paths, doctor, completions
// ---------------------------------------------------------------------------------

#[test]
fn paths_names_the_diary_inside_the_data_dir() {
    let d = Diary::new();
    let out = d.ok(&["paths"]);
    let db = d.db();
    assert!(
        out.contains(db.to_str().expect("utf-8 path")),
        "{} in:\n{out}",
        db.display()
    );
}

#[test]
fn doctor_reports_the_schema_and_never_diary_text() {
    let d = Diary::new();
    d.write(
        &["--title", "zebracrossing42 title"],
        "zebracrossing42 body",
    );
    let run = d.run(&["doctor"]).success();
    assert!(run.stdout.contains("Schema version"), "{}", run.stdout);
    assert!(!run.stdout.contains("zebracrossing42"), "{}", run.stdout);
    assert!(!run.stderr.contains("zebracrossing42"), "{}", run.stderr);
}

#[test]
fn completions_for_bash_name_lantern() {
    let d = Diary::new();
    let out = d.ok(&["completions", "bash"]);
    assert!(out.contains("lantern"), "{out}");
}

// ---------------------------------------------------------------------------------
// content
// ---------------------------------------------------------------------------------

#[test]
fn built_in_content_checks_clean() {
    let run = Run::of(
        lantern()
            .current_dir(manifest_dir())
            .args(["content", "check", "content/"]),
    )
    .success();
    assert!(run.stdout.contains("Content is sound"), "{}", run.stdout);
}

#[test]
fn content_list_skill_lists_the_seven_skills() {
    let d = Diary::new();
    let out = d.ok(&["content", "list", "skill"]);
    let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 7, "{out}");
    assert!(lines.iter().all(|l| l.starts_with("skill:")), "{out}");
    assert!(out.contains("skill:self-compassion"), "{out}");
}

#[test]
fn content_list_steps_lists_the_ten_steps() {
    let d = Diary::new();
    let out = d.ok(&["content", "list", "steps"]);
    let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 10, "{out}");
    assert!(lines.iter().all(|l| l.starts_with("step:")), "{out}");
}

#[test]
fn content_show_exercise_shows_its_steps() {
    let d = Diary::new();
    let out = d.ok(&["content", "show", "exercise:soothing-breathing"]);
    assert!(out.contains("exercise:soothing-breathing"), "{out}");
    assert!(out.contains("Steps:"), "{out}");
    let content = lantern::content::built_in();
    let exercise = content
        .exercises
        .iter()
        .find(|e| e.id.as_ref() == "soothing-breathing")
        .expect("built-in exercise");
    for step in &exercise.steps {
        let text = &step.as_ref().text;
        assert!(out.contains(text.as_str()), "`{text}` in:\n{out}");
    }
}

#[test]
fn content_show_of_an_unknown_id_fails() {
    let d = Diary::new();
    let run = d.run(&["content", "show", "nope"]).one_line_error();
    assert!(run.stderr.contains("`nope`"), "{}", run.stderr);
}

/// A content folder holding one override: the built-in `file` with `extra` appended.
struct Override {
    _tmp: TempDir,
    dir: PathBuf,
}

impl Override {
    fn new() -> Override {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let dir = tmp.path().to_path_buf();
        Override { _tmp: tmp, dir }
    }

    /// Writes `file` as its built-in text followed by `extra`; returns the text.
    fn append(&self, file: &str, extra: &str) -> String {
        let built_in =
            fs::read_to_string(manifest_dir().join("content").join(file)).expect("built-in file");
        let text = format!("{}\n{extra}", built_in.trim_end());
        fs::write(self.dir.join(file), &text).expect("write the override");
        text
    }

    /// `file:line:col: ` for the last occurrence of `marker` in `text`.
    fn at(&self, file: &str, text: &str, marker: &str) -> String {
        let offset = text
            .rfind(marker)
            .unwrap_or_else(|| panic!("`{marker}` in the override"));
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line = text[..offset].matches('\n').count() + 1;
        let column = text[line_start..offset].chars().count() + 1;
        format!("{}:{line}:{column}: ", self.dir.join(file).display())
    }

    fn check(&self) -> Run {
        let run = Run::of(lantern().arg("content").arg("check").arg(&self.dir));
        assert_eq!(
            run.code,
            Some(1),
            "content check exits 1 on problems\nstdout:\n{}\nstderr:\n{}",
            run.stdout,
            run.stderr
        );
        no_panic(&run);
        run
    }
}

/// Asserts that `content check` reports, at the marker, a message containing `fragment`.
#[track_caller]
fn assert_reported(run: &Run, prefix: &str, fragment: &str) {
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("a problem at `{prefix}` in:\n{}", run.stdout));
    assert!(line.contains(fragment), "`{fragment}` in `{line}`");
}

const GOOD_EXERCISE_TAIL: &str = "kind = \"guided\"\nsummary = \"S\"\nsource = \"own\"\n\n[[exercise.steps]]\ntext = \"Breathe\"\nseconds = 10\n";

#[test]
fn content_check_reports_a_toml_syntax_error_at_its_place() {
    let o = Override::new();
    let text = o.append(
        "exercises.toml",
        &format!(
            "[[exercise]]\nid = \"calm-one\"\nname = \"Calm\" \"extra\"\n{GOOD_EXERCISE_TAIL}"
        ),
    );
    let run = o.check();
    assert_reported(
        &run,
        &o.at("exercises.toml", &text, "\"extra\""),
        "expected",
    );
}

#[test]
fn content_check_reports_an_unknown_field() {
    let o = Override::new();
    let text = o.append(
        "exercises.toml",
        &format!("[[exercise]]\nid = \"calm-one\"\nname = \"Calm\"\ncolour = \"blue\"\n{GOOD_EXERCISE_TAIL}"),
    );
    let run = o.check();
    assert_reported(
        &run,
        &o.at("exercises.toml", &text, "colour = "),
        "unknown field `colour`",
    );
}

#[test]
fn content_check_reports_a_missing_field() {
    let o = Override::new();
    let text = o.append(
        "skills.toml",
        "[[skill]]\nid = \"calm-skill\"\nname = \"Calm\"\nsource = \"own\"\n",
    );
    let run = o.check();
    assert_reported(
        &run,
        &o.at("skills.toml", &text, "[[skill]]"),
        "missing field `summary`",
    );
}

#[test]
fn content_check_reports_a_wrong_type() {
    let o = Override::new();
    let text = o.append(
        "exercises.toml",
        "[[exercise]]\nid = \"calm-one\"\nname = \"Calm\"\nkind = \"guided\"\nsummary = 12345\nsource = \"own\"\n\n[[exercise.steps]]\ntext = \"Breathe\"\nseconds = 10\n",
    );
    let run = o.check();
    assert_reported(&run, &o.at("exercises.toml", &text, "12345"), "wrong type");
}

#[test]
fn content_check_reports_a_duplicate_id_within_a_kind() {
    let o = Override::new();
    let text = o.append(
        "exercises.toml",
        &format!("[[exercise]]\nid = \"grounding\"\nname = \"Calm\"\n{GOOD_EXERCISE_TAIL}"),
    );
    let run = o.check();
    assert_reported(
        &run,
        &o.at("exercises.toml", &text, "\"grounding\""),
        "duplicate id `grounding`",
    );
}

#[test]
fn content_check_reports_one_id_used_by_two_kinds() {
    let o = Override::new();
    let text = o.append(
        "exercises.toml",
        &format!("[[exercise]]\nid = \"self-compassion\"\nname = \"Calm\"\n{GOOD_EXERCISE_TAIL}"),
    );
    let run = o.check();
    assert_reported(
        &run,
        &o.at("exercises.toml", &text, "\"self-compassion\""),
        "used by two kinds",
    );
}

#[test]
fn content_check_reports_a_dangling_reference() {
    let o = Override::new();
    let text = o.append(
        "exercises.toml",
        &format!("[[exercise]]\nid = \"calm-one\"\nname = \"Calm\"\nrelated = [\"skill:no-such-skill\"]\n{GOOD_EXERCISE_TAIL}"),
    );
    let run = o.check();
    assert_reported(
        &run,
        &o.at("exercises.toml", &text, "\"skill:no-such-skill\""),
        "names no skill",
    );
}

#[test]
fn content_check_reports_a_reference_of_the_wrong_kind() {
    let o = Override::new();
    let text = o.append(
        "exercises.toml",
        &format!("[[exercise]]\nid = \"calm-one\"\nname = \"Calm\"\nrelated = [\"skill:grounding\"]\n{GOOD_EXERCISE_TAIL}"),
    );
    let run = o.check();
    assert_reported(
        &run,
        &o.at("exercises.toml", &text, "\"skill:grounding\""),
        "not a skill",
    );
}

#[test]
fn content_check_reports_an_exercise_step_without_seconds() {
    let o = Override::new();
    let text = o.append(
        "exercises.toml",
        "[[exercise]]\nid = \"calm-one\"\nname = \"Calm\"\nkind = \"guided\"\nsummary = \"S\"\nsource = \"own\"\n\n[[exercise.steps]]\ntext = \"Breathe\"\n",
    );
    let run = o.check();
    assert_reported(
        &run,
        &o.at("exercises.toml", &text, "[[exercise.steps]]"),
        "no duration",
    );
}

const RULE_HEAD: &str =
    "[[rule]]\nid = \"rule-test\"\nname = \"Test\"\npriority = 1\nmessage = \"m\"\n";

#[test]
fn content_check_reports_a_rule_range_that_can_never_match() {
    let o = Override::new();
    let text = o.append(
        "suggestions.toml",
        &format!("{RULE_HEAD}when = {{ pleasantness = [9, 2] }}\noffer = [\"exercise:grounding\"]\nsource = \"own\"\n"),
    );
    let run = o.check();
    assert_reported(
        &run,
        &o.at("suggestions.toml", &text, "[9, 2]"),
        "can never match",
    );
}

#[test]
fn content_check_reports_a_strain_rule_without_offer_help() {
    let o = Override::new();
    let text = o.append(
        "suggestions.toml",
        &format!("{RULE_HEAD}when = {{ stress = [8, 10] }}\noffer = [\"exercise:grounding\"]\nstrain = true\nsource = \"own\"\n"),
    );
    let run = o.check();
    assert_reported(
        &run,
        &o.at("suggestions.toml", &text, "\"rule-test\""),
        "offer_help = true",
    );
}

#[test]
fn content_check_reports_an_unknown_kind_table() {
    let o = Override::new();
    let text = o.append(
        "exercises.toml",
        &format!("[[exrecise]]\nid = \"calm-one\"\nname = \"Calm\"\n{GOOD_EXERCISE_TAIL}"),
    );
    let run = o.check();
    assert_reported(
        &run,
        &o.at("exercises.toml", &text, "[[exrecise]]"),
        "unknown kind `exrecise`",
    );
}

#[test]
fn content_check_reports_every_problem_in_every_file_at_once() {
    let o = Override::new();
    let exercises = o.append(
        "exercises.toml",
        &format!("[[exercise]]\nid = \"calm-one\"\nname = \"Calm\"\ncolour = \"blue\"\n{GOOD_EXERCISE_TAIL}"),
    );
    let rules = o.append(
        "suggestions.toml",
        &format!("{RULE_HEAD}when = {{ pleasantness = [9, 2] }}\noffer = [\"exercise:grounding\"]\nsource = \"own\"\n"),
    );
    let run = o.check();
    assert_reported(
        &run,
        &o.at("exercises.toml", &exercises, "colour = "),
        "unknown field `colour`",
    );
    assert_reported(
        &run,
        &o.at("suggestions.toml", &rules, "[9, 2]"),
        "can never match",
    );
    assert!(run.stdout.contains("2 problems found."), "{}", run.stdout);
}

#[test]
fn a_broken_user_override_falls_back_to_the_built_in_copy_with_a_warning() {
    let d = Diary::new();
    let content_dir = d.dir.join("content");
    fs::create_dir_all(&content_dir).expect("mkdir");
    let broken = content_dir.join("exercises.toml");
    fs::write(
        &broken,
        "[[exercise]]\nid = \"calm-one\"\nname = \"Calm\"\n",
    )
    .expect("write");
    let run = d.run(&["content", "list", "exercise"]).success();
    assert!(run.stderr.contains("warning"), "{}", run.stderr);
    assert!(
        run.stderr.contains(broken.to_str().expect("utf-8 path")),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("exercise:soothing-breathing"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("calm-one"), "{}", run.stdout);
}

#[test]
fn a_sound_user_override_is_used_without_warnings() {
    let d = Diary::new();
    let content_dir = d.dir.join("content");
    fs::create_dir_all(&content_dir).expect("mkdir");
    let built_in = fs::read_to_string(manifest_dir().join("content/exercises.toml"))
        .expect("built-in exercises");
    fs::write(
        content_dir.join("exercises.toml"),
        format!(
            "{}\n[[exercise]]\nid = \"kettle-pause\"\nname = \"Kettle pause\"\n{GOOD_EXERCISE_TAIL}",
            built_in.trim_end()
        ),
    )
    .expect("write");
    let run = d.run(&["content", "list", "exercise"]).success();
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(
        run.stdout.contains("exercise:kettle-pause"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("exercise:soothing-breathing"),
        "{}",
        run.stdout
    );
    let show = d.ok(&["content", "show", "kettle-pause"]);
    assert!(show.contains("Kettle pause"), "{show}");
}

// ---------------------------------------------------------------------------------
// suggest, help-now
// ---------------------------------------------------------------------------------

#[test]
fn suggest_without_checkins_invites_one() {
    let d = Diary::new();
    let out = d.ok(&["suggest"]);
    assert!(out.contains("Check in first"), "{out}");
}

#[test]
fn suggest_after_a_low_checkin_offers_something_to_show() {
    let d = Diary::new();
    // Low, but short of the one very hard day that brings the help contacts.
    d.ok(&["checkin", "-p", "3", "-e", "2", "-s", "8"]);
    let out = d.ok(&["suggest"]);
    assert!(out.contains("lantern content show"), "{out}");
    assert!(!out.contains("116 123"), "no help line yet: {out}");
}

#[test]
fn sustained_strain_offers_help_contacts() {
    let d = Diary::new();
    // A hard stretch is hard days: three earlier ones, then today's.
    {
        let mut store = lantern::store::Store::open_or_create(&d.db(), None).expect("the diary");
        for days_ago in 1..=3 {
            let at = chrono::Local::now().fixed_offset() - chrono::Duration::days(days_ago);
            store
                .add_checkin(&support::daily_checkin(
                    &format!("earlier-{days_ago}"),
                    at,
                    3,
                    5,
                    8,
                ))
                .expect("an earlier check-in");
        }
    }
    let fourth = d.ok(&["checkin", "-p", "2", "-e", "5", "-s", "9"]);
    assert!(fourth.contains("116 123"), "{fourth}");
    let out = d.ok(&["suggest"]);
    assert!(out.contains("hard stretch"), "{out}");
    assert!(out.contains("116 123"), "{out}");
    assert!(out.contains("lantern content show"), "{out}");
}

#[test]
fn help_now_lists_samaritans_and_emergency_numbers() {
    let d = Diary::new();
    let out = d.ok(&["help-now"]);
    assert!(out.contains("116 123"), "{out}");
    assert!(out.contains("999"), "{out}");
}

// ---------------------------------------------------------------------------------
// usage
// ---------------------------------------------------------------------------------

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let run = Run::of(lantern().args(["list", "--no-such-flag"]));
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    no_panic(&run);
}

#[test]
fn help_mentions_checkin() {
    let out = Run::of(lantern().arg("--help")).success().stdout;
    assert!(out.contains("checkin"), "{out}");
}

#[test]
fn no_command_without_a_terminal_prints_help() {
    let d = Diary::new();
    let out = d.ok(&[]);
    assert!(out.contains("checkin"), "{out}");
}
