//! Screens that say what they mean: a library item offers only the actions it has,
//! the plan shows the list it promises and says when a section is saved, breathing
//! starts within a few seconds, a fresh mood meter claims no quarter, and the editor's
//! text sits clear of its border. Driven through `update` and drawn in `TestBackend`.

mod support;

use crossterm::event::KeyCode;

use lantern::tui::app::{update, Action, App, Effect, Screen};
use lantern::tui::screens::exercise::ExerciseRun;
use lantern::tui::screens::library::Row;

use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use ratatui::Terminal;

use support::tui::{
    app, ch, draw, drawn_text, key, open_editor, press, screen_text, t0, type_text,
};

// ---------------------------------------------------------------------------------
// The library: an item's actions

/// From Today into the library, onto the item `reference` (`point:…`), and open it.
fn open_item(app: &mut App, reference: &str) {
    press(app, ch('l'));
    let Screen::Library(lib) = &mut app.screen else {
        panic!("expected the library, got {}", app.screen.name());
    };
    let at = lib
        .rows
        .iter()
        .position(
            |r| matches!(r, Row::Item(kind, id, _) if format!("{}:{id}", kind.name()) == reference),
        )
        .unwrap_or_else(|| panic!("no {reference} in the library"));
    lib.selected = at;
    press(app, key(KeyCode::Enter));
    assert!(
        matches!(app.screen, Screen::Topic(_)),
        "{reference} opens as a topic"
    );
}

fn footer(app: &App) -> String {
    drawn_text(app, 100, 30)
        .lines()
        .last()
        .unwrap_or_default() // ok: test
        .to_string()
}

#[test]
fn a_good_practice_point_without_an_exercise_offers_none() {
    let mut app = app();
    open_item(&mut app, "point:work-life-balance");
    let footer = footer(&app);
    assert!(footer.contains("p practised"), "{footer}");
    assert!(!footer.contains("exercise"), "{footer}");
    assert!(!footer.contains("write"), "{footer}");
    // The keys are not live either: nothing is said about a missing exercise.
    press(&mut app, ch('x'));
    press(&mut app, ch('w'));
    assert!(matches!(app.screen, Screen::Topic(_)));
    assert_eq!(app.status, None);
    // Nor does the help list them.
    press(&mut app, ch('?'));
    let help = drawn_text(&app, 100, 40);
    assert!(help.contains("mark it practised"), "{help}");
    assert!(!help.contains("start its exercise"), "{help}");
    assert!(!help.contains("diary template"), "{help}");
}

#[test]
fn an_exercise_offers_its_exercise() {
    let mut app = app();
    open_item(&mut app, "exercise:soothing-breathing");
    let footer = footer(&app);
    assert!(footer.contains("x exercise"), "{footer}");
    press(&mut app, ch('?'));
    let help = drawn_text(&app, 100, 40);
    assert!(help.contains("start its exercise"), "{help}");
}

// ---------------------------------------------------------------------------------
// The editor: a margin, and wrapped rows that start with a word

/// The writing field's rows as (row, the cells between its borders), and where its
/// first cell is: found as the box whose top starts at column 2.
fn field_rows(terminal: &Terminal<TestBackend>) -> (u16, u16, Vec<(u16, String)>) {
    let text = screen_text(terminal);
    let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    let top = lines
        .iter()
        .position(|l| l.get(2) == Some(&'┌'))
        .expect("the writing field has a box"); // ok: test
    let right = lines[top]
        .iter()
        .rposition(|c| *c == '┐')
        .expect("its top right corner"); // ok: test
    let rows = lines[top + 1..]
        .iter()
        .enumerate()
        .take_while(|(_, l)| l.get(2) == Some(&'│'))
        .map(|(i, l)| ((top + 1 + i) as u16, l[3..right].iter().collect()))
        .collect();
    (top as u16, 3, rows)
}

