//! Faults, end to end: the real binary in tmux under steady typing and `kill -9`, Ctrl-C
//! and SIGINT mid check-in, a full disk, a huge paste and a search over a huge entry.
//! The harness is in `support/tmux.rs`; without tmux each test says so and passes.

mod support;

use std::fs;
use std::thread::sleep;
use std::time::Duration;

use support::disk::SmallDisk;
use support::e2e::Diary;
use support::tmux::{
    self, carry_on_with_draft, require_tmux, saved_entry_id, send_signal, start_reflective_entry,
    App, TODAY_FOOTER, WAIT,
};

/// Within this, a screen that must not freeze shows what it was asked for.
const RESPONSIVE: Duration = WAIT;

/// The words `w01 `, `w02 ` … `wNN ` that show on `screen`: the highest number.
fn last_word(screen: &str) -> usize {
    screen
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter_map(|w| w.strip_prefix('w')?.parse::<usize>().ok())
        .max()
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------------------
// Steady typing, then kill -9

#[test]
fn steady_typing_then_kill_9_loses_at_most_two_seconds() {
    require_tmux!();
    let diary = Diary::initialised();
    let mut app = App::launch(&diary, "steady");

    start_reflective_entry(&app);
    // Four words a second for ten seconds, never pausing as long as the autosave's pause.
    let words = 40;
    for i in 1..=words {
        app.type_text(&format!("w{i:02} "));
        sleep(Duration::from_millis(250));
    }
    // Once the app has taken every key, pull the plug at once.
    app.wait_for(&format!("w{words:02}"));
    send_signal(app.lantern_pid(), "KILL");
    let exit = app.wait_exit();
    assert_eq!(exit.status, 128 + 9, "killed by signal 9\n{}", exit.screen);

    app.relaunch();
    let screen = carry_on_with_draft(&app, "");
    let back = last_word(&screen);
    // Two seconds of typing is eight words; one more for the word being typed.
    assert!(
        words - back <= 9,
        "{} of {words} words lost (the last one back is w{back:02})\n{screen}",
        words - back
    );
    app.keys(&["C-s"]);
    app.wait_for("Saved entry #");
    app.quit_from_today();
}

#[test]
fn kill_9_right_after_ctrl_n_keeps_the_answer_just_left() {
    require_tmux!();
    let diary = Diary::initialised();
    let mut app = App::launch(&diary, "ctrl-n-kill");

    start_reflective_entry(&app);
    let words = "the answer I just left";
    app.type_text(words);
    app.wait_for(words);
    app.keys(&["C-n"]);
    app.wait_for("What thoughts keep coming back?");
    send_signal(app.lantern_pid(), "KILL");
    app.wait_exit();

    app.relaunch();
    let screen = app.wait_for(TODAY_FOOTER);
    assert!(
        screen.contains("Unfinished writing") && screen.contains(words),
        "the answer left with Ctrl-N was lost\n{screen}"
    );
}

// ---------------------------------------------------------------------------------------
// Ctrl-C and SIGINT in a check-in

/// From Today to the check-in's note (pleasantness 3, energy 7), with `note` typed.
fn check_in_with_note(app: &App, note: &str) {
    app.wait_for(TODAY_FOOTER);
    app.keys(&["c", "3", "7"]);
    for _ in 0..5 {
        app.keys(&["Tab"]);
    }
    app.wait_for("Anything to add?");
    app.type_text(note);
    app.wait_for(note);
}

/// After a relaunch: the check-in is offered back with its note; carrying on and
/// saving it stores the note.
fn carry_on_with_check_in(app: &mut App, diary: &Diary, note: &str) {
    let screen = app.wait_for(TODAY_FOOTER);
    assert!(
        screen.contains("Unfinished check-in") && screen.contains(note),
        "the check-in was not offered back\n{screen}"
    );
    app.keys(&["Enter"]);
    app.wait_for_all(&["Anything to add?", note]);
    app.keys(&["C-s"]);
    let screen = app.wait_for("Check-in saved");
    if screen.contains("Esc not now") {
        app.keys(&["Escape"]);
    }
    app.wait_until("Today without an overlay", WAIT, |s| {
        !s.contains("Esc not now") && s.contains("You checked in today")
    });
    app.quit_from_today();
    let export = diary.cli_ok(&["export"]);
    assert!(export.contains(note), "the note was not stored:\n{export}");
    // Done with: the next launch offers nothing.
    app.relaunch();
    let screen = app.wait_for(TODAY_FOOTER);
    assert!(!screen.contains("Unfinished"), "{screen}");
    app.quit_from_today();
}

#[test]
fn ctrl_c_mid_check_in_keeps_it_and_offers_it_back() {
    require_tmux!();
    let diary = Diary::initialised();
    let mut app = App::launch(&diary, "check-in-ctrl-c");

    let note = "the visit stayed with me";
    check_in_with_note(&app, note);
    app.keys(&["C-c"]);
    app.wait_exit().assert_clean();

    app.relaunch();
    carry_on_with_check_in(&mut app, &diary, note);
}

#[test]
fn kill_9_mid_check_in_note_keeps_it_but_the_last_two_seconds() {
    require_tmux!();
    let diary = Diary::initialised();
    let mut app = App::launch(&diary, "check-in-kill");

    let note = "the visit stayed";
    check_in_with_note(&app, note);
    // A pause longer than the autosave's, then the plug pulled.
    sleep(Duration::from_millis(2500));
    send_signal(app.lantern_pid(), "KILL");
    let exit = app.wait_exit();
    assert_eq!(exit.status, 128 + 9, "killed by signal 9\n{}", exit.screen);

    app.relaunch();
    carry_on_with_check_in(&mut app, &diary, note);
}

#[test]
fn sigint_mid_check_in_restores_the_terminal_and_keeps_it() {
    require_tmux!();
    let diary = Diary::initialised();
    let mut app = App::launch(&diary, "check-in-sigint");

    let note = "interrupted from outside";
    check_in_with_note(&app, note);
    send_signal(app.lantern_pid(), "INT");
    app.wait_exit().assert_clean();

    app.relaunch();
    carry_on_with_check_in(&mut app, &diary, note);
}

#[test]
fn sigint_while_writing_restores_the_terminal_and_keeps_the_draft() {
    require_tmux!();
    let diary = Diary::initialised();
    let mut app = App::launch(&diary, "sigint");

    start_reflective_entry(&app);
    let words = "a signal from another terminal";
    app.type_text(words);
    app.wait_for(words);
    send_signal(app.lantern_pid(), "INT");
    app.wait_exit().assert_clean();

    app.relaunch();
    let screen = carry_on_with_draft(&app, "");
    assert!(screen.contains(words), "{screen}");
    app.keys(&["C-s"]);
    app.wait_for("Saved entry #");
    app.quit_from_today();
}

// ---------------------------------------------------------------------------------------
// A full disk

/// A 2 MB tmpfs on a folder, unmounted when dropped.
/// A diary on a small disk, with an entry being written when the disk fills up.
fn writing_when_the_disk_fills<'a>(diary: &'a Diary, disk: &SmallDisk, test: &str) -> App<'a> {
    diary.cli_ok(&["init"]);
    let app = App::launch(diary, test);
    start_reflective_entry(&app);
    app.type_text("saved before ");
    app.wait_for("saved before");
    disk.fill();
    app.type_text("typed on a full disk");
    app.wait_for("typed on a full disk");
    // The autosave fails and says so, in full.
    app.wait_for_all(&["could not be saved", "do not close it yet."]);
    app
}

