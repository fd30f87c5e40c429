//! The one state of the app, the actions that change it, and `update`: pure, with no
//! terminal or disk I/O. What must touch the disk comes out as `Effect`s for the
//! runtime to carry out; their results come back in as actions.

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyEvent, KeyEventKind, MouseEvent};
use zeroize::Zeroizing;

use crate::config::Config;
use crate::content::Content;
use crate::domain::checkin::CheckIn;
use crate::domain::entry::Entry;
use crate::domain::suggest::Suggestion;
use crate::store::{Draft, EntrySummary, SearchHit};

use super::keymap::{self, Binding, Keymap};
use super::keys::{global, Global};
use super::overlay::overlay_key;
pub use super::overlay::Overlay;
pub use super::screen::Screen;
use super::screens::{checkin, day, diary, editor, reader, search, templates};
use super::theme::Theme;

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
    ExportSupervision {
        since: chrono::NaiveDate,
        entries: Vec<i64>,
        good_moments: bool,
    },
    RecordSupervision(chrono::NaiveDate),
}

/// What Today shows, loaded from the store.
#[derive(Debug, Clone, Default)]
pub struct TodayData {
    pub latest_today: Option<CheckIn>,
    pub checkins_today: usize,
    pub recent: Vec<EntrySummary>,
    pub suggestion: Option<Suggestion>,
    /// Good moments and entries from this date in earlier years.
    pub on_this_day: Option<crate::domain::insights::OnThisDay>,
    /// A month or more since the last reflection on the expected outcomes.
    pub reflection_due: bool,
}

/// What a screen's key handler wants done, collected and applied by `update`.
#[derive(Default)]
pub struct Out {
    pub effects: Vec<Effect>,
    pub nav: Option<Nav>,
    pub overlay: Option<Overlay>,
    pub status: Option<String>,
    pub quit: bool,
}

pub enum Nav {
    Push(Screen),
    Replace(Screen),
    Back,
    Home,
}

/// Read-only things every screen may need.
pub struct Env<'a> {
    pub content: &'a Content,
    pub config: &'a Config,
    pub now: DateTime<FixedOffset>,
    /// The keys in effect.
    pub keys: &'a Keymap,
    /// A fresh id for whatever this action creates, given by the runtime as the clock
    /// is.
    pub uid: &'a str,
}

impl Env<'_> {
    /// The command bound to `event` in a screen's `table`, with the user's keys.
    pub fn lookup<C: Copy + std::fmt::Debug>(
        &self,
        table: &[Binding<C>],
        event: &KeyEvent,
    ) -> Option<C> {
        keymap::lookup(self.keys, table, event)
    }
}

pub struct App {
    pub content: Content,
    pub config: Config,
    pub theme: Theme,
    /// The clock, set by the runtime before each action (and by tests).
    pub now: DateTime<FixedOffset>,
    /// A fresh id for what the next action creates (an entry, a check-in, a practice
    /// record), set by the runtime before each action (and by tests), as the clock is.
    pub next_uid: String,
    /// The keys in effect: the defaults with the user's `[keys]` over them.
    pub keys: Keymap,
    pub screen: Screen,
    /// Screens to go back to.
    pub stack: Vec<Screen>,
    pub overlay: Option<Overlay>,
    pub today: TodayData,
    /// A short, kind line at the bottom: "Saved.", or what went wrong.
    pub status: Option<String>,
    pub quit: bool,
    /// Drafts that could not be written (the disk may be full), kept here until a
    /// save works, and tried again every few seconds.
    pub unsaved: Vec<Draft>,
    /// When the drafts in `unsaved` were last tried.
    pub retried: Option<DateTime<FixedOffset>>,
    /// Stopping on a signal: nobody can be asked.
    pub terminating: bool,
    /// Stopped on a signal with words that could not be saved: the exit says so.
    pub words_lost: bool,
    /// A check-in draft offered at launch and left for later.
    pub kept_checkin: Option<Draft>,
}

/// What the status line says while some words could not be saved.
pub const UNSAVED: &str =
    "Your words could not be saved (is the disk full?). They are still here, \
     and Lantern keeps trying. Please do not close it yet.";

/// How often drafts that could not be written are tried again.
pub const RETRY_MS: i64 = 2000;

