//! A form as a Word document (.docx): the layout the regulators' own templates use,
//! so a reflective account can be handed in as it is or pasted into theirs. Built in
//! memory and written whole by `files`.

use docx_rs::{
    BreakType, Docx, Paragraph, Run, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use crate::domain::forms::{Block, Form};

/// The usable width of an A4 page with Word's usual margins, in twentieths of a point.
const PAGE_WIDTH: usize = 9026;

/// Characters XML 1.0 cannot hold, even escaped, would make the file unreadable: a
/// stray control character pasted into an answer becomes a space.
fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' => c,
            c if c.is_control() => ' ',
            '\u{FFFE}' | '\u{FFFF}' => ' ',
            c => c,
        })
        .collect()
}

fn run(text: &str) -> Run {
    Run::new().add_text(xml_safe(text))
}

/// One paragraph per line of the person's words, so their line breaks survive.
fn paragraphs(text: &str) -> Vec<Paragraph> {
    let text = text.trim();
    if text.is_empty() {
        return vec![Paragraph::new()];
    }
    text.lines()
        .map(|line| Paragraph::new().add_run(run(line)))
        .collect()
}

fn styles(docx: Docx) -> Docx {
    docx.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .size(36)
            .bold(),
    )
    .add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("Heading 1")
            .size(28)
            .bold()
            .outline_lvl(0),
    )
    .add_style(
        Style::new("Question", StyleType::Paragraph)
            .name("Question")
            .bold(),
    )
}

fn table(headers: &[String], rows: &[Vec<String>]) -> Table {
    let columns = headers.len().max(1);
    let width = PAGE_WIDTH / columns;
    let cell = |text: &str, bold: bool| {
        let mut cell = TableCell::new().width(width, WidthType::Dxa);
        if bold {
            cell = cell.add_paragraph(Paragraph::new().add_run(run(text).bold()));
        } else {
            for p in paragraphs(text) {
                cell = cell.add_paragraph(p);
            }
        }
        cell
    };
    let mut out = vec![TableRow::new(
        headers.iter().map(|h| cell(h, true)).collect(),
    )];
    for row in rows {
        out.push(TableRow::new(row.iter().map(|c| cell(c, false)).collect()));
    }
    Table::new(out)
        .set_grid(vec![width; columns])
        .width(PAGE_WIDTH, WidthType::Dxa)
}

/// The document's bytes. Fails only if the zip cannot be written in memory.
pub fn render(form: &Form) -> anyhow::Result<Vec<u8>> {
    let mut docx = styles(Docx::new());
    let mut page_break = false;
    // A page break is carried by the next paragraph, so none is left dangling at the end.
    let start = |p: Paragraph, page_break: &mut bool| {
        let p = if *page_break {
            p.page_break_before(true)
        } else {
            p
        };
        *page_break = false;
        p
    };
    for block in &form.blocks {
        match block {
            Block::Title(text) => {
                docx = docx.add_paragraph(start(
                    Paragraph::new().style("Title").add_run(run(text)),
                    &mut page_break,
                ));
            }
            Block::Heading(text) => {
                docx = docx.add_paragraph(start(
                    Paragraph::new().style("Heading1").add_run(run(text)),
                    &mut page_break,
                ));
            }
            Block::Line(text) => {
                docx = docx.add_paragraph(start(
                    Paragraph::new().add_run(run(text).italic()),
                    &mut page_break,
                ));
            }
            Block::Answer { question, text } => {
                docx = docx.add_paragraph(start(
                    Paragraph::new()
                        .style("Question")
                        .add_run(run(question).bold()),
                    &mut page_break,
                ));
                for p in paragraphs(text) {
                    docx = docx.add_paragraph(p);
                }
                docx = docx.add_paragraph(Paragraph::new());
            }
            Block::Ticks(ticks) => {
                for (name, ticked) in ticks {
                    let mark = if *ticked { "\u{2612}" } else { "\u{2610}" };
                    docx = docx.add_paragraph(start(
                        Paragraph::new().add_run(run(&format!("{mark} {name}"))),
                        &mut page_break,
                    ));
                }
            }
            Block::Table { headers, rows, .. } => {
                if page_break {
                    docx = docx.add_paragraph(start(Paragraph::new(), &mut page_break));
                }
                docx = docx.add_table(table(headers, rows));
                docx = docx.add_paragraph(Paragraph::new());
            }
            Block::Fields(fields) => {
                for field in fields {
                    let lines: Vec<&str> = field.value.trim().lines().collect();
                    let mut p = Paragraph::new().add_run(run(&format!("{}: ", field.label)).bold());
                    for (n, line) in lines.iter().enumerate() {
                        let mut r = run(line);
                        if n > 0 {
                            r = Run::new()
                                .add_break(BreakType::TextWrapping)
                                .add_text(xml_safe(line));
                        }
                        p = p.add_run(r);
                    }
                    docx = docx.add_paragraph(start(p, &mut page_break));
                }
                docx = docx.add_paragraph(Paragraph::new());
            }
            Block::PageBreak => page_break = true,
        }
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|e| anyhow::anyhow!("could not lay out the document: {e}"))?;
    Ok(bytes.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_the_xml() {
        assert_eq!(xml_safe("a\u{1}b\u{7f}c\td\ne"), "a b c\td\ne");
    }
}
