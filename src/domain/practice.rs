//! The practice log: a record that you practised something (an exercise, a skill, a
//! step), when, for how long, and an optional word about how it was.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// One time you practised something.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeRecord {
    /// Stable across export and import.
    pub uid: String,
    /// What was practised, as a content reference: `exercise:soothing-breathing`.
    pub item_ref: String,
    /// When it started, in the user's local time of that moment.
    pub at: DateTime<FixedOffset>,
    /// How long, in minutes, to one decimal place.
    pub minutes: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Seconds of practice as minutes, rounded to one decimal place (never negative).
pub fn minutes_from_seconds(seconds: f64) -> f64 {
    if !seconds.is_finite() || seconds <= 0.0 {
        return 0.0;
    }
    (seconds / 6.0).round() / 10.0
}

/// A note as typed: trimmed, and `None` when blank.
pub fn clean_note(note: Option<String>) -> Option<String> {
    note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty())
}

/// Minutes for display: `3`, `0.5`, `12.3`.
pub fn format_minutes(minutes: f64) -> String {
    let rounded = (minutes * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_round_to_a_tenth_of_a_minute() {
        assert_eq!(minutes_from_seconds(0.0), 0.0);
        assert_eq!(minutes_from_seconds(-5.0), 0.0);
        assert_eq!(minutes_from_seconds(f64::NAN), 0.0);
        assert_eq!(minutes_from_seconds(60.0), 1.0);
        assert_eq!(minutes_from_seconds(190.0), 3.2);
        assert_eq!(minutes_from_seconds(2.0), 0.0);
        assert_eq!(minutes_from_seconds(3.0), 0.1);
    }

    #[test]
    fn minutes_print_plainly() {
        assert_eq!(format_minutes(3.0), "3");
        assert_eq!(format_minutes(0.5), "0.5");
        assert_eq!(format_minutes(12.34), "12.3");
    }

    #[test]
    fn blank_notes_are_none() {
        assert_eq!(clean_note(Some("  ".into())), None);
        assert_eq!(clean_note(Some(" calmer ".into())), Some("calmer".into()));
        assert_eq!(clean_note(None), None);
    }
}
