//! Reading matter: topics, diary templates, recommendations, conversation guides,
//! leaders' tools and the library's shelves.

use super::Located;
use serde::Deserialize;

/// A topic a practitioner can read and act on: a skill, a step, a good practice point,
/// one of the 6C values, a leadership dimension, a briefing point.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: Located,
    pub name: String,
    /// Position where the source numbers it (steps 1–10, the star's points).
    #[serde(default)]
    pub number: Option<u32>,
    pub summary: String,
    #[serde(default)]
    pub detail: Option<String>,
    /// Things to do.
    #[serde(default)]
    pub practices: Vec<String>,
    /// Questions to reflect on.
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub related: Vec<Located>,
    pub source: String,
}

/// A guided diary template: prompts answered one at a time.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: Located,
    pub name: String,
    pub summary: String,
    /// When it suits, in a few words ("after a hard visit").
    #[serde(default)]
    pub when: Option<String>,
    /// Tags given to entries written with it.
    #[serde(default)]
    pub tags: Vec<String>,
    /// A template with no prompts is free writing.
    #[serde(default)]
    pub prompts: Vec<Prompt>,
    #[serde(default)]
    pub related: Vec<Located>,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    /// Unique within its template; stored with each answer.
    pub id: Located,
    pub text: String,
    #[serde(default)]
    pub hint: Option<String>,
}

/// An area of the key recommendations for practitioners.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    pub id: Located,
    pub name: String,
    #[serde(default)]
    pub number: Option<u32>,
    pub summary: String,
    pub actions: Vec<String>,
    #[serde(default)]
    pub related: Vec<Located>,
    pub source: String,
}

/// Steps or key points for a conversation (courageous conversations, influencing).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub id: Located,
    pub name: String,
    pub summary: String,
    pub steps: Vec<String>,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub related: Vec<Located>,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ToolForm {
    /// Rows × columns to fill in.
    Table,
    /// Questions to tick through.
    Checklist,
    /// Questions grouped in sections.
    Questions,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolSection {
    pub name: String,
    pub questions: Vec<String>,
}

/// A reflective tool for supervisors and leaders.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub id: Located,
    pub name: String,
    pub form: ToolForm,
    pub summary: String,
    /// For tables: the column headings after the first.
    #[serde(default)]
    pub columns: Vec<String>,
    /// For tables: the row headings.
    #[serde(default)]
    pub rows: Vec<String>,
    #[serde(default)]
    pub sections: Vec<ToolSection>,
    #[serde(default)]
    pub related: Vec<Located>,
    pub source: String,
}

/// A shelf of the library: a heading and the kinds of item it holds, in order.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shelf {
    pub id: Located,
    pub name: String,
    pub summary: String,
    /// Kind names (`skill`, `value` …) whose items sit on this shelf, in this order.
    pub kinds: Vec<Located>,
    pub source: String,
}
