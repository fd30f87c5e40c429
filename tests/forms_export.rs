//! `lantern revalidation export` and `lantern cpd export` as a health visitor uses
//! them: the check stops an export that holds an NHS number or a postcode until she
//! chooses, the file is owner-only, the Word document opens (every part is sound XML,
//! and pandoc reads it back), and the shared text holds her answers and none of the
//! details she chose to replace.

mod support;

use std::fs;
use std::io::Read as _;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::Command;

use support::cli::Diary;

const HAPPENED: &str =
    "Visited a baby at 12 Acacia Road, LS6 2AB; NHS 943 476 5919 was in the red book.";
const LEARNT: &str = "I learnt to slow down and ask before advising.";

/// A diary on the NMC register with one of each record; the account holds a planted
/// street address, postcode and NHS number.
fn nmc() -> Diary {
    let diary = Diary::new();
    let config = diary.dir.join("config.toml");
    let mut text = fs::read_to_string(&config).unwrap_or_default();
    text.push_str("\nregistration = \"nmc\"\nrenewal = \"2027-05-31\"\n");
    fs::write(&config, text).expect("write config.toml");
    let happened = format!("what-happened={HAPPENED}");
    let learnt = format!("what-learnt={LEARNT}");
    diary.ok(&[
        "revalidation",
        "account",
        "add",
        "--title",
        "A visit that stayed with me",
        "--answer",
        &happened,
        "--answer",
        &learnt,
        "--code",
        "preserve-safety",
    ]);
    diary.ok(&[
        "cpd",
        "add",
        "--hours",
        "3",
        "--participatory",
        "--topic",
        "Infant feeding workshop",
        "--method",
        "workshop",
        "--learnt",
        "Responsive feeding cues",
        "--peer",
    ]);
    diary.ok(&[
        "revalidation",
        "feedback",
        "add",
        "--from",
        "a family",
        "--summary",
        "A card thanking the team",
    ]);
    diary.ok(&[
        "revalidation",
        "discussion",
        "add",
        "--name",
        "Sam Okafor",
        "--pin",
        "12A3456E",
        "--on",
        "2026-11-20",
    ]);
    diary
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("a utf-8 path") // ok: test
}

#[track_caller]
fn assert_private(path: &Path) {
    let mode = fs::metadata(path).expect("the export").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{} is owner-only", path.display());
}

#[track_caller]
fn assert_shared_safely(text: &str) {
    assert!(text.contains(LEARNT), "the answers are there:\n{text}");
    assert!(text.contains("Infant feeding workshop"), "{text}");
    for identifier in ["943 476 5919", "LS6 2AB", "Acacia"] {
        assert!(!text.contains(identifier), "{identifier} left in:\n{text}");
    }
    assert!(
        text.contains("[postcode]") && text.contains("[NHS number]"),
        "{text}"
    );
}

/// Every XML part of a .docx, checked to be well formed; the text of its body.
fn docx_text(path: &Path) -> String {
    let file = fs::File::open(path).expect("the docx");
    let mut zip = zip::ZipArchive::new(file).expect("a docx is a zip");
    let mut body = String::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("a part");
        let name = part.name().to_string();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut xml = String::new();
        part.read_to_string(&mut xml).expect("utf-8 XML");
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut depth = 0i32;
        let mut text = String::new();
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Start(_)) => depth += 1,
                Ok(quick_xml::events::Event::End(e)) => {
                    depth -= 1;
                    if e.name().as_ref() == b"w:p" {
                        text.push('\n');
                    }
                }
                Ok(quick_xml::events::Event::Text(t)) => {
                    text.push_str(&t.xml10_content().expect("text decodes"))
                }
                Ok(quick_xml::events::Event::GeneralRef(r)) => {
                    text.push_str(match &*r as &[u8] {
                        b"lt" => "<",
                        b"gt" => ">",
                        b"amp" => "&",
                        b"quot" => "\"",
                        b"apos" => "'",
                        other => panic!("{name}: an unexpected entity {other:?}"),
                    })
                }
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed XML: {e}"),
            }
        }
        assert_eq!(depth, 0, "{name}: every element closes");
        if name == "word/document.xml" {
            body = text;
        }
    }
    assert!(!body.is_empty(), "the document has a body");
    body
}

