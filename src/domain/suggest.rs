//! Turning a check-in into one small, kind suggestion, by the rules in
//! `suggestions.toml`. Pure: the caller passes the latest check-in, the recent ones
//! and today's date.

use chrono::NaiveDate;

use crate::content::schema::{CheckInKindName, Range, Rule};

use super::checkin::{CheckIn, CheckInKind};

/// The one thing Lantern offers after a check-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub rule_id: String,
    pub message: String,
    /// `kind:id` references, the main offer first.
    pub offer: Vec<String>,
    pub offer_help: bool,
    /// The rule describes sustained strain: point to people and help.
    pub strain: bool,
}

fn within(range: &Range, value: i64) -> bool {
    range[0] <= value && value <= range[1]
}

fn opt_within(range: Option<&Range>, value: i64) -> bool {
    range.is_none_or(|r| within(r, value))
}

fn strip<'a>(reference: &'a str, kind: &str) -> &'a str {
    reference
        .strip_prefix(kind)
        .and_then(|r| r.strip_prefix(':'))
        .unwrap_or(reference)
}

/// Whether `rule` matches `latest`, given the check-ins of recent days.
pub fn matches(rule: &Rule, latest: &CheckIn, history: &[CheckIn], today: NaiveDate) -> bool {
    let when = &rule.when;
    if let Some(kind) = when.kind {
        let wanted = match kind {
            CheckInKindName::Daily => CheckInKind::Daily,
            CheckInKindName::AfterVisit => CheckInKind::AfterVisit,
        };
        if latest.kind != wanted {
            return false;
        }
    }
    if !opt_within(
        when.pleasantness.as_ref().map(|r| r.as_ref()),
        latest.pleasantness,
    ) || !opt_within(when.energy.as_ref().map(|r| r.as_ref()), latest.energy)
        || !opt_within(when.stress.as_ref().map(|r| r.as_ref()), latest.stress)
    {
        return false;
    }
    if let Some(systems) = &when.system {
        let Some(system) = &latest.system else {
            return false;
        };
        if !systems
            .iter()
            .any(|s| strip(s.as_ref(), "system") == system)
        {
            return false;
        }
    }
    if let Some(tags) = &when.tags_any {
        if !tags.iter().any(|t| {
            latest
                .tags
                .iter()
                .any(|tag| tag == strip(t.as_ref(), "stress"))
        }) {
            return false;
        }
    }
    if let Some(words) = &when.words_any {
        if !words.iter().any(|w| {
            latest
                .words
                .iter()
                .any(|word| word.trim().eq_ignore_ascii_case(w.as_ref().trim()))
        }) {
            return false;
        }
    }
    if let Some(recent) = &when.recent {
        let recent = recent.as_ref();
        let first_day = today - chrono::Days::new(u64::from(recent.days.saturating_sub(1)));
        // Days, not check-ins: four hard check-ins in one morning are one hard day, not
        // a hard stretch.
        let count = history
            .iter()
            .filter(|c| {
                let day = c.at.date_naive();
                day >= first_day
                    && day <= today
                    && opt_within(recent.pleasantness.as_ref(), c.pleasantness)
                    && opt_within(recent.energy.as_ref(), c.energy)
                    && opt_within(recent.stress.as_ref(), c.stress)
            })
            .map(|c| c.at.date_naive())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        if count < recent.at_least as usize {
            return false;
        }
    }
    true
}

/// The highest-priority matching rule's suggestion (the earlier rule on a tie).
/// `history` should hold the recent check-ins, the latest included.
pub fn suggest<'a>(
    rules: impl IntoIterator<Item = &'a Rule>,
    latest: &CheckIn,
    history: &[CheckIn],
    today: NaiveDate,
) -> Option<Suggestion> {
    let mut best: Option<&Rule> = None;
    for rule in rules {
        if matches(rule, latest, history, today) && best.is_none_or(|b| rule.priority > b.priority)
        {
            best = Some(rule);
        }
    }
    best.map(|rule| Suggestion {
        rule_id: rule.id.as_ref().clone(),
        message: rule.message.trim().to_string(),
        offer: rule.offer.iter().map(|o| o.as_ref().clone()).collect(),
        offer_help: rule.offer_help,
        strain: rule.strain,
    })
}

/// The longest look-back any rule needs, in days, so callers load just enough history.
pub fn history_days<'a>(rules: impl IntoIterator<Item = &'a Rule>) -> u32 {
    rules
        .into_iter()
        .filter_map(|r| r.when.recent.as_ref().map(|r| r.as_ref().days))
        .max()
        .unwrap_or(1)
}
