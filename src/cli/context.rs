//! What every command shares: the session, with the command line's way of asking for
//! a passphrase (LANTERN_PASSPHRASE, or the terminal without echo) and of saying what
//! setting up found (on stderr, as `lantern: warning: …` and `lantern: note: …`).

use anyhow::Result;
use zeroize::Zeroizing;

use crate::content::Content;
use crate::session::{Opened, Session};
use crate::store::{Store, StoreError};

/// What every command shares: the session, read once.
pub struct Context {
    session: Session,
}

impl std::ops::Deref for Context {
    type Target = Session;

    fn deref(&self) -> &Session {
        &self.session
    }
}

impl Context {
    /// Sets up the session; what was wrong in the settings goes to stderr.
    pub fn new(data_dir: Option<&std::path::Path>) -> Result<Context> {
        let session = Session::new(data_dir)?;
        crate::host::files::protect(vec![session.paths.config_file.clone()]);
        for warning in &session.config_warnings {
            errln!("lantern: warning: {warning}");
        }
        Ok(Context { session })
    }

    /// The content, with the user's overrides; warnings about set-aside files go to stderr.
    pub fn content(&self) -> Content {
        let loaded = self.session.load_content();
        for warning in &loaded.warnings {
            errln!("lantern: warning: {warning}");
        }
        loaded.content
    }

    /// Opens the diary. An encrypted one opens with the key kept by `lantern unlock`
    /// while it is kept and still opens it; otherwise the passphrase is asked for.
    pub fn open_store(&self) -> Result<Store> {
        let passphrase = if self.session.is_encrypted()? {
            if let Some(kept) = self.session.open_kept() {
                let kept = kept?;
                show_opened(&kept.opened);
                return Ok(kept.opened.store);
            }
            Some(passphrase_from_user("Passphrase: ")?)
        } else {
            None
        };
        let opened = self
            .session
            .open_store(passphrase.as_deref().map(String::as_str))?;
        show_opened(&opened);
        Ok(opened.store)
    }
}

/// What opening found worth saying, on stderr.
pub fn show_opened(opened: &Opened) {
    for notice in &opened.notices {
        errln!("lantern: note: {notice}");
    }
    for line in &opened.recovered {
        errln!("lantern: {line}");
    }
}

/// The passphrase from LANTERN_PASSPHRASE, or asked for without echo on the terminal.
pub fn passphrase_from_user(prompt: &str) -> Result<Zeroizing<String>> {
    if let Ok(p) = std::env::var("LANTERN_PASSPHRASE") {
        return Ok(Zeroizing::new(p));
    }
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|_| StoreError::NeedsPassphrase.into())
}
