//! The plain-word sentences a period turns into, by the rules in the module notes.

use chrono::{NaiveDate, Weekday};

use crate::content::schema::InsightWords;

use super::model::{date_range, Insights, Measure};
use super::stats::{mean_of, weekday_pattern, Trend};
use super::{STRAIN_MIN_DAYS, STRAIN_SHARE, TAG_MIN_CHECKINS};

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

/// The plain-word summary of a period, in the built-in words. Callers that hold the
/// user's content should use [`summarise_with`], so their own wording is used.
pub fn summarise(insights: &Insights, today: NaiveDate) -> Vec<String> {
    summarise_with(insights, today, &crate::content::built_in_words().insights)
}

/// The plain-word summary of a period, by the rules in the module notes. `today` says
/// whether the period is "the last N days" or a range of dates; `words` holds the
/// advice said beside the numbers.
pub fn summarise_with(insights: &Insights, today: NaiveDate, words: &InsightWords) -> Vec<String> {
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
                out.push(words.strain_advice.to_string());
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
        let whole = minutes.round() as usize;
        out.push(format!(
            "You practised on {}, {} in all.",
            crate::text::plural::count(insights.practice_days as usize, "day", "days"),
            crate::text::plural::count(whole, "minute", "minutes")
        ));
    }
    out
}
