//! The boxes over a screen that take the keys until they close: what they hold, their
//! key tables, and what their keys do. Their drawing is in `draw`.

mod draw;

use crossterm::event::{KeyCode, KeyEvent};

pub use draw::draw_overlay;

use crate::domain::suggest::Suggestion;
use crate::store::Draft;

use super::app::{App, Effect, Nav, Out};
use super::keymap::{code, key, lookup, shown, Binding, Keymap, Shown};
use super::screen::Screen;
use super::screens::{checkin, editor, plan, today};

/// A box over the screen that takes the keys until it closes.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help,
    Suggestion(Suggestion),
    DraftOffer(Draft),
    ConfirmDelete {
        id: i64,
        title: String,
    },
    LeaveCheckIn,
    LeaveEditor,
    /// Quitting while some words could not be saved: asks first.
    QuitUnsaved,
    /// Text to read (content), scrolled by this many lines.
    Message {
        text: String,
        scroll: u16,
    },
    /// Who to talk to and who to call, for the user's region.
    HelpNow {
        scroll: u16,
    },
}

/// What a key does in a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Start the first thing a suggestion offers.
    Start,
    /// Carry on with an unfinished draft.
    CarryOn,
    Discard,
    KeepForLater,
    NotNow,
    ConfirmDelete,
    Keep,
    ConfirmLeave,
    Stay,
    QuitAnyway,
    KeepDraft,
    KeepWriting,
    ScrollUp,
    ScrollDown,
    PageUp,
    PageDown,
    /// A row with no keys: any key not in the table.
    Close,
}

const fn row(
    keys: &'static [crate::keys::Key],
    command: Choice,
    help: &'static str,
    footer: &'static str,
) -> Binding<Choice> {
    Binding {
        keys,
        command,
        help,
        footer: Some(footer),
    }
}

pub const HELP_KEYS: &[Binding<Choice>] = &[row(
    &[],
    Choice::Close,
    "any key closes the help",
    "Any key closes this.",
)];

/// Text to read, scrolled; any other key closes it.
const SCROLL: [Binding<Choice>; 4] = [
    row(
        &[code(KeyCode::Up), key('k')],
        Choice::ScrollUp,
        "scroll up",
        "up",
    ),
    row(
        &[code(KeyCode::Down), key('j')],
        Choice::ScrollDown,
        "scroll down",
        "down",
    ),
    Binding {
        keys: &[code(KeyCode::PageUp)],
        command: Choice::PageUp,
        help: "scroll up a page",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::PageDown), key(' ')],
        command: Choice::PageDown,
        help: "scroll down a page",
        footer: None,
    },
];

pub const MESSAGE_KEYS: &[Binding<Choice>] = &[
    SCROLL[0],
    SCROLL[1],
    SCROLL[2],
    SCROLL[3],
    row(
        &[],
        Choice::Close,
        "any other key closes this",
        "any other key closes this",
    ),
];

pub const HELP_NOW_KEYS: &[Binding<Choice>] = &[
    SCROLL[0],
    SCROLL[1],
    SCROLL[2],
    SCROLL[3],
    row(
        &[],
        Choice::Close,
        "any other key returns you to where you were",
        "any other key returns you to where you were",
    ),
];

pub const SUGGESTION_KEYS: &[Binding<Choice>] = &[
    row(
        &[code(KeyCode::Enter)],
        Choice::Start,
        "start the first thing offered",
        "start it",
    ),
    row(
        &[code(KeyCode::Esc), key('q'), key('n')],
        Choice::NotNow,
        "not now",
        "not now",
    ),
];

pub const DRAFT_OFFER_KEYS: &[Binding<Choice>] = &[
    row(
        &[code(KeyCode::Enter)],
        Choice::CarryOn,
        "carry on where you left off",
        "carry on",
    ),
    row(
        &[key('d')],
        Choice::Discard,
        "discard the draft",
        "discard it",
    ),
    row(
        &[code(KeyCode::Esc)],
        Choice::KeepForLater,
        "keep the draft for later",
        "later",
    ),
];

pub const CONFIRM_DELETE_KEYS: &[Binding<Choice>] = &[
    row(
        &[key('y')],
        Choice::ConfirmDelete,
        "delete the entry",
        "delete",
    ),
    row(
        &[key('n'), code(KeyCode::Esc)],
        Choice::Keep,
        "keep the entry",
        "keep it",
    ),
];

