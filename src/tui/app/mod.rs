//! The one state of the app, the actions that change it, and `update`: pure, with no
//! terminal or disk I/O. What must touch the disk comes out as `Effect`s for the
//! runtime to carry out; their results come back in as actions.

mod drafts;
mod overlay_keys;
mod results;

use chrono::{DateTime, FixedOffset};
use crossterm::event::KeyEventKind;

use crate::config::Config;
use crate::content::Content;
use crate::store::Draft;

pub use super::message::{Action, Effect};
pub use drafts::{RETRY_MS, UNSAVED};

use super::keymap::Keymap;
use super::keys::{global, Global};
pub use super::overlay::Overlay;
pub use super::screens::{Env, Nav, Out, Screen};
use super::theme::Theme;
use overlay_keys::overlay_key;

pub use crate::session::today::TodayData;

/// Below this, Lantern says so rather than drawing a garbled screen, and only the
/// global keys act.
pub const MIN_WIDTH: u16 = 70;
pub const MIN_HEIGHT: u16 = 22;

pub struct App {
    pub content: Content,
    pub config: Config,
    pub theme: Theme,
    /// The clock, set by the runtime before each action (and by tests).
    pub now: DateTime<FixedOffset>,
    /// A fresh id for what the next action creates (an entry, a check-in, a practice
    /// record), set by the runtime before each action (and by tests), as the clock is.
    pub next_uid: String,
    /// The keys in effect: the defaults with the user's `[keys]` over them.
    pub keys: Keymap,
    pub screen: Screen,
    /// Screens to go back to.
    pub stack: Vec<Screen>,
    pub overlay: Option<Overlay>,
    pub today: TodayData,
    /// A short, kind line at the bottom: "Saved.", or what went wrong.
    pub status: Option<String>,
    pub quit: bool,
    /// Drafts that could not be written (the disk may be full), kept here until a
    /// save works, and tried again every few seconds.
    pub unsaved: Vec<Draft>,
    /// When the drafts in `unsaved` were last tried.
    pub retried: Option<DateTime<FixedOffset>>,
    /// Stopping on a signal: nobody can be asked.
    pub terminating: bool,
    /// Stopped on a signal with words that could not be saved: the exit says so.
    pub words_lost: bool,
    /// A check-in draft offered at launch and left for later.
    pub kept_checkin: Option<Draft>,
    /// How far the `?` help is scrolled: a screen's keys can be more than a small
    /// window holds. Back to the top each time the help opens.
    pub help_scroll: u16,
    /// The box help now was opened over, shown again when help now closes: a question
    /// or an offer must not be lost because someone needed help first.
    pub behind_help_now: Option<Overlay>,
    /// The window's size, set by the runtime before each action (None in tests that
    /// do not say): below the smallest the app can draw, only the global keys act,
    /// since nothing else can be seen.
    pub window: Option<(u16, u16)>,
}

/// Pasted text as it goes into a field: line ends as `\n`, and no control characters
/// other than new lines and tabs (a paste must not be able to steer the terminal).
pub fn clean_paste(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

impl App {
    pub fn new(
        content: Content,
        config: Config,
        theme: Theme,
        now: DateTime<FixedOffset>,
        screen: Screen,
    ) -> App {
        let keys = super::keys::keymap(&config);
        // Until the runtime sets them, ids are made here, outside `update`.
        let next_uid = uuid::Uuid::new_v4().to_string();
        // A `[keys]` line that could not be used says so on the status line.
        let status = (!keys.warnings.is_empty()).then(|| keys.warnings.join(" "));
        App {
            content,
            config,
            theme,
            now,
            next_uid,
            keys,
            screen,
            stack: Vec::new(),
            overlay: None,
            today: TodayData::default(),
            status,
            quit: false,
            unsaved: Vec::new(),
            retried: None,
            terminating: false,
            words_lost: false,
            kept_checkin: None,
            help_scroll: 0,
            behind_help_now: None,
            window: None,
        }
    }

    pub fn env(&self) -> Env<'_> {
        Env {
            content: &self.content,
            config: &self.config,
            now: self.now,
            keys: &self.keys,
            uid: &self.next_uid,
        }
    }

    /// Puts a key map in place of the one built from the config (its warnings are
    /// the caller's to show).
    pub fn set_keys(&mut self, keys: Keymap) {
        self.keys = keys;
    }

    /// Whether the window is smaller than the app can draw.
    pub fn too_small(&self) -> bool {
        self.window
            .is_some_and(|(w, h)| w < MIN_WIDTH || h < MIN_HEIGHT)
    }

    pub(super) fn apply(&mut self, out: Out) -> Vec<Effect> {
        // What the first run chose counts from now (help now names the region's
        // contacts at once), not only from the next launch.
        for effect in &out.effects {
            if let Effect::FinishFirstRun {
                role,
                region,
                registration,
                renewal,
                ..
            } = effect
            {
                self.config.role.clone_from(role);
                self.config.region.clone_from(region);
                self.config.registration.clone_from(registration);
                self.config.renewal = *renewal;
            }
        }
        if let Some(status) = out.status {
            self.status = Some(status);
        }
        if let Some(overlay) = out.overlay {
            if matches!(overlay, Overlay::Help) {
                self.help_scroll = 0;
            }
            self.overlay = Some(overlay);
        }
        if let Some(nav) = out.nav {
            match nav {
                Nav::Push(screen) => {
                    let screen = self.carry_on_kept_checkin(screen);
                    let old = std::mem::replace(&mut self.screen, screen);
                    self.stack.push(old);
                }
                Nav::Replace(screen) => self.screen = screen,
                Nav::Back => {
                    self.screen = self.stack.pop().unwrap_or(Screen::Today);
                }
                Nav::Home => {
                    self.stack.clear();
                    self.screen = Screen::Today;
                }
            }
        }
        let mut effects = out.effects;
        if out.quit {
            // Words that could not be saved get one more try; if it fails, quitting asks.
            effects.extend(self.draft_effects());
            self.quit = true;
        }
        effects
    }
}

