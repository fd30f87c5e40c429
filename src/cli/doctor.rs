//! `lantern doctor`: what a bug report needs and what the diary's file is like, with
//! the database's own words where something is wrong; and `lantern repair`.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{bail, Result};

use crate::host::keyring;
use crate::session::kept::until_text;
use crate::store::{self, FileKind, Store, StoreError};

use super::context::{passphrase_from_user, Context};

fn describe(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Missing => "none yet (`lantern init` starts one)",
        FileKind::Empty => "an empty file (0 bytes): nothing to open",
        FileKind::Plaintext => "an SQLite diary, not encrypted",
        FileKind::Encrypted => "an encrypted diary",
        FileKind::NotADiary => "not a Lantern diary (neither SQLite nor encrypted)",
    }
}

/// The passphrase if one can be had without surprising a script: from the environment,
/// or asked for on a terminal.
fn passphrase_if_available() -> Result<Option<zeroize::Zeroizing<String>>> {
    if std::env::var_os("LANTERN_PASSPHRASE").is_some() || std::io::stdin().is_terminal() {
        Ok(Some(passphrase_from_user("Passphrase (to look inside): ")?))
    } else {
        Ok(None)
    }
}

fn mode_line(out: &mut impl Write, what: &str, path: &Path, private: u32) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            let mode = meta.permissions().mode() & 0o777;
            let warning = if mode & 0o077 != 0 {
                format!(
                    "  warning: others on this machine can read it; Lantern makes it {private:o} when it next opens the diary (or run chmod {private:o})"
                )
            } else {
                String::new()
            };
            writeln!(out, "{what:<19}{mode:o}{warning}")?;
        }
    }
    #[cfg(not(unix))]
    let _ = (out, what, path, private);
    Ok(())
}

pub fn doctor(ctx: &Context) -> Result<i32> {
    let p = &ctx.paths;
    let mut out = std::io::stdout().lock();
    writeln!(out, "lantern {}", env!("CARGO_PKG_VERSION"))?;
    writeln!(out, "sqlite {}", rusqlite::version())?;
    writeln!(out, "Diary:             {}", p.database.display())?;
    writeln!(out, "Data folder:       {}", p.data_dir.display())?;
    writeln!(out, "Settings:          {}", p.config_file.display())?;
    writeln!(out, "Content folder:    {}", p.content_dir.display())?;
    let kind = store::file_kind(&p.database)?;
    writeln!(out, "Diary file:        {}", describe(kind))?;
    let mut healthy = true;
    if kind != FileKind::Missing {
        if let Ok(meta) = std::fs::metadata(&p.database) {
            writeln!(out, "File size:         {} bytes", meta.len())?;
        }
        mode_line(&mut out, "File mode:", &p.database, 0o600)?;
        if let Some(dir) = p.database.parent() {
            mode_line(&mut out, "Folder mode:", dir, 0o700)?;
        }
    }
    // Only when it was kept, and until when: never a byte of the key.
    let kept = if kind == FileKind::Encrypted {
        // A key that no longer opens the diary is of no use to anyone: forget it.
        let kept = keyring::find(&p.database).filter(|k| {
            let stale = matches!(
                Store::open(&p.database, Some(&k.key.as_key_text())),
                Err(StoreError::WrongPassphrase)
            );
            if stale {
                let _ = keyring::forget(&p.database);
            }
            !stale
        });
        match &kept {
            Some(k) => writeln!(
                out,
                "Unlocked:          yes, until {} (`lantern lock` locks it now)",
                until_text(k.until)
            )?,
            None => writeln!(out, "Unlocked:          no")?,
        }
        kept
    } else {
        None
    };
    if matches!(kind, FileKind::Plaintext | FileKind::Encrypted) {
        let passphrase = match (&kept, kind) {
            (Some(k), _) => Some(k.key.as_key_text()),
            (None, FileKind::Encrypted) => passphrase_if_available()?,
            _ => None,
        };
        if kind == FileKind::Encrypted && passphrase.is_none() {
            writeln!(
                out,
                "Inside:            not checked (set LANTERN_PASSPHRASE, or run doctor in a terminal)"
            )?;
        } else {
            drop(out);
            healthy = look_inside(&p.database, passphrase.as_deref().map(String::as_str))?;
            out = std::io::stdout().lock();
        }
    } else if matches!(kind, FileKind::Empty | FileKind::NotADiary) {
        healthy = false;
    }
    // Its own report says what was set aside, so the warnings are not printed twice.
    let loaded = ctx.load_content();
    let overrides: Vec<&str> = loaded
        .content
        .sources
        .iter()
        .filter(|s| s.overridden.is_some())
        .map(|s| s.file_name)
        .collect();
    writeln!(
        out,
        "Content overrides: {}",
        if overrides.is_empty() {
            "none".to_string()
        } else {
            overrides.join(", ")
        }
    )?;
    for w in loaded.warnings {
        writeln!(out, "Content warning:   {w}")?;
    }
    writeln!(out, "Region:            {}", ctx.config.region)?;
    Ok(if healthy { 0 } else { 1 })
}

