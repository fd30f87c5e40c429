//! The checks on `registration.toml` beyond its shape: each requirement counts a
//! record kind Lantern keeps, with numbers that can be met, and names only questions
//! and themes its body describes; a cycle is one of the two kinds and can happen.

use std::collections::BTreeSet;

use super::parse::error_at;
use super::schema::{month_day, Body, RECORD_KINDS};
use super::{Content, ContentError};

/// Far past any regulator's cycle: a number above it is a slip of the keyboard.
const LONGEST_CYCLE_YEARS: u32 = 10;

pub fn check_bodies(content: &Content, errors: &mut Vec<ContentError>) {
    for placed in &content.bodies {
        let Some(source) = content.sources.get(placed.file) else {
            continue;
        };
        let mut at = |offset: usize, message: String| {
            errors.push(error_at(source, placed.offset + offset, message));
        };
        check_body(&placed.item, &mut at);
    }
}

fn check_body(body: &Body, at: &mut impl FnMut(usize, String)) {
    let name = body.id.as_ref();
    if let Some(cycle) = &body.cycle {
        match (&cycle.years, &cycle.yearly_until) {
            (Some(_), Some(until)) => at(
                until.span().start,
                format!("body `{name}`: a cycle has `years` or `yearly_until`, not both"),
            ),
            (Some(years), None) => {
                let n = *years.as_ref();
                if n == 0 || n > LONGEST_CYCLE_YEARS {
                    at(
                        years.span().start,
                        format!(
                            "body `{name}`: a cycle of {n} years cannot be right; \
                             use 1 to {LONGEST_CYCLE_YEARS}"
                        ),
                    );
                }
            }
            (None, Some(until)) => {
                if month_day(until.as_ref()).is_none() {
                    at(
                        until.span().start,
                        format!(
                            "body `{name}`: `yearly_until` takes a month and day as \"MM-DD\", \
                             like \"11-30\", not \"{}\"",
                            until.as_ref()
                        ),
                    );
                }
            }
            _ => at(
                body.id.span().start,
                format!("body `{name}`: its cycle needs `years = N` or `yearly_until = \"MM-DD\"`"),
            ),
        }
    }
    let questions = unique(
        body.questions.iter().map(|q| &q.id),
        &format!("body `{name}` has two questions"),
        at,
    );
    let themes = unique(
        body.themes.iter().map(|t| &t.id),
        &format!("body `{name}` has two themes"),
        at,
    );
    unique(
        body.requirements.iter().map(|r| &r.id),
        &format!("body `{name}` has two requirements"),
        at,
    );
    for req in &body.requirements {
        let id = req.id.as_ref();
        let record = req.record.as_ref().as_str();
        if !RECORD_KINDS.contains(&record) {
            at(
                req.record.span().start,
                format!(
                    "requirement `{id}`: unknown record kind `{record}`; kinds are {}",
                    RECORD_KINDS.join(", ")
                ),
            );
        }
        if let (Some(count), Some(_)) = (&req.at_least, &req.hours_at_least) {
            at(
                count.span().start,
                format!("requirement `{id}`: give `at_least` or `hours_at_least`, not both"),
            );
        }
        for number in [&req.at_least, &req.hours_at_least].into_iter().flatten() {
            if *number.as_ref() == 0 {
                at(
                    number.span().start,
                    format!(
                        "requirement `{id}`: 0 asks for nothing; leave the number out to \
                         count with no target"
                    ),
                );
            }
        }
        if let Some(hours) = req.hours_at_least.as_ref().filter(|_| record != "cpd") {
            at(
                hours.span().start,
                format!("requirement `{id}`: only cpd records have hours"),
            );
        }
        if (req.participatory || req.with_peer) && record != "cpd" {
            at(
                req.id.span().start,
                format!(
                    "requirement `{id}`: `participatory` and `with_peer` apply to cpd records only"
                ),
            );
        }
        for question in &req.questions {
            if !questions.contains(question.as_ref()) {
                at(
                    question.span().start,
                    format!(
                        "requirement `{id}` names question `{}`, which body `{name}` does not \
                         describe in a [[body.question]]",
                        question.as_ref()
                    ),
                );
            }
        }
        for theme in &req.themes {
            if !themes.contains(theme.as_ref()) {
                at(
                    theme.span().start,
                    format!(
                        "requirement `{id}` names theme `{}`, which body `{name}` does not \
                         describe in a [[body.theme]]",
                        theme.as_ref()
                    ),
                );
            }
        }
    }
}

/// The ids, reporting each one seen twice.
fn unique<'a>(
    ids: impl Iterator<Item = &'a super::schema::Located>,
    what: &str,
    at: &mut impl FnMut(usize, String),
) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id.as_ref().clone()) {
            at(id.span().start, format!("{what} with id `{}`", id.as_ref()));
        }
    }
    seen
}
