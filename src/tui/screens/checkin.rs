//! The check-in: the mood meter (pleasantness × energy), the emotion words of its
//! quarter, stress, the most active emotion system, stressor tags, a note and a good
//! moment. Every step shows its default and can be skipped; digits set values; `s`
//! (or Ctrl-S) saves from any step.

use std::collections::BTreeSet;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;
use ratatui_textarea::TextArea;

use crate::content::schema::Level;
use crate::content::Content;
use crate::domain::checkin::CheckInInput;
use crate::store::Draft;
use crate::tui::app::{Effect, Env, Nav, Out, Overlay};
use crate::tui::autosave::Autosave;
use crate::tui::keymap::{code, ctrl, key, lookup, Binding};
use crate::tui::theme::Theme;
use crate::tui::widgets::{mood_meter, single_line};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Meter,
    Words,
    Stress,
    System,
    Tags,
    Note,
    Good,
}

impl Step {
    fn is_text(self) -> bool {
        matches!(self, Step::Note | Step::Good)
    }
}

#[derive(Clone, Copy)]
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
        keys: &[key('?')],
        command: Cmd::Help,
        help: "show these keys (outside text fields)",
        footer: Some("help"),
    },
];

/// Keys inside steps, listed in the help.
pub const STEP_HELP: &[(&str, &str)] = &[
    ("←→↑↓ hjkl", "move on the mood meter, or change stress"),
    (
        "digits",
        "set pleasantness then energy (meter), stress (type 10 as 1 0), or pick a system",
    ),
    ("Space", "pick or unpick a word or tag"),
];

pub struct CheckInForm {
    pub after_visit: bool,
    pub steps: Vec<Step>,
    pub index: usize,
    pub pleasantness: i64,
    pub energy: i64,
    pub stress: i64,
    pub system: Option<usize>,
    pub words: BTreeSet<String>,
    pub word_cursor: usize,
    pub tags: BTreeSet<String>,
    pub tag_cursor: usize,
    pub note: TextArea<'static>,
    pub good: TextArea<'static>,
    /// Which axis the next digit sets on the meter: false = pleasantness.
    pub digit_sets_energy: bool,
    pub last_digit: Option<char>,
    pub changed: bool,
    /// Carried on from a kept draft, or kept as one while typing: leaving on purpose
    /// lets the draft go too.
    pub from_draft: bool,
    bounds: [(i64, i64); 3],
    /// Text typed since the autosave last looked; it notes the time it sees it.
    typed: bool,
    /// The changes not yet kept as a draft.
    keeping: Autosave,
}

/// The draft slot of a check-in in progress (there is only ever one).
pub const DRAFT_SLOT: &str = "checkin";

/// A check-in in progress as kept in the draft table: this, as JSON, in its body.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct Kept {
    after_visit: bool,
    pleasantness: i64,
    energy: i64,
    stress: i64,
    /// The id of the emotion system, so a reordered content file cannot shift it.
    system: Option<String>,
    words: Vec<String>,
    tags: Vec<String>,
    note: String,
    good: String,
}

/// Whether a kept draft is a check-in rather than an entry.
pub fn is_checkin_draft(draft: &Draft) -> bool {
    draft.slot == DRAFT_SLOT
}

impl CheckInForm {
    pub fn new(content: &Content, after_visit: bool) -> CheckInForm {
        let scale = |id: &str| {
            content
                .scale(id)
                .map(|s| (s.min, s.max, s.default))
                .unwrap_or((0, 10, 5))
        };
        let (pmin, pmax, pdef) = scale("pleasantness");
        let (emin, emax, edef) = scale("energy");
        let (smin, smax, sdef) = scale("stress");
        let steps = if after_visit {
            vec![Step::Meter, Step::Stress, Step::Note]
        } else {
            vec![
                Step::Meter,
                Step::Words,
                Step::Stress,
                Step::System,
                Step::Tags,
                Step::Note,
                Step::Good,
            ]
        };
        CheckInForm {
            after_visit,
            steps,
            index: 0,
            pleasantness: pdef,
            energy: edef,
            stress: sdef,
            system: None,
            words: BTreeSet::new(),
            word_cursor: 0,
            tags: BTreeSet::new(),
            tag_cursor: 0,
            note: single_line(if after_visit {
                "what do you need now?"
            } else {
                "a note, if you like"
            }),
            good: single_line("one good moment, however small"),
            digit_sets_energy: false,
            last_digit: None,
            changed: false,
            from_draft: false,
            bounds: [(pmin, pmax), (emin, emax), (smin, smax)],
            typed: false,
            keeping: Autosave::default(),
        }
    }

