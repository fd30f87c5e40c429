//! Content as data: the framework's wording lives in TOML files under `content/`,
//! built into the binary and overridable, file by file, from the user's content
//! directory. Loading checks every file and every cross-reference, and reports each
//! problem with its file, line and column.

mod check_help;
mod check_patterns;
mod check_registration;
mod check_text;
mod check_words;
mod item;
mod load;
mod parse;
mod render;
pub mod schema;
mod shelves;
mod validate;

use std::fmt;

pub use load::{
    built_in, built_in_words, check_sources, load, sources_from_dir, Loaded, Source, FILES,
    WORDS_FILE,
};
pub use parse::Placed;
use schema::*;
pub use shelves::MACHINERY;

/// A problem in a content file, located precisely enough to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Declares every kind of content item once: its name (also its `[[table]]` and its
/// reference prefix), the file it lives in, its Rust shape and its field in `Content`.
macro_rules! kinds {
    ($( $variant:ident = $name:literal in $file:literal as $ty:ty => $field:ident; )*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind { $($variant),* }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(Kind::$variant => $name),* }
            }

            pub fn file(self) -> &'static str {
                match self { $(Kind::$variant => $file),* }
            }
        }

        /// All content, loaded and checked.
        #[derive(Debug, Default, Clone)]
        pub struct Content {
            $(pub $field: Vec<Placed<$ty>>,)*
            /// The lines both front ends say, from `words.toml`.
            pub words: Words,
            /// The files the content came from, in `FILES` order.
            pub sources: Vec<Source>,
        }

        impl Content {
            /// Parses one item of `kind` from its own chunk of TOML text.
            fn parse_item(
                &mut self,
                kind: Kind,
                chunk: &str,
                file: usize,
                offset: usize,
            ) -> Result<(), toml::de::Error> {
                match kind {
                    $(Kind::$variant => {
                        let item = parse::one_item::<$ty>(kind.name(), chunk)?;
                        self.$field.push(Placed { item, file, offset });
                    })*
                }
                Ok(())
            }

            /// Every item as (kind, id, refs, where), for the checks that span files.
            fn for_each_item<'a>(&'a self, mut visit: impl FnMut(Kind, &'a dyn item::Item, usize, usize)) {
                $(for placed in &self.$field {
                    visit(Kind::$variant, &placed.item, placed.file, placed.offset);
                })*
            }
        }
    };
}

kinds! {
    Skill = "skill" in "skills.toml" as Topic => skills;
    Value = "value" in "skills.toml" as Topic => values;
    Concept = "concept" in "skills.toml" as Topic => concepts;
    Step = "step" in "steps.toml" as Topic => steps;
    Point = "point" in "practice_points.toml" as Topic => points;
    Template = "template" in "prompts.toml" as Template => templates;
    Scale = "scale" in "checkin.toml" as Scale => scales;
    Quadrant = "quadrant" in "checkin.toml" as Quadrant => quadrants;
    System = "system" in "checkin.toml" as System => systems;
    Model = "model" in "support.toml" as SupportModel => models;
    Exercise = "exercise" in "exercises.toml" as Exercise => exercises;
    Sign = "sign" in "signs.toml" as Sign => signs;
    Factor = "factor" in "signs.toml" as Note => factors;
    Stress = "stress" in "signs.toml" as Note => stresses;
    Outcome = "outcome" in "signs.toml" as Note => outcomes;
    Area = "area" in "recommendations.toml" as Recommendation => areas;
    Guide = "guide" in "conversations.toml" as Guide => guides;
    Dimension = "dimension" in "leadership.toml" as Topic => dimensions;
    Principle = "principle" in "leadership.toml" as Topic => principles;
    Tool = "tool" in "leadership.toml" as Tool => tools;
    Guidance = "guidance" in "leadership.toml" as Topic => guidance;
    Region = "region" in "help.toml" as Region => regions;
    Rule = "rule" in "suggestions.toml" as Rule => rules;
    Shelf = "shelf" in "library.toml" as Shelf => shelves;
    Question = "question" in "finder.toml" as Question => questions;
    Section = "section" in "plan.toml" as PlanSection => sections;
    Nudge = "nudge" in "nudge.toml" as Nudge => nudges;
    Care = "care" in "care.toml" as Care => care;
    Body = "body" in "registration.toml" as Body => bodies;
    Pattern = "pattern" in "confidentiality.toml" as Pattern => patterns;
}

impl Kind {
    /// Accepts a kind name (`skill`) or the stem of its file (`skills`).
    pub fn parse_list(word: &str) -> Option<Vec<Kind>> {
        let word = word.trim().to_lowercase();
        if let Some(kind) = Kind::ALL.iter().find(|k| k.name() == word) {
            return Some(vec![*kind]);
        }
        let by_file: Vec<Kind> = Kind::ALL
            .iter()
            .copied()
            .filter(|k| k.file().trim_end_matches(".toml") == word)
            .collect();
        (!by_file.is_empty()).then_some(by_file)
    }
}

