//! The looking-back screens of the full-screen app: Insights, Year in
//! pixels, a day, the weekly review, supervision preparation, and Today's "on this
//! day". A real store in a temporary folder holds thirty days of check-ins (and a few
//! from earlier years); the effects `update` returns are carried out against it as the
//! runtime does, and their results fed back as actions. Snapshots at 80×24 and 120×40,
//! and without colour at 80×24 for Insights and the year.

mod support;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Weekday};
use crossterm::event::KeyCode;
use tempfile::TempDir;

use lantern::domain::checkin::{CheckIn, CheckInKind};
use lantern::domain::entry::{Answer, Entry};
use lantern::domain::insights::{year_grid, Period, Scales};
use lantern::domain::practice::PracticeRecord;
use lantern::domain::supervision::default_since;
use lantern::domain::transfer::Batch;
use lantern::store::{EntryFilter, Store};
use lantern::tui::app::{update, Action, App, Effect, Screen, TodayData};
use lantern::tui::screens::editor::Editor;
use lantern::tui::screens::supervision::Supervision;

use support::tui::{self, app, app_with_colour, at, ch, key, t0};

// ---------------------------------------------------------------------------
// The diary: thirty days of check-ins ending on a fixed Friday

fn today() -> NaiveDate {
    t0().date_naive()
}

fn stamp(date: NaiveDate, time: &str) -> DateTime<FixedOffset> {
    at(&format!("{date}T{time}+00:00"))
}

fn checkin(uid: &str, when: DateTime<FixedOffset>, p: i64, e: i64, s: i64) -> CheckIn {
    support::daily_checkin(uid, when, p, e, s)
}

fn entry(uid: &str, created: DateTime<FixedOffset>, title: &str, body: &str) -> Entry {
    Entry {
        id: 0,
        uid: uid.into(),
        template_id: Some("reflective-diary".into()),
        title: title.into(),
        body: String::new(),
        answers: vec![Answer {
            prompt_id: "what-happened".into(),
            prompt: "What happened?".into(),
            text: body.into(),
        }],
        tags: vec![],
        created,
        updated: created,
    }
}

/// Thirty days ending today (k = 0 is today):
/// - a daily check-in at 07:30 except on k = 4, 9, 14, 19, 24, 29 (24 days), and a
///   second, after-visit check-in on k = 1 and 2;
/// - pleasantness 4 for k ≥ 15 and 7 after, energy 4 to 8, stress 8 on Mondays
///   (tagged #caseload) and 3 on other days; words "tired", "calm" and "anxious";
/// - good moments on k = 0, 7 and 21;
/// - entries on k = 3 (two), 5 and 12;
/// - from earlier years, a good moment and an entry on 20 November 2025 and a good
///   moment on 20 November 2024, and a check-in every fourth day from March to
///   September 2026 with pleasantness running through the scale (for the year grid).
fn batch() -> Batch {
    let mut checkins = Vec::new();
    for k in 0..30i64 {
        if k % 5 == 4 {
            continue;
        }
        let date = today() - Duration::days(k);
        let monday = date.weekday() == Weekday::Mon;
        let mut c = checkin(
            &format!("c-{k}"),
            stamp(date, "07:30:00"),
            if k >= 15 { 4 } else { 7 },
            4 + k % 5,
            if monday { 8 } else { 3 },
        );
        c.words = vec![if k % 3 == 0 { "calm" } else { "tired" }.into()];
        if monday {
            c.tags = vec!["caseload".into()];
        }
        if [0, 7, 21].contains(&k) {
            c.good_moment = Some(format!("Good moment {k}: a family said thank you"));
        }
        checkins.push(c);
        if k == 1 || k == 2 {
            let mut v = checkin(&format!("v-{k}"), stamp(date, "14:00:00"), 3, 6, 7);
            v.kind = CheckInKind::AfterVisit;
            v.words = vec!["anxious".into()];
            checkins.push(v);
        }
    }
    let mut day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let mut n = 0;
    while day < NaiveDate::from_ymd_opt(2026, 10, 1).unwrap() {
        checkins.push(checkin(
            &format!("y-{n}"),
            stamp(day, "09:00:00"),
            1 + n % 10,
            5,
            4,
        ));
        day += Duration::days(4);
        n += 1;
    }
    let mut last_year = checkin(
        "ly-1",
        stamp(today() - Duration::days(365), "08:00:00"),
        8,
        6,
        2,
    );
    last_year.good_moment = Some("The twins took their first steps at clinic".into());
    checkins.push(last_year);
    let mut two_years = checkin(
        "ly-2",
        stamp(today() - Duration::days(730), "08:00:00"),
        6,
        5,
        4,
    );
    two_years.good_moment = Some("First week in the new team".into());
    checkins.push(two_years);

    let on = |k: i64, time: &str| stamp(today() - Duration::days(k), time);
    Batch {
        format: "lantern",
        entries: vec![
            entry(
                "e-a",
                on(3, "19:00:00"),
                "A hard visit with the Smiths",
                "ALPHA: I stayed calm.",
            ),
            entry(
                "e-a2",
                on(3, "21:15:00"),
                "Later that evening",
                "Still thinking about it.",
            ),
            entry(
                "e-b",
                on(5, "20:00:00"),
                "Something to bring to supervision",
                "BRAVO: private.",
            ),
            entry(
                "e-c",
                on(12, "18:00:00"),
                "Team meeting went well",
                "CHARLIE.",
            ),
            entry(
                "e-ly",
                stamp(today() - Duration::days(365), "20:00:00"),
                "A year in the job",
                "Looking back.",
            ),
        ],
        checkins,
    }
}

