//! The mood meter: pleasantness across, energy up, each quarter in its own colour,
//! with the current place marked and the quarter's name in its corner.

use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::content::schema::Level;
use crate::content::Content;
use crate::tui::screens::checkin::CheckInForm;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, form: &CheckInForm, content: &Content, theme: &Theme) {
    let (pmin, pmax) = content
        .scale("pleasantness")
        .map_or((1, 10), |s| (s.min, s.max));
    let (emin, emax) = content.scale("energy").map_or((1, 10), |s| (s.min, s.max));
    let columns = (pmax - pmin + 1).max(1) as u16;
    let rows = (emax - emin + 1).max(1) as u16;
    // Leave room for the axis labels: 2 lines and a left margin of 8.
    let cell_w = ((area.width.saturating_sub(10)) / columns).clamp(1, 6);
    let cell_h = ((area.height.saturating_sub(2)) / rows).clamp(1, 2);
    let p_mid = (pmin + pmax) as f64 / 2.0;
    let e_mid = (emin + emax) as f64 / 2.0;
    let name_of = |p: Level, e: Level| {
        content
            .quadrants
            .iter()
            .find(|q| q.pleasantness == p && q.energy == e)
            .map_or(String::new(), |q| q.name.clone())
    };

    let mut lines: Vec<Line> = Vec::new();
    for r in 0..rows {
        let energy = emax - i64::from(r);
        for sub in 0..cell_h {
            let label = if sub == 0 && (r == 0 || r == rows - 1) {
                format!("{:>6} ", if r == 0 { "energy" } else { "" })
            } else {
                "       ".to_string()
            };
            let mut spans = vec![Span::styled(label, theme.muted)];
            for c in 0..columns {
                let pleasantness = pmin + i64::from(c);
                let p = if pleasantness as f64 > p_mid {
                    Level::High
                } else {
                    Level::Low
                };
                let e = if energy as f64 > e_mid {
                    Level::High
                } else {
                    Level::Low
                };
                let mut style = theme.quadrant(p, e);
                let here = pleasantness == form.pleasantness && energy == form.energy;
                let width = cell_w as usize;
                let text = if here && sub == 0 {
                    // Unmoved, the mark sits at the middle in no quarter's colour.
                    if !form.moved {
                        style = theme.base;
                    }
                    style = style.add_modifier(Modifier::BOLD | Modifier::REVERSED);
                    format!("{:^width$}", "●")
                } else if !theme.colour {
                    // Without colour the quarters are told apart by their texture.
                    let mark = match (p, e) {
                        (Level::Low, Level::High) => "^",
                        (Level::High, Level::High) => "*",
                        (Level::High, Level::Low) => "~",
                        (Level::Low, Level::Low) => ".",
                    };
                    format!("{:^width$}", mark)
                } else {
                    " ".repeat(width)
                };
                spans.push(Span::styled(text, style));
            }
            lines.push(Line::from(spans));
        }
    }
    let grid_width = (cell_w * columns) as usize;
    let left = name_of(Level::Low, Level::High);
    let right = name_of(Level::High, Level::High);
    let bottom_left = name_of(Level::Low, Level::Low);
    let bottom_right = name_of(Level::High, Level::Low);
    let pad = |l: &str, r: &str| {
        let gap = grid_width
            .saturating_sub(l.chars().count() + r.chars().count())
            .max(1);
        format!("       {l}{}{r}", " ".repeat(gap))
    };
    lines.insert(0, Line::styled(pad(&left, &right), theme.muted));
    lines.push(Line::styled(pad(&bottom_left, &bottom_right), theme.muted));
    lines.push(Line::styled(
        format!(
            "       {:<w$}",
            "← less pleasant          more pleasant →",
            w = grid_width
        ),
        theme.muted,
    ));
    frame.render_widget(Paragraph::new(lines), area);
}
