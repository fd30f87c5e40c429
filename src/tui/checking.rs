//! The confidentiality check as the app runs it: an entry checked against content's
//! patterns and the person's watch words, and the chosen details replaced with their
//! placeholders in the entry itself, only while it still holds the words checked.

use chrono::{DateTime, FixedOffset};

use crate::content::Content;
use crate::domain::confidentiality::entry::{
    check_entry, field_text, replace_in_entry, EntryFinding, Field,
};
use crate::domain::confidentiality::{context, Detectors};
use crate::domain::entry::Entry;
use crate::store::Store;

use super::loaders::fail;
use super::message::Action;
use super::overlay::{CheckList, Found};

const CONTEXT_WORDS: usize = 4;

fn field_name(field: Field) -> String {
    match field {
        Field::Title => "title".into(),
        Field::Body => "text".into(),
        Field::Answer(i) => format!("answer {}", i + 1),
    }
}

fn list(entry: &Entry, store: &Store, content: &Content) -> Result<CheckList, String> {
    let watch = store
        .watch_words()
        .map_err(fail("Could not read your watch words"))?;
    let detectors = Detectors::new(content, &watch);
    let items = check_entry(entry, &detectors)
        .into_iter()
        .map(|finding| {
            let text = field_text(entry, finding.field);
            let (before, matched, after) = context(text, &finding.finding, CONTEXT_WORDS);
            let why = content
                .patterns
                .iter()
                .find(|p| p.item.id.as_ref() == &finding.finding.kind)
                .map_or(String::new(), |p| p.item.why.clone());
            Found {
                field: field_name(finding.field),
                before,
                matched: matched.to_string(),
                after,
                why,
                finding,
            }
        })
        .collect();
    Ok(CheckList {
        entry_id: entry.id,
        checked_at: entry.updated,
        items,
        marked: 0,
        kept: Vec::new(),
    })
}

/// What the check finds in entry `id`.
pub fn check(store: &Store, content: &Content, id: i64) -> Result<Action, String> {
    let entry = store.entry(id).map_err(fail("Could not read the entry"))?;
    Ok(Action::EntryChecked(list(&entry, store, content)?))
}

/// Replaces `chosen` in entry `id`, if it is still as it was when checked; then the
/// entry as saved and what the check finds in it now.
pub fn replace(
    store: &mut Store,
    content: &Content,
    now: DateTime<FixedOffset>,
    id: i64,
    checked_at: DateTime<FixedOffset>,
    chosen: &[EntryFinding],
) -> Result<Action, String> {
    let entry = store.entry(id).map_err(fail("Could not read the entry"))?;
    if entry.updated != checked_at {
        // Saved elsewhere since the check: the places found may no longer hold the
        // same words, so nothing is replaced and the check runs again.
        return Ok(Action::EntryReplaced {
            list: list(&entry, store, content)?,
            entry,
            replaced: 0,
        });
    }
    let picked: Vec<&EntryFinding> = chosen.iter().collect();
    let mut changed = replace_in_entry(&entry, &picked);
    changed.updated = now;
    store
        .update_entry_unless_changed(&changed, Some(checked_at))
        .map_err(fail("Could not change the entry; it is as it was"))?;
    let saved = store.entry(id).map_err(fail("Could not read the entry"))?;
    Ok(Action::EntryReplaced {
        list: list(&saved, store, content)?,
        entry: saved,
        replaced: chosen.len(),
    })
}
