//! The calendar views: the year in pixels, one day in detail, the weekly review.

use chrono::NaiveDate;

use crate::domain::insights::{DayDetail, DayMean, Period, Scales, WeekReview};

use super::super::{CheckInFilter, Result, Store};

impl Store {
    /// The days of `year` that have check-ins, with their means (for the year in
    /// pixels; lay them out with [`crate::domain::insights::year_grid`]).
    pub fn year_in_pixels(&self, year: i32) -> Result<Vec<DayMean>> {
        match Period::year(year) {
            Some(period) => self.daily_means(period),
            None => Ok(Vec::new()),
        }
    }

    /// One day's check-ins (oldest first) and entries (oldest first).
    pub fn day_detail(&self, date: NaiveDate) -> Result<DayDetail> {
        let mut checkins = self.list_checkins(&CheckInFilter {
            since: Some(date),
            until: Some(date),
            limit: None,
        })?;
        checkins.reverse();
        let mut entries = self.entries_in(Period::between(date, date))?;
        entries.reverse();
        Ok(DayDetail {
            date,
            checkins,
            entries,
        })
    }

    /// The last seven days ending `today`: the insights, the check-ins and the good
    /// moments, for the weekly review.
    pub fn week_review(&self, today: NaiveDate, scales: Scales) -> Result<WeekReview> {
        let period = Period::last_days(today, 7);
        let mut checkins = self.list_checkins(&CheckInFilter {
            since: Some(period.start),
            until: Some(period.end),
            limit: None,
        })?;
        checkins.reverse();
        Ok(WeekReview {
            insights: self.insights(period, scales)?,
            checkins,
            good_moments: self.good_moments(period)?,
        })
    }
}
