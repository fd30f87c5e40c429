//! Drawing the editor: the prompt, the page being written, and where you are.

use ratatui::buffer::Cell;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};
use ratatui::Frame;
use ratatui_textarea::TextArea;

use super::Editor;
use crate::tui::screens::Env;
use crate::tui::theme::Theme;

pub fn view(state: &Editor, _env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let progress = if state.pages.len() > 1 {
        format!(" {} of {} ", state.index + 1, state.pages.len())
    } else {
        String::new()
    };
    let block = Block::bordered()
        .title(Line::styled(
            format!(" {} ", state.template_name),
            theme.title,
        ))
        .title(Line::styled(progress, theme.muted).right_aligned())
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(page) = state.pages.get(state.index) else {
        return;
    };
    // A hint longer than the window takes a second line rather than be cut.
    let room = usize::from(inner.width.saturating_sub(2)).max(1);
    let hint_height = match &page.hint {
        Some(h) if crate::text::fit::width(h) > room => 2,
        Some(_) => 1,
        None => 0,
    };
    let [title, prompt, hint, text] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(hint_height),
        Constraint::Min(3),
    ])
    .margin(1)
    .areas(inner);
    let mut title_field = state.title.clone();
    title_field.set_placeholder_style(theme.muted);
    if state.on_title {
        title_field.set_style(theme.selected);
    } else {
        title_field.set_cursor_style(theme.base);
        title_field.set_style(theme.muted);
    }
    let [label, field] =
        Layout::horizontal([Constraint::Length(7), Constraint::Min(1)]).areas(title);
    frame.render_widget(Paragraph::new(Span::styled("Title ", theme.muted)), label);
    frame.render_widget(&title_field, field);
    frame.render_widget(
        Paragraph::new(Line::styled(page.prompt.clone(), theme.accent)).wrap(Wrap { trim: true }),
        prompt,
    );
    if let Some(h) = &page.hint {
        frame.render_widget(
            Paragraph::new(Line::styled(h.clone(), theme.muted)).wrap(Wrap { trim: true }),
            hint,
        );
    }
    let mut area_widget = page.area.clone();
    area_widget.set_placeholder_style(theme.muted);
    // A column clear of the border each side, so no letter touches it.
    let field_block = Block::bordered()
        .padding(Padding::horizontal(1))
        .border_style(if state.on_title {
            theme.border
        } else {
            theme.accent
        });
    let field_inner = field_block.inner(text);
    area_widget.set_block(field_block);
    area_widget.set_style(theme.base);
    if state.on_title {
        area_widget.set_cursor_style(theme.base);
    }
    frame.render_widget(&area_widget, text);
    if !area_widget.is_empty() {
        pull_in_wrapped_rows(&area_widget, frame, field_inner);
    }
}

/// The text area wraps after a word and leaves the spaces that follow it at the start of
/// the next row. Each such row is drawn pulled left over those spaces, so the words of a
/// wrapped line start at the margin as the first row's do. Only rows that continue a
/// line move: spaces typed at the start of a line are the writer's own. The cursor moves
/// with its row; on one of the spaces pulled away it stays at the row's start.
fn pull_in_wrapped_rows(area: &TextArea<'_>, frame: &mut Frame, inner: Rect) {
    let (top, _) = area.scroll_offset();
    let cursor = area.cursor();
    let (cursor_row, cursor_col) = (cursor.0, cursor.1);
    let lines = area.lines();
    let mut seen = None;
    let buffer = frame.buffer_mut();
    for y in 0..inner.height {
        let at = area.screen_to_data(usize::from(top + y), 0);
        let (row, col) = (at.0, at.1);
        // Rows below the text resolve to its last row again: nothing more to pull.
        if col == 0 || seen == Some((row, col)) {
            seen = Some((row, col));
            continue;
        }
        seen = Some((row, col));
        let Some(line) = lines.get(row) else { continue };
        let mut spaces = line.chars().skip(col).take_while(|c| *c == ' ').count();
        if cursor_row == row && (col..col + spaces).contains(&cursor_col) {
            spaces = cursor_col - col;
        }
        let shift = (spaces as u16).min(inner.width);
        if shift == 0 {
            continue;
        }
        let line_y = inner.y + y;
        for x in inner.x..inner.x + inner.width {
            let from = x + shift;
            let cell = if from < inner.x + inner.width {
                buffer[(from, line_y)].clone()
            } else {
                let mut blank = Cell::default();
                blank.set_style(area.style());
                blank
            };
            buffer[(x, line_y)] = cell;
        }
    }
}
