//! Handing text to the user's editor ($VISUAL, then $EDITOR) and taking it back. The
//! file lives in Lantern's own owner-only folder and is removed afterwards, even on
//! error, so no plaintext copy lingers in a shared temp directory.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

pub fn editor_command() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
}

/// Opens `text` in the editor and returns what was saved.
pub fn edit(text: &str, private_dir: &Path) -> Result<String> {
    let Some(editor) = editor_command() else {
        bail!("no editor is set: set $EDITOR (for example `export EDITOR=nano`), or pipe text in: echo '…' | lantern write");
    };
    crate::store::create_private_dir(private_dir)?;
    let mut file = tempfile::Builder::new()
        .prefix("lantern-entry-")
        .suffix(".md")
        .tempfile_in(private_dir)
        .context("creating a file for the editor")?;
    file.write_all(text.as_bytes())
        .and_then(|_| file.flush())
        .context("writing the file for the editor")?;
    // The editor may contain arguments ("code --wait"), so let the shell split it.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("lantern")
        .arg(file.path())
        .status()
        .with_context(|| format!("starting your editor ({editor})"))?;
    if !status.success() {
        bail!("your editor ({editor}) exited with an error, so nothing was saved");
    }
    std::fs::read_to_string(file.path()).context("reading back what you wrote")
}
