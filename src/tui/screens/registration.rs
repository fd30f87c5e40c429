//! My registration: where the person stands in their regulator's cycle, in calm
//! words (what has been collected and what the body asks for, never what is
//! "missing"), what was collected lately, and the export shaped like the forms. No
//! red, no countdown: this is a place to collect, not a test.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::domain::registration::{long_date, CycleProgress};
use crate::tui::keymap::{code, key, Binding};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::{Env, Nav, Out};
use crate::tui::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Export,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[key('e')],
        command: Cmd::Export,
        help: "export this cycle's evidence as a Word document, checked first",
        footer: Some("export"),
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

pub use crate::tui::records::RegistrationData;

#[derive(Default)]
pub struct Registration {
    pub data: Option<RegistrationData>,
}

impl Registration {
    /// The screen, waiting for its data.
    pub fn open(env: &Env<'_>, out: &mut Out) -> Registration {
        out.effects.push(load(env));
        Registration::default()
    }
}

/// What to read, from the settings in effect.
pub fn load(env: &Env<'_>) -> Effect {
    Effect::LoadRegistration {
        body: env.config.registration.clone(),
        renewal: env.config.renewal,
    }
}

pub fn on_key(state: &mut Registration, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    match env.lookup(KEYS, key) {
        Some(Cmd::Export) => match &state.data {
            Some(RegistrationData::Set { .. }) => out.effects.push(Effect::ExportRevalidation {
                body: env.config.registration.clone(),
                renewal: env.config.renewal,
                sharing: None,
            }),
            _ => out.status = Some("Set your registration first, as the screen says.".into()),
        },
        Some(Cmd::Back) => out.nav = Some(Nav::Back),
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        None => {}
    }
}

pub fn view(state: &Registration, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let inner = crate::tui::widgets::panel(frame, area, " My registration ", theme);
    let lines = match &state.data {
        None => vec![Line::styled(
            "Gathering what you have collected…",
            theme.muted,
        )],
        Some(RegistrationData::NotSet { says, bodies }) => {
            let mut lines = vec![Line::styled(says.clone(), theme.base), Line::from("")];
            lines.push(Line::styled(
                "Add two lines to config.toml, for example:",
                theme.muted,
            ));
            lines.push(Line::styled("  registration = \"nmc\"", theme.accent));
            lines.push(Line::styled("  renewal = \"2027-05-31\"", theme.accent));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                format!("Lantern knows: {}.", bodies.join(", ")),
                theme.muted,
            ));
            lines
        }
        Some(RegistrationData::Set {
            progress,
            source,
            recent,
        }) => set_lines(progress, source, recent, env, theme),
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn set_lines<'a>(
    progress: &'a CycleProgress,
    source: &'a str,
    recent: &'a [(NaiveDate, String)],
    env: &Env<'_>,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled(progress.body.clone(), theme.title)];
    lines.push(Line::styled(
        match progress.window {
            Some(w) => format!(
                "This cycle: {} to {}.",
                long_date(w.start),
                long_date(w.end)
            ),
            None => "Everything you have collected so far.".to_string(),
        },
        theme.muted,
    ));
    lines.push(Line::from(""));
    for line in &progress.lines {
        // Collected in full is marked, quietly; the rest is simply a count so far.
        let (mark, style) = if line.met && line.need.is_some() {
            ("  ● ", theme.accent)
        } else {
            ("  ○ ", theme.muted)
        };
        lines.push(Line::from(vec![
            Span::styled(mark, style),
            Span::styled(line.words.clone(), theme.base),
        ]));
    }
    if let Some(renewal) = &progress.renewal {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            crate::text::upper_first(renewal) + ".",
            theme.base,
        ));
    }
    lines.push(Line::from(""));
    if recent.is_empty() {
        let use_entry = env.key_for(
            crate::tui::screens::reader::KEYS,
            crate::tui::screens::reader::Cmd::UseReflection,
        );
        lines.push(Line::styled(
            format!(
                "Nothing collected yet. In a diary entry, {use_entry} makes a reflective account of it; \
                 in a terminal, lantern cpd add keeps CPD."
            ),
            theme.muted,
        ));
    } else {
        lines.push(Line::styled("Lately", theme.accent));
        for (day, what) in recent {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}  ", day.format("%-d %b %Y")), theme.muted),
                Span::styled(what.clone(), theme.base),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(
            "{} exports this cycle as a Word document, checked first.",
            env.key_for(KEYS, Cmd::Export)
        ),
        theme.muted,
    ));
    lines.push(Line::styled(format!("From {source}."), theme.muted));
    lines
}
