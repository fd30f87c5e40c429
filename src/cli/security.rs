//! Creating the diary, and its encryption: `init`, `encrypt`, `passphrase` and
//! `decrypt`. Keeping it unlocked for a while is in `unlock`.

use std::path::Path;

use anyhow::{bail, Result};
use zeroize::Zeroizing;

use crate::config::Config;
use crate::store::{self, FileKind, Store};

use super::context::{passphrase_from_user, Context};

/// A new passphrase: LANTERN_NEW_PASSPHRASE, or typed twice without echo.
fn new_passphrase() -> Result<Zeroizing<String>> {
    let passphrase = match std::env::var("LANTERN_NEW_PASSPHRASE") {
        Ok(p) => Zeroizing::new(p),
        Err(_) => {
            errln!("Choose a passphrase. If you forget it, the diary cannot be opened by anyone, including you.");
            let first = passphrase_from_prompt("New passphrase: ")?;
            let second = passphrase_from_prompt("The same again: ")?;
            if *first != *second {
                bail!("the two passphrases differ, so nothing changed");
            }
            first
        }
    };
    if passphrase.is_empty() {
        bail!("an empty passphrase would not protect anything, so nothing changed");
    }
    Ok(passphrase)
}

fn passphrase_from_prompt(prompt: &str) -> Result<Zeroizing<String>> {
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|_| anyhow::anyhow!("could not read a passphrase: run this in a terminal, or set LANTERN_NEW_PASSPHRASE"))
}

pub fn init(ctx: &Context, encrypt: bool) -> Result<i32> {
    let db = &ctx.paths.database;
    match store::file_kind(db)? {
        FileKind::Missing => {}
        // Nothing is in a 0-byte file, so a new diary loses nothing by taking its place.
        FileKind::Empty => println!("The file at {} was empty (0 bytes).", db.display()),
        FileKind::NotADiary => bail!(
            "{} is not a Lantern diary, so it was left as it is; move it away and run `lantern init` again",
            db.display()
        ),
        FileKind::Plaintext if encrypt => bail!(
            "a diary already exists at {}; `lantern encrypt` protects it with a passphrase",
            db.display()
        ),
        FileKind::Plaintext | FileKind::Encrypted => {
            outln!("Your diary is already set up at {}.", db.display());
            return Ok(0);
        }
    }
    Config::write_example(&ctx.paths)?;
    if encrypt {
        let passphrase = new_passphrase()?;
        Store::create_encrypted(db, &passphrase)?;
        outln!("Created your encrypted diary at {}.", db.display());
    } else {
        Store::open_or_create(db, None)?;
        outln!("Created your diary at {}.", db.display());
    }
    outln!("Settings: {}", ctx.paths.config_file.display());
    Ok(0)
}

pub fn encrypt(ctx: &Context) -> Result<i32> {
    let db = &ctx.paths.database;
    if !db.exists() {
        bail!("there is no diary yet; `lantern init --encrypt` creates an encrypted one");
    }
    if store::is_encrypted(db)? {
        bail!("this diary is already encrypted; `lantern passphrase` changes its passphrase");
    }
    let passphrase = new_passphrase()?;
    store::encrypt_in_place(db, &passphrase)?;
    outln!(
        "Your diary is now encrypted. Keep the passphrase somewhere safe: it cannot be recovered."
    );
    let stale = plaintext_copies(db);
    if !stale.is_empty() {
        outln!("These earlier copies beside it are not encrypted; delete them if you no longer need them:");
        for path in stale {
            outln!("  {}", path.display());
        }
    }
    Ok(0)
}

/// Backups beside the diary that were written before it was encrypted.
fn plaintext_copies(db: &Path) -> Vec<std::path::PathBuf> {
    let (Some(dir), Some(name)) = (db.parent(), db.file_name()) else {
        return Vec::new();
    };
    let prefix = format!("{}.", name.to_string_lossy());
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .map(|read| {
            read.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .map(|n| {
                            n.to_string_lossy().starts_with(&prefix)
                                && n.to_string_lossy().ends_with(".bak")
                        })
                        .unwrap_or(false)
                })
                .filter(|p| !store::is_encrypted(p).unwrap_or(true))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

pub fn passphrase(ctx: &Context) -> Result<i32> {
    let db = &ctx.paths.database;
    if !store::is_encrypted(db)? {
        bail!("this diary is not encrypted; `lantern encrypt` protects it with a passphrase");
    }
    if store::open_elsewhere(db) {
        return Err(store::StoreError::InUse.into());
    }
    let current = passphrase_from_user("Current passphrase: ")?;
    let mut store = Store::open(db, Some(&current))?;
    let new = new_passphrase()?;
    store.rekey(&new)?;
    // The kept key was derived from the old passphrase and opens nothing now.
    if ctx.forget_kept().unwrap_or(false) {
        outln!("Passphrase changed. The diary was unlocked, so it is locked now: `lantern unlock` opens it for a while again.");
    } else {
        outln!("Passphrase changed.");
    }
    Ok(0)
}

pub fn decrypt(ctx: &Context, out: &Path) -> Result<i32> {
    let store = ctx.open_store()?;
    store::decrypt_copy(&store, out)?;
    outln!(
        "Wrote a plaintext copy to {} (readable by you only). Anyone with the file can read it.",
        out.display()
    );
    Ok(0)
}
