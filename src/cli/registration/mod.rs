//! `lantern cpd` and `lantern revalidation`: collecting the evidence a regulator asks
//! for, and a calm view of where the person is in their cycle. The body's rules come
//! from content; the counting is the domain's.

mod account;
mod export;
mod lists;

use anyhow::{bail, Result};

use crate::content::schema::Body;
use crate::content::Content;
use crate::domain::registration::{
    hours_problem, long_date, progress, CpdActivity, Discussion, Feedback,
};

use super::context::Context;
use super::plain::{say, today};
use super::registration_args::{
    CpdAddArgs, CpdCommand, DiscussionCommand, FeedbackCommand, RevalidationCommand,
};

/// The body named in config.toml, or how to name one.
fn body<'a>(ctx: &Context, content: &'a Content) -> Result<&'a Body> {
    let known = || {
        content
            .bodies
            .iter()
            .map(|b| b.id.as_ref().as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some(id) = ctx.config.registration.as_deref() else {
        bail!(
            "No registration is set. Add a line such as registration = \"nmc\" to {} \
             (bodies: {}), and renewal = \"YYYY-MM-DD\" for your renewal day.",
            ctx.paths.config_file.display(),
            known()
        );
    };
    content.body(id).ok_or_else(|| {
        anyhow::anyhow!(
            "registration: Lantern knows no body \"{}\"; it knows {}.",
            crate::text::printable::one_line(id, 30),
            known()
        )
    })
}

/// Theme ids, each checked against the body's code.
fn themes(body: &Body, wanted: &[String]) -> Result<Vec<String>> {
    let valid: Vec<&str> = body.themes.iter().map(|t| t.id.as_ref().as_str()).collect();
    let mut out = Vec::new();
    for theme in wanted {
        let theme = theme.trim().to_lowercase();
        if valid.is_empty() {
            bail!(
                "{} names no themes of a code, so leave out --code.",
                body.name
            );
        }
        if !valid.contains(&theme.as_str()) {
            bail!(
                "--code: \"{}\" is not a theme of the {} code; themes are {}.",
                crate::text::printable::one_line(&theme, 40),
                body.name,
                valid.join(", ")
            );
        }
        if !out.contains(&theme) {
            out.push(theme);
        }
    }
    Ok(out)
}

/// Whether to go ahead with deleting `what`: `--yes`, or a yes on a terminal.
fn sure(what: &str, yes: bool) -> Result<bool> {
    use std::io::IsTerminal as _;
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        bail!("deleting needs a yes: add --yes to delete {what} without asking");
    }
    errln!("Delete {what}? This cannot be undone. [y/N] ");
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    let sure = matches!(answer.trim().to_lowercase().as_str(), "y" | "yes");
    if !sure {
        say(&format!("Kept {what}.\n"))?;
    }
    Ok(sure)
}

fn required(flag: &str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        bail!("{flag} needs some words.");
    }
    Ok(text.to_string())
}

pub fn cpd(ctx: &Context, command: CpdCommand) -> Result<i32> {
    match command {
        CpdCommand::Add(args) => cpd_add(ctx, args),
        CpdCommand::List => lists::cpd(&ctx.open_store()?.cpd()?),
        CpdCommand::Delete { id, yes } => {
            if !sure(&format!("CPD record #{id}"), yes)? {
                return Ok(0);
            }
            ctx.open_store()?.delete_cpd(id)?;
            say(&format!("Deleted CPD record #{id}.\n"))?;
            Ok(0)
        }
        CpdCommand::Export(args) => export::cpd(ctx, args),
    }
}

fn cpd_add(ctx: &Context, args: CpdAddArgs) -> Result<i32> {
    if let Some(why) = hours_problem(args.hours) {
        bail!("--hours: {why}.");
    }
    let started_on = args.on.unwrap_or_else(today);
    if let Some(until) = args.until {
        if until < started_on {
            bail!("--until {until} is before the day it began ({started_on}); give the last day.");
        }
    }
    let content = ctx.content();
    // CPD is worth keeping before a registration is set; only its themes need one.
    let themes = if args.themes.is_empty() {
        Vec::new()
    } else {
        themes(body(ctx, &content)?, &args.themes)?
    };
    let record = CpdActivity {
        id: 0,
        uid: String::new(),
        started_on,
        ended_on: args.until,
        hours: args.hours,
        participatory: args.participatory,
        method: args.method.trim().to_string(),
        topic: required("--topic", &args.topic)?,
        themes,
        learnt: args.learnt,
        impact: args.impact,
        impact_people: args.impact_people,
        with_peer: args.peer,
        note: args.note,
    };
    let id = ctx.open_store()?.add_cpd(&record)?;
    say(&format!(
        "Saved CPD record #{id}: {} hours on {}.\n",
        crate::domain::registration::hours_text(record.hours),
        long_date(started_on)
    ))?;
    Ok(0)
}

