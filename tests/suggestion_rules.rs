//! The suggestion rules as they ship: one very hard check-in, or a word of despair,
//! is answered with people and help first, and each near miss is not. The person sees
//! that answer after the check-in, on Today and in the shell, and not again the next
//! day, while a sustained hard stretch still comes first.

mod support;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use tempfile::TempDir;

use crossterm::event::KeyCode;
use lantern::content::{self, Content};
use lantern::domain::checkin::{CheckIn, CheckInKind};
use lantern::domain::suggest::Suggestion;
use lantern::session::today;
use lantern::store::Store;
use lantern::tui::app::{update, Action, Overlay, Screen};

use support::cli::Diary;
use support::tui::{app, ch, drawn_text, key, press, t0};

const HARD_DAY: &str = "rule-one-very-hard-day";
const DESPAIR: &str = "rule-despair-words";
const GUIDE: &str = "care:when-something-terrible-happens";

fn at_day(days_ago: i64) -> DateTime<FixedOffset> {
    t0() - Duration::days(days_ago)
}

fn checkin(p: i64, e: i64, s: i64) -> CheckIn {
    support::daily_checkin(&format!("c-{p}-{e}-{s}"), t0(), p, e, s)
}

fn with_words(mut c: CheckIn, words: &[&str]) -> CheckIn {
    c.words = words.iter().map(|w| w.to_string()).collect();
    c
}

fn today_date() -> NaiveDate {
    t0().date_naive()
}

/// What the built-in rules suggest for `latest`, with `earlier` check-ins before it.
fn suggest(latest: &CheckIn, earlier: &[CheckIn]) -> Suggestion {
    let content = content::built_in();
    let mut history = vec![latest.clone()];
    history.extend_from_slice(earlier);
    today::suggestion(&content, latest, &history, today_date()).expect("a rule matches")
}

fn rule(latest: &CheckIn) -> String {
    suggest(latest, &[]).rule_id
}

// ---------------------------------------------------------------------------------
// One very hard day

#[test]
fn a_single_very_hard_check_in_offers_help() {
    for (p, s) in [(1, 10), (1, 9), (2, 10), (2, 9)] {
        let s = suggest(&checkin(p, 5, s), &[]);
        assert_eq!(s.rule_id, HARD_DAY, "pleasantness {p}, stress {s:?}");
        assert!(s.offer_help, "{s:?}");
        // A one-off: it is not the pattern that carries over to later days.
        assert!(!s.strain, "{s:?}");
    }
}

#[test]
fn a_hard_but_not_extreme_check_in_does_not_bring_the_help_list() {
    for (p, s) in [(3, 10), (3, 9), (2, 8), (1, 8), (3, 8)] {
        let got = suggest(&checkin(p, 5, s), &[]);
        assert_ne!(got.rule_id, HARD_DAY, "pleasantness {p}, stress {s}");
        assert!(!got.offer_help, "pleasantness {p}, stress {s}: {got:?}");
    }
}

#[test]
fn the_very_hard_day_outranks_breathing_for_the_threat_system() {
    let mut c = checkin(1, 8, 10);
    c.system = Some("threat".into());
    assert_eq!(rule(&c), HARD_DAY);
    // Short of it, the threat system still gets its breathing.
    let mut c = checkin(3, 8, 8);
    c.system = Some("threat".into());
    assert_eq!(rule(&c), "rule-threat-high-stress");
}

#[test]
fn after_a_visit_the_very_hard_day_still_comes_first() {
    let mut c = checkin(1, 5, 10);
    c.kind = CheckInKind::AfterVisit;
    assert_eq!(rule(&c), HARD_DAY);
    let mut c = checkin(3, 5, 8);
    c.kind = CheckInKind::AfterVisit;
    assert_eq!(rule(&c), "rule-after-visit-stress");
}

// ---------------------------------------------------------------------------------
// Words of despair

