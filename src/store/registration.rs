//! The registration records: reflective accounts, CPD activities, practice-related
//! feedback and reflective discussions. Each is added, listed (oldest first, as a
//! portfolio reads) and deleted; every write takes the diary's write lock first.

use chrono::NaiveDate;
use rusqlite::{params, Row};

use crate::domain::registration::{CpdActivity, Discussion, Feedback, Held, ReflectiveAccount};

use super::insights::date_at;
use super::{Result, Store, StoreError};

fn now_utc() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The record's own uid, or a new one.
fn uid_or_new(uid: &str) -> String {
    if uid.trim().is_empty() {
        uuid::Uuid::new_v4().to_string()
    } else {
        uid.to_string()
    }
}

fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

/// A JSON column read back; text the program did not write is read as empty rather
/// than failing the whole list.
fn from_json<T: serde::de::DeserializeOwned + Default>(text: &str) -> T {
    serde_json::from_str(text).unwrap_or_default()
}

fn optional_date(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(index)?;
    Ok(text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok()))
}

fn blank_is_none(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

impl Store {
    /// Runs one insert in a write transaction and returns the new row's id.
    fn insert_one(&mut self, sql: &str, values: &[&dyn rusqlite::ToSql]) -> Result<i64> {
        let tx = self.conn_mut().transaction()?;
        tx.execute(sql, values)?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    fn delete_one(&mut self, table: &'static str, kind: &'static str, id: i64) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        // `table` is one of this module's own names, never the person's words.
        let changed = tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
        tx.commit()?;
        if changed == 0 {
            return Err(StoreError::NoRecord { kind, id });
        }
        Ok(())
    }

    pub fn add_account(&mut self, account: &ReflectiveAccount) -> Result<i64> {
        if let Some(entry) = account.entry_id {
            // An account names the entry it came from; a wrong id is the person's to fix.
            self.entry(entry)?;
        }
        let answers = serde_json::to_string(&account.answers).unwrap_or_else(|_| "{}".into());
        self.insert_one(
            "INSERT INTO reflective_account
             (uid, created_utc, local_date, title, answers_json, themes_json, entry_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                uid_or_new(&account.uid),
                now_utc(),
                account.local_date.to_string(),
                account.title.trim(),
                answers,
                json_list(&account.themes),
                account.entry_id
            ],
        )
    }

    /// Every registration record, each kind oldest first.
    pub fn registration_records(&self) -> Result<Held> {
        Ok(Held {
            accounts: self.accounts()?,
            cpd: self.cpd()?,
            feedback: self.feedback()?,
            discussions: self.discussions()?,
        })
    }

    pub fn accounts(&self) -> Result<Vec<ReflectiveAccount>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, uid, local_date, title, answers_json, themes_json, entry_id
             FROM reflective_account ORDER BY local_date, id",
        )?;
        let rows = stmt
            .query_map([], |row| {
                Ok(ReflectiveAccount {
                    id: row.get(0)?,
                    uid: row.get(1)?,
                    local_date: date_at(row, 2)?,
                    title: row.get(3)?,
                    answers: from_json(&row.get::<_, String>(4)?),
                    themes: from_json(&row.get::<_, String>(5)?),
                    entry_id: row.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn delete_account(&mut self, id: i64) -> Result<()> {
        self.delete_one("reflective_account", "reflective account", id)
    }

    pub fn add_cpd(&mut self, cpd: &CpdActivity) -> Result<i64> {
        self.insert_one(
            "INSERT INTO cpd_activity
             (uid, created_utc, started_on, ended_on, hours, participatory, method, topic,
              themes_json, learnt, impact, impact_people, with_peer, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                uid_or_new(&cpd.uid),
                now_utc(),
                cpd.started_on.to_string(),
                cpd.ended_on.map(|d| d.to_string()),
                cpd.hours,
                cpd.participatory,
                cpd.method.trim(),
                cpd.topic.trim(),
                json_list(&cpd.themes),
                blank_is_none(&cpd.learnt),
                blank_is_none(&cpd.impact),
                blank_is_none(&cpd.impact_people),
                cpd.with_peer,
                blank_is_none(&cpd.note)
            ],
        )
    }

    pub fn cpd(&self) -> Result<Vec<CpdActivity>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, uid, started_on, ended_on, hours, participatory, method, topic,
                    themes_json, learnt, impact, impact_people, with_peer, note
             FROM cpd_activity ORDER BY started_on, id",
        )?;
        let rows = stmt
            .query_map([], |row| {
                Ok(CpdActivity {
                    id: row.get(0)?,
                    uid: row.get(1)?,
                    started_on: date_at(row, 2)?,
                    ended_on: optional_date(row, 3)?,
                    hours: row.get(4)?,
                    participatory: row.get(5)?,
                    method: row.get(6)?,
                    topic: row.get(7)?,
                    themes: from_json(&row.get::<_, String>(8)?),
                    learnt: row.get(9)?,
                    impact: row.get(10)?,
                    impact_people: row.get(11)?,
                    with_peer: row.get(12)?,
                    note: row.get(13)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn delete_cpd(&mut self, id: i64) -> Result<()> {
        self.delete_one("cpd_activity", "CPD record", id)
    }

    pub fn add_feedback(&mut self, feedback: &Feedback) -> Result<i64> {
        self.insert_one(
            "INSERT INTO practice_feedback
             (uid, created_utc, received_on, source, summary, reflection)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                uid_or_new(&feedback.uid),
                now_utc(),
                feedback.received_on.to_string(),
                feedback.source.trim(),
                feedback.summary.trim(),
                blank_is_none(&feedback.reflection)
            ],
        )
    }

    pub fn feedback(&self) -> Result<Vec<Feedback>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, uid, received_on, source, summary, reflection
             FROM practice_feedback ORDER BY received_on, id",
        )?;
        let rows = stmt
            .query_map([], |row| {
                Ok(Feedback {
                    id: row.get(0)?,
                    uid: row.get(1)?,
                    received_on: date_at(row, 2)?,
                    source: row.get(3)?,
                    summary: row.get(4)?,
                    reflection: row.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn delete_feedback(&mut self, id: i64) -> Result<()> {
        self.delete_one("practice_feedback", "piece of feedback", id)
    }

    pub fn add_discussion(&mut self, discussion: &Discussion) -> Result<i64> {
        self.insert_one(
            "INSERT INTO reflective_discussion
             (uid, created_utc, held_on, partner_name, partner_pin, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                uid_or_new(&discussion.uid),
                now_utc(),
                discussion.held_on.to_string(),
                discussion.partner_name.trim(),
                discussion.partner_pin.trim(),
                blank_is_none(&discussion.note)
            ],
        )
    }

    pub fn discussions(&self) -> Result<Vec<Discussion>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, uid, held_on, partner_name, partner_pin, note
             FROM reflective_discussion ORDER BY held_on, id",
        )?;
        let rows = stmt
            .query_map([], |row| {
                Ok(Discussion {
                    id: row.get(0)?,
                    uid: row.get(1)?,
                    held_on: date_at(row, 2)?,
                    partner_name: row.get(3)?,
                    partner_pin: row.get(4)?,
                    note: row.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn delete_discussion(&mut self, id: i64) -> Result<()> {
        self.delete_one("reflective_discussion", "reflective discussion", id)
    }
}
