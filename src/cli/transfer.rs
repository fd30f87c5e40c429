//! Export, import and backup.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context as _, Result};
use chrono::{Local, NaiveDate};

use crate::domain::transfer::{self, Export};
use crate::store::set_private;

use super::{Context, ExportFormat};

/// Writes `text` to a new owner-only file (or replaces it with `force`). The words go
/// to a temporary file beside it first, which takes the name only once it is whole on
/// disk: a full disk or a crash never leaves half a file under the name.
pub(crate) fn write_private(path: &Path, text: &str, force: bool) -> Result<()> {
    write_private_with(path, force, |file| file.write_all(text.as_bytes()))
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
pub(crate) fn write_private_with(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> std::io::Result<()>,
) -> Result<()> {
    // A diary (this one, its backup, any other) is never replaced by an export: with
    // --force that would lose everything the export does not hold, and write an
    // encrypted diary's words out in the clear.
    if matches!(
        crate::store::file_kind(path),
        Ok(crate::store::FileKind::Plaintext | crate::store::FileKind::Encrypted)
    ) || is_diary_sidecar(path)
    {
        bail!(
            "{} is a Lantern diary (or part of one), so it was left as it is; choose another name",
            path.display()
        );
    }
    if path.exists() && !force {
        bail!(
            "{} already exists; choose another name, or add --force to replace it",
            path.display()
        );
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
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
    let written = (|| {
        let mut out = std::io::BufWriter::new(temp.as_file());
        fill(&mut out)?;
        out.flush()?;
        drop(out);
        temp.as_file().sync_all()
    })();
    if let Err(e) = written {
        // Dropping `temp` removes the partial file.
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

pub fn export(
    ctx: &Context,
    format: ExportFormat,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    output: Option<std::path::PathBuf>,
    force: bool,
) -> Result<i32> {
    let store = ctx.open_store()?;
    let entries = store.entries_between(since, until)?;
    let checkins = store.checkins_between(since, until)?;
    let unreadable = entries.unreadable + checkins.unreadable;
    let (entries, checkins) = (entries.items, checkins.items);
    let text = match format {
        ExportFormat::Json => {
            let export = Export {
                format: transfer::FORMAT_NAME.into(),
                version: transfer::FORMAT_VERSION,
                exported: Local::now().fixed_offset(),
                entries,
                checkins,
            };
            let mut json = serde_json::to_string_pretty(&export).context("writing the export")?;
            json.push('\n');
            json
        }
        ExportFormat::Markdown => transfer::markdown(&entries, &checkins),
    };
    match output {
        Some(path) => {
            write_private(&path, &text, force)?;
            eprintln!("Exported to {} (readable by you only).", path.display());
        }
        None => {
            // A closed pipe (`| head`) ends quietly in main; a full disk under
            // `> file` is an error worth a message.
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush())
                .context("writing the export")?;
        }
    }
    if unreadable > 0 {
        eprintln!(
            "lantern: {unreadable} of the diary's records could not be read (the diary is damaged) and are not in the export; everything else is. `lantern doctor` says more, and `lantern repair` saves what can be read."
        );
    }
    Ok(0)
}

pub fn import(ctx: &Context, file: &Path) -> Result<i32> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let content = ctx.content();
    let checked =
        transfer::read_import(&text, &content).with_context(|| format!("{}", file.display()))?;
    let batch = &checked.batch;
    let mut store = ctx.open_store()?;
    let done = store.import(batch)?;
    let present = done.entries_present + done.checkins_present;
    outln!(
        "Imported {} entr{} and {} check-in{} from {} ({}).",
        done.entries_added,
        if done.entries_added == 1 { "y" } else { "ies" },
        done.checkins_added,
        if done.checkins_added == 1 { "" } else { "s" },
        batch.format,
        if present == 0 {
            "nothing was here already".to_string()
        } else {
            format!("{present} already here, left as they were")
        }
    );
    report_skipped(file, &checked.skipped)?;
    Ok(0)
}

/// Names each record an import left out, and why; a long list is cut short.
fn report_skipped(file: &Path, skipped: &[transfer::Skipped]) -> Result<()> {
    const SHOWN: usize = 20;
    if skipped.is_empty() {
        return Ok(());
    }
    outln!(
        "Left out {} record{} that Lantern would not accept as typed; the file is unchanged, so you can fix {} and import again:",
        skipped.len(),
        if skipped.len() == 1 { "" } else { "s" },
        if skipped.len() == 1 { "it" } else { "them" },
    );
    for s in skipped.iter().take(SHOWN) {
        outln!("  {}: {} ({})", s.place, s.reason, file.display());
    }
    if skipped.len() > SHOWN {
        outln!("  … and {} more.", skipped.len() - SHOWN);
    }
    Ok(())
}

pub fn backup(ctx: &Context, path: &Path) -> Result<i32> {
    let store = ctx.open_store()?;
    let target = if path.is_dir() {
        path.join(format!(
            "lantern-{}.db",
            Local::now().format("%Y%m%d-%H%M%S")
        ))
    } else {
        path.to_path_buf()
    };
    let passphrase = if store.is_encrypted() {
        Some(super::passphrase_from_user(
            "Passphrase (again, for the copy): ",
        )?)
    } else {
        None
    };
    store.backup_to(&target, passphrase.as_deref().map(String::as_str))?;
    outln!(
        "Backed up to {}{}.",
        target.display(),
        if store.is_encrypted() {
            " (encrypted, same passphrase)"
        } else {
            ""
        }
    );
    Ok(0)
}
