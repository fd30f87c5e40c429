//! Imports that land entries and check-ins together, in one transaction.

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

impl Store {
    /// Adds everything in `batch` that is not already here (matched by uid). All or
    /// nothing: a failure part-way leaves the diary as it was.
    pub fn import(&mut self, batch: &Batch) -> Result<Imported> {
        let tx = self.conn_mut().transaction()?;
        let mut out = Imported::default();
        for entry in &batch.entries {
            match entries::insert_in(&tx, entry)? {
                Some(_) => out.entries_added += 1,
                None => out.entries_present += 1,
            }
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
