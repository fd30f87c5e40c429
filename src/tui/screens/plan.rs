//! My compassionate resilience plan: its sections, each edited in place. A section with
//! suggestions in the content shows them beside the writing, to pick lines from. Every
//! saved change keeps the words it replaces, so the plan has a history.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;
use ratatui_textarea::{CursorMove, TextArea};

use crate::content::Content;
use crate::domain::plan::{add_line, has_line, pick_options, remove_line};
use crate::store::Draft;
use crate::tui::keymap::{code, ctrl, key, shown, Binding, Keymap, Shown};
use crate::tui::message::Effect;
use crate::tui::overlay::{Choice, Overlay};
use crate::tui::screens::{Env, Nav, Out};
use crate::tui::theme::Theme;
use crate::tui::widgets::writing_area;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    Edit,
    /// Between the section's suggestions and the words, while writing.
    Focus,
    Pick,
    Save,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        command: Cmd::Up,
        help: "previous section (or suggestion)",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j')],
        command: Cmd::Down,
        help: "next section (or suggestion)",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Enter), key('e')],
        command: Cmd::Edit,
        help: "write in this section",
        footer: Some("edit"),
    },
    Binding {
        keys: &[code(KeyCode::Tab)],
        command: Cmd::Focus,
        help: "move between the suggestions and your words",
        footer: Some("suggestions"),
    },
    Binding {
        keys: &[key(' ')],
        command: Cmd::Pick,
        help: "add the suggestion to your words, or take it out",
        footer: Some("pick"),
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
    /// The suggestions of the section being written, from its content.
    pub picks: Vec<String>,
    /// The suggestion under the cursor, while the keys are on the list.
    pub pick: Option<usize>,
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
            picks: Vec::new(),
            pick: None,
        }
    }

    /// The plan as stored; true when this answers a save, so the screen can say so.
    pub fn loaded(&mut self, texts: Vec<(String, String)>) -> bool {
        self.texts = texts.into_iter().collect();
        self.loaded = true;
        self.saving.take().is_some()
    }

    /// Starts writing the selected section with `lines`, its suggestions beside it.
    fn write(&mut self, content: &Content, lines: Vec<String>) {
        let mut area = writing_area(lines, "write in your own words");
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        self.editing = Some(area);
        self.picks = content
            .sections
            .get(self.selected)
            .map(|s| pick_options(content, s))
            .unwrap_or_default();
        self.pick = None;
    }

    /// Whether `command` means something as the plan stands: the list keys only where
    /// a section being written has suggestions, saving only while writing.
    pub fn offers(&self, command: Cmd) -> bool {
        match command {
            Cmd::Focus => self.editing.is_some() && !self.picks.is_empty(),
            Cmd::Pick => self.pick.is_some(),
            Cmd::Save => self.editing.is_some(),
            Cmd::Edit => self.editing.is_none(),
            _ => true,
        }
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
        let mut plan = Plan::new();
        plan.selected = selected;
        plan.write(content, draft.body.lines().map(str::to_string).collect());
        plan.from_draft = true;
        Some(plan)
    }
}

/// The answer to "Stop writing?" over a section being written: keep its words as a
/// draft, offered back next time, or let them go (a kept draft it was carried on from
/// too). Returns the draft slot let go, for drafts still waiting to be written.
pub fn leave_writing(
    state: &mut Plan,
    choice: Choice,
    content: &Content,
    now: DateTime<FixedOffset>,
    out: &mut Out,
) -> Option<String> {
    let slot = draft_slot(content.sections.get(state.selected)?.id.as_ref());
    match choice {
        Choice::KeepDraft => {
            out.effects
                .extend(state.draft(content, now).map(Effect::SaveDraft));
            out.status = Some("Kept as a draft. It will be offered next time.".into());
        }
        Choice::Discard => {
            if state.from_draft {
                out.effects.push(Effect::DiscardDraft(slot.clone()));
            }
            out.status = Some("Not saved.".into());
        }
        _ => return None,
    }
    state.editing = None;
    state.pick = None;
    state.from_draft = false;
    (choice == Choice::Discard).then_some(slot)
}

/// The rows the plan offers as it stands, for the footer and the help.
pub fn keys(state: &Plan, map: &Keymap) -> Vec<Shown> {
    let rows: Vec<Binding<Cmd>> = KEYS
        .iter()
        .filter(|b| state.offers(b.command))
        .copied()
        .collect();
    shown(map, &rows)
}

