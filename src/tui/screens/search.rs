//! Search as you type over the full-text index, with the matches highlighted.

use std::cell::RefCell;

use crossterm::event::{KeyCode, KeyEvent, MouseEvent, MouseEventKind};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use ratatui_textarea::TextArea;

use crate::store::SearchHit;
use crate::tui::keymap::{code, ctrl, Binding};
use crate::tui::message::Effect;
use crate::tui::screens::{Env, Nav, Out};
use crate::tui::theme::Theme;
use crate::tui::widgets::single_line;
use crate::tui::widgets::wrap::fit_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    Open,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Up), ctrl('p')],
        command: Cmd::Up,
        help: "previous result",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Down), ctrl('n')],
        command: Cmd::Down,
        help: "next result",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Cmd::Open,
        help: "read the entry",
        footer: Some("read"),
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        command: Cmd::Back,
        help: "go back",
        footer: Some("back"),
    },
    Binding {
        keys: &[code(KeyCode::F(1))],
        command: Cmd::Help,
        help: "show these keys",
        footer: Some("help"),
    },
];

pub struct Search {
    pub input: TextArea<'static>,
    pub query: String,
    pub hits: Vec<SearchHit>,
    pub selected: usize,
    /// Moved into the results with Up or Down: the field shows no text cursor, so a
    /// screen reader follows the selected result. Typing brings the focus back.
    pub in_results: bool,
    pub hit_rows: RefCell<Vec<(u16, usize)>>,
}

impl Default for Search {
    fn default() -> Self {
        Self::new()
    }
}

impl Search {
    pub fn new() -> Search {
        Search {
            input: single_line("type to search your diary"),
            query: String::new(),
            hits: Vec::new(),
            selected: 0,
            in_results: false,
            hit_rows: RefCell::new(Vec::new()),
        }
    }

    pub fn text(&self) -> String {
        self.input.lines().join(" ")
    }

    /// The box changed: ask for the new query (the runtime runs only the newest).
    fn edited(&mut self, out: &mut Out) {
        let query = as_you_type(&self.text());
        if query != self.query {
            self.query = query.clone();
            self.selected = 0;
            if query.is_empty() {
                self.hits.clear();
            } else {
                out.effects.push(Effect::Search(query));
            }
        }
    }

    /// Results arrive for the query they were asked for; stale ones are dropped.
    pub fn results(&mut self, query: String, hits: Vec<SearchHit>) {
        if query == self.query {
            self.hits = hits;
            self.selected = self.selected.min(self.hits.len().saturating_sub(1));
        }
    }
}

/// The query as sent: every word whole, the last one also as a prefix while typing.
pub fn as_you_type(text: &str) -> String {
    let trimmed = text.trim_end();
    if trimmed.is_empty() || text.ends_with(' ') {
        return trimmed.to_string();
    }
    format!("{trimmed}*")
}

pub fn on_key(state: &mut Search, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    let command = env.lookup(KEYS, key);
    if matches!(command, Some(Cmd::Up | Cmd::Down)) && !state.hits.is_empty() {
        state.in_results = true;
    }
    match command {
        Some(Cmd::Up) => state.selected = state.selected.saturating_sub(1),
        Some(Cmd::Down) => {
            state.selected = (state.selected + 1).min(state.hits.len().saturating_sub(1))
        }
        Some(Cmd::Open) => {
            if let Some(hit) = state.hits.get(state.selected) {
                out.effects.push(Effect::OpenEntry(hit.id));
            }
        }
        Some(Cmd::Back) => out.nav = Some(Nav::Back),
        Some(Cmd::Help) => out.overlay = Some(crate::tui::overlay::Overlay::Help),
        None => {
            // A key for the field (a letter, Left, Backspace) is back in the field.
            state.in_results = false;
            if state.input.input(*key) {
                state.edited(out);
            }
        }
    }
}

/// Pasted text goes into the search box, on one line.
pub fn paste(state: &mut Search, text: &str, out: &mut Out) {
    if state
        .input
        .insert_str(crate::tui::screens::editor::one_line(text))
    {
        state.in_results = false;
        state.edited(out);
    }
}

pub fn on_mouse(state: &mut Search, mouse: &MouseEvent, out: &mut Out) {
    match mouse.kind {
        MouseEventKind::ScrollUp => state.selected = state.selected.saturating_sub(1),
        MouseEventKind::ScrollDown => {
            state.selected = (state.selected + 1).min(state.hits.len().saturating_sub(1))
        }
        MouseEventKind::Down(_) => {
            let hit = state
                .hit_rows
                .borrow()
                .iter()
                .find(|(r, _)| *r == mouse.row || *r + 1 == mouse.row)
                .copied();
            if let Some((_, i)) = hit {
                if state.selected == i {
                    if let Some(hit) = state.hits.get(i) {
                        out.effects.push(Effect::OpenEntry(hit.id));
                    }
                }
                state.selected = i;
            }
        }
        _ => {}
    }
}

/// A snippet as spans, the matched words highlighted.
fn snippet_spans(snippet: &str, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut rest = snippet.replace('\n', " ");
    while let Some(start) = rest.find(SearchHit::MARK_START) {
        let before = rest[..start].to_string();
        spans.push(Span::styled(before, theme.muted));
        let after = rest[start + SearchHit::MARK_START.len_utf8()..].to_string();
        match after.find(SearchHit::MARK_END) {
            Some(end) => {
                spans.push(Span::styled(after[..end].to_string(), theme.highlight));
                rest = after[end + SearchHit::MARK_END.len_utf8()..].to_string();
            }
            None => {
                rest = after;
                break;
            }
        }
    }
    spans.push(Span::styled(rest, theme.muted));
    spans
}

pub fn view(state: &Search, _env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::bordered()
        .title(Line::styled(" Search ", theme.title))
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [field, results] =
        Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(inner);
    let mut input = state.input.clone();
    input.set_block(Block::bordered().border_style(theme.accent));
    input.set_placeholder_style(theme.muted);
    if state.in_results {
        input.set_cursor_style(theme.base);
    }
    frame.render_widget(&input, field);
    let mut lines: Vec<Line> = Vec::new();
    let mut hit_rows = state.hit_rows.borrow_mut();
    hit_rows.clear();
    if state.hits.is_empty() && !state.query.is_empty() {
        lines.push(Line::styled(" Nothing found yet.", theme.muted));
    }
    let per = 2usize;
    let visible = (results.height as usize / per).max(1);
    let start = state.selected.saturating_sub(visible.saturating_sub(1));
    for (i, hit) in state.hits.iter().enumerate().skip(start).take(visible) {
        let style = if i == state.selected {
            theme.selected
        } else {
            theme.base
        };
        hit_rows.push((results.y + lines.len() as u16, i));
        // One row each, a column clear of the border, ending at a whole word.
        let room = results.width.saturating_sub(1);
        let title = Line::from(vec![
            Span::styled(
                format!(" {}  ", hit.created.format("%e %b %Y")),
                theme.muted,
            ),
            Span::styled(hit.title.clone(), style),
        ]);
        lines.push(fit_line(title, room));
        let mut spans = vec![Span::raw("   ")];
        spans.extend(snippet_spans(&hit.snippet, theme));
        lines.push(fit_line(Line::from(spans), room));
    }
    frame.render_widget(Paragraph::new(lines), results);
}

#[cfg(test)]
mod tests {
    use super::as_you_type;

    #[test]
    fn the_last_word_is_a_prefix_while_typing() {
        assert_eq!(as_you_type("quok"), "quok*");
        assert_eq!(as_you_type("quokka "), "quokka");
        assert_eq!(as_you_type(""), "");
    }
}
