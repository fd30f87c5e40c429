//! Diary entries: saving, reading, listing newest first, and full-text search.

use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, OptionalExtension, Row, ToSql, Transaction};

use crate::domain::entry::{display_title, Answer, Entry};

use super::snippet::{head_of, query_terms, snippet_of};
use super::{from_stored, utc_text, Result, Store, StoreError};

/// Which entries a listing shows.
#[derive(Debug, Clone, Default)]
pub struct EntryFilter {
    pub limit: Option<usize>,
    /// Rows to skip, for paging through a long diary.
    pub offset: usize,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub tag: Option<String>,
}

/// One line of a listing.
#[derive(Debug, Clone, PartialEq)]
pub struct EntrySummary {
    pub id: i64,
    pub created: chrono::DateTime<chrono::FixedOffset>,
    pub title: String,
    pub template_id: Option<String>,
    pub tags: Vec<String>,
}

/// A search result: the entry and a snippet with the matches marked by
/// `SearchHit::MARK_START` and `SearchHit::MARK_END`.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub id: i64,
    pub created: chrono::DateTime<chrono::FixedOffset>,
    pub title: String,
    pub snippet: String,
}

impl SearchHit {
    pub const MARK_START: char = '\u{1}';
    pub const MARK_END: char = '\u{2}';
    /// The longest search, in words and in characters. Every word must match, so a
    /// longer query finds nothing a shorter one would miss, and costs far more.
    pub const MAX_QUERY_WORDS: usize = 32;
    pub const MAX_QUERY_CHARS: usize = 500;
    /// Up to this many matches are ranked best first; more come newest first.
    pub const RANKED_UP_TO: usize = 5_000;

    /// Why a query is too long to search for, in words a person can act on.
    pub fn query_problem(text: &str) -> Option<String> {
        if text.split_whitespace().count() > Self::MAX_QUERY_WORDS
            || text.chars().count() > Self::MAX_QUERY_CHARS
        {
            Some(format!(
                "Search takes up to {} words ({} characters); try the few words that matter most.",
                Self::MAX_QUERY_WORDS,
                Self::MAX_QUERY_CHARS
            ))
        } else {
            None
        }
    }
}

/// Turns what a person typed into an FTS5 query: every word must appear, each taken
/// literally, so quotes and operators in the text cannot break the query. A `*` at the
/// end of a word keeps it as a prefix search.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .filter_map(|word| {
            let prefix = word.ends_with('*');
            let clean: String = word.chars().filter(|c| *c != '"' && *c != '*').collect();
            if clean.is_empty() {
                return None;
            }
            Some(if prefix {
                format!("\"{clean}\"*")
            } else {
                format!("\"{clean}\"")
            })
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The best matches: ranked on the index alone, and then only the rows shown are
/// read (joining first read and sorted every matching entry whole). Equal scores go
/// newest-written first.
const BEST_MATCHES: &str = "
    WITH shown AS MATERIALIZED (
        SELECT rowid AS id, bm25(entry_fts, 5.0, 1.0, 1.0) AS score
        FROM entry_fts
        WHERE entry_fts MATCH ?1
        ORDER BY score, rowid DESC
        LIMIT ?2
    )
    SELECT e.id, e.created_utc, e.utc_offset, e.title, e.body, e.answers_text,
        substr(CASE WHEN e.body <> '' THEN e.body ELSE e.answers_text END, 1, 200) AS head
    FROM shown JOIN entry e ON e.id = shown.id
    ORDER BY shown.score, e.id DESC";

/// The newest matches: the date index read newest first, each entry kept if it is
/// among the matches, until there are enough.
const NEWEST_MATCHES: &str = "
    WITH shown AS MATERIALIZED (
        SELECT e.id, e.created_utc AS created
        FROM entry e INDEXED BY entry_by_created
        WHERE +e.id IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?1)
        ORDER BY e.created_utc DESC, e.id DESC
        LIMIT ?2
    )
    SELECT e.id, e.created_utc, e.utc_offset, e.title, e.body, e.answers_text,
        substr(CASE WHEN e.body <> '' THEN e.body ELSE e.answers_text END, 1, 200) AS head
    FROM shown JOIN entry e ON e.id = shown.id
    ORDER BY shown.created DESC, e.id DESC";

pub(super) fn tags_of(tx: &rusqlite::Connection, id: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        tx.prepare_cached("SELECT tag FROM entry_tag WHERE entry_id = ?1 ORDER BY tag")?;
    let tags = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(tags)
}

fn write_tags(tx: &Transaction<'_>, id: i64, tags: &[String]) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM entry_tag WHERE entry_id = ?1")?
        .execute([id])?;
    add_tags(tx, id, tags)
}

/// Tags for an entry that has none yet.
fn add_tags(tx: &Transaction<'_>, id: i64, tags: &[String]) -> rusqlite::Result<()> {
    let mut stmt =
        tx.prepare_cached("INSERT OR IGNORE INTO entry_tag (entry_id, tag) VALUES (?1, ?2)")?;
    for tag in tags {
        stmt.execute(params![id, tag])?;
    }
    Ok(())
}

