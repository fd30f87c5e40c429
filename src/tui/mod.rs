//! The full-screen app, in The Elm Architecture: one `App` state, terminal events
//! become `Action`s, a pure `update` returns `Effect`s that this runtime carries out
//! against the store, and `view` draws. The runtime also keeps the terminal safe: a
//! panic, SIGTERM, SIGHUP or SIGINT restores it, and writing in progress is kept as a
//! draft. Searches run on a worker thread of their own, so a slow query never holds up
//! the keys.

pub mod app;
pub mod autosave;
pub mod keymap;
pub mod keys;
pub mod overlay;
pub mod screen;
pub mod screens;
mod search_worker;
mod terminal;
pub mod theme;
pub mod view;
pub mod widgets;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use chrono::{DateTime, FixedOffset, Local};
use zeroize::Zeroizing;

use crate::cli::Context;
use crate::config::Config;
use crate::content::Content;
use crate::domain::checkin::CheckIn;
use crate::domain::insights::{year_grid, Period, Scales};
use crate::domain::suggest::{self, Suggestion};
use crate::domain::supervision::{default_since, supervision_markdown, Shared, SupervisionPrep};
use crate::store::{self, CheckInFilter, EntryFilter, Store, StoreError};

use app::{Action, App, Effect, Screen, TodayData};
use search_worker::SearchWorker;
use terminal::{action_of, enter_terminal, install_panic_hook, leave_terminal, Incoming, Input};

fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// What the runtime owns besides the app: the store, once open, and what a second
/// connection for searching needs.
struct Runtime<'a> {
    ctx: &'a Context,
    store: Option<Store>,
    /// The passphrase of an encrypted diary, kept (and wiped on drop) so the search
    /// worker can open its own connection.
    passphrase: Option<Zeroizing<String>>,
    /// Where the search worker's answers go; set once input is running.
    answers: Option<mpsc::Sender<Incoming>>,
    search: Option<SearchWorker>,
}

/// At most this long is spent on input already queued before the screen is drawn
/// again, so a flood of keys cannot freeze it.
const DRAIN_FOR: Duration = Duration::from_millis(100);
/// Ticks come at least this often, even while keys keep arriving.
const TICK_EVERY: Duration = Duration::from_millis(250);

