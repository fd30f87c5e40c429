//! Every key table of the full-screen app, checked as the app reads it: each row's
//! keys reach that row's command on its screen (the global table is asked first), no
//! table gives one key to two rows, and a `[keys]` setting changes the key, the
//! footer and the help — in `update`, and in the real binary under tmux.

mod support;

use std::fs;
use std::thread::sleep;
use std::time::Duration;

use crossterm::event::{KeyEvent, KeyModifiers};

use lantern::config::{self, Config, KeySetting};
use lantern::keys::{command_name, Key, Keymap};
use lantern::tui::app::{update, Action, App, Overlay, Screen};
use lantern::tui::keys::{global, keymap, places, rows, Place, EVERYWHERE};
use lantern::tui::overlay;

use support::e2e::Diary;
use support::tmux::{require_tmux, App as Tmux, TODAY_FOOTER};
use support::tui::{app_with_config, drawn_text};

fn event(key: &Key) -> KeyEvent {
    let modifiers = if key.ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(key.code, modifiers)
}

/// Where `key` lands on `place`, as the app looks it up: the global table first (over
/// a box only its Ctrl-C), then the rows asked before the place's own, then its own.
fn resolve(map: &Keymap, place: &Place, boxed: bool, key: &Key) -> Option<(String, String)> {
    let event = event(key);
    if let Some(g) = global(map, &event, place.typing) {
        let name = command_name(&g);
        if !boxed || name == "quit_now" {
            return Some((EVERYWHERE.to_string(), name));
        }
    }
    if let Some(row) = place
        .before
        .iter()
        .find(|r| r.keys.iter().any(|k| k.matches(&event)))
    {
        return Some(("before".to_string(), row.command.clone()));
    }
    place
        .rows
        .iter()
        .find(|r| r.keys.iter().any(|k| k.matches(&event)))
        .map(|r| (place.name.to_string(), r.command.clone()))
}

fn boxes(map: &Keymap) -> Vec<&'static str> {
    overlay::tables(map).into_iter().map(|(n, _)| n).collect()
}

