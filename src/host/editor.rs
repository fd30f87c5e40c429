//! Handing text to the user's editor ($VISUAL, then $EDITOR) and taking it back.
//!
//! The hand-off file is the one place a diary's words sit on disk in plaintext, so it
//! goes where it is least exposed: `$XDG_RUNTIME_DIR/lantern` (memory-backed on most
//! systems, owner-only, emptied at logout) when there is one, else the data folder.
//! It is removed afterwards, even on error. If Lantern is killed while the editor is
//! open, the file stays; its name carries Lantern's process id, so the next run that
//! opens the diary can tell it is stale, keep its text as a draft, and remove it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::store::{Draft, Store};

/// No editor is set in the environment. Each front end says what else can be done.
#[derive(Debug)]
pub struct NoEditor;

impl std::fmt::Display for NoEditor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no editor is set: set $EDITOR (for example `export EDITOR=nano`)")
    }
}

impl std::error::Error for NoEditor {}

/// What the editor saved.
#[derive(Debug)]
pub struct Edited {
    pub text: String,
    /// Some of the saved bytes were not text (not UTF-8): they are kept as U+FFFD, and
    /// the front end may say so.
    pub not_utf8: bool,
}

/// What every hand-off file's name starts with; the process id follows.
const PREFIX: &str = "lantern-entry-";
const SUFFIX: &str = ".md";

pub fn editor_command() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
}

/// Where the hand-off file goes: `$XDG_RUNTIME_DIR/lantern` when that folder exists,
/// else `private_dir` (the data folder).
fn handoff_dir(private_dir: &Path) -> PathBuf {
    match std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from) {
        Some(runtime) if runtime.is_absolute() && runtime.is_dir() => runtime.join("lantern"),
        _ => private_dir.to_path_buf(),
    }
}

/// The note for text that was not all UTF-8, as either front end says it.
pub fn not_utf8_note(what: &str) -> String {
    format!("some bytes in {what} were not text (not UTF-8); they are kept as \u{FFFD}")
}

/// Opens `text` in the editor and returns what was saved. With no editor set, the
/// error is `NoEditor`.
pub fn edit(text: &str, private_dir: &Path) -> Result<Edited> {
    let Some(editor) = editor_command() else {
        return Err(NoEditor.into());
    };
    let mut dir = handoff_dir(private_dir);
    if crate::store::create_private_dir(&dir).is_err() {
        dir = private_dir.to_path_buf();
        crate::store::create_private_dir(&dir)?;
    }
    let mut file = tempfile::Builder::new()
        .prefix(&format!("{PREFIX}{}-", std::process::id()))
        .suffix(SUFFIX)
        .tempfile_in(&dir)
        .context("creating a file for the editor")?;
    file.write_all(text.as_bytes())
        .and_then(|_| file.flush())
        .context("writing the file for the editor")?;
    // The editor may contain arguments ("code --wait"), so let the shell split it.
    // It needs no passphrase, so it is not given one.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("lantern")
        .arg(file.path())
        .env_remove("LANTERN_PASSPHRASE")
        .env_remove("LANTERN_NEW_PASSPHRASE")
        .status()
        .with_context(|| format!("starting your editor ({editor})"))?;
    if !status.success() {
        bail!("your editor ({editor}) exited with an error, so nothing was saved");
    }
    let bytes = std::fs::read(file.path()).context("reading back what you wrote")?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => Edited {
            text,
            not_utf8: false,
        },
        Err(e) => Edited {
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            not_utf8: true,
        },
    })
}

