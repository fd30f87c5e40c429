//! `lantern exercise`: an exercise as plain text, step by step, timed as the app's
//! pacer times it, so it works with a screen reader.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use chrono::Local;

use crate::domain::pacer::{CueKind, Pacer};
use crate::domain::practice::{self, PracticeRecord};

use super::args::ExerciseArgs;
use super::context::Context;
use super::plain::{minutes_text, read_line, say, seconds_text};

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
