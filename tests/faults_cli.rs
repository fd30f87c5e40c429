//! Fault tests of the `lantern` binary: the reader of its output going away, hostile
//! text in entries, damaged import files, an editor killed mid-edit. Each pins down a
//! promise: no panic, no word lost, no diary text shown where it should not be.

mod support;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Stdio};

use support::cli::*;
use support::{mode, CleanEnv};

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
    cmd.clean_env();
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
        &["keys"],
        &["doctor"],
        &["completions", "bash"],
        &["--help"],
        // No command and no terminal: the help, printed by Lantern itself.
        &[],
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
    let mut child = spawn(&d, &["checkin", "-p", "4", "-e", "3", "-s", "7"], "");
    drop(child.stdout.take());
    ends_quietly(child, "checkin");
    let listed = d.ok(&["list", "--checkins"]);
    assert!(listed.contains("pleasant  4"), "{listed}");
}

/// Commands that save and then say so: with the reader gone, the saving still happens
/// and the command ends quietly.
#[test]
fn commands_that_save_then_print_still_save_when_the_reader_has_gone() {
    let d = Diary::new();
    let id = d.write(&[], "First words.").to_string();
    let import = d.scratch("one.jsonl");
    fs::write(
        &import,
        "{\"ts\": \"2025-01-01T10:00\", \"title\": \"Imported here\"}\n",
    )
    .expect("write the import file");
    let backup = d.scratch("copy.db");
    let runs: Vec<(Vec<&str>, &str)> = vec![
        (vec!["write", "--title", "Piped away"], "Words kept."),
        (
            vec!["edit", id.as_str()],
            "Title: Edited away\nTags: \n\nNew words.\n",
        ),
        (vec!["import", import.to_str().expect("utf-8 path")], ""),
        (vec!["plan", "set", "values"], "Kindness."),
        (vec!["practice", "log", "soothing-breathing"], ""),
        (vec!["supervision", "done"], ""),
        (vec!["backup", backup.to_str().expect("utf-8 path")], ""),
    ];
    for (args, stdin) in &runs {
        let mut child = spawn(&d, args, stdin);
        drop(child.stdout.take());
        ends_quietly(child, &args.join(" "));
    }
    let listed = d.ok(&["list"]);
    for title in ["Piped away", "Edited away", "Imported here"] {
        assert!(listed.contains(title), "`{title}` saved:\n{listed}");
    }
    assert!(d.ok(&["plan"]).contains("Kindness."));
    assert!(d.ok(&["practice"]).contains("breathing"));
    assert!(backup.exists(), "the backup was written");
}

// ---------------------------------------------------------------------------------
// Escape sequences in entries
// ---------------------------------------------------------------------------------

/// An OSC sequence that retitles a terminal, a CSI one that clears it, and a C1 CSI.
const HOSTILE: &str = "x \u{1b}]0;pwned\u{7} \u{1b}[2J \u{9b}31m \u{202e}desrever kestrel";

