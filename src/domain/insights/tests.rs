use chrono::{NaiveDate, Weekday};

use super::*;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date") // ok: test
}

fn day(date: &str, p: f64, e: f64, s: f64) -> DayMean {
    DayMean {
        date: d(date),
        checkins: 1,
        pleasantness: p,
        energy: e,
        stress: s,
    }
}

fn insights(period: Period, days: Vec<DayMean>) -> Insights {
    let mut i = Insights::empty(period, Scales::default());
    i.checkins = days.iter().map(|d| d.checkins).sum();
    i.weekdays = weekday_stress(&days);
    i.days = days;
    i
}

#[test]
fn periods_count_both_ends() {
    let p = Period::last_days(d("2026-03-30"), 30);
    assert_eq!(p.start, d("2026-03-01"));
    assert_eq!(p.days(), 30);
    assert_eq!(p.middle(), d("2026-03-16"));
    assert_eq!(Period::last_days(d("2026-03-30"), 0).days(), 1);
    assert_eq!(Period::year(2024).map(|p| p.days()), Some(366));
    assert_eq!(
        Period::between(d("2026-04-02"), d("2026-03-03")).describe(d("2026-05-01")),
        "3 March to 2 April 2026"
    );
    assert_eq!(p.describe(d("2026-03-30")), "the last 30 days");
    assert_eq!(p.span_phrase(d("2026-03-30")), "over the last month");
}

#[test]
fn midpoint_and_levels_follow_the_bounds() {
    let b = Bounds { min: 1, max: 10 };
    assert_eq!(b.midpoint(), 5.5);
    assert!(!b.is_high(5.0));
    assert!(b.is_high(6.0));
    assert_eq!(level(1.0, b, 7), 0);
    assert_eq!(level(10.0, b, 7), 6);
    assert_eq!(level(5.5, b, 7), 3);
    assert_eq!(level(99.0, b, 7), 6);
    let stress = Bounds { min: 0, max: 10 };
    assert_eq!(stress.midpoint(), 5.0);
    assert!(stress.is_high(5.0));
}

#[test]
fn a_rise_of_a_tenth_of_the_scale_is_a_trend_and_gaps_are_absent_not_zero() {
    // 14 days, 2026-03-01..14; the later half starts on the 8th. Days without a
    // check-in (the 2nd, 4th, 9th, 11th) are simply absent.
    let p = Period::between(d("2026-03-01"), d("2026-03-14"));
    let days = vec![
        day("2026-03-01", 4.0, 5.0, 6.0),
        day("2026-03-03", 5.0, 5.0, 6.0),
        day("2026-03-05", 3.0, 5.0, 6.0), // earlier mean pleasantness 4.0
        day("2026-03-08", 5.0, 5.0, 6.0),
        day("2026-03-10", 4.5, 5.0, 6.0),
        day("2026-03-12", 5.2, 5.0, 6.0), // later mean 4.9: +0.9 = 10% of 1–10
    ];
    match trend(&days, p, Measure::Pleasantness, Bounds { min: 1, max: 10 }) {
        Trend::Rising { earlier, later } => {
            assert!((earlier - 4.0).abs() < 1e-9 && (later - 4.9).abs() < 1e-9)
        }
        other => panic!("expected a rise, got {other:?}"),
    }
    assert!(matches!(
        trend(&days, p, Measure::Stress, Bounds { min: 0, max: 10 }),
        Trend::Steady { .. }
    ));
    // Only two days in the earlier half: not enough to say.
    assert_eq!(
        trend(
            &days[1..],
            p,
            Measure::Pleasantness,
            Bounds { min: 1, max: 10 }
        ),
        Trend::NotEnough
    );
}

#[test]
fn weekday_stress_averages_days_not_check_ins() {
    // Mondays 2, 9 and 16 March 2026 with day means 8, 7, 9; other days 4.
    let mut days = vec![
        day("2026-03-02", 5.0, 5.0, 8.0),
        day("2026-03-09", 5.0, 5.0, 7.0),
        day("2026-03-16", 5.0, 5.0, 9.0),
    ];
    for date in [
        "2026-03-03",
        "2026-03-04",
        "2026-03-05",
        "2026-03-06",
        "2026-03-10",
        "2026-03-11",
        "2026-03-12",
        "2026-03-13",
    ] {
        days.push(day(date, 5.0, 5.0, 4.0));
    }
    // A busy day counts once, however many check-ins it had.
    days[0].checkins = 5;
    let weekdays = weekday_stress(&days);
    assert_eq!(weekdays[0].weekday, Weekday::Mon);
    assert_eq!(weekdays[0].days, 3);
    assert_eq!(weekdays[0].mean_stress, 8.0);
    assert_eq!(
        weekday_pattern(&weekdays, Bounds { min: 0, max: 10 }),
        Some((Weekday::Mon, 8.0, 4.0))
    );
    // Fewer than ten days: no pattern is claimed.
    assert_eq!(
        weekday_pattern(&weekday_stress(&days[..9]), Bounds { min: 0, max: 10 }),
        None
    );
    let i = insights(Period::between(d("2026-03-01"), d("2026-03-31")), days);
    let text = summarise(&i, d("2026-03-31"));
    assert!(
        text.iter()
            .any(|s| s == "Stress has been higher on Mondays in the last month."),
        "{text:?}"
    );
}

