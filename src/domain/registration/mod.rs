//! The evidence a registered professional collects for their regulator: reflective
//! accounts, CPD, practice-related feedback and reflective discussions, and where a
//! person stands in their cycle. The rules come from content (`registration.toml`);
//! this module only counts.

pub mod account_text;
mod cycle;
mod progress;
mod recent;

use std::collections::BTreeMap;

use chrono::NaiveDate;

pub use cycle::{window, Window};
pub use progress::{long_date, progress, CycleProgress, Line};
pub use recent::recent;

/// A written reflective account, answering the body's questions by their ids.
#[derive(Debug, Clone, PartialEq)]
pub struct ReflectiveAccount {
    pub id: i64,
    pub uid: String,
    /// The local day it was written, which places it in a cycle.
    pub local_date: NaiveDate,
    pub title: String,
    pub answers: BTreeMap<String, String>,
    /// Theme ids of the body's code it relates to.
    pub themes: Vec<String>,
    /// The diary entry it was started from, while that entry is kept.
    pub entry_id: Option<i64>,
}

/// A piece of continuing professional development. The fields cover what both the
/// NMC (method, topic, dates, hours, the Code) and Social Work England (type,
/// description, learning, impact) ask for; each body's form picks its own.
#[derive(Debug, Clone, PartialEq)]
pub struct CpdActivity {
    pub id: i64,
    pub uid: String,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub hours: f64,
    /// Learning with others (a workshop, a course, a discussion) rather than alone.
    pub participatory: bool,
    /// How: course, reading, e-learning, shadowing …; SWE's "type".
    pub method: String,
    /// What it was about; SWE's "description".
    pub topic: String,
    /// Theme ids of the body's code it relates to.
    pub themes: Vec<String>,
    pub learnt: Option<String>,
    /// The difference it made to your practice.
    pub impact: Option<String>,
    /// The difference it made to the people you work with.
    pub impact_people: Option<String>,
    /// Reflected on with a peer, as Social Work England asks of one record a year.
    pub with_peer: bool,
    pub note: Option<String>,
}

/// Practice-related feedback: from a colleague, a family, a manager, an audit …
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    pub id: i64,
    pub uid: String,
    pub received_on: NaiveDate,
    /// Who or where it came from, in general words ("colleague", "family").
    pub source: String,
    pub summary: String,
    pub reflection: Option<String>,
}

/// A reflective discussion with another registrant about one's accounts.
#[derive(Debug, Clone, PartialEq)]
pub struct Discussion {
    pub id: i64,
    pub uid: String,
    pub held_on: NaiveDate,
    pub partner_name: String,
    /// The other registrant's registration number (the NMC's PIN).
    pub partner_pin: String,
    pub note: Option<String>,
}

/// Everything collected, owned, oldest first: what the store hands back.
#[derive(Debug, Clone, Default)]
pub struct Held {
    pub accounts: Vec<ReflectiveAccount>,
    pub cpd: Vec<CpdActivity>,
    pub feedback: Vec<Feedback>,
    pub discussions: Vec<Discussion>,
}

impl Held {
    pub fn records(&self) -> Records<'_> {
        Records {
            accounts: &self.accounts,
            cpd: &self.cpd,
            feedback: &self.feedback,
            discussions: &self.discussions,
        }
    }
}

/// Everything collected, for counting against a body's requirements.
#[derive(Debug, Clone, Copy, Default)]
pub struct Records<'a> {
    pub accounts: &'a [ReflectiveAccount],
    pub cpd: &'a [CpdActivity],
    pub feedback: &'a [Feedback],
    pub discussions: &'a [Discussion],
}

/// Hours as a person writes them: whole when whole, else to a tenth ("21", "2.5").
pub fn hours_text(hours: f64) -> String {
    // Adding zero turns the sum of no hours (-0.0) into 0, never "-0".
    let tenths = (hours * 10.0).round() / 10.0 + 0.0;
    if tenths.fract() == 0.0 {
        format!("{tenths:.0}")
    } else {
        format!("{tenths:.1}")
    }
}

/// The most hours one CPD record can hold: past it, a slip of the keyboard
/// (350 for 3.50) is far likelier than a real activity.
pub const MOST_HOURS: f64 = 500.0;

/// Why `hours` cannot be one activity's, if it cannot.
pub fn hours_problem(hours: f64) -> Option<String> {
    if !hours.is_finite() {
        Some("hours must be a number such as 1.5".into())
    } else if hours < 0.05 {
        Some("hours must be at least 0.1, such as 1.5".into())
    } else if hours > MOST_HOURS {
        Some(format!(
            "{} hours is more than one record can hold ({} at most); split a long course into its parts",
            hours_text(hours),
            hours_text(MOST_HOURS)
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
