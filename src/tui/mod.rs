//! The full-screen app, in The Elm Architecture: one `App` state, terminal events
//! become `Action`s, a pure `update` returns `Effect`s that this runtime carries out
//! against the store, and `view` draws. The runtime also keeps the terminal safe: a
//! panic, SIGTERM, SIGHUP or SIGINT restores it, and writing in progress is kept as a
//! draft. Searches run on a worker thread of their own, so a slow query never holds up
//! the keys.
//!
//! The runtime is in three rooms: `runtime` owns the terminal and runs the event loop,
//! `effects` carries out what `update` asks for, and `loaders` assemble screen data
//! (Today's comes from `session::today`, shared with the command line).

pub mod app;
pub mod autosave;
mod checking;
mod colour_reply;
mod effects;
pub mod keymap;
pub mod keys;
mod loaders;
pub mod message;
pub mod overlay;
pub mod records;
mod runtime;
pub mod screens;
mod search_worker;
mod sharing;
mod terminal;
pub mod theme;
pub mod view;
pub mod widgets;

pub use runtime::run;
