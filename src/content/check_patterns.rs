//! Checks for the confidentiality patterns: each regex compiles (a bad one is named by
//! the line and column of the mistake), each `check` names a rule the code has, and a
//! pattern without a regex is the watch list's.

use super::parse::error_at;
use super::schema::PATTERN_CHECKS;
use super::{Content, ContentError};

pub fn check_patterns(content: &Content, errors: &mut Vec<ContentError>) {
    for placed in &content.patterns {
        let Some(source) = content.sources.get(placed.file) else {
            continue;
        };
        let pattern = &placed.item;
        let id = pattern.id.as_ref();
        let check = pattern.check.as_ref().map(|c| c.as_ref().as_str());
        if let Some(check_name) = &pattern.check {
            if !PATTERN_CHECKS.contains(&check_name.as_ref().as_str()) {
                errors.push(error_at(
                    source,
                    placed.offset + check_name.span().start,
                    format!(
                        "pattern `{id}` names check `{}`, which Lantern does not have \
                         (it has: {})",
                        check_name.as_ref(),
                        PATTERN_CHECKS.join(", ")
                    ),
                ));
            }
        }
        match &pattern.regex {
            None if check != Some("watch") => errors.push(error_at(
                source,
                placed.offset + pattern.id.span().start,
                format!("pattern `{id}` needs a `regex` (only a `watch` check goes without)"),
            )),
            None => {}
            Some(regex) => {
                if let Some((at, problem)) = regex_problem(regex.as_ref()) {
                    // The value's span starts at its opening quote; single-quoted
                    // strings keep every character, so the offset maps straight back.
                    let offset = placed.offset + regex.span().start + 1 + at;
                    errors.push(error_at(
                        source,
                        offset,
                        format!("pattern `{id}` has a regex that does not compile: {problem}"),
                    ));
                }
            }
        }
        if pattern.placeholder.trim().is_empty() {
            errors.push(error_at(
                source,
                placed.offset + pattern.id.span().start,
                format!("pattern `{id}` needs a `placeholder` to put in place of what it finds"),
            ));
        }
    }
}

/// Where in `regex` (a byte offset) it goes wrong, and how, if it does.
fn regex_problem(regex: &str) -> Option<(usize, String)> {
    if let Err(error) = regex_syntax::ast::parse::Parser::new().parse(regex) {
        return Some((error.span().start.offset, error.kind().to_string()));
    }
    match regex::Regex::new(regex) {
        Ok(_) => None,
        Err(regex::Error::CompiledTooBig(_)) => Some((0, "it is too large".into())),
        Err(_) => Some((0, "it is not a valid pattern".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::regex_problem;

    #[test]
    fn a_bad_regex_is_placed_where_it_goes_wrong() {
        assert_eq!(regex_problem(r"\d{3}"), None);
        let (at, problem) = regex_problem(r"ab(cd").expect("unclosed group"); // ok: test
        assert_eq!(at, 2);
        assert!(problem.contains("unclosed"), "{problem}");
        assert!(regex_problem(r"\p{Nope}").is_some());
    }
}
