//! A damaged diary, read as well as it can be: SQLite's quick check, exports that skip
//! and count the rows they cannot read, and a repair that copies every readable row
//! into a fresh diary while the damaged file is kept as it was.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::types::{Value, ValueRef};
use rusqlite::{params_from_iter, Connection, OptionalExtension};

use crate::domain::checkin::CheckIn;
use crate::domain::entry::Entry;

use super::files::{file_kind, set_private};
use super::{io_error, sidecar, FileKind, Result, Store, StoreError};

/// What could be read, and how many rows could not.
#[derive(Debug, Clone, PartialEq)]
pub struct Salvaged<T> {
    pub items: Vec<T>,
    pub unreadable: usize,
}

/// The tables a repair copies, parents before children.
const TABLES: &[&str] = &[
    "entry",
    "entry_tag",
    "checkin",
    "draft",
    "plan_section",
    "plan_history",
    "practice",
    "supervision",
    "reflective_account",
    "cpd_activity",
    "practice_feedback",
    "reflective_discussion",
    "watch_word",
];

/// Reads a value, keeping text that is not valid UTF-8 as far as it goes.
fn owned(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Text(bytes) => Value::Text(String::from_utf8_lossy(bytes).into_owned()),
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::Integer(n),
        ValueRef::Real(x) => Value::Real(x),
        ValueRef::Blob(bytes) => Value::Blob(bytes.to_vec()),
    }
}

/// Row ids of `table`, as many as can be read: forwards, then backwards from the end
/// when a damaged page stops the forward scan.
fn rowids(conn: &Connection, table: &str) -> (Vec<i64>, bool) {
    let scan = |order: &str| -> (Vec<i64>, bool) {
        let mut ids = Vec::new();
        let Ok(mut stmt) =
            conn.prepare(&format!("SELECT rowid FROM {table} ORDER BY rowid {order}"))
        else {
            return (ids, false);
        };
        let Ok(mut rows) = stmt.query([]) else {
            return (ids, false);
        };
        loop {
            match rows.next() {
                Ok(Some(row)) => match row.get::<_, i64>(0) {
                    Ok(id) => ids.push(id),
                    Err(_) => return (ids, false),
                },
                Ok(None) => return (ids, true),
                Err(_) => return (ids, false),
            }
        }
    };
    let (mut ids, whole) = scan("ASC");
    if !whole {
        let (back, _) = scan("DESC");
        ids.extend(back);
        // A damaged table b-tree can hide every row from both scans; its indexes still
        // name the rows it had, so they are counted as unreadable rather than forgotten.
        ids.extend(indexed_rowids(conn, table));
        ids.sort_unstable();
        ids.dedup();
    }
    (ids, whole)
}

/// Row ids of `table` as its indexes hold them, as many as can be read.
fn indexed_rowids(conn: &Connection, table: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    let Ok(mut stmt) =
        conn.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1")
    else {
        return ids;
    };
    let names: Vec<String> = match stmt.query_map([table], |r| r.get(0)) {
        Ok(rows) => rows.filter_map(|r| r.ok()).collect(),
        Err(_) => return ids,
    };
    for index in names {
        let sql = format!("SELECT rowid FROM {table} INDEXED BY \"{index}\"");
        let Ok(mut stmt) = conn.prepare(&sql) else {
            continue;
        };
        let Ok(mut rows) = stmt.query([]) else {
            continue;
        };
        while let Ok(Some(row)) = rows.next() {
            if let Ok(id) = row.get::<_, i64>(0) {
                ids.push(id);
            }
        }
    }
    ids
}

fn columns(conn: &Connection, table: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
    let names = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}

/// One row of `table` by rowid, as named values, or None when it cannot be read.
fn read_row(conn: &Connection, table: &str, cols: &[String], rowid: i64) -> Option<Vec<Value>> {
    let sql = format!("SELECT {} FROM {table} WHERE rowid = ?1", cols.join(", "));
    conn.query_row(&sql, [rowid], |row| {
        (0..cols.len())
            .map(|i| row.get_ref(i).map(owned))
            .collect::<rusqlite::Result<Vec<_>>>()
    })
    .optional()
    .ok()
    .flatten()
}

