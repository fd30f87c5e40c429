//! Running an exercise from the content with its timings: each step's words, and for
//! the breathing step a pacer. Space pauses and resumes, n skips to the next step.
//! Finishing, or stopping early
//! (that counts too), logs the practice and offers a one-line note.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Gauge, Paragraph, Wrap};
use ratatui::Frame;
use ratatui_textarea::TextArea;

use crate::content::schema::Exercise;
use crate::domain::pacer::Pacer;
use crate::domain::practice::{minutes_from_seconds, PracticeRecord};
use crate::tui::keymap::{code, key, Binding};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::{Env, Nav, Out};
use crate::tui::theme::Theme;
use crate::tui::widgets::{pacer, single_line};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Pause,
    Skip,
    Stop,
    Help,
    SaveNote,
    SkipNote,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[key(' '), key('p')],
        command: Cmd::Pause,
        help: "pause or carry on",
        footer: Some("pause"),
    },
    Binding {
        keys: &[key('n'), code(KeyCode::Tab)],
        command: Cmd::Skip,
        help: "skip to the next step",
        footer: Some("next step"),
    },
    Binding {
        keys: &[code(KeyCode::Esc), key('q')],
        command: Cmd::Stop,
        help: "stop here (it still counts)",
        footer: Some("stop"),
    },
    Binding {
        keys: &[key('?')],
        command: Cmd::Help,
        help: "show these keys",
        footer: Some("help"),
    },
];

/// Once the exercise is over, the keys are those of the note.
pub const DONE_KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Cmd::SaveNote,
        help: "save the note",
        footer: Some("save note"),
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        command: Cmd::SkipNote,
        help: "skip the note",
        footer: Some("skip"),
    },
];

pub struct ExerciseRun {
    pub pacer: Pacer,
    /// Running time before the current stretch began.
    pub banked: Duration,
    /// When the current stretch began; None while paused.
    pub since: Option<DateTime<FixedOffset>>,
    pub started_at: DateTime<FixedOffset>,
    /// Once over: the note field, and the logged record's id when it comes back.
    pub done: Option<Done>,
    pub reduced_motion: bool,
    /// Time passed over by skipping ahead: not practised, so not logged.
    pub skipped: Duration,
}

pub struct Done {
    pub minutes: f64,
    pub note: TextArea<'static>,
    pub logged_id: Option<i64>,
}

impl ExerciseRun {
    pub fn new(exercise: &Exercise, env: &Env<'_>) -> ExerciseRun {
        ExerciseRun {
            pacer: Pacer::new(exercise, env.config.rhythm.as_ref()),
            banked: Duration::ZERO,
            since: Some(env.now),
            started_at: env.now,
            done: None,
            reduced_motion: env.config.reduced_motion,
            skipped: Duration::ZERO,
        }
    }

    pub fn elapsed(&self, now: DateTime<FixedOffset>) -> Duration {
        let running = self
            .since
            .map(|s| (now - s).to_std().unwrap_or(Duration::ZERO))
            .unwrap_or(Duration::ZERO);
        self.banked + running
    }

    /// Ends the run (finished or stopped) and asks for the practice to be logged.
    fn finish(&mut self, now: DateTime<FixedOffset>, uid: &str, out: &mut Out) {
        if self.done.is_some() {
            return;
        }
        let seconds = self
            .elapsed(now)
            .as_secs_f64()
            .min(self.pacer.total_seconds());
        self.since = None;
        self.banked = Duration::from_secs_f64(seconds);
        let minutes = minutes_from_seconds((seconds - self.skipped.as_secs_f64()).max(0.0));
        self.done = Some(Done {
            minutes,
            note: single_line("a word about how that was (Enter to skip)"),
            logged_id: None,
        });
        out.effects.push(Effect::LogPractice(PracticeRecord {
            uid: uid.to_string(),
            item_ref: self.pacer.item_ref.clone(),
            at: self.started_at,
            minutes,
            note: None,
        }));
    }

    /// Moves on to the next step, paused or not; the last step has nothing after it.
    fn skip(&mut self, now: DateTime<FixedOffset>) {
        let elapsed = self.elapsed(now);
        if let Some(next) = self.pacer.next_step_start(elapsed) {
            self.skipped += next.saturating_sub(elapsed);
            self.banked = next;
            if self.since.is_some() {
                self.since = Some(now);
            }
        }
    }

