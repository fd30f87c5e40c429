//! The effect interpreter: what `update` asks for (save this, load that, open the
//! diary) carried out against the store, with each result fed back to `update` as an
//! action. It owns the open store, the passphrase the search worker needs, and the
//! search worker itself. What screens are shown is assembled in `loaders`.

use std::sync::mpsc;

use chrono::{DateTime, FixedOffset};
use zeroize::Zeroizing;

use crate::config::Config;
use crate::content::Content;
use crate::session::kept::{until_text, Keeping};
use crate::session::{self, today, Opened, Session};
use crate::store::{Store, StoreError};

use super::app::{self, Action, App, Effect};
use super::loaders::{self, fail};
use super::screens;
use super::search_worker::SearchWorker;
use super::sharing;
use super::terminal::Incoming;

/// What the runtime owns besides the app: the store, once open, and what a second
/// connection for searching needs.
pub struct Runtime<'a> {
    session: &'a Session,
    store: Option<Store>,
    /// What opening the store found worth saying (notices, then recovered edits),
    /// until the app is ready to show it.
    notices: Vec<String>,
    recovered: Vec<String>,
    /// The passphrase of an encrypted diary, or its kept key, held (and wiped on drop)
    /// so the search worker can open its own connection.
    passphrase: Option<Zeroizing<String>>,
    /// Where the search worker's answers go; set once input is running.
    answers: Option<mpsc::Sender<Incoming>>,
    search: Option<SearchWorker>,
    /// What to tell the person once the diary has opened after an unlock.
    said_on_unlock: Option<String>,
}