#[test]
fn on_a_full_disk_the_words_stay_quitting_asks_and_a_later_save_works() {
    require_tmux!();
    let diary = Diary::fresh();
    let Some(disk) = SmallDisk::mount_on(&diary.dir(), 2048) else {
        return;
    };
    let mut app = writing_when_the_disk_fills(&diary, &disk, "disk-full");

    app.keys(&["C-c"]);
    app.wait_for("Quit anyway?");
    app.keys(&["n"]);
    app.wait_until("the editor again", WAIT, |s| {
        !s.contains("Quit anyway?") && s.contains("typed on a full disk")
    });
    // Room again: a later try works and the warning goes.
    disk.free();
    app.wait_for("saved as a draft now");
    app.keys(&["C-c"]);
    app.wait_exit().assert_clean();

    app.relaunch();
    let screen = carry_on_with_draft(&app, "");
    assert!(
        screen.contains("saved before typed on a full disk"),
        "{screen}"
    );
    app.keys(&["C-s"]);
    let screen = app.wait_for("Saved entry #");
    let id = saved_entry_id(&screen);
    app.quit_from_today();
    assert!(diary
        .cli_ok(&["show", &id])
        .contains("saved before typed on a full disk"));
}

#[test]
fn on_a_full_disk_sigterm_exits_non_zero() {
    require_tmux!();
    let diary = Diary::fresh();
    let Some(disk) = SmallDisk::mount_on(&diary.dir(), 2048) else {
        return;
    };
    let app = writing_when_the_disk_fills(&diary, &disk, "disk-full-term");
    send_signal(app.lantern_pid(), "TERM");
    let exit = app.wait_exit();
    assert_ne!(
        exit.status, 0,
        "words were lost, yet the exit said all is well"
    );
    assert!(
        exit.screen.contains("could not be saved"),
        "no word on why\n{}",
        exit.screen
    );
    for setting in ["icanon", "echo", "isig"] {
        assert!(
            exit.line_settings.contains(setting),
            "{:?}",
            exit.line_settings
        );
    }
    assert!(!exit.alternate_screen);
    disk.free();
}

