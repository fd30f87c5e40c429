//! `lantern content check|list|show`: the framework content, checked, listed and read.

use anyhow::{bail, Result};

use crate::content::{self, Kind};

use super::args::ContentCommand;
use super::context::Context;

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
        errln!("warning: {w}");
    }
    if errors.is_empty() {
        outln!(
            "Content is sound: {} from {} checked, with the built-in copy of the rest.",
            crate::text::plural::count(files, "file", "files"),
            dir.display()
        );
        return Ok(0);
    }
    for e in &errors {
        outln!("{e}");
    }
    outln!(
        "{} found.",
        crate::text::plural::count(errors.len(), "problem", "problems")
    );
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
