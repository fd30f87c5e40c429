//! The breathing pacer: a bar that fills on the in-breath and empties on the out-breath,
//! with the phase in words and a countdown. With reduced motion, the words alone.

use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::domain::pacer::Breath;
use crate::tui::theme::Theme;

pub fn render(
    frame: &mut Frame,
    area: Rect,
    breath: &Breath<'_>,
    reduced_motion: bool,
    theme: &Theme,
) {
    let mut lines = vec![
        Line::styled(breath.word.to_string(), theme.title).alignment(Alignment::Center),
        Line::styled(format!("{:.0}", breath.phase_left.ceil()), theme.accent)
            .alignment(Alignment::Center),
        Line::from(""),
    ];
    if !reduced_motion {
        let room = area.width.saturating_sub(4) as f64;
        let filled = (room * breath.fullness()).round() as usize;
        // Grows from the middle out, like a breath filling the chest.
        let bar = "█".repeat(filled.max(1));
        lines
            .push(Line::from(Span::styled(bar.clone(), theme.accent)).alignment(Alignment::Center));
        lines.push(Line::from(Span::styled(bar, theme.accent)).alignment(Alignment::Center));
        lines.push(Line::from(""));
    }
    lines.push(
        Line::styled(
            format!("breath {} of {}", breath.cycle, breath.cycles),
            theme.muted,
        )
        .alignment(Alignment::Center),
    );
    frame.render_widget(Paragraph::new(lines), area);
}
