//! Keeping an encrypted diary's derived key for a while, the way `sudo` and
//! `ssh-agent` keep a credential: in the kernel's session keyring, with a kernel
//! timeout, so it is never written to disk, never put in the environment, and gone
//! when the time is up, at `lantern lock`, or when the login session ends.
//!
//! Each diary has its own entry, named by a hash of its canonical path, so two diaries
//! never share a key. The entry holds when it runs out, then the key and its salt.
//! Only processes that possess it (those of this login session) can read it.

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use linux_keyutils::{
    Key, KeyError, KeyPermissionsBuilder, KeyRing, KeyRingIdentifier, Permission,
};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::store::RawKey;

/// The longest a key may be kept: a working day, so it never outlives the evening.
pub const LONGEST: Duration = Duration::from_secs(12 * 60 * 60);

/// When the entry runs out (seconds since 1970, little-endian), then the key.
const UNTIL_BYTES: usize = 8;
const PAYLOAD_BYTES: usize = UNTIL_BYTES + RawKey::LEN;

/// A key kept for a diary.
#[derive(Debug)]
pub struct Kept {
    pub key: RawKey,
    /// When the kernel forgets it.
    pub until: SystemTime,
}

/// The kernel would not keep or give back a key here (the keyring is switched off, or
/// the system calls are refused, as in some containers). Never holds key bytes.
#[derive(Debug)]
pub struct Unavailable(String);

impl std::fmt::Display for Unavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the kernel's keyring is not available here ({})", self.0)
    }
}

impl std::error::Error for Unavailable {}

fn unavailable(error: KeyError) -> Unavailable {
    Unavailable(format!("{error:?}"))
}

/// The entry's name for the diary at `db`: a hash of its canonical path, so the same
/// diary reached by another path finds it, and the path itself is not on show in
/// `/proc/keys`.
fn description(db: &Path) -> String {
    let canonical = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
    let hash = Sha256::digest(canonical.as_os_str().as_encoded_bytes());
    let hex: String = hash.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("lantern:diary:{hex}")
}

fn session_ring() -> Result<KeyRing, Unavailable> {
    KeyRing::from_special_id(KeyRingIdentifier::Session, false).map_err(unavailable)
}

/// The entry for `db`, if the ring holds a live one.
fn entry(ring: &KeyRing, db: &Path) -> Result<Option<Key>, Unavailable> {
    match ring.search(&description(db)) {
        Ok(key) => Ok(Some(key)),
        Err(
            KeyError::KeyDoesNotExist
            | KeyError::KeyExpired
            | KeyError::KeyRevoked
            | KeyError::MissingFileOrDirectory,
        ) => Ok(None),
        Err(e) => Err(unavailable(e)),
    }
}

fn seconds_since_epoch(at: SystemTime) -> u64 {
    at.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Keeps `key` for the diary at `db` for `time` (at most [`LONGEST`]), in place of any
/// key kept for it before. Returns when it will be forgotten.
pub fn keep(db: &Path, key: &RawKey, time: Duration) -> Result<SystemTime, Unavailable> {
    let time = time.clamp(Duration::from_secs(1), LONGEST);
    let ring = session_ring()?;
    forget_in(&ring, db)?;
    let until = SystemTime::now() + time;
    let mut payload = Zeroizing::new([0u8; PAYLOAD_BYTES]);
    payload[..UNTIL_BYTES].copy_from_slice(&seconds_since_epoch(until).to_le_bytes());
    payload[UNTIL_BYTES..].copy_from_slice(key.as_bytes());
    let kept = ring
        .add_key(&description(db), &payload[..])
        .map_err(unavailable)?;
    // A key without its time limit is never left behind.
    let limited = kept
        .set_timeout(usize::try_from(time.as_secs()).unwrap_or(1))
        .and_then(|()| {
            kept.set_perms(
                KeyPermissionsBuilder::builder()
                    .posessor(Permission::ALL)
                    .user(Permission::VIEW)
                    .build(),
            )
        });
    if let Err(e) = limited {
        let _ = kept.invalidate();
        return Err(unavailable(e));
    }
    Ok(until)
}

/// The key kept for the diary at `db`, if one is, and the keyring can be read.
pub fn find(db: &Path) -> Option<Kept> {
    let ring = session_ring().ok()?;
    let key = entry(&ring, db).ok()??;
    let mut payload = Zeroizing::new([0u8; PAYLOAD_BYTES]);
    let len = key.read(&mut *payload).ok()?;
    if len != PAYLOAD_BYTES {
        // Not one Lantern wrote: it is not trusted, and not left in the way.
        let _ = key.invalidate();
        return None;
    }
    let mut until = [0u8; UNTIL_BYTES];
    until.copy_from_slice(&payload[..UNTIL_BYTES]);
    let until = UNIX_EPOCH + Duration::from_secs(u64::from_le_bytes(until));
    Some(Kept {
        key: RawKey::from_bytes(&payload[UNTIL_BYTES..])?,
        until,
    })
}

fn forget_in(ring: &KeyRing, db: &Path) -> Result<bool, Unavailable> {
    match entry(ring, db)? {
        Some(key) => {
            key.invalidate().map_err(unavailable)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Forgets the key kept for the diary at `db`; says whether one was kept.
pub fn forget(db: &Path) -> Result<bool, Unavailable> {
    forget_in(&session_ring()?, db)
}
