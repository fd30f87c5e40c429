//! The screens the app can show, one module a screen (its state, its key table, how
//! keys change it, and its view), registered in one place: a new screen is one line
//! in `screens!` (its state, its module, its title, its rows as they stand and every
//! table it has) and a module with `on_key` and `view`.

pub mod checkin;
pub mod day;
pub mod diary;
pub mod editor;
pub mod exercise;
pub mod finder;
pub mod insights;
pub mod library;
mod out;
pub mod pixels;
pub mod plan;
pub mod reader;
pub mod registration;
pub mod review;
pub mod search;
pub mod supervision;
pub mod templates;
pub mod today;
pub mod topic;
pub mod unlock;
pub mod welcome;

pub use out::{Env, Nav, Out};

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyEvent, MouseEvent};
use ratatui::layout::Rect;
use ratatui::Frame;

use crate::session::today::TodayData;
use crate::tui::keymap::{shown, Keymap, Shown};
use crate::tui::theme::Theme;

/// Each line: `Variant(state) = module, "title", |state, keymap| the rows in effect,
/// [("where", TABLE), …];` — the last part lists every table the screen has, for the
/// table test, the `[keys]` checks and `lantern keys`. Today has no state of its own
/// (its data is the app's) and comes first.
macro_rules! screens {
    ($($variant:ident($state:ty) = $module:ident, $title:literal, |$s:pat_param, $map:ident| $keys:expr, [$(($place:literal, $table:expr)),+];)*) => {
        /// Every screen's tables, by where they work.
        pub fn tables(map: &Keymap) -> Vec<(&'static str, Vec<Shown>)> {
            let mut tables = vec![("Today", shown(map, today::KEYS))];
            $($(tables.push(($place, shown(map, $table)));)+)*
            tables
        }

        pub enum Screen {
            Today,
            $($variant($state),)*
        }

        impl Screen {
            /// The title its frame and its `?` help carry.
            pub fn name(&self) -> &'static str {
                match self {
                    Screen::Today => "Today",
                    $(Screen::$variant(_) => $title,)*
                }
            }

            /// Its key rows as they stand (the table can depend on its state), with
            /// the user's keys.
            pub fn keys(&self, map: &Keymap) -> Vec<Shown> {
                match self {
                    Screen::Today => shown(map, today::KEYS),
                    $(Screen::$variant($s) => {
                        let $map = map;
                        $keys
                    })*
                }
            }

            pub(super) fn on_key(&mut self, today: &TodayData, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
                match self {
                    Screen::Today => today::on_key(today, key, env, out),
                    $(Screen::$variant(s) => $module::on_key(s, key, env, out),)*
                }
            }

            pub(super) fn draw(&self, today: &TodayData, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
                match self {
                    Screen::Today => today::view(today, env, theme, frame, area),
                    $(Screen::$variant(s) => $module::view(s, env, theme, frame, area),)*
                }
            }
        }
    };
}