// ---------------------------------------------------------------------------------------
// A huge paste

#[test]
fn a_150_kb_paste_shows_at_once_and_is_saved_whole() {
    require_tmux!();
    let diary = Diary::initialised();
    let app = App::launch(&diary, "paste");

    start_reflective_entry(&app);
    let mut text: String = (1..2000)
        .map(|i| {
            format!(
                "line {i:04} the quiet river carried the evening light past the old mill again\n"
            )
        })
        .collect();
    text.push_str("END-OF-PASTE");
    assert!(text.len() > 140_000);
    let buffer = diary.root.path().join("paste.txt");
    fs::write(&buffer, &text).expect("writing the paste");
    let path = buffer.to_str().expect("a UTF-8 path");
    app.tmux(&["load-buffer", "-b", "big", path]);
    // -p: as a terminal pastes, in bracketed-paste markers when the app asks for them.
    app.tmux(&["paste-buffer", "-p", "-b", "big", "-t", "main"]);
    app.wait_for_within("END-OF-PASTE", RESPONSIVE);
    app.keys(&["C-s"]);
    let screen = app.wait_for("Saved entry #");
    let id = saved_entry_id(&screen);
    app.quit_from_today();
    let shown = diary.cli_ok(&["show", &id]);
    assert!(shown.contains("line 0001 the quiet river"), "{shown:.300}");
    assert!(shown.contains("line 1999 the quiet river"));
    assert!(shown.contains("END-OF-PASTE"));
}

// ---------------------------------------------------------------------------------------
// Search over a huge entry

#[test]
fn typing_a_search_over_a_huge_entry_keeps_the_keys_working() {
    require_tmux!();
    let diary = Diary::initialised();
    // About 3 MB in one entry: before searches left the input path, one query over it
    // held the keys for many seconds.
    let words = "the kestrel hovered over the field while the river ran on past the mill ";
    let body = words.repeat(3_000_000 / words.len());
    diary.cli_ok_stdin(&["write", "--title", "a very long day"], &body);
    let app = App::launch(&diary, "huge-search");

    app.wait_for(TODAY_FOOTER);
    app.keys(&["/"]);
    app.wait_for("┌ Search ");
    app.type_text("kestrel");
    app.wait_for_within("kestrel", RESPONSIVE);
    app.escape();
    app.wait_until("Today, at once", RESPONSIVE, |s| {
        s.contains(TODAY_FOOTER) && !s.contains("┌ Search ")
    });
    app.keys(&["/"]);
    app.wait_for("┌ Search ");
    app.type_text("river");
    app.wait_for_within("river", RESPONSIVE);
    app.keys(&["C-c"]);
    // wait_exit allows WAIT: Ctrl-C must not wait for the query to finish.
    app.wait_exit().assert_clean();
}

/// A ten-megabyte entry in the reader: scrolling and leaving act at once (each key
/// once laid the whole entry out again, for seconds).
#[test]
fn reading_a_ten_megabyte_entry_keeps_the_keys_working() {
    require_tmux!();
    let diary = Diary::initialised();
    let words = "the kestrel hovered over the field while the river ran on past the mill ";
    let body = words.repeat(10_000_000 / words.len());
    diary.cli_ok_stdin(&["write", "--title", "a very long day"], &body);
    let app = App::launch(&diary, "huge-reader");

    app.wait_for(TODAY_FOOTER);
    app.keys(&["d"]);
    app.wait_for("a very long day");
    app.keys(&["Enter"]);
    app.wait_for_within("kestrel hovered", WAIT);
    app.keys(&["j", "j", "PageDown", "PageDown", "k"]);
    app.keys(&["e"]);
    app.wait_for_within("too long to edit here", RESPONSIVE);
    app.keys(&["q"]);
    app.wait_until("the diary, at once", RESPONSIVE, |s| {
        s.contains("a very long day") && !s.contains("kestrel hovered")
    });
    app.keys(&["C-c"]);
    app.wait_exit().assert_clean();
}