/// One item found by id, for `content show`.
pub struct Found<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub source: &'a Source,
    pub offset: usize,
}

impl Content {
    /// Finds an item by `id` or `kind:id`.
    pub fn find(&self, wanted: &str) -> Option<Found<'_>> {
        let (want_kind, want_id) = match wanted.split_once(':') {
            Some((k, id)) => (Some(k), id),
            None => (None, wanted),
        };
        let mut found = None;
        self.for_each_item(|kind, item, file, offset| {
            if found.is_none()
                && item.id().as_ref() == want_id
                && want_kind.is_none_or(|k| k == kind.name())
            {
                found = Some((kind, item.id().as_ref().as_str(), file, offset));
            }
        });
        let (kind, id, file, offset) = found?;
        Some(Found {
            kind,
            id,
            source: self.sources.get(file)?,
            offset,
        })
    }

    /// The name of the item `reference` names (`kind:id`, or a bare id), for showing an
    /// offer or a practice; the reference itself when nothing has that id.
    pub fn name_of(&self, reference: &str) -> String {
        let (want_kind, want_id) = match reference.split_once(':') {
            Some((k, id)) => (Some(k), id),
            None => (None, reference),
        };
        let mut name = None;
        self.for_each_item(|kind, item, _, _| {
            if name.is_none()
                && item.id().as_ref() == want_id
                && want_kind.is_none_or(|k| k == kind.name())
            {
                name = Some(item.title());
            }
        });
        name.map_or_else(|| reference.to_string(), str::to_string)
    }

    /// Every (kind, id, name) for a listing, in file order.
    pub fn list(&self, kinds: &[Kind]) -> Vec<(Kind, String, String)> {
        let mut out = Vec::new();
        self.for_each_item(|kind, item, _, _| {
            if kinds.contains(&kind) {
                out.push((kind, item.id().as_ref().clone(), item.title().to_string()));
            }
        });
        out
    }

    /// A plain-text rendering of one item for the shell.
    pub fn show(&self, wanted: &str) -> Option<String> {
        let found = self.find(wanted)?;
        render::item(&found)
    }

    /// One item as a person reads it in the app: its words, without ids or fields
    /// meant for the code.
    pub fn show_plain(&self, wanted: &str) -> Option<String> {
        let found = self.find(wanted)?;
        render::plain(&found)
    }

    /// The `kind:id` references an item makes (its `related`, a rule's offers …).
    pub fn related(&self, reference: &str) -> Vec<String> {
        let Some((kind, id)) = reference.split_once(':') else {
            return Vec::new();
        };
        let mut out = Vec::new();
        self.for_each_item(|k, item, _, _| {
            if k.name() == kind && item.id().as_ref() == id {
                out.extend(item.refs().into_iter().map(|r| r.as_ref().clone()));
            }
        });
        out
    }

    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises
            .iter()
            .find(|e| e.id.as_ref() == id)
            .map(|p| &p.item)
    }

    /// Whether `kind:id` names an item.
    pub fn has(&self, kind: Kind, id: &str) -> bool {
        let mut hit = false;
        self.for_each_item(|k, item, _, _| hit |= k == kind && item.id().as_ref() == id);
        hit
    }

    /// The region's help content, falling back to the first region.
    /// Whether `id` names a region of its own (`region` falls back to the first).
    pub fn has_region(&self, id: &str) -> bool {
        self.regions.iter().any(|r| r.id.as_ref() == id)
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions
            .iter()
            .find(|r| r.id.as_ref() == id)
            .or_else(|| self.regions.first())
            .map(|p| &p.item)
    }

    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales
            .iter()
            .find(|s| s.id.as_ref() == id)
            .map(|p| &p.item)
    }

    pub fn template(&self, id: &str) -> Option<&Template> {
        self.templates
            .iter()
            .find(|t| t.id.as_ref() == id)
            .map(|p| &p.item)
    }

    /// The registration body with this id (`nmc`, `swe` …).
    pub fn body(&self, id: &str) -> Option<&crate::content::schema::Body> {
        self.bodies
            .iter()
            .find(|b| b.id.as_ref() == id)
            .map(|p| &p.item)
    }

    /// Every emotion word on the mood meter.
    pub fn emotion_words(&self) -> Vec<&str> {
        self.quadrants
            .iter()
            .flat_map(|q| q.words.iter().map(String::as_str))
            .collect()
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    parse::Lines::new(text).locate(offset)
}

#[cfg(test)]
mod tests {
    #[test]
    fn name_of_names_a_reference_or_gives_it_back() {
        let content = super::built_in();
        assert_eq!(
            content.name_of("exercise:soothing-breathing"),
            "Soothing breathing rhythm"
        );
        assert_eq!(
            content.name_of("soothing-breathing"),
            "Soothing breathing rhythm"
        );
        // The kind must match when one is given.
        assert_eq!(
            content.name_of("skill:soothing-breathing"),
            "skill:soothing-breathing"
        );
        assert_eq!(content.name_of("exercise:gone"), "exercise:gone");
    }
}