screens! {
    Welcome(welcome::Welcome) = welcome, "Welcome", |s, map| welcome::keys(s, map),
        [("Welcome", welcome::KEYS)];
    Unlock(unlock::Unlock) = unlock, "Unlock", |_, map| shown(map, unlock::KEYS),
        [("Unlock", unlock::KEYS)];
    CheckIn(checkin::CheckInForm) = checkin, "Check in", |s, map| checkin::keys(s, map),
        [("Check in", checkin::KEYS)];
    Diary(diary::Diary) = diary, "Diary", |_, map| shown(map, diary::KEYS),
        [("Diary", diary::KEYS)];
    Reader(reader::Reader) = reader, "Entry", |_, map| shown(map, reader::KEYS),
        [("Entry", reader::KEYS)];
    Templates(templates::Templates) = templates, "New entry", |_, map| shown(map, templates::KEYS),
        [("New entry", templates::KEYS)];
    Editor(Box<editor::Editor>) = editor, "Writing", |e, map| match e.account {
            Some(_) => shown(map, editor::ACCOUNT_KEYS),
            None => shown(map, editor::KEYS),
        },
        [("Writing", editor::KEYS), ("Writing an account", editor::ACCOUNT_KEYS)];
    Search(search::Search) = search, "Search", |_, map| shown(map, search::KEYS),
        [("Search", search::KEYS)];
    Exercise(Box<exercise::ExerciseRun>) = exercise, "Exercise", |e, map| match e.done {
            Some(_) => shown(map, exercise::DONE_KEYS),
            None => shown(map, exercise::KEYS),
        },
        [("Exercise", exercise::KEYS), ("Exercise done", exercise::DONE_KEYS)];
    Library(library::Library) = library, "Library", |_, map| shown(map, library::KEYS),
        [("Library", library::KEYS)];
    Topic(topic::Topic) = topic, "Library", |s, map| topic::keys(s, map),
        [("Library topic", topic::KEYS)];
    Finder(finder::Finder) = finder, "Finding support", |_, map| shown(map, finder::KEYS),
        [("Finding support", finder::KEYS)];
    Plan(plan::Plan) = plan, "Plan", |s, map| plan::keys(s, map),
        [("Plan", plan::KEYS)];
    Insights(insights::InsightsView) = insights, "Insights", |_, map| shown(map, insights::KEYS),
        [("Insights", insights::KEYS)];
    Pixels(pixels::Pixels) = pixels, "Year in pixels", |_, map| shown(map, pixels::KEYS),
        [("Year in pixels", pixels::KEYS)];
    Day(day::DayView) = day, "A day", |_, map| shown(map, day::KEYS),
        [("A day", day::KEYS)];
    Review(review::Review) = review, "Weekly review", |_, map| shown(map, review::KEYS),
        [("Weekly review", review::KEYS)];
    Supervision(supervision::Supervision) = supervision, "Before supervision",
        |_, map| shown(map, supervision::KEYS),
        [("Before supervision", supervision::KEYS)];
    Registration(registration::Registration) = registration, "My registration",
        |_, map| shown(map, registration::KEYS),
        [("My registration", registration::KEYS)];
}

impl Screen {
    /// Whether keys are text here: letters of the global table give way.
    pub fn typing(&self) -> bool {
        match self {
            Screen::Editor(_) | Screen::Search(_) | Screen::Unlock(_) => true,
            Screen::Exercise(e) => e.done.is_some(),
            Screen::Plan(p) => p.editing.is_some(),
            Screen::Welcome(w) => w.typing(),
            Screen::CheckIn(c) => c.typing(),
            _ => false,
        }
    }
}

// Pasting and the mouse reach only the screens that take them.
impl Screen {
    /// Pasted text (already cleaned of control characters), as one insertion.
    pub fn paste(&mut self, text: &str, now: DateTime<FixedOffset>, out: &mut Out) {
        match self {
            Screen::Editor(e) => out.status = e.paste(text, now),
            Screen::CheckIn(f) => f.paste(text),
            Screen::Search(s) => search::paste(s, text, out),
            Screen::Plan(p) => {
                if let Some(area) = &mut p.editing {
                    area.insert_str(text);
                }
            }
            Screen::Unlock(u) => {
                // A password manager's copy often ends with a new line, which is
                // not part of the passphrase.
                u.field
                    .insert_str(editor::one_line(text.trim_end_matches(['\r', '\n'])));
            }
            Screen::Exercise(e) => {
                if let Some(done) = &mut e.done {
                    done.note.insert_str(editor::one_line(text));
                }
            }
            _ => {}
        }
    }

    pub fn on_mouse(&mut self, mouse: &MouseEvent, env: &Env<'_>, out: &mut Out) {
        match self {
            Screen::Today => today::on_mouse(mouse, env, out),
            Screen::Diary(s) => diary::on_mouse(s, mouse, out),
            Screen::Search(s) => search::on_mouse(s, mouse, out),
            Screen::Templates(s) => templates::on_mouse(s, mouse),
            Screen::Reader(s) => reader::on_mouse(s, mouse),
            _ => {}
        }
    }
}