pub fn run(ctx: &Context) -> Result<()> {
    let loaded = crate::content::load(Some(&ctx.paths.content_dir));
    let theme = theme::Theme::from_env(ctx.config.theme);
    let db = &ctx.paths.database;
    // Only a missing diary is a first run: an empty or foreign file is reported, never
    // replaced.
    let first_run = store::file_kind(db)? == store::FileKind::Missing;
    let mut runtime = Runtime {
        ctx,
        store: None,
        passphrase: None,
        answers: None,
        search: None,
    };
    let screen = if first_run {
        Screen::Welcome(screens::welcome::Welcome::new())
    } else if store::is_encrypted(db)? {
        Screen::Unlock(screens::unlock::Unlock::new())
    } else {
        runtime.store = Some(Store::open(db, None)?);
        Screen::Today
    };
    let mut app = App::new(loaded.content, ctx.config.clone(), theme, now(), screen);
    if let Some(warning) = loaded.warnings.first() {
        app.status = Some(warning.clone());
    }
    if let Some(notice) = runtime.store.as_ref().and_then(|s| s.notices().first()) {
        app.status = Some(notice.clone());
    }

    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop)).context("listening for signals")?;
    }
    // SIGINT (`kill -INT`; Ctrl-C itself arrives as a key in raw mode) is as SIGTERM:
    // keep what was typed and give the terminal back. It has a flag of its own because
    // a Ctrl-C typed in $EDITOR reaches Lantern too, and is the editor's business.
    let interrupted = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&interrupted))
        .context("listening for signals")?;
    let stopping = || stop.load(Ordering::Relaxed) || interrupted.load(Ordering::Relaxed);

    // ratatui::init installs a panic hook that restores the terminal first.
    let mut terminal = enter_terminal();
    install_panic_hook();
    let result = (|| -> Result<()> {
        if runtime.store.is_some() {
            runtime.handle(&mut app, vec![Effect::LoadToday]);
            runtime.offer_draft(&mut app);
        }
        let input = Input::start();
        runtime.answers = Some(input.sender.clone());
        let mut last_tick = Instant::now();
        let mut backlog: Vec<Incoming> = Vec::new();
        loop {
            // A terminal that has gone away (its window closed) cannot be drawn on:
            // keep any writing as a draft, as for SIGHUP, and stop.
            let mut actions = Vec::new();
            if terminal.draw(|frame| view::view(&app, frame)).is_err() || stopping() {
                actions.push(Action::Terminate);
            } else if !backlog.is_empty() {
                actions.extend(backlog.drain(..).map(action_of));
            } else {
                let wait = if matches!(app.screen, Screen::Exercise(_)) {
                    100
                } else {
                    250
                };
                match input.events.recv_timeout(Duration::from_millis(wait)) {
                    Ok(incoming) => {
                        actions.push(action_of(incoming));
                        // Everything already queued is handled before the next draw.
                        let start = Instant::now();
                        while start.elapsed() < DRAIN_FOR {
                            match input.events.try_recv() {
                                Ok(incoming) => actions.push(action_of(incoming)),
                                Err(_) => break,
                            }
                        }
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                    Err(mpsc::RecvTimeoutError::Disconnected) => actions.push(Action::Terminate),
                }
                if last_tick.elapsed() >= TICK_EVERY || actions.is_empty() {
                    last_tick = Instant::now();
                    actions.push(Action::Tick);
                }
            }
            for action in actions {
                let action = if stopping() {
                    Action::Terminate
                } else {
                    action
                };
                app.now = now();
                app.next_uid = uuid::Uuid::new_v4().to_string();
                let effects = app::update(&mut app, action);
                let had_store = runtime.store.is_some();
                let external = runtime.handle(&mut app, effects);
                if !had_store && runtime.store.is_some() {
                    runtime.offer_draft(&mut app);
                }
                if let Some(text) = external {
                    // Hand the terminal to $EDITOR (with nothing else reading keys), then
                    // take it back.
                    input.pause();
                    leave_terminal();
                    let result = crate::cli::editor::edit(&text, &ctx.paths.data_dir)
                        .map_err(|e| format!("{e:#}"));
                    interrupted.store(false, Ordering::Relaxed);
                    terminal = enter_terminal();
                    let _ = terminal.clear();
                    backlog.extend(input.resume());
                    app.now = now();
                    let effects = app::update(&mut app, Action::ExternalEdited(result));
                    runtime.handle(&mut app, effects);
                    // Keys queued before the hand-off were for the app as it was then.
                    break;
                }
                if app.quit {
                    if app.words_lost {
                        anyhow::bail!(
                            "your words could not be saved (is the disk full?) and Lantern \
                             had to stop"
                        );
                    }
                    return Ok(());
                }
            }
        }
    })();
    leave_terminal();
    result
}

