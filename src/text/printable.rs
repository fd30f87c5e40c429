//! Text made safe to show on a terminal: diary text a command prints, and anything a
//! person typed into a settings or content file that a message quotes back.

use std::borrow::Cow;

/// Diary text made safe to print on a terminal: control characters other than newline
/// and tab (C0, DEL and C1, which start escape sequences that can retitle or confuse a
/// terminal) are shown as `^[`-style caret notation or `�`, never sent raw. Used for
/// every diary field a command prints; exports keep the text exactly as written.
pub fn safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !is_unsafe(c) => out.push(c),
            '\u{7f}' => out.push_str("^?"),
            c if (c as u32) < 0x20 => {
                out.push('^');
                out.push(char::from(b'@' + c as u8));
            }
            _ => out.push('\u{fffd}'),
        }
    }
    Cow::Owned(out)
}

fn is_unsafe(c: char) -> bool {
    (c != '\n' && c != '\t' && c.is_control()) || is_bidi_control(c)
}

/// The invisible marks that turn the direction of the text after them: printed raw, a
/// title could make the rest of its line read backwards.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A quoted name or value as one short, harmless line of a message: safe as above,
/// with line breaks and tabs shown rather than obeyed, and cut at `at_most` characters.
pub fn one_line(text: &str, at_most: usize) -> String {
    let mut out = String::new();
    for (n, c) in text.chars().enumerate() {
        if n == at_most {
            out.push('…');
            break;
        }
        match c {
            '\n' => out.push_str("^J"),
            '\r' => out.push_str("^M"),
            '\t' => out.push_str("^I"),
            c => out.push(c),
        }
    }
    safe(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_line_breaks_are_shown_not_obeyed() {
        let shown = one_line("a\u{1b}[2Jb\nc\rd\u{202e}e\u{9b}31m", 100);
        assert_eq!(shown, "a^[[2Jb^Jc^Md\u{fffd}e\u{fffd}31m");
        assert!(!shown.chars().any(char::is_control));
    }

    #[test]
    fn a_long_value_is_cut() {
        assert_eq!(
            one_line(&"x".repeat(50), 10),
            format!("{}…", "x".repeat(10))
        );
    }
}
