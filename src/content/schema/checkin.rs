//! The check-in's scales, the mood meter's quarters and the emotion systems.

use super::Located;
use serde::Deserialize;

/// A check-in scale: `pleasantness`, `energy` or `stress`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: Located,
    pub name: String,
    pub question: String,
    pub min: i64,
    pub max: i64,
    pub default: i64,
    /// What the low and high ends mean, in a word or two.
    pub low: String,
    pub high: String,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    High,
    Low,
}

/// One quarter of the mood meter and the emotion words that live there.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quadrant {
    pub id: Located,
    pub name: String,
    pub pleasantness: Level,
    pub energy: Level,
    pub summary: String,
    pub words: Vec<String>,
    pub source: String,
}

/// One of the three emotion systems: `threat`, `drive`, `soothe`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct System {
    pub id: Located,
    pub name: String,
    pub summary: String,
    /// How it can feel from the inside, in one line.
    pub feels_like: String,
    #[serde(default)]
    pub related: Vec<Located>,
    pub source: String,
}
