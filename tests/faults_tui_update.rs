//! Faults, without a terminal: steady typing and autosave, Ctrl-C and signals in a
//! check-in, a disk that will not take a draft, a huge paste, and search answers that
//! come back late. `update` is driven key by key with the clock set by the test, and
//! the results of effects are fed back by hand as the runtime would.

mod support;

use chrono::{DateTime, Duration, FixedOffset};
use crossterm::event::KeyCode;

use lantern::store::{Draft, SearchHit};
use lantern::tui::app::{update, Action, App, Effect, Overlay, Screen};
use lantern::tui::screens::checkin::Step;

use support::tui::{app, ch, ctrl, drawn_text, editor, key, open_editor, page_text, t0};

fn drafts(effects: &[Effect]) -> Vec<Draft> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveDraft(d) => Some(d.clone()),
            _ => None,
        })
        .collect()
}

/// From Today to the check-in's note, with a note typed.
fn check_in_with_note(app: &mut App, note: &str) {
    update(app, ch('c'));
    update(app, ch('3'));
    update(app, ch('7'));
    while !matches!(&app.screen, Screen::CheckIn(f) if f.step() == Step::Note) {
        update(app, key(KeyCode::Tab));
    }
    for c in note.chars() {
        update(app, ch(c));
    }
}

// ---------------------------------------------------------------------------
// Steady typing

/// Typing four characters a second for ten seconds with no pause at all: a draft is
/// written at least every two seconds, from keys alone (no tick comes between them).
#[test]
fn steady_typing_without_a_pause_is_saved_at_least_every_two_seconds() {
    let mut app = app();
    open_editor(&mut app);
    let mut saves: Vec<(DateTime<FixedOffset>, String)> = Vec::new();
    let mut typed = String::new();
    for i in 0..40 {
        app.now = t0() + Duration::milliseconds(250 * i);
        let c = char::from(b'a' + (i % 26) as u8);
        typed.push(c);
        for d in drafts(&update(&mut app, ch(c))) {
            saves.push((app.now, d.answers[0].text.clone()));
        }
    }
    assert!(
        saves.len() >= 4,
        "10 s of typing saved only {} times",
        saves.len()
    );
    let mut last = t0();
    for (at, text) in &saves {
        assert!(
            *at - last <= Duration::seconds(2),
            "a gap of {}",
            *at - last
        );
        assert!(typed.starts_with(text.as_str()));
        last = *at;
    }
    let end = t0() + Duration::milliseconds(250 * 39);
    assert!(
        end - last <= Duration::seconds(2),
        "the last save was {} before the end",
        end - last
    );
}

#[test]
fn a_prompt_change_carries_the_draft_with_it() {
    let mut app = app();
    open_editor(&mut app);
    for c in "the answer just left".chars() {
        update(&mut app, ch(c));
    }
    let effects = update(&mut app, ctrl('n'));
    let saved = drafts(&effects);
    assert_eq!(saved.len(), 1, "{effects:?}");
    assert_eq!(saved[0].answers[0].text, "the answer just left");
    assert_eq!(editor(&app).index, 1);
}

// ---------------------------------------------------------------------------
// Ctrl-C and signals in a check-in

#[test]
fn ctrl_c_in_a_check_in_keeps_it_and_the_next_launch_offers_it_back() {
    let mut app = app();
    check_in_with_note(&mut app, "a hard visit");
    let effects = update(&mut app, ctrl('c'));
    assert!(app.quit);
    let kept = drafts(&effects);
    assert_eq!(kept.len(), 1, "{effects:?}");
    let draft = kept[0].clone();

    // The next launch.
    let mut app = self::app();
    update(&mut app, Action::DraftFound(draft.clone()));
    assert!(matches!(app.overlay, Some(Overlay::DraftOffer(_))));
    let offer = drawn_text(&app, 100, 30);
    assert!(offer.contains("unfinished check-in"), "{offer}");
    assert!(offer.contains("a hard visit"), "{offer}");
    update(&mut app, key(KeyCode::Enter));
    let Screen::CheckIn(form) = &app.screen else {
        panic!("expected the check-in, got {}", app.screen.name());
    };
    assert_eq!(form.step(), Step::Note, "back where it was left");
    assert_eq!((form.pleasantness, form.energy), (3, 7));
    let effects = update(&mut app, ctrl('s'));
    match effects.as_slice() {
        [Effect::SaveCheckIn(c)] => {
            assert_eq!(c.note.as_deref(), Some("a hard visit"));
            assert_eq!((c.pleasantness, c.energy), (3, 7));
        }
        other => panic!("expected SaveCheckIn, got {other:?}"),
    }
}

