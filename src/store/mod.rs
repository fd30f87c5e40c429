//! The diary's SQLite store: opening (pragmas, key, migrations with a backup first),
//! and the queries every front end shares. One file, owner-only; encrypted with
//! SQLCipher when the user sets a passphrase.

mod checkins;
mod crypto;
mod drafts;
mod entries;
mod import;
mod insights;
pub mod migrations;
// --- practice and support (issue 5) ---
mod plan;
mod practice;
mod supervision;

use std::fs::{self, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};
use thiserror::Error;

pub use checkins::CheckInFilter;
pub use crypto::{decrypt_copy, encrypt_in_place};
pub use drafts::Draft;
pub use entries::{fts_query, EntryFilter, EntrySummary, SearchHit};
pub use import::Imported;
pub use insights::TOP_WORDS;
pub use practice::{quick_checked_in_on, ItemMinutes, PracticeFilter};

/// What can go wrong with the store, in words a person can act on. No variant ever
/// carries diary text.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("That passphrase does not open this diary.")]
    WrongPassphrase,
    #[error(
        "This diary is encrypted: a passphrase is needed to open it (or set LANTERN_PASSPHRASE)."
    )]
    NeedsPassphrase,
    #[error("{path} is not a Lantern diary (it is not an SQLite database).")]
    NotADiary { path: PathBuf },
    #[error("This diary was written by a newer Lantern (schema {found}, this one knows {known}). Please update Lantern.")]
    TooNew { found: usize, known: usize },
    #[error("No entry #{0}.")]
    NoEntry(i64),
    #[error("{path} already exists; choose another name.")]
    Exists { path: PathBuf },
    #[error("{action}: {source}")]
    Io {
        action: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the diary database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("updating the diary's schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

pub(crate) fn io_error(action: impl Into<String>) -> impl FnOnce(std::io::Error) -> StoreError {
    let action = action.into();
    move |source| StoreError::Io { action, source }
}

/// An open diary.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    encrypted: bool,
}

/// How long a connection waits for another writer before giving up.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Whether the file at `path` exists and is encrypted (has no plaintext SQLite header).
pub fn is_encrypted(path: &Path) -> Result<bool> {
    let mut header = [0u8; 16];
    match fs::File::open(path) {
        Ok(mut file) => {
            let n = file
                .read(&mut header)
                .map_err(io_error(format!("reading {}", path.display())))?;
            Ok(n > 0 && header[..n.min(16)] != SQLITE_HEADER[..n.min(16)])
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_error(format!("reading {}", path.display()))(e)),
    }
}

/// Creates `dir` (and its parents) readable by the owner only.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(io_error(format!("creating {}", dir.display())))?;
    set_private(dir, true)
}

/// Makes a file (0600) or directory (0700) owner-only.
pub fn set_private(path: &Path, is_dir: bool) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if is_dir { 0o700 } else { 0o600 };
        fs::set_permissions(path, fs::Permissions::from_mode(mode))
            .map_err(io_error(format!("protecting {}", path.display())))?;
    }
    #[cfg(not(unix))]
    let _ = (path, is_dir);
    Ok(())
}

/// Creates an empty owner-only file, so SQLite never creates it with looser modes.
fn touch_private(path: &Path) -> Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
        .open(path)
        .map_err(io_error(format!("creating {}", path.display())))?;
    set_private(path, false)
}

fn is_not_a_database(error: &rusqlite::Error) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(e, _) if e.code == ErrorCode::NotADatabase)
}

/// Silences SQLCipher's own logging, once per process. Its log destination is
/// process-global and setting it is not thread-safe (it closes the old file without a
/// lock), so connections opened on two threads at once must never both set it.
fn quiet_sqlcipher() {
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| {
        // SQLCipher would otherwise print warnings (such as a failed key) to stderr.
        // If this fails the only cost is noise on stderr, so there is nothing to report.
        if let Ok(conn) = Connection::open_in_memory() {
            let _ = conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()));
            let _ = conn.query_row("PRAGMA cipher_log = off", [], |_| Ok(()));
        }
    });
}

