use ratatui::style::{Color, Modifier, Style};

use super::contrast::{shortfalls, Rgb};
use super::palette::{self, Palette};
use super::*;

const BLACK: Rgb = (0, 0, 0);
const WHITE: Rgb = (255, 255, 255);

/// What dark terminals usually are: black, VS Code's and One Dark's greys.
const DARK_TERMINALS: [Rgb; 3] = [BLACK, (0x1e, 0x1e, 0x1e), (0x28, 0x2c, 0x34)];
/// What light ones usually are: white and a paper grey.
const LIGHT_TERMINALS: [Rgb; 2] = [WHITE, (0xf5, 0xf5, 0xf5)];
/// Backgrounds no variant is drawn for as it stands: a mid grey, Solarized's two.
const ODD_TERMINALS: [Rgb; 3] = [(128, 128, 128), (0x00, 0x2b, 0x36), (0xfd, 0xf6, 0xe3)];

fn terminals_of_its_kind(palette: &Palette) -> &'static [Rgb] {
    if palette.dark {
        &DARK_TERMINALS
    } else {
        &LIGHT_TERMINALS
    }
}

fn every_background() -> Vec<Rgb> {
    DARK_TERMINALS
        .iter()
        .chain(&LIGHT_TERMINALS)
        .chain(&ODD_TERMINALS)
        .copied()
        .collect()
}

fn names() -> [ThemeName; 4] {
    [
        ThemeName::Auto,
        ThemeName::Calm,
        ThemeName::Light,
        ThemeName::HighContrast,
    ]
}

fn problems(theme: &Theme, high: bool, background: Rgb) -> Vec<String> {
    shortfalls(&theme.checks(high), theme.base, background)
}

fn painted(theme: &Theme) -> bool {
    theme.base.bg.is_some()
}

#[test]
fn every_variant_reads_on_the_usual_terminals_of_its_kind_without_a_background_of_its_own() {
    for palette in palette::all() {
        for &background in terminals_of_its_kind(&palette) {
            let theme = Theme::from_palette(&palette, Some(background));
            let wrong = problems(&theme, palette.high, background);
            assert!(
                wrong.is_empty(),
                "{} on {background:?}: {wrong:#?}",
                palette.name
            );
            assert!(
                !painted(&theme),
                "{} on {background:?} should leave the terminal's background alone",
                palette.name
            );
        }
    }
}

#[test]
fn every_variant_reads_on_its_own_background() {
    for palette in palette::all() {
        let theme = Theme::from_palette(&palette, None);
        assert_eq!(
            theme.base.bg,
            Some(Color::Rgb(
                palette.backdrop.0,
                palette.backdrop.1,
                palette.backdrop.2
            )),
            "{}",
            palette.name
        );
        // Its own background covers every cell, so what is behind it does not matter.
        for background in every_background() {
            let wrong = problems(&theme, palette.high, background);
            assert!(wrong.is_empty(), "{} painted: {wrong:#?}", palette.name);
        }
    }
}

/// Whatever the setting and whatever the terminal (or none known), every style reads.
#[test]
fn every_theme_reads_on_any_terminal() {
    for name in names() {
        let mut cases: Vec<Option<Rgb>> = every_background().into_iter().map(Some).collect();
        cases.push(None);
        for background in cases {
            let theme = Theme::for_background(name, true, background);
            // Unknown: a painted theme, so any background stands in.
            let seen_on = background.unwrap_or(WHITE);
            let wrong = problems(&theme, false, seen_on);
            assert!(wrong.is_empty(), "{name:?} on {background:?}: {wrong:#?}");
            if background.is_none() {
                assert!(painted(&theme), "{name:?} with no background known");
            }
        }
    }
}

#[test]
fn auto_matches_the_terminal_and_paints_its_own_when_it_is_not_known() {
    let auto = |bg| Theme::for_background(ThemeName::Auto, true, bg);
    assert_eq!(auto(Some(WHITE)), palette::calm_light().theme);
    assert_eq!(auto(Some((0xf5, 0xf5, 0xf5))), palette::calm_light().theme);
    assert_eq!(auto(Some(BLACK)), palette::calm_dark().theme);
    assert_eq!(auto(Some((0x28, 0x2c, 0x34))), palette::calm_dark().theme);
    assert_eq!(auto(None), Theme::from_palette(&palette::calm_dark(), None));
    // A mid grey is neither: the variant brings its own background.
    assert!(painted(&auto(Some((128, 128, 128)))));
}

