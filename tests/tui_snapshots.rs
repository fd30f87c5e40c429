//! Every screen of the full-screen app drawn into ratatui's `TestBackend` and kept as
//! an insta snapshot, at 80×24 and 120×40 in the default theme, and at 80×24 without
//! colour (NO_COLOR). All dates are fixed, so the snapshots are stable.

mod support;

use crossterm::event::KeyCode;

use lantern::domain::checkin::{CheckIn, CheckInKind};
use lantern::domain::entry::{shorten, Answer, Entry};
use lantern::domain::suggest::Suggestion;
use lantern::store::{Draft, EntrySummary, SearchHit};
use lantern::tui::app::{update, Action, App, Overlay, Screen, TodayData};
use lantern::tui::screens::editor::Editor;
use lantern::tui::screens::unlock::Unlock;
use lantern::tui::screens::welcome::Welcome;

use support::tui::{
    self, app, app_with_colour, at, ch, coloured_cells, ctrl, draw, key, press, type_text,
};

// ---------------------------------------------------------------------------
// Helpers

/// Snapshots at 80×24 and 120×40, in the default (coloured) theme.
fn snap(name: &str, app: &App) {
    tui::snapshots(name, app, |name, frame| {
        insta::assert_snapshot!(name, frame)
    });
}

/// A snapshot at 80×24 without colour, checking that no cell has a colour.
fn snap_no_colour(name: &str, app: &App) {
    tui::snapshot_no_colour(name, app, |name, frame| {
        insta::assert_snapshot!(name, frame)
    });
}

fn summary(id: i64, created: &str, title: &str, tags: &[&str]) -> EntrySummary {
    EntrySummary {
        id,
        created: at(created),
        title: title.into(),
        template_id: Some("reflective-diary".into()),
        tags: tags.iter().map(|t| t.to_string()).collect(),
    }
}

fn checkin_today() -> CheckIn {
    CheckIn {
        uid: "c-1".into(),
        kind: CheckInKind::Daily,
        at: at("2026-11-20T08:10:00+00:00"),
        pleasantness: 4,
        energy: 3,
        stress: 6,
        system: Some("drive".into()),
        words: vec!["tired".into()],
        tags: vec![],
        note: None,
        good_moment: None,
    }
}

fn low_and_tired() -> Suggestion {
    Suggestion {
        rule_id: "rule-low-and-tired".into(),
        message: "Today sounds low and tiring. If you can, speak to yourself the way you would to a good friend.".into(),
        offer: vec![
            "exercise:self-compassion-break".into(),
            "skill:self-compassion".into(),
        ],
        offer_help: false,
        strain: false,
    }
}

fn sustained_strain() -> Suggestion {
    Suggestion {
        rule_id: "rule-sustained-strain".into(),
        message: "It has been a hard stretch lately. That is not a weakness, and it is not only yours to carry; a colleague you trust, your supervisor or occupational health can help.".into(),
        offer: vec![
            "model:restorative-supervision".into(),
            "model:peer-support".into(),
            "step:step-7-share-feelings".into(),
        ],
        offer_help: true,
        strain: true,
    }
}

fn today_data() -> TodayData {
    TodayData {
        latest_today: Some(checkin_today()),
        checkins_today: 1,
        on_this_day: None,
        reflection_due: false,
        recent: vec![
            summary(
                12,
                "2026-11-20T16:45:00+00:00",
                "The Hendersons again",
                &["reflection"],
            ),
            summary(
                11,
                "2026-11-19T21:05:00+00:00",
                "Café break with Aïsha ☕",
                &[],
            ),
            summary(
                10,
                "2026-11-17T19:30:00+00:00",
                "After supervision: what I want to keep",
                &["supervision"],
            ),
        ],
        suggestion: Some(low_and_tired()),
    }
}

fn today_full(colour: bool) -> App {
    let mut app = app_with_colour(colour);
    update(&mut app, Action::TodayLoaded(today_data()));
    app
}