/// Opens the diary and checks it; returns whether all was well.
fn look_inside(path: &Path, passphrase: Option<&str>) -> Result<bool> {
    let mut out = std::io::stdout().lock();
    let store = match Store::open(path, passphrase) {
        Ok(store) => store,
        Err(e) => {
            writeln!(out, "Opening:           failed: {e}")?;
            if let Some(detail) = e.detail() {
                writeln!(out, "The database said: {detail}")?;
            }
            return Ok(false);
        }
    };
    for notice in store.notices() {
        writeln!(out, "Note:              {notice}")?;
    }
    let version = store.schema_version()?;
    writeln!(
        out,
        "Schema version:    {version} (this Lantern: {})",
        store::migrations::LATEST
    )?;
    writeln!(
        out,
        "Opened for:        {}",
        if store.is_read_only() {
            "reading only (the file or its folder is read-only)"
        } else {
            "reading and writing"
        }
    )?;
    let counted = store.count_entries();
    match &counted {
        Ok(n) => writeln!(out, "Entries:           {n}")?,
        Err(e) => writeln!(out, "Entries:           could not be counted: {e}")?,
    }
    let problems = match store.quick_check(10) {
        Ok(problems) => problems,
        Err(e) => vec![e.detail().unwrap_or("the check itself failed").to_string()],
    };
    if problems.is_empty() && counted.is_ok() {
        writeln!(
            out,
            "Integrity:         ok (SQLite's quick check found nothing wrong)"
        )?;
        Ok(true)
    } else {
        writeln!(
            out,
            "Integrity:         damaged. `lantern repair` saves what can be read into a fresh diary and keeps this one beside it."
        )?;
        for problem in problems {
            writeln!(out, "The database said: {problem}")?;
        }
        Ok(false)
    }
}

pub fn repair(ctx: &Context) -> Result<i32> {
    let path = &ctx.paths.database;
    let passphrase = if store::is_encrypted(path)? {
        Some(passphrase_from_user("Passphrase: ")?)
    } else {
        None
    };
    let report = match store::repair(path, passphrase.as_deref().map(String::as_str)) {
        Ok(report) => report,
        Err(StoreError::WrongPassphrase) => bail!(StoreError::WrongPassphrase),
        Err(e) => return Err(e.into()),
    };
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Saved {} entr{}, {} check-in{} and everything else that could be read into a fresh diary at {}.",
        report.saved("entry"),
        if report.saved("entry") == 1 { "y" } else { "ies" },
        report.saved("checkin"),
        if report.saved("checkin") == 1 { "" } else { "s" },
        path.display()
    )?;
    let lost = report.lost();
    if lost > 0 {
        writeln!(
            out,
            "{lost} record{} could not be read.",
            if lost == 1 { "" } else { "s" }
        )?;
    } else {
        writeln!(out, "Every record that SQLite could find was read.")?;
    }
    writeln!(
        out,
        "The damaged diary is kept, unchanged, at {}.",
        report.damaged_copy.display()
    )?;
    Ok(0)
}
