//! What a person did is kept when they stop in a way other than the usual one: an
//! exercise stopped by Ctrl-C or a signal is logged with the time so far, as Esc logs
//! it, and words typed in a plan section are not thrown away on one Esc without a
//! question. Through `update` with the clock set by the test, a snapshot of the
//! question, and the release binary in tmux, checked from outside with the CLI.

mod support;

use chrono::Duration;
use crossterm::event::KeyCode;

use lantern::domain::practice::PracticeRecord;
use lantern::tui::app::{update, Action, App, Effect, Overlay, Screen};
use lantern::tui::screens::exercise::ExerciseRun;

use support::e2e::Diary;
use support::tmux::{self as tm, require_tmux, send_signal, TODAY_FOOTER};
use support::tui::{self, app, ch, ctrl, key, press, t0, type_text};

// ---------------------------------------------------------------------------------------
// An exercise stopped in a hurry

/// Starts a built-in exercise on top of Today, `seconds` in.
fn exercise_at(id: &str, seconds: i64) -> App {
    let mut app = app();
    let exercise = app
        .content
        .exercise(id)
        .expect("a built-in exercise") // ok: test
        .clone();
    let run = ExerciseRun::new(&exercise, &app.env());
    let today = std::mem::replace(&mut app.screen, Screen::Exercise(Box::new(run)));
    app.stack.push(today);
    app.now = t0() + Duration::seconds(seconds);
    update(&mut app, Action::Tick);
    app
}

fn practice(effects: &[Effect]) -> Vec<&PracticeRecord> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::LogPractice(r) => Some(r),
            _ => None,
        })
        .collect()
}

#[test]
fn a_signal_during_an_exercise_logs_the_practice_so_far() {
    let mut app = exercise_at("soothing-breathing", 45);
    let effects = update(&mut app, Action::Terminate);
    assert!(app.quit);
    let logged = practice(&effects);
    assert_eq!(logged.len(), 1, "{effects:?}");
    assert_eq!(logged[0].item_ref, "exercise:soothing-breathing");
    assert_eq!(logged[0].minutes, 0.8, "45 s, as Esc would log it");
    assert_eq!(logged[0].at, t0());
}

#[test]
fn ctrl_c_during_an_exercise_logs_it_but_a_run_already_logged_is_not_logged_twice() {
    let mut app = exercise_at("grounding", 30);
    let logged = update(&mut app, ctrl('c'));
    assert_eq!(
        practice(&logged)
            .iter()
            .map(|r| (r.item_ref.as_str(), r.minutes))
            .collect::<Vec<_>>(),
        [("exercise:grounding", 0.5)]
    );

    // Stopped with Esc, then the app closed while the note is offered: once only.
    let mut app = exercise_at("grounding", 30);
    assert_eq!(practice(&press(&mut app, key(KeyCode::Esc))).len(), 1);
    let effects = update(&mut app, Action::Terminate);
    assert!(practice(&effects).is_empty(), "{effects:?}");
}

// ---------------------------------------------------------------------------------------
// Esc in a plan section with words in it

/// The plan, loaded empty, writing its first section.
fn writing_the_plan() -> App {
    let mut app = app();
    press(&mut app, ch('p'));
    press(&mut app, Action::PlanLoaded(Vec::new()));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.screen.typing());
    app
}

fn plan_words(app: &App) -> Option<Vec<String>> {
    match &app.screen {
        Screen::Plan(p) => p.editing.as_ref().map(|a| a.lines().to_vec()),
        other => panic!("expected the plan, got {}", other.name()),
    }
}

#[test]
fn esc_with_words_in_a_plan_section_asks_and_keep_writing_keeps_them() {
    let mut app = writing_the_plan();
    type_text(&mut app, "abc");
    assert!(press(&mut app, key(KeyCode::Esc)).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::LeaveEditor)));
    assert_eq!(plan_words(&app), Some(vec!["abc".to_string()]));
    assert_ne!(app.status.as_deref(), Some("Not saved."));

    // Esc again is "keep writing": the words are still there to carry on with.
    assert!(press(&mut app, key(KeyCode::Esc)).is_empty());
    assert!(app.overlay.is_none());
    type_text(&mut app, "d");
    assert_eq!(plan_words(&app), Some(vec!["abcd".to_string()]));

    // From the suggestions list, Esc asks too.
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.overlay, Some(Overlay::LeaveEditor)));
}

