//! `lantern plan`: the compassionate resilience plan, shown, written section by
//! section, looked back over and exported.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use chrono::Local;

use crate::content::schema::PlanSection;
use crate::domain::plan;

use super::args::PlanCommand;
use super::context::Context;
use super::plain::{say, wrap};

fn plan_section<'a>(sections: &[&'a PlanSection], word: &str) -> Result<&'a PlanSection> {
    plan::find_section(sections, word).ok_or_else(|| {
        let ids: Vec<String> = sections
            .iter()
            .map(|s| match s.number {
                Some(n) => format!("{n} {}", s.id.as_ref()),
                None => s.id.as_ref().clone(),
            })
            .collect();
        anyhow::anyhow!("no plan section `{word}`; sections are: {}", ids.join(", "))
    })
}

fn local_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.with_timezone(&Local)
        .format("%-d %B %Y, %H:%M")
        .to_string()
}

pub fn plan(ctx: &Context, command: Option<PlanCommand>) -> Result<i32> {
    let content = ctx.content();
    let sections = plan::sections(&content);
    match command.unwrap_or(PlanCommand::Show) {
        PlanCommand::Show => {
            let store = ctx.open_store()?;
            let written = store.plan()?;
            let mut out = String::from("My compassionate resilience plan\n");
            for section in &sections {
                let number = section.number.map(|n| format!("{n}. ")).unwrap_or_default();
                out.push_str(&format!("\n{number}{}\n", section.name));
                let text = written
                    .iter()
                    .find(|w| w.section_id == *section.id.as_ref())
                    .filter(|w| !w.text.trim().is_empty());
                match text {
                    Some(w) => {
                        out.push_str(&indent(&w.text));
                        out.push_str(&format!("   (written {})\n", local_time(w.updated)));
                    }
                    None => {
                        out.push_str(&wrap(
                            &format!(
                                "Nothing here yet, and that's fine. {} (lantern plan set {})",
                                section.summary.trim(),
                                section.id.as_ref()
                            ),
                            80,
                            "   ",
                        ));
                    }
                }
            }
            say(&out)?;
            Ok(0)
        }
        PlanCommand::Set { section } => {
            let section = plan_section(&sections, &section)?;
            let id = section.id.as_ref().as_str();
            let mut store = ctx.open_store()?;
            let current = store.plan_section_text(id)?.unwrap_or_default();
            let text = if std::io::stdin().is_terminal() {
                let options = plan::pick_options(&content, section);
                let blank = plan::editor_text(section, &current, &options);
                let edited = super::editor::edit(&blank, &ctx.paths.data_dir)?;
                plan::from_editor(&edited)
            } else {
                let piped = super::output::read_stdin("the section from standard input")?;
                plan::from_editor(&piped)
            };
            if text == current.trim() {
                outln!("Nothing changed in {}.", section.name);
                return Ok(0);
            }
            store.set_plan_section(id, &text, Local::now().fixed_offset())?;
            outln!("Saved {}.", section.name);
            if !current.trim().is_empty() {
                outln!("Your earlier words are kept: lantern plan history {id}");
            }
            Ok(0)
        }
        PlanCommand::History { section } => {
            let section = plan_section(&sections, &section)?;
            let id = section.id.as_ref().as_str();
            let store = ctx.open_store()?;
            let current = store.plan()?.into_iter().find(|w| w.section_id == id);
            let history = store.plan_history(id)?;
            let mut out = format!("{}\n", section.name);
            match &current {
                Some(now) => {
                    out.push_str(&format!("\nNow, since {}:\n", local_time(now.updated)));
                    out.push_str(&indent(&now.text));
                }
                None => out.push_str("\nNothing written here yet.\n"),
            }
            for version in &history {
                out.push_str(&format!("\nFrom {}:\n", local_time(version.changed)));
                out.push_str(&indent(&version.text));
            }
            if current.is_some() && history.is_empty() {
                out.push_str("\nNo earlier versions yet.\n");
            }
            say(&out)?;
            Ok(0)
        }
        PlanCommand::Export { output, force } => {
            let store = ctx.open_store()?;
            let text = plan::markdown(&sections, &store.plan()?, Local::now().fixed_offset());
            match output {
                Some(path) => {
                    super::transfer::write_private(&path, &text, force)?;
                    errln!(
                        "Wrote your plan to {} (readable by you only).",
                        path.display()
                    );
                }
                None => {
                    std::io::stdout()
                        .lock()
                        .write_all(super::output::document(&text).as_bytes())?;
                }
            }
            Ok(0)
        }
    }
}

/// Plan text, indented and made safe for the terminal.
fn indent(text: &str) -> String {
    let text = super::output::safe(text.trim());
    if text.is_empty() {
        return "   (empty)\n".to_string();
    }
    text.lines()
        .map(|l| format!("   {l}").trim_end().to_string() + "\n")
        .collect()
}
