//! What can go wrong with the store, in words a person can act on. SQLite's own text
//! (codes, SQL) never reaches the message: it is kept for `--verbose` and `doctor`.

use std::path::PathBuf;

use rusqlite::ErrorCode;
use thiserror::Error;

/// No variant's message ever carries diary text or raw library text.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("That passphrase does not open this diary.")]
    WrongPassphrase,
    #[error("The passphrase is empty. Type the diary's passphrase (or set LANTERN_PASSPHRASE).")]
    EmptyPassphrase,
    #[error(
        "This diary is encrypted: a passphrase is needed to open it (or set LANTERN_PASSPHRASE)."
    )]
    NeedsPassphrase,
    #[error("There is no diary at {path}. `lantern init` starts one (or check --data-dir and LANTERN_DATA_DIR).")]
    NoDiary { path: PathBuf },
    #[error("The diary at {path} is empty (0 bytes), so there is nothing to open. If you meant to start afresh, `lantern init` makes a new diary there.")]
    EmptyFile { path: PathBuf },
    #[error(
        "{path} is not a Lantern diary: it is neither an SQLite database nor an encrypted one."
    )]
    NotADiary { path: PathBuf },
    #[error("Part of the diary's file is damaged, so this could not be done. `lantern doctor` says what it found; `lantern repair` saves everything that can be read into a fresh diary.")]
    Damaged { detail: String },
    #[error("The disk is full, so Lantern could not write to the diary. Free some space and try again; nothing was changed.")]
    DiskFull { detail: String },
    #[error("Lantern could not change the diary: just now it can only be read here (its file or folder is read-only, or the disk is full). Nothing was changed.")]
    ReadOnly { detail: String },
    #[error("The diary is busy: another Lantern has been writing to it for more than 5 seconds. Try again in a moment.")]
    Busy { detail: String },
    #[error("The diary's file could not be read or written (a disk or file system error). `lantern doctor` may say more.")]
    Disk { detail: String },
    #[error("This diary was written by a newer Lantern (schema {found}, this one knows {known}). Please update Lantern.")]
    TooNew { found: usize, known: usize },
    #[error("Could not update the diary to this version of Lantern; it is as it was. {reason}")]
    Migration { reason: String, detail: String },
    #[error("The diary is open in another Lantern (the app, or a command still running). Close it there first, then try again.")]
    InUse,
    #[error("This entry was changed elsewhere while it was being edited.")]
    Changed,
    #[error("No entry #{0}.")]
    NoEntry(i64),
    /// A registration record (a CPD activity, an account …) that is not there.
    #[error("No {kind} #{id}.")]
    NoRecord { kind: &'static str, id: i64 },
    #[error("{path} already exists; choose another name.")]
    Exists { path: PathBuf },
    /// The OS error is part of the message, not a cause printed again after it.
    #[error("{action}: {cause}")]
    Io {
        action: String,
        cause: std::io::Error,
    },
    #[error("Something went wrong inside the diary database; nothing was lost. Run the command again with --verbose for the details.")]
    Sqlite { detail: String },
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl StoreError {
    /// The library's own words, for `--verbose` and `doctor`. Never diary text: SQLite
    /// errors name codes and, for a bad statement, the SQL, never the values bound.
    pub fn detail(&self) -> Option<&str> {
        match self {
            StoreError::Damaged { detail }
            | StoreError::DiskFull { detail }
            | StoreError::ReadOnly { detail }
            | StoreError::Busy { detail }
            | StoreError::Disk { detail }
            | StoreError::Migration { detail, .. }
            | StoreError::Sqlite { detail } => Some(detail),
            _ => None,
        }
    }

    /// Whether the store saw the file damaged (so it should stop writing).
    pub fn is_damage(&self) -> bool {
        matches!(self, StoreError::Damaged { .. })
    }
}

fn detail_of(error: &rusqlite::Error) -> String {
    match error {
        rusqlite::Error::SqliteFailure(e, Some(message)) => {
            format!(
                "{message} (SQLite code {}, extended {})",
                e.extended_code & 0xff,
                e.extended_code
            )
        }
        rusqlite::Error::SqliteFailure(e, None) => {
            format!(
                "SQLite code {}, extended {}",
                e.extended_code & 0xff,
                e.extended_code
            )
        }
        // Text that is not valid UTF-8 is a sign of damage; the bytes are never shown.
        rusqlite::Error::FromSqlConversionFailure(column, kind, _) => {
            format!("column {column} ({kind}) could not be read")
        }
        rusqlite::Error::Utf8Error(..) => "text that is not valid UTF-8".into(),
        other => format!("{other:?}").chars().take(300).collect::<String>(),
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        let detail = detail_of(&error);
        let code = match &error {
            rusqlite::Error::SqliteFailure(e, _) => Some(e.code),
            rusqlite::Error::FromSqlConversionFailure(..) | rusqlite::Error::Utf8Error(..) => {
                return StoreError::Damaged { detail }
            }
            _ => None,
        };
        match code {
            Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => {
                StoreError::Damaged { detail }
            }
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { detail },
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { detail },
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
                StoreError::Busy { detail }
            }
            Some(ErrorCode::SystemIoFailure) | Some(ErrorCode::CannotOpen) => {
                StoreError::Disk { detail }
            }
            _ => StoreError::Sqlite { detail },
        }
    }
}

impl From<rusqlite_migration::Error> for StoreError {
    fn from(error: rusqlite_migration::Error) -> StoreError {
        // The migration error holds the whole SQL of the step; keep only the cause.
        let inner = match error {
            rusqlite_migration::Error::RusqliteError { err, .. } => StoreError::from(err),
            other => StoreError::Sqlite {
                detail: format!("{other:?}").chars().take(300).collect(),
            },
        };
        let reason = match &inner {
            StoreError::DiskFull { .. }
            | StoreError::ReadOnly { .. }
            | StoreError::Busy { .. }
            | StoreError::Damaged { .. } => inner.to_string(),
            _ => "A copy of it as it was is kept beside it.".into(),
        };
        StoreError::Migration {
            reason,
            detail: inner.detail().unwrap_or_default().to_string(),
        }
    }
}
