//! `lantern pixels`: a year of check-ins as a calendar, each day coloured by its
//! pleasantness (or marked in plain text where colour is off).

use std::io::Write;

use anyhow::{bail, Result};
use chrono::{Datelike, NaiveDate};

use crate::domain::insights::{level, year_grid, Bounds, DayMean, Period, Scales};

use super::context::Context;
use super::output;
use super::plain::today;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date") // ok: test
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
            .expect("a February row"); // ok: test
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
