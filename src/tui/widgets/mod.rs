//! Drawing pieces shared by screens.

pub mod mood_meter;
pub mod pacer;

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
