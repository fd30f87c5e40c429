//! What the app writes to be shared, checked first: the supervision preparation and
//! the revalidation evidence. When the confidentiality check finds something and the
//! person has not yet chosen, nothing is written and the findings come back for a box
//! that asks. Also the registration screen's data.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::content::Content;
use crate::domain::confidentiality::{context, Detectors};
use crate::domain::forms::{Block, Field, Form, FormFinding};
use crate::domain::registration::{progress, recent, window};
use crate::domain::supervision::{supervision_markdown, Shared};
use crate::host::files;
use crate::store::Store;

use super::loaders::{self, fail};
use super::message::Action;
use super::overlay::{BeforeSharing, Share};
use super::screens::registration::RegistrationData;

/// The first findings listed in the box; the rest are counted.
const LISTED: usize = 8;
const CONTEXT_WORDS: usize = 3;
/// How many of the latest records the registration screen lists.
const RECENT: usize = 6;

type Done = std::result::Result<Action, String>;

pub fn load_registration(
    store: &Store,
    content: &Content,
    body: Option<&str>,
    renewal: Option<NaiveDate>,
    today: NaiveDate,
) -> Done {
    let bodies: Vec<String> = content
        .bodies
        .iter()
        .map(|b| format!("{} ({})", b.id.as_ref(), b.item.name))
        .collect();
    let Some(found) = body.and_then(|id| content.body(id)) else {
        let says = match body {
            None => "No registration is set yet. When it is, this is where you see your cycle and the evidence you have collected.".to_string(),
            Some(id) => format!(
                "config.toml names the registration \"{}\", which Lantern does not know.",
                crate::text::printable::one_line(id, 30)
            ),
        };
        return Ok(Action::RegistrationLoaded(RegistrationData::NotSet {
            says,
            bodies,
        }));
    };
    let held = store
        .registration_records()
        .map_err(fail("Could not read your registration records"))?;
    Ok(Action::RegistrationLoaded(RegistrationData::Set {
        progress: progress(found, held.records(), renewal, today),
        source: found.source.clone(),
        recent: recent(held.records(), RECENT),
    }))
}

/// The form with what the check found replaced or kept as the person chose, or the
/// findings for the box that asks, when they have not chosen yet.
fn checked(
    form: Form,
    store: &Store,
    content: &Content,
    sharing: Option<bool>,
    share: Share,
) -> std::result::Result<Result<Form, Action>, String> {
    let watch = store
        .watch_words()
        .map_err(fail("Could not read your watch words"))?;
    let detectors = Detectors::new(content, &watch);
    let found = form.findings(&detectors);
    if found.is_empty() || sharing == Some(false) {
        return Ok(Ok(form));
    }
    if sharing == Some(true) {
        let all: Vec<&FormFinding> = found.iter().collect();
        return Ok(Ok(form.redacted(&all)));
    }
    let lines = found
        .iter()
        .take(LISTED)
        .map(|f| {
            let text = form.text_at(f.place).unwrap_or_default();
            let (before, matched, after) = context(text, &f.finding, CONTEXT_WORDS);
            crate::text::printable::one_line(
                &format!("{}: …{before}[{matched}]{after}…", f.finding.label),
                100,
            )
        })
        .collect();
    Ok(Err(Action::BeforeSharing(BeforeSharing {
        share,
        count: found.len(),
        lines,
    })))
}

/// A name in the home folder that nothing has yet: `lantern-revalidation-2026-12-02.docx`,
/// then `…-2.docx` and on.
fn free_path(kind: &str, today: NaiveDate, ending: &str) -> std::path::PathBuf {
    let dir = directories::UserDirs::new()
        .map(|u| u.home_dir().to_path_buf())
        .unwrap_or_else(std::env::temp_dir);
    let base = format!("lantern-{kind}-{today}");
    (1..1000)
        .map(|n| {
            if n == 1 {
                dir.join(format!("{base}.{ending}"))
            } else {
                dir.join(format!("{base}-{n}.{ending}"))
            }
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{base}-{}.{ending}", uuid::Uuid::new_v4())))
}

fn saved(path: &std::path::Path, replaced: bool) -> Action {
    Action::Status(format!(
        "Saved (only you can read it){}: {}",
        if replaced {
            ", with placeholders where the check found something"
        } else {
            ""
        },
        path.display()
    ))
}

pub fn export_revalidation(
    store: &Store,
    content: &Content,
    (body, renewal): (Option<String>, Option<NaiveDate>),
    now: DateTime<FixedOffset>,
    sharing: Option<bool>,
) -> Done {
    let today = now.date_naive();
    let Some(found) = body.as_deref().and_then(|id| content.body(id)) else {
        return Ok(Action::Status(
            "Set your registration in config.toml first.".into(),
        ));
    };
    let held = store
        .registration_records()
        .map_err(fail("Could not read your registration records"))?;
    let cycle = window(found.cycle.as_ref(), renewal, today);
    let form = crate::domain::forms::revalidation_form(found, held.records(), cycle, today);
    let share = Share::Revalidation { body, renewal };
    let form = match checked(form, store, content, sharing, share)? {
        Ok(form) => form,
        Err(ask) => return Ok(ask),
    };
    let bytes = crate::host::docx::render(&form).map_err(|e| format!("Could not export: {e:#}"))?;
    let path = free_path("revalidation", today, "docx");
    files::write_private_with(&path, false, |out| std::io::Write::write_all(out, &bytes))
        .map_err(|e| format!("Could not export: {e:#}"))?;
    Ok(saved(&path, sharing == Some(true)))
}

pub fn export_supervision(
    store: &Store,
    content: &Content,
    now: DateTime<FixedOffset>,
    share: Share,
    sharing: Option<bool>,
) -> Done {
    let Share::Supervision {
        since,
        entries,
        good_moments,
    } = &share
    else {
        return Ok(Action::Status("Nothing to export.".into()));
    };
    let prep = loaders::supervision_prep(store, content, now, Some(*since))?;
    let chosen = store
        .chosen_entries(entries)
        .map_err(fail("Could not read the chosen entries"))?;
    let text = supervision_markdown(
        &prep,
        &Shared {
            entries: &chosen,
            answers: &[],
            good_moments: *good_moments,
        },
    );
    let form = Form {
        blocks: vec![
            Block::Heading("Supervision preparation".into()),
            Block::Fields(vec![Field::said("text", text)]),
        ],
    };
    let form = match checked(form, store, content, sharing, share)? {
        Ok(form) => form,
        Err(ask) => return Ok(ask),
    };
    let text = match form.blocks.into_iter().nth(1) {
        Some(Block::Fields(mut fields)) if !fields.is_empty() => fields.swap_remove(0).value,
        _ => String::new(),
    };
    let path = free_path("supervision", now.date_naive(), "md");
    files::write_private(&path, &text, false).map_err(|e| format!("Could not export: {e:#}"))?;
    Ok(saved(&path, sharing == Some(true)))
}
