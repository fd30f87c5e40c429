//! One breath: its phases, the timing of a rhythm, and where a moment falls in it.

use crate::content::schema::{PhaseWords, Rhythm};

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

pub(super) fn breath_at<'a>(into: f64, timing: Timing, words: &'a PhaseWords) -> Breath<'a> {
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