#[test]
fn a_signal_in_a_check_in_keeps_it_as_a_draft() {
    let mut app = app();
    check_in_with_note(&mut app, "stopped from outside");
    let kept = drafts(&update(&mut app, Action::Terminate));
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].slot, "checkin");
    assert!(app.quit);
}

#[test]
fn leaving_a_check_in_carried_on_from_a_draft_lets_the_draft_go() {
    let mut app = app();
    check_in_with_note(&mut app, "let it go");
    let draft = drafts(&update(&mut app, ctrl('c')))[0].clone();
    let mut app = self::app();
    update(&mut app, Action::DraftFound(draft));
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, key(KeyCode::Esc));
    let effects = update(&mut app, ch('y'));
    assert!(
        matches!(effects.as_slice(), [Effect::DiscardDraft(slot)] if slot == "checkin"),
        "{effects:?}"
    );
}

/// A note typed steadily in a check-in is kept as a draft as the editor's text is, so a
/// crash (no Ctrl-C, no signal) loses at most two seconds of it.
#[test]
fn a_check_in_note_typed_steadily_is_kept_at_least_every_two_seconds() {
    let mut app = app();
    check_in_with_note(&mut app, "");
    let mut saves: Vec<(DateTime<FixedOffset>, String)> = Vec::new();
    for i in 0..40 {
        app.now = t0() + Duration::milliseconds(250 * i);
        for d in drafts(&update(&mut app, ch('n'))) {
            assert_eq!(d.slot, "checkin");
            saves.push((app.now, d.title.clone()));
        }
    }
    assert!(saves.len() >= 4, "saved only {} times", saves.len());
    let mut last = t0();
    for (at, note) in &saves {
        assert!(
            *at - last <= Duration::seconds(2),
            "a gap of {}",
            *at - last
        );
        assert!(note.chars().all(|c| c == 'n') && !note.is_empty());
        last = *at;
    }
    // A pause saves the rest, on the next tick.
    app.now += Duration::milliseconds(1100);
    let rest = drafts(&update(&mut app, Action::Tick));
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].title.len(), 40);
    // Leaving it on purpose lets the kept draft go.
    update(&mut app, key(KeyCode::Esc));
    let effects = update(&mut app, ch('y'));
    assert!(
        matches!(effects.as_slice(), [Effect::DiscardDraft(slot)] if slot == "checkin"),
        "{effects:?}"
    );
}

// ---------------------------------------------------------------------------
// A disk that will not take a draft

