//! The practice screens of the full-screen app, driven through `update` with
//! the clock set by the test, and drawn into ratatui's `TestBackend` as insta
//! snapshots at 80×24 and 120×40: the library and its topics, a running exercise with
//! its breathing pacer, the support finder, the resilience plan, and help now.

mod support;

use chrono::Duration;
use crossterm::event::KeyCode;

use lantern::config::Config;
use lantern::content::schema::{Formality, Need, Rhythm, Setting};
use lantern::domain::pacer::{PacerState, Phase};
use lantern::domain::practice::PracticeRecord;
use lantern::domain::suggest::Suggestion;
use lantern::tui::app::{update, Action, App, Effect, Overlay, Screen};
use lantern::tui::screens::exercise::ExerciseRun;
use lantern::tui::screens::library::Row;

use support::tui::{
    self, app, app_with_config, ch, ctrl, draw, editor, key, page_text, press, screen_text, t0,
    type_text,
};

// ---------------------------------------------------------------------------
// Helpers

/// Sets the clock `seconds` after the start and lets time pass.
fn at_second(app: &mut App, seconds: f64) -> Vec<Effect> {
    app.now = t0() + Duration::milliseconds((seconds * 1000.0).round() as i64);
    update(app, Action::Tick)
}

fn run(app: &App) -> &ExerciseRun {
    match &app.screen {
        Screen::Exercise(e) => e,
        other => panic!("expected an exercise, got {}", other.name()),
    }
}

/// The running exercise's elapsed time (pauses excluded), in seconds.
fn elapsed(app: &App) -> f64 {
    run(app).elapsed(app.now).as_secs_f64()
}

/// What the pacer says now, through the screen's own clock.
fn pacer_state(app: &App) -> PacerState<'_> {
    let r = run(app);
    r.pacer.at(r.elapsed(app.now))
}

fn phase(app: &App) -> Option<(Phase, u32)> {
    pacer_state(app).breath.map(|b| (b.phase, b.cycle))
}

/// Starts a built-in exercise as Topic and the suggestion do: on top of Today.
fn start_exercise(app: &mut App, id: &str) {
    let exercise = app
        .content
        .exercise(id)
        .expect("a built-in exercise")
        .clone();
    let run = ExerciseRun::new(&exercise, &app.env());
    let today = std::mem::replace(&mut app.screen, Screen::Exercise(Box::new(run)));
    app.stack.push(today);
}

fn logged(effects: &[Effect]) -> &PracticeRecord {
    match effects {
        [Effect::LogPractice(r)] => r,
        other => panic!("expected one LogPractice, got {other:?}"),
    }
}

fn suggestion(offer: &[&str]) -> Suggestion {
    Suggestion {
        rule_id: "rule-tense".into(),
        message: "You sound tense. A slow breath can help.".into(),
        offer: offer.iter().map(|o| o.to_string()).collect(),
        offer_help: false,
        strain: false,
    }
}

/// The index of the answer with this id in the finder's question `q`.
fn answer(app: &App, q: usize, id: &str) -> usize {
    app.content.questions[q]
        .answers
        .iter()
        .position(|a| a.id.as_ref() == id)
        .unwrap_or_else(|| panic!("question {q} has no answer {id}"))
}

/// From Today, answers the finder's questions by answer id.
fn walk_finder(app: &mut App, answers: &[&str]) -> Vec<String> {
    assert!(press(app, ch('f')).is_empty());
    assert!(matches!(app.screen, Screen::Finder(_)));
    for (q, id) in answers.iter().enumerate() {
        let index = answer(app, q, id);
        for _ in 0..index {
            press(app, key(KeyCode::Down));
        }
        assert!(press(app, key(KeyCode::Enter)).is_empty());
    }
    match &app.screen {
        Screen::Finder(f) => f.results.clone().expect("every question answered"),
        other => panic!("expected the finder, got {}", other.name()),
    }
}

