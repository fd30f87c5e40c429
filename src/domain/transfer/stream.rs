//! Lantern's JSON export written as its records come, one at a time: the same bytes
//! `Export` gives, without holding the diary in memory.

use std::cell::RefCell;

use chrono::{DateTime, FixedOffset};
use serde::ser::{Error as _, SerializeSeq};
use serde::{Serialize, Serializer};

use super::super::checkin::CheckIn;
use super::super::entry::Entry;

/// One thing a diary holds, for exports that take entries and check-ins in one order.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Entry(Entry),
    CheckIn(CheckIn),
}

/// `Export` with its lists as sequences written as they are read. Field names and
/// order must stay those of `Export`: the two write the same document.
#[derive(Serialize)]
pub struct ExportOf<E, C> {
    pub format: &'static str,
    pub version: u32,
    pub exported: DateTime<FixedOffset>,
    pub entries: E,
    pub checkins: C,
}

/// A list written from an iterator of results, once. A failed read stops the writing
/// and is kept, for `failure`, in its own type rather than as serde's text.
pub struct Each<I, E> {
    items: RefCell<Option<I>>,
    failed: RefCell<Option<E>>,
}

impl<I, E> Each<I, E> {
    pub fn new(items: I) -> Self {
        Each {
            items: RefCell::new(Some(items)),
            failed: RefCell::new(None),
        }
    }

    /// The read that stopped the writing, if one did.
    pub fn failure(&self) -> Option<E> {
        self.failed.borrow_mut().take()
    }
}

impl<T, E, I> Serialize for Each<I, E>
where
    T: Serialize,
    I: Iterator<Item = Result<T, E>>,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = self
            .items
            .borrow_mut()
            .take()
            .ok_or_else(|| S::Error::custom("a streamed list is written only once"))?;
        let mut seq = serializer.serialize_seq(None)?;
        for item in items {
            match item {
                Ok(item) => seq.serialize_element(&item)?,
                Err(error) => {
                    *self.failed.borrow_mut() = Some(error);
                    return Err(S::Error::custom("a record could not be read"));
                }
            }
        }
        seq.end()
    }
}