#[test]
fn with_the_disk_full_the_words_stay_and_quitting_asks_first() {
    let mut app = app();
    open_editor(&mut app);
    for c in "words on a full disk".chars() {
        update(&mut app, ch(c));
    }
    app.now = t0() + Duration::seconds(2);
    let saved = drafts(&update(&mut app, Action::Tick));
    assert_eq!(saved.len(), 1);
    update(&mut app, Action::DraftSaveFailed(saved[0].clone()));
    assert_eq!(app.unsaved.len(), 1);
    let shown = drawn_text(&app, 100, 30);
    assert!(shown.contains("could not be saved"), "{shown}");
    assert!(
        shown.contains("do not close it yet."),
        "the message is cut short:\n{shown}"
    );

    // Ctrl-C tries once more; when that fails too, it asks rather than quitting.
    let effects = update(&mut app, ctrl('c'));
    let retry = drafts(&effects);
    assert_eq!(retry.len(), 1);
    assert_eq!(retry[0].answers[0].text, "words on a full disk");
    update(&mut app, Action::DraftSaveFailed(retry[0].clone()));
    assert!(!app.quit, "quit with unsaved words without asking");
    assert!(matches!(app.overlay, Some(Overlay::QuitUnsaved)));
    let asked = drawn_text(&app, 100, 30);
    assert!(asked.contains("Quit anyway?"), "{asked}");
    update(&mut app, ch('n'));
    assert!(app.overlay.is_none() && !app.quit);
    assert_eq!(page_text(&app), "words on a full disk", "still in memory");

    // Later ticks try again, and once a save works the warning goes.
    app.now = t0() + Duration::seconds(5);
    let retry = drafts(&update(&mut app, Action::Tick));
    assert_eq!(retry.len(), 1, "no retry on a later tick");
    app.now = t0() + Duration::seconds(5) + Duration::milliseconds(250);
    assert!(
        drafts(&update(&mut app, Action::Tick)).is_empty(),
        "retries are spaced out"
    );
    update(&mut app, Action::DraftSaved(retry[0].slot.clone()));
    assert!(app.unsaved.is_empty());
    assert_eq!(
        app.status.as_deref(),
        Some("Your words are saved as a draft now.")
    );
    update(&mut app, ctrl('c'));
    assert!(app.quit);
}

#[test]
fn quitting_anyway_with_unsaved_words_is_a_choice() {
    let mut app = app();
    open_editor(&mut app);
    for c in "gone".chars() {
        update(&mut app, ch(c));
    }
    let kept = drafts(&update(&mut app, ctrl('c')));
    update(&mut app, Action::DraftSaveFailed(kept[0].clone()));
    assert!(matches!(app.overlay, Some(Overlay::QuitUnsaved)));
    assert!(update(&mut app, ch('y')).is_empty());
    assert!(app.quit);
    assert!(!app.words_lost, "the person chose; nothing to report");
}

#[test]
fn leaving_the_editor_on_a_full_disk_keeps_the_words_in_memory_and_q_asks() {
    let mut app = app();
    open_editor(&mut app);
    for c in "kept for later".chars() {
        update(&mut app, ch(c));
    }
    update(&mut app, key(KeyCode::Esc));
    let kept = drafts(&update(&mut app, ch('k')));
    assert_eq!(kept.len(), 1);
    update(&mut app, Action::DraftSaveFailed(kept[0].clone()));
    while !matches!(app.screen, Screen::Today) {
        update(&mut app, key(KeyCode::Esc));
    }
    let effects = update(&mut app, ch('q'));
    let retry = drafts(&effects);
    assert_eq!(retry.len(), 1, "q tries the draft once more: {effects:?}");
    assert_eq!(retry[0].answers[0].text, "kept for later");
    update(&mut app, Action::DraftSaveFailed(retry[0].clone()));
    assert!(!app.quit);
    assert!(matches!(app.overlay, Some(Overlay::QuitUnsaved)));
}

#[test]
fn a_signal_with_the_disk_full_stops_and_says_the_words_were_lost() {
    let mut app = app();
    open_editor(&mut app);
    for c in "no one to ask".chars() {
        update(&mut app, ch(c));
    }
    let kept = drafts(&update(&mut app, Action::Terminate));
    update(&mut app, Action::DraftSaveFailed(kept[0].clone()));
    assert!(app.quit, "a signal cannot wait for an answer");
    assert!(app.words_lost, "the exit must not say all is well");
}

#[test]
fn long_status_messages_wrap_instead_of_being_cut() {
    let mut app = app();
    let message = "Could not save; your words are still here: the diary database or disk is \
                   full, so nothing more can be written until some room is made on it";
    update(&mut app, Action::Status(message.into()));
    let shown = drawn_text(&app, 100, 30);
    assert!(
        shown.contains("until some room is made on it"),
        "the end of the message is missing:\n{shown}"
    );
}

// ---------------------------------------------------------------------------
// Pasting

