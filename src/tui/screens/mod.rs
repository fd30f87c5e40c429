//! One module a screen: its state, its key table, how keys change it, and its view.

pub mod checkin;
pub mod diary;
pub mod editor;
pub mod reader;
pub mod search;
pub mod templates;
pub mod today;
pub mod unlock;
pub mod welcome;
