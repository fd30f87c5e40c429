//! Help now is one key away over any box, and the box is still there after it; and a
//! window too small to draw in still lets a person leave.

mod support;

use crossterm::event::KeyCode;

use lantern::domain::suggest::Suggestion;
use lantern::tui::app::{update, Action, Overlay, Screen};

use support::tui::{ch, ctrl, drawn_text, key, keys, open_editor, press, type_text};

fn suggestion() -> Suggestion {
    Suggestion {
        rule_id: "rule-tense".into(),
        message: "A slow breath can help.".into(),
        offer: vec!["template:good-moment".into()],
        offer_help: false,
        strain: false,
    }
}

#[test]
fn help_now_opens_over_every_box_and_closing_it_brings_the_box_back() {
    // The offer after a check-in.
    let mut app = support::tui::app();
    keys(&mut app, [ch('c'), ch('s')]);
    update(&mut app, Action::CheckInSaved(Some(suggestion())));
    assert!(matches!(app.overlay, Some(Overlay::Suggestion(_))));
    for help_now in [key(KeyCode::F(2)), ch('H')] {
        press(&mut app, help_now);
        assert!(matches!(app.overlay, Some(Overlay::HelpNow { .. })));
        assert!(drawn_text(&app, 80, 24).contains("Help now"));
        press(&mut app, key(KeyCode::Esc));
        assert!(
            matches!(app.overlay, Some(Overlay::Suggestion(_))),
            "the offer is back: {:?}",
            app.overlay
        );
    }

    // The question on leaving the editor: its words are not lost on the way.
    let mut app = support::tui::app();
    open_editor(&mut app);
    type_text(&mut app, "keep me");
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.overlay, Some(Overlay::LeaveEditor)));
    press(&mut app, key(KeyCode::F(2)));
    assert!(matches!(app.overlay, Some(Overlay::HelpNow { .. })));
    press(&mut app, ch('x'));
    assert!(matches!(app.overlay, Some(Overlay::LeaveEditor)));
    press(&mut app, key(KeyCode::Esc));
    assert!(app.overlay.is_none());
    assert!(matches!(app.screen, Screen::Editor(_)));

    // Over the help box too.
    let mut app = support::tui::app();
    press(&mut app, ch('?'));
    assert!(matches!(app.overlay, Some(Overlay::Help)));
    press(&mut app, ch('H'));
    assert!(matches!(app.overlay, Some(Overlay::HelpNow { .. })));
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.overlay, Some(Overlay::Help)));
    press(&mut app, key(KeyCode::Esc));
    assert!(app.overlay.is_none());
}

#[test]
fn a_window_too_small_says_how_to_leave_and_q_leaves_keeping_what_was_typed() {
    let mut app = support::tui::app();
    open_editor(&mut app);
    type_text(&mut app, "words nobody can see");
    app.window = Some((60, 15));
    let screen = drawn_text(&app, 60, 15)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(screen.contains("q closes Lantern"), "{screen}");
    assert!(screen.contains("H or F2 opens help now"), "{screen}");
    assert!(press(&mut app, key(KeyCode::Esc)).is_empty());
    assert!(!app.quit, "Esc acts on a screen nobody can see: not here");
    let effects = press(&mut app, ch('q'));
    assert!(app.quit);
    assert!(
        effects
            .iter()
            .any(|e| format!("{e:?}").contains("words nobody can see")),
        "the words are kept as a draft: {effects:?}"
    );
    // Ctrl-C too, as everywhere.
    let mut app = support::tui::app();
    app.window = Some((60, 15));
    press(&mut app, ctrl('c'));
    assert!(app.quit);
}
