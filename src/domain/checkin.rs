//! A check-in: how pleasant and how energetic now feels, how stressed you are, which
//! emotion system feels most active, and optional words, tags, a note and a good moment.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::content::Content;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckInKind {
    Daily,
    AfterVisit,
}

impl CheckInKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckInKind::Daily => "daily",
            CheckInKind::AfterVisit => "after_visit",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "daily" => Some(CheckInKind::Daily),
            "after_visit" => Some(CheckInKind::AfterVisit),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    /// Stable across export and import, so importing twice adds nothing.
    pub uid: String,
    pub kind: CheckInKind,
    /// When, in the user's local time of that moment.
    pub at: DateTime<FixedOffset>,
    pub pleasantness: i64,
    pub energy: i64,
    pub stress: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub good_moment: Option<String>,
}

/// A check-in as typed by a person, before it is checked against the content.
#[derive(Debug, Clone, Default)]
pub struct CheckInInput {
    pub pleasantness: i64,
    pub energy: i64,
    pub stress: i64,
    pub system: Option<String>,
    pub words: Vec<String>,
    pub tags: Vec<String>,
    pub note: Option<String>,
    pub good_moment: Option<String>,
    pub after_visit: bool,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum CheckInError {
    #[error("{scale} {value} is out of range: it goes from {min} to {max}.")]
    OutOfRange {
        scale: String,
        value: i64,
        min: i64,
        max: i64,
    },
    #[error("`{given}` is not an emotion system. Choose one of: {allowed}.")]
    UnknownSystem { given: String, allowed: String },
    #[error("`{given}` is not one of Lantern's emotion words. Choose from: {allowed}.")]
    UnknownWord { given: String, allowed: String },
    #[error("`{given}` is not a stressor tag. Choose from: {allowed}.")]
    UnknownTag { given: String, allowed: String },
}

/// Lower-case, trimmed, without a leading `@` or `#`; sorted and unique.
pub fn normalise_tags<I, S>(tags: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out: Vec<String> = tags
        .into_iter()
        .map(|t| {
            t.as_ref()
                .trim()
                .trim_start_matches(['@', '#'])
                .to_lowercase()
        })
        .filter(|t| !t.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn blank_to_none(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

impl CheckInInput {
    /// Checks every value against the scales, words, systems and tags in `content`.
    pub fn validate(
        self,
        content: &Content,
        uid: String,
        at: DateTime<FixedOffset>,
    ) -> Result<CheckIn, CheckInError> {
        for (id, value) in [
            ("pleasantness", self.pleasantness),
            ("energy", self.energy),
            ("stress", self.stress),
        ] {
            if let Some(scale) = content.scale(id) {
                if value < scale.min || value > scale.max {
                    return Err(CheckInError::OutOfRange {
                        scale: scale.name.clone(),
                        value,
                        min: scale.min,
                        max: scale.max,
                    });
                }
            }
        }
        let system = match self.system.map(|s| s.trim().to_lowercase()) {
            Some(s) if !content.systems.iter().any(|sys| sys.id.as_ref() == &s) => {
                return Err(CheckInError::UnknownSystem {
                    given: s,
                    allowed: content
                        .systems
                        .iter()
                        .map(|s| s.id.as_ref().as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
            other => other,
        };
        let known_words = content.emotion_words();
        let mut words = Vec::new();
        for word in &self.words {
            let word = word.trim().to_lowercase();
            if !known_words.iter().any(|w| w.to_lowercase() == word) {
                return Err(CheckInError::UnknownWord {
                    given: word,
                    allowed: known_words.join(", "),
                });
            }
            if !words.contains(&word) {
                words.push(word);
            }
        }
        let tags = normalise_tags(&self.tags);
        for tag in &tags {
            if !content.stresses.iter().any(|s| s.id.as_ref() == tag) {
                return Err(CheckInError::UnknownTag {
                    given: tag.clone(),
                    allowed: content
                        .stresses
                        .iter()
                        .map(|s| s.id.as_ref().as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
        }
        Ok(CheckIn {
            uid,
            kind: if self.after_visit {
                CheckInKind::AfterVisit
            } else {
                CheckInKind::Daily
            },
            at,
            pleasantness: self.pleasantness,
            energy: self.energy,
            stress: self.stress,
            system,
            words,
            tags,
            note: blank_to_none(self.note),
            good_moment: blank_to_none(self.good_moment),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> CheckInInput {
        CheckInInput {
            pleasantness: 3,
            energy: 7,
            stress: 8,
            ..Default::default()
        }
    }

    fn now() -> DateTime<FixedOffset> {
        let at = "2026-11-22T17:30:00+00:00";
        DateTime::parse_from_rfc3339(at).expect("valid time") // ok: test
    }

    #[test]
    fn a_valid_check_in_keeps_its_values() {
        let content = crate::content::built_in();
        let mut i = input();
        i.system = Some("Threat".into());
        i.tags = vec!["@Caseload".into()];
        let c = i.validate(&content, "u1".into(), now()).expect("valid"); // ok: test
        assert_eq!((c.pleasantness, c.energy, c.stress), (3, 7, 8));
        assert_eq!(c.system.as_deref(), Some("threat"));
        assert_eq!(c.tags, vec!["caseload"]);
        assert_eq!(c.kind, CheckInKind::Daily);
    }

    #[test]
    fn out_of_range_names_the_scale_and_its_bounds() {
        let content = crate::content::built_in();
        let mut i = input();
        i.stress = 11;
        let e = i.validate(&content, "u".into(), now()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Stress 11 is out of range: it goes from 0 to 10."
        );
    }

    #[test]
    fn unknown_words_systems_and_tags_list_the_allowed_values() {
        let content = crate::content::built_in();
        let mut i = input();
        i.words = vec!["zzz".into()];
        let e = i
            .validate(&content, "u".into(), now())
            .unwrap_err()
            .to_string();
        assert!(e.contains("`zzz`") && e.contains("anxious"), "{e}");

        let mut i = input();
        i.system = Some("panic".into());
        let e = i
            .validate(&content, "u".into(), now())
            .unwrap_err()
            .to_string();
        assert!(e.contains("threat, drive, soothe"), "{e}");

        let mut i = input();
        i.tags = vec!["weather".into()];
        let e = i
            .validate(&content, "u".into(), now())
            .unwrap_err()
            .to_string();
        assert!(e.contains("caseload"), "{e}");
    }

    #[test]
    fn tags_are_normalised() {
        assert_eq!(
            normalise_tags(["@Work", " #work ", "Home", ""]),
            vec!["home", "work"]
        );
    }
}