#[test]
fn keeping_a_plan_draft_saves_it_for_next_time_and_discarding_lets_it_go() {
    let mut app = writing_the_plan();
    let slot = format!("plan:{}", app.content.sections[0].id.as_ref());
    type_text(&mut app, "a walk at lunch");
    press(&mut app, key(KeyCode::Esc));
    let effects = press(&mut app, ch('k'));
    match effects.as_slice() {
        [Effect::SaveDraft(d)] => {
            assert_eq!(d.slot, slot);
            assert_eq!(d.body, "a walk at lunch");
        }
        other => panic!("expected the section kept as a draft, got {other:?}"),
    }
    assert_eq!(plan_words(&app), None, "back on the plan's sections");
    assert!(app
        .status
        .as_deref()
        .is_some_and(|s| s.contains("offered next time")));

    let mut app = writing_the_plan();
    type_text(&mut app, "a walk at lunch");
    press(&mut app, key(KeyCode::Esc));
    assert!(press(&mut app, ch('d')).is_empty(), "nothing kept");
    assert_eq!(plan_words(&app), None);
    assert_eq!(app.status.as_deref(), Some("Not saved."));
    assert!(matches!(app.screen, Screen::Plan(_)));
}

#[test]
fn esc_with_nothing_changed_in_a_plan_section_just_leaves_it() {
    let mut app = writing_the_plan();
    assert!(press(&mut app, key(KeyCode::Esc)).is_empty());
    assert!(app.overlay.is_none());
    assert_eq!(plan_words(&app), None);
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Today));
}

#[test]
fn discarding_a_carried_on_plan_draft_lets_the_kept_draft_go_too() {
    let mut app = writing_the_plan();
    type_text(&mut app, "asking for help");
    let kept = update(&mut app, ctrl('c'));
    let Some(Effect::SaveDraft(draft)) = kept.first() else {
        panic!("expected a draft, got {kept:?}");
    };
    let mut app = self::app();
    update(&mut app, Action::DraftFound(draft.clone()));
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, Action::PlanLoaded(Vec::new()));
    // Unchanged, but carried on from a draft: still asked, since the draft is at stake.
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.overlay, Some(Overlay::LeaveEditor)));
    let effects = press(&mut app, ch('d'));
    assert!(
        matches!(effects.as_slice(), [Effect::DiscardDraft(s)] if *s == draft.slot),
        "{effects:?}"
    );
}

#[test]
fn the_question_over_a_plan_section() {
    let mut app = writing_the_plan();
    type_text(&mut app, "abc");
    press(&mut app, key(KeyCode::Esc));
    let [small, _] = tui::snapshots("plan_stop_writing", &app, |name, frame| {
        insta::assert_snapshot!(name, frame)
    });
    assert!(small.contains("Stop writing?"), "{small}");
    assert!(small.contains("keep a draft"), "{small}");
    assert!(small.contains("discard it"), "{small}");
}

// ---------------------------------------------------------------------------------------
// In tmux: Ctrl-C and SIGTERM during an exercise, then `lantern practice`

/// From Today, starts the soothing breathing rhythm from the library.
fn start_breathing(app: &tm::App) {
    app.wait_for(TODAY_FOOTER);
    app.keys(&["l"]);
    app.wait_for("┌ Library ");
    app.keys(&["Tab", "Tab", "Tab"]);
    app.wait_for("Soothing breathing rhythm");
    app.keys(&["Enter"]);
    app.wait_for("x exercise");
    app.keys(&["x"]);
    app.wait_until("the exercise running", tm::WAIT, |s| {
        !s.contains("x exercise") && s.contains(" left")
    });
}

#[test]
fn stopping_the_app_during_an_exercise_keeps_the_practice() {
    require_tmux!();
    let diary = Diary::initialised();
    let mut app = tm::App::launch(&diary, "exercise-ctrl-c");
    start_breathing(&app);
    app.keys(&["C-c"]);
    app.wait_exit().assert_clean();
    let practice = diary.cli_ok(&["practice"]);
    assert_eq!(
        practice.matches("Soothing breathing rhythm").count(),
        1,
        "Ctrl-C during the exercise did not log it:\n{practice}"
    );

    app.relaunch();
    start_breathing(&app);
    send_signal(app.lantern_pid(), "TERM");
    app.wait_exit();
    let practice = diary.cli_ok(&["practice"]);
    assert_eq!(
        practice.matches("Soothing breathing rhythm").count(),
        2,
        "SIGTERM during the exercise did not log it:\n{practice}"
    );
}
