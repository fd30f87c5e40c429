//! Exercises and the breathing rhythm their pacer follows.

use super::Located;
use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExerciseKind {
    Breathing,
    Guided,
}

/// A paced breathing rhythm, in seconds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rhythm {
    pub inhale: f64,
    #[serde(default)]
    pub hold: f64,
    pub exhale: f64,
    #[serde(default)]
    pub rest: f64,
    pub cycles: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseStep {
    pub text: String,
    /// How long a pacer stays on this step. Required: a step without one is an error.
    #[serde(default)]
    pub seconds: Option<u32>,
    /// Set on the step that follows the exercise's `rhythm`: the words for each phase
    /// of a breath. Such a step lasts as long as the rhythm's cycles take.
    #[serde(default)]
    pub phases: Option<PhaseWords>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: Located,
    pub name: String,
    pub kind: ExerciseKind,
    pub summary: String,
    #[serde(default)]
    pub rhythm: Option<Rhythm>,
    pub steps: Vec<Spanned<ExerciseStep>>,
    #[serde(default)]
    pub related: Vec<Located>,
    pub source: String,
}

/// The words a pacer shows (or a screen reader speaks) for each phase of a breath.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseWords {
    pub inhale: String,
    pub hold: String,
    pub exhale: String,
    pub rest: String,
}
