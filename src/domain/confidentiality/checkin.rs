//! The check over a check-in's own words: its note and its good moment. The numbers,
//! feeling words and tags are the person's choices from lists, never free text.

use crate::domain::checkin::CheckIn;

use super::{check_text, redact, Detectors, Finding};

/// Each of the check-in's texts with what the check found in it: ("note", …) and
/// ("good moment", …), leaving out the ones with nothing found.
pub fn check_checkin<'a>(
    checkin: &'a CheckIn,
    detectors: &Detectors,
) -> Vec<(&'static str, &'a str, Vec<Finding>)> {
    [
        ("note", checkin.note.as_deref()),
        ("good moment", checkin.good_moment.as_deref()),
    ]
    .into_iter()
    .filter_map(|(name, text)| {
        let text = text?;
        let found = check_text(text, detectors);
        (!found.is_empty()).then_some((name, text, found))
    })
    .collect()
}

/// The check-in with everything the check finds in its words replaced by placeholders.
pub fn redact_checkin(checkin: &CheckIn, detectors: &Detectors) -> CheckIn {
    let mut out = checkin.clone();
    for text in [&mut out.note, &mut out.good_moment].into_iter().flatten() {
        let found = check_text(text, detectors);
        if !found.is_empty() {
            *text = redact(text, &found);
        }
    }
    out
}
