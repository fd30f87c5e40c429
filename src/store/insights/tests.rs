use chrono::{DateTime, FixedOffset, Weekday};

use super::*;
use crate::domain::checkin::{CheckIn, CheckInKind};
use crate::domain::entry::Entry;
use crate::domain::transfer::Batch;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("a valid time") // ok: test
}

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date") // ok: test
}

fn checkin(when: &str, p: i64, e: i64, s: i64) -> CheckIn {
    CheckIn {
        uid: format!("c-{when}-{p}-{e}-{s}"),
        kind: CheckInKind::Daily,
        at: at(when),
        pleasantness: p,
        energy: e,
        stress: s,
        system: None,
        words: Vec::new(),
        tags: Vec::new(),
        note: None,
        good_moment: None,
    }
}

fn entry(uid: &str, when: &str, title: &str, body: &str) -> Entry {
    Entry {
        id: 0,
        uid: uid.into(),
        template_id: None,
        title: title.into(),
        body: body.into(),
        answers: Vec::new(),
        tags: Vec::new(),
        created: at(when),
        updated: at(when),
    }
}

fn store_with(checkins: Vec<CheckIn>, entries: Vec<Entry>) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("a temporary folder"); // ok: test
    let mut store =
        Store::open_or_create(&dir.path().join("lantern.db"), None).expect("a new diary"); // ok: test
    store
        .import(&Batch {
            format: "test",
            entries,
            checkins,
        })
        .expect("import"); // ok: test
    (dir, store)
}

#[test]
fn several_check_ins_a_day_make_one_point_and_empty_days_none() {
    let (_dir, store) = store_with(
        vec![
            checkin("2026-03-02T08:00:00+00:00", 4, 6, 8),
            checkin("2026-03-02T13:00:00+00:00", 6, 4, 5),
            checkin("2026-03-02T17:30:00+00:00", 8, 2, 2),
            // 3 March: nothing.
            checkin("2026-03-04T17:30:00+00:00", 7, 7, 1),
        ],
        Vec::new(),
    );
    let days = store
        .daily_means(Period::between(d("2026-03-01"), d("2026-03-05")))
        .expect("means"); // ok: test
    assert_eq!(
        days,
        vec![
            DayMean {
                date: d("2026-03-02"),
                checkins: 3,
                pleasantness: 6.0,
                energy: 4.0,
                stress: 5.0
            },
            DayMean {
                date: d("2026-03-04"),
                checkins: 1,
                pleasantness: 7.0,
                energy: 7.0,
                stress: 1.0
            },
        ]
    );
    let i = store
        .insights(
            Period::between(d("2026-03-01"), d("2026-03-05")),
            Scales::default(),
        )
        .expect("insights"); // ok: test
    assert_eq!(i.checkins, 4);
    assert_eq!(i.days_checked_in(), 2);
    // Mean of the days' means, not of the check-ins: (6 + 7) / 2.
    assert_eq!(
        i.mean(crate::domain::insights::Measure::Pleasantness),
        Some(6.5)
    );
    // Weekday stress from day means: Monday 5, Wednesday 1.
    assert_eq!(i.weekdays.len(), 2);
    assert_eq!(
        (i.weekdays[0].weekday, i.weekdays[0].mean_stress),
        (Weekday::Mon, 5.0)
    );
}

#[test]
fn a_late_check_in_lands_on_its_local_day_across_clock_changes() {
    let (_dir, store) = store_with(
        vec![
            // 23:30 on a UTC+1 day is 22:30 UTC: still the 28th locally.
            checkin("2026-03-28T23:30:00+01:00", 2, 2, 9),
            // The clocks go forward in the UK on 29 March 2026: 00:30 GMT and 23:30
            // BST are both the 29th, though 22 hours apart in UTC.
            checkin("2026-03-29T00:30:00+00:00", 4, 4, 4),
            checkin("2026-03-29T23:30:00+01:00", 6, 6, 6),
            // 00:30 on a UTC+1 day is 23:30 UTC the day before: locally the 30th.
            checkin("2026-03-30T00:30:00+01:00", 8, 8, 0),
            // The long day when the clocks go back (25 hours): 25 October 2026.
            checkin("2026-10-25T00:30:00+01:00", 3, 3, 3),
            checkin("2026-10-25T23:30:00+00:00", 5, 5, 5),
        ],
        Vec::new(),
    );
    let days = store
        .daily_means(Period::between(d("2026-03-27"), d("2026-10-31")))
        .expect("means"); // ok: test
    let summary: Vec<(String, u32, f64)> = days
        .iter()
        .map(|m| (m.date.to_string(), m.checkins, m.pleasantness))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("2026-03-28".to_string(), 1, 2.0),
            ("2026-03-29".to_string(), 2, 5.0),
            ("2026-03-30".to_string(), 1, 8.0),
            ("2026-10-25".to_string(), 2, 4.0),
        ]
    );
}

