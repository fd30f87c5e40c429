//! Insights: how the last week, month, quarter or year has been. Pleasantness, energy
//! and stress over time, with plain words beside them; where check-ins fall on the
//! mood meter; the words, stressors and practice of the period. Days checked in are
//! counted kindly: no streaks, nothing in red for a day you did not.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Wrap};
use ratatui::Frame;

use crate::content::schema::Level;
use crate::domain::insights::{summarise_with, Insights, Measure};
use crate::tui::keymap::{code, key, Binding};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::{Env, Nav, Out};
use crate::tui::theme::Theme;

pub const PERIODS: [u32; 4] = [7, 30, 90, 365];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Shorter,
    Longer,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Left), key('h')],
        command: Cmd::Shorter,
        help: "a shorter period (7, 30, 90, 365 days)",
        footer: Some("shorter"),
    },
    Binding {
        keys: &[code(KeyCode::Right), key('l')],
        command: Cmd::Longer,
        help: "a longer period",
        footer: Some("longer"),
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

pub struct InsightsView {
    pub period: usize,
    pub data: Option<Insights>,
}

impl Default for InsightsView {
    fn default() -> Self {
        Self::new()
    }
}

impl InsightsView {
    pub fn new() -> InsightsView {
        InsightsView {
            period: 1,
            data: None,
        }
    }

    pub fn days(&self) -> u32 {
        PERIODS[self.period.min(PERIODS.len() - 1)]
    }
}

pub fn on_key(state: &mut InsightsView, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    match env.lookup(KEYS, key) {
        Some(Cmd::Shorter) if state.period > 0 => {
            state.period -= 1;
            out.effects.push(Effect::LoadInsights(state.days()));
        }
        Some(Cmd::Longer) if state.period + 1 < PERIODS.len() => {
            state.period += 1;
            out.effects.push(Effect::LoadInsights(state.days()));
        }
        Some(Cmd::Back) => out.nav = Some(Nav::Back),
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        _ => {}
    }
}

fn series(data: &Insights, measure: Measure) -> Vec<(f64, f64)> {
    data.days
        .iter()
        .map(|d| {
            (
                (d.date - data.period.start).num_days() as f64,
                d.get(measure),
            )
        })
        .collect()
}

pub fn view(state: &InsightsView, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let tabs: Vec<Span> = PERIODS
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let style = if i == state.period {
                theme.selected
            } else {
                theme.muted
            };
            Span::styled(format!(" {d} days "), style)
        })
        .collect();
    let block = Block::bordered()
        .title(Line::styled(" Insights ", theme.title))
        .title(Line::from(tabs).right_aligned())
        .border_style(theme.border);
    let inner = block.inner(area).inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 0,
    });
    frame.render_widget(block, area);
    let Some(data) = &state.data else {
        frame.render_widget(
            Paragraph::new(Line::styled("Gathering your check-ins…", theme.muted)),
            inner,
        );
        return;
    };
    let summary = summarise_with(data, env.now.date_naive(), &env.content.words.insights);
    let summary_paragraph = Paragraph::new(
        summary
            .iter()
            .map(|s| Line::styled(s.clone(), theme.base))
            .collect::<Vec<_>>(),
    )
    .wrap(Wrap { trim: true });
    let summary_height = (summary_paragraph.line_count(inner.width) as u16)
        .clamp(2, inner.height.saturating_sub(14).max(2));
    let [words, chart_area, legend, bottom] = Layout::vertical([
        Constraint::Length(summary_height),
        Constraint::Min(7),
        Constraint::Length(1),
        Constraint::Length(5),
    ])
    .areas(inner);
    frame.render_widget(summary_paragraph, words);

    let colours = if theme.colour {
        [theme.title, theme.accent, theme.warning]
    } else {
        [Style::default(); 3]
    };
    let markers = if theme.colour {
        [Marker::Braille; 3]
    } else {
        [Marker::Dot, Marker::Block, Marker::Bar]
    };
    let p = series(data, Measure::Pleasantness);
    let e = series(data, Measure::Energy);
    let s = series(data, Measure::Stress);
    let datasets = vec![
        Dataset::default()
            .name("pleasant")
            .marker(markers[0])
            .graph_type(GraphType::Line)
            .style(colours[0])
            .data(&p),
        Dataset::default()
            .name("energy")
            .marker(markers[1])
            .graph_type(GraphType::Line)
            .style(colours[1])
            .data(&e),
        Dataset::default()
            .name("stress")
            .marker(markers[2])
            .graph_type(GraphType::Line)
            .style(colours[2])
            .data(&s),
    ];
    let days = f64::from(data.period.days().max(1)) - 1.0;
    // The chart's own cells carry the theme's background, or a theme that paints
    // its own would show a hole of the terminal's colour behind the lines.
    let chart = Chart::new(datasets)
        .style(theme.base)
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([0.0, days.max(1.0)])
                .labels(vec![
                    Span::styled(data.period.start.format("%-d %b").to_string(), theme.muted),
                    Span::styled(data.period.end.format("%-d %b").to_string(), theme.muted),
                ])
                .style(theme.muted),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, 10.0])
                .labels(vec![
                    Span::styled("0", theme.muted),
                    Span::styled("10", theme.muted),
                ])
                .style(theme.muted),
        );
    frame.render_widget(chart, chart_area);
    let marks = if theme.colour {
        ["━━", "━━", "━━"]
    } else {
        ["••", "██", "▄▄"]
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("      {} ", marks[0]), colours[0]),
            Span::styled("pleasantness   ", theme.muted),
            Span::styled(format!("{} ", marks[1]), colours[1]),
            Span::styled("energy   ", theme.muted),
            Span::styled(format!("{} ", marks[2]), colours[2]),
            Span::styled("stress", theme.muted),
        ])),
        legend,
    );

    let [meter, lists] =
        Layout::horizontal([Constraint::Length(30), Constraint::Min(20)]).areas(bottom);
    let name = |p: Level, e: Level| {
        env.content
            .quadrants
            .iter()
            .find(|q| q.pleasantness == p && q.energy == e)
            .map_or(String::new(), |q| q.name.clone())
    };
    let q = &data.quadrants;
    let cell = |p: Level, e: Level| {
        Span::styled(
            format!(" {:<8}{:>4} ", name(p, e), q.get(p, e)),
            theme.quadrant(p, e),
        )
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled("On the mood meter", theme.accent),
            Line::from(vec![
                cell(Level::Low, Level::High),
                cell(Level::High, Level::High),
            ]),
            Line::from(vec![
                cell(Level::Low, Level::Low),
                cell(Level::High, Level::Low),
            ]),
        ]),
        meter,
    );
    let words: Vec<String> = data
        .words
        .iter()
        .take(5)
        .map(|w| format!("{} ({})", w.word, w.count))
        .collect();
    let tags: Vec<String> = data
        .tags
        .iter()
        .take(3)
        .map(|t| format!("{} (stress {:.1})", t.tag, t.mean_stress))
        .collect();
    let practice = data.practice.iter().fold(0.0, |sum, p| sum + p.minutes);
    let list_lines = vec![
        Line::from(vec![
            Span::styled("Words  ", theme.accent),
            Span::styled(words.join(", "), theme.base),
        ]),
        Line::from(vec![
            Span::styled("Stressors  ", theme.accent),
            Span::styled(tags.join(", "), theme.base),
        ]),
        Line::from(vec![
            Span::styled("Practice  ", theme.accent),
            Span::styled(
                format!(
                    "{practice:.0} minutes on {}",
                    crate::text::plural::count(data.practice_days as usize, "day", "days")
                ),
                theme.base,
            ),
        ]),
        Line::from(vec![
            Span::styled("Good moments  ", theme.accent),
            Span::styled(data.good_moments.to_string(), theme.base),
        ]),
    ];
    frame.render_widget(Paragraph::new(list_lines).wrap(Wrap { trim: true }), lists);
}
