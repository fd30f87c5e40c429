//! Year in pixels: a calendar of the year, one cell a day coloured by that day's mean
//! pleasantness (indigo through teal to gold; never red). Days without a check-in stay
//! neutral. Arrows move by day, up and down by month; Enter opens the day.

use chrono::{Datelike, Days, Months, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::domain::insights::{level, Bounds, YearGrid};
use crate::tui::keymap::{code, key, Binding};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::{Env, Nav, Out};
use crate::tui::theme::Theme;

const PALETTE: [(u8, u8, u8); 5] = [
    (72, 70, 140),
    (70, 100, 150),
    (60, 135, 140),
    (110, 160, 110),
    (215, 180, 80),
];
const LETTERS: [char; 5] = ['.', ':', '=', '*', '#'];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Left,
    Right,
    Up,
    Down,
    PrevYear,
    NextYear,
    Open,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Left), key('h')],
        command: Cmd::Left,
        help: "the day before",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Right), key('l')],
        command: Cmd::Right,
        help: "the day after",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        command: Cmd::Up,
        help: "a month back",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j')],
        command: Cmd::Down,
        help: "a month on",
        footer: None,
    },
    Binding {
        keys: &[key('['), code(KeyCode::PageUp)],
        command: Cmd::PrevYear,
        help: "the year before",
        footer: Some("year before"),
    },
    Binding {
        keys: &[key(']'), code(KeyCode::PageDown)],
        command: Cmd::NextYear,
        help: "the year after",
        footer: Some("year after"),
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Cmd::Open,
        help: "open that day",
        footer: Some("open day"),
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

pub struct Pixels {
    pub cursor: NaiveDate,
    pub grid: Option<YearGrid>,
}

impl Pixels {
    pub fn new(today: NaiveDate) -> Pixels {
        Pixels {
            cursor: today,
            grid: None,
        }
    }

    pub fn year(&self) -> i32 {
        self.cursor.year()
    }
}

pub fn on_key(state: &mut Pixels, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    let year = state.year();
    let moved = match env.lookup(KEYS, key) {
        Some(Cmd::Left) => state.cursor.checked_sub_days(Days::new(1)),
        Some(Cmd::Right) => state.cursor.checked_add_days(Days::new(1)),
        Some(Cmd::Up) => state.cursor.checked_sub_months(Months::new(1)),
        Some(Cmd::Down) => state.cursor.checked_add_months(Months::new(1)),
        Some(Cmd::PrevYear) => state.cursor.checked_sub_months(Months::new(12)),
        Some(Cmd::NextYear) => state.cursor.checked_add_months(Months::new(12)),
        Some(Cmd::Open) => {
            out.effects.push(Effect::LoadDay(state.cursor));
            None
        }
        Some(Cmd::Back) => {
            out.nav = Some(Nav::Back);
            None
        }
        Some(Cmd::Help) => {
            out.overlay = Some(Overlay::Help);
            None
        }
        None => None,
    };
    if let Some(day) = moved {
        state.cursor = day;
        if day.year() != year {
            state.grid = None;
            out.effects.push(Effect::LoadYear(day.year()));
        }
    }
}

fn cell_style(theme: &Theme, level: usize) -> Style {
    let (r, g, b) = PALETTE[level.min(PALETTE.len() - 1)];
    let fg = if level >= 3 {
        Color::Rgb(20, 20, 20)
    } else {
        Color::Rgb(235, 235, 235)
    };
    Style::default()
        .bg(Color::Rgb(r, g, b))
        .fg(fg)
        .patch(Style::default().add_modifier(if theme.colour {
            Modifier::empty()
        } else {
            Modifier::BOLD
        }))
}

pub fn view(state: &Pixels, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let inner = crate::tui::widgets::panel(
        frame,
        area,
        format!(" Year in pixels: {} ", state.year()),
        theme,
    );
    let Some(grid) = &state.grid else {
        frame.render_widget(
            Paragraph::new(Line::styled("Gathering the year…", theme.muted)),
            inner,
        );
        return;
    };
    let bounds = env
        .content
        .scale("pleasantness")
        .map_or(Bounds { min: 1, max: 10 }, |s| Bounds {
            min: s.min,
            max: s.max,
        });
    let mut header = vec![Span::raw("     ")];
    for d in 1..=31 {
        header.push(Span::styled(
            if d % 5 == 0 || d == 1 {
                format!("{d:<2}")
            } else {
                "  ".into()
            },
            theme.muted,
        ));
    }
    let mut lines = vec![Line::from(header)];
    for (m, days) in grid.months.iter().enumerate() {
        let month = NaiveDate::from_ymd_opt(state.year(), m as u32 + 1, 1);
        let mut spans = vec![Span::styled(
            format!(
                "{:<5}",
                month.map_or(String::new(), |d| d.format("%b").to_string())
            ),
            theme.muted,
        )];
        for (d, day) in days.iter().enumerate() {
            let here = state.cursor.month0() as usize == m && state.cursor.day0() as usize == d;
            let (text, mut style) = match day {
                Some(mean) => {
                    let l = level(mean.pleasantness, bounds, PALETTE.len());
                    if theme.colour {
                        ("  ".to_string(), cell_style(theme, l))
                    } else {
                        (
                            format!("{} ", LETTERS[l.min(LETTERS.len() - 1)]),
                            theme.base,
                        )
                    }
                }
                None => ("· ".to_string(), theme.muted),
            };
            if here {
                style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
            }
            spans.push(Span::styled(
                if here && text.trim().is_empty() {
                    "[]".to_string()
                } else {
                    text
                },
                style,
            ));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(""));
    let mut legend = vec![Span::styled("less pleasant ", theme.muted)];
    for (l, letter) in LETTERS.iter().enumerate() {
        if theme.colour {
            legend.push(Span::styled("  ", cell_style(theme, l)));
        } else {
            legend.push(Span::styled(format!("{letter} "), theme.base));
        }
    }
    legend.push(Span::styled(" more pleasant   · no check-in", theme.muted));
    lines.push(Line::from(legend));
    let chosen = match grid
        .months
        .get(state.cursor.month0() as usize)
        .and_then(|m| m.get(state.cursor.day0() as usize))
    {
        Some(Some(mean)) => format!(
            "{}: pleasantness {:.1}, energy {:.1}, stress {:.1} ({} check-in{})",
            state.cursor.format("%A %-d %B"),
            mean.pleasantness,
            mean.energy,
            mean.stress,
            mean.checkins,
            if mean.checkins == 1 { "" } else { "s" }
        ),
        _ => format!("{}: no check-in", state.cursor.format("%A %-d %B")),
    };
    lines.push(Line::styled(chosen, theme.base));
    frame.render_widget(Paragraph::new(lines), inner);
}
