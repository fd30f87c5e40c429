//! The insights at a ten-year diary's scale: the 7,306-entry corpus plus a check-in
//! every day for ten years (and practice every other day), each insight timed for the
//! last 7, 30, 90 and 365 days, with the year in pixels and "on this day".
//!
//! Run: `cargo bench --bench insights` (needs python3 and ../shared/bench/gen_corpus.py,
//! or LANTERN_BENCH_CORPUS pointing at a journal-10y.jsonl). Prints the median, min
//! and max of each measure, in milliseconds. Every one should be well under 20 ms.

mod common;

use common::{corpus, measure};

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate};
use lantern::domain::checkin::{CheckIn, CheckInKind};
use lantern::domain::insights::{summarise, year_grid, Period, Scales};
use lantern::domain::transfer::{parse_import, Batch};
use lantern::store::Store;

const WORDS: [&str; 8] = [
    "tired",
    "hopeful",
    "anxious",
    "content",
    "drained",
    "proud",
    "settled",
    "overwhelmed",
];
const TAGS: [&str; 4] = ["caseload", "safeguarding", "team", "paperwork"];

/// A check-in every day from 2016 to 2025 at 17:30 local (UTC+0 in winter, +1 in
/// summer), with values that wander deterministically; a second, after-visit
/// check-in every third day; a good moment every fourth.
fn synthetic_checkins() -> Vec<CheckIn> {
    let mut out = Vec::new();
    let mut date = NaiveDate::from_ymd_opt(2016, 1, 1).expect("a date"); // ok: bench
    let end = NaiveDate::from_ymd_opt(2025, 12, 31).expect("a date"); // ok: bench
    let mut n: i64 = 0;
    while date <= end {
        let summer = (4..=10).contains(&date.month());
        let offset = if summer { "+01:00" } else { "+00:00" };
        let at = |time: &str| -> DateTime<FixedOffset> {
            DateTime::parse_from_rfc3339(&format!("{date}T{time}{offset}")).expect("a time")
            // ok: bench
        };
        let wave = |k: i64, m: i64| ((n * k + n / 7) % m + m) % m;
        let mut c = CheckIn {
            uid: format!("bench-{date}"),
            kind: CheckInKind::Daily,
            at: at("17:30:00"),
            pleasantness: 1 + wave(7, 10),
            energy: 1 + wave(3, 10),
            stress: wave(5, 11),
            system: Some(["threat", "drive", "soothe"][(n % 3) as usize].into()),
            words: vec![
                WORDS[(n % 8) as usize].into(),
                WORDS[((n / 3) % 8) as usize].into(),
            ],
            tags: if n % 2 == 0 {
                vec![TAGS[((n / 2) % 4) as usize].into()]
            } else {
                Vec::new()
            },
            note: None,
            good_moment: (n % 4 == 0).then(|| format!("A good moment on day {n}")),
        };
        c.words.dedup();
        out.push(c);
        if n % 3 == 0 {
            out.push(CheckIn {
                uid: format!("bench-visit-{date}"),
                kind: CheckInKind::AfterVisit,
                at: at("11:15:00"),
                pleasantness: 1 + wave(11, 10),
                energy: 1 + wave(13, 10),
                stress: wave(17, 11),
                system: Some("threat".into()),
                words: vec![WORDS[((n + 5) % 8) as usize].into()],
                tags: vec![TAGS[(n % 4) as usize].into()],
                note: None,
                good_moment: None,
            });
        }
        n += 1;
        date = date.succ_opt().expect("a next day"); // ok: bench
    }
    out
}

fn add_practice(store: &Store) {
    let conn = store.conn();
    conn.execute_batch("BEGIN").expect("begin"); // ok: bench
    let mut date = NaiveDate::from_ymd_opt(2016, 1, 1).expect("a date"); // ok: bench
    let mut n = 0;
    while date.year() < 2026 {
        if n % 2 == 0 {
            conn.execute(
                "INSERT INTO practice (uid, item_ref, at_utc, utc_offset, local_date, minutes)
                 VALUES (?1, ?2, ?3 || 'T08:00:00Z', 0, ?3, ?4)",
                rusqlite::params![
                    format!("bench-practice-{date}"),
                    [
                        "exercise:soothing-breathing",
                        "exercise:self-compassion-break",
                        "skill:self-awareness"
                    ][n % 3],
                    date.to_string(),
                    3.0 + (n % 5) as f64
                ],
            )
            .expect("a practice row"); // ok: bench
        }
        n += 1;
        date = date.succ_opt().expect("a next day"); // ok: bench
    }
    conn.execute_batch("COMMIT").expect("commit"); // ok: bench
}

