//! `lantern help-now`: where to get help when things are too much, for the region and
//! the role in the settings.

use anyhow::{bail, Result};

use crate::content::schema::{Contact, HelpSections};

use super::context::Context;
use super::output;

pub fn help_now(ctx: &Context) -> Result<i32> {
    let content = ctx.content();
    let Some(region) = content.region(&ctx.config.region) else {
        bail!("no help contacts are set up; check help.toml");
    };
    let region = region.for_role(ctx.config.role.as_deref());
    let mut out = format!("{}\n\n{}\n", region.name, region.intro.trim());
    // The headings are the app's, so both front ends name the sections alike.
    let headings = &content.words.help_sections;
    let dim = output::colour();
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
            if let Some(checked) = checked_line(c, headings) {
                // Quiet, below the words that matter: dim where colour is on.
                if dim {
                    out.push_str(&format!("    \x1b[2m{checked}\x1b[0m\n"));
                } else {
                    out.push_str(&format!("    {checked}\n"));
                }
            }
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

/// Where a contact was checked, short: the site and the month, or the site it comes
/// from when it could not be checked.
fn checked_line(contact: &Contact, words: &HelpSections) -> Option<String> {
    match (&contact.checked, &contact.from) {
        (Some(checked), _) => Some(format!(
            "{} {}, {}",
            words.checked,
            site(&checked.at),
            checked.on
        )),
        (None, Some(from)) => Some(format!("{} {from}", words.unchecked)),
        (None, None) => None,
    }
}

/// The site of a page's address: `samaritans.org/how-we-can-help/` → `samaritans.org`.
fn site(page: &str) -> &str {
    let page = page
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let host = page.split('/').next().unwrap_or(page);
    host.strip_prefix("www.").unwrap_or(host)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_page_is_shown_by_its_site() {
        assert_eq!(
            super::site("samaritans.org/how-we-can-help/"),
            "samaritans.org"
        );
        assert_eq!(super::site("https://www.swast.nhs.uk/when"), "swast.nhs.uk");
        assert_eq!(super::site("findahelpline.com"), "findahelpline.com");
    }
}
