//! Owner-only files written whole: exports, plans and supervision preparations leave
//! the diary through here, from either front end. A diary is never written over, and a
//! half-written file never takes the name. Errors say what happened; advice about the
//! command line's flags is added by the command line.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use crate::store::set_private;

/// The file is there already and was not replaced.
#[derive(Debug)]
pub struct AlreadyExists(pub PathBuf);

impl std::fmt::Display for AlreadyExists {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} already exists; choose another name",
            self.0.display()
        )
    }
}

impl std::error::Error for AlreadyExists {}

/// Writes `text` to a new owner-only file (or replaces it with `force`). The words go
/// to a temporary file beside it first, which takes the name only once it is whole on
/// disk: a full disk or a crash never leaves half a file under the name.
pub fn write_private(path: &Path, text: &str, force: bool) -> Result<()> {
    write_private_with(path, force, |file| file.write_all(text.as_bytes()))
}

/// Files an export must never replace besides diaries: the settings file, named once
/// at start by the front end that knows where it is.
static PROTECTED: std::sync::OnceLock<Vec<PathBuf>> = std::sync::OnceLock::new();

/// Names the files (such as config.toml) that `write_private` leaves alone.
pub fn protect(paths: Vec<PathBuf>) {
    let _ = PROTECTED.set(paths);
}

fn is_protected(path: &Path) -> bool {
    let Ok(target) = path.canonicalize() else {
        return false;
    };
    PROTECTED.get().is_some_and(|p| {
        p.iter()
            .any(|p| p.canonicalize().is_ok_and(|p| p == target))
    })
}

/// A zip (a Word document Lantern wrote, say) begins like this; its packed bytes look
/// as random as an encrypted diary's, so it is told apart by this first.
fn is_zip(path: &Path) -> bool {
    let mut head = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| head == *b"PK\x03\x04")
}

/// The write-ahead log or index of a diary beside it.
fn is_diary_sidecar(path: &Path) -> bool {
    let name = path.to_string_lossy();
    ["-wal", "-shm", "-journal"].iter().any(|suffix| {
        name.strip_suffix(suffix).is_some_and(|main| {
            matches!(
                crate::store::file_kind(Path::new(main)),
                Ok(crate::store::FileKind::Plaintext | crate::store::FileKind::Encrypted)
            )
        })
    })
}

/// As `write_private`, with the contents written by `fill`.
pub fn write_private_with(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> std::io::Result<()>,
) -> Result<()> {
    // A diary (this one, its backup, any other) is never replaced by an export: with
    // --force that would lose everything the export does not hold, and write an
    // encrypted diary's words out in the clear.
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => bail!(
            "{} is a folder; give the name of a file to write, inside it or elsewhere",
            path.display()
        ),
        // A device or a pipe (/dev/null, say) would be replaced by an ordinary file.
        Ok(m) if !m.is_file() && !m.file_type().is_symlink() => bail!(
            "{} is not an ordinary file, so it was left as it is; choose a file name",
            path.display()
        ),
        _ => {}
    }
    if is_protected(path) {
        bail!(
            "{} is Lantern's settings file, so it was left as it is; choose another name",
            path.display()
        );
    }
    if (matches!(
        crate::store::file_kind(path),
        Ok(crate::store::FileKind::Plaintext | crate::store::FileKind::Encrypted)
    ) && !is_zip(path))
        || is_diary_sidecar(path)
    {
        bail!(
            "{} is a Lantern diary (or part of one), so it was left as it is; choose another name",
            path.display()
        );
    }
    if path.exists() && !force {
        return Err(AlreadyExists(path.to_path_buf()).into());
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if dir.is_file() {
        bail!(
            "{} is a file, not a folder; choose another place",
            dir.display()
        );
    }
    if !dir.is_dir() {
        bail!(
            "there is no folder {}; make it first, or choose another place",
            dir.display()
        );
    }
    // tempfile creates the file owner-only (0600).
    let temp = tempfile::Builder::new()
        .prefix(".lantern-")
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(|e| {
            anyhow::anyhow!(
                "could not create a file in {}: {}",
                dir.display(),
                plain_io(&e)
            )
        })?;
    // Taken away by a Ctrl-C or TERM as well as by `temp`'s drop: the file holds
    // diary text in the clear.
    let _tracked = crate::store::Partial::track(temp.path());
    let written = (|| {
        let mut out = std::io::BufWriter::new(temp.as_file());
        fill(&mut out)?;
        out.flush()?;
        drop(out);
        temp.as_file().sync_all()
    })();
    if let Err(e) = written {
        // Dropping `temp` removes the partial file (before it leaves the list).
        drop(temp);
        return Err(anyhow::Error::new(e).context(format!(
            "writing {} (nothing was left under that name)",
            path.display()
        )));
    }
    let persisted = if force {
        temp.persist(path).map(|_| ())
    } else {
        temp.persist_noclobber(path).map(|_| ())
    };
    persisted
        .map_err(|e| anyhow::Error::new(e.error).context(format!("saving {}", path.display())))?;
    set_private(path, false)?;
    Ok(())
}

/// An I/O error in a person's words, without the path the library appends.
fn plain_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::PermissionDenied => "you do not have permission to write there".into(),
        std::io::ErrorKind::StorageFull => "the disk is full".into(),
        std::io::ErrorKind::ReadOnlyFilesystem => "that place is read-only".into(),
        std::io::ErrorKind::NotFound => "that folder does not exist".into(),
        _ => {
            let text = error.to_string();
            text.split(" at path ").next().unwrap_or(&text).to_string()
        }
    }
}
