//! Today as home: a map of every room with its key, whatever the window (at least
//! the smallest the app draws), with the user's own keys, opened by a click too, and
//! without pushing out what Today says.

mod support;

use chrono::NaiveDate;
use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use lantern::config::{Config, KeySetting};
use lantern::domain::checkin::{CheckIn, CheckInKind};
use lantern::domain::insights::{EntryRef, GoodMoment, OnThisDay};
use lantern::domain::suggest::Suggestion;
use lantern::store::EntrySummary;
use lantern::tui::app::{update, Action, App, Overlay, Screen, TodayData};

use support::e2e::Diary;
use support::tmux::{require_tmux, App as Tmux, TODAY_FOOTER, WAIT};
use support::tui::{app as today, app_with_config, at, drawn_text};

/// Every room the map must show, as "key name" with the default keys.
const ROOMS: &[&str] = &[
    "c check in",
    "a after visit",
    "w write",
    "g good moment",
    "l library",
    "d diary",
    "/ search",
    "i insights",
    "y year",
    "r weekly review",
    "f find support",
    "p plan",
    "s supervision",
    "H help now",
];

/// The rows of the map: from its heading to the frame's bottom border.
fn map_rows(screen: &str) -> String {
    let start = screen
        .find("Where to go")
        .unwrap_or_else(|| panic!("no map on Today\n{screen}"));
    let map = &screen[start..];
    let end = map.find('└').unwrap_or(map.len());
    map[..end].to_string()
}

fn assert_map_has(screen: &str, rooms: &[&str]) {
    let map = map_rows(screen);
    for room in rooms {
        assert!(map.contains(room), "the map has no {room:?}\n{screen}");
    }
}

fn summary(id: i64, created: &str, title: &str) -> EntrySummary {
    EntrySummary {
        id,
        created: at(created),
        title: title.into(),
        template_id: Some("reflective-diary".into()),
        tags: vec![],
    }
}

/// Today with everything it can say at once: a check-in, a suggestion that offers
/// help, the monthly reflection, on this day, and five entries.
fn full_today() -> TodayData {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date"); // ok: test
    TodayData {
        latest_today: Some(CheckIn {
            uid: "c-1".into(),
            kind: CheckInKind::Daily,
            at: at("2026-11-20T08:10:00+00:00"),
            pleasantness: 4,
            energy: 3,
            stress: 8,
            system: None,
            words: vec![],
            tags: vec![],
            note: None,
            good_moment: None,
        }),
        checkins_today: 2,
        recent: (1..=5)
            .map(|i| summary(i, "2026-11-19T21:05:00+00:00", "After supervision: what I keep"))
            .collect(),
        suggestion: Some(Suggestion {
            rule_id: "rule-sustained-strain".into(),
            message: "It has been a hard stretch lately. That is not a weakness, and it is not only yours to carry; a colleague you trust, your supervisor or occupational health can help.".into(),
            offer: vec![],
            offer_help: true,
            strain: true,
        }),
        on_this_day: Some(OnThisDay {
            good_moments: vec![GoodMoment {
                checkin_id: 2,
                date: date(2025, 11, 20),
                text: "The twins took their first steps at clinic".into(),
            }],
            entries: vec![EntryRef {
                id: 3,
                date: date(2024, 11, 20),
                created: at("2024-11-20T18:00:00+00:00"),
                title: "First week in the new team".into(),
                template_id: None,
            }],
        }),
        reflection_due: true,
    }
}

#[test]
fn today_shows_every_room_and_its_key_at_each_size() {
    for (w, h) in [(80, 24), (70, 22), (200, 50), (100, 30)] {
        let screen = drawn_text(&today(), w, h);
        assert_map_has(&screen, ROOMS);
        for group in ["Practise", "Look back", "Get support"] {
            assert!(
                map_rows(&screen).contains(group),
                "{w}×{h}: {group}\n{screen}"
            );
        }
    }
}

#[test]
fn the_map_leaves_what_today_says_in_view_on_the_smallest_window() {
    let mut app = today();
    update(&mut app, Action::TodayLoaded(full_today()));
    for (w, h) in [(70, 22), (80, 24)] {
        let screen = drawn_text(&app, w, h);
        assert_map_has(&screen, ROOMS);
        for said in [
            "Good afternoon.",
            "You checked in today",
            "One small thing",
            "It has been a hard stretch lately.",
            "A good moment",
            "however small? g to note it.",
            "Recent entries",
            "After supervision: what I keep",
        ] {
            assert!(
                screen.contains(said),
                "{w}×{h}: {said:?} is missing\n{screen}"
            );
        }
        // Nothing runs past the frame: every row ends at the border.
        for row in screen.lines().take(usize::from(h) - 2) {
            assert!(
                row.ends_with('│') || row.ends_with('┐') || row.ends_with('┘'),
                "{row}"
            );
        }
    }
}