#[test]
fn choosing_hopeless_or_helpless_offers_help() {
    for word in ["hopeless", "helpless", "Hopeless"] {
        let s = suggest(&with_words(checkin(5, 5, 5), &["tired", word]), &[]);
        assert_eq!(s.rule_id, DESPAIR, "{word}");
        assert!(s.offer_help, "{word}");
        assert!(!s.strain, "{word}");
    }
}

#[test]
fn other_low_words_do_not_bring_the_despair_rule() {
    for word in ["sad", "drained", "numb", "empty", "lonely", "hopeful"] {
        let got = suggest(&with_words(checkin(5, 5, 5), &[word]), &[]);
        assert_ne!(got.rule_id, DESPAIR, "{word}");
        assert!(!got.offer_help, "{word}: {got:?}");
    }
}

#[test]
fn the_despair_words_are_words_the_mood_meter_offers() {
    let content = content::built_in();
    let words = content.emotion_words();
    let rule = content
        .rules
        .iter()
        .find(|r| r.id.as_ref() == DESPAIR)
        .expect("the despair rule");
    assert!(!rule.when.words().is_empty());
    for word in rule.when.words() {
        assert!(words.contains(&word.as_ref().as_str()), "{}", word.as_ref());
    }
}

// ---------------------------------------------------------------------------------
// What wins, and what is offered first

#[test]
fn sustained_strain_still_wins_over_one_very_hard_day() {
    let earlier: Vec<CheckIn> = (1..=3)
        .map(|d| {
            let mut c = checkin(3, 5, 8);
            c.uid = format!("earlier-{d}");
            c.at = at_day(d);
            c
        })
        .collect();
    let latest = with_words(checkin(1, 5, 10), &["hopeless"]);
    assert_eq!(suggest(&latest, &earlier).rule_id, "rule-sustained-strain");
    // Three strained days are not yet the pattern: today's answer is the one-off.
    assert_eq!(suggest(&latest, &earlier[..2]).rule_id, DESPAIR);
}

#[test]
fn both_rules_offer_people_first_and_the_guide_last() {
    let content = content::built_in();
    for latest in [
        checkin(1, 5, 10),
        with_words(checkin(5, 5, 5), &["helpless"]),
    ] {
        let s = suggest(&latest, &[]);
        assert!(
            s.offer[0].starts_with("model:"),
            "people first: {:?}",
            s.offer
        );
        // A hard day is not always a disaster: the guide for the days after a death
        // is there, but after something gentler.
        assert_eq!(
            s.offer.last().map(String::as_str),
            Some(GUIDE),
            "{:?}",
            s.offer
        );
        // The message itself names the people.
        for who in ["colleague", "supervisor", "occupational health"] {
            assert!(s.message.contains(who), "{who}: {}", s.message);
        }
        assert_eq!(content.name_of(GUIDE), "When something terrible happens");
    }
}

#[test]
fn a_hard_stretch_counts_days_not_check_ins() {
    let hard = |uid: &str, days_ago: i64, hour: i64| {
        let mut c = checkin(3, 5, 8);
        c.uid = uid.to_string();
        c.at = at_day(days_ago) - Duration::hours(hour);
        c
    };
    let latest = checkin(3, 5, 8);
    // Four hard check-ins in one morning, with today's: two days, not a stretch.
    let one_morning: Vec<CheckIn> = (1..=4).map(|h| hard(&format!("m{h}"), 1, h)).collect();
    assert_ne!(
        suggest(&latest, &one_morning).rule_id,
        "rule-sustained-strain"
    );
    // Hard check-ins on three earlier days, with today's: four days, a stretch.
    let three_days: Vec<CheckIn> = (1..=3).map(|d| hard(&format!("d{d}"), d, 0)).collect();
    assert_eq!(
        suggest(&latest, &three_days).rule_id,
        "rule-sustained-strain"
    );
}

// ---------------------------------------------------------------------------------
// words_any is checked against the mood meter

