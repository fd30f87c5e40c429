//! The first run: what Lantern is, an offer of a passphrase, your role and region.
//! Every step can be skipped, and nothing is asked twice: once done, the settings file
//! exists and this screen does not come back.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;
use zeroize::Zeroizing;

use crate::content::schema::Region;
use crate::content::Content;
use crate::tui::keymap::{code, key, shown, Binding, Keymap, Shown};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::{Env, Out};

mod view;
use crate::tui::widgets::single_line;
pub use view::view;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Next,
    Skip,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Cmd::Next,
        help: "continue",
        footer: Some("continue"),
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        command: Cmd::Skip,
        help: "skip this step",
        footer: Some("skip"),
    },
    // F1 works on every step, the passphrase ones too, where `?` is typed.
    Binding {
        keys: &[code(KeyCode::F(1))],
        command: Cmd::Help,
        help: "show these keys",
        footer: Some("help"),
    },
];

/// Keys inside a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepCmd {
    Yes,
    No,
    Up,
    Down,
    Help,
}

/// `?` shows the keys on the steps where nothing is typed.
const QUESTION_HELP: Binding<StepCmd> = Binding {
    keys: &[key('?')],
    command: StepCmd::Help,
    help: "show these keys",
    footer: None,
};

/// The first page: nothing to choose yet.
pub const INTRO_KEYS: &[Binding<StepCmd>] = &[QUESTION_HELP];

/// Whether to protect the diary with a passphrase.
pub const OFFER_KEYS: &[Binding<StepCmd>] = &[
    Binding {
        keys: &[key('y')],
        command: StepCmd::Yes,
        help: "protect the diary with a passphrase",
        footer: None,
    },
    Binding {
        keys: &[key('n')],
        command: StepCmd::No,
        help: "go on without one",
        footer: None,
    },
    QUESTION_HELP,
];

/// Choosing a role or a region.
pub const LIST_KEYS: &[Binding<StepCmd>] = &[
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        command: StepCmd::Up,
        help: "the one above",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j')],
        command: StepCmd::Down,
        help: "the one below",
        footer: None,
    },
    QUESTION_HELP,
];

/// The keys of `step` beside the ones every step has.
pub fn step_table(step: Step) -> &'static [Binding<StepCmd>] {
    match step {
        Step::OfferPassphrase => OFFER_KEYS,
        Step::Role | Step::Region | Step::Registration => LIST_KEYS,
        Step::Intro => INTRO_KEYS,
        Step::Passphrase | Step::Confirm | Step::Renewal => &[],
    }
}

/// The rows footer and help show on the step as it stands.
pub fn keys(state: &Welcome, map: &Keymap) -> Vec<Shown> {
    let mut rows = shown(map, KEYS);
    rows.extend(shown(map, step_table(state.step)));
    rows
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Intro,
    OfferPassphrase,
    Passphrase,
    Confirm,
    Role,
    Region,
    /// Which professional register, if any: for the view of a registration cycle.
    Registration,
    /// The day that registration is next renewed, typed.
    Renewal,
}

/// The all-UK contacts that came before each nation had its own: still the default
/// (a skipped question keeps it) and still read from older settings, but not offered,
/// since each nation is.
const KEPT_FOR_OLD_SETTINGS: &str = "gb";

/// The regions the welcome offers, in `help.toml`'s order.
pub fn offered(content: &Content) -> Vec<&Region> {
    content
        .regions
        .iter()
        .map(|r| &r.item)
        .filter(|r| r.id.as_ref() != KEPT_FOR_OLD_SETTINGS)
        .collect()
}

pub const ROLES: &[(&str, &str)] = &[
    ("health-visitor", "Health visitor"),
    ("social-worker", "Social worker"),
    ("other", "Something else in care"),
];

pub struct Welcome {
    pub step: Step,
    pub wants_passphrase: bool,
    pub first: TextArea<'static>,
    pub second: TextArea<'static>,
    pub role: usize,
    /// The role question was skipped: none is written.
    pub role_skipped: bool,
    pub region: usize,
    /// The region question was answered (not skipped).
    pub region_chosen: bool,
    /// The registers offered and, last, "none of these"; the one marked.
    pub body: usize,
    /// Boxed, so a welcome is no bigger than the other screens.
    pub renewal: Box<TextArea<'static>>,
    pub message: Option<String>,
}

fn masked() -> TextArea<'static> {
    let mut t = single_line("passphrase");
    t.set_mask_char('•');
    t
}

impl Default for Welcome {
    fn default() -> Self {
        Self::new()
    }
}

impl Welcome {
    pub fn new() -> Welcome {
        Welcome {
            step: Step::Intro,
            wants_passphrase: false,
            first: masked(),
            second: masked(),
            role: 0,
            role_skipped: false,
            region: 0,
            region_chosen: false,
            body: 0,
            renewal: Box::new(single_line("YYYY-MM-DD")),
            message: None,
        }
    }

    /// Passphrase and renewal steps take typed text.
    pub fn typing(&self) -> bool {
        matches!(self.step, Step::Passphrase | Step::Confirm | Step::Renewal)
    }

    /// After the region: the register question, when content names any registers.
    fn after_region(&mut self, env: &Env<'_>, chose: bool, out: &mut Out) {
        self.region_chosen = chose;
        if env.content.bodies.is_empty() {
            self.finish(env, None, None, out);
        } else {
            self.step = Step::Registration;
        }
    }

    pub fn failed(&mut self, message: String) {
        self.message = Some(message);
    }

