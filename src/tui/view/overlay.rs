//! Drawing the box over the screen: its title, its text (scrolled if it is long) and
//! its footer of keys, built from its key table.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

use crate::content::schema::ROLE_IDS;
use crate::tui::app::App;
use crate::tui::keymap::{shown, shown_plain};
use crate::tui::keys::GLOBAL;
use crate::tui::overlay::{footer, CheckList, Overlay, HELP_NOW_KEYS};
use crate::tui::screens::{checkin, plan};
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;
use crate::tui::widgets::wrap::wrap_lines;

fn help_now_lines<'a>(app: &'a App, theme: &Theme) -> Vec<Line<'a>> {
    let Some(region) = app.content.region(&app.config.region) else {
        return vec![Line::styled(
            "No help contacts are set up: check help.toml.",
            theme.warning,
        )];
    };
    let role = app.config.role.as_deref();
    let role_known = role.is_some_and(|r| ROLE_IDS.contains(&r));
    let region = region.for_role(role);
    // The same headings as `lantern help-now`, from content.
    let headings = &app.content.words.help_sections;
    let mut lines = vec![Line::styled(region.intro.trim().to_string(), theme.base)];
    // People first, in one line, so the numbers below still fit a small window.
    lines.push(Line::from(""));
    let people: Vec<&str> = region.people.iter().map(|c| c.name.as_str()).collect();
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", headings.people), theme.accent),
        Span::styled(people.join(" · "), theme.title),
    ]));
    for (heading, contacts) in [
        (&headings.urgent, &region.urgent),
        (&headings.services, &region.services),
    ] {
        lines.push(Line::from(""));
        lines.push(Line::styled(heading.to_string(), theme.accent));
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
            // A contact for another role, shown because no role is set, is named
            // with who it is for and no more, so the box stays short.
            if c.number.is_none() && (c.roles.is_empty() || role_known) {
                lines.push(Line::styled(format!("    {}", c.how.trim()), theme.base));
            }
        }
    }
    // The guide for the hardest times, with the key in help now's table that opens it.
    let guide_key = shown_plain(&app.keys, HELP_NOW_KEYS)
        .into_iter()
        .find(|r| r.command == "open_guide")
        .and_then(|r| r.keys.first().copied());
    let signpost = app.content.care.iter().find_map(|c| c.signpost.as_deref());
    if let (Some(signpost), Some(k)) = (signpost, guide_key) {
        lines.push(Line::from(""));
        lines.push(Line::from(vec![
            Span::styled(signpost.trim().to_string(), theme.title),
            Span::styled(format!("  {}", k.label()), theme.key),
        ]));
    }
    if let Some(note) = &region.note {
        lines.push(Line::from(""));
        lines.push(Line::styled(note.trim().to_string(), theme.muted));
    }
    lines
}

/// The keys column is as wide as the widest keys it holds, up to this; wider keys push
/// their words along rather than wrap the keys.
const KEYS_COLUMN_AT_MOST: usize = 24;

fn key_row<'a>(keys: String, help: &'a str, column: usize, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!(" {keys:<column$} "), theme.key),
        Span::styled(help, theme.base),
    ])
}

/// A box's width inside the screen's frame, never over its border.
fn width_for(width: u16, area: Rect) -> u16 {
    width.min(area.width.saturating_sub(4))
}

/// The check's findings, the marked one with an arrow and its reason; and the line
/// the marked one starts at.
fn check_lines<'a>(list: &'a CheckList, theme: &Theme) -> (Vec<Line<'a>>, usize) {
    let n = list.items.len();
    let mut lines = vec![
        Line::styled(
            format!(
                "{} in this entry could identify someone. Each can be replaced with a \
                 placeholder such as [postcode] in the entry itself, or kept as you wrote it.",
                if n == 1 {
                    "One detail".to_string()
                } else {
                    format!("{n} details")
                }
            ),
            theme.base,
        ),
        Line::from(""),
    ];
    let mut marked_at = 0;
    for (i, item) in list.items.iter().enumerate() {
        let marked = i == list.marked;
        if marked {
            marked_at = lines.len();
        }
        let style = if marked { theme.accent } else { theme.base };
        lines.push(Line::styled(
            format!(
                "{}{}. {} ({})",
                if marked { "→ " } else { "  " },
                i + 1,
                item.finding.finding.label,
                item.field
            ),
            style,
        ));
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "    …{}",
                    crate::text::printable::one_line(&item.before, 60)
                ),
                theme.muted,
            ),
            Span::styled(
                format!("[{}]", crate::text::printable::one_line(&item.matched, 60)),
                theme.title,
            ),
            Span::styled(
                format!("{}…", crate::text::printable::one_line(&item.after, 60)),
                theme.muted,
            ),
        ]));
        if marked && !item.why.is_empty() {
            lines.push(Line::styled(format!("    {}", item.why), theme.muted));
        }
    }
    (lines, marked_at)
}