struct Diary {
    _dir: TempDir,
    store: Store,
}

fn diary() -> Diary {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store =
        Store::open_or_create(&dir.path().join("lantern.db"), None).expect("a new store");
    let imported = store.import(&batch()).expect("the import");
    assert_eq!(imported.entries_added, 5);
    for (uid, k, item, minutes) in [
        ("p-1", 2, "exercise:soothing-breathing", 3.2),
        ("p-2", 6, "exercise:grounding", 2.0),
        ("p-3", 6, "skill:self-compassion", 0.0),
    ] {
        store
            .log_practice(&PracticeRecord {
                uid: uid.into(),
                item_ref: item.into(),
                at: stamp(today() - Duration::days(k), "12:00:00"),
                minutes,
                note: None,
            })
            .expect("a practice record");
    }
    Diary { _dir: dir, store }
}

// ---------------------------------------------------------------------------
// The app, and a runtime for its effects

fn scales(app: &App) -> Scales {
    Scales::from_content(&app.content)
}

/// What the runtime does with an effect, against the store.
fn carry_out(d: &mut Diary, app: &App, effect: &Effect) -> Option<Action> {
    let store = &mut d.store;
    let today = app.now.date_naive();
    let prep = |store: &Store, since: Option<NaiveDate>| {
        let since =
            since.unwrap_or_else(|| default_since(store.last_supervision().unwrap(), today));
        store
            .supervision_prep(Period::between(since, today), scales(app))
            .unwrap()
    };
    Some(match effect {
        Effect::LoadToday => Action::TodayLoaded(today_data(store, today)),
        Effect::LoadInsights(days) => Action::InsightsLoaded(
            store
                .insights(Period::last_days(today, *days), scales(app))
                .unwrap(),
        ),
        Effect::LoadYear(year) => {
            Action::YearLoaded(year_grid(*year, &store.year_in_pixels(*year).unwrap()))
        }
        Effect::LoadDay(date) => Action::DayLoaded(store.day_detail(*date).unwrap()),
        Effect::LoadWeek => Action::WeekLoaded(store.week_review(today, scales(app)).unwrap()),
        Effect::LoadSupervision(since) => Action::SupervisionLoaded(prep(store, *since)),
        Effect::RecordSupervision(day) => {
            store.record_supervision(*day, None).unwrap();
            Action::SupervisionLoaded(prep(store, None))
        }
        Effect::OpenEntry(id) => Action::EntryLoaded(store.entry(*id).unwrap()),
        _ => return None,
    })
}

