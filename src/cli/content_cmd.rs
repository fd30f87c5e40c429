//! `lantern content …`, `lantern suggest` and `lantern help-now`.

use anyhow::{bail, Result};
use chrono::Local;

use crate::config::Config;
use crate::content::{self, Content, Kind};
use crate::domain::suggest::Suggestion;
use crate::session;

use super::{ContentCommand, Context};

pub fn run(ctx: &Context, command: ContentCommand) -> Result<i32> {
    match command {
        ContentCommand::Check { dir } => check(ctx, dir.as_deref()),
        ContentCommand::List { kind } => list(ctx, kind.as_deref()),
        ContentCommand::Show { id } => {
            let content = ctx.content();
            match content.show(&id) {
                Some(text) => {
                    out!("{text}");
                    Ok(0)
                }
                None => bail!("no content item `{id}`; `lantern content list` shows what there is"),
            }
        }
    }
}

fn check(ctx: &Context, dir: Option<&std::path::Path>) -> Result<i32> {
    let dir = dir.unwrap_or(&ctx.paths.content_dir);
    if !dir.exists() {
        bail!("{} does not exist", dir.display());
    }
    let (sources, mut errors, warnings) = content::sources_from_dir(Some(dir));
    let files = sources.iter().filter(|s| s.overridden.is_some()).count();
    let (_, check_errors) = content::check_sources(sources);
    errors.extend(check_errors);
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    if errors.is_empty() {
        outln!(
            "Content is sound: {files} file(s) from {} checked, with the built-in copy of the rest.",
            dir.display()
        );
        return Ok(0);
    }
    for e in &errors {
        outln!("{e}");
    }
    outln!("{} problem(s) found.", errors.len());
    Ok(1)
}

fn list(ctx: &Context, kind: Option<&str>) -> Result<i32> {
    let content = ctx.content();
    let kinds = match kind {
        None => Kind::ALL.to_vec(),
        Some(word) => match Kind::parse_list(word) {
            Some(kinds) => kinds,
            None => {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                bail!("no kind `{word}`; kinds are {}", names.join(", "));
            }
        },
    };
    let mut out = String::new();
    for (kind, id, name) in content.list(&kinds) {
        out.push_str(&format!("{:<40} {name}\n", format!("{}:{id}", kind.name())));
    }
    out!("{out}");
    Ok(0)
}

/// The name of the item a `kind:id` reference names, for showing an offer.
fn name_of(content: &Content, reference: &str) -> String {
    content
        .list(Kind::ALL)
        .into_iter()
        .find(|(kind, id, _)| format!("{}:{id}", kind.name()) == reference)
        .map(|(_, _, name)| name)
        .unwrap_or_else(|| reference.to_string())
}

pub fn print_suggestion(content: &Content, config: &Config, s: &Suggestion) -> Result<()> {
    outln!("{}", s.message);
    for offer in &s.offer {
        outln!(
            "  - {}  (lantern content show {offer})",
            name_of(content, offer)
        );
    }
    if s.offer_help {
        if let Some(region) = content.region(&config.region) {
            outln!();
            outln!("{}", region.intro.trim());
            for c in region
                .people
                .iter()
                .chain(&region.services)
                .chain(&region.urgent)
            {
                if let Some(number) = &c.number {
                    outln!("  - {}: {number}", c.name);
                }
            }
            outln!("  (lantern help-now shows everything)");
        }
    }
    Ok(())
}

pub fn suggest(ctx: &Context) -> Result<i32> {
    let content = ctx.content();
    let store = ctx.open_store()?;
    let today = Local::now().date_naive();
    let history = session::today::history(&store, &content, today)?;
    let Some(latest) = history.first() else {
        outln!("Check in first (`lantern checkin`), and Lantern will suggest one small thing.");
        return Ok(0);
    };
    match session::today::suggestion(&content, latest, &history, today) {
        Some(s) => print_suggestion(&content, &ctx.config, &s)?,
        None => outln!("Nothing to suggest just now. Be kind to yourself."),
    }
    Ok(0)
}

pub fn help_now(ctx: &Context) -> Result<i32> {
    let content = ctx.content();
    let Some(region) = content.region(&ctx.config.region) else {
        bail!("no help contacts are set up; check help.toml");
    };
    let mut out = format!("{}\n\n{}\n", region.name, region.intro.trim());
    for (heading, contacts) in [
        ("People", &region.people),
        ("Services", &region.services),
        ("Urgent", &region.urgent),
    ] {
        out.push_str(&format!("\n{heading}\n"));
        for c in contacts {
            let mut line = format!("  - {}", c.name);
            if let Some(n) = &c.number {
                line.push_str(&format!(": {n}"));
            }
            if let Some(w) = &c.when {
                line.push_str(&format!(" ({w})"));
            }
            out.push_str(&line);
            out.push('\n');
            out.push_str(&format!("    {}\n", c.how.trim()));
        }
    }
    if let Some(note) = &region.note {
        out.push_str(&format!("\n{}\n", note.trim()));
    }
    out!("{out}");
    Ok(0)
}
