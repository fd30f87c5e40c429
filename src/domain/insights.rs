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

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, Weekday};
use serde::Serialize;

use crate::content::schema::Level;
use crate::content::Content;

use super::checkin::CheckIn;

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

/// A scale's range, as `content/checkin.toml` sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Bounds {
    pub min: i64,
    pub max: i64,
}

impl Bounds {
    pub fn midpoint(self) -> f64 {
        (self.min + self.max) as f64 / 2.0
    }

    /// The distance from the lowest to the highest value (at least 1).
    pub fn span(self) -> f64 {
        (self.max - self.min).max(1) as f64
    }

    /// Whether `value` is in the upper half of the scale (at or above the midpoint).
    pub fn is_high(self, value: f64) -> bool {
        value >= self.midpoint()
    }

    /// Where `value` falls from 0.0 (the minimum) to 1.0 (the maximum), clamped.
    pub fn fraction(self, value: f64) -> f64 {
        ((value - self.min as f64) / self.span()).clamp(0.0, 1.0)
    }
}

/// The bounds of the three check-in scales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Scales {
    pub pleasantness: Bounds,
    pub energy: Bounds,
    pub stress: Bounds,
}

impl Default for Scales {
    /// The built-in scales: pleasantness and energy 1–10, stress 0–10.
    fn default() -> Self {
        Scales {
            pleasantness: Bounds { min: 1, max: 10 },
            energy: Bounds { min: 1, max: 10 },
            stress: Bounds { min: 0, max: 10 },
        }
    }
}

impl Scales {
    /// The scales the content sets, falling back to the built-in ones for any missing.
    pub fn from_content(content: &Content) -> Scales {
        let fallback = Scales::default();
        let bounds = |id: &str, default: Bounds| {
            content.scale(id).map_or(default, |s| Bounds {
                min: s.min,
                max: s.max,
            })
        };
        Scales {
            pleasantness: bounds("pleasantness", fallback.pleasantness),
            energy: bounds("energy", fallback.energy),
            stress: bounds("stress", fallback.stress),
        }
    }

    pub fn get(&self, measure: Measure) -> Bounds {
        match measure {
            Measure::Pleasantness => self.pleasantness,
            Measure::Energy => self.energy,
            Measure::Stress => self.stress,
        }
    }
}

/// A run of local days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    /// The last `days` days ending with `today` (at least one day).
    pub fn last_days(today: NaiveDate, days: u32) -> Period {
        let back = u64::from(days.max(1) - 1);
        Period {
            start: today
                .checked_sub_days(Days::new(back))
                .unwrap_or(NaiveDate::MIN),
            end: today,
        }
    }

    /// From one day to another, in either order.
    pub fn between(a: NaiveDate, b: NaiveDate) -> Period {
        Period {
            start: a.min(b),
            end: a.max(b),
        }
    }

    /// 1 January to 31 December of `year`, if chrono can represent it.
    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// How many days it covers.
    pub fn days(&self) -> u32 {
        u32::try_from((self.end - self.start).num_days() + 1).unwrap_or(0)
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// The first day of the later half: the earlier half is the first `days / 2` days.
    pub fn middle(&self) -> NaiveDate {
        self.start
            .checked_add_days(Days::new(u64::from(self.days() / 2)))
            .unwrap_or(self.end)
    }

    /// "the last 30 days" when it ends today; otherwise "3 March to 2 April 2026".
    pub fn describe(&self, today: NaiveDate) -> String {
        if self.end == today {
            match self.days() {
                1 => "today".to_string(),
                n => format!("the last {n} days"),
            }
        } else {
            date_range(self.start, self.end)
        }
    }

    /// For trend sentences: "over the last month", "over the last two weeks"; or
    /// "from 3 March to 2 April 2026" for a period that does not end today.
    pub fn span_phrase(&self, today: NaiveDate) -> String {
        if self.end == today {
            format!("over {}", last_words(self.days()))
        } else {
            format!("from {}", date_range(self.start, self.end))
        }
    }

    /// For pattern sentences: "in the last month"; or "from 3 March to 2 April 2026".
    pub fn within_phrase(&self, today: NaiveDate) -> String {
        if self.end == today {
            format!("in {}", last_words(self.days()))
        } else {
            format!("from {}", date_range(self.start, self.end))
        }
    }
}

