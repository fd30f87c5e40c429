//! The year in pixels, and when a month's reflection on outcomes is timely.

use chrono::{Datelike, NaiveDate};

use super::model::DayMean;

/// A year laid out for the calendar: `months[m][d]` is day `d + 1` of month `m + 1`,
/// with its means if there were check-ins that day.
#[derive(Debug, Clone, PartialEq)]
pub struct YearGrid {
    pub year: i32,
    pub months: Vec<Vec<Option<DayMean>>>,
}

impl YearGrid {
    /// The day's means, if it is a real date with check-ins.
    pub fn day(&self, date: NaiveDate) -> Option<&DayMean> {
        if date.year() != self.year {
            return None;
        }
        self.months
            .get(date.month0() as usize)?
            .get(date.day0() as usize)?
            .as_ref()
    }
}

/// The number of days in a month (28–31).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|n| n.pred_opt())
        .map_or(31, |last| last.day())
}

/// Lays out the days of `year` (from [`crate::store::Store::year_in_pixels`]) as a grid.
pub fn year_grid(year: i32, days: &[DayMean]) -> YearGrid {
    let mut months: Vec<Vec<Option<DayMean>>> = (1..=12)
        .map(|m| vec![None; days_in_month(year, m) as usize])
        .collect();
    for day in days.iter().filter(|d| d.date.year() == year) {
        if let Some(cell) = months
            .get_mut(day.date.month0() as usize)
            .and_then(|m| m.get_mut(day.date.day0() as usize))
        {
            *cell = Some(*day);
        }
    }
    YearGrid { year, months }
}

/// Whether a month's look at the expected outcomes would be timely: none yet, or the
/// last one a month or more ago. Always optional; never a reminder of something missed.
pub fn outcomes_reflection_due(last: Option<NaiveDate>, today: NaiveDate) -> bool {
    match last {
        None => true,
        Some(last) => today
            .checked_sub_months(chrono::Months::new(1))
            .is_some_and(|month_ago| last <= month_ago),
    }
}
