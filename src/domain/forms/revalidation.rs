//! The revalidation evidence in the layout of the NMC's forms, for any body: one
//! reflective account a page (its questions with the answers, and the code's themes
//! ticked), then the CPD log and the feedback log as tables, then the record of each
//! reflective discussion. A kind of record the body neither asks for nor holds is left
//! out.

use chrono::NaiveDate;

use crate::content::schema::Body;
use crate::domain::registration::{
    hours_text, long_date, CpdActivity, Discussion, Feedback, Records, ReflectiveAccount, Window,
};

use super::{Block, Field, Form};

const NOT_ANSWERED: &str = "(not answered)";

fn asks_for(body: &Body, record: &str) -> bool {
    body.requirements
        .iter()
        .any(|r| r.record.as_ref() == record)
}

/// "3 March 2026", or "3 to 5 March 2026" style ranges written out in full.
pub(super) fn dates(start: NaiveDate, end: Option<NaiveDate>) -> String {
    match end {
        Some(end) if end != start => format!("{} to {}", long_date(start), long_date(end)),
        _ => long_date(start),
    }
}

/// Everything collected inside `window` (everything, when None), laid out for `body`.
pub fn revalidation_form(
    body: &Body,
    records: Records<'_>,
    window: Option<Window>,
    today: NaiveDate,
) -> Form {
    let inside = |day: NaiveDate| window.is_none_or(|w| w.holds(day));
    let accounts: Vec<&ReflectiveAccount> = records
        .accounts
        .iter()
        .filter(|a| inside(a.local_date))
        .collect();
    let cpd: Vec<&CpdActivity> = records
        .cpd
        .iter()
        .filter(|c| inside(c.started_on))
        .collect();
    let feedback: Vec<&Feedback> = records
        .feedback
        .iter()
        .filter(|f| inside(f.received_on))
        .collect();
    let discussions: Vec<&Discussion> = records
        .discussions
        .iter()
        .filter(|d| inside(d.held_on))
        .collect();

    let mut blocks = vec![Block::Title(format!(
        "Revalidation evidence for the {}",
        body.name
    ))];
    blocks.push(Block::Line(match window {
        Some(w) => format!(
            "The cycle from {} to {}. Prepared on {}.",
            long_date(w.start),
            long_date(w.end),
            long_date(today)
        ),
        None => format!("Everything collected. Prepared on {}.", long_date(today)),
    }));
    blocks.push(Block::Line(format!("Laid out from {}.", body.source)));

    if !accounts.is_empty() || asks_for(body, "reflective_account") {
        account_pages(body, &accounts, &mut blocks);
    }
    if !cpd.is_empty() || asks_for(body, "cpd") {
        blocks.push(Block::PageBreak);
        cpd_log(body, &cpd, &mut blocks);
    }
    if !feedback.is_empty() || asks_for(body, "feedback") {
        blocks.push(Block::PageBreak);
        feedback_log(&feedback, &mut blocks);
    }
    if !discussions.is_empty() || asks_for(body, "discussion") {
        blocks.push(Block::PageBreak);
        discussion_records(&discussions, &mut blocks);
    }
    Form { blocks }
}

fn account_pages(body: &Body, accounts: &[&ReflectiveAccount], blocks: &mut Vec<Block>) {
    if accounts.is_empty() {
        blocks.push(Block::Heading("Reflective accounts".into()));
        blocks.push(Block::Line(
            "No reflective accounts yet in this cycle.".into(),
        ));
        return;
    }
    for (n, account) in accounts.iter().enumerate() {
        blocks.push(Block::PageBreak);
        blocks.push(Block::Heading(format!(
            "Reflective account {} of {}",
            n + 1,
            accounts.len()
        )));
        if !account.title.trim().is_empty() {
            blocks.push(Block::Fields(vec![Field::said("Title", &account.title)]));
        }
        blocks.push(Block::Line(format!(
            "Written on {}.",
            long_date(account.local_date)
        )));
        for question in &body.questions {
            let text = account
                .answers
                .get(question.id.as_ref())
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
                .unwrap_or(NOT_ANSWERED);
            blocks.push(Block::Answer {
                question: question.text.clone(),
                text: text.to_string(),
            });
        }
        // Answers to questions the body no longer asks are kept, under their ids.
        for (id, text) in &account.answers {
            if body.questions.iter().all(|q| q.id.as_ref() != id) && !text.trim().is_empty() {
                blocks.push(Block::Answer {
                    question: id.clone(),
                    text: text.trim().to_string(),
                });
            }
        }
        if !body.themes.is_empty() {
            blocks.push(Block::Heading("Themes of the code".into()));
            blocks.push(Block::Ticks(
                body.themes
                    .iter()
                    .map(|t| (t.name.clone(), account.themes.contains(t.id.as_ref())))
                    .collect(),
            ));
        }
    }
}

