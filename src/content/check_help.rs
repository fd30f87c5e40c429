//! The checks on `help.toml` beyond its shape: every region has a line to call in an
//! emergency, every number says where it was checked, and a contact meant for a role
//! names a role the first run offers and says who it is for.

use super::parse::{chunk_at, error_at};
use super::schema::{Contact, ROLE_IDS};
use super::{Content, ContentError};

pub fn check_help(content: &Content, errors: &mut Vec<ContentError>) {
    for placed in &content.regions {
        let Some(source) = content.sources.get(placed.file) else {
            continue;
        };
        let region = &placed.item;
        let id = region.id.as_ref();
        let at_id = placed.offset + region.id.span().start;
        // A number is something a person could dial or text: it holds a digit.
        let dialable = |n: &String| n.chars().any(|c| c.is_ascii_digit());
        if !region
            .urgent
            .iter()
            .any(|c| c.number.as_ref().is_some_and(dialable))
        {
            errors.push(error_at(
                source,
                at_id,
                format!(
                    "region `{id}` has no emergency line: give one `urgent` contact a `number` \
                     (like 999)"
                ),
            ));
        }
        let chunk = chunk_at(&source.text, placed.offset);
        for contact in region
            .people
            .iter()
            .chain(&region.services)
            .chain(&region.urgent)
        {
            let at = placed.offset + where_named(chunk, contact).unwrap_or(region.id.span().start);
            let name = &contact.name;
            for problem in contact_problems(contact) {
                errors.push(error_at(
                    source,
                    at,
                    format!("region `{id}`, contact `{name}`: {problem}"),
                ));
            }
        }
    }
}

/// Where the contact's `name` stands in its region's text, so a message points at it.
fn where_named(chunk: &str, contact: &Contact) -> Option<usize> {
    let quoted = toml::Value::String(contact.name.clone()).to_string();
    chunk.find(&format!("name = {quoted}"))
}

fn contact_problems(contact: &Contact) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(number) = &contact.number {
        if !number.chars().any(|c| c.is_ascii_digit()) {
            out.push(format!(
                "`number` is `{number}`, with no digit to dial; write the number, or leave \
                 `number` out"
            ));
        }
    }
    if contact.checked.is_some() && contact.from.is_some() {
        out.push("give `checked` or `from`, not both".to_string());
    }
    if contact.number.is_some() && contact.checked.is_none() && contact.from.is_none() {
        out.push(
            "a number needs `checked = { at = \"page\", on = \"YYYY-MM\" }`, or `from = \"site\"` \
             where it could not be checked"
                .to_string(),
        );
    }
    if let Some(checked) = &contact.checked {
        if checked.at.trim().is_empty() {
            out.push("`checked.at` names no page".to_string());
        }
        if !is_month(&checked.on) {
            out.push(format!(
                "`checked.on` is `{}`; write the month as YYYY-MM",
                checked.on
            ));
        }
    }
    for role in &contact.roles {
        if !ROLE_IDS.contains(&role.as_str()) {
            out.push(format!(
                "role `{role}` is not one Lantern asks about; roles are {}",
                ROLE_IDS.join(", ")
            ));
        }
    }
    if !contact.roles.is_empty() && contact.roles_label.is_none() {
        out.push(
            "a contact for some roles needs `roles_label`, said beside it when no role is set \
             (like \"for social workers\")"
                .to_string(),
        );
    }
    out
}

fn is_month(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 7
        && bytes[4] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || b.is_ascii_digit())
        && matches!(
            &text[5..],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_month_is_four_digits_a_dash_and_a_month() {
        assert!(super::is_month("2026-12"));
        for not in ["2026-13", "2026-1", "26-12", "2026/12", "December"] {
            assert!(!super::is_month(not), "{not}");
        }
    }
}
