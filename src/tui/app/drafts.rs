//! Keeping what a person did safe: drafts of what is being written, kept on quitting
//! and while typing, drafts the disk refused, tried again until they are written, and
//! an exercise under way, logged when the app is stopped in a hurry.

use super::{App, Effect, Screen};
use crate::store::Draft;
use crate::tui::screens::checkin;

/// What the status line says while some words could not be saved.
pub const UNSAVED: &str =
    "Your words could not be saved (is the disk full?). They are still here, \
     and Lantern keeps trying. Please do not close it yet.";

/// How often drafts that could not be written are tried again.
pub const RETRY_MS: i64 = 2000;

impl App {
    /// A new check-in while one left for later is kept: that one is carried on, since
    /// there is room for one check-in draft and a new one would write over it.
    pub(super) fn carry_on_kept_checkin(&mut self, screen: Screen) -> Screen {
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
                let env = self.env();
                self.status = Some(format!(
                    "Carrying on with the check-in you left earlier ({}, then {}, lets it go).",
                    env.key_for(checkin::KEYS, checkin::Cmd::Leave),
                    env.key_for(
                        crate::tui::overlay::LEAVE_CHECK_IN_KEYS,
                        crate::tui::overlay::Choice::ConfirmLeave
                    )
                ));
                Screen::CheckIn(carried)
            }
            None => screen,
        }
    }

    /// What stopping in a hurry (Ctrl-C, a signal) keeps: an exercise under way is
    /// logged with the time so far, as stopping it by hand would, and the words being
    /// written are kept as drafts.
    pub(super) fn stop_effects(&mut self) -> Vec<Effect> {
        let (now, uid) = (self.now, self.next_uid.clone());
        let mut effects = Vec::new();
        let screens = std::iter::once(&mut self.screen).chain(self.stack.iter_mut());
        for screen in screens {
            if let Screen::Exercise(run) = screen {
                effects.extend(run.stop(now, &uid));
            }
        }
        effects.extend(self.draft_effects());
        effects
    }

    /// Keeps whatever is being written as a draft, for quitting in a hurry: entries
    /// and check-ins in progress, and any draft an earlier save could not write.
    pub(super) fn draft_effects(&self) -> Vec<Effect> {
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
    pub(super) fn keep_safe(&mut self, after: &[Effect]) -> Vec<Effect> {
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
