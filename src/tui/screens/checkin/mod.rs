//! The check-in: the mood meter (pleasantness × energy), the emotion words of its
//! quarter, stress, the most active emotion system, stressor tags, a note and a good
//! moment. Every step shows its default and can be skipped; digits set values; `s`
//! (or Ctrl-S) saves from any step.

mod keys;
mod view;

use std::collections::BTreeSet;

use ratatui_textarea::TextArea;

use crate::content::schema::Level;
use crate::content::Content;
use crate::domain::checkin::CheckInInput;
use crate::store::Draft;
use crate::tui::autosave::Autosave;
use crate::tui::message::Effect;
use crate::tui::widgets::single_line;

pub use keys::{
    keys, on_key, step_table, Cmd, StepCmd, KEYS, LIST_KEYS, METER_KEYS, STEP_TABLES, STRESS_KEYS,
    SYSTEM_KEYS,
};
pub use view::view;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Meter,
    Words,
    Stress,
    System,
    Tags,
    Note,
    Good,
}

impl Step {
    pub fn is_text(self) -> bool {
        matches!(self, Step::Note | Step::Good)
    }
}

pub struct CheckInForm {
    pub after_visit: bool,
    pub steps: Vec<Step>,
    pub index: usize,
    pub pleasantness: i64,
    pub energy: i64,
    pub stress: i64,
    pub system: Option<usize>,
    pub words: BTreeSet<String>,
    pub word_cursor: usize,
    pub tags: BTreeSet<String>,
    pub tag_cursor: usize,
    pub note: TextArea<'static>,
    pub good: TextArea<'static>,
    /// Which axis the next digit sets on the meter: false = pleasantness.
    pub digit_sets_energy: bool,
    /// Whether the meter has been moved (by arrows or digits). Until then it sits at the
    /// scale's middle and names no quarter: a place nobody chose says nothing of how
    /// anyone feels. Saved unmoved, the check-in keeps the middle values and no words.
    pub moved: bool,
    pub last_digit: Option<char>,
    pub changed: bool,
    /// Carried on from a kept draft, or kept as one while typing: leaving on purpose
    /// lets the draft go too.
    pub from_draft: bool,
    bounds: [(i64, i64); 3],
    /// Text typed since the autosave last looked; it notes the time it sees it.
    typed: bool,
    /// The changes not yet kept as a draft.
    keeping: Autosave,
}

/// The draft slot of a check-in in progress (there is only ever one).
pub const DRAFT_SLOT: &str = "checkin";

/// A check-in in progress as kept in the draft table: this, as JSON, in its body.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct Kept {
    after_visit: bool,
    pleasantness: i64,
    energy: i64,
    /// Kept drafts from before this was kept count as moved if off the middle.
    moved: bool,
    stress: i64,
    /// The id of the emotion system, so a reordered content file cannot shift it.
    system: Option<String>,
    words: Vec<String>,
    tags: Vec<String>,
    note: String,
    good: String,
}

/// Whether a kept draft is a check-in rather than an entry.
pub fn is_checkin_draft(draft: &Draft) -> bool {
    draft.slot == DRAFT_SLOT
}

impl CheckInForm {
    pub fn new(content: &Content, after_visit: bool) -> CheckInForm {
        let scale = |id: &str| {
            content
                .scale(id)
                .map(|s| (s.min, s.max, s.default))
                .unwrap_or((0, 10, 5))
        };
        let (pmin, pmax, pdef) = scale("pleasantness");
        let (emin, emax, edef) = scale("energy");
        let (smin, smax, sdef) = scale("stress");
        let steps = if after_visit {
            vec![Step::Meter, Step::Stress, Step::Note]
        } else {
            vec![
                Step::Meter,
                Step::Words,
                Step::Stress,
                Step::System,
                Step::Tags,
                Step::Note,
                Step::Good,
            ]
        };
        CheckInForm {
            after_visit,
            steps,
            index: 0,
            pleasantness: pdef,
            energy: edef,
            stress: sdef,
            system: None,
            words: BTreeSet::new(),
            word_cursor: 0,
            tags: BTreeSet::new(),
            tag_cursor: 0,
            note: single_line(if after_visit {
                "what do you need now?"
            } else {
                "a note, if you like"
            }),
            good: single_line("one good moment, however small"),
            digit_sets_energy: false,
            moved: false,
            last_digit: None,
            changed: false,
            from_draft: false,
            bounds: [(pmin, pmax), (emin, emax), (smin, smax)],
            typed: false,
            keeping: Autosave::default(),
        }
    }

    /// The note and good moment are kept as a draft as the editor's text is: after a
    /// short pause, and at least every couple of seconds while typing goes on, so a
    /// crash loses no more than that.
    pub fn autosave(
        &mut self,
        content: &Content,
        now: chrono::DateTime<chrono::FixedOffset>,
    ) -> Option<Effect> {
        if std::mem::take(&mut self.typed) {
            self.keeping.typed(now);
        }
        if !self.keeping.due(now) {
            return None;
        }
        self.from_draft = true;
        Some(Effect::SaveDraft(self.draft(content, now)))
    }

