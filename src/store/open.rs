//! Opening a diary: telling what the file is, the key, the pragmas, read-only when it
//! cannot be written, owner-only modes, and migrations with a backup first.

use std::fs;
use std::io::Write;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::files::{create_private_dir, file_kind, set_private, shared_mode, touch_private};
use super::{io_error, migrations, sidecar, FileKind, Result, Store, StoreError, BUSY_TIMEOUT};

/// Whether an open may create the diary, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Create {
    No,
    Plain,
    Encrypted,
}

/// Starts SQLite and SQLCipher, then silences SQLCipher's logging, once per process,
/// before any connection is opened or keyed.
///
/// SQLite marks itself initialised before it runs SQLCipher's own start-up, outside its
/// locks, so a connection opened on another thread meanwhile would find SQLite ready and
/// SQLCipher not, and its `PRAGMA key` would fail with "An error occurred with PRAGMA
/// key". Starting SQLite here, inside a `Once` that every open passes before it opens,
/// means the thread that starts it finishes SQLCipher's start-up too before any other
/// thread goes on. That start-up also sets SQLCipher's log level and destination to
/// their defaults, so silencing the log only sticks once it is over.
///
/// SQLCipher's log destination is process-global and setting it is not thread-safe (it
/// closes the old file without a lock), so connections opened on two threads at once
/// must never both set it.
fn ready_sqlcipher() {
    static READY: std::sync::Once = std::sync::Once::new();
    READY.call_once(|| {
        super::openssl::start();
        // SAFETY: sqlite3_initialize takes no arguments and is safe to call at any
        // time; it does nothing once SQLite has started.
        let _ = unsafe { rusqlite::ffi::sqlite3_initialize() };
        // SQLCipher would otherwise print warnings (such as a failed key) to stderr.
        // If this fails the only cost is noise on stderr, so there is nothing to report.
        if let Ok(conn) = Connection::open_in_memory() {
            let _ = conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()));
            let _ = conn.query_row("PRAGMA cipher_log = off", [], |_| Ok(()));
        }
    });
}

/// Connection set-up shared by every open: SQLCipher ready and quiet, then the key.
pub(crate) fn prepare(conn: &Connection, passphrase: Option<&str>) -> rusqlite::Result<()> {
    ready_sqlcipher();
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

/// `file:` URI for `path`, with SQLite's reserved characters escaped.
fn uri(path: &Path, query: &str) -> String {
    let mut out = String::from("file:");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'?' | b'#' | b'%' => out.push_str(&format!("%{byte:02X}")),
            _ => out.push(byte as char),
        }
    }
    out.push('?');
    out.push_str(query);
    out
}

/// One connection, keyed and checked with a first read, which tells a wrong key (or a
/// damaged file) apart from a good one.
fn connect(
    path: &Path,
    kind: FileKind,
    passphrase: Option<&str>,
    how: Access,
) -> Result<Connection> {
    ready_sqlcipher();
    let mut conn = match how {
        Access::ReadWrite => Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        ),
        // A folder that cannot be written has no room for the write-ahead log's index
        // either; `immutable` reads the file as it stands.
        Access::ReadOnly => Connection::open_with_flags(
            uri(path, "mode=ro&immutable=1"),
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        ),
    }?;
    // Before any statement: every read and write after this waits its turn.
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // A deferred transaction that reads and then writes cannot wait for another writer
    // in WAL mode (SQLite answers SQLITE_BUSY at once), so every transaction takes the
    // write lock up front, where the busy timeout applies.
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
    prepare(&conn, passphrase.filter(|_| kind == FileKind::Encrypted))?;
    // Damage is caught where it is read rather than written over.
    conn.pragma_update(None, "cell_size_check", "ON")?;
    if let Err(e) = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        let error = StoreError::from(e);
        return Err(match (kind, &error) {
            (FileKind::Encrypted, StoreError::Damaged { .. }) => StoreError::WrongPassphrase,
            _ => error,
        });
    }
    Ok(conn)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    ReadWrite,
    ReadOnly,
}

/// Errors that mean "this place cannot be written", after which reading may still work.
fn cannot_write(error: &StoreError) -> bool {
    matches!(
        error,
        StoreError::ReadOnly { .. } | StoreError::Disk { .. } | StoreError::Sqlite { .. }
    )
}

const FULL_NOTICE: &str =
    "The disk is full, so Lantern is only reading the diary until some space is freed.";

fn disk_full(error: &StoreError) -> StoreError {
    StoreError::DiskFull {
        detail: error.detail().unwrap_or_default().to_string(),
    }
}

/// Whether a write-ahead log with commits in it sits beside the diary.
fn has_log(path: &Path) -> bool {
    fs::metadata(sidecar(path, "-wal")).is_ok_and(|m| m.len() > 0)
}

/// What writing beside the diary is like.
enum Room {
    Writable,
    ReadOnly,
    Full,
}

/// Tries a small write beside the diary, to tell a read-only place from a full disk:
/// SQLite reports both as failing to open its write-ahead log.
fn probe_folder(path: &Path) -> Room {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let file = match tempfile::tempfile_in(dir) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::StorageFull => return Room::Full,
        Err(_) => return Room::ReadOnly,
    };
    let written = (&file)
        .write_all(&[0u8; 8192])
        .and_then(|_| file.sync_all());
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::StorageFull => Room::Full,
        Err(e) if e.kind() == std::io::ErrorKind::ReadOnlyFilesystem => Room::ReadOnly,
        _ => Room::Writable,
    }
}

