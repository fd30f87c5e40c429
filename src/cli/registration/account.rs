//! `lantern revalidation account`: a written reflective account, started on its own or
//! from a diary entry. The entry's words are shown and offered in the editor as hints;
//! nothing of them goes into the account unless the person writes it in.

use std::collections::BTreeMap;
use std::io::IsTerminal;

use anyhow::{bail, Result};

use crate::content::schema::Body;
use crate::domain::entry::Entry;
use crate::domain::registration::{account_text, long_date, ReflectiveAccount};

use super::super::context::Context;
use super::super::plain::{say, today, wrap};
use super::super::registration_args::{AccountAddArgs, AccountCommand};
use super::{body, lists, themes};

pub fn account(ctx: &Context, command: AccountCommand) -> Result<i32> {
    match command {
        AccountCommand::Add(args) => add(ctx, args),
        AccountCommand::List => lists::accounts(&ctx.open_store()?.accounts()?),
        AccountCommand::Delete { id, yes } => {
            if !super::sure(&format!("reflective account #{id}"), yes)? {
                return Ok(0);
            }
            ctx.open_store()?.delete_account(id)?;
            say(&format!("Deleted reflective account #{id}.\n"))?;
            Ok(0)
        }
    }
}

/// `--answer QUESTION=TEXT` flags, by the body's question ids.
fn flag_answers(body: &Body, flags: &[String]) -> Result<BTreeMap<String, String>> {
    let ids: Vec<&str> = body
        .questions
        .iter()
        .map(|q| q.id.as_ref().as_str())
        .collect();
    let mut answers = BTreeMap::new();
    for flag in flags {
        let Some((id, text)) = flag.split_once('=') else {
            bail!("--answer takes QUESTION=TEXT, such as --answer what-learnt=\"…\"; questions are {}.", ids.join(", "));
        };
        let id = id.trim();
        if !ids.contains(&id) {
            bail!(
                "--answer: \"{}\" is not a question of the {} account; questions are {}.",
                crate::text::printable::one_line(id, 40),
                body.name,
                ids.join(", ")
            );
        }
        if !text.trim().is_empty() {
            answers.insert(id.to_string(), text.trim().to_string());
        }
    }
    Ok(answers)
}

/// The entry's words, shown so the person can see what they are drawing on.
fn show_entry(entry: &Entry) -> Result<()> {
    let mut out = format!(
        "From your entry #{} ({}):\n",
        entry.id,
        long_date(entry.created.date_naive())
    );
    if !entry.title.trim().is_empty() {
        out.push_str(&format!("  {}\n", entry.title.trim()));
    }
    if !entry.body.trim().is_empty() {
        out.push_str(&wrap(&entry.body, 80, "    "));
    }
    for answer in entry.answers.iter().filter(|a| !a.text.trim().is_empty()) {
        out.push_str(&format!("  {}\n", answer.prompt.trim()));
        out.push_str(&wrap(&answer.text, 80, "    "));
    }
    out.push('\n');
    say(&out)?;
    Ok(())
}

fn add(ctx: &Context, args: AccountAddArgs) -> Result<i32> {
    let content = ctx.content();
    let body = body(ctx, &content)?;
    if body.questions.is_empty() {
        bail!(
            "{} describes no written reflective account, so there is nothing to fill in here.",
            body.name
        );
    }
    let themes = themes(body, &args.themes)?;
    let mut store = ctx.open_store()?;
    let entry = match args.from_entry {
        Some(id) => Some(store.entry(id)?),
        None => None,
    };
    if let Some(entry) = &entry {
        show_entry(entry)?;
    }
    let default_title = args
        .title
        .clone()
        .or_else(|| entry.as_ref().map(|e| e.title.trim().to_string()))
        .unwrap_or_default();
    let (title, answers) = if !args.answers.is_empty() {
        (default_title, flag_answers(body, &args.answers)?)
    } else {
        let blank = account_text::render(body, &default_title, entry.as_ref());
        let text = if std::io::stdin().is_terminal() {
            super::super::editor::edit(&blank, &ctx.paths.data_dir)?
        } else {
            super::super::output::read_stdin("your account from standard input")?
        };
        account_text::parse(body, &text)
    };
    if answers.is_empty() {
        bail!(
            "Nothing was written under the questions, so no account was saved. \
             Write under each ## question, or use --answer QUESTION=TEXT."
        );
    }
    let answered = answers.len();
    let account = ReflectiveAccount {
        id: 0,
        uid: String::new(),
        local_date: args.on.unwrap_or_else(today),
        title,
        answers,
        themes,
        entry_id: entry.as_ref().map(|e| e.id),
    };
    let id = store.add_account(&account)?;
    say(&format!(
        "Saved reflective account #{id}, answering {answered} of {} questions.\n",
        body.questions.len()
    ))?;
    Ok(0)
}
