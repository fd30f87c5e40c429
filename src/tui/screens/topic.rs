//! One item of the framework in full, with what you can do from it: run its
//! exercise, write with its template, mark it practised.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

use crate::domain::practice::PracticeRecord;
use crate::tui::keymap::{code, key, shown, Binding, Keymap, Shown};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::{editor::Editor, exercise::ExerciseRun};
use crate::tui::screens::{Env, Nav, Out, Screen};
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap::wrap_lines;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    Exercise,
    Write,
    Practised,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        command: Cmd::Up,
        help: "scroll up",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j'), key(' ')],
        command: Cmd::Down,
        help: "scroll down",
        footer: None,
    },
    Binding {
        keys: &[key('x'), code(KeyCode::Enter)],
        command: Cmd::Exercise,
        help: "start its exercise",
        footer: Some("exercise"),
    },
    Binding {
        keys: &[key('w')],
        command: Cmd::Write,
        help: "write with its diary template",
        footer: Some("write"),
    },
    Binding {
        keys: &[key('p')],
        command: Cmd::Practised,
        help: "mark it practised today",
        footer: Some("practised"),
    },
    Binding {
        keys: &[code(KeyCode::Esc), key('q')],
        command: Cmd::Back,
        help: "back",
        footer: Some("back"),
    },
    Binding {
        keys: &[key('?')],
        command: Cmd::Help,
        help: "show these keys",
        footer: Some("help"),
    },
];

pub struct Topic {
    pub reference: String,
    pub name: String,
    pub text: String,
    /// The exercise to start: the item itself, or the first related one.
    pub exercise: Option<String>,
    /// The diary template to write with: the item itself, or the first related one.
    pub template: Option<String>,
    pub scroll: u16,
}

impl Topic {
    pub fn new(reference: &str, env: &Env<'_>) -> Option<Topic> {
        let found = env.content.find(reference)?;
        let reference = format!("{}:{}", found.kind.name(), found.id);
        let related = env.content.related(&reference);
        let first = |kind: &str| {
            std::iter::once(reference.clone())
                .chain(related.iter().cloned())
                .find(|r| r.starts_with(&format!("{kind}:")))
                .map(|r| r[kind.len() + 1..].to_string())
        };
        let text = env.content.show_plain(&reference)?;
        let name = text.lines().next().unwrap_or("").to_string();
        Some(Topic {
            exercise: first("exercise"),
            template: first("template"),
            reference,
            name,
            text,
            scroll: 0,
        })
    }
}

impl Topic {
    /// Whether this item has what `command` acts on: an item with no exercise offers
    /// no key to start one.
    pub fn offers(&self, command: Cmd) -> bool {
        match command {
            Cmd::Exercise => self.exercise.is_some(),
            Cmd::Write => self.template.is_some(),
            // A sign or a pressure of the work is noticed, a guide for the hardest
            // times or a page about the framework is read: none is practised.
            Cmd::Practised => !["sign:", "stress:", "care:", "concept:", "outcome:"]
                .iter()
                .any(|k| self.reference.starts_with(k)),
            _ => true,
        }
    }
}

/// The rows this item offers, for the footer and the help.
pub fn keys(state: &Topic, map: &Keymap) -> Vec<Shown> {
    let rows: Vec<Binding<Cmd>> = KEYS
        .iter()
        .filter(|b| state.offers(b.command))
        .copied()
        .collect();
    shown(map, &rows)
}

pub fn on_key(state: &mut Topic, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    match env.lookup(KEYS, key).filter(|c| state.offers(*c)) {
        Some(Cmd::Up) => state.scroll = state.scroll.saturating_sub(1),
        Some(Cmd::Down) => state.scroll = state.scroll.saturating_add(1),
        Some(Cmd::Exercise) => match state
            .exercise
            .as_deref()
            .and_then(|id| env.content.exercise(id))
        {
            Some(exercise) => {
                out.nav = Some(Nav::Push(Screen::Exercise(Box::new(ExerciseRun::new(
                    exercise, env,
                )))))
            }
            None => out.status = Some("This one has no exercise to run.".into()),
        },
        Some(Cmd::Write) => match state
            .template
            .as_deref()
            .and_then(|id| env.content.template(id))
        {
            Some(template) => {
                out.nav = Some(Nav::Push(Screen::Editor(Box::new(Editor::new_entry_as(
                    Some(template),
                    env.uid,
                )))))
            }
            None => out.status = Some("This one has no diary template.".into()),
        },
        Some(Cmd::Practised) => {
            out.effects.push(Effect::LogPractice(PracticeRecord {
                uid: env.uid.to_string(),
                item_ref: state.reference.clone(),
                at: env.now,
                minutes: 0.0,
                note: None,
            }));
            out.status = Some(format!("Marked “{}” as practised today.", state.name));
        }
        Some(Cmd::Back) => out.nav = Some(Nav::Back),
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        None => {}
    }
}

pub fn view(state: &Topic, _env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::bordered()
        .title(Line::styled(format!(" {} ", state.name), theme.title))
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [text, actions] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)])
        .margin(1)
        .areas(inner);
    let lines: Vec<Line> = state
        .text
        .lines()
        .skip(1)
        .map(|l| {
            let heading = l.ends_with(':') && !l.starts_with(' ');
            Line::styled(
                l.to_string(),
                if heading { theme.accent } else { theme.base },
            )
        })
        .collect();
    let lines = wrap_lines(lines, text.width);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = paragraph.line_count(text.width) as u16;
    let scroll = state.scroll.min(total.saturating_sub(text.height));
    frame.render_widget(paragraph.scroll((scroll, 0)), text);
    let mut spans = Vec::new();
    if state.exercise.is_some() {
        spans.push(Span::styled(" x", theme.key));
        spans.push(Span::styled(" start the exercise  ", theme.muted));
    }
    if state.template.is_some() {
        spans.push(Span::styled(" w", theme.key));
        spans.push(Span::styled(" write about it  ", theme.muted));
    }
    if state.offers(Cmd::Practised) {
        spans.push(Span::styled(" p", theme.key));
        spans.push(Span::styled(" mark practised", theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), actions);
}
