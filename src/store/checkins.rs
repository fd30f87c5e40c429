//! Check-ins: saving and reading them back by day.

use chrono::NaiveDate;
use rusqlite::{params, Row, Transaction};

use crate::domain::checkin::{CheckIn, CheckInKind};

use super::{from_stored, utc_text, Result, Store};

#[derive(Debug, Clone, Default)]
pub struct CheckInFilter {
    pub limit: Option<usize>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// Inserts unless the uid is already stored; true when inserted.
pub(crate) fn insert_in(tx: &Transaction<'_>, c: &CheckIn) -> Result<bool> {
    let json = |v: &Vec<String>| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
    let n = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO checkin (uid, kind, at_utc, utc_offset, local_date, pleasantness,
                energy, stress, emotion_system, emotion_words, stressor_tags, note, good_moment)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            c.uid,
            c.kind.as_str(),
            utc_text(&c.at),
            c.at.offset().local_minus_utc(),
            c.at.date_naive().to_string(),
            c.pleasantness,
            c.energy,
            c.stress,
            c.system,
            json(&c.words),
            json(&c.tags),
            c.note,
            c.good_moment,
        ])?;
    Ok(n > 0)
}

pub(super) fn from_row(row: &Row<'_>) -> rusqlite::Result<(i64, CheckIn)> {
    let list = |text: String| serde_json::from_str::<Vec<String>>(&text).unwrap_or_default();
    let kind: String = row.get("kind")?;
    Ok((
        row.get("id")?,
        CheckIn {
            uid: row.get("uid")?,
            kind: CheckInKind::parse(&kind).unwrap_or(CheckInKind::Daily),
            at: from_stored(&row.get::<_, String>("at_utc")?, row.get("utc_offset")?),
            pleasantness: row.get("pleasantness")?,
            energy: row.get("energy")?,
            stress: row.get("stress")?,
            system: row.get("emotion_system")?,
            words: list(row.get("emotion_words")?),
            tags: list(row.get("stressor_tags")?),
            note: row.get("note")?,
            good_moment: row.get("good_moment")?,
        },
    ))
}

const NEWEST: &str = "SELECT * FROM checkin WHERE ?1 IS NULL AND ?2 IS NULL
     ORDER BY at_utc DESC, id DESC LIMIT ?3";
const IN_PERIOD: &str = "SELECT * FROM checkin
     WHERE local_date >= coalesce(?1, '') AND local_date <= coalesce(?2, '9999-12-31')
     ORDER BY at_utc DESC, id DESC LIMIT ?3";

impl Store {
    pub fn add_checkin(&mut self, checkin: &CheckIn) -> Result<i64> {
        let tx = self.conn_mut().transaction()?;
        insert_in(&tx, checkin)?;
        let id = tx.query_row(
            "SELECT id FROM checkin WHERE uid = ?1",
            [&checkin.uid],
            |r| r.get(0),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Check-ins newest first, with their ids.
    pub fn list_checkins(&self, filter: &CheckInFilter) -> Result<Vec<(i64, CheckIn)>> {
        // A period reads just its days through the date index; `?1 IS NULL OR …`
        // would hide that index from the planner, and Today's few recent days would
        // scan every check-in of fifty years. With no period, the newest come from the
        // time index and stop at the limit.
        let sql = if filter.since.is_none() && filter.until.is_none() {
            NEWEST
        } else {
            IN_PERIOD
        };
        let mut stmt = self.conn().prepare_cached(sql)?;
        let rows = stmt
            .query_map(
                params![
                    filter.since.map(|d| d.to_string()),
                    filter.until.map(|d| d.to_string()),
                    filter.limit.map_or(-1, |l| l as i64)
                ],
                from_row,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Check-ins in a period, oldest first: for export.
    pub(crate) fn checkins_between_whole(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Result<Vec<CheckIn>> {
        let mut rows = self.list_checkins(&CheckInFilter {
            limit: None,
            since,
            until,
        })?;
        rows.reverse();
        Ok(rows.into_iter().map(|(_, c)| c).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::{IN_PERIOD, NEWEST};

    fn plan(store: &crate::store::Store, sql: &str) -> String {
        let mut stmt = store
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .expect("a plan"); // ok: test
        let rows = stmt
            .query_map(rusqlite::params![None::<String>, None::<String>, 10], |r| {
                r.get::<_, String>(3)
            })
            .expect("the plan's rows"); // ok: test
        let rows: Vec<String> = rows.map(|r| r.expect("a row")).collect(); // ok: test
        rows.join("\n")
    }

    #[test]
    fn a_period_reads_its_days_by_index_and_the_newest_stop_at_the_limit() {
        let dir = tempfile::tempdir().expect("a folder"); // ok: test
        let store =
            crate::store::Store::open_or_create(&dir.path().join("d.db"), None).expect("a diary"); // ok: test
        let period = plan(&store, IN_PERIOD);
        assert!(
            period.contains("checkin_by_local_date (local_date>? AND local_date<?)"),
            "{period}"
        );
        let newest = plan(&store, NEWEST);
        assert!(newest.contains("checkin_by_at"), "{newest}");
    }
}
