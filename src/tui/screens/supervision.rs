//! Preparing for supervision: the period since the last session, its trend and
//! entries. You choose what to share (nothing is shared by default), write the
//! preparation questions, and export a private Markdown summary. After the session,
//! record it so the next period starts there.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::domain::insights::summarise_with;
use crate::domain::supervision::SupervisionPrep;
use crate::tui::keymap::{code, key, Binding};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::editor::Editor;
use crate::tui::screens::{Env, Nav, Out, Screen};
use crate::tui::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    Toggle,
    GoodMoments,
    Earlier,
    Later,
    Write,
    Export,
    Done,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        command: Cmd::Up,
        help: "previous entry",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j')],
        command: Cmd::Down,
        help: "next entry",
        footer: None,
    },
    Binding {
        keys: &[key(' ')],
        command: Cmd::Toggle,
        help: "share this entry, or not",
        footer: Some("share"),
    },
    Binding {
        keys: &[key('g')],
        command: Cmd::GoodMoments,
        help: "include the good moments, or not",
        footer: Some("good moments"),
    },
    Binding {
        keys: &[key('[')],
        command: Cmd::Earlier,
        help: "start the period a week earlier",
        footer: None,
    },
    Binding {
        keys: &[key(']')],
        command: Cmd::Later,
        help: "start the period a week later",
        footer: None,
    },
    Binding {
        keys: &[key('w')],
        command: Cmd::Write,
        help: "answer the preparation questions (a diary entry)",
        footer: Some("questions"),
    },
    Binding {
        keys: &[key('e')],
        command: Cmd::Export,
        help: "export a private Markdown summary of what you chose",
        footer: Some("export"),
    },
    Binding {
        keys: &[key('d')],
        command: Cmd::Done,
        help: "record that supervision took place today",
        footer: Some("done"),
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

pub struct Supervision {
    pub since: Option<NaiveDate>,
    pub prep: Option<SupervisionPrep>,
    pub chosen: BTreeSet<i64>,
    pub good_moments: bool,
    pub selected: usize,
}

impl Default for Supervision {
    fn default() -> Self {
        Self::new()
    }
}

impl Supervision {
    pub fn new() -> Supervision {
        Supervision {
            since: None,
            prep: None,
            chosen: BTreeSet::new(),
            good_moments: false,
            selected: 0,
        }
    }

    pub fn loaded(&mut self, prep: SupervisionPrep) {
        self.since = Some(prep.period().start);
        self.chosen
            .retain(|id| prep.entries.iter().any(|e| e.id == *id));
        self.selected = self.selected.min(prep.entries.len().saturating_sub(1));
        self.prep = Some(prep);
    }
}

pub fn on_key(state: &mut Supervision, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    let count = state.prep.as_ref().map_or(0, |p| p.entries.len());
    match env.lookup(KEYS, key) {
        Some(Cmd::Up) => state.selected = state.selected.saturating_sub(1),
        Some(Cmd::Down) => state.selected = (state.selected + 1).min(count.saturating_sub(1)),
        Some(Cmd::Toggle) => {
            if let Some(e) = state
                .prep
                .as_ref()
                .and_then(|p| p.entries.get(state.selected))
            {
                if !state.chosen.remove(&e.id) {
                    state.chosen.insert(e.id);
                }
            }
        }
        Some(Cmd::GoodMoments) => state.good_moments = !state.good_moments,
        Some(Cmd::Earlier) | Some(Cmd::Later) => {
            if let Some(since) = state.since {
                let earlier = matches!(env.lookup(KEYS, key), Some(Cmd::Earlier));
                let moved = if earlier {
                    since.checked_sub_days(Days::new(7))
                } else {
                    since.checked_add_days(Days::new(7))
                };
                if let Some(day) = moved.filter(|d| *d <= env.now.date_naive()) {
                    state.since = Some(day);
                    out.effects.push(Effect::LoadSupervision(Some(day)));
                }
            }
        }
        Some(Cmd::Write) => match env.content.template("supervision-prep") {
            Some(t) => {
                out.nav = Some(Nav::Push(Screen::Editor(Box::new(Editor::new_entry_as(
                    Some(t),
                    env.uid,
                )))))
            }
            None => {
                out.status = Some("The supervision template is missing from the content.".into())
            }
        },
        Some(Cmd::Export) => {
            if let Some(since) = state.since {
                out.effects.push(Effect::ExportSupervision {
                    since,
                    entries: state.chosen.iter().copied().collect(),
                    good_moments: state.good_moments,
                    sharing: None,
                });
            }
        }
        Some(Cmd::Done) => out
            .effects
            .push(Effect::RecordSupervision(env.now.date_naive())),
        Some(Cmd::Back) => out.nav = Some(Nav::Back),
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        None => {}
    }
}

pub fn view(state: &Supervision, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let inner = crate::tui::widgets::panel(frame, area, " Before supervision ", theme);
    let Some(prep) = &state.prep else {
        frame.render_widget(
            Paragraph::new(Line::styled("Gathering the period…", theme.muted)),
            inner,
        );
        return;
    };
    let period = prep.period();
    let since = match prep.last_supervision {
        Some(last) if last == period.start => {
            format!("Since your last supervision on {}", last.format("%-d %B"))
        }
        _ => format!("Since {}", period.start.format("%-d %B")),
    };
    let mut lines = vec![Line::styled(
        format!("{since} ([ and ] move the start)"),
        theme.accent,
    )];
    for s in summarise_with(
        &prep.insights,
        env.now.date_naive(),
        &env.content.words.insights,
    )
    .into_iter()
    .take(3)
    {
        lines.push(Line::styled(s, theme.base));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(
            "Choose what to bring. Nothing is shared unless you pick it ({}).",
            env.key_for(KEYS, Cmd::Toggle)
        ),
        theme.muted,
    ));
    lines.push(Line::from(vec![
        Span::styled(
            if state.good_moments { " [x] " } else { " [ ] " },
            theme.key,
        ),
        Span::styled(
            format!("the period's good moments ({})  g", prep.good_moments.len()),
            theme.base,
        ),
    ]));
    if prep.entries.is_empty() {
        lines.push(Line::styled("  No entries in this period.", theme.muted));
    }
    let room = (inner.height as usize)
        .saturating_sub(lines.len() + 1)
        .max(3);
    let start = state.selected.saturating_sub(room.saturating_sub(1));
    for (i, e) in prep.entries.iter().enumerate().skip(start).take(room) {
        let mark = if state.chosen.contains(&e.id) {
            " [x] "
        } else {
            " [ ] "
        };
        let style = if i == state.selected {
            theme.selected
        } else {
            theme.base
        };
        lines.push(Line::from(vec![
            Span::styled(mark, theme.key),
            Span::styled(format!("{}  ", e.date.format("%a %-d %b")), theme.muted),
            Span::styled(e.title.clone(), style),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
