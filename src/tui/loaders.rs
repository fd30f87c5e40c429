//! The loaders: what each screen shows, read from the store and assembled, with a
//! failure as one line for the status bar. Today's data comes from `session::today`,
//! which the command line's `checkin`, `suggest` and `nudge` share.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::content::Content;
use crate::domain::entry::Entry;
use crate::domain::insights::{
    year_grid, DayDetail, Insights, Period, Scales, WeekReview, YearGrid,
};
use crate::domain::supervision::{default_since, SupervisionPrep};
use crate::session::today::{self, TodayData};
use crate::store::{EntryFilter, EntrySummary, Store, StoreError};

use super::screens;

/// What a loader gives back: the data, or one line saying what could not be read.
type Loaded<T> = std::result::Result<T, String>;

/// A store error as one line saying what could not be done; never diary text, as
/// store errors never carry it.
pub fn fail(what: &'static str) -> impl Fn(StoreError) -> String {
    move |e| format!("{what}: {e}")
}

/// Everything Today shows.
pub fn today(store: &Store, content: &Content, now: DateTime<FixedOffset>) -> Loaded<TodayData> {
    today::load(store, content, now).map_err(fail("Could not read today"))
}

/// One page of the diary's entries, newest first, from `offset`.
pub fn entries(store: &Store, offset: usize) -> Loaded<Vec<EntrySummary>> {
    store
        .list_entries(&EntryFilter {
            limit: Some(screens::diary::PAGE),
            offset,
            ..Default::default()
        })
        .map_err(fail("Could not read the diary"))
}

pub fn entry(store: &Store, id: i64) -> Loaded<Entry> {
    store.entry(id).map_err(fail("Could not open it"))
}

/// The last `days` days, today included.
pub fn insights(
    store: &Store,
    content: &Content,
    now: DateTime<FixedOffset>,
    days: u32,
) -> Loaded<Insights> {
    let period = Period::last_days(now.date_naive(), days);
    store
        .insights(period, Scales::from_content(content))
        .map_err(fail("Could not gather the insights"))
}

pub fn year(store: &Store, year: i32) -> Loaded<YearGrid> {
    let days = store
        .year_in_pixels(year)
        .map_err(fail("Could not gather the year"))?;
    Ok(year_grid(year, &days))
}

pub fn day(store: &Store, date: NaiveDate) -> Loaded<DayDetail> {
    store
        .day_detail(date)
        .map_err(fail("Could not open that day"))
}

pub fn week(store: &Store, content: &Content, now: DateTime<FixedOffset>) -> Loaded<WeekReview> {
    store
        .week_review(now.date_naive(), Scales::from_content(content))
        .map_err(fail("Could not gather the week"))
}

/// The period from `since`, or else from the last supervision.
pub fn supervision_prep(
    store: &Store,
    content: &Content,
    now: DateTime<FixedOffset>,
    since: Option<chrono::NaiveDate>,
) -> std::result::Result<SupervisionPrep, String> {
    let today = now.date_naive();
    let since = match since {
        Some(day) => day,
        None => default_since(
            store
                .last_supervision()
                .map_err(fail("Could not read your supervision dates"))?,
            today,
        ),
    };
    store
        .supervision_prep(Period::between(since, today), Scales::from_content(content))
        .map_err(fail("Could not gather the period"))
}

/// The plan's sections as (section id, text).
pub fn plan_texts(store: &Store) -> std::result::Result<Vec<(String, String)>, String> {
    Ok(store
        .plan()
        .map_err(fail("Could not read your plan"))?
        .into_iter()
        .map(|p| (p.section_id, p.text))
        .collect())
}