    /// The note and good moment are kept as a draft as the editor's text is: after a
    /// short pause, and at least every couple of seconds while typing goes on, so a
    /// crash loses no more than that.
    pub fn autosave(
        &mut self,
        content: &Content,
        now: chrono::DateTime<chrono::FixedOffset>,
    ) -> Option<Effect> {
        if std::mem::take(&mut self.typed) {
            self.keeping.typed(now);
        }
        if !self.keeping.due(now) {
            return None;
        }
        self.from_draft = true;
        Some(Effect::SaveDraft(self.draft(content, now)))
    }

    /// The id of the chosen emotion system, if one is chosen.
    fn system_id(&self, content: &Content) -> Option<String> {
        self.system
            .and_then(|i| content.systems.get(i))
            .map(|s| s.id.as_ref().clone())
    }

    /// This check-in as a draft, so Ctrl-C or a signal to stop keeps it.
    pub fn draft(&self, content: &Content, now: chrono::DateTime<chrono::FixedOffset>) -> Draft {
        let kept = Kept {
            after_visit: self.after_visit,
            pleasantness: self.pleasantness,
            energy: self.energy,
            stress: self.stress,
            system: self.system_id(content),
            words: self.words.iter().cloned().collect(),
            tags: self.tags.iter().cloned().collect(),
            note: self.note.lines().join(" "),
            good: self.good.lines().join(" "),
        };
        Draft {
            slot: DRAFT_SLOT.into(),
            template_id: None,
            entry_id: None,
            // What the offer shows: the note, or the good moment.
            title: if kept.note.trim().is_empty() {
                kept.good.clone()
            } else {
                kept.note.clone()
            },
            body: serde_json::to_string(&kept).unwrap_or_default(),
            answers: Vec::new(),
            prompt_index: self.index,
            updated: now,
        }
    }

    /// The check-in kept in `draft`, to carry on with; None if it cannot be read.
    pub fn from_draft(draft: &Draft, content: &Content) -> Option<CheckInForm> {
        let kept: Kept = serde_json::from_str(&draft.body).ok()?;
        let mut form = CheckInForm::new(content, kept.after_visit);
        form.pleasantness = kept.pleasantness;
        form.energy = kept.energy;
        form.stress = kept.stress;
        form.clamp();
        form.system = kept
            .system
            .and_then(|id| content.systems.iter().position(|s| *s.id.as_ref() == id));
        let words = form.quadrant_words(content);
        form.words = kept
            .words
            .into_iter()
            .filter(|w| words.contains(&w.as_str()))
            .collect();
        form.tags = kept.tags.into_iter().collect();
        form.note.insert_str(&kept.note);
        form.good.insert_str(&kept.good);
        form.index = draft.prompt_index.min(form.steps.len().saturating_sub(1));
        form.changed = true;
        form.from_draft = true;
        Some(form)
    }

    /// Pasted text goes into the note or the good moment, on one line.
    pub fn paste(&mut self, text: &str) {
        let field = match self.step() {
            Step::Note => &mut self.note,
            Step::Good => &mut self.good,
            _ => return,
        };
        if field.insert_str(crate::tui::screens::editor::one_line(text)) {
            self.changed = true;
            self.typed = true;
        }
    }

    /// The note and good-moment steps take typed text.
    pub fn typing(&self) -> bool {
        self.step().is_text()
    }

    pub fn step(&self) -> Step {
        self.steps.get(self.index).copied().unwrap_or(Step::Meter)
    }

    fn midpoint(&self, axis: usize) -> f64 {
        let (lo, hi) = self.bounds[axis];
        (lo + hi) as f64 / 2.0
    }

    /// The mood meter quarter the current values fall in.
    pub fn levels(&self) -> (Level, Level) {
        let level = |v: i64, axis: usize| {
            if v as f64 > self.midpoint(axis) {
                Level::High
            } else {
                Level::Low
            }
        };
        (level(self.pleasantness, 0), level(self.energy, 1))
    }

