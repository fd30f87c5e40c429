//! Which days make up the current cycle: counted back from the renewal day, or the
//! registration year that ends on a fixed day.

use chrono::{Datelike, Months, NaiveDate};

use crate::content::schema::Cycle;

/// The days of one cycle, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Whether the end is the person's renewal day (rather than a year's end, or
    /// today where no renewal day is set).
    pub ends_at_renewal: bool,
}

impl Window {
    pub fn holds(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

/// The cycle holding `today`: `years` back from `renewal` (or from today, when no
/// renewal day is set), or the year up to the next `yearly_until` day. None when the
/// body states no cycle.
pub fn window(
    cycle: Option<&Cycle>,
    renewal: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<Window> {
    let cycle = cycle?;
    if let Some(until) = &cycle.yearly_until {
        let (month, day) = crate::content::schema::month_day(until.as_ref())?;
        let this_year = NaiveDate::from_ymd_opt(today.year(), month, day)?;
        let end = if this_year >= today {
            this_year
        } else {
            NaiveDate::from_ymd_opt(today.year() + 1, month, day)?
        };
        let start = end.checked_sub_months(Months::new(12))?.succ_opt()?;
        return Some(Window {
            start,
            end,
            ends_at_renewal: false,
        });
    }
    let years = *cycle.years.as_ref()?.as_ref();
    let (end, ends_at_renewal) = match renewal {
        Some(day) => (day, true),
        None => (today, false),
    };
    let start = end
        .checked_sub_months(Months::new(12 * years))?
        .succ_opt()?;
    Some(Window {
        start,
        end,
        ends_at_renewal,
    })
}
