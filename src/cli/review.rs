//! `lantern review`: the last seven days looked back over, then a weekly review
//! written from its template.

use std::io::Write;

use anyhow::{bail, Result};

use crate::domain::insights::{date_range, Scales};

use super::context::Context;
use super::output;
use super::plain::today;
use super::stats::insights_text;

const REVIEW_TEMPLATE: &str = "weekly-review";

pub fn review(ctx: &Context) -> Result<i32> {
    let content = ctx.content();
    let today = today();
    let week = {
        let store = ctx.open_store()?;
        store.week_review(today, Scales::from_content(&content))?
    };
    let period = week.insights.period;
    let mut out = format!("Your week ({})\n\n", date_range(period.start, period.end));
    out.push_str(&insights_text(&content, &week.insights, today));
    if !week.checkins.is_empty() {
        out.push_str("\nCheck-ins\n");
        for (id, c) in &week.checkins {
            out.push_str(&output::checkin_line(*id, c));
            out.push('\n');
        }
    }
    if !week.good_moments.is_empty() {
        out.push_str("\nGood moments\n");
        for m in &week.good_moments {
            out.push_str(&format!(
                "  {}  {}\n",
                m.date.format("%a %-d %b"),
                output::safe(&m.text.trim().replace('\n', " "))
            ));
        }
    }
    out.push('\n');
    std::io::stdout().lock().write_all(out.as_bytes())?;
    std::io::stdout().flush()?;
    if content.template(REVIEW_TEMPLATE).is_none() {
        bail!("the `{REVIEW_TEMPLATE}` template is missing from your content; `lantern content check` says why");
    }
    super::diary::write(
        ctx,
        Some(REVIEW_TEMPLATE.to_string()),
        Some(format!(
            "Weekly review, {}",
            date_range(period.start, period.end)
        )),
        Vec::new(),
    )
}
