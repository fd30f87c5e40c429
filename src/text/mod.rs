//! Plain-text helpers every layer uses, below all of them: text made safe to show on a
//! terminal, and counts in words.

pub mod plural;
pub mod printable;
