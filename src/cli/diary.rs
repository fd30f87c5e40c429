//! Check-ins and diary entries from the command line.

use std::io::IsTerminal;

use anyhow::{bail, Context as _, Result};
use chrono::{Local, NaiveDate};

use crate::domain::checkin::{normalise_tags, CheckInInput};
use crate::domain::editor_text::{self, Written};
use crate::domain::entry::Entry;
use crate::session::today;
use crate::store::{CheckInFilter, EntryFilter, StoreError};

use super::args::CheckinArgs;
use super::context::Context;
use super::{editor, output};

pub fn new_uid() -> String {
    uuid::Uuid::new_v4().to_string()
}

pub fn checkin(ctx: &Context, args: CheckinArgs) -> Result<i32> {
    let content = ctx.content();
    let input = CheckInInput {
        pleasantness: args.pleasant,
        energy: args.energy,
        stress: args.stress,
        system: args.system,
        words: args.feel,
        tags: args.tags,
        note: args.note,
        good_moment: args.good,
        after_visit: args.after_visit,
    };
    let now = Local::now().fixed_offset();
    let checkin = input.validate(&content, new_uid(), now)?;
    let saved = ctx.open_store().and_then(|mut store| {
        let id = store.add_checkin(&checkin)?;
        Ok((store, id))
    });
    let (store, id) = match saved {
        Ok(saved) => saved,
        Err(e) => {
            // The check-in could not be kept, but how the person feels is still true:
            // someone on a very hard day still sees who can help, then the problem.
            let alone = std::slice::from_ref(&checkin);
            if let Some(s) = today::suggestion(&content, &checkin, alone, now.date_naive())
                .filter(|s| s.offer_help)
            {
                super::suggest::print_suggestion(&content, &ctx.config, &s)?;
                outln!();
            }
            return Err(e);
        }
    };
    outln!(
        "Checked in (#{id}): pleasantness {}, energy {}, stress {}.",
        checkin.pleasantness,
        checkin.energy,
        checkin.stress
    );
    let history = today::history(&store, &content, now.date_naive())?;
    if let Some(s) = today::suggestion(&content, &checkin, &history, now.date_naive()) {
        outln!();
        super::suggest::print_suggestion(&content, &ctx.config, &s)?;
    }
    Ok(0)
}

pub fn write(
    ctx: &Context,
    template: Option<String>,
    title: Option<String>,
    tags: Vec<String>,
) -> Result<i32> {
    let content = ctx.content();
    let template = match template {
        Some(id) => Some(content.template(&id).cloned().ok_or_else(|| {
            let ids: Vec<String> = content
                .templates
                .iter()
                .map(|t| t.id.as_ref().clone())
                .collect();
            anyhow::anyhow!("no template `{id}`. Templates: {}", ids.join(", "))
        })?),
        None => None,
    };
    let prompts = editor_text::prompts_for(template.as_ref(), &[]);
    let mut start = Written {
        title: title.unwrap_or_default(),
        tags: normalise_tags(
            tags.iter()
                .chain(template.iter().flat_map(|t| t.tags.iter())),
        ),
        ..Default::default()
    };
    let written = if std::io::stdin().is_terminal() {
        let blank = editor_text::render(&prompts, &start);
        let text = editor::edit(&blank, &ctx.paths.data_dir)?;
        if text == blank {
            outln!("Nothing changed, so nothing was saved.");
            return Ok(0);
        }
        editor_text::parse(&text, &prompts)
    } else {
        let text = output::read_stdin("the entry from standard input")?;
        let mut parsed = editor_text::parse(&text, &prompts);
        if parsed.title.is_empty() {
            parsed.title = std::mem::take(&mut start.title);
        }
        parsed.tags = normalise_tags(parsed.tags.iter().chain(start.tags.iter()));
        parsed
    };
    let now = Local::now().fixed_offset();
    let entry = Entry {
        id: 0,
        uid: new_uid(),
        template_id: template.map(|t| t.id.as_ref().clone()),
        title: written.title,
        body: written.body,
        answers: written.answers,
        tags: written.tags,
        created: now,
        updated: now,
    };
    if entry.is_empty() {
        outln!("Nothing was written, so nothing was saved.");
        return Ok(0);
    }
    let mut store = ctx.open_store()?;
    let id = store.add_entry(&entry)?;
    outln!("Saved entry #{id}.");
    Ok(0)
}

