//! Insights computed on the fly with SQL aggregation: per-day means, the mood meter,
//! emotion words, stressor tags, practice, good moments, "on this day", the year in
//! pixels and the weekly review. Every query reads an index range of the period and
//! returns aggregates, never every row of ten years.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, params_from_iter, Row};

use crate::domain::entry::display_title;
use crate::domain::insights::{
    weekday_stress, DayDetail, DayMean, EntryRef, GoodMoment, Insights, OnThisDay, Period,
    PracticeTotal, QuadrantCounts, Scales, TagStress, WeekReview, WordCount,
};

use super::{from_stored, CheckInFilter, Result, Store};

/// How many emotion words an [`Insights`] keeps.
pub const TOP_WORDS: usize = 10;

/// Reads a stored `YYYY-MM-DD`.
pub(crate) fn date_at(row: &Row<'_>, index: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(index)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn count_at(row: &Row<'_>, index: usize) -> rusqlite::Result<u32> {
    Ok(u32::try_from(row.get::<_, i64>(index)?.max(0)).unwrap_or(u32::MAX))
}

fn bounds(period: Period) -> [String; 2] {
    [period.start.to_string(), period.end.to_string()]
}

/// The columns [`entry_ref_from_row`] reads, with the same display title as listings.
const ENTRY_REF_COLUMNS: &str = "e.id, e.local_date, e.created_utc, e.utc_offset, e.title, \
     e.template_id, \
     substr(CASE WHEN e.body <> '' THEN e.body ELSE e.answers_text END, 1, 200) AS head";

fn entry_ref_from_row(row: &Row<'_>) -> rusqlite::Result<EntryRef> {
    let title: String = row.get("title")?;
    let head: String = row.get("head")?;
    Ok(EntryRef {
        id: row.get("id")?,
        date: date_at(row, 1)?,
        created: from_stored(
            &row.get::<_, String>("created_utc")?,
            row.get("utc_offset")?,
        ),
        title: display_title(&title, &head, ""),
        template_id: row.get("template_id")?,
    })
}

fn good_moment_from_row(row: &Row<'_>) -> rusqlite::Result<GoodMoment> {
    Ok(GoodMoment {
        checkin_id: row.get(0)?,
        date: date_at(row, 1)?,
        text: row.get(2)?,
    })
}

impl Store {
    /// Every insight for `period`, with the mood meter split at the midpoints of `scales`.
    pub fn insights(&self, period: Period, scales: Scales) -> Result<Insights> {
        let days = self.daily_means(period)?;
        Ok(Insights {
            period,
            scales,
            checkins: days.iter().map(|d| d.checkins).sum(),
            weekdays: weekday_stress(&days),
            days,
            quadrants: self.quadrant_counts(period, scales)?,
            words: self.top_emotion_words(period, TOP_WORDS)?,
            tags: self.stressor_tags(period)?,
            practice: self.practice_totals(period)?,
            practice_days: self.practice_days(period)?,
            good_moments: self.count_good_moments(period)?,
        })
    }