#[test]
fn an_export_holding_identifiers_writes_nothing_until_the_person_chooses() {
    let diary = nmc();
    let out = diary.scratch("evidence.md");
    let run = diary.run(&["revalidation", "export", "-o", path_arg(&out)]);
    assert_eq!(run.code, Some(3), "found: exit 3\n{}", run.stdout);
    for part in [
        "3 details could identify someone",
        "1. Street address (Reflective account 1 of 1, answer 1)",
        "[LS6 2AB]",
        "[943 476 5919]",
        "Nothing was written.",
        "--replace all",
    ] {
        assert!(run.stdout.contains(part), "{part}:\n{}", run.stdout);
    }
    assert!(!out.exists(), "nothing written before the person chooses");
    // The registrant's name and PIN are asked for by the form: never flagged.
    assert!(!run.stdout.contains("Okafor"), "{}", run.stdout);
}

#[test]
fn markdown_with_every_finding_replaced_holds_the_answers_and_no_identifier() {
    let diary = nmc();
    let out = diary.scratch("evidence.md");
    let said = diary.ok(&[
        "revalidation",
        "export",
        "-o",
        path_arg(&out),
        "--replace",
        "all",
    ]);
    assert!(
        said.contains("Replaced 3 details with placeholders in the export"),
        "{said}"
    );
    assert!(said.contains("Wrote"), "{said}");
    assert_private(&out);
    let text = fs::read_to_string(&out).expect("the export");
    assert_shared_safely(&text);
    for part in [
        "## Reflective account 1 of 1",
        "- [x] Preserve safety",
        "- [ ] Prioritise people",
        "## CPD log",
        "| Dates | Method | Topic | Hours | Of which participatory |",
        "In all: 3 hours, 3 of them participatory.",
        "## Practice-related feedback",
        "**Name of the registrant:** Sam Okafor",
        "**Their registration number (PIN):** 12A3456E",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
    // The record itself is unchanged: only what is shared was replaced.
    let again = diary.run(&["revalidation", "export"]);
    assert_eq!(again.code, Some(3), "{}", again.stdout);
    assert!(again.stdout.contains("[LS6 2AB]"), "{}", again.stdout);
}

#[test]
fn replacing_some_findings_keeps_the_others_and_keep_shares_them_as_written() {
    let diary = nmc();
    let some = diary.scratch("some.md");
    let said = diary.ok(&[
        "revalidation",
        "export",
        "-o",
        path_arg(&some),
        "--replace",
        "2,3",
    ]);
    assert!(said.contains("kept 1 as you wrote"), "{said}");
    let text = fs::read_to_string(&some).expect("the export");
    assert!(
        text.contains("12 Acacia Road") && !text.contains("LS6 2AB"),
        "{text}"
    );

    let all = diary.scratch("all.md");
    let said = diary.ok(&["revalidation", "export", "-o", path_arg(&all), "--keep"]);
    assert!(said.contains("kept as you wrote them"), "{said}");
    let text = fs::read_to_string(&all).expect("the export");
    assert!(text.contains(HAPPENED), "{text}");
}

#[test]
fn the_word_document_opens_with_one_page_per_account_and_no_identifier() {
    let diary = nmc();
    let out = diary.scratch("evidence.docx");
    diary.ok(&[
        "revalidation",
        "export",
        "-o",
        path_arg(&out),
        "--replace",
        "all",
    ]);
    assert_private(&out);
    let text = docx_text(&out);
    assert_shared_safely(&text);
    assert!(text.contains("\u{2612} Preserve safety"), "{text}");
    assert!(text.contains("\u{2610} Prioritise people"), "{text}");
    assert!(
        text.contains("Sam Okafor") && text.contains("12A3456E"),
        "{text}"
    );
    let document = {
        let file = fs::File::open(&out).expect("the docx");
        let mut zip = zip::ZipArchive::new(file).expect("a zip");
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .expect("the body part")
            .read_to_string(&mut xml)
            .expect("utf-8");
        xml
    };
    assert!(
        document.contains("<w:pageBreakBefore"),
        "accounts and logs start new pages"
    );
    assert!(document.contains("<w:tbl>"), "the logs are tables");

    // pandoc, as another program a person might open it with, reads it back. CI installs
    // it; a machine without it has checked the XML above.
    match Command::new("pandoc")
        .arg(&out)
        .args(["-t", "plain"])
        .output()
    {
        Ok(read) => {
            assert!(
                read.status.success(),
                "{}",
                String::from_utf8_lossy(&read.stderr)
            );
            let plain = String::from_utf8_lossy(&read.stdout).replace('\n', " ");
            assert!(plain.contains("slow down and ask"), "{plain}");
            assert!(!plain.contains("LS6 2AB"), "{plain}");
        }
        Err(_) if std::env::var_os("CI").is_some() => panic!("CI installs pandoc"),
        Err(_) => eprintln!("pandoc is not installed here; the XML was checked"),
    }
}

#[test]
fn control_characters_and_markup_in_answers_still_make_a_sound_document() {
    let diary = nmc();
    diary.ok(&[
        "revalidation",
        "account",
        "add",
        "--answer",
        "what-happened=A bell\u{7} and <b>tags</b> & \"quotes\"",
    ]);
    let out = diary.scratch("odd.docx");
    diary.ok(&[
        "revalidation",
        "export",
        "-o",
        path_arg(&out),
        "--replace",
        "all",
    ]);
    let text = docx_text(&out);
    assert!(
        text.contains("A bell  and <b>tags</b> & \"quotes\""),
        "{text}"
    );
}

#[test]
fn cpd_text_is_field_by_field_for_pasting_and_a_closed_pipe_is_calm() {
    let diary = nmc();
    let text = diary.ok(&["cpd", "export"]);
    for part in [
        "CPD record 1 of 1\n",
        "Type of activity: workshop\n",
        "Description: Infant feeding workshop\n",
        "Hours: 3\n",
        "What I learnt: Responsive feeding cues\n",
        "Reflected on with a peer: yes\n",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
    let out = diary.scratch("cpd.txt");
    diary.ok(&["cpd", "export", "-o", path_arg(&out)]);
    assert_private(&out);
    assert_eq!(fs::read_to_string(&out).expect("the export"), text);

    let piped = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{} --data-dir {} cpd export | head -1",
            support::cli::bin().display(),
            diary.dir.display()
        ))
        .output()
        .expect("sh runs");
    let stderr = String::from_utf8_lossy(&piped.stderr);
    assert!(stderr.is_empty(), "a closed pipe is calm: {stderr}");
}

