//! Export, import and backup.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result};
use chrono::{DateTime, FixedOffset, Local, NaiveDate};

use crate::content::schema::Template;
use crate::domain::transfer::{self, Each, Export, ExportOf, Markdown, Record};
use crate::host::files::AlreadyExists;
use crate::store::{Rows, Store, StoreError};

use crate::domain::checkin::CheckIn;
use crate::domain::confidentiality::Detectors;
use crate::domain::entry::Entry;

use super::args::ExportFormat;
use super::context::Context;
use super::export_check::{survey, Sharing, Survey};
use super::share::{Choice, FOUND};

/// `host::files::write_private`, naming the flag that replaces a file when one is in
/// the way.
pub fn write_private(path: &Path, text: &str, force: bool) -> Result<()> {
    crate::host::files::write_private(path, text, force).map_err(name_force)
}

/// An error about a file in the way, with the flag that replaces it.
pub(super) fn name_force(e: anyhow::Error) -> anyhow::Error {
    match e.downcast_ref::<AlreadyExists>() {
        Some(AlreadyExists(path)) => anyhow::anyhow!(
            "{} already exists; choose another name, or add --force to replace it",
            path.display()
        ),
        None => e,
    }
}

/// Why streaming an export stopped: the diary could not be read, or the place it was
/// going could not be written.
enum Stop {
    Store(StoreError),
    Write(std::io::Error),
}

/// What one export writes, whichever way it goes out.
struct Plan<'a> {
    store: &'a Store,
    format: ExportFormat,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    exported: DateTime<FixedOffset>,
    templates: Vec<Template>,
    /// Placeholders for what the confidentiality check finds, when asked for.
    sharing: Option<Sharing>,
}

