//! A small disk that fills up: a tmpfs mounted for one test and gone with it.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::text;

/// Mounts a small disk as `$disk`, or skips the test (with a printed reason) where
/// mounting is refused.
macro_rules! require_full_disk {
    ($disk:ident, $kilobytes:expr) => {
        let Some($disk) = $crate::support::disk::SmallDisk::mount($kilobytes) else {
            return;
        };
    };
}
// A path for the macro (`use support::…::require_full_disk`); not every binary takes it.
#[allow(unused_imports)]
pub(crate) use require_full_disk;

/// A tmpfs of a few hundred kilobytes, mounted for one test and gone with it. Mounting
/// needs root (as in CI); elsewhere `SmallDisk::mount` says why and returns None.
pub struct SmallDisk {
    pub path: PathBuf,
    /// The folder it is mounted in, when it is one of its own.
    folder: Option<tempfile::TempDir>,
}

impl SmallDisk {
    /// A disk of its own, readable by its owner only.
    pub fn mount(kilobytes: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("disk");
        let options = format!("size={kilobytes}k,mode=0700");
        let mut disk = SmallDisk::mount_with(&path, &options)?;
        disk.folder = Some(dir);
        Some(disk)
    }

    /// A disk mounted on `path` (a diary's own folder, say), which is made if need be.
    pub fn mount_on(path: &Path, kilobytes: u32) -> Option<SmallDisk> {
        SmallDisk::mount_with(path, &format!("size={kilobytes}k"))
    }

    fn mount_with(path: &Path, options: &str) -> Option<SmallDisk> {
        fs::create_dir_all(path).expect("a mount point");
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options])
            .arg("tmpfs")
            .arg(path)
            .output();
        match mounted {
            Ok(out) if out.status.success() => Some(SmallDisk {
                path: path.to_path_buf(),
                folder: None,
            }),
            Ok(out) => {
                eprintln!(
                    "skipping the full-disk part: mount refused ({})",
                    text(&out.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("skipping the full-disk part: no mount command ({e})");
                None
            }
        }
    }

    /// Fills the disk to the last byte with a file called `filler`.
    pub fn fill(&self) {
        let filler = self.path.join("filler");
        let mut file = fs::File::create(&filler).expect("the filler file");
        let block = vec![0u8; 4096];
        while file.write_all(&block).is_ok() {}
        let _ = file.write_all(&[0u8; 1]);
        let _ = file.sync_all();
    }

    /// Frees the space `fill` took.
    pub fn free(&self) {
        let _ = fs::remove_file(self.path.join("filler"));
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}
