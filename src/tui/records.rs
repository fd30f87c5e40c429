//! What effects hand back for the screens and boxes to show: what the confidentiality
//! check found in an entry, what it found in something about to be shared, and what
//! My registration shows. Plain data, below both `message` and the views.

use chrono::NaiveDate;

use crate::domain::confidentiality::entry::EntryFinding;
use crate::domain::registration::CycleProgress;

/// One detail the confidentiality check found, as its box lists it.
#[derive(Debug, Clone)]
pub struct Found {
    pub finding: EntryFinding,
    /// Where in the entry: "text", "title", "answer 2".
    pub field: String,
    /// The words around it, and the detail itself.
    pub before: String,
    pub matched: String,
    pub after: String,
    pub why: String,
}

/// What the check found in one entry, and which finding is marked.
#[derive(Debug, Clone)]
pub struct CheckList {
    pub entry_id: i64,
    /// The entry's last save when it was checked: a replacement is made only in
    /// the words that were checked.
    pub checked_at: chrono::DateTime<chrono::FixedOffset>,
    pub items: Vec<Found>,
    pub marked: usize,
    /// Details the person chose to keep, by kind and words, so checking again after a
    /// replacement does not ask about them twice.
    pub kept: Vec<(String, String)>,
}

impl CheckList {
    /// Leaves out what the person has kept.
    pub fn without_kept(mut self, kept: Vec<(String, String)>) -> CheckList {
        self.items
            .retain(|i| !kept.contains(&(i.finding.finding.kind.clone(), i.matched.clone())));
        self.kept = kept;
        self
    }
}

/// Something about to leave the diary, asked for again once the person chooses.
#[derive(Debug, Clone, PartialEq)]
pub enum Share {
    Supervision {
        since: chrono::NaiveDate,
        entries: Vec<i64>,
        good_moments: bool,
    },
    Revalidation {
        body: Option<String>,
        renewal: Option<chrono::NaiveDate>,
    },
}

/// What the check found in something about to be shared, before anything is written.
#[derive(Debug, Clone)]
pub struct BeforeSharing {
    pub share: Share,
    pub count: usize,
    /// Each finding in context, one line each, the first few.
    pub lines: Vec<String>,
}

/// What the screen shows, as the runtime read it.
#[derive(Debug, Clone)]
pub enum RegistrationData {
    /// No body is set, or config names one Lantern does not know: how to set one.
    NotSet { says: String, bodies: Vec<String> },
    Set {
        progress: CycleProgress,
        source: String,
        /// Newest first.
        recent: Vec<(NaiveDate, String)>,
    },
}