    /// The emotion words of the current quarter.
    pub fn quadrant_words<'a>(&self, content: &'a Content) -> Vec<&'a str> {
        let (p, e) = self.levels();
        content
            .quadrants
            .iter()
            .filter(|q| q.pleasantness == p && q.energy == e)
            .flat_map(|q| q.words.iter().map(String::as_str))
            .collect()
    }

    fn clamp(&mut self) {
        let [(pmin, pmax), (emin, emax), (smin, smax)] = self.bounds;
        self.pleasantness = self.pleasantness.clamp(pmin, pmax);
        self.energy = self.energy.clamp(emin, emax);
        self.stress = self.stress.clamp(smin, smax);
    }

    pub fn input(&self, content: &Content) -> CheckInInput {
        let text = |t: &TextArea| {
            let s = t.lines().join(" ");
            (!s.trim().is_empty()).then_some(s)
        };
        CheckInInput {
            pleasantness: self.pleasantness,
            energy: self.energy,
            stress: self.stress,
            system: self.system_id(content),
            words: self.words.iter().cloned().collect(),
            tags: self.tags.iter().cloned().collect(),
            note: text(&self.note),
            good_moment: text(&self.good),
            after_visit: self.after_visit,
        }
    }
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
    let command = lookup(KEYS, key).filter(|c| {
        // In text fields, letters are text: only Ctrl-S saves and ? types a question mark.
        !(step.is_text()
            && matches!(key.code, KeyCode::Char(_))
            && !key.modifiers.contains(KeyModifiers::CONTROL))
            || matches!(c, Cmd::Next)
    });
    match command {
        Some(Cmd::Save) => {
            state.clamp();
            match state.input(env.content).validate(
                env.content,
                uuid::Uuid::new_v4().to_string(),
                env.now,
            ) {
                Ok(checkin) => out.effects.push(Effect::SaveCheckIn(checkin)),
                Err(e) => out.status = Some(e.to_string()),
            }
            return;
        }
        Some(Cmd::Next) => {
            if state.index + 1 < state.steps.len() {
                state.index += 1;
            } else {
                out.status = Some("That was the last step: press s to save.".into());
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
    );
    match step {
        Step::Meter => {
            match key.code {
                KeyCode::Left | KeyCode::Char('h') => state.pleasantness -= 1,
                KeyCode::Right | KeyCode::Char('l') => state.pleasantness += 1,
                KeyCode::Up | KeyCode::Char('k') => state.energy += 1,
                KeyCode::Down | KeyCode::Char('j') => state.energy -= 1,
                _ => {
                    if let Some(d) = digit(key) {
                        let value = if d == 0 { 10 } else { d };
                        if state.digit_sets_energy {
                            state.energy = value;
                        } else {
                            state.pleasantness = value;
                        }
                        state.digit_sets_energy = !state.digit_sets_energy;
                    }
                }
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
        Step::Words => {
            let words = state.quadrant_words(env.content);
            list_keys(
                key,
                &mut state.word_cursor,
                words.len(),
                &mut state.words,
                &words,
            );
        }
        Step::Stress => {
            match key.code {
                KeyCode::Left | KeyCode::Down | KeyCode::Char('h') | KeyCode::Char('j') => {
                    state.stress -= 1
                }
                KeyCode::Right | KeyCode::Up | KeyCode::Char('l') | KeyCode::Char('k') => {
                    state.stress += 1
                }
                _ => {
                    if let Some(d) = digit(key) {
                        state.stress = if d == 0 && state.last_digit == Some('1') {
                            10
                        } else {
                            d
                        };
                        state.last_digit = char::from_digit(d as u32, 10);
                    }
                }
            }
            state.clamp();
        }
        Step::System => {
            let count = env.content.systems.len();
            match key.code {
                KeyCode::Up | KeyCode::Char('k') => {
                    state.system = Some(state.system.map_or(0, |i| i.saturating_sub(1)));
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    state.system = Some(
                        state
                            .system
                            .map_or(0, |i| (i + 1).min(count.saturating_sub(1))),
                    );
                }
                KeyCode::Char(' ') | KeyCode::Backspace => state.system = None,
                _ => {
                    if let Some(d) = digit(key) {
                        if d >= 1 && (d as usize) <= count {
                            state.system = Some(d as usize - 1);
                        }
                    }
                }
            }
        }
        Step::Tags => {
            let tags: Vec<&str> = env
                .content
                .stresses
                .iter()
                .map(|s| s.id.as_ref().as_str())
                .collect();
            list_keys(
                key,
                &mut state.tag_cursor,
                tags.len(),
                &mut state.tags,
                &tags,
            );
        }
        Step::Note => {
            if state.note.input(*key) {
                state.changed = true;
                state.typed = true;
            }
        }
        Step::Good => {
            if state.good.input(*key) {
                state.changed = true;
                state.typed = true;
            }
        }
    }
    let after = (
        state.pleasantness,
        state.energy,
        state.stress,
        state.system,
        state.words.len(),
        state.tags.len(),
    );
    if before != after {
        state.changed = true;
    }
}

fn list_keys(
    key: &KeyEvent,
    cursor: &mut usize,
    count: usize,
    chosen: &mut BTreeSet<String>,
    items: &[&str],
) {
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => *cursor = cursor.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => *cursor = (*cursor + 1).min(count.saturating_sub(1)),
        KeyCode::Left | KeyCode::Char('h') => *cursor = cursor.saturating_sub(1),
        KeyCode::Right | KeyCode::Char('l') => *cursor = (*cursor + 1).min(count.saturating_sub(1)),
        KeyCode::Char(' ') | KeyCode::Char('x') => {
            if let Some(item) = items.get(*cursor) {
                if !chosen.remove(*item) {
                    chosen.insert(item.to_string());
                }
            }
        }
        _ => {}
    }
}

pub fn view(state: &CheckInForm, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let title = if state.after_visit {
        " After a visit "
    } else {
        " Check in "
    };
    let progress = format!(" step {} of {} ", state.index + 1, state.steps.len());
    let block = Block::bordered()
        .title(Line::styled(title, theme.title))
        .title(Line::styled(progress, theme.muted).right_aligned())
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [summary, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)])
        .margin(1)
        .areas(inner);
    let system_name = state
        .system
        .and_then(|i| env.content.systems.get(i))
        .map_or("—".to_string(), |s| s.name.clone());
    let (p, e) = state.levels();
    let quarter = env
        .content
        .quadrants
        .iter()
        .find(|q| q.pleasantness == p && q.energy == e)
        .map_or(String::new(), |q| q.name.clone());
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("pleasant {}  ", state.pleasantness), theme.base),
            Span::styled(format!("energy {}  ", state.energy), theme.base),
            Span::styled(format!("stress {}  ", state.stress), theme.base),
            Span::styled(format!("system {system_name}  "), theme.muted),
            Span::styled(quarter, theme.quadrant(p, e)),
        ])),
        summary,
    );
    let scale = |id: &str| env.content.scale(id);
    let question = |id: &str| scale(id).map_or(String::new(), |s| s.question.clone());
    match state.step() {
        Step::Meter => {
            let [q, meter] =
                Layout::vertical([Constraint::Length(2), Constraint::Min(5)]).areas(body);
            let text = if state.after_visit {
                "How was the visit, and how are you now?".to_string()
            } else {
                format!("{}  {}", question("pleasantness"), question("energy"))
            };
            frame.render_widget(
                Paragraph::new(Line::styled(text, theme.accent)).wrap(Wrap { trim: true }),
                q,
            );
            if meter.width >= 90 {
                // Room to show the words that belong where you are on the meter.
                let [grid, words] =
                    Layout::horizontal([Constraint::Length(72), Constraint::Min(16)]).areas(meter);
                mood_meter::render(frame, grid, state, env.content, theme);
                let (p, e) = state.levels();
                let mut lines = vec![
                    Line::styled(quarter_name(env.content, p, e), theme.quadrant(p, e)),
                    Line::from(""),
                ];
                lines.extend(
                    state
                        .quadrant_words(env.content)
                        .into_iter()
                        .map(|w| Line::styled(format!(" {w}"), theme.muted)),
                );
                frame.render_widget(Paragraph::new(lines), words);
            } else {
                mood_meter::render(frame, meter, state, env.content, theme);
            }
        }
        Step::Words => {
            let words = state.quadrant_words(env.content);
            let mut lines = vec![
                Line::styled("Which words fit? Space picks; Tab moves on.", theme.accent),
                Line::from(""),
            ];
            lines.extend(list_lines(
                &words,
                state.word_cursor,
                &state.words,
                theme,
                body.height.saturating_sub(2),
            ));
            frame.render_widget(Paragraph::new(lines), body);
        }
        Step::Stress => {
            let s = scale("stress");
            let (lo, hi) = s.map_or((0, 10), |s| (s.min, s.max));
            let mut bar = String::new();
            for v in lo..=hi {
                bar.push_str(if v <= state.stress {
                    "██"
                } else {
                    "░░"
                });
            }
            let lines = vec![
                Line::styled(question("stress"), theme.accent),
                Line::from(""),
                Line::from(vec![
                    Span::styled(
                        format!("{} ", s.map_or("low".into(), |s| s.low.clone())),
                        theme.muted,
                    ),
                    Span::styled(bar, theme.accent),
                    Span::styled(
                        format!(" {}", s.map_or("high".into(), |s| s.high.clone())),
                        theme.muted,
                    ),
                ]),
                Line::from(""),
                Line::styled(
                    format!("Stress: {}   (←→ or a digit)", state.stress),
                    theme.base,
                ),
            ];
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
        }
        Step::System => {
            let mut lines = vec![
                Line::styled(
                    "Which feels most active right now? (optional)",
                    theme.accent,
                ),
                Line::from(""),
            ];
            for (i, s) in env.content.systems.iter().enumerate() {
                let style = if state.system == Some(i) {
                    theme.selected
                } else {
                    theme.base
                };
                lines.push(Line::styled(format!(" {} {} ", i + 1, s.name), style));
                lines.push(Line::styled(
                    format!("     {}", s.feels_like.trim()),
                    theme.muted,
                ));
            }
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
        }
        Step::Tags => {
            let names: Vec<&str> = env
                .content
                .stresses
                .iter()
                .map(|s| s.name.as_str())
                .collect();
            let ids: BTreeSet<String> = env
                .content
                .stresses
                .iter()
                .filter(|s| state.tags.contains(s.id.as_ref()))
                .map(|s| s.name.clone())
                .collect();
            let mut lines = vec![
                Line::styled("Is any of these part of it today? (optional)", theme.accent),
                Line::from(""),
            ];
            lines.extend(list_lines(
                &names,
                state.tag_cursor,
                &ids,
                theme,
                body.height.saturating_sub(2),
            ));
            frame.render_widget(Paragraph::new(lines), body);
        }
        Step::Note | Step::Good => {
            let (label, field) = if state.step() == Step::Note {
                (
                    if state.after_visit {
                        "What do you need now?"
                    } else {
                        "Anything to add? (optional)"
                    },
                    &state.note,
                )
            } else {
                ("One good moment from today (optional)", &state.good)
            };
            let [l, f, hint] = Layout::vertical([
                Constraint::Length(2),
                Constraint::Length(3),
                Constraint::Min(1),
            ])
            .areas(body);
            frame.render_widget(Paragraph::new(Line::styled(label, theme.accent)), l);
            let mut field = field.clone();
            field.set_block(Block::bordered().border_style(theme.accent));
            field.set_placeholder_style(theme.muted);
            frame.render_widget(&field, f);
            frame.render_widget(
                Paragraph::new(Line::styled(
                    "Enter moves on; Ctrl-S saves the check-in.",
                    theme.muted,
                )),
                hint,
            );
        }
    }
}

fn quarter_name(content: &Content, p: Level, e: Level) -> String {
    content
        .quadrants
        .iter()
        .find(|q| q.pleasantness == p && q.energy == e)
        .map_or(String::new(), |q| format!(" {} ", q.name))
}

fn list_lines<'a>(
    items: &[&str],
    cursor: usize,
    chosen: &BTreeSet<String>,
    theme: &Theme,
    height: u16,
) -> Vec<Line<'a>> {
    let height = (height as usize).max(1);
    let start = cursor.saturating_sub(height.saturating_sub(1));
    items
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, item)| {
            let mark = if chosen.contains(*item) { "[x]" } else { "[ ]" };
            let style = if i == cursor {
                theme.selected
            } else {
                theme.base
            };
            Line::styled(format!(" {mark} {item} "), style)
        })
        .collect()
}