/// Pasted text as it goes into a field: line ends as `\n`, and no control characters
/// other than new lines and tabs (a paste must not be able to steer the terminal).
pub fn clean_paste(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

impl App {
    pub fn new(
        content: Content,
        config: Config,
        theme: Theme,
        now: DateTime<FixedOffset>,
        screen: Screen,
    ) -> App {
        let keys = super::keys::keymap(&config);
        // Until the runtime sets them, ids are made here, outside `update`.
        let next_uid = uuid::Uuid::new_v4().to_string();
        // A `[keys]` line that could not be used says so on the status line.
        let status = (!keys.warnings.is_empty()).then(|| keys.warnings.join(" "));
        App {
            content,
            config,
            theme,
            now,
            next_uid,
            keys,
            screen,
            stack: Vec::new(),
            overlay: None,
            today: TodayData::default(),
            status,
            quit: false,
            unsaved: Vec::new(),
            retried: None,
            terminating: false,
            words_lost: false,
            kept_checkin: None,
        }
    }

    pub fn env(&self) -> Env<'_> {
        Env {
            content: &self.content,
            config: &self.config,
            now: self.now,
            keys: &self.keys,
            uid: &self.next_uid,
        }
    }

    /// Puts a key map in place of the one built from the config (its warnings are
    /// the caller's to show).
    pub fn set_keys(&mut self, keys: Keymap) {
        self.keys = keys;
    }

    pub(super) fn apply(&mut self, out: Out) -> Vec<Effect> {
        if let Some(status) = out.status {
            self.status = Some(status);
        }
        if let Some(overlay) = out.overlay {
            self.overlay = Some(overlay);
        }
        if let Some(nav) = out.nav {
            match nav {
                Nav::Push(screen) => {
                    let screen = self.carry_on_kept_checkin(screen);
                    let old = std::mem::replace(&mut self.screen, screen);
                    self.stack.push(old);
                }
                Nav::Replace(screen) => self.screen = screen,
                Nav::Back => {
                    self.screen = self.stack.pop().unwrap_or(Screen::Today);
                }
                Nav::Home => {
                    self.stack.clear();
                    self.screen = Screen::Today;
                }
            }
        }
        let mut effects = out.effects;
        if out.quit {
            // Words that could not be saved get one more try; if it fails, quitting asks.
            effects.extend(self.draft_effects());
            self.quit = true;
        }
        effects
    }

    /// A new check-in while one left for later is kept: that one is carried on, since
    /// there is room for one check-in draft and a new one would write over it.
    fn carry_on_kept_checkin(&mut self, screen: Screen) -> Screen {
        let Screen::CheckIn(form) = &screen else {
            return screen;
        };
        if form.from_draft {
            return screen;
        }
        let Some(kept) = self.kept_checkin.take() else {
            return screen;
        };
        match checkin::CheckInForm::from_draft(&kept, &self.content) {
            Some(carried) => {
                self.status = Some(
                    "Carrying on with the check-in you left earlier (Esc, then y, lets it go)."
                        .into(),
                );
                Screen::CheckIn(carried)
            }
            None => screen,
        }
    }

    /// Keeps whatever is being written as a draft, for quitting in a hurry: entries
    /// and check-ins in progress, and any draft an earlier save could not write.
    fn draft_effects(&self) -> Vec<Effect> {
        let mut drafts: Vec<Draft> = Vec::new();
        let screens = std::iter::once(&self.screen).chain(self.stack.iter());
        for screen in screens {
            match screen {
                Screen::Editor(e) if e.changed => drafts.push(e.draft(self.now)),
                Screen::CheckIn(c) if c.changed => drafts.push(c.draft(&self.content, self.now)),
                Screen::Plan(p) => drafts.extend(p.draft(&self.content, self.now)),
                _ => {}
            }
        }
        for draft in &self.unsaved {
            if !drafts.iter().any(|d| d.slot == draft.slot) {
                drafts.push(draft.clone());
            }
        }
        drafts.into_iter().map(Effect::SaveDraft).collect()
    }

    /// Run on every key, paste and tick: the autosave of writing in progress (typing
    /// without a pause may leave no room for a tick), and another try at drafts that
    /// could not be written.
    ///
    /// `after` are the effects this update already asks for: when they save the writing
    /// itself, no draft of it is written after the save (the next launch would offer
    /// back words already saved). If the save fails, the autosave still falls due.
    fn keep_safe(&mut self, after: &[Effect]) -> Vec<Effect> {
        let now = self.now;
        let mut effects: Vec<Effect> = Vec::new();
        let saving = after.iter().any(|e| {
            matches!(
                e,
                Effect::SaveEntry { .. } | Effect::UpdateEntry { .. } | Effect::SaveCheckIn(_)
            )
        });
        match &mut self.screen {
            Screen::Editor(e) if !saving => effects.extend(e.autosave(now)),
            Screen::CheckIn(c) if !saving => effects.extend(c.autosave(&self.content, now)),
            _ => {}
        }
        let due = self
            .retried
            .is_none_or(|t| (now - t).num_milliseconds() >= RETRY_MS);
        if !self.unsaved.is_empty() && due && !saving {
            self.retried = Some(now);
            for effect in self.draft_effects() {
                let Effect::SaveDraft(d) = &effect else {
                    continue;
                };
                let queued = effects
                    .iter()
                    .any(|e| matches!(e, Effect::SaveDraft(q) if q.slot == d.slot));
                if self.unsaved.iter().any(|u| u.slot == d.slot) && !queued {
                    effects.push(effect);
                }
            }
        }
        effects
    }
}

