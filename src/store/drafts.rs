//! Autosaved, unfinished writing. One draft per slot: `new` for a new entry,
//! `entry:<id>` for an edit in progress.

use chrono::{DateTime, FixedOffset};
use rusqlite::{params, OptionalExtension};

use crate::domain::entry::Answer;

use super::{from_stored, utc_text, Result, Store};

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub slot: String,
    pub template_id: Option<String>,
    pub entry_id: Option<i64>,
    pub title: String,
    pub body: String,
    pub answers: Vec<Answer>,
    pub prompt_index: usize,
    pub updated: DateTime<FixedOffset>,
}

impl Store {
    /// Writes (or replaces) the draft in its slot. A draft of an edit whose entry was
    /// deleted meanwhile is kept as a draft of a new entry.
    pub fn save_draft(&self, draft: &Draft) -> Result<()> {
        let answers = serde_json::to_string(&draft.answers).unwrap_or_else(|_| "[]".into());
        self.conn().execute(
            "INSERT INTO draft (slot, template_id, entry_id, title, body, answers_json, prompt_index, updated_utc)
             VALUES (?1, ?2, (SELECT id FROM entry WHERE id = ?3), ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (slot) DO UPDATE SET template_id = excluded.template_id,
                entry_id = excluded.entry_id, title = excluded.title, body = excluded.body,
                answers_json = excluded.answers_json, prompt_index = excluded.prompt_index,
                updated_utc = excluded.updated_utc",
            params![
                draft.slot,
                draft.template_id,
                draft.entry_id,
                draft.title,
                draft.body,
                answers,
                draft.prompt_index as i64,
                utc_text(&draft.updated),
            ],
        )?;
        Ok(())
    }

    /// The most recently saved draft, if any.
    pub fn latest_draft(&self) -> Result<Option<Draft>> {
        let offset = self.local_offset_seconds();
        Ok(self
            .conn()
            .query_row(
                "SELECT slot, template_id, entry_id, title, body, answers_json, prompt_index, updated_utc
                 FROM draft ORDER BY updated_utc DESC LIMIT 1",
                [],
                |r| {
                    let answers: String = r.get(5)?;
                    Ok(Draft {
                        slot: r.get(0)?,
                        template_id: r.get(1)?,
                        entry_id: r.get(2)?,
                        title: r.get(3)?,
                        body: r.get(4)?,
                        answers: serde_json::from_str(&answers).unwrap_or_default(),
                        prompt_index: r.get::<_, i64>(6)?.max(0) as usize,
                        updated: from_stored(&r.get::<_, String>(7)?, offset),
                    })
                },
            )
            .optional()?)
    }

    pub fn delete_draft(&self, slot: &str) -> Result<()> {
        self.conn()
            .execute("DELETE FROM draft WHERE slot = ?1", [slot])?;
        Ok(())
    }

    fn local_offset_seconds(&self) -> i64 {
        i64::from(chrono::Local::now().offset().local_minus_utc())
    }
}