/// The library, moved down to the first item under `heading`.
fn library_at(app: &mut App, heading: &str) {
    press(app, ch('l'));
    let Screen::Library(lib) = &app.screen else {
        panic!("expected the library");
    };
    let group = lib
        .rows
        .iter()
        .filter(|r| matches!(r, Row::Heading(_)))
        .position(|r| matches!(r, Row::Heading(h) if *h == heading))
        .unwrap_or_else(|| panic!("no heading {heading}"));
    for _ in 0..group {
        press(app, key(KeyCode::Tab));
    }
}

fn selected_row(app: &App) -> Row {
    match &app.screen {
        Screen::Library(l) => l.rows[l.selected].clone(),
        other => panic!("expected the library, got {}", other.name()),
    }
}

fn section_id(app: &App, i: usize) -> String {
    app.content.sections[i].id.as_ref().clone()
}

// Drawing

/// Snapshots at 80×24 and 120×40 in the default theme; returns the text of each.
fn snap(name: &str, app: &App) -> [String; 2] {
    tui::snapshots(name, app, |name, frame| {
        insta::assert_snapshot!(name, frame)
    })
}

/// Rows holding only the pacer's bar (not the progress gauge, which has its label).
fn pacer_bar_rows(text: &str) -> usize {
    text.lines()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
        .filter(|l| !l.is_empty() && l.chars().all(|c| c == '█'))
        .count()
}

const STAR_ARM: &str = "◀━━━━━━━▶";

// ---------------------------------------------------------------------------
// The pacer, through the Exercise screen

#[test]
fn the_breathing_exercise_steps_through_its_guided_steps_then_paces_the_breath() {
    let mut app = app();
    start_exercise(&mut app, "soothing-breathing");
    assert_eq!(run(&app).pacer.item_ref, "exercise:soothing-breathing");
    assert_eq!(run(&app).pacer.total_seconds(), 134.0);

    // A short settling step of 4 s, no breath.
    for (t, step) in [(0.0, 0), (2.0, 0), (3.9, 0)] {
        assert!(at_second(&mut app, t).is_empty());
        let s = pacer_state(&app);
        assert_eq!((s.step, s.breath.is_some()), (step, false), "at {t} s");
        assert!((elapsed(&app) - t).abs() < 1e-6);
    }
    // The paced step from 4 s: in 4, hold 1, out 5, rest 1.
    for (t, expected) in [
        (4.0, (Phase::Inhale, 1)),
        (6.0, (Phase::Inhale, 1)),
        (8.0, (Phase::Hold, 1)),
        (9.0, (Phase::Exhale, 1)),
        (13.9, (Phase::Exhale, 1)),
        (14.0, (Phase::Rest, 1)),
        (15.0, (Phase::Inhale, 2)),
        (4.0 + 11.0 * 9.0 + 4.5, (Phase::Hold, 10)),
    ] {
        assert!(at_second(&mut app, t).is_empty(), "no log at {t} s");
        assert_eq!(phase(&app), Some(expected), "at {t} s");
        assert_eq!(pacer_state(&app).step, 1);
    }
    // Half way through the first in-breath the shape is half full.
    at_second(&mut app, 6.0);
    let b = pacer_state(&app).breath.unwrap();
    assert_eq!(b.word, "Breathe in");
    assert!((b.fullness() - 0.5).abs() < 1e-9);
    assert!((b.phase_left - 2.0).abs() < 1e-9);
    // The last step is not paced.
    at_second(&mut app, 119.0);
    assert_eq!((pacer_state(&app).step, phase(&app)), (2, None));
}