    /// Stopping the app mid-run (Ctrl-C, a signal): the time so far counts, as Esc
    /// would log it. A run already over asks for nothing more.
    pub fn stop(&mut self, now: DateTime<FixedOffset>, uid: &str) -> Vec<Effect> {
        let mut out = Out::default();
        self.finish(now, uid, &mut out);
        out.effects
    }

    /// Called on every tick: a finished run ends by itself.
    /// Time passes; `uid` names the practice record if the run ends now.
    pub fn tick(&mut self, now: DateTime<FixedOffset>, uid: &str) -> Vec<Effect> {
        let mut out = Out::default();
        if self.done.is_none() && self.pacer.at(self.elapsed(now)).finished {
            self.finish(now, uid, &mut out);
        }
        out.effects
    }
}

pub fn on_key(state: &mut ExerciseRun, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    if let Some(done) = &mut state.done {
        match env.lookup(DONE_KEYS, key) {
            Some(command) => {
                let note = done.note.lines().join(" ");
                if command == Cmd::SaveNote && !note.trim().is_empty() {
                    if let Some(id) = done.logged_id {
                        out.effects.push(Effect::SetPracticeNote { id, note });
                    }
                }
                out.status = Some(if done.minutes < 0.1 {
                    "Logged in your practice. Even a few breaths count.".to_string()
                } else {
                    format!(
                        "Logged {:.1} minutes of practice. Well done for making the time.",
                        done.minutes
                    )
                });
                out.nav = Some(Nav::Back);
            }
            None => {
                done.note.input(*key);
            }
        }
        return;
    }
    match env.lookup(KEYS, key) {
        Some(Cmd::Pause) => match state.since.take() {
            Some(since) => state.banked += (env.now - since).to_std().unwrap_or(Duration::ZERO),
            None => state.since = Some(env.now),
        },
        Some(Cmd::Skip) => state.skip(env.now),
        Some(Cmd::Stop) => state.finish(env.now, env.uid, out),
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        Some(Cmd::SaveNote | Cmd::SkipNote) | None => {}
    }
}

pub fn view(state: &ExerciseRun, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let at = state.pacer.at(state.elapsed(env.now));
    let block = Block::bordered()
        .title(Line::styled(format!(" {} ", state.pacer.name), theme.title))
        .title(
            Line::styled(
                format!(" step {} of {} ", at.step + 1, at.steps),
                theme.muted,
            )
            .right_aligned(),
        )
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [text, middle, progress, hint] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Min(6),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .margin(1)
    .areas(inner);
    if let Some(done) = &state.done {
        let lines = vec![
            Line::styled("Well done for making the time.", theme.title),
            Line::styled(
                format!("{:.1} minutes, logged in your practice.", done.minutes),
                theme.base,
            ),
        ];
        frame.render_widget(Paragraph::new(lines), text);
        let [field, _] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(middle);
        let mut note = done.note.clone();
        note.set_block(Block::bordered().border_style(theme.accent));
        note.set_placeholder_style(theme.muted);
        frame.render_widget(&note, field);
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(
                    "{} saves the note · {} skips it",
                    env.key_for(DONE_KEYS, Cmd::SaveNote),
                    env.key_for(DONE_KEYS, Cmd::SkipNote)
                ),
                theme.muted,
            )),
            hint,
        );
        return;
    }
    frame.render_widget(
        Paragraph::new(Line::styled(at.text.to_string(), theme.base))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        text,
    );
    match &at.breath {
        Some(breath) => pacer::render(frame, middle, breath, state.reduced_motion, theme),
        None => frame.render_widget(
            Paragraph::new(Line::styled(
                format!("{:.0}", at.step_left.ceil()),
                theme.accent,
            ))
            .alignment(Alignment::Center),
            middle,
        ),
    }
    let total = state.pacer.total_seconds().max(1.0);
    let ratio = (at.elapsed / total).clamp(0.0, 1.0);
    let left = at.left.ceil() as u64;
    frame.render_widget(
        Gauge::default()
            .ratio(ratio)
            // The time in a colour pair of its own, so it reads over the bar and beside it.
            .label(ratatui::text::Span::styled(
                format!(" {}:{:02} left ", left / 60, left % 60),
                theme.timer,
            ))
            // On the theme's own background when it has one: the bar's cells are its too.
            .gauge_style(theme.base.patch(theme.accent)),
        progress,
    );
    let paused = if state.since.is_none() {
        format!("Paused. {} carries on.", env.key_for(KEYS, Cmd::Pause))
    } else {
        String::new()
    };
    frame.render_widget(
        Paragraph::new(Line::styled(paused, theme.warning)).alignment(Alignment::Center),
        hint,
    );
}
