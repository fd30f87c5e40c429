//! What turns a check-in into a suggestion, and the quiet nudges for the shell.

use super::Located;
use serde::Deserialize;
use toml::Spanned;

/// An inclusive range of scale values, written `[min, max]`.
pub type Range = [i64; 2];

/// "On at least `at_least` of the last `days` days, a check-in was within these ranges."
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recent {
    pub days: u32,
    pub at_least: u32,
    #[serde(default)]
    pub pleasantness: Option<Range>,
    #[serde(default)]
    pub energy: Option<Range>,
    #[serde(default)]
    pub stress: Option<Range>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckInKindName {
    Daily,
    AfterVisit,
}

/// Conditions on the latest check-in (and, optionally, recent history). All given
/// conditions must hold.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conditions {
    #[serde(default)]
    pub kind: Option<CheckInKindName>,
    #[serde(default)]
    pub pleasantness: Option<Spanned<Range>>,
    #[serde(default)]
    pub energy: Option<Spanned<Range>>,
    #[serde(default)]
    pub stress: Option<Spanned<Range>>,
    /// The emotion system named in the check-in is one of these system ids.
    #[serde(default)]
    pub system: Option<Vec<Located>>,
    /// At least one of these stress ids was tagged.
    #[serde(default)]
    pub tags_any: Option<Vec<Located>>,
    /// At least one of these mood-meter emotion words was chosen (any case).
    #[serde(default)]
    pub words_any: Option<Vec<Located>>,
    #[serde(default)]
    pub recent: Option<Spanned<Recent>>,
}

// A list given is a condition even when empty (and then nothing matches it, and the
// content check says so): an empty list that matched everything turned a rule for
// despair into one for every check-in.
impl Conditions {
    pub fn systems(&self) -> &[Located] {
        self.system.as_deref().unwrap_or_default()
    }

    pub fn tags(&self) -> &[Located] {
        self.tags_any.as_deref().unwrap_or_default()
    }

    pub fn words(&self) -> &[Located] {
        self.words_any.as_deref().unwrap_or_default()
    }
}

/// A rule that turns a check-in into one small, kind suggestion.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: Located,
    pub name: String,
    /// Higher goes first when several rules match.
    pub priority: i64,
    pub message: String,
    pub when: Conditions,
    /// What to offer, first one first: `skill:…`, `exercise:…`, `model:…`, `template:…`.
    pub offer: Vec<Located>,
    /// The pattern of sustained strain; such a rule must set `offer_help`.
    #[serde(default)]
    pub strain: bool,
    /// Also show where to get help, for the user's region.
    #[serde(default)]
    pub offer_help: bool,
    pub source: String,
}

/// A quiet line for `lantern nudge` when today has no check-in yet.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nudge {
    pub id: Located,
    pub text: String,
    pub source: String,
}
