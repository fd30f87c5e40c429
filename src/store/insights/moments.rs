//! Good moments and entries: in a period, by template, and on this day in earlier years.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, params_from_iter, Row};

use crate::domain::entry::display_title;
use crate::domain::insights::{EntryRef, GoodMoment, OnThisDay, Period};

use super::super::{from_stored, Result, Store};
use super::{bounds, count_at, date_at};

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
}
