//! What the plain-text commands share: prose wrapped to the terminal, an item named
//! from its `kind:id`, lengths of time in words, and saying and reading one line at a
//! time (the exercise and the support questions talk with the person).

use std::io::{BufRead, Write};

use anyhow::{Context as _, Result};

use crate::domain::practice;

/// Today's date where the person is.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// `text` wrapped to `width` columns, each line starting with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    for paragraph in text.trim().split('\n') {
        let mut line = String::from(indent);
        let mut empty = true;
        for word in paragraph.split_whitespace() {
            let needed = if empty {
                word.chars().count()
            } else {
                word.chars().count() + 1
            };
            if !empty && line.chars().count() + needed > width {
                out.push_str(line.trim_end());
                out.push('\n');
                line = String::from(indent);
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn seconds_text(seconds: f64) -> String {
    practice::format_minutes(seconds)
}

pub fn minutes_text(minutes: f64) -> String {
    let m = practice::format_minutes(minutes);
    if m == "1" {
        "1 minute".to_string()
    } else {
        format!("{m} minutes")
    }
}

/// Prints `text` as is, at once (the pacer's steps are timed). A closed pipe comes
/// back as an error, so the command stops and `main` ends it quietly.
pub fn say(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

/// Reads one line from standard input; `None` at end of input.
pub fn read_line() -> Result<Option<String>> {
    let mut line = String::new();
    let n = std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading your answer")?;
    Ok((n > 0).then(|| line.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole_and_lines_short() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let wrapped = wrap(text, 20, "  ");
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 20),
            "{wrapped}"
        );
        assert!(wrapped.lines().all(|l| l.starts_with("  ")));
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>().join(" "),
            text
        );
    }
}
