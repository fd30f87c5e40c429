//! Getting ready for restorative supervision: the period since the last session, how
//! it has been, and a Markdown summary holding only what the person chose to share.
//! Nothing is shared by default: no entry, no good moment, no note.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::entry::{Answer, Entry};
use super::insights::{
    date_range, one_decimal, summarise, EntryRef, GoodMoment, Insights, Measure, Period,
};

/// How far back preparation looks when no supervision has been recorded yet.
pub const DEFAULT_DAYS: u64 = 30;

/// A supervision session that took place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupervisionRecord {
    pub id: i64,
    pub held_on: NaiveDate,
    pub note: Option<String>,
}

/// Where preparation starts: the day of the last supervision (that day included), or
/// else the start of the last [`DEFAULT_DAYS`] days (today included).
pub fn default_since(last: Option<NaiveDate>, today: NaiveDate) -> NaiveDate {
    last.filter(|l| *l <= today).unwrap_or_else(|| {
        today
            .checked_sub_days(Days::new(DEFAULT_DAYS - 1))
            .unwrap_or(today)
    })
}

/// Everything gathered for a supervision: the period, how it has been, the good
/// moments, and the entries a person may choose from (newest first).
#[derive(Debug, Clone, PartialEq)]
pub struct SupervisionPrep {
    pub last_supervision: Option<NaiveDate>,
    pub insights: Insights,
    /// Oldest first.
    pub good_moments: Vec<GoodMoment>,
    /// Newest first; none is shared unless chosen.
    pub entries: Vec<EntryRef>,
}

impl SupervisionPrep {
    pub fn period(&self) -> Period {
        self.insights.period
    }
}

/// What a person chose to share.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shared<'a> {
    /// The chosen entries, in full. Only these appear in the summary.
    pub entries: &'a [Entry],
    /// Answers to the `supervision-prep` template's prompts (and any notes).
    pub answers: &'a [Answer],
    /// Include the text of the good moments noted with check-ins.
    pub good_moments: bool,
}

