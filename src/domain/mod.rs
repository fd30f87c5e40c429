//! Pure logic: the ideas of the diary and how they behave. Nothing here touches the
//! disk, the terminal or the clock; callers pass in what it needs.

pub mod checkin;
pub mod confidentiality;
pub mod editor_text;
pub mod entry;
pub mod forms;
pub mod insights;
pub mod leadership;
pub mod pacer;
pub mod plan;
pub mod practice;
pub mod registration;
pub mod suggest;
pub mod supervision;
pub mod support_finder;
pub mod transfer;
