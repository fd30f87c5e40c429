//! Guides for the hardest times at work: what may help in the days after, and who to
//! turn to.

use super::Located;
use serde::Deserialize;

/// A guide for a hard time, read like a topic: a summary, short steps for the days
/// after, who to turn to and what may come later.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Care {
    pub id: Located,
    pub name: String,
    pub summary: String,
    /// Short steps or paragraphs, in the order a person needs them.
    pub in_the_days_after: Vec<String>,
    /// Who to turn to, people first.
    #[serde(default)]
    pub turn_to: Vec<String>,
    /// What may come later, said last.
    #[serde(default)]
    pub later: Option<String>,
    /// One line for help now saying when the guide is for; only a guide with one is
    /// offered there.
    #[serde(default)]
    pub signpost: Option<String>,
    #[serde(default)]
    pub related: Vec<Located>,
    pub source: String,
}
