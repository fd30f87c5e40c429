//! Colours and emphasis. Each theme has a dark and a light variant (`palette`), and
//! each is drawn on the terminal's own background when it reads there, or on one of
//! its own when it would not or the background is not known; with NO_COLOR set, only
//! bold, dim and reverse remain.

mod background;
pub mod contrast;
pub mod palette;

use ratatui::style::{Modifier, Style};

use crate::config::Theme as ThemeName;
use crate::content::schema::Level;
use contrast::{Check, Rgb};
use palette::Palette;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub accent: Style,
    pub muted: Style,
    /// Carries bold or reverse as well as any colour, so a choice is seen without
    /// telling colours apart.
    pub selected: Style,
    pub key: Style,
    pub border: Style,
    pub warning: Style,
    pub highlight: Style,
    /// Text laid over a progress bar: a colour and a background of its own, so it reads
    /// whether the bar has reached it or not.
    pub timer: Style,
    /// tense, lively, calm, low; each with the colour of the text on it.
    pub quadrants: [Style; 4],
    pub colour: bool,
}

impl Theme {
    /// The theme without knowing the terminal's background (see `for_background`).
    pub fn new(name: ThemeName, colour: bool) -> Theme {
        Theme::for_background(name, colour, None)
    }

    /// The theme for a terminal whose background is `background` (None: not known).
    ///
    /// auto follows the background: light terminals get calm-light, dark ones and
    /// unknown ones calm-dark. calm and light keep the look their names promise,
    /// on any terminal; high-contrast follows the background as auto does.
    ///
    /// When the background is not known (no answer, not a terminal, TERM=dumb), the
    /// variant paints its own: the only way to be sure text reads, as a dark theme's
    /// light text would vanish on a white terminal and a light theme's on a black one.
    /// Dark is the choice then, as most terminals are, so the change is the smallest.
    pub fn for_background(name: ThemeName, colour: bool, background: Option<Rgb>) -> Theme {
        if !colour {
            return Theme::plain();
        }
        let light = background.is_some_and(contrast::is_light);
        let palette = match name {
            ThemeName::Calm => palette::calm_dark(),
            ThemeName::Light => palette::calm_light(),
            ThemeName::Auto if light => palette::calm_light(),
            ThemeName::Auto => palette::calm_dark(),
            ThemeName::HighContrast if light => palette::high_contrast_light(),
            ThemeName::HighContrast => palette::high_contrast_dark(),
        };
        Theme::from_palette(&palette, background)
    }

    /// The theme named in the settings, for the terminal Lantern is in: asks it for
    /// its background (unless NO_COLOR is set to anything non-empty, when colour is
    /// off and there is nothing to match). Called before the alternate screen.
    pub fn for_terminal(name: ThemeName) -> Theme {
        let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let background = if colour { background::detect() } else { None };
        Theme::for_background(name, colour, background)
    }

    /// `palette` on `background` if every style reads there, else on its own.
    pub fn from_palette(palette: &Palette, background: Option<Rgb>) -> Theme {
        let theme = palette.theme;
        let reads =
            |bg: Rgb| contrast::shortfalls(&theme.checks(palette.high), theme.base, bg).is_empty();
        match background {
            Some(bg) if reads(bg) => theme,
            _ => {
                let (r, g, b) = palette.backdrop;
                Theme {
                    base: theme.base.bg(ratatui::style::Color::Rgb(r, g, b)),
                    ..theme
                }
            }
        }
    }

    /// Every style that is drawn with text on it (and the border, which only has to
    /// be seen), with the contrast each must reach.
    pub fn checks(&self, high: bool) -> Vec<Check> {
        let text = if high {
            contrast::TEXT_HIGH
        } else {
            contrast::TEXT
        };
        let check = |name, style| Check {
            name,
            style,
            at_least: text,
        };
        let mut checks = vec![
            check("base", self.base),
            check("title", self.title),
            check("accent", self.accent),
            check("muted", self.muted),
            check("selected", self.selected),
            check("key", self.key),
            check("warning", self.warning),
            check("highlight", self.highlight),
            check("timer", self.timer),
            check("tense quadrant", self.quadrants[0]),
            check("lively quadrant", self.quadrants[1]),
            check("calm quadrant", self.quadrants[2]),
            check("low quadrant", self.quadrants[3]),
        ];
        // Lines and corners, never letters: non-text contrast is enough.
        checks.push(Check {
            name: "border",
            style: self.border,
            at_least: contrast::GRAPHIC,
        });
        checks
    }

    /// Only bold, dim and reverse, for NO_COLOR.
    fn plain() -> Theme {
        let plain = Style::default();
        Theme {
            base: plain,
            title: plain.add_modifier(Modifier::BOLD),
            accent: plain.add_modifier(Modifier::BOLD),
            muted: plain.add_modifier(Modifier::DIM),
            selected: plain.add_modifier(Modifier::REVERSED),
            key: plain.add_modifier(Modifier::BOLD),
            border: plain,
            warning: plain.add_modifier(Modifier::BOLD),
            highlight: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            // Over the bar, the terminal's own colours are what reads.
            timer: plain,
            quadrants: [plain; 4],
            colour: false,
        }
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

#[cfg(test)]
mod tests;