#[test]
fn a_huge_paste_is_one_insertion_with_its_lines_and_no_control_characters() {
    let mut app = app();
    open_editor(&mut app);
    let lines: Vec<String> = (0..2000)
        .map(|i| format!("line {i:04} of the paste \u{1b}]0;title\u{7}"))
        .collect();
    let pasted = lines.join("\r");
    let effects = update(&mut app, Action::Paste(pasted));
    assert!(drafts(&effects).is_empty(), "not saved at once");
    let text = page_text(&app);
    assert_eq!(text.lines().count(), 2000);
    assert!(text.starts_with("line 0000 of the paste ]0;title"));
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:.200}"
    );
    // The paste counts as typing: the autosave takes it.
    app.now = t0() + Duration::seconds(2);
    let saved = drafts(&update(&mut app, Action::Tick));
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].answers[0].text.lines().count(), 2000);
}

#[test]
fn a_paste_into_one_line_fields_stays_on_one_line() {
    let mut app = app();
    check_in_with_note(&mut app, "note: ");
    update(&mut app, Action::Paste("first\nsecond\tthird".into()));
    let Screen::CheckIn(form) = &app.screen else {
        panic!()
    };
    assert_eq!(form.note.lines(), ["note: first second third"]);

    let mut app = self::app();
    update(&mut app, ch('/'));
    let effects = update(&mut app, Action::Paste("quiet\nriver".into()));
    assert!(
        matches!(effects.as_slice(), [Effect::Search(q)] if q == "quiet river*"),
        "{effects:?}"
    );
}

#[test]
fn a_paste_outside_a_text_field_does_nothing() {
    let mut app = app();
    assert!(update(&mut app, Action::Paste("c".into())).is_empty());
    assert!(matches!(app.screen, Screen::Today));
}

// ---------------------------------------------------------------------------
// Search answers that come back late

fn hit(id: i64) -> SearchHit {
    SearchHit {
        id,
        created: t0(),
        title: format!("Hit {id}"),
        snippet: "the \u{1}kestrel\u{2}".into(),
    }
}

#[test]
fn late_answers_for_older_queries_are_ignored() {
    let mut app = app();
    update(&mut app, ch('/'));
    for c in "kes".chars() {
        update(&mut app, ch(c));
    }
    // The worker answers "ke*" after "kes*" was asked: nothing changes.
    update(
        &mut app,
        Action::SearchResults {
            query: "ke*".into(),
            hits: vec![hit(1)],
        },
    );
    let Screen::Search(s) = &app.screen else {
        panic!()
    };
    assert!(s.hits.is_empty());
    update(
        &mut app,
        Action::SearchResults {
            query: "kes*".into(),
            hits: vec![hit(2)],
        },
    );
    let Screen::Search(s) = &app.screen else {
        panic!()
    };
    assert_eq!(s.hits.len(), 1);
    // An answer that comes after leaving search goes nowhere.
    update(&mut app, key(KeyCode::Esc));
    update(
        &mut app,
        Action::SearchResults {
            query: "kes*".into(),
            hits: vec![hit(3)],
        },
    );
    assert!(matches!(app.screen, Screen::Today));
}

#[test]
fn esc_leaves_search_at_once_while_a_query_is_out() {
    let mut app = app();
    update(&mut app, ch('/'));
    let effects = update(&mut app, ch('k'));
    assert!(matches!(effects.as_slice(), [Effect::Search(_)]));
    // No answer yet; the keys still act.
    update(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Today));
}

#[test]
fn a_plan_section_that_cannot_be_saved_goes_back_into_the_field() {
    let mut app = app();
    update(&mut app, ch('p'));
    update(&mut app, Action::PlanLoaded(vec![]));
    update(&mut app, key(KeyCode::Enter));
    update(
        &mut app,
        Action::Paste("a walk at lunch\nasking for help".into()),
    );
    let effects = update(&mut app, ctrl('s'));
    assert!(matches!(
        effects.as_slice(),
        [Effect::SavePlanSection { text, .. }] if text == "a walk at lunch\nasking for help"
    ));
    update(
        &mut app,
        Action::PlanSaveFailed("Could not save the plan.".into()),
    );
    let Screen::Plan(plan) = &app.screen else {
        panic!("expected the plan, got {}", app.screen.name());
    };
    let field = plan.editing.as_ref().expect("the words back in the field");
    assert_eq!(field.lines(), ["a walk at lunch", "asking for help"]);
}