#[test]
fn a_word_the_mood_meter_never_offers_is_a_content_error_with_its_line() {
    let dir = TempDir::new().unwrap();
    let built_in = content::FILES
        .iter()
        .find(|(name, _)| *name == "suggestions.toml")
        .map(|(_, text)| *text)
        .unwrap();
    let extra = "\n[[rule]]\nid = \"rule-gloomy\"\nname = \"Gloomy\"\npriority = 1\n\
                 message = \"Hello.\"\nwhen = { words_any = [\"sad\", \"gloomy\"] }\n\
                 offer = [\"template:good-moment\"]\nsource = \"Lantern's own rule\"\n";
    let text = format!("{built_in}{extra}");
    std::fs::write(dir.path().join("suggestions.toml"), &text).unwrap();
    let (sources, read_errors, _) = content::sources_from_dir(Some(dir.path()));
    assert!(read_errors.is_empty(), "{read_errors:?}");
    let (_, errors) = content::check_sources(sources);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = &errors[0];
    assert!(error.file.ends_with("suggestions.toml"), "{error}");
    assert!(error.message.contains("`gloomy`"), "{error}");
    assert!(error.message.contains("checkin.toml"), "{error}");
    let line = 1 + text.lines().position(|l| l.contains("\"gloomy\"")).unwrap();
    assert_eq!(error.line, line, "{error}");
    // "sad" is a word of the meter: only the unknown one is reported.
    assert!(!error.message.contains("`sad`"), "{error}");
}

// ---------------------------------------------------------------------------------
// What the person sees

/// A diary with `checkins` saved, and Today as the app would load it at `now`.
fn today_after(
    checkins: &[CheckIn],
    now: DateTime<FixedOffset>,
) -> (TempDir, Content, today::TodayData, Option<Suggestion>) {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open_or_create(&dir.path().join("diary.db"), None).unwrap();
    let content = content::built_in();
    for c in checkins {
        store.add_checkin(c).unwrap();
    }
    let history = today::history(&store, &content, now.date_naive()).unwrap();
    let saved = checkins
        .last()
        .and_then(|c| today::suggestion(&content, c, &history, now.date_naive()));
    let data = today::load(&store, &content, now).unwrap();
    (dir, content, data, saved)
}

#[test]
fn after_a_very_hard_check_in_the_box_shows_help_before_anything_to_practise() {
    let (_dir, _, data, saved) = today_after(&[checkin(1, 4, 10)], t0());
    let mut app = app();
    update(&mut app, Action::CheckInSaved(saved));
    update(&mut app, Action::TodayLoaded(data));
    assert!(matches!(app.overlay, Some(Overlay::Suggestion(_))));
    let screen = drawn_text(&app, 80, 24);
    let row_of = |text: &str| {
        screen
            .lines()
            .position(|l| l.contains(text))
            .unwrap_or_else(|| panic!("no {text:?} on screen\n{screen}"))
    };
    assert!(row_of("very hard day") < row_of("116 123"), "{screen}");
    assert!(row_of("999") < row_of("Peer support"), "{screen}");
    assert!(
        row_of("Peer support") < row_of("When something terrible"),
        "{screen}"
    );
    // On a small window it is the practice that gives way, never the numbers.
    let small = drawn_text(&app, 80, 22);
    assert!(small.contains("116 123"), "{small}");
    assert!(small.contains("999"), "{small}");
}

#[test]
fn each_thing_the_box_offers_can_be_marked_and_started() {
    let (_dir, _, data, saved) = today_after(&[checkin(1, 4, 10)], t0());
    let mut app = app();
    update(&mut app, Action::CheckInSaved(saved));
    update(&mut app, Action::TodayLoaded(data));
    let screen = drawn_text(&app, 80, 24);
    assert!(screen.contains("→ Peer support"), "{screen}");
    assert!(
        screen.contains("↓ next"),
        "the footer names the key: {screen}"
    );
    press(&mut app, key(KeyCode::Down));
    press(&mut app, ch('j'));
    // Past the last, the mark stays on it.
    press(&mut app, key(KeyCode::Down));
    let screen = drawn_text(&app, 80, 24);
    assert!(
        screen.contains("→ When something terrible happens"),
        "{screen}"
    );
    press(&mut app, key(KeyCode::Up));
    press(&mut app, ch('j'));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert!(
        matches!(&app.screen, Screen::Topic(t) if t.reference == GUIDE),
        "{}",
        app.screen.name()
    );
}