/// The Markdown summary to read from or hand over: the period and how it has been,
/// the answers given, the good moments if chosen, and exactly the chosen entries.
pub fn supervision_markdown(prep: &SupervisionPrep, shared: &Shared<'_>) -> String {
    let period = prep.period();
    let mut out = format!(
        "# Before supervision\n\n{}",
        date_range(period.start, period.end)
    );
    if let Some(last) = prep.last_supervision {
        out.push_str(&format!(
            " (since supervision on {})",
            last.format("%-d %B %Y")
        ));
    }
    out.push_str("\n\n## How it has been\n\n");
    for sentence in summarise(&prep.insights, period.end) {
        out.push_str(&format!("- {sentence}\n"));
    }
    if !prep.insights.days.is_empty() {
        let scales = prep.insights.scales;
        out.push_str("\nOn average, per day with a check-in:\n\n");
        for measure in Measure::ALL {
            if let Some(mean) = prep.insights.mean(measure) {
                let b = scales.get(measure);
                out.push_str(&format!(
                    "- {}: {} (on a scale of {} to {})\n",
                    measure.name(),
                    one_decimal(mean),
                    b.min,
                    b.max
                ));
            }
        }
    }

    let answered: Vec<&Answer> = shared
        .answers
        .iter()
        .filter(|a| !a.text.trim().is_empty())
        .collect();
    if !answered.is_empty() {
        out.push_str("\n## What I want to bring\n");
        for answer in answered {
            out.push_str(&format!(
                "\n### {}\n\n{}\n",
                answer.prompt.trim(),
                answer.text.trim_end()
            ));
        }
    }

    if shared.good_moments && !prep.good_moments.is_empty() {
        out.push_str("\n## Good moments\n\n");
        for moment in &prep.good_moments {
            out.push_str(&format!(
                "- {}: {}\n",
                moment.date.format("%-d %B"),
                moment.text.trim().replace('\n', " ")
            ));
        }
    }

    if !shared.entries.is_empty() {
        out.push_str("\n## From my diary\n");
        let mut entries: Vec<&Entry> = shared.entries.iter().collect();
        entries.sort_by_key(|e| (e.created, e.id));
        entries.dedup_by_key(|e| e.id);
        for entry in entries {
            out.push_str(&format!(
                "\n### {} — {}\n",
                entry.created.format("%-d %B %Y"),
                entry.display_title()
            ));
            if !entry.body.trim().is_empty() {
                out.push_str(&format!("\n{}\n", entry.body.trim_end()));
            }
            for answer in entry.answers.iter().filter(|a| !a.text.trim().is_empty()) {
                out.push_str(&format!(
                    "\n**{}**\n\n{}\n",
                    answer.prompt.trim(),
                    answer.text.trim_end()
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::insights::{DayMean, Scales};
    use chrono::DateTime;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date") // ok: test
    }

    fn entry(id: i64, title: &str, body: &str) -> Entry {
        let at = DateTime::parse_from_rfc3339("2026-03-10T18:00:00+00:00").expect("a time"); // ok: test
        Entry {
            id,
            uid: format!("u{id}"),
            template_id: None,
            title: title.into(),
            body: body.into(),
            answers: Vec::new(),
            tags: Vec::new(),
            created: at,
            updated: at,
        }
    }

    fn prep() -> SupervisionPrep {
        let period = Period::between(d("2026-03-01"), d("2026-03-14"));
        let mut insights = Insights::empty(period, Scales::default());
        insights.days = vec![DayMean {
            date: d("2026-03-02"),
            checkins: 2,
            pleasantness: 6.5,
            energy: 4.0,
            stress: 5.0,
        }];
        insights.checkins = 2;
        SupervisionPrep {
            last_supervision: Some(d("2026-03-01")),
            insights,
            good_moments: vec![GoodMoment {
                checkin_id: 1,
                date: d("2026-03-02"),
                text: "A mum laughed".into(),
            }],
            entries: Vec::new(),
        }
    }

    #[test]
    fn preparation_starts_at_the_last_supervision_or_a_month_back() {
        assert_eq!(
            default_since(Some(d("2026-03-01")), d("2026-03-14")),
            d("2026-03-01")
        );
        assert_eq!(default_since(None, d("2026-03-30")), d("2026-03-01"));
    }

    #[test]
    fn only_the_chosen_entries_and_nothing_else_by_default() {
        let chosen = [entry(1, "Visit to the Smiths", "They felt heard.")];
        let text = supervision_markdown(
            &prep(),
            &Shared {
                entries: &chosen,
                ..Default::default()
            },
        );
        assert!(text.contains("They felt heard."), "{text}");
        assert!(text.contains("## From my diary"));
        assert!(!text.contains("A mum laughed"), "{text}");
        assert!(text.contains("since supervision on 1 March 2026"));
        assert!(text.contains("- Pleasantness: 6.5 (on a scale of 1 to 10)"));

        let nothing = supervision_markdown(&prep(), &Shared::default());
        assert!(!nothing.contains("## From my diary"));
        assert!(!nothing.contains("## Good moments"));
    }

    #[test]
    fn answers_and_good_moments_when_chosen() {
        let answers = [
            Answer {
                prompt_id: "to-bring".into(),
                prompt: "What do you want to bring?".into(),
                text: "The Jones family.".into(),
            },
            Answer {
                prompt_id: "been-hard".into(),
                prompt: "What has been hard?".into(),
                text: "  ".into(),
            },
        ];
        let text = supervision_markdown(
            &prep(),
            &Shared {
                entries: &[],
                answers: &answers,
                good_moments: true,
            },
        );
        assert!(text.contains("### What do you want to bring?\n\nThe Jones family."));
        assert!(!text.contains("What has been hard?"));
        assert!(text.contains("- 2 March: A mum laughed"));
    }
}
