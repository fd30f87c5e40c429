//! The plain-text layout of an entry in an external editor, and reading it back:
//!
//! ```text
//! Title: A hard Tuesday
//! Tags: caseload, team
//!
//! (free writing here)
//!
//! ## What did you expect to happen?
//! (your answer)
//! ```
//!
//! Each `## ` heading that matches one of the template's prompts starts its answer;
//! anything before the first heading is the body. Lines `<!-- … -->` are hints and
//! are dropped.

use crate::content::schema::Template;

use super::entry::Answer;

/// What a person wrote, read back from the editor's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    pub title: String,
    pub tags: Vec<String>,
    pub body: String,
    pub answers: Vec<Answer>,
}

/// The prompts an entry is written against: its template's, then any answered
/// prompts the template no longer has, so nothing already written is lost.
pub fn prompts_for(
    template: Option<&Template>,
    answers: &[Answer],
) -> Vec<(String, String, Option<String>)> {
    let mut prompts: Vec<(String, String, Option<String>)> = template
        .map(|t| {
            t.prompts
                .iter()
                .map(|p| (p.id.as_ref().clone(), p.text.clone(), p.hint.clone()))
                .collect()
        })
        .unwrap_or_default();
    for answer in answers {
        if !prompts.iter().any(|(id, _, _)| id == &answer.prompt_id) {
            prompts.push((answer.prompt_id.clone(), answer.prompt.clone(), None));
        }
    }
    prompts
}

/// Lays out an entry (or a blank template) for editing.
pub fn render(prompts: &[(String, String, Option<String>)], written: &Written) -> String {
    let mut out = format!(
        "Title: {}\nTags: {}\n\n",
        written.title,
        written.tags.join(", ")
    );
    if !written.body.trim().is_empty() {
        out.push_str(written.body.trim_end());
        out.push_str("\n\n");
    }
    for (id, text, hint) in prompts {
        out.push_str(&format!("## {text}\n"));
        if let Some(hint) = hint {
            out.push_str(&format!("<!-- {hint} -->\n"));
        }
        if let Some(answer) = written.answers.iter().find(|a| &a.prompt_id == id) {
            if !answer.text.trim().is_empty() {
                out.push_str(answer.text.trim_end());
                out.push('\n');
            }
        }
        out.push('\n');
    }
    out
}

fn is_hint(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

/// Reads an edited text back. Headings are matched to prompts by their wording.
pub fn parse(text: &str, prompts: &[(String, String, Option<String>)]) -> Written {
    let mut written = Written::default();
    let mut lines = text.lines().peekable();
    // The header: `Title:` and `Tags:` lines, in any order, before anything else.
    while let Some(line) = lines.peek() {
        if let Some(title) = strip_label(line, "title:") {
            written.title = title.trim().to_string();
        } else if let Some(tags) = strip_label(line, "tags:") {
            written.tags = super::checkin::normalise_tags(tags.split([',', ' ']));
        } else {
            break;
        }
        lines.next();
    }
    let mut body = String::new();
    let mut answers: Vec<(usize, String)> = Vec::new();
    for line in lines {
        if let Some(heading) = line.strip_prefix("## ") {
            if let Some(index) = prompts
                .iter()
                .position(|(_, text, _)| text.trim() == heading.trim())
            {
                answers.push((index, String::new()));
                continue;
            }
        }
        if is_hint(line) {
            continue;
        }
        let target = match answers.last_mut() {
            Some((_, text)) => text,
            None => &mut body,
        };
        target.push_str(line);
        target.push('\n');
    }
    written.body = body.trim().to_string();
    for (index, text) in answers {
        let text = text.trim().to_string();
        if text.is_empty() {
            continue;
        }
        let (id, prompt, _) = &prompts[index];
        match written.answers.iter_mut().find(|a| &a.prompt_id == id) {
            Some(existing) => {
                existing.text.push_str("\n\n");
                existing.text.push_str(&text);
            }
            None => written.answers.push(Answer {
                prompt_id: id.clone(),
                prompt: prompt.clone(),
                text,
            }),
        }
    }
    written
}

fn strip_label<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let lower = line.get(..label.len())?.to_lowercase();
    (lower == label).then(|| &line[label.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prompts() -> Vec<(String, String, Option<String>)> {
        vec![
            (
                "expect".into(),
                "What did you expect?".into(),
                Some("Take your time.".into()),
            ),
            ("happened".into(), "What happened?".into(), None),
        ]
    }

    #[test]
    fn a_blank_template_reads_back_as_nothing_written() {
        let text = render(&prompts(), &Written::default());
        assert_eq!(parse(&text, &prompts()), Written::default());
    }

    #[test]
    fn answers_body_title_and_tags_round_trip() {
        let written = Written {
            title: "A long day".into(),
            tags: vec!["caseload".into(), "team".into()],
            body: "Some free words.\n\nA second paragraph — with é and 🌿.".into(),
            answers: vec![Answer {
                prompt_id: "happened".into(),
                prompt: "What happened?".into(),
                text: "The visit ran over.\n## not a prompt heading".into(),
            }],
        };
        let text = render(&prompts(), &written);
        assert_eq!(parse(&text, &prompts()), written);
    }
}
