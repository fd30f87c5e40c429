//! Insights computed on the fly with SQL aggregation: per-day means, the mood meter,
//! emotion words, stressor tags, practice, good moments, "on this day", the year in
//! pixels and the weekly review. Every query reads an index range of the period and
//! returns aggregates, never every row of ten years.

mod calendar;
mod moments;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, Row};

use crate::domain::insights::{
    weekday_stress, DayMean, Insights, Period, PracticeTotal, QuadrantCounts, Scales, TagStress,
    WordCount,
};

use super::{Result, Store};

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
}
