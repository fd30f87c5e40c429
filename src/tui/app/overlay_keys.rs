//! A key while a box is open over the screen: the box's table decides what it does
//! to the app. The boxes themselves, their tables and their footers are in
//! `tui::overlay`.

use crossterm::event::KeyEvent;

use super::App;
use crate::store::Draft;
use crate::tui::keymap::lookup;
use crate::tui::message::Effect;
use crate::tui::overlay::{Choice, Overlay, Share};
use crate::tui::screens::{checkin, editor, plan, today, Nav, Out, Screen};

/// A key while a box is open: the box's table decides; a key not in it closes the
/// boxes that have a `Close` row and is ignored by the others.
pub fn overlay_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let Some(overlay) = app.overlay.clone() else {
        return Vec::new();
    };
    let table = overlay.table();
    let was_help_now = matches!(overlay, Overlay::HelpNow { .. });
    let choice = lookup(&app.keys, table, key).or_else(|| {
        table
            .iter()
            .find(|b| {
                b.keys.is_empty()
                    && !app
                        .keys
                        .is_set(&crate::tui::keymap::command_name(&b.command))
            })
            .map(|b| b.command)
    });
    let Some(choice) = choice else {
        return Vec::new();
    };
    let mut out = Out::default();
    let scrolled = |scroll: u16| match choice {
        Choice::ScrollUp => Some(scroll.saturating_sub(1)),
        Choice::ScrollDown => Some(scroll.saturating_add(1)),
        Choice::PageUp => Some(scroll.saturating_sub(10)),
        Choice::PageDown => Some(scroll.saturating_add(10)),
        _ => None,
    };
    let close = match overlay {
        Overlay::Help => match scrolled(app.help_scroll) {
            Some(scroll) => {
                app.help_scroll = scroll;
                false
            }
            None => true,
        },
        Overlay::Message { text, scroll } => match scrolled(scroll) {
            Some(scroll) => {
                app.overlay = Some(Overlay::Message { text, scroll });
                false
            }
            None => true,
        },
        Overlay::HelpNow { .. } if choice == Choice::OpenGuide => {
            match app.content.care.iter().find(|c| c.signpost.is_some()) {
                Some(guide) => {
                    let reference = format!("care:{}", guide.id.as_ref());
                    today::start_offer(&reference, &app.env(), &mut out);
                    // The suggestion behind help now has been read; the guide is what
                    // was asked for now.
                    if matches!(app.behind_help_now, Some(Overlay::Suggestion(_))) {
                        app.behind_help_now = None;
                    }
                }
                None => out.status = Some("There is no guide in the content just now.".into()),
            }
            true
        }
        Overlay::HelpNow { scroll } => match scrolled(scroll) {
            Some(scroll) => {
                app.overlay = Some(Overlay::HelpNow { scroll });
                false
            }
            None => true,
        },
        Overlay::Suggestion(mut offered) => {
            let last = offered.suggestion.offer.len().saturating_sub(1);
            match choice {
                Choice::ScrollUp | Choice::ScrollDown => {
                    offered.chosen = match choice {
                        Choice::ScrollUp => offered.chosen.saturating_sub(1),
                        _ => (offered.chosen + 1).min(last),
                    };
                    app.overlay = Some(Overlay::Suggestion(offered));
                    false
                }
                Choice::Start => {
                    if let Some(chosen) = offered.suggestion.offer.get(offered.chosen) {
                        today::start_offer(chosen, &app.env(), &mut out);
                    }
                    true
                }
                _ => true,
            }
        }
        Overlay::DraftOffer(draft) => match choice {
            Choice::CarryOn => {
                carry_on(app, &draft, &mut out);
                true
            }
            Choice::Discard => {
                app.unsaved.retain(|d| d.slot != draft.slot);
                out.effects.push(Effect::DiscardDraft(draft.slot.clone()));
                out.status = Some("Draft discarded.".into());
                true
            }
            _ => {
                // There is one check-in draft: a new check-in carries on with this one
                // rather than write over it.
                if checkin::is_checkin_draft(&draft) {
                    app.kept_checkin = Some(draft.clone());
                }
                out.status = Some("Your draft is kept for later.".into());
                true
            }
        },
        Overlay::ConfirmDelete { id, .. } => {
            if choice == Choice::ConfirmDelete {
                out.effects.push(Effect::DeleteEntry(id));
            }
            true
        }
        Overlay::LeaveCheckIn => {
            if choice == Choice::ConfirmLeave {
                if matches!(&app.screen, Screen::CheckIn(f) if f.from_draft) {
                    out.effects
                        .push(Effect::DiscardDraft(checkin::DRAFT_SLOT.into()));
                }
                out.nav = Some(Nav::Back);
                out.status = Some("Check-in not saved.".into());
            }
            true
        }
        Overlay::Check(mut list) => {
            let last = list.items.len().saturating_sub(1);
            let marked = list.items.get(list.marked).cloned();
            match (choice, marked) {
                (Choice::ScrollUp, _) => {
                    list.marked = list.marked.saturating_sub(1);
                    app.overlay = Some(Overlay::Check(list));
                    false
                }
                (Choice::ScrollDown, _) => {
                    list.marked = (list.marked + 1).min(last);
                    app.overlay = Some(Overlay::Check(list));
                    false
                }
                // The box stays open until the entry comes back changed and checked again.
                (Choice::ReplaceOne, Some(item)) => {
                    out.effects.push(Effect::ReplaceInEntry {
                        id: list.entry_id,
                        checked_at: list.checked_at,
                        findings: vec![item.finding],
                    });
                    false
                }
                (Choice::ReplaceAll, Some(_)) => {
                    out.effects.push(Effect::ReplaceInEntry {
                        id: list.entry_id,
                        checked_at: list.checked_at,
                        findings: list.items.iter().map(|i| i.finding.clone()).collect(),
                    });
                    false
                }
                (Choice::KeepOne, Some(item)) => {
                    list.kept
                        .push((item.finding.finding.kind.clone(), item.matched.clone()));
                    list.items.remove(list.marked);
                    list.marked = list.marked.min(list.items.len().saturating_sub(1));
                    let done = list.items.is_empty();
                    out.status = Some(if done {
                        "Kept as you wrote it. That was the last one listed.".into()
                    } else {
                        "Kept as you wrote it.".into()
                    });
                    if !done {
                        app.overlay = Some(Overlay::Check(list));
                    }
                    done
                }
                (Choice::Finished, _) => true,
                _ => false,
            }
        }
        Overlay::BeforeSharing(asked) => {
            match choice {
                Choice::ShareReplaced => out.effects.push(share_effect(asked.share, Some(true))),
                Choice::ShareAsWritten => out.effects.push(share_effect(asked.share, Some(false))),
                _ => out.status = Some("Nothing was written.".into()),
            }
            true
        }
        Overlay::QuitUnsaved => {
            if choice == Choice::QuitAnyway {
                // Asked and answered: quit without another try.
                app.overlay = None;
                app.quit = true;
                return Vec::new();
            }
            true
        }
        Overlay::LeaveEditor => {
            if let Screen::Plan(p) = &mut app.screen {
                if let Some(slot) = plan::leave_writing(p, choice, &app.content, app.now, &mut out)
                {
                    app.unsaved.retain(|d| d.slot != slot);
                }
            }
            if let Screen::Editor(e) = &app.screen {
                match choice {
                    Choice::KeepDraft => {
                        out.effects.push(Effect::SaveDraft(e.draft(app.now)));
                        out.nav = Some(Nav::Back);
                        out.status = Some("Kept as a draft. It will be offered next time.".into());
                    }
                    Choice::Discard => {
                        let slot = e.slot.clone();
                        app.unsaved.retain(|d| d.slot != slot);
                        out.effects.push(Effect::DiscardDraft(slot));
                        out.nav = Some(Nav::Back);
                        out.status = Some("Discarded.".into());
                    }
                    _ => {}
                }
            }
            true
        }
    };
    if close {
        app.overlay = if was_help_now {
            app.behind_help_now.take()
        } else {
            None
        };
    }
    app.apply(out)
}

