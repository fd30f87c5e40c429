//! `lantern help-now`: where to get help when things are too much, for the region in
//! the settings.

use anyhow::{bail, Result};

use super::context::Context;

pub fn help_now(ctx: &Context) -> Result<i32> {
    let content = ctx.content();
    let Some(region) = content.region(&ctx.config.region) else {
        bail!("no help contacts are set up; check help.toml");
    };
    let mut out = format!("{}\n\n{}\n", region.name, region.intro.trim());
    // The headings are the app's, so both front ends name the sections alike.
    let headings = &content.words.help_sections;
    for (heading, contacts) in [
        (&headings.people, &region.people),
        (&headings.services, &region.services),
        (&headings.urgent, &region.urgent),
    ] {
        out.push_str(&format!("\n{heading}\n"));
        for c in contacts {
            let mut line = format!("  - {}", c.name);
            if let Some(n) = &c.number {
                line.push_str(&format!(": {n}"));
            }
            if let Some(w) = &c.when {
                line.push_str(&format!(" ({w})"));
            }
            out.push_str(&line);
            out.push('\n');
            out.push_str(&format!("    {}\n", c.how.trim()));
        }
    }
    // The guide for the hardest times, and how to read it from the shell.
    if let Some((guide, signpost)) = content
        .care
        .iter()
        .find_map(|c| c.signpost.as_deref().map(|s| (c, s)))
    {
        out.push_str(&format!(
            "\n{}\n  - {}: lantern content show care:{}\n",
            signpost.trim(),
            guide.name,
            guide.id.as_ref()
        ));
    }
    if let Some(note) = &region.note {
        out.push_str(&format!("\n{}\n", note.trim()));
    }
    out!("{out}");
    Ok(0)
}
