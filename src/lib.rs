//! Lantern: a private, offline terminal companion for care practitioners.
//!
//! The layers, as `../shared/DESIGN.md` draws them: `cli` and `tui` are front ends;
//! both use `domain` (pure logic), `content` (the framework as data) and `store`
//! (the SQLite diary); `config` says where things live.

pub mod cli;
pub mod config;
pub mod content;
pub mod domain;
pub mod keys;
pub mod store;
pub mod tui;
