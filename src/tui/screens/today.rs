//! Today, the home screen: a greeting, whether you have checked in, one small
//! suggestion, a nudge towards one good moment, and the last few entries.

use chrono::Timelike;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

use crate::content::schema::Text;
use crate::session::today::TodayData;
use crate::text::fit;
use crate::tui::keymap::{code, key, Binding};
use crate::tui::keys::{Global, GLOBAL};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::{
    checkin, diary, editor, exercise, finder, insights, library, pixels, plan, review, search,
    supervision, templates, topic,
};
use crate::tui::screens::{Env, Nav, Out, Screen};
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap::wrap_lines;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    CheckIn,
    AfterVisit,
    NewEntry,
    GoodMoment,
    Diary,
    Search,
    HelpNow,
    Library,
    Support,
    Plan,
    Insights,
    Reflection,
    Pixels,
    Review,
    Supervision,
    Back,
    Help,
    Quit,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[key('c')],
        command: Cmd::CheckIn,
        help: "check in: how you are right now",
        footer: Some("check in"),
    },
    Binding {
        keys: &[key('a')],
        command: Cmd::AfterVisit,
        help: "a quick check-in after a visit",
        footer: Some("after visit"),
    },
    Binding {
        keys: &[key('w')],
        command: Cmd::NewEntry,
        help: "write a diary entry (choose a template)",
        footer: Some("write"),
    },
    Binding {
        keys: &[key('g')],
        command: Cmd::GoodMoment,
        help: "note one good moment",
        footer: Some("good"),
    },
    Binding {
        keys: &[key('d')],
        command: Cmd::Diary,
        help: "your diary, newest first",
        footer: Some("diary"),
    },
    Binding {
        keys: &[key('/')],
        command: Cmd::Search,
        help: "search your diary",
        footer: Some("search"),
    },
    Binding {
        keys: &[key('l')],
        command: Cmd::Library,
        help: "the library: skills, steps, exercises, support",
        footer: Some("library"),
    },
    Binding {
        keys: &[key('f')],
        command: Cmd::Support,
        help: "find the kind of support that fits",
        footer: Some("find support"),
    },
    Binding {
        keys: &[key('p')],
        command: Cmd::Plan,
        help: "my compassionate resilience plan",
        footer: Some("plan"),
    },
    Binding {
        keys: &[key('i')],
        command: Cmd::Insights,
        help: "insights: how recent weeks have been",
        footer: Some("insights"),
    },
    Binding {
        keys: &[key('o')],
        command: Cmd::Reflection,
        help: "the monthly reflection on how you are growing",
        footer: None,
    },
    Binding {
        keys: &[key('y')],
        command: Cmd::Pixels,
        help: "year in pixels",
        footer: None,
    },
    Binding {
        keys: &[key('r')],
        command: Cmd::Review,
        help: "the weekly review",
        footer: None,
    },
    Binding {
        keys: &[key('s')],
        command: Cmd::Supervision,
        help: "prepare for supervision",
        footer: None,
    },
    // Esc goes back everywhere else; here there is nowhere to go back to.
    Binding {
        keys: &[code(KeyCode::Esc)],
        command: Cmd::Back,
        help: "says how to close Lantern: Today is home",
        footer: None,
    },
    // The global table's keys, shown in this footer: the global table answers them
    // before this one is asked.
    Binding {
        keys: &[],
        command: Cmd::HelpNow,
        help: "where to get help now (from any screen)",
        footer: Some("help now"),
    },
    Binding {
        keys: &[key('?')],
        command: Cmd::Help,
        help: "show these keys",
        footer: Some("help"),
    },
    Binding {
        keys: &[key('q')],
        command: Cmd::Quit,
        help: "close Lantern (drafts are kept)",
        footer: Some("quit"),
    },
];

pub fn on_key(_today: &TodayData, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    let Some(command) = env.lookup(KEYS, key) else {
        return;
    };
    match command {
        Cmd::CheckIn => {
            out.nav = Some(Nav::Push(Screen::CheckIn(checkin::CheckInForm::new(
                env.content,
                false,
            ))))
        }
        Cmd::AfterVisit => {
            out.nav = Some(Nav::Push(Screen::CheckIn(checkin::CheckInForm::new(
                env.content,
                true,
            ))))
        }
        Cmd::NewEntry => {
            out.nav = Some(Nav::Push(Screen::Templates(templates::Templates::new(env))))
        }
        Cmd::GoodMoment => start_offer("template:good-moment", env, out),
        Cmd::Diary => {
            out.nav = Some(Nav::Push(Screen::Diary(diary::Diary {
                loading: true,
                ..Default::default()
            })));
            out.effects.push(Effect::LoadEntries { offset: 0 });
        }
        Cmd::Search => out.nav = Some(Nav::Push(Screen::Search(search::Search::new()))),
        // Answered by the global table first; this row only shows its keys.
        Cmd::HelpNow => {}
        Cmd::Insights => {
            out.nav = Some(Nav::Push(Screen::Insights(insights::InsightsView::new())));
            out.effects.push(Effect::LoadInsights(insights::PERIODS[1]));
        }
        Cmd::Reflection => start_offer("template:outcomes-reflection", env, out),
        Cmd::Pixels => {
            out.nav = Some(Nav::Push(Screen::Pixels(pixels::Pixels::new(
                env.now.date_naive(),
            ))));
            out.effects.push(Effect::LoadYear(chrono::Datelike::year(
                &env.now.date_naive(),
            )));
        }
        Cmd::Review => {
            out.nav = Some(Nav::Push(Screen::Review(review::Review::default())));
            out.effects.push(Effect::LoadWeek);
        }
        Cmd::Supervision => {
            out.nav = Some(Nav::Push(Screen::Supervision(
                supervision::Supervision::new(),
            )));
            out.effects.push(Effect::LoadSupervision(None));
        }
        Cmd::Library => {
            out.nav = Some(Nav::Push(Screen::Library(library::Library::new(
                env.content,
            ))))
        }
        Cmd::Support => out.nav = Some(Nav::Push(Screen::Finder(finder::Finder::new()))),
        Cmd::Plan => {
            out.nav = Some(Nav::Push(Screen::Plan(plan::Plan::new())));
            out.effects.push(Effect::LoadPlan);
        }
        Cmd::Back => {
            out.status = Some(format!(
                "Press {} to close Lantern.",
                env.key_for(KEYS, Cmd::Quit)
            ))
        }
        Cmd::Help => out.overlay = Some(Overlay::Help),
        Cmd::Quit => out.quit = true,
    }
}

