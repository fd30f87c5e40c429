//! The first run asks where you are, and that decides who help now names: the UK
//! nations and "elsewhere", each with its own contacts and an emergency line, `gb`
//! still read from older settings, and skipping keeping the default.

mod support;

use std::fs;

use crossterm::event::KeyCode;

use lantern::config::{Config, Paths};
use lantern::content;
use lantern::tui::app::{Action, App, Effect, Overlay, Screen};
use lantern::tui::screens::welcome::{offered, Step, Welcome};

use support::cli::{lantern, manifest_dir, Run};
use support::e2e::Diary;
use support::tmux::{require_tmux, App as Tmux, NO_CHECK_IN};
use support::tui::{app as today, ch, drawn_text, key, keys, press};

const NATIONS: &[&str] = &[
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
    "Elsewhere",
];

/// The app on the welcome's region step, the role chosen with Enter.
fn at_region_step() -> App {
    let mut app = today();
    app.screen = Screen::Welcome(Welcome::new());
    keys(
        &mut app,
        [key(KeyCode::Enter), ch('n'), key(KeyCode::Enter)],
    );
    let Screen::Welcome(w) = &app.screen else {
        panic!("still welcoming") // ok: test
    };
    assert_eq!(w.step, Step::Region);
    app
}

/// The welcome's last answer given with `last`, then the register question skipped.
fn finished(app: &mut App, last: Action) -> (Option<String>, String) {
    let effects = press(app, last);
    assert!(
        effects.is_empty(),
        "the register is still to ask: {effects:?}"
    );
    assert!(matches!(&app.screen, Screen::Welcome(w) if w.step == Step::Registration));
    let effects = press(app, key(KeyCode::Esc));
    match effects.as_slice() {
        [Effect::FinishFirstRun { role, region, .. }] => (role.clone(), region.clone()),
        other => panic!("expected FinishFirstRun, got {other:?}"),
    }
}

#[test]
fn the_welcome_offers_the_nations_and_elsewhere_in_order() {
    let app = at_region_step();
    let screen = drawn_text(&app, 80, 24);
    assert!(screen.contains("Where are you?"), "{screen}");
    let rows: Vec<usize> = NATIONS
        .iter()
        .map(|n| {
            screen
                .lines()
                .position(|l| l.contains(&format!("  {n}  ")))
                .unwrap_or_else(|| panic!("{n} is not offered\n{screen}"))
        })
        .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "{rows:?}\n{screen}");
    assert!(!screen.contains("United Kingdom  "), "{screen}");
    assert!(
        screen.contains("Esc to skip: help now then shows United Kingdom contacts."),
        "{screen}"
    );
    // It fits the smallest window the app draws.
    let small = drawn_text(&app, 70, 22);
    for n in NATIONS {
        assert!(small.contains(n), "{n} at 70×22\n{small}");
    }
}

#[test]
fn choosing_scotland_sets_the_region_and_help_now_names_its_contacts() {
    let mut app = at_region_step();
    press(&mut app, ch('j'));
    let (role, region) = finished(&mut app, key(KeyCode::Enter));
    assert_eq!(region, "scotland");
    assert_eq!(role.as_deref(), Some("health-visitor"));
    assert_eq!(app.config.region, "scotland", "counts from now");

    press(&mut app, Action::Unlocked);
    press(&mut app, ch('H'));
    assert!(matches!(app.overlay, Some(Overlay::HelpNow { .. })));
    let screen = drawn_text(&app, 100, 40);
    for contact in [
        "NHS 24",
        "Breathing Space",
        "0800 83 85 87",
        "999",
        "116 123",
    ] {
        assert!(screen.contains(contact), "{contact}\n{screen}");
    }
}

#[test]
fn skipping_the_region_keeps_the_default_and_skipping_the_role_still_asks_it() {
    let mut app = at_region_step();
    press(&mut app, ch('j'));
    let (role, region) = finished(&mut app, key(KeyCode::Esc));
    assert_eq!(region, Config::default().region);
    assert_eq!(role.as_deref(), Some("health-visitor"));

    let mut app = today();
    app.screen = Screen::Welcome(Welcome::new());
    let effects = keys(&mut app, [key(KeyCode::Enter), ch('n'), key(KeyCode::Esc)]);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(matches!(&app.screen, Screen::Welcome(w) if w.step == Step::Region));
    keys(&mut app, [ch('j'), ch('j'), ch('j'), ch('j'), ch('j')]);
    let (role, region) = finished(&mut app, key(KeyCode::Enter));
    assert_eq!(role, None);
    assert_eq!(region, "elsewhere", "the last one, however far down");
}