/// Draws the box and returns its title and where its text starts, for a screen reader.
pub fn draw_overlay(app: &App, overlay: &Overlay, frame: &mut Frame, area: Rect) -> (String, Rect) {
    let theme = &app.theme;
    let keys = Line::styled(footer(&shown(&app.keys, overlay.table())), theme.key);
    // Inside the screen's frame: clear of its title row and bottom border.
    let area = area.inner(ratatui::layout::Margin {
        horizontal: 0,
        vertical: 1,
    });
    // (title, body, the last line that must stay in view, width, scroll)
    let (title, lines, footer, width, scroll): (String, Vec<Line>, Line, u16, u16) = match overlay {
        Overlay::Help => {
            // The screen's rows, then the global table's, which work here too.
            let rows = app.screen.keys(&app.keys);
            let global = shown_plain(&app.keys, GLOBAL);
            let listed: Vec<_> = rows.iter().filter(|r| !r.echo).chain(&global).collect();
            let column = listed
                .iter()
                .map(|r| r.labels().chars().count())
                .max()
                .unwrap_or(0)
                .min(KEYS_COLUMN_AT_MOST);
            let lines: Vec<Line> = listed
                .iter()
                .map(|r| key_row(r.labels(), r.help, column, theme))
                .collect();
            (
                format!(" Keys: {} ", app.screen.name()),
                lines,
                Line::styled(footer(&shown(&app.keys, overlay.table())), theme.muted),
                80,
                app.help_scroll,
            )
        }
        Overlay::HelpNow { scroll } => (
            " Help now ".into(),
            help_now_lines(app, theme),
            Line::styled(keys.to_string(), theme.muted),
            80,
            *scroll,
        ),
        Overlay::Suggestion(offered) => {
            let s = &offered.suggestion;
            let mut lines = vec![Line::styled(s.message.clone(), theme.base), Line::from("")];
            // Help comes before anything to practise, so a small window that cuts the
            // box short cuts the practice, never the numbers.
            if s.offer_help {
                if let Some(region) = app.content.region(&app.config.region) {
                    let region = region.for_role(app.config.role.as_deref());
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
                    // The key that works on every screen, typing or not.
                    let help_now = shown_plain(&app.keys, GLOBAL)
                        .into_iter()
                        .find(|r| r.command == "help_now")
                        .and_then(|r| {
                            r.keys
                                .iter()
                                .find(|k| !k.is_text())
                                .or(r.keys.first())
                                .copied()
                        });
                    if let Some(k) = help_now {
                        lines.push(Line::styled(
                            format!("  {} shows everyone who can help.", k.label()),
                            theme.muted,
                        ));
                    }
                    lines.push(Line::from(""));
                }
            }
            for (i, offer) in s.offer.iter().enumerate() {
                let name = app.content.name_of(offer);
                let marked = i == offered.chosen;
                let style = if marked { theme.accent } else { theme.muted };
                lines.push(Line::styled(
                    format!("  {}{name}", if marked { "→ " } else { "  " }),
                    style,
                ));
            }
            (" One small thing ".into(), lines, keys.clone(), 70, 0)
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
                keys.clone(),
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
            (" Unfinished check-in ".into(), lines, keys.clone(), 66, 0)
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
                keys.clone(),
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
            keys.clone(),
            60,
            0,
        ),
        Overlay::LeaveCheckIn => (
            " Leave? ".into(),
            vec![Line::styled(
                "Leave without saving this check-in?",
                theme.base,
            )],
            keys.clone(),
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
            keys.clone(),
            64,
            0,
        ),
        Overlay::LeaveEditor => (
            " Stop writing? ".into(),
            vec![Line::styled(
                "Keep what you wrote as a draft for later?",
                theme.base,
            )],
            keys.clone(),
            60,
            0,
        ),
        Overlay::Check(list) => {
            let text_width = width_for(80, area).saturating_sub(4).max(1);
            let (lines, marked_at) = check_lines(list, theme);
            let before = wrap_lines(lines[..marked_at].to_vec(), text_width).len();
            // Scrolled only as far as keeps the marked detail (its three lines) in view:
            // the opening sentence stays while there is room for it.
            let room = usize::from(area.height.saturating_sub(7));
            let scroll = u16::try_from((before + 3).saturating_sub(room)).unwrap_or(0);
            (
                " Could identify someone ".into(),
                lines,
                keys.clone(),
                80,
                scroll,
            )
        }
        Overlay::BeforeSharing(asked) => {
            let mut lines = vec![
                Line::styled(
                    format!(
                        "Before this is shared: {} could identify someone. Nothing has been written yet.",
                        if asked.count == 1 {
                            "one detail".to_string()
                        } else {
                            format!("{} details", asked.count)
                        }
                    ),
                    theme.base,
                ),
                Line::from(""),
            ];
            for line in &asked.lines {
                lines.push(Line::styled(format!("  {line}"), theme.base));
            }
            if asked.count > asked.lines.len() {
                lines.push(Line::styled(
                    format!("  … and {} more", asked.count - asked.lines.len()),
                    theme.muted,
                ));
            }
            (" Before it is shared ".into(), lines, keys.clone(), 80, 0)
        }
        Overlay::Message { text, scroll } => (
            " ".into(),
            text.lines()
                .map(|l| Line::styled(l.to_string(), theme.base))
                .collect(),
            Line::styled(keys.to_string(), theme.muted),
            80,
            *scroll,
        ),
    };
    // Inside the screen's frame, never over its border.
    let width = width_for(width, area);
    let text_width = width.saturating_sub(4).max(1);
    let lines = wrap_lines(lines, text_width);
    let body = Paragraph::new(lines).wrap(Wrap { trim: false });
    let body_rows = body.line_count(text_width) as u16;
    // The keys line wraps at words too, rather than run past the box.
    let footer = wrap_lines(vec![footer], text_width);
    let footer_rows = u16::try_from(footer.len()).unwrap_or(1).max(1);
    // Border, margin and the gap above the keys: the rest is the body's.
    let chrome = 5 + footer_rows;
    let max_body = area.height.saturating_sub(chrome).max(1);
    let shown = body_rows.min(max_body);
    let rect = centered(area, width, shown + chrome);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Line::styled(title.clone(), theme.title))
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
        Constraint::Length(footer_rows),
    ])
    .areas(inner);
    let scroll = scroll.min(body_rows.saturating_sub(shown));
    frame.render_widget(body.scroll((scroll, 0)), text_area);
    frame.render_widget(Paragraph::new(footer), footer_area);
    (title, text_area)
}
