//! The confidentiality check's detectors: a pattern each, with the words shown beside
//! what it finds and the placeholder that can take its place.

use super::Located;
use serde::Deserialize;
use toml::Spanned;

/// One detector of a detail that could identify someone.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    pub id: Located,
    /// What the finding is called when shown ("Postcode").
    pub label: String,
    /// What replaces the detail when the person chooses to take it out ("[postcode]").
    pub placeholder: String,
    /// One short line on why this detail matters.
    pub why: String,
    /// A Rust regex; only a `watch` pattern may go without (the words are the person's).
    #[serde(default)]
    pub regex: Option<Spanned<String>>,
    /// A rule in code applied to each match (`nhs`, `ni`, `name` …).
    #[serde(default)]
    pub check: Option<Spanned<String>>,
    /// Matches to leave alone, compared without regard to case.
    #[serde(default)]
    pub except: Vec<String>,
    pub source: String,
}

/// The rules in code a pattern's `check` may name.
pub const PATTERN_CHECKS: &[&str] = &["nhs", "chi", "hc", "ni", "phone", "birth", "name", "watch"];

/// Lower-case English words, one a line: a capitalised word outside it may be a name.
pub const ENGLISH_WORDS: &str = include_str!("../../../content/english_words.txt");
