//! The records collected most lately, of every kind, as one line each for a screen
//! that shows what has been gathered.

use chrono::NaiveDate;

use super::{hours_text, Records};

/// Up to `n` records, newest first (by their own day), each as (day, what it is).
pub fn recent(records: Records<'_>, n: usize) -> Vec<(NaiveDate, String)> {
    let mut all: Vec<(NaiveDate, String)> = Vec::new();
    for a in records.accounts {
        let title = if a.title.trim().is_empty() {
            "untitled".to_string()
        } else {
            a.title.trim().to_string()
        };
        all.push((a.local_date, format!("Reflective account: {title}")));
    }
    for c in records.cpd {
        let mut line = format!("CPD: {} hours, {}", hours_text(c.hours), c.topic.trim());
        if c.participatory {
            line.push_str(" (participatory)");
        }
        all.push((c.started_on, line));
    }
    for f in records.feedback {
        all.push((f.received_on, format!("Feedback from {}", f.source.trim())));
    }
    for d in records.discussions {
        all.push((d.held_on, "Reflective discussion".to_string()));
    }
    all.sort_by_key(|r| std::cmp::Reverse(r.0));
    all.truncate(n);
    all
}