/// "the last week", "the last month", "the last 45 days".
fn last_words(days: u32) -> String {
    match days {
        7 => "the last week".into(),
        14 => "the last two weeks".into(),
        28..=31 => "the last month".into(),
        60..=62 => "the last two months".into(),
        89..=92 => "the last three months".into(),
        365 | 366 => "the last year".into(),
        n => format!("the last {n} days"),
    }
}

/// "3 March to 2 April 2026", or "3 to 9 March 2026", or "1 December 2025 to 4 January 2026".
pub fn date_range(start: NaiveDate, end: NaiveDate) -> String {
    if start == end {
        return start.format("%-d %B %Y").to_string();
    }
    let left = if start.year() != end.year() {
        start.format("%-d %B %Y")
    } else if start.month() != end.month() {
        start.format("%-d %B")
    } else {
        start.format("%-d")
    };
    format!("{left} to {}", end.format("%-d %B %Y"))
}

/// One of the three check-in scales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    Pleasantness,
    Energy,
    Stress,
}

impl Measure {
    pub const ALL: [Measure; 3] = [Measure::Pleasantness, Measure::Energy, Measure::Stress];

    pub fn name(self) -> &'static str {
        match self {
            Measure::Pleasantness => "Pleasantness",
            Measure::Energy => "Energy",
            Measure::Stress => "Stress",
        }
    }
}

/// One day that has check-ins: how many, and the mean of each scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DayMean {
    pub date: NaiveDate,
    pub checkins: u32,
    pub pleasantness: f64,
    pub energy: f64,
    pub stress: f64,
}

impl DayMean {
    pub fn get(&self, measure: Measure) -> f64 {
        match measure {
            Measure::Pleasantness => self.pleasantness,
            Measure::Energy => self.energy,
            Measure::Stress => self.stress,
        }
    }
}

/// How many check-ins fell in each quarter of the mood meter. A value at or above a
/// scale's midpoint counts as high.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct QuadrantCounts {
    pub pleasant_high_energy: u32,
    pub pleasant_low_energy: u32,
    pub unpleasant_high_energy: u32,
    pub unpleasant_low_energy: u32,
}

impl QuadrantCounts {
    /// The count for the quarter content describes by its two levels.
    pub fn get(&self, pleasantness: Level, energy: Level) -> u32 {
        match (pleasantness, energy) {
            (Level::High, Level::High) => self.pleasant_high_energy,
            (Level::High, Level::Low) => self.pleasant_low_energy,
            (Level::Low, Level::High) => self.unpleasant_high_energy,
            (Level::Low, Level::Low) => self.unpleasant_low_energy,
        }
    }

    pub fn total(&self) -> u32 {
        self.pleasant_high_energy
            + self.pleasant_low_energy
            + self.unpleasant_high_energy
            + self.unpleasant_low_energy
    }
}

/// An emotion word and how many check-ins chose it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordCount {
    pub word: String,
    pub count: u32,
}

/// A stressor tag, how many check-ins carried it, and their mean stress.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TagStress {
    pub tag: String,
    pub checkins: u32,
    pub mean_stress: f64,
}

/// Practice of one item (`exercise:…`, `skill:…`) in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PracticeTotal {
    pub item_ref: String,
    pub minutes: f64,
    pub sessions: u32,
    pub days: u32,
}

/// Mean stress on one weekday, over the days with check-ins that fell on it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeekdayStress {
    pub weekday: Weekday,
    pub days: u32,
    pub mean_stress: f64,
}

/// A good moment noted with a check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoodMoment {
    pub checkin_id: i64,
    pub date: NaiveDate,
    pub text: String,
}

/// An entry as a line in a list: enough to show and choose it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryRef {
    pub id: i64,
    pub date: NaiveDate,
    pub created: DateTime<FixedOffset>,
    pub title: String,
    pub template_id: Option<String>,
}

/// Good moments and entries from this month and day in earlier years, newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OnThisDay {
    pub good_moments: Vec<GoodMoment>,
    pub entries: Vec<EntryRef>,
}

impl OnThisDay {
    pub fn is_empty(&self) -> bool {
        self.good_moments.is_empty() && self.entries.is_empty()
    }
}

