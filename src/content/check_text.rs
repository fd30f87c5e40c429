//! Characters no content line should hold: control characters (a clear-screen or a
//! bell sent to the terminal by `lantern help-now`) and the invisible marks that turn
//! text around or hide it. Content is read from the file's own text, so a mark written
//! as an escape (`\u001b`, `\b`) is found where it was written.

use super::load::Source;
use super::parse::error_at;
use super::ContentError;

/// Marks that change the order or visibility of the text around them.
fn is_hidden_mark(c: char) -> bool {
    matches!(c,
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

fn is_unwanted(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_hidden_mark(c)
}

fn describe(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Each unwanted character in `source`, written or escaped, at its place.
pub fn check_text(source: &Source, errors: &mut Vec<ContentError>) {
    let text: &str = &source.text;
    let mut chars = text.char_indices().peekable();
    let mut in_comment = false;
    let mut at_line_start = true;
    // Inside a single-quoted (literal) string a backslash is only a backslash, as in
    // the confidentiality patterns' regexes (`\b` there is a word boundary).
    let mut in_literal = false;
    let mut in_basic = false;
    while let Some((at, c)) = chars.next() {
        if c == '\n' {
            in_comment = false;
            // A literal string ends with its line, so a stray apostrophe cannot hide an
            // escape further down the file.
            in_literal = false;
            at_line_start = true;
            continue;
        }
        if at_line_start && c == '#' {
            in_comment = true;
        }
        if !c.is_whitespace() {
            at_line_start = false;
        }
        // A byte-order mark at the very start is how some editors save; it is harmless.
        if at == 0 && c == '\u{feff}' {
            continue;
        }
        if is_unwanted(c) {
            errors.push(error_at(
                source,
                at,
                format!(
                    "this line holds an invisible character ({}); write plain words",
                    describe(c)
                ),
            ));
            continue;
        }
        if !in_comment && c == '"' && !in_literal {
            in_basic = !in_basic;
        }
        if !in_comment && c == '\'' && !in_basic {
            in_literal = !in_literal;
        }
        if c != '\\' || in_comment || in_literal {
            continue;
        }
        let escaped = match chars.next() {
            Some((_, 'b')) => Some('\u{8}'),
            Some((_, 'f')) => Some('\u{c}'),
            Some((_, 'r')) => Some('\r'),
            Some((_, 'e')) => Some('\u{1b}'),
            Some((_, 'u')) => hex(&mut chars, 4),
            Some((_, 'U')) => hex(&mut chars, 8),
            _ => None,
        };
        if let Some(c) = escaped.filter(|c| is_unwanted(*c)) {
            errors.push(error_at(
                source,
                at,
                format!(
                    "this line writes an invisible character ({}); write plain words",
                    describe(c)
                ),
            ));
        }
    }
}

fn hex(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, digits: usize) -> Option<char> {
    let mut value = 0u32;
    for _ in 0..digits {
        let (_, d) = chars.next_if(|(_, d)| d.is_ascii_hexdigit())?;
        value = value * 16 + d.to_digit(16)?;
    }
    char::from_u32(value)
}
