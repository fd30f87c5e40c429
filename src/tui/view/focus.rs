//! Where the terminal cursor rests in screen-reader mode.
//!
//! Terminal screen readers read where the cursor is. Every screen already draws what
//! has focus in one of two ways — a text field's cursor cell (reversed) or the selected
//! row of a list or step (the theme's selected style) — so the drawn frame says where
//! the focus is, and no screen has to report it separately.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};

/// The cell a screen reader should read from in `area`: a text cursor first (typing
/// is what needs following), else the start of the first selected run, else none.
pub fn focused_cell(buffer: &Buffer, area: Rect, selected: Style) -> Option<Position> {
    let area = area.intersection(buffer.area);
    let mut first_selected = None;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(cell) = buffer.cell((x, y)) else {
                continue;
            };
            let style = cell.style();
            let is_selected = matches_style(style, selected);
            if style.add_modifier.contains(Modifier::REVERSED) && !is_selected {
                return Some(Position { x, y });
            }
            if is_selected && first_selected.is_none() {
                first_selected = Some(Position { x, y });
            }
        }
    }
    first_selected
}

/// Whether a drawn cell carries the whole of `wanted`: its colours where it sets them,
/// and at least its modifiers.
fn matches_style(cell: Style, wanted: Style) -> bool {
    let colour = |have: Option<Color>, want: Option<Color>| want.is_none() || have == want;
    if wanted == Style::default() {
        return false;
    }
    colour(cell.fg, wanted.fg)
        && colour(cell.bg, wanted.bg)
        && cell.add_modifier.contains(wanted.add_modifier)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn buffer() -> Buffer {
        Buffer::empty(Rect::new(0, 0, 10, 4))
    }

    #[test]
    fn a_selected_row_is_found_at_its_start() {
        let selected = Style::default()
            .bg(Color::Blue)
            .add_modifier(Modifier::BOLD);
        let mut b = buffer();
        b.set_string(2, 1, "one", Style::default());
        b.set_string(2, 2, "two", selected);
        assert_eq!(
            focused_cell(&b, b.area, selected),
            Some(Position { x: 2, y: 2 })
        );
    }

    #[test]
    fn a_text_cursor_wins_over_a_selected_row() {
        let selected = Style::default().bg(Color::Blue);
        let mut b = buffer();
        b.set_string(0, 0, "row", selected);
        b.set_string(4, 3, " ", Style::default().add_modifier(Modifier::REVERSED));
        assert_eq!(
            focused_cell(&b, b.area, selected),
            Some(Position { x: 4, y: 3 })
        );
    }

    #[test]
    fn nothing_focused_is_none_and_a_plain_theme_never_matches_everything() {
        let b = buffer();
        assert_eq!(focused_cell(&b, b.area, Style::default()), None);
        let reversed = Style::default().add_modifier(Modifier::REVERSED);
        let mut b = buffer();
        b.set_string(1, 1, "pick", reversed);
        assert_eq!(
            focused_cell(&b, b.area, reversed),
            Some(Position { x: 1, y: 1 })
        );
    }

    #[test]
    fn only_the_given_area_is_searched() {
        let selected = Style::default().bg(Color::Blue);
        let mut b = buffer();
        b.set_string(0, 0, "outside", selected);
        b.set_string(5, 2, "in", selected);
        assert_eq!(
            focused_cell(&b, Rect::new(0, 2, 10, 2), selected),
            Some(Position { x: 5, y: 2 })
        );
    }
}
