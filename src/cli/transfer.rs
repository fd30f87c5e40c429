//! Export, import and backup.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result};
use chrono::{Local, NaiveDate};

use crate::domain::transfer::{self, Export};
use crate::host::files::AlreadyExists;

use super::args::ExportFormat;
use super::context::Context;

/// `host::files::write_private`, naming the flag that replaces a file when one is in
/// the way.
pub fn write_private(path: &Path, text: &str, force: bool) -> Result<()> {
    crate::host::files::write_private(path, text, force).map_err(|e| {
        match e.downcast_ref::<AlreadyExists>() {
            Some(AlreadyExists(path)) => anyhow::anyhow!(
                "{} already exists; choose another name, or add --force to replace it",
                path.display()
            ),
            None => e,
        }
    })
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
        ExportFormat::Markdown => {
            let templates = crate::domain::leadership::all_templates(&ctx.content());
            transfer::markdown(&entries, &checkins, |id| {
                templates
                    .iter()
                    .find(|t| t.id.as_ref() == id)
                    .map(|t| t.name.clone())
            })
        }
    };
    match output {
        Some(path) => {
            write_private(&path, &text, force)?;
            errln!("Exported to {} (readable by you only).", path.display());
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
        errln!(
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
        Some(super::context::passphrase_from_user(
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