/// One day's check-ins (oldest first, with ids) and entries: for a day opened from the
/// year in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct DayDetail {
    pub date: NaiveDate,
    pub checkins: Vec<(i64, CheckIn)>,
    pub entries: Vec<EntryRef>,
}

/// Everything the Insights screen and `lantern stats` show for a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Insights {
    pub period: Period,
    pub scales: Scales,
    /// One point per day with check-ins, oldest first; days without are absent.
    pub days: Vec<DayMean>,
    pub checkins: u32,
    pub quadrants: QuadrantCounts,
    /// Most chosen first.
    pub words: Vec<WordCount>,
    /// Most used first.
    pub tags: Vec<TagStress>,
    /// Monday first; weekdays without check-ins are absent.
    pub weekdays: Vec<WeekdayStress>,
    /// Most minutes first.
    pub practice: Vec<PracticeTotal>,
    pub practice_days: u32,
    pub good_moments: u32,
}

impl Insights {
    /// An empty look at a period: nothing checked in.
    pub fn empty(period: Period, scales: Scales) -> Insights {
        Insights {
            period,
            scales,
            days: Vec::new(),
            checkins: 0,
            quadrants: QuadrantCounts::default(),
            words: Vec::new(),
            tags: Vec::new(),
            weekdays: Vec::new(),
            practice: Vec::new(),
            practice_days: 0,
            good_moments: 0,
        }
    }

    pub fn days_checked_in(&self) -> u32 {
        u32::try_from(self.days.len()).unwrap_or(u32::MAX)
    }

    /// The mean over days with check-ins (each day's own mean first).
    pub fn mean(&self, measure: Measure) -> Option<f64> {
        mean_of(self.days.iter().map(|d| d.get(measure)))
    }

    pub fn trend(&self, measure: Measure) -> Trend {
        trend(&self.days, self.period, measure, self.scales.get(measure))
    }
}

fn mean_of(values: impl Iterator<Item = f64>) -> Option<f64> {
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

/// "Mondays", "Tuesdays" …
pub fn weekday_plural(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Mondays",
        Weekday::Tue => "Tuesdays",
        Weekday::Wed => "Wednesdays",
        Weekday::Thu => "Thursdays",
        Weekday::Fri => "Fridays",
        Weekday::Sat => "Saturdays",
        Weekday::Sun => "Sundays",
    }
}

fn trend_sentence(measure: Measure, trend: Trend, span: &str) -> Option<String> {
    let verb = match (measure, trend) {
        (Measure::Pleasantness, Trend::Rising { .. }) => "Pleasantness has risen",
        (Measure::Pleasantness, Trend::Falling { .. }) => "Pleasantness has dipped",
        (Measure::Energy, Trend::Rising { .. }) => "Energy has risen",
        (Measure::Energy, Trend::Falling { .. }) => "Energy has dropped",
        (Measure::Stress, Trend::Rising { .. }) => "Stress has risen",
        (Measure::Stress, Trend::Falling { .. }) => "Stress has eased",
        _ => return None,
    };
    Some(format!("{verb} {span}."))
}

/// Shows a mean as people write it: one decimal, without a trailing ".0".
pub fn one_decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
}

