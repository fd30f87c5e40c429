//! `lantern supervision prep|done`: the time since the last supervision gathered
//! into a private summary, and a record that supervision took place.

use std::io::{IsTerminal, Write};

use anyhow::{bail, Result};
use chrono::NaiveDate;

use crate::content::Content;
use crate::domain::editor_text::{self, Written};
use crate::domain::entry::Answer;
use crate::domain::insights::{date_range, Period, Scales};
use crate::domain::supervision::{default_since, supervision_markdown, Shared};

use super::args::{PrepArgs, SupervisionCommand};
use super::context::Context;
use super::plain::today;
use super::{editor, output};

const SUPERVISION_TEMPLATE: &str = "supervision-prep";

/// The answers to the `supervision-prep` questions: in the editor on a terminal, or
/// the piped text laid out as the editor would show it. Free writing before the first
/// question comes back as notes.
fn prep_answers(ctx: &Context, content: &Content) -> Result<Vec<Answer>> {
    let template = content.template(SUPERVISION_TEMPLATE);
    let prompts = editor_text::prompts_for(template, &[]);
    let text = if std::io::stdin().is_terminal() {
        let blank = editor_text::render(&prompts, &Written::default());
        editor::edit(&blank, &ctx.paths.data_dir)?
    } else {
        super::output::read_stdin("your answers from standard input")?
    };
    let written = editor_text::parse(&text, &prompts);
    let mut answers = written.answers;
    if !written.body.trim().is_empty() {
        answers.push(Answer {
            prompt_id: "notes".into(),
            prompt: "Notes".into(),
            text: written.body,
        });
    }
    Ok(answers)
}

pub fn supervision(ctx: &Context, command: SupervisionCommand) -> Result<i32> {
    match command {
        SupervisionCommand::Prep(args) => supervision_prep(ctx, args),
        SupervisionCommand::Done { date, note } => supervision_done(ctx, date, note),
    }
}

fn supervision_prep(ctx: &Context, args: PrepArgs) -> Result<i32> {
    let content = ctx.content();
    let today = today();
    let store = ctx.open_store()?;
    let since = match args.since {
        Some(since) => since,
        None => default_since(store.last_supervision()?, today),
    };
    if since > today {
        bail!("--since {since} is after today; choose a day on or before {today}");
    }
    let period = Period::between(since, today);
    let prep = store.supervision_prep(period, Scales::from_content(&content))?;
    let chosen = store.chosen_entries(&args.entries)?;
    let answers = if args.answer {
        prep_answers(ctx, &content)?
    } else {
        Vec::new()
    };
    let text = supervision_markdown(
        &prep,
        &Shared {
            entries: &chosen,
            answers: &answers,
            good_moments: args.good_moments,
        },
    );
    let watch = store.watch_words()?;
    let detectors = crate::domain::confidentiality::Detectors::new(&content, &watch);
    let choice = super::share::Choice {
        replace: args.replace.clone(),
        keep: args.keep,
    };
    let Some((text, said)) = super::share::check_document(
        text,
        "the supervision preparation",
        &detectors,
        &content,
        &choice,
    )?
    else {
        return Ok(super::share::FOUND);
    };
    match &args.output {
        Some(path) => {
            super::transfer::write_private(path, &text, args.force)?;
            if let Some(said) = &said {
                errln!("{said}");
            }
            errln!(
                "Wrote {} (readable by you only), with {} of the {} from {}.",
                path.display(),
                chosen.len(),
                crate::text::plural::count(prep.entries.len(), "entry", "entries"),
                date_range(period.start, period.end)
            );
        }
        None => {
            if let Some(said) = &said {
                errln!("{said}");
            }
            std::io::stdout()
                .lock()
                .write_all(output::document(&text).as_bytes())?;
        }
    }
    if args.entries.is_empty() && !prep.entries.is_empty() {
        errln!(
            "\nNo entries are included unless you choose them. From this period (add --entry ID):"
        );
        for e in prep.entries.iter().take(30) {
            errln!(
                "{:>6}  {}  {}",
                e.id,
                e.created.format("%Y-%m-%d %H:%M"),
                output::safe(&e.title)
            );
        }
        if prep.entries.len() > 30 {
            errln!(
                "   … and {} more: `lantern list --since {}` shows them all.",
                prep.entries.len() - 30,
                period.start
            );
        }
    }
    Ok(0)
}

fn supervision_done(ctx: &Context, date: Option<NaiveDate>, note: Option<String>) -> Result<i32> {
    let today = today();
    let date = date.unwrap_or(today);
    if date > today {
        bail!("{date} is still to come; record supervision once it has taken place");
    }
    let mut store = ctx.open_store()?;
    store.record_supervision(date, note.as_deref())?;
    outln!(
        "Recorded supervision on {}. Your next preparation starts from that day.",
        date.format("%A %-d %B %Y")
    );
    Ok(0)
}