    /// Ends the welcome with what was chosen; a skipped region keeps the region in
    /// the settings as it is (the default).
    fn finish(
        &self,
        env: &Env<'_>,
        registration: Option<String>,
        renewal: Option<NaiveDate>,
        out: &mut Out,
    ) {
        let chose_region = self.region_chosen;
        let passphrase = self
            .wants_passphrase
            .then(|| Zeroizing::new(self.first.lines().join("")));
        let role = (!self.role_skipped).then(|| ROLES[self.role].0.to_string());
        let region = offered(env.content)
            .get(self.region)
            .filter(|_| chose_region)
            .map(|r| r.id.as_ref().clone())
            .unwrap_or_else(|| env.config.region.clone());
        out.effects.push(Effect::FinishFirstRun {
            passphrase,
            role,
            region,
            registration,
            renewal,
        });
    }
}

pub fn on_key(state: &mut Welcome, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    state.message = None;
    let command = env.lookup(KEYS, key);
    let inside = env.lookup(step_table(state.step), key);
    if command == Some(Cmd::Help) || inside == Some(StepCmd::Help) {
        out.overlay = Some(Overlay::Help);
        return;
    }
    match state.step {
        Step::Intro => {
            if command.is_some() {
                state.step = Step::OfferPassphrase;
            }
        }
        Step::OfferPassphrase => match (command, inside) {
            (_, Some(StepCmd::Yes)) => state.step = Step::Passphrase,
            (Some(_), _) | (_, Some(StepCmd::No)) => state.step = Step::Role,
            _ => {}
        },
        Step::Passphrase => match command {
            Some(Cmd::Next) => {
                if state.first.lines().join("").is_empty() {
                    state.message = Some(format!(
                        "Type a passphrase, or press {} to go without one.",
                        env.key_for(KEYS, Cmd::Skip)
                    ));
                } else {
                    state.step = Step::Confirm;
                }
            }
            Some(Cmd::Skip) => {
                state.first = masked();
                state.step = Step::Role;
            }
            Some(Cmd::Help) | None => {
                state.first.input(*key);
            }
        },
        Step::Confirm => match command {
            Some(Cmd::Next) => {
                if state.first.lines() == state.second.lines() {
                    state.wants_passphrase = true;
                    state.step = Step::Role;
                } else {
                    state.message =
                        Some("Those two were different. Type your passphrase again.".into());
                    state.first = masked();
                    state.second = masked();
                    state.step = Step::Passphrase;
                }
            }
            Some(Cmd::Skip) => {
                state.first = masked();
                state.second = masked();
                state.step = Step::Role;
            }
            Some(Cmd::Help) | None => {
                state.second.input(*key);
            }
        },
        Step::Role => match (command, inside) {
            (_, Some(StepCmd::Up)) => state.role = state.role.saturating_sub(1),
            (_, Some(StepCmd::Down)) => state.role = (state.role + 1).min(ROLES.len() - 1),
            (Some(Cmd::Next | Cmd::Skip), _) => {
                // Skipping the role skips that question alone: where you are decides
                // who help now names, so it is still asked.
                state.role_skipped = command == Some(Cmd::Skip);
                state.step = Step::Region;
                if offered(env.content).is_empty() {
                    state.after_region(env, false, out);
                }
            }
            _ => {}
        },
        Step::Region => match (command, inside) {
            (_, Some(StepCmd::Up)) => state.region = state.region.saturating_sub(1),
            (_, Some(StepCmd::Down)) => {
                state.region = (state.region + 1).min(offered(env.content).len().saturating_sub(1))
            }
            (Some(Cmd::Next), _) => state.after_region(env, true, out),
            (Some(Cmd::Skip), _) => state.after_region(env, false, out),
            _ => {}
        },
        Step::Registration => {
            let bodies = &env.content.bodies;
            match (command, inside) {
                (_, Some(StepCmd::Up)) => state.body = state.body.saturating_sub(1),
                (_, Some(StepCmd::Down)) => state.body = (state.body + 1).min(bodies.len()),
                (Some(Cmd::Next), _) => match bodies.get(state.body) {
                    // A cycle counted back from a renewal day needs that day.
                    Some(b) if b.item.cycle.as_ref().is_some_and(|c| c.years.is_some()) => {
                        state.step = Step::Renewal
                    }
                    Some(b) => state.finish(env, Some(b.id.as_ref().clone()), None, out),
                    None => state.finish(env, None, None, out),
                },
                (Some(Cmd::Skip), _) => state.finish(env, None, None, out),
                _ => {}
            }
        }
        Step::Renewal => {
            let body = env
                .content
                .bodies
                .get(state.body)
                .map(|b| b.id.as_ref().clone());
            match command {
                Some(Cmd::Next) => {
                    let typed = state.renewal.lines().join("");
                    let typed = typed.trim();
                    if typed.is_empty() {
                        state.finish(env, body, None, out);
                    } else {
                        // As the settings file writes it, or as a UK form does.
                        let day = NaiveDate::parse_from_str(typed, "%Y-%m-%d")
                            .or_else(|_| NaiveDate::parse_from_str(typed, "%d/%m/%Y"));
                        match day {
                            Ok(day) => state.finish(env, body, Some(day), out),
                            Err(_) => {
                                state.message = Some(format!(
                                    "Write the day like 2027-05-31 or 31/05/2027, or press {} to leave it for now.",
                                    env.key_for(KEYS, Cmd::Skip)
                                ))
                            }
                        }
                    }
                }
                Some(Cmd::Skip) => state.finish(env, body, None, out),
                Some(Cmd::Help) | None => {
                    state.renewal.input(*key);
                }
            }
        }
    }
}
