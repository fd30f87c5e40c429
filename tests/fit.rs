//! Text that fits: at 80 columns no list, title or description is cut mid-word. Where
//! text is longer than its room it ends at a whole word with "…"; the reader's title
//! moves to its own line when it does not fit beside the date; the library's star is
//! drawn only with every name whole.

mod support;

use crossterm::event::KeyCode;

use lantern::config::{self, Config};
use lantern::content::{self, Content};
use lantern::domain::entry::{Answer, Entry};
use lantern::text::fit;
use lantern::tui::app::{update, Action, App, Screen};
use lantern::tui::screens::library::Row;
use lantern::tui::theme::Theme;

use support::tui::{at, ch, drawn_text, key, press, t0};

const LONG_NAME: &str =
    "A reflection for the end of a very long day of home visits, written slowly and kindly";
const LONG_SUMMARY: &str =
    "Notice what stayed with you after the last visit — 日本語のテキスト too, \
     and an emoji 🌙 — then write a few words about each of the questions it asks, slowly";
const LONG_STEP: &str =
    "Spot the situations that are likely to be stressful and prepare for them well ahead";

fn app_with(content: Content) -> App {
    App::new(
        content,
        Config::default(),
        Theme::new(config::Theme::Calm, true),
        t0(),
        Screen::Today,
    )
}

/// The rows of a screen with the border and the space beside it taken off, and
/// without the blank cell the test terminal keeps after each wide character.
fn rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|l| {
            let mut row = String::new();
            let mut after_wide = false;
            for c in l.chars() {
                if !(after_wide && c == ' ') {
                    row.push(c);
                }
                after_wide = fit::width(c.encode_utf8(&mut [0; 4])) == 2;
            }
            row.trim_matches(|c: char| c == '│' || c.is_whitespace())
                .to_string()
        })
        .collect()
}

/// Every row with "…" in it shows the start of one of `sources` up to a whole word:
/// what comes next in the source is a space or a mark that ends a phrase.
fn assert_cut_at_words(screen: &str, sources: &[String]) {
    let mut cuts = 0;
    for row in rows(screen) {
        let Some(at) = row.find('…') else { continue };
        // The shortened text is the last column of the row, after any gap.
        let shown = row[..at].rsplit("  ").next().unwrap_or("").trim_start();
        assert!(
            !shown.ends_with(char::is_whitespace),
            "a space before '…' in {row:?}"
        );
        let source = sources
            .iter()
            .find(|s| s.starts_with(shown) && s.len() > shown.len())
            .unwrap_or_else(|| panic!("{row:?} is not the start of any text it shortens"));
        let next = source[shown.len()..].chars().next();
        assert!(
            next.is_some_and(|c| c.is_whitespace() || ",;:".contains(c)),
            "{row:?} cuts a word: the text goes on {:?}\n{screen}",
            &source[shown.len()..]
        );
        cuts += 1;
    }
    assert!(cuts > 0, "nothing on this screen was shortened:\n{screen}");
}

#[test]
fn template_names_and_descriptions_end_at_a_whole_word() {
    let mut content = content::built_in();
    let mut long = content.templates[0].clone();
    long.item.name = LONG_NAME.into();
    long.item.summary = LONG_SUMMARY.into();
    content.templates.insert(0, long);
    let mut app = app_with(content);
    press(&mut app, ch('w'));
    let Screen::Templates(t) = &app.screen else {
        panic!("expected the templates");
    };
    let sources: Vec<String> = t
        .all
        .iter()
        .flat_map(|t| [t.name.trim().to_string(), t.summary.trim().to_string()])
        .collect();
    for (w, h) in [(80, 24), (100, 30)] {
        let screen = drawn_text(&app, w, h);
        assert_cut_at_words(&screen, &sources);
        assert!(screen.contains("A reflection for the end of a very long day"));
    }
}

#[test]
fn library_items_end_at_a_whole_word_and_the_star_shows_every_name_whole() {
    let mut content = content::built_in();
    content.steps[0].item.name = LONG_STEP.into();
    let skills: Vec<String> = content
        .skills
        .iter()
        .filter_map(|s| {
            s.number
                .filter(|n| *n > 0)
                .map(|n| format!("{n} {}", s.name))
        })
        .collect();
    let mut app = app_with(content);
    press(&mut app, ch('l'));
    let Screen::Library(lib) = &app.screen else {
        panic!("expected the library");
    };
    let sources: Vec<String> = lib
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Item(_, _, name) => Some(name.clone()),
            Row::Heading(_) => None,
        })
        .collect();
    let wide = drawn_text(&app, 120, 40);
    assert_cut_at_words(&wide, &sources);
    assert!(wide.contains('◀'), "the star at 120×40:\n{wide}");
    for name in &skills {
        assert!(
            wide.contains(name.as_str()),
            "{name:?} whole in the star:\n{wide}"
        );
    }
    // Where a name would be clipped, no star is drawn.
    let tight = drawn_text(&app, 105, 40);
    assert!(
        !tight.contains('◀'),
        "no star clipped at 105 columns:\n{tight}"
    );

    // The first item is a skill: move down to the steps to see the long one.
    for _ in 0..14 {
        press(&mut app, key(KeyCode::Down));
    }
    let steps = drawn_text(&app, 80, 24);
    assert!(steps.contains("Spot the situations"), "{steps}");
    assert_cut_at_words(&steps, &sources);
}

