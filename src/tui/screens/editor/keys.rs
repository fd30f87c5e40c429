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
    Leave,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[ctrl('s')],
        command: Cmd::Save,
        help: "save the entry",
        footer: Some("save"),
    },
    Binding {
        keys: &[ctrl('n'), code(KeyCode::PageDown)],
        command: Cmd::Next,
        help: "next prompt",
        footer: Some("next"),
    },
    Binding {
        keys: &[ctrl('p'), code(KeyCode::PageUp)],
        command: Cmd::Previous,
        help: "previous prompt",
        footer: Some("previous"),
    },
    Binding {
        keys: &[ctrl('t')],
        command: Cmd::Title,
        help: "edit the title (again to go back)",
        footer: Some("title"),
    },
    Binding {
        keys: &[ctrl('e')],
        command: Cmd::External,
        help: "write in your own $EDITOR, then come back",
        footer: Some("$EDITOR"),
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        command: Cmd::Leave,
        help: "stop writing (asks whether to keep a draft)",
        footer: Some("leave"),
    },
    Binding {
        keys: &[code(KeyCode::F(1))],
        command: Cmd::Help,
        help: "show these keys",
        footer: Some("help"),
    },
];

pub fn on_key(state: &mut Editor, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    match env.lookup(KEYS, key) {
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
                    env.key_for(KEYS, Cmd::Save)
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
