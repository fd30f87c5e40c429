//! The colours of each theme, in a dark and a light variant. Every colour is RGB, so
//! its contrast is known wherever it is drawn (a named ANSI colour is whatever the
//! terminal's palette makes it). Each variant reads on the usual terminal
//! backgrounds of its kind and brings a background of its own for any other; the
//! tests hold every style to WCAG AA (AAA for high contrast).

use ratatui::style::{Color, Modifier, Style};

use super::contrast::Rgb;
use super::Theme;

/// A theme's colours before a background is chosen for it.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub name: &'static str,
    /// Its styles, on no background of their own.
    pub theme: Theme,
    /// What it paints behind everything when the terminal's background will not do.
    pub backdrop: Rgb,
    /// Drawn on dark backgrounds (else light ones).
    pub dark: bool,
    /// Held to 7:1 rather than 4.5:1.
    pub high: bool,
}

fn fg((r, g, b): Rgb) -> Style {
    Style::default().fg(Color::Rgb(r, g, b))
}

fn on(text: Rgb, (r, g, b): Rgb) -> Style {
    fg(text).bg(Color::Rgb(r, g, b))
}

const BOLD: Modifier = Modifier::BOLD;

/// Warm light grey on charcoal, teal and sand: the calm look Lantern began with.
pub fn calm_dark() -> Palette {
    let text = (214, 211, 204);
    let teal = (143, 188, 187);
    let sand = (238, 213, 160);
    let ink = (30, 30, 30);
    Palette {
        name: "calm-dark",
        theme: Theme {
            base: fg(text),
            title: fg(sand).add_modifier(BOLD),
            accent: fg(teal),
            muted: fg((152, 152, 144)),
            // Bold as well as coloured, so the choice reads without telling colours apart.
            selected: on(ink, teal).add_modifier(BOLD),
            key: fg(sand),
            border: fg((118, 124, 128)),
            warning: fg((226, 170, 120)),
            highlight: on(ink, sand),
            timer: on(ink, teal),
            quadrants: [
                on(text, (120, 70, 70)),
                on(text, (100, 88, 40)),
                on(text, (48, 90, 66)),
                on(text, (60, 80, 120)),
            ],
            colour: true,
        },
        backdrop: (28, 30, 34),
        dark: true,
        high: false,
    }
}

/// The same calm on paper: dark grey ink, deep teal and ochre.
pub fn calm_light() -> Palette {
    let text = (40, 40, 40);
    let teal = (30, 100, 110);
    let ochre = (120, 80, 20);
    let white = (255, 255, 255);
    Palette {
        name: "calm-light",
        theme: Theme {
            base: fg(text),
            title: fg(ochre).add_modifier(BOLD),
            accent: fg(teal),
            muted: fg((100, 100, 100)),
            selected: on(white, teal).add_modifier(BOLD),
            key: fg(ochre).add_modifier(BOLD),
            border: fg((135, 138, 140)),
            warning: fg((150, 80, 20)),
            highlight: on(text, (250, 225, 150)),
            timer: on(white, teal),
            quadrants: [
                on(text, (240, 190, 190)),
                on(text, (245, 230, 170)),
                on(text, (190, 225, 200)),
                on(text, (190, 205, 235)),
            ],
            colour: true,
        },
        backdrop: (250, 248, 242),
        dark: false,
        high: false,
    }
}

/// White, yellow and cyan on black.
pub fn high_contrast_dark() -> Palette {
    let white = (255, 255, 255);
    let black = (0, 0, 0);
    let yellow = (255, 255, 0);
    let cyan = (0, 255, 255);
    Palette {
        name: "high-contrast-dark",
        theme: Theme {
            base: fg(white),
            title: fg(yellow).add_modifier(BOLD),
            accent: fg(cyan).add_modifier(BOLD),
            muted: fg((200, 200, 200)),
            selected: on(black, yellow).add_modifier(BOLD),
            key: fg(yellow).add_modifier(BOLD),
            border: fg(white),
            warning: fg((255, 200, 0)).add_modifier(BOLD),
            highlight: on(black, cyan),
            timer: on(black, cyan),
            quadrants: [
                on(white, (170, 0, 0)),
                on(black, (230, 230, 0)),
                on(black, (0, 210, 0)),
                on(white, (0, 0, 200)),
            ],
            colour: true,
        },
        backdrop: black,
        dark: true,
        high: true,
    }
}

/// Black, navy and deep red on white.
pub fn high_contrast_light() -> Palette {
    let black = (0, 0, 0);
    let navy = (0, 0, 150);
    Palette {
        name: "high-contrast-light",
        theme: Theme {
            base: fg(black),
            title: fg(navy).add_modifier(BOLD),
            accent: fg((0, 70, 110)).add_modifier(BOLD),
            muted: fg((60, 60, 60)),
            selected: on(black, (255, 225, 0)).add_modifier(BOLD),
            key: fg(navy).add_modifier(BOLD),
            border: fg(black),
            warning: fg((150, 0, 0)).add_modifier(BOLD),
            highlight: on(black, (150, 225, 255)),
            timer: on(black, (150, 225, 255)),
            quadrants: [
                on(black, (255, 185, 185)),
                on(black, (255, 240, 140)),
                on(black, (170, 240, 170)),
                on(black, (180, 200, 255)),
            ],
            colour: true,
        },
        backdrop: (255, 255, 255),
        dark: false,
        high: true,
    }
}

/// Every variant, for the tests and for anything that lists them.
pub fn all() -> [Palette; 4] {
    [
        calm_dark(),
        calm_light(),
        high_contrast_dark(),
        high_contrast_light(),
    ]
}
