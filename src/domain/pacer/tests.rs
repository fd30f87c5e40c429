use super::*;
use crate::content::built_in;

fn secs(s: f64) -> Duration {
    Duration::from_secs_f64(s)
}

fn exercise(id: &str) -> Exercise {
    built_in()
        .exercises
        .iter()
        .find(|e| e.id.as_ref() == id)
        .map(|p| p.item.clone())
        .expect("built-in exercise") // ok: test fixture
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

// soothing-breathing: a settling step of 4, paced (4+1+5+1 = 11 s × 10 = 110), 20.
/// When its paced step begins.
const PACED: f64 = 4.0;

fn breathing() -> Pacer {
    Pacer::new(&exercise("soothing-breathing"), None)
}

#[test]
fn the_paced_step_lasts_as_long_as_its_cycles() {
    let p = breathing();
    assert_eq!(p.step_count(), 3);
    assert!(close(p.total_seconds(), PACED + 110.0 + 20.0));
    assert_eq!(p.total(), Duration::from_secs(134));
}

#[test]
fn steps_change_at_their_boundaries() {
    let p = breathing();
    let s = p.at(Duration::ZERO);
    assert_eq!((s.step, s.finished), (0, false));
    assert!(close(s.step_left, PACED));
    assert!(s.breath.is_none());
    assert_eq!(p.at(secs(3.999)).step, 0);
    let s = p.at(secs(PACED));
    assert_eq!(s.step, 1);
    assert!(close(s.step_left, 110.0));
    assert_eq!(p.at(secs(113.9)).step, 1);
    assert_eq!(p.at(secs(114.0)).step, 2);
    assert!(close(p.at(secs(100.0)).left, 34.0));
}

#[test]
fn breath_phases_change_at_their_boundaries() {
    let p = breathing();
    let at = |t: f64| p.at(secs(PACED + t)).breath.expect("paced step"); // ok: test
    let b = at(0.0);
    assert_eq!((b.phase, b.cycle, b.cycles), (Phase::Inhale, 1, 10));
    assert_eq!(b.word, "Breathe in");
    assert!(close(b.fraction, 0.0) && close(b.phase_left, 4.0));
    let b = at(2.0);
    assert!(close(b.fraction, 0.5) && close(b.phase_left, 2.0));
    assert!(close(b.fullness(), 0.5));
    assert_eq!(at(3.999).phase, Phase::Inhale);
    let b = at(4.0);
    assert_eq!(b.phase, Phase::Hold);
    assert!(close(b.fullness(), 1.0));
    let b = at(5.0);
    assert_eq!((b.phase, b.word), (Phase::Exhale, "Breathe out"));
    assert!(close(b.phase_left, 5.0));
    let b = at(7.5);
    assert!(close(b.fraction, 0.5) && close(b.fullness(), 0.5));
    let b = at(10.0);
    assert_eq!(b.phase, Phase::Rest);
    assert!(close(b.fullness(), 0.0));
}

#[test]
fn cycles_are_counted_from_one() {
    let p = breathing();
    let cycle = |t: f64| p.at(secs(PACED + t)).breath.map(|b| b.cycle);
    assert_eq!(cycle(10.999), Some(1));
    assert_eq!(cycle(11.0), Some(2));
    assert_eq!(cycle(11.0 * 9.0), Some(10));
    assert_eq!(cycle(109.999), Some(10));
    assert_eq!(cycle(110.0), None, "the next step is not paced");
}

#[test]
fn finishes_at_the_total_and_stays_finished() {
    let p = breathing();
    assert!(!p.at(secs(133.99)).finished);
    for t in [134.0, 500.0] {
        let s = p.at(secs(t));
        assert!(s.finished);
        assert_eq!(s.step, 2);
        assert!(close(s.left, 0.0) && close(s.step_left, 0.0));
        assert!(close(s.elapsed, 134.0));
    }
}

#[test]
fn a_rhythm_override_changes_the_paced_step_only() {
    let rhythm = Rhythm {
        inhale: 5.0,
        hold: 0.0,
        exhale: 5.0,
        rest: 0.0,
        cycles: 3,
    };
    let p = Pacer::new(&exercise("soothing-breathing"), Some(&rhythm));
    assert!(close(p.total_seconds(), PACED + 20.0 + 30.0));
    let at = |t: f64| p.at(secs(PACED + t)).breath.expect("paced"); // ok: test
    assert_eq!(at(4.9).phase, Phase::Inhale);
    // A hold of zero is skipped.
    assert_eq!(at(5.0).phase, Phase::Exhale);
    assert_eq!(at(10.0).phase, Phase::Inhale);
    assert_eq!(at(10.0).cycle, 2);
    let broken = Rhythm {
        inhale: 0.0,
        ..rhythm
    };
    let p = Pacer::new(&exercise("soothing-breathing"), Some(&broken));
    assert!(
        close(p.total_seconds(), 134.0),
        "an override that cannot run is ignored"
    );
    // A typo of many digits would run for years and lay out billions of breaths.
    for endless in [
        Rhythm {
            cycles: u32::MAX,
            ..rhythm
        },
        Rhythm {
            inhale: 1e308,
            ..rhythm
        },
        Rhythm {
            hold: 61.0,
            ..rhythm
        },
    ] {
        let p = Pacer::new(&exercise("soothing-breathing"), Some(&endless));
        assert!(close(p.total_seconds(), 134.0), "{endless:?} is ignored");
    }
}

#[test]
fn guided_exercises_have_no_breath() {
    let p = Pacer::new(&exercise("grounding"), None);
    assert!(p.timing().is_none());
    assert!(close(p.total_seconds(), 120.0));
    assert!((0..120).all(|t| p.at(secs(f64::from(t))).breath.is_none()));
}

#[test]
fn cues_announce_each_step_and_phase_in_order() {
    let p = breathing();
    let cues = p.cues();
    // 3 steps, and 4 phases × 10 cycles.
    assert_eq!(cues.len(), 3 + 40);
    assert!(cues.windows(2).all(|w| w[0].at <= w[1].at));
    assert_eq!(
        cues[2],
        Cue {
            at: PACED,
            what: CueKind::Phase {
                phase: Phase::Inhale,
                word: "Breathe in",
                seconds: 4.0,
                cycle: 1
            }
        }
    );
    assert!(matches!(
        cues[3].what,
        CueKind::Phase {
            phase: Phase::Hold,
            ..
        }
    ));
    assert!(close(cues[3].at, PACED + 4.0));
    let last = cues.last().expect("cues"); // ok: test
    assert!(matches!(last.what, CueKind::Step { index: 2, .. }));
    assert!(close(last.at, 114.0));
}

/// A breathing exercise that talks for most of a minute before the first breath
/// loses the person who opened it to breathe.
#[test]
fn every_breathing_exercise_breathes_within_five_seconds() {
    let content = built_in();
    let paced: Vec<_> = content
        .exercises
        .iter()
        .filter(|e| e.steps.iter().any(|s| s.as_ref().phases.is_some()))
        .collect();
    assert!(!paced.is_empty());
    for exercise in paced {
        let p = Pacer::new(exercise, None);
        let first = p.first_breath().expect("a paced step that runs"); // ok: test
        assert!(
            first <= secs(5.0),
            "{} breathes first after {first:?}",
            exercise.id.as_ref()
        );
        let at = p.at(first).breath.expect("a breath at its start"); // ok: test
        assert_eq!((at.phase, at.cycle), (Phase::Inhale, 1));
    }
}

#[test]
fn skipping_ahead_lands_on_the_next_step_and_not_past_the_last() {
    let p = breathing();
    assert_eq!(p.next_step_start(Duration::ZERO), Some(secs(PACED)));
    assert_eq!(p.next_step_start(secs(50.0)), Some(secs(114.0)));
    assert_eq!(p.next_step_start(secs(114.0)), None, "the last step");
    assert_eq!(p.next_step_start(secs(500.0)), None);
}
