//! What today looks like, for both front ends: the app's Today screen, and the
//! command line's `checkin`, `suggest` and `nudge`. One place reads the recent
//! check-ins and picks a suggestion, so the two front ends never disagree.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use crate::config::Paths;
use crate::content::schema::Nudge;
use crate::content::{Content, Kind};
use crate::domain::checkin::CheckIn;
use crate::domain::suggest::{self, Suggestion};
use crate::store::{self, CheckInFilter, EntryFilter, EntrySummary, Store};

/// What Today shows, loaded from the store.
#[derive(Debug, Clone, Default)]
pub struct TodayData {
    pub latest_today: Option<CheckIn>,
    pub checkins_today: usize,
    pub recent: Vec<EntrySummary>,
    pub suggestion: Option<Suggestion>,
    /// Good moments and entries from this date in earlier years.
    pub on_this_day: Option<crate::domain::insights::OnThisDay>,
    /// A month or more since the last reflection on the expected outcomes.
    pub reflection_due: bool,
}

/// The check-ins the suggestion rules look back over, newest first.
pub fn history(store: &Store, content: &Content, today: NaiveDate) -> store::Result<Vec<CheckIn>> {
    let days = suggest::history_days(content.rules.iter().map(|r| &r.item));
    let since = today - chrono::Days::new(u64::from(days));
    Ok(store
        .list_checkins(&CheckInFilter {
            since: Some(since),
            ..Default::default()
        })?
        .into_iter()
        .map(|(_, c)| c)
        .collect())
}

/// The suggestion the content's rules make for `latest`, given the days before it.
pub fn suggestion(
    content: &Content,
    latest: &CheckIn,
    history: &[CheckIn],
    today: NaiveDate,
) -> Option<Suggestion> {
    suggest::suggest(
        content.rules.iter().map(|r| &r.item),
        latest,
        history,
        today,
    )
}

/// What to suggest now: from today's latest check-in or, when today has none, only a
/// suggestion about sustained strain. A very hard moment of an earlier day is not
/// brought back as if it were today's.
pub fn current_suggestion(
    content: &Content,
    history: &[CheckIn],
    today: NaiveDate,
) -> Option<Suggestion> {
    let latest = history.first()?;
    let checked_in_today = history.iter().any(|c| c.at.date_naive() == today);
    suggestion(content, latest, history, today).filter(|s| checked_in_today || s.strain)
}

/// Everything Today shows.
pub fn load(
    store: &Store,
    content: &Content,
    now: DateTime<FixedOffset>,
) -> store::Result<TodayData> {
    let today = now.date_naive();
    let history = history(store, content, today)?;
    let todays: Vec<&CheckIn> = history
        .iter()
        .filter(|c| c.at.date_naive() == today)
        .collect();
    let recent = store.list_entries(&EntryFilter {
        limit: Some(5),
        ..Default::default()
    })?;
    let suggestion = current_suggestion(content, &history, today);
    let on_this_day = store.on_this_day(today)?;
    let last_reflection = store
        .entries_with_template("outcomes-reflection", 1)?
        .first()
        .map(|e| e.date);
    let has_history = !history.is_empty() || !recent.is_empty();
    Ok(TodayData {
        on_this_day: (!on_this_day.is_empty()).then_some(on_this_day),
        reflection_due: has_history
            && crate::domain::insights::outcomes_reflection_due(last_reflection, today),
        latest_today: todays.first().map(|c| (*c).clone()),
        checkins_today: todays.len(),
        recent,
        suggestion,
    })
}

/// The built-in nudge file's text, or the user's override of it.
fn nudge_lines(content_dir: &std::path::Path) -> Vec<Nudge> {
    #[derive(serde::Deserialize)]
    struct File {
        #[serde(default)]
        nudge: Vec<Nudge>,
    }
    let parse = |text: &str| {
        toml::from_str::<File>(text)
            .ok()
            .map(|f| f.nudge)
            .filter(|n| !n.is_empty())
    };
    let name = Kind::Nudge.file();
    std::fs::read_to_string(content_dir.join(name))
        .ok()
        .and_then(|text| parse(&text))
        .or_else(|| {
            crate::content::FILES
                .iter()
                .find(|(file, _)| *file == name)
                .and_then(|(_, text)| parse(text))
        })
        .unwrap_or_default()
}

/// One quiet line when `today` has no check-in yet; None otherwise, and None (never an
/// error) if anything is amiss. Fast enough for a shell start-up file: it reads no
/// settings, checks no content, runs no migrations and needs no passphrase.
pub fn nudge(paths: &Paths, today: NaiveDate) -> Option<String> {
    if store::quick_checked_in_on(&paths.database, today) != Some(false) {
        return None;
    }
    let lines = nudge_lines(&paths.content_dir);
    if lines.is_empty() {
        return None;
    }
    let pick = usize::try_from(today.num_days_from_ce()).unwrap_or(0) % lines.len();
    lines.get(pick).map(|line| line.text.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_nudges_parse() {
        let lines = nudge_lines(std::path::Path::new("/nonexistent"));
        assert!(!lines.is_empty());
    }
}