/// Starts what a suggestion offers: a template opens the editor; anything else is
/// shown to read.
pub fn start_offer(reference: &str, env: &Env<'_>, out: &mut Out) {
    if let Some(id) = reference.strip_prefix("template:") {
        if let Some(template) = env.content.template(id) {
            let e = editor::Editor::new_entry_as(Some(template), env.uid);
            out.nav = Some(Nav::Push(Screen::Editor(Box::new(e))));
            return;
        }
    }
    if let Some(exercise) = reference
        .strip_prefix("exercise:")
        .and_then(|id| env.content.exercise(id))
    {
        let run = exercise::ExerciseRun::new(exercise, env);
        out.nav = Some(Nav::Push(Screen::Exercise(Box::new(run))));
        return;
    }
    match topic::Topic::new(reference, env) {
        Some(topic) => out.nav = Some(Nav::Push(Screen::Topic(topic))),
        None => out.status = Some("That is not in the content any more.".into()),
    }
}

/// A line of content with the user's key where its `{key}` is.
fn keyed(text: &Text, indent: &str, key: String, style: Style, theme: &Theme) -> Line<'static> {
    let (before, after) = text.around_key();
    Line::from(vec![
        Span::styled(format!("{indent}{before}"), style),
        Span::styled(key, theme.key),
        Span::styled(after.to_string(), style),
    ])
}

pub fn view(today: &TodayData, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let title = format!(" {} ", env.now.format("%A %-d %B"));
    let block = Block::bordered()
        .title(Line::styled(" Lantern ", theme.title))
        .title(Line::styled(title, theme.muted).right_aligned())
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = inner.inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 1,
    });

    let words = &env.content.words.today;
    let key_of = |command: Cmd| env.key_for(KEYS, command);
    let mut lines = vec![
        Line::styled(words.greeting(env.now.hour()).to_string(), theme.title),
        Line::from(""),
    ];
    match &today.latest_today {
        Some(c) => lines.push(Line::from(vec![
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
        ])),
        None => lines.push(keyed(
            &words.no_checkin,
            "",
            key_of(Cmd::CheckIn),
            theme.base,
            theme,
        )),
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        words.one_small_thing.to_string(),
        theme.accent,
    ));
    match &today.suggestion {
        Some(s) => {
            lines.push(Line::styled(format!("  {}", s.message), theme.base));
            if s.offer_help {
                // Help now lives in the global table: its key works over every screen.
                let help_now = env.key_for(GLOBAL, Global::HelpNow);
                lines.push(keyed(
                    &words.help_offer,
                    "  ",
                    help_now,
                    theme.warning,
                    theme,
                ));
            }
        }
        None => lines.push(Line::styled(
            format!("  {}", words.no_suggestion),
            theme.base,
        )),
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        words.good_moment_heading.to_string(),
        theme.accent,
    ));
    lines.push(keyed(
        &words.good_moment,
        "  ",
        key_of(Cmd::GoodMoment),
        theme.base,
        theme,
    ));
    if today.reflection_due {
        lines.push(Line::from(""));
        lines.push(keyed(
            &words.reflection_due,
            "",
            key_of(Cmd::Reflection),
            theme.muted,
            theme,
        ));
    }
    if let Some(otd) = &today.on_this_day {
        lines.push(Line::from(""));
        lines.push(Line::styled(words.on_this_day.to_string(), theme.accent));
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
    }
    let lines = wrap_lines(lines, inner.width);
    let top_paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let top_height =
        (top_paragraph.line_count(inner.width) as u16 + 1).min(inner.height.saturating_sub(3));
    let [top, recent] =
        Layout::vertical([Constraint::Length(top_height), Constraint::Min(2)]).areas(inner);
    frame.render_widget(top_paragraph, top);

    let mut rows = vec![Line::styled("Recent entries", theme.accent)];
    if today.recent.is_empty() {
        rows.push(Line::styled(
            format!(
                "  Nothing written yet. {} starts an entry.",
                key_of(Cmd::NewEntry)
            ),
            theme.muted,
        ));
    }
    for e in &today.recent {
        let when = format!("  {}  ", e.created.format("%a %-d %b %H:%M"));
        let room = usize::from(recent.width).saturating_sub(fit::width(&when));
        rows.push(Line::from(vec![
            Span::styled(when, theme.muted),
            Span::styled(fit::truncate(&e.title, room), theme.base),
        ]));
    }
    frame.render_widget(Paragraph::new(rows), recent);
}
