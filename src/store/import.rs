//! Imports that land entries and check-ins together, in one transaction.

use rusqlite::{OptionalExtension, Transaction};

use crate::domain::transfer::Batch;

use super::{checkins, entries, Result, Store};

/// How an import went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    pub entries_added: usize,
    pub entries_present: usize,
    pub checkins_added: usize,
    pub checkins_present: usize,
}

/// The trigger that indexes each new entry for search as it is saved.
const FTS_INSERT_TRIGGER: &str = "entry_fts_insert";

impl Store {
    /// Adds everything in `batch` that is not already here (matched by uid). All or
    /// nothing: a failure part-way leaves the diary as it was.
    ///
    /// The search index is filled once, after the rows: indexing row by row made
    /// FTS5 write and merge a tiny segment for every entry, most of an import's time.
    pub fn import(&mut self, batch: &Batch) -> Result<Imported> {
        // `transaction()` begins IMMEDIATE (see open.rs), so no other writer can add
        // an entry between reading the highest id and indexing the rows above it.
        let tx = self.conn_mut().transaction()?;
        let before: i64 =
            tx.query_row("SELECT coalesce(max(id), 0) FROM entry", [], |r| r.get(0))?;
        let trigger = suspend_trigger(&tx, FTS_INSERT_TRIGGER)?;
        let mut out = Imported::default();
        for entry in &batch.entries {
            match entries::insert_in(&tx, entry)? {
                Some(_) => out.entries_added += 1,
                None => out.entries_present += 1,
            }
        }
        // New rows take ids above the highest one there was; those are the imported.
        tx.prepare_cached(
            "INSERT INTO entry_fts (rowid, title, body, answers_text)
             SELECT id, title, body, answers_text FROM entry WHERE id > ?1 ORDER BY id",
        )?
        .execute([before])?;
        if let Some(sql) = trigger {
            tx.execute_batch(&sql)?;
        }
        for checkin in &batch.checkins {
            if checkins::insert_in(&tx, checkin)? {
                out.checkins_added += 1;
            } else {
                out.checkins_present += 1;
            }
        }
        tx.commit()?;
        Ok(out)
    }
}

/// Drops trigger `name` for the rest of `tx` and returns the SQL that makes it again
/// (as the diary has it), or None when there is no such trigger. Inside the
/// transaction, so a failure or rollback leaves the trigger where it was.
fn suspend_trigger(tx: &Transaction<'_>, name: &str) -> Result<Option<String>> {
    let sql: Option<String> = tx
        .query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
            [name],
            |r| r.get(0),
        )
        .optional()?;
    if sql.is_some() {
        tx.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
    Ok(sql)
}