/// An entry deleted by a command while it is being edited in the app: saving keeps
/// the words, as a new entry, and says so.
#[test]
fn an_entry_deleted_elsewhere_while_edited_is_saved_as_a_new_one() {
    require_tmux!();
    let diary = Diary::initialised();
    diary.cli_ok_stdin(&["write", "--title", "first thoughts"], "The start of it.");
    let app = App::launch(&diary, "deleted-while-edited");

    app.wait_for(TODAY_FOOTER);
    app.keys(&["d"]);
    app.wait_for("first thoughts");
    app.keys(&["Enter"]);
    app.wait_for("The start of it.");
    app.keys(&["e"]);
    app.wait_for("Ctrl-S");
    app.type_text(" And more words typed here.");
    app.wait_for("more words typed here");
    diary.cli_ok(&["delete", "--yes", "1"]);
    app.keys(&["C-s"]);
    app.wait_for("deleted elsewhere meanwhile");
    let listed = diary.cli_ok(&["search", "typed"]);
    assert!(listed.contains("first thoughts"), "{listed}");
    app.keys(&["C-c"]);
    app.wait_exit().assert_clean();
}

/// An entry saved by another window or command while it is being edited in the app:
/// saving here does not write over the other's words; both versions are kept.
#[test]
fn an_entry_changed_elsewhere_while_edited_keeps_both_versions() {
    require_tmux!();
    let diary = Diary::initialised();
    diary.cli_ok_stdin(&["write", "--title", "shared thoughts"], "The start of it.");
    let app = App::launch(&diary, "changed-while-edited");

    app.wait_for(TODAY_FOOTER);
    app.keys(&["d"]);
    app.wait_for("shared thoughts");
    app.keys(&["Enter"]);
    app.wait_for("The start of it.");
    app.keys(&["e"]);
    app.wait_for("Ctrl-S");
    app.type_text(" Words from the app.");
    app.wait_for("Words from the app");
    // Saves are told apart to the second.
    sleep(Duration::from_millis(1100));
    diary.cli_ok_stdin(
        &["edit", "1"],
        "Title: shared thoughts\n\nWords from the other window.\n",
    );
    app.keys(&["C-s"]);
    app.wait_for("changed or deleted elsewhere");
    assert!(diary
        .cli_ok(&["search", "other", "window"])
        .contains("shared thoughts"));
    assert!(diary
        .cli_ok(&["search", "from", "app"])
        .contains("shared thoughts"));
    app.keys(&["C-c"]);
    app.wait_exit().assert_clean();
}

/// The search worker opens its own connection: in an encrypted diary it needs the
/// passphrase the app was unlocked with.
#[test]
fn search_in_an_encrypted_diary_finds_what_was_written() {
    require_tmux!();
    let diary = Diary::fresh();
    diary.cli_ok_with(
        &["init", "--encrypt"],
        "LANTERN_NEW_PASSPHRASE",
        "correct horse",
    );
    let app = App::launch(&diary, "encrypted-search");

    app.wait_for("Your diary is protected.");
    app.type_text("correct horse");
    app.keys(&["Enter"]);
    app.wait_for_within(TODAY_FOOTER, tmux::WAIT_KDF);
    start_reflective_entry(&app);
    app.type_text("a heron in the rain");
    app.wait_for("a heron in the rain");
    app.keys(&["C-s"]);
    app.wait_for("Saved entry #");
    app.keys(&["/"]);
    app.wait_for("┌ Search ");
    app.type_text("heron");
    // Opening the second connection derives the key again: slow in a debug build.
    app.wait_for_within("a heron in the rain", tmux::WAIT_KDF);
    app.escape();
    app.quit_from_today();
}

#[test]
fn ctrl_c_while_writing_the_plan_keeps_it_and_offers_it_back() {
    require_tmux!();
    let diary = Diary::initialised();
    let mut app = App::launch(&diary, "plan-ctrl-c");

    app.wait_for(TODAY_FOOTER);
    app.keys(&["p"]);
    app.wait_for("My compassionate resilience plan");
    app.keys(&["Enter"]);
    let words = "a walk at lunch, and asking for help";
    app.type_text(words);
    app.wait_for(words);
    app.keys(&["C-c"]);
    app.wait_exit().assert_clean();

    app.relaunch();
    let screen = app.wait_for(TODAY_FOOTER);
    assert!(
        screen.contains("Unfinished plan") && screen.contains("a walk at lunch"),
        "the plan section was not offered back\n{screen}"
    );
    app.keys(&["Enter"]);
    app.wait_for_all(&["My compassionate resilience plan", words]);
    app.keys(&["C-s"]);
    app.wait_until("the plan, saved", WAIT, |s| {
        s.contains(words) && s.contains("Enter")
    });
    app.escape();
    app.quit_from_today();
    let plan = diary.cli_ok(&["plan", "show"]);
    assert!(plan.contains(words), "{plan}");
}
