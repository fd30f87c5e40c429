//! Today, the home screen: a greeting, whether you have checked in, one small
//! suggestion, a nudge towards one good moment, the last few entries, and a map of
//! every room with its key (`map`). Its keys and what they open are here; how it is
//! drawn is in `view`.

mod map;
mod view;

use crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};

use crate::session::today::TodayData;
use crate::tui::keymap::{code, key, Binding};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::{
    checkin, diary, editor, exercise, finder, insights, library, pixels, plan, registration,
    review, search, supervision, templates, topic,
};
use crate::tui::screens::{Env, Nav, Out, Screen};

pub use map::{Place, GROUPS, HEADING};
pub use view::view;

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
    MyRegistration,
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
    Binding {
        keys: &[key('v')],
        command: Cmd::MyRegistration,
        help: "my registration: CPD and revalidation",
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
    if let Some(command) = env.lookup(KEYS, key) {
        run(command, env, out);
    }
}

/// A click on a room of the map opens it, as its key does.
pub fn on_mouse(mouse: &MouseEvent, env: &Env<'_>, out: &mut Out) {
    if let MouseEventKind::Down(MouseButton::Left) = mouse.kind {
        if let Some(command) = map::at(mouse.column, mouse.row) {
            run(command, env, out);
        }
    }
}

fn run(command: Cmd, env: &Env<'_>, out: &mut Out) {
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
        // Its key is answered by the global table first; this is a click on the map.
        Cmd::HelpNow => out.overlay = Some(Overlay::HelpNow { scroll: 0 }),
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
        Cmd::MyRegistration => {
            let screen = registration::Registration::open(env, out);
            out.nav = Some(Nav::Push(Screen::Registration(screen)));
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
