//! Drawing the check-in: a summary line of the values so far, then the step.

use std::collections::BTreeSet;

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

use super::{CheckInForm, Step};
use crate::content::schema::Level;
use crate::content::Content;
use crate::tui::screens::Env;
use crate::tui::theme::Theme;
use crate::tui::widgets::mood_meter;

pub fn view(state: &CheckInForm, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let words = &env.content.words.checkin;
    let title = if state.after_visit {
        format!(" {} ", words.title_after_visit)
    } else {
        format!(" {} ", words.title)
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
            if state.moved {
                Span::styled(quarter, theme.quadrant(p, e))
            } else {
                Span::styled(words.meter_start.to_string(), theme.muted)
            },
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
                words.visit_meter.to_string()
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
                let mut lines = if state.moved {
                    vec![
                        Line::styled(quarter_name(env.content, p, e), theme.quadrant(p, e)),
                        Line::from(""),
                    ]
                } else {
                    vec![Line::styled(
                        format!(" {} ", env.content.words.checkin.meter_start),
                        theme.base,
                    )]
                };
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
                Line::styled(env.content.words.checkin.words.to_string(), theme.accent),
                Line::from(""),
            ];
            if !state.moved {
                lines.push(Line::styled(
                    env.content.words.checkin.words_unmoved.to_string(),
                    theme.muted,
                ));
            }
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
                // The value is what has focus here: drawn as selected, so it reads
                // by shape and a screen reader's cursor rests on it.
                Line::from(vec![
                    Span::styled(format!("Stress: {}", state.stress), theme.selected),
                    Span::styled("   (←→ or a digit)", theme.base),
                ]),
            ];
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
        }
        Step::System => {
            let mut lines = vec![
                Line::styled(words.system.to_string(), theme.accent),
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
            let lines = crate::tui::widgets::wrap::wrap_lines(lines, body.width);
            frame.render_widget(Paragraph::new(lines), body);
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
                Line::styled(words.tags.to_string(), theme.accent),
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
                        &words.note_after_visit
                    } else {
                        &words.note
                    },
                    &state.note,
                )
            } else {
                (&words.good, &state.good)
            };
            let [l, f, hint] = Layout::vertical([
                Constraint::Length(2),
                Constraint::Length(3),
                Constraint::Min(1),
            ])
            .areas(body);
            frame.render_widget(
                Paragraph::new(Line::styled(label.to_string(), theme.accent)),
                l,
            );
            let mut field = field.clone();
            field.set_block(Block::bordered().border_style(theme.accent));
            field.set_placeholder_style(theme.muted);
            frame.render_widget(&field, f);
            frame.render_widget(
                Paragraph::new(Line::styled(words.field_hint.to_string(), theme.muted)),
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
