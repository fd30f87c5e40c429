//! What a screen's key handler reads (`Env`) and what it gives back for `update` to
//! apply (`Out`, with a `Nav` to another screen): the screens' side of the app, kept
//! apart from `App` so a screen needs nothing from the app's own module.

use chrono::{DateTime, FixedOffset};
use crossterm::event::KeyEvent;

use super::Screen;
use crate::config::Config;
use crate::content::Content;
use crate::tui::keymap::{self, Binding, Keymap};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;

/// What a screen's key handler wants done, collected and applied by `update`.
#[derive(Default)]
pub struct Out {
    pub effects: Vec<Effect>,
    pub nav: Option<Nav>,
    pub overlay: Option<Overlay>,
    pub status: Option<String>,
    pub quit: bool,
}

pub enum Nav {
    Push(Screen),
    Replace(Screen),
    Back,
    Home,
}

/// Read-only things every screen may need.
pub struct Env<'a> {
    pub content: &'a Content,
    pub config: &'a Config,
    pub now: DateTime<FixedOffset>,
    /// The keys in effect.
    pub keys: &'a Keymap,
    /// A fresh id for whatever this action creates, given by the runtime as the clock
    /// is.
    pub uid: &'a str,
}

impl Env<'_> {
    /// The command bound to `event` in a screen's `table`, with the user's keys.
    pub fn lookup<C: Copy + std::fmt::Debug>(
        &self,
        table: &[Binding<C>],
        event: &KeyEvent,
    ) -> Option<C> {
        keymap::lookup(self.keys, table, event)
    }

    /// The first key in effect for `command` in `table`, as the footer shows it: for
    /// messages that name a key.
    pub fn key_for<C: Copy + std::fmt::Debug + PartialEq>(
        &self,
        table: &[Binding<C>],
        command: C,
    ) -> String {
        table
            .iter()
            .find(|b| b.command == command)
            .and_then(|b| keymap::keys_of(self.keys, b).first())
            .map_or_else(String::new, |k| k.label())
    }
}