impl Runtime<'_> {
    /// Carries out effects, feeding their results back through `update`, until none
    /// are left. Returns text to hand to $EDITOR, which needs the terminal.
    fn handle(&mut self, app: &mut App, effects: Vec<Effect>) -> Option<String> {
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
                queue.extend(follow);
            }
        }
        external
    }

    fn offer_draft(&mut self, app: &mut App) {
        // An $EDITOR hand-off interrupted by a kill left its text in a file: it becomes
        // a draft first, so it is offered with the rest.
        if let Some(store) = self.store.as_ref() {
            if let Some(line) =
                crate::cli::editor::recover_leftovers(store, &self.ctx.paths.data_dir)
                    .into_iter()
                    .next()
            {
                app.status = Some(line);
            }
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
            } => {
                if let Err(e) = Config::write_first_run(&self.ctx.paths, role.as_deref(), &region) {
                    return Some(Action::UnlockFailed(format!("{e:#}")));
                }
                let db = &self.ctx.paths.database;
                let opened = match &passphrase {
                    Some(p) => Store::create_encrypted(db, p),
                    None => Store::open_or_create(db, None),
                };
                match opened {
                    Ok(store) => {
                        self.store = Some(store);
                        self.passphrase = passphrase;
                        Some(Action::Unlocked)
                    }
                    Err(e) => Some(Action::UnlockFailed(e.to_string())),
                }
            }
            Effect::Unlock(passphrase) => {
                match Store::open(&self.ctx.paths.database, Some(&passphrase)) {
                    Ok(store) => {
                        self.store = Some(store);
                        self.passphrase = Some(passphrase);
                        Some(Action::Unlocked)
                    }
                    Err(StoreError::WrongPassphrase) => Some(Action::UnlockFailed(
                        "That passphrase does not open this diary. Try again.".into(),
                    )),
                    Err(e) => Some(Action::UnlockFailed(e.to_string())),
                }
            }
            Effect::Search(query) => {
                if self.store.is_none() {
                    return Some(Action::Status("The diary is not open yet.".into()));
                }
                if self.search.is_none() {
                    let answers = self.answers.clone()?;
                    self.search = Some(SearchWorker::start(
                        self.ctx.paths.database.clone(),
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

fn fail(what: &'static str) -> impl Fn(StoreError) -> String {
    move |e| format!("{what}: {e}")
}

/// The effects that need the open store. Errors come back as one kind line.
fn perform_with_store(
    store: &mut Store,
    content: &Content,
    now: DateTime<FixedOffset>,
    effect: Effect,
) -> std::result::Result<Option<Action>, String> {
    Ok(match effect {
        Effect::LoadToday => Some(Action::TodayLoaded(
            load_today(store, content, now).map_err(fail("Could not read today"))?,
        )),
        Effect::LoadEntries { offset } => {
            let rows = store
                .list_entries(&EntryFilter {
                    limit: Some(screens::diary::PAGE),
                    offset,
                    ..Default::default()
                })
                .map_err(fail("Could not read the diary"))?;
            Some(Action::EntriesLoaded { offset, rows })
        }
        Effect::OpenEntry(id) => Some(Action::EntryLoaded(
            store.entry(id).map_err(fail("Could not open it"))?,
        )),
        Effect::SaveCheckIn(checkin) => {
            store
                .add_checkin(&checkin)
                .map_err(fail("Could not save the check-in; it is still on screen"))?;
            // A check-in kept from an earlier Ctrl-C is done with now.
            let _ = store.delete_draft(screens::checkin::DRAFT_SLOT);
            let history = history(store, content, now)
                .map_err(fail("Saved, but could not read recent days"))?;
            Some(Action::CheckInSaved(suggestion_for(
                content, &checkin, &history, now,
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
        Effect::LoadPlan => Some(Action::PlanLoaded(plan_texts(store)?)),
        Effect::SavePlanSection { id, text } => {
            if let Err(e) = store.set_plan_section(&id, &text, now) {
                return Ok(Some(Action::PlanSaveFailed(format!(
                    "Could not save the plan ({e}). Your words are still here: Ctrl-S tries again."
                ))));
            }
            // A draft kept of this section is done with.
            let _ = store.delete_draft(&screens::plan::draft_slot(&id));
            Some(Action::PlanLoaded(plan_texts(store)?))
        }
        Effect::LoadInsights(days) => {
            let period = Period::last_days(now.date_naive(), days);
            let data = store
                .insights(period, Scales::from_content(content))
                .map_err(fail("Could not gather the insights"))?;
            Some(Action::InsightsLoaded(data))
        }
        Effect::LoadYear(year) => {
            let days = store
                .year_in_pixels(year)
                .map_err(fail("Could not gather the year"))?;
            Some(Action::YearLoaded(year_grid(year, &days)))
        }
        Effect::LoadDay(date) => Some(Action::DayLoaded(
            store
                .day_detail(date)
                .map_err(fail("Could not open that day"))?,
        )),
        Effect::LoadWeek => Some(Action::WeekLoaded(
            store
                .week_review(now.date_naive(), Scales::from_content(content))
                .map_err(fail("Could not gather the week"))?,
        )),
        Effect::LoadSupervision(since) => Some(Action::SupervisionLoaded(supervision_prep(
            store, content, now, since,
        )?)),
        Effect::ExportSupervision {
            since,
            entries,
            good_moments,
        } => {
            let prep = supervision_prep(store, content, now, Some(since))?;
            let chosen = store
                .chosen_entries(&entries)
                .map_err(fail("Could not read the chosen entries"))?;
            let text = supervision_markdown(
                &prep,
                &Shared {
                    entries: &chosen,
                    answers: &[],
                    good_moments,
                },
            );
            let path = export_path(now.date_naive());
            crate::cli::transfer::write_private(&path, &text, false)
                .map_err(|e| format!("Could not export: {e:#}"))?;
            Some(Action::Status(format!(
                "Saved (only you can read it): {}",
                path.display()
            )))
        }
        Effect::RecordSupervision(day) => {
            store
                .record_supervision(day, None)
                .map_err(fail("Could not record it"))?;
            Some(Action::SupervisionLoaded(supervision_prep(
                store, content, now, None,
            )?))
        }
        Effect::FinishFirstRun { .. }
        | Effect::Unlock(_)
        | Effect::ExternalEditor(_)
        | Effect::Search(_)
        | Effect::SaveDraft(_) => None,
    })
}

fn supervision_prep(
    store: &Store,
    content: &Content,
    now: DateTime<FixedOffset>,
    since: Option<chrono::NaiveDate>,
) -> std::result::Result<SupervisionPrep, String> {
    let today = now.date_naive();
    let since = match since {
        Some(day) => day,
        None => default_since(
            store
                .last_supervision()
                .map_err(fail("Could not read your supervision dates"))?,
            today,
        ),
    };
    store
        .supervision_prep(Period::between(since, today), Scales::from_content(content))
        .map_err(fail("Could not gather the period"))
}

/// A new file in the home folder (or the data folder), never over an existing one.
fn export_path(today: chrono::NaiveDate) -> std::path::PathBuf {
    let dir = directories::UserDirs::new()
        .map(|u| u.home_dir().to_path_buf())
        .unwrap_or_else(std::env::temp_dir);
    let base = format!("lantern-supervision-{today}");
    (1..1000)
        .map(|n| {
            if n == 1 {
                dir.join(format!("{base}.md"))
            } else {
                dir.join(format!("{base}-{n}.md"))
            }
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{base}-{}.md", uuid::Uuid::new_v4())))
}

fn plan_texts(store: &Store) -> std::result::Result<Vec<(String, String)>, String> {
    Ok(store
        .plan()
        .map_err(fail("Could not read your plan"))?
        .into_iter()
        .map(|p| (p.section_id, p.text))
        .collect())
}

fn history(
    store: &Store,
    content: &Content,
    now: DateTime<FixedOffset>,
) -> crate::store::Result<Vec<CheckIn>> {
    let days = suggest::history_days(content.rules.iter().map(|r| &r.item));
    let since = now.date_naive() - chrono::Days::new(u64::from(days));
    Ok(store
        .list_checkins(&CheckInFilter {
            since: Some(since),
            ..Default::default()
        })?
        .into_iter()
        .map(|(_, c)| c)
        .collect())
}

fn suggestion_for(
    content: &Content,
    latest: &CheckIn,
    history: &[CheckIn],
    now: DateTime<FixedOffset>,
) -> Option<Suggestion> {
    suggest::suggest(
        content.rules.iter().map(|r| &r.item),
        latest,
        history,
        now.date_naive(),
    )
}

fn load_today(
    store: &Store,
    content: &Content,
    now: DateTime<FixedOffset>,
) -> crate::store::Result<TodayData> {
    let today = now.date_naive();
    let history = history(store, content, now)?;
    let todays: Vec<&CheckIn> = history
        .iter()
        .filter(|c| c.at.date_naive() == today)
        .collect();
    let recent = store.list_entries(&EntryFilter {
        limit: Some(5),
        ..Default::default()
    })?;
    // A suggestion from an earlier day is shown only when it is about sustained strain.
    let suggestion = history
        .first()
        .and_then(|latest| suggestion_for(content, latest, &history, now))
        .filter(|s| !todays.is_empty() || s.strain);
    let on_this_day = store.on_this_day(today)?;
    let last_reflection = store
        .entries_with_template("outcomes-reflection", 1)?
        .first()
        .map(|e| e.date);
    let has_history = !history.is_empty() || !recent.is_empty();
    Ok(TodayData {
        on_this_day: (!on_this_day.is_empty()).then_some(on_this_day),
        reflection_due: has_history
            && crate::domain::insights::outcomes_reflection_due(last_reflection, today),
        latest_today: todays.first().map(|c| (*c).clone()),
        checkins_today: todays.len(),
        recent,
        suggestion,
    })
}
