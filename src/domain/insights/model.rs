//! The shapes of what the store aggregates: scales and periods, per-day means, the
//! mood meter's counts, words, stressors, practice, good moments and entries.

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, Weekday};
use serde::Serialize;

use crate::content::schema::Level;
use crate::content::Content;
use crate::domain::checkin::CheckIn;

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
