//! The diary as a Markdown document to read: one heading per day, and under it that
//! day's entries and check-ins in time order, every word as written.
//!
//! What a person wrote is text, never Markdown: a line that starts with `#`, `>`, `-`,
//! `+`, `=`, `|`, `:` or `1.` gets a backslash before its marker, and `\`, `` ` ``, `*`,
//! `_`, `~`, `<`, `[`, `]` (and `&` where it would start an entity) get one wherever
//! they are, so a renderer shows them as typed and nothing can start a heading, a
//! rule, a list, a table, a comment or a link definition. Each line break inside a
//! paragraph ends in a backslash (a hard break), and a blank line stays a new
//! paragraph. Leading spaces go, as Markdown would read them as code.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

use super::super::checkin::CheckIn;
use super::super::entry::Entry;

/// One thing that happened on a day, with its local time for ordering.
enum Item<'a> {
    Entry(&'a Entry),
    CheckIn(&'a CheckIn),
}

impl Item<'_> {
    fn at(&self) -> DateTime<FixedOffset> {
        match self {
            Item::Entry(e) => e.created,
            Item::CheckIn(c) => c.at,
        }
    }

    /// The clock time where it was written: days and order follow the person's day.
    fn local(&self) -> NaiveDateTime {
        self.at().naive_local()
    }
}

/// A readable Markdown rendering of entries and check-ins: a heading per day, oldest
/// first. `template_name` names an entry's template for an entry with no title.
pub fn markdown(
    entries: &[Entry],
    checkins: &[CheckIn],
    template_name: impl Fn(&str) -> Option<String>,
) -> String {
    let mut items: Vec<Item<'_>> = entries
        .iter()
        .map(Item::Entry)
        .chain(checkins.iter().map(Item::CheckIn))
        .collect();
    items.sort_by_key(Item::local);
    let mut writer = Markdown::new(template_name);
    let mut out = String::from(writer.start());
    for item in &items {
        out.push_str(&match item {
            Item::Entry(e) => writer.entry(e),
            Item::CheckIn(c) => writer.checkin(c),
        });
    }
    out
}

/// The Markdown document a record at a time, for records already in local time order
/// (as `markdown` sorts them): `start`, then what each call returns, in turn.
pub struct Markdown<F> {
    day: Option<NaiveDate>,
    template_name: F,
}

impl<F: Fn(&str) -> Option<String>> Markdown<F> {
    /// What the document opens with.
    pub fn start(&self) -> &'static str {
        "# Lantern diary\n"
    }

    pub fn new(template_name: F) -> Self {
        Markdown {
            day: None,
            template_name,
        }
    }

    pub fn entry(&mut self, e: &Entry) -> String {
        let mut out = self.day_heading(&Item::Entry(e));
        entry(&mut out, e, &self.template_name);
        out
    }

    pub fn checkin(&mut self, c: &CheckIn) -> String {
        let mut out = self.day_heading(&Item::CheckIn(c));
        checkin(&mut out, c);
        out
    }

    /// A heading when `item` starts a new day.
    fn day_heading(&mut self, item: &Item<'_>) -> String {
        let date = item.local().date();
        if self.day == Some(date) {
            return String::new();
        }
        self.day = Some(date);
        format!("\n## {}\n", date.format("%A %-d %B %Y"))
    }
}

fn entry(out: &mut String, e: &Entry, template_name: &impl Fn(&str) -> Option<String>) {
    let title = e.title.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = if title.is_empty() {
        e.template_id.as_deref().and_then(template_name)
    } else {
        Some(title)
    };
    out.push_str(&format!("\n### {}", e.created.format("%H:%M")));
    if let Some(name) = name {
        out.push_str(&format!(" — {}", heading_text(&name)));
    }
    out.push('\n');
    if !e.tags.is_empty() {
        let tags: Vec<String> = e.tags.iter().map(|t| format!("#{}", inline(t))).collect();
        out.push_str(&format!("\nTags: {}\n", tags.join(" ")));
    }
    push_text(out, &e.body);
    for answer in e.answers.iter().filter(|a| !a.text.trim().is_empty()) {
        out.push_str(&format!("\n#### {}\n", heading_text(&answer.prompt)));
        push_text(out, &answer.text);
    }
}

fn checkin(out: &mut String, c: &CheckIn) {
    let cell = |text: &str| inline(text).replace('|', "\\|");
    let list = |items: &[String]| items.iter().map(|i| cell(i)).collect::<Vec<_>>().join(", ");
    out.push_str(&format!("\n### {} — Check-in\n\n", c.at.format("%H:%M")));
    out.push_str("| kind | pleasantness | energy | stress | system | feelings | tags |\n");
    out.push_str("|---|---|---|---|---|---|---|\n");
    out.push_str(&format!(
        "| {} | {} | {} | {} | {} | {} | {} |\n",
        c.kind.as_str().replace('_', "-"),
        c.pleasantness,
        c.energy,
        c.stress,
        cell(c.system.as_deref().unwrap_or("")),
        list(&c.words),
        list(&c.tags),
    ));
    // A note can run to paragraphs, which no table cell holds: each goes under it.
    for (label, text) in [("Note", &c.note), ("Good moment", &c.good_moment)] {
        if let Some(text) = text.as_deref().filter(|t| !t.trim().is_empty()) {
            out.push_str(&format!("\n#### {label}\n"));
            push_text(out, text);
        }
    }
}

/// Text that must stay on one line: a heading's. A closing `#` would be dropped.
fn heading_text(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    inline(&one_line).replace('#', "\\#")
}

/// A person's words as paragraphs, each preceded by a blank line.
fn push_text(out: &mut String, text: &str) {
    let block = text_block(text);
    if !block.is_empty() {
        out.push('\n');
        out.push_str(&block);
        out.push('\n');
    }
}

/// Paragraphs split at blank lines, lines inside a paragraph joined by hard breaks.
pub fn text_block(text: &str) -> String {
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line_start(&inline(line)));
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
        .iter()
        .map(|p| p.join("\\\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Backslashes before what Markdown reads anywhere on a line.
fn inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '~' | '<' | '[' | ']' => true,
            '&' => starts_entity(&chars[i + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `&amp;`, `&#38;`: what a renderer would turn into another character.
fn starts_entity(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// A backslash before a block marker at the start of a line (already inline-escaped).
fn line_start(line: &str) -> String {
    let first = line.chars().next();
    if matches!(first, Some('#' | '>' | '-' | '+' | '=' | '|' | ':')) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')')) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_breaks_and_markers_stay_text() {
        assert_eq!(text_block("one\ntwo\n\n\nthree"), "one\\\ntwo\n\nthree");
        assert_eq!(
            text_block("# not a heading\n---\n> quote\n1. one\n12) two"),
            "\\# not a heading\\\n\\---\\\n\\> quote\\\n1\\. one\\\n12\\) two"
        );
        assert_eq!(
            text_block("a\\b *c* <!-- [x]"),
            "a\\\\b \\*c\\* \\<!-- \\[x\\]"
        );
        assert_eq!(text_block("A&E &amp;"), "A&E \\&amp;");
        assert_eq!(text_block("  \n \n"), "");
    }

    #[test]
    fn headings_are_one_line_and_keep_a_closing_hash() {
        assert_eq!(heading_text("Room\n#4 #"), "Room \\#4 \\#");
    }
}