#[track_caller]
fn no_raw_controls(what: &str, out: &str) {
    assert!(
        !out.chars()
            .any(|c| (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
        "`{what}` printed a raw control character:\n{out:?}"
    );
}

#[test]
fn control_characters_in_diary_text_are_made_visible_on_output_but_kept_in_exports() {
    let d = Diary::new();
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
    let checkin = |uid: &str, p: &str, e: &str, s: &str| {
        format!(
            r#"{{"uid": "{uid}", "kind": "daily", "at": "2026-11-2{}T17:00:00Z", "pleasantness": {p}, "energy": {e}, "stress": {s}}}"#,
            uid.len() % 9
        )
    };
    let text = export_of(
        r#"{"uid": "e1", "title": "Kept", "body": "A good day.", "created": "2026-11-20T09:00:00Z", "updated": "2026-11-20T09:00:00Z"},
           {"uid": "e2", "title": "  ", "body": "", "created": "2026-11-20T10:00:00Z", "updated": "2026-11-20T10:00:00Z"}"#,
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
    let d = Diary::empty();
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
        .clean_env()
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

// ---------------------------------------------------------------------------------
// Fuzz: the importers and the content loader
// ---------------------------------------------------------------------------------

/// A word planted in every piece of diary text the fuzzed files hold. No message may
/// ever contain it (its core, so a mutated copy counts too).
const MARKER: &str = "Zqxkestrelmark";
const MARKER_CORE: &str = "kestrelmar";

/// A small, seeded xorshift: the same cases on every run and machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "\\",
    "null",
    "true",
    "-1",
    "1e999",
    "0.5",
    "500002",
    "4611686018427387904",
    "\"\"",
    "\"x\"",
    "\\u0000",
    "\n",
    "\u{1b}[2J",
    "é",
    "\u{feff}",
    "=",
    "[[",
    "]]",
    "#",
    "'",
    "\"\"\"",
];

/// Damages `text` once: flips a bit, inserts a byte or a token, deletes a byte or a
/// run, duplicates a run, or truncates. Returns the new text and the byte offset of
/// the damage: the first byte that differs from the original.
fn mutate(text: &str, rng: &mut Rng) -> (String, usize) {
    let mut bytes = text.as_bytes().to_vec();
    let mut at = rng.below(bytes.len());
    match rng.below(7) {
        0 => bytes[at] ^= 1 << rng.below(8),
        1 => bytes.insert(at, (rng.below(95) + 32) as u8),
        2 => {
            let token = TOKENS[rng.below(TOKENS.len())];
            bytes.splice(at..at, token.bytes());
        }
        3 => {
            bytes.remove(at);
        }
        4 => {
            let end = (at + 1 + rng.below(40)).min(bytes.len());
            bytes.drain(at..end);
        }
        5 => {
            let end = (at + 1 + rng.below(80)).min(bytes.len());
            let run: Vec<u8> = bytes[at..end].to_vec();
            bytes.splice(at..at, run);
            // The copy reads as the original until it meets it again.
            at = end;
        }
        _ => bytes.truncate(at),
    }
    // What `lantern import` reads is text: invalid UTF-8 is refused before parsing.
    (String::from_utf8_lossy(&bytes).into_owned(), at)
}

/// The line (from 1) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// A Lantern export of a few entries and check-ins, every text field holding MARKER.
fn marked_export() -> String {
    let mut entries = Vec::new();
    let mut checkins = Vec::new();
    for n in 0..12 {
        entries.push(serde_json::json!({
            "uid": format!("e{n}"),
            "template_id": if n % 3 == 0 { serde_json::json!("reflective-diary") } else { serde_json::Value::Null },
            "title": format!("{MARKER} title {n}"),
            "body": format!("A day with {MARKER} in it.\nSecond line {n}."),
            "answers": [{"prompt_id": "what", "prompt": "What happened?", "text": format!("{MARKER} answered")}],
            "tags": [format!("{MARKER}tag"), "walk"],
            "created": format!("2026-03-{:02}T09:00:00Z", n + 1),
            "updated": format!("2026-03-{:02}T09:30:00+01:00", n + 1),
            MARKER: 1,
        }));
        checkins.push(serde_json::json!({
            "uid": format!("c{n}"),
            "kind": if n % 2 == 0 { "daily" } else { "after_visit" },
            "at": format!("2026-03-{:02}T17:00:00Z", n + 1),
            "pleasantness": 1 + n % 10,
            "energy": 1 + (n * 3) % 10,
            "stress": n % 11,
            "system": "threat",
            "words": ["anxious", MARKER],
            "tags": ["caseload"],
            "note": format!("note {MARKER}"),
            "good_moment": format!("good {MARKER}"),
        }));
    }
    let export = serde_json::json!({
        "format": "lantern",
        "version": 1,
        "exported": "2026-03-31T00:00:00Z",
        "entries": entries,
        "checkins": checkins,
    });
    serde_json::to_string_pretty(&export).expect("serialise")
}

/// The first entries of the shared jrnl sample (or a small stand-in), MARKER planted.
fn marked_jrnl() -> String {
    let sample = manifest_dir().join("../shared/data/jrnl-export-sample-1y.json");
    let mut value: serde_json::Value = fs::read_to_string(&sample)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_else(|| {
            serde_json::json!({"tags": {"@walk": 1}, "entries": [
                {"title": "t", "body": "b", "date": "2025-01-01", "time": "06:29", "tags": ["@walk"], "starred": false}
            ]})
        });
    if let Some(entries) = value["entries"].as_array_mut() {
        entries.truncate(25);
        for e in entries.iter_mut() {
            let body = e["body"].as_str().unwrap_or_default().to_string();
            e["body"] = serde_json::json!(format!("{body} {MARKER}"));
            e["title"] = serde_json::json!(format!("{MARKER} title"));
            e["tags"] = serde_json::json!([format!("@{MARKER}")]);
        }
    }
    serde_json::to_string_pretty(&value).expect("serialise")
}

fn marked_json_lines() -> String {
    (0..25)
        .map(|n| {
            serde_json::json!({
                "ts": format!("2025-02-{:02}T08:{:02}", 1 + n % 28, n),
                "title": format!("{MARKER} {n}"),
                "body": format!("body {MARKER}"),
                "tags": [MARKER],
            })
            .to_string()
                + "\n"
        })
        .collect()
}

/// The place an import error names, as (line, reported) when it is a syntax error.
fn syntax_line(message: &str) -> Option<usize> {
    let rest = message.strip_prefix("line ")?;
    let (line, rest) = rest.split_once(',')?;
    rest.starts_with(" column ").then(|| line.parse().ok())?
}

/// Whether an import error names where: the file as a whole, an entry, a check-in or
/// a line (numbered), or is one of the few messages about the file's overall shape.
fn names_a_place(message: &str) -> bool {
    let numbered = ["entry ", "check-in ", "line "].iter().any(|p| {
        message.strip_prefix(p).is_some_and(|rest| {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0
                && (rest[digits..].starts_with(", field `")
                    || rest[digits..].starts_with(": expected"))
        })
    });
    numbered
        || message.starts_with("the file, field `")
        || message == "the file is empty"
        || message.starts_with("this JSON is neither")
        || message.starts_with("this export is version")
        || message.starts_with("this Lantern export has neither")
}

/// The list and index (from 0) of the record an error names: `entry 3` → ("entries", 2).
fn record_named(message: &str) -> Option<(&'static str, usize)> {
    let (list, rest) = if let Some(rest) = message.strip_prefix("entry ") {
        ("entries", rest)
    } else {
        ("checkins", message.strip_prefix("check-in ")?)
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((list, digits.parse::<usize>().ok()?.checked_sub(1)?))
}

/// The index of the first record of `list` that differs between two JSON documents.
fn first_changed(original: &str, damaged: &str, list: &str) -> Option<usize> {
    let a: serde_json::Value = serde_json::from_str(original).ok()?;
    let b: serde_json::Value = serde_json::from_str(damaged).ok()?;
    let (a, b) = (a.get(list)?.as_array()?, b.get(list)?.as_array()?);
    (0..a.len().max(b.len())).find(|i| a.get(*i) != b.get(*i))
}

/// Runs `f` on a thread of its own and fails if it has not finished in five minutes,
/// many times what it takes: a hang is a failure, not a test run that never ends.
fn without_hanging(what: &str, f: fn()) {
    let (done, finished) = std::sync::mpsc::channel();
    let run = std::thread::spawn(move || {
        f();
        let _ = done.send(());
    });
    match finished.recv_timeout(std::time::Duration::from_secs(300)) {
        Ok(()) | Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            if let Err(panic) = run.join() {
                std::panic::resume_unwind(panic);
            }
        }
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => panic!("{what} hung"),
    }
}

#[test]
fn fuzzed_imports_never_hang_never_panic_never_quote_the_file_and_name_the_damaged_line() {
    without_hanging("the import fuzz", fuzz_imports);
}

#[test]
fn fuzzed_content_files_never_hang_never_panic_and_errors_point_inside_the_file() {
    without_hanging("the content fuzz", fuzz_content);
}

fn fuzz_imports() {
    use lantern::domain::transfer::{read_import, ImportError};
    let content = lantern::content::built_in();
    let seeds = [
        ("Lantern export", marked_export()),
        ("jrnl export", marked_jrnl()),
        ("JSON Lines", marked_json_lines()),
    ];
    for (name, text) in &seeds {
        let checked = read_import(text, &content).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!checked.batch.entries.is_empty(), "{name} imports");
    }
    const CASES: usize = 2000;
    let mut rng = Rng(0x005e_ed1a_77e4_u64);
    let (mut syntax, mut data, mut fine, mut far, mut exact) = (0, 0, 0, 0, 0);
    let mut problems = Vec::new();
    let started = std::time::Instant::now();
    for case in 0..CASES {
        for (name, seed) in &seeds {
            let (text, at) = mutate(seed, &mut rng);
            let result = std::panic::catch_unwind(|| read_import(&text, &content));
            let Ok(result) = result else {
                problems.push(format!("{name} case {case}: a panic"));
                continue;
            };
            let messages: Vec<String> = match &result {
                Ok(checked) => {
                    fine += 1;
                    checked.skipped.iter().map(|s| s.to_string()).collect()
                }
                Err(error) => vec![error.to_string()],
            };
            for message in &messages {
                if message.contains(MARKER_CORE) {
                    problems.push(format!("{name} case {case}: diary text in `{message}`"));
                }
            }
            if let Err(error) = &result {
                match error {
                    ImportError::Syntax { .. } => {
                        syntax += 1;
                        let damaged = line_of(&text, at);
                        let reported = syntax_line(&messages[0]).unwrap_or(0);
                        // Broken JSON can only show itself at the damage or after it,
                        // and in these files (one field a line) within a line or two.
                        if reported < damaged {
                            problems.push(format!(
                                "{name} case {case}: line {reported} reported for damage on line {damaged}: {}",
                                messages[0]
                            ));
                        } else if reported > damaged + 2 {
                            far += 1;
                            if std::env::var_os("LANTERN_FUZZ_SHOW").is_some() {
                                let lines: Vec<&str> = text.lines().collect();
                                eprintln!(
                                    "{name} case {case}: damage on {damaged} reported {reported}: {}\n  {:?}",
                                    messages[0],
                                    &lines[damaged.saturating_sub(1)..reported.min(lines.len())]
                                );
                            }
                        }
                    }
                    _ => {
                        data += 1;
                        if !names_a_place(&messages[0]) {
                            problems
                                .push(format!("{name} case {case}: no place in `{}`", messages[0]));
                        }
                        // A record named must be the damaged one, or one after it.
                        if let Some((list, n)) = record_named(&messages[0]) {
                            match first_changed(seed, &text, list) {
                                Some(first) if n < first => problems.push(format!(
                                    "{name} case {case}: `{}` named, but {list} {} is the first that changed",
                                    messages[0],
                                    first + 1
                                )),
                                Some(first) if n == first => exact += 1,
                                _ => {}
                            }
                        }
                    }
                }
            }
        }
    }
    eprintln!(
        "fuzz: {} cases in {:.1} s: {fine} imported, {syntax} broken JSON ({far} reported more than two lines after the damage), {data} other errors ({exact} naming exactly the damaged record)",
        CASES * seeds.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Almost every syntax error is placed at its damage; a deleted bracket can only be
    // noticed where the structure fails, which may be a few lines on.
    assert!(
        far * 50 <= syntax,
        "{far} of {syntax} syntax errors placed far from the damage"
    );
}

fn fuzz_content() {
    use lantern::content::{check_sources, Source, FILES};
    const CASES: usize = 300;
    let mut rng = Rng(0x0c04_7e77_u64);
    let mut problems = Vec::new();
    let started = std::time::Instant::now();
    let mut with_errors = 0;
    for case in 0..CASES {
        let (file_name, original) = FILES[case % FILES.len()];
        let (text, _) = mutate(original, &mut rng);
        let lines = text.lines().count() + 1;
        let sources: Vec<Source> = FILES
            .iter()
            .map(|(name, builtin)| Source {
                label: format!("content/{name}"),
                file_name: name,
                text: if *name == file_name {
                    std::borrow::Cow::Owned(text.clone())
                } else {
                    std::borrow::Cow::Borrowed(builtin)
                },
                overridden: None,
            })
            .collect();
        let result = std::panic::catch_unwind(|| check_sources(sources));
        let Ok((_, errors)) = result else {
            problems.push(format!("{file_name} case {case}: a panic"));
            continue;
        };
        with_errors += usize::from(!errors.is_empty());
        for e in errors.iter().filter(|e| e.file.ends_with(file_name)) {
            if e.line == 0 || e.line > lines {
                problems.push(format!(
                    "{file_name} case {case}: line {} of {lines}: {e}",
                    e.line
                ));
            }
        }
    }
    eprintln!(
        "fuzz: {CASES} content files in {:.1} s, {with_errors} with errors",
        started.elapsed().as_secs_f64()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Bytes that are not UTF-8 (a pipe from another program) are not a reason to lose
/// what was written: the entry is saved, the stray bytes kept as U+FFFD, and one line
/// says so.
#[test]
fn text_that_is_not_utf8_is_saved_with_its_stray_bytes_marked() {
    let d = Diary::new();
    let run = Run::of(
        d.cmd()
            .args(["write", "--title", "Bytes"])
            .write_stdin(b"kept words \xff\xfe and more\n".to_vec()),
    )
    .success();
    assert!(
        run.stderr.contains("not text (not UTF-8)"),
        "{}",
        run.stderr
    );
    let id = saved_id(&run.stdout).to_string();
    let shown = d.ok(&["show", &id]);
    assert!(
        shown.contains("kept words \u{FFFD}\u{FFFD} and more"),
        "{shown}"
    );
}

/// An editor that, while "open", lets another window save the same entry, then writes
/// its own words.
const RACING_EDITOR: &str = r#"#!/bin/sh
sleep 1.1
printf 'Title: shared\n\nWords from the other window.\n' | "$LANTERN" --data-dir "$DIARY" edit 1 >/dev/null
printf 'Title: shared\n\nWords from this editor.\n' > "$1"
"#;

#[test]
fn an_edit_saved_elsewhere_while_the_editor_was_open_keeps_both_versions() {
    if !std::path::Path::new("/usr/bin/script").exists() {
        eprintln!("skipping: needs script(1) for a terminal");
        return;
    }
    let d = Diary::new();
    d.write(&["--title", "shared"], "The start.");
    let editor = d.scratch("racing-editor.sh");
    fs::write(&editor, RACING_EDITOR).expect("write the editor");
    fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("make the editor runnable");
    let inner = format!("{} --data-dir {} edit 1", bin().display(), d.dir.display());
    // `script` gives `lantern edit` a terminal, so it opens the editor.
    let out = std::process::Command::new("/usr/bin/script")
        .args(["-qec", &inner, "/dev/null"])
        .clean_env()
        .env("EDITOR", &editor)
        .env("LANTERN", bin())
        .env("DIARY", &d.dir)
        .stdin(Stdio::null())
        .output()
        .expect("script runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("saved as a new entry"), "{said}");
    assert!(d.ok(&["search", "other", "window"]).contains("shared"));
    assert!(d.ok(&["search", "this", "editor"]).contains("shared"));
}
