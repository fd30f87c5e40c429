//! Running an exercise: which step you are on, and for the breathing step, which part
//! of the breath (in, hold, out, rest), how far through it, and how long is left.
//!
//! The pacer is a pure function of elapsed time: [`Pacer::at`] takes how long the
//! exercise has been running and returns everything a front end needs to draw it. There
//! is no clock inside. To pause, the caller stops adding to the elapsed time; to resume,
//! it carries on from the same value. Tests pass plain [`Duration`]s.
//!
//! A step with `phases` in the content follows the rhythm (the exercise's own, or an
//! override from the settings) and lasts as long as its cycles take; every other step
//! lasts its `seconds`.

use std::time::Duration;

use crate::content::schema::{Exercise, PhaseWords, Rhythm};

/// A part of one breath.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Inhale,
    Hold,
    Exhale,
    Rest,
}

impl Phase {
    pub const ALL: [Phase; 4] = [Phase::Inhale, Phase::Hold, Phase::Exhale, Phase::Rest];

    /// The content's word for this phase.
    pub fn word(self, words: &PhaseWords) -> &str {
        match self {
            Phase::Inhale => &words.inhale,
            Phase::Hold => &words.hold,
            Phase::Exhale => &words.exhale,
            Phase::Rest => &words.rest,
        }
    }
}

/// Seconds for each phase of one breath, and how many breaths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timing {
    pub inhale: f64,
    pub hold: f64,
    pub exhale: f64,
    pub rest: f64,
    pub cycles: u32,
}

/// The longest one phase of a breath may last.
const MAX_PHASE_SECONDS: f64 = 60.0;
/// The longest a whole paced breathing exercise may last.
const MAX_SECONDS: f64 = 3600.0;

impl Timing {
    /// A rhythm from content, if it can run: in and out above zero, hold and rest not
    /// negative, every phase at most a minute, at least one cycle and the whole at most
    /// an hour (a typo of many digits must not run for years, nor fill memory).
    pub fn from_rhythm(r: &Rhythm) -> Option<Timing> {
        let all = [r.inhale, r.hold, r.exhale, r.rest];
        let cycle: f64 = all.iter().sum();
        let ok = all
            .iter()
            .all(|s| s.is_finite() && (0.0..=MAX_PHASE_SECONDS).contains(s))
            && r.inhale > 0.0
            && r.exhale > 0.0
            && r.cycles > 0
            && cycle * f64::from(r.cycles) <= MAX_SECONDS;
        ok.then_some(Timing {
            inhale: r.inhale,
            hold: r.hold,
            exhale: r.exhale,
            rest: r.rest,
            cycles: r.cycles,
        })
    }

    pub fn seconds(&self, phase: Phase) -> f64 {
        match phase {
            Phase::Inhale => self.inhale,
            Phase::Hold => self.hold,
            Phase::Exhale => self.exhale,
            Phase::Rest => self.rest,
        }
    }

    /// Seconds for one breath.
    pub fn cycle(&self) -> f64 {
        self.inhale + self.hold + self.exhale + self.rest
    }

    pub fn total(&self) -> f64 {
        self.cycle() * f64::from(self.cycles)
    }
}

#[derive(Debug, Clone)]
struct Step {
    text: String,
    start: f64,
    length: f64,
    phases: Option<PhaseWords>,
}

/// An exercise laid out in time, ready to run.
#[derive(Debug, Clone)]
pub struct Pacer {
    /// `exercise:<id>`, for the practice log.
    pub item_ref: String,
    pub name: String,
    steps: Vec<Step>,
    timing: Option<Timing>,
    total: f64,
}

/// Where one breath is, inside a paced step.
#[derive(Debug, Clone, PartialEq)]
pub struct Breath<'a> {
    pub phase: Phase,
    /// The content's word for the phase ("Breathe in").
    pub word: &'a str,
    /// How far through the phase, from 0 up to (not including) 1.
    pub fraction: f64,
    /// Seconds left in this phase.
    pub phase_left: f64,
    /// Which breath, from 1.
    pub cycle: u32,
    pub cycles: u32,
}

impl Breath<'_> {
    /// How full a growing shape should be: rises 0→1 breathing in, stays full on the
    /// hold, falls 1→0 breathing out, stays empty at rest.
    pub fn fullness(&self) -> f64 {
        match self.phase {
            Phase::Inhale => self.fraction,
            Phase::Hold => 1.0,
            Phase::Exhale => 1.0 - self.fraction,
            Phase::Rest => 0.0,
        }
    }
}

