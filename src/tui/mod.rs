//! The full-screen app. For now, a calm placeholder that says what is coming and how
//! to use Lantern from the command line meanwhile.

use anyhow::Result;
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::{Alignment, Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

use crate::cli::Context;

pub fn run(_ctx: &Context) -> Result<()> {
    let mut terminal = ratatui::init();
    let result = (|| -> Result<()> {
        loop {
            terminal.draw(view)?;
            if let Event::Key(key) = event::read()? {
                let ctrl_c =
                    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
                if key.kind == KeyEventKind::Press
                    && (matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) || ctrl_c)
                {
                    return Ok(());
                }
            }
        }
    })();
    ratatui::restore();
    result
}

pub fn view(frame: &mut Frame) {
    let lines = vec![
        Line::from("Lantern"),
        Line::from(""),
        Line::from("The full-screen app is on its way: check-ins, the guided diary and search."),
        Line::from("Meanwhile, everything works from the command line:"),
        Line::from(""),
        Line::from("  lantern checkin --pleasant 6 --energy 5 --stress 4"),
        Line::from("  lantern write --template reflective-diary"),
        Line::from("  lantern search WORD"),
        Line::from("  lantern help-now"),
        Line::from(""),
        Line::from("Press q to close."),
    ];
    let [area] = Layout::vertical([Constraint::Min(0)]).areas(frame.area());
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Left)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(" Lantern ")),
        area,
    );
}
