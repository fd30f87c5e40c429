//! `lantern export --check`: the confidentiality check over everything an export will
//! hold, before it is written. With findings, nothing is written until the person
//! chooses `--replace all` (placeholders in the export only) or `--keep`.

use anyhow::{bail, Result};
use chrono::NaiveDate;

use crate::domain::checkin::CheckIn;
use crate::domain::confidentiality::checkin::{check_checkin, redact_checkin};
use crate::domain::confidentiality::entry::{check_entry, field_text, replace_in_entry, Field};
use crate::domain::confidentiality::{context, Detectors, Finding};
use crate::domain::entry::Entry;
use crate::store::Store;

use super::output::safe;
use super::share::{details, Choice};

/// The most findings listed before the rest are counted.
const LISTED: usize = 40;
const CONTEXT_WORDS: usize = 4;

/// Puts placeholders in each entry and check-in as it goes into the export.
pub struct Sharing {
    detectors: Detectors,
}

impl Sharing {
    pub fn entry(&self, entry: Entry) -> Entry {
        let found = check_entry(&entry, &self.detectors);
        if found.is_empty() {
            return entry;
        }
        replace_in_entry(&entry, &found.iter().collect::<Vec<_>>())
    }

    pub fn checkin(&self, checkin: CheckIn) -> CheckIn {
        redact_checkin(&checkin, &self.detectors)
    }
}

pub enum Survey {
    /// Write the export, through `Sharing` when details are to be replaced.
    Write(Option<Sharing>),
    /// The findings were listed; nothing is to be written.
    Stopped,
}

fn line(out: &mut Vec<String>, what: &str, text: &str, finding: &Finding) {
    let (before, matched, after) = context(text, finding, CONTEXT_WORDS);
    out.push(format!(
        "  {what}: {}: …{}[{}]{}…",
        finding.label,
        safe(&before),
        safe(matched),
        safe(&after)
    ));
}

/// Checks every entry and check-in between `since` and `until`.
pub fn survey(
    store: &Store,
    detectors: Detectors,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    choice: &Choice,
) -> Result<Survey> {
    if let Some(replace) = &choice.replace {
        if !replace.trim().eq_ignore_ascii_case("all") {
            bail!(
                "export --replace takes `all`; to replace single details, use lantern check ID --replace-in-entry 1,3 first"
            );
        }
    }
    let mut found = Vec::new();
    let mut count = 0;
    store.with_entries(since, until, |entries| -> Result<()> {
        for entry in entries {
            let entry = entry?;
            for item in check_entry(&entry, &detectors) {
                count += 1;
                if found.len() < LISTED {
                    let field = match item.field {
                        Field::Title => "title".to_string(),
                        Field::Body => "text".to_string(),
                        Field::Answer(i) => format!("answer {}", i + 1),
                    };
                    let what = format!("entry {} ({field})", entry.id);
                    line(
                        &mut found,
                        &what,
                        field_text(&entry, item.field),
                        &item.finding,
                    );
                }
            }
        }
        Ok(())
    })??;
    store.with_checkins(since, until, |checkins| -> Result<()> {
        for checkin in checkins {
            let checkin = checkin?;
            for (name, text, findings) in check_checkin(&checkin, &detectors) {
                for finding in findings {
                    count += 1;
                    if found.len() < LISTED {
                        let what = format!(
                            "check-in of {} ({name})",
                            checkin.at.format("%Y-%m-%d %H:%M")
                        );
                        line(&mut found, &what, text, &finding);
                    }
                }
            }
        }
        Ok(())
    })??;
    if count == 0 || choice.keep {
        if count > 0 {
            errln!(
                "The check found {} that could identify someone; kept as you wrote them.",
                details(count)
            );
        }
        return Ok(Survey::Write(None));
    }
    if choice.replace.is_some() {
        errln!(
            "Replacing {} with placeholders in the export; your diary is unchanged.",
            details(count)
        );
        return Ok(Survey::Write(Some(Sharing { detectors })));
    }
    let mut out = format!(
        "Before the export is shared: {} could identify someone.\n\n",
        details(count)
    );
    for l in &found {
        out.push_str(l);
        out.push('\n');
    }
    if count > found.len() {
        out.push_str(&format!("  … and {} more.\n", count - found.len()));
    }
    out.push_str(
        "\nNothing was written. Run it again with --replace all to put placeholders such as \
         [postcode] in their place (in the export only; your diary stays as it is), or --keep \
         to share them as written. lantern check ID shows one entry's in full.\n",
    );
    out!("{out}");
    Ok(Survey::Stopped)
}