/// Everything a front end needs at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct PacerState<'a> {
    /// The current step, from 0; the last step once finished.
    pub step: usize,
    pub steps: usize,
    pub text: &'a str,
    /// Seconds left in this step.
    pub step_left: f64,
    /// Set while a paced (breathing) step runs.
    pub breath: Option<Breath<'a>>,
    /// Seconds since the start, up to the total.
    pub elapsed: f64,
    /// Seconds left in the whole exercise.
    pub left: f64,
    pub finished: bool,
}

/// Something a text-mode pacer announces, at a moment from the start.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue<'a> {
    /// Seconds from the start.
    pub at: f64,
    pub what: CueKind<'a>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CueKind<'a> {
    /// A step begins.
    Step { index: usize, text: &'a str },
    /// A phase of a breath begins and lasts `seconds`.
    Phase {
        phase: Phase,
        word: &'a str,
        seconds: f64,
        cycle: u32,
    },
}

impl Pacer {
    /// Lays out `exercise`. `rhythm` overrides the exercise's own rhythm (from the
    /// settings); an override that cannot run is ignored. A step with `phases` but no
    /// runnable rhythm runs as a plain step of its `seconds`.
    pub fn new(exercise: &Exercise, rhythm: Option<&Rhythm>) -> Pacer {
        let timing = rhythm
            .and_then(Timing::from_rhythm)
            .or_else(|| exercise.rhythm.as_ref().and_then(Timing::from_rhythm));
        let mut steps = Vec::with_capacity(exercise.steps.len());
        let mut start = 0.0;
        for step in &exercise.steps {
            let step = step.as_ref();
            let phases = step.phases.clone().filter(|_| timing.is_some());
            let length = match (&phases, timing) {
                (Some(_), Some(t)) => t.total(),
                _ => f64::from(step.seconds.unwrap_or(0)),
            };
            steps.push(Step {
                text: step.text.clone(),
                start,
                length,
                phases,
            });
            start += length;
        }
        Pacer {
            item_ref: format!("exercise:{}", exercise.id.as_ref()),
            name: exercise.name.clone(),
            steps,
            timing: timing.filter(|_| exercise.steps.iter().any(|s| s.as_ref().phases.is_some())),
            total: start,
        }
    }

    /// How long the whole exercise takes.
    pub fn total(&self) -> Duration {
        Duration::from_secs_f64(self.total)
    }

    pub fn total_seconds(&self) -> f64 {
        self.total
    }

    pub fn step_count(&self) -> usize {
        self.steps.len()
    }

    /// The rhythm the breathing step follows, if there is one.
    pub fn timing(&self) -> Option<Timing> {
        self.timing
    }

    /// The state after `elapsed` of running time (pauses excluded by the caller).
    pub fn at(&self, elapsed: Duration) -> PacerState<'_> {
        let t = elapsed.as_secs_f64();
        let steps = self.steps.len();
        let last = steps.saturating_sub(1);
        let current = self
            .steps
            .iter()
            .position(|s| s.length > 0.0 && t >= s.start && t < s.start + s.length);
        let Some(index) = current.filter(|_| t < self.total) else {
            return PacerState {
                step: last,
                steps,
                text: self.steps.get(last).map_or("", |s| s.text.as_str()),
                step_left: 0.0,
                breath: None,
                elapsed: self.total,
                left: 0.0,
                finished: true,
            };
        };
        let step = &self.steps[index]; // ok: position() found it
        let into = t - step.start;
        let breath = match (&step.phases, self.timing) {
            (Some(words), Some(timing)) => Some(breath_at(into, timing, words)),
            _ => None,
        };
        PacerState {
            step: index,
            steps,
            text: &step.text,
            step_left: step.length - into,
            breath,
            elapsed: t,
            left: self.total - t,
            finished: false,
        }
    }

    /// Every step start and phase start, in time order: what a text-mode pacer says.
    pub fn cues(&self) -> Vec<Cue<'_>> {
        let mut cues = Vec::new();
        for (index, step) in self.steps.iter().enumerate() {
            if step.length <= 0.0 {
                continue;
            }
            cues.push(Cue {
                at: step.start,
                what: CueKind::Step {
                    index,
                    text: &step.text,
                },
            });
            let (Some(words), Some(timing)) = (&step.phases, self.timing) else {
                continue;
            };
            let mut at = step.start;
            for cycle in 1..=timing.cycles {
                for phase in Phase::ALL {
                    let seconds = timing.seconds(phase);
                    if seconds <= 0.0 {
                        continue;
                    }
                    cues.push(Cue {
                        at,
                        what: CueKind::Phase {
                            phase,
                            word: phase.word(words),
                            seconds,
                            cycle,
                        },
                    });
                    at += seconds;
                }
            }
        }
        cues
    }
}