#[test]
fn quadrants_split_at_the_given_midpoints() {
    let (_dir, store) = store_with(
        vec![
            checkin("2026-03-02T08:00:00+00:00", 6, 6, 0), // high, high (1–10: mid 5.5)
            checkin("2026-03-02T09:00:00+00:00", 5, 6, 0), // low, high
            checkin("2026-03-02T10:00:00+00:00", 10, 1, 0), // high, low
            checkin("2026-03-02T11:00:00+00:00", 1, 5, 0), // low, low
            checkin("2026-03-02T12:00:00+00:00", 2, 2, 0), // low, low
            checkin("2026-04-02T12:00:00+00:00", 9, 9, 0), // outside the period
        ],
        Vec::new(),
    );
    let p = Period::between(d("2026-03-01"), d("2026-03-31"));
    let q = store.quadrant_counts(p, Scales::default()).expect("counts"); // ok: test
    assert_eq!(
        q,
        QuadrantCounts {
            pleasant_high_energy: 1,
            pleasant_low_energy: 1,
            unpleasant_high_energy: 1,
            unpleasant_low_energy: 2,
        }
    );
    // Other bounds move the line: on 0–4 the midpoint is 2, and 2 counts as high.
    let mut narrow = Scales::default();
    narrow.pleasantness = crate::domain::insights::Bounds { min: 0, max: 4 };
    narrow.energy = narrow.pleasantness;
    let q = store.quadrant_counts(p, narrow).expect("counts"); // ok: test
    assert_eq!(
        q,
        QuadrantCounts {
            pleasant_high_energy: 3,
            pleasant_low_energy: 1,
            unpleasant_high_energy: 1,
            unpleasant_low_energy: 0,
        }
    );
}

#[test]
fn words_tags_and_good_moments_are_counted_in_the_period() {
    let mut a = checkin("2026-03-02T08:00:00+00:00", 4, 6, 8);
    a.words = vec!["tired".into(), "anxious".into()];
    a.tags = vec!["caseload".into()];
    a.good_moment = Some("A baby smiled".into());
    let mut b = checkin("2026-03-03T08:00:00+00:00", 6, 6, 4);
    b.words = vec!["tired".into()];
    b.tags = vec!["caseload".into(), "team".into()];
    b.good_moment = Some("  ".into());
    let mut c = checkin("2025-03-03T08:00:00+00:00", 6, 6, 4);
    c.words = vec!["calm".into()];
    c.good_moment = Some("Last year".into());
    let (_dir, store) = store_with(vec![a, b, c], Vec::new());
    let p = Period::between(d("2026-03-01"), d("2026-03-31"));
    let words = store.top_emotion_words(p, 10).expect("words"); // ok: test
    assert_eq!(
        words,
        vec![
            WordCount {
                word: "tired".into(),
                count: 2
            },
            WordCount {
                word: "anxious".into(),
                count: 1
            },
        ]
    );
    let tags = store.stressor_tags(p).expect("tags"); // ok: test
    assert_eq!(
        tags,
        vec![
            TagStress {
                tag: "caseload".into(),
                checkins: 2,
                mean_stress: 6.0
            },
            TagStress {
                tag: "team".into(),
                checkins: 1,
                mean_stress: 4.0
            },
        ]
    );
    assert_eq!(store.count_good_moments(p).expect("count"), 1); // ok: test
    let moments = store.good_moments(p).expect("moments"); // ok: test
    assert_eq!(moments.len(), 1);
    assert_eq!(moments[0].text, "A baby smiled");
}