#[test]
fn a_key_setting_changes_the_key_the_map_shows() {
    let app = app_with_config(Config {
        keys: vec![KeySetting {
            command: "library".into(),
            keys: vec!["b".into()],
            line: 1,
        }],
        ..Default::default()
    });
    assert!(app.keys.warnings.is_empty(), "{:?}", app.keys.warnings);
    let screen = drawn_text(&app, 80, 24);
    assert_map_has(&screen, &["b library"]);
    assert!(!map_rows(&screen).contains("l library"), "{screen}");
}

/// The cell where `text` is drawn, as (column, row).
fn cell_of(screen: &str, text: &str) -> (u16, u16) {
    let map_start = screen.find("Where to go").expect("a map"); // ok: test
    screen
        .lines()
        .enumerate()
        .scan(0, |offset, (row, line)| {
            let here = *offset;
            *offset += line.len() + 1;
            Some((here, row, line))
        })
        .filter(|(offset, _, _)| *offset + 200 >= map_start)
        .find_map(|(_, row, line)| {
            line.find(text)
                .map(|byte| (line[..byte].chars().count() as u16, row as u16))
        })
        .unwrap_or_else(|| panic!("{text:?} is not on screen\n{screen}"))
}

fn click(app: &mut App, (column, row): (u16, u16)) {
    update(
        app,
        Action::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }),
    );
}

#[test]
fn a_click_on_a_room_opens_it() {
    for (room, opens) in [
        ("library", "Library"),
        ("weekly review", "Weekly review"),
        ("supervision", "Before supervision"),
        ("find support", "Finding support"),
    ] {
        let mut app = today();
        let screen = drawn_text(&app, 80, 24);
        click(&mut app, cell_of(&screen, room));
        assert_eq!(app.screen.name(), opens, "a click on {room:?}");
    }

    // On the key as well as on the name.
    let mut app = today();
    let screen = drawn_text(&app, 70, 22);
    let (column, row) = cell_of(&screen, "y year");
    click(&mut app, (column, row));
    assert!(
        matches!(app.screen, Screen::Pixels(_)),
        "{}",
        app.screen.name()
    );

    // Help now opens over Today, as its key does.
    let mut app = today();
    let screen = drawn_text(&app, 80, 24);
    click(&mut app, cell_of(&screen, "help now"));
    assert!(matches!(app.overlay, Some(Overlay::HelpNow { .. })));

    // A click beside the rooms does nothing.
    let mut app = today();
    let screen = drawn_text(&app, 80, 24);
    let (_, row) = cell_of(&screen, "Practise");
    click(&mut app, (2, row));
    click(&mut app, (78, row));
    assert!(matches!(app.screen, Screen::Today));
}

#[test]
fn the_release_binary_shows_the_map_on_today_at_80_by_24() {
    require_tmux!();
    let diary = Diary::initialised();
    let app = Tmux::launch(&diary, "home-map");
    app.wait_for(TODAY_FOOTER);
    app.resize(80, 24);
    // The frame drawn for the new size, not the one before it: its top border is
    // 80 columns wide.
    let screen = app.wait_until("Today at 80×24", WAIT, |s| {
        s.lines().next().is_some_and(|l| l.chars().count() == 80)
            && s.contains("Get support")
            && s.contains("Recent entries")
    });
    assert_map_has(&screen, ROOMS);
    // The map's keys work: `r` opens the weekly review it names.
    app.keys(&["r"]);
    app.wait_for("Your week");
    app.keys(&["Escape"]);
    app.quit_from_today();
}

#[test]
fn a_heading_is_never_left_at_the_bottom_without_what_it_heads() {
    let mut app = today();
    update(&mut app, Action::TodayLoaded(full_today()));
    for h in 22..=30 {
        for w in [70, 72, 80] {
            let screen = drawn_text(&app, w, h);
            let rows: Vec<&str> = screen.lines().collect();
            for heading in ["On this day", "One small thing", "A good moment"] {
                if let Some(at) = rows.iter().position(|r| r.contains(heading)) {
                    let next = rows.get(at + 1).copied().unwrap_or("");
                    let text = next.trim_matches(|c| c == '│' || c == ' ');
                    assert!(
                        !text.is_empty() && !text.starts_with("Recent entries"),
                        "{w}×{h}: {heading:?} heads nothing\n{screen}"
                    );
                }
            }
        }
    }
}
