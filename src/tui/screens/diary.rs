//! The diary: entries newest first under day headings, paged in from the store as you
//! scroll, so a ten-year diary opens as fast as a new one.

use std::cell::{Cell, RefCell};

use crossterm::event::{KeyCode, KeyEvent, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

use crate::store::EntrySummary;
use crate::tui::keymap::{code, key, Binding};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::{search, templates};
use crate::tui::screens::{Env, Nav, Out, Screen};
use crate::tui::theme::Theme;

pub const PAGE: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Open,
    NewEntry,
    Search,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        command: Cmd::Up,
        help: "previous entry",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j')],
        command: Cmd::Down,
        help: "next entry",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::PageUp)],
        command: Cmd::PageUp,
        help: "a page up",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::PageDown), key(' ')],
        command: Cmd::PageDown,
        help: "a page down",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Home), key('g')],
        command: Cmd::Top,
        help: "the newest entry",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Cmd::Open,
        help: "read the entry",
        footer: Some("read"),
    },
    Binding {
        keys: &[key('n'), key('w')],
        command: Cmd::NewEntry,
        help: "write a new entry",
        footer: Some("new"),
    },
    Binding {
        keys: &[key('/')],
        command: Cmd::Search,
        help: "search",
        footer: Some("search"),
    },
    Binding {
        keys: &[code(KeyCode::Esc), key('q')],
        command: Cmd::Back,
        help: "back to Today",
        footer: Some("back"),
    },
    Binding {
        keys: &[key('?')],
        command: Cmd::Help,
        help: "show these keys",
        footer: Some("help"),
    },
];

#[derive(Debug, Default)]
pub struct Diary {
    pub rows: Vec<EntrySummary>,
    pub selected: usize,
    pub all_loaded: bool,
    pub loading: bool,
    /// Screen row of each visible entry in the last drawing, for clicks.
    pub hit_rows: RefCell<Vec<(u16, usize)>>,
    pub page_height: Cell<usize>,
}

impl Diary {
    pub fn loaded(&mut self, offset: usize, rows: Vec<EntrySummary>) {
        self.loading = false;
        if offset == 0 {
            self.rows.clear();
        }
        if offset != self.rows.len() {
            return;
        }
        self.all_loaded = rows.len() < PAGE;
        self.rows.extend(rows);
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    pub fn reset(&mut self) {
        self.rows.clear();
        self.all_loaded = false;
        self.loading = true;
    }

    fn more(&mut self, out: &mut Out) {
        if !self.all_loaded && !self.loading && self.selected + 20 >= self.rows.len() {
            self.loading = true;
            out.effects.push(Effect::LoadEntries {
                offset: self.rows.len(),
            });
        }
    }

    fn move_by(&mut self, delta: isize, out: &mut Out) {
        let last = self.rows.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last.max(0)) as usize;
        self.more(out);
    }
}

pub fn on_key(state: &mut Diary, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    let page = state.page_height.get().max(5) as isize;
    match env.lookup(KEYS, key) {
        Some(Cmd::Up) => state.move_by(-1, out),
        Some(Cmd::Down) => state.move_by(1, out),
        Some(Cmd::PageUp) => state.move_by(-page, out),
        Some(Cmd::PageDown) => state.move_by(page, out),
        Some(Cmd::Top) => state.selected = 0,
        Some(Cmd::Open) => {
            if let Some(row) = state.rows.get(state.selected) {
                out.effects.push(Effect::OpenEntry(row.id));
            }
        }
        Some(Cmd::NewEntry) => {
            out.nav = Some(Nav::Push(Screen::Templates(templates::Templates::new(env))))
        }
        Some(Cmd::Search) => out.nav = Some(Nav::Push(Screen::Search(search::Search::new()))),
        Some(Cmd::Back) => out.nav = Some(Nav::Back),
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        None => {}
    }
}

pub fn on_mouse(state: &mut Diary, mouse: &MouseEvent, out: &mut Out) {
    match mouse.kind {
        MouseEventKind::ScrollUp => state.move_by(-3, out),
        MouseEventKind::ScrollDown => state.move_by(3, out),
        MouseEventKind::Down(_) => {
            let hit = state
                .hit_rows
                .borrow()
                .iter()
                .find(|(row, _)| *row == mouse.row)
                .copied();
            if let Some((_, index)) = hit {
                if state.selected == index {
                    if let Some(row) = state.rows.get(index) {
                        out.effects.push(Effect::OpenEntry(row.id));
                    }
                }
                state.selected = index;
            }
        }
        _ => {}
    }
}

pub fn view(state: &Diary, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let count = if state.all_loaded {
        format!(
            " {} ",
            crate::text::plural::count(state.rows.len(), "entry", "entries")
        )
    } else {
        String::new()
    };
    let block = Block::bordered()
        .title(Line::styled(" Diary ", theme.title))
        .title(Line::styled(count, theme.muted).right_aligned())
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    state.page_height.set(inner.height as usize);
    if state.rows.is_empty() {
        let text = if state.loading {
            "Opening your diary…".to_string()
        } else {
            format!(
                "Nothing here yet. Press {} to write your first entry.",
                env.key_for(KEYS, Cmd::NewEntry)
            )
        };
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" {text}"), theme.muted)),
            inner,
        );
        return;
    }
    // Build lines from a little above the selection, with a heading for each new day.
    let height = inner.height as usize;
    let start = state.selected.saturating_sub(height / 2);
    let mut lines: Vec<Line> = Vec::new();
    let mut hit_rows = state.hit_rows.borrow_mut();
    hit_rows.clear();
    let mut last_day = None;
    for (i, row) in state.rows.iter().enumerate().skip(start) {
        if lines.len() >= height {
            break;
        }
        let day = row.created.date_naive();
        if last_day != Some(day) {
            if lines.len() + 2 > height {
                break;
            }
            lines.push(Line::styled(
                format!(" {}", row.created.format("%A %-d %B %Y")),
                theme.accent,
            ));
            last_day = Some(day);
        }
        let style = if i == state.selected {
            theme.selected
        } else {
            theme.base
        };
        let tags: String = row.tags.iter().map(|t| format!(" #{t}")).collect();
        // The title gives way to the tags, shortened with an ellipsis rather than cut.
        let room = (inner.width as usize)
            .saturating_sub(10 + tags.chars().count())
            .max(12);
        let title = crate::domain::entry::shorten(&row.title, room);
        hit_rows.push((inner.y + lines.len() as u16, i));
        lines.push(Line::from(vec![
            Span::styled(format!("   {}  ", row.created.format("%H:%M")), theme.muted),
            Span::styled(title, style),
            Span::styled(tags, theme.muted),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