/// Adds the suggestion under the cursor to the words being written, or takes it out.
fn toggle_pick(state: &mut Plan) {
    let (Some(i), Some(area)) = (state.pick, state.editing.as_mut()) else {
        return;
    };
    let Some(line) = state.picks.get(i) else {
        return;
    };
    let text = area.lines().join("\n");
    let text = if has_line(&text, line) {
        remove_line(&text, line)
    } else {
        add_line(&text, line)
    };
    let mut fresh = writing_area(
        text.lines().map(str::to_string).collect(),
        "write in your own words",
    );
    fresh.move_cursor(CursorMove::Bottom);
    fresh.move_cursor(CursorMove::End);
    *area = fresh;
}

pub fn on_key(state: &mut Plan, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    let sections = &env.content.sections;
    let command = env.lookup(KEYS, key).filter(|c| state.offers(*c));
    if state.pick.is_some() {
        let last = state.picks.len().saturating_sub(1);
        match command {
            Some(Cmd::Up) => state.pick = state.pick.map(|i| i.saturating_sub(1)),
            Some(Cmd::Down) => state.pick = state.pick.map(|i| (i + 1).min(last)),
            Some(Cmd::Pick) => toggle_pick(state),
            Some(Cmd::Focus) => state.pick = None,
            Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
            // Saving and leaving work from the list as from the words.
            Some(Cmd::Save | Cmd::Back) => {
                state.pick = None;
                return on_key(state, key, env, out);
            }
            // Letters go to the words: the list takes only its own keys.
            _ => {}
        }
        return;
    }
    if let Some(area) = &mut state.editing {
        match command {
            Some(Cmd::Focus) => state.pick = Some(0),
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
                out.status = Some("Saving…".into());
            }
            // Words typed are not thrown away on one key: asked first, as the diary
            // editor asks. With nothing changed there is nothing to ask about.
            Some(Cmd::Back) => match state.draft(env.content, env.now) {
                Some(_) => out.overlay = Some(Overlay::LeaveEditor),
                None => state.editing = None,
            },
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
                state.write(env.content, text.lines().map(str::to_string).collect());
            }
        }
        Some(Cmd::Save | Cmd::Focus | Cmd::Pick) => {}
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
        // The suggestions get a heading and up to eight rows; the words keep the rest.
        let list_height = if state.picks.is_empty() {
            0
        } else {
            (state.picks.len() as u16 + 1).min(9)
        };
        let [head, list, field] = Layout::vertical([
            Constraint::Length(5),
            Constraint::Length(list_height),
            Constraint::Min(3),
        ])
        .areas(inner);
        if !state.picks.is_empty() {
            picks_view(state, editing, env, theme, frame, list);
        }
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
        if state.pick.is_some() {
            // The keys are on the list: no text cursor here, so a screen reader
            // follows the suggestion under the cursor.
            field_widget.set_cursor_style(theme.base);
        }
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

/// The section's suggestions: a heading that names the keys, then a row each, marked
/// where the words already hold it, the cursor's row selected while the keys are here.
fn picks_view(
    state: &Plan,
    editing: &TextArea<'static>,
    env: &Env<'_>,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let text = editing.lines().join("\n");
    let focus = env.key_for(KEYS, Cmd::Focus);
    let heading = match state.pick {
        Some(_) => format!(
            "Suggestions: {} adds or takes out · {} back to your words",
            env.key_for(KEYS, Cmd::Pick),
            focus
        ),
        None => format!("Suggestions to pick from: {focus} to choose"),
    };
    let rows = usize::from(area.height.saturating_sub(1)).max(1);
    let start = state.pick.map_or(0, |i| i.saturating_sub(rows - 1));
    let width = usize::from(area.width).saturating_sub(6);
    let mut lines = vec![Line::styled(heading, theme.accent)];
    for (i, pick) in state.picks.iter().enumerate().skip(start).take(rows) {
        let mark = if has_line(&text, pick) { "[x]" } else { "[ ]" };
        let style = if state.pick == Some(i) {
            theme.selected
        } else {
            theme.base
        };
        lines.push(Line::styled(
            format!(" {mark} {}", crate::text::fit::truncate(pick, width)),
            style,
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
