//! Fault tests of the `lantern` binary: the reader of its output going away, hostile
//! text in entries, damaged import files, an editor killed mid-edit. Each pins down a
//! promise: no panic, no word lost, no diary text shown where it should not be.

mod cli_support;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Stdio};

use cli_support::*;

// ---------------------------------------------------------------------------------
// A closed pipe
// ---------------------------------------------------------------------------------

/// How many entries and check-ins the pipe diary holds: enough output that a listing
/// overflows a pipe's buffer, so the write that fails comes mid-listing.
const MANY: usize = 1500;

/// A diary with `MANY` entries and check-ins, a plan section and a practice, made once
/// through import and the CLI.
fn full_diary() -> Diary {
    let d = Diary::new();
    d.ok(&["init"]);
    let mut entries = String::new();
    let mut checkins = String::new();
    for n in 0..MANY {
        let day = 1 + n % 28;
        let month = 1 + (n / 28) % 12;
        let minute = n % 60;
        entries.push_str(&format!(
            r#"{{"uid": "e{n}", "title": "Entry {n} about a kestrel", "body": "The kestrel hovered over the field, number {n}. {filler}", "tags": ["walk"], "created": "2026-{month:02}-{day:02}T09:{minute:02}:00Z", "updated": "2026-{month:02}-{day:02}T09:{minute:02}:00Z"}},"#,
            filler = "Words to make the entry longer. ".repeat(8)
        ));
        checkins.push_str(&format!(
            r#"{{"uid": "c{n}", "kind": "daily", "at": "2026-{month:02}-{day:02}T17:{minute:02}:00Z", "pleasantness": 5, "energy": 4, "stress": 6, "good_moment": "A good moment {n}"}},"#
        ));
    }
    entries.pop();
    checkins.pop();
    let export = format!(
        r#"{{"format": "lantern", "version": 1, "exported": "2026-12-01T00:00:00Z", "entries": [{entries}], "checkins": [{checkins}]}}"#
    );
    let file = d.scratch("full.json");
    fs::write(&file, export).expect("write the export");
    d.ok(&["import", file.to_str().expect("utf-8 path")]);
    d.run_stdin(&["plan", "set", "values"], "Kindness, and time outside.")
        .success();
    d.ok(&["practice", "log", "soothing-breathing", "--minutes", "3"]);
    // One very long entry, for `show`.
    let long = "A long entry about the kestrel. ".repeat(8000);
    d.write(&["--title", "Long"], &long);
    d
}

/// Starts `lantern ARGS` with its standard output on a pipe.
fn spawn(d: &Diary, args: &[&str], stdin: &str) -> Child {
    let mut cmd = std::process::Command::new(bin());
    cmd.env("TZ", "UTC");
    for var in AMBIENT {
        cmd.env_remove(var);
    }
    let mut child = cmd
        .arg("--data-dir")
        .arg(&d.dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lantern starts");
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.as_bytes());
    }
    child
}

/// Waits for `child` and checks it ended as a closed pipe should: exit 0, no panic, no
/// error message.
#[track_caller]
fn ends_quietly(child: Child, what: &str) {
    let out = child.wait_with_output().expect("lantern ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "`{what}` with a closed pipe: {:?}\nstderr:\n{stderr}",
        out.status
    );
    assert!(
        !stderr.contains("panicked") && !stderr.contains("lantern: "),
        "`{what}` with a closed pipe said:\n{stderr}"
    );
}

