//! The compassionate resilience plan: each section's current words, and every earlier
//! version kept in `plan_history`.

use chrono::{DateTime, FixedOffset, Utc};
use rusqlite::{params, OptionalExtension};

use crate::domain::plan::{PlanText, PlanVersion};

use super::{utc_text, Result, Store};

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(DateTime::UNIX_EPOCH)
}

impl Store {
    /// The current words of a section, if any have been written.
    pub fn plan_section_text(&self, section_id: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT text FROM plan_section WHERE section_id = ?1",
                [section_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Sets a section's words at `at`. The words they replace go to the history, with
    /// the time they were written, so every version is kept. Setting the same words
    /// again changes nothing; returns whether anything changed.
    pub fn set_plan_section(
        &mut self,
        section_id: &str,
        text: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<bool> {
        let tx = self.conn_mut().transaction()?;
        let before: Option<(String, String)> = tx
            .query_row(
                "SELECT text, updated_utc FROM plan_section WHERE section_id = ?1",
                [section_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if before.as_ref().is_some_and(|(old, _)| old == text) {
            return Ok(false);
        }
        if let Some((old, written)) = &before {
            tx.execute(
                "INSERT INTO plan_history (section_id, text, changed_utc) VALUES (?1, ?2, ?3)",
                params![section_id, old, written],
            )?;
        }
        tx.execute(
            "INSERT INTO plan_section (section_id, text, updated_utc) VALUES (?1, ?2, ?3)
             ON CONFLICT (section_id) DO UPDATE SET text = excluded.text,
                 updated_utc = excluded.updated_utc",
            params![section_id, text, utc_text(&at)],
        )?;
        tx.commit()?;
        Ok(true)
    }

    /// Earlier versions of a section, newest first, each with when the section changed
    /// to it. The current words are not included (see `plan_section_text`).
    pub fn plan_history(&self, section_id: &str) -> Result<Vec<PlanVersion>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT text, changed_utc FROM plan_history WHERE section_id = ?1
             ORDER BY changed_utc DESC, id DESC",
        )?;
        let rows = stmt
            .query_map([section_id], |r| {
                Ok(PlanVersion {
                    text: r.get(0)?,
                    changed: utc(&r.get::<_, String>(1)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Every section written so far, in no particular order (the content gives the order).
    pub fn plan(&self) -> Result<Vec<PlanText>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT section_id, text, updated_utc FROM plan_section")?;
        let rows = stmt
            .query_map([], |r| {
                Ok(PlanText {
                    section_id: r.get(0)?,
                    text: r.get(1)?,
                    updated: utc(&r.get::<_, String>(2)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).expect("a valid time") // ok: test literal
    }

    #[test]
    fn every_change_is_kept_across_three_edits() {
        let dir = tempfile::tempdir().expect("temp dir"); // ok: test
        let mut store = Store::open_or_create(&dir.path().join("t.db"), None).expect("open"); // ok: test
        let id = "plan-strengths";
        assert_eq!(store.plan_section_text(id).expect("read"), None); // ok: test
        assert!(store
            .set_plan_section(id, "one", at("2025-01-01T09:00:00+01:00"))
            .expect("set")); // ok: test
        assert!(store
            .set_plan_section(id, "two", at("2025-01-02T09:00:00+00:00"))
            .expect("set")); // ok: test
        assert!(!store
            .set_plan_section(id, "two", at("2025-01-02T10:00:00+00:00"))
            .expect("same")); // ok: test
        assert!(store
            .set_plan_section(id, "three", at("2025-01-03T09:00:00+00:00"))
            .expect("set")); // ok: test
        assert_eq!(
            store.plan_section_text(id).expect("read").as_deref(), // ok: test
            Some("three")
        ); // ok: test
        let history = store.plan_history(id).expect("history"); // ok: test
        let texts: Vec<&str> = history.iter().map(|v| v.text.as_str()).collect();
        assert_eq!(texts, ["two", "one"]);
        assert_eq!(history[0].changed.to_rfc3339(), "2025-01-02T09:00:00+00:00");
        assert_eq!(history[1].changed.to_rfc3339(), "2025-01-01T08:00:00+00:00");
        let plan = store.plan().expect("plan"); // ok: test
        assert_eq!(plan.len(), 1);
        assert_eq!(plan[0].text, "three");
        assert!(store
            .plan_history("plan-values")
            .expect("history") // ok: test
            .is_empty()); // ok: test
    }
}
