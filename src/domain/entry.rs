//! A diary entry: free writing, or a template's prompts with your answers, or both.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub prompt_id: String,
    /// The prompt's wording when it was answered, so the entry reads the same even if
    /// the content changes later.
    pub prompt: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The store's row id; 0 for an entry not yet saved. Not exported.
    #[serde(skip)]
    pub id: i64,
    pub uid: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_id: Option<String>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<Answer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub created: DateTime<FixedOffset>,
    pub updated: DateTime<FixedOffset>,
}

impl Entry {
    /// True when nothing has been written: no title, body or answer.
    pub fn is_empty(&self) -> bool {
        self.title.trim().is_empty()
            && self.body.trim().is_empty()
            && self.answers.iter().all(|a| a.text.trim().is_empty())
    }

    /// The answers as one text, for the search index.
    pub fn answers_text(&self) -> String {
        let texts: Vec<&str> = self
            .answers
            .iter()
            .map(|a| a.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        texts.join("\n\n")
    }

    /// What to call the entry in a list: its title, or else its first words.
    pub fn display_title(&self) -> String {
        display_title(&self.title, &self.body, &self.answers_text())
    }
}

/// The title, or the first line of the body or answers, shortened to fit a list.
pub fn display_title(title: &str, body: &str, answers: &str) -> String {
    let source = [title, body, answers]
        .into_iter()
        .find(|t| !t.trim().is_empty())
        .unwrap_or("");
    let line = source.trim().lines().next().unwrap_or("").trim();
    if line.is_empty() {
        return "(untitled)".to_string();
    }
    shorten(line, 60)
}

/// At most `max` columns, cut at a whole word and ending in `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    crate::text::fit::truncate(text, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_title_falls_back_to_the_first_words() {
        assert_eq!(display_title("", "\nFirst line\nsecond", ""), "First line");
        assert_eq!(display_title("", "", "an answer"), "an answer");
        assert_eq!(display_title("", " ", ""), "(untitled)");
        assert_eq!(shorten("héllo wörld", 6), "héllo…");
    }
}
