//! The words a person asks the confidentiality check to look out for.

use super::{Result, Store};

impl Store {
    /// Adds `word` (trimmed) to the watch list; false when it was there already.
    pub fn add_watch_word(&mut self, word: &str) -> Result<bool> {
        let tx = self.conn_mut().transaction()?;
        let added = tx.execute(
            "INSERT OR IGNORE INTO watch_word (word, added_utc) VALUES (?1, ?2)",
            rusqlite::params![
                word.trim(),
                chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
            ],
        )?;
        tx.commit()?;
        Ok(added > 0)
    }

    /// Removes `word` (in any case); false when it was not on the list.
    pub fn remove_watch_word(&mut self, word: &str) -> Result<bool> {
        let tx = self.conn_mut().transaction()?;
        let removed = tx.execute("DELETE FROM watch_word WHERE word = ?1", [word.trim()])?;
        tx.commit()?;
        Ok(removed > 0)
    }

    /// The watch list, in alphabetical order.
    pub fn watch_words(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT word FROM watch_word ORDER BY word")?;
        let words = stmt
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(words)
    }
}
