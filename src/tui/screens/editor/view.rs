//! Drawing the editor: the prompt, the page being written, and where you are.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

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
    let hint_height = u16::from(page.hint.is_some());
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
        frame.render_widget(Paragraph::new(Line::styled(h.clone(), theme.muted)), hint);
    }
    let mut area_widget = page.area.clone();
    area_widget.set_placeholder_style(theme.muted);
    area_widget.set_block(Block::bordered().border_style(if state.on_title {
        theme.border
    } else {
        theme.accent
    }));
    area_widget.set_style(theme.base);
    if state.on_title {
        area_widget.set_cursor_style(theme.base);
    }
    frame.render_widget(&area_widget, text);
}