#[test]
fn question_mark_still_answers_on_the_region_step() {
    let mut app = at_region_step();
    press(&mut app, ch('?'));
    assert!(matches!(app.overlay, Some(Overlay::Help)));
    let screen = drawn_text(&app, 80, 24);
    assert!(screen.contains("the one below"), "{screen}");
}

#[test]
fn the_choice_is_written_to_config_toml_as_the_role_is() {
    let dir = tempfile::tempdir().expect("a folder"); // ok: test
    let paths = Paths::resolve(Some(dir.path())).expect("paths"); // ok: test
    let first = lantern::config::FirstRun {
        role: Some("social-worker"),
        region: "northern-ireland",
        registration: Some("swe"),
        renewal: None,
    };
    Config::write_first_run(&paths, &first).expect("written"); // ok: test
    let text = fs::read_to_string(&paths.config_file).expect("config.toml"); // ok: test
    assert!(
        text.lines().any(|l| l == r#"region = "northern-ireland""#),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l == r#"role = "social-worker""#),
        "{text}"
    );
    let loaded = Config::load(&paths).expect("read back"); // ok: test
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.config.region, "northern-ireland");
    assert_eq!(loaded.config.registration.as_deref(), Some("swe"));
    assert!(
        text.lines().any(|l| l == "# renewal = \"2027-05-31\""),
        "no renewal given: the example line stays commented\n{text}"
    );
}

#[test]
fn every_region_has_an_emergency_line_and_elsewhere_no_uk_numbers() {
    let content = content::built_in();
    let ids: Vec<&str> = content
        .regions
        .iter()
        .map(|r| r.id.as_ref().as_str())
        .collect();
    for id in [
        "gb",
        "england",
        "scotland",
        "wales",
        "northern-ireland",
        "elsewhere",
    ] {
        assert!(ids.contains(&id), "no region {id}: {ids:?}");
    }
    for region in &content.regions {
        assert!(
            !region.urgent.is_empty(),
            "{} has no emergency line",
            region.name
        );
        assert!(
            !region.source.trim().is_empty(),
            "{} names no source",
            region.name
        );
    }
    let names: Vec<&str> = offered(&content).iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, NATIONS);

    let elsewhere = content.region("elsewhere").expect("elsewhere"); // ok: test
    let all = format!("{elsewhere:?}");
    for uk in ["999", "111", "116 123", "85258", "0800", "0808"] {
        assert!(!all.contains(uk), "elsewhere names the UK's {uk}");
    }
    assert!(all.contains("findahelpline.com"));
    let ni = format!("{:?}", content.region("northern-ireland").expect("NI")); // ok: test
    assert!(ni.contains("0808 808 8000") && ni.contains("GP out of hours"));
    assert!(
        !ni.contains("NHS 111"),
        "Northern Ireland has no general 111"
    );
}

#[test]
fn content_check_passes_and_help_now_answers_for_every_region() {
    let run = Run::of(
        lantern()
            .current_dir(manifest_dir())
            .args(["content", "check", "content/"]),
    )
    .success();
    assert!(run.stdout.contains("Content is sound"), "{}", run.stdout);
    let diary = Diary::initialised();
    for (region, expect) in [
        ("england", "mental health option"),
        ("scotland", "Breathing Space"),
        ("wales", "111.wales.nhs.uk"),
        ("northern-ireland", "Lifeline"),
        ("elsewhere", "findahelpline.com"),
        ("gb", "United Kingdom"),
    ] {
        let out = diary.cli_ok_with(&["help-now"], "LANTERN_REGION", region);
        assert!(out.contains(expect), "{region}: {expect}\n{out}");
    }
}

#[test]
fn the_release_binary_asks_the_region_and_help_now_follows_it() {
    require_tmux!();
    let diary = Diary::fresh();
    let app = Tmux::launch(&diary, "welcome-region");
    app.wait_for("Welcome to Lantern");
    app.keys(&["Enter"]);
    app.wait_for("Protect your diary with a passphrase?");
    app.keys(&["n"]);
    app.wait_for("What is your work?");
    app.keys(&["Enter"]);
    app.wait_for_all(&["Where are you?", "Northern Ireland", "Elsewhere"]);
    app.keys(&["Down", "Enter"]);
    app.wait_for("Are you on a professional register?");
    app.keys(&["Escape"]);
    app.wait_for(NO_CHECK_IN);
    let config = fs::read_to_string(diary.dir().join("config.toml")).expect("config.toml"); // ok: test
    assert!(
        config.lines().any(|l| l.trim() == r#"region = "scotland""#),
        "{config}"
    );
    app.keys(&["H"]);
    app.wait_for_all(&["NHS 24", "Breathing Space"]);
    app.keys(&["x"]);
    app.quit_from_today();
}