impl Plan<'_> {
    fn shared_entry(&self, entry: Entry) -> Entry {
        match &self.sharing {
            Some(sharing) => sharing.entry(entry),
            None => entry,
        }
    }

    fn shared_checkin(&self, checkin: CheckIn) -> CheckIn {
        match &self.sharing {
            Some(sharing) => sharing.checkin(checkin),
            None => checkin,
        }
    }

    fn template_name(&self, id: &str) -> Option<String> {
        self.templates
            .iter()
            .find(|t| t.id.as_ref() == id)
            .map(|t| t.name.clone())
    }

    /// Writes the export as the rows are read, holding one record at a time.
    fn stream(&self, out: &mut impl Write) -> std::result::Result<(), Stop> {
        let (store, since, until) = (self.store, self.since, self.until);
        match self.format {
            ExportFormat::Json => {
                let written = store.with_entries(since, until, |entries| {
                    store.with_checkins(since, until, |checkins| {
                        let doc = ExportOf {
                            format: transfer::FORMAT_NAME,
                            version: transfer::FORMAT_VERSION,
                            exported: self.exported,
                            entries: Each::new(entries.map(|e| e.map(|e| self.shared_entry(e)))),
                            checkins: Each::new(
                                checkins.map(|c| c.map(|c| self.shared_checkin(c))),
                            ),
                        };
                        let written = serde_json::to_writer_pretty(&mut *out, &doc);
                        // A failed read also fails the writing: it is the one to tell.
                        if let Some(e) = doc.entries.failure().or(doc.checkins.failure()) {
                            return Err(Stop::Store(e));
                        }
                        written
                            .map_err(std::io::Error::from)
                            .and_then(|_| out.write_all(b"\n"))
                            .map_err(Stop::Write)
                    })
                });
                written.and_then(|r| r).map_err(Stop::Store)?
            }
            ExportFormat::Markdown => {
                let written = store.with_records_by_local_time(since, until, |records| {
                    let mut md = Markdown::new(|id: &str| self.template_name(id));
                    out.write_all(md.start().as_bytes()).map_err(Stop::Write)?;
                    for record in records {
                        let text = match record.map_err(Stop::Store)? {
                            Record::Entry(e) => md.entry(&self.shared_entry(e)),
                            Record::CheckIn(c) => md.checkin(&self.shared_checkin(c)),
                        };
                        out.write_all(text.as_bytes()).map_err(Stop::Write)?;
                    }
                    Ok(())
                });
                written.map_err(Stop::Store)?
            }
        }
    }

    /// Reads every row `stream` would, writing nothing: damage found before a byte
    /// goes where it cannot be taken back (standard output).
    fn check(&self) -> std::result::Result<(), StoreError> {
        let (store, since, until) = (self.store, self.since, self.until);
        match self.format {
            ExportFormat::Json => {
                store.with_entries(since, until, drain)??;
                store.with_checkins(since, until, drain)?
            }
            ExportFormat::Markdown => store.with_records_by_local_time(since, until, drain)?,
        }
    }

    /// Whether SQLite's quick check finds the diary's file damaged. A damaged page can
    /// hand back fewer rows, none, or garbled ones, without any error on the way, so
    /// a clean read alone does not show an export is whole.
    fn damaged(&self) -> bool {
        match self.store.quick_check(1) {
            Ok(problems) => !problems.is_empty(),
            Err(e) => e.is_damage(),
        }
    }

    /// The export of a damaged diary, from the rows read one by one, and how many
    /// could not be read. In memory: only a damaged diary comes this way.
    fn salvaged(&self) -> Result<(String, usize)> {
        // Ordered as the whole read orders them, so the two exports agree.
        let entries = self.store.entries_salvaged(self.since, self.until);
        let checkins = self.store.checkins_salvaged(self.since, self.until);
        let unreadable = entries.unreadable + checkins.unreadable;
        let entries: Vec<Entry> = entries
            .items
            .into_iter()
            .map(|e| self.shared_entry(e))
            .collect();
        let checkins: Vec<CheckIn> = checkins
            .items
            .into_iter()
            .map(|c| self.shared_checkin(c))
            .collect();
        let (mut entries, mut checkins) = (entries, checkins);
        entries.sort_by_key(|e| (e.created, e.id));
        checkins.sort_by_key(|c| c.at);
        let text = match self.format {
            ExportFormat::Json => {
                let export = Export {
                    format: transfer::FORMAT_NAME.into(),
                    version: transfer::FORMAT_VERSION,
                    exported: self.exported,
                    entries,
                    checkins,
                };
                let mut json =
                    serde_json::to_string_pretty(&export).context("writing the export")?;
                json.push('\n');
                json
            }
            ExportFormat::Markdown => {
                transfer::markdown(&entries, &checkins, |id| self.template_name(id))
            }
        };
        Ok((text, unreadable))
    }
}

pub fn export(
    ctx: &Context,
    format: ExportFormat,
    (since, until): (Option<NaiveDate>, Option<NaiveDate>),
    output: Option<std::path::PathBuf>,
    force: bool,
    check: Option<Choice>,
) -> Result<i32> {
    let store = ctx.open_store()?;
    let sharing = match check {
        None => None,
        Some(choice) => {
            let content = ctx.content();
            let detectors = Detectors::new(&content, &store.watch_words()?);
            match survey(&store, detectors, since, until, &choice)? {
                Survey::Write(sharing) => sharing,
                Survey::Stopped => return Ok(FOUND),
            }
        }
    };
    if output.is_some() {
        remove_partials_on_stop()?;
    }
    let plan = Plan {
        store: &store,
        format,
        since,
        until,
        exported: Local::now().fixed_offset(),
        templates: crate::domain::leadership::all_templates(&ctx.content()),
        sharing,
    };
    let damage = match output {
        Some(path) => {
            let damage = to_file(&plan, &path, force)?;
            errln!(
                "Exported {}to {} (readable by you only).",
                if damage.is_some() {
                    "what could be read "
                } else {
                    ""
                },
                path.display()
            );
            damage
        }
        None => to_stdout(&plan)?,
    };
    match damage {
        Some(0) => errln!(
            "lantern: the diary's file is damaged, so some of what the export holds may be garbled, though every record Lantern found could be read. `lantern doctor` says more, and `lantern repair` saves what can be read."
        ),
        Some(unreadable) => errln!(
            "lantern: {unreadable} of the diary's records could not be read (the diary is damaged) and are not in the export; everything else is. `lantern doctor` says more, and `lantern repair` saves what can be read."
        ),
        None => {}
    }
    Ok(0)
}