fn every_row_reaches_its_command(map: &Keymap) {
    let boxes = boxes(map);
    let mut problems = Vec::new();
    for place in places(map) {
        let boxed = boxes.contains(&place.name);
        for row in &place.rows {
            // A row that shows the global table's keys is answered there.
            let home = if row.echo || place.everywhere {
                EVERYWHERE
            } else {
                place.name
            };
            for key in &row.keys {
                let got = resolve(map, &place, boxed, key);
                let want = Some((home.to_string(), row.command.clone()));
                if got != want {
                    problems.push(format!(
                        "{}: {} should do {} but does {got:?}",
                        place.name,
                        key.label(),
                        row.command
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_row_of_every_table_reaches_its_command() {
    every_row_reaches_its_command(&Keymap::default());
}

#[test]
fn every_row_reaches_its_command_with_keys_changed_too() {
    let config = Config {
        keys: vec![
            setting("check_in", &["F5", "C"], 1),
            setting("help_now", &["F3"], 2),
            setting("back", &["Backspace", "Esc"], 3),
        ],
        ..Default::default()
    };
    let map = keymap(&config);
    assert!(map.warnings.is_empty(), "{:?}", map.warnings);
    every_row_reaches_its_command(&map);
}

#[test]
fn no_table_gives_one_key_to_two_rows() {
    let map = Keymap::default();
    let mut problems = Vec::new();
    for place in places(&map) {
        let rows: Vec<_> = place.before.iter().chain(&place.rows).collect();
        for (i, a) in rows.iter().enumerate() {
            for b in &rows[i + 1..] {
                for k in a.keys.iter().filter(|k| b.keys.contains(k)) {
                    problems.push(format!(
                        "{}: {} is on {} and {}",
                        place.name,
                        k.label(),
                        a.command,
                        b.command
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The names `[keys]` accepts: a rename here is a setting that stops working.
#[test]
fn the_command_names_stay_as_documented() {
    let (rows, warnings) = rows(&Config::default());
    assert!(warnings.is_empty());
    let mut names: Vec<String> = rows.into_iter().map(|r| r.command).collect();
    names.sort();
    names.dedup();
    let expected = [
        "after_visit",
        "back",
        "bring_in",
        "carry_on",
        "check",
        "check_in",
        "choose",
        "close",
        "confirm_delete",
        "confirm_leave",
        "delete",
        "diary",
        "discard",
        "done",
        "down",
        "earlier",
        "edit",
        "exercise",
        "export",
        "external",
        "finished",
        "focus",
        "good_moment",
        "good_moments",
        "help",
        "help_now",
        "insights",
        "keep",
        "keep_draft",
        "keep_for_later",
        "keep_one",
        "keep_writing",
        "later",
        "leave",
        "left",
        "less_energy",
        "less_pleasant",
        "less_stress",
        "library",
        "longer",
        "more_energy",
        "more_pleasant",
        "more_stress",
        "my_registration",
        "new_entry",
        "next",
        "next_group",
        "next_year",
        "no",
        "no_system",
        "not_now",
        "number",
        "open",
        "open_guide",
        "page_down",
        "page_up",
        "pause",
        "pick",
        "pixels",
        "plan",
        "practised",
        "prev_year",
        "previous",
        "previous_group",
        "quit",
        "quit_anyway",
        "quit_now",
        "reflection",
        "replace_all",
        "replace_one",
        "review",
        "right",
        "save",
        "save_note",
        "scroll_down",
        "scroll_up",
        "search",
        "share_as_written",
        "share_replaced",
        "shorter",
        "skip",
        "skip_note",
        "start",
        "stay",
        "stop",
        "supervision",
        "support",
        "title",
        "toggle",
        "top",
        "up",
        "use_reflection",
        "write",
        "yes",
    ];
    assert_eq!(names, expected);
}

// ---------------------------------------------------------------------------------------
// A setting changes the key, the footer and the help.

fn setting(command: &str, keys: &[&str], line: usize) -> KeySetting {
    KeySetting {
        command: command.into(),
        keys: keys.iter().map(|k| k.to_string()).collect(),
        line,
    }
}

fn app_with(keys: Vec<KeySetting>) -> App {
    app_with_config(Config {
        keys,
        ..Default::default()
    })
}

fn press(app: &mut App, key: &str) {
    let key = Key::parse(key).expect("a key name");
    update(app, Action::Key(event(&key)));
}

fn screen_text(app: &App) -> String {
    drawn_text(app, 100, 30)
}

#[test]
fn a_key_setting_moves_the_command_its_footer_and_its_help() {
    let mut app = app_with(vec![setting("check_in", &["F5"], 4)]);
    assert!(app.keys.warnings.is_empty(), "{:?}", app.keys.warnings);
    assert!(app.status.is_none());

    let screen = screen_text(&app);
    assert!(screen.contains("F5 check in"), "{screen}");
    assert!(!screen.contains("c check in"), "{screen}");

    press(&mut app, "c");
    assert!(matches!(app.screen, Screen::Today), "c still checks in");
    press(&mut app, "F5");
    assert!(
        matches!(app.screen, Screen::CheckIn(_)),
        "F5 does not check in"
    );
    press(&mut app, "Esc");
    assert!(matches!(app.screen, Screen::Today));

    press(&mut app, "?");
    assert!(matches!(app.overlay, Some(Overlay::Help)));
    let help = screen_text(&app);
    assert!(
        help.lines()
            .any(|l| l.contains(" F5 ") && l.contains("check in: how you are right now")),
        "{help}"
    );
}

#[test]
fn a_bad_key_setting_is_one_warning_naming_the_line_and_the_default_stays() {
    let mut app = app_with(vec![
        setting("check_in", &["Ctrl-Ü"], 7),
        setting("diary", &["c"], 8),
        setting("fly_away", &["x"], 9),
    ]);
    assert_eq!(
        app.keys.warnings,
        [
            "config.toml line 7: keys.check_in: \"Ctrl-Ü\" is not a key name; kept c",
            "config.toml line 8: keys.diary: \"c\" already does check_in on Today; kept d",
            "config.toml line 9: keys.fly_away: Lantern has no command by that name (`lantern keys` lists them)",
        ]
    );
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("line 7"), "{status}");
    press(&mut app, "c");
    assert!(matches!(app.screen, Screen::CheckIn(_)));
}

#[test]
fn help_now_can_move_and_still_works_over_any_screen() {
    let mut app = app_with(vec![setting("help_now", &["F3"], 1)]);
    assert!(app.keys.warnings.is_empty(), "{:?}", app.keys.warnings);
    press(&mut app, "F2");
    assert!(app.overlay.is_none(), "F2 still opens help now");
    press(&mut app, "F3");
    assert!(matches!(app.overlay, Some(Overlay::HelpNow { .. })));
    press(&mut app, "Esc");
    let screen = screen_text(&app);
    assert!(screen.contains("F3 help now"), "{screen}");
}

#[test]
fn lantern_keys_rows_name_every_place_and_show_the_users_keys() {
    let config = Config {
        keys: vec![setting("check_in", &["c", "F5"], 2)],
        ..Default::default()
    };
    let (rows, warnings) = rows(&config);
    assert!(warnings.is_empty(), "{warnings:?}");
    let row = rows
        .iter()
        .find(|r| r.place == "Today" && r.command == "check_in")
        .expect("Today's check_in row");
    assert_eq!(row.keys, ["c", "F5"]);
    assert!(rows
        .iter()
        .any(|r| r.place == EVERYWHERE && r.command == "quit_now"));
    assert!(rows
        .iter()
        .any(|r| r.place == "Stop writing?" && r.command == "keep_writing"));
}

// ---------------------------------------------------------------------------------------
// The real binary, with `[keys]` in config.toml.

#[test]
fn a_keys_section_in_config_toml_changes_the_key_the_footer_and_the_help() {
    require_tmux!();
    let diary = Diary::initialised();
    let path = diary.dir().join("config.toml");
    let mut config = fs::read_to_string(&path).expect("config.toml");
    config.push_str("\n[keys]\ncheck_in = \"F5\"\n");
    fs::write(&path, config).expect("writing config.toml");

    let app = Tmux::launch(&diary, "keys-check-in");
    let screen = app.wait_for(TODAY_FOOTER);
    assert!(screen.contains("F5 check in"), "{screen}");
    assert!(!screen.contains("c check in"), "{screen}");

    // The old key does nothing now.
    app.keys(&["c"]);
    sleep(Duration::from_millis(500));
    let screen = app.screen();
    assert!(!screen.contains("step 1 of"), "{screen}");

    app.keys(&["F5"]);
    app.wait_for("step 1 of");
    app.escape();
    app.wait_for(TODAY_FOOTER);

    app.keys(&["?"]);
    let help = app.wait_for("Keys: Today");
    assert!(
        help.lines()
            .any(|l| l.contains(" F5 ") && l.contains("check in: how you are right now")),
        "{help}"
    );
    app.escape();
    app.quit_from_today();
}

#[test]
fn todays_lines_name_the_users_keys_too() {
    let app = app_with(vec![
        setting("check_in", &["F5"], 3),
        setting("good_moment", &["m"], 4),
    ]);
    let screen = screen_text(&app);
    assert!(
        screen.contains("No check-in yet today. F5 takes a minute."),
        "{screen}"
    );
    assert!(
        screen.contains("What went well today, however small? m to note it."),
        "{screen}"
    );
}

// ---------------------------------------------------------------------------------------
// `lantern keys`: the same map, on the command line.

#[test]
fn lantern_keys_prints_the_map_in_effect_and_warns_about_a_bad_line() {
    let diary = support::cli::Diary::new();
    let path = diary.dir.join("config.toml");
    let mut config = fs::read_to_string(&path).expect("config.toml");
    config.push_str("\n[keys]\ncheck_in = \"F5\"\nquit = \"Ctrl-Ü\"\n");
    fs::write(&path, config).expect("writing config.toml");

    let run = diary.run(&["keys"]).success();
    let today: Vec<&str> = run
        .stdout
        .lines()
        .skip_while(|l| *l != "Today")
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(
        today
            .iter()
            .any(|l| l.trim_start().starts_with("F5 ") && l.contains("check_in")),
        "{}",
        run.stdout
    );
    assert!(
        today
            .iter()
            .any(|l| l.trim_start().starts_with("q ") && l.contains(" quit ")),
        "the default stays: {}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("keys.quit: \"Ctrl-Ü\" is not a key name; kept q"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn the_example_config_lists_every_command_with_keys_that_read_back() {
    let (rows, _) = rows(&Config::default());
    let example = config::EXAMPLE;
    for row in rows.iter().filter(|r| !r.keys.is_empty()) {
        let line = example
            .lines()
            .find(|l| l.starts_with(&format!("# {} = ", row.command)))
            .unwrap_or_else(|| panic!("the example config lists {}", row.command));
        let value = line
            .split_once(" = ")
            .map(|(_, v)| v.split("  #").next().unwrap_or(v))
            .expect("a value");
        for name in value
            .trim()
            .trim_matches(|c| c == '[' || c == ']')
            .split(", ")
            .map(|k| k.trim().trim_matches('"'))
        {
            assert!(Key::parse(name).is_some(), "{line}: {name}");
        }
    }
}

#[test]
fn the_help_scrolls_to_every_key_on_a_small_window() {
    let mut app = app_with(vec![setting("quit", &["Ctrl-Q"], 5)]);
    press(&mut app, "?");
    let top = drawn_text(&app, 80, 24);
    assert!(top.contains("Keys: Today"), "{top}");
    assert!(
        !top.contains("Ctrl-Q  "),
        "the list is longer than the window: {top}"
    );
    for _ in 0..10 {
        press(&mut app, "Down");
    }
    let bottom = drawn_text(&app, 80, 24);
    assert!(
        bottom.contains("Keys: Today"),
        "scrolling keeps the help open"
    );
    assert!(
        bottom
            .lines()
            .any(|l| l.contains("Ctrl-Q") && l.contains("close Lantern")),
        "{bottom}"
    );
    press(&mut app, "x");
    assert!(app.overlay.is_none(), "any other key closes it");
}

#[test]
fn keys_a_terminal_cannot_tell_apart_and_a_help_now_that_typing_hides_are_refused() {
    let app = app_with(vec![
        setting("title", &["Ctrl-M"], 2),
        setting("save", &["Ctrl-S", "Ctrl-H"], 3),
        setting("help_now", &["H"], 4),
    ]);
    let warnings = &app.keys.warnings;
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(
        warnings[0].contains("line 2: keys.title: a terminal sends \"Ctrl-M\" as Enter"),
        "{warnings:?}"
    );
    assert!(warnings[1].contains("line 3: keys.save:"), "{warnings:?}");
    assert!(
        warnings[2].contains("line 4: keys.help_now: needs a key that is not a letter"),
        "{warnings:?}"
    );
    // The defaults stay: F2 still opens help now while writing.
    let screen = screen_text(&app);
    assert!(screen.contains("H help now"), "{screen}");
}

#[test]
fn hints_on_screens_name_the_keys_in_effect() {
    let mut app = app_with(vec![setting("edit", &["F6"], 2)]);
    press(&mut app, "p");
    let plan = screen_text(&app);
    assert!(plan.contains("Not written yet. F6 to start."), "{plan}");
}

#[test]
fn two_commands_can_swap_keys_and_a_clash_left_over_is_still_refused() {
    let mut app = app_with(vec![
        setting("check_in", &["d"], 2),
        setting("diary", &["c"], 3),
    ]);
    assert!(app.keys.warnings.is_empty(), "{:?}", app.keys.warnings);
    press(&mut app, "d");
    assert!(matches!(app.screen, Screen::CheckIn(_)));

    // Without its partner, a swap clashes with the default it would take.
    let app = app_with(vec![setting("check_in", &["d"], 2)]);
    assert_eq!(app.keys.warnings.len(), 1, "{:?}", app.keys.warnings);
    assert!(
        app.keys.warnings[0].contains("\"d\" already does diary on Today; kept c"),
        "{:?}",
        app.keys.warnings
    );
}
