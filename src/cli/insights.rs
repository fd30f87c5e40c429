//! Looking back from the command line: `lantern stats`, `lantern pixels`,
//! `lantern review` and `lantern supervision prep|done`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};
use chrono::{Datelike, Local, NaiveDate};
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::content::schema::Level;
use crate::content::{Content, Kind};
use crate::domain::editor_text::{self, Written};
use crate::domain::entry::Answer;
use crate::domain::insights::{
    date_range, level, one_decimal, outcomes_reflection_due, summarise, year_grid, Bounds, DayMean,
    Insights, Measure, Period, Scales, Trend,
};
use crate::domain::supervision::{default_since, supervision_markdown, Shared};

use super::{editor, output, parse_date, Context};

/// The template for the monthly look at the expected outcomes.
pub const OUTCOMES_TEMPLATE: &str = "outcomes-reflection";
const REVIEW_TEMPLATE: &str = "weekly-review";
const SUPERVISION_TEMPLATE: &str = "supervision-prep";

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// How many days to look back over, today included (7, 30, 90, 365 …).
    #[arg(long, short = 'd', default_value_t = 30,
          value_parser = clap::value_parser!(u32).range(1..=36600))]
    pub days: u32,
    /// Print machine-readable JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum SupervisionCommand {
    /// Gather the time since your last supervision into a private Markdown summary.
    /// Nothing from your diary is included unless you choose it.
    Prep(PrepArgs),
    /// Record that supervision took place, so the next preparation starts from it.
    Done {
        /// The day it took place (YYYY-MM-DD); today if not given.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// A short note for yourself.
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct PrepArgs {
    /// Start from this day (YYYY-MM-DD). Default: your last recorded supervision, or
    /// else the last 30 days.
    #[arg(long, value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Include this diary entry in full; repeat for more. Without it, no entry is included.
    #[arg(long = "entry", value_name = "ID")]
    pub entries: Vec<i64>,
    /// Include the good moments you noted with your check-ins.
    #[arg(long)]
    pub good_moments: bool,
    /// Answer the preparation questions first: in $EDITOR, or from standard input
    /// when it is piped.
    #[arg(long)]
    pub answer: bool,
    /// Write to FILE (created readable by you only) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The name of a `kind:id` reference in the content, or the reference itself.
fn item_name(content: &Content, item_ref: &str) -> String {
    let Some((kind, id)) = item_ref.split_once(':') else {
        return item_ref.to_string();
    };
    let kinds: Vec<Kind> = Kind::parse_list(kind).unwrap_or_default();
    content
        .list(&kinds)
        .into_iter()
        .find(|(_, item_id, _)| item_id == id)
        .map_or_else(|| item_ref.to_string(), |(_, _, name)| name)
}

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
fn insights_text(content: &Content, insights: &Insights, today: NaiveDate) -> String {
    let mut out = String::new();
    for sentence in summarise(insights, today) {
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
                item_name(content, &p.item_ref),
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
            summary: summarise(&insights, today),
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

/// Colours for seven levels of pleasantness, from a muted indigo through teal to warm
/// gold: calm at the low end, and never red.
fn ramp(levels: usize) -> Vec<(u8, u8, u8)> {
    const ANCHORS: [(f64, f64, f64); 3] = [
        (80.0, 80.0, 150.0),
        (60.0, 150.0, 150.0),
        (240.0, 205.0, 90.0),
    ];
    (0..levels)
        .map(|i| {
            let t = if levels > 1 {
                i as f64 / (levels - 1) as f64
            } else {
                1.0
            };
            let (a, b, u) = if t <= 0.5 {
                (ANCHORS[0], ANCHORS[1], t * 2.0)
            } else {
                (ANCHORS[1], ANCHORS[2], (t - 0.5) * 2.0)
            };
            let mix = |x: f64, y: f64| (x + (y - x) * u).round().clamp(0.0, 255.0) as u8;
            (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
        })
        .collect()
}

/// The same seven steps in the 256-colour palette, chosen by hand so that each
/// step stays distinct: slate blue, steel blue, teal, aquamarine, soft green, khaki,
/// light gold.
const RAMP_256: [u8; 7] = [61, 67, 73, 79, 150, 186, 222];

/// How a year-in-pixels cell is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Paint {
    /// Characters by level: for NO_COLOR and pipes.
    Plain,
    Ansi256,
    TrueColour,
}

/// Characters for the seven levels when there is no colour; a blank is a day without
/// a check-in.
const PLAIN_LEVELS: [char; 7] = ['.', ':', '-', '=', '+', '*', '#'];

fn cell(paint: Paint, colours: &[(u8, u8, u8)], level: Option<usize>) -> String {
    match (paint, level) {
        (Paint::Plain, None) => "  ".into(),
        (Paint::Plain, Some(l)) => format!("{} ", PLAIN_LEVELS[l.min(PLAIN_LEVELS.len() - 1)]),
        // A day without a check-in: a faint dot, never a warning colour.
        (_, None) => "\x1b[2m· \x1b[0m".into(),
        (Paint::Ansi256, Some(l)) => format!(
            "\x1b[48;5;{}m  \x1b[0m",
            RAMP_256[l.min(RAMP_256.len() - 1)]
        ),
        (Paint::TrueColour, Some(l)) => {
            let (r, g, b) = colours[l];
            format!("\x1b[48;2;{r};{g};{b}m  \x1b[0m")
        }
    }
}

/// The year as 12 rows of months by 31 columns of days.
fn pixels_text(
    year: i32,
    days: &[DayMean],
    bounds: Bounds,
    paint: Paint,
    today: NaiveDate,
) -> String {
    let levels = PLAIN_LEVELS.len();
    let colours = ramp(levels);
    let grid = year_grid(year, days);
    let mut out = format!("{year}: each day coloured by its average pleasantness\n\n     ");
    for day in 1..=31u32 {
        out.push_str(&if day == 1 || day % 5 == 0 {
            format!("{day:<2}")
        } else {
            "  ".to_string()
        });
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    for (m, month) in grid.months.iter().enumerate() {
        let name = NaiveDate::from_ymd_opt(year, m as u32 + 1, 1)
            .map_or_else(|| format!("{:>3}", m + 1), |d| d.format("%b").to_string());
        let mut row = format!("{name:<5}");
        for day in month {
            row.push_str(&cell(
                paint,
                &colours,
                day.map(|d| level(d.pleasantness, bounds, levels)),
            ));
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out.push_str("\n     ");
    out.push_str(&format!("{} ", bounds.min));
    for l in 0..levels {
        out.push_str(&cell(paint, &colours, Some(l)));
    }
    out.push_str(&format!("{}  pleasantness, low to high", bounds.max));
    out.push('\n');
    if paint == Paint::Plain {
        out.push_str("     (a blank is a day without a check-in)\n");
    } else {
        out.push_str(&format!(
            "     {}a day without a check-in\n",
            cell(paint, &colours, None)
        ));
    }
    let checked = days.iter().filter(|d| d.date.year() == year).count();
    let (in_year, so_far) = match Period::year(year) {
        Some(p) if p.contains(today) => (Period::between(p.start, today).days(), " so far"),
        Some(p) => (p.days(), ""),
        None => (0, ""),
    };
    if year <= today.year() {
        out.push_str(&format!(
            "\nYou checked in on {checked} of the {in_year} days of {year}{so_far}.\n"
        ));
    }
    out
}

pub fn pixels(ctx: &Context, year: Option<i32>) -> Result<i32> {
    let content = ctx.content();
    let today = today();
    let year = year.unwrap_or(today.year());
    if Period::year(year).is_none() {
        bail!("{year} is not a year Lantern can show");
    }
    let store = ctx.open_store()?;
    let days = store.year_in_pixels(year)?;
    let paint = if !output::colour() {
        Paint::Plain
    } else if std::env::var("COLORTERM")
        .is_ok_and(|v| v.contains("truecolor") || v.contains("24bit"))
    {
        Paint::TrueColour
    } else {
        Paint::Ansi256
    };
    let text = pixels_text(
        year,
        &days,
        Scales::from_content(&content).pleasantness,
        paint,
        today,
    );
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(0)
}

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

/// The answers to the `supervision-prep` questions: in the editor on a terminal, or
/// the piped text laid out as the editor would show it. Free writing before the first
/// question comes back as notes.
fn prep_answers(ctx: &Context, content: &Content) -> Result<Vec<Answer>> {
    let template = content.template(SUPERVISION_TEMPLATE);
    let prompts = editor_text::prompts_for(template, &[]);
    let text = if std::io::stdin().is_terminal() {
        let blank = editor_text::render(&prompts, &Written::default());
        editor::edit(&blank, &ctx.paths.data_dir)?
    } else {
        super::output::read_stdin("your answers from standard input")?
    };
    let written = editor_text::parse(&text, &prompts);
    let mut answers = written.answers;
    if !written.body.trim().is_empty() {
        answers.push(Answer {
            prompt_id: "notes".into(),
            prompt: "Notes".into(),
            text: written.body,
        });
    }
    Ok(answers)
}

pub fn supervision(ctx: &Context, command: SupervisionCommand) -> Result<i32> {
    match command {
        SupervisionCommand::Prep(args) => supervision_prep(ctx, args),
        SupervisionCommand::Done { date, note } => supervision_done(ctx, date, note),
    }
}

fn supervision_prep(ctx: &Context, args: PrepArgs) -> Result<i32> {
    let content = ctx.content();
    let today = today();
    let store = ctx.open_store()?;
    let since = match args.since {
        Some(since) => since,
        None => default_since(store.last_supervision()?, today),
    };
    if since > today {
        bail!("--since {since} is after today; choose a day on or before {today}");
    }
    let period = Period::between(since, today);
    let prep = store.supervision_prep(period, Scales::from_content(&content))?;
    let chosen = store.chosen_entries(&args.entries)?;
    let answers = if args.answer {
        prep_answers(ctx, &content)?
    } else {
        Vec::new()
    };
    let text = supervision_markdown(
        &prep,
        &Shared {
            entries: &chosen,
            answers: &answers,
            good_moments: args.good_moments,
        },
    );
    match &args.output {
        Some(path) => {
            super::transfer::write_private(path, &text, args.force)?;
            eprintln!(
                "Wrote {} (readable by you only), with {} of the {} entr{} from {}.",
                path.display(),
                chosen.len(),
                prep.entries.len(),
                if prep.entries.len() == 1 { "y" } else { "ies" },
                date_range(period.start, period.end)
            );
        }
        None => {
            std::io::stdout()
                .lock()
                .write_all(output::document(&text).as_bytes())?;
        }
    }
    if args.entries.is_empty() && !prep.entries.is_empty() {
        eprintln!(
            "\nNo entries are included unless you choose them. From this period (add --entry ID):"
        );
        for e in prep.entries.iter().take(30) {
            eprintln!(
                "{:>6}  {}  {}",
                e.id,
                e.created.format("%Y-%m-%d %H:%M"),
                output::safe(&e.title)
            );
        }
        if prep.entries.len() > 30 {
            eprintln!(
                "   … and {} more: `lantern list --since {}` shows them all.",
                prep.entries.len() - 30,
                period.start
            );
        }
    }
    Ok(0)
}

fn supervision_done(ctx: &Context, date: Option<NaiveDate>, note: Option<String>) -> Result<i32> {
    let today = today();
    let date = date.unwrap_or(today);
    if date > today {
        bail!("{date} is still to come; record supervision once it has taken place");
    }
    let mut store = ctx.open_store()?;
    store.record_supervision(date, note.as_deref())?;
    outln!(
        "Recorded supervision on {}. Your next preparation starts from that day.",
        date.format("%A %-d %B %Y")
    );
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    #[test]
    fn the_plain_grid_has_twelve_month_rows_and_no_escape_codes() {
        let days = vec![DayMean {
            date: d("2025-02-03"),
            checkins: 1,
            pleasantness: 10.0,
            energy: 5.0,
            stress: 5.0,
        }];
        let text = pixels_text(
            2025,
            &days,
            Bounds { min: 1, max: 10 },
            Paint::Plain,
            d("2026-01-01"),
        );
        assert!(!text.contains('\x1b'));
        let feb = text
            .lines()
            .find(|l| l.starts_with("Feb"))
            .expect("a February row");
        assert_eq!(feb, "Feb      #");
        let months = text
            .lines()
            .filter(|l| {
                l.len() >= 3
                    && NaiveDate::parse_from_str(&format!("{} 1 2025", &l[..3]), "%b %d %Y").is_ok()
            })
            .count();
        assert_eq!(months, 12);
        assert!(text.contains("You checked in on 1 of the 365 days of 2025."));
    }

    #[test]
    fn colours_run_from_indigo_to_gold_without_red() {
        let colours = ramp(7);
        assert_eq!(colours.len(), 7);
        for (r, g, b) in colours {
            // Never a red: red never dominates both green and blue.
            assert!(
                !(r > g.saturating_add(40) && r > b.saturating_add(40)),
                "{r},{g},{b}"
            );
        }
        assert_eq!(RAMP_256.len(), PLAIN_LEVELS.len());
    }
}