/// Today's data as the runtime loads it, with the monthly reflection due.
fn today_data(store: &Store, today: NaiveDate) -> TodayData {
    let on_this_day = store.on_this_day(today).unwrap();
    let todays: Vec<CheckIn> = store
        .list_checkins(&lantern::store::CheckInFilter {
            since: Some(today),
            until: Some(today),
            limit: None,
        })
        .unwrap()
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    TodayData {
        latest_today: todays.first().cloned(),
        checkins_today: todays.len(),
        recent: store
            .list_entries(&EntryFilter {
                limit: Some(3),
                ..Default::default()
            })
            .unwrap(),
        suggestion: None,
        on_this_day: (!on_this_day.is_empty()).then_some(on_this_day),
        reflection_due: true,
    }
}

/// Sends `action` to `update`, carries out what it asks and feeds the results back;
/// returns the effects of `action` itself, for the test to check.
fn drive(d: &mut Diary, app: &mut App, action: Action) -> Vec<Effect> {
    let effects = update(app, action);
    let mut queue: Vec<Action> = effects
        .iter()
        .filter_map(|e| carry_out(d, app, e))
        .collect();
    while let Some(next) = queue.pop() {
        let more = update(app, next);
        queue.extend(more.iter().filter_map(|e| carry_out(d, app, e)));
    }
    effects
}

fn insights_days(app: &App) -> Option<u32> {
    match &app.screen {
        Screen::Insights(s) => s.data.as_ref().map(|d| d.period.days()),
        other => panic!("expected Insights, got {}", other.name()),
    }
}

fn pixels(app: &App) -> &lantern::tui::screens::pixels::Pixels {
    match &app.screen {
        Screen::Pixels(p) => p,
        other => panic!("expected the year, got {}", other.name()),
    }
}