#[test]
fn the_editor_text_keeps_a_margin_and_wrapped_rows_start_with_a_word() {
    let mut app = app();
    open_editor(&mut app);
    let (_, _, rows) = field_rows(&draw(&app, 80, 24));
    // The widest word that fits beside the margins, then a space, then a word.
    let width = rows[0].1.chars().count() - 2;
    let first = "a".repeat(width);
    type_text(&mut app, &format!("{first} bbbbb and  more"));
    let terminal = draw(&app, 80, 24);
    let (_, left, rows) = field_rows(&terminal);
    let texts: Vec<&str> = rows.iter().map(|(_, t)| t.as_str()).collect();
    for (_, row) in &rows {
        assert!(row.starts_with(' '), "a margin before the text: {texts:#?}");
        assert!(row.ends_with(' '), "a margin after the text: {texts:#?}");
        let body = &row[1..];
        assert!(
            body.trim().is_empty() || !body.starts_with(' '),
            "no row starts with a space: {texts:#?}"
        );
    }
    assert_eq!(texts[0].trim(), first, "{texts:#?}");
    assert_eq!(texts[1].trim(), "bbbbb and  more", "{texts:#?}");
    // The cursor is drawn just after the last word, on the second row.
    let buffer = terminal.backend().buffer();
    let (y, _) = rows[1];
    let x = left + 1 + "bbbbb and  more".len() as u16;
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::REVERSED),
        "the cursor is after the text at ({x}, {y}): {texts:#?}"
    );
}

// ---------------------------------------------------------------------------------
// Breathing: the first breath comes soon, and the settling can be skipped

/// The soothing breathing exercise, started as the library starts it: on Today.
fn start_breathing(app: &mut App) {
    let exercise = app
        .content
        .exercise("soothing-breathing")
        .expect("the built-in breathing exercise") // ok: test
        .clone();
    let run = ExerciseRun::new(&exercise, &app.env());
    let today = std::mem::replace(&mut app.screen, Screen::Exercise(Box::new(run)));
    app.stack.push(today);
}

/// The clock `seconds` after the start, with time let pass.
fn at_second(app: &mut App, seconds: i64) {
    app.now = t0() + chrono::Duration::seconds(seconds);
    update(app, Action::Tick);
}

#[test]
fn the_first_breath_is_asked_for_within_five_seconds() {
    let mut app = app();
    start_breathing(&mut app);
    let first = drawn_text(&app, 80, 24);
    assert!(!first.contains("Breathe in"), "{first}");
    assert!(
        first.contains("n next step"),
        "the settling can be skipped: {first}"
    );
    at_second(&mut app, 5);
    let screen = drawn_text(&app, 80, 24);
    assert!(screen.contains("Breathe in"), "{screen}");
}

#[test]
fn skipping_the_settling_starts_the_breathing_at_once_and_logs_only_time_spent() {
    let mut app = app();
    start_breathing(&mut app);
    at_second(&mut app, 1);
    press(&mut app, ch('n'));
    let screen = drawn_text(&app, 80, 24);
    assert!(screen.contains("Breathe in"), "{screen}");
    assert!(screen.contains("step 2 of 3"), "{screen}");
    // Skipping on the last step does nothing; stopping logs the time actually spent.
    press(&mut app, ch('n'));
    press(&mut app, ch('n'));
    assert!(drawn_text(&app, 80, 24).contains("step 3 of 3"));
    let effects = press(&mut app, key(KeyCode::Esc));
    let minutes = effects
        .iter()
        .find_map(|e| match e {
            Effect::LogPractice(r) => Some(r.minutes),
            _ => None,
        })
        .expect("stopping logs the practice"); // ok: test
    assert!(minutes < 0.1, "one second was spent, not {minutes} minutes");
}

// ---------------------------------------------------------------------------------
// The mood meter: no quarter until it moves

/// Every emotion word of every quarter.
fn quarter_words(app: &App) -> Vec<String> {
    app.content
        .quadrants
        .iter()
        .flat_map(|q| q.words.iter().cloned())
        .collect()
}

#[test]
fn a_fresh_mood_meter_names_no_quarter_and_offers_no_words() {
    let mut app = app();
    press(&mut app, ch('c'));
    let words = quarter_words(&app);
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = drawn_text(&app, w, h);
        assert!(screen.contains("Move to where you are"), "{screen}");
        let shown: Vec<&String> = words
            .iter()
            .filter(|x| screen.contains(x.as_str()))
            .collect();
        assert!(shown.is_empty(), "{shown:?} at {w}×{h}:\n{screen}");
        // The summary names no quarter (the meter's corners still say where each is).
        let summary = screen.lines().nth(2).unwrap_or_default(); // ok: test
        for q in &app.content.quadrants {
            assert!(!summary.contains(q.name.as_str()), "{summary}");
        }
    }
    // Unmoved, the words step has nothing to pick and says why.
    press(&mut app, key(KeyCode::Tab));
    let screen = drawn_text(&app, 120, 40);
    assert!(screen.contains("still in the middle"), "{screen}");
    assert!(!screen.contains("[ ]"), "{screen}");
    // Moved, the quarter and its words appear.
    press(&mut app, key(KeyCode::BackTab));
    press(&mut app, key(KeyCode::Right));
    press(&mut app, key(KeyCode::Up));
    let screen = drawn_text(&app, 120, 40);
    assert!(!screen.contains("Move to where you are"), "{screen}");
    assert!(screen.contains("Lively"), "{screen}");
    let lively = app
        .content
        .quadrants
        .iter()
        .find(|q| q.name == "Lively")
        .expect("a lively quarter"); // ok: test
    assert!(screen.contains(lively.words[0].as_str()), "{screen}");
}

