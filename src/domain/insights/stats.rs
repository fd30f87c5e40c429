//! The statistics behind the sentences: means over days, trends between the halves of
//! a period, weekday patterns and where a value falls on its scale.

use chrono::{Datelike, Weekday};
use serde::Serialize;

use super::model::{Bounds, DayMean, Insights, Measure, Period, WeekdayStress};
use super::{TREND_MIN_DAYS, TREND_SHARE, WEEKDAY_MIN_DAYS, WEEKDAY_SHARE};

pub(super) fn mean_of(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Which way a measure has gone between the earlier and the later half of a period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "direction", rename_all = "snake_case")]
pub enum Trend {
    Rising {
        earlier: f64,
        later: f64,
    },
    Falling {
        earlier: f64,
        later: f64,
    },
    Steady {
        earlier: f64,
        later: f64,
    },
    /// Too few days with check-ins in one half to say.
    NotEnough,
}

/// The trend of `measure` over `period`, by the rule in the module notes.
pub fn trend(days: &[DayMean], period: Period, measure: Measure, bounds: Bounds) -> Trend {
    let middle = period.middle();
    let in_period = days.iter().filter(|d| period.contains(d.date));
    let (earlier, later): (Vec<&DayMean>, Vec<&DayMean>) = in_period.partition(|d| d.date < middle);
    let needed = if period.days() < 14 {
        2
    } else {
        TREND_MIN_DAYS
    };
    if earlier.len() < needed || later.len() < needed {
        return Trend::NotEnough;
    }
    let (Some(a), Some(b)) = (
        mean_of(earlier.iter().map(|d| d.get(measure))),
        mean_of(later.iter().map(|d| d.get(measure))),
    ) else {
        return Trend::NotEnough;
    };
    let threshold = TREND_SHARE * bounds.span();
    // A hair of tolerance, so a change of exactly the threshold counts.
    if b - a >= threshold - 1e-9 {
        Trend::Rising {
            earlier: a,
            later: b,
        }
    } else if a - b >= threshold - 1e-9 {
        Trend::Falling {
            earlier: a,
            later: b,
        }
    } else {
        Trend::Steady {
            earlier: a,
            later: b,
        }
    }
}

/// Mean stress by weekday, from the days' own means; Monday first, weekdays without
/// check-ins left out.
pub fn weekday_stress(days: &[DayMean]) -> Vec<WeekdayStress> {
    let mut sums = [(0.0f64, 0u32); 7];
    for day in days {
        let i = day.date.weekday().num_days_from_monday() as usize;
        sums[i].0 += day.stress;
        sums[i].1 += 1;
    }
    (0..7u8)
        .filter_map(|i| {
            let (sum, n) = sums[usize::from(i)];
            let weekday = Weekday::try_from(i).ok()?;
            (n > 0).then(|| WeekdayStress {
                weekday,
                days: n,
                mean_stress: sum / f64::from(n),
            })
        })
        .collect()
}

/// The weekday whose stress stands out above the other days, by the rule in the module
/// notes: (weekday, its mean, the others' mean).
pub fn weekday_pattern(weekdays: &[WeekdayStress], stress: Bounds) -> Option<(Weekday, f64, f64)> {
    let total_days: u32 = weekdays.iter().map(|w| w.days).sum();
    if (total_days as usize) < WEEKDAY_MIN_DAYS {
        return None;
    }
    let total_sum: f64 = weekdays
        .iter()
        .map(|w| w.mean_stress * f64::from(w.days))
        .sum();
    let (top, others) = weekdays
        .iter()
        .filter(|w| w.days >= 2 && w.days < total_days)
        .map(|w| {
            let rest =
                (total_sum - w.mean_stress * f64::from(w.days)) / f64::from(total_days - w.days);
            (w, rest)
        })
        .max_by(|a, b| (a.0.mean_stress - a.1).total_cmp(&(b.0.mean_stress - b.1)))?;
    (top.mean_stress - others >= WEEKDAY_SHARE * stress.span() - 1e-9).then_some((
        top.weekday,
        top.mean_stress,
        others,
    ))
}

/// Where a value falls among `levels` equal steps of its scale: 0 (lowest) to
/// `levels - 1` (highest).
pub fn level(value: f64, bounds: Bounds, levels: usize) -> usize {
    if levels <= 1 {
        return 0;
    }
    let step = bounds.fraction(value) * (levels - 1) as f64;
    (step.round() as usize).min(levels - 1)
}

// The statistics of a period, on the period's own data: here beside the arithmetic
// they use, so the data shapes need nothing from this file.
impl Insights {
    /// The mean over days with check-ins (each day's own mean first).
    pub fn mean(&self, measure: Measure) -> Option<f64> {
        mean_of(self.days.iter().map(|d| d.get(measure)))
    }

    pub fn trend(&self, measure: Measure) -> Trend {
        trend(&self.days, self.period, measure, self.scales.get(measure))
    }
}