fn supervision(app: &App) -> &Supervision {
    match &app.screen {
        Screen::Supervision(s) => s,
        other => panic!("expected supervision, got {}", other.name()),
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn export(effects: &[Effect]) -> (NaiveDate, Vec<i64>, bool) {
    match effects {
        [Effect::ExportSupervision {
            since,
            entries,
            good_moments,
            // The check runs first: the person has not chosen anything yet.
            sharing: None,
        }] => (*since, entries.clone(), *good_moments),
        other => panic!("expected one ExportSupervision, got {other:?}"),
    }
}

// Drawing

/// Snapshots at 80×24 and 120×40 in the default theme; returns the text of each.
fn snap(name: &str, app: &App) -> [String; 2] {
    tui::snapshots(name, app, |name, frame| {
        insta::assert_snapshot!(name, frame)
    })
}

/// A snapshot at 80×24 without colour, checking that no cell has a colour.
fn snap_no_colour(name: &str, app: &App) -> String {
    tui::snapshot_no_colour(name, app, |name, frame| {
        insta::assert_snapshot!(name, frame)
    })
}

// ---------------------------------------------------------------------------
// Insights

#[test]
fn i_on_today_opens_insights_for_thirty_days() {
    let mut d = diary();
    let mut app = app();
    let effects = update(&mut app, ch('i'));
    assert!(matches!(effects.as_slice(), [Effect::LoadInsights(30)]));
    assert_eq!(insights_days(&app), None, "gathering");
    assert!(matches!(app.stack.as_slice(), [Screen::Today]));
    for e in &effects {
        let action = carry_out(&mut d, &app, e).unwrap();
        update(&mut app, action);
    }
    assert_eq!(insights_days(&app), Some(30));
    let Screen::Insights(s) = &app.screen else {
        unreachable!()
    };
    let data = s.data.as_ref().unwrap();
    assert_eq!(data.checkins, 26);
    assert_eq!(data.days_checked_in(), 24);
    assert_eq!(data.good_moments, 3);
    assert_eq!(data.practice_days, 2);
    update(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Today));
}

#[test]
fn left_and_right_change_the_period() {
    let mut d = diary();
    let mut app = app();
    drive(&mut d, &mut app, ch('i'));
    let mut go = |app: &mut App, action: Action| -> Vec<u32> {
        drive(&mut d, app, action)
            .iter()
            .map(|e| match e {
                Effect::LoadInsights(days) => *days,
                other => panic!("expected LoadInsights, got {other:?}"),
            })
            .collect()
    };
    assert_eq!(go(&mut app, key(KeyCode::Left)), [7]);
    assert_eq!(insights_days(&app), Some(7));
    assert_eq!(
        go(&mut app, key(KeyCode::Left)),
        [] as [u32; 0],
        "7 is the shortest"
    );
    assert_eq!(go(&mut app, ch('h')), [] as [u32; 0]);
    assert_eq!(go(&mut app, key(KeyCode::Right)), [30]);
    assert_eq!(go(&mut app, key(KeyCode::Right)), [90]);
    assert_eq!(insights_days(&app), Some(90));
    assert_eq!(go(&mut app, ch('l')), [365]);
    assert_eq!(insights_days(&app), Some(365));
    assert_eq!(
        go(&mut app, key(KeyCode::Right)),
        [] as [u32; 0],
        "365 is the longest"
    );
}

// ---------------------------------------------------------------------------
// Year in pixels, and a day

#[test]
fn y_opens_the_year_on_today_and_loads_it() {
    let mut d = diary();
    let mut app = app();
    let effects = drive(&mut d, &mut app, ch('y'));
    assert!(matches!(effects.as_slice(), [Effect::LoadYear(2026)]));
    let p = pixels(&app);
    assert_eq!(p.cursor, today());
    let grid = p.grid.as_ref().unwrap();
    assert_eq!(grid.year, 2026);
    assert_eq!(grid.months.len(), 12);
    assert_eq!(grid.months[1].len(), 28);
    assert!(grid.day(today()).is_some());
    assert!(
        grid.day(today() - Duration::days(4)).is_none(),
        "a day without"
    );
}

#[test]
fn arrows_move_by_day_and_month_and_a_new_year_is_loaded() {
    let mut d = diary();
    let mut app = app();
    drive(&mut d, &mut app, ch('y'));
    let mut go = |app: &mut App, action: Action| -> Vec<i32> {
        drive(&mut d, app, action)
            .iter()
            .map(|e| match e {
                Effect::LoadYear(y) => *y,
                other => panic!("expected LoadYear, got {other:?}"),
            })
            .collect()
    };
    let none: [i32; 0] = [];
    assert_eq!(go(&mut app, key(KeyCode::Left)), none);
    assert_eq!(pixels(&app).cursor, date(2026, 11, 19));
    assert_eq!(go(&mut app, key(KeyCode::Right)), none);
    assert_eq!(go(&mut app, ch('l')), none);
    assert_eq!(pixels(&app).cursor, date(2026, 11, 21));
    assert_eq!(go(&mut app, key(KeyCode::Up)), none);
    assert_eq!(pixels(&app).cursor, date(2026, 10, 21));
    assert_eq!(go(&mut app, ch('j')), none);
    assert_eq!(go(&mut app, key(KeyCode::Down)), none);
    assert_eq!(pixels(&app).cursor, date(2026, 12, 21));
    for _ in 0..10 {
        assert_eq!(go(&mut app, key(KeyCode::Right)), none);
    }
    assert_eq!(pixels(&app).cursor, date(2026, 12, 31));
    assert!(pixels(&app).grid.is_some());

    // Over the end of the year: the next year is asked for.
    let effects = update(&mut app, key(KeyCode::Right));
    assert!(matches!(effects.as_slice(), [Effect::LoadYear(2027)]));
    assert_eq!(pixels(&app).cursor, date(2027, 1, 1));
    assert!(
        pixels(&app).grid.is_none(),
        "the old year is not shown as the new"
    );
    for e in &effects {
        let a = carry_out(&mut d, &app, e).unwrap();
        update(&mut app, a);
    }
    assert_eq!(pixels(&app).grid.as_ref().unwrap().year, 2027);

    // And back, by month.
    let mut go = |app: &mut App, action: Action| -> Vec<i32> {
        drive(&mut d, app, action)
            .iter()
            .filter_map(|e| match e {
                Effect::LoadYear(y) => Some(*y),
                _ => None,
            })
            .collect()
    };
    assert_eq!(go(&mut app, key(KeyCode::Up)), [2026]);
    assert_eq!(pixels(&app).cursor, date(2026, 12, 1));
    assert_eq!(pixels(&app).grid.as_ref().unwrap().year, 2026);
    // A month back from 31 March is the end of February.
    for _ in 0..9 {
        go(&mut app, key(KeyCode::Up));
    }
    assert_eq!(pixels(&app).cursor, date(2026, 3, 1));
    go(&mut app, key(KeyCode::Left));
    assert_eq!(pixels(&app).cursor, date(2026, 2, 28));
    go(&mut app, key(KeyCode::Down));
    assert_eq!(pixels(&app).cursor, date(2026, 3, 28));
    // '[' and ']' move by a year.
    assert_eq!(go(&mut app, ch('[')), [2025]);
    assert_eq!(pixels(&app).cursor, date(2025, 3, 28));
    assert_eq!(go(&mut app, ch(']')), [2026]);
    assert_eq!(go(&mut app, key(KeyCode::PageDown)), [2027]);
}

#[test]
fn enter_opens_the_day_and_enter_there_opens_an_entry() {
    let mut d = diary();
    let mut app = app();
    drive(&mut d, &mut app, ch('y'));
    for _ in 0..3 {
        update(&mut app, key(KeyCode::Left));
    }
    let day = today() - Duration::days(3);
    let effects = update(&mut app, key(KeyCode::Enter));
    match effects.as_slice() {
        [Effect::LoadDay(date)] => assert_eq!(*date, day),
        other => panic!("expected LoadDay, got {other:?}"),
    }
    assert!(
        matches!(app.screen, Screen::Pixels(_)),
        "until the day loads"
    );
    let action = carry_out(&mut d, &app, &effects[0]).unwrap();
    assert!(update(&mut app, action).is_empty());
    let Screen::Day(view) = &app.screen else {
        panic!("expected the day, got {}", app.screen.name())
    };
    assert_eq!(view.detail.date, day);
    assert_eq!(view.detail.checkins.len(), 1);
    assert_eq!(view.detail.entries.len(), 2);
    let second = view.detail.entries[1].clone();
    assert_eq!(second.title, "Later that evening");
    assert!(matches!(app.stack.last(), Some(Screen::Pixels(_))));

    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Down));
    let effects = drive(&mut d, &mut app, key(KeyCode::Enter));
    match effects.as_slice() {
        [Effect::OpenEntry(id)] => assert_eq!(*id, second.id),
        other => panic!("expected OpenEntry, got {other:?}"),
    }
    let Screen::Reader(_) = &app.screen else {
        panic!("expected the entry, got {}", app.screen.name())
    };
    // Back to the day, then to the year, which kept its grid and cursor.
    update(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Day(_)));
    update(&mut app, key(KeyCode::Esc));
    assert_eq!(pixels(&app).cursor, day);
    assert!(pixels(&app).grid.is_some());
}