impl<'a> Runtime<'a> {
    pub fn new(session: &'a Session) -> Runtime<'a> {
        Runtime {
            session,
            store: None,
            notices: Vec::new(),
            recovered: Vec::new(),
            passphrase: None,
            answers: None,
            search: None,
            said_on_unlock: None,
        }
    }

    /// Keeps the store just opened, and what opening it found to say.
    pub fn opened(&mut self, opened: Opened) {
        self.store = Some(opened.store);
        self.notices = opened.notices;
        self.recovered = opened.recovered;
    }

    pub fn has_store(&self) -> bool {
        self.store.is_some()
    }

    /// The first thing the store said on opening, to show on the status line.
    pub fn first_notice(&self) -> Option<String> {
        self.notices.first().cloned()
    }

    /// Opens the diary with the key kept by `lantern unlock`, if one is kept and opens
    /// it; whether it did.
    pub fn open_kept(&mut self) -> bool {
        match self.session.open_kept() {
            Some(Ok(kept)) => {
                self.opened(kept.opened);
                self.passphrase = Some(kept.key);
                true
            }
            // The unlock screen asks, and says what is wrong if it still is.
            Some(Err(_)) | None => false,
        }
    }

    /// Unlocks with `passphrase` and keeps the key for `minutes`, as `unlock_minutes`
    /// asks; the search worker then opens its connection with the key, not the
    /// passphrase, so it skips the derivation too.
    fn unlock_and_keep(&mut self, passphrase: &str, minutes: u32) -> Option<Action> {
        let time = std::time::Duration::from_secs(60 * u64::from(minutes));
        match self.session.unlock_and_keep(passphrase, time) {
            Ok(unlocked) => {
                self.opened(unlocked.opened);
                self.passphrase = Some(unlocked.key);
                self.said_on_unlock = Some(match unlocked.keeping {
                    Keeping::Until(until) => format!(
                        "Your diary stays open until {}, as your settings ask; `lantern lock` closes it sooner.",
                        until_text(until)
                    ),
                    Keeping::Unavailable(_) | Keeping::NotThisDiary => {
                        "Lantern could not keep your diary open here, so it asks for the passphrase next time.".into()
                    }
                });
                Some(Action::Unlocked)
            }
            Err(e) => Some(Action::UnlockFailed(session::unlock_failed(&e))),
        }
    }

    /// Where the search worker sends its answers, once input is running.
    pub fn answer_to(&mut self, answers: mpsc::Sender<Incoming>) {
        self.answers = Some(answers);
    }

    /// Carries out effects, feeding their results back through `update`, until none
    /// are left. Returns text to hand to $EDITOR, which needs the terminal.
    pub fn handle(&mut self, app: &mut App, effects: Vec<Effect>) -> Option<String> {
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        let mut external = None;
        while let Some(effect) = queue.pop_front() {
            if let Effect::ExternalEditor(text) = effect {
                external = Some(text);
                continue;
            }
            let action = self.perform(app, effect);
            if let Some(action) = action {
                let follow = app::update(app, action);
                if let Some(said) = self.said_on_unlock.take() {
                    app.status = Some(said);
                }
                queue.extend(follow);
            }
        }
        external
    }

    pub fn offer_draft(&mut self, app: &mut App) {
        // An $EDITOR hand-off interrupted by a kill left its text in a file: opening the
        // store made it a draft, so it is offered with the rest; what became of it is
        // said now, once the app is on screen.
        if let Some(line) = std::mem::take(&mut self.recovered).into_iter().next() {
            app.status = Some(line);
        }
        let found = self
            .store
            .as_ref()
            .and_then(|s| s.latest_draft().ok().flatten());
        if let Some(draft) = found {
            let effects = app::update(app, Action::DraftFound(draft));
            self.handle(app, effects);
        }
    }

    fn perform(&mut self, app: &App, effect: Effect) -> Option<Action> {
        match effect {
            Effect::FinishFirstRun {
                passphrase,
                role,
                region,
                registration,
                renewal,
            } => {
                let first = crate::config::FirstRun {
                    role: role.as_deref(),
                    region: &region,
                    registration: registration.as_deref(),
                    renewal,
                };
                if let Err(e) = Config::write_first_run(&self.session.paths, &first) {
                    return Some(Action::UnlockFailed(format!("{e:#}")));
                }
                match self
                    .session
                    .create_store(passphrase.as_deref().map(String::as_str))
                {
                    Ok(opened) => {
                        self.opened(opened);
                        self.passphrase = passphrase;
                        Some(Action::Unlocked)
                    }
                    Err(e) => Some(Action::UnlockFailed(e.to_string())),
                }
            }
            Effect::Unlock(passphrase) => {
                if let Some(minutes) = self.session.config.unlock_minutes {
                    return self.unlock_and_keep(&passphrase, minutes);
                }
                match self.session.open_store(Some(&passphrase)) {
                    Ok(opened) => {
                        // Store notices go on the status line at start-up only; after
                        // an unlock it is left to Today.
                        self.opened(opened);
                        self.passphrase = Some(passphrase);
                        Some(Action::Unlocked)
                    }
                    Err(e) => Some(Action::UnlockFailed(session::unlock_failed(&e))),
                }
            }
            Effect::Search(query) => {
                if self.store.is_none() {
                    return Some(Action::Status("The diary is not open yet.".into()));
                }
                if self.search.is_none() {
                    let answers = self.answers.clone()?;
                    self.search = Some(SearchWorker::start(
                        self.session.paths.database.clone(),
                        self.passphrase.clone(),
                        answers,
                    ));
                }
                if let Some(worker) = &self.search {
                    worker.ask(query);
                }
                None
            }
            Effect::SaveDraft(draft) => {
                let store = self.store.as_mut()?;
                Some(match store.save_draft(&draft) {
                    Ok(()) => Action::DraftSaved(draft.slot),
                    Err(_) => Action::DraftSaveFailed(draft),
                })
            }
            Effect::LoadRegistration { body, renewal } => {
                let store = self.store.as_ref()?;
                let today = app.now.date_naive();
                Some(
                    sharing::load_registration(
                        store,
                        &app.content,
                        body.as_deref(),
                        renewal,
                        today,
                    )
                    .unwrap_or_else(Action::Status),
                )
            }
            Effect::ExportRevalidation {
                body,
                renewal,
                sharing: choice,
            } => {
                let store = self.store.as_ref()?;
                Some(
                    sharing::export_revalidation(
                        store,
                        &app.content,
                        (body, renewal),
                        app.now,
                        choice,
                    )
                    .unwrap_or_else(Action::Status),
                )
            }
            Effect::ExportSupervision {
                since,
                entries,
                good_moments,
                sharing: choice,
            } => {
                let store = self.store.as_ref()?;
                let share = crate::tui::overlay::Share::Supervision {
                    since,
                    entries,
                    good_moments,
                };
                Some(
                    sharing::export_supervision(store, &app.content, app.now, share, choice)
                        .unwrap_or_else(Action::Status),
                )
            }
            other => {
                let Some(store) = self.store.as_mut() else {
                    return Some(Action::Status("The diary is not open yet.".into()));
                };
                match perform_with_store(store, &app.content, app.now, other) {
                    Ok(action) => action,
                    Err(e) => Some(Action::Status(e)),
                }
            }
        }
    }
}

/// The effects that need the open store. Errors come back as one kind line. What a
/// screen shows is read by `loaders`; saving, deleting and exporting are done here.
fn perform_with_store(
    store: &mut Store,
    content: &Content,
    now: DateTime<FixedOffset>,
    effect: Effect,
) -> std::result::Result<Option<Action>, String> {
    Ok(match effect {
        Effect::LoadToday => Some(Action::TodayLoaded(loaders::today(store, content, now)?)),
        Effect::LoadEntries { offset } => Some(Action::EntriesLoaded {
            offset,
            rows: loaders::entries(store, offset)?,
        }),
        Effect::OpenEntry(id) => Some(Action::EntryLoaded(loaders::entry(store, id)?)),
        Effect::SaveCheckIn(checkin) => {
            store
                .add_checkin(&checkin)
                .map_err(fail("Could not save the check-in; it is still on screen"))?;
            // A check-in kept from an earlier Ctrl-C is done with now.
            let _ = store.delete_draft(screens::checkin::DRAFT_SLOT);
            let history = today::history(store, content, now.date_naive())
                .map_err(fail("Saved, but could not read recent days"))?;
            Some(Action::CheckInSaved(today::suggestion(
                content,
                &checkin,
                &history,
                now.date_naive(),
            )))
        }
        Effect::SaveEntry { entry, draft_slot } => {
            let id = store
                .add_entry(&entry)
                .map_err(fail("Could not save; your words are still here"))?;
            let _ = store.delete_draft(&draft_slot);
            Some(Action::EntrySaved(id))
        }
        Effect::UpdateEntry {
            entry,
            draft_slot,
            unchanged_since,
        } => {
            let saved = match store.update_entry_unless_changed(&entry, unchanged_since) {
                Ok(()) => Action::EntrySaved(entry.id),
                // Deleted or saved in another window or by a command meanwhile: these
                // words are kept as a new entry beside it, rather than lost with the old
                // one or written over the other.
                Err(StoreError::NoEntry(_) | StoreError::Changed) => Action::EntrySavedAsNew(
                    store
                        .add_entry(&crate::domain::entry::Entry {
                            id: 0,
                            uid: uuid::Uuid::new_v4().to_string(),
                            ..entry
                        })
                        .map_err(fail("Could not save; your words are still here"))?,
                ),
                Err(e) => return Err(fail("Could not save; your words are still here")(e)),
            };
            let _ = store.delete_draft(&draft_slot);
            Some(saved)
        }
        Effect::DeleteEntry(id) => {
            store
                .delete_entry(id)
                .map_err(fail("Could not delete it"))?;
            Some(Action::EntryDeleted(id))
        }
        Effect::SaveAccount {
            account,
            draft_slot,
        } => {
            let id = store.add_account(&account).map_err(fail(
                "Could not save the account; your words are still here",
            ))?;
            let _ = store.delete_draft(&draft_slot);
            Some(Action::AccountSaved(id))
        }
        Effect::CheckEntry(id) => Some(super::checking::check(store, content, id)?),
        Effect::ReplaceInEntry {
            id,
            checked_at,
            findings,
        } => Some(super::checking::replace(
            store, content, now, id, checked_at, &findings,
        )?),
        Effect::DiscardDraft(slot) => {
            store
                .delete_draft(&slot)
                .map_err(fail("Could not discard the draft"))?;
            None
        }
        Effect::LogPractice(record) => {
            let id = store
                .log_practice(&record)
                .map_err(fail("Could not log the practice"))?;
            Some(Action::PracticeLogged(id))
        }
        Effect::SetPracticeNote { id, note } => {
            store
                .set_practice_note(id, Some(&note))
                .map_err(fail("Could not keep the note"))?;
            None
        }
        Effect::LoadPlan => Some(Action::PlanLoaded(loaders::plan_texts(store)?)),
        Effect::SavePlanSection { id, text } => {
            if let Err(e) = store.set_plan_section(&id, &text, now) {
                return Ok(Some(Action::PlanSaveFailed(format!(
                    "Could not save the plan ({e}). Your words are still here: Ctrl-S tries again."
                ))));
            }
            // A draft kept of this section is done with.
            let _ = store.delete_draft(&screens::plan::draft_slot(&id));
            Some(Action::PlanLoaded(loaders::plan_texts(store)?))
        }
        Effect::LoadInsights(days) => Some(Action::InsightsLoaded(loaders::insights(
            store, content, now, days,
        )?)),
        Effect::LoadYear(year) => Some(Action::YearLoaded(loaders::year(store, year)?)),
        Effect::LoadDay(date) => Some(Action::DayLoaded(loaders::day(store, date)?)),
        Effect::LoadWeek => Some(Action::WeekLoaded(loaders::week(store, content, now)?)),
        Effect::LoadSupervision(since) => Some(Action::SupervisionLoaded(
            loaders::supervision_prep(store, content, now, since)?,
        )),
        Effect::RecordSupervision(day) => {
            store
                .record_supervision(day, None)
                .map_err(fail("Could not record it"))?;
            Some(Action::SupervisionLoaded(loaders::supervision_prep(
                store, content, now, None,
            )?))
        }
        Effect::FinishFirstRun { .. }
        | Effect::LoadRegistration { .. }
        | Effect::ExportRevalidation { .. }
        | Effect::ExportSupervision { .. }
        | Effect::Unlock(_)
        | Effect::ExternalEditor(_)
        | Effect::Search(_)
        | Effect::SaveDraft(_) => None,
    })
}