pub fn list(
    ctx: &Context,
    number: usize,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    tag: Option<String>,
    checkins: bool,
) -> Result<i32> {
    let store = ctx.open_store()?;
    let mut out = String::new();
    if checkins {
        let rows = store.list_checkins(&CheckInFilter {
            limit: Some(number),
            since,
            until,
        })?;
        if rows.is_empty() && number > 0 {
            outln!("No check-ins yet. `lantern checkin --pleasant 6 --energy 5 --stress 4` records one.");
        }
        for (id, c) in &rows {
            out.push_str(&output::checkin_line(*id, c));
            out.push('\n');
        }
    } else {
        let rows = store.list_entries(&EntryFilter {
            limit: Some(number),
            since,
            until,
            tag: tag.map(|t| normalise_tags([t]).join("")),
            ..Default::default()
        })?;
        if rows.is_empty() && number > 0 {
            outln!("No entries here yet. `lantern write` starts one.");
        }
        for row in &rows {
            out.push_str(&output::entry_line(row));
            out.push('\n');
        }
    }
    out!("{out}");
    Ok(0)
}

pub fn show(ctx: &Context, id: i64) -> Result<i32> {
    let store = ctx.open_store()?;
    out!("{}", output::entry_full(&store.entry(id)?));
    Ok(0)
}

pub fn search(ctx: &Context, query: &str, number: usize) -> Result<i32> {
    if crate::store::fts_query(query).is_none() {
        bail!("search for at least one word");
    }
    if let Some(problem) = crate::store::SearchHit::query_problem(query) {
        bail!("{problem}");
    }
    let store = ctx.open_store()?;
    let hits = store.search(query, number)?;
    if hits.is_empty() {
        outln!("Nothing found.");
        return Ok(0);
    }
    let colour = output::colour();
    let mut out = String::new();
    for hit in &hits {
        out.push_str(&format!(
            "{:>6}  {}  {}\n        {}\n",
            hit.id,
            hit.created.format("%Y-%m-%d"),
            output::safe(&hit.title),
            output::snippet(hit, colour)
        ));
    }
    out!("{out}");
    Ok(0)
}

pub fn edit(ctx: &Context, id: i64) -> Result<i32> {
    let content = ctx.content();
    let mut store = ctx.open_store()?;
    let mut entry = store.entry(id)?;
    let template = entry
        .template_id
        .as_deref()
        .and_then(|t| content.template(t));
    let prompts = editor_text::prompts_for(template, &entry.answers);
    let before = Written {
        title: entry.title.clone(),
        tags: entry.tags.clone(),
        body: entry.body.clone(),
        answers: entry.answers.clone(),
    };
    let text = editor_text::render(&prompts, &before);
    // Compare like with like: what the unchanged text reads back as, not the stored
    // entry, which may carry spacing the layout does not keep.
    let before = editor_text::parse(&text, &prompts);
    let edited = if std::io::stdin().is_terminal() {
        editor::edit(&text, &ctx.paths.data_dir)?
    } else {
        output::read_stdin("the entry from standard input")?
    };
    let after = editor_text::parse(&edited, &prompts);
    if after == before {
        outln!("Nothing changed.");
        return Ok(0);
    }
    let loaded = entry.updated;
    entry.title = after.title;
    entry.tags = after.tags;
    entry.body = after.body;
    entry.answers = after.answers;
    entry.updated = Local::now().fixed_offset();
    match store.update_entry_unless_changed(&entry, Some(loaded)) {
        Ok(()) => outln!("Saved entry #{id}."),
        // Saved or deleted elsewhere while the editor was open: these words are kept
        // beside it, never written over the other's.
        Err(StoreError::Changed | StoreError::NoEntry(_)) => {
            entry.uid = uuid::Uuid::new_v4().to_string();
            let new = store.add_entry(&entry)?;
            outln!(
                "Entry #{id} was changed or deleted elsewhere while you wrote, so your words are saved as a new entry, #{new}, beside it."
            );
        }
        Err(e) => return Err(e.into()),
    }
    Ok(0)
}

pub fn delete(ctx: &Context, id: i64, yes: bool) -> Result<i32> {
    let mut store = ctx.open_store()?;
    let entry = store.entry(id)?;
    if !yes {
        if !std::io::stdin().is_terminal() {
            bail!("deleting needs a yes: add --yes to delete entry #{id} without asking");
        }
        eprint!(
            "Delete entry #{id} from {} ({})? This cannot be undone. [y/N] ",
            entry.created.format("%Y-%m-%d %H:%M"),
            output::safe(&entry.display_title())
        );
        let mut answer = String::new();
        std::io::stdin()
            .read_line(&mut answer)
            .context("reading your answer")?;
        if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
            outln!("Kept entry #{id}.");
            return Ok(0);
        }
    }
    store.delete_entry(id)?;
    outln!("Deleted entry #{id}.");
    Ok(0)
}
