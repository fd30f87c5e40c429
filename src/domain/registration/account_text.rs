//! A reflective account in the editor: the body's questions as headings, and, when it
//! starts from a diary entry, that entry's words above them as hints. Hints are
//! dropped when the text is read back, so nothing of the entry is kept unless the
//! person writes or copies it under a question themselves.

use std::collections::BTreeMap;

use crate::content::schema::Body;
use crate::domain::editor_text;
use crate::domain::entry::Entry;

type Prompts = Vec<(String, String, Option<String>)>;

/// The body's account questions as editor prompts.
pub fn prompts(body: &Body) -> Prompts {
    body.questions
        .iter()
        .map(|q| (q.id.as_ref().clone(), q.text.clone(), None))
        .collect()
}

/// A line of the entry as a hint: it cannot close the hint early.
fn hint(line: &str) -> String {
    format!("<!-- {} -->\n", line.replace("-->", "->"))
}

/// The blank account to edit, with `entry`'s words offered above the questions.
pub fn render(body: &Body, title: &str, entry: Option<&Entry>) -> String {
    let mut out = format!("Title: {title}\n\n");
    if let Some(entry) = entry {
        out.push_str(&hint(
            "Your entry's words, to draw on. They stay in your diary: only what you write \
             under a question below goes into the account.",
        ));
        let mut lines: Vec<String> = entry.body.lines().map(str::to_string).collect();
        for answer in entry.answers.iter().filter(|a| !a.text.trim().is_empty()) {
            lines.push(format!("[{}]", answer.prompt));
            lines.extend(answer.text.lines().map(str::to_string));
        }
        for line in lines.iter().filter(|l| !l.trim().is_empty()) {
            out.push_str(&hint(line));
        }
        out.push('\n');
    }
    for (_, text, _) in prompts(body) {
        out.push_str(&format!("## {text}\n\n"));
    }
    out
}

/// The title and answers written, by question id; empty answers are left out.
pub fn parse(body: &Body, text: &str) -> (String, BTreeMap<String, String>) {
    let written = editor_text::parse(text, &prompts(body));
    let answers = written
        .answers
        .into_iter()
        .filter(|a| !a.text.trim().is_empty())
        .map(|a| (a.prompt_id, a.text.trim().to_string()))
        .collect();
    (written.title, answers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entry::Answer;

    fn nmc() -> Body {
        crate::content::built_in()
            .bodies
            .iter()
            .find(|b| b.id.as_ref() == "nmc")
            .map(|p| p.item.clone())
            .expect("the NMC body") // ok: test
    }

    fn entry() -> Entry {
        let at = chrono::DateTime::parse_from_rfc3339("2026-03-01T10:00:00+00:00").expect("a time"); // ok: test
        Entry {
            id: 7,
            uid: "u".into(),
            template_id: None,
            title: "Visit".into(),
            body: "A long visit --> with tea.".into(),
            answers: vec![Answer {
                prompt_id: "learnt".into(),
                prompt: "What did I learn?".into(),
                text: "Slow down.".into(),
            }],
            tags: vec![],
            created: at,
            updated: at,
        }
    }

    #[test]
    fn the_entry_is_offered_as_hints_above_every_question() {
        let body = nmc();
        let text = render(&body, "Visit", Some(&entry()));
        assert!(text.starts_with("Title: Visit\n"), "{text}");
        assert!(
            text.contains("<!-- A long visit -> with tea. -->"),
            "{text}"
        );
        assert!(
            text.contains("<!-- [What did I learn?] -->\n<!-- Slow down. -->"),
            "{text}"
        );
        for q in &body.questions {
            assert!(text.contains(&format!("## {}\n", q.text)), "{text}");
        }
    }

    #[test]
    fn read_back_untouched_it_keeps_nothing_of_the_entry() {
        let body = nmc();
        let (title, answers) = parse(&body, &render(&body, "Visit", Some(&entry())));
        assert_eq!(title, "Visit");
        assert!(answers.is_empty(), "{answers:?}");
    }

    #[test]
    fn what_is_written_under_a_question_is_its_answer() {
        let body = nmc();
        let mut text = render(&body, "", None);
        text = text.replace(
            "## What did you take from it?\n",
            "## What did you take from it?\nTo pause first.\n",
        );
        let (_, answers) = parse(&body, &text);
        assert_eq!(answers.len(), 1);
        assert_eq!(answers["what-learnt"], "To pause first.");
    }
}
