//! Drawing pieces shared by screens.

pub mod mood_meter;
pub mod pacer;
pub mod wrap;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui_textarea::{TextArea, WrapMode};

/// A one-line text field with a placeholder.
pub fn single_line(placeholder: &str) -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_placeholder_text(placeholder.to_string());
    t.set_cursor_line_style(Style::default());
    t
}

/// A soft-wrapping text area for writing.
pub fn writing_area(lines: Vec<String>, placeholder: &str) -> TextArea<'static> {
    let mut t = TextArea::new(lines);
    t.set_wrap_mode(WrapMode::WordOrGlyph);
    t.set_placeholder_text(placeholder.to_string());
    t.set_cursor_line_style(Style::default());
    t
}

/// A rectangle of at most `width` × `height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A screen's bordered panel with its title; returns the space inside, one cell in
/// from the border on every side.
pub fn panel(
    frame: &mut ratatui::Frame,
    area: Rect,
    title: impl Into<String>,
    theme: &crate::tui::theme::Theme,
) -> Rect {
    let block = ratatui::widgets::Block::bordered()
        .title(ratatui::text::Line::styled(title.into(), theme.title))
        .border_style(theme.border);
    let inner = block.inner(area).inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 1,
    });
    frame.render_widget(block, area);
    inner
}