/// Reads rows to the end, keeping none.
fn drain<T>(rows: Rows<'_, T>) -> std::result::Result<(), StoreError> {
    for row in rows {
        row?;
    }
    Ok(())
}

/// Streams the export into a temporary file that takes the name once whole; a diary
/// found damaged, before or part-way, is exported from what can be read instead.
/// Returns, for a damaged diary, how many records could not be read.
fn to_file(plan: &Plan<'_>, path: &Path, force: bool) -> Result<Option<usize>> {
    if plan.damaged() {
        let (text, unreadable) = plan.salvaged()?;
        write_private(path, &text, force)?;
        return Ok(Some(unreadable));
    }
    let mut unread: Option<StoreError> = None;
    let streamed = crate::host::files::write_private_with(path, force, |out| {
        plan.stream(out).map_err(|stop| match stop {
            Stop::Write(e) => e,
            Stop::Store(e) => {
                unread = Some(e);
                std::io::Error::other("the diary could not be read")
            }
        })
    });
    match unread {
        Some(e) if e.is_damage() => {
            let (text, unreadable) = plan.salvaged()?;
            write_private(path, &text, force)?;
            Ok(Some(unreadable))
        }
        Some(e) => Err(e.into()),
        None => streamed.map_err(name_force).map(|_| None),
    }
}

/// Streams the export to standard output, once every row has been read through: a
/// damaged diary's export is made from what can be read instead.
fn to_stdout(plan: &Plan<'_>) -> Result<Option<usize>> {
    // A closed pipe (`| head`) ends quietly in main; a full disk under `> file` is an
    // error worth a message.
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let checked = match plan.check() {
        Ok(()) if plan.damaged() => Err(StoreError::Damaged {
            detail: "the quick check found damage".into(),
        }),
        checked => checked,
    };
    let damage = match checked {
        Ok(()) => {
            match plan.stream(&mut stdout) {
                Ok(()) => {}
                Err(Stop::Store(e)) => return Err(e.into()),
                Err(Stop::Write(e)) => {
                    return Err(anyhow::Error::new(e).context("writing the export"))
                }
            }
            None
        }
        Err(e) if e.is_damage() => {
            let (text, unreadable) = plan.salvaged()?;
            stdout
                .write_all(text.as_bytes())
                .context("writing the export")?;
            Some(unreadable)
        }
        Err(e) => return Err(e.into()),
    };
    stdout.flush().context("writing the export")?;
    Ok(damage)
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
    remove_partials_on_stop()?;
    store
        .backup_to(&target, passphrase.as_deref().map(String::as_str))
        .map_err(|e| backup_error(e, &target))?;
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

/// A backup's error, naming the place the backup was going where that is the trouble:
/// a full disk there is no fault of the diary's.
fn backup_error(error: StoreError, target: &Path) -> anyhow::Error {
    let full = match &error {
        StoreError::DiskFull { .. } => true,
        StoreError::Io { cause, .. } => cause.kind() == std::io::ErrorKind::StorageFull,
        _ => false,
    };
    if full {
        return anyhow::anyhow!(
            "The disk is full where the backup was going, so {} was not written (nothing was left there). Free some space there or choose another place; the diary is unchanged.",
            target.display()
        );
    }
    error.into()
}

/// From here on, a Ctrl-C or a TERM deletes any half-written export or backup before
/// Lantern ends (with 130 or 143, as the shell expects): such a file holds diary text
/// in the clear. Only for commands that write such files, and only after any
/// passphrase prompt, whose own Ctrl-C is left as it was.
fn remove_partials_on_stop() -> Result<()> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGINT, SIGTERM]).context("setting up Ctrl-C")?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            crate::store::remove_partials();
            errln!("lantern: stopped; nothing half-written was left behind.");
            // At once: the writing thread must not go on to finish or rename anything.
            unsafe { libc::_exit(128 + signal) };
        }
    });
    Ok(())
}