/// Inserts `entry` unless one with its uid exists; returns the new id, or None.
pub(crate) fn insert_in(tx: &Transaction<'_>, entry: &Entry) -> Result<Option<i64>> {
    let answers_json = serde_json::to_string(&entry.answers).unwrap_or_else(|_| "[]".into());
    let inserted = tx.prepare_cached(
        "INSERT OR IGNORE INTO entry (uid, template_id, title, body, answers_json, answers_text,
            created_utc, utc_offset, local_date, updated_utc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        entry.uid,
        entry.template_id,
        entry.title,
        entry.body,
        answers_json,
        entry.answers_text(),
        utc_text(&entry.created),
        entry.created.offset().local_minus_utc(),
        entry.created.date_naive().to_string(),
        utc_text(&entry.updated),
    ])?;
    if inserted == 0 {
        return Ok(None);
    }
    let id = tx.last_insert_rowid();
    add_tags(tx, id, &entry.tags)?;
    Ok(Some(id))
}

pub(super) fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<Entry> {
    let answers_json: String = row.get("answers_json")?;
    let answers: Vec<Answer> = serde_json::from_str(&answers_json).unwrap_or_default();
    let offset: i64 = row.get("utc_offset")?;
    Ok(Entry {
        id: row.get("id")?,
        uid: row.get("uid")?,
        template_id: row.get("template_id")?,
        title: row.get("title")?,
        body: row.get("body")?,
        answers,
        tags: Vec::new(),
        created: from_stored(&row.get::<_, String>("created_utc")?, offset),
        updated: from_stored(&row.get::<_, String>("updated_utc")?, offset),
    })
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<EntrySummary> {
    let offset: i64 = row.get("utc_offset")?;
    let title: String = row.get("title")?;
    let head: String = row.get("head")?;
    let tags: Option<String> = row.get("tags")?;
    Ok(EntrySummary {
        id: row.get("id")?,
        created: from_stored(&row.get::<_, String>("created_utc")?, offset),
        title: display_title(&title, &head, ""),
        template_id: row.get("template_id")?,
        tags: tags
            .map(|t| t.split(',').map(str::to_string).collect())
            .unwrap_or_default(),
    })
}

impl Store {
    /// Saves a new entry and returns its id. An entry whose uid is already stored is
    /// left as it is (and its id returned).
    pub fn add_entry(&mut self, entry: &Entry) -> Result<i64> {
        let tx = self.conn_mut().transaction()?;
        let id = match insert_in(&tx, entry)? {
            Some(id) => id,
            None => tx.query_row("SELECT id FROM entry WHERE uid = ?1", [&entry.uid], |r| {
                r.get(0)
            })?,
        };
        tx.commit()?;
        Ok(id)
    }

    /// Replaces the text, answers and tags of entry `entry.id`.
    pub fn update_entry(&mut self, entry: &Entry) -> Result<()> {
        self.update_entry_unless_changed(entry, None)
    }

    /// As `update_entry`, unless the stored entry was saved at another time than
    /// `since` (it was changed elsewhere while being edited): then `Changed`, and
    /// nothing is written.
    pub fn update_entry_unless_changed(
        &mut self,
        entry: &Entry,
        since: Option<chrono::DateTime<chrono::FixedOffset>>,
    ) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        if let Some(since) = since {
            let stored: Option<String> = tx
                .query_row(
                    "SELECT updated_utc FROM entry WHERE id = ?1",
                    [entry.id],
                    |r| r.get(0),
                )
                .optional()?;
            match stored {
                None => return Err(StoreError::NoEntry(entry.id)),
                Some(stored) if stored != utc_text(&since) => return Err(StoreError::Changed),
                Some(_) => {}
            }
        }
        let answers_json = serde_json::to_string(&entry.answers).unwrap_or_else(|_| "[]".into());
        let changed = tx.execute(
            "UPDATE entry SET template_id = ?2, title = ?3, body = ?4, answers_json = ?5,
                answers_text = ?6, updated_utc = ?7 WHERE id = ?1",
            params![
                entry.id,
                entry.template_id,
                entry.title,
                entry.body,
                answers_json,
                entry.answers_text(),
                utc_text(&entry.updated),
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NoEntry(entry.id));
        }
        write_tags(&tx, entry.id, &entry.tags)?;
        tx.commit()?;
        Ok(())
    }

    pub fn delete_entry(&mut self, id: i64) -> Result<()> {
        let changed = self
            .conn()
            .execute("DELETE FROM entry WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(StoreError::NoEntry(id));
        }
        Ok(())
    }

    pub fn entry(&self, id: i64) -> Result<Entry> {
        let mut entry = self
            .conn()
            .query_row("SELECT * FROM entry WHERE id = ?1", [id], entry_from_row)
            .optional()?
            .ok_or(StoreError::NoEntry(id))?;
        entry.tags = tags_of(self.conn(), id)?;
        Ok(entry)
    }

    /// Entries newest first, reading only the rows shown.
    pub fn list_entries(&self, filter: &EntryFilter) -> Result<Vec<EntrySummary>> {
        let mut sql = String::from(
            "SELECT e.id, e.created_utc, e.utc_offset, e.title, e.template_id,
                substr(CASE WHEN e.body <> '' THEN e.body ELSE e.answers_text END, 1, 200) AS head,
                (SELECT group_concat(tag, ',') FROM (SELECT tag FROM entry_tag t
                    WHERE t.entry_id = e.id ORDER BY tag)) AS tags
             FROM entry e WHERE 1 = 1",
        );
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(since) = filter.since {
            sql.push_str(" AND e.local_date >= ?");
            args.push(Box::new(since.to_string()));
        }
        if let Some(until) = filter.until {
            sql.push_str(" AND e.local_date <= ?");
            args.push(Box::new(until.to_string()));
        }
        if let Some(tag) = &filter.tag {
            sql.push_str(" AND e.id IN (SELECT entry_id FROM entry_tag WHERE tag = ?)");
            args.push(Box::new(tag.clone()));
        }
        sql.push_str(" ORDER BY e.created_utc DESC, e.id DESC");
        if filter.limit.is_some() || filter.offset > 0 {
            sql.push_str(" LIMIT ? OFFSET ?");
            args.push(Box::new(filter.limit.map_or(-1, |l| l as i64)));
            args.push(Box::new(filter.offset as i64));
        }
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(args.iter()), summary_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Every entry in a period, oldest first, with tags: for export.
    pub(crate) fn entries_between_whole(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Result<Vec<Entry>> {
        let mut stmt = self.conn().prepare(
            "SELECT * FROM entry WHERE (?1 IS NULL OR local_date >= ?1) AND (?2 IS NULL OR local_date <= ?2)
             ORDER BY created_utc, id",
        )?;
        let mut entries = stmt
            .query_map(
                params![since.map(|d| d.to_string()), until.map(|d| d.to_string())],
                entry_from_row,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut tag_stmt = self
            .conn()
            .prepare("SELECT entry_id, tag FROM entry_tag ORDER BY entry_id, tag")?;
        let mut tags: std::collections::HashMap<i64, Vec<String>> =
            std::collections::HashMap::new();
        for row in tag_stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
            let (id, tag) = row?;
            tags.entry(id).or_default().push(tag);
        }
        for entry in &mut entries {
            entry.tags = tags.remove(&entry.id).unwrap_or_default();
        }
        Ok(entries)
    }

    /// Full-text search over titles, bodies and answers, best matches first, or the
    /// newest first when more than `SearchHit::RANKED_UP_TO` match. A query longer than `SearchHit::MAX_QUERY_WORDS` words is cut to that many.
    ///
    /// FTS5 decides which entries match and how they rank; the snippet is made here,
    /// from the first match in the body, answers or title, reading only as far as it
    /// needs. FTS5's own `snippet()` scores every match against every other, so its
    /// cost grew with the square of an entry's size (21 s for one 3.2 MB entry).
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let text: String = text
            .split_whitespace()
            .take(SearchHit::MAX_QUERY_WORDS)
            .collect::<Vec<_>>()
            .join(" ");
        let Some(query) = fts_query(&text) else {
            return Ok(Vec::new());
        };
        let terms = query_terms(&text);
        // Ranking costs about a microsecond per match, so a word or prefix found in
        // most of a long diary ("t", "the") would hold up the next key for tens of
        // milliseconds. Past `RANKED_UP_TO` matches the newest come first instead,
        // read from the date index and stopping at `limit`; counting is cheap.
        let found: i64 = self
            .conn()
            .prepare_cached("SELECT count(*) FROM entry_fts WHERE entry_fts MATCH ?1")?
            .query_row([&query], |r| r.get(0))?;
        if found == 0 {
            return Ok(Vec::new());
        }
        let sql = if found as usize > SearchHit::RANKED_UP_TO {
            NEWEST_MATCHES
        } else {
            BEST_MATCHES
        };
        let mut stmt = self.conn().prepare_cached(sql)?;
        let hits = stmt
            .query_map(params![query, limit as i64], |row| {
                let offset: i64 = row.get("utc_offset")?;
                let title: String = row.get("title")?;
                let head: String = row.get("head")?;
                let body: String = row.get("body")?;
                let answers: String = row.get("answers_text")?;
                let snippet = [body.as_str(), answers.as_str(), title.as_str()]
                    .into_iter()
                    .find_map(|t| snippet_of(t, &terms))
                    .unwrap_or_else(|| {
                        head_of(if body.trim().is_empty() {
                            &answers
                        } else {
                            &body
                        })
                    });
                Ok(SearchHit {
                    id: row.get("id")?,
                    created: from_stored(&row.get::<_, String>("created_utc")?, offset),
                    title: display_title(&title, &head, ""),
                    snippet,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(hits)
    }

    pub fn count_entries(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM entry", [], |r| r.get(0))?)
    }
}
#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn queries_are_taken_literally() {
        assert_eq!(fts_query("quokka").as_deref(), Some("\"quokka\""));
        assert_eq!(fts_query("a\" OR b").as_deref(), Some("\"a\" \"OR\" \"b\""));
        assert_eq!(fts_query("sup*").as_deref(), Some("\"sup\"*"));
        assert_eq!(fts_query("  \" "), None);
    }
}
