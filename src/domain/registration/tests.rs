use chrono::NaiveDate;

use super::*;
use crate::content::schema::Body;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date") // ok: test
}

fn body(id: &str) -> Body {
    crate::content::built_in()
        .bodies
        .iter()
        .find(|b| b.id.as_ref() == id)
        .map(|p| p.item.clone())
        .expect("a built-in body") // ok: test
}

fn cpd(on: &str, hours: f64, participatory: bool, with_peer: bool) -> CpdActivity {
    CpdActivity {
        id: 0,
        uid: String::new(),
        started_on: day(on),
        ended_on: None,
        hours,
        participatory,
        method: "course".into(),
        topic: "infant feeding".into(),
        themes: vec![],
        learnt: None,
        impact: None,
        impact_people: None,
        with_peer,
        note: None,
    }
}

fn account(on: &str) -> ReflectiveAccount {
    ReflectiveAccount {
        id: 0,
        uid: String::new(),
        local_date: day(on),
        title: String::new(),
        answers: Default::default(),
        themes: vec![],
        entry_id: None,
    }
}

fn feedback(on: &str) -> Feedback {
    Feedback {
        id: 0,
        uid: String::new(),
        received_on: day(on),
        source: "colleague".into(),
        summary: "kind words".into(),
        reflection: None,
    }
}

fn words(progress: &CycleProgress, id: &str) -> String {
    progress
        .lines
        .iter()
        .find(|l| l.requirement == id)
        .map(|l| l.words.clone())
        .unwrap_or_default()
}

#[test]
fn nmc_counts_accounts_hours_participatory_feedback_and_the_discussion() {
    let accounts = ["2025-01-10", "2025-06-01", "2026-02-02"].map(account);
    let cpd = [
        cpd("2025-03-01", 7.0, true, false),
        cpd("2025-09-01", 5.0, true, false),
        cpd("2026-01-01", 9.0, false, false),
    ];
    let feedback = [feedback("2025-05-05")];
    let records = Records {
        accounts: &accounts,
        cpd: &cpd,
        feedback: &feedback,
        discussions: &[],
    };
    let p = progress(
        &body("nmc"),
        records,
        Some(day("2027-05-31")),
        day("2026-03-01"),
    );
    assert_eq!(words(&p, "accounts"), "3 of 5 reflective accounts");
    assert_eq!(words(&p, "cpd-hours"), "21 of 35 CPD hours");
    assert_eq!(words(&p, "cpd-participatory"), "12 of 20 participatory");
    assert_eq!(
        words(&p, "feedback"),
        "1 of 5 pieces of practice-related feedback"
    );
    assert_eq!(
        words(&p, "discussion"),
        "0 of 1 reflective discussion with another NMC registrant"
    );
    assert!(
        p.summary
            .starts_with("3 of 5 reflective accounts, 21 of 35 CPD hours, 12 of 20 participatory")
            && p.summary.ends_with("; renewal on 31 May 2027"),
        "{}",
        p.summary
    );
    assert!(p.lines.iter().all(|l| !l.met));
}

#[test]
fn only_records_inside_the_three_years_before_renewal_count() {
    let accounts = ["2024-05-31", "2024-06-01", "2027-05-31", "2027-06-01"].map(account);
    let records = Records {
        accounts: &accounts,
        ..Records::default()
    };
    let p = progress(
        &body("nmc"),
        records,
        Some(day("2027-05-31")),
        day("2026-01-01"),
    );
    let w = p.window.expect("a window"); // ok: test
    assert_eq!((w.start, w.end), (day("2024-06-01"), day("2027-05-31")));
    assert_eq!(words(&p, "accounts"), "2 of 5 reflective accounts");
}

#[test]
fn without_a_renewal_day_the_cycle_counts_back_from_today() {
    let accounts = ["2022-12-31", "2023-01-02"].map(account);
    let records = Records {
        accounts: &accounts,
        ..Records::default()
    };
    let p = progress(&body("nmc"), records, None, day("2026-01-01"));
    assert_eq!(words(&p, "accounts"), "1 of 5 reflective accounts");
    assert_eq!(p.renewal, None);
    assert!(!p.summary.contains("renewal"), "{}", p.summary);
}