#[test]
fn the_rhythm_from_the_settings_paces_the_breath() {
    let mut app = app_with_config(Config {
        rhythm: Some(Rhythm {
            inhale: 5.0,
            hold: 0.0,
            exhale: 5.0,
            rest: 0.0,
            cycles: 3,
        }),
        ..Config::default()
    });
    start_exercise(&mut app, "soothing-breathing");
    // Settling for 4 s, three breaths of 10 s, and 20 s to close.
    assert_eq!(run(&app).pacer.total_seconds(), 54.0);
    for (t, expected) in [
        (8.9, (Phase::Inhale, 1)),
        (9.0, (Phase::Exhale, 1)),
        (14.0, (Phase::Inhale, 2)),
        (33.0, (Phase::Exhale, 3)),
    ] {
        at_second(&mut app, t);
        assert_eq!(phase(&app), Some(expected), "at {t} s");
    }
    assert!(at_second(&mut app, 53.0).is_empty());
    assert_eq!(logged(&at_second(&mut app, 54.0)).minutes, 0.9);
}

#[test]
fn space_pauses_the_clock_and_carries_on_from_the_same_moment() {
    let mut app = app();
    start_exercise(&mut app, "soothing-breathing");
    at_second(&mut app, 6.0);
    assert_eq!(phase(&app), Some((Phase::Inhale, 1)));

    assert!(press(&mut app, ch(' ')).is_empty());
    assert!(run(&app).since.is_none(), "paused");
    for t in [70.0, 150.0, 400.0] {
        assert!(at_second(&mut app, t).is_empty(), "paused: nothing logs");
        assert!((elapsed(&app) - 6.0).abs() < 1e-6, "elapsed stays at 6 s");
        assert_eq!(phase(&app), Some((Phase::Inhale, 1)));
    }
    // Resume at 400 s on the wall clock: 3 s later it is 9 s into the exercise.
    assert!(press(&mut app, ch(' ')).is_empty());
    assert!(run(&app).since.is_some());
    at_second(&mut app, 403.0);
    assert!((elapsed(&app) - 9.0).abs() < 1e-6);
    assert_eq!(phase(&app), Some((Phase::Exhale, 1)));

    // 'p' pauses too.
    press(&mut app, ch('p'));
    at_second(&mut app, 500.0);
    assert!((elapsed(&app) - 9.0).abs() < 1e-6);
}

#[test]
fn stopping_early_logs_the_minutes_so_far_with_the_right_item() {
    let mut app = app();
    start_exercise(&mut app, "soothing-breathing");
    at_second(&mut app, 45.0);
    let effects = press(&mut app, key(KeyCode::Esc));
    let r = logged(&effects);
    assert_eq!(r.item_ref, "exercise:soothing-breathing");
    assert!(r.minutes > 0.0);
    assert_eq!(r.minutes, 0.8, "45 s is 0.8 minutes, to one decimal");
    assert_eq!(r.at, t0(), "logged at the start");
    assert_eq!(r.note, None);
    // The screen now offers the note, and the clock has stopped.
    assert!(run(&app).done.is_some());
    assert!(app.screen.typing());
    assert!(at_second(&mut app, 300.0).is_empty(), "logged once only");
    assert!((elapsed(&app) - 45.0).abs() < 1e-6);
}

#[test]
fn q_stops_a_guided_exercise_too() {
    let mut app = app();
    start_exercise(&mut app, "grounding");
    at_second(&mut app, 30.0);
    assert!(pacer_state(&app).breath.is_none());
    let effects = press(&mut app, ch('q'));
    let r = logged(&effects);
    assert_eq!(
        (r.item_ref.as_str(), r.minutes),
        ("exercise:grounding", 0.5)
    );
}

#[test]
fn running_past_the_end_logs_once_with_the_full_time() {
    let mut app = app();
    start_exercise(&mut app, "soothing-breathing");
    assert!(at_second(&mut app, 133.0).is_empty());
    let effects = at_second(&mut app, 135.0);
    let r = logged(&effects);
    assert_eq!(r.item_ref, "exercise:soothing-breathing");
    // Never more than the exercise's own length: 134 s.
    assert_eq!(r.minutes, 2.2);
    assert!(
        at_second(&mut app, 136.0).is_empty(),
        "a second tick logs nothing"
    );
    assert!(at_second(&mut app, 1000.0).is_empty());
    assert!(run(&app).done.is_some());
}

