//! Content as data: the framework's wording lives in TOML files under `content/`,
//! built into the binary and overridable, file by file, from the user's content
//! directory. Loading checks every file and every cross-reference, and reports each
//! problem with its file, line and column.

mod check_words;
mod item;
mod parse;
mod render;
pub mod schema;
mod validate;

use std::fmt;
use std::path::{Path, PathBuf};

pub use parse::Placed;
use schema::*;

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
}

/// The content files, with their built-in text.
pub const FILES: &[(&str, &str)] = &[
    ("skills.toml", include_str!("../../content/skills.toml")),
    ("steps.toml", include_str!("../../content/steps.toml")),
    (
        "practice_points.toml",
        include_str!("../../content/practice_points.toml"),
    ),
    ("prompts.toml", include_str!("../../content/prompts.toml")),
    ("checkin.toml", include_str!("../../content/checkin.toml")),
    ("support.toml", include_str!("../../content/support.toml")),
    (
        "exercises.toml",
        include_str!("../../content/exercises.toml"),
    ),
    ("signs.toml", include_str!("../../content/signs.toml")),
    (
        "recommendations.toml",
        include_str!("../../content/recommendations.toml"),
    ),
    (
        "conversations.toml",
        include_str!("../../content/conversations.toml"),
    ),
    (
        "leadership.toml",
        include_str!("../../content/leadership.toml"),
    ),
    ("help.toml", include_str!("../../content/help.toml")),
    (
        "suggestions.toml",
        include_str!("../../content/suggestions.toml"),
    ),
    ("library.toml", include_str!("../../content/library.toml")),
    ("finder.toml", include_str!("../../content/finder.toml")),
    ("plan.toml", include_str!("../../content/plan.toml")),
    ("nudge.toml", include_str!("../../content/nudge.toml")),
    (WORDS_FILE, include_str!("../../content/words.toml")),
];

/// The one content file of named lines rather than items.
pub const WORDS_FILE: &str = "words.toml";

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

/// Where one content file's text came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name shown in messages: the override's path, or `content/NAME (built in)`.
    pub label: String,
    pub file_name: &'static str,
    pub text: std::borrow::Cow<'static, str>,
    pub overridden: Option<PathBuf>,
}

impl Source {
    fn built_in(file_name: &'static str, text: &'static str) -> Self {
        Source {
            label: format!("content/{file_name}"),
            file_name,
            text: std::borrow::Cow::Borrowed(text),
            overridden: None,
        }
    }
}

/// Content loaded for use, with any warnings about override files that were set aside.
#[derive(Debug)]
pub struct Loaded {
    pub content: Content,
    pub warnings: Vec<String>,
}

/// Parses and checks a full set of sources, returning every error found.
pub fn check_sources(sources: Vec<Source>) -> (Content, Vec<ContentError>) {
    let mut content = Content::default();
    let mut errors = Vec::new();
    for (index, source) in sources.iter().enumerate() {
        if source.file_name == WORDS_FILE {
            parse::parse_words(&mut content, source, &mut errors);
        } else {
            parse::parse_file(&mut content, source, index, &mut errors);
        }
    }
    content.sources = sources;
    validate::validate(&content, &mut errors);
    errors.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    errors.dedup();
    (content, errors)
}

/// The built-in content, which the test suite keeps free of errors.
pub fn built_in() -> Content {
    let sources = FILES
        .iter()
        .map(|(name, text)| Source::built_in(name, text))
        .collect();
    check_sources(sources).0
}

/// The built-in `words.toml`, read once. The test suite keeps it sound; were it not,
/// every line would be empty rather than the program stopping.
pub fn built_in_words() -> &'static Words {
    static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        FILES
            .iter()
            .find(|(name, _)| *name == WORDS_FILE)
            .and_then(|(_, text)| toml::from_str(text).ok())
            .unwrap_or_default()
    })
}

/// Reads the sources for a folder: each known file present there replaces the built-in
/// one. Unreadable files are errors; unknown `.toml` files are reported as warnings.
pub fn sources_from_dir(dir: Option<&Path>) -> (Vec<Source>, Vec<ContentError>, Vec<String>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for (name, text) in FILES {
        let mut source = Source::built_in(name, text);
        if let Some(dir) = dir {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(own) => {
                    source = Source {
                        label: path.display().to_string(),
                        file_name: name,
                        text: std::borrow::Cow::Owned(own),
                        overridden: Some(path),
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => errors.push(ContentError {
                    file: path.display().to_string(),
                    line: 1,
                    column: 1,
                    message: format!("cannot be read: {e}"),
                }),
            }
        }
        sources.push(source);
    }
    if let Some(dir) = dir {
        if let Ok(read) = std::fs::read_dir(dir) {
            let mut unknown: Vec<String> = read
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml") && !FILES.iter().any(|(f, _)| f == n))
                .collect();
            unknown.sort();
            for name in unknown {
                warnings.push(format!(
                    "{}: not a content file Lantern reads (it reads: {})",
                    dir.join(&name).display(),
                    FILES.iter().map(|(f, _)| *f).collect::<Vec<_>>().join(", ")
                ));
            }
        }
    }
    (sources, errors, warnings)
}

/// Loads content for the app: the user's overrides where they are sound, the built-in
/// files where they are not. Never fails; problems become warnings.
pub fn load(user_dir: Option<&Path>) -> Loaded {
    let (mut sources, read_errors, mut warnings) = sources_from_dir(user_dir);
    let mut errors = read_errors;
    if sources.iter().all(|s| s.overridden.is_none()) && errors.is_empty() {
        return Loaded {
            content: built_in(),
            warnings,
        };
    }
    let (content, check_errors) = check_sources(sources.clone());
    errors.extend(check_errors);
    if errors.is_empty() {
        return Loaded { content, warnings };
    }
    // Set aside each override that has a problem of its own, then try again.
    for source in sources.iter_mut() {
        let bad = errors.iter().filter(|e| e.file == source.label).count();
        if bad > 0 {
            warnings.push(format!(
                "{}: {bad} problem(s), so the built-in copy is used instead. \
                 Run `lantern content check` to see them.",
                source.label
            ));
            if let Some((name, text)) = FILES.iter().find(|(n, _)| *n == source.file_name) {
                *source = Source::built_in(name, text);
            }
        }
    }
    let (content, errors) = check_sources(sources);
    if errors.is_empty() {
        return Loaded { content, warnings };
    }
    warnings.push(
        "Your content overrides do not fit together, so the built-in content is used. \
         Run `lantern content check` to see why."
            .to_string(),
    );
    Loaded {
        content: built_in(),
        warnings,
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
