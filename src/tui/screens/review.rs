//! The weekly review: first the week as it was (check-ins, good moments, practice),
//! then the review's questions, saved as a diary entry.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::domain::insights::{summarise_with, WeekReview};
use crate::tui::keymap::{code, key, Binding};
use crate::tui::overlay::Overlay;
use crate::tui::screens::editor::Editor;
use crate::tui::screens::{Env, Nav, Out, Screen};
use crate::tui::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    Write,
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
        keys: &[code(KeyCode::Enter)],
        command: Cmd::Write,
        help: "go on to the review questions",
        footer: Some("review questions"),
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

#[derive(Default)]
pub struct Review {
    pub week: Option<WeekReview>,
    pub scroll: u16,
}

pub fn on_key(state: &mut Review, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    match env.lookup(KEYS, key) {
        Some(Cmd::Write) => match env.content.template("weekly-review") {
            Some(t) => {
                out.nav = Some(Nav::Replace(Screen::Editor(Box::new(
                    Editor::new_entry_as(Some(t), env.uid),
                ))))
            }
            None => {
                out.status = Some("The weekly review template is missing from the content.".into())
            }
        },
        Some(Cmd::Up) => state.scroll = state.scroll.saturating_sub(1),
        Some(Cmd::Down) => state.scroll = state.scroll.saturating_add(1),
        Some(Cmd::Back) => out.nav = Some(Nav::Back),
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        None => {}
    }
}

pub fn view(state: &Review, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let inner = crate::tui::widgets::panel(frame, area, " Your week ", theme);
    let Some(week) = &state.week else {
        frame.render_widget(
            Paragraph::new(Line::styled("Gathering your week…", theme.muted)),
            inner,
        );
        return;
    };
    let mut lines: Vec<Line> = summarise_with(
        &week.insights,
        env.now.date_naive(),
        &env.content.words.insights,
    )
    .into_iter()
    .map(|s| Line::styled(s, theme.base))
    .collect();
    lines.push(Line::from(""));
    lines.push(Line::styled("Check-ins", theme.accent));
    if week.checkins.is_empty() {
        lines.push(Line::styled(
            "  None this week, and that is all right.",
            theme.muted,
        ));
    }
    for (_, c) in &week.checkins {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}  ", c.at.format("%a %H:%M")), theme.muted),
            Span::styled(
                format!(
                    "pleasant {} · energy {} · stress {}",
                    c.pleasantness, c.energy, c.stress
                ),
                theme.base,
            ),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled("Good moments", theme.accent));
    if week.good_moments.is_empty() {
        lines.push(Line::styled(
            "  None noted. Maybe one comes to mind now?",
            theme.muted,
        ));
    }
    for g in &week.good_moments {
        lines.push(Line::styled(
            format!("  {}  {}", g.date.format("%a"), g.text),
            theme.base,
        ));
    }
    let minutes = week
        .insights
        .practice
        .iter()
        .fold(0.0, |sum, p| sum + p.minutes);
    if minutes > 0.0 {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            format!("Practice: {minutes:.0} minutes this week."),
            theme.base,
        ));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(
            "{} goes on to the review questions.",
            env.key_for(KEYS, Cmd::Write)
        ),
        theme.muted,
    ));
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = paragraph.line_count(inner.width) as u16;
    let scroll = state.scroll.min(total.saturating_sub(inner.height));
    frame.render_widget(paragraph.scroll((scroll, 0)), inner);
}
