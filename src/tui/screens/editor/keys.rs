//! The editor's keys and what they do.

use crossterm::event::{KeyCode, KeyEvent};

use super::Editor;
use crate::tui::keymap::{code, ctrl, Binding};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::{Env, Nav, Out};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Save,
    Next,
    Previous,
    Title,
    External,
    /// Bring the entry's words into an account's answer.
    BringIn,
    Leave,
    Help,
}

const SAVE: Binding<Cmd> = Binding {
    keys: &[ctrl('s')],
    command: Cmd::Save,
    help: "save the entry",
    footer: Some("save"),
};

const SAVE_ACCOUNT: Binding<Cmd> = Binding {
    keys: &[ctrl('s')],
    command: Cmd::Save,
    help: "save the reflective account (the entry stays as it is)",
    footer: Some("save"),
};

const NEXT: Binding<Cmd> = Binding {
    keys: &[ctrl('n'), code(KeyCode::PageDown)],
    command: Cmd::Next,
    help: "next prompt",
    footer: Some("next"),
};

const PREVIOUS: Binding<Cmd> = Binding {
    keys: &[ctrl('p'), code(KeyCode::PageUp)],
    command: Cmd::Previous,
    help: "previous prompt",
    footer: Some("previous"),
};

const TITLE: Binding<Cmd> = Binding {
    keys: &[ctrl('t')],
    command: Cmd::Title,
    help: "edit the title (again to go back)",
    footer: Some("title"),
};

const EXTERNAL: Binding<Cmd> = Binding {
    keys: &[ctrl('e')],
    command: Cmd::External,
    help: "write in your own $EDITOR, then come back",
    footer: Some("$EDITOR"),
};

const LEAVE: Binding<Cmd> = Binding {
    keys: &[code(KeyCode::Esc)],
    command: Cmd::Leave,
    help: "stop writing (asks whether to keep a draft)",
    footer: Some("leave"),
};

const HELP: Binding<Cmd> = Binding {
    keys: &[code(KeyCode::F(1))],
    command: Cmd::Help,
    help: "show these keys",
    footer: Some("help"),
};

pub const KEYS: &[Binding<Cmd>] = &[SAVE, NEXT, PREVIOUS, TITLE, EXTERNAL, LEAVE, HELP];

/// Writing a reflective account: the editor's keys, and one to bring in the words of
/// the entry it started from.
pub const ACCOUNT_KEYS: &[Binding<Cmd>] = &[
    SAVE_ACCOUNT,
    NEXT,
    PREVIOUS,
    TITLE,
    Binding {
        keys: &[ctrl('o')],
        command: Cmd::BringIn,
        help: "bring your entry's words into this answer",
        footer: Some("entry's words"),
    },
    LEAVE,
    HELP,
];

/// The table in effect: an account's, or an entry's.
pub fn table(state: &Editor) -> &'static [Binding<Cmd>] {
    if state.account.is_some() {
        ACCOUNT_KEYS
    } else {
        KEYS
    }
}

pub fn on_key(state: &mut Editor, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    let keys = table(state);
    match env.lookup(keys, key) {
        Some(Cmd::Save) if state.account.is_some() => match state.account(env.now) {
            Some(account) if account.answers.values().any(|a| !a.trim().is_empty()) => {
                out.effects.push(Effect::SaveAccount {
                    account,
                    draft_slot: state.slot.clone(),
                })
            }
            _ => out.status = Some("Nothing written yet.".into()),
        },
        Some(Cmd::BringIn) => out.status = state.bring_in(env.now),
        Some(Cmd::Save) => {
            let entry = state.entry(env.now, env.uid);
            if entry.is_empty() {
                out.status = Some("Nothing written yet.".into());
            } else if state.entry_id.is_some() {
                out.effects.push(Effect::UpdateEntry {
                    entry,
                    draft_slot: state.slot.clone(),
                    unchanged_since: state.loaded_updated,
                });
            } else {
                out.effects.push(Effect::SaveEntry {
                    entry,
                    draft_slot: state.slot.clone(),
                });
            }
        }
        Some(Cmd::Next) => {
            if state.index + 1 < state.pages.len() {
                state.go_to(state.index + 1, env.now, out);
            } else {
                out.status = Some(format!(
                    "That was the last prompt. {} saves.",
                    env.key_for(keys, Cmd::Save)
                ));
            }
        }
        Some(Cmd::Previous) => state.go_to(state.index.saturating_sub(1), env.now, out),
        Some(Cmd::Title) => state.on_title = !state.on_title,
        Some(Cmd::External) => out
            .effects
            .push(Effect::ExternalEditor(state.external_text())),
        Some(Cmd::Leave) => {
            if state.changed {
                out.overlay = Some(Overlay::LeaveEditor);
            } else {
                out.nav = Some(Nav::Back);
            }
        }
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        None => {
            let area = if state.on_title {
                if key.code == KeyCode::Enter {
                    state.on_title = false;
                    return;
                }
                &mut state.title
            } else {
                match state.pages.get_mut(state.index) {
                    Some(page) => &mut page.area,
                    None => return,
                }
            };
            if area.input(*key) {
                state.typed(env.now);
            }
        }
    }
}