/// The plain-word summary of a period, by the rules in the module notes. `today` says
/// whether the period is "the last N days" or a range of dates.
pub fn summarise(insights: &Insights, today: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let period = insights.period;
    let checked = insights.days_checked_in();
    let total = period.days();
    let ends_today = period.end == today;
    out.push(match (checked, ends_today) {
        (0, true) if total == 1 => "No check-ins yet today.".to_string(),
        (0, true) => format!("No check-ins in the last {total} days."),
        (0, false) => format!(
            "No check-ins from {}.",
            date_range(period.start, period.end)
        ),
        (n, true) if n == total && total > 1 => {
            format!("You checked in on every one of the last {total} days.")
        }
        (n, false) if n == total => format!(
            "You checked in on every day from {}.",
            date_range(period.start, period.end)
        ),
        (_, true) if total == 1 => format!(
            "You checked in today{}.",
            if insights.checkins > 1 {
                format!(", {} times", insights.checkins)
            } else {
                String::new()
            }
        ),
        (n, true) => format!("You checked in on {n} of the last {total} days."),
        (n, false) => format!(
            "You checked in on {n} of the {total} days from {}.",
            date_range(period.start, period.end)
        ),
    });
    if checked == 0 {
        return out;
    }

    let span = period.span_phrase(today);
    let trends: Vec<(Measure, Trend)> = Measure::ALL
        .iter()
        .map(|&m| (m, insights.trend(m)))
        .collect();
    let changed: Vec<String> = trends
        .iter()
        .filter_map(|&(m, t)| trend_sentence(m, t, &span))
        .collect();
    let all_steady = trends
        .iter()
        .all(|(_, t)| matches!(t, Trend::Steady { .. }));
    if all_steady {
        out.push(format!(
            "Pleasantness, energy and stress have stayed fairly steady {span}."
        ));
    }
    out.extend(changed);

    if let Some((day, _, _)) = weekday_pattern(&insights.weekdays, insights.scales.stress) {
        out.push(format!(
            "Stress has been higher on {} {}.",
            weekday_plural(day),
            period.within_phrase(today)
        ));
    }

    let middle = period.middle();
    let later: Vec<f64> = insights
        .days
        .iter()
        .filter(|d| d.date >= middle)
        .map(|d| d.stress)
        .collect();
    if later.len() >= STRAIN_MIN_DAYS {
        if let Some(m) = mean_of(later.iter().copied()) {
            if insights.scales.stress.fraction(m) >= STRAIN_SHARE - 1e-9 {
                out.push(
                    "Stress has stayed high lately. That is a lot to carry: it may help to talk it \
                     through with someone you trust, such as a colleague or your supervisor."
                        .to_string(),
                );
            }
        }
    }

    if let Some(tag) = insights
        .tags
        .iter()
        .filter(|t| t.checkins >= TAG_MIN_CHECKINS)
        .max_by(|a, b| a.mean_stress.total_cmp(&b.mean_stress))
    {
        out.push(format!(
            "Check-ins tagged #{} had the highest stress: {} on average, over {} check-ins.",
            tag.tag,
            one_decimal(tag.mean_stress),
            tag.checkins
        ));
    }

    let words: Vec<&str> = insights
        .words
        .iter()
        .filter(|w| w.count >= 2)
        .take(3)
        .map(|w| w.word.as_str())
        .collect();
    if !words.is_empty() {
        out.push(format!(
            "The word{} you chose most: {}.",
            if words.len() == 1 { "" } else { "s" },
            words.join(", ")
        ));
    }

    match insights.good_moments {
        0 => {}
        1 => out.push("You noted one good moment.".to_string()),
        n => out.push(format!("You noted {n} good moments.")),
    }

    if insights.practice_days > 0 {
        let minutes: f64 = insights.practice.iter().map(|p| p.minutes).sum();
        out.push(format!(
            "You practised on {} day{}, {} minute{} in all.",
            insights.practice_days,
            if insights.practice_days == 1 { "" } else { "s" },
            minutes.round(),
            if minutes.round() == 1.0 { "" } else { "s" }
        ));
    }
    out
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

/// The last seven days, for the weekly review.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekReview {
    pub insights: Insights,
    /// Oldest first, with ids.
    pub checkins: Vec<(i64, CheckIn)>,
    /// Oldest first.
    pub good_moments: Vec<GoodMoment>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    fn day(date: &str, p: f64, e: f64, s: f64) -> DayMean {
        DayMean {
            date: d(date),
            checkins: 1,
            pleasantness: p,
            energy: e,
            stress: s,
        }
    }

    fn insights(period: Period, days: Vec<DayMean>) -> Insights {
        let mut i = Insights::empty(period, Scales::default());
        i.checkins = days.iter().map(|d| d.checkins).sum();
        i.weekdays = weekday_stress(&days);
        i.days = days;
        i
    }

    #[test]
    fn periods_count_both_ends() {
        let p = Period::last_days(d("2026-03-30"), 30);
        assert_eq!(p.start, d("2026-03-01"));
        assert_eq!(p.days(), 30);
        assert_eq!(p.middle(), d("2026-03-16"));
        assert_eq!(Period::last_days(d("2026-03-30"), 0).days(), 1);
        assert_eq!(Period::year(2024).map(|p| p.days()), Some(366));
        assert_eq!(
            Period::between(d("2026-04-02"), d("2026-03-03")).describe(d("2026-05-01")),
            "3 March to 2 April 2026"
        );
        assert_eq!(p.describe(d("2026-03-30")), "the last 30 days");
        assert_eq!(p.span_phrase(d("2026-03-30")), "over the last month");
    }

    #[test]
    fn midpoint_and_levels_follow_the_bounds() {
        let b = Bounds { min: 1, max: 10 };
        assert_eq!(b.midpoint(), 5.5);
        assert!(!b.is_high(5.0));
        assert!(b.is_high(6.0));
        assert_eq!(level(1.0, b, 7), 0);
        assert_eq!(level(10.0, b, 7), 6);
        assert_eq!(level(5.5, b, 7), 3);
        assert_eq!(level(99.0, b, 7), 6);
        let stress = Bounds { min: 0, max: 10 };
        assert_eq!(stress.midpoint(), 5.0);
        assert!(stress.is_high(5.0));
    }

    #[test]
    fn a_rise_of_a_tenth_of_the_scale_is_a_trend_and_gaps_are_absent_not_zero() {
        // 14 days, 2026-03-01..14; the later half starts on the 8th. Days without a
        // check-in (the 2nd, 4th, 9th, 11th) are simply absent.
        let p = Period::between(d("2026-03-01"), d("2026-03-14"));
        let days = vec![
            day("2026-03-01", 4.0, 5.0, 6.0),
            day("2026-03-03", 5.0, 5.0, 6.0),
            day("2026-03-05", 3.0, 5.0, 6.0), // earlier mean pleasantness 4.0
            day("2026-03-08", 5.0, 5.0, 6.0),
            day("2026-03-10", 4.5, 5.0, 6.0),
            day("2026-03-12", 5.2, 5.0, 6.0), // later mean 4.9: +0.9 = 10% of 1–10
        ];
        match trend(&days, p, Measure::Pleasantness, Bounds { min: 1, max: 10 }) {
            Trend::Rising { earlier, later } => {
                assert!((earlier - 4.0).abs() < 1e-9 && (later - 4.9).abs() < 1e-9)
            }
            other => panic!("expected a rise, got {other:?}"),
        }
        assert!(matches!(
            trend(&days, p, Measure::Stress, Bounds { min: 0, max: 10 }),
            Trend::Steady { .. }
        ));
        // Only two days in the earlier half: not enough to say.
        assert_eq!(
            trend(
                &days[1..],
                p,
                Measure::Pleasantness,
                Bounds { min: 1, max: 10 }
            ),
            Trend::NotEnough
        );
    }

    #[test]
    fn weekday_stress_averages_days_not_check_ins() {
        // Mondays 2, 9 and 16 March 2026 with day means 8, 7, 9; other days 4.
        let mut days = vec![
            day("2026-03-02", 5.0, 5.0, 8.0),
            day("2026-03-09", 5.0, 5.0, 7.0),
            day("2026-03-16", 5.0, 5.0, 9.0),
        ];
        for date in [
            "2026-03-03",
            "2026-03-04",
            "2026-03-05",
            "2026-03-06",
            "2026-03-10",
            "2026-03-11",
            "2026-03-12",
            "2026-03-13",
        ] {
            days.push(day(date, 5.0, 5.0, 4.0));
        }
        // A busy day counts once, however many check-ins it had.
        days[0].checkins = 5;
        let weekdays = weekday_stress(&days);
        assert_eq!(weekdays[0].weekday, Weekday::Mon);
        assert_eq!(weekdays[0].days, 3);
        assert_eq!(weekdays[0].mean_stress, 8.0);
        assert_eq!(
            weekday_pattern(&weekdays, Bounds { min: 0, max: 10 }),
            Some((Weekday::Mon, 8.0, 4.0))
        );
        // Fewer than ten days: no pattern is claimed.
        assert_eq!(
            weekday_pattern(&weekday_stress(&days[..9]), Bounds { min: 0, max: 10 }),
            None
        );
        let i = insights(Period::between(d("2026-03-01"), d("2026-03-31")), days);
        let text = summarise(&i, d("2026-03-31"));
        assert!(
            text.iter()
                .any(|s| s == "Stress has been higher on Mondays in the last month."),
            "{text:?}"
        );
    }

    #[test]
    fn days_checked_in_are_framed_kindly() {
        let today = d("2026-03-30");
        let p = Period::last_days(today, 30);
        let days: Vec<DayMean> = (1..=18)
            .map(|n| day(&format!("2026-03-{n:02}"), 6.0, 5.0, 4.0))
            .collect();
        let text = summarise(&insights(p, days), today);
        assert_eq!(text[0], "You checked in on 18 of the last 30 days.");
        let none = summarise(&insights(p, Vec::new()), today);
        assert_eq!(none, vec!["No check-ins in the last 30 days."]);
        let all: Vec<DayMean> = (1..=7)
            .map(|n| day(&format!("2026-03-{n:02}"), 6.0, 5.0, 4.0))
            .collect();
        let week = Period::last_days(d("2026-03-07"), 7);
        let text = summarise(&insights(week, all), d("2026-03-07"));
        assert_eq!(text[0], "You checked in on every one of the last 7 days.");
        assert_eq!(
            text[1],
            "Pleasantness, energy and stress have stayed fairly steady over the last week."
        );
        for line in text {
            assert!(!line.to_lowercase().contains("miss"), "{line}");
        }
    }

    #[test]
    fn sustained_high_stress_points_to_people() {
        let today = d("2026-03-14");
        let p = Period::last_days(today, 14);
        let days: Vec<DayMean> = (1..=14)
            .map(|n| day(&format!("2026-03-{n:02}"), 3.0, 3.0, 8.0))
            .collect();
        let text = summarise(&insights(p, days), today).join(" ");
        assert!(
            text.contains("talk it through with someone you trust"),
            "{text}"
        );
    }

    #[test]
    fn stressor_words_and_practice_sentences() {
        let today = d("2026-03-07");
        let mut i = insights(
            Period::last_days(today, 7),
            vec![day("2026-03-06", 5.0, 5.0, 5.0)],
        );
        i.tags = vec![
            TagStress {
                tag: "caseload".into(),
                checkins: 4,
                mean_stress: 7.5,
            },
            TagStress {
                tag: "team".into(),
                checkins: 2,
                mean_stress: 9.0,
            },
        ];
        i.words = vec![
            WordCount {
                word: "tired".into(),
                count: 3,
            },
            WordCount {
                word: "hopeful".into(),
                count: 1,
            },
        ];
        i.good_moments = 2;
        i.practice_days = 2;
        i.practice = vec![PracticeTotal {
            item_ref: "exercise:soothing-breathing".into(),
            minutes: 12.5,
            sessions: 3,
            days: 2,
        }];
        let text = summarise(&i, today);
        assert!(
            text.contains(
                &"Check-ins tagged #caseload had the highest stress: 7.5 on average, over 4 check-ins."
                    .to_string()
            ),
            "{text:?}"
        );
        assert!(text.contains(&"The word you chose most: tired.".to_string()));
        assert!(text.contains(&"You noted 2 good moments.".to_string()));
        assert!(text.contains(&"You practised on 2 days, 13 minutes in all.".to_string()));
    }

    #[test]
    fn a_year_grid_has_every_real_day_and_only_those() {
        let grid = year_grid(
            2024,
            &[
                day("2024-02-29", 7.0, 5.0, 3.0),
                day("2023-02-01", 1.0, 1.0, 1.0),
            ],
        );
        assert_eq!(grid.months.len(), 12);
        assert_eq!(grid.months[1].len(), 29);
        assert_eq!(grid.months[3].len(), 30);
        assert_eq!(grid.day(d("2024-02-29")).map(|m| m.pleasantness), Some(7.0));
        assert_eq!(grid.day(d("2024-02-01")), None);
        assert_eq!(days_in_month(2025, 2), 28);
        assert_eq!(days_in_month(2025, 12), 31);
    }

    #[test]
    fn the_outcomes_reflection_is_timely_once_a_month() {
        assert!(outcomes_reflection_due(None, d("2026-03-30")));
        assert!(!outcomes_reflection_due(
            Some(d("2026-03-01")),
            d("2026-03-30")
        ));
        assert!(outcomes_reflection_due(
            Some(d("2026-02-28")),
            d("2026-03-30")
        ));
    }
}
