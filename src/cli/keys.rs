//! `lantern keys`: every key the full-screen app answers to, place by place, as the
//! settings leave them. Each `[keys]` line that could not be used is a warning on
//! stderr, and its command keeps its default.

use anyhow::Result;

use super::context::Context;
use super::output::safe;
use super::KeyRows;

pub fn keys(ctx: &Context, key_rows: KeyRows) -> Result<i32> {
    let (rows, warnings) = key_rows(&ctx.config);
    for warning in &warnings {
        errln!("lantern: warning: {}", safe(warning));
    }
    let width = rows
        .iter()
        .map(|r| keys_text(&r.keys).chars().count())
        .max()
        .unwrap_or(0);
    let command_width = rows.iter().map(|r| r.command.len()).max().unwrap_or(0);
    let mut place = "";
    for row in &rows {
        if row.place != place {
            if !place.is_empty() {
                outln!();
            }
            place = row.place;
            outln!("{place}");
        }
        outln!(
            "  {:<width$}  {:<command_width$}  {}",
            keys_text(&row.keys),
            row.command,
            row.help
        );
    }
    outln!();
    outln!("Change a key in config.toml, for example:  [keys]  check_in = [\"c\", \"F5\"]");
    Ok(0)
}

/// A row with no keys of its own is the one any other key reaches (closing a box).
fn keys_text(keys: &[String]) -> String {
    if keys.is_empty() {
        "any other key".to_string()
    } else {
        keys.join(" ")
    }
}