#[test]
fn ctrl_c_while_writing_the_plan_keeps_the_section_and_offers_it_back() {
    let mut app = app();
    update(&mut app, ch('p'));
    assert!(
        update(&mut app, ctrl('c')).is_empty(),
        "nothing being written"
    );

    let mut app = self::app();
    update(&mut app, ch('p'));
    update(&mut app, Action::PlanLoaded(vec![]));
    update(&mut app, key(KeyCode::Enter));
    for c in "a walk at lunch".chars() {
        update(&mut app, ch(c));
    }
    let kept = drafts(&update(&mut app, ctrl('c')));
    assert!(app.quit);
    assert_eq!(kept.len(), 1);
    assert!(kept[0].slot.starts_with("plan:"), "{:?}", kept[0].slot);
    assert_eq!(kept[0].body, "a walk at lunch");

    let mut app = self::app();
    update(&mut app, Action::DraftFound(kept[0].clone()));
    let offer = drawn_text(&app, 100, 30);
    assert!(offer.contains("a walk at lunch"), "{offer}");
    let effects = update(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(effects.as_slice(), [Effect::LoadPlan]),
        "{effects:?}"
    );
    update(&mut app, Action::PlanLoaded(vec![]));
    let Screen::Plan(plan) = &app.screen else {
        panic!("expected the plan, got {}", app.screen.name());
    };
    assert_eq!(
        plan.editing.as_ref().map(|a| a.lines().to_vec()),
        Some(vec!["a walk at lunch".to_string()])
    );
    let effects = update(&mut app, ctrl('s'));
    assert!(matches!(
        effects.as_slice(),
        [Effect::SavePlanSection { id, text }] if text == "a walk at lunch" && kept[0].slot.ends_with(id.as_str())
    ));
}

// ---------------------------------------------------------------------------
// A ten-megabyte entry

fn huge_entry() -> lantern::domain::entry::Entry {
    let words = ["care", "visit", "family", "tired", "kestrel", "hope"];
    let body: String = (0..1_700_000)
        .map(|i| words[i % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    lantern::domain::entry::Entry {
        id: 7,
        uid: "huge".into(),
        template_id: None,
        title: "Huge".into(),
        body,
        answers: Vec::new(),
        tags: Vec::new(),
        created: t0(),
        updated: t0(),
    }
}

fn reader_scroll(app: &App) -> usize {
    match &app.screen {
        Screen::Reader(r) => r.scroll,
        other => panic!("expected the reader, got {}", other.name()),
    }
}

/// The reader lays a huge entry out once: it scrolls a page at a time, stops at the
/// last row, and comes straight back up from there.
#[test]
fn a_huge_entry_scrolls_to_its_end_and_back() {
    let mut app = app();
    app.screen = Screen::Reader(lantern::tui::screens::reader::Reader::new(huge_entry()));
    drawn_text(&app, 80, 24);
    update(&mut app, key(KeyCode::PageDown));
    let page = reader_scroll(&app);
    assert!(page >= 10, "a page down moved {page} rows");
    for _ in 0..200_000 {
        update(&mut app, key(KeyCode::PageDown));
    }
    let end = reader_scroll(&app);
    assert!(end > 65_535, "the scroll stopped at {end}");
    let last = drawn_text(&app, 80, 24);
    assert!(last.contains("care") || last.contains("hope"), "{last}");
    update(&mut app, key(KeyCode::PageDown));
    assert_eq!(reader_scroll(&app), end, "no further than the last row");
    update(&mut app, ch('k'));
    assert_eq!(reader_scroll(&app), end - 1, "one key back up from the end");
}

#[test]
fn a_huge_entry_is_left_to_the_editor_outside_the_app() {
    let mut app = app();
    app.screen = Screen::Reader(lantern::tui::screens::reader::Reader::new(huge_entry()));
    update(&mut app, ch('e'));
    assert!(
        matches!(app.screen, Screen::Reader(_)),
        "the editor did not open"
    );
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("too long to edit here"), "{status}");
    assert!(status.contains("lantern edit 7"), "{status}");
}

#[test]
fn a_paste_too_long_to_edit_is_refused_and_says_how_to_save_it() {
    let mut app = app();
    open_editor(&mut app);
    update(&mut app, Action::Paste("a few words ".repeat(60_000)));
    assert!(page_text(&app).is_empty(), "nothing went in");
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("lantern write < file"), "{status}");
    update(&mut app, Action::Paste("a few words ".repeat(10_000)));
    assert_eq!(page_text(&app).len(), 120_000);
}