#[test]
fn a_day_without_entries_opens_nothing() {
    let mut d = diary();
    let mut app = app();
    drive(&mut d, &mut app, ch('y'));
    update(&mut app, key(KeyCode::Left));
    drive(&mut d, &mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Day(_)));
    assert!(update(&mut app, key(KeyCode::Enter)).is_empty());
}

// ---------------------------------------------------------------------------
// The weekly review

#[test]
fn r_shows_the_week_then_enter_goes_on_to_the_review_questions() {
    let mut d = diary();
    let mut app = app();
    let effects = update(&mut app, ch('r'));
    assert!(matches!(effects.as_slice(), [Effect::LoadWeek]));
    let Screen::Review(r) = &app.screen else {
        panic!("expected the review")
    };
    assert!(r.week.is_none());
    let action = carry_out(&mut d, &app, &effects[0]).unwrap();
    update(&mut app, action);
    let Screen::Review(r) = &app.screen else {
        panic!("expected the review")
    };
    let week = r.week.as_ref().unwrap();
    assert_eq!(week.insights.period.days(), 7);
    assert_eq!(
        week.good_moments.len(),
        1,
        "only k = 0 is in the last seven days"
    );
    assert!(update(&mut app, key(KeyCode::Enter)).is_empty());
    let Screen::Editor(e) = &app.screen else {
        panic!("expected the editor, got {}", app.screen.name())
    };
    let e: &Editor = e;
    assert_eq!(e.template_id.as_deref(), Some("weekly-review"));
    assert!(e.pages.len() > 1, "the review's prompts");
    // The review screen was replaced: back from the editor is Today.
    assert!(matches!(app.stack.as_slice(), [Screen::Today]));
}

