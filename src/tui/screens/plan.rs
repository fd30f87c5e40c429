//! My compassionate resilience plan: its sections, each edited in place. Every saved
//! change keeps the words it replaces, so the plan has a history.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;
use ratatui_textarea::{CursorMove, TextArea};

use crate::content::Content;
use crate::store::Draft;
use crate::tui::keymap::{code, ctrl, key, Binding};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::{Env, Nav, Out};
use crate::tui::theme::Theme;
use crate::tui::widgets::writing_area;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    Edit,
    Save,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        command: Cmd::Up,
        help: "previous section",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j')],
        command: Cmd::Down,
        help: "next section",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Enter), key('e')],
        command: Cmd::Edit,
        help: "write in this section",
        footer: Some("edit"),
    },
    Binding {
        keys: &[ctrl('s')],
        command: Cmd::Save,
        help: "save the section (while writing)",
        footer: Some("save"),
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        command: Cmd::Back,
        help: "stop writing without saving, or go back",
        footer: Some("back"),
    },
    Binding {
        keys: &[key('?')],
        command: Cmd::Help,
        help: "show these keys",
        footer: Some("help"),
    },
];

pub struct Plan {
    pub texts: HashMap<String, String>,
    pub selected: usize,
    pub editing: Option<TextArea<'static>>,
    /// Text sent to be saved, kept until the save is known to have worked, so a failed
    /// save (a full disk) can give it back.
    pub saving: Option<TextArea<'static>>,
    pub loaded: bool,
    /// The section being written was carried on from a kept draft.
    pub from_draft: bool,
}

/// Drafts of plan sections live in slots `plan:<section id>`.
const DRAFT_PREFIX: &str = "plan:";

/// The draft slot of a plan section.
pub fn draft_slot(section_id: &str) -> String {
    format!("{DRAFT_PREFIX}{section_id}")
}

/// The section a kept draft belongs to, if it is a plan section's.
pub fn draft_section(draft: &Draft) -> Option<&str> {
    draft.slot.strip_prefix(DRAFT_PREFIX)
}

impl Default for Plan {
    fn default() -> Self {
        Self::new()
    }
}

impl Plan {
    pub fn new() -> Plan {
        Plan {
            texts: HashMap::new(),
            selected: 0,
            editing: None,
            saving: None,
            loaded: false,
            from_draft: false,
        }
    }

    pub fn loaded(&mut self, texts: Vec<(String, String)>) {
        self.texts = texts.into_iter().collect();
        self.loaded = true;
        self.saving = None;
    }

    /// The section being written, as a draft, if its text differs from the saved one:
    /// so Ctrl-C or a signal to stop keeps it.
    pub fn draft(&self, content: &Content, now: DateTime<FixedOffset>) -> Option<Draft> {
        let area = self.editing.as_ref()?;
        let section = content.sections.get(self.selected)?;
        let text = area.lines().join("\n").trim_end().to_string();
        let saved = self
            .texts
            .get(section.id.as_ref())
            .map_or("", String::as_str);
        if text == saved.trim_end() && !self.from_draft {
            return None;
        }
        Some(Draft {
            slot: draft_slot(section.id.as_ref()),
            template_id: None,
            entry_id: None,
            title: section.name.clone(),
            body: text,
            answers: Vec::new(),
            prompt_index: 0,
            updated: now,
        })
    }

    /// The plan, writing the section a kept draft belongs to with the draft's text.
    pub fn from_draft(draft: &Draft, content: &Content) -> Option<Plan> {
        let id = draft_section(draft)?;
        let selected = content.sections.iter().position(|s| *s.id.as_ref() == id)?;
        let mut area = writing_area(
            draft.body.lines().map(str::to_string).collect(),
            "write in your own words",
        );
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        let mut plan = Plan::new();
        plan.selected = selected;
        plan.editing = Some(area);
        plan.from_draft = true;
        Some(plan)
    }
}

pub fn on_key(state: &mut Plan, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    let sections = &env.content.sections;
    let command = env.lookup(KEYS, key);
    if let Some(area) = &mut state.editing {
        match command {
            Some(Cmd::Save) => {
                if let Some(section) = sections.get(state.selected) {
                    let text = area.lines().join("\n").trim_end().to_string();
                    out.effects.push(Effect::SavePlanSection {
                        id: section.id.as_ref().clone(),
                        text,
                    });
                }
                state.saving = state.editing.take();
                state.from_draft = false;
            }
            Some(Cmd::Back) => {
                state.editing = None;
                out.status = Some("Not saved.".into());
                // Left on purpose: a kept draft of it goes too.
                if std::mem::take(&mut state.from_draft) {
                    if let Some(section) = sections.get(state.selected) {
                        out.effects
                            .push(Effect::DiscardDraft(draft_slot(section.id.as_ref())));
                    }
                }
            }
            _ => {
                area.input(*key);
            }
        }
        return;
    }
    match command {
        Some(Cmd::Up) => state.selected = state.selected.saturating_sub(1),
        Some(Cmd::Down) => {
            state.selected = (state.selected + 1).min(sections.len().saturating_sub(1))
        }
        Some(Cmd::Edit) => {
            if let Some(section) = sections.get(state.selected) {
                let text = state
                    .texts
                    .get(section.id.as_ref())
                    .cloned()
                    .unwrap_or_default();
                let mut area = writing_area(
                    text.lines().map(str::to_string).collect(),
                    "write in your own words",
                );
                area.move_cursor(CursorMove::Bottom);
                area.move_cursor(CursorMove::End);
                state.editing = Some(area);
            }
        }
        Some(Cmd::Save) => {}
        Some(Cmd::Back) => out.nav = Some(Nav::Back),
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        None => {}
    }
}

pub fn view(state: &Plan, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let inner =
        crate::tui::widgets::panel(frame, area, " My compassionate resilience plan ", theme);
    let sections = &env.content.sections;
    if let (Some(editing), Some(section)) = (&state.editing, sections.get(state.selected)) {
        let [head, field] =
            Layout::vertical([Constraint::Length(5), Constraint::Min(3)]).areas(inner);
        let mut lines = vec![
            Line::styled(section.name.clone(), theme.title),
            Line::styled(section.summary.trim().to_string(), theme.base),
        ];
        for q in section.questions.iter().take(2) {
            lines.push(Line::styled(format!("· {q}"), theme.muted));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), head);
        let mut field_widget = editing.clone();
        field_widget.set_block(Block::bordered().border_style(theme.accent));
        field_widget.set_placeholder_style(theme.muted);
        frame.render_widget(&field_widget, field);
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    if !state.loaded {
        lines.push(Line::styled("Opening your plan…", theme.muted));
    }
    for (i, section) in sections.iter().enumerate() {
        let style = if i == state.selected {
            theme.selected
        } else {
            theme.accent
        };
        lines.push(Line::styled(format!(" {} ", section.name), style));
        match state
            .texts
            .get(section.id.as_ref())
            .filter(|t| !t.trim().is_empty())
        {
            Some(text) => {
                for line in text.lines().take(if i == state.selected { 6 } else { 2 }) {
                    lines.push(Line::styled(format!("   {line}"), theme.base));
                }
            }
            None => lines.push(Line::styled(
                format!(
                    "   Not written yet. {} to start.",
                    env.key_for(KEYS, Cmd::Edit)
                ),
                theme.muted,
            )),
        }
    }
    let height = inner.height as usize;
    // Keep the selected section in view.
    let selected_line = lines
        .iter()
        .position(|l| l.style == theme.selected)
        .unwrap_or(0);
    let scroll = selected_line.saturating_sub(height / 3) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