/// The heart of the app: every change of state goes through here.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(key) => {
            if key.kind == KeyEventKind::Release {
                return Vec::new();
            }
            // The global table first: Ctrl-C even over a box, help now from anywhere
            // but a box.
            let typing = app.screen.typing();
            match global(&app.keys, &key, typing) {
                Some(Global::QuitNow) => {
                    // As SIGTERM: keep what was typed. If that cannot be written,
                    // quitting asks.
                    let effects = app.draft_effects();
                    app.quit = true;
                    return effects;
                }
                Some(Global::HelpNow) if app.overlay.is_none() => {
                    // Closing it returns you to exactly where you were.
                    app.overlay = Some(Overlay::HelpNow { scroll: 0 });
                    return Vec::new();
                }
                _ => {}
            }
            if app.overlay.is_some() {
                return overlay_key(app, &key);
            }
            app.status = None;
            let mut out = Out::default();
            let env = Env {
                content: &app.content,
                config: &app.config,
                now: app.now,
                keys: &app.keys,
                uid: &app.next_uid,
            };
            app.screen.on_key(&app.today, &key, &env, &mut out);
            let mut effects = app.apply(out);
            let safe = app.keep_safe(&effects);
            effects.extend(safe);
            effects
        }
        Action::Paste(text) => {
            if app.overlay.is_some() {
                return Vec::new();
            }
            let text = clean_paste(&text);
            let single = editor::one_line(&text);
            let mut out = Out::default();
            match &mut app.screen {
                Screen::Editor(e) => out.status = e.paste(&text, app.now),
                Screen::CheckIn(f) => f.paste(&text),
                Screen::Search(s) => search::paste(s, &text, &mut out),
                Screen::Plan(p) => {
                    if let Some(area) = &mut p.editing {
                        area.insert_str(&text);
                    }
                }
                Screen::Unlock(u) => {
                    // A password manager's copy often ends with a new line, which is
                    // not part of the passphrase.
                    u.field
                        .insert_str(editor::one_line(text.trim_end_matches(['\r', '\n'])));
                }
                Screen::Exercise(e) => {
                    if let Some(done) = &mut e.done {
                        done.note.insert_str(&single);
                    }
                }
                _ => {}
            }
            let mut effects = app.apply(out);
            let safe = app.keep_safe(&effects);
            effects.extend(safe);
            effects
        }
        Action::Mouse(mouse) => {
            if app.overlay.is_some() {
                return Vec::new();
            }
            let mut out = Out::default();
            match &mut app.screen {
                Screen::Diary(s) => diary::on_mouse(s, &mouse, &mut out),
                Screen::Search(s) => search::on_mouse(s, &mouse, &mut out),
                Screen::Templates(s) => templates::on_mouse(s, &mouse),
                Screen::Reader(s) => reader::on_mouse(s, &mouse),
                _ => {}
            }
            app.apply(out)
        }
        Action::Tick => {
            let mut effects = app.keep_safe(&[]);
            if let Screen::Exercise(e) = &mut app.screen {
                effects.extend(e.tick(app.now, &app.next_uid));
            }
            effects
        }
        Action::Terminate => {
            let effects = app.draft_effects();
            app.terminating = true;
            app.quit = true;
            effects
        }
        Action::DraftSaved(slot) => {
            let had = !app.unsaved.is_empty();
            app.unsaved.retain(|d| d.slot != slot);
            if had && app.unsaved.is_empty() {
                app.status = Some("Your words are saved as a draft now.".into());
            }
            Vec::new()
        }
        Action::DraftSaveFailed(draft) => {
            app.unsaved.retain(|d| d.slot != draft.slot);
            app.unsaved.push(draft);
            if app.retried.is_none() {
                app.retried = Some(app.now);
            }
            if app.quit {
                if app.terminating {
                    // A signal cannot be answered with a question: the exit says it.
                    app.words_lost = true;
                } else {
                    app.quit = false;
                    app.overlay = Some(Overlay::QuitUnsaved);
                }
            }
            Vec::new()
        }
        Action::Unlocked => {
            app.screen = Screen::Today;
            vec![Effect::LoadToday]
        }
        Action::UnlockFailed(message) => {
            if let Screen::Unlock(s) = &mut app.screen {
                s.failed(message);
            } else if let Screen::Welcome(s) = &mut app.screen {
                s.failed(message);
            }
            Vec::new()
        }
        Action::TodayLoaded(data) => {
            app.today = data;
            Vec::new()
        }
        Action::EntriesLoaded { offset, rows } => {
            if let Screen::Diary(s) = &mut app.screen {
                s.loaded(offset, rows);
            }
            Vec::new()
        }
        Action::EntryLoaded(entry) => {
            let out = Out {
                nav: Some(Nav::Push(Screen::Reader(reader::Reader::new(entry)))),
                ..Default::default()
            };
            app.apply(out)
        }
        Action::SearchResults { query, hits } => {
            if let Screen::Search(s) = &mut app.screen {
                s.results(query, hits);
            }
            Vec::new()
        }
        Action::CheckInSaved(suggestion) => {
            app.unsaved.retain(|d| d.slot != checkin::DRAFT_SLOT);
            app.stack.clear();
            app.screen = Screen::Today;
            app.status = Some("Check-in saved. Thank you for pausing.".into());
            app.overlay = suggestion.map(Overlay::Suggestion);
            vec![Effect::LoadToday]
        }
        Action::EntrySaved(id) | Action::EntrySavedAsNew(id) => {
            let elsewhere = matches!(action, Action::EntrySavedAsNew(_));
            // Its draft is gone with the save: an older copy must not come back.
            if let Screen::Editor(e) = &app.screen {
                app.unsaved.retain(|d| d.slot != e.slot);
            }
            app.stack
                .retain(|s| !matches!(s, Screen::Reader(_) | Screen::Templates(_)));
            app.screen = app.stack.pop().unwrap_or(Screen::Today);
            app.status = Some(if elsewhere {
                format!("The entry was changed or deleted elsewhere meanwhile, so your words are saved as a new entry, #{id}, beside it.")
            } else {
                format!("Saved entry #{id}.")
            });
            let mut effects = vec![Effect::LoadToday];
            if let Screen::Diary(d) = &mut app.screen {
                d.reset();
                effects.push(Effect::LoadEntries { offset: 0 });
            }
            effects
        }
        Action::EntryDeleted(id) => {
            app.stack.retain(|s| !matches!(s, Screen::Reader(_)));
            if matches!(app.screen, Screen::Reader(_)) {
                app.screen = app.stack.pop().unwrap_or(Screen::Today);
            }
            app.status = Some(format!("Deleted entry #{id}."));
            let mut effects = vec![Effect::LoadToday];
            if let Screen::Diary(d) = &mut app.screen {
                d.reset();
                effects.push(Effect::LoadEntries { offset: 0 });
            }
            effects
        }
        Action::DraftFound(draft) => {
            if app.overlay.is_none() {
                app.overlay = Some(Overlay::DraftOffer(draft));
            }
            Vec::new()
        }
        Action::ExternalEdited(result) => {
            match (&mut app.screen, result) {
                // An editor that crashed or was quit oddly can leave the file empty:
                // that is not a reason to drop what was written here.
                (Screen::Editor(e), Ok(text)) if text.trim().is_empty() && e.has_text() => {
                    app.status = Some(
                        "Your editor gave back an empty file, so the words here are kept as they were."
                            .into(),
                    );
                }
                (Screen::Editor(e), Ok(text)) => {
                    e.take_external(&text, app.now);
                    app.status = Some("Back from your editor.".into());
                }
                (_, Err(message)) => app.status = Some(message),
                _ => {}
            }
            Vec::new()
        }
        Action::PracticeLogged(id) => {
            if let Screen::Exercise(e) = &mut app.screen {
                if let Some(done) = &mut e.done {
                    done.logged_id = Some(id);
                }
            }
            Vec::new()
        }
        Action::PlanLoaded(texts) => {
            if let Screen::Plan(p) = &mut app.screen {
                p.loaded(texts);
            }
            Vec::new()
        }
        Action::InsightsLoaded(data) => {
            if let Screen::Insights(s) = &mut app.screen {
                s.data = Some(data);
            }
            Vec::new()
        }
        Action::YearLoaded(grid) => {
            if let Screen::Pixels(s) = &mut app.screen {
                s.grid = Some(grid);
            }
            Vec::new()
        }
        Action::DayLoaded(detail) => {
            let out = Out {
                nav: Some(Nav::Push(Screen::Day(day::DayView {
                    detail,
                    selected: 0,
                }))),
                ..Default::default()
            };
            app.apply(out)
        }
        Action::WeekLoaded(week) => {
            if let Screen::Review(s) = &mut app.screen {
                s.week = Some(week);
            }
            Vec::new()
        }
        Action::SupervisionLoaded(prep) => {
            if let Screen::Supervision(s) = &mut app.screen {
                s.loaded(prep);
            }
            Vec::new()
        }
        Action::PlanSaveFailed(message) => {
            if let Screen::Plan(p) = &mut app.screen {
                if let Some(area) = p.saving.take() {
                    p.editing = Some(area);
                }
            }
            app.status = Some(message);
            Vec::new()
        }
        Action::Status(message) => {
            app.status = Some(message);
            Vec::new()
        }
    }
}
