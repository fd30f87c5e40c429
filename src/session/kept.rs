//! Opening an encrypted diary with a key kept by `lantern unlock` (or by the app when
//! `unlock_minutes` is set), and keeping one: for both front ends, so the command line
//! and the app agree on when a kept key is used, trusted and dropped.

use std::time::{Duration, SystemTime};

use zeroize::Zeroizing;

use super::{Opened, Session};
use crate::host::keyring;
use crate::store::{self, RawKey, Store, StoreError};

/// A diary opened with a kept key, and that key as the store takes it, for any other
/// connection the front end opens (the app's search has its own).
pub struct OpenedKept {
    pub opened: Opened,
    pub key: Zeroizing<String>,
    pub until: SystemTime,
}

/// What became of keeping the key after an unlock.
#[derive(Debug)]
pub enum Keeping {
    /// Kept until then.
    Until(SystemTime),
    /// The kernel would not keep it; everything else works as before.
    Unavailable(keyring::Unavailable),
    /// The key Lantern derives does not open this diary (one made with other cipher
    /// settings), so nothing was kept; the passphrase opened it as usual.
    NotThisDiary,
}

/// A diary opened with the passphrase, and what became of keeping its key.
pub struct Unlocked {
    pub opened: Opened,
    /// The key for other connections: the derived one when it opened the diary, else
    /// the passphrase.
    pub key: Zeroizing<String>,
    pub keeping: Keeping,
}

impl Session {
    /// Opens the encrypted diary with the key kept for it. None when no key is kept,
    /// or the kept one no longer opens it (the passphrase was changed, or the file
    /// replaced): that key is forgotten, and the front end asks for the passphrase as
    /// before.
    pub fn open_kept(&self) -> Option<store::Result<OpenedKept>> {
        let db = &self.paths.database;
        let kept = keyring::find(db)?;
        let key = kept.key.as_key_text();
        match Store::open(db, Some(&key)) {
            Ok(store) => Some(Ok(OpenedKept {
                opened: self.opened(store),
                key,
                until: kept.until,
            })),
            Err(StoreError::WrongPassphrase) => {
                let _ = keyring::forget(db);
                None
            }
            Err(other) => Some(Err(other)),
        }
    }

    /// Opens the encrypted diary with `passphrase`, deriving its key once, and keeps
    /// that key for `time`. A wrong passphrase keeps nothing.
    pub fn unlock_and_keep(&self, passphrase: &str, time: Duration) -> store::Result<Unlocked> {
        let db = &self.paths.database;
        if passphrase.is_empty() {
            return Err(StoreError::EmptyPassphrase);
        }
        let raw = RawKey::derive(db, passphrase)?;
        let key = raw.as_key_text();
        match Store::open(db, Some(&key)) {
            Ok(store) => {
                let keeping = match keyring::keep(db, &raw, time) {
                    Ok(until) => Keeping::Until(until),
                    Err(why) => Keeping::Unavailable(why),
                };
                Ok(Unlocked {
                    opened: self.opened(store),
                    key,
                    keeping,
                })
            }
            // Either the passphrase is wrong, or this diary derives its key another
            // way; only the passphrase itself can tell which.
            Err(StoreError::WrongPassphrase) => {
                let store = Store::open(db, Some(passphrase))?;
                Ok(Unlocked {
                    opened: self.opened(store),
                    key: Zeroizing::new(passphrase.to_string()),
                    keeping: Keeping::NotThisDiary,
                })
            }
            Err(other) => Err(other),
        }
    }

    /// Forgets the key kept for this diary; says whether one was kept.
    pub fn forget_kept(&self) -> Result<bool, keyring::Unavailable> {
        keyring::forget(&self.paths.database)
    }

    /// When the key kept for this diary runs out, if one is kept.
    pub fn kept_until(&self) -> Option<SystemTime> {
        keyring::find(&self.paths.database).map(|k| k.until)
    }
}

/// When a kept key runs out, on the local clock: "14:05", or "00:20 tomorrow".
pub fn until_text(until: SystemTime) -> String {
    let at: chrono::DateTime<chrono::Local> = until.into();
    let today = chrono::Local::now().date_naive();
    if at.date_naive() == today {
        at.format("%H:%M").to_string()
    } else {
        at.format("%H:%M tomorrow").to_string()
    }
}
