//! Drawing the whole app: the current screen, a status line, the footer of keys, and
//! any overlay. Only draws; never changes state.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::app::{App, Overlay, Screen};
use super::screens::{
    checkin, day, diary, editor, exercise, finder, insights, library, pixels, plan, reader, review,
    search, supervision, templates, today, topic, unlock, welcome,
};
use super::theme::Theme;
use super::widgets::centered;

/// Below this, Lantern says so rather than drawing a garbled screen.
pub const MIN_WIDTH: u16 = 70;
pub const MIN_HEIGHT: u16 = 22;
/// Wider than this, screens sit in a centred column.
pub const MAX_WIDTH: u16 = 110;

pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = &app.theme;
    frame.render_widget(Block::default().style(theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = format!(
            "Lantern needs a window of at least {MIN_WIDTH}×{MIN_HEIGHT}. This one is {}×{}: a little bigger, please.",
            area.width, area.height
        );
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.base)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    // The status line wraps (up to a few rows) rather than cutting a message short;
    // while words could not be saved it says so, whatever else happens.
    let mut status_lines: Vec<Line> = Vec::new();
    if !app.unsaved.is_empty() {
        status_lines.push(Line::styled(
            format!(" {}", super::app::UNSAVED),
            theme.warning,
        ));
    }
    if let Some(message) = &app.status {
        if app.unsaved.is_empty() || message != super::app::UNSAVED {
            status_lines.push(Line::styled(format!(" {message}"), theme.accent));
        }
    }
    let status_text = Paragraph::new(status_lines).wrap(Wrap { trim: false });
    let status_rows = (status_text.line_count(area.width) as u16).clamp(1, 4);
    let [main, status, footer] = Layout::vertical([
        Constraint::Min(5),
        Constraint::Length(status_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    let env = app.env();
    match &app.screen {
        Screen::Welcome(s) => welcome::view(s, &env, theme, frame, main),
        Screen::Unlock(s) => unlock::view(s, theme, frame, main),
        Screen::Today => today::view(&app.today, &env, theme, frame, main),
        Screen::CheckIn(s) => checkin::view(s, &env, theme, frame, main),
        Screen::Diary(s) => diary::view(s, theme, frame, main),
        Screen::Reader(s) => reader::view(s, theme, frame, main),
        Screen::Templates(s) => templates::view(s, theme, frame, main),
        Screen::Editor(s) => editor::view(s, theme, frame, main),
        Screen::Search(s) => search::view(s, theme, frame, main),
        Screen::Exercise(s) => exercise::view(s, &env, theme, frame, main),
        Screen::Library(s) => library::view(s, &env, theme, frame, main),
        Screen::Topic(s) => topic::view(s, theme, frame, main),
        Screen::Finder(s) => finder::view(s, &env, theme, frame, main),
        Screen::Plan(s) => plan::view(s, &env, theme, frame, main),
        Screen::Insights(s) => insights::view(s, &env, theme, frame, main),
        Screen::Pixels(s) => pixels::view(s, &env, theme, frame, main),
        Screen::Day(s) => day::view(s, theme, frame, main),
        Screen::Review(s) => review::view(s, &env, theme, frame, main),
        Screen::Supervision(s) => supervision::view(s, &env, theme, frame, main),
    }
    frame.render_widget(status_text, status);
    let (_, mut items) = app.screen.keys();
    // Keep the footer on one line: drop items from the end until it fits, but never
    // the last (leave or quit) nor any help.
    let width = |items: &[(String, &str)]| {
        items
            .iter()
            .map(|(k, l)| k.chars().count() + l.chars().count() + 3)
            .sum::<usize>()
    };
    while width(&items) > footer.width as usize {
        let last = items.len().saturating_sub(1);
        let Some(drop) = (0..last).rev().find(|i| !items[*i].1.starts_with("help")) else {
            break;
        };
        items.remove(drop);
    }
    let mut spans = Vec::new();
    for (key, label) in items {
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::styled(format!(" {label} "), theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), footer);
    if let Some(overlay) = &app.overlay {
        draw_overlay(app, overlay, frame, main);
    }
}

fn help_now_lines<'a>(app: &'a App, theme: &Theme) -> Vec<Line<'a>> {
    let Some(region) = app.content.region(&app.config.region) else {
        return vec![Line::styled(
            "No help contacts are set up: check help.toml.",
            theme.warning,
        )];
    };
    let mut lines = vec![Line::styled(region.intro.trim().to_string(), theme.base)];
    // People first, in one line, so the numbers below still fit a small window.
    lines.push(Line::from(""));
    let people: Vec<&str> = region.people.iter().map(|c| c.name.as_str()).collect();
    lines.push(Line::from(vec![
        Span::styled("Talk to: ", theme.accent),
        Span::styled(people.join(" · "), theme.title),
    ]));
    for (heading, contacts) in [
        ("If life is at risk", &region.urgent),
        ("Services", &region.services),
    ] {
        lines.push(Line::from(""));
        lines.push(Line::styled(heading, theme.accent));
        // Numbers first and on one line each, so they fit a small window.
        let mut contacts: Vec<_> = contacts.iter().collect();
        contacts.sort_by_key(|c| c.number.is_none());
        for c in contacts {
            let mut spans = vec![Span::styled(format!("  {}", c.name), theme.title)];
            if let Some(n) = &c.number {
                spans.push(Span::styled(format!("  {n}"), theme.key));
            }
            if let Some(w) = &c.when {
                spans.push(Span::styled(format!("  ({w})"), theme.muted));
            }
            lines.push(Line::from(spans));
            if c.number.is_none() {
                lines.push(Line::styled(format!("    {}", c.how.trim()), theme.base));
            }
        }
    }
    if let Some(note) = &region.note {
        lines.push(Line::from(""));
        lines.push(Line::styled(note.trim().to_string(), theme.muted));
    }
    lines
}

fn key_row<'a>(keys: String, help: &'a str, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!(" {keys:<18}"), theme.key),
        Span::styled(help, theme.base),
    ])
}