impl Store {
    pub(crate) fn open_with(
        path: &Path,
        passphrase: Option<&str>,
        create: Create,
    ) -> Result<Store> {
        let kind = file_kind(path)?;
        let creating = matches!(kind, FileKind::Missing | FileKind::Empty);
        match (kind, create) {
            (FileKind::Missing, Create::No) => {
                return Err(StoreError::NoDiary {
                    path: path.to_path_buf(),
                })
            }
            (FileKind::Empty, Create::No) => {
                return Err(StoreError::EmptyFile {
                    path: path.to_path_buf(),
                })
            }
            (FileKind::NotADiary, _) => {
                return Err(StoreError::NotADiary {
                    path: path.to_path_buf(),
                })
            }
            _ => {}
        }
        let encrypted = match kind {
            FileKind::Encrypted => true,
            FileKind::Missing | FileKind::Empty => create == Create::Encrypted,
            _ => false,
        };
        if encrypted {
            match passphrase {
                None => return Err(StoreError::NeedsPassphrase),
                Some("") => return Err(StoreError::EmptyPassphrase),
                Some(_) => {}
            }
        }
        let mut notices = Vec::new();
        if creating {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                if !dir.exists() {
                    create_private_dir(dir)?;
                }
            }
            touch_private(path)?;
        } else if let Some(mode) = shared_mode(path) {
            // Tighten what an older Lantern or a copy left readable by others; if that
            // is not ours to change, the diary still opens and doctor says so.
            if set_private(path, false).is_ok() {
                notices.push(format!(
                    "Your diary could be read by others on this machine (mode {mode:o}); it is now readable by you only."
                ));
            }
        }
        let key = passphrase.filter(|_| encrypted);
        let effective = if encrypted { FileKind::Encrypted } else { kind };
        let (conn, read_only) = match connect(path, effective, key, Access::ReadWrite)
            .and_then(|conn| configure(&conn).map(|_| conn).map_err(StoreError::from))
        {
            Ok(conn) => {
                let read_only = conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false);
                (conn, read_only)
            }
            Err(e) if !creating && cannot_write(&e) => match probe_folder(path) {
                // Reading needs no room, as long as no unsaved log waits to be read.
                Room::Full if !has_log(path) => {
                    match connect(path, effective, key, Access::ReadOnly) {
                        Ok(conn) => {
                            notices.push(FULL_NOTICE.into());
                            (conn, true)
                        }
                        Err(_) => return Err(disk_full(&e)),
                    }
                }
                Room::Full => return Err(disk_full(&e)),
                Room::ReadOnly => match connect(path, effective, key, Access::ReadOnly) {
                    Ok(conn) => (conn, true),
                    Err(_) => return Err(e),
                },
                Room::Writable => return Err(e),
            },
            Err(e) => return Err(e),
        };
        if read_only && notices.last().is_none_or(|n| n != FULL_NOTICE) {
            notices.push(
                "The diary cannot be changed here (the file or its folder is read-only), so Lantern is only reading it."
                    .into(),
            );
        }
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            encrypted,
            read_only,
            notices,
        };
        store.migrate(!creating)?;
        if !read_only {
            for suffix in ["-wal", "-shm"] {
                let side = sidecar(path, suffix);
                if side.exists() {
                    set_private(&side, false)?;
                }
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
        if self.read_only {
            return Err(StoreError::ReadOnly {
                detail: format!("schema {version} needs updating to {}", migrations::LATEST),
            });
        }
        if existed && version > 0 {
            self.backup_before_migration(version)?;
        }
        if let Err(e) = migrations.to_latest(&mut self.conn) {
            // Another Lantern opening the same diary may have updated it first.
            let now: i64 = self
                .conn
                .pragma_query_value(None, "user_version", |r| r.get(0))?;
            if now != migrations::LATEST as i64 {
                return Err(e.into());
            }
        }
        Ok(())
    }

    /// A copy of the file as it was, beside it, before its schema changes. For an
    /// encrypted diary the copy is just as encrypted. One copy per version: a retry
    /// after a failed update keeps the first copy, which is the original.
    fn backup_before_migration(&self, version: usize) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        let name = format!(
            "{}.schema-v{version}.bak",
            self.path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "lantern.db".into())
        );
        let target = self.path.with_file_name(name);
        if target.exists() {
            return Ok(());
        }
        let dir = target.parent().unwrap_or(Path::new("."));
        let copied = tempfile::Builder::new()
            .prefix(".lantern-backup-")
            .tempfile_in(dir)
            .and_then(|mut partial| {
                let mut from = fs::File::open(&self.path)?;
                std::io::copy(&mut from, partial.as_file_mut())?;
                partial.as_file().sync_all()?;
                // Another Lantern updating the same diary at once may have kept its copy
                // first; one is enough.
                match partial.persist_noclobber(&target) {
                    Ok(_) => Ok(()),
                    Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
                    Err(e) => Err(e.error),
                }
            });
        if let Err(e) = copied {
            return Err(io_error(format!(
                "backing up the diary to {} before updating it",
                target.display()
            ))(e));
        }
        set_private(&target, false)
    }
}
