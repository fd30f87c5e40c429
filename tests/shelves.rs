//! Every part of the framework on the library's shelves: each readable kind has a
//! shelf, the app and `lantern library` list the same shelves in the same order, the
//! longer list scrolls calmly at 80×24, an item of each shelf opens and reads well,
//! and `lantern content check` refuses a kind left off every shelf or a shelf naming a
//! kind Lantern does not know.

mod support;

use crossterm::event::KeyCode;

use lantern::content::{self, Kind, MACHINERY};
use lantern::tui::app::{App, Screen};
use lantern::tui::screens::library::Row;

use support::cli::{built_in_content, content_check, lantern, ok, Run};
use support::tui::{app, ch, draw, key, press, screen_text};

/// Draws `app` at 80×24 and takes it as the snapshot `name`; returns its text.
fn snap_80x24(name: &str, app: &App) -> String {
    let terminal = draw(app, 80, 24);
    insta::assert_snapshot!(format!("{name}_80x24"), terminal.backend());
    screen_text(&terminal)
}

fn library(app: &App) -> &lantern::tui::screens::library::Library {
    match &app.screen {
        Screen::Library(l) => l,
        other => panic!("expected the library, got {}", other.name()),
    }
}

/// The headings of the app's library, in order.
fn app_headings(app: &App) -> Vec<String> {
    library(app)
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Heading(h) => Some(h.clone()),
            Row::Item(..) => None,
        })
        .collect()
}

#[test]
fn every_readable_kind_of_the_built_in_content_is_on_a_shelf() {
    let content = content::built_in();
    for kind in Kind::ALL.iter().filter(|k| k.is_readable()) {
        let shelf = content
            .library()
            .into_iter()
            .find(|s| s.known_kinds().contains(kind));
        let Some(shelf) = shelf else {
            panic!("kind `{}` is on no shelf", kind.name());
        };
        // A shelf says what its kind is, in words, and where that comes from.
        assert!(!shelf.summary.trim().is_empty(), "{}", shelf.id.as_ref());
        assert!(!shelf.source.trim().is_empty(), "{}", shelf.id.as_ref());
        assert!(
            !content.list(&[*kind]).is_empty(),
            "kind `{}` has no items to read",
            kind.name()
        );
    }
    // The kinds the app runs on stay off the shelves.
    for shelf in content.library() {
        for kind in shelf.known_kinds() {
            assert!(
                !MACHINERY.contains(&kind),
                "{} on {}",
                kind.name(),
                shelf.id.as_ref()
            );
        }
    }
}

#[test]
fn lantern_library_lists_every_shelf_in_the_order_the_app_shows_them() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = ok(lantern().arg("--data-dir").arg(dir.path()).arg("library"));
    let content = content::built_in();
    let shelves = content.library();
    let listed: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|id| shelves.iter().any(|s| s.id.as_ref() == id))
        .collect();
    let ids: Vec<&str> = shelves.iter().map(|s| s.id.as_ref().as_str()).collect();
    assert_eq!(listed, ids, "{out}");
    for shelf in &shelves {
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(shelf.id.as_ref().as_str()))
            .unwrap_or_else(|| panic!("{} in:\n{out}", shelf.id.as_ref()));
        assert!(line.contains(&shelf.name), "{line}");
        let count = content.shelf_items(shelf).len();
        assert!(line.ends_with(&format!("({count})")), "{line}");
    }
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");

    // The app shows the same shelves, in the same order, under their names.
    let mut app = app();
    press(&mut app, ch('l'));
    let names: Vec<String> = shelves.iter().map(|s| s.name.clone()).collect();
    assert_eq!(app_headings(&app), names);
}