fn breath_at<'a>(into: f64, timing: Timing, words: &'a PhaseWords) -> Breath<'a> {
    let cycle_len = timing.cycle();
    let last = timing.cycles.saturating_sub(1);
    // Floor, kept inside the step even where floating point lands a hair past the end.
    let index = ((into / cycle_len).floor().max(0.0) as u32).min(last);
    let mut within = into - f64::from(index) * cycle_len;
    let mut found = None;
    for phase in Phase::ALL {
        let length = timing.seconds(phase);
        if length <= 0.0 {
            continue;
        }
        if within < length {
            found = Some((phase, within, length));
            break;
        }
        within -= length;
    }
    // Past every phase only through rounding: the end of the last phase with length.
    let (phase, into_phase, length) = found.unwrap_or_else(|| {
        let phase = Phase::ALL
            .into_iter()
            .rev()
            .find(|p| timing.seconds(*p) > 0.0)
            .unwrap_or(Phase::Exhale);
        let length = timing.seconds(phase);
        (phase, length, length)
    });
    let fraction = if length > 0.0 {
        (into_phase / length).clamp(0.0, 1.0)
    } else {
        0.0
    };
    Breath {
        phase,
        word: phase.word(words),
        fraction,
        phase_left: (length - into_phase).max(0.0),
        cycle: index + 1,
        cycles: timing.cycles,
    }
}

#[cfg(test)]
mod tests {
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

    // soothing-breathing: steps of 20, 20, 20, paced (4+1+5+1 = 11 s × 10 = 110), 20.
    fn breathing() -> Pacer {
        Pacer::new(&exercise("soothing-breathing"), None)
    }

    #[test]
    fn the_paced_step_lasts_as_long_as_its_cycles() {
        let p = breathing();
        assert_eq!(p.step_count(), 5);
        assert!(close(p.total_seconds(), 20.0 * 4.0 + 110.0));
        assert_eq!(p.total(), Duration::from_secs(190));
    }

    #[test]
    fn steps_change_at_their_boundaries() {
        let p = breathing();
        let s = p.at(Duration::ZERO);
        assert_eq!((s.step, s.finished), (0, false));
        assert!(close(s.step_left, 20.0));
        assert!(s.breath.is_none());
        assert_eq!(p.at(secs(19.999)).step, 0);
        let s = p.at(secs(20.0));
        assert_eq!(s.step, 1);
        assert!(close(s.step_left, 20.0));
        assert_eq!(p.at(secs(59.9)).step, 2);
        assert_eq!(p.at(secs(60.0)).step, 3);
        assert_eq!(p.at(secs(169.9)).step, 3);
        assert_eq!(p.at(secs(170.0)).step, 4);
        assert!(close(p.at(secs(100.0)).left, 90.0));
    }

    #[test]
    fn breath_phases_change_at_their_boundaries() {
        let p = breathing();
        let at = |t: f64| p.at(secs(60.0 + t)).breath.expect("paced step"); // ok: test
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
        let cycle = |t: f64| p.at(secs(60.0 + t)).breath.map(|b| b.cycle);
        assert_eq!(cycle(10.999), Some(1));
        assert_eq!(cycle(11.0), Some(2));
        assert_eq!(cycle(11.0 * 9.0), Some(10));
        assert_eq!(cycle(109.999), Some(10));
        assert_eq!(cycle(110.0), None, "the next step is not paced");
    }

    #[test]
    fn finishes_at_the_total_and_stays_finished() {
        let p = breathing();
        assert!(!p.at(secs(189.99)).finished);
        for t in [190.0, 500.0] {
            let s = p.at(secs(t));
            assert!(s.finished);
            assert_eq!(s.step, 4);
            assert!(close(s.left, 0.0) && close(s.step_left, 0.0));
            assert!(close(s.elapsed, 190.0));
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
        assert!(close(p.total_seconds(), 80.0 + 30.0));
        let at = |t: f64| p.at(secs(60.0 + t)).breath.expect("paced"); // ok: test
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
            close(p.total_seconds(), 190.0),
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
            assert!(close(p.total_seconds(), 190.0), "{endless:?} is ignored");
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
        // 5 steps, and 4 phases × 10 cycles.
        assert_eq!(cues.len(), 5 + 40);
        assert!(cues.windows(2).all(|w| w[0].at <= w[1].at));
        assert_eq!(
            cues[4],
            Cue {
                at: 60.0,
                what: CueKind::Phase {
                    phase: Phase::Inhale,
                    word: "Breathe in",
                    seconds: 4.0,
                    cycle: 1
                }
            }
        );
        assert!(matches!(
            cues[5].what,
            CueKind::Phase {
                phase: Phase::Hold,
                ..
            }
        ));
        assert!(close(cues[5].at, 64.0));
        let last = cues.last().expect("cues"); // ok: test
        assert!(matches!(last.what, CueKind::Step { index: 4, .. }));
        assert!(close(last.at, 170.0));
    }
}
