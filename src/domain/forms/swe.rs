//! The CPD records one by one, field by field, in the order an online CPD form asks
//! for them (Social Work England's: type, description, date, learning, impact), ready
//! to paste.

use chrono::NaiveDate;

use crate::content::schema::Body;
use crate::domain::registration::{hours_text, long_date, CpdActivity, Window};

use super::revalidation::dates;
use super::{Block, Field, Form};

fn yes_no(yes: bool) -> &'static str {
    if yes {
        "yes"
    } else {
        "no"
    }
}

/// Each CPD record inside `window` (every one, when None), oldest first.
pub fn cpd_form(
    body: Option<&Body>,
    cpd: &[CpdActivity],
    window: Option<Window>,
    today: NaiveDate,
) -> Form {
    let records: Vec<&CpdActivity> = cpd
        .iter()
        .filter(|c| window.is_none_or(|w| w.holds(c.started_on)))
        .collect();
    let mut blocks = vec![Block::Title(match body {
        Some(body) => format!("CPD records for the {}", body.name),
        None => "CPD records".into(),
    })];
    blocks.push(Block::Line(match window {
        Some(w) => format!(
            "From {} to {}. Prepared on {}.",
            long_date(w.start),
            long_date(w.end),
            long_date(today)
        ),
        None => format!("Every record. Prepared on {}.", long_date(today)),
    }));
    if records.is_empty() {
        blocks.push(Block::Line("No CPD recorded yet in this time.".into()));
    }
    for (n, c) in records.iter().enumerate() {
        blocks.push(Block::PageBreak);
        blocks.push(Block::Heading(format!(
            "CPD record {} of {}",
            n + 1,
            records.len()
        )));
        let mut fields = Vec::new();
        if !c.method.trim().is_empty() {
            fields.push(Field::said("Type of activity", &c.method));
        }
        fields.push(Field::said("Description", &c.topic));
        fields.push(Field::fixed("Date", dates(c.started_on, c.ended_on)));
        fields.push(Field::fixed("Hours", hours_text(c.hours)));
        for (label, text) in [
            ("What I learnt", &c.learnt),
            ("The impact on my practice", &c.impact),
            ("The impact on the people I work with", &c.impact_people),
        ] {
            if let Some(text) = text.as_deref().filter(|t| !t.trim().is_empty()) {
                fields.push(Field::said(label, text.trim()));
            }
        }
        fields.push(Field::fixed(
            "Reflected on with a peer",
            yes_no(c.with_peer),
        ));
        if let Some(body) = body {
            if !c.themes.is_empty() && !body.themes.is_empty() {
                let names: Vec<&str> = c
                    .themes
                    .iter()
                    .map(|id| body.theme(id).map_or(id.as_str(), |t| t.name.as_str()))
                    .collect();
                fields.push(Field::fixed("Link to the code", names.join("; ")));
            }
        }
        if let Some(note) = c.note.as_deref().filter(|t| !t.trim().is_empty()) {
            fields.push(Field::said("Notes", note.trim()));
        }
        blocks.push(Block::Fields(fields));
    }
    Form { blocks }
}
