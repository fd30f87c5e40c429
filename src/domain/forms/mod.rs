//! Evidence laid out the way a regulator's forms ask for it: a small document model
//! (headings, the person's answers, ticked themes, tables, fields, page breaks) built
//! from the records, checked for identifying details, and written out as Markdown,
//! plain text or DOCX by the renderers. Pure: nothing here touches the disk.

pub mod markdown;
pub mod plain;
mod revalidation;
mod swe;
#[cfg(test)]
mod tests;

pub use revalidation::revalidation_form;
pub use swe::cpd_form;

use super::confidentiality::{check_text, redact, Detectors, Finding};

/// One piece of a form. Text that is the person's own (answers, table cells they
/// wrote, field values) is checked before it is shared; headings and dates are not.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's title, once at the top.
    Title(String),
    /// A section or page heading.
    Heading(String),
    /// A fixed line: dates, a source, a total.
    Line(String),
    /// A question and the person's answer.
    Answer { question: String, text: String },
    /// Each theme of a code, ticked or not.
    Ticks(Vec<(String, bool)>),
    /// A table; `checked[c]` says whether column `c` holds the person's words.
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
        checked: Vec<bool>,
    },
    /// Labelled values, one a line.
    Fields(Vec<Field>),
    /// The next block starts a new page (a new record, in plain text).
    PageBreak,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub label: String,
    pub value: String,
    /// The value is the person's own words, so it is checked. A name the form asks
    /// for (the registrant one reflected with) is not.
    pub checked: bool,
}

impl Field {
    pub fn said(label: &str, value: impl Into<String>) -> Field {
        Field {
            label: label.into(),
            value: value.into(),
            checked: true,
        }
    }

    pub fn fixed(label: &str, value: impl Into<String>) -> Field {
        Field {
            label: label.into(),
            value: value.into(),
            checked: false,
        }
    }
}

/// A whole document, in reading order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Form {
    pub blocks: Vec<Block>,
}

/// Where in a form a piece of checked text sits: its block, and the part of the block
/// (a table cell counts rows then columns; a field its index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub block: usize,
    pub part: usize,
}

/// A detail found in a form, where it is, and what the text around it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormFinding {
    pub place: Place,
    /// Where the text is, in words, to show the person.
    pub label: String,
    pub finding: Finding,
}

impl Form {
    /// Every piece of the person's own words, in reading order, with its place and
    /// where it is in words ("Reflective account 1 of 2, answer 3").
    pub fn checked_texts(&self) -> Vec<(Place, String, &str)> {
        let mut out = Vec::new();
        let mut heading = "";
        let mut answers = 0;
        for (block, item) in self.blocks.iter().enumerate() {
            match item {
                Block::Title(text) | Block::Heading(text) => {
                    heading = text;
                    answers = 0;
                }
                Block::Answer { text, .. } => {
                    answers += 1;
                    let label = format!("{heading}, answer {answers}");
                    out.push((Place { block, part: 0 }, label, text.as_str()));
                }
                Block::Table {
                    headers,
                    rows,
                    checked,
                } => {
                    let columns = headers.len().max(1);
                    for (r, row) in rows.iter().enumerate() {
                        for (c, cell) in row.iter().enumerate() {
                            if checked.get(c).copied().unwrap_or(true) {
                                let column = headers.get(c).map_or("", String::as_str);
                                let label = format!("{heading}, row {}, {column}", r + 1);
                                let place = Place {
                                    block,
                                    part: r * columns + c,
                                };
                                out.push((place, label, cell.as_str()));
                            }
                        }
                    }
                }
                Block::Fields(fields) => {
                    for (part, field) in fields.iter().enumerate() {
                        if field.checked {
                            let place = Place { block, part };
                            let label = format!("{heading}, {}", field.label);
                            out.push((place, label, field.value.as_str()));
                        }
                    }
                }
                Block::Line(_) | Block::Ticks(_) | Block::PageBreak => {}
            }
        }
        out
    }

    /// The text at `place`, if it is a checked piece of this form.
    pub fn text_at(&self, place: Place) -> Option<&str> {
        self.checked_texts()
            .into_iter()
            .find(|(p, _, _)| *p == place)
            .map(|(_, _, text)| text)
    }

    fn text_mut(&mut self, place: Place) -> Option<&mut String> {
        match self.blocks.get_mut(place.block)? {
            Block::Answer { text, .. } if place.part == 0 => Some(text),
            Block::Table { headers, rows, .. } => {
                let columns = headers.len().max(1);
                rows.get_mut(place.part / columns)?
                    .get_mut(place.part % columns)
            }
            Block::Fields(fields) => fields.get_mut(place.part).map(|f| &mut f.value),
            _ => None,
        }
    }

    /// Everything in the person's own words that could identify someone, in reading
    /// order.
    pub fn findings(&self, detectors: &Detectors) -> Vec<FormFinding> {
        self.checked_texts()
            .into_iter()
            .flat_map(|(place, label, text)| {
                check_text(text, detectors)
                    .into_iter()
                    .map(move |finding| FormFinding {
                        place,
                        label: label.clone(),
                        finding,
                    })
            })
            .collect()
    }

    /// The form with the chosen findings replaced by their placeholders. The records
    /// themselves are not touched: this is what is shared, not what is kept.
    pub fn redacted(&self, chosen: &[&FormFinding]) -> Form {
        let mut out = self.clone();
        let mut places: Vec<Place> = chosen.iter().map(|f| f.place).collect();
        places.sort_unstable();
        places.dedup();
        for place in places {
            let mut here: Vec<Finding> = chosen
                .iter()
                .filter(|f| f.place == place)
                .map(|f| f.finding.clone())
                .collect();
            here.sort_by_key(|f| (f.start, f.end));
            let Some(original) = self.text_at(place) else {
                continue;
            };
            let replaced = redact(original, &here);
            if let Some(text) = out.text_mut(place) {
                *text = replaced;
            }
        }
        out
    }
}
