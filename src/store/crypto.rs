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

/// SQLCipher 4's key derivation, as Lantern leaves it (no `kdf_iter` or other cipher
/// setting is ever changed): PBKDF2-HMAC-SHA512, 256,000 rounds, a 32-byte key.
const KDF_ROUNDS: i32 = 256_000;
const KEY_BYTES: usize = 32;
/// SQLCipher keeps the salt in the first 16 bytes of the file.
const SALT_BYTES: usize = 16;

/// A diary's key as SQLCipher derives it from the passphrase, with the salt it was
/// derived for. Opening with it skips the derivation, which is most of the cost of
/// opening an encrypted diary. Wiped from memory when dropped.
pub struct RawKey {
    bytes: zeroize::Zeroizing<[u8; KEY_BYTES + SALT_BYTES]>,
}

impl RawKey {
    /// How many bytes [`RawKey::as_bytes`] gives and [`RawKey::from_bytes`] takes.
    pub const LEN: usize = KEY_BYTES + SALT_BYTES;

    /// Derives the key for the encrypted diary at `path` from `passphrase`, exactly as
    /// SQLCipher would. Whether it opens the diary is for the caller to try: a wrong
    /// passphrase derives a key just the same.
    pub fn derive(path: &Path, passphrase: &str) -> Result<RawKey> {
        let salt = read_salt(path)?;
        let mut bytes = zeroize::Zeroizing::new([0u8; Self::LEN]);
        let (key, rest) = bytes.split_at_mut(KEY_BYTES);
        rest.copy_from_slice(&salt);
        pbkdf2_sha512(passphrase.as_bytes(), &salt, key)?;
        Ok(RawKey { bytes })
    }

    /// The key and salt, for keeping them somewhere that is not the disk.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..]
    }

    /// A key kept by [`RawKey::as_bytes`]; None when it is not one.
    pub fn from_bytes(kept: &[u8]) -> Option<RawKey> {
        let mut bytes = zeroize::Zeroizing::new([0u8; Self::LEN]);
        if kept.len() != Self::LEN {
            return None;
        }
        bytes.copy_from_slice(kept);
        Some(RawKey { bytes })
    }

    /// What SQLCipher takes as a key that needs no derivation: `x'` and the key and
    /// salt in hex, then `'`. It goes wherever a passphrase goes.
    pub fn as_key_text(&self) -> zeroize::Zeroizing<String> {
        use std::fmt::Write;
        let mut text = zeroize::Zeroizing::new(String::with_capacity(Self::LEN * 2 + 3));
        text.push_str("x'");
        for byte in self.bytes.iter() {
            let _ = write!(text, "{byte:02x}");
        }
        text.push('\'');
        text
    }
}

impl std::fmt::Debug for RawKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RawKey(..)")
    }
}

fn read_salt(path: &Path) -> Result<[u8; SALT_BYTES]> {
    use std::io::Read;
    let mut salt = [0u8; SALT_BYTES];
    fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut salt))
        .map_err(io_error(format!("reading {}", path.display())))?;
    Ok(salt)
}

/// The PBKDF2 of the OpenSSL SQLCipher is built with, so the key is the one SQLCipher
/// would derive, byte for byte, and costs the same.
fn pbkdf2_sha512(passphrase: &[u8], salt: &[u8], out: &mut [u8]) -> Result<()> {
    let failed = || StoreError::Io {
        action: "deriving the diary's key".into(),
        cause: std::io::Error::other("the key derivation failed"),
    };
    let pass_len = i32::try_from(passphrase.len()).map_err(|_| failed())?;
    // SAFETY: every pointer is to a live slice of the length passed beside it; the
    // digest is OpenSSL's own static table. OpenSSL only reads the inputs and writes
    // `out.len()` bytes into `out`.
    let done = unsafe {
        openssl_sys::PKCS5_PBKDF2_HMAC(
            passphrase.as_ptr().cast(),
            pass_len,
            salt.as_ptr(),
            salt.len() as i32,
            KDF_ROUNDS,
            openssl_sys::EVP_sha512(),
            out.len() as i32,
            out.as_mut_ptr(),
        )
    };
    if done == 1 {
        Ok(())
    } else {
        Err(failed())
    }
}
