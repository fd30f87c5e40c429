//! Setting up, below both front ends: where things live, the settings, the content and
//! opening the diary. Both `cli` and `tui` start from a `Session`, so neither has to
//! borrow the other's set-up.
//!
//! Nothing here prompts or prints. A passphrase comes in from the front end (the
//! command line asks on the terminal, the app has its unlock screen), and what is
//! worth telling the person (settings and content warnings, store notices, recovered
//! edits) comes back as lines for each front end to show its own way.

pub mod kept;
pub mod today;

use std::path::Path;

use anyhow::Result;

use crate::config::{Config, Paths};
use crate::content;
use crate::store::{self, Store, StoreError};

/// What every command and the app share: paths and settings, read once.
pub struct Session {
    pub paths: Paths,
    pub config: Config,
    /// What was wrong in `config.toml`; the defaults were used in its place.
    pub config_warnings: Vec<String>,
}

/// An open diary, and what opening it found worth saying.
pub struct Opened {
    pub store: Store,
    /// What the store noticed while opening (an upgrade made, a fallback taken).
    pub notices: Vec<String>,
    /// What became of text left by an interrupted editor hand-off, one line each.
    pub recovered: Vec<String>,
}

impl Session {
    /// Finds the paths and reads the settings.
    pub fn new(data_dir: Option<&Path>) -> Result<Session> {
        let paths = Paths::resolve(data_dir)?;
        let loaded = Config::load(&paths)?;
        Ok(Session {
            paths,
            config: loaded.config,
            config_warnings: loaded.warnings,
        })
    }

    /// The content, with the user's overrides, and what was set aside and why.
    pub fn load_content(&self) -> content::Loaded {
        let mut loaded = content::load(Some(&self.paths.content_dir));
        // A mistyped region would quietly show another country's numbers for help.
        let region = &self.config.region;
        if !loaded.content.has_region(region) {
            if let Some(shown) = loaded.content.region(region) {
                loaded.warnings.push(format!(
                    "config.toml: region: \"{}\" is not a region Lantern knows, so help now shows {}.",
                    crate::text::printable::one_line(region, 30),
                    shown.name
                ));
            }
        }
        // A misspelt body would quietly show no cycle at all.
        if let Some(body) = &self.config.registration {
            if !loaded.content.bodies.iter().any(|b| b.id.as_ref() == body) {
                let known: Vec<&str> = loaded
                    .content
                    .bodies
                    .iter()
                    .map(|b| b.id.as_ref().as_str())
                    .collect();
                loaded.warnings.push(format!(
                    "config.toml: registration: \"{}\" is not a body Lantern knows; it knows {}.",
                    crate::text::printable::one_line(body, 30),
                    known.join(", ")
                ));
            }
        }
        loaded
    }

    /// Whether the diary needs a passphrase to open.
    pub fn is_encrypted(&self) -> store::Result<bool> {
        store::is_encrypted(&self.paths.database)
    }

    /// Opens the existing diary, with the passphrase the front end got from the person
    /// if it is encrypted.
    pub fn open_store(&self, passphrase: Option<&str>) -> store::Result<Opened> {
        let store = Store::open(&self.paths.database, passphrase)?;
        Ok(self.opened(store))
    }

    /// Creates the diary on a first run (encrypted when given a passphrase), or opens
    /// the one there.
    pub fn create_store(&self, passphrase: Option<&str>) -> store::Result<Opened> {
        let db = &self.paths.database;
        let store = match passphrase {
            Some(p) => Store::create_encrypted(db, p)?,
            None => Store::open_or_create(db, None)?,
        };
        Ok(self.opened(store))
    }

    fn opened(&self, store: Store) -> Opened {
        let notices = store.notices().to_vec();
        // An edit interrupted by a kill left its text in a file: keep it, then remove it.
        let recovered = crate::host::editor::recover_leftovers(&store, &self.paths.data_dir);
        Opened {
            store,
            notices,
            recovered,
        }
    }
}

/// What to tell someone whose passphrase did not open the diary, or whose diary would
/// not open: the store's own words, with an invitation to try again when it was the
/// passphrase.
pub fn unlock_failed(error: &StoreError) -> String {
    match error {
        StoreError::WrongPassphrase => format!("{error} Try again."),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_passphrase_is_the_stores_words_and_an_invitation_to_try_again() {
        assert_eq!(
            unlock_failed(&StoreError::WrongPassphrase),
            "That passphrase does not open this diary. Try again."
        );
        assert_eq!(
            unlock_failed(&StoreError::EmptyPassphrase),
            StoreError::EmptyPassphrase.to_string()
        );
    }
}
