//! Signs of strain, and the short notes beside them (factors, stresses, outcomes).

use super::Located;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SignCategory {
    Feeling,
    Thought,
    Behaviour,
}

/// A sign that resilience may be wearing thin.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sign {
    pub id: Located,
    pub category: SignCategory,
    pub text: String,
    pub source: String,
}

/// A short named item: a factor that helps, a current stress of the work (its id is
/// usable as a check-in tag), an expected outcome.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: Located,
    pub name: String,
    pub summary: String,
    /// For outcomes: a question for periodic self-reflection.
    #[serde(default)]
    pub question: Option<String>,
    pub source: String,
}
