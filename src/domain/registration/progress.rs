//! Where a person stands in their cycle, requirement by requirement, in calm words:
//! what has been collected and what the body asks for, never what is "missing".

use chrono::NaiveDate;

use crate::content::schema::{Body, Requirement};

use super::{hours_text, window, Records, Window};

/// One requirement's count.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub requirement: String,
    /// Records or hours collected in the cycle.
    pub have: f64,
    /// What the body asks for; None where it states no number.
    pub need: Option<u32>,
    pub met: bool,
    /// "3 of 5 reflective accounts".
    pub words: String,
}

/// The whole cycle at a glance.
#[derive(Debug, Clone, PartialEq)]
pub struct CycleProgress {
    pub body: String,
    pub window: Option<Window>,
    pub lines: Vec<Line>,
    /// "renewal on 31 May 2027", or the year's end for a yearly body.
    pub renewal: Option<String>,
    /// The lines and the renewal in one sentence, for a status line.
    pub summary: String,
}

/// Counts `records` inside the cycle that holds `today` against each of `body`'s
/// requirements. Without a cycle, everything collected counts.
pub fn progress(
    body: &Body,
    records: Records<'_>,
    renewal: Option<NaiveDate>,
    today: NaiveDate,
) -> CycleProgress {
    let window = window(body.cycle.as_ref(), renewal, today);
    let lines: Vec<Line> = body
        .requirements
        .iter()
        .map(|r| line(r, records, window))
        .collect();
    let renewal_words = match window {
        Some(w)
            if !w.ends_at_renewal
                && body
                    .cycle
                    .as_ref()
                    .is_some_and(|c| c.yearly_until.is_some()) =>
        {
            Some(format!("this year runs to {}", long_date(w.end)))
        }
        _ => renewal.map(|day| format!("renewal on {}", long_date(day))),
    };
    let mut summary = lines
        .iter()
        .map(|l| l.words.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if let Some(words) = &renewal_words {
        if summary.is_empty() {
            summary = words.clone();
        } else {
            summary = format!("{summary}; {words}");
        }
    }
    CycleProgress {
        body: body.name.clone(),
        window,
        lines,
        renewal: renewal_words,
        summary,
    }
}

fn line(req: &Requirement, records: Records<'_>, window: Option<Window>) -> Line {
    let inside = |day: NaiveDate| window.is_none_or(|w| w.holds(day));
    let cpd = records
        .cpd
        .iter()
        .filter(|c| inside(c.started_on))
        .filter(|c| !req.participatory || c.participatory)
        .filter(|c| !req.with_peer || c.with_peer);
    let (have, counts_hours) = match req.record.as_ref().as_str() {
        "cpd" if req.hours_at_least.is_some() => (cpd.map(|c| c.hours).sum(), true),
        "cpd" => (cpd.count() as f64, false),
        "reflective_account" => (
            records
                .accounts
                .iter()
                .filter(|a| inside(a.local_date))
                .count() as f64,
            false,
        ),
        "feedback" => (
            records
                .feedback
                .iter()
                .filter(|f| inside(f.received_on))
                .count() as f64,
            false,
        ),
        "discussion" => (
            records
                .discussions
                .iter()
                .filter(|d| inside(d.held_on))
                .count() as f64,
            false,
        ),
        // Content check refuses any other kind; were one to slip through, nothing counts.
        _ => (0.0, false),
    };
    let need = req
        .hours_at_least
        .as_ref()
        .or(req.at_least.as_ref())
        .map(|n| *n.as_ref());
    let have_text = if counts_hours {
        hours_text(have)
    } else {
        format!("{have:.0}")
    };
    let words = match need {
        Some(n) => format!("{have_text} of {n} {}", req.label),
        None => format!("{have_text} {}", req.label),
    };
    Line {
        requirement: req.id.as_ref().clone(),
        have,
        need,
        met: need.is_none_or(|n| have >= f64::from(n)),
        words,
    }
}

/// "31 May 2027".
pub fn long_date(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}
