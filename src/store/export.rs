//! The rows of an export, read one at a time as they are written, so an export's
//! memory stays the same however many years the diary holds.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension};

use crate::domain::checkin::CheckIn;
use crate::domain::entry::Entry;
use crate::domain::transfer::Record;

use super::{checkins, entries, from_stored, Result, Store};

/// Rows handed over as they are read; a row that cannot be read is an `Err` item.
pub type Rows<'a, T> = &'a mut dyn Iterator<Item = Result<T>>;

const IN_PERIOD: &str = "(?1 IS NULL OR local_date >= ?1) AND (?2 IS NULL OR local_date <= ?2)";

fn period(since: Option<NaiveDate>, until: Option<NaiveDate>) -> [Option<String>; 2] {
    [since.map(|d| d.to_string()), until.map(|d| d.to_string())]
}

/// A read transaction for the length of an export's many small reads: one snapshot
/// throughout, and the file's lock taken once rather than once a row (which cost a
/// third of a Markdown export's time). Nothing is written, so the end is a commit.
struct Snapshot<'a>(Option<&'a Connection>);

impl<'a> Snapshot<'a> {
    fn begin(conn: &'a Connection) -> Result<Snapshot<'a>> {
        // Inside someone else's transaction the snapshot is theirs already.
        if !conn.is_autocommit() {
            return Ok(Snapshot(None));
        }
        conn.execute_batch("BEGIN DEFERRED")?;
        Ok(Snapshot(Some(conn)))
    }
}

impl Drop for Snapshot<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.0 {
            let _ = conn.execute_batch("COMMIT");
        }
    }
}

impl Store {
    /// Every entry in a period, oldest first, with tags, as `entries_between` has
    /// them, handed to `use_them` as they are read.
    pub fn with_entries<T>(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
        use_them: impl FnOnce(Rows<'_, Entry>) -> T,
    ) -> Result<T> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT * FROM entry WHERE {IN_PERIOD} ORDER BY created_utc, id"
        ))?;
        let rows = stmt.query_map(period(since, until), entries::entry_from_row)?;
        let mut rows = rows.map(|row| {
            let mut entry = row?;
            entry.tags = entries::tags_of(self.conn(), entry.id)?;
            Ok(entry)
        });
        Ok(use_them(&mut rows))
    }

    /// Every check-in in a period, oldest first, as `checkins_between` has them,
    /// handed to `use_them` as they are read.
    pub fn with_checkins<T>(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
        use_them: impl FnOnce(Rows<'_, CheckIn>) -> T,
    ) -> Result<T> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT * FROM checkin WHERE {IN_PERIOD} ORDER BY at_utc, id"
        ))?;
        let rows = stmt.query_map(period(since, until), checkins::from_row)?;
        let mut rows = rows.map(|row| Ok(row?.1));
        Ok(use_them(&mut rows))
    }

    /// Entries and check-ins in a period by the clock time they were written at, as
    /// the Markdown export reads: the entries oldest first, then the check-ins, sorted
    /// (stably) by local time. Only each row's time is held; the rows are read as
    /// they are handed over, and one deleted meanwhile is left out.
    pub fn with_records_by_local_time<T>(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
        use_them: impl FnOnce(Rows<'_, Record>) -> T,
    ) -> Result<T> {
        let _snapshot = Snapshot::begin(self.conn())?;
        let mut keys: Vec<(NaiveDateTime, bool, i64)> = Vec::new();
        for (table, time, is_checkin) in
            [("entry", "created_utc", false), ("checkin", "at_utc", true)]
        {
            let mut stmt = self.conn().prepare(&format!(
                "SELECT id, {time}, utc_offset FROM {table} WHERE {IN_PERIOD} ORDER BY {time}, id"
            ))?;
            let rows = stmt.query_map(period(since, until), |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?;
            for row in rows {
                let (id, utc, offset) = row?;
                keys.push((from_stored(&utc, offset).naive_local(), is_checkin, id));
            }
        }
        keys.sort_by_key(|k| k.0);
        let mut entry = self.conn().prepare("SELECT * FROM entry WHERE id = ?1")?;
        let mut checkin = self.conn().prepare("SELECT * FROM checkin WHERE id = ?1")?;
        let mut rows = keys.into_iter().filter_map(|(_, is_checkin, id)| {
            let mut read = || -> Result<Option<Record>> {
                if is_checkin {
                    let found = checkin.query_row([id], checkins::from_row).optional()?;
                    return Ok(found.map(|(_, c)| Record::CheckIn(c)));
                }
                let Some(mut e) = entry.query_row([id], entries::entry_from_row).optional()? else {
                    return Ok(None);
                };
                e.tags = entries::tags_of(self.conn(), id)?;
                Ok(Some(Record::Entry(e)))
            };
            read().transpose()
        });
        Ok(use_them(&mut rows))
    }
}