#[test]
fn a_paused_run_finishes_on_running_time_not_wall_time() {
    let mut app = app();
    start_exercise(&mut app, "soothing-breathing");
    at_second(&mut app, 100.0);
    press(&mut app, ch(' '));
    // An hour on the wall clock while paused: still not finished.
    assert!(at_second(&mut app, 3700.0).is_empty());
    press(&mut app, ch(' '));
    assert!(
        at_second(&mut app, 3733.0).is_empty(),
        "133 s of running time"
    );
    let effects = at_second(&mut app, 3734.0);
    assert_eq!(logged(&effects).minutes, 2.2);
}

#[test]
fn the_note_after_an_exercise_is_saved_against_the_logged_practice() {
    let mut app = app();
    start_exercise(&mut app, "soothing-breathing");
    at_second(&mut app, 90.0);
    logged(&press(&mut app, key(KeyCode::Esc)));
    assert!(press(&mut app, Action::PracticeLogged(7)).is_empty());
    assert_eq!(run(&app).done.as_ref().unwrap().logged_id, Some(7));
    // Typing goes into the note: 'q' and 'H' are letters here, not keys.
    assert!(type_text(&mut app, "calmer Heart quiet").is_empty());
    assert!(app.overlay.is_none());
    let effects = press(&mut app, key(KeyCode::Enter));
    match effects.as_slice() {
        [Effect::SetPracticeNote { id, note }] => {
            assert_eq!(*id, 7);
            assert_eq!(note, "calmer Heart quiet");
        }
        other => panic!("expected SetPracticeNote, got {other:?}"),
    }
    assert!(matches!(app.screen, Screen::Today));
    assert!(app.status.as_deref().unwrap().contains("1.5 minutes"));
}

#[test]
fn no_note_or_esc_saves_no_note() {
    let mut app = app();
    start_exercise(&mut app, "grounding");
    at_second(&mut app, 60.0);
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, Action::PracticeLogged(3));
    assert!(
        press(&mut app, key(KeyCode::Enter)).is_empty(),
        "empty note"
    );
    assert!(matches!(app.screen, Screen::Today));

    let mut app = self::app();
    start_exercise(&mut app, "grounding");
    at_second(&mut app, 60.0);
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, Action::PracticeLogged(3));
    type_text(&mut app, "fine");
    assert!(press(&mut app, key(KeyCode::Esc)).is_empty(), "Esc skips");
    assert!(matches!(app.screen, Screen::Today));
}

// ---------------------------------------------------------------------------
// The support finder

#[test]
fn process_distress_with_one_person_formally_offers_restorative_supervision_first() {
    let mut app = app();
    let results = walk_finder(&mut app, &["process", "one", "formal"]);
    assert_eq!(results[0], "restorative-supervision", "{results:?}");
    assert!(!results.contains(&"coaching".to_string()), "{results:?}");
    // Enter opens the first model.
    press(&mut app, key(KeyCode::Enter));
    match &app.screen {
        Screen::Topic(t) => assert_eq!(t.reference, "model:restorative-supervision"),
        other => panic!("expected a topic, got {}", other.name()),
    }
}

#[test]
fn growing_with_one_person_informally_offers_mentoring_before_coaching() {
    let mut app = app();
    let results = walk_finder(&mut app, &["grow", "one", "informal"]);
    // Every model that meets all three answers comes before any that does not; among
    // equals the content's order holds, so "Courageous conversations" (grow, one,
    // informal) comes before mentoring in support.toml's order.
    let fits_all = |id: &str| {
        let m = app
            .content
            .models
            .iter()
            .find(|m| m.id.as_ref() == id)
            .unwrap();
        m.needs.contains(&Need::Grow)
            && m.settings.contains(&Setting::One)
            && m.formality.contains(&Formality::Informal)
    };
    assert!(fits_all(&results[0]), "{results:?}");
    let mentoring = results.iter().position(|r| r == "mentoring");
    let coaching = results.iter().position(|r| r == "coaching");
    assert!(
        mentoring.is_some_and(|m| fits_all(&results[m])),
        "{results:?}"
    );
    assert!(mentoring < coaching && coaching.is_some(), "{results:?}");
    assert!(
        !fits_all("coaching"),
        "coaching is arranged (formal) only: {results:?}"
    );
    let first_partial = results.iter().position(|r| !fits_all(r));
    assert!(
        results
            .iter()
            .skip(first_partial.unwrap_or(results.len()))
            .all(|r| !fits_all(r)),
        "full fits first: {results:?}"
    );
}

