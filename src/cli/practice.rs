//! `lantern practice`: what has been practised, newest first, and `practice log` for
//! practice done away from Lantern.

use anyhow::{bail, Result};
use chrono::Local;

use crate::content::Kind;
use crate::domain::pacer::Pacer;
use crate::domain::practice::{self, PracticeRecord};
use crate::store::PracticeFilter;

use super::args::{PracticeArgs, PracticeCommand};
use super::context::Context;
use super::plain::{minutes_text, say};

pub fn practice(ctx: &Context, args: PracticeArgs) -> Result<i32> {
    let content = ctx.content();
    match args.command {
        None => {
            let store = ctx.open_store()?;
            let rows = store.practice_log(&PracticeFilter {
                since: None,
                limit: Some(args.number),
            })?;
            if rows.is_empty() {
                outln!(
                    "No practice logged yet. `lantern library` shows what you could try, \
                     and `lantern exercise ID` runs an exercise."
                );
                return Ok(0);
            }
            let mut out = String::new();
            for (_, r) in &rows {
                let minutes = if r.minutes > 0.0 {
                    format!("{:>5} min", practice::format_minutes(r.minutes))
                } else {
                    format!("{:>9}", "")
                };
                let mut line = format!(
                    "{}  {minutes}  {}",
                    r.at.format("%Y-%m-%d %H:%M"),
                    content.name_of(&r.item_ref)
                );
                if let Some(note) = &r.note {
                    line.push_str(&format!(
                        "  — {}",
                        super::output::safe(&note.replace('\n', " "))
                    ));
                }
                out.push_str(&line);
                out.push('\n');
            }
            say(&out)?;
            Ok(0)
        }
        Some(PracticeCommand::Log {
            item,
            minutes,
            note,
        }) => {
            let Some(found) = content.find(item.trim()) else {
                bail!(
                    "no content item `{}`; `lantern library` and `lantern content list` show what there is",
                    item.trim()
                );
            };
            let item_ref = format!("{}:{}", found.kind.name(), found.id);
            let minutes = match minutes {
                Some(m) if !m.is_finite() || !(0.0..=24.0 * 60.0).contains(&m) => {
                    bail!("minutes must be between 0 and 1440")
                }
                Some(m) => (m * 10.0).round() / 10.0,
                None => content
                    .exercises
                    .iter()
                    .find(|e| found.kind == Kind::Exercise && e.id.as_ref() == found.id)
                    .map(|e| practice::minutes_from_seconds(Pacer::new(e, None).total_seconds()))
                    .unwrap_or(0.0),
            };
            let record = PracticeRecord {
                uid: super::diary::new_uid(),
                item_ref: item_ref.clone(),
                at: Local::now().fixed_offset(),
                minutes,
                note: practice::clean_note(note),
            };
            let mut store = ctx.open_store()?;
            store.log_practice(&record)?;
            let name = content.name_of(&item_ref);
            if minutes > 0.0 {
                outln!("Logged {} of {name}.", minutes_text(minutes));
            } else {
                outln!("Logged {name}.");
            }
            Ok(0)
        }
    }
}
