//! Registration bodies: what each regulator asks a registrant to collect over a cycle,
//! as data, so a new body or a changed rule is a content edit.

use super::Located;
use serde::Deserialize;
use toml::Spanned;

/// The record kinds a requirement may count, as written in `record`.
pub const RECORD_KINDS: &[&str] = &["reflective_account", "cpd", "feedback", "discussion"];

/// A body that keeps a professional register.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub id: Located,
    pub name: String,
    pub summary: String,
    /// Left out where the body's cycle could not be stated with confidence.
    #[serde(default)]
    pub cycle: Option<Cycle>,
    /// The questions of a written reflective account, in order.
    #[serde(default, rename = "question")]
    pub questions: Vec<AccountQuestion>,
    /// The parts of the body's code a record can relate to.
    #[serde(default, rename = "theme")]
    pub themes: Vec<CodeTheme>,
    #[serde(default, rename = "requirement")]
    pub requirements: Vec<Requirement>,
    pub source: String,
}

/// How long one cycle lasts: whole years back from the renewal date, or a year that
/// ends on a fixed day (`MM-DD`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cycle {
    #[serde(default)]
    pub years: Option<Spanned<u32>>,
    #[serde(default)]
    pub yearly_until: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountQuestion {
    pub id: Located,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeTheme {
    pub id: Located,
    pub name: String,
}

/// One thing to collect in a cycle: a number of records of one kind, or a number of
/// hours; with neither, the records are counted with no target.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub id: Located,
    /// One of `RECORD_KINDS`.
    pub record: Located,
    #[serde(default)]
    pub at_least: Option<Spanned<u32>>,
    #[serde(default)]
    pub hours_at_least: Option<Spanned<u32>>,
    /// Only participatory CPD counts.
    #[serde(default)]
    pub participatory: bool,
    /// Only CPD reflected on with a peer counts.
    #[serde(default)]
    pub with_peer: bool,
    /// What is counted, after the numbers ("reflective accounts").
    pub label: String,
    /// Question ids every account answers, for a reflective-account requirement.
    #[serde(default)]
    pub questions: Vec<Located>,
    /// Theme ids an account can tick.
    #[serde(default)]
    pub themes: Vec<Located>,
    pub source: String,
}

impl Body {
    pub fn theme(&self, id: &str) -> Option<&CodeTheme> {
        self.themes.iter().find(|t| t.id.as_ref() == id)
    }
}

/// `MM-DD` as (month, day), when it is a day every year has.
pub fn month_day(text: &str) -> Option<(u32, u32)> {
    let (month, day) = text.split_once('-')?;
    let (month, day): (u32, u32) = (month.parse().ok()?, day.parse().ok()?);
    // 2001 is not a leap year, so 29 February is refused: a cycle must end every year.
    chrono::NaiveDate::from_ymd_opt(2001, month, day).map(|_| (month, day))
}
