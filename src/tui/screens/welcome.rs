//! The first run: what Lantern is, an offer of a passphrase, your role and region.
//! Every step can be skipped, and nothing is asked twice: once done, the settings file
//! exists and this screen does not come back.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;
use ratatui_textarea::TextArea;
use zeroize::Zeroizing;

use crate::content::schema::Region;
use crate::content::Content;
use crate::tui::keymap::{code, key, shown, Binding, Keymap, Shown};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::{Env, Out};
use crate::tui::theme::Theme;
use crate::tui::widgets::single_line;

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
        Step::Role | Step::Region => LIST_KEYS,
        Step::Intro => INTRO_KEYS,
        Step::Passphrase | Step::Confirm => &[],
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
            message: None,
        }
    }

    /// Passphrase steps take typed text.
    pub fn typing(&self) -> bool {
        matches!(self.step, Step::Passphrase | Step::Confirm)
    }

    pub fn failed(&mut self, message: String) {
        self.message = Some(message);
    }

    /// Ends the welcome with what was chosen; `chose_region` false keeps the region
    /// in the settings as it is (the default).
    fn finish(&self, env: &Env<'_>, chose_region: bool, out: &mut Out) {
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
                    state.finish(env, false, out);
                }
            }
            _ => {}
        },
        Step::Region => match (command, inside) {
            (_, Some(StepCmd::Up)) => state.region = state.region.saturating_sub(1),
            (_, Some(StepCmd::Down)) => {
                state.region = (state.region + 1).min(offered(env.content).len().saturating_sub(1))
            }
            (Some(Cmd::Next), _) => state.finish(env, true, out),
            (Some(Cmd::Skip), _) => state.finish(env, false, out),
            _ => {}
        },
    }
}

pub fn view(state: &Welcome, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let box_area = crate::tui::widgets::centered(area, 72, 18);
    let block = Block::bordered()
        .title(" Welcome to Lantern ")
        .border_style(theme.border);
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let [text, field, message] = Layout::vertical([
        Constraint::Min(5),
        Constraint::Length(3),
        Constraint::Length(2),
    ])
    .margin(1)
    .areas(inner);
    let mut lines: Vec<Line> = Vec::new();
    let mut field_widget: Option<&TextArea> = None;
    match state.step {
        Step::Intro => {
            lines.push(Line::styled(
                "A quiet place at the end of the day.",
                theme.title,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                "Check in, write what you need to, and practise being kind to",
                theme.base,
            ));
            lines.push(Line::styled(
                "yourself in work that asks a great deal of you.",
                theme.base,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                "Everything stays on this computer. No account, no internet.",
                theme.accent,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                format!(
                    "Press {} to begin. {} skips any step.",
                    env.key_for(KEYS, Cmd::Next),
                    env.key_for(KEYS, Cmd::Skip)
                ),
                theme.muted,
            ));
        }
        Step::OfferPassphrase => {
            lines.push(Line::styled(
                "Protect your diary with a passphrase?",
                theme.title,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                "Then nobody can read it without the passphrase, even with this",
                theme.base,
            ));
            lines.push(Line::styled(
                "computer. If you forget it, the diary cannot be opened: there is",
                theme.base,
            ));
            lines.push(Line::styled(
                "no way to recover it. You can add one later with `lantern encrypt`.",
                theme.base,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                "y  yes, set a passphrase      n (or Enter)  not now",
                theme.key,
            ));
        }
        Step::Passphrase | Step::Confirm => {
            let again = state.step == Step::Confirm;
            lines.push(Line::styled(
                if again {
                    "Type it once more, to be sure."
                } else {
                    "Choose a passphrase."
                },
                theme.title,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                "A few words you will remember are stronger than one odd word.",
                theme.base,
            ));
            lines.push(Line::styled(
                "Remember: a forgotten passphrase cannot be recovered.",
                theme.warning,
            ));
            field_widget = Some(if again { &state.second } else { &state.first });
        }
        Step::Role => {
            lines.push(Line::styled(
                format!(
                    "What is your work? ({} to skip)",
                    env.key_for(KEYS, Cmd::Skip)
                ),
                theme.title,
            ));
            lines.push(Line::from(""));
            for (i, (_, name)) in ROLES.iter().enumerate() {
                let style = if i == state.role {
                    theme.selected
                } else {
                    theme.base
                };
                lines.push(Line::styled(format!("  {name}  "), style));
            }
        }
        Step::Region => {
            lines.push(Line::styled(
                "Where are you? This picks the help contacts Lantern shows.",
                theme.title,
            ));
            lines.push(Line::from(""));
            for (i, region) in offered(env.content).iter().enumerate() {
                let style = if i == state.region {
                    theme.selected
                } else {
                    theme.base
                };
                lines.push(Line::styled(format!("  {}  ", region.name), style));
            }
            lines.push(Line::from(""));
            // What skipping means, so nobody skips into numbers they cannot call
            // without knowing it.
            let kept = env
                .content
                .region(&env.config.region)
                .map_or("the default", |r| r.name.as_str());
            lines.push(Line::styled(
                format!(
                    "{} to skip: help now then shows {kept} contacts.",
                    env.key_for(KEYS, Cmd::Skip)
                ),
                theme.muted,
            ));
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text);
    if let Some(f) = field_widget {
        let mut f = f.clone();
        f.set_block(Block::bordered().border_style(theme.accent));
        f.set_placeholder_style(theme.muted);
        frame.render_widget(&f, field);
    }
    if let Some(m) = &state.message {
        frame.render_widget(
            Paragraph::new(Line::styled(m.clone(), theme.warning)).wrap(Wrap { trim: true }),
            message,
        );
    }
}
