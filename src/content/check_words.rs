//! The checks on `words.toml`: every line there and not empty, and a `{key}` in each
//! line that shows a key. A missing section or line is already a parse error.

use super::parse::error_at;
use super::schema::{KEY, KEYED};
use super::{Content, ContentError, WORDS_FILE};

/// The longest line a screen is given: the strain advice, the longest built-in line,
/// is under 200.
const LONGEST_LINE: usize = 300;

pub fn check_words(content: &Content, errors: &mut Vec<ContentError>) {
    let Some(source) = content.sources.iter().find(|s| s.file_name == WORDS_FILE) else {
        return;
    };
    // A file that did not parse has no lines to check; its own error says enough.
    if errors.iter().any(|e| e.file == source.label) {
        return;
    }
    for (section, line, text) in content.words.lines() {
        if text.trim().is_empty() {
            errors.push(error_at(
                source,
                text.at(),
                format!("[{section}] {line} is empty; write the words to show here"),
            ));
            continue;
        }
        // A line is shown on a screen as it is: it may not steer the terminal, and it
        // must leave room for the rest of the screen.
        if text.chars().any(char::is_control) {
            errors.push(error_at(
                source,
                text.at(),
                format!("[{section}] {line} holds a control character; write plain words"),
            ));
            continue;
        }
        if text.chars().count() > LONGEST_LINE {
            errors.push(error_at(
                source,
                text.at(),
                format!("[{section}] {line} is longer than {LONGEST_LINE} characters; say it in fewer words"),
            ));
            continue;
        }
        let keyed = KEYED.contains(&(section, line));
        let keys = text.matches(KEY).count();
        if keyed && keys != 1 {
            errors.push(error_at(
                source,
                text.at(),
                format!("[{section}] {line} shows a key: write {KEY} once, where the key goes"),
            ));
        } else if !keyed && keys > 0 {
            errors.push(error_at(
                source,
                text.at(),
                format!("[{section}] {line} shows no key, so {KEY} would be shown as it is"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::content::{check_sources, ContentError, Source, FILES, WORDS_FILE};

    /// Every error from the built-in content with `words.toml` replaced by `text`.
    fn errors_with(text: &str) -> Vec<ContentError> {
        let sources = FILES
            .iter()
            .map(|(name, builtin)| Source {
                label: format!("content/{name}"),
                file_name: name,
                text: if *name == WORDS_FILE {
                    std::borrow::Cow::Owned(text.to_string())
                } else {
                    std::borrow::Cow::Borrowed(builtin)
                },
                overridden: None,
            })
            .collect();
        check_sources(sources).1
    }

    fn built_in() -> &'static str {
        FILES
            .iter()
            .find(|(n, _)| *n == WORDS_FILE)
            .map(|(_, t)| *t)
            .unwrap_or_default()
    }

    #[test]
    fn a_line_with_an_escape_or_of_a_page_is_refused() {
        let escaped = built_in().replace(
            "greeting_evening = \"Good evening.\"",
            "greeting_evening = \"\\u001b[2JGood evening.\"",
        );
        let errors = errors_with(&escaped);
        assert!(
            errors.iter().any(|e| e
                .message
                .contains("greeting_evening holds a control character")),
            "{errors:?}"
        );
        let long = built_in().replace(
            "greeting_evening = \"Good evening.\"",
            &format!("greeting_evening = \"{}\"", "word ".repeat(100)),
        );
        let errors = errors_with(&long);
        assert!(
            errors
                .iter()
                .any(|e| e.message.contains("greeting_evening is longer than 300")),
            "{errors:?}"
        );
    }

    #[test]
    fn the_built_in_words_are_sound_and_read() {
        assert!(errors_with(built_in()).is_empty());
        let words = crate::content::built_in_words();
        assert_eq!(words.today.greeting(9), "Good morning.");
        assert_eq!(words.today.greeting(23), "Good evening.");
        assert_eq!(words.help_sections.urgent.to_string(), "If life is at risk");
        assert_eq!(
            words.today.no_checkin.around_key(),
            ("No check-in yet today. ", " takes a minute.")
        );
        assert_eq!(
            crate::content::built_in().words.checkin.title.to_string(),
            "Check in"
        );
    }

    #[test]
    fn a_missing_line_fails_the_check_at_its_section() {
        let text = built_in().replace("urgent = \"If life is at risk\"\n", "");
        let errors = errors_with(&text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].message.contains("urgent"), "{errors:?}");
        assert_eq!(errors[0].file, "content/words.toml");
    }

    #[test]
    fn an_empty_line_fails_the_check_at_its_line() {
        let text = built_in().replace("\"One small thing\"", "\"  \"");
        let errors = errors_with(&text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let line = built_in()
            .lines()
            .position(|l| l.starts_with("one_small_thing"))
            .map(|i| i + 1);
        assert_eq!(Some(errors[0].line), line);
        assert!(errors[0]
            .message
            .contains("[today] one_small_thing is empty"));
    }

    #[test]
    fn a_line_that_shows_a_key_needs_its_placeholder() {
        let text = built_in().replace("{key} takes a minute", "c takes a minute");
        let errors = errors_with(&text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].message.contains("no_checkin shows a key"),
            "{errors:?}"
        );
        let text = built_in().replace("\"Good morning.\"", "\"Good {key}.\"");
        let errors = errors_with(&text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].message.contains("shows no key"), "{errors:?}");
    }

    #[test]
    fn an_unknown_line_is_named() {
        let text = built_in().replace("[insights]\n", "[insights]\nstrain_advise = \"x\"\n");
        let errors = errors_with(&text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].message.contains("strain_advise"), "{errors:?}");
    }
}