// ---------------------------------------------------------------------------
// Supervision preparation

fn supervision_loaded(d: &mut Diary, app: &mut App) {
    let effects = drive(d, app, ch('s'));
    assert!(matches!(
        effects.as_slice(),
        [Effect::LoadSupervision(None)]
    ));
}

#[test]
fn s_opens_supervision_for_the_default_period_with_nothing_chosen() {
    let mut d = diary();
    let mut app = app();
    supervision_loaded(&mut d, &mut app);
    let s = supervision(&app);
    let prep = s.prep.as_ref().unwrap();
    assert_eq!(s.since, Some(today() - Duration::days(29)));
    assert_eq!(prep.period().end, today());
    assert_eq!(prep.last_supervision, None);
    assert!(s.chosen.is_empty(), "nothing is shared by default");
    assert!(!s.good_moments);
    // Newest first: the two entries of k = 3, then k = 5 and k = 12.
    let titles: Vec<&str> = prep.entries.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles.len(), 4, "{titles:?}");
    assert_eq!(titles[3], "Team meeting went well");
    assert_eq!(prep.good_moments.len(), 3);
}

#[test]
fn export_carries_exactly_the_chosen_entries() {
    let mut d = diary();
    let mut app = app();
    supervision_loaded(&mut d, &mut app);
    let ids: Vec<i64> = supervision(&app)
        .prep
        .as_ref()
        .unwrap()
        .entries
        .iter()
        .map(|e| e.id)
        .collect();
    let since = today() - Duration::days(29);

    // Nothing chosen: nothing shared.
    assert_eq!(export(&update(&mut app, ch('e'))), (since, vec![], false));

    // Space chooses the selected entry.
    assert!(update(&mut app, ch(' ')).is_empty());
    assert_eq!(
        supervision(&app).chosen.iter().copied().collect::<Vec<_>>(),
        [ids[0]]
    );
    assert_eq!(
        export(&update(&mut app, ch('e'))),
        (since, vec![ids[0]], false)
    );

    // Choosing and un-choosing another leaves only the first.
    update(&mut app, key(KeyCode::Down));
    update(&mut app, ch(' '));
    update(&mut app, ch(' '));
    assert_eq!(export(&update(&mut app, ch('e'))).1, [ids[0]]);

    // A third, further down, joins it.
    update(&mut app, ch('j'));
    update(&mut app, ch(' '));
    let mut both = vec![ids[0], ids[2]];
    both.sort();
    assert_eq!(export(&update(&mut app, ch('e'))).1, both);

    // Un-choosing the first leaves only the third.
    update(&mut app, key(KeyCode::Up));
    update(&mut app, ch('k'));
    update(&mut app, ch(' '));
    assert_eq!(export(&update(&mut app, ch('e'))).1, [ids[2]]);
}

#[test]
fn g_toggles_the_good_moments() {
    let mut d = diary();
    let mut app = app();
    supervision_loaded(&mut d, &mut app);
    update(&mut app, ch('g'));
    assert!(supervision(&app).good_moments);
    assert!(export(&update(&mut app, ch('e'))).2);
    update(&mut app, ch('g'));
    assert!(!export(&update(&mut app, ch('e'))).2);
}

