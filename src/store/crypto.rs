//! Encrypting an existing diary, and making a plaintext copy of an encrypted one, with
//! SQLCipher's `sqlcipher_export`. Both keep the schema version.

use std::fs;
use std::path::Path;

use rusqlite::params;

use super::{io_error, set_private, sidecar, touch_private, Result, Store, StoreError};

fn export_to(store: &Store, target: &Path, key: &str) -> Result<()> {
    let version = store.schema_version()?;
    let conn = store.conn();
    conn.execute(
        "ATTACH DATABASE ?1 AS lantern_export KEY ?2",
        params![target.to_string_lossy(), key],
    )?;
    let result = (|| -> rusqlite::Result<()> {
        conn.query_row("SELECT sqlcipher_export('lantern_export')", [], |_| Ok(()))?;
        conn.execute_batch(&format!("PRAGMA lantern_export.user_version = {version}"))?;
        Ok(())
    })();
    conn.execute("DETACH DATABASE lantern_export", [])?;
    result?;
    Ok(())
}

/// Encrypts the plaintext diary at `path` with `passphrase`, replacing the file.
/// Returns the reopened, encrypted store.
pub fn encrypt_in_place(path: &Path, passphrase: &str) -> Result<Store> {
    // The file is replaced: another Lantern with it open would go on writing to the
    // old one, which is gone.
    if super::open_elsewhere(path) {
        return Err(StoreError::InUse);
    }
    let store = Store::open(path, None)?;
    if store.is_encrypted() {
        return Err(StoreError::Io {
            action: "encrypting".into(),
            cause: std::io::Error::other(
                "this diary is already encrypted; use `lantern passphrase` to change it",
            ),
        });
    }
    store
        .conn()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let temp = sidecar(path, ".encrypting");
    if temp.exists() {
        fs::remove_file(&temp).map_err(io_error(format!("removing {}", temp.display())))?;
    }
    touch_private(&temp)?;
    if let Err(e) = export_to(&store, &temp, passphrase) {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    drop(store);
    // Replace the plaintext file only once the encrypted copy is whole on disk.
    fs::File::open(&temp)
        .and_then(|f| f.sync_all())
        .map_err(io_error(format!("writing {}", temp.display())))?;
    for suffix in ["-wal", "-shm"] {
        let side = sidecar(path, suffix);
        if side.exists() {
            fs::remove_file(&side).map_err(io_error(format!("removing {}", side.display())))?;
        }
    }
    fs::rename(&temp, path).map_err(io_error(format!("replacing {}", path.display())))?;
    set_private(path, false)?;
    Store::open(path, Some(passphrase))
}

/// Writes a plaintext copy of `store` to `out`, which must not exist yet.
pub fn decrypt_copy(store: &Store, out: &Path) -> Result<()> {
    if out.exists() {
        return Err(StoreError::Exists {
            path: out.to_path_buf(),
        });
    }
    touch_private(out)?;
    if let Err(e) = export_to(store, out, "") {
        let _ = fs::remove_file(out);
        return Err(e);
    }
    set_private(out, false)
}