#[test]
fn the_finder_goes_back_a_question_and_keeps_the_answer_chosen() {
    let mut app = app();
    walk_finder(&mut app, &["think", "group", "any"]);
    // Back from the results to question 3, with its answer under the cursor.
    press(&mut app, key(KeyCode::Esc));
    let Screen::Finder(f) = &app.screen else {
        panic!("expected the finder")
    };
    assert!(f.results.is_none());
    assert_eq!(f.chosen.len(), 2);
    assert_eq!(f.cursor, answer(&app, 2, "any"));
    press(&mut app, key(KeyCode::Backspace));
    press(&mut app, key(KeyCode::Backspace));
    let Screen::Finder(f) = &app.screen else {
        panic!("expected the finder")
    };
    assert!(f.chosen.is_empty());
    assert_eq!(f.cursor, answer(&app, 0, "think"));
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Today));
}

#[test]
fn every_answer_path_offers_something() {
    let count = |app: &App, q: usize| app.content.questions[q].answers.len();
    let probe = app();
    for a in 0..count(&probe, 0) {
        for b in 0..count(&probe, 1) {
            for c in 0..count(&probe, 2) {
                let mut app = app();
                press(&mut app, ch('f'));
                for down in [a, b, c] {
                    for _ in 0..down {
                        press(&mut app, key(KeyCode::Down));
                    }
                    press(&mut app, key(KeyCode::Enter));
                }
                let Screen::Finder(f) = &app.screen else {
                    panic!("expected the finder")
                };
                assert!(
                    f.results.as_ref().is_some_and(|r| !r.is_empty()),
                    "answers {a} {b} {c}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The plan

#[test]
fn the_plan_loads_edits_in_place_and_saves_a_section() {
    let mut app = app();
    let effects = press(&mut app, ch('p'));
    assert!(matches!(effects.as_slice(), [Effect::LoadPlan]));
    assert!(matches!(app.screen, Screen::Plan(_)));

    let values = section_id(&app, 0);
    let strengths = section_id(&app, 1);
    press(
        &mut app,
        Action::PlanLoaded(vec![
            (values.clone(), "Families first.".into()),
            (strengths.clone(), "Listening.\nStaying calm.".into()),
        ]),
    );
    let Screen::Plan(p) = &app.screen else {
        panic!("expected the plan")
    };
    assert!(p.loaded);
    assert_eq!(p.texts[&values], "Families first.");
    let text = screen_text(&draw(&app, 80, 24));
    assert!(text.contains("Families first."), "{text}");
    assert!(text.contains("Listening."), "{text}");

    // Edit the second section: the cursor starts at the end of what is there.
    press(&mut app, key(KeyCode::Down));
    assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(app.screen.typing());
    // Keys that mean something elsewhere are text while writing.
    type_text(&mut app, " Humour, quietly.");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "Hope");
    let effects = press(&mut app, ctrl('s'));
    match effects.as_slice() {
        [Effect::SavePlanSection { id, text }] => {
            assert_eq!(id, &strengths);
            assert_eq!(text, "Listening.\nStaying calm. Humour, quietly.\nHope");
        }
        other => panic!("expected SavePlanSection, got {other:?}"),
    }
    assert!(!app.screen.typing());
    assert!(matches!(app.screen, Screen::Plan(_)));
}

#[test]
fn esc_while_writing_in_the_plan_saves_nothing() {
    let mut app = app();
    press(&mut app, ch('p'));
    press(&mut app, Action::PlanLoaded(vec![]));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "something");
    // Asked first; discarding leaves the words unsaved.
    assert!(press(&mut app, key(KeyCode::Esc)).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::LeaveEditor)));
    assert!(press(&mut app, ch('d')).is_empty());
    assert!(!app.screen.typing());
    assert_eq!(app.status.as_deref(), Some("Not saved."));
    assert!(matches!(app.screen, Screen::Plan(_)));
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Today));
}