#[test]
fn each_slip_is_one_clear_line_and_nothing_is_written() {
    let diary = nmc();
    let out = diary.scratch("evidence.docx");
    let target = path_arg(&out);
    let cases: &[(&[&str], &str)] = &[
        (
            &["revalidation", "export", "--format", "docx"],
            "needs a file: add -o FILE.docx",
        ),
        (
            &["revalidation", "export", "-o", "evidence.pdf"],
            "--format docx, markdown or text",
        ),
        (
            &["revalidation", "export", "-o", target, "--replace", "9"],
            "there is no finding 9; the check lists 1 to 3",
        ),
        (
            &["revalidation", "export", "-o", target, "--replace", "two"],
            "takes `all` or finding numbers",
        ),
    ];
    for (args, says) in cases {
        let run = diary.run(args).one_line_error();
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    }
    assert!(!out.exists());
    // A file in the way is kept unless --force is given.
    fs::write(&out, "mine").expect("a file");
    let run = diary
        .run(&["revalidation", "export", "-o", target, "--keep"])
        .one_line_error();
    assert!(run.stderr.contains("add --force"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&out).expect("kept"), "mine");
    diary.ok(&["revalidation", "export", "-o", target, "--keep", "--force"]);
    assert!(docx_text(&out).contains(LEARNT));

    // No registration set: how to set one.
    let fresh = Diary::new();
    let run = fresh.run(&["revalidation", "export"]).one_line_error();
    assert!(
        run.stderr.contains("No registration is set"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_export_onto_a_full_disk_leaves_no_partial_file() {
    use support::disk::require_full_disk;
    require_full_disk!(disk, 256);
    let diary = nmc();
    disk.fill();
    let out = disk.path.join("evidence.docx");
    let run = diary
        .run(&[
            "revalidation",
            "export",
            "-o",
            path_arg(&out),
            "--replace",
            "all",
        ])
        .one_line_error();
    assert!(!run.stderr.contains("Acacia"), "{}", run.stderr);
    let left: Vec<_> = fs::read_dir(&disk.path)
        .expect("the disk")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("evidence") || n.contains("lantern"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn export_check_stops_a_diary_export_holding_identifiers_and_replaces_them_when_asked() {
    let diary = Diary::new();
    let id = diary.write(
        &["--title", "Visit"],
        "Saw the baby at LS6 2AB. NHS 943 476 5919.",
    );
    diary.ok(&[
        "checkin",
        "-p",
        "3",
        "-e",
        "3",
        "-s",
        "6",
        "--note",
        "Rang 07700 900123 back",
    ]);
    let out = diary.scratch("shared.json");
    let run = diary.run(&["export", "--check", "-o", path_arg(&out)]);
    assert_eq!(run.code, Some(3), "{}", run.stdout);
    for part in [
        "3 details could identify someone",
        &format!("entry {id} (text): Postcode"),
        "(note): Phone number",
        "Nothing was written.",
    ] {
        assert!(run.stdout.contains(part), "{part}:\n{}", run.stdout);
    }
    assert!(!out.exists());

    diary.ok(&[
        "export",
        "--check",
        "--replace",
        "all",
        "-o",
        path_arg(&out),
    ]);
    assert_private(&out);
    let json = fs::read_to_string(&out).expect("the export");
    assert!(
        json.contains("[postcode]") && json.contains("[phone]"),
        "{json}"
    );
    for identifier in ["LS6 2AB", "943 476 5919", "07700 900123"] {
        assert!(!json.contains(identifier), "{identifier} left in:\n{json}");
    }
    let md = diary.ok(&[
        "export",
        "--check",
        "--replace",
        "all",
        "--format",
        "markdown",
    ]);
    assert!(!md.contains("LS6 2AB") && md.contains("postcode"), "{md}");
    // Without --check an export is the person's own copy, whole.
    assert!(diary.ok(&["export"]).contains("LS6 2AB"));
    assert!(diary.ok(&["show", &id.to_string()]).contains("LS6 2AB"));
    // Single details are replaced in the entry itself, not across a whole diary.
    let run = diary
        .run(&["export", "--check", "--replace", "1"])
        .one_line_error();
    assert!(run.stderr.contains("--replace-in-entry"), "{}", run.stderr);
    diary.run(&["export", "--replace", "all"]).failure();
}

#[test]
fn an_export_replaces_only_ordinary_files_never_a_pipe_a_folder_or_the_settings() {
    let diary = nmc();
    // A named pipe stands in for a device such as /dev/null: never replaced by a file.
    let pipe = diary.scratch("pipe");
    let made = Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let args = |target: &Path| -> Vec<String> {
        [
            "revalidation",
            "export",
            "--replace",
            "all",
            "--force",
            "-f",
            "text",
            "-o",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([path_arg(target).to_string()])
        .collect()
    };
    let run_on = |target: &Path| {
        let owned = args(target);
        let refs: Vec<&str> = owned.iter().map(String::as_str).collect();
        diary.run(&refs)
    };
    let run = run_on(&pipe).one_line_error();
    assert!(
        run.stderr.contains("not an ordinary file"),
        "{}",
        run.stderr
    );
    use std::os::unix::fs::FileTypeExt as _;
    assert!(fs::symlink_metadata(&pipe)
        .expect("still there")
        .file_type()
        .is_fifo());

    let run = run_on(&diary.dir).one_line_error();
    assert!(run.stderr.contains("is a folder"), "{}", run.stderr);

    let config = diary.dir.join("config.toml");
    let before = fs::read_to_string(&config).expect("config.toml");
    let run = run_on(&config).one_line_error();
    assert!(run.stderr.contains("settings file"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&config).expect("config.toml"), before);

    let inside_a_file = diary.scratch("plain.txt");
    fs::write(&inside_a_file, "mine").expect("a file");
    let run = run_on(&inside_a_file.join("x.docx")).one_line_error();
    assert!(
        run.stderr.contains("is a file, not a folder"),
        "{}",
        run.stderr
    );

    // A Word document Lantern wrote is an ordinary file: --force replaces it.
    let docx = diary.scratch("again.docx");
    diary.ok(&[
        "revalidation",
        "export",
        "--replace",
        "all",
        "-o",
        path_arg(&docx),
    ]);
    diary.ok(&[
        "revalidation",
        "export",
        "--replace",
        "all",
        "--force",
        "-o",
        path_arg(&docx),
    ]);
    let run = diary
        .run(&[
            "revalidation",
            "export",
            "--replace",
            "all",
            "-o",
            path_arg(&docx),
        ])
        .one_line_error();
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
}

#[test]
fn a_finding_and_a_mistyped_command_have_different_exit_statuses() {
    let diary = nmc();
    assert_eq!(diary.run(&["revalidation", "export"]).code, Some(3));
    assert_eq!(diary.run(&["check", "abc"]).code, Some(2));
    assert_eq!(diary.run(&["check", "99"]).code, Some(1));
}
