//! The shape of every content file. Code knows these shapes; the wording lives in
//! `content/*.toml`. Every item is an array-of-tables entry (`[[skill]]`, `[[rule]]` …)
//! with a stable `id`, unique across all files, and a `source` naming the document and
//! section it was written from. Cross-references are written `kind:id`
//! (for example `exercise:soothing-breathing`) and are checked when content loads.

use serde::Deserialize;
use toml::Spanned;

/// An id or a `kind:id` reference, with where it stands in its file.
pub type Located = Spanned<String>;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Need {
    /// Being heard.
    Heard,
    /// Thinking a problem through.
    Think,
    /// Growing a skill.
    Grow,
    /// Processing something distressing.
    Process,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Setting {
    Alone,
    One,
    Group,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Formality {
    Informal,
    Formal,
}

/// A model or concept of support.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportModel {
    pub id: Located,
    pub name: String,
    pub summary: String,
    #[serde(default)]
    pub detail: Option<String>,
    /// Needs and situations it suits.
    pub suits: Vec<String>,
    /// For the support finder.
    pub needs: Vec<Need>,
    pub settings: Vec<Setting>,
    pub formality: Vec<Formality>,
    pub how_to_find: String,
    #[serde(default)]
    pub consider: Vec<String>,
    /// One question to take away.
    pub question: String,
    #[serde(default)]
    pub related: Vec<Located>,
    pub source: String,
}

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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    /// How to reach them, in words ("ask to talk after the team meeting").
    pub how: String,
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default)]
    pub when: Option<String>,
}

/// Where to turn when things are too much, for one region.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// A region code such as `gb`; matched against the `region` setting.
    pub id: Located,
    pub name: String,
    pub intro: String,
    pub people: Vec<Contact>,
    pub services: Vec<Contact>,
    pub urgent: Vec<Contact>,
    #[serde(default)]
    pub note: Option<String>,
    pub source: String,
}

/// An inclusive range of scale values, written `[min, max]`.
pub type Range = [i64; 2];

/// "In the last `days` days, at least `at_least` check-ins were within these ranges."
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
    pub system: Vec<Located>,
    /// At least one of these stress ids was tagged.
    #[serde(default)]
    pub tags_any: Vec<Located>,
    #[serde(default)]
    pub recent: Option<Spanned<Recent>>,
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

/// The words a pacer shows (or a screen reader speaks) for each phase of a breath.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseWords {
    pub inhale: String,
    pub hold: String,
    pub exhale: String,
    pub rest: String,
}

/// A shelf of the library: a heading and the kinds of item it holds, in order.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shelf {
    pub id: Located,
    pub name: String,
    pub summary: String,
    /// Kind names (`skill`, `value` …) whose items sit on this shelf, in this order.
    pub kinds: Vec<String>,
    pub source: String,
}

/// One answer to a support-finder question, and what it says about the support wanted.
/// An answer may leave all three unset ("not sure").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// Unique within its question.
    pub id: Located,
    pub text: String,
    #[serde(default)]
    pub need: Option<Need>,
    #[serde(default)]
    pub setting: Option<Setting>,
    #[serde(default)]
    pub formality: Option<Formality>,
}

/// A question of the support finder, asked in file order.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Located,
    pub text: String,
    #[serde(default)]
    pub hint: Option<String>,
    pub answers: Vec<Answer>,
    pub source: String,
}

/// A section of the compassionate resilience plan.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSection {
    pub id: Located,
    pub name: String,
    #[serde(default)]
    pub number: Option<u32>,
    /// What to write here, in a sentence or two.
    pub summary: String,
    /// Questions that help you write it.
    #[serde(default)]
    pub questions: Vec<String>,
    /// A kind (`sign`, `model` …) whose items can be picked as lines of this section.
    #[serde(default)]
    pub pick_from: Option<String>,
    #[serde(default)]
    pub related: Vec<Located>,
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

macro_rules! item_of {
    ($ty:ty, $title:ident $(, $refs:ident)*) => {
        impl super::parse::Item for $ty {
            fn id(&self) -> &Located {
                &self.id
            }
            fn title(&self) -> &str {
                &self.$title
            }
            fn refs(&self) -> Vec<&Located> {
                #[allow(unused_mut)]
                let mut out: Vec<&Located> = Vec::new();
                $(out.extend(self.$refs.iter());)*
                out
            }
        }
    };
}

item_of!(Shelf, name);
item_of!(Question, text);
item_of!(PlanSection, name, related);
item_of!(Nudge, text);