fn long_titled_entry() -> Entry {
    Entry {
        id: 3,
        uid: "uid-3".into(),
        template_id: None,
        title: "What the Hendersons' visit stirred up, and what I want to bring to supervision after clinic"
            .into(),
        body: "It went better than I feared.".into(),
        answers: vec![Answer {
            prompt_id: "feelings".into(),
            prompt: "What are you feeling?".into(),
            text: "Tired, relieved.".into(),
        }],
        tags: vec![],
        created: at("2026-12-01T18:12:00+00:00"),
        updated: at("2026-12-01T18:12:00+00:00"),
    }
}

#[test]
fn the_readers_title_gets_its_own_lines_when_it_does_not_fit_beside_the_date() {
    let mut app = app_with(content::built_in());
    update(&mut app, Action::EntryLoaded(long_titled_entry()));
    let screen = drawn_text(&app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(lines[0].contains("Tue 1 Dec 2026 18:12"), "{screen}");
    assert!(
        !lines[0].contains("Hendersons") && !lines[0].contains("clini"),
        "the border holds the date alone:\n{screen}"
    );
    // The reader shows the title whole, wrapped at words inside the border.
    let inside = |line: &str| line.trim_matches(|c| c == '│' || c == ' ').to_string();
    let title = format!("{} {}", inside(lines[1]), inside(lines[2]));
    assert_eq!(title, long_titled_entry().title, "{screen}");
    assert!(
        !lines[1].contains('…') && !lines[2].contains('…'),
        "{screen}"
    );
    assert!(screen.contains("It went better than I feared."));

    // A title longer than a third of a small window ends at a word with "…".
    let mut long = long_titled_entry();
    long.title = [long.title.as_str(); 8].join(" ");
    let mut long_app = app_with(content::built_in());
    update(&mut long_app, Action::EntryLoaded(long));
    let small = drawn_text(&long_app, 80, 24);
    let cut: Vec<&str> = small.lines().filter(|l| l.contains('…')).collect();
    assert_eq!(cut.len(), 1, "{small}");
    let whole = [long_titled_entry().title.as_str(); 8].join(" ");
    let before = cut[0].trim_matches(|c| c == '│' || c == ' ');
    let before = before.trim_end_matches('…');
    assert!(
        whole.contains(&format!("{before} ")) || whole.contains(&format!("{before},")),
        "the title ends at a whole word: {before:?}"
    );
    assert!(small.contains("It went better than I feared."), "{small}");

    // With room for both, the title stays on the border, whole.
    let wide = drawn_text(&app, 140, 30);
    let top = wide.lines().next().unwrap_or("");
    assert!(top.contains(&long_titled_entry().title), "{wide}");
    assert!(top.contains("Tue 1 Dec 2026 18:12"), "{wide}");
}

#[test]
fn search_results_end_at_a_word_a_column_clear_of_the_border() {
    use lantern::store::SearchHit;
    let mut app = app_with(content::built_in());
    press(&mut app, ch('/'));
    support::tui::type_text(&mut app, "sup");
    let title = "Morning check-in about the supervision that went on far longer than planned";
    let snippet = "…confirmed every cloudy \u{1}supervision\u{2} about a morning. The client guessed the answer before I could say it";
    update(
        &mut app,
        Action::SearchResults {
            query: "sup*".into(),
            hits: vec![SearchHit {
                id: 4,
                created: at("2026-11-04T08:10:00+00:00"),
                title: title.into(),
                snippet: snippet.into(),
            }],
        },
    );
    let screen = drawn_text(&app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    let hit = lines
        .iter()
        .position(|l| l.contains("4 Nov 2026"))
        .unwrap_or_else(|| panic!("no hit row:\n{screen}")); // ok: test
    for row in [lines[hit], lines[hit + 1]] {
        let inside = row.trim_start_matches('│').trim_end_matches('│');
        assert!(
            inside.ends_with(' '),
            "a column clear of the border: {row:?}"
        );
        let text = inside.trim_end();
        assert!(text.ends_with('…'), "{screen}");
        let before = text.trim_end_matches('…');
        let last_word = before.split_whitespace().last().unwrap_or(""); // ok: test
        assert!(
            title.contains(&format!("{last_word} ")) || snippet.contains(&format!("{last_word} ")),
            "ends at a whole word: {row:?}"
        );
    }
}
