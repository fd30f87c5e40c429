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

mod breath;
#[cfg(test)]
mod tests;

use std::time::Duration;

use crate::content::schema::{Exercise, PhaseWords, Rhythm};

use breath::breath_at;
pub use breath::{Breath, Phase, Timing};

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

    /// Where the step after the one running at `elapsed` begins: skipping ahead moves
    /// the running time there. None on the last step.
    pub fn next_step_start(&self, elapsed: Duration) -> Option<Duration> {
        let t = elapsed.as_secs_f64();
        self.steps
            .iter()
            .find(|s| s.length > 0.0 && s.start > t && s.start < self.total)
            .map(|s| Duration::from_secs_f64(s.start))
    }

    /// When the first paced breath begins, if the exercise has one.
    pub fn first_breath(&self) -> Option<Duration> {
        self.steps
            .iter()
            .find(|s| s.length > 0.0 && s.phases.is_some() && self.timing.is_some())
            .map(|s| Duration::from_secs_f64(s.start))
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