/// Twelve entries over three days, newest first.
fn diary_rows() -> Vec<EntrySummary> {
    vec![
        summary(
            12,
            "2026-11-20T16:45:00+00:00",
            "The Hendersons again",
            &["reflection"],
        ),
        summary(
            11,
            "2026-11-20T13:20:00+00:00",
            "A good moment: the baby smiled at me",
            &["good-moment"],
        ),
        summary(
            10,
            "2026-11-20T11:02:00+00:00",
            "After a visit",
            &["after-visit"],
        ),
        summary(9, "2026-11-20T08:30:00+00:00", "Before the day", &[]),
        summary(
            8,
            "2026-11-19T21:05:00+00:00",
            "Café break with Aïsha ☕",
            &[],
        ),
        summary(
            7,
            "2026-11-19T18:40:00+00:00",
            // As the store gives it: shortened to 60 characters.
            &shorten(
                "Why do I keep going over the case conference? It was not my decision alone",
                60,
            ),
            &["reflection", "case-conference"],
        ),
        summary(6, "2026-11-19T12:15:00+00:00", "Lunch in the car", &[]),
        summary(
            5,
            "2026-11-19T07:55:00+00:00",
            "Three good things",
            &["gratitude"],
        ),
        summary(
            4,
            "2026-11-17T19:30:00+00:00",
            "After supervision: what I want to keep",
            &["supervision"],
        ),
        summary(3, "2026-11-17T15:10:00+00:00", "Letter from a friend", &[]),
        summary(2, "2026-11-17T10:00:00+00:00", "Weekly review", &["review"]),
        summary(1, "2026-11-17T08:00:00+00:00", "(untitled)", &[]),
    ]
}

fn reader_entry() -> Entry {
    Entry {
        id: 8,
        uid: "uid-8".into(),
        template_id: Some("reflective-diary".into()),
        title: "Café break with Aïsha ☕".into(),
        body: String::new(),
        answers: vec![
            Answer {
                prompt_id: "feelings".into(),
                prompt: "What are you feeling?".into(),
                text: "Relieved, a little teary. Aïsha said the visit went better than I think — naïve of me to worry so much? 😌".into(),
            },
            Answer {
                prompt_id: "thoughts".into(),
                prompt: "What thoughts keep coming back?".into(),
                text: "That I should have spotted it sooner. That the mum was doing her best, and so was I.\nThat the crèche will call again on Monday.".into(),
            },
            Answer {
                prompt_id: "compassionate-friend".into(),
                prompt: "What would a compassionate friend say to you now?".into(),
                text: "You did what you could with what you knew. Rest now. 🌙 Demain est un autre jour.".into(),
            },
        ],
        tags: vec!["reflection".into(), "café".into(), "peer-support".into()],
        created: at("2026-11-19T21:05:00+00:00"),
        updated: at("2026-11-19T21:20:00+00:00"),
    }
}

fn reader(app: &mut App) {
    update(app, Action::EntryLoaded(reader_entry()));
}

fn draft() -> Draft {
    Draft {
        slot: "new:draft-1".into(),
        template_id: Some("reflective-diary".into()),
        entry_id: None,
        title: String::new(),
        body: String::new(),
        answers: vec![Answer {
            prompt_id: "thoughts".into(),
            prompt: "What thoughts keep coming back?".into(),
            text: "That the little one flinched when the door banged, and nobody else seemed to notice it at all".into(),
        }],
        prompt_index: 1,
        updated: at("2026-11-19T22:41:00+00:00"),
    }
}

/// The reflective diary with text on its second prompt.
fn editor_reflective(app: &mut App) {
    press(app, ch('w'));
    press(app, key(KeyCode::Enter));
    press(app, ctrl('n'));
    type_text(
        app,
        "Whether I said the right thing to the dad. He looked so tired, and I was rushing to the next visit. I keep thinking: next time, slow down — même si la journée est pleine. 😔",
    );
}

fn editor_free(app: &mut App) {
    let e = Editor::new_entry(app.content.template("free-writing"));
    app.stack.push(std::mem::replace(
        &mut app.screen,
        Screen::Editor(Box::new(e)),
    ));
    type_text(app, "Just tired. Home now, kettle on.");
    press(app, key(KeyCode::Enter));
    press(app, key(KeyCode::Enter));
    type_text(app, "Tomorrow is Saturday.");
}

fn search_with_hits(app: &mut App) {
    press(app, ch('/'));
    type_text(app, "quo");
    update(
        app,
        Action::SearchResults {
            query: "quo*".into(),
            hits: vec![
                SearchHit {
                    id: 7,
                    created: at("2026-11-19T18:40:00+00:00"),
                    title: "The case conference".into(),
                    snippet: "…she said the \u{1}quote\u{2} was not hers, and I believed her. It was a long…".into(),
                },
                SearchHit {
                    id: 3,
                    created: at("2026-11-02T15:10:00+00:00"),
                    title: "Zoo trip with the twins".into(),
                    snippet: "…the \u{1}quokka\u{2} made them laugh; then the café, and a nap in the car…".into(),
                },
            ],
        },
    );
}

