//! A form as plain text, to paste field by field into a regulator's online form: no
//! markup, each value after its label, a blank line between records.

use super::{Block, Form};

pub fn render(form: &Form) -> String {
    let mut out = String::new();
    for block in &form.blocks {
        match block {
            Block::Title(text) | Block::Heading(text) => {
                out.push_str(&format!("{text}\n{}\n\n", "=".repeat(text.chars().count())));
            }
            Block::Line(text) => out.push_str(&format!("{text}\n\n")),
            Block::Answer { question, text } => {
                out.push_str(&format!("{question}\n{}\n\n", text.trim()));
            }
            Block::Ticks(ticks) => {
                for (name, ticked) in ticks {
                    out.push_str(&format!("[{}] {name}\n", if *ticked { "x" } else { " " }));
                }
                out.push('\n');
            }
            Block::Table { headers, rows, .. } => {
                for row in rows {
                    for (header, value) in headers.iter().zip(row) {
                        if !value.trim().is_empty() {
                            out.push_str(&format!("{header}: {}\n", value.trim()));
                        }
                    }
                    out.push('\n');
                }
            }
            Block::Fields(fields) => {
                for field in fields {
                    let value = field.value.trim();
                    if value.contains('\n') {
                        out.push_str(&format!("{}:\n{value}\n", field.label));
                    } else {
                        out.push_str(&format!("{}: {value}\n", field.label));
                    }
                }
                out.push('\n');
            }
            Block::PageBreak => out.push('\n'),
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}
