//! A form as Markdown: headings, the answers as paragraphs, ticked themes as task
//! lists, the logs as tables, and a rule where a new page would start.

use super::{Block, Form};

/// A line of the person's own words that Markdown would read as a heading, a quote or
/// a list keeps its first character as written.
fn paragraph(text: &str) -> String {
    text.lines()
        .map(|line| {
            let trimmed = line.trim_start();
            match trimmed.chars().next() {
                Some('#' | '>' | '-' | '+' | '*' | '|' | '=') => {
                    let indent = &line[..line.len() - trimmed.len()];
                    format!("{indent}\\{trimmed}")
                }
                _ => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.trim().lines().enumerate() {
        if n > 0 {
            out.push_str("<br>");
        }
        out.push_str(&line.replace('\\', "\\\\").replace('|', "\\|"));
    }
    out
}

pub fn render(form: &Form) -> String {
    let mut out = String::new();
    for block in &form.blocks {
        match block {
            Block::Title(text) => out.push_str(&format!("# {text}\n\n")),
            Block::Heading(text) => out.push_str(&format!("## {text}\n\n")),
            Block::Line(text) => out.push_str(&format!("{text}\n\n")),
            Block::Answer { question, text } => {
                out.push_str(&format!("**{question}**\n\n{}\n\n", paragraph(text)));
            }
            Block::Ticks(ticks) => {
                for (name, ticked) in ticks {
                    out.push_str(&format!("- [{}] {name}\n", if *ticked { "x" } else { " " }));
                }
                out.push('\n');
            }
            Block::Table { headers, rows, .. } => {
                let head: Vec<String> = headers.iter().map(|h| cell(h)).collect();
                out.push_str(&format!("| {} |\n", head.join(" | ")));
                out.push_str(&format!("|{}\n", " --- |".repeat(headers.len())));
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                    out.push_str(&format!("| {} |\n", cells.join(" | ")));
                }
                out.push('\n');
            }
            Block::Fields(fields) => {
                for field in fields {
                    let value = paragraph(field.value.trim()).replace('\n', "  \n");
                    out.push_str(&format!("**{}:** {value}  \n", field.label));
                }
                out.push('\n');
            }
            Block::PageBreak => out.push_str("---\n\n"),
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}