// ---------------------------------------------------------------------------
// Welcome and unlock

fn welcome() -> App {
    let mut app = app();
    app.screen = Screen::Welcome(Welcome::new());
    app
}

#[test]
fn welcome_intro() {
    snap("welcome_intro", &welcome());
}

#[test]
fn welcome_offer_passphrase() {
    let mut app = welcome();
    press(&mut app, key(KeyCode::Enter));
    snap("welcome_offer_passphrase", &app);
}

#[test]
fn welcome_passphrase() {
    let mut app = welcome();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('y'));
    type_text(&mut app, "blue kettle");
    snap("welcome_passphrase", &app);
}

#[test]
fn welcome_passphrase_mismatch() {
    let mut app = welcome();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('y'));
    type_text(&mut app, "blue kettle");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "blue kettel");
    press(&mut app, key(KeyCode::Enter));
    snap("welcome_passphrase_mismatch", &app);
}

#[test]
fn welcome_role() {
    let mut app = welcome();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('n'));
    press(&mut app, ch('j'));
    snap("welcome_role", &app);
}

#[test]
fn welcome_registration_and_renewal() {
    let mut app = welcome();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('n'));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Enter));
    snap("welcome_registration", &app);
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "31 May");
    press(&mut app, key(KeyCode::Enter));
    snap("welcome_renewal_mistyped", &app);
}

#[test]
fn unlock_empty() {
    let mut app = app();
    app.screen = Screen::Unlock(Unlock::new());
    snap("unlock_empty", &app);
}

#[test]
fn unlock_after_a_failed_attempt() {
    let mut app = app();
    app.screen = Screen::Unlock(Unlock::new());
    type_text(&mut app, "wrong");
    press(&mut app, key(KeyCode::Enter));
    update(
        &mut app,
        Action::UnlockFailed("That passphrase does not open this diary. Try again.".into()),
    );
    snap("unlock_failed", &app);
}

// ---------------------------------------------------------------------------
// Today

#[test]
fn today_empty() {
    snap("today_empty", &app());
}

#[test]
fn today_with_a_check_in_entries_and_a_suggestion() {
    snap("today_full", &today_full(true));
}

#[test]
fn today_with_sustained_strain_and_a_status_line() {
    let mut app = app();
    let mut data = today_data();
    data.suggestion = Some(sustained_strain());
    data.checkins_today = 3;
    update(&mut app, Action::TodayLoaded(data));
    app.status = Some("Check-in saved. Thank you for pausing.".into());
    snap("today_strain", &app);
}

#[test]
fn today_without_colour() {
    snap_no_colour("today_full", &today_full(false));
    snap_no_colour("today_empty", &app_with_colour(false));
}

#[test]
fn too_small_a_window_says_so() {
    let app = today_full(true);
    let terminal = draw(&app, 50, 15);
    insta::assert_snapshot!("too_small_50x15", terminal.backend());
    let text = format!("{}", terminal.backend());
    assert!(text.contains("Lantern needs a window"));
}

// ---------------------------------------------------------------------------
// The check-in

/// A check-in with some values set, at `step` (0-based).
fn checkin_at(colour: bool, step: usize) -> App {
    let mut app = app_with_colour(colour);
    press(&mut app, ch('c'));
    // Pleasantness 3, energy 8: tense.
    press(&mut app, ch('3'));
    press(&mut app, ch('8'));
    press(&mut app, key(KeyCode::Tab));
    // Pick two words.
    press(&mut app, ch(' '));
    press(&mut app, ch('j'));
    press(&mut app, ch('j'));
    press(&mut app, ch(' '));
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, ch('7'));
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, ch('1'));
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, ch('j'));
    press(&mut app, ch(' '));
    press(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "Long day; the car park was full again.");
    press(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "Mrs Ó Briain's tea ☕");
    for _ in step..6 {
        press(&mut app, key(KeyCode::BackTab));
    }
    app
}

#[test]
fn checkin_meter_default() {
    let mut app = app();
    press(&mut app, ch('c'));
    snap("checkin_1_meter_default", &app);
}

