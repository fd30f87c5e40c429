//! Practising and finding support from the command line: `library`, `exercise` (a
//! text-mode pacer for screen readers), `plan`, `practice`, `support` and `nudge`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use chrono::Local;
use clap::{Args, Subcommand};

use crate::content::schema::{PlanSection, Question, SupportModel};
use crate::content::{Content, Kind};
use crate::domain::pacer::{CueKind, Pacer};
use crate::domain::plan;
use crate::domain::practice::{self, PracticeRecord};
use crate::domain::support_finder::{self, Match, Wants};
use crate::store::PracticeFilter;

use super::Context;

#[derive(Debug, Args)]
pub struct ExerciseArgs {
    /// The exercise's id, such as soothing-breathing (`lantern library exercise` lists them).
    pub id: String,
    /// Print how many minutes the exercise takes, and stop there.
    #[arg(long)]
    pub minutes_only: bool,
    /// Run faster by this factor (for tests); also LANTERN_PACE_SCALE.
    #[arg(long, hide = true, value_name = "X")]
    pub speed: Option<f64>,
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Show every section with what you have written so far.
    Show,
    /// Write a section (its id, number or a word of its id): from standard input when
    /// piped, otherwise in your $EDITOR. Earlier words are kept.
    Set { section: String },
    /// Earlier versions of a section, newest first.
    History { section: String },
    /// The plan as Markdown, to FILE (readable by you only) or to standard output.
    Export {
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct PracticeArgs {
    #[command(subcommand)]
    pub command: Option<PracticeCommand>,
    /// How many to show.
    #[arg(short = 'n', long = "number", default_value_t = 20)]
    pub number: usize,
}

#[derive(Debug, Subcommand)]
pub enum PracticeCommand {
    /// Record practice done away from Lantern: REF is an item such as
    /// exercise:grounding or skill:being-in-the-now.
    Log {
        #[arg(value_name = "REF")]
        item: String,
        /// How long, in minutes (an exercise's own length if not given).
        #[arg(long)]
        minutes: Option<f64>,
        /// A word about how it was.
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct SupportArgs {
    /// What would help most.
    #[arg(long, value_parser = ["heard", "think", "grow", "process"])]
    pub need: Option<String>,
    /// On your own, with one person, or with a group.
    #[arg(long, value_parser = ["alone", "one", "group"])]
    pub setting: Option<String>,
    /// Something informal, or arranged through work.
    #[arg(long, value_parser = ["informal", "formal"])]
    pub formality: Option<String>,
}

// ---------------------------------------------------------------------------------
// Shared helpers

/// `text` wrapped to `width` columns, each line starting with `indent`.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    for paragraph in text.trim().split('\n') {
        let mut line = String::from(indent);
        let mut empty = true;
        for word in paragraph.split_whitespace() {
            let needed = if empty {
                word.chars().count()
            } else {
                word.chars().count() + 1
            };
            if !empty && line.chars().count() + needed > width {
                out.push_str(line.trim_end());
                out.push('\n');
                line = String::from(indent);
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// (id, name, summary) of every item of `kind`, in file order.
fn items_of(content: &Content, kind: Kind) -> Vec<(String, String, Option<String>)> {
    fn each<T>(
        items: &[crate::content::Placed<T>],
        f: impl Fn(&T) -> (String, String, Option<String>),
    ) -> Vec<(String, String, Option<String>)> {
        items.iter().map(|p| f(&p.item)).collect()
    }
    let topic = |t: &crate::content::schema::Topic| {
        (
            t.id.as_ref().clone(),
            t.name.clone(),
            Some(t.summary.clone()),
        )
    };
    let note = |n: &crate::content::schema::Note| {
        (
            n.id.as_ref().clone(),
            n.name.clone(),
            Some(n.summary.clone()),
        )
    };
    match kind {
        Kind::Skill => each(&content.skills, topic),
        Kind::Value => each(&content.values, topic),
        Kind::Concept => each(&content.concepts, topic),
        Kind::Step => each(&content.steps, topic),
        Kind::Point => each(&content.points, topic),
        Kind::Dimension => each(&content.dimensions, topic),
        Kind::Principle => each(&content.principles, topic),
        Kind::Guidance => each(&content.guidance, topic),
        Kind::Factor => each(&content.factors, note),
        Kind::Stress => each(&content.stresses, note),
        Kind::Outcome => each(&content.outcomes, note),
        Kind::Model => each(&content.models, |m| {
            (
                m.id.as_ref().clone(),
                m.name.clone(),
                Some(m.summary.clone()),
            )
        }),
        Kind::Area => each(&content.areas, |a| {
            (
                a.id.as_ref().clone(),
                a.name.clone(),
                Some(a.summary.clone()),
            )
        }),
        Kind::Exercise => each(&content.exercises, |e| {
            (
                e.id.as_ref().clone(),
                e.name.clone(),
                Some(e.summary.clone()),
            )
        }),
        Kind::Template => each(&content.templates, |t| {
            (
                t.id.as_ref().clone(),
                t.name.clone(),
                Some(t.summary.clone()),
            )
        }),
        Kind::Guide => each(&content.guides, |g| {
            (
                g.id.as_ref().clone(),
                g.name.clone(),
                Some(g.summary.clone()),
            )
        }),
        Kind::Tool => each(&content.tools, |t| {
            (
                t.id.as_ref().clone(),
                t.name.clone(),
                Some(t.summary.clone()),
            )
        }),
        Kind::System => each(&content.systems, |s| {
            (
                s.id.as_ref().clone(),
                s.name.clone(),
                Some(s.summary.clone()),
            )
        }),
        Kind::Quadrant => each(&content.quadrants, |q| {
            (
                q.id.as_ref().clone(),
                q.name.clone(),
                Some(q.summary.clone()),
            )
        }),
        Kind::Section => each(&content.sections, |s| {
            (
                s.id.as_ref().clone(),
                s.name.clone(),
                Some(s.summary.clone()),
            )
        }),
        Kind::Shelf => each(&content.shelves, |s| {
            (
                s.id.as_ref().clone(),
                s.name.clone(),
                Some(s.summary.clone()),
            )
        }),
        _ => content
            .list(&[kind])
            .into_iter()
            .map(|(_, id, name)| (id, name, None))
            .collect(),
    }
}

/// The name of the item a `kind:id` reference names, or the reference itself.
fn name_of(content: &Content, reference: &str) -> String {
    let Some(found) = content.find(reference) else {
        return reference.to_string();
    };
    content
        .list(&[found.kind])
        .into_iter()
        .find(|(_, id, _)| id == found.id)
        .map(|(_, _, name)| name)
        .unwrap_or_else(|| reference.to_string())
}

fn seconds_text(seconds: f64) -> String {
    practice::format_minutes(seconds)
}

fn minutes_text(minutes: f64) -> String {
    let m = practice::format_minutes(minutes);
    if m == "1" {
        "1 minute".to_string()
    } else {
        format!("{m} minutes")
    }
}

/// Prints `text` as is, at once (the pacer's steps are timed). A closed pipe comes
/// back as an error, so the command stops and `main` ends it quietly.
fn say(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

/// Reads one line from standard input; `None` at end of input.
fn read_line() -> Result<Option<String>> {
    let mut line = String::new();
    let n = std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading your answer")?;
    Ok((n > 0).then(|| line.trim().to_string()))
}

// ---------------------------------------------------------------------------------
// lantern library

pub fn library(ctx: &Context, word: Option<&str>) -> Result<i32> {
    let content = ctx.content();
    let shelves: Vec<_> = content.shelves.iter().map(|s| &s.item).collect();
    let kinds_of = |kinds: &[String]| -> Vec<Kind> {
        kinds
            .iter()
            .filter_map(|k| Kind::ALL.iter().copied().find(|kind| kind.name() == k))
            .collect()
    };
    let mut out = String::new();
    let Some(word) = word else {
        for shelf in &shelves {
            out.push_str(&format!(
                "{}  (lantern library {})\n",
                shelf.name,
                shelf.id.as_ref()
            ));
            for kind in kinds_of(&shelf.kinds) {
                for (id, name, _) in items_of(&content, kind) {
                    out.push_str(&format!("  {name:<50}  {}:{id}\n", kind.name()));
                }
            }
            out.push('\n');
        }
        out.push_str("lantern content show ID shows one item in full.\n");
        say(&out)?;
        return Ok(0);
    };
    let wanted = word.trim().to_lowercase();
    let (heading, kinds) = match shelves.iter().find(|s| *s.id.as_ref() == wanted) {
        Some(shelf) => (
            Some((shelf.name.clone(), shelf.summary.clone())),
            kinds_of(&shelf.kinds),
        ),
        None => match Kind::parse_list(&wanted) {
            Some(kinds) => (None, kinds),
            None => {
                let mut names: Vec<String> =
                    shelves.iter().map(|s| s.id.as_ref().clone()).collect();
                names.extend(Kind::ALL.iter().map(|k| k.name().to_string()));
                bail!(
                    "nothing called `{word}` in the library; try one of: {}",
                    names.join(", ")
                );
            }
        },
    };
    if let Some((name, summary)) = heading {
        out.push_str(&format!("{name}\n"));
        out.push_str(&wrap(&summary, 80, ""));
        out.push('\n');
    }
    for kind in kinds {
        for (id, name, summary) in items_of(&content, kind) {
            out.push_str(&format!("{name}  ({}:{id})\n", kind.name()));
            if let Some(summary) = summary {
                out.push_str(&wrap(&summary, 80, "  "));
            }
            out.push('\n');
        }
    }
    say(&out)?;
    Ok(0)
}

// ---------------------------------------------------------------------------------
// lantern exercise

/// The pace factor: `--speed`, else LANTERN_PACE_SCALE, else 1.
fn pace_scale(flag: Option<f64>) -> Result<f64> {
    let scale = match flag {
        Some(s) => s,
        None => match std::env::var("LANTERN_PACE_SCALE") {
            Ok(text) if !text.trim().is_empty() => text
                .trim()
                .parse::<f64>()
                .with_context(|| format!("LANTERN_PACE_SCALE `{text}` is not a number"))?,
            _ => 1.0,
        },
    };
    if !scale.is_finite() || scale <= 0.0 {
        bail!("the pace factor must be a number above 0");
    }
    Ok(scale)
}

/// Waits until `deadline`, in short slices so a stop request is seen quickly.
/// Returns false if stopped.
fn wait_until(deadline: Instant, stop: &AtomicBool) -> bool {
    loop {
        if stop.load(Ordering::Relaxed) {
            return false;
        }
        let now = Instant::now();
        if now >= deadline {
            return true;
        }
        std::thread::sleep((deadline - now).min(Duration::from_millis(100)));
    }
}

pub fn exercise(ctx: &Context, args: ExerciseArgs) -> Result<i32> {
    let content = ctx.content();
    let id = args.id.trim();
    let id = id.strip_prefix("exercise:").unwrap_or(id);
    let Some(exercise) = content.exercises.iter().find(|e| e.id.as_ref() == id) else {
        let ids: Vec<&str> = content
            .exercises
            .iter()
            .map(|e| e.id.as_ref().as_str())
            .collect();
        bail!("no exercise `{id}`; exercises are: {}", ids.join(", "));
    };
    let pacer = Pacer::new(exercise, ctx.config.rhythm.as_ref());
    if args.minutes_only {
        outln!("{}", practice::format_minutes(pacer.total_seconds() / 60.0));
        return Ok(0);
    }
    let scale = pace_scale(args.speed)?;
    // Open the diary first, so a passphrase is asked for before, not after.
    let mut store = ctx.open_store()?;

    let stop = Arc::new(AtomicBool::new(false));
    // A second Ctrl-C (or one once `stop` is set) ends Lantern at once; the first one
    // only stops the exercise, which still counts.
    #[cfg(unix)]
    {
        use signal_hook::consts::SIGINT;
        signal_hook::flag::register_conditional_shutdown(SIGINT, 130, Arc::clone(&stop))
            .context("setting up Ctrl-C")?;
        signal_hook::flag::register(SIGINT, Arc::clone(&stop)).context("setting up Ctrl-C")?;
    }

    let at = Local::now().fixed_offset();
    say(&format!(
        "{}: about {}. Ctrl-C stops at any time; the time you spend still counts.\n",
        pacer.name,
        minutes_text(practice::minutes_from_seconds(pacer.total_seconds()).max(0.1))
    ))?;
    let steps = pacer.step_count();
    let start = Instant::now();
    let deadline = |seconds: f64| start + Duration::from_secs_f64(seconds / scale);
    let mut finished = true;
    let mut gone: Option<std::io::Error> = None;
    for cue in pacer.cues() {
        if !wait_until(deadline(cue.at), &stop) {
            finished = false;
            break;
        }
        let line = match cue.what {
            CueKind::Step { index, text } => {
                format!("\nStep {} of {steps}: {text}", index + 1)
            }
            CueKind::Phase { word, seconds, .. } => {
                format!("{word}… {}", seconds_text(seconds))
            }
        };
        // A reader that has gone (`| head`) stops the exercise like Ctrl-C: the time
        // spent is still logged, and the closed pipe is reported after that.
        if let Err(error) = say(&format!("{line}\n")) {
            gone = Some(error);
            finished = false;
            break;
        }
    }
    if finished && !wait_until(deadline(pacer.total_seconds()), &stop) {
        finished = false;
    }
    let spent = (start.elapsed().as_secs_f64() * scale).min(pacer.total_seconds());
    let minutes = practice::minutes_from_seconds(spent);
    if gone.is_none() {
        say("\n")?;
        if finished {
            say(&format!("Finished: {}.\n", pacer.name))?;
        } else {
            say("Stopped. What you did still counts.\n")?;
        }
    }
    if minutes <= 0.0 {
        if let Some(error) = gone {
            return Err(error.into());
        }
        say("It stopped almost at once, so nothing was logged.\n")?;
        return Ok(0);
    }
    let record = PracticeRecord {
        uid: super::diary::new_uid(),
        item_ref: pacer.item_ref.clone(),
        at,
        minutes,
        note: None,
    };
    let id = store.log_practice(&record)?;
    if let Some(error) = gone {
        return Err(error.into());
    }
    say(&format!("Logged {} of practice.\n", minutes_text(minutes)))?;
    if std::io::stdin().is_terminal() {
        // From here a Ctrl-C simply ends Lantern: the practice is already saved.
        stop.store(true, Ordering::Relaxed);
        say("A word about how that was? (Enter to skip) ")?;
        if let Some(note) = practice::clean_note(read_line()?) {
            store.set_practice_note(id, Some(&note))?;
            say("Noted.\n")?;
        }
    }
    Ok(0)
}

// ---------------------------------------------------------------------------------
// lantern plan

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
                    eprintln!(
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

// ---------------------------------------------------------------------------------
// lantern practice

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
                    name_of(&content, &r.item_ref)
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
            let name = name_of(&content, &item_ref);
            if minutes > 0.0 {
                outln!("Logged {} of {name}.", minutes_text(minutes));
            } else {
                outln!("Logged {name}.");
            }
            Ok(0)
        }
    }
}

// ---------------------------------------------------------------------------------
// lantern support

/// Which of the three wants a question asks about, judged by what its answers set.
fn asks(question: &Question) -> (bool, bool, bool) {
    let a = &question.answers;
    (
        a.iter().any(|x| x.need.is_some()),
        a.iter().any(|x| x.setting.is_some()),
        a.iter().any(|x| x.formality.is_some()),
    )
}

/// Asks one question on the terminal; `None` when skipped.
fn ask(question: &Question) -> Result<Option<usize>> {
    let mut out = format!("\n{}\n", question.text);
    if let Some(hint) = &question.hint {
        out.push_str(&wrap(hint, 80, "  "));
    }
    for (n, answer) in question.answers.iter().enumerate() {
        out.push_str(&format!("  {}. {}\n", n + 1, answer.text));
    }
    say(&out)?;
    let count = question.answers.len();
    for _ in 0..3 {
        out!("Your answer (1-{count}, Enter to skip): ");
        std::io::stdout().flush()?;
        let Some(line) = read_line()? else {
            return Ok(None);
        };
        if line.is_empty() {
            return Ok(None);
        }
        match line.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => return Ok(Some(n - 1)),
            _ => outln!("Type a number from 1 to {count}, or press Enter to skip."),
        }
    }
    Ok(None)
}

fn print_model(out: &mut String, model: &SupportModel) {
    out.push_str(&format!(
        "\n{}  (model:{})\n",
        model.name,
        model.id.as_ref()
    ));
    out.push_str(&wrap(&model.summary, 80, "  "));
    out.push_str("\n  How to find it:\n");
    out.push_str(&wrap(&model.how_to_find, 80, "    "));
    out.push_str("\n  A question to take away:\n");
    out.push_str(&wrap(&model.question, 80, "    "));
}

pub fn support(ctx: &Context, args: SupportArgs) -> Result<i32> {
    let content = ctx.content();
    let mut wants = Wants {
        need: args.need.as_deref().and_then(support_finder::parse_need),
        setting: args
            .setting
            .as_deref()
            .and_then(support_finder::parse_setting),
        formality: args
            .formality
            .as_deref()
            .and_then(support_finder::parse_formality),
    };
    let given = (
        args.need.is_some(),
        args.setting.is_some(),
        args.formality.is_some(),
    );
    if std::io::stdin().is_terminal() && !(given.0 && given.1 && given.2) {
        for question in content.questions.iter().map(|q| &q.item) {
            let (need, setting, formality) = asks(question);
            let already = (need && given.0) || (setting && given.1) || (formality && given.2);
            if already {
                continue;
            }
            if let Some(answer) = ask(question)?.and_then(|i| question.answers.get(i)) {
                wants.apply(answer);
            }
        }
    }
    let found = support_finder::matches(content.models.iter().map(|m| &m.item), &wants);
    let best_score = found.first().map_or(0, |m| m.score());
    let (best, rest): (Vec<&Match<'_>>, Vec<&Match<'_>>) = found
        .iter()
        .partition(|m| m.fits_all(&wants) || m.score() == best_score);
    let mut out = String::new();
    if !best.is_empty() {
        out.push_str(if std::io::stdin().is_terminal() {
            "\n"
        } else {
            ""
        });
        out.push_str("These could fit what you are looking for:\n");
    }
    for m in &best {
        print_model(&mut out, m.model);
    }
    if !rest.is_empty() {
        out.push_str("\nAlso worth a look:\n");
        for m in &rest {
            out.push_str(&format!(
                "  {}  (model:{})\n",
                m.model.name,
                m.model.id.as_ref()
            ));
        }
    }
    out.push_str("\nlantern content show model:ID tells you more about any of them.\n");
    say(&out)?;
    Ok(0)
}

// ---------------------------------------------------------------------------------
// lantern nudge

/// One quiet line when today has no check-in yet; nothing otherwise, and nothing at
/// all (not even an error) if anything is amiss.
pub fn nudge(data_dir: Option<&std::path::Path>) -> i32 {
    let Ok(paths) = crate::config::Paths::resolve(data_dir) else {
        return 0;
    };
    if let Some(line) = crate::session::today::nudge(&paths, Local::now().date_naive()) {
        let _ = writeln!(std::io::stdout(), "{line}");
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole_and_lines_short() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let wrapped = wrap(text, 20, "  ");
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 20),
            "{wrapped}"
        );
        assert!(wrapped.lines().all(|l| l.starts_with("  ")));
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>().join(" "),
            text
        );
    }

    #[test]
    fn every_kind_lists_its_items() {
        let content = crate::content::built_in();
        for kind in Kind::ALL {
            assert_eq!(
                items_of(&content, *kind).len(),
                content.list(&[*kind]).len(),
                "{}",
                kind.name()
            );
        }
    }

    #[test]
    fn the_built_in_shelves_name_real_kinds() {
        let content = crate::content::built_in();
        assert!(!content.shelves.is_empty());
        for shelf in &content.shelves {
            for kind in &shelf.kinds {
                assert!(
                    Kind::ALL.iter().any(|k| k.name() == kind),
                    "shelf {} names kind {kind}",
                    shelf.id.as_ref()
                );
            }
        }
    }
}