fn theme_names(body: &Body, ids: &[String]) -> String {
    ids.iter()
        .map(|id| body.theme(id).map_or(id.as_str(), |t| t.name.as_str()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn cpd_log(body: &Body, cpd: &[&CpdActivity], blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading("CPD log".into()));
    if cpd.is_empty() {
        blocks.push(Block::Line("No CPD recorded yet in this cycle.".into()));
        return;
    }
    let mut headers = vec![
        "Dates",
        "Method",
        "Topic",
        "Hours",
        "Of which participatory",
    ];
    let mut checked = vec![false, true, true, false, false];
    let with_themes = !body.themes.is_empty() || cpd.iter().any(|c| !c.themes.is_empty());
    if with_themes {
        headers.push("Link to the code");
        checked.push(false);
    }
    let with_learning = cpd.iter().any(|c| c.learnt.is_some());
    if with_learning {
        headers.push("What was learnt");
        checked.push(true);
    }
    let rows = cpd
        .iter()
        .map(|c| {
            let mut row = vec![
                dates(c.started_on, c.ended_on),
                c.method.clone(),
                c.topic.clone(),
                hours_text(c.hours),
                if c.participatory {
                    hours_text(c.hours)
                } else {
                    "0".into()
                },
            ];
            if with_themes {
                row.push(theme_names(body, &c.themes));
            }
            if with_learning {
                row.push(c.learnt.clone().unwrap_or_default());
            }
            row
        })
        .collect();
    blocks.push(Block::Table {
        headers: headers.into_iter().map(String::from).collect(),
        rows,
        checked,
    });
    let total: f64 = cpd.iter().map(|c| c.hours).sum();
    let participatory: f64 = cpd
        .iter()
        .filter(|c| c.participatory)
        .map(|c| c.hours)
        .sum();
    blocks.push(Block::Line(format!(
        "In all: {} hours, {} of them participatory.",
        hours_text(total),
        hours_text(participatory)
    )));
}

fn feedback_log(feedback: &[&Feedback], blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading("Practice-related feedback".into()));
    if feedback.is_empty() {
        blocks.push(Block::Line(
            "No practice-related feedback yet in this cycle.".into(),
        ));
        return;
    }
    let rows = feedback
        .iter()
        .map(|f| {
            vec![
                long_date(f.received_on),
                f.source.clone(),
                f.summary.clone(),
                f.reflection.clone().unwrap_or_default(),
            ]
        })
        .collect();
    blocks.push(Block::Table {
        headers: ["Date", "From", "The feedback", "How it was used"]
            .into_iter()
            .map(String::from)
            .collect(),
        rows,
        checked: vec![false, true, true, true],
    });
}

fn discussion_records(discussions: &[&Discussion], blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading("Reflective discussion".into()));
    if discussions.is_empty() {
        blocks.push(Block::Line(
            "No reflective discussion recorded yet in this cycle.".into(),
        ));
        return;
    }
    for discussion in discussions {
        // The form asks for the other registrant's name and number: they are shared
        // on purpose, so the check leaves them alone.
        let mut fields = vec![
            Field::fixed("Name of the registrant", &discussion.partner_name),
            Field::fixed("Their registration number (PIN)", &discussion.partner_pin),
            Field::fixed("Date of the discussion", long_date(discussion.held_on)),
        ];
        if let Some(note) = discussion.note.as_deref().filter(|n| !n.trim().is_empty()) {
            fields.push(Field::said("Notes", note));
        }
        blocks.push(Block::Fields(fields));
    }
}
