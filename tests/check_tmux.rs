//! The confidentiality check from the app's reader, in a real terminal at 80×24: a
//! health visitor opens yesterday's entry, presses `c`, keeps the one detail she means
//! to keep, replaces the rest in the entry, and the diary holds placeholders where the
//! postcode and the NHS number were.

mod support;

use support::e2e::Diary;
use support::tmux::{require_tmux, App, NO_CHECK_IN, WAIT};

const PLANTED: &str = "Saw baby Ellie at LS6 2AB today. NHS 943 476 5919 was on the red book.";

#[test]
fn the_reader_checks_an_entry_and_replaces_the_chosen_details_in_it() {
    require_tmux!();
    let diary = Diary::initialised();
    diary.cli_ok_stdin(&["write", "--title", "A visit"], PLANTED);

    let app = App::launch(&diary, "check");
    app.resize(80, 24);
    app.wait_for(NO_CHECK_IN);
    app.keys(&["d"]);
    app.wait_for("A visit");
    app.keys(&["Enter"]);
    app.wait_for_all(&["┌ A visit ", "c check"]);
    app.keys(&["c"]);
    let screen = app.wait_for_all(&[
        "Could identify someone",
        "3 details in this entry",
        "→ 1. Name, maybe (text)",
        "[Ellie]",
        "2. Postcode (text)",
        "3. NHS number (text)",
        "r replace in entry",
    ]);
    assert!(screen.contains("k keep"), "{screen}");
    // Ellie is the baby's first name only, and she chooses to keep it.
    app.keys(&["k"]);
    app.wait_until("the name kept and off the list", WAIT, |s| {
        s.contains("Kept as you wrote it.") && s.contains("→ 1. Postcode") && !s.contains("[Ellie]")
    });
    app.keys(&["a"]);
    let screen = app.wait_until("the entry changed", WAIT, |s| {
        s.contains("Replaced 2 details with placeholders in the entry.")
            && s.contains("[postcode]")
            && s.contains("[NHS number]")
    });
    assert!(!screen.contains("Could identify someone"), "{screen}");
    assert!(!screen.contains("LS6 2AB"), "{screen}");

    // Checking again asks only about what is left: the kept name.
    app.keys(&["c"]);
    app.wait_for_all(&["One detail in this entry", "[Ellie]"]);
    app.keys(&["Escape"]);
    app.wait_until("the box closed", WAIT, |s| {
        !s.contains("Could identify someone")
    });
    app.keys(&["q"]);
    app.wait_for("┌ Diary ");
    app.keys(&["q"]);
    app.quit_from_today();

    let shown = diary.cli_ok(&["show", "1"]);
    assert!(
        shown.contains("Saw baby Ellie at [postcode] today. NHS [NHS number] was on the red book."),
        "{shown}"
    );
}