/// Opens the screen a draft belongs to, with the draft's words in it.
fn carry_on(app: &App, draft: &Draft, out: &mut Out) {
    if plan::draft_section(draft).is_some() {
        match plan::Plan::from_draft(draft, &app.content) {
            Some(p) => {
                out.nav = Some(Nav::Push(Screen::Plan(p)));
                out.effects.push(Effect::LoadPlan);
            }
            None => {
                out.status = Some("That part of your plan could not be read back, sorry.".into())
            }
        }
    } else if checkin::is_checkin_draft(draft) {
        match checkin::CheckInForm::from_draft(draft, &app.content) {
            Some(form) => out.nav = Some(Nav::Push(Screen::CheckIn(form))),
            None => out.status = Some("That check-in could not be read back, sorry.".into()),
        }
    } else {
        let env = app.env();
        let screen = editor::Editor::from_draft(draft, &env);
        out.nav = Some(Nav::Push(Screen::Editor(Box::new(screen))));
    }
}

/// The export again, with the person's choice: `Some(true)` puts placeholders in what
/// is shared, `Some(false)` shares it as written.
fn share_effect(share: Share, sharing: Option<bool>) -> Effect {
    match share {
        Share::Supervision {
            since,
            entries,
            good_moments,
        } => Effect::ExportSupervision {
            since,
            entries,
            good_moments,
            sharing,
        },
        Share::Revalidation { body, renewal } => Effect::ExportRevalidation {
            body,
            renewal,
            sharing,
        },
    }
}
