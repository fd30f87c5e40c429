//! The support finder: a few plain questions (what would help most, with whom, how
//! formal) leading to the models of support that fit, with how to find or ask for each
//! and a question to take away.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::domain::support_finder::{self, Wants};
use crate::tui::keymap::{code, key, Binding};
use crate::tui::overlay::Overlay;
use crate::tui::screens::topic::Topic;
use crate::tui::screens::{Env, Nav, Out, Screen};
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap::wrap_lines;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    Choose,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        command: Cmd::Up,
        help: "previous choice",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j')],
        command: Cmd::Down,
        help: "next choice",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Cmd::Choose,
        help: "choose (or open a model of support)",
        footer: Some("choose"),
    },
    Binding {
        keys: &[code(KeyCode::Esc), code(KeyCode::Backspace)],
        command: Cmd::Back,
        help: "back a question",
        footer: Some("back"),
    },
    Binding {
        keys: &[key('?')],
        command: Cmd::Help,
        help: "show these keys",
        footer: Some("help"),
    },
];

pub struct Finder {
    /// One answer index per question asked so far.
    pub chosen: Vec<usize>,
    pub cursor: usize,
    /// Model ids that fit, once every question is answered.
    pub results: Option<Vec<String>>,
}

impl Default for Finder {
    fn default() -> Self {
        Self::new()
    }
}

impl Finder {
    pub fn new() -> Finder {
        Finder {
            chosen: Vec::new(),
            cursor: 0,
            results: None,
        }
    }
}

pub fn on_key(state: &mut Finder, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    let questions = &env.content.questions;
    let count = match &state.results {
        Some(r) => r.len(),
        None => questions
            .get(state.chosen.len())
            .map_or(0, |q| q.answers.len()),
    };
    match env.lookup(KEYS, key) {
        Some(Cmd::Up) => state.cursor = state.cursor.saturating_sub(1),
        Some(Cmd::Down) => state.cursor = (state.cursor + 1).min(count.saturating_sub(1)),
        Some(Cmd::Choose) => match &state.results {
            Some(results) => {
                if let Some(topic) = results
                    .get(state.cursor)
                    .and_then(|id| Topic::new(&format!("model:{id}"), env))
                {
                    out.nav = Some(Nav::Push(Screen::Topic(topic)));
                }
            }
            None => {
                state.chosen.push(state.cursor);
                state.cursor = 0;
                if state.chosen.len() >= questions.len() {
                    let asked: Vec<_> = questions.iter().map(|q| &q.item).collect();
                    let chosen: Vec<Option<usize>> =
                        state.chosen.iter().map(|c| Some(*c)).collect();
                    let wants = Wants::from_choices(&asked, &chosen);
                    let fits =
                        support_finder::find(env.content.models.iter().map(|m| &m.item), &wants);
                    state.results = Some(fits.into_iter().map(|m| m.id.as_ref().clone()).collect());
                }
            }
        },
        Some(Cmd::Back) => {
            if state.results.take().is_some() || !state.chosen.is_empty() {
                state.cursor = state.chosen.pop().unwrap_or(0);
            } else {
                out.nav = Some(Nav::Back);
            }
        }
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        None => {}
    }
}

pub fn view(state: &Finder, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let inner = crate::tui::widgets::panel(frame, area, " Finding support that fits ", theme);
    let mut lines: Vec<Line> = Vec::new();
    match &state.results {
        None => {
            let Some(question) = env.content.questions.get(state.chosen.len()) else {
                return;
            };
            lines.push(Line::styled(
                format!(
                    "Question {} of {}",
                    state.chosen.len() + 1,
                    env.content.questions.len()
                ),
                theme.muted,
            ));
            lines.push(Line::styled(question.text.clone(), theme.title));
            if let Some(h) = &question.hint {
                lines.push(Line::styled(h.clone(), theme.muted));
            }
            lines.push(Line::from(""));
            for (i, answer) in question.answers.iter().enumerate() {
                let style = if i == state.cursor {
                    theme.selected
                } else {
                    theme.base
                };
                lines.push(Line::styled(format!("  {}  ", answer.text), style));
            }
        }
        Some(results) => {
            lines.push(Line::styled(
                format!(
                    "These may fit what you need. {} reads more.",
                    env.key_for(KEYS, Cmd::Choose)
                ),
                theme.title,
            ));
            lines.push(Line::from(""));
            for (i, id) in results.iter().enumerate() {
                let Some(model) = env.content.models.iter().find(|m| m.id.as_ref() == id) else {
                    continue;
                };
                let style = if i == state.cursor {
                    theme.selected
                } else {
                    theme.accent
                };
                lines.push(Line::styled(format!(" {} ", model.name), style));
                if i == state.cursor {
                    lines.push(Line::styled(
                        format!("   {}", model.summary.trim()),
                        theme.base,
                    ));
                    lines.push(Line::styled(
                        format!("   How to find it: {}", model.how_to_find.trim()),
                        theme.base,
                    ));
                    lines.push(Line::styled(
                        format!("   To take away: {}", model.question.trim()),
                        theme.muted,
                    ));
                }
            }
        }
    }
    let lines = wrap_lines(lines, inner.width);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
