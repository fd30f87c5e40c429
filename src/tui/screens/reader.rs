//! Reading one entry, wrapped to the window. The wrapped layout is worked out once per
//! width and only the rows on screen are drawn, so a ten-megabyte entry scrolls as
//! quickly as a short one.

use std::cell::RefCell;

use crossterm::event::{KeyCode, KeyEvent, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

use crate::domain::entry::Entry;
use crate::text::fit;
use crate::tui::keymap::{code, key, Binding};
use crate::tui::message::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::screens::editor::{size_words, Editor, TOO_LONG_TO_EDIT};
use crate::tui::screens::{Env, Nav, Out, Screen};
use crate::tui::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    PageUp,
    PageDown,
    Edit,
    Delete,
    Check,
    UseReflection,
    Back,
    Help,
}

pub const KEYS: &[Binding<Cmd>] = &[
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        command: Cmd::Up,
        help: "scroll up",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j'), key(' ')],
        command: Cmd::Down,
        help: "scroll down",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::PageUp)],
        command: Cmd::PageUp,
        help: "scroll up a page",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::PageDown)],
        command: Cmd::PageDown,
        help: "scroll down a page",
        footer: None,
    },
    Binding {
        keys: &[key('e')],
        command: Cmd::Edit,
        help: "edit this entry",
        footer: Some("edit"),
    },
    Binding {
        keys: &[key('x'), code(KeyCode::Delete)],
        command: Cmd::Delete,
        help: "delete this entry (asks first)",
        footer: Some("delete"),
    },
    Binding {
        keys: &[key('c')],
        command: Cmd::Check,
        help: "check for details that could identify someone, before you share it",
        footer: Some("check"),
    },
    Binding {
        keys: &[key('u')],
        command: Cmd::UseReflection,
        help: "use this reflection for a reflective account (the entry stays as it is)",
        footer: Some("use for account"),
    },
    Binding {
        keys: &[code(KeyCode::Esc), key('q')],
        command: Cmd::Back,
        help: "go back",
        footer: Some("back"),
    },
    Binding {
        keys: &[key('?')],
        command: Cmd::Help,
        help: "show these keys",
        footer: Some("help"),
    },
];

pub struct Reader {
    pub entry: Entry,
    pub scroll: usize,
    /// The entry laid out for the last width drawn: a cache of `view`'s, which changes
    /// nothing a person sees but how quickly it is drawn.
    layout: RefCell<Option<Layout>>,
}

/// The entry's lines, long paragraphs cut into pieces, and the first wrapped row of
/// each line at one width.
struct Layout {
    width: u16,
    lines: Vec<Line<'static>>,
    starts: Vec<usize>,
    rows: usize,
    /// The height last drawn, for paging.
    height: usize,
}

/// Paragraphs longer than this are wrapped in pieces of about this many bytes, cut at
/// a space, so no single line has to be wrapped whole on every frame.
const PIECE: usize = 4096;

fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if rest.len() <= PIECE {
            return Some(std::mem::take(&mut rest));
        }
        let mut cut = PIECE;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = rest[..cut].rfind(' ').map_or(cut, |space| space + 1);
        let (piece, after) = rest.split_at(cut);
        rest = after;
        Some(piece)
    })
}

impl Reader {
    pub fn new(entry: Entry) -> Reader {
        Reader {
            entry,
            scroll: 0,
            layout: RefCell::new(None),
        }
    }

    /// The entry as saved again (details replaced in it): laid out afresh, at the
    /// same place.
    pub fn set_entry(&mut self, entry: Entry) {
        self.entry = entry;
        *self.layout.borrow_mut() = None;
    }

    /// The last row the scroll may start at, once the entry has been drawn.
    fn max_scroll(&self) -> usize {
        self.layout
            .borrow()
            .as_ref()
            .map_or(usize::MAX, |l| l.rows.saturating_sub(1))
    }

    fn page(&self) -> usize {
        self.layout
            .borrow()
            .as_ref()
            .map_or(10, |l| l.height.saturating_sub(1).max(1))
    }

    fn scroll_by(&mut self, rows: isize) {
        let moved = self.scroll.saturating_add_signed(rows);
        self.scroll = moved.min(self.max_scroll());
    }
}

fn lines_of(e: &Entry, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    if !e.tags.is_empty() {
        let tags: Vec<String> = e.tags.iter().map(|t| format!("#{t}")).collect();
        lines.push(Line::styled(tags.join(" "), theme.muted));
        lines.push(Line::from(""));
    }
    let paragraph = |lines: &mut Vec<Line<'static>>, text: &str| {
        if text.is_empty() {
            lines.push(Line::styled(String::new(), theme.base));
        }
        for piece in pieces(text) {
            lines.push(Line::styled(piece.to_string(), theme.base));
        }
    };
    for text in e.body.lines() {
        paragraph(&mut lines, text);
    }
    for a in &e.answers {
        let after_blank = lines.last().is_some_and(|l: &Line| l.width() == 0);
        if !lines.is_empty() && !after_blank {
            lines.push(Line::from(""));
        }
        lines.push(Line::from(Span::styled(a.prompt.clone(), theme.accent)));
        for text in a.text.lines() {
            paragraph(&mut lines, text);
        }
    }
    lines
}

fn lay_out(e: &Entry, theme: &Theme, width: u16, height: usize) -> Layout {
    let lines = lines_of(e, theme);
    let mut starts = Vec::with_capacity(lines.len());
    let mut rows = 0;
    for line in &lines {
        starts.push(rows);
        rows += Paragraph::new(line.clone())
            .wrap(Wrap { trim: false })
            .line_count(width)
            .max(1);
    }
    Layout {
        width,
        lines,
        starts,
        rows,
        height,
    }
}

