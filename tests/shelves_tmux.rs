//! The library's shelves and role-right help in a real terminal: the `lantern`
//! binary in tmux at 80×24, as a social worker in Scotland would use it, walking to
//! a new shelf, opening an item, then opening help now over it.
//!
//! The harness (a tmux server and diary folder per test) is in `support/tmux.rs`.

mod support;

use std::fs::OpenOptions;
use std::io::Write;

use support::e2e::Diary;
use support::tmux::{require_tmux, App, NO_CHECK_IN, WAIT};

#[test]
fn a_social_worker_walks_the_shelves_and_sees_their_help_at_80x24() {
    require_tmux!();
    let diary = Diary::initialised();
    let mut config = OpenOptions::new()
        .append(true)
        .open(diary.dir().join("config.toml"))
        .expect("the settings lantern init wrote");
    writeln!(config, "region = \"scotland\"\nrole = \"social-worker\"").expect("settings");

    let app = App::launch(&diary, "shelves");
    app.resize(80, 24);
    app.wait_for(NO_CHECK_IN);
    app.keys(&["l"]);
    app.wait_for("┌ Library ");
    // The shelves go on below what fits, and the frame says so.
    app.wait_until("the arrow for more below", WAIT, |s| s.contains("↓ ┘"));
    // Skills, practice points, steps, exercises, ways to write, what it is: the 6Cs.
    app.keys(&["Tab", "Tab", "Tab", "Tab", "Tab", "Tab"]);
    app.wait_for_all(&["The 6Cs", "Courage"]);
    app.keys(&["Enter"]);
    app.wait_until("the first value's page", WAIT, |s| {
        s.contains("┌ Compassion ") && s.contains("Questions:") && s.contains("Source:")
    });
    // Help now over it: Scotland's numbers, and social work support without a label.
    app.keys(&["F2"]);
    app.wait_for_all(&["Help now", "NHS 24", "999"]);
    for _ in 0..20 {
        app.keys(&["j"]);
    }
    let screen = app.wait_for("BASW, the social work professional body");
    assert!(!screen.contains("(for social workers)"), "{screen}");
    assert!(!screen.contains("Unite/CPHVA"), "{screen}");
    // Any other key closes it, back on the same page.
    app.keys(&["Escape"]);
    app.wait_for("┌ Compassion ");
    app.keys(&["q"]);
    app.wait_for("┌ Library ");
    app.keys(&["q"]);
    app.quit_from_today();
}
