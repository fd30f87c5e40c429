//! Plain-text helpers every layer uses, below all of them: text made safe to show on a
//! terminal, counts in words, and text cut or wrapped to fit a width.

pub mod fit;
pub mod plural;
pub mod printable;