// ---------------------------------------------------------------------------
// The library and its topics

#[test]
fn the_library_opens_a_skill_with_its_exercise_template_and_practice_log() {
    let mut app = app();
    assert!(press(&mut app, ch('l')).is_empty());
    let Row::Item(_, id, _) = selected_row(&app) else {
        panic!("an item is selected first")
    };
    press(&mut app, key(KeyCode::Enter));
    let reference = match &app.screen {
        Screen::Topic(t) => {
            assert!(t.reference.starts_with("skill:"), "{}", t.reference);
            assert!(t.reference.ends_with(&id));
            assert!(t.template.is_some(), "the first skill has a template");
            t.reference.clone()
        }
        other => panic!("expected a topic, got {}", other.name()),
    };

    // 'p' marks it practised, now, with no minutes.
    let effects = press(&mut app, ch('p'));
    let r = logged(&effects);
    assert_eq!(r.item_ref, reference);
    assert_eq!((r.at, r.minutes), (t0(), 0.0));
    assert!(app.status.as_deref().unwrap().contains("practised"));

    // 'w' writes with its template, on top of the topic.
    let template = match &app.screen {
        Screen::Topic(t) => t.template.clone().unwrap(),
        _ => unreachable!(),
    };
    assert!(press(&mut app, ch('w')).is_empty());
    assert_eq!(editor(&app).template_id.as_deref(), Some(template.as_str()));
    assert!(matches!(app.stack.last(), Some(Screen::Topic(_))));
}

#[test]
fn x_on_an_exercise_topic_starts_that_exercise() {
    let mut app = app();
    library_at(&mut app, "Exercises");
    let Row::Item(_, id, _) = selected_row(&app) else {
        panic!("an exercise is selected")
    };
    press(&mut app, key(KeyCode::Enter));
    match &app.screen {
        Screen::Topic(t) => {
            assert_eq!(t.reference, format!("exercise:{id}"));
            assert_eq!(t.exercise.as_deref(), Some(id.as_str()));
        }
        other => panic!("expected a topic, got {}", other.name()),
    }
    assert!(press(&mut app, ch('x')).is_empty());
    assert_eq!(run(&app).pacer.item_ref, format!("exercise:{id}"));
    assert_eq!(run(&app).started_at, t0());
    // Back twice returns to the library.
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, Action::PracticeLogged(1));
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Topic(_)));
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Library(_)));
}

#[test]
fn the_library_moves_past_headings() {
    let mut app = app();
    press(&mut app, ch('l'));
    for _ in 0..40 {
        press(&mut app, key(KeyCode::Down));
        assert!(matches!(selected_row(&app), Row::Item(..)));
    }
    for _ in 0..60 {
        press(&mut app, key(KeyCode::Up));
        assert!(matches!(selected_row(&app), Row::Item(..)));
    }
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::BackTab));
    assert!(matches!(selected_row(&app), Row::Item(..)));
}

// ---------------------------------------------------------------------------
// Help now, and a suggestion that starts an exercise

