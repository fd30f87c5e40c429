//! The check-in's keys: the table that works on every step, one table for the keys
//! inside each step, and what they do.

use std::collections::BTreeSet;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{CheckInForm, Step};
use crate::tui::keymap::{code, ctrl, key, shown, Binding, Keymap, Shown};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::{Env, Nav, Out};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Save,
    Next,
    Previous,
    Leave,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[ctrl('s'), key('s')],
        command: Cmd::Save,
        help: "save the check-in (s works outside text fields)",
        footer: Some("save"),
    },
    Binding {
        keys: &[code(KeyCode::Tab), code(KeyCode::Enter)],
        command: Cmd::Next,
        help: "next step (keeps the value shown)",
        footer: Some("next"),
    },
    Binding {
        keys: &[code(KeyCode::BackTab)],
        command: Cmd::Previous,
        help: "previous step",
        footer: Some("back a step"),
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        command: Cmd::Leave,
        help: "leave without saving (asks first)",
        footer: Some("leave"),
    },
    Binding {
        keys: &[key('?'), code(KeyCode::F(1))],
        command: Cmd::Help,
        help: "show these keys (F1 while typing)",
        footer: Some("help"),
    },
];

/// What a key does inside a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepCmd {
    LessPleasant,
    MorePleasant,
    MoreEnergy,
    LessEnergy,
    LessStress,
    MoreStress,
    Up,
    Down,
    Pick,
    NoSystem,
    /// A digit sets a value; which one depends on the step.
    Number,
}

const DIGITS: &[crate::keys::Key] = &[
    key('1'),
    key('2'),
    key('3'),
    key('4'),
    key('5'),
    key('6'),
    key('7'),
    key('8'),
    key('9'),
    key('0'),
];

const fn step_row(
    keys: &'static [crate::keys::Key],
    command: StepCmd,
    help: &'static str,
) -> Binding<StepCmd> {
    Binding {
        keys,
        command,
        help,
        footer: None,
    }
}

pub const METER_KEYS: &[Binding<StepCmd>] = &[
    step_row(
        &[code(KeyCode::Left), key('h')],
        StepCmd::LessPleasant,
        "less pleasant",
    ),
    step_row(
        &[code(KeyCode::Right), key('l')],
        StepCmd::MorePleasant,
        "more pleasant",
    ),
    step_row(
        &[code(KeyCode::Up), key('k')],
        StepCmd::MoreEnergy,
        "more energy",
    ),
    step_row(
        &[code(KeyCode::Down), key('j')],
        StepCmd::LessEnergy,
        "less energy",
    ),
    step_row(
        DIGITS,
        StepCmd::Number,
        "set pleasantness, then energy (0 is 10)",
    ),
];

/// The words of the meter's quarter, and the stressor tags.
pub const LIST_KEYS: &[Binding<StepCmd>] = &[
    step_row(
        &[code(KeyCode::Up), key('k'), code(KeyCode::Left), key('h')],
        StepCmd::Up,
        "the one before",
    ),
    step_row(
        &[
            code(KeyCode::Down),
            key('j'),
            code(KeyCode::Right),
            key('l'),
        ],
        StepCmd::Down,
        "the next one",
    ),
    step_row(
        &[key(' '), key('x')],
        StepCmd::Pick,
        "pick or unpick a word or tag",
    ),
];

pub const STRESS_KEYS: &[Binding<StepCmd>] = &[
    step_row(
        &[code(KeyCode::Left), code(KeyCode::Down), key('h'), key('j')],
        StepCmd::LessStress,
        "less stress",
    ),
    step_row(
        &[code(KeyCode::Right), code(KeyCode::Up), key('l'), key('k')],
        StepCmd::MoreStress,
        "more stress",
    ),
    step_row(DIGITS, StepCmd::Number, "set stress (type 10 as 1 0)"),
];

pub const SYSTEM_KEYS: &[Binding<StepCmd>] = &[
    step_row(
        &[code(KeyCode::Up), key('k')],
        StepCmd::Up,
        "the system above",
    ),
    step_row(
        &[code(KeyCode::Down), key('j')],
        StepCmd::Down,
        "the system below",
    ),
    step_row(
        &[key(' '), code(KeyCode::Backspace)],
        StepCmd::NoSystem,
        "no system",
    ),
    step_row(DIGITS, StepCmd::Number, "pick a system by its number"),
];

/// The steps with keys of their own (the text steps have none: keys are text there),
/// by the name `lantern keys` gives them.
pub const STEP_TABLES: &[(&str, &[Binding<StepCmd>])] = &[
    ("Check in: mood meter", METER_KEYS),
    ("Check in: words and tags", LIST_KEYS),
    ("Check in: stress", STRESS_KEYS),
    ("Check in: system", SYSTEM_KEYS),
];

/// The table of keys inside `step`.
pub fn step_table(step: Step) -> &'static [Binding<StepCmd>] {
    match step {
        Step::Meter => METER_KEYS,
        Step::Words | Step::Tags => LIST_KEYS,
        Step::Stress => STRESS_KEYS,
        Step::System => SYSTEM_KEYS,
        Step::Note | Step::Good => &[],
    }
}

/// The rows the footer and help show on the form as it stands: every step's keys,
/// then this step's.
pub fn keys(state: &CheckInForm, map: &Keymap) -> Vec<Shown> {
    let mut rows = shown(map, KEYS);
    rows.extend(shown(map, step_table(state.step())));
    rows
}

fn digit(key: &KeyEvent) -> Option<i64> {
    match key.code {
        KeyCode::Char(c)
            if c.is_ascii_digit() && !key.modifiers.contains(KeyModifiers::CONTROL) =>
        {
            Some(i64::from(c as u8 - b'0'))
        }
        _ => None,
    }
}

