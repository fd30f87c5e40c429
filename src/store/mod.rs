//! The diary's SQLite store: opening (pragmas, key, migrations with a backup first),
//! and the queries every front end shares. One file, owner-only; encrypted with
//! SQLCipher when the user sets a passphrase.

mod checkins;
mod crypto;
mod drafts;
mod entries;
mod error;
mod export;
mod files;
mod import;
mod insights;
pub mod migrations;
mod open;
mod openssl;
mod plan;
mod practice;
mod registration;
mod salvage;
mod snippet;
mod supervision;
mod watch_words;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

pub use checkins::CheckInFilter;
pub use crypto::{decrypt_copy, encrypt_in_place, RawKey};
pub use drafts::Draft;
pub use entries::{fts_query, EntryFilter, EntrySummary, SearchHit};
pub use error::{Result, StoreError};
pub use export::Rows;
pub(crate) use files::touch_private;
pub use files::{
    create_private_dir, file_kind, is_encrypted, open_elsewhere, remove_partials, set_private,
    shared_mode, FileKind, Partial,
};
pub use import::Imported;
pub use insights::TOP_WORDS;
pub use practice::{quick_checked_in_on, ItemMinutes, PracticeFilter};
pub use salvage::{repair, Repaired, Salvaged};

pub(crate) fn io_error(action: impl Into<String>) -> impl FnOnce(std::io::Error) -> StoreError {
    let action = action.into();
    move |cause| StoreError::Io { action, cause }
}

/// How long a connection waits for another writer before giving up.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open diary.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    encrypted: bool,
    read_only: bool,
    /// Things worth telling the person once, found while opening.
    notices: Vec<String>,
}

impl Store {
    /// Opens the diary at `path`, which must exist: a missing or empty file is an
    /// error that says where Lantern looked. `passphrase` is used only if the file is
    /// encrypted. When the file or its folder cannot be written, the diary opens
    /// read-only and says so in `notices`.
    pub fn open(path: &Path, passphrase: Option<&str>) -> Result<Store> {
        Self::open_with(path, passphrase, open::Create::No)
    }

    /// Opens the diary at `path`, creating a plaintext one if there is none (or the
    /// file is empty). For `lantern init`, the first run and tests.
    pub fn open_or_create(path: &Path, passphrase: Option<&str>) -> Result<Store> {
        Self::open_with(path, passphrase, open::Create::Plain)
    }

    /// Creates a new diary encrypted with `passphrase`. Fails if one exists.
    pub fn create_encrypted(path: &Path, passphrase: &str) -> Result<Store> {
        if !matches!(file_kind(path)?, FileKind::Missing | FileKind::Empty) {
            return Err(StoreError::Exists {
                path: path.to_path_buf(),
            });
        }
        Self::open_with(path, Some(passphrase), open::Create::Encrypted)
    }

    /// What opening found worth saying once: a mode tightened, read-only access.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// Whether the diary was opened for reading only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Copies the whole diary to `target` with SQLite's online backup, so it is
    /// consistent even while another terminal writes. An encrypted diary's copy is
    /// encrypted with the same passphrase.
    pub fn backup_to(&self, target: &Path, passphrase: Option<&str>) -> Result<()> {
        if target.exists() {
            return Err(StoreError::Exists {
                path: target.to_path_buf(),
            });
        }
        // The copy is made under a temporary name and takes its own name only once it
        // is whole on disk, so a full disk never leaves half a backup behind.
        let partial = sidecar(target, ".partial");
        let _tracked = [
            files::Partial::track(&partial),
            files::Partial::track(&sidecar(&partial, "-journal")),
        ];
        let _ = fs::remove_file(&partial);
        touch_private(&partial)?;
        let result = (|| -> Result<()> {
            let mut dest = Connection::open(&partial)?;
            open::prepare(&dest, passphrase.filter(|_| self.encrypted))?;
            {
                let backup = rusqlite::backup::Backup::new(&self.conn, &mut dest)?;
                backup.run_to_completion(256, Duration::from_millis(0), None)?;
            }
            drop(dest);
            fs::File::open(&partial)
                .and_then(|f| f.sync_all())
                .map_err(io_error(format!("writing {}", target.display())))?;
            // A hard link never replaces a file that appeared meanwhile; where the file
            // system has no links, a rename does.
            match fs::hard_link(&partial, target) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(StoreError::Exists {
                        path: target.to_path_buf(),
                    })
                }
                Err(_) => fs::rename(&partial, target)
                    .map_err(io_error(format!("saving {}", target.display()))),
            }
        })();
        for leftover in [partial.clone(), sidecar(&partial, "-journal")] {
            let _ = fs::remove_file(leftover);
        }
        result?;
        set_private(target, false)
    }

    /// Changes the passphrase of an encrypted diary.
    pub fn rekey(&mut self, new_passphrase: &str) -> Result<()> {
        // Rekeying rewrites every page; do it outside WAL so no old-key pages linger
        // in a write-ahead log.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        self.conn
            .pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
        self.conn.pragma_update(None, "rekey", new_passphrase)?;
        self.conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))?;
        Ok(())
    }

    /// The connection, for the store's own modules and for tests.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

/// `lantern.db` → `lantern.db-wal` and the like.
pub(crate) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// UTC timestamps as stored: sortable text to the second.
pub(crate) fn utc_text(at: &chrono::DateTime<chrono::FixedOffset>) -> String {
    at.with_timezone(&chrono::Utc)
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// Reads a stored UTC time and offset back into the user's local time of the moment.
pub(crate) fn from_stored(utc: &str, offset_seconds: i64) -> chrono::DateTime<chrono::FixedOffset> {
    let offset = chrono::FixedOffset::east_opt(offset_seconds as i32)
        .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("0 is a valid offset")); // ok: zero offset
    chrono::DateTime::parse_from_rfc3339(utc)
        .map(|t| t.with_timezone(&offset))
        .unwrap_or_else(|_| chrono::DateTime::UNIX_EPOCH.with_timezone(&offset))
}
