//! Keys typed before the app has drawn anything are kept: the README's fast path
//! starts from launch, and a terminal's late answer about its colours is not keys.

mod support;

use std::path::Path;

use support::e2e::Diary;
use support::tmux::{require_tmux, App, START_AFTER};

#[test]
fn a_whole_check_in_typed_at_launch_is_saved() {
    require_tmux!();
    let diary = Diary::initialised();
    let app = App::launch_with(&diary, "type-ahead", &[(START_AFTER, Path::new("0.5"))]);
    // Typed before Lantern has started: they wait in the terminal, and must not be
    // taken for its answer when Lantern asks the terminal for its background.
    app.keys(&["c", "3", "7", "Tab", "Tab", "8", "s"]);
    app.wait_for("You checked in today");
    let screen = app.screen();
    assert!(
        screen.contains("pleasant 3 · energy 7 · stress 8"),
        "{screen}"
    );
}
