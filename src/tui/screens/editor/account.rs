//! The editor writing a reflective account for a registration body, started from a
//! diary entry ("use this reflection"): one page for each of the body's questions,
//! with the entry's words offered, never copied unless the person brings them in. The
//! account keeps a link to the entry; the entry is never changed.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use ratatui_textarea::CursorMove;

use super::{lines, Editor, Page};
use crate::content::schema::Body;
use crate::domain::editor_text::Written;
use crate::domain::entry::Entry;
use crate::domain::registration::ReflectiveAccount;
use crate::tui::widgets::writing_area;

/// What the account comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountFrom {
    /// The entry it was started from, linked to the account.
    pub entry_id: Option<i64>,
    /// The entry's words, to bring into an answer when the person asks (absent when
    /// carrying on from a draft: the entry is then only linked).
    pub words: Option<String>,
    /// The body's code themes, (id, name), ticked by naming them in an answer.
    pub themes: Vec<(String, String)>,
}

const SLOT: &str = "account:";

/// A draft slot that names the entry an account came from: `account:12:<uid>`.
pub fn slot(entry_id: Option<i64>, uid: &str) -> String {
    match entry_id {
        Some(id) => format!("{SLOT}{id}:{uid}"),
        None => format!("{SLOT}-:{uid}"),
    }
}

/// The entry named by an account's draft slot; None when the slot is not an account's.
pub fn slot_entry(slot: &str) -> Option<Option<i64>> {
    let rest = slot.strip_prefix(SLOT)?;
    let (id, _) = rest.split_once(':')?;
    Some(id.parse().ok())
}

/// The entry's words as one text: its body, then each prompt and answer.
fn entry_words(entry: &Entry) -> String {
    let mut out = entry.body.trim().to_string();
    for a in &entry.answers {
        if a.text.trim().is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(a.text.trim());
    }
    out
}

impl Editor {
    /// A new reflective account for `body`, from `entry` when there is one.
    pub fn new_account(
        body: &Body,
        entry: Option<&Entry>,
        written: &Written,
        slot_name: String,
    ) -> Editor {
        let themes: Vec<(String, String)> = body
            .themes
            .iter()
            .map(|t| (t.id.as_ref().clone(), t.name.clone()))
            .collect();
        let last = body.questions.len().saturating_sub(1);
        let pages = body
            .questions
            .iter()
            .enumerate()
            .map(|(n, q)| {
                let id = q.id.as_ref().clone();
                let hint = if n == last && !themes.is_empty() {
                    let names: Vec<&str> = themes.iter().map(|(_, name)| name.as_str()).collect();
                    Some(format!("Name the themes it touches: {}.", names.join(", ")))
                } else if n == 0 && entry.is_some() {
                    Some("Ctrl-O brings in your entry's words, to change as you like. Describe, don't identify.".into())
                } else {
                    None
                };
                let answer = written
                    .answers
                    .iter()
                    .find(|a| a.prompt_id == id)
                    .map_or("", |a| a.text.as_str());
                let mut area = writing_area(lines(answer), "write as much or as little as you like");
                area.move_cursor(CursorMove::Bottom);
                area.move_cursor(CursorMove::End);
                Page {
                    prompt_id: Some(id),
                    prompt: q.text.clone(),
                    hint,
                    area,
                }
            })
            .collect();
        let mut editor = Editor::build(None, written, slot_name);
        editor.pages = pages;
        editor.template_name = format!(
            "Reflective account for the {}",
            body.id.as_ref().to_uppercase()
        );
        editor.tags = Vec::new();
        if written.title.is_empty() {
            if let Some(entry) = entry {
                editor.title.insert_str(entry.title.trim());
            }
        }
        editor.account = Some(AccountFrom {
            entry_id: entry.map(|e| e.id),
            words: entry.map(entry_words),
            themes,
        });
        editor
    }

    /// Puts the entry's words into the page being written, at the cursor.
    pub fn bring_in(&mut self, now: DateTime<FixedOffset>) -> Option<String> {
        let words = self.account.as_ref()?.words.clone();
        let Some(words) = words.filter(|w| !w.trim().is_empty()) else {
            return Some("The entry's words are not here to bring in; they are in the diary as you wrote them.".into());
        };
        if let Some(page) = self.pages.get_mut(self.index) {
            // After words already there, the entry's start on a paragraph of their own.
            let row = page.area.cursor().0;
            let lines = page.area.lines();
            let here = lines.get(row).is_some_and(|l| !l.trim().is_empty());
            let above = row > 0 && lines.get(row - 1).is_some_and(|l| !l.trim().is_empty());
            let text = if here {
                format!("\n\n{words}")
            } else if above {
                format!("\n{words}")
            } else {
                words
            };
            if page.area.insert_str(&text) {
                self.typed(now);
            }
        }
        self.on_title = false;
        None
    }

    /// The account as written, dated today, its themes those named in its answers.
    pub fn account(&self, now: DateTime<FixedOffset>) -> Option<ReflectiveAccount> {
        let from = self.account.as_ref()?;
        let w = self.written();
        let answers: BTreeMap<String, String> = w
            .answers
            .iter()
            .map(|a| (a.prompt_id.clone(), a.text.clone()))
            .collect();
        let said = w
            .answers
            .iter()
            .map(|a| a.text.to_lowercase())
            .collect::<Vec<_>>()
            .join("\n");
        let themes = from
            .themes
            .iter()
            .filter(|(_, name)| said.contains(&name.to_lowercase()))
            .map(|(id, _)| id.clone())
            .collect();
        Some(ReflectiveAccount {
            id: 0,
            uid: String::new(),
            local_date: now.date_naive(),
            title: w.title,
            answers,
            themes,
            entry_id: from.entry_id,
        })
    }
}