/// Connection set-up shared by every open: quiet SQLCipher, then the key.
fn prepare(conn: &Connection, passphrase: Option<&str>) -> rusqlite::Result<()> {
    quiet_sqlcipher();
    if let Some(passphrase) = passphrase {
        conn.pragma_update(None, "key", passphrase)?;
    }
    Ok(())
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

impl Store {
    /// Opens (creating if needed) the diary at `path`. `passphrase` is used only if the
    /// file is encrypted, or when creating a new encrypted diary with `create_encrypted`.
    pub fn open(path: &Path, passphrase: Option<&str>) -> Result<Store> {
        Self::open_with(path, passphrase, false)
    }

    /// Opens the diary at `path`, creating it if it does not exist.
    pub fn open_or_create(path: &Path, passphrase: Option<&str>) -> Result<Store> {
        Self::open_with(path, passphrase, false)
    }

    /// Creates a new diary encrypted with `passphrase`. Fails if one exists.
    pub fn create_encrypted(path: &Path, passphrase: &str) -> Result<Store> {
        if path.exists() {
            return Err(StoreError::Exists {
                path: path.to_path_buf(),
            });
        }
        Self::open_with(path, Some(passphrase), true)
    }

    fn open_with(path: &Path, passphrase: Option<&str>, create_encrypted: bool) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if !dir.exists() {
                create_private_dir(dir)?;
            }
        }
        let existed = path.exists() && fs::metadata(path).map(|m| m.len() > 0).unwrap_or(false);
        let encrypted = if existed {
            is_encrypted(path)?
        } else {
            create_encrypted
        };
        if encrypted && passphrase.is_none() {
            return Err(StoreError::NeedsPassphrase);
        }
        if !existed {
            touch_private(path)?;
        }
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // Before any statement: every read and write after this waits its turn.
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // A deferred transaction that reads and then writes cannot wait for another
        // writer in WAL mode (SQLite answers SQLITE_BUSY at once), so every transaction
        // takes the write lock up front, where the busy timeout applies.
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        prepare(&conn, passphrase.filter(|_| encrypted))?;
        // The first read tells a wrong key (or a file that is not a database) apart.
        if let Err(e) = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        }) {
            return Err(if is_not_a_database(&e) {
                if encrypted {
                    StoreError::WrongPassphrase
                } else {
                    StoreError::NotADiary {
                        path: path.to_path_buf(),
                    }
                }
            } else {
                e.into()
            });
        }
        configure(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            encrypted,
        };
        store.migrate(existed)?;
        for suffix in ["-wal", "-shm"] {
            let side = sidecar(path, suffix);
            if side.exists() {
                set_private(&side, false)?;
            }
        }
        Ok(store)
    }

    fn migrate(&mut self, existed: bool) -> Result<()> {
        let migrations = migrations::migrations();
        let version: usize = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))?
            .try_into()
            .unwrap_or(0);
        if version > migrations::LATEST {
            return Err(StoreError::TooNew {
                found: version,
                known: migrations::LATEST,
            });
        }
        if version == migrations::LATEST {
            return Ok(());
        }
        if existed && version > 0 {
            self.backup_before_migration(version)?;
        }
        migrations.to_latest(&mut self.conn)?;
        Ok(())
    }

    /// A copy of the file as it was, beside it, before its schema changes. For an
    /// encrypted diary the copy is just as encrypted.
    fn backup_before_migration(&self, version: usize) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
        let name = format!(
            "{}.schema-v{version}-{stamp}.bak",
            self.path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "lantern.db".into())
        );
        let target = self.path.with_file_name(name);
        fs::copy(&self.path, &target).map_err(io_error(format!(
            "backing up the diary to {} before updating it",
            target.display()
        )))?;
        set_private(&target, false)
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
        touch_private(target)?;
        let result = (|| -> Result<()> {
            let mut dest = Connection::open(target)?;
            prepare(&dest, passphrase.filter(|_| self.encrypted))?;
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut dest)?;
            backup.run_to_completion(256, Duration::from_millis(0), None)?;
            Ok(())
        })();
        if result.is_err() {
            let _ = fs::remove_file(target);
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
