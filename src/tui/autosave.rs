//! When writing in progress is kept as a draft: after a short pause, and at least every
//! so often while typing goes on without one, so a crash loses at most about two
//! seconds of it. The check runs on every key and every quarter-second tick.

use chrono::{DateTime, FixedOffset};

/// How long typing must pause before the draft is saved.
pub const AFTER_PAUSE_MS: i64 = 1000;
/// The longest a change waits for its draft while typing goes on without a pause: with
/// the ticks, a draft is never more than about 1.75 s behind.
pub const AT_MOST_MS: i64 = 1500;

/// The changes not yet kept as a draft: when the oldest and the newest were made.
#[derive(Debug, Clone, Default)]
pub struct Autosave {
    unsaved_since: Option<DateTime<FixedOffset>>,
    last_typed: Option<DateTime<FixedOffset>>,
}

impl Autosave {
    /// Notes a change made at `now`.
    pub fn typed(&mut self, now: DateTime<FixedOffset>) {
        self.unsaved_since.get_or_insert(now);
        self.last_typed = Some(now);
    }

    /// Whether a draft should be written now; if so, the changes count as kept.
    pub fn due(&mut self, now: DateTime<FixedOffset>) -> bool {
        let Some(since) = self.unsaved_since else {
            return false;
        };
        let paused = (now - self.last_typed.unwrap_or(since)).num_milliseconds();
        let waiting = (now - since).num_milliseconds();
        let due = paused >= AFTER_PAUSE_MS || waiting >= AT_MOST_MS;
        if due {
            self.unsaved_since = None;
        }
        due
    }

    /// Counts the changes as kept, whatever the time; true if there were any.
    pub fn take(&mut self) -> bool {
        self.unsaved_since.take().is_some()
    }
}
