//! Pure logic: the ideas of the diary and how they behave. Nothing here touches the
//! disk, the terminal or the clock; callers pass in what it needs.

pub mod checkin;
pub mod editor_text;
pub mod entry;
pub mod suggest;
pub mod transfer;
