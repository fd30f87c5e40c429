//! Lantern: a private, offline terminal companion for care practitioners.
//!
//! The layers, as `../shared/DESIGN.md` draws them: `cli` and `tui` are front ends,
//! and neither uses the other. Below them, `session` sets up what both need (paths,
//! settings, content, the open diary, Today's data) and `host` does what both ask of
//! the machine (the editor hand-off, owner-only files). Everything uses `domain` (pure
//! logic), `content` (the framework as data) and `store` (the SQLite diary); `config`
//! says where things live, `keys` how keys are named and changed, and `text` holds the
//! plain-text helpers (safe to print, counts in words) that every layer uses.

pub mod cli;
pub mod config;
pub mod content;
pub mod domain;
pub mod host;
pub mod keys;
pub mod session;
pub mod store;
pub mod text;
pub mod tui;