#[test]
fn a_check_in_saved_without_moving_the_meter_keeps_the_middle_and_no_words() {
    let mut app = app();
    press(&mut app, ch('c'));
    let effects = press(&mut app, ch('s'));
    let checkin = effects
        .iter()
        .find_map(|e| match e {
            Effect::SaveCheckIn(c) => Some(c),
            _ => None,
        })
        .expect("s saves the check-in"); // ok: test
    let middle = |id: &str| app.content.scale(id).map(|s| s.default);
    assert_eq!(Some(checkin.pleasantness), middle("pleasantness"));
    assert_eq!(Some(checkin.energy), middle("energy"));
    assert!(checkin.words.is_empty(), "{:?}", checkin.words);
}

// ---------------------------------------------------------------------------------
// The plan: the list it promises, and "saved"

/// The plan, loaded empty, writing section `index`.
fn plan_writing(app: &mut App, index: usize) {
    press(app, ch('p'));
    press(app, Action::PlanLoaded(Vec::new()));
    for _ in 0..index {
        press(app, key(KeyCode::Down));
    }
    press(app, key(KeyCode::Enter));
    assert!(app.screen.typing(), "writing section {index}");
}

#[test]
fn a_plan_section_shows_its_suggestions_to_pick_and_says_when_it_is_saved() {
    let mut app = app();
    let index = app
        .content
        .sections
        .iter()
        .position(|s| s.id.as_ref() == "plan-warning-signs")
        .expect("the warning signs section"); // ok: test
    plan_writing(&mut app, index);
    let signs = lantern::domain::plan::pick_options(&app.content, &app.content.sections[index]);
    assert!(signs.len() > 2);
    let screen = drawn_text(&app, 80, 24);
    assert!(screen.contains("Pick from the list"), "{screen}");
    assert!(screen.contains("Suggestions"), "{screen}");
    assert!(screen.contains(&format!("[ ] {}", signs[0])), "{screen}");
    assert!(
        screen.contains("Tab suggestions"),
        "the footer names the key: {screen}"
    );

    // Tab to the list, down one, Space picks it into the words.
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, ch(' '));
    let screen = drawn_text(&app, 80, 24);
    assert!(screen.contains(&format!("[x] {}", signs[1])), "{screen}");
    assert!(screen.contains(&format!("- {}", signs[1])), "{screen}");
    // Back to the words, where letters are text again.
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "Snapping at home");

    let effects = press(&mut app, support::tui::ctrl('s'));
    let text = effects
        .iter()
        .find_map(|e| match e {
            Effect::SavePlanSection { text, .. } => Some(text.clone()),
            _ => None,
        })
        .expect("Ctrl-S saves the section"); // ok: test
    assert_eq!(text, format!("- {}\nSnapping at home", signs[1]));
    let id = app.content.sections[index].id.as_ref().clone();
    press(&mut app, Action::PlanLoaded(vec![(id, text)]));
    let screen = drawn_text(&app, 80, 24);
    assert!(screen.contains("Saved."), "{screen}");
}

#[test]
fn a_plan_section_without_suggestions_promises_no_list() {
    let mut app = app();
    let index = app
        .content
        .sections
        .iter()
        .position(|s| s.pick_from.is_none())
        .expect("a section with nothing to pick"); // ok: test
    plan_writing(&mut app, index);
    let screen = drawn_text(&app, 80, 24);
    assert!(!screen.contains("Suggestions"), "{screen}");
    assert!(
        !screen.contains("suggestions"),
        "no key for a list: {screen}"
    );
    // And no section's wording promises a list it does not have.
    for section in &app.content.sections {
        let options = lantern::domain::plan::pick_options(&app.content, section);
        assert!(
            !section.summary.contains("list") || !options.is_empty(),
            "{} promises a list",
            section.id.as_ref()
        );
    }
}