    /// One point per local day that has check-ins, oldest first: the count and the mean
    /// of each scale. Days without check-ins are absent, not zero.
    pub fn daily_means(&self, period: Period) -> Result<Vec<DayMean>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT local_date, count(*), avg(pleasantness), avg(energy), avg(stress)
             FROM checkin WHERE local_date BETWEEN ?1 AND ?2
             GROUP BY local_date ORDER BY local_date",
        )?;
        let rows = stmt
            .query_map(params_from_iter(bounds(period)), |row| {
                Ok(DayMean {
                    date: date_at(row, 0)?,
                    checkins: count_at(row, 1)?,
                    pleasantness: row.get(2)?,
                    energy: row.get(3)?,
                    stress: row.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Check-ins in each quarter of the mood meter; a value at or above the scale's
    /// midpoint is high.
    pub fn quadrant_counts(&self, period: Period, scales: Scales) -> Result<QuadrantCounts> {
        // value >= (min + max) / 2, kept in integers: 2 * value >= min + max.
        let p_mid = scales.pleasantness.min + scales.pleasantness.max;
        let e_mid = scales.energy.min + scales.energy.max;
        let counts = self
            .conn()
            .prepare_cached(
                "SELECT
                coalesce(sum(2 * pleasantness >= ?3 AND 2 * energy >= ?4), 0),
                coalesce(sum(2 * pleasantness >= ?3 AND 2 * energy < ?4), 0),
                coalesce(sum(2 * pleasantness < ?3 AND 2 * energy >= ?4), 0),
                coalesce(sum(2 * pleasantness < ?3 AND 2 * energy < ?4), 0)
             FROM checkin WHERE local_date BETWEEN ?1 AND ?2",
            )?
            .query_row(
                params![
                    period.start.to_string(),
                    period.end.to_string(),
                    p_mid,
                    e_mid
                ],
                |row| {
                    Ok(QuadrantCounts {
                        pleasant_high_energy: count_at(row, 0)?,
                        pleasant_low_energy: count_at(row, 1)?,
                        unpleasant_high_energy: count_at(row, 2)?,
                        unpleasant_low_energy: count_at(row, 3)?,
                    })
                },
            )?;
        Ok(counts)
    }

    /// The emotion words chosen most, most first (ties in alphabetical order).
    pub fn top_emotion_words(&self, period: Period, limit: usize) -> Result<Vec<WordCount>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT w.value, count(*) AS n
             FROM checkin c, json_each(c.emotion_words) w
             WHERE c.local_date BETWEEN ?1 AND ?2 AND json_valid(c.emotion_words)
             GROUP BY w.value ORDER BY n DESC, w.value LIMIT ?3",
        )?;
        let rows = stmt
            .query_map(
                params![
                    period.start.to_string(),
                    period.end.to_string(),
                    limit as i64
                ],
                |row| {
                    Ok(WordCount {
                        word: row.get(0)?,
                        count: count_at(row, 1)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Each stressor tag with how many check-ins carried it and their mean stress; most
    /// used first.
    pub fn stressor_tags(&self, period: Period) -> Result<Vec<TagStress>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT t.value, count(*) AS n, avg(c.stress)
             FROM checkin c, json_each(c.stressor_tags) t
             WHERE c.local_date BETWEEN ?1 AND ?2 AND json_valid(c.stressor_tags)
             GROUP BY t.value ORDER BY n DESC, t.value",
        )?;
        let rows = stmt
            .query_map(params_from_iter(bounds(period)), |row| {
                Ok(TagStress {
                    tag: row.get(0)?,
                    checkins: count_at(row, 1)?,
                    mean_stress: row.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Minutes, sessions and days of practice per item; most minutes first.
    pub fn practice_totals(&self, period: Period) -> Result<Vec<PracticeTotal>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT item_ref, total(minutes) AS m, count(*), count(DISTINCT local_date)
             FROM practice WHERE local_date BETWEEN ?1 AND ?2
             GROUP BY item_ref ORDER BY m DESC, item_ref",
        )?;
        let rows = stmt
            .query_map(params_from_iter(bounds(period)), |row| {
                Ok(PracticeTotal {
                    item_ref: row.get(0)?,
                    minutes: row.get(1)?,
                    sessions: count_at(row, 2)?,
                    days: count_at(row, 3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// On how many days anything was practised.
    pub fn practice_days(&self, period: Period) -> Result<u32> {
        Ok(self.conn().prepare_cached(
            "SELECT count(DISTINCT local_date) FROM practice WHERE local_date BETWEEN ?1 AND ?2",
        )?
        .query_row(params_from_iter(bounds(period)), |row| count_at(row, 0))?)
    }

    pub fn count_good_moments(&self, period: Period) -> Result<u32> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT count(*) FROM checkin
                 WHERE good_moment IS NOT NULL AND local_date BETWEEN ?1 AND ?2
                   AND trim(good_moment) <> ''",
            )?
            .query_row(params_from_iter(bounds(period)), |row| count_at(row, 0))?)
    }

    /// The good moments noted with check-ins in `period`, oldest first.
    pub fn good_moments(&self, period: Period) -> Result<Vec<GoodMoment>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, local_date, good_moment FROM checkin
             WHERE good_moment IS NOT NULL AND local_date BETWEEN ?1 AND ?2
               AND trim(good_moment) <> ''
             ORDER BY local_date, at_utc, id",
        )?;
        let rows = stmt
            .query_map(params_from_iter(bounds(period)), good_moment_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The entries written in `period`, newest first.
    pub fn entries_in(&self, period: Period) -> Result<Vec<EntryRef>> {
        let sql = format!(
            "SELECT {ENTRY_REF_COLUMNS} FROM entry e WHERE e.local_date BETWEEN ?1 AND ?2
             ORDER BY e.created_utc DESC, e.id DESC"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(bounds(period)), entry_ref_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Entries written with a template (such as `outcomes-reflection`), newest first.
    pub fn entries_with_template(&self, template_id: &str, limit: usize) -> Result<Vec<EntryRef>> {
        let sql = format!(
            "SELECT {ENTRY_REF_COLUMNS} FROM entry e WHERE e.template_id = ?1
             ORDER BY e.created_utc DESC, e.id DESC LIMIT ?2"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params![template_id, limit as i64], entry_ref_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Good moments and entries from `today`'s month and day in earlier years, newest
    /// first. (On 29 February, only earlier leap years match.)
    pub fn on_this_day(&self, today: NaiveDate) -> Result<OnThisDay> {
        let earliest: Option<String> = self.conn().query_row(
            "SELECT min(d) FROM (SELECT min(local_date) AS d FROM checkin
                                 UNION ALL SELECT min(local_date) FROM entry)",
            [],
            |r| r.get(0),
        )?;
        let first_year = earliest
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
            .map_or(today.year(), |d| d.year());
        let dates: Vec<String> = (first_year..today.year())
            .rev()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, today.month(), today.day()))
            .map(|d| d.to_string())
            .collect();
        if dates.is_empty() {
            return Ok(OnThisDay::default());
        }
        let marks = vec!["?"; dates.len()].join(", ");
        let mut stmt = self.conn().prepare(&format!(
            "SELECT id, local_date, good_moment FROM checkin
             WHERE local_date IN ({marks}) AND good_moment IS NOT NULL AND trim(good_moment) <> ''
             ORDER BY local_date DESC, at_utc, id"
        ))?;
        let good_moments = stmt
            .query_map(params_from_iter(dates.iter()), good_moment_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {ENTRY_REF_COLUMNS} FROM entry e WHERE e.local_date IN ({marks})
             ORDER BY e.local_date DESC, e.created_utc, e.id"
        ))?;
        let entries = stmt
            .query_map(params_from_iter(dates.iter()), entry_ref_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(OnThisDay {
            good_moments,
            entries,
        })
    }

    /// The days of `year` that have check-ins, with their means (for the year in
    /// pixels; lay them out with [`crate::domain::insights::year_grid`]).
    pub fn year_in_pixels(&self, year: i32) -> Result<Vec<DayMean>> {
        match Period::year(year) {
            Some(period) => self.daily_means(period),
            None => Ok(Vec::new()),
        }
    }

    /// One day's check-ins (oldest first) and entries (oldest first).
    pub fn day_detail(&self, date: NaiveDate) -> Result<DayDetail> {
        let mut checkins = self.list_checkins(&CheckInFilter {
            since: Some(date),
            until: Some(date),
            limit: None,
        })?;
        checkins.reverse();
        let mut entries = self.entries_in(Period::between(date, date))?;
        entries.reverse();
        Ok(DayDetail {
            date,
            checkins,
            entries,
        })
    }

    /// The last seven days ending `today`: the insights, the check-ins and the good
    /// moments, for the weekly review.
    pub fn week_review(&self, today: NaiveDate, scales: Scales) -> Result<WeekReview> {
        let period = Period::last_days(today, 7);
        let mut checkins = self.list_checkins(&CheckInFilter {
            since: Some(period.start),
            until: Some(period.end),
            limit: None,
        })?;
        checkins.reverse();
        Ok(WeekReview {
            insights: self.insights(period, scales)?,
            checkins,
            good_moments: self.good_moments(period)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, FixedOffset, Weekday};

    use super::*;
    use crate::domain::checkin::{CheckIn, CheckInKind};
    use crate::domain::entry::Entry;
    use crate::domain::transfer::Batch;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).expect("a valid time")
    }

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
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
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut store =
            Store::open_or_create(&dir.path().join("lantern.db"), None).expect("a new diary");
        store
            .import(&Batch {
                format: "test",
                entries,
                checkins,
            })
            .expect("import");
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
            .expect("means");
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
            .expect("insights");
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
            .expect("means");
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
        let q = store.quadrant_counts(p, Scales::default()).expect("counts");
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
        let q = store.quadrant_counts(p, narrow).expect("counts");
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
        let words = store.top_emotion_words(p, 10).expect("words");
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
        let tags = store.stressor_tags(p).expect("tags");
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
        assert_eq!(store.count_good_moments(p).expect("count"), 1);
        let moments = store.good_moments(p).expect("moments");
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
                .expect("practice row");
        }
        let p = Period::between(d("2026-03-01"), d("2026-03-31"));
        let totals = store.practice_totals(p).expect("totals");
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
        assert_eq!(store.practice_days(p).expect("days"), 3);
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
        let otd = store.on_this_day(d("2026-03-10")).expect("on this day");
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
            .expect("on this day")
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
        let pixels = store.year_in_pixels(2026).expect("pixels");
        assert_eq!(pixels.len(), 1);
        assert_eq!(pixels[0].pleasantness, 7.0);
        let day = store.day_detail(d("2026-01-01")).expect("day");
        assert_eq!(day.checkins.len(), 2);
        assert_eq!(day.checkins[0].1.pleasantness, 5);
        assert_eq!(day.entries.len(), 1);
        assert_eq!(day.entries[0].title, "New year");
        let week = store
            .week_review(d("2026-01-02"), Scales::default())
            .expect("week");
        assert_eq!(week.checkins.len(), 3);
        assert_eq!(week.insights.days_checked_in(), 2);
    }
}
