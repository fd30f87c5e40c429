//! The guide for when something terrible happens: it reads whole on the topic screen
//! at 80×24, help now names it with a key that opens it (over any screen, and back
//! again), the library has a shelf for it in the app and the shell, and the release
//! binary in a real terminal shows it the same way.

mod support;

use crossterm::event::KeyCode;

use lantern::tui::app::{update, Action, App, Overlay, Screen};
use lantern::tui::screens::library::Row;

use support::cli::Diary;
use support::e2e::Diary as E2eDiary;
use support::tmux::{require_tmux, App as Tmux, TODAY_FOOTER, WAIT};
use support::tui::{self, app, ch, drawn_text, key, open_editor, press, type_text};

const GUIDE: &str = "care:when-something-terrible-happens";

fn snap(name: &str, app: &App) -> [String; 2] {
    tui::snapshots(name, app, |name, frame| {
        insta::assert_snapshot!(name, frame)
    })
}

fn guide_open(app: &App) -> bool {
    matches!(&app.screen, Screen::Topic(t) if t.reference == GUIDE)
}

/// Every line of the guide's text, scrolled through at `w`×`h`, with spaces evened.
fn read_through(app: &mut App, w: u16, h: u16) -> String {
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&drawn_text(app, w, h));
        press(app, key(KeyCode::Down));
    }
    seen.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn help_now_names_the_guide_and_g_opens_it() {
    let mut app = app();
    press(&mut app, key(KeyCode::F(2)));
    assert!(matches!(app.overlay, Some(Overlay::HelpNow { .. })));
    let wide = drawn_text(&app, 120, 40);
    assert!(
        wide.contains("After a serious case, or the death of a child you worked with  g"),
        "{wide}"
    );
    press(&mut app, ch('g'));
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert!(guide_open(&app), "{}", app.screen.name());
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Today));
}

#[test]
fn the_guide_opened_from_help_now_over_the_editor_goes_back_to_the_words() {
    let mut app = app();
    open_editor(&mut app);
    type_text(&mut app, "still here");
    press(&mut app, key(KeyCode::F(2)));
    press(&mut app, ch('g'));
    assert!(guide_open(&app));
    press(&mut app, key(KeyCode::Esc));
    assert!(
        matches!(app.screen, Screen::Editor(_)),
        "{}",
        app.screen.name()
    );
    assert!(tui::page_text(&app).contains("still here"));
}

#[test]
fn the_offer_after_a_check_in_is_not_brought_back_over_the_guide() {
    let mut app = app();
    let s = lantern::domain::suggest::Suggestion {
        rule_id: "rule-one-very-hard-day".into(),
        message: "That sounds like a very hard day.".into(),
        offer: vec!["model:peer-support".into(), GUIDE.into()],
        offer_help: true,
        strain: false,
    };
    update(&mut app, Action::CheckInSaved(Some(s)));
    press(&mut app, key(KeyCode::F(2)));
    press(&mut app, ch('g'));
    assert!(guide_open(&app));
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
}

#[test]
fn the_library_has_a_shelf_for_the_hardest_times() {
    let mut app = app();
    press(&mut app, ch('l'));
    let Screen::Library(lib) = &app.screen else {
        panic!("expected the library");
    };
    let headings = lib
        .rows
        .iter()
        .filter(|r| matches!(r, Row::Heading(_)))
        .count();
    for _ in 1..headings {
        press(&mut app, key(KeyCode::Tab));
    }
    press(&mut app, key(KeyCode::Enter));
    assert!(guide_open(&app), "{}", app.screen.name());
}

#[test]
fn the_guide_reads_whole_at_80x24() {
    let mut app = app();
    press(&mut app, key(KeyCode::F(2)));
    press(&mut app, ch('g'));
    assert!(guide_open(&app));
    let [small, _] = snap("care_guide", &app);
    assert!(small.contains("When something terrible happens"), "{small}");
    let all = read_through(&mut app, 80, 24);
    for part in [
        "This is not your fault.",
        "designated or named nurse for safeguarding",
        "Think of the times your work kept a child or a family safe.",
        "Turn to:",
        "Occupational health, or your employer's counselling service.",
        "Some reactions come later, days or weeks after",
        "Source:",
    ] {
        assert!(all.contains(part), "{part:?} is never shown:\n{all}");
    }
    assert!(
        !all.contains("signpost"),
        "the help-now line is for the app"
    );
    // A guide for the hardest times is not a practice to tick off.
    assert!(!all.contains("mark practised"), "{all}");
    let effects = press(&mut app, ch('p'));
    assert!(effects.is_empty(), "{effects:?}");
}

// ---------------------------------------------------------------------------------
// The shell

#[test]
fn the_shell_says_how_to_read_the_guide_from_help_now_and_the_library() {
    let d = Diary::new();
    let help = d.ok(&["help-now"]);
    assert!(
        help.contains("lantern content show care:when-something-terrible-happens"),
        "{help}"
    );
    let shelves = d.ok(&["library"]);
    assert!(shelves.contains("For the hardest times"), "{shelves}");
    for word in ["care", "hardest-times"] {
        let listed = d.ok(&["library", word]);
        assert!(
            listed.contains("When something terrible happens"),
            "{word}: {listed}"
        );
    }
    let read = d.ok(&["content", "show", GUIDE]);
    assert!(read.contains("This is not your fault."), "{read}");
}

// ---------------------------------------------------------------------------------
// In a real terminal

#[test]
fn in_a_real_terminal_help_now_opens_the_guide_at_80x24() {
    require_tmux!();
    let diary = E2eDiary::initialised();
    let app = Tmux::launch(&diary, "care-guide");
    app.wait_for(TODAY_FOOTER);
    app.resize(80, 24);
    app.wait_until("Today at 80×24", WAIT, |s| {
        s.lines().next().is_some_and(|l| l.chars().count() == 80)
    });
    app.keys(&["H"]);
    app.wait_for("Help now");
    app.keys(&["g"]);
    let screen = app.wait_for("When something terrible happens");
    assert!(screen.contains("Go gently"), "{screen}");
    // Scrolling reaches the last words, the source included.
    for _ in 0..40 {
        app.keys(&["Down"]);
    }
    let end = app.wait_for("Source:");
    assert!(!end.contains("Help now"), "{end}");
    app.keys(&["Escape"]);
    app.wait_for(TODAY_FOOTER);
    app.quit_from_today();
}
