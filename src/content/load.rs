//! Where content comes from: the built-in files, and the user's folder of overrides,
//! each file of which replaces the built-in one when it is sound.

use std::path::{Path, PathBuf};

use super::schema::Words;
use super::{parse, validate, Content, ContentError};

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
    ("care.toml", include_str!("../../content/care.toml")),
    (
        "registration.toml",
        include_str!("../../content/registration.toml"),
    ),
    (
        "confidentiality.toml",
        include_str!("../../content/confidentiality.toml"),
    ),
    (WORDS_FILE, include_str!("../../content/words.toml")),
];

/// The one content file of named lines rather than items.
pub const WORDS_FILE: &str = "words.toml";

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

/// Parses a full set of sources, with any errors in their shape.
fn parse_sources(sources: Vec<Source>, errors: &mut Vec<ContentError>) -> Content {
    let mut content = Content::default();
    for (index, source) in sources.iter().enumerate() {
        if source.file_name == WORDS_FILE {
            parse::parse_words(&mut content, source, errors);
        } else {
            parse::parse_file(&mut content, source, index, errors);
        }
    }
    content.sources = sources;
    content
}

/// Parses and checks a full set of sources, returning every error found.
pub fn check_sources(sources: Vec<Source>) -> (Content, Vec<ContentError>) {
    let mut errors = Vec::new();
    let content = parse_sources(sources, &mut errors);
    validate::validate(&content, &mut errors);
    errors.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    errors.dedup();
    (content, errors)
}

/// The built-in content, read without being checked again: the test suite and CI's
/// `lantern content check content/` keep it sound, and checking it (compiling every
/// confidentiality pattern among the rest) was a third of the app's start.
pub fn built_in() -> Content {
    let sources = FILES
        .iter()
        .map(|(name, text)| Source::built_in(name, text))
        .collect();
    parse_sources(sources, &mut Vec::new())
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

/// Content files are a few hundred lines; one far larger is not read.
const LARGEST_FILE: u64 = 4 * 1024 * 1024;

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
            // A pipe or a device in place of a file would hang every start, or never
            // end: only an ordinary file of a sensible size is read.
            let refused = match std::fs::metadata(&path) {
                Ok(meta) if !meta.is_file() => Some("is not an ordinary file"),
                Ok(meta) if meta.len() > LARGEST_FILE => Some("is larger than 4 MB"),
                _ => None,
            };
            if let Some(why) = refused {
                errors.push(ContentError {
                    file: path.display().to_string(),
                    line: 1,
                    column: 1,
                    message: why.into(),
                });
                sources.push(source);
                continue;
            }
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
                    message: match e.kind() {
                        std::io::ErrorKind::InvalidData => {
                            "is not UTF-8 text; save it as UTF-8".to_string()
                        }
                        std::io::ErrorKind::PermissionDenied => {
                            "cannot be read: permission denied".to_string()
                        }
                        _ => "cannot be read".to_string(),
                    },
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
    // A file that could not be read stays built in; the person is told, since a help
    // file saved in the wrong encoding would otherwise lose their numbers unseen.
    for e in &read_errors {
        warnings.push(format!(
            "{}: {}, so the built-in copy is used instead.",
            e.file, e.message
        ));
    }
    let mut errors = Vec::new();
    if sources.iter().all(|s| s.overridden.is_none()) {
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
                "{}: {}, so the built-in copy is used instead. \
                 Run `lantern content check` to see them.",
                source.label,
                crate::text::plural::count(bad, "problem", "problems")
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
