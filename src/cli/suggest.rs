//! `lantern suggest` and `lantern nudge`: what Lantern offers for how today is, from
//! the same reading of the recent days as the app's Today screen. `print_suggestion`
//! is also how `lantern checkin` ends.

use std::io::Write as _;

use anyhow::Result;
use chrono::Local;

use crate::config::Config;
use crate::content::Content;
use crate::domain::suggest::Suggestion;
use crate::session;

use super::context::Context;

pub fn print_suggestion(content: &Content, config: &Config, s: &Suggestion) -> Result<()> {
    outln!("{}", s.message);
    // When a rule offers help, people and help come before anything to practise:
    // someone close to the edge reads the top and may read no further.
    if s.offer_help {
        if let Some(region) = content.region(&config.region) {
            let region = region.for_role(config.role.as_deref());
            outln!();
            outln!("{}", region.intro.trim());
            for c in region
                .people
                .iter()
                .chain(&region.services)
                .chain(&region.urgent)
            {
                match &c.number {
                    Some(number) => outln!("  - {}: {number}", c.name),
                    None => outln!("  - {}", c.name),
                }
            }
            outln!("  (lantern help-now shows everything)");
            outln!();
        }
    }
    for offer in &s.offer {
        outln!(
            "  - {}  (lantern content show {offer})",
            content.name_of(offer)
        );
    }
    Ok(())
}

pub fn suggest(ctx: &Context) -> Result<i32> {
    let content = ctx.content();
    let store = ctx.open_store()?;
    let today = Local::now().date_naive();
    let history = session::today::history(&store, &content, today)?;
    let checked_in_today = history.iter().any(|c| c.at.date_naive() == today);
    match session::today::current_suggestion(&content, &history, today) {
        Some(s) => print_suggestion(&content, &ctx.config, &s)?,
        None if !checked_in_today => outln!(
            "Check in first today (`lantern checkin`), and Lantern will suggest one small thing."
        ),
        None => outln!("Nothing to suggest just now. Be kind to yourself."),
    }
    Ok(0)
}

/// One quiet line when today has no check-in yet; nothing otherwise, and nothing at
/// all (not even an error) if anything is amiss.
pub fn nudge(data_dir: Option<&std::path::Path>) -> i32 {
    let Ok(paths) = crate::config::Paths::resolve(data_dir) else {
        return 0;
    };
    if let Some(line) = session::today::nudge(&paths, Local::now().date_naive()) {
        let _ = writeln!(std::io::stdout(), "{line}");
    }
    0
}
