//! Screens that say what they mean: a library item offers only the actions it has,
//! the plan shows the list it promises and says when a section is saved, breathing
//! starts within a few seconds, a fresh mood meter claims no quarter, and the editor's
//! text sits clear of its border. Driven through `update` and drawn in `TestBackend`.

mod support;

use crossterm::event::KeyCode;

use lantern::tui::app::{App, Screen};
use lantern::tui::screens::library::Row;

use support::tui::{app, ch, drawn_text, key, press};

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