#[test]
fn d_records_supervision_today_and_the_period_starts_again() {
    let mut d = diary();
    let mut app = app();
    supervision_loaded(&mut d, &mut app);
    update(&mut app, ch(' '));
    assert_eq!(supervision(&app).chosen.len(), 1);
    let effects = drive(&mut d, &mut app, ch('d'));
    match effects.as_slice() {
        [Effect::RecordSupervision(day)] => assert_eq!(*day, today()),
        other => panic!("expected RecordSupervision, got {other:?}"),
    }
    let s = supervision(&app);
    let prep = s.prep.as_ref().unwrap();
    assert_eq!(prep.last_supervision, Some(today()));
    assert_eq!(s.since, Some(today()));
    assert!(prep.entries.is_empty(), "no entries today");
    assert!(
        s.chosen.is_empty(),
        "a choice outside the period is dropped"
    );
    assert_eq!(export(&update(&mut app, ch('e'))), (today(), vec![], false));
}

#[test]
fn brackets_move_the_start_of_the_period_by_a_week() {
    let mut d = diary();
    let mut app = app();
    supervision_loaded(&mut d, &mut app);
    let since = today() - Duration::days(29);
    let effects = drive(&mut d, &mut app, ch('['));
    match effects.as_slice() {
        [Effect::LoadSupervision(Some(day))] => assert_eq!(*day, since - Duration::days(7)),
        other => panic!("expected LoadSupervision, got {other:?}"),
    }
    let s = supervision(&app);
    assert_eq!(s.since, Some(since - Duration::days(7)));
    assert_eq!(
        s.prep.as_ref().unwrap().period().start,
        since - Duration::days(7)
    );
    let effects = drive(&mut d, &mut app, ch(']'));
    assert!(matches!(effects.as_slice(), [Effect::LoadSupervision(Some(day))] if *day == since));

    // Never past today.
    drive(&mut d, &mut app, ch('d'));
    assert_eq!(supervision(&app).since, Some(today()));
    assert!(update(&mut app, ch(']')).is_empty());
}

// ---------------------------------------------------------------------------
// Snapshots

fn insights_app(colour: bool) -> App {
    let mut d = diary();
    let mut app = app_with_colour(colour);
    drive(&mut d, &mut app, ch('i'));
    assert_eq!(insights_days(&app), Some(30));
    app
}

#[test]
fn insights_with_thirty_days() {
    let [narrow, wide] = snap("insights", &insights_app(true));
    for text in [&narrow, &wide] {
        assert!(
            text.contains("You checked in on 24 of the last 30 days."),
            "{text}"
        );
        assert!(text.contains("Mondays"), "the weekday pattern:\n{text}");
    }
}

#[test]
fn insights_without_colour() {
    let text = snap_no_colour("insights", &insights_app(false));
    assert!(text.contains("24 of the last 30 days"), "{text}");
}

#[test]
fn insights_for_a_week() {
    let mut d = diary();
    let mut app = app();
    drive(&mut d, &mut app, ch('i'));
    drive(&mut d, &mut app, key(KeyCode::Left));
    snap("insights_7_days", &app);
}

#[test]
fn insights_still_gathering() {
    let mut app = app();
    update(&mut app, ch('i'));
    let [narrow, _] = snap("insights_gathering", &app);
    assert!(narrow.contains("Gathering"));
}

fn pixels_app(colour: bool) -> App {
    let mut d = diary();
    let mut app = app_with_colour(colour);
    drive(&mut d, &mut app, ch('y'));
    assert!(pixels(&app).grid.is_some());
    app
}

#[test]
fn year_in_pixels() {
    let [narrow, wide] = snap("pixels", &pixels_app(true));
    for text in [&narrow, &wide] {
        assert!(text.contains("Year in pixels: 2026"));
        assert!(text.contains("Friday 20 November"), "{text}");
        assert!(text.contains("Dec"), "December in view:\n{text}");
    }
}