#[test]
fn days_checked_in_are_framed_kindly() {
    let today = d("2026-03-30");
    let p = Period::last_days(today, 30);
    let days: Vec<DayMean> = (1..=18)
        .map(|n| day(&format!("2026-03-{n:02}"), 6.0, 5.0, 4.0))
        .collect();
    let text = summarise(&insights(p, days), today);
    assert_eq!(text[0], "You checked in on 18 of the last 30 days.");
    let none = summarise(&insights(p, Vec::new()), today);
    assert_eq!(none, vec!["No check-ins in the last 30 days."]);
    let all: Vec<DayMean> = (1..=7)
        .map(|n| day(&format!("2026-03-{n:02}"), 6.0, 5.0, 4.0))
        .collect();
    let week = Period::last_days(d("2026-03-07"), 7);
    let text = summarise(&insights(week, all), d("2026-03-07"));
    assert_eq!(text[0], "You checked in on every one of the last 7 days.");
    assert_eq!(
        text[1],
        "Pleasantness, energy and stress have stayed fairly steady over the last week."
    );
    for line in text {
        assert!(!line.to_lowercase().contains("miss"), "{line}");
    }
}

#[test]
fn sustained_high_stress_points_to_people() {
    let today = d("2026-03-14");
    let p = Period::last_days(today, 14);
    let days: Vec<DayMean> = (1..=14)
        .map(|n| day(&format!("2026-03-{n:02}"), 3.0, 3.0, 8.0))
        .collect();
    let text = summarise(&insights(p, days), today).join(" ");
    assert!(
        text.contains("talk it through with someone you trust"),
        "{text}"
    );
}

#[test]
fn stressor_words_and_practice_sentences() {
    let today = d("2026-03-07");
    let mut i = insights(
        Period::last_days(today, 7),
        vec![day("2026-03-06", 5.0, 5.0, 5.0)],
    );
    i.tags = vec![
        TagStress {
            tag: "caseload".into(),
            checkins: 4,
            mean_stress: 7.5,
        },
        TagStress {
            tag: "team".into(),
            checkins: 2,
            mean_stress: 9.0,
        },
    ];
    i.words = vec![
        WordCount {
            word: "tired".into(),
            count: 3,
        },
        WordCount {
            word: "hopeful".into(),
            count: 1,
        },
    ];
    i.good_moments = 2;
    i.practice_days = 2;
    i.practice = vec![PracticeTotal {
        item_ref: "exercise:soothing-breathing".into(),
        minutes: 12.5,
        sessions: 3,
        days: 2,
    }];
    let text = summarise(&i, today);
    assert!(
        text.contains(
            &"Check-ins tagged #caseload had the highest stress: 7.5 on average, over 4 check-ins."
                .to_string()
        ),
        "{text:?}"
    );
    assert!(text.contains(&"The word you chose most: tired.".to_string()));
    assert!(text.contains(&"You noted 2 good moments.".to_string()));
    assert!(text.contains(&"You practised on 2 days, 13 minutes in all.".to_string()));
}

#[test]
fn a_year_grid_has_every_real_day_and_only_those() {
    let grid = year_grid(
        2024,
        &[
            day("2024-02-29", 7.0, 5.0, 3.0),
            day("2023-02-01", 1.0, 1.0, 1.0),
        ],
    );
    assert_eq!(grid.months.len(), 12);
    assert_eq!(grid.months[1].len(), 29);
    assert_eq!(grid.months[3].len(), 30);
    assert_eq!(grid.day(d("2024-02-29")).map(|m| m.pleasantness), Some(7.0));
    assert_eq!(grid.day(d("2024-02-01")), None);
    assert_eq!(days_in_month(2025, 2), 28);
    assert_eq!(days_in_month(2025, 12), 31);
}

#[test]
fn the_outcomes_reflection_is_timely_once_a_month() {
    assert!(outcomes_reflection_due(None, d("2026-03-30")));
    assert!(!outcomes_reflection_due(
        Some(d("2026-03-01")),
        d("2026-03-30")
    ));
    assert!(outcomes_reflection_due(
        Some(d("2026-02-28")),
        d("2026-03-30")
    ));
}