#[test]
fn today_says_so_calmly_with_the_help_key_after_a_very_hard_check_in() {
    let (_dir, _, data, _) = today_after(&[checkin(1, 4, 10)], t0());
    let mut app = app();
    update(&mut app, Action::TodayLoaded(data));
    assert!(app.overlay.is_none(), "Today itself opens no box");
    let screen = drawn_text(&app, 80, 24);
    assert!(
        screen.contains("That sounds like a very hard day."),
        "{screen}"
    );
    assert!(
        screen.contains("shows people and numbers who can help."),
        "{screen}"
    );
}

#[test]
fn today_after_choosing_hopeless_names_the_people_and_the_help_key() {
    let (_dir, _, data, _) = today_after(&[with_words(checkin(4, 3, 6), &["hopeless"])], t0());
    let mut app = app();
    update(&mut app, Action::TodayLoaded(data));
    let screen = drawn_text(&app, 80, 24);
    assert!(screen.contains("Feeling hopeless or helpless"), "{screen}");
    assert!(
        screen.contains("shows people and numbers who can help."),
        "{screen}"
    );
}

#[test]
fn the_next_day_the_one_off_is_not_said_again() {
    let mut hard = checkin(1, 4, 10);
    hard.at = t0() - Duration::days(1);
    let (_dir, _, data, _) = today_after(&[hard], t0());
    assert!(data.suggestion.is_none(), "{:?}", data.suggestion);
    let mut app = app();
    update(&mut app, Action::TodayLoaded(data));
    let screen = drawn_text(&app, 80, 24);
    assert!(!screen.contains("very hard day"), "{screen}");
}

// ---------------------------------------------------------------------------------
// The shell

#[test]
fn the_shell_lists_people_and_help_before_anything_to_practise() {
    let d = Diary::new();
    let out = d.ok(&["checkin", "-p", "1", "-e", "4", "-s", "10"]);
    let at = |text: &str| {
        out.find(text)
            .unwrap_or_else(|| panic!("no {text:?} in\n{out}"))
    };
    assert!(
        at("very hard day") < at("Someone you trust at work"),
        "{out}"
    );
    assert!(
        at("Someone you trust at work") < at("Occupational health"),
        "{out}"
    );
    assert!(at("Occupational health") < at("116 123"), "{out}");
    assert!(at("116 123") < at("Peer support"), "{out}");
    assert!(at("Peer support") < at("Soothing breathing"), "{out}");
    assert!(
        at("Soothing breathing") < at("When something terrible happens"),
        "{out}"
    );
    let again = d.ok(&["suggest"]);
    assert!(again.contains("very hard day"), "{again}");
    assert!(again.contains("116 123"), "{again}");
}

#[test]
fn the_shell_answers_a_despair_word_with_people_first() {
    let d = Diary::new();
    let out = d.ok(&[
        "checkin", "-p", "4", "-e", "3", "-s", "6", "--feel", "helpless",
    ]);
    assert!(out.contains("Feeling hopeless or helpless"), "{out}");
    let trusted = out.find("Someone you trust at work").expect(&out);
    let exercise = out.find("Self-compassion break").expect(&out);
    assert!(trusted < exercise, "{out}");
}

#[test]
fn the_nudge_stays_quiet_after_a_very_hard_check_in() {
    let d = Diary::new();
    d.ok(&["checkin", "-p", "1", "-e", "4", "-s", "10"]);
    let out = d.ok(&["nudge"]);
    assert_eq!(out, "", "a check-in today means no nudge: {out}");
}
