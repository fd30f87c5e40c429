//! `lantern stats`: how the last days have been, in plain words or as JSON.

use std::io::Write;

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use serde::Serialize;

use crate::content::schema::Level;
use crate::content::Content;
use crate::domain::insights::{
    date_range, level, one_decimal, outcomes_reflection_due, summarise_with, Insights, Measure,
    Period, Scales, Trend,
};

use super::args::StatsArgs;
use super::context::Context;
use super::output;
use super::plain::today;

/// The template for the monthly look at the expected outcomes.
pub const OUTCOMES_TEMPLATE: &str = "outcomes-reflection";

/// The quarters of the mood meter as content names them, with their counts.
fn quadrant_counts(content: &Content, insights: &Insights) -> Vec<(String, u32)> {
    let named: Vec<(String, u32)> = content
        .quadrants
        .iter()
        .map(|q| {
            (
                q.item.name.clone(),
                insights.quadrants.get(q.item.pleasantness, q.item.energy),
            )
        })
        .collect();
    if named.is_empty() {
        let q = insights.quadrants;
        return vec![
            (
                "pleasant, high energy".into(),
                q.get(Level::High, Level::High),
            ),
            (
                "pleasant, low energy".into(),
                q.get(Level::High, Level::Low),
            ),
            (
                "unpleasant, high energy".into(),
                q.get(Level::Low, Level::High),
            ),
            (
                "unpleasant, low energy".into(),
                q.get(Level::Low, Level::Low),
            ),
        ];
    }
    named
}

/// Daily values as a line of block characters; a day without a check-in is a space.
fn sparkline(insights: &Insights, measure: Measure) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let bounds = insights.scales.get(measure);
    let mut days = insights.days.iter().peekable();
    let mut out = String::new();
    let mut date = insights.period.start;
    while date <= insights.period.end {
        match days.peek() {
            Some(d) if d.date == date => {
                out.push(BARS[level(d.get(measure), bounds, BARS.len())]);
                days.next();
            }
            _ => out.push(' '),
        }
        let Some(next) = date.succ_opt() else { break };
        date = next;
    }
    out.trim_end().to_string()
}

/// The readable summary of a period, shared by `stats` and `review`.
pub fn insights_text(content: &Content, insights: &Insights, today: NaiveDate) -> String {
    let mut out = String::new();
    for sentence in summarise_with(insights, today, &content.words.insights) {
        out.push_str(&format!("  {sentence}\n"));
    }
    if insights.days.is_empty() {
        return out;
    }
    out.push_str("\nOn average, per day with a check-in\n");
    let spark = insights.period.days() <= 62 && insights.days.len() > 1;
    for measure in Measure::ALL {
        let Some(mean) = insights.mean(measure) else {
            continue;
        };
        let b = insights.scales.get(measure);
        let range = format!("({}–{})", b.min, b.max);
        out.push_str(&format!(
            "  {:<13}{:>4} {:<8}",
            measure.name(),
            one_decimal(mean),
            range
        ));
        if spark {
            out.push_str(&format!("  {}", sparkline(insights, measure)));
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
    }

    let quadrants = quadrant_counts(content, insights);
    out.push_str("\nWhere your check-ins fell on the mood meter\n  ");
    out.push_str(
        &quadrants
            .iter()
            .map(|(name, n)| format!("{name} {n}"))
            .collect::<Vec<_>>()
            .join(" · "),
    );
    out.push('\n');

    if !insights.words.is_empty() {
        out.push_str("\nThe words you chose most\n  ");
        out.push_str(
            &insights
                .words
                .iter()
                .map(|w| format!("{} {}", output::safe(&w.word), w.count))
                .collect::<Vec<_>>()
                .join(", "),
        );
        out.push('\n');
    }
    if !insights.tags.is_empty() {
        out.push_str("\nStressors, with the average stress when you named them\n");
        for tag in &insights.tags {
            out.push_str(&format!(
                "  #{:<24} {:>4}  ({} check-in{})\n",
                output::safe(&tag.tag),
                one_decimal(tag.mean_stress),
                tag.checkins,
                if tag.checkins == 1 { "" } else { "s" }
            ));
        }
    }
    if insights.weekdays.len() > 1 {
        out.push_str("\nAverage stress by weekday\n  ");
        out.push_str(
            &insights
                .weekdays
                .iter()
                .map(|w| format!("{} {}", w.weekday, one_decimal(w.mean_stress)))
                .collect::<Vec<_>>()
                .join("  "),
        );
        out.push('\n');
    }
    if !insights.practice.is_empty() {
        out.push_str("\nPractice\n");
        for p in &insights.practice {
            out.push_str(&format!(
                "  {:<32} {} min ({} time{})\n",
                content.name_of(&p.item_ref),
                one_decimal(p.minutes),
                p.sessions,
                if p.sessions == 1 { "" } else { "s" }
            ));
        }
    }
    out
}

#[derive(Serialize)]
struct Means {
    pleasantness: Option<f64>,
    energy: Option<f64>,
    stress: Option<f64>,
}

#[derive(Serialize)]
struct Trends {
    pleasantness: Trend,
    energy: Trend,
    stress: Trend,
}

#[derive(Serialize)]
struct StatsJson<'a> {
    #[serde(flatten)]
    insights: &'a Insights,
    days_in_period: u32,
    days_checked_in: u32,
    means: Means,
    trends: Trends,
    summary: Vec<String>,
}

pub fn stats(ctx: &Context, args: StatsArgs) -> Result<i32> {
    let content = ctx.content();
    let store = ctx.open_store()?;
    let today = today();
    let period = Period::last_days(today, args.days);
    let insights = store.insights(period, Scales::from_content(&content))?;
    if args.json {
        let json = StatsJson {
            insights: &insights,
            days_in_period: period.days(),
            days_checked_in: insights.days_checked_in(),
            means: Means {
                pleasantness: insights.mean(Measure::Pleasantness),
                energy: insights.mean(Measure::Energy),
                stress: insights.mean(Measure::Stress),
            },
            trends: Trends {
                pleasantness: insights.trend(Measure::Pleasantness),
                energy: insights.trend(Measure::Energy),
                stress: insights.trend(Measure::Stress),
            },
            summary: summarise_with(&insights, today, &content.words.insights),
        };
        let mut text = serde_json::to_string_pretty(&json).context("writing the JSON")?;
        text.push('\n');
        std::io::stdout().lock().write_all(text.as_bytes())?;
        return Ok(0);
    }
    let mut out = if period.days() == 1 {
        format!("How today has been ({})\n\n", date_range(today, today))
    } else {
        format!(
            "How {} have been ({})\n\n",
            period.describe(today),
            date_range(period.start, period.end)
        )
    };
    out.push_str(&insights_text(&content, &insights, today));
    if content.template(OUTCOMES_TEMPLATE).is_some() {
        let last = store
            .entries_with_template(OUTCOMES_TEMPLATE, 1)?
            .first()
            .map(|e| e.date);
        if outcomes_reflection_due(last, today) {
            out.push_str(&format!(
                "\nWhen you have a quiet half hour, a month's look at how you are is here for you:\n  lantern write --template {OUTCOMES_TEMPLATE}\n"
            ));
        }
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(0)
}
