//! Owner-only files and folders, and telling what kind of file sits at the diary's path.

use std::fs::{self, OpenOptions};
use std::io::Read;
use std::path::Path;

use super::{io_error, Result};

/// What is at the diary's path, told from its size and first bytes alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Missing,
    /// A file of 0 bytes: nothing to open, and nothing to lose.
    Empty,
    /// An SQLite database without encryption.
    Plaintext,
    /// What SQLCipher writes: whole pages of what looks like random bytes.
    Encrypted,
    /// Neither: a text file, a truncated encrypted file, something else.
    NotADiary,
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// SQLCipher's smallest page; an encrypted file is always whole pages.
const MIN_PAGE: u64 = 512;

/// Tells apart a missing, empty, plaintext, encrypted or foreign file.
pub fn file_kind(path: &Path) -> Result<FileKind> {
    let mut file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileKind::Missing),
        Err(e) => return Err(io_error(format!("reading {}", path.display()))(e)),
    };
    let size = file
        .metadata()
        .map_err(io_error(format!("reading {}", path.display())))?
        .len();
    if size == 0 {
        return Ok(FileKind::Empty);
    }
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(io_error(format!("reading {}", path.display()))(e)),
        }
    }
    let header = &header[..read];
    if header == &SQLITE_HEADER[..read] {
        return Ok(FileKind::Plaintext);
    }
    // SQLCipher starts a file with a random salt. Sixteen printable bytes in a row
    // happen by chance about once in ten million files; text files always have them.
    let looks_random = header
        .iter()
        .any(|b| !(b.is_ascii_graphic() || b.is_ascii_whitespace()));
    if looks_random && read == 16 && size >= MIN_PAGE {
        Ok(FileKind::Encrypted)
    } else {
        Ok(FileKind::NotADiary)
    }
}

/// Whether the file at `path` is an encrypted diary.
pub fn is_encrypted(path: &Path) -> Result<bool> {
    Ok(file_kind(path)? == FileKind::Encrypted)
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

/// The permission bits others have on `path` (group and world), if any.
pub fn shared_mode(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).ok()?.permissions().mode() & 0o777;
        (mode & 0o077 != 0).then_some(mode)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Whether another process has the diary open. Every SQLite connection in WAL mode
/// holds a shared lock on one byte of the `-shm` file (byte 128, SQLite's "dead man
/// switch") for as long as it is open; asking whether a write lock there would be
/// granted tells, without taking any lock. Call it before this process opens the
/// diary itself: closing the file here drops every lock this process holds on it.
pub fn open_elsewhere(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        let shm = super::sidecar(path, "-shm");
        let Ok(file) = OpenOptions::new().read(true).write(true).open(&shm) else {
            return false;
        };
        // SAFETY: flock is plain data, all-zero is a valid value, and fcntl(F_GETLK)
        // only reads and writes the struct it is given.
        let mut lock: libc::flock = unsafe { std::mem::zeroed() };
        lock.l_type = libc::F_WRLCK as _;
        lock.l_whence = libc::SEEK_SET as _;
        lock.l_start = 128;
        lock.l_len = 1;
        let asked = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_GETLK, &mut lock) };
        asked == 0 && i32::from(lock.l_type) != libc::F_UNLCK
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Creates an empty owner-only file, so SQLite never creates it with looser modes.
pub(crate) fn touch_private(path: &Path) -> Result<()> {
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

/// Half-written files that a stop (Ctrl-C, a TERM) should take away with it: each is
/// listed while it is written, and `remove_partials` deletes whatever is listed.
static PARTIALS: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

fn partials() -> std::sync::MutexGuard<'static, Vec<std::path::PathBuf>> {
    // A panic elsewhere while the list was held leaves it as it was: still usable.
    PARTIALS.lock().unwrap_or_else(|e| e.into_inner())
}

/// A half-written file, listed for `remove_partials` until this is dropped.
pub struct Partial(std::path::PathBuf);

impl Partial {
    pub fn track(path: &Path) -> Partial {
        partials().push(path.to_path_buf());
        Partial(path.to_path_buf())
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        let mut list = partials();
        if let Some(at) = list.iter().position(|p| *p == self.0) {
            list.swap_remove(at);
        }
    }
}

/// Deletes every half-written file listed now; for a stop, just before the end. The
/// list stays held, so none is begun or finished meanwhile.
pub fn remove_partials() {
    let list = partials();
    for path in list.iter() {
        let _ = fs::remove_file(path);
    }
    std::mem::forget(list);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(bytes: &[u8]) -> FileKind {
        let dir = tempfile::tempdir().expect("a folder"); // ok: test
        let path = dir.path().join("f");
        fs::write(&path, bytes).expect("written"); // ok: test
        file_kind(&path).expect("readable") // ok: test
    }

    #[test]
    fn files_are_told_apart_by_size_and_header() {
        assert_eq!(kind_of(b""), FileKind::Empty);
        let mut plain = SQLITE_HEADER.to_vec();
        plain.resize(4096, 0);
        assert_eq!(kind_of(&plain), FileKind::Plaintext);
        let random: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert_eq!(kind_of(&random), FileKind::Encrypted);
        assert_eq!(kind_of(&random[..300]), FileKind::NotADiary);
        let text = "{\"entries\": []}\n".repeat(100);
        assert_eq!(kind_of(text.as_bytes()), FileKind::NotADiary);
    }
}