#[test]
fn practice_minutes_by_item() {
    let (_dir, store) = store_with(Vec::new(), Vec::new());
    for (i, (item, minutes, date)) in [
        ("exercise:soothing-breathing", 3.0, "2026-03-02"),
        ("exercise:soothing-breathing", 4.5, "2026-03-02"),
        ("exercise:soothing-breathing", 3.0, "2026-03-05"),
        ("skill:self-compassion", 20.0, "2026-03-06"),
        ("skill:self-compassion", 5.0, "2026-02-06"),
    ]
    .into_iter()
    .enumerate()
    {
        store
            .conn()
            .execute(
                "INSERT INTO practice (uid, item_ref, at_utc, utc_offset, local_date, minutes)
                 VALUES (?1, ?2, ?3 || 'T12:00:00Z', 0, ?3, ?4)",
                params![format!("p{i}"), item, date, minutes],
            )
            .expect("practice row"); // ok: test
    }
    let p = Period::between(d("2026-03-01"), d("2026-03-31"));
    let totals = store.practice_totals(p).expect("totals"); // ok: test
    assert_eq!(
        totals,
        vec![
            PracticeTotal {
                item_ref: "skill:self-compassion".into(),
                minutes: 20.0,
                sessions: 1,
                days: 1
            },
            PracticeTotal {
                item_ref: "exercise:soothing-breathing".into(),
                minutes: 10.5,
                sessions: 3,
                days: 2
            },
        ]
    );
    assert_eq!(store.practice_days(p).expect("days"), 3); // ok: test
}

#[test]
fn on_this_day_finds_earlier_years_only() {
    let mut then = checkin("2024-03-10T18:00:00+00:00", 7, 5, 3);
    then.good_moment = Some("Team lunch".into());
    let mut now = checkin("2026-03-10T18:00:00+00:00", 7, 5, 3);
    now.good_moment = Some("Today".into());
    let (_dir, store) = store_with(
        vec![then, now],
        vec![
            entry("e1", "2023-03-10T20:00:00+00:00", "", "Long ago\nmore"),
            entry("e2", "2025-03-10T20:00:00+00:00", "A year ago", "x"),
            entry("e3", "2025-03-11T20:00:00+00:00", "Not this day", "x"),
            entry("e4", "2026-03-10T09:00:00+00:00", "Today's", "x"),
        ],
    );
    let otd = store.on_this_day(d("2026-03-10")).expect("on this day"); // ok: test
    let titles: Vec<(String, String)> = otd
        .entries
        .iter()
        .map(|e| (e.date.to_string(), e.title.clone()))
        .collect();
    assert_eq!(
        titles,
        vec![
            ("2025-03-10".to_string(), "A year ago".to_string()),
            ("2023-03-10".to_string(), "Long ago".to_string()),
        ]
    );
    assert_eq!(otd.good_moments.len(), 1);
    assert_eq!(otd.good_moments[0].text, "Team lunch");
    assert!(store
        .on_this_day(d("2026-03-12"))
        .expect("on this day") // ok: test
        .is_empty());
}

#[test]
fn a_day_in_detail_and_the_year_in_pixels() {
    let (_dir, store) = store_with(
        vec![
            checkin("2025-12-31T22:00:00+00:00", 3, 3, 3),
            checkin("2026-01-01T09:00:00+00:00", 5, 5, 5),
            checkin("2026-01-01T18:00:00+00:00", 9, 5, 5),
        ],
        vec![entry("e1", "2026-01-01T20:00:00+00:00", "New year", "x")],
    );
    let pixels = store.year_in_pixels(2026).expect("pixels"); // ok: test
    assert_eq!(pixels.len(), 1);
    assert_eq!(pixels[0].pleasantness, 7.0);
    let day = store.day_detail(d("2026-01-01")).expect("day"); // ok: test
    assert_eq!(day.checkins.len(), 2);
    assert_eq!(day.checkins[0].1.pleasantness, 5);
    assert_eq!(day.entries.len(), 1);
    assert_eq!(day.entries[0].title, "New year");
    let week = store
        .week_review(d("2026-01-02"), Scales::default())
        .expect("week"); // ok: test
    assert_eq!(week.checkins.len(), 3);
    assert_eq!(week.insights.days_checked_in(), 2);
}
