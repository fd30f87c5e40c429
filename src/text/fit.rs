//! Text that fits a width on a terminal: cut at a word with "…", or wrapped with its
//! indent kept. Widths are display columns, so a CJK character or an emoji counts as
//! the two cells it takes.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub const ELLIPSIS: &str = "…";

/// Columns `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` on one line of at most `max` columns. Text that fits is left whole; longer
/// text ends at the last whole word that leaves room for "…". A first word longer
/// than the width is cut by character, as no word boundary is left to use.
pub fn truncate(text: &str, max: usize) -> String {
    let text = text.trim_end();
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let room = max - width(ELLIPSIS);
    let mut end = 0;
    let mut used = 0;
    let mut last_word_end = None;
    let mut in_space = false;
    for (at, c) in text.char_indices() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if c.is_whitespace() {
            if !in_space && at > 0 {
                last_word_end = Some(at);
            }
            in_space = true;
        } else {
            in_space = false;
        }
        if used + w > room {
            break;
        }
        used += w;
        end = at + c.len_utf8();
    }
    // The character after the cut may itself end a word, or be the punctuation
    // that ends one ("banged," is the whole word "banged").
    let rest = &text[end..];
    let punctuation_ends_word = rest.starts_with([',', ';', ':', '.', '!', '?'])
        && rest[1..].chars().next().is_none_or(char::is_whitespace);
    if rest.starts_with(char::is_whitespace) || punctuation_ends_word {
        last_word_end = Some(end);
    }
    let kept = match last_word_end {
        Some(at) if at <= end => &text[..at],
        _ => &text[..end],
    };
    // A comma or colon before "…" reads as a stumble; the word alone reads as a pause.
    let mut out = kept
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'))
        .to_string();
    out.push_str(ELLIPSIS);
    out
}

/// `text` wrapped at words into lines of at most `max` columns, the first line
/// starting with `first` and every later one with `rest` (a hanging indent). A word
/// wider than a line is cut by character. Runs of spaces between words become one,
/// so no wrapped line starts with a space.
pub fn wrap(text: &str, max: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut indent = width(first);
    let mut has_word = false;
    for word in text.split_whitespace() {
        let mut word = word;
        loop {
            let need = width(word) + usize::from(has_word);
            if width(&line) + need <= max {
                if has_word {
                    line.push(' ');
                }
                line.push_str(word);
                has_word = true;
                break;
            }
            if has_word {
                lines.push(std::mem::replace(&mut line, rest.to_string()));
                indent = width(rest);
                has_word = false;
                continue;
            }
            // The word alone is wider than the line: put what fits, carry the rest.
            let room = max.saturating_sub(indent).max(1);
            let (head, tail) = split_at_width(word, room);
            line.push_str(head);
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            indent = width(rest);
            if tail.is_empty() {
                break;
            }
            word = tail;
        }
    }
    if has_word || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The longest start of `word` that takes at most `room` columns (at least one
/// character, so wrapping always moves on), and what is left.
fn split_at_width(word: &str, room: usize) -> (&str, &str) {
    let mut used = 0;
    for (at, c) in word.char_indices() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room && at > 0 {
            return word.split_at(at);
        }
        used += w;
    }
    (word, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_followed_by_its_comma_is_kept_whole() {
        let text = "That the little one flinched when the door banged, and nobody else";
        assert_eq!(
            truncate(text, 50),
            "That the little one flinched when the door banged…"
        );
    }

    #[test]
    fn text_that_fits_exactly_is_left_whole() {
        assert_eq!(truncate("hello world", 11), "hello world");
        assert_eq!(truncate("", 5), "");
    }

    #[test]
    fn long_text_ends_at_a_whole_word_with_an_ellipsis() {
        let cut = truncate("Know your values and why you do this work", 40);
        assert_eq!(cut, "Know your values and why you do this…");
        assert!(width(&cut) <= 40);
        assert_eq!(
            truncate("a few words per question is enough", 30),
            "a few words per question is…"
        );
        // The cut falls just before a space: the word before it is whole.
        assert_eq!(truncate("abc def ghi", 8), "abc def…");
        assert_eq!(truncate("clear, plain words", 12), "clear…");
    }

    #[test]
    fn a_word_longer_than_the_width_is_cut_by_character() {
        assert_eq!(truncate("Supercalifragilistic", 6), "Super…");
        assert_eq!(truncate("Supercalifragilistic", 1), "…");
        assert_eq!(truncate("Supercalifragilistic", 0), "");
    }

    #[test]
    fn wide_characters_count_as_two_columns() {
        assert_eq!(width("日本"), 4);
        assert_eq!(width("🙂"), 2);
        let cut = truncate("日本語 テキスト です", 10);
        assert_eq!(cut, "日本語…");
        assert!(width(&cut) <= 10);
        assert_eq!(truncate("🙂🙂🙂🙂", 5), "🙂🙂…");
        assert_eq!(truncate("🙂 🙂", 5), "🙂 🙂");
    }

    #[test]
    fn wrapping_keeps_the_hanging_indent() {
        let lines = wrap("one two three four five", 12, "  • ", "    ");
        assert_eq!(
            lines,
            vec!["  • one two", "    three", "    four", "    five"]
        );
        assert!(lines.iter().all(|l| width(l) <= 12));
    }

    #[test]
    fn wrapping_never_starts_a_line_with_a_space_and_cuts_a_long_word() {
        let lines = wrap("a   b abcdefghij", 6, "", "");
        assert_eq!(lines, vec!["a b", "abcdef", "ghij"]);
        assert_eq!(wrap("", 10, "  ", "  "), vec!["  "]);
        let wide = wrap("日本語テキスト", 6, "", "");
        assert!(wide.iter().all(|l| width(l) <= 6), "{wide:?}");
    }
}
