//! Plain-text helpers every layer uses, below all of them: text made safe to show on a
//! terminal, counts in words, and text cut or wrapped to fit a width.

pub mod fit;
pub mod plural;
pub mod printable;

/// The text with its first letter a capital ("renewal on …" → "Renewal on …").
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