#[test]
fn lantern_library_opens_a_shelf_and_reads_one_item_of_each_new_kind() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let library = |word: &str| {
        ok(lantern()
            .arg("--data-dir")
            .arg(dir.path())
            .args(["library", word]))
    };
    let values = library("values");
    assert!(values.starts_with("The 6Cs\n"), "{values}");
    assert!(values.contains("Courage  (value:courage)"), "{values}");

    // A table tool shows its columns and its rows.
    let tool = library("benchmarking-tool");
    assert!(
        tool.contains("Columns:\n  - Influence or control, and how significant?"),
        "{tool}"
    );
    assert!(
        tool.contains("Rows:\n  - Working well with change in my team"),
        "{tool}"
    );
    // A tool of questions shows each section as a heading with its questions.
    let lenses = library("tool:four-lenses-questions");
    assert!(lenses.contains("\nTeam:\n  - "), "{lenses}");
    assert!(lenses.contains("\nOrganisation:\n  - "), "{lenses}");
    // A guide numbers its steps.
    let guide = library("courageous-conversation-steps");
    assert!(guide.contains("Steps:\n  1. "), "{guide}");
    // A sign is headed by its group, its words below.
    let sign = library("sign-feeling-drained");
    assert!(sign.starts_with("Feeling\n\nTired"), "{sign}");
    // A system says how it feels.
    assert!(library("system:threat").contains("Feels like:"));
    for text in [&values, &tool, &lenses, &guide, &sign] {
        assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
        assert!(text.contains("Source: "), "{text}");
    }
}

#[test]
fn the_longer_library_scrolls_calmly_at_80x24() {
    let mut app = app();
    press(&mut app, ch('l'));
    let rows = library(&app).rows.len();
    assert!(
        rows > 22,
        "the shelves no longer fit one screen ({rows} rows)"
    );
    // Down to the very last item: the selection stays in view all the way.
    for _ in 0..rows {
        press(&mut app, key(KeyCode::Down));
        let lib = library(&app);
        let Row::Item(_, _, name) = &lib.rows[lib.selected] else {
            panic!("only items are selected");
        };
        let text = screen_text(&draw(&app, 80, 24));
        // A long name is cut at a word to fit; its start is what must show.
        let start: String = name.chars().take(40).collect();
        assert!(text.contains(start.trim_end()), "{name} in view:\n{text}");
        assert!(text.lines().all(|l| l.chars().count() == 80), "{text}");
    }
    let text = snap_80x24("library_end", &app);
    // The frame says quietly which way the rest of the shelves lie.
    let (top, bottom) = (text.lines().next(), text.lines().nth(21));
    assert!(top.is_some_and(|l| l.contains('↑')), "{text}");
    assert!(bottom.is_some_and(|l| !l.contains('↓')), "{text}");
    let mut first = support::tui::app();
    press(&mut first, ch('l'));
    let opened = screen_text(&draw(&first, 80, 24));
    assert!(
        opened.lines().next().is_some_and(|l| !l.contains('↑')),
        "{opened}"
    );
    assert!(
        opened.lines().nth(21).is_some_and(|l| l.contains('↓')),
        "{opened}"
    );
    let content = content::built_in();
    let last_shelf = content.library().last().copied().expect("a shelf");
    let last = content
        .shelf_items(last_shelf)
        .pop()
        .map(|(_, _, name)| name)
        .unwrap_or_default();
    assert!(text.contains(&last), "the last item, {last}, in\n{text}");
    // Tab walks the shelves from the top, one heading at a time.
    let mut app = support::tui::app();
    press(&mut app, ch('l'));
    let headings = app_headings(&app);
    for heading in headings.iter().skip(1) {
        press(&mut app, key(KeyCode::Tab));
        let text = screen_text(&draw(&app, 80, 24));
        assert!(text.contains(heading.as_str()), "{heading}:\n{text}");
    }
}

/// Opens the first item on the shelf with this id, as a person would: Tab to its
/// heading, Enter.
fn open_first_on(app: &mut App, shelf: &str) -> String {
    press(app, ch('l'));
    let content = content::built_in();
    let shelves = content.library();
    let index = shelves
        .iter()
        .position(|s| s.id.as_ref() == shelf)
        .unwrap_or_else(|| panic!("no shelf {shelf}"));
    for _ in 0..index {
        press(app, key(KeyCode::Tab));
    }
    let lib = library(app);
    let Row::Item(kind, id, _) = lib.rows[lib.selected].clone() else {
        panic!("an item is selected");
    };
    press(app, key(KeyCode::Enter));
    match &app.screen {
        Screen::Topic(t) => assert_eq!(t.reference, format!("{}:{id}", kind.name())),
        other => panic!("expected a topic, got {}", other.name()),
    }
    format!("{}:{id}", kind.name())
}