/// Hand-off files left by a Lantern that was killed while the editor was open: in the
/// hand-off folder or the data folder, named for a process that has ended.
fn leftovers(private_dir: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![handoff_dir(private_dir)];
    if dirs[0] != private_dir {
        dirs.push(private_dir.to_path_buf());
    }
    let mut found = Vec::new();
    for dir in dirs {
        let Ok(read) = std::fs::read_dir(&dir) else {
            continue;
        };
        for item in read.flatten() {
            let name = item.file_name();
            let Some(name) = name.to_str() else {
                continue;
            };
            let Some(rest) = name
                .strip_prefix(PREFIX)
                .and_then(|r| r.strip_suffix(SUFFIX))
            else {
                continue;
            };
            if owner_gone(rest) && item.file_type().is_ok_and(|t| t.is_file()) {
                found.push(item.path());
            }
        }
    }
    found.sort();
    found
}

/// Whether the Lantern that made a hand-off file (`PID-random`) has ended. A name
/// without a process id is from a Lantern before ids were added, and long gone.
fn owner_gone(rest: &str) -> bool {
    let Some(pid) = rest
        .split_once('-')
        .and_then(|(pid, _)| pid.parse::<u32>().ok())
    else {
        return true;
    };
    if pid == std::process::id() {
        return false;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        !proc.join(pid.to_string()).exists()
    } else {
        // No /proc to ask: leave it be. Nothing is lost; it waits for a later run.
        false
    }
}

/// Keeps the text of every stale hand-off file as a draft in `store`, then removes the
/// file. A file whose text cannot be kept is left where it is, so nothing is lost.
/// Returns what is worth telling the person, one line each, for the front end to show.
pub fn recover_leftovers(store: &Store, private_dir: &Path) -> Vec<String> {
    let mut said = Vec::new();
    for path in leftovers(private_dir) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("edit")
            .trim_start_matches(PREFIX)
            .to_string();
        if has_writing(&text) {
            let now = chrono::Local::now().fixed_offset();
            let draft = Draft {
                slot: format!("recovered:{stem}"),
                template_id: None,
                entry_id: None,
                title: "Recovered from an interrupted edit".into(),
                // The file exactly as the editor left it: whatever was typed is kept.
                body: text,
                answers: Vec::new(),
                prompt_index: 0,
                updated: now,
            };
            if store.save_draft(&draft).is_err() {
                said.push(format!(
                    "The text of an interrupted edit is still in {}; it could not be kept as a draft just now.",
                    path.display()
                ));
                continue;
            }
            said.push(
                "Found the text of an edit that was interrupted, and kept it as a draft; the app offers it back."
                    .into(),
            );
        }
        if std::fs::remove_file(&path).is_err() {
            said.push(format!(
                "Could not remove {}, left by an interrupted edit; please delete it.",
                path.display()
            ));
        }
    }
    said
}

/// Whether a hand-off file holds anything typed: more than the blank layout of empty
/// `Title:`, the `Tags:` line, prompt headings and their hints.
fn has_writing(text: &str) -> bool {
    text.lines().map(str::trim).any(|line| {
        let layout = line.is_empty()
            || line.starts_with("## ")
            || (line.starts_with("<!--") && line.ends_with("-->"))
            || line.starts_with("Tags:")
            || line
                .strip_prefix("Title:")
                .is_some_and(|t| t.trim().is_empty());
        !layout
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_editor_names_no_command() {
        // The command line adds its own way in (a pipe); the app has none to offer.
        assert!(!NoEditor.to_string().contains("lantern"));
    }

    #[test]
    fn a_blank_layout_is_not_writing_and_any_typed_line_is() {
        assert!(!has_writing(
            "Title: \nTags: walk\n\n## What happened?\n<!-- a hint -->\n\n"
        ));
        assert!(has_writing("Title: A day\nTags: \n\n"));
        assert!(has_writing(
            "Title: \nTags: \n\n## What happened?\nA kestrel.\n"
        ));
    }

    #[test]
    fn a_file_is_stale_only_when_its_lantern_has_ended() {
        assert!(owner_gone("abcd12"), "a name from before process ids");
        assert!(!owner_gone(&format!("{}-abcd12", std::process::id())));
        if Path::new("/proc/self").exists() {
            assert!(owner_gone(&format!("{}-abcd12", u32::MAX - 1)));
        }
    }
}