#[test]
fn checkin_each_step() {
    let names = [
        "checkin_1_meter",
        "checkin_2_words",
        "checkin_3_stress",
        "checkin_4_system",
        "checkin_5_tags",
        "checkin_6_note",
        "checkin_7_good",
    ];
    for (step, name) in names.iter().enumerate() {
        let app = checkin_at(true, step);
        match &app.screen {
            Screen::CheckIn(f) => assert_eq!(f.index, step),
            other => panic!("{}", other.name()),
        }
        snap(name, &app);
    }
}

#[test]
fn checkin_note_step_empty_shows_its_placeholder() {
    let mut app = app();
    press(&mut app, ch('c'));
    for _ in 0..5 {
        press(&mut app, key(KeyCode::Tab));
    }
    snap("checkin_6_note_empty", &app);
}

#[test]
fn checkin_meter_without_colour() {
    snap_no_colour("checkin_1_meter", &checkin_at(false, 0));
    let mut app = app_with_colour(false);
    press(&mut app, ch('c'));
    snap_no_colour("checkin_1_meter_default", &app);
}

#[test]
fn checkin_after_visit() {
    let mut app = app();
    press(&mut app, ch('a'));
    press(&mut app, ch('2'));
    press(&mut app, ch('8'));
    snap("checkin_after_visit_1_meter", &app);
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, ch('9'));
    snap("checkin_after_visit_2_stress", &app);
    press(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "Five minutes in the car before the next one.");
    snap("checkin_after_visit_3_need", &app);
}

// ---------------------------------------------------------------------------
// The diary, the reader, templates, the editor, search

#[test]
fn diary_with_twelve_entries_over_three_days() {
    let mut app = app();
    press(&mut app, ch('d'));
    update(
        &mut app,
        Action::EntriesLoaded {
            offset: 0,
            rows: diary_rows(),
        },
    );
    press(&mut app, ch('j'));
    snap("diary", &app);
    // Further down, the view scrolls with the selection.
    for _ in 0..8 {
        press(&mut app, ch('j'));
    }
    snap("diary_scrolled", &app);
}

#[test]
fn diary_empty_and_loading() {
    let mut app = app();
    press(&mut app, ch('d'));
    snap("diary_loading", &app);
    update(
        &mut app,
        Action::EntriesLoaded {
            offset: 0,
            rows: vec![],
        },
    );
    snap("diary_empty", &app);
}

#[test]
fn reader_with_answers_tags_accents_and_emoji() {
    let mut app = app();
    reader(&mut app);
    snap("reader", &app);
}

#[test]
fn templates() {
    let mut app = app();
    press(&mut app, ch('w'));
    snap("templates", &app);
}

#[test]
fn editor_reflective_diary_on_prompt_two() {
    let mut app = app();
    editor_reflective(&mut app);
    snap("editor_reflective", &app);
}

#[test]
fn editor_free_writing() {
    let mut app = app();
    editor_free(&mut app);
    snap("editor_free", &app);
}

#[test]
fn editor_on_the_title() {
    let mut app = app();
    editor_reflective(&mut app);
    press(&mut app, ctrl('t'));
    type_text(&mut app, "Home visit, Thursday");
    snap("editor_title", &app);
}

#[test]
fn search_with_two_highlighted_hits() {
    let mut app = app();
    search_with_hits(&mut app);
    snap("search", &app);
}

#[test]
fn search_empty_and_nothing_found() {
    let mut app = app();
    press(&mut app, ch('/'));
    snap("search_empty", &app);
    type_text(&mut app, "zebra");
    update(
        &mut app,
        Action::SearchResults {
            query: "zebra*".into(),
            hits: vec![],
        },
    );
    snap("search_nothing_found", &app);
}

// ---------------------------------------------------------------------------
// Overlays

#[test]
fn overlay_help_on_today() {
    let mut app = today_full(true);
    press(&mut app, ch('?'));
    assert!(matches!(app.overlay, Some(Overlay::Help)));
    snap("overlay_help_today", &app);
}

#[test]
fn overlay_help_on_the_check_in() {
    let mut app = app();
    press(&mut app, ch('c'));
    press(&mut app, ch('?'));
    assert!(matches!(app.overlay, Some(Overlay::Help)));
    snap("overlay_help_checkin", &app);
}

#[test]
fn overlay_help_in_the_editor() {
    let mut app = app();
    editor_reflective(&mut app);
    press(&mut app, key(KeyCode::F(1)));
    assert!(matches!(app.overlay, Some(Overlay::Help)));
    snap("overlay_help_editor", &app);
}

