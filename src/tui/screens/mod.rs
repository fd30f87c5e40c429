//! One module a screen: its state, its key table, how keys change it, and its view.

pub mod checkin;
pub mod day;
pub mod diary;
pub mod editor;
pub mod exercise;
pub mod finder;
pub mod insights;
pub mod library;
pub mod pixels;
pub mod plan;
pub mod reader;
pub mod review;
pub mod search;
pub mod supervision;
pub mod templates;
pub mod today;
pub mod topic;
pub mod unlock;
pub mod welcome;
