//! Supervision sessions: recording that one took place, and gathering what a person
//! may want to bring to the next.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

use crate::domain::entry::Entry;
use crate::domain::insights::{Period, Scales};
use crate::domain::supervision::{SupervisionPrep, SupervisionRecord};

use super::insights::date_at;
use super::{Result, Store};

impl Store {
    /// Records that supervision took place on `held_on` (a local date).
    pub fn record_supervision(&mut self, held_on: NaiveDate, note: Option<&str>) -> Result<i64> {
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        self.conn().execute(
            "INSERT INTO supervision (held_on, recorded_utc, note) VALUES (?1, ?2, ?3)",
            params![
                held_on.to_string(),
                chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                note
            ],
        )?;
        Ok(self.conn().last_insert_rowid())
    }

    /// The date of the most recent supervision recorded, if any.
    pub fn last_supervision(&self) -> Result<Option<NaiveDate>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT held_on FROM supervision ORDER BY held_on DESC, id DESC LIMIT 1",
                [],
                |row| date_at(row, 0),
            )
            .optional()?)
    }

    /// Supervision sessions recorded, most recent first.
    pub fn supervisions(&self, limit: usize) -> Result<Vec<SupervisionRecord>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, held_on, note FROM supervision ORDER BY held_on DESC, id DESC LIMIT ?1",
        )?;
        let rows = stmt
            .query_map([limit as i64], |row| {
                Ok(SupervisionRecord {
                    id: row.get(0)?,
                    held_on: date_at(row, 1)?,
                    note: row.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Everything for preparing supervision over `period`: how it has been, the good
    /// moments and the entries to choose from. Nothing here is shared until chosen.
    pub fn supervision_prep(&self, period: Period, scales: Scales) -> Result<SupervisionPrep> {
        Ok(SupervisionPrep {
            last_supervision: self.last_supervision()?,
            insights: self.insights(period, scales)?,
            good_moments: self.good_moments(period)?,
            entries: self.entries_in(period)?,
        })
    }

    /// The entries with these ids, in full, oldest first; an unknown id is an error.
    pub fn chosen_entries(&self, ids: &[i64]) -> Result<Vec<Entry>> {
        let mut entries = Vec::with_capacity(ids.len());
        for &id in ids {
            if !entries.iter().any(|e: &Entry| e.id == id) {
                entries.push(self.entry(id)?);
            }
        }
        entries.sort_by_key(|e| (e.created, e.id));
        Ok(entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date") // ok: test
    }

    #[test]
    fn the_latest_session_is_the_last_supervision() {
        let dir = tempfile::tempdir().expect("a temporary folder"); // ok: test
        let mut store =
            Store::open_or_create(&dir.path().join("lantern.db"), None).expect("a new diary"); // ok: test
        assert_eq!(store.last_supervision().expect("last"), None); // ok: test
        store
            .record_supervision(d("2026-03-10"), Some("  good session "))
            .expect("record"); // ok: test
                               // Recorded later, but held earlier: not the latest.
        store
            .record_supervision(d("2026-02-10"), None)
            .expect("record"); // ok: test
        assert_eq!(
            store.last_supervision().expect("last"), // ok: test
            Some(d("2026-03-10"))
        );
        let all = store.supervisions(10).expect("list"); // ok: test
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].note.as_deref(), Some("good session"));
        assert!(matches!(
            store.chosen_entries(&[42]),
            Err(crate::store::StoreError::NoEntry(42))
        ));
    }
}