/// The key that closes Lantern from Today (`q`, or the person's own) closes it while
/// the window is too small to show anything too; as with Ctrl-C, what was typed is
/// kept as a draft.
fn too_small_quits(app: &App, key: &crossterm::event::KeyEvent) -> bool {
    crate::tui::keymap::lookup(&app.keys, crate::tui::screens::today::KEYS, key)
        == Some(crate::tui::screens::today::Cmd::Quit)
}

/// The heart of the app: every change of state goes through here.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(key) => {
            if key.kind == KeyEventKind::Release {
                return Vec::new();
            }
            // The global table first: Ctrl-C even over a box, help now from anywhere
            // but a box.
            let typing = app.screen.typing();
            match global(&app.keys, &key, typing) {
                Some(Global::QuitNow) => {
                    // As SIGTERM: keep what was typed and the practice so far. If
                    // the words cannot be written, quitting asks.
                    let effects = app.stop_effects();
                    app.quit = true;
                    return effects;
                }
                Some(Global::HelpNow) if !matches!(app.overlay, Some(Overlay::HelpNow { .. })) => {
                    // From anywhere, over any box; closing it returns you to exactly
                    // where you were, box and all.
                    app.behind_help_now = app.overlay.take();
                    app.overlay = Some(Overlay::HelpNow { scroll: 0 });
                    return Vec::new();
                }
                _ => {}
            }
            if app.too_small() {
                // Only help now, quitting and Ctrl-C reach past "a little bigger,
                // please"; a key meant for a screen nobody can see must not act on it.
                // Help now closes on any key, as it does anywhere.
                if matches!(app.overlay, Some(Overlay::HelpNow { .. })) {
                    app.overlay = app.behind_help_now.take();
                } else if too_small_quits(app, &key) {
                    let effects = app.draft_effects();
                    app.quit = true;
                    return effects;
                }
                return Vec::new();
            }
            if app.overlay.is_some() {
                return overlay_key(app, &key);
            }
            app.status = None;
            let mut out = Out::default();
            let env = Env {
                content: &app.content,
                config: &app.config,
                now: app.now,
                keys: &app.keys,
                uid: &app.next_uid,
            };
            app.screen.on_key(&app.today, &key, &env, &mut out);
            let mut effects = app.apply(out);
            let safe = app.keep_safe(&effects);
            effects.extend(safe);
            effects
        }
        Action::Paste(text) => {
            if app.overlay.is_some() {
                return Vec::new();
            }
            let mut out = Out::default();
            app.screen.paste(&clean_paste(&text), app.now, &mut out);
            let mut effects = app.apply(out);
            let safe = app.keep_safe(&effects);
            effects.extend(safe);
            effects
        }
        Action::Mouse(mouse) => {
            if app.overlay.is_some() || app.too_small() {
                return Vec::new();
            }
            let mut out = Out::default();
            let env = Env {
                content: &app.content,
                config: &app.config,
                now: app.now,
                keys: &app.keys,
                uid: &app.next_uid,
            };
            app.screen.on_mouse(&mouse, &env, &mut out);
            app.apply(out)
        }
        Action::Tick => {
            let mut effects = app.keep_safe(&[]);
            if let Screen::Exercise(e) = &mut app.screen {
                effects.extend(e.tick(app.now, &app.next_uid));
            }
            effects
        }
        Action::Terminate => {
            let effects = app.stop_effects();
            app.terminating = true;
            app.quit = true;
            effects
        }
        Action::DraftSaved(slot) => {
            let had = !app.unsaved.is_empty();
            app.unsaved.retain(|d| d.slot != slot);
            if had && app.unsaved.is_empty() {
                app.status = Some("Your words are saved as a draft now.".into());
            }
            Vec::new()
        }
        Action::DraftSaveFailed(draft) => {
            app.unsaved.retain(|d| d.slot != draft.slot);
            app.unsaved.push(draft);
            if app.retried.is_none() {
                app.retried = Some(app.now);
            }
            if app.quit {
                if app.terminating {
                    // A signal cannot be answered with a question: the exit says it.
                    app.words_lost = true;
                } else {
                    app.quit = false;
                    app.overlay = Some(Overlay::QuitUnsaved);
                }
            }
            Vec::new()
        }
        other => results::on_result(app, other),
    }
}