    /// The id of the chosen emotion system, if one is chosen.
    fn system_id(&self, content: &Content) -> Option<String> {
        self.system
            .and_then(|i| content.systems.get(i))
            .map(|s| s.id.as_ref().clone())
    }

    /// This check-in as a draft, so Ctrl-C or a signal to stop keeps it.
    pub fn draft(&self, content: &Content, now: chrono::DateTime<chrono::FixedOffset>) -> Draft {
        let kept = Kept {
            after_visit: self.after_visit,
            pleasantness: self.pleasantness,
            energy: self.energy,
            moved: self.moved,
            stress: self.stress,
            system: self.system_id(content),
            words: self.words.iter().cloned().collect(),
            tags: self.tags.iter().cloned().collect(),
            note: self.note.lines().join(" "),
            good: self.good.lines().join(" "),
        };
        Draft {
            slot: DRAFT_SLOT.into(),
            template_id: None,
            entry_id: None,
            // What the offer shows: the note, or the good moment.
            title: if kept.note.trim().is_empty() {
                kept.good.clone()
            } else {
                kept.note.clone()
            },
            body: serde_json::to_string(&kept).unwrap_or_default(),
            answers: Vec::new(),
            prompt_index: self.index,
            updated: now,
        }
    }

    /// The check-in kept in `draft`, to carry on with; None if it cannot be read.
    pub fn from_draft(draft: &Draft, content: &Content) -> Option<CheckInForm> {
        let kept: Kept = serde_json::from_str(&draft.body).ok()?;
        let mut form = CheckInForm::new(content, kept.after_visit);
        let middle = (form.pleasantness, form.energy);
        form.pleasantness = kept.pleasantness;
        form.energy = kept.energy;
        form.stress = kept.stress;
        form.clamp();
        form.moved = kept.moved || (form.pleasantness, form.energy) != middle;
        form.system = kept
            .system
            .and_then(|id| content.systems.iter().position(|s| *s.id.as_ref() == id));
        let words = form.quadrant_words(content);
        form.words = kept
            .words
            .into_iter()
            .filter(|w| words.contains(&w.as_str()))
            .collect();
        form.tags = kept.tags.into_iter().collect();
        form.note.insert_str(&kept.note);
        form.good.insert_str(&kept.good);
        form.index = draft.prompt_index.min(form.steps.len().saturating_sub(1));
        form.changed = true;
        form.from_draft = true;
        Some(form)
    }

    /// Pasted text goes into the note or the good moment, on one line.
    pub fn paste(&mut self, text: &str) {
        let field = match self.step() {
            Step::Note => &mut self.note,
            Step::Good => &mut self.good,
            _ => return,
        };
        if field.insert_str(crate::tui::screens::editor::one_line(text)) {
            self.changed = true;
            self.typed = true;
        }
    }

    /// The note and good-moment steps take typed text.
    pub fn typing(&self) -> bool {
        self.step().is_text()
    }

    pub fn step(&self) -> Step {
        self.steps.get(self.index).copied().unwrap_or(Step::Meter)
    }

    fn midpoint(&self, axis: usize) -> f64 {
        let (lo, hi) = self.bounds[axis];
        (lo + hi) as f64 / 2.0
    }

    /// The mood meter quarter the current values fall in.
    pub fn levels(&self) -> (Level, Level) {
        let level = |v: i64, axis: usize| {
            if v as f64 > self.midpoint(axis) {
                Level::High
            } else {
                Level::Low
            }
        };
        (level(self.pleasantness, 0), level(self.energy, 1))
    }

    /// The emotion words of the current quarter; none before the meter moves.
    pub fn quadrant_words<'a>(&self, content: &'a Content) -> Vec<&'a str> {
        if !self.moved {
            return Vec::new();
        }
        let (p, e) = self.levels();
        content
            .quadrants
            .iter()
            .filter(|q| q.pleasantness == p && q.energy == e)
            .flat_map(|q| q.words.iter().map(String::as_str))
            .collect()
    }

    fn clamp(&mut self) {
        let [(pmin, pmax), (emin, emax), (smin, smax)] = self.bounds;
        self.pleasantness = self.pleasantness.clamp(pmin, pmax);
        self.energy = self.energy.clamp(emin, emax);
        self.stress = self.stress.clamp(smin, smax);
    }

    pub fn input(&self, content: &Content) -> CheckInInput {
        let text = |t: &TextArea| {
            let s = t.lines().join(" ");
            (!s.trim().is_empty()).then_some(s)
        };
        CheckInInput {
            pleasantness: self.pleasantness,
            energy: self.energy,
            stress: self.stress,
            system: self.system_id(content),
            words: self.words.iter().cloned().collect(),
            tags: self.tags.iter().cloned().collect(),
            note: text(&self.note),
            good_moment: text(&self.good),
            after_visit: self.after_visit,
        }
    }
}