#[test]
fn year_in_pixels_without_colour() {
    let text = snap_no_colour("pixels", &pixels_app(false));
    assert!(text.contains("Dec"), "{text}");
    assert!(text.contains("no check-in"), "{text}");
}

#[test]
fn a_day() {
    let mut d = diary();
    let mut app = app();
    drive(&mut d, &mut app, ch('y'));
    update(&mut app, key(KeyCode::Left));
    update(&mut app, key(KeyCode::Left));
    update(&mut app, key(KeyCode::Left));
    drive(&mut d, &mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Day(_)));
    snap("day", &app);
}

#[test]
fn a_day_with_two_check_ins_and_a_good_moment() {
    let mut d = diary();
    let mut app = app();
    drive(&mut d, &mut app, ch('y'));
    update(&mut app, key(KeyCode::Left));
    drive(&mut d, &mut app, key(KeyCode::Enter));
    snap("day_two_checkins", &app);
    let mut app = self::app();
    drive(&mut d, &mut app, ch('y'));
    drive(&mut d, &mut app, key(KeyCode::Enter));
    let [narrow, _] = snap("day_good_moment", &app);
    assert!(narrow.contains("good moment"), "{narrow}");
}

#[test]
fn weekly_review() {
    let mut d = diary();
    let mut app = app();
    drive(&mut d, &mut app, ch('r'));
    snap("review", &app);
}

#[test]
fn supervision_with_one_chosen_entry() {
    let mut d = diary();
    let mut app = app();
    supervision_loaded(&mut d, &mut app);
    update(&mut app, key(KeyCode::Down));
    update(&mut app, ch(' '));
    update(&mut app, ch('g'));
    let [narrow, wide] = snap("supervision", &app);
    for text in [&narrow, &wide] {
        assert_eq!(
            text.matches("[x]").count(),
            2,
            "one entry and the good moments:\n{text}"
        );
    }
}

#[test]
fn today_with_on_this_day_and_the_reflection_due() {
    let mut d = diary();
    let mut app = app();
    drive(&mut d, &mut app, Action::CheckInSaved(None));
    assert!(app.today.reflection_due);
    let otd = app.today.on_this_day.as_ref().unwrap();
    assert_eq!(otd.good_moments.len(), 2);
    assert_eq!(otd.entries.len(), 1);
    let [narrow, wide] = snap("today_on_this_day", &app);
    for text in [&narrow, &wide] {
        assert!(text.contains("On this day"), "{text}");
        assert!(text.contains("2025: The twins"), "{text}");
        assert!(text.contains("how are you growing"), "{text}");
    }
    // With room, every memory of this day shows; at 80×24 the last gives way to the
    // recent entries.
    assert!(wide.contains("2024: First week"), "{wide}");
    assert!(wide.contains("2025: A year in the job"), "{wide}");
}

#[test]
fn the_chart_carries_the_theme_s_own_background_where_the_theme_paints_one() {
    use lantern::tui::theme::Theme;
    use ratatui::style::Color;
    let mut d = diary();
    let mut app = app();
    // Calm's dark look on a white terminal paints its own background.
    app.theme = Theme::for_background(lantern::config::Theme::Calm, true, Some((255, 255, 255)));
    assert!(
        app.theme.base.bg.is_some(),
        "calm on white paints its own background"
    );
    for e in &update(&mut app, ch('i')) {
        let action = carry_out(&mut d, &app, e).unwrap(); // ok: test
        update(&mut app, action);
    }
    let terminal = tui::draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let holes: Vec<(u16, u16)> = (1..23)
        .flat_map(|y| (1..79).map(move |x| (x, y)))
        .filter(|&(x, y)| buffer.cell((x, y)).is_some_and(|c| c.bg == Color::Reset))
        .collect();
    assert!(
        holes.is_empty(),
        "cells left on the terminal's colour: {:?}",
        &holes[..holes.len().min(5)]
    );
}