#[test]
fn calm_light_and_high_contrast_keep_their_looks() {
    // calm is the dark look, light the light one, wherever they are drawn.
    let calm_on_white = Theme::for_background(ThemeName::Calm, true, Some(WHITE));
    assert_eq!(
        calm_on_white,
        Theme::from_palette(&palette::calm_dark(), None)
    );
    let light_on_black = Theme::for_background(ThemeName::Light, true, Some(BLACK));
    assert_eq!(
        light_on_black,
        Theme::from_palette(&palette::calm_light(), None)
    );
    // high contrast follows the terminal, as auto does.
    let high = |bg| Theme::for_background(ThemeName::HighContrast, true, Some(bg));
    assert_eq!(high(WHITE), palette::high_contrast_light().theme);
    assert_eq!(high(BLACK), palette::high_contrast_dark().theme);
}

/// The calm theme as it was: light text and no background of its own. The check
/// must find it unreadable on a white terminal, or it checks nothing.
#[test]
fn the_old_calm_theme_fails_on_a_white_terminal() {
    let rgb = |r, g, b| Style::default().fg(Color::Rgb(r, g, b));
    let old = Theme {
        base: rgb(214, 211, 204),
        title: rgb(238, 213, 160).add_modifier(Modifier::BOLD),
        accent: rgb(143, 188, 187),
        muted: rgb(128, 128, 120),
        selected: rgb(30, 30, 30).bg(Color::Rgb(143, 188, 187)),
        key: rgb(238, 213, 160),
        border: rgb(90, 96, 100),
        warning: rgb(226, 170, 120),
        highlight: rgb(30, 30, 30).bg(Color::Rgb(238, 213, 160)),
        timer: Style::default().bg(Color::Rgb(143, 188, 187)),
        quadrants: [
            Style::default().bg(Color::Rgb(120, 70, 70)),
            Style::default().bg(Color::Rgb(130, 115, 60)),
            Style::default().bg(Color::Rgb(60, 105, 80)),
            Style::default().bg(Color::Rgb(60, 80, 120)),
        ],
        colour: true,
    };
    let wrong = problems(&old, false, WHITE);
    for name in ["base", "title", "accent", "muted", "key", "warning"] {
        assert!(
            wrong.iter().any(|w| w.starts_with(&format!("{name} "))),
            "{name} passed: {wrong:#?}"
        );
    }
    // Even on a dark grey terminal its muted text and a quadrant fell short.
    let wrong = problems(&old, false, (0x28, 0x2c, 0x34));
    assert!(wrong.iter().any(|w| w.starts_with("muted ")), "{wrong:#?}");
    assert!(
        wrong.iter().any(|w| w.starts_with("lively quadrant ")),
        "{wrong:#?}"
    );
}

#[test]
fn a_named_ansi_colour_is_not_taken_on_trust() {
    let theme = Theme {
        accent: Style::default().fg(Color::Cyan),
        ..palette::calm_dark().theme
    };
    let wrong = problems(&theme, false, BLACK);
    assert_eq!(wrong, ["accent is not an RGB colour"]);
}

/// A choice is told by its shape as well as its colour, for anyone who cannot tell
/// the colours apart.
#[test]
fn the_selected_style_of_every_theme_is_bold_or_reversed() {
    let mut themes: Vec<(String, Theme)> = palette::all()
        .iter()
        .map(|p| (p.name.to_string(), p.theme))
        .collect();
    for name in names() {
        for background in [None, Some(WHITE), Some(BLACK)] {
            for colour in [true, false] {
                themes.push((
                    format!("{name:?} on {background:?}, colour {colour}"),
                    Theme::for_background(name, colour, background),
                ));
            }
        }
    }
    for (name, theme) in themes {
        let shape = theme.selected.add_modifier;
        assert!(
            shape.intersects(Modifier::BOLD | Modifier::REVERSED),
            "{name}: selected is {:?}",
            theme.selected
        );
    }
}

#[test]
fn without_colour_no_style_has_a_colour_whatever_the_terminal() {
    for name in names() {
        for background in [None, Some(WHITE), Some(BLACK)] {
            let theme = Theme::for_background(name, false, background);
            assert!(!theme.colour);
            for check in theme.checks(false) {
                assert_eq!(
                    (check.style.fg, check.style.bg),
                    (None, None),
                    "{name:?}: {}",
                    check.name
                );
            }
        }
    }
}
