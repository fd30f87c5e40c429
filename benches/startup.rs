//! The app's launch at one, ten and fifty years: everything done before the first
//! frame (settings, content, opening the diary, Today's data, one draw), whole and in
//! its parts, with each size's ratio to a year's; and the built-in content, read and
//! checked.
//!
//! Run: `cargo bench --bench startup`. The diaries are made from
//! ../shared/bench/gen_corpus.py (fifty years is the ten-year corpus five times over,
//! years shifted), each with a check-in every day; or LANTERN_BENCH_DIARIES names a
//! folder holding data folders `a1`, `a10` and `a50` to copy instead.

mod common;

use std::path::Path;

use chrono::{DateTime, FixedOffset, Local};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use common::{diaries, measure};
use lantern::config;
use lantern::content;
use lantern::session::{today, Session};
use lantern::tui::app::{update, Action, App, Screen};
use lantern::tui::theme::Theme;
use lantern::tui::view::view;

fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// What the app does before its first frame, as `tui::run` does it.
fn first_frame(dir: &Path) {
    let session = Session::new(Some(dir)).expect("settings"); // ok: bench
    let loaded = session.load_content();
    let opened = session.open_store(None).expect("the diary opens"); // ok: bench
    let data = today::load(&opened.store, &loaded.content, now()).expect("today"); // ok: bench
    let theme = Theme::new(config::Theme::Calm, true);
    let mut app = App::new(
        loaded.content,
        session.config.clone(),
        theme,
        now(),
        Screen::Today,
    );
    update(&mut app, Action::TodayLoaded(data));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("a terminal"); // ok: bench
    terminal.draw(|frame| view(&app, frame)).expect("a frame"); // ok: bench
}

fn main() {
    // `cargo test --benches` runs this with --bench absent; keep that quick.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    measure("content: built in, as the app reads it", 50, || {
        std::hint::black_box(content::built_in());
    });
    measure("content: built in, read and checked", 50, || {
        let sources = content::sources_from_dir(None).0;
        let (_, errors) = content::check_sources(sources);
        assert!(errors.is_empty());
    });
    let root = tempfile::tempdir().expect("a temp dir"); // ok: bench
    let sizes = diaries(root.path(), None);
    let mut first: Option<[f64; 4]> = None;
    for (name, dir) in &sizes {
        // Once unmeasured, so a diary made before today's schema is updated first.
        first_frame(dir);
        let session = Session::new(Some(dir)).expect("settings"); // ok: bench
        let open = measure(&format!("open the diary: {name}"), 30, || {
            session.open_store(None).expect("opens"); // ok: bench
        });
        let opened = session.open_store(None).expect("opens"); // ok: bench
        let loaded = session.load_content();
        let data = measure(&format!("Today's data: {name}"), 30, || {
            today::load(&opened.store, &loaded.content, now()).expect("today"); // ok: bench
        });
        let content = measure(
            &format!("content with overrides looked for: {name}"),
            30,
            || {
                std::hint::black_box(session.load_content());
            },
        );
        let whole = measure(&format!("launch to first frame: {name}"), 30, || {
            first_frame(dir)
        });
        let figures = [whole, open, data, content];
        let base = *first.get_or_insert(figures);
        println!(
            "  {name}: first frame {whole:.2} ms ({:.2}x a year's); open {open:.2} ms; \
             Today's data {data:.2} ms; content {content:.2} ms",
            whole / base[0]
        );
    }
}
