//! `lantern check ID` / `lantern check --text -`: the confidentiality check, listing
//! each detail that could identify someone in context, and replacing the chosen ones in
//! the entry when asked. `lantern watch add|list|remove`: the person's own watch words.
//! What is found is printed for the person only: never logged, never in an error.

use anyhow::{bail, Result};
use chrono::Local;

use crate::domain::confidentiality::entry::{check_entry, replace_in_entry, EntryFinding, Field};
use crate::domain::confidentiality::{check_text, Detectors};

use super::args::{CheckArgs, WatchCommand};
use super::context::Context;
use super::output::{self, safe};
use super::share::{chosen, details as count, finding_line, FOUND};

pub fn check(ctx: &Context, args: CheckArgs) -> Result<i32> {
    let content = ctx.content();
    if let Some(text) = &args.text {
        if text != "-" {
            bail!("--text reads from standard input: write `--text -` and pipe the text in");
        }
        let text = output::read_stdin("the text to check from standard input")?;
        let watch = ctx.open_store()?.watch_words()?;
        let detectors = Detectors::new(&content, &watch);
        let found: Vec<EntryFinding> = check_text(&text, &detectors)
            .into_iter()
            .map(|finding| EntryFinding {
                field: Field::Body,
                finding,
            })
            .collect();
        return report(&found, |_| text.as_str(), &content, "this text");
    }
    let Some(id) = args.id else {
        bail!(
            "name an entry to check (lantern check ID), or pipe text to `lantern check --text -`"
        );
    };
    let mut store = ctx.open_store()?;
    let entry = store.entry(id)?;
    let detectors = Detectors::new(&content, &store.watch_words()?);
    let found = check_entry(&entry, &detectors);
    let Some(choice) = args.replace_in_entry else {
        let field_text = |field| crate::domain::confidentiality::entry::field_text(&entry, field);
        return report(&found, field_text, &content, &format!("entry {id}"));
    };
    let chosen = chosen("--replace-in-entry", &choice, found.len())?;
    let picked: Vec<&EntryFinding> = chosen.iter().filter_map(|n| found.get(n - 1)).collect();
    if picked.is_empty() {
        outln!("Nothing to replace: the check found nothing in entry {id}.");
        return Ok(0);
    }
    let mut changed = replace_in_entry(&entry, &picked);
    changed.updated = Local::now().fixed_offset();
    store.update_entry(&changed)?;
    let left = found.len() - picked.len();
    outln!(
        "Replaced {} in entry {id} with placeholders{}.",
        count(picked.len()),
        if left > 0 {
            format!("; {} left as you wrote", count(left))
        } else {
            String::new()
        }
    );
    Ok(0)
}

fn report<'a>(
    found: &[EntryFinding],
    text_of: impl Fn(Field) -> &'a str,
    content: &crate::content::Content,
    what: &str,
) -> Result<i32> {
    if found.is_empty() {
        outln!("Nothing in {what} looks like it could identify someone.");
        return Ok(0);
    }
    let mut out = format!(
        "{} in {what} could identify someone:\n\n",
        match found.len() {
            1 => "One detail".to_string(),
            n => format!("{n} details"),
        }
    );
    for (n, item) in found.iter().enumerate() {
        let text = text_of(item.field);
        let place = field_name(item.field);
        out.push_str(&finding_line(n + 1, &item.finding, &place, text, content));
    }
    match what.strip_prefix("entry ") {
        Some(id) => out.push_str(&format!(
            "\nEach can stay, be replaced in what you share, or be replaced in the entry too \
             (lantern check {id} --replace-in-entry all, or numbers like 1,3).\n"
        )),
        // Piped text is not kept anywhere, so there is no entry to change.
        None => out.push_str(
            "\nEach can stay, or be replaced with a placeholder such as [postcode] before \
             you share the text.\n",
        ),
    }
    out!("{out}");
    Ok(FOUND)
}

fn field_name(field: Field) -> String {
    match field {
        Field::Title => "title".into(),
        Field::Body => "text".into(),
        Field::Answer(i) => format!("answer {}", i + 1),
    }
}

pub fn watch(ctx: &Context, command: WatchCommand) -> Result<i32> {
    let mut store = ctx.open_store()?;
    match command {
        WatchCommand::Add { word } => {
            let word = word.trim();
            if word.is_empty() || word.chars().any(char::is_control) {
                bail!("give a word to watch for, like `lantern watch add Amelia`");
            }
            if store.add_watch_word(word)? {
                outln!("The check will now look out for \"{}\".", safe(word));
            } else {
                outln!("\"{}\" is already on your watch list.", safe(word));
            }
        }
        WatchCommand::List => {
            let words = store.watch_words()?;
            if words.is_empty() {
                outln!("No watch words yet. Add one with `lantern watch add WORD`.");
            }
            for word in words {
                outln!("{}", safe(&word));
            }
        }
        WatchCommand::Remove { word } => {
            if store.remove_watch_word(&word)? {
                outln!("\"{}\" is off your watch list.", safe(word.trim()));
            } else {
                bail!("that word is not on your watch list (see lantern watch list)");
            }
        }
    }
    Ok(0)
}