pub fn on_key(state: &mut Reader, key: &KeyEvent, env: &Env<'_>, out: &mut Out) {
    match env.lookup(KEYS, key) {
        Some(Cmd::Up) => state.scroll_by(-1),
        Some(Cmd::Down) => state.scroll_by(1),
        Some(Cmd::PageUp) => state.scroll_by(-(state.page() as isize)),
        Some(Cmd::PageDown) => state.scroll_by(state.page() as isize),
        Some(Cmd::Edit) => {
            let e = &state.entry;
            let size = e.body.len() + e.answers.iter().map(|a| a.text.len()).sum::<usize>();
            if size > TOO_LONG_TO_EDIT {
                out.status = Some(format!(
                    "This entry is {}, too long to edit here. `lantern edit {}` opens it in your editor.",
                    size_words(size),
                    e.id
                ));
            } else {
                let e = Editor::edit_entry(e, env);
                out.nav = Some(Nav::Push(Screen::Editor(Box::new(e))));
            }
        }
        Some(Cmd::Delete) => {
            out.overlay = Some(Overlay::ConfirmDelete {
                id: state.entry.id,
                title: state.entry.display_title(),
            })
        }
        Some(Cmd::Check) => out.effects.push(Effect::CheckEntry(state.entry.id)),
        Some(Cmd::UseReflection) => {
            let body = env
                .config
                .registration
                .as_deref()
                .and_then(|id| env.content.body(id));
            match body {
                Some(body) if !body.questions.is_empty() => {
                    let slot =
                        crate::tui::screens::editor::account_slot(Some(state.entry.id), env.uid);
                    let e =
                        Editor::new_account(body, Some(&state.entry), &Default::default(), slot);
                    out.nav = Some(Nav::Push(Screen::Editor(Box::new(e))));
                }
                Some(body) => {
                    out.status = Some(format!(
                        "The {} asks for no written accounts; `lantern cpd add` keeps CPD.",
                        body.name
                    ))
                }
                None => {
                    out.status = Some(
                        "Set your registration first: registration = \"nmc\" in config.toml."
                            .into(),
                    )
                }
            }
        }
        Some(Cmd::Back) => out.nav = Some(Nav::Back),
        Some(Cmd::Help) => out.overlay = Some(Overlay::Help),
        None => {}
    }
}

pub fn on_mouse(state: &mut Reader, mouse: &MouseEvent) {
    match mouse.kind {
        MouseEventKind::ScrollUp => state.scroll_by(-3),
        MouseEventKind::ScrollDown => state.scroll_by(3),
        _ => {}
    }
}

pub fn view(state: &Reader, _env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let e = &state.entry;
    // The whole title where there is room: the list's shortened one is for lists.
    let whole = match e.title.trim() {
        "" => e.display_title(),
        t => t.to_string(),
    };
    let title = format!(" {whole} ");
    let date = format!(" {} ", e.created.format("%a %-d %b %Y %H:%M"));
    // The border holds both only with a column of line between them; otherwise the
    // title gets its own line inside, so neither is cut.
    let on_border = fit::width(&title) + fit::width(&date) + 3 <= usize::from(area.width);
    let mut block = Block::bordered().border_style(theme.border);
    if on_border {
        block = block.title(Line::styled(title, theme.title));
    }
    let block = block.title(Line::styled(date, theme.muted).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut text_area = inner.inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 0,
    });
    if !on_border && text_area.height > 1 {
        // The reader is where a title is read whole: it wraps, and only a title
        // longer than a third of the window ends at a word with "…".
        let width = usize::from(text_area.width);
        let room = usize::from(text_area.height / 3).max(1);
        let mut rows = fit::wrap(&whole, width, "", "");
        if rows.len() > room {
            let rest = rows[room - 1..].join(" ");
            rows.truncate(room - 1);
            rows.push(fit::truncate(&rest, width));
        }
        let used = u16::try_from(rows.len())
            .unwrap_or(1)
            .min(text_area.height - 1);
        let lines: Vec<Line> = rows
            .into_iter()
            .map(|row| Line::styled(row, theme.title))
            .collect();
        frame.render_widget(
            Paragraph::new(lines),
            Rect {
                height: used,
                ..text_area
            },
        );
        text_area.y += used;
        text_area.height -= used;
    }
    let height = usize::from(text_area.height);
    let mut cache = state.layout.borrow_mut();
    if cache.as_ref().is_none_or(|l| l.width != text_area.width) {
        *cache = Some(lay_out(e, theme, text_area.width, height));
    }
    let Some(layout) = cache.as_mut() else {
        return;
    };
    layout.height = height;
    // Keep the scroll within the text so the last line can never scroll away.
    let scroll = state.scroll.min(layout.rows.saturating_sub(1));
    // The line holding the first row on screen, and as many after it as can show.
    let first = layout
        .starts
        .partition_point(|&start| start <= scroll)
        .saturating_sub(1);
    let last = layout
        .starts
        .partition_point(|&start| start < scroll + height)
        .max(first + 1);
    let skip = scroll - layout.starts.get(first).copied().unwrap_or(0);
    let shown: Vec<Line> = layout.lines[first..last.min(layout.lines.len())].to_vec();
    frame.render_widget(
        Paragraph::new(shown)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(skip).unwrap_or(u16::MAX), 0)),
        text_area,
    );
}
