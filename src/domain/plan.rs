//! My compassionate resilience plan: the sections come from content (`plan.toml`), the
//! words are the user's. Every change is kept; the plan exports to Markdown.

use chrono::{DateTime, FixedOffset, Utc};

use crate::content::schema::PlanSection;
use crate::content::{Content, Kind};

/// The current words of one section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanText {
    pub section_id: String,
    pub text: String,
    pub updated: DateTime<Utc>,
}

/// An earlier version of a section: its words, and when the section changed to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanVersion {
    pub text: String,
    pub changed: DateTime<Utc>,
}

/// The plan's sections in content order.
pub fn sections(content: &Content) -> Vec<&PlanSection> {
    content.sections.iter().map(|p| &p.item).collect()
}

/// Finds a section by its id (`plan-warning-signs`), its number (`4`), or a word that
/// only one id contains (`warning`).
pub fn find_section<'a>(sections: &[&'a PlanSection], word: &str) -> Option<&'a PlanSection> {
    let word = word.trim().to_lowercase();
    if word.is_empty() {
        return None;
    }
    if let Some(s) = sections.iter().find(|s| s.id.as_ref() == &word) {
        return Some(s);
    }
    if let Ok(n) = word.parse::<u32>() {
        return sections.iter().find(|s| s.number == Some(n)).copied();
    }
    let mut containing = sections.iter().filter(|s| s.id.as_ref().contains(&word));
    match (containing.next(), containing.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// The kind whose items a section offers to pick from, if it names a real one.
pub fn pick_kind(section: &PlanSection) -> Option<Kind> {
    let name = section.pick_from.as_deref()?;
    Kind::ALL.iter().copied().find(|k| k.name() == name)
}

/// The lines a section offers to pick from: the titles of its `pick_from` kind's items.
pub fn pick_options(content: &Content, section: &PlanSection) -> Vec<String> {
    pick_kind(section)
        .map(|kind| {
            content
                .list(&[kind])
                .into_iter()
                .map(|(_, _, title)| title)
                .collect()
        })
        .unwrap_or_default()
}

fn bullet(line: &str) -> String {
    format!("- {}", line.trim())
}

/// Whether `text` already holds `line` as a bullet.
pub fn has_line(text: &str, line: &str) -> bool {
    let wanted = bullet(line);
    text.lines().any(|l| l.trim() == wanted)
}

/// `text` with `line` added as a bullet at the end, unless it is there already.
pub fn add_line(text: &str, line: &str) -> String {
    if line.trim().is_empty() || has_line(text, line) {
        return text.to_string();
    }
    let mut out = text.trim_end().to_string();
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&bullet(line));
    out
}