/// Every command that prints, run with the read end of its output closed at once, and
/// again (for the long ones) after reading a single line.
#[test]
fn every_printing_command_ends_quietly_when_its_reader_goes() {
    let d = full_diary();
    let listed = entry_lines(&d.ok(&["list", "-n", "5000"]));
    assert!(listed.len() > MANY, "the diary holds every entry");
    let long_id = d.ok(&["list", "-n", "1"]);
    let long_id = long_id
        .split_whitespace()
        .next()
        .expect("an id")
        .to_string();
    let commands: &[&[&str]] = &[
        &["list", "-n", "5000"],
        &["list", "--checkins", "-n", "5000"],
        &["show", &long_id],
        &["search", "kestrel", "-n", "5000"],
        &["export"],
        &["export", "--format", "markdown"],
        &["stats", "--days", "365"],
        &["stats", "--days", "365", "--json"],
        &["pixels", "--year", "2026"],
        &["review"],
        &[
            "supervision",
            "prep",
            "--since",
            "2026-01-01",
            "--good-moments",
        ],
        &["plan"],
        &["plan", "history", "values"],
        &["plan", "export"],
        &["practice"],
        &["library"],
        &["library", "skills"],
        &["content", "list", "exercise"],
        &["content", "show", "exercise:soothing-breathing"],
        &["suggest"],
        &["help-now"],
        &["support", "--need", "process", "--setting", "one"],
        &["exercise", "soothing-breathing", "--minutes-only"],
        &["exercise", "soothing-breathing", "--speed", "500"],
        &["paths"],
        &["doctor"],
        &["completions", "bash"],
        &["--help"],
        &["checkin", "-p", "4", "-e", "3", "-s", "7"],
    ];
    for args in commands {
        let what = args.join(" ");
        // The reader is gone before Lantern writes a byte.
        let mut child = spawn(&d, args, "");
        drop(child.stdout.take());
        ends_quietly(child, &what);
        // The reader takes one line, then goes.
        let mut child = spawn(&d, args, "");
        let mut reader = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut line = String::new();
        let _ = reader.read_line(&mut line);
        drop(reader);
        ends_quietly(child, &what);
    }
}

/// `checkin` prints after it has saved: a closed pipe then must not lose the check-in.
#[test]
fn a_checkin_with_a_closed_pipe_is_still_saved() {
    let d = Diary::new();
    d.ok(&["init"]);
    let mut child = spawn(&d, &["checkin", "-p", "4", "-e", "3", "-s", "7"], "");
    drop(child.stdout.take());
    ends_quietly(child, "checkin");
    let listed = d.ok(&["list", "--checkins"]);
    assert!(listed.contains("pleasant  4"), "{listed}");
}

// ---------------------------------------------------------------------------------
// Escape sequences in entries
// ---------------------------------------------------------------------------------

/// An OSC sequence that retitles a terminal, a CSI one that clears it, and a C1 CSI.
const HOSTILE: &str = "x \u{1b}]0;pwned\u{7} \u{1b}[2J \u{9b}31m kestrel";

#[track_caller]
fn no_raw_controls(what: &str, out: &str) {
    assert!(
        !out.chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "`{what}` printed a raw control character:\n{out:?}"
    );
}

#[test]
fn control_characters_in_diary_text_are_made_visible_on_output_but_kept_in_exports() {
    let d = Diary::new();
    d.ok(&["init"]);
    let id = d.write(&["--title", HOSTILE], HOSTILE);
    d.ok(&[
        "checkin", "-p", "4", "-e", "3", "-s", "7", "--good", HOSTILE, "--note", HOSTILE,
    ]);
    d.run_stdin(&["plan", "set", "values"], HOSTILE).success();
    d.run_stdin(&["plan", "set", "values"], &format!("{HOSTILE} again"))
        .success();
    d.ok(&["practice", "log", "soothing-breathing", "--note", HOSTILE]);
    let id = id.to_string();
    for args in [
        vec!["show", id.as_str()],
        vec!["list"],
        vec!["search", "kestrel"],
        vec!["list", "--checkins"],
        vec!["plan"],
        vec!["plan", "history", "values"],
        vec!["practice"],
    ] {
        let out = d.ok(&args);
        no_raw_controls(&args.join(" "), &out);
        assert!(
            out.contains("^[]0;pwned^G"),
            "`{}` shows the text:\n{out}",
            args.join(" ")
        );
    }
    no_raw_controls("stats", &d.ok(&["stats"]));
    let review = d.run_stdin(&["review"], "").success().stdout;
    no_raw_controls("review", &review);
    assert!(review.contains("^[]0;pwned^G"), "{review}");
    // An export is the diary itself, byte for byte.
    let export = d.ok(&["export"]);
    assert!(export.contains(r"\u001b]0;pwned\u0007"), "{export}");
}

