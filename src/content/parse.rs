//! Reading one content file. Each `[[kind]]` item is parsed from its own chunk of the
//! file, so one broken item does not hide the problems of the next: `content check`
//! can report every error at once, each at its true line and column.

use std::collections::BTreeMap;
use std::ops::Deref;

use serde::de::DeserializeOwned;

use super::{Content, ContentError, Kind, Source};

/// An item with where it came from: the index of its file in `Content::sources` and
/// the byte offset of its chunk, which item spans are relative to.
#[derive(Debug, Clone)]
pub struct Placed<T> {
    pub item: T,
    pub file: usize,
    pub offset: usize,
}

impl<T> Deref for Placed<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.item
    }
}

/// Parses a chunk holding exactly one `[[kind]]` item.
pub fn one_item<T: DeserializeOwned>(kind: &str, chunk: &str) -> Result<T, toml::de::Error> {
    let mut doc: BTreeMap<String, Vec<T>> = toml::from_str(chunk)?;
    match doc.remove(kind).and_then(|mut items| items.pop()) {
        Some(item) => Ok(item),
        // Only reachable if a header the splitter saw did not make an item.
        None => Err(serde::de::Error::custom(format!(
            "expected one [[{kind}]] item here"
        ))),
    }
}

/// Turns byte offsets into 1-based line and column (in characters).
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

pub fn error_at(source: &Source, offset: usize, message: impl Into<String>) -> ContentError {
    let (line, column) = Lines::new(&source.text).locate(offset);
    ContentError {
        file: source.label.clone(),
        line,
        column,
        message: message.into(),
    }
}

/// A top-level header line: `[[name]]` (or `[name]`, which is a mistake here).
struct Header<'a> {
    name: &'a str,
    double: bool,
}

fn header(line: &str) -> Option<Header<'_>> {
    let line = line.trim();
    let line = match line.find('#') {
        Some(i) if !line[..i].contains('"') => line[..i].trim_end(),
        _ => line,
    };
    let (inner, double) = if let Some(rest) = line.strip_prefix("[[") {
        (rest.strip_suffix("]]")?, true)
    } else {
        (line.strip_prefix('[')?.strip_suffix(']')?, false)
    };
    let name = inner.trim();
    // Dotted headers (`[[template.prompts]]`) belong to the item above them.
    if name.is_empty() || name.contains('.') || name.contains('"') || name.contains('\'') {
        return None;
    }
    Some(Header { name, double })
}

/// `[[name]` or `[name`: a header missing its closing brackets.
fn unclosed_header(line: &str) -> bool {
    let code = line.split('#').next().unwrap_or("").trim_end();
    (code.starts_with("[[") && !code.ends_with("]]"))
        || (code.starts_with('[') && !code.ends_with(']'))
}

/// The text of the item whose chunk starts at `offset`: up to the next top-level header.
pub fn chunk_at(text: &str, offset: usize) -> &str {
    let rest = text.get(offset..).unwrap_or("");
    let mut in_multiline = false;
    let mut end = 0;
    for (n, line) in rest.split_inclusive('\n').enumerate() {
        let was_multiline = in_multiline;
        in_multiline ^= (line.matches("\"\"\"").count() + line.matches("'''").count()) % 2 == 1;
        if n > 0 && !was_multiline && header(line).is_some() {
            break;
        }
        end += line.len();
    }
    &rest[..end]
}

/// Splits a file into its items and parses each one into `content`.
pub fn parse_file(
    content: &mut Content,
    source: &Source,
    index: usize,
    errors: &mut Vec<ContentError>,
) {
    let text: &str = &source.text;
    let kinds: Vec<Kind> = Kind::ALL
        .iter()
        .copied()
        .filter(|k| k.file() == source.file_name)
        .collect();
    let expected = || {
        kinds
            .iter()
            .map(|k| format!("[[{}]]", k.name()))
            .collect::<Vec<_>>()
            .join(", ")
    };

    // (kind, chunk start); None for a header that names no kind of this file.
    let mut chunks: Vec<(Option<Kind>, usize)> = Vec::new();
    let mut in_multiline = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let was_multiline = in_multiline;
        in_multiline ^= (line.matches("\"\"\"").count() + line.matches("'''").count()) % 2 == 1;
        if was_multiline {
            continue;
        }
        let trimmed = line.trim();
        if let Some(h) = header(line) {
            let kind = kinds.iter().copied().find(|k| k.name() == h.name);
            if kind.is_none() {
                errors.push(error_at(
                    source,
                    start + line.find('[').unwrap_or(0),
                    format!(
                        "unknown kind `{}` in {}; expected {}",
                        h.name,
                        source.file_name,
                        expected()
                    ),
                ));
            } else if !h.double {
                errors.push(error_at(
                    source,
                    start + line.find('[').unwrap_or(0),
                    format!(
                        "write `[[{}]]` (an item in a list), not `[{}]`",
                        h.name, h.name
                    ),
                ));
            }
            chunks.push((kind.filter(|_| h.double), start));
        } else if unclosed_header(trimmed) {
            errors.push(error_at(
                source,
                start + (line.len() - line.trim_start().len()),
                "this table header is not closed: write it like [[name]]",
            ));
        } else if chunks.is_empty() && !trimmed.is_empty() && !trimmed.starts_with('#') {
            errors.push(error_at(
                source,
                start + (line.len() - line.trim_start().len()),
                format!("this belongs inside an item; start one with {}", expected()),
            ));
            // Report the stray text once, not once a line.
            chunks.push((None, start));
        }
    }

    for (i, (kind, start)) in chunks.iter().enumerate() {
        let Some(kind) = kind else { continue };
        let end = chunks.get(i + 1).map_or(text.len(), |(_, s)| *s);
        let chunk = &text[*start..end];
        if let Err(e) = content.parse_item(*kind, chunk, index, *start) {
            let at = start + e.span().map_or(0, |s| s.start);
            errors.push(error_at(source, at, tidy(e.message())));
        }
    }
}

/// Reads `words.toml`, which is one document of named lines, not a list of items.
pub fn parse_words(content: &mut Content, source: &Source, errors: &mut Vec<ContentError>) {
    match toml::from_str::<super::schema::Words>(&source.text) {
        Ok(words) => content.words = words,
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            errors.push(error_at(source, at, tidy(e.message())));
        }
    }
}

/// TOML's messages, reworded where they are unclear to someone editing a file by hand.
fn tidy(message: &str) -> String {
    let message = message.trim().trim_end_matches('.');
    message.replace("invalid type:", "wrong type:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_columns_in_characters() {
        let lines = Lines::new("ab\ncdé\nf");
        assert_eq!(lines.locate(0), (1, 1));
        assert_eq!(lines.locate(3), (2, 1));
        assert_eq!(lines.locate(7), (2, 4));
        assert_eq!(lines.locate(8), (3, 1));
    }

    #[test]
    fn headers_are_top_level_tables_only() {
        assert_eq!(header("[[skill]]").map(|h| h.name), Some("skill"));
        assert!(header("[skill]").is_some_and(|h| !h.double));
        assert!(header("[[template.prompts]]").is_none());
        assert!(header("name = \"[x]\"").is_none());
        assert_eq!(header("[[rule]] # a comment").map(|h| h.name), Some("rule"));
    }
}