fn main() {
    // `cargo test --benches` runs this with --bench absent; keep that quick.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let text = std::fs::read_to_string(corpus()).expect("the corpus is readable"); // ok: bench
    let dir = tempfile::tempdir().expect("a temp dir"); // ok: bench
    let mut batch: Batch = parse_import(&text).expect("the corpus parses"); // ok: bench
    batch.checkins = synthetic_checkins();
    let mut store = Store::open_or_create(&dir.path().join("insights.db"), None).expect("open"); // ok: bench
    let done = store.import(&batch).expect("import"); // ok: bench
    add_practice(&store);
    println!(
        "diary: {} entries, {} check-ins over ten years, practice every other day",
        done.entries_added, done.checkins_added
    );

    let today = NaiveDate::from_ymd_opt(2025, 12, 31).expect("a date"); // ok: bench
    let scales = Scales::default();
    for days in [7u32, 30, 90, 365] {
        let period = Period::last_days(today, days);
        measure(&format!("insights: all, last {days} days"), 100, || {
            let i = store.insights(period, scales).expect("insights");
            assert!(!i.days.is_empty());
        });
    }
    let year = Period::last_days(today, 365);
    measure("  daily means, 365 days", 100, || {
        store.daily_means(year).expect("means");
    });
    measure("  mood meter, 365 days", 100, || {
        store.quadrant_counts(year, scales).expect("quadrants");
    });
    measure("  top emotion words, 365 days", 100, || {
        store.top_emotion_words(year, 10).expect("words");
    });
    measure("  stressor tags, 365 days", 100, || {
        store.stressor_tags(year).expect("tags");
    });
    measure("  practice by item, 365 days", 100, || {
        store.practice_totals(year).expect("practice");
    });
    measure("  good moments, 365 days", 100, || {
        store.good_moments(year).expect("moments");
    });
    let i = store.insights(year, scales).expect("insights"); // ok: bench
    measure("  plain-word summary (pure), 365 days", 100, || {
        assert!(!summarise(&i, today).is_empty());
    });
    measure("insights: all, whole ten years", 20, || {
        store
            .insights(
                Period::between(
                    NaiveDate::from_ymd_opt(2016, 1, 1).expect("a date"), // ok: bench
                    today,
                ),
                scales,
            )
            .expect("insights");
    });
    let all = Period::between(
        NaiveDate::from_ymd_opt(2016, 1, 1).expect("a date"), // ok: bench
        today,
    );
    measure("  daily means, ten years", 20, || {
        store.daily_means(all).expect("means");
    });
    measure("  mood meter, ten years", 20, || {
        store.quadrant_counts(all, scales).expect("quadrants");
    });
    measure("  top emotion words, ten years", 20, || {
        store.top_emotion_words(all, 10).expect("words");
    });
    measure("  stressor tags, ten years", 20, || {
        store.stressor_tags(all).expect("tags");
    });
    measure("  practice by item, ten years", 20, || {
        store.practice_totals(all).expect("practice");
        store.practice_days(all).expect("practice");
    });
    measure("  good moments counted, ten years", 20, || {
        store.count_good_moments(all).expect("moments");
    });
    measure("year in pixels: 2025 (query + grid)", 100, || {
        let days = store.year_in_pixels(2025).expect("pixels");
        assert_eq!(year_grid(2025, &days).months.len(), 12);
    });
    measure("on this day: 31 December, 9 earlier years", 100, || {
        let otd = store.on_this_day(today).expect("on this day");
        assert!(!otd.entries.is_empty());
    });
    measure("weekly review: last 7 days", 100, || {
        store.week_review(today, scales).expect("week");
    });
    let since = today.checked_sub_days(Days::new(29)).expect("a date"); // ok: bench
    measure("supervision prep: last 30 days", 100, || {
        let prep = store
            .supervision_prep(Period::between(since, today), scales)
            .expect("prep");
        assert!(!prep.entries.is_empty());
    });
    measure("day detail: one day", 100, || {
        store.day_detail(today).expect("day");
    });

    // The Insights screen as a person meets it: the key, update, the query the
    // runtime runs for the effect, and the whole first frame drawn (120x40).
    let content = lantern::content::built_in();
    let now: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2025-12-31T18:00:00+00:00").expect("a time"); // ok: bench
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal"); // ok: bench
    measure("insights screen: key to first frame", 100, || {
        use lantern::tui::app::{update, Action, App, Effect, Screen};
        let mut app = App::new(
            content.clone(),
            lantern::config::Config::default(),
            lantern::tui::theme::Theme::new(lantern::config::Theme::Calm, true),
            now,
            Screen::Today,
        );
        let key = crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('i'),
            crossterm::event::KeyModifiers::NONE,
        );
        for effect in update(&mut app, Action::Key(key)) {
            if let Effect::LoadInsights(days) = effect {
                let data = store
                    .insights(
                        Period::last_days(today, days),
                        Scales::from_content(&content),
                    )
                    .expect("insights");
                update(&mut app, Action::InsightsLoaded(data));
            }
        }
        terminal
            .draw(|frame| lantern::tui::view::view(&app, frame))
            .expect("draw");
    });
}