#[test]
fn a_requirement_is_met_once_its_number_is_reached() {
    let accounts = ["2025-01-01"; 6].map(account);
    let records = Records {
        accounts: &accounts,
        ..Records::default()
    };
    let p = progress(
        &body("nmc"),
        records,
        Some(day("2027-05-31")),
        day("2026-01-01"),
    );
    let line = p
        .lines
        .iter()
        .find(|l| l.requirement == "accounts")
        .expect("a line"); // ok: test
    assert!(line.met);
    assert_eq!((line.have, line.need), (6.0, Some(5)));
}

#[test]
fn swe_counts_the_year_to_30_november_and_the_records_with_a_peer() {
    let cpd = [
        cpd("2025-11-30", 2.0, false, true),
        cpd("2025-12-01", 1.0, false, false),
        cpd("2026-11-30", 1.0, false, true),
        cpd("2026-12-01", 1.0, false, true),
    ];
    let records = Records {
        cpd: &cpd,
        ..Records::default()
    };
    let p = progress(&body("swe"), records, None, day("2026-06-15"));
    let w = p.window.expect("a window"); // ok: test
    assert_eq!((w.start, w.end), (day("2025-12-01"), day("2026-11-30")));
    assert_eq!(words(&p, "cpd-records"), "2 of 2 CPD records");
    assert_eq!(words(&p, "cpd-peer"), "1 of 1 reflected on with a peer");
    assert_eq!(
        p.renewal.as_deref(),
        Some("this year runs to 30 November 2026")
    );
    // On 1 December a new year begins.
    let p = progress(&body("swe"), records, None, day("2026-12-01"));
    assert_eq!(words(&p, "cpd-records"), "1 of 2 CPD records");
    assert_eq!(
        p.renewal.as_deref(),
        Some("this year runs to 30 November 2027")
    );
}

#[test]
fn hcpc_counts_two_years_and_a_body_without_a_number_just_counts() {
    let cpd = [
        cpd("2024-06-01", 1.0, false, false),
        cpd("2025-06-01", 1.0, false, false),
    ];
    let records = Records {
        cpd: &cpd,
        ..Records::default()
    };
    let p = progress(
        &body("hcpc"),
        records,
        Some(day("2026-05-31")),
        day("2026-01-01"),
    );
    assert_eq!(words(&p, "cpd-log"), "2 CPD records kept");
    let p = progress(
        &body("hcpc"),
        records,
        Some(day("2026-06-01")),
        day("2026-01-01"),
    );
    assert_eq!(words(&p, "cpd-log"), "1 CPD records kept");
    assert!(p.lines.iter().all(|l| l.met && l.need.is_none()));
}

#[test]
fn a_body_with_no_stated_cycle_counts_everything() {
    let cpd = [
        cpd("2001-01-01", 1.0, false, false),
        cpd("2026-01-01", 1.0, false, false),
    ];
    let records = Records {
        cpd: &cpd,
        ..Records::default()
    };
    let p = progress(
        &body("sssc"),
        records,
        Some(day("2027-01-01")),
        day("2026-02-01"),
    );
    assert_eq!(p.window, None);
    assert_eq!(
        p.summary,
        "2 learning records kept; renewal on 1 January 2027"
    );
}

#[test]
fn hours_are_written_whole_or_to_a_tenth() {
    assert_eq!(hours_text(21.0), "21");
    assert_eq!(hours_text(2.5), "2.5");
    assert_eq!(hours_text(1.25), "1.3");
    // The sum of no hours is -0.0 in floating point; a person reads 0.
    assert_eq!(hours_text(std::iter::empty::<f64>().sum()), "0");
}

#[test]
fn hours_must_be_above_nothing_and_below_absurd() {
    assert!(hours_problem(0.0).is_some());
    assert!(hours_problem(-1.0).is_some());
    assert!(hours_problem(f64::NAN).is_some());
    assert!(hours_problem(0.0001).is_some());
    assert!(hours_problem(f64::INFINITY).is_some());
    assert!(hours_problem(MOST_HOURS + 1.0).is_some());
    assert_eq!(hours_problem(0.5), None);
    assert_eq!(hours_problem(MOST_HOURS), None);
}