pub fn revalidation(ctx: &Context, command: Option<RevalidationCommand>) -> Result<i32> {
    match command.unwrap_or(RevalidationCommand::Status) {
        RevalidationCommand::Status => status(ctx),
        RevalidationCommand::Account(command) => account::account(ctx, command),
        RevalidationCommand::Feedback(command) => feedback(ctx, command),
        RevalidationCommand::Discussion(command) => discussion(ctx, command),
        RevalidationCommand::Export(args) => export::revalidation(ctx, args),
    }
}

fn status(ctx: &Context) -> Result<i32> {
    let content = ctx.content();
    let body = body(ctx, &content)?;
    let held = ctx.open_store()?.registration_records()?;
    let today = today();
    let p = progress(body, held.records(), ctx.config.renewal, today);
    let mut out = format!("{}\n", p.body);
    match p.window {
        Some(w) => out.push_str(&format!(
            "This cycle: {} to {}.\n\n",
            long_date(w.start),
            long_date(w.end)
        )),
        None => out.push_str("Everything you have collected so far.\n\n"),
    }
    for line in &p.lines {
        out.push_str(&format!("  {}\n", line.words));
    }
    if let Some(renewal) = &p.renewal {
        out.push_str(&format!("\n{}.\n", crate::text::upper_first(renewal)));
    } else if body.cycle.as_ref().is_some_and(|c| c.years.is_some()) {
        out.push_str(
            "\nAdd renewal = \"YYYY-MM-DD\" to config.toml to count from your own renewal day.\n",
        );
    }
    out.push_str(&format!("\nFrom {}.\n", body.source));
    say(&out)?;
    Ok(0)
}

fn feedback(ctx: &Context, command: FeedbackCommand) -> Result<i32> {
    match command {
        FeedbackCommand::Add {
            source,
            summary,
            reflection,
            on,
        } => {
            let record = Feedback {
                id: 0,
                uid: String::new(),
                received_on: on.unwrap_or_else(today),
                source: required("--from", &source)?,
                summary: required("--summary", &summary)?,
                reflection,
            };
            let id = ctx.open_store()?.add_feedback(&record)?;
            say(&format!(
                "Saved feedback #{id} from {}.\n",
                crate::text::printable::one_line(&record.source, 40)
            ))?;
            Ok(0)
        }
        FeedbackCommand::List => lists::feedback(&ctx.open_store()?.feedback()?),
        FeedbackCommand::Delete { id, yes } => {
            if !sure(&format!("feedback #{id}"), yes)? {
                return Ok(0);
            }
            ctx.open_store()?.delete_feedback(id)?;
            say(&format!("Deleted feedback #{id}.\n"))?;
            Ok(0)
        }
    }
}

fn discussion(ctx: &Context, command: DiscussionCommand) -> Result<i32> {
    match command {
        DiscussionCommand::Add {
            name,
            pin,
            on,
            note,
        } => {
            let record = Discussion {
                id: 0,
                uid: String::new(),
                held_on: on,
                partner_name: required("--name", &name)?,
                partner_pin: required("--pin", &pin)?,
                note,
            };
            let id = ctx.open_store()?.add_discussion(&record)?;
            say(&format!(
                "Saved reflective discussion #{id} on {}.\n",
                long_date(on)
            ))?;
            Ok(0)
        }
        DiscussionCommand::List => lists::discussions(&ctx.open_store()?.discussions()?),
        DiscussionCommand::Delete { id, yes } => {
            if !sure(&format!("reflective discussion #{id}"), yes)? {
                return Ok(0);
            }
            ctx.open_store()?.delete_discussion(id)?;
            say(&format!("Deleted reflective discussion #{id}.\n"))?;
            Ok(0)
        }
    }
}
