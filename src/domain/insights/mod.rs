//! Looking back: the shapes of the insights the store aggregates (per-day means, the
//! mood meter, words, stressors, practice, good moments, a year in pixels) and the
//! plain-word sentences they turn into. Pure: the store fills these in with SQL, and
//! callers pass in today's date.
//!
//! # The rules behind the sentences
//!
//! Every sentence comes from one of these rules, so a person can trust what it says.
//! Averages are taken over *days* (each day's mean first), so a day with five quick
//! check-ins after visits counts as one day, like any other.
//!
//! - **Days checked in**: always said, as "You checked in on 18 of the last 30 days".
//!   Days without a check-in are simply not counted; nothing is "missed".
//! - **Trend** ([`trend`]): the period is cut into an earlier and a later half. Each
//!   half needs at least [`TREND_MIN_DAYS`] days with check-ins (2 for a period under
//!   14 days). If the later half's mean differs from the earlier half's by at least
//!   [`TREND_SHARE`] of the scale's span (0.9 on a 1–10 scale), the measure has risen
//!   or fallen; otherwise it is steady.
//! - **Weekday** ([`weekday_pattern`]): with at least [`WEEKDAY_MIN_DAYS`] days with
//!   check-ins in the period, a weekday with at least two such days whose mean stress
//!   is at least [`WEEKDAY_SHARE`] of the span (1.5 on 0–10) above the mean of all
//!   the other days is named: "Stress has been higher on Mondays".
//! - **Strain**: when, in the later half, there are at least [`STRAIN_MIN_DAYS`] days
//!   with check-ins and their mean stress is at or above [`STRAIN_SHARE`] of the way up
//!   the scale (7 on 0–10), it says so gently and points to people, never to a score.
//! - **Stressors**: the tag with the highest mean stress among tags used on at least
//!   [`TAG_MIN_CHECKINS`] check-ins.
//! - **Words**: up to three emotion words chosen at least twice, most used first.
//! - **Good moments** and **practice**: said when there are some.

mod model;
mod stats;
mod summary;
mod year;

#[cfg(test)]
mod tests;

pub use model::*;
pub use stats::*;
pub use summary::*;
pub use year::*;

/// Each half of a period needs this many days with check-ins before a trend is told.
pub const TREND_MIN_DAYS: usize = 3;
/// A change of this share of a scale's span counts as a rise or a fall.
pub const TREND_SHARE: f64 = 0.10;
/// A weekday pattern needs this many days with check-ins in the period.
pub const WEEKDAY_MIN_DAYS: usize = 10;
/// A weekday stands out when its mean is this share of the span above the others.
pub const WEEKDAY_SHARE: f64 = 0.15;
/// Sustained strain: the later half's mean stress at or above this share of the scale.
pub const STRAIN_SHARE: f64 = 0.70;
/// …over at least this many days with check-ins.
pub const STRAIN_MIN_DAYS: usize = 5;
/// A stressor tag is compared once it is on this many check-ins.
pub const TAG_MIN_CHECKINS: u32 = 3;