fn draw_overlay(app: &App, overlay: &Overlay, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    // Inside the screen's frame: clear of its title row and bottom border.
    let area = area.inner(ratatui::layout::Margin {
        horizontal: 0,
        vertical: 1,
    });
    // (title, body, the last line that must stay in view, width, scroll)
    let (title, lines, footer, width, scroll): (String, Vec<Line>, Line, u16, u16) = match overlay {
        Overlay::Help => {
            let (rows, _) = app.screen.keys();
            let mut lines: Vec<Line> = rows
                .into_iter()
                .map(|(keys, help)| key_row(keys, help, theme))
                .collect();
            if matches!(app.screen, Screen::CheckIn(_)) {
                for (keys, help) in checkin::STEP_HELP {
                    lines.push(key_row(keys.to_string(), help, theme));
                }
            }
            lines.push(key_row(
                "F2 (H)".into(),
                "where to get help now, from any screen",
                theme,
            ));
            lines.push(key_row(
                "Ctrl-C".into(),
                "close Lantern at once (what you typed is kept)",
                theme,
            ));
            (
                format!(" Keys: {} ", app.screen.name()),
                lines,
                Line::styled("Any key closes this.", theme.muted),
                80,
                0,
            )
        }
        Overlay::HelpNow { scroll } => (
            " Help now ".into(),
            help_now_lines(app, theme),
            Line::styled(
                "↑↓ scroll · any other key returns you to where you were",
                theme.muted,
            ),
            80,
            *scroll,
        ),
        Overlay::Suggestion(s) => {
            let mut lines = vec![Line::styled(s.message.clone(), theme.base), Line::from("")];
            for (i, offer) in s.offer.iter().enumerate() {
                let name = app
                    .content
                    .list(crate::content::Kind::ALL)
                    .into_iter()
                    .find(|(k, id, _)| format!("{}:{id}", k.name()) == *offer)
                    .map_or(offer.clone(), |(_, _, n)| n);
                let style = if i == 0 { theme.accent } else { theme.muted };
                lines.push(Line::styled(
                    format!("  {}{name}", if i == 0 { "→ " } else { "  " }),
                    style,
                ));
            }
            if s.offer_help {
                if let Some(region) = app.content.region(&app.config.region) {
                    lines.push(Line::from(""));
                    for c in region
                        .people
                        .iter()
                        .chain(&region.services)
                        .chain(&region.urgent)
                    {
                        if let Some(n) = &c.number {
                            lines.push(Line::styled(format!("  {}: {n}", c.name), theme.base));
                        }
                    }
                    lines.push(Line::styled(
                        "  F2 shows everyone who can help.",
                        theme.muted,
                    ));
                }
            }
            (
                " One small thing ".into(),
                lines,
                Line::styled("Enter start it    Esc not now", theme.key),
                70,
                0,
            )
        }
        Overlay::DraftOffer(d) if plan::draft_section(d).is_some() => {
            let first = d.body.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            let preview = crate::domain::entry::shorten(first, 50);
            (
                " Unfinished plan ".into(),
                vec![
                    Line::styled(
                        format!(
                            "You were writing “{}” in your plan on {}:",
                            d.title,
                            d.updated.format("%a %-d %b %H:%M")
                        ),
                        theme.base,
                    ),
                    Line::styled(format!("  “{preview}”"), theme.accent),
                ],
                Line::styled("Enter carry on    d discard it    Esc later", theme.key),
                66,
                0,
            )
        }
        Overlay::DraftOffer(d) if checkin::is_checkin_draft(d) => {
            let mut lines = vec![Line::styled(
                format!(
                    "You have an unfinished check-in from {}.",
                    d.updated.format("%a %-d %b %H:%M")
                ),
                theme.base,
            )];
            if !d.title.trim().is_empty() {
                let preview = crate::domain::entry::shorten(&d.title, 50);
                lines.push(Line::styled(format!("  “{preview}”"), theme.accent));
            }
            (
                " Unfinished check-in ".into(),
                lines,
                Line::styled("Enter carry on    d discard it    Esc later", theme.key),
                66,
                0,
            )
        }
        Overlay::DraftOffer(d) => {
            let first = [d.title.as_str(), d.body.as_str()]
                .into_iter()
                .chain(d.answers.iter().map(|a| a.text.as_str()))
                .find(|t| !t.trim().is_empty())
                .unwrap_or("");
            let preview = crate::domain::entry::shorten(first.lines().next().unwrap_or(""), 50);
            (
                " Unfinished writing ".into(),
                vec![
                    Line::styled(
                        format!(
                            "You have an unfinished entry from {}:",
                            d.updated.format("%a %-d %b %H:%M")
                        ),
                        theme.base,
                    ),
                    Line::styled(format!("  “{preview}”"), theme.accent),
                ],
                Line::styled("Enter carry on    d discard it    Esc later", theme.key),
                66,
                0,
            )
        }
        Overlay::ConfirmDelete { title, .. } => (
            " Delete? ".into(),
            vec![
                Line::styled(format!("Delete “{title}”?"), theme.base),
                Line::styled("This cannot be undone.", theme.warning),
            ],
            Line::styled("y delete    n keep it", theme.key),
            60,
            0,
        ),
        Overlay::LeaveCheckIn => (
            " Leave? ".into(),
            vec![Line::styled(
                "Leave without saving this check-in?",
                theme.base,
            )],
            Line::styled("y leave    n stay", theme.key),
            50,
            0,
        ),
        Overlay::QuitUnsaved => (
            " Quit? ".into(),
            vec![
                Line::styled(
                    "Your words could not be saved (is the disk full?). If you quit now, \
                     what you wrote since the last save is lost.",
                    theme.warning,
                ),
                Line::from(""),
                Line::styled("Quit anyway?", theme.base),
            ],
            Line::styled("y quit anyway    n stay (Lantern keeps trying)", theme.key),
            64,
            0,
        ),
        Overlay::LeaveEditor => (
            " Stop writing? ".into(),
            vec![Line::styled(
                "Keep what you wrote as a draft for later?",
                theme.base,
            )],
            Line::styled(
                "k keep a draft    d discard it    Esc keep writing",
                theme.key,
            ),
            60,
            0,
        ),
        Overlay::Message { text, scroll } => (
            " ".into(),
            text.lines()
                .map(|l| Line::styled(l.to_string(), theme.base))
                .collect(),
            Line::styled("↑↓ scroll · any other key closes this", theme.muted),
            80,
            *scroll,
        ),
    };
    // Inside the screen's frame, never over its border.
    let width = width.min(area.width.saturating_sub(4));
    let text_width = width.saturating_sub(4).max(1);
    let body = Paragraph::new(lines).wrap(Wrap { trim: false });
    let body_rows = body.line_count(text_width) as u16;
    let max_body = area.height.saturating_sub(7).max(1);
    let shown = body_rows.min(max_body);
    let rect = centered(area, width, shown + 6);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Line::styled(title, theme.title))
        .border_style(theme.accent)
        .style(theme.base);
    let inner = block.inner(rect).inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 1,
    });
    frame.render_widget(block, rect);
    let [text_area, _, footer_area] = Layout::vertical([
        Constraint::Length(shown),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let scroll = scroll.min(body_rows.saturating_sub(shown));
    frame.render_widget(body.scroll((scroll, 0)), text_area);
    frame.render_widget(Paragraph::new(footer), footer_area);
}
