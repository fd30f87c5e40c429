//! `lantern unlock` and `lantern lock`: keeping an encrypted diary's key for a while, so
//! commands and the app open it without the passphrase, and forgetting it again.

use std::time::Duration;

use anyhow::{bail, Result};

use crate::host::keyring::LONGEST;
use crate::session::kept::{until_text, Keeping};
use crate::store::{self, FileKind, StoreError};
use crate::text::printable::one_line;

use super::context::{passphrase_from_user, show_opened, Context};

/// Without `--for` or `unlock_minutes`, as long as `sudo` keeps its word.
const DEFAULT_MINUTES: u32 = 15;

const HOW: &str = "write it as 30s, 15m or 2h (at most 12h)";

/// `30s`, `15m`, `2h`; a bare number is minutes, as `unlock_minutes` is.
pub fn parse_time(text: &str) -> std::result::Result<Duration, String> {
    let trimmed = text.trim();
    let split = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(split);
    let shown = one_line(text, 30);
    let Ok(number) = number.parse::<u64>() else {
        return Err(format!("`{shown}` is not a length of time; {HOW}"));
    };
    let seconds = match unit.trim() {
        "s" | "sec" | "secs" | "second" | "seconds" => Some(number),
        "" | "m" | "min" | "mins" | "minute" | "minutes" => number.checked_mul(60),
        "h" | "hour" | "hours" => number.checked_mul(3600),
        _ => return Err(format!("`{shown}` is not a length of time; {HOW}")),
    };
    match seconds.map(Duration::from_secs) {
        Some(time) if time.is_zero() => Err(format!(
            "`{shown}` would not keep the diary open at all; {HOW}"
        )),
        Some(time) if time <= LONGEST => Ok(time),
        _ => Err(format!(
            "`{shown}` is longer than Lantern keeps a diary open; the most is 12h"
        )),
    }
}

/// "15 minutes", "30 seconds", "2 hours", "1 hour 30 minutes".
pub fn spoken(time: Duration) -> String {
    let secs = time.as_secs();
    let unit = |n: u64, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (secs / 3600, secs % 3600 / 60, secs % 60) {
        (0, 0, s) => unit(s, "second"),
        (0, m, 0) => unit(m, "minute"),
        (h, 0, 0) => unit(h, "hour"),
        (0, m, s) => format!("{} {}", unit(m, "minute"), unit(s, "second")),
        (h, m, _) => format!("{} {}", unit(h, "hour"), unit(m, "minute")),
    }
}

pub fn unlock(ctx: &Context, time: Option<&str>) -> Result<i32> {
    let time = match time {
        Some(text) => parse_time(text).map_err(|e| anyhow::anyhow!("--for: {e}"))?,
        None => Duration::from_secs(
            60 * u64::from(ctx.config.unlock_minutes.unwrap_or(DEFAULT_MINUTES)),
        ),
    };
    let db = &ctx.paths.database;
    match store::file_kind(db)? {
        FileKind::Encrypted => {}
        FileKind::Plaintext => {
            outln!("This diary has no passphrase, so there is nothing to unlock.");
            return Ok(0);
        }
        FileKind::Missing => return Err(StoreError::NoDiary { path: db.clone() }.into()),
        FileKind::Empty => return Err(StoreError::EmptyFile { path: db.clone() }.into()),
        FileKind::NotADiary => return Err(StoreError::NotADiary { path: db.clone() }.into()),
    }
    let passphrase = passphrase_from_user("Passphrase: ")?;
    let unlocked = ctx.unlock_and_keep(&passphrase, time)?;
    show_opened(&unlocked.opened);
    match unlocked.keeping {
        Keeping::Until(until) => {
            outln!(
                "Your diary stays open for {} (until {}), without its passphrase. `lantern lock` closes it sooner.",
                spoken(time),
                until_text(until)
            );
            Ok(0)
        }
        Keeping::Unavailable(why) => bail!(
            "could not keep the diary open: {why}; commands ask for the passphrase as before"
        ),
        Keeping::NotThisDiary => bail!(
            "this diary's key is made in a way Lantern cannot keep, so nothing was kept; commands ask for the passphrase as before"
        ),
    }
}

pub fn lock(ctx: &Context) -> Result<i32> {
    // Where the keyring cannot be reached, nothing can have been kept in it.
    if ctx.forget_kept().unwrap_or(false) {
        outln!("Locked. Your diary asks for its passphrase again.");
    } else {
        outln!("Nothing was unlocked, so your diary already asks for its passphrase.");
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_in_seconds_minutes_and_hours() {
        assert_eq!(parse_time("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_time("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_time("2h"), Ok(Duration::from_secs(7200)));
        assert_eq!(parse_time("20"), Ok(Duration::from_secs(1200)));
        assert_eq!(parse_time("12h"), Ok(LONGEST));
        for bad in [
            "",
            "m",
            "abc",
            "15x",
            "-5m",
            "1.5h",
            "0s",
            "13h",
            "99999999999999999999h",
        ] {
            assert!(parse_time(bad).is_err(), "{bad} should not be a time");
        }
    }

    #[test]
    fn times_are_said_in_words() {
        assert_eq!(spoken(Duration::from_secs(900)), "15 minutes");
        assert_eq!(spoken(Duration::from_secs(1)), "1 second");
        assert_eq!(spoken(Duration::from_secs(3600)), "1 hour");
        assert_eq!(spoken(Duration::from_secs(5400)), "1 hour 30 minutes");
        assert_eq!(spoken(Duration::from_secs(90)), "1 minute 30 seconds");
    }
}
