//! The messages between `update` and the runtime: what happened (an `Action`), and
//! what is to be done outside (an `Effect`), whose result comes back as an action.

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyEvent, MouseEvent};
use zeroize::Zeroizing;

use crate::domain::checkin::CheckIn;
use crate::domain::entry::Entry;
use crate::domain::suggest::Suggestion;
use crate::store::{Draft, EntrySummary, SearchHit};

use crate::session::today::TodayData;

/// What the runtime tells `update`.
#[derive(Debug)]
pub enum Action {
    Key(KeyEvent),
    Mouse(MouseEvent),
    /// Time passes: autosave checks run on this.
    Tick,
    /// Text pasted into the terminal (bracketed paste): one insertion, not many keys.
    Paste(String),
    /// The terminal asks us to stop (SIGTERM, SIGHUP, SIGINT): keep drafts and quit.
    Terminate,
    // Results of effects.
    Unlocked,
    UnlockFailed(String),
    TodayLoaded(TodayData),
    EntriesLoaded {
        offset: usize,
        rows: Vec<EntrySummary>,
    },
    EntryLoaded(Entry),
    SearchResults {
        query: String,
        hits: Vec<SearchHit>,
    },
    CheckInSaved(Option<Suggestion>),
    EntrySaved(i64),
    /// The entry being edited was changed or deleted elsewhere meanwhile; the words
    /// were saved as this new one, beside it.
    EntrySavedAsNew(i64),
    EntryDeleted(i64),
    DraftFound(Draft),
    /// The draft in this slot is on disk.
    DraftSaved(String),
    /// This draft could not be written (the disk may be full): it is kept in memory
    /// and tried again.
    DraftSaveFailed(Draft),
    ExternalEdited(Result<String, String>),
    PracticeLogged(i64),
    /// (section id, text) for every written section.
    PlanLoaded(Vec<(String, String)>),
    InsightsLoaded(crate::domain::insights::Insights),
    YearLoaded(crate::domain::insights::YearGrid),
    DayLoaded(crate::domain::insights::DayDetail),
    WeekLoaded(crate::domain::insights::WeekReview),
    SupervisionLoaded(crate::domain::supervision::SupervisionPrep),
    /// A plan section could not be saved: its text goes back into the field.
    PlanSaveFailed(String),
    /// What the confidentiality check found in an entry.
    EntryChecked(crate::tui::records::CheckList),
    /// Details were replaced in the entry (none, when it had changed meanwhile); the
    /// entry as saved, and what the check finds in it now.
    EntryReplaced {
        entry: Entry,
        list: crate::tui::records::CheckList,
        replaced: usize,
    },
    AccountSaved(i64),
    RegistrationLoaded(crate::tui::records::RegistrationData),
    /// The check found details in an export; nothing was written.
    BeforeSharing(crate::tui::records::BeforeSharing),
    /// A line for the status bar: what went wrong, or where something was saved.
    Status(String),
}

/// What `update` asks the runtime to do.
#[derive(Debug)]
pub enum Effect {
    FinishFirstRun {
        passphrase: Option<Zeroizing<String>>,
        role: Option<String>,
        region: String,
        registration: Option<String>,
        renewal: Option<chrono::NaiveDate>,
    },
    Unlock(Zeroizing<String>),
    LoadToday,
    LoadEntries {
        offset: usize,
    },
    OpenEntry(i64),
    Search(String),
    SaveCheckIn(CheckIn),
    /// Save, then drop the draft in `draft_slot` (only if the save worked).
    SaveEntry {
        entry: Entry,
        draft_slot: String,
    },
    UpdateEntry {
        entry: Entry,
        draft_slot: String,
        /// The entry's last save as it was loaded; a save made elsewhere since then
        /// is not overwritten.
        unchanged_since: Option<DateTime<FixedOffset>>,
    },
    DeleteEntry(i64),
    /// Save a reflective account, then drop the draft in `draft_slot`.
    SaveAccount {
        account: crate::domain::registration::ReflectiveAccount,
        draft_slot: String,
    },
    /// Run the confidentiality check over an entry.
    CheckEntry(i64),
    /// Replace these details with their placeholders in the entry, if it is still as
    /// it was at `checked_at`.
    ReplaceInEntry {
        id: i64,
        checked_at: DateTime<FixedOffset>,
        findings: Vec<crate::domain::confidentiality::entry::EntryFinding>,
    },
    SaveDraft(Draft),
    DiscardDraft(String),
    /// Hand text to $EDITOR; the result comes back as `ExternalEdited`.
    ExternalEditor(String),
    LogPractice(crate::domain::practice::PracticeRecord),
    SetPracticeNote {
        id: i64,
        note: String,
    },
    LoadPlan,
    SavePlanSection {
        id: String,
        text: String,
    },
    LoadInsights(u32),
    LoadYear(i32),
    LoadDay(chrono::NaiveDate),
    LoadWeek,
    /// The period from this day (None: since the last supervision).
    LoadSupervision(Option<chrono::NaiveDate>),
    /// `sharing`: None to run the confidentiality check first (nothing is written
    /// if it finds something), Some(true) to replace what it finds with placeholders,
    /// Some(false) to write it as it is.
    ExportSupervision {
        since: chrono::NaiveDate,
        entries: Vec<i64>,
        good_moments: bool,
        sharing: Option<bool>,
    },
    LoadRegistration {
        body: Option<String>,
        renewal: Option<chrono::NaiveDate>,
    },
    /// This cycle's evidence as a Word document; `sharing` as for supervision.
    ExportRevalidation {
        body: Option<String>,
        renewal: Option<chrono::NaiveDate>,
        sharing: Option<bool>,
    },
    RecordSupervision(chrono::NaiveDate),
}