#[test]
fn overlay_suggestion_with_help() {
    let mut app = today_full(true);
    update(&mut app, Action::CheckInSaved(Some(sustained_strain())));
    assert!(matches!(app.overlay, Some(Overlay::Suggestion(_))));
    snap("overlay_suggestion_help", &app);
}

#[test]
fn overlay_suggestion_plain_and_the_exercise_it_opens() {
    let mut app = today_full(true);
    update(&mut app, Action::CheckInSaved(Some(low_and_tired())));
    snap("overlay_suggestion", &app);
    press(&mut app, key(KeyCode::Enter));
    // Starting the offer runs the exercise itself, in the pacer.
    assert!(app.overlay.is_none());
    assert!(matches!(app.screen, lantern::tui::app::Screen::Exercise(_)));
    snap("exercise_started", &app);
}

#[test]
fn overlay_draft_offer() {
    let mut app = today_full(true);
    update(&mut app, Action::DraftFound(draft()));
    snap("overlay_draft_offer", &app);
}

#[test]
fn overlay_confirm_delete() {
    let mut app = app();
    reader(&mut app);
    press(&mut app, ch('x'));
    assert!(matches!(app.overlay, Some(Overlay::ConfirmDelete { .. })));
    snap("overlay_confirm_delete", &app);
}

#[test]
fn overlay_leave_editor() {
    let mut app = app();
    editor_reflective(&mut app);
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.overlay, Some(Overlay::LeaveEditor)));
    snap("overlay_leave_editor", &app);
}

#[test]
fn overlay_leave_check_in() {
    let mut app = checkin_at(true, 2);
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.overlay, Some(Overlay::LeaveCheckIn)));
    snap("overlay_leave_checkin", &app);
}

// ---------------------------------------------------------------------------
// Without colour, beyond Today and the meter

#[test]
fn lists_reader_and_overlays_without_colour() {
    let mut app = app_with_colour(false);
    press(&mut app, ch('d'));
    update(
        &mut app,
        Action::EntriesLoaded {
            offset: 0,
            rows: diary_rows(),
        },
    );
    snap_no_colour("diary", &app);

    let mut app = app_with_colour(false);
    reader(&mut app);
    snap_no_colour("reader", &app);
    press(&mut app, ch('x'));
    snap_no_colour("overlay_confirm_delete", &app);

    let mut app = app_with_colour(false);
    press(&mut app, ch('w'));
    snap_no_colour("templates", &app);

    let mut app = app_with_colour(false);
    search_with_hits(&mut app);
    snap_no_colour("search", &app);

    let mut app = today_full(false);
    update(&mut app, Action::CheckInSaved(Some(sustained_strain())));
    snap_no_colour("overlay_suggestion_help", &app);

    for step in [1, 2, 3, 4] {
        let app = checkin_at(false, step);
        snap_no_colour(&format!("checkin_{}", step + 1), &app);
    }
}

/// Every text field shows a placeholder when empty. ratatui-textarea draws
/// placeholders in dark grey unless told otherwise, which NO_COLOR forbids.
#[test]
fn text_field_placeholders_have_no_colour_without_colour() {
    let mut cases: Vec<(&str, App)> = Vec::new();

    let mut app = app_with_colour(false);
    app.screen = Screen::Unlock(Unlock::new());
    cases.push(("unlock", app));

    let mut app = app_with_colour(false);
    app.screen = Screen::Welcome(Welcome::new());
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('y'));
    cases.push(("welcome passphrase", app));

    let mut app = app_with_colour(false);
    press(&mut app, ch('c'));
    for _ in 0..5 {
        press(&mut app, key(KeyCode::Tab));
    }
    cases.push(("check-in note", app));

    let mut app = app_with_colour(false);
    press(&mut app, ch('w'));
    press(&mut app, key(KeyCode::Enter));
    cases.push(("editor", app));

    let mut app = app_with_colour(false);
    press(&mut app, ch('/'));
    cases.push(("search", app));

    let mut failures = Vec::new();
    for (name, app) in &cases {
        let coloured = coloured_cells(&draw(app, 80, 24));
        if !coloured.is_empty() {
            failures.push(format!("{name}: {:?}", &coloured[..coloured.len().min(3)]));
        }
    }
    assert!(
        failures.is_empty(),
        "coloured cells with NO_COLOR: {failures:#?}"
    );
}
