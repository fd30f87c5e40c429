//! Screen-reader mode, driven in tmux as a person with a terminal screen reader would
//! meet it: the reader follows the terminal cursor, so the cursor must rest on what is
//! selected, and the top line must say where you are.

mod support;

use std::path::Path;

use support::e2e::Diary;
use support::tmux::{require_tmux, App};

/// The line of the screen the terminal cursor is on, and whether the cursor shows.
fn cursor_line(app: &App) -> (String, bool) {
    let at = app.display("#{cursor_y} #{cursor_flag}");
    let mut parts = at.split(' ');
    let y: usize = parts
        .next()
        .and_then(|y| y.parse().ok())
        .unwrap_or(usize::MAX); // ok: test
    let shown = parts.next() == Some("1");
    let screen = app.screen();
    let line = screen.lines().nth(y).unwrap_or("").to_string();
    (line, shown)
}

fn top_line(app: &App) -> String {
    app.screen().lines().next().unwrap_or("").trim().to_string()
}

/// Waits until the cursor's line holds `expected` (drawing and the cursor settle
/// together, but the capture may land between two frames).
fn wait_cursor_on(app: &App, expected: &str) -> String {
    let deadline = std::time::Instant::now() + support::tmux::WAIT;
    loop {
        let (line, shown) = cursor_line(app);
        if shown && line.contains(expected) {
            return line;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the cursor never rested on {expected:?}; it is on {line:?} (shown: {shown})\n{}",
            app.screen()
        );
        std::thread::sleep(support::tmux::POLL);
    }
}

#[test]
fn the_cursor_follows_the_selection_and_the_top_line_names_the_screen() {
    require_tmux!();
    let diary = Diary::initialised();
    let app = App::launch_with(
        &diary,
        "screen-reader",
        &[("LANTERN_SCREEN_READER", Path::new("1"))],
    );
    app.wait_for("No check-in yet today");
    assert_eq!(top_line(&app), "Today");

    app.keys(&["l"]);
    app.wait_for("Being in the now");
    assert_eq!(top_line(&app), "Library");
    wait_cursor_on(&app, "Self-compassion");
    app.keys(&["Down"]);
    wait_cursor_on(&app, "Being in the now");
    app.keys(&["Down"]);
    wait_cursor_on(&app, "Expressing vulnerability");

    // A box over the screen: named on top, the cursor at its text.
    app.keys(&["?"]);
    app.wait_until("the help box", support::tmux::WAIT, |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.contains("Keys: Library"))
    });
    wait_cursor_on(&app, "│");
    app.escape();

    // Typing: the cursor is where the next letter goes.
    app.keys(&["Escape"]);
    app.wait_for("No check-in yet today");
    app.keys(&["/"]);
    app.wait_until("search", support::tmux::WAIT, |s| {
        s.lines().next().is_some_and(|l| l.trim() == "Search")
    });
    app.type_text("sup");
    app.wait_for("sup");
    let at = app.display("#{cursor_x}");
    let (line, shown) = cursor_line(&app);
    assert!(shown, "the cursor shows while typing");
    let x: usize = at.parse().unwrap_or(0); // ok: test
    let before: String = line.chars().take(x).collect();
    assert!(
        before.trim_end().ends_with("sup"),
        "the cursor sits just after what was typed: {line:?} at {x}"
    );
}

#[test]
fn a_dumb_terminal_turns_it_on_and_without_it_the_cursor_stays_hidden() {
    require_tmux!();
    let diary = Diary::initialised();
    let app = App::launch_with(&diary, "screen-reader-dumb", &[("TERM", Path::new("dumb"))]);
    app.wait_for("No check-in yet today");
    assert_eq!(top_line(&app), "Today");
    app.keys(&["q"]);
    app.wait_exit();

    let plain = App::launch(&diary, "screen-reader-off");
    plain.wait_for("No check-in yet today");
    plain.keys(&["l"]);
    plain.wait_for("Being in the now");
    assert_ne!(
        top_line(&plain),
        "Library",
        "no extra top line without the mode"
    );
    let (_, shown) = cursor_line(&plain);
    assert!(!shown, "the cursor is hidden on a list without the mode");
}

#[test]
fn the_cursor_leaves_a_field_once_the_keys_are_on_its_list() {
    require_tmux!();
    let diary = Diary::initialised();
    diary.cli_ok_stdin(
        &["write", "--title", "tea with a colleague"],
        "tea helped\n",
    );
    diary.cli_ok_stdin(&["write", "--title", "tea at the desk"], "more tea\n");
    let app = App::launch_with(
        &diary,
        "screen-reader-lists",
        &[("LANTERN_SCREEN_READER", Path::new("1"))],
    );
    app.wait_for("No check-in yet today");

    // The plan's suggestions: once Tab moves the keys onto the list, the reader
    // follows the suggestion under the cursor, not the text box.
    app.keys(&["p"]);
    app.wait_for("My compassionate resilience plan");
    app.keys(&["Enter"]);
    app.wait_for("Suggestions to pick from");
    app.keys(&["Tab"]);
    app.wait_for("adds or takes out");
    wait_cursor_on(&app, "[ ]");
    app.keys(&["j"]);
    let second = app
        .screen()
        .lines()
        .filter(|l| l.contains("[ ]"))
        .nth(1)
        .map(|l| l.trim_matches(|c| c == '│' || c == ' ').to_string())
        .unwrap_or_default(); // ok: test
    wait_cursor_on(&app, &second);
    app.keys(&["Tab"]);
    app.wait_for("Suggestions to pick from");
    wait_cursor_on(&app, "│ │");
    app.escape();
    app.escape();
    app.wait_for("No check-in yet today");

    // Search: Down moves into the results and the reader goes with it; typing
    // brings it back to the query.
    app.keys(&["/"]);
    app.wait_until("search", support::tmux::WAIT, |s| {
        s.lines().next().is_some_and(|l| l.trim() == "Search")
    });
    app.type_text("tea");
    app.wait_for_all(&["tea with a colleague", "tea at the desk"]);
    app.keys(&["Down"]);
    let titles = ["tea with a colleague", "tea at the desk"];
    // Before Down the cursor is in the query, so the first result it rests on is the
    // second one; Up takes it to the other.
    let second = wait_cursor_on_any(&app, &titles);
    let other = titles
        .iter()
        .find(|t| !second.contains(*t))
        .expect("one title is not on the cursor's line"); // ok: test
    app.keys(&["Up"]);
    wait_cursor_on(&app, other);
    app.type_text(" ");
    let deadline = std::time::Instant::now() + support::tmux::WAIT;
    loop {
        let (line, shown) = cursor_line(&app);
        if shown && line.contains("tea") && !titles.iter().any(|t| line.contains(t)) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "typing did not bring the cursor back to the query: {line:?}\n{}",
            app.screen()
        );
        std::thread::sleep(support::tmux::POLL);
    }
}

/// Waits until the cursor's line holds one of `expected`; returns the line.
fn wait_cursor_on_any(app: &App, expected: &[&str]) -> String {
    let deadline = std::time::Instant::now() + support::tmux::WAIT;
    loop {
        let (line, shown) = cursor_line(app);
        if shown && expected.iter().any(|e| line.contains(e)) {
            return line;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the cursor never rested on any of {expected:?}; it is on {line:?}\n{}",
            app.screen()
        );
        std::thread::sleep(support::tmux::POLL);
    }
}
