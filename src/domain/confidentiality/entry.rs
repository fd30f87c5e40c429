//! The check over a diary entry: its title, body and each answer, as separate texts, so
//! a chosen finding can be replaced in the field it came from.

use crate::domain::entry::Entry;

use super::{check_text, redact, Detectors, Finding};

/// Which part of an entry a finding is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Body,
    Answer(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryFinding {
    pub field: Field,
    pub finding: Finding,
}

pub fn field_text(entry: &Entry, field: Field) -> &str {
    match field {
        Field::Title => &entry.title,
        Field::Body => &entry.body,
        Field::Answer(i) => entry.answers.get(i).map_or("", |a| a.text.as_str()),
    }
}

/// Every finding in the entry, field by field, in reading order.
pub fn check_entry(entry: &Entry, detectors: &Detectors) -> Vec<EntryFinding> {
    let mut fields = vec![Field::Title, Field::Body];
    fields.extend((0..entry.answers.len()).map(Field::Answer));
    fields
        .into_iter()
        .flat_map(|field| {
            check_text(field_text(entry, field), detectors)
                .into_iter()
                .map(move |finding| EntryFinding { field, finding })
        })
        .collect()
}

/// The entry with the chosen findings replaced by their placeholders.
pub fn replace_in_entry(entry: &Entry, chosen: &[&EntryFinding]) -> Entry {
    let mut out = entry.clone();
    let mut fields = vec![Field::Title, Field::Body];
    fields.extend((0..entry.answers.len()).map(Field::Answer));
    for field in fields {
        let here: Vec<Finding> = chosen
            .iter()
            .filter(|f| f.field == field)
            .map(|f| f.finding.clone())
            .collect();
        if here.is_empty() {
            continue;
        }
        let text = redact(field_text(entry, field), &here);
        match field {
            Field::Title => out.title = text,
            Field::Body => out.body = text,
            Field::Answer(i) => {
                if let Some(answer) = out.answers.get_mut(i) {
                    answer.text = text;
                }
            }
        }
    }
    out
}