/// `text` without the bullet for `line`.
pub fn remove_line(text: &str, line: &str) -> String {
    let wanted = bullet(line);
    text.lines()
        .filter(|l| l.trim() != wanted)
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_hint(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

/// The text handed to an editor: the section's name, what to write, its questions and
/// any lines to pick from, as hints (dropped again on reading back), then the current
/// words.
pub fn editor_text(section: &PlanSection, current: &str, options: &[String]) -> String {
    let mut out = format!(
        "<!-- {} -->\n<!-- {} -->\n",
        section.name,
        section.summary.trim()
    );
    for q in &section.questions {
        out.push_str(&format!("<!-- {q} -->\n"));
    }
    if !options.is_empty() {
        out.push_str("<!-- Lines you could copy below, or write your own: -->\n");
        for o in options {
            out.push_str(&format!("<!-- {} -->\n", bullet(o)));
        }
    }
    out.push('\n');
    if !current.trim().is_empty() {
        out.push_str(current.trim_end());
        out.push('\n');
    }
    out
}

/// Reads back what was written: hints dropped, outer blank lines trimmed.
pub fn from_editor(text: &str) -> String {
    let kept: Vec<&str> = text.lines().filter(|l| !is_hint(l)).collect();
    kept.join("\n").trim().to_string()
}

/// The whole plan as Markdown: every section in content order, with its words or,
/// where none are written yet, what belongs there.
pub fn markdown(
    sections: &[&PlanSection],
    written: &[PlanText],
    exported: DateTime<FixedOffset>,
) -> String {
    let mut out = format!(
        "# My compassionate resilience plan\n\n_Written with Lantern; exported {}._\n",
        exported.format("%-d %B %Y")
    );
    for section in sections {
        out.push_str(&format!("\n## {}\n\n", section.name));
        let text = written
            .iter()
            .find(|w| w.section_id == *section.id.as_ref())
            .map(|w| w.text.trim())
            .filter(|t| !t.is_empty());
        match text {
            Some(text) => {
                out.push_str(text);
                out.push('\n');
            }
            None => out.push_str(&format!("_Still to write: {}_\n", section.summary.trim())),
        }
    }
    // Sections the content no longer has keep their words too.
    for w in written {
        if !sections.iter().any(|s| *s.id.as_ref() == w.section_id) && !w.text.trim().is_empty() {
            out.push_str(&format!("\n## {}\n\n{}\n", w.section_id, w.text.trim()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::built_in;

    #[test]
    fn the_built_in_plan_has_its_seven_sections_in_order() {
        let c = built_in();
        let s = sections(&c);
        assert_eq!(s.len(), 7);
        assert_eq!(s[0].id.as_ref(), "plan-values");
        assert_eq!(s[3].id.as_ref(), "plan-warning-signs");
        for section in &s {
            if section.pick_from.is_some() {
                assert!(pick_kind(section).is_some(), "{}", section.id.as_ref());
                assert!(!pick_options(&c, section).is_empty());
            }
        }
    }

    #[test]
    fn sections_are_found_by_id_number_or_word() {
        let c = built_in();
        let s = sections(&c);
        let id = |w: &str| find_section(&s, w).map(|s| s.id.as_ref().clone());
        assert_eq!(id("plan-strengths").as_deref(), Some("plan-strengths"));
        assert_eq!(id("4").as_deref(), Some("plan-warning-signs"));
        assert_eq!(id("Warning").as_deref(), Some("plan-warning-signs"));
        assert_eq!(id("plan"), None, "more than one section matches");
        assert_eq!(id("9"), None);
        assert_eq!(id(""), None);
    }

    #[test]
    fn picked_lines_are_added_once_and_removed() {
        let t = add_line("", "Tired all the time");
        assert_eq!(t, "- Tired all the time");
        let t = add_line(&t, "Tired all the time");
        assert_eq!(t, "- Tired all the time");
        let t = add_line("My own words\n\n", "Snappy");
        assert_eq!(t, "My own words\n- Snappy");
        assert!(has_line(&t, "Snappy"));
        assert_eq!(remove_line(&t, "Snappy"), "My own words");
    }

    #[test]
    fn editor_hints_are_dropped_on_reading_back() {
        let c = built_in();
        let s = sections(&c);
        let options = vec!["Compassion".to_string()];
        let text = editor_text(s[0], "I care about families.\n", &options);
        assert!(text.contains("<!-- - Compassion -->"));
        assert!(text.contains("<!-- My values"));
        assert_eq!(from_editor(&text), "I care about families.");
        assert_eq!(from_editor(&editor_text(s[0], "", &[])), "");
    }

    #[test]
    fn markdown_has_every_section_in_order() {
        let c = built_in();
        let s = sections(&c);
        let now = DateTime::parse_from_rfc3339("2025-03-04T10:00:00+00:00").expect("date"); // ok: literal
        let written = vec![
            PlanText {
                section_id: "plan-strengths".into(),
                text: "Calm in a crisis.".into(),
                updated: now.with_timezone(&Utc),
            },
            PlanText {
                section_id: "gone".into(),
                text: "Kept anyway.".into(),
                updated: now.with_timezone(&Utc),
            },
        ];
        let md = markdown(&s, &written, now);
        assert!(md.starts_with("# My compassionate resilience plan"));
        assert!(md.contains("exported 4 March 2025"));
        let values = md.find("## My values").expect("values"); // ok: test
        let strengths = md
            .find("## My strengths\n\nCalm in a crisis.\n")
            .expect("strengths"); // ok: test
        assert!(values < strengths);
        assert!(md.contains("_Still to write:"));
        assert!(md.contains("## gone\n\nKept anyway."));
    }
}
