//! The registration records listed for the shell, one record a few lines, oldest
//! first, each with the id its `delete` takes.

use anyhow::Result;

use crate::domain::registration::{
    hours_text, CpdActivity, Discussion, Feedback, ReflectiveAccount,
};
use crate::text::printable::one_line;

use super::super::plain::say;

fn field(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
        out.push_str(&format!("    {name}: {}\n", one_line(value, 200)));
    }
}

fn none_yet(what: &str, how: &str) -> Result<i32> {
    say(&format!("No {what} yet. {how}\n"))?;
    Ok(0)
}

pub fn cpd(records: &[CpdActivity]) -> Result<i32> {
    if records.is_empty() {
        return none_yet(
            "CPD records",
            "Add one with lantern cpd add --hours N --topic …",
        );
    }
    let mut out = String::new();
    for c in records {
        let dates = match c.ended_on.filter(|e| *e != c.started_on) {
            Some(end) => format!("{} to {end}", c.started_on),
            None => c.started_on.to_string(),
        };
        let mut marks = Vec::new();
        if c.participatory {
            marks.push("participatory");
        }
        if c.with_peer {
            marks.push("with a peer");
        }
        let marks = if marks.is_empty() {
            String::new()
        } else {
            format!(" ({})", marks.join(", "))
        };
        out.push_str(&format!(
            "#{}  {dates}  {} h{marks}  {}\n",
            c.id,
            hours_text(c.hours),
            one_line(&c.topic, 80)
        ));
        field(&mut out, "method", Some(&c.method));
        field(&mut out, "code", Some(&c.themes.join(", ")));
        field(&mut out, "learnt", c.learnt.as_deref());
        field(&mut out, "impact on practice", c.impact.as_deref());
        field(&mut out, "impact on people", c.impact_people.as_deref());
        field(&mut out, "note", c.note.as_deref());
    }
    let total: f64 = records.iter().map(|c| c.hours).sum();
    out.push_str(&format!("\n{} hours in all.\n", hours_text(total)));
    say(&out)?;
    Ok(0)
}

pub fn accounts(records: &[ReflectiveAccount]) -> Result<i32> {
    if records.is_empty() {
        return none_yet(
            "reflective accounts",
            "Start one with lantern revalidation account add --from-entry ID",
        );
    }
    let mut out = String::new();
    for a in records {
        let title = if a.title.trim().is_empty() {
            "(untitled)".to_string()
        } else {
            one_line(&a.title, 80)
        };
        out.push_str(&format!("#{}  {}  {title}\n", a.id, a.local_date));
        field(
            &mut out,
            "answered",
            Some(&crate::text::plural::count(
                a.answers.len(),
                "question",
                "questions",
            )),
        );
        field(&mut out, "code", Some(&a.themes.join(", ")));
        if let Some(entry) = a.entry_id {
            field(&mut out, "from entry", Some(&format!("#{entry}")));
        }
    }
    say(&out)?;
    Ok(0)
}

pub fn feedback(records: &[Feedback]) -> Result<i32> {
    if records.is_empty() {
        return none_yet(
            "feedback",
            "Note some with lantern revalidation feedback add --from colleague --summary …",
        );
    }
    let mut out = String::new();
    for f in records {
        out.push_str(&format!(
            "#{}  {}  from {}: {}\n",
            f.id,
            f.received_on,
            one_line(&f.source, 40),
            one_line(&f.summary, 120)
        ));
        field(&mut out, "reflection", f.reflection.as_deref());
    }
    say(&out)?;
    Ok(0)
}

pub fn discussions(records: &[Discussion]) -> Result<i32> {
    if records.is_empty() {
        return none_yet(
            "reflective discussions",
            "Record one with lantern revalidation discussion add --name … --pin … --on YYYY-MM-DD",
        );
    }
    let mut out = String::new();
    for d in records {
        out.push_str(&format!(
            "#{}  {}  with {} (PIN {})\n",
            d.id,
            d.held_on,
            one_line(&d.partner_name, 60),
            one_line(&d.partner_pin, 20)
        ));
        field(&mut out, "note", d.note.as_deref());
    }
    say(&out)?;
    Ok(0)
}
