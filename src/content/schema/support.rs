//! Support: models of support, the support finder's questions, the plan's sections and
//! where to turn for help now.

use super::Located;
use serde::Deserialize;

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

/// The roles the first run offers, by id; a contact's `roles` names some of them.
pub const ROLE_IDS: &[&str] = &["health-visitor", "social-worker", "other"];

/// Where and when a contact's number or service was confirmed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checked {
    /// The page that says so (`samaritans.org/...`).
    pub at: String,
    /// When, as `YYYY-MM`.
    pub on: String,
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
    /// The roles it is right for (`social-worker` …); none means everyone.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Who it is for, in words, shown beside it when no role is set ("for social workers").
    #[serde(default)]
    pub roles_label: Option<String>,
    #[serde(default)]
    pub checked: Option<Checked>,
    /// The site it comes from, where Lantern could not confirm it.
    #[serde(default)]
    pub from: Option<String>,
}

impl Contact {
    /// Whether it is right for `role`. With no role, or one Lantern does not know,
    /// every contact is shown, so nobody loses a line that might be theirs.
    pub fn is_for(&self, role: Option<&str>) -> bool {
        match role.filter(|r| ROLE_IDS.contains(r)) {
            Some(role) => self.roles.is_empty() || self.roles.iter().any(|r| r == role),
            None => true,
        }
    }
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

impl Region {
    /// The region as someone in `role` sees it: only the contacts right for them.
    /// Without a known role, a contact meant for one role carries its label in its
    /// name, so a health visitor does not take a social workers' service for theirs.
    pub fn for_role(&self, role: Option<&str>) -> Region {
        let known = role.is_some_and(|r| ROLE_IDS.contains(&r));
        let pick = |contacts: &[Contact]| -> Vec<Contact> {
            contacts
                .iter()
                .filter(|c| c.is_for(role))
                .cloned()
                .map(|mut c| {
                    if let (false, false, Some(label)) =
                        (known, c.roles.is_empty(), c.roles_label.as_deref())
                    {
                        c.name = format!("{} ({label})", c.name);
                    }
                    c
                })
                .collect()
        };
        Region {
            people: pick(&self.people),
            services: pick(&self.services),
            urgent: pick(&self.urgent),
            ..self.clone()
        }
    }
}
