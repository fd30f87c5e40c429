//! The practice log: saving what you practised and reading it back. Also the quick,
//! read-only look `lantern nudge` takes at today's check-ins.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{params, OpenFlags, Row};

use crate::domain::practice::PracticeRecord;

use super::{from_stored, utc_text, Result, Store};

/// Which practice records to read.
#[derive(Debug, Clone, Default)]
pub struct PracticeFilter {
    /// From this local day, inclusive.
    pub since: Option<NaiveDate>,
    /// At most this many, newest first.
    pub limit: Option<usize>,
}

/// Minutes practised with one item.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemMinutes {
    pub item_ref: String,
    pub minutes: f64,
    pub times: u32,
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<(i64, PracticeRecord)> {
    Ok((
        row.get("id")?,
        PracticeRecord {
            uid: row.get("uid")?,
            item_ref: row.get("item_ref")?,
            at: from_stored(&row.get::<_, String>("at_utc")?, row.get("utc_offset")?),
            minutes: row.get("minutes")?,
            note: row.get("note")?,
        },
    ))
}

impl Store {
    /// Saves a practice record (once: a uid already stored is left alone); returns its id.
    pub fn log_practice(&mut self, record: &PracticeRecord) -> Result<i64> {
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "INSERT OR IGNORE INTO practice (uid, item_ref, at_utc, utc_offset, local_date, minutes, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                record.uid,
                record.item_ref,
                utc_text(&record.at),
                record.at.offset().local_minus_utc(),
                record.at.date_naive().to_string(),
                record.minutes.max(0.0),
                record.note,
            ],
        )?;
        let id = tx.query_row(
            "SELECT id FROM practice WHERE uid = ?1",
            [&record.uid],
            |r| r.get(0),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Adds or replaces the note on practice record `id` (`None` clears it).
    pub fn set_practice_note(&mut self, id: i64, note: Option<&str>) -> Result<()> {
        self.conn().execute(
            "UPDATE practice SET note = ?1 WHERE id = ?2",
            params![note, id],
        )?;
        Ok(())
    }

    /// Practice records with their ids, newest first.
    pub fn practice_log(&self, filter: &PracticeFilter) -> Result<Vec<(i64, PracticeRecord)>> {
        // As for check-ins: a period through the date index, or the newest overall.
        let sql = if filter.since.is_some() {
            "SELECT * FROM practice WHERE local_date >= ?1
             ORDER BY at_utc DESC, id DESC LIMIT ?2"
        } else {
            "SELECT * FROM practice WHERE ?1 IS NULL ORDER BY at_utc DESC, id DESC LIMIT ?2"
        };
        let mut stmt = self.conn().prepare_cached(sql)?;
        let rows = stmt
            .query_map(
                params![
                    filter.since.map(|d| d.to_string()),
                    filter.limit.map_or(-1, |l| l as i64)
                ],
                from_row,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Minutes and times practised per item since a day (or ever), most minutes first.
    pub fn practice_minutes_by_item(&self, since: Option<NaiveDate>) -> Result<Vec<ItemMinutes>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT item_ref, SUM(minutes), COUNT(*) FROM practice
             WHERE local_date >= coalesce(?1, '')
             GROUP BY item_ref ORDER BY SUM(minutes) DESC, item_ref",
        )?;
        let rows = stmt
            .query_map(params![since.map(|d| d.to_string())], |r| {
                Ok(ItemMinutes {
                    item_ref: r.get(0)?,
                    minutes: r.get(1)?,
                    times: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

/// Whether the plaintext diary at `path` has a check-in on `day`, looked up as quickly
/// as possible for a shell start-up file: no migrations, no key, nothing created.
/// `None` when that cannot be told (no diary, an encrypted or unfinished one, any error).
pub fn quick_checked_in_on(path: &Path, day: NaiveDate) -> Option<bool> {
    // No diary (or an encrypted one): nothing to say, and no SQLite to start up.
    if !path.is_file() || super::is_encrypted(path).ok()? {
        return None;
    }
    let conn = rusqlite::Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    conn.busy_timeout(std::time::Duration::from_millis(200))
        .ok()?;
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM checkin WHERE local_date = ?1)",
        [day.to_string()],
        |r| r.get::<_, bool>(0),
    )
    .ok()
}
