//! Drawing Today. What it says comes first, then the recent entries, then the map of
//! rooms. On a small window, recent entries beyond the second give way first, then
//! the blank lines, then all but the newest entry, and only then the last lines of
//! what it says (on this day, before anything above it). The map is always shown
//! whole, so every room can be found from home.

use chrono::Timelike;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

use super::map::{self, Place};
use super::{Cmd, KEYS};
use crate::content::schema::Text;
use crate::session::today::TodayData;
use crate::text::fit;
use crate::tui::keys::{Global, GLOBAL};
use crate::tui::screens::Env;
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap::wrap_lines;

/// A line of content with the user's key where its `{key}` is.
fn keyed(text: &Text, indent: &str, key: String, style: Style, theme: &Theme) -> Line<'static> {
    let (before, after) = text.around_key();
    Line::from(vec![
        Span::styled(format!("{indent}{before}"), style),
        Span::styled(key, theme.key),
        Span::styled(after.to_string(), style),
    ])
}

/// What Today says, a section at a time (a blank line between sections when there
/// is room), each as it reads before wrapping.
fn sections(today: &TodayData, env: &Env<'_>, theme: &Theme) -> Vec<Vec<Line<'static>>> {
    let words = &env.content.words.today;
    let key_of = |command: Cmd| env.key_for(KEYS, command);
    let mut sections = vec![vec![Line::styled(
        words.greeting(env.now.hour()).to_string(),
        theme.title,
    )]];
    sections.push(vec![match &today.latest_today {
        Some(c) => Line::from(vec![
            Span::styled(words.checked_in.to_string(), theme.base),
            Span::styled(
                format!(
                    "  pleasant {} · energy {} · stress {}",
                    c.pleasantness, c.energy, c.stress
                ),
                theme.muted,
            ),
            Span::styled(
                if today.checkins_today > 1 {
                    format!("  ({} times)", today.checkins_today)
                } else {
                    String::new()
                },
                theme.muted,
            ),
        ]),
        None => keyed(
            &words.no_checkin,
            "",
            key_of(Cmd::CheckIn),
            theme.base,
            theme,
        ),
    }]);
    let mut small = vec![Line::styled(
        words.one_small_thing.to_string(),
        theme.accent,
    )];
    match &today.suggestion {
        Some(s) => {
            small.push(Line::styled(format!("  {}", s.message), theme.base));
            if s.offer_help {
                // Help now lives in the global table: its key works over every screen.
                let help_now = env.key_for(GLOBAL, Global::HelpNow);
                small.push(keyed(
                    &words.help_offer,
                    "  ",
                    help_now,
                    theme.warning,
                    theme,
                ));
            }
        }
        None => small.push(Line::styled(
            format!("  {}", words.no_suggestion),
            theme.base,
        )),
    }
    sections.push(small);
    sections.push(vec![
        Line::styled(words.good_moment_heading.to_string(), theme.accent),
        keyed(
            &words.good_moment,
            "  ",
            key_of(Cmd::GoodMoment),
            theme.base,
            theme,
        ),
    ]);
    if today.reflection_due {
        sections.push(vec![keyed(
            &words.reflection_due,
            "",
            key_of(Cmd::Reflection),
            theme.muted,
            theme,
        )]);
    }
    if let Some(otd) = &today.on_this_day {
        let mut lines = vec![Line::styled(words.on_this_day.to_string(), theme.accent)];
        for g in otd.good_moments.iter().take(2) {
            lines.push(Line::styled(
                format!("  {}: {}", g.date.format("%Y"), g.text),
                theme.base,
            ));
        }
        for e in otd.entries.iter().take(2) {
            lines.push(Line::styled(
                format!("  {}: {}", e.date.format("%Y"), e.title),
                theme.base,
            ));
        }
        sections.push(lines);
    }
    sections
}

/// The recent entries: a heading and a row each, every title ending at a whole word.
fn recent(today: &TodayData, env: &Env<'_>, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let mut rows = vec![Line::styled("Recent entries", theme.accent)];
    if today.recent.is_empty() {
        rows.push(Line::styled(
            format!(
                "  Nothing written yet. {} starts an entry.",
                env.key_for(KEYS, Cmd::NewEntry)
            ),
            theme.muted,
        ));
    }
    for e in &today.recent {
        let when = format!("  {}  ", e.created.format("%a %-d %b %H:%M"));
        let room = usize::from(width).saturating_sub(fit::width(&when));
        rows.push(Line::from(vec![
            Span::styled(when, theme.muted),
            Span::styled(fit::truncate(&e.title, room), theme.base),
        ]));
    }
    rows
}

/// How Today fits a height: how many blank lines between its sections (from the
/// top), a blank line before the recent entries and one before the map or not, and how
/// many rows of recent entries (their heading included).
#[derive(Clone, Copy)]
struct Fit {
    section_gaps: usize,
    recent_gap: bool,
    map_gap: bool,
    recent_rows: usize,
}

/// The roomiest way of drawing that fits `height`, or the tightest when none does.
/// Where the blank lines between sections had to go, the rows still spare get back
/// as many of them as they can hold, from the top.
fn fit(height: usize, sections: &[Vec<Line>], recent: usize, map: usize) -> Fit {
    let said: usize = sections.iter().map(Vec::len).sum();
    let gaps = sections.len().saturating_sub(1);
    let tried = [
        (true, true, recent),
        (true, true, recent.min(3)),
        (false, true, recent.min(3)),
        (false, false, recent.min(3)),
        (false, false, recent.min(2)),
    ];
    let needs = |&(section_gaps, part_gaps, rows): &(bool, bool, usize)| {
        said + if section_gaps { gaps } else { 0 } + if part_gaps { 2 } else { 0 } + rows + map
    };
    let chosen = tried
        .iter()
        .find(|t| needs(t) <= height)
        .or(tried.last())
        .copied()
        .unwrap_or((false, false, recent));
    let (all_gaps, part_gaps, recent_rows) = chosen;
    let mut spare = height.saturating_sub(needs(&chosen));
    // A spare row sets the map apart first, then the sections.
    let map_gap = part_gaps || spare > 0;
    if !part_gaps {
        spare = spare.saturating_sub(1);
    }
    Fit {
        section_gaps: if all_gaps { gaps } else { spare.min(gaps) },
        recent_gap: part_gaps,
        map_gap,
        recent_rows,
    }
}

pub fn view(today: &TodayData, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let title = format!(" {} ", env.now.format("%A %-d %B"));
    let block = Block::bordered()
        .title(Line::styled(" Lantern ", theme.title))
        .title(Line::styled(title, theme.muted).right_aligned())
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // A column in from the border each side and a row below the title; the last row
    // is the map's.
    let inner = Rect {
        x: inner.x.saturating_add(1),
        y: inner.y.saturating_add(1),
        width: inner.width.saturating_sub(2),
        height: inner.height.saturating_sub(1),
    };

    let sections: Vec<Vec<Line>> = sections(today, env, theme)
        .into_iter()
        .map(|s| wrap_lines(s, inner.width))
        .collect();
    let recent = recent(today, env, theme, inner.width);
    let map = map::lay_out(env.keys, theme, inner.width);
    let height = usize::from(inner.height);
    let fit = fit(height, &sections, recent.len(), map.lines.len());

    let mut said: Vec<Line> = Vec::new();
    // Which rows head a section with more under them: a cut must not leave a
    // heading alone at the bottom with nothing it heads.
    let mut heads: Vec<bool> = Vec::new();
    for (i, section) in sections.into_iter().enumerate() {
        if i > 0 && i <= fit.section_gaps {
            said.push(Line::from(""));
            heads.push(true);
        }
        let many = section.len() > 1;
        for (row, line) in section.into_iter().enumerate() {
            said.push(line);
            heads.push(many && row == 0);
        }
    }
    // What is left after the map, the recent entries' rows and the blank lines; what
    // it says is cut at a whole line, from the bottom, only when even the tightest
    // fit is too tall.
    let gap = usize::from(fit.recent_gap);
    let map_gap = usize::from(fit.map_gap);
    let room = height.saturating_sub(map.lines.len() + fit.recent_rows + gap + map_gap);
    if said.len() > room {
        said.truncate(room);
        heads.truncate(room);
        while heads.last() == Some(&true) {
            said.pop();
            heads.pop();
        }
    }

    let mut y = inner.y;
    let place = |rows: usize, y: &mut u16| {
        let rows = (rows as u16).min(inner.bottom().saturating_sub(*y));
        let area = Rect {
            y: *y,
            height: rows,
            ..inner
        };
        *y += rows;
        area
    };
    let said_rows = said.len();
    frame.render_widget(Paragraph::new(said), place(said_rows, &mut y));
    y += gap as u16;
    let recent_rows = fit.recent_rows;
    frame.render_widget(
        Paragraph::new(recent.into_iter().take(recent_rows).collect::<Vec<_>>()),
        place(recent_rows, &mut y),
    );
    y += map_gap as u16;
    let map_area = place(map.lines.len(), &mut y);
    frame.render_widget(Paragraph::new(map.lines), map_area);
    map::remember(
        map.places
            .into_iter()
            .filter(|p| p.row < map_area.height)
            .map(|p| Place {
                row: map_area.y + p.row,
                start: map_area.x + p.start,
                end: (map_area.x + p.end).min(map_area.right()),
                ..p
            })
            .collect(),
    );
}