#[test]
fn an_item_of_each_new_shelf_opens_and_reads_at_80x24() {
    for shelf in [
        "about",
        "values",
        "emotion-systems",
        "templates",
        "signs",
        "factors",
        "stresses",
        "outcomes",
        "conversations",
        "principles",
        "dimensions",
        "leaders-tools",
        "for-leaders",
    ] {
        let mut app = app();
        let reference = open_first_on(&mut app, shelf);
        let text = snap_80x24(&format!("shelf_{shelf}"), &app);
        let plain = content::built_in()
            .show_plain(&reference)
            .unwrap_or_default();
        let title = plain.lines().next().unwrap_or_default();
        assert!(text.contains(title), "{reference}: {title} in\n{text}");
        // Its first words are on the page, not lost below the fold.
        let first = plain
            .lines()
            .skip(1)
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        let start: String = first.trim().chars().take(30).collect();
        assert!(text.contains(&start), "{reference}: `{start}` in\n{text}");
    }
}

#[test]
fn a_table_tool_and_a_tool_of_questions_read_in_full_in_the_app() {
    let mut app = app();
    let reference = open_first_on(&mut app, "leaders-tools");
    assert_eq!(reference, "tool:benchmarking-tool");
    let text = screen_text(&draw(&app, 80, 24));
    assert!(text.contains("Columns:"), "{text}");
    assert!(
        text.contains("Influence or control, and how significant?"),
        "{text}"
    );
    // The rows are further down; the reader scrolls to them.
    for _ in 0..12 {
        press(&mut app, key(KeyCode::Down));
    }
    let text = screen_text(&draw(&app, 80, 24));
    assert!(text.contains("Looking after myself"), "{text}");

    let content = content::built_in();
    let lenses = content
        .show_plain("tool:four-lenses-questions")
        .unwrap_or_default();
    for section in ["Self:", "Supervisor or leader:", "Team:", "Organisation:"] {
        assert!(
            lenses.lines().any(|l| l == section),
            "{section} in\n{lenses}"
        );
    }
}

// ---------------------------------------------------------------------------------
// Content check

/// A folder holding `library.toml` as `text`; `lantern content check` on it.
fn check_library(text: &str) -> Run {
    let run = content_check("library.toml", text);
    assert_eq!(run.code, Some(1), "{}\n{}", run.stdout, run.stderr);
    run
}

fn built_in_library() -> String {
    built_in_content("library.toml")
}

/// `line:column` (1-based) of the last `marker` in `text`.
fn line_of(text: &str, marker: &str) -> String {
    let at = text.rfind(marker).expect("the marker");
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    format!("{line}:{column}")
}

#[test]
fn content_check_names_a_readable_kind_left_off_every_shelf() {
    let text = built_in_library().replace("kinds = [\"value\"]", "kinds = [\"point\"]");
    let run = check_library(&text);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("kind `value`"))
        .unwrap_or_else(|| panic!("the value kind named in:\n{}", run.stdout));
    assert!(line.contains("library.toml:1:1: "), "{line}");
    assert!(line.contains("on no shelf"), "{line}");
    assert!(line.contains("skills.toml"), "where its items live: {line}");
}

#[test]
fn content_check_names_a_shelf_with_an_unknown_or_machinery_kind_at_its_line() {
    let text = built_in_library().replace("kinds = [\"value\"]", "kinds = [\"value\", \"vaule\"]");
    let run = check_library(&text);
    let at = line_of(&text, "\"vaule\"");
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains(&format!("library.toml:{at}: ")))
        .unwrap_or_else(|| panic!("a problem at {at} in:\n{}", run.stdout));
    assert!(line.contains("shelf `values` names kind `vaule`"), "{line}");
    assert!(line.contains("readable kinds are"), "{line}");

    let text = built_in_library().replace("kinds = [\"value\"]", "kinds = [\"value\", \"rule\"]");
    let run = check_library(&text);
    let at = line_of(&text, "\"rule\"");
    assert!(
        run.stdout
            .lines()
            .any(|l| l.contains(&format!("library.toml:{at}: ")) && l.contains("kind `rule`")),
        "{}",
        run.stdout
    );
}

#[test]
fn a_sign_is_read_not_marked_practised() {
    let mut app = app();
    let reference = open_first_on(&mut app, "signs");
    assert!(reference.starts_with("sign:"), "{reference}");
    assert!(press(&mut app, ch('p')).is_empty(), "nothing is logged");
    let text = screen_text(&draw(&app, 80, 24));
    assert!(!text.contains("practised"), "{text}");
    // A skill still is.
    let mut app = support::tui::app();
    open_first_on(&mut app, "skills");
    assert!(!press(&mut app, ch('p')).is_empty());
}
