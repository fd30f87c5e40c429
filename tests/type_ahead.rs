//! Keys typed before the app has drawn anything are kept: the README's fast path
//! starts from launch, and a terminal's late answer about its colours is not keys.

mod support;

use support::e2e::Diary;
use support::tmux::{require_tmux, App};

#[test]
fn a_whole_check_in_typed_at_launch_is_saved() {
    require_tmux!();
    let diary = Diary::initialised();
    let app = App::launch(&diary, "type-ahead");
    // No waiting for the first frame: the keys land while Lantern is starting,
    // before and while it asks the terminal for its background.
    app.keys(&["c", "3", "7", "Tab", "Tab", "8", "s"]);
    app.wait_for("You checked in today");
    let screen = app.screen();
    assert!(
        screen.contains("pleasant 3 · energy 7 · stress 8"),
        "{screen}"
    );
}
