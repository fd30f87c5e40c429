//! Colours and emphasis. A calm default, a high-contrast one and a light one; with
//! NO_COLOR set, only bold, dim and reverse remain.

use ratatui::style::{Color, Modifier, Style};

use crate::config::Theme as ThemeName;
use crate::content::schema::Level;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub accent: Style,
    pub muted: Style,
    pub selected: Style,
    pub key: Style,
    pub border: Style,
    pub warning: Style,
    pub highlight: Style,
    /// tense, lively, calm, low
    pub quadrants: [Style; 4],
    pub colour: bool,
}

impl Theme {
    pub fn new(name: ThemeName, colour: bool) -> Theme {
        if !colour {
            let plain = Style::default();
            return Theme {
                base: plain,
                title: plain.add_modifier(Modifier::BOLD),
                accent: plain.add_modifier(Modifier::BOLD),
                muted: plain.add_modifier(Modifier::DIM),
                selected: plain.add_modifier(Modifier::REVERSED),
                key: plain.add_modifier(Modifier::BOLD),
                border: plain,
                warning: plain.add_modifier(Modifier::BOLD),
                highlight: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                quadrants: [plain; 4],
                colour: false,
            };
        }
        match name {
            ThemeName::Calm => Theme {
                base: Style::default().fg(Color::Rgb(214, 211, 204)),
                title: Style::default()
                    .fg(Color::Rgb(238, 213, 160))
                    .add_modifier(Modifier::BOLD),
                accent: Style::default().fg(Color::Rgb(143, 188, 187)),
                muted: Style::default().fg(Color::Rgb(128, 128, 120)),
                selected: Style::default()
                    .fg(Color::Rgb(30, 30, 30))
                    .bg(Color::Rgb(143, 188, 187)),
                key: Style::default().fg(Color::Rgb(238, 213, 160)),
                border: Style::default().fg(Color::Rgb(90, 96, 100)),
                warning: Style::default().fg(Color::Rgb(226, 170, 120)),
                highlight: Style::default()
                    .fg(Color::Rgb(30, 30, 30))
                    .bg(Color::Rgb(238, 213, 160)),
                quadrants: [
                    Style::default().bg(Color::Rgb(120, 70, 70)),
                    Style::default().bg(Color::Rgb(130, 115, 60)),
                    Style::default().bg(Color::Rgb(60, 105, 80)),
                    Style::default().bg(Color::Rgb(60, 80, 120)),
                ],
                colour: true,
            },
            ThemeName::HighContrast => Theme {
                base: Style::default().fg(Color::White),
                title: Style::default()
                    .fg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
                accent: Style::default()
                    .fg(Color::Cyan)
                    .add_modifier(Modifier::BOLD),
                muted: Style::default().fg(Color::Gray),
                selected: Style::default()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
                key: Style::default()
                    .fg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
                border: Style::default().fg(Color::White),
                warning: Style::default()
                    .fg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
                highlight: Style::default().fg(Color::Black).bg(Color::Cyan),
                quadrants: [
                    Style::default().bg(Color::Red).fg(Color::White),
                    Style::default().bg(Color::Yellow).fg(Color::Black),
                    Style::default().bg(Color::Green).fg(Color::Black),
                    Style::default().bg(Color::Blue).fg(Color::White),
                ],
                colour: true,
            },
            ThemeName::Light => Theme {
                base: Style::default().fg(Color::Rgb(40, 40, 40)),
                title: Style::default()
                    .fg(Color::Rgb(120, 80, 20))
                    .add_modifier(Modifier::BOLD),
                accent: Style::default().fg(Color::Rgb(30, 100, 110)),
                muted: Style::default().fg(Color::Rgb(110, 110, 110)),
                selected: Style::default()
                    .fg(Color::White)
                    .bg(Color::Rgb(30, 100, 110)),
                key: Style::default()
                    .fg(Color::Rgb(120, 80, 20))
                    .add_modifier(Modifier::BOLD),
                border: Style::default().fg(Color::Rgb(160, 160, 160)),
                warning: Style::default().fg(Color::Rgb(150, 80, 20)),
                highlight: Style::default().bg(Color::Rgb(250, 225, 150)),
                quadrants: [
                    Style::default().bg(Color::Rgb(240, 190, 190)),
                    Style::default().bg(Color::Rgb(245, 230, 170)),
                    Style::default().bg(Color::Rgb(190, 225, 200)),
                    Style::default().bg(Color::Rgb(190, 205, 235)),
                ],
                colour: true,
            },
        }
    }

    /// Colour unless NO_COLOR is set (to anything non-empty).
    pub fn from_env(name: ThemeName) -> Theme {
        let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Theme::new(name, colour)
    }

    pub fn quadrant(&self, pleasantness: Level, energy: Level) -> Style {
        let index = match (pleasantness, energy) {
            (Level::Low, Level::High) => 0,
            (Level::High, Level::High) => 1,
            (Level::High, Level::Low) => 2,
            (Level::Low, Level::Low) => 3,
        };
        self.quadrants[index]
    }
}