// ---------------------------------------------------------------------------------
// Import: say where, never what
// ---------------------------------------------------------------------------------

/// Imports `text` from a file named `name`; returns the run.
fn import(d: &Diary, name: &str, text: &str) -> Run {
    let file = d.scratch(name);
    fs::write(&file, text).expect("write the import file");
    d.run(&["import", file.to_str().expect("utf-8 path")])
}

/// A Lantern export around `entries` and `checkins` (JSON array bodies).
fn export_of(entries: &str, checkins: &str) -> String {
    format!(
        "{{\n  \"format\": \"lantern\",\n  \"version\": 1,\n  \"exported\": \"2026-01-01T00:00:00Z\",\n  \"entries\": [{entries}],\n  \"checkins\": [{checkins}]\n}}\n"
    )
}

#[test]
fn import_errors_name_the_place_and_never_the_diary_text() {
    let d = Diary::new();
    d.ok(&["init"]);
    let good_checkin = r#"{"uid": "c1", "kind": "daily", "at": "2026-01-01T17:00:00Z", "pleasantness": 5, "energy": 5, "stress": 5}"#;
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "entries.json",
            r#"{"entries":"my private diary words"}"#.to_string(),
            "field `entries`",
        ),
        (
            "kind.json",
            export_of(
                "",
                &format!(
                    r#"{good_checkin}, {{"uid": "c2", "kind": "my private diary words", "at": "2026-01-01T17:00:00Z", "pleasantness": 5, "energy": 5, "stress": 5}}"#
                ),
            ),
            "check-in 2, field `kind`",
        ),
        (
            "created.json",
            export_of(
                r#"{"uid": "e1", "body": "fine", "created": "2026-01-01T09:00:00Z"}, {"uid": "e2", "body": "b", "created": "my private diary words"}"#,
                "",
            ),
            "entry 2, field `created`: expected a date and time",
        ),
        (
            "title.json",
            export_of(
                r#"{"uid": "e1", "title": ["my private diary words"], "created": "2026-01-01T09:00:00Z"}"#,
                "",
            ),
            "entry 1, field `title`",
        ),
        (
            "stress.json",
            export_of("", r#"{"uid": "c1", "kind": "daily", "at": "2026-01-01T17:00:00Z", "pleasantness": 5, "energy": 5, "stress": "my private diary words"}"#),
            "check-in 1, field `stress`: expected a whole number",
        ),
        (
            "jrnl.json",
            r#"{"entries": [{"title": "t", "body": "b", "date": "2025-01-01", "time": "10:00"}, {"title": "t", "body": "my private diary words", "date": "my private diary words", "time": "10:00"}]}"#.to_string(),
            "entry 2, field `date`",
        ),
        (
            "lines.jsonl",
            "{\"ts\": \"2025-01-01T10:00\", \"body\": \"fine\"}\n{\"ts\": \"my private diary words\", \"body\": \"b\"}\n".to_string(),
            "line 2, field `ts`",
        ),
    ];
    for (name, text, place) in cases {
        let run = import(&d, name, &text).one_line_error();
        assert!(
            run.stderr.contains(name) && run.stderr.contains(place),
            "{name}: the error names the file and `{place}`:\n{}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("private") && !run.stdout.contains("private"),
            "{name}: the error quotes the file:\n{}",
            run.stderr
        );
    }
    assert!(d.entry_lines().is_empty(), "nothing was imported");
}