pub fn on_key(state: &mut CheckInForm, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    let step = state.step();
    let command = env.lookup(KEYS, key).filter(|c| {
        // In text fields, letters are text: only Ctrl-S saves and ? types a question mark.
        !(step.is_text()
            && matches!(key.code, KeyCode::Char(_))
            && !key.modifiers.contains(KeyModifiers::CONTROL))
            || matches!(c, Cmd::Next)
    });
    match command {
        Some(Cmd::Save) => {
            state.clamp();
            match state
                .input(env.content)
                .validate(env.content, env.uid.to_string(), env.now)
            {
                Ok(checkin) => out.effects.push(Effect::SaveCheckIn(checkin)),
                Err(e) => out.status = Some(e.to_string()),
            }
            return;
        }
        Some(Cmd::Next) => {
            if state.index + 1 < state.steps.len() {
                state.index += 1;
            } else {
                out.status = Some(format!(
                    "That was the last step: press {} to save.",
                    env.key_for(KEYS, Cmd::Save)
                ));
            }
            state.last_digit = None;
            return;
        }
        Some(Cmd::Previous) => {
            state.index = state.index.saturating_sub(1);
            state.last_digit = None;
            return;
        }
        Some(Cmd::Leave) => {
            if state.changed {
                out.overlay = Some(Overlay::LeaveCheckIn);
            } else {
                out.nav = Some(Nav::Back);
            }
            return;
        }
        Some(Cmd::Help) => {
            out.overlay = Some(Overlay::Help);
            return;
        }
        None => {}
    }
    let before = (
        state.pleasantness,
        state.energy,
        state.stress,
        state.system,
        state.words.len(),
        state.tags.len(),
        state.moved,
    );
    if step.is_text() {
        let area = if step == Step::Note {
            &mut state.note
        } else {
            &mut state.good
        };
        if area.input(*key) {
            state.changed = true;
            state.typed = true;
        }
        return;
    }
    let Some(command) = env.lookup(step_table(step), key) else {
        return;
    };
    let number = digit(key);
    match (step, command) {
        (Step::Meter, _) => {
            state.moved = true;
            match command {
                StepCmd::LessPleasant => state.pleasantness -= 1,
                StepCmd::MorePleasant => state.pleasantness += 1,
                StepCmd::MoreEnergy => state.energy += 1,
                StepCmd::LessEnergy => state.energy -= 1,
                StepCmd::Number => {
                    if let Some(d) = number {
                        let value = if d == 0 { 10 } else { d };
                        if state.digit_sets_energy {
                            state.energy = value;
                        } else {
                            state.pleasantness = value;
                        }
                        state.digit_sets_energy = !state.digit_sets_energy;
                    }
                }
                _ => {}
            }
            state.clamp();
            // Words chosen in another quarter no longer fit.
            let words: Vec<String> = state
                .quadrant_words(env.content)
                .iter()
                .map(|w| w.to_string())
                .collect();
            state.words.retain(|w| words.contains(w));
        }
        (Step::Words, _) => {
            let words = state.quadrant_words(env.content);
            list_keys(
                command,
                &mut state.word_cursor,
                words.len(),
                &mut state.words,
                &words,
            );
        }
        (Step::Stress, _) => {
            match command {
                StepCmd::LessStress => state.stress -= 1,
                StepCmd::MoreStress => state.stress += 1,
                StepCmd::Number => {
                    if let Some(d) = number {
                        state.stress = if d == 0 && state.last_digit == Some('1') {
                            10
                        } else {
                            d
                        };
                        state.last_digit = char::from_digit(d as u32, 10);
                    }
                }
                _ => {}
            }
            state.clamp();
        }
        (Step::System, _) => {
            let count = env.content.systems.len();
            match command {
                StepCmd::Up => {
                    state.system = Some(state.system.map_or(0, |i| i.saturating_sub(1)));
                }
                StepCmd::Down => {
                    state.system = Some(
                        state
                            .system
                            .map_or(0, |i| (i + 1).min(count.saturating_sub(1))),
                    );
                }
                StepCmd::NoSystem => state.system = None,
                StepCmd::Number => {
                    if let Some(d) = number {
                        if d >= 1 && (d as usize) <= count {
                            state.system = Some(d as usize - 1);
                        }
                    }
                }
                _ => {}
            }
        }
        (Step::Tags, _) => {
            let tags: Vec<&str> = env
                .content
                .stresses
                .iter()
                .map(|s| s.id.as_ref().as_str())
                .collect();
            list_keys(
                command,
                &mut state.tag_cursor,
                tags.len(),
                &mut state.tags,
                &tags,
            );
        }
        (Step::Note | Step::Good, _) => {}
    }
    let after = (
        state.pleasantness,
        state.energy,
        state.stress,
        state.system,
        state.words.len(),
        state.tags.len(),
        state.moved,
    );
    if before != after {
        state.changed = true;
    }
}

fn list_keys(
    command: StepCmd,
    cursor: &mut usize,
    count: usize,
    chosen: &mut BTreeSet<String>,
    items: &[&str],
) {
    match command {
        StepCmd::Up => *cursor = cursor.saturating_sub(1),
        StepCmd::Down => *cursor = (*cursor + 1).min(count.saturating_sub(1)),
        StepCmd::Pick => {
            if let Some(item) = items.get(*cursor) {
                if !chosen.remove(*item) {
                    chosen.insert(item.to_string());
                }
            }
        }
        _ => {}
    }
}
