//! The editor hand-off as the command line offers it: what the editor saved, with a
//! line on stderr when some of it was not text, and the other way in (a pipe) named
//! when no editor is set.

use std::path::Path;

use anyhow::{bail, Result};

use crate::host::editor::{self, NoEditor};

use super::output;

/// Opens `text` in the user's editor and returns what was saved.
pub fn edit(text: &str, private_dir: &Path) -> Result<String> {
    match editor::edit(text, private_dir) {
        Ok(edited) => {
            if edited.not_utf8 {
                output::say_not_utf8("what your editor saved");
            }
            Ok(edited.text)
        }
        Err(e) if e.is::<NoEditor>() => {
            bail!("{e}, or pipe text in: echo '…' | lantern write")
        }
        Err(e) => Err(e),
    }
}