#[test]
fn help_now_from_inside_the_editor_returns_to_the_same_text_and_prompt() {
    let mut app = app();
    press(&mut app, ch('w'));
    press(&mut app, key(KeyCode::Enter));
    // On to the second prompt.
    press(&mut app, ctrl('n'));
    let index = editor(&app).index;
    assert_eq!(index, 1, "on the second prompt");
    type_text(&mut app, "Hard day. Quiet now.");
    let before = page_text(&app);
    assert_eq!(before, "Hard day. Quiet now.");

    // 'H' is a letter while writing; F2 opens help now.
    type_text(&mut app, "H");
    assert!(app.overlay.is_none());
    assert_eq!(page_text(&app), "Hard day. Quiet now.H");
    press(&mut app, key(KeyCode::Backspace));

    assert!(press(&mut app, key(KeyCode::F(2))).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::HelpNow { scroll: 0 })));
    // Arrows scroll it.
    press(&mut app, key(KeyCode::Down));
    assert!(matches!(app.overlay, Some(Overlay::HelpNow { scroll: 1 })));
    // Any other key closes it, and is not typed.
    assert!(press(&mut app, ch('x')).is_empty());
    assert!(app.overlay.is_none());
    assert_eq!(page_text(&app), before);
    assert_eq!(editor(&app).index, index);
    // Writing carries on where it was.
    type_text(&mut app, " Ok.");
    assert_eq!(page_text(&app), "Hard day. Quiet now. Ok.");
}

#[test]
fn h_on_today_and_f2_anywhere_open_help_now() {
    let mut app = app();
    assert!(press(&mut app, ch('H')).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::HelpNow { .. })));
    press(&mut app, key(KeyCode::Esc));
    assert!(app.overlay.is_none());
    assert!(matches!(app.screen, Screen::Today));

    // F2 over the pacer: the pacer keeps its state.
    start_exercise(&mut app, "soothing-breathing");
    at_second(&mut app, 5.0);
    press(&mut app, key(KeyCode::F(2)));
    assert!(matches!(app.overlay, Some(Overlay::HelpNow { .. })));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.overlay.is_none());
    assert!(run(&app).done.is_none());
    assert_eq!(phase(&app), Some((Phase::Inhale, 1)));

    // In the plan, 'H' opens it when not writing.
    let mut app = self::app();
    press(&mut app, ch('p'));
    press(&mut app, ch('H'));
    assert!(matches!(app.overlay, Some(Overlay::HelpNow { .. })));
}

#[test]
fn a_suggestion_that_offers_an_exercise_starts_it_with_enter() {
    let mut app = app();
    let effects = press(
        &mut app,
        Action::CheckInSaved(Some(suggestion(&["exercise:soothing-breathing"]))),
    );
    assert!(matches!(effects.as_slice(), [Effect::LoadToday]));
    assert!(matches!(app.overlay, Some(Overlay::Suggestion(_))));
    assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(app.overlay.is_none());
    assert_eq!(run(&app).pacer.item_ref, "exercise:soothing-breathing");
    assert!(matches!(app.stack.as_slice(), [Screen::Today]));

    // Esc skips it.
    let mut app = self::app();
    press(
        &mut app,
        Action::CheckInSaved(Some(suggestion(&["exercise:soothing-breathing"]))),
    );
    press(&mut app, key(KeyCode::Esc));
    assert!(app.overlay.is_none());
    assert!(matches!(app.screen, Screen::Today));
}

// ---------------------------------------------------------------------------
// Snapshots

#[test]
fn library_with_the_star_at_the_wider_size() {
    let mut app = app();
    press(&mut app, ch('l'));
    assert!(matches!(selected_row(&app), Row::Item(..)));
    let [narrow, wide] = snap("library", &app);
    assert!(!narrow.contains(STAR_ARM), "a list only at 80×24");
    assert!(wide.contains(STAR_ARM), "the star at 120×40:\n{wide}");
    // The heart and the tips of the star.
    assert!(wide.contains("Self-compassion") || wide.contains("self-compassion"));
}

#[test]
fn library_on_a_model_shows_its_text_beside_the_list() {
    let mut app = app();
    library_at(&mut app, "Models of support");
    let [_, wide] = snap("library_model", &app);
    assert!(!wide.contains(STAR_ARM));
}