pub const LEAVE_CHECK_IN_KEYS: &[Binding<Choice>] = &[
    row(
        &[key('y')],
        Choice::ConfirmLeave,
        "leave without saving",
        "leave",
    ),
    row(
        &[key('n'), code(KeyCode::Esc)],
        Choice::Stay,
        "stay with the check-in",
        "stay",
    ),
];

pub const QUIT_UNSAVED_KEYS: &[Binding<Choice>] = &[
    row(
        &[key('y')],
        Choice::QuitAnyway,
        "quit, losing what could not be saved",
        "quit anyway",
    ),
    row(
        &[key('n'), code(KeyCode::Esc)],
        Choice::Stay,
        "stay while Lantern keeps trying",
        "stay (Lantern keeps trying)",
    ),
];

pub const LEAVE_EDITOR_KEYS: &[Binding<Choice>] = &[
    row(
        &[key('k')],
        Choice::KeepDraft,
        "keep what you wrote as a draft",
        "keep a draft",
    ),
    row(
        &[key('d')],
        Choice::Discard,
        "discard what you wrote",
        "discard it",
    ),
    row(
        &[code(KeyCode::Esc), key('c')],
        Choice::KeepWriting,
        "keep writing",
        "keep writing",
    ),
];

impl Overlay {
    /// Its key table.
    pub fn table(&self) -> &'static [Binding<Choice>] {
        match self {
            Overlay::Help => HELP_KEYS,
            Overlay::Suggestion(_) => SUGGESTION_KEYS,
            Overlay::DraftOffer(_) => DRAFT_OFFER_KEYS,
            Overlay::ConfirmDelete { .. } => CONFIRM_DELETE_KEYS,
            Overlay::LeaveCheckIn => LEAVE_CHECK_IN_KEYS,
            Overlay::LeaveEditor => LEAVE_EDITOR_KEYS,
            Overlay::QuitUnsaved => QUIT_UNSAVED_KEYS,
            Overlay::Message { .. } => MESSAGE_KEYS,
            Overlay::HelpNow { .. } => HELP_NOW_KEYS,
        }
    }
}

/// Every box's table, by the name `lantern keys` gives it.
pub fn tables(map: &Keymap) -> Vec<(&'static str, Vec<Shown>)> {
    vec![
        ("Keys (help)", shown(map, HELP_KEYS)),
        ("Help now", shown(map, HELP_NOW_KEYS)),
        ("Text to read", shown(map, MESSAGE_KEYS)),
        ("One small thing", shown(map, SUGGESTION_KEYS)),
        ("Unfinished draft", shown(map, DRAFT_OFFER_KEYS)),
        ("Delete?", shown(map, CONFIRM_DELETE_KEYS)),
        ("Leave the check-in?", shown(map, LEAVE_CHECK_IN_KEYS)),
        ("Quit?", shown(map, QUIT_UNSAVED_KEYS)),
        ("Stop writing?", shown(map, LEAVE_EDITOR_KEYS)),
    ]
}

/// The footer of a box: each row's first key and label, its other keys after.
pub fn footer(rows: &[Shown]) -> String {
    let items: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            let label = r.footer?;
            let Some((first, rest)) = r.keys.split_first() else {
                return Some(label.to_string());
            };
            let mut item = format!("{} {label}", first.label());
            if !rest.is_empty() {
                let rest: Vec<String> = rest.iter().map(|k| k.label()).collect();
                item.push_str(&format!(" ({})", rest.join(" ")));
            }
            Some(item)
        })
        .collect();
    items.join("    ")
}

/// A key while a box is open: the box's table decides; a key not in it closes the
/// boxes that have a `Close` row and is ignored by the others.
pub fn overlay_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let Some(overlay) = app.overlay.clone() else {
        return Vec::new();
    };
    let table = overlay.table();
    let choice = lookup(&app.keys, table, key).or_else(|| {
        table
            .iter()
            .find(|b| {
                b.keys.is_empty() && !app.keys.is_set(&super::keymap::command_name(&b.command))
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
        Overlay::Help => true,
        Overlay::Message { text, scroll } => match scrolled(scroll) {
            Some(scroll) => {
                app.overlay = Some(Overlay::Message { text, scroll });
                false
            }
            None => true,
        },
        Overlay::HelpNow { scroll } => match scrolled(scroll) {
            Some(scroll) => {
                app.overlay = Some(Overlay::HelpNow { scroll });
                false
            }
            None => true,
        },
        Overlay::Suggestion(s) => {
            if choice == Choice::Start {
                if let Some(first) = s.offer.first() {
                    today::start_offer(first, &app.env(), &mut out);
                }
            }
            true
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
        app.overlay = None;
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