/// Saving at the moment an autosave falls due must not write the draft again after
/// the save, or the next launch would offer back words already saved.
#[test]
fn saving_while_an_autosave_is_due_leaves_no_draft_behind() {
    let mut app = app();
    open_editor(&mut app);
    for i in 0..6 {
        app.now = t0() + Duration::milliseconds(250 * i);
        update(&mut app, ch('a'));
    }
    app.now = t0() + Duration::milliseconds(1600);
    let effects = update(&mut app, ctrl('s'));
    let saved_at = effects
        .iter()
        .position(|e| matches!(e, Effect::SaveEntry { .. }));
    assert!(saved_at.is_some(), "{effects:?}");
    assert!(drafts(&effects).is_empty(), "{effects:?}");

    let mut app = self::app();
    check_in_with_note(&mut app, "");
    for i in 0..6 {
        app.now = t0() + Duration::milliseconds(250 * i);
        update(&mut app, ch('n'));
    }
    app.now = t0() + Duration::milliseconds(1600);
    let effects = update(&mut app, ctrl('s'));
    assert!(
        effects.iter().any(|e| matches!(e, Effect::SaveCheckIn(_))),
        "{effects:?}"
    );
    assert!(drafts(&effects).is_empty(), "{effects:?}");
}

/// An editor that crashed or was quit oddly can hand back an empty file: the words in
/// the app stay as they were.
#[test]
fn an_empty_file_back_from_the_editor_keeps_the_words() {
    let mut app = app();
    open_editor(&mut app);
    for c in "kept words".chars() {
        update(&mut app, ch(c));
    }
    update(&mut app, Action::ExternalEdited(Ok(String::new())));
    assert_eq!(page_text(&app), "kept words");
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("empty file"), "{status}");
}

/// A passphrase pasted from a password manager often ends with a new line, which is
/// not part of it.
#[test]
fn a_pasted_passphrase_loses_its_trailing_new_line() {
    let mut app = app();
    app.screen = Screen::Unlock(lantern::tui::screens::unlock::Unlock::new());
    update(&mut app, Action::Paste("correct horse\n".into()));
    match &app.screen {
        Screen::Unlock(u) => assert_eq!(u.field.lines().join(""), "correct horse"),
        other => panic!("expected the unlock screen, got {}", other.name()),
    }
}

/// There is room for one check-in draft: a check-in left for later is carried on when
/// a new one starts, rather than written over by it.
#[test]
fn a_check_in_left_for_later_is_carried_on_not_written_over() {
    let mut app = app();
    check_in_with_note(&mut app, "first words");
    let draft = drafts(&update(&mut app, ctrl('c')))[0].clone();

    let mut app = self::app();
    update(&mut app, Action::DraftFound(draft));
    update(&mut app, key(KeyCode::Esc));
    assert!(app.overlay.is_none());
    update(&mut app, ch('c'));
    match &app.screen {
        Screen::CheckIn(f) => assert_eq!(f.note.lines().join(""), "first words"),
        other => panic!("expected the check-in, got {}", other.name()),
    }
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("Carrying on"), "{status}");
    // Once carried on, leaving on purpose lets it go; the next check-in starts afresh.
    update(&mut app, key(KeyCode::Esc));
    update(&mut app, ch('y'));
    update(&mut app, ch('c'));
    match &app.screen {
        Screen::CheckIn(f) => assert!(f.note.lines().join("").is_empty()),
        other => panic!("expected the check-in, got {}", other.name()),
    }
}