#[test]
fn topic_a_skill() {
    let mut app = app();
    press(&mut app, ch('l'));
    press(&mut app, key(KeyCode::Enter));
    snap("topic_skill", &app);
}

#[test]
fn topic_an_exercise() {
    let mut app = app();
    library_at(&mut app, "Exercises");
    press(&mut app, key(KeyCode::Enter));
    snap("topic_exercise", &app);
}

#[test]
fn exercise_a_guided_step() {
    let mut app = app();
    start_exercise(&mut app, "soothing-breathing");
    at_second(&mut app, 2.4);
    snap("exercise_guided_step", &app);
}

#[test]
fn exercise_mid_in_breath() {
    let mut app = app();
    start_exercise(&mut app, "soothing-breathing");
    at_second(&mut app, 6.0);
    assert_eq!(phase(&app), Some((Phase::Inhale, 1)));
    let [narrow, wide] = snap("exercise_breathing_in", &app);
    for text in [&narrow, &wide] {
        assert!(text.contains("Breathe in"));
        assert_eq!(pacer_bar_rows(text), 2, "the pacer's bar:\n{text}");
    }
}

#[test]
fn exercise_mid_in_breath_with_reduced_motion() {
    let mut app = app_with_config(Config {
        reduced_motion: true,
        ..Config::default()
    });
    start_exercise(&mut app, "soothing-breathing");
    at_second(&mut app, 6.0);
    let [narrow, wide] = snap("exercise_breathing_in_reduced_motion", &app);
    for text in [&narrow, &wide] {
        assert!(text.contains("Breathe in"));
        assert_eq!(pacer_bar_rows(text), 0, "words only:\n{text}");
    }
}

#[test]
fn exercise_paused() {
    let mut app = app();
    start_exercise(&mut app, "soothing-breathing");
    at_second(&mut app, 10.0);
    press(&mut app, ch(' '));
    at_second(&mut app, 90.0);
    snap("exercise_paused", &app);
}

#[test]
fn exercise_done_with_a_note() {
    let mut app = app();
    start_exercise(&mut app, "soothing-breathing");
    at_second(&mut app, 195.0);
    press(&mut app, Action::PracticeLogged(7));
    type_text(&mut app, "Calmer than before");
    snap("exercise_done", &app);
}

#[test]
fn finder_question_one() {
    let mut app = app();
    press(&mut app, ch('f'));
    press(&mut app, key(KeyCode::Down));
    snap("finder_question_1", &app);
}

#[test]
fn finder_results() {
    let mut app = app();
    walk_finder(&mut app, &["process", "one", "formal"]);
    snap("finder_results", &app);
}

fn plan_with_two_sections() -> App {
    let mut app = app();
    press(&mut app, ch('p'));
    let values = section_id(&app, 0);
    let people = section_id(&app, 5);
    press(
        &mut app,
        Action::PlanLoaded(vec![
            (
                values,
                "Every family deserves someone who listens.\nI came into this work to make early years kinder.".into(),
            ),
            (
                people,
                "Sam (team lead): text first, 07700 900123\nMy sister, evenings\nPeer group, Thursdays".into(),
            ),
        ]),
    );
    app
}

#[test]
fn plan_with_two_sections_written() {
    let app = plan_with_two_sections();
    snap("plan", &app);
}

#[test]
fn plan_editing() {
    let mut app = plan_with_two_sections();
    for _ in 0..5 {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "Ana from the baby clinic");
    snap("plan_editing", &app);
}

#[test]
fn help_now_over_today() {
    let mut app = app();
    press(&mut app, ch('H'));
    snap("help_now_today", &app);
}

#[test]
fn help_now_over_the_editor() {
    let mut app = app();
    press(&mut app, ch('w'));
    press(&mut app, key(KeyCode::Enter));
    // On to the second prompt.
    press(&mut app, ctrl('n'));
    type_text(&mut app, "Hard day. Quiet now.");
    press(&mut app, key(KeyCode::F(2)));
    snap("help_now_editor", &app);
}
