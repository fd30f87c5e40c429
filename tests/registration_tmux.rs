//! From a diary entry to NMC-shaped evidence with nothing identifiable in it, in a
//! real terminal at 80×24: a health visitor writes a reflection, turns it into a
//! reflective account in the app ("use this reflection"), sees her cycle on My
//! registration, exports it, and the check, finding the NHS number and postcode she
//! brought in from the entry, asks first; the Word document and the Markdown export
//! hold her answers and not the identifiers.

mod support;

use std::fs;
use std::io::{Read as _, Write as _};

use support::e2e::Diary;
use support::tmux::{require_tmux, App, NO_CHECK_IN, WAIT};

const ENTRY: &str = "A hard visit at LS6 2AB. NHS 943 476 5919 was on the red book.";

fn docx_body(path: &std::path::Path) -> String {
    let file = fs::File::open(path).expect("the docx");
    let mut zip = zip::ZipArchive::new(file).expect("a docx is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("its body")
        .read_to_string(&mut xml)
        .expect("utf-8");
    // The words only, with a space where each tag was.
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn a_reflection_becomes_an_account_and_leaves_as_a_checked_word_document() {
    require_tmux!();
    let diary = Diary::initialised();
    let mut config = fs::OpenOptions::new()
        .append(true)
        .open(diary.dir().join("config.toml"))
        .expect("the settings lantern init wrote");
    writeln!(config, "registration = \"nmc\"\nrenewal = \"2027-05-31\"").expect("settings");
    diary.cli_ok_stdin(&["write", "--title", "A hard visit"], ENTRY);
    let home = diary.folder("home");

    let app = App::launch_with(&diary, "registration", &[("HOME", &home)]);
    app.resize(80, 24);
    app.wait_for(NO_CHECK_IN);
    app.keys(&["d"]);
    app.wait_for("A hard visit");
    app.keys(&["Enter"]);
    app.wait_for("u use for account");
    app.keys(&["u"]);
    app.wait_for_all(&[
        "Reflective account for the NMC",
        "1 of 4",
        "Ctrl-O brings in your entry's words",
    ]);
    // Her entry's words are offered, and brought in only when she asks.
    assert!(!app.screen().contains("LS6 2AB"));
    app.keys(&["C-o"]);
    app.wait_for("A hard visit at LS6 2AB.");
    app.keys(&["C-n"]);
    app.wait_for("2 of 4");
    app.type_text("To ask before advising.");
    app.keys(&["C-n"]);
    app.wait_for("3 of 4");
    app.type_text("Longer first visits.");
    app.keys(&["C-n"]);
    app.wait_for_all(&["4 of 4", "Name the themes it touches"]);
    app.type_text("Preserve safety.");
    app.keys(&["C-s"]);
    app.wait_for("Saved reflective account #1. Your entry is as it was.");
    app.keys(&["q"]);
    app.wait_for("┌ Diary ");
    app.keys(&["q"]);

    // My registration: the cycle in calm words.
    app.wait_for(NO_CHECK_IN);
    app.keys(&["v"]);
    let screen = app.wait_for_all(&[
        "My registration",
        "Nursing and Midwifery Council",
        "This cycle: 1 June 2024 to 31 May 2027.",
        "1 of 5 reflective accounts",
        "Renewal on 31 May 2027.",
        "Reflective account: A hard visit",
    ]);
    assert!(
        !screen.contains("overdue") && !screen.contains("missing"),
        "{screen}"
    );
    // The export asks first: the check found what came in from the entry.
    app.keys(&["e"]);
    app.wait_for_all(&[
        "Before it is shared",
        "2 details could identify someone",
        "Postcode",
        "NHS number",
        "r replace them and write",
    ]);
    assert_eq!(
        fs::read_dir(&home).expect("home").count(),
        0,
        "nothing written yet"
    );
    app.keys(&["r"]);
    app.wait_until("the export saved", WAIT, |s| {
        s.contains("Saved (only you can read it)")
    });
    app.keys(&["q"]);
    app.quit_from_today();

    let written: Vec<_> = fs::read_dir(&home)
        .expect("home")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let docx = &written[0];
    assert!(docx.to_string_lossy().ends_with(".docx"), "{docx:?}");
    let text = docx_body(docx);
    for kept in [
        "To ask before advising.",
        "Longer first visits.",
        "\u{2612} Preserve safety",
    ] {
        assert!(text.contains(kept), "{kept}: {text}");
    }
    for gone in ["LS6 2AB", "943 476 5919"] {
        assert!(!text.contains(gone), "{gone}: {text}");
    }
    assert!(
        text.contains("[postcode]") && text.contains("[NHS number]"),
        "{text}"
    );

    // The same evidence as Markdown from the command line, checked the same way.
    let md = diary.root.path().join("evidence.md");
    diary.cli_ok(&[
        "revalidation",
        "export",
        "--replace",
        "all",
        "-o",
        md.to_str().expect("utf-8"),
    ]);
    let md = fs::read_to_string(&md).expect("the Markdown");
    assert!(
        md.contains("To ask before advising.") && md.contains("- [x] Preserve safety"),
        "{md}"
    );
    assert!(
        !md.contains("LS6 2AB") && !md.contains("943 476 5919"),
        "{md}"
    );
    // The entry itself is as she wrote it.
    assert!(diary.cli_ok(&["show", "1"]).contains("LS6 2AB"));
}
