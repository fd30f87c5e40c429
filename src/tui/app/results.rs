//! What `update` does with the results of effects: data loaded, saves done, and
//! what went wrong.

use super::Action;
use super::{App, Effect, Nav, Out, Overlay, Screen};
use crate::tui::overlay::Offered;
use crate::tui::screens::{checkin, day, reader};

/// An action that is the result of an effect.
pub(super) fn on_result(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
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
            app.overlay = suggestion.map(|s| Overlay::Suggestion(Offered::new(s)));
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
                if p.loaded(texts) {
                    app.status = Some("Saved.".into());
                }
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
        Action::EntryChecked(list) => {
            if list.items.is_empty() {
                app.status =
                    Some("Nothing in this entry looks like it could identify someone.".into());
            } else if app.overlay.is_none() {
                app.overlay = Some(Overlay::Check(list));
            }
            Vec::new()
        }
        Action::EntryReplaced {
            entry,
            list,
            replaced,
        } => {
            if let Screen::Reader(r) = &mut app.screen {
                if r.entry.id == entry.id {
                    r.set_entry(entry);
                }
            }
            let open = matches!(app.overlay, Some(Overlay::Check(_)));
            let (was_marked, kept) = match &app.overlay {
                Some(Overlay::Check(old)) => (old.marked, old.kept.clone()),
                _ => (0, Vec::new()),
            };
            let mut list = list.without_kept(kept);
            let mut said = match replaced {
                0 => "The entry was changed elsewhere, so nothing was replaced; it has been checked again.".to_string(),
                1 => "Replaced with a placeholder in the entry.".to_string(),
                n => format!("Replaced {n} details with placeholders in the entry."),
            };
            if list.items.is_empty() {
                said.push_str(" Nothing else looks like it could identify someone.");
                if open {
                    app.overlay = None;
                }
            } else if open {
                list.marked = was_marked.min(list.items.len() - 1);
                app.overlay = Some(Overlay::Check(list));
            }
            app.status = Some(said);
            // Lists show the entry's title, which may have changed.
            vec![Effect::LoadToday]
        }
        Action::AccountSaved(id) => {
            if let Screen::Editor(e) = &app.screen {
                app.unsaved.retain(|d| d.slot != e.slot);
            }
            app.screen = app.stack.pop().unwrap_or(Screen::Today);
            app.status = Some(format!(
                "Saved reflective account #{id}. Your entry is as it was."
            ));
            match &mut app.screen {
                Screen::Registration(_) => {
                    let env = app.env();
                    vec![crate::tui::screens::registration::load(&env)]
                }
                _ => Vec::new(),
            }
        }
        Action::RegistrationLoaded(data) => {
            if let Screen::Registration(r) = &mut app.screen {
                r.data = Some(data);
            }
            Vec::new()
        }
        Action::BeforeSharing(asked) => {
            if app.overlay.is_none() {
                app.overlay = Some(Overlay::BeforeSharing(asked));
            }
            Vec::new()
        }
        Action::Status(message) => {
            app.status = Some(message);
            Vec::new()
        }
        _ => Vec::new(),
    }
}