impl Store {
    /// SQLite's quick check of the whole file: an empty list when all is well, else up
    /// to `limit` descriptions of damage (page numbers and the like, never diary text).
    pub fn quick_check(&self, limit: usize) -> Result<Vec<String>> {
        let mut stmt = self
            .conn()
            .prepare(&format!("PRAGMA quick_check({limit})"))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows.into_iter().filter(|r| r != "ok").collect())
    }

    /// Every entry in a period, oldest first, with tags: for export. A damaged diary is
    /// read row by row, and what cannot be read is counted instead of stopping.
    pub fn entries_between(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Result<Salvaged<Entry>> {
        let whole = self.entries_between_whole(since, until);
        self.or_salvaged(whole, "entry", since, until, Store::entry_lossy)
    }

    /// Check-ins in a period, oldest first: for export, read as `entries_between` is.
    pub fn checkins_between(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Result<Salvaged<CheckIn>> {
        let whole = self.checkins_between_whole(since, until);
        self.or_salvaged(whole, "checkin", since, until, Store::checkin_lossy)
    }

    /// Every entry in a period read row by row, for a diary already known damaged:
    /// there a whole read can end early, or give nothing, without an error.
    pub fn entries_salvaged(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Salvaged<Entry> {
        self.salvage_rows("entry", since, until, Store::entry_lossy)
    }

    /// Check-ins in a period read row by row, as `entries_salvaged` reads entries.
    pub fn checkins_salvaged(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Salvaged<CheckIn> {
        self.salvage_rows("checkin", since, until, Store::checkin_lossy)
    }

    /// What the whole read gave, or, where it met damage, the rows of `table` read one
    /// by one.
    fn or_salvaged<T>(
        &self,
        whole: Result<Vec<T>>,
        table: &str,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
        read: impl Fn(&Store, i64) -> Option<(String, T)>,
    ) -> Result<Salvaged<T>> {
        match whole {
            Ok(items) => Ok(Salvaged {
                items,
                unreadable: 0,
            }),
            Err(e) if e.is_damage() => Ok(self.salvage_rows(table, since, until, read)),
            Err(e) => Err(e),
        }
    }

    fn salvage_rows<T>(
        &self,
        table: &str,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
        read: impl Fn(&Store, i64) -> Option<(String, T)>,
    ) -> Salvaged<T> {
        let (ids, _) = rowids(self.conn(), table);
        let mut items = Vec::new();
        let mut unreadable = 0;
        for id in ids {
            match read(self, id) {
                Some((day, item)) => {
                    let in_period = since.is_none_or(|s| day.as_str() >= s.to_string().as_str())
                        && until.is_none_or(|u| day.as_str() <= u.to_string().as_str());
                    if in_period {
                        items.push(item);
                    }
                }
                None => unreadable += 1,
            }
        }
        Salvaged { items, unreadable }
    }

    /// One entry read with damaged text mended, with its local day; None if unreadable.
    fn entry_lossy(&self, id: i64) -> Option<(String, Entry)> {
        let cols = columns(self.conn(), "entry").ok()?;
        let values = read_row(self.conn(), "entry", &cols, id)?;
        let get = |name: &str| cols.iter().position(|c| c == name).map(|i| &values[i]);
        let text = |name: &str| match get(name) {
            Some(Value::Text(t)) => Some(t.clone()),
            _ => None,
        };
        let int = |name: &str| match get(name) {
            Some(Value::Integer(n)) => Some(*n),
            _ => None,
        };
        let offset = int("utc_offset").unwrap_or(0);
        let mut entry = Entry {
            id,
            uid: text("uid")?,
            template_id: text("template_id"),
            title: text("title").unwrap_or_default(),
            body: text("body").unwrap_or_default(),
            answers: text("answers_json")
                .and_then(|j| serde_json::from_str(&j).ok())
                .unwrap_or_default(),
            tags: Vec::new(),
            created: super::from_stored(&text("created_utc")?, offset),
            updated: super::from_stored(&text("updated_utc").unwrap_or_default(), offset),
        };
        entry.tags = self
            .conn()
            .prepare("SELECT tag FROM entry_tag WHERE entry_id = ?1 ORDER BY tag")
            .and_then(|mut stmt| {
                stmt.query_map([id], |r| r.get_ref(0).map(owned))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map(|tags| {
                tags.into_iter()
                    .filter_map(|t| match t {
                        Value::Text(t) => Some(t),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some((text("local_date").unwrap_or_default(), entry))
    }

    /// One check-in read with damaged text mended, with its local day.
    fn checkin_lossy(&self, id: i64) -> Option<(String, CheckIn)> {
        let cols = columns(self.conn(), "checkin").ok()?;
        let values = read_row(self.conn(), "checkin", &cols, id)?;
        let get = |name: &str| cols.iter().position(|c| c == name).map(|i| &values[i]);
        let text = |name: &str| match get(name) {
            Some(Value::Text(t)) => Some(t.clone()),
            _ => None,
        };
        let int = |name: &str| match get(name) {
            Some(Value::Integer(n)) => Some(*n),
            _ => None,
        };
        let list = |name: &str| {
            text(name)
                .and_then(|j| serde_json::from_str::<Vec<String>>(&j).ok())
                .unwrap_or_default()
        };
        let checkin = CheckIn {
            uid: text("uid")?,
            kind: crate::domain::checkin::CheckInKind::parse(&text("kind").unwrap_or_default())
                .unwrap_or(crate::domain::checkin::CheckInKind::Daily),
            at: super::from_stored(&text("at_utc")?, int("utc_offset").unwrap_or(0)),
            pleasantness: int("pleasantness")?,
            energy: int("energy")?,
            stress: int("stress")?,
            system: text("emotion_system"),
            words: list("emotion_words"),
            tags: list("stressor_tags"),
            note: text("note"),
            good_moment: text("good_moment"),
        };
        Some((text("local_date").unwrap_or_default(), checkin))
    }
}

/// How a repair went: rows saved and rows lost, table by table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Repaired {
    /// (table, saved, could not be read)
    pub tables: Vec<(String, usize, usize)>,
    /// Where the damaged diary now is, exactly as it was.
    pub damaged_copy: PathBuf,
}

impl Repaired {
    pub fn saved(&self, table: &str) -> usize {
        self.tables
            .iter()
            .find(|(t, ..)| t == table)
            .map_or(0, |(_, saved, _)| *saved)
    }

    pub fn lost(&self) -> usize {
        self.tables.iter().map(|(_, _, lost)| lost).sum()
    }
}

/// Copies a file and its write-ahead log (whose commits may not be in the file yet) to
/// `to`, so reading them changes nothing of the original.
fn copy_with_log(from: &Path, to: &Path) -> Result<()> {
    fs::copy(from, to).map_err(io_error(format!("copying {}", from.display())))?;
    set_private(to, false)?;
    let wal = sidecar(from, "-wal");
    if wal.exists() {
        let to_wal = sidecar(to, "-wal");
        fs::copy(&wal, &to_wal).map_err(io_error(format!("copying {}", wal.display())))?;
        set_private(&to_wal, false)?;
    }
    Ok(())
}

fn remove_with_sidecars(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = fs::remove_file(sidecar(path, suffix));
    }
}

/// Saves every readable row of the damaged diary at `path` into a fresh diary, which
/// takes its place. The damaged file (and its log) is renamed beside it, unchanged.
pub fn repair(path: &Path, passphrase: Option<&str>) -> Result<Repaired> {
    let kind = file_kind(path)?;
    match kind {
        FileKind::Missing => {
            return Err(StoreError::NoDiary {
                path: path.to_path_buf(),
            })
        }
        FileKind::Empty => {
            return Err(StoreError::EmptyFile {
                path: path.to_path_buf(),
            })
        }
        FileKind::NotADiary => {
            return Err(StoreError::NotADiary {
                path: path.to_path_buf(),
            })
        }
        FileKind::Plaintext | FileKind::Encrypted => {}
    }
    // The repaired diary takes the file's place: another Lantern with it open would go
    // on writing into the damaged copy.
    if super::open_elsewhere(path) {
        return Err(StoreError::InUse);
    }
    let encrypted = kind == FileKind::Encrypted;
    let key = passphrase.filter(|_| encrypted);
    if encrypted && key.is_none() {
        return Err(StoreError::NeedsPassphrase);
    }
    let source_path = sidecar(path, ".repair-source");
    let target_path = sidecar(path, ".repairing");
    remove_with_sidecars(&source_path);
    remove_with_sidecars(&target_path);
    let result = (|| -> Result<Repaired> {
        copy_with_log(path, &source_path)?;
        let source = Connection::open(&source_path)?;
        source.busy_timeout(super::BUSY_TIMEOUT)?;
        super::open::prepare(&source, key)?;
        // A damaged schema row (a trigger, an index) is skipped rather than stopping
        // every read; the fresh diary has the whole schema of its own.
        source.pragma_update(None, "writable_schema", "ON")?;
        source
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .map_err(|e| match StoreError::from(e) {
                StoreError::Damaged { .. } if encrypted => StoreError::WrongPassphrase,
                other => other,
            })?;
        let target = match key {
            Some(key) => Store::create_encrypted(&target_path, key)?,
            None => Store::open_or_create(&target_path, None)?,
        };
        // Rows whose parent entry was lost are still worth keeping as far as the
        // schema allows; the copy checks keys only where the schema insists.
        target.conn().pragma_update(None, "foreign_keys", "OFF")?;
        let mut report = Repaired::default();
        for table in TABLES {
            let (saved, lost) = copy_table(&source, target.conn(), table)?;
            report.tables.push(((*table).to_string(), saved, lost));
        }
        target
            .conn()
            .execute("INSERT INTO entry_fts (entry_fts) VALUES ('rebuild')", [])?;
        let problems = target.quick_check(1)?;
        if !problems.is_empty() {
            return Err(StoreError::Damaged {
                detail: problems.join("; "),
            });
        }
        target
            .conn()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        drop(target);
        drop(source);
        Ok(report)
    })();
    remove_with_sidecars(&source_path);
    let mut report = match result {
        Ok(report) => report,
        Err(e) => {
            remove_with_sidecars(&target_path);
            return Err(e);
        }
    };
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let damaged = sidecar(path, &format!(".damaged-{stamp}"));
    for suffix in ["", "-wal", "-shm"] {
        let from = sidecar(path, suffix);
        if from.exists() {
            fs::rename(&from, sidecar(&damaged, suffix))
                .map_err(io_error(format!("setting aside {}", from.display())))?;
        }
    }
    fs::rename(&target_path, path).map_err(io_error(format!("replacing {}", path.display())))?;
    let _ = fs::remove_file(sidecar(&target_path, "-wal"));
    let _ = fs::remove_file(sidecar(&target_path, "-shm"));
    report.damaged_copy = damaged;
    Ok(report)
}

/// Copies `table` row by row; returns (saved, could not be read).
fn copy_table(source: &Connection, target: &Connection, table: &str) -> Result<(usize, usize)> {
    let wanted = columns(target, table)?;
    let have = columns(source, table).unwrap_or_default();
    let cols: Vec<String> = wanted.into_iter().filter(|c| have.contains(c)).collect();
    if cols.is_empty() {
        return Ok((0, 0));
    }
    let (ids, _) = rowids(source, table);
    let placeholders = vec!["?"; cols.len()].join(", ");
    let mut insert = target.prepare(&format!(
        "INSERT OR IGNORE INTO {table} ({}) VALUES ({placeholders})",
        cols.join(", ")
    ))?;
    let (mut saved, mut lost) = (0, 0);
    for id in ids {
        match read_row(source, table, &cols, id) {
            Some(values) => match insert.execute(params_from_iter(values.iter())) {
                Ok(_) => saved += 1,
                Err(e) => {
                    let error = StoreError::from(e);
                    if matches!(error, StoreError::DiskFull { .. } | StoreError::Disk { .. }) {
                        return Err(error);
                    }
                    lost += 1;
                }
            },
            None => lost += 1,
        }
    }
    Ok((saved, lost))
}