#[test]
fn broken_json_is_reported_at_the_line_of_the_damage() {
    let d = Diary::new();
    d.ok(&["init"]);
    // A pretty export with a missing comma on line 8.
    let text = export_of(
        "\n    {\"uid\": \"e1\", \"body\": \"one\", \"created\": \"2026-01-01T09:00:00Z\"},\n    {\"uid\": \"e2\", \"body\": \"two\", \"created\": \"2026-01-01T09:00:00Z\"},\n    {\"uid\": \"e3\" \"body\": \"secretword\", \"created\": \"2026-01-01T09:00:00Z\"}\n  ",
        "",
    );
    let damaged = text
        .lines()
        .position(|l| l.contains("\"e3\" \"body\""))
        .expect("the damaged line")
        + 1;
    let run = import(&d, "broken.json", &text).one_line_error();
    assert!(
        run.stderr.contains(&format!("line {damaged}, column ")),
        "line {damaged}:\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("secretword"), "{}", run.stderr);
}

#[test]
fn import_leaves_out_what_the_cli_would_refuse_and_keeps_the_rest() {
    let d = Diary::new();
    d.ok(&["init"]);
    let checkin = |uid: &str, p: &str, e: &str, s: &str| {
        format!(
            r#"{{"uid": "{uid}", "kind": "daily", "at": "2026-11-2{}T17:00:00Z", "pleasantness": {p}, "energy": {e}, "stress": {s}}}"#,
            uid.len() % 9
        )
    };
    let text = export_of(
        r#"{"uid": "e1", "title": "Kept", "body": "A good day.", "created": "2026-11-20T09:00:00Z"},
           {"uid": "e2", "title": "  ", "body": "", "created": "2026-11-20T10:00:00Z"}"#,
        &[
            checkin("a", "500002", "5", "5"),
            checkin("bb", "5", "5", "4611686018427387904"),
            checkin("ccc", "7", "6", "3"),
            checkin("dddd", "0", "5", "5"),
        ]
        .join(", "),
    );
    let run = import(&d, "mixed.json", &text).success();
    let out = run.stdout;
    assert!(out.contains("Imported 1 entry and 1 check-in"), "{out}");
    for line in [
        "entry 2: it has no text",
        "check-in 1: pleasantness must be 1–10",
        "check-in 2: stress must be 0–10",
        "check-in 4: pleasantness must be 1–10",
    ] {
        assert!(out.contains(line), "`{line}` in:\n{out}");
    }
    assert!(
        !out.contains("500002") && !out.contains("4611686018427387904"),
        "{out}"
    );
    let checkins = d.ok(&["list", "--checkins"]);
    assert_eq!(entry_lines(&checkins).len(), 1, "{checkins}");
    assert!(checkins.contains("pleasant  7"), "{checkins}");
    let stats = d.ok(&["stats", "--days", "3650", "--json"]);
    assert!(
        !stats.contains("500002") && !stats.contains("461168601842738"),
        "{stats}"
    );
    assert_eq!(d.entry_lines().len(), 1);
}

// ---------------------------------------------------------------------------------
// Search: long queries, huge entries
// ---------------------------------------------------------------------------------

#[test]
fn a_search_of_more_than_thirty_two_words_says_how_many_it_takes() {
    let d = Diary::new();
    d.ok(&["init"]);
    d.write(&[], "A kestrel over the field.");
    let mut args = vec!["search"];
    args.extend(std::iter::repeat_n("kestrel", 33));
    let run = d.run(&args).one_line_error();
    assert!(
        run.stderr.contains("Search takes up to 32 words"),
        "{}",
        run.stderr
    );
    let mut args = vec!["search"];
    args.extend(std::iter::repeat_n("kestrel", 32));
    assert!(d.ok(&args).contains("[kestrel]"));
}

/// The snippet of a match deep in a very large entry still finds and marks it.
#[test]
fn a_match_deep_in_a_huge_entry_is_found_and_marked() {
    let d = Diary::new();
    d.ok(&["init"]);
    let mut text = "The wind moved through the grass and the field was quiet. ".repeat(40_000);
    text.push_str("At last a kestrel hovered.");
    d.write(&["--title", "Huge"], &text);
    let out = d.ok(&["search", "kestrel"]);
    assert!(out.contains("Huge"), "{out}");
    assert!(out.contains("a [kestrel] hovered"), "{out}");
    let out = d.ok(&["search", "the", "kestrel"]);
    assert!(out.contains("[kestrel]") || out.contains("[The]"), "{out}");
}

// ---------------------------------------------------------------------------------
// An editor open when Lantern is killed
// ---------------------------------------------------------------------------------

/// An editor that types into the hand-off file, notes where the file is and what it
/// was given in its environment, then kills the Lantern that started it (kill -9, so
/// nothing can clean up).
const KILLING_EDITOR: &str = r#"#!/bin/sh
printf 'Title: Interrupted\nTags: \n\nunsaved kestrel words\n' > "$1"
printf '%s' "$1" > "$NOTES/path"
env > "$NOTES/env"
p=$PPID
while [ "$p" -gt 1 ]; do
  if [ "$(cat /proc/$p/comm 2>/dev/null)" = lantern ]; then kill -9 "$p"; break; fi
  p=$(cut -d' ' -f4 /proc/$p/stat)
done
"#;

#[test]
fn an_edit_killed_with_the_editor_open_is_kept_as_a_draft_and_its_file_removed() {
    if !std::path::Path::new("/usr/bin/script").exists()
        || !std::path::Path::new("/proc/self").exists()
    {
        eprintln!("skipping: needs script(1) for a terminal and /proc");
        return;
    }
    let d = Diary::new();
    let passphrase = "correct horse";
    Run::of(
        d.cmd()
            .env("LANTERN_NEW_PASSPHRASE", passphrase)
            .args(["init", "--encrypt"]),
    )
    .success();
    let runtime = d.scratch("runtime");
    fs::create_dir(&runtime).expect("a runtime folder");
    let notes = d.scratch("notes");
    fs::create_dir(&notes).expect("a notes folder");
    let editor = d.scratch("editor.sh");
    fs::write(&editor, KILLING_EDITOR).expect("write the editor");
    fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("make the editor runnable");
    let inner = format!("{} --data-dir {} write", bin().display(), d.dir.display());
    // `script` gives `lantern write` a terminal, so it opens the editor.
    let out = std::process::Command::new("/usr/bin/script")
        .args(["-qec", &inner, "/dev/null"])
        .env("TZ", "UTC")
        .env_remove("VISUAL")
        .env("EDITOR", &editor)
        .env("NOTES", &notes)
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("LANTERN_PASSPHRASE", passphrase)
        .stdin(Stdio::null())
        .output()
        .expect("script runs");
    let handoff =
        std::path::PathBuf::from(fs::read_to_string(notes.join("path")).unwrap_or_else(|_| {
            panic!("the editor ran: {}", String::from_utf8_lossy(&out.stdout))
        }));
    // Killed, Lantern could not remove its file; it is in the runtime folder, owner-only.
    assert!(
        handoff.starts_with(runtime.join("lantern")),
        "{}",
        handoff.display()
    );
    assert!(handoff.exists(), "the killed edit left its file");
    assert_eq!(mode(&runtime.join("lantern")), 0o700);
    let env = fs::read_to_string(notes.join("env")).expect("the editor's environment");
    assert!(
        !env.contains(passphrase),
        "the editor was given the passphrase"
    );

    // The next run keeps the text as a draft and removes the file.
    let run = Run::of(
        d.cmd()
            .env("LANTERN_PASSPHRASE", passphrase)
            .env("XDG_RUNTIME_DIR", &runtime)
            .args(["list"]),
    )
    .success();
    assert!(run.stderr.contains("interrupted"), "{}", run.stderr);
    assert!(!handoff.exists(), "the leftover file is removed");
    let store = lantern::store::Store::open(&d.db(), Some(passphrase)).expect("open");
    let draft = store.latest_draft().expect("drafts").expect("a draft");
    assert!(draft.body.contains("unsaved kestrel words"), "{draft:?}");
    drop(store);
    // And only once.
    let run = Run::of(
        d.cmd()
            .env("LANTERN_PASSPHRASE", passphrase)
            .env("XDG_RUNTIME_DIR", &runtime)
            .args(["list"]),
    )
    .success();
    assert!(!run.stderr.contains("interrupted"), "{}", run.stderr);
}
