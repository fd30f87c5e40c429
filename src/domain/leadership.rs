//! The compassionate-leadership tools as guided reflections. Each tool in the content
//! (a table to fill in, a checklist, questions through four lenses) and the seven
//! dimensions become a diary template, so a supervisor's reflections are saved as
//! entries, found by search, and read back with their questions.

use toml::Spanned;

use crate::content::schema::{Prompt, Template, ToolForm};
use crate::content::Content;

fn located(text: String) -> Spanned<String> {
    Spanned::new(0..0, text)
}

fn prompt(id: String, text: String, hint: Option<String>) -> Prompt {
    Prompt {
        id: located(id),
        text,
        hint,
    }
}

/// Templates for the leaders' tools, after the content's own. Their ids start with
/// `leader-`, so they never clash with a content template.
pub fn templates(content: &Content) -> Vec<Template> {
    let mut out = Vec::new();
    for tool in &content.tools {
        let prompts = match tool.form {
            ToolForm::Table => tool
                .rows
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    prompt(
                        format!("row-{}", i + 1),
                        row.clone(),
                        Some(tool.columns.join(" · ")),
                    )
                })
                .collect(),
            ToolForm::Checklist | ToolForm::Questions => tool
                .sections
                .iter()
                .enumerate()
                .flat_map(|(s, section)| {
                    section.questions.iter().enumerate().map(move |(q, text)| {
                        prompt(
                            format!("s{}-q{}", s + 1, q + 1),
                            text.clone(),
                            Some(section.name.clone()),
                        )
                    })
                })
                .collect(),
        };
        out.push(Template {
            id: located(format!("leader-{}", tool.id.as_ref())),
            name: tool.name.clone(),
            summary: tool.summary.clone(),
            when: Some("for supervisors and leaders".into()),
            tags: vec!["leadership".into()],
            prompts,
            related: Vec::new(),
            source: tool.source.clone(),
        });
    }
    if !content.dimensions.is_empty() {
        out.push(Template {
            id: located("leader-seven-dimensions".into()),
            name: "The seven dimensions of compassionate leadership".into(),
            summary: "Reflect on each dimension in turn: where you are now, and one small step."
                .into(),
            when: Some("for supervisors and leaders".into()),
            tags: vec!["leadership".into()],
            prompts: content
                .dimensions
                .iter()
                .map(|d| {
                    let text = d
                        .questions
                        .first()
                        .cloned()
                        .unwrap_or_else(|| d.name.clone());
                    prompt(d.id.as_ref().clone(), text, Some(d.name.clone()))
                })
                .collect(),
            related: Vec::new(),
            source: content
                .dimensions
                .first()
                .map_or(String::new(), |d| d.source.clone()),
        });
    }
    out
}

/// A template by id, whether the content's or a leaders' tool.
pub fn find(content: &Content, id: &str) -> Option<Template> {
    content
        .template(id)
        .cloned()
        .or_else(|| templates(content).into_iter().find(|t| t.id.as_ref() == id))
}

/// Every template to write with: the content's, then the leaders' tools.
pub fn all_templates(content: &Content) -> Vec<Template> {
    let mut all: Vec<Template> = content.templates.iter().map(|t| t.item.clone()).collect();
    all.extend(templates(content));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tool_and_the_dimensions_become_templates_with_prompts() {
        let content = crate::content::built_in();
        let t = templates(&content);
        assert_eq!(t.len(), content.tools.len() + 1);
        assert!(t
            .iter()
            .all(|t| !t.prompts.is_empty() && t.id.as_ref().starts_with("leader-")));
        let benchmark = t
            .iter()
            .find(|t| t.id.as_ref() == "leader-benchmarking-tool")
            .expect("benchmarking tool"); // ok: test
        assert_eq!(
            benchmark.prompts.len(),
            content
                .tools
                .iter()
                .find(|t| t.id.as_ref() == "benchmarking-tool")
                .map_or(0, |t| t.rows.len())
        );
    }
}
