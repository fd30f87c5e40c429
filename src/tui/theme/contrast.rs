//! WCAG 2 contrast: how far apart two colours are in relative luminance, and whether a
//! theme's every style reads on the background it is drawn on. The runtime asks it
//! whether the terminal's own background will do; the tests ask it of every theme.

use ratatui::style::{Color, Style};

/// An sRGB colour, as terminals report and draw them.
pub type Rgb = (u8, u8, u8);

/// Below this, text fails WCAG AA. Bold terminal text is one cell high, not the 14pt
/// that WCAG calls large, so no style here gets the 3:1 allowance for large text.
pub const TEXT: f64 = 4.5;
/// What high contrast promises: WCAG AAA for text.
pub const TEXT_HIGH: f64 = 7.0;
/// Borders are not text: they only need to be seen (WCAG 1.4.11, non-text contrast).
pub const GRAPHIC: f64 = 3.0;

/// WCAG relative luminance, 0 (black) to 1 (white).
pub fn luminance((r, g, b): Rgb) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// The WCAG contrast ratio, 1 (none) to 21 (black on white), whichever is lighter.
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// Light enough that dark text reads better on it than light text does.
pub fn is_light(background: Rgb) -> bool {
    ratio(background, (0, 0, 0)) > ratio(background, (255, 255, 255))
}

/// The colour a style names, when it names one exactly. The themes use RGB only:
/// a named ANSI colour is whatever the terminal's palette makes it, so no contrast
/// could be promised for it.
pub fn rgb(color: Color) -> Option<Rgb> {
    match color {
        Color::Rgb(r, g, b) => Some((r, g, b)),
        _ => None,
    }
}

/// One text-bearing (or, for borders, visible) style, and the contrast it must reach.
pub struct Check {
    pub name: &'static str,
    pub style: Style,
    pub at_least: f64,
}

/// The colours a style is seen in: its own, else the body text's and the background
/// it is drawn on. None when a colour is not RGB.
pub fn colours(style: Style, base: Style, background: Rgb) -> Option<(Rgb, Rgb)> {
    let fg = rgb(style.fg.or(base.fg)?)?;
    let bg = match style.bg.or(base.bg) {
        Some(c) => rgb(c)?,
        None => background,
    };
    Some((fg, bg))
}

/// Every check that falls short on `background`, as "name a:b (needs n)"; empty when
/// all of them read.
pub fn shortfalls(checks: &[Check], base: Style, background: Rgb) -> Vec<String> {
    checks
        .iter()
        .filter_map(|check| match colours(check.style, base, background) {
            Some((fg, bg)) if ratio(fg, bg) >= check.at_least => None,
            Some((fg, bg)) => Some(format!(
                "{} {fg:?} on {bg:?} is {:.2}:1 (needs {}:1)",
                check.name,
                ratio(fg, bg),
                check.at_least
            )),
            None => Some(format!("{} is not an RGB colour", check.name)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ratio_is_the_wcag_one() {
        assert!((ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((ratio((255, 255, 255), (255, 255, 255)) - 1.0).abs() < 1e-9);
        // The figures WebAIM's checker gives.
        assert!((ratio((118, 118, 118), (255, 255, 255)) - 4.54).abs() < 0.01);
        assert!((ratio((214, 211, 204), (255, 255, 255)) - 1.49).abs() < 0.01);
    }

    #[test]
    fn light_and_dark_backgrounds_are_told_apart() {
        assert!(is_light((255, 255, 255)));
        assert!(is_light((0xf5, 0xf5, 0xf5)));
        assert!(!is_light((0, 0, 0)));
        assert!(!is_light((0x28, 0x2c, 0x34)));
    }
}
