//! Checks that span items and files: unique ids, references that resolve to the right
//! kind, and the rules each shape must keep (a step needs a duration, a rule must be
//! able to match, the check-in needs its three scales …).

use std::collections::{BTreeMap, BTreeSet};

use toml::Spanned;

use super::item::Item;
use super::parse::error_at;
use super::schema::*;
use super::{Content, ContentError, Kind, Placed};

struct Checker<'a> {
    content: &'a Content,
    errors: &'a mut Vec<ContentError>,
}

impl Checker<'_> {
    fn at<T>(&mut self, placed: &Placed<T>, span_start: usize, message: impl Into<String>) {
        if let Some(source) = self.content.sources.get(placed.file) {
            let error = error_at(source, placed.offset + span_start, message);
            self.errors.push(error);
        }
    }

    fn at_id<T: Item>(&mut self, placed: &Placed<T>, message: impl Into<String>) {
        let start = placed.item.id().span().start;
        self.at(placed, start, message);
    }

    /// An error at the top of a file, for something missing from it.
    fn in_file(&mut self, file_name: &str, message: impl Into<String>) {
        if let Some(source) = self
            .content
            .sources
            .iter()
            .find(|s| s.file_name == file_name)
        {
            self.errors.push(error_at(source, 0, message));
        }
    }
}

pub fn validate(content: &Content, errors: &mut Vec<ContentError>) {
    let mut check = Checker { content, errors };

    // Ids: well formed, and unique across every kind and file.
    let mut seen: BTreeMap<String, (Kind, String)> = BTreeMap::new();
    let mut found: Vec<(Kind, usize, usize, Located, Vec<Located>)> = Vec::new();
    content.for_each_item(|kind, item, file, offset| {
        let refs = item.refs().into_iter().cloned().collect();
        found.push((kind, file, offset, item.id().clone(), refs));
    });
    for (kind, file, offset, id, _) in &found {
        let here = Placed {
            item: (),
            file: *file,
            offset: *offset,
        };
        let name = id.as_ref();
        if !is_id(name) {
            check.at(
                &here,
                id.span().start,
                format!(
                "id `{name}` should be lower-case words joined by `-` (like `soothing-breathing`)"
            ),
            );
        }
        let label = content
            .sources
            .get(*file)
            .map_or("", |s| s.file_name)
            .to_string();
        match seen.get(name) {
            Some((other, other_file)) if other == kind => check.at(
                &here,
                id.span().start,
                format!(
                    "duplicate id `{name}`: another {} in {other_file} has it",
                    kind.name()
                ),
            ),
            Some((other, other_file)) => check.at(
                &here,
                id.span().start,
                format!(
                    "id `{name}` is used by two kinds: {} here and {} in {other_file}",
                    article(kind.name()),
                    article(other.name())
                ),
            ),
            None => {
                seen.insert(name.clone(), (*kind, label));
            }
        }
    }

    // References: `kind:id`, naming an item of that kind. A file that failed to parse
    // would make every reference into it dangle; its own errors say enough.
    let broken: BTreeSet<String> = check
        .errors
        .iter()
        .filter_map(|e| content.sources.iter().find(|s| s.label == e.file))
        .map(|s| s.file_name.to_string())
        .collect();
    for (_, file, offset, _, refs) in &found {
        let here = Placed {
            item: (),
            file: *file,
            offset: *offset,
        };
        for reference in refs {
            let into_broken = reference
                .as_ref()
                .split_once(':')
                .and_then(|(k, _)| Kind::ALL.iter().find(|kind| kind.name() == k))
                .is_some_and(|kind| broken.contains(kind.file()));
            if into_broken
                && !seen.contains_key(reference.as_ref().split_once(':').map_or("", |(_, id)| id))
            {
                continue;
            }
            if let Some(message) = reference_problem(reference.as_ref(), &seen) {
                check.at(&here, reference.span().start, message);
            }
        }
    }

    check_checkin(&mut check);
    super::check_words::check_words(content, check.errors);
    check_templates(&mut check);
    check_exercises(&mut check);
    check_rules(&mut check);
    for model in &content.models {
        if model.needs.is_empty() || model.settings.is_empty() || model.formality.is_empty() {
            check.at_id(
                model,
                format!(
                    "model `{}` needs at least one of each of `needs`, `settings` and `formality` \
                 so the support finder can offer it",
                    model.id.as_ref()
                ),
            );
        }
    }
    super::check_help::check_help(content, check.errors);
    super::check_registration::check_bodies(content, check.errors);
    super::check_patterns::check_patterns(content, check.errors);
    super::shelves::check_shelves(content, check.errors);
    // The built-in files are checked before they ship (CI runs `content check` on
    // them); a launch need not read every character of them again.
    for source in content.sources.iter().filter(|s| s.overridden.is_some()) {
        super::check_text::check_text(source, check.errors);
    }
    if content.regions.is_empty() {
        check.in_file(
            "help.toml",
            "there must be at least one [[region]] of help contacts",
        );
    }
}

fn article(word: &str) -> String {
    let an = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {word}", if an { "an" } else { "a" })
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn reference_problem(reference: &str, seen: &BTreeMap<String, (Kind, String)>) -> Option<String> {
    let Some((kind_name, id)) = reference.split_once(':') else {
        return Some(format!(
            "reference `{reference}` needs a kind, like `exercise:{reference}`"
        ));
    };
    let Some(kind) = Kind::ALL.iter().find(|k| k.name() == kind_name) else {
        let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        return Some(format!(
            "reference `{reference}`: unknown kind `{kind_name}`; kinds are {}",
            kinds.join(", ")
        ));
    };
    match seen.get(id) {
        None => Some(format!(
            "reference `{reference}` names no {kind_name}: there is no id `{id}`"
        )),
        Some((actual, file)) if actual != kind => Some(format!(
            "reference `{reference}`: `{id}` is a {} (in {file}), not a {}",
            actual.name(),
            kind.name()
        )),
        Some(_) => None,
    }
}

fn check_checkin(check: &mut Checker<'_>) {
    let content = check.content;
    for wanted in ["pleasantness", "energy", "stress"] {
        if content.scale(wanted).is_none() {
            check.in_file(
                "checkin.toml",
                format!("the check-in needs a [[scale]] with id `{wanted}`"),
            );
        }
    }
    for scale in &content.scales {
        if scale.min >= scale.max || scale.default < scale.min || scale.default > scale.max {
            check.at_id(scale, format!(
                "scale `{}`: min must be below max, and default between them (min {}, max {}, default {})",
                scale.id.as_ref(), scale.min, scale.max, scale.default
            ));
        }
    }
    for (pleasantness, energy) in [
        (Level::High, Level::High),
        (Level::High, Level::Low),
        (Level::Low, Level::High),
        (Level::Low, Level::Low),
    ] {
        if !content
            .quadrants
            .iter()
            .any(|q| q.pleasantness == pleasantness && q.energy == energy)
        {
            check.in_file("checkin.toml", format!(
                "the mood meter needs a [[quadrant]] with pleasantness = \"{}\" and energy = \"{}\"",
                level(pleasantness), level(energy)
            ));
        }
    }
    let mut words: BTreeSet<String> = BTreeSet::new();
    for quadrant in &content.quadrants {
        for word in &quadrant.words {
            if !words.insert(word.to_lowercase()) {
                check.at_id(
                    quadrant,
                    format!("emotion word `{word}` is in two quadrants; keep each word in one"),
                );
            }
        }
    }
    for wanted in ["threat", "drive", "soothe"] {
        if !content.systems.iter().any(|s| s.id.as_ref() == wanted) {
            check.in_file(
                "checkin.toml",
                format!("the check-in needs a [[system]] with id `{wanted}`"),
            );
        }
    }
}

fn level(level: Level) -> &'static str {
    match level {
        Level::High => "high",
        Level::Low => "low",
    }
}

fn check_templates(check: &mut Checker<'_>) {
    let content = check.content;
    for template in &content.templates {
        let mut ids = BTreeSet::new();
        for prompt in &template.prompts {
            if !ids.insert(prompt.id.as_ref().clone()) {
                check.at(
                    template,
                    prompt.id.span().start,
                    format!(
                        "template `{}` has two prompts with id `{}`",
                        template.id.as_ref(),
                        prompt.id.as_ref()
                    ),
                );
            }
        }
    }
}

fn check_exercises(check: &mut Checker<'_>) {
    let content = check.content;
    for exercise in &content.exercises {
        if exercise.steps.is_empty() {
            check.at_id(
                exercise,
                format!("exercise `{}` has no steps", exercise.id.as_ref()),
            );
        }
        for (n, step) in exercise.steps.iter().enumerate() {
            match step.as_ref().seconds {
                None => check.at(
                    exercise,
                    step.span().start,
                    format!(
                        "step {} of exercise `{}` has no duration: add `seconds = N`",
                        n + 1,
                        exercise.id.as_ref()
                    ),
                ),
                Some(0) => check.at(
                    exercise,
                    step.span().start,
                    format!(
                        "step {} of exercise `{}` lasts 0 seconds",
                        n + 1,
                        exercise.id.as_ref()
                    ),
                ),
                Some(_) => {}
            }
        }
        if let Some(rhythm) = &exercise.rhythm {
            if rhythm.inhale <= 0.0
                || rhythm.exhale <= 0.0
                || rhythm.hold < 0.0
                || rhythm.rest < 0.0
                || rhythm.cycles == 0
            {
                check.at_id(exercise, format!(
                    "exercise `{}`: a rhythm needs inhale and exhale above 0 seconds and at least one cycle",
                    exercise.id.as_ref()
                ));
            }
        }
    }
}

fn check_rules(check: &mut Checker<'_>) {
    let content = check.content;
    let bounds = |id: &str| content.scale(id).map(|s| (s.min, s.max));
    for rule in &content.rules {
        let name = rule.id.as_ref().clone();
        let ranges: [(&str, &Option<Spanned<Range>>); 3] = [
            ("pleasantness", &rule.when.pleasantness),
            ("energy", &rule.when.energy),
            ("stress", &rule.when.stress),
        ];
        for (scale, range) in ranges {
            if let Some(range) = range {
                if let Some(message) = range_problem(&name, scale, *range.as_ref(), bounds(scale)) {
                    check.at(rule, range.span().start, message);
                }
            }
        }
        if let Some(recent) = &rule.when.recent {
            let r = recent.as_ref();
            if r.days == 0 || r.at_least == 0 || r.at_least > r.days {
                check.at(
                    rule,
                    recent.span().start,
                    format!(
                        "rule `{name}` can never match: `recent` needs days and at_least above 0, \
                     and at_least no more than days (days {}, at_least {})",
                        r.days, r.at_least
                    ),
                );
            }
            for (scale, range) in [
                ("pleasantness", r.pleasantness),
                ("energy", r.energy),
                ("stress", r.stress),
            ] {
                if let Some(range) = range {
                    if let Some(message) = range_problem(&name, scale, range, bounds(scale)) {
                        check.at(rule, recent.span().start, message);
                    }
                }
            }
        }
        for system in rule.when.systems() {
            if !system.as_ref().starts_with("system:") {
                check.at(
                    rule,
                    system.span().start,
                    format!("rule `{name}`: `system` takes system references like `system:threat`"),
                );
            }
        }
        for tag in rule.when.tags() {
            if !tag.as_ref().starts_with("stress:") {
                check.at(
                    rule,
                    tag.span().start,
                    format!(
                        "rule `{name}`: `tags_any` takes stress references like `stress:caseload`"
                    ),
                );
            }
        }
        // A word the mood meter never offers could never be chosen, so the rule
        // would stay silent however the person felt.
        for word in rule.when.words() {
            let known = content
                .emotion_words()
                .iter()
                .any(|w| w.trim().eq_ignore_ascii_case(word.as_ref().trim()));
            if !known && !content.quadrants.is_empty() {
                check.at(
                    rule,
                    word.span().start,
                    format!(
                        "rule `{name}`: `words_any` word `{}` is not an emotion word of any \
                     [[quadrant]] in checkin.toml",
                        word.as_ref()
                    ),
                );
            }
        }
        for (field, list) in [
            ("system", &rule.when.system),
            ("tags_any", &rule.when.tags_any),
            ("words_any", &rule.when.words_any),
        ] {
            if list.as_ref().is_some_and(|l| l.is_empty()) {
                check.at_id(
                    rule,
                    format!(
                        "rule `{name}`: `{field}` is an empty list, so the rule can never \
                         match; name at least one, or leave `{field}` out"
                    ),
                );
            }
        }
        if rule.offer.is_empty() && !rule.offer_help {
            check.at_id(
                rule,
                format!("rule `{name}` offers nothing: add `offer` or `offer_help = true`"),
            );
        }
        if rule.strain && !rule.offer_help {
            check.at_id(
                rule,
                format!(
                    "rule `{name}` matches sustained strain, so it must set `offer_help = true`"
                ),
            );
        }
    }
}

fn range_problem(
    rule: &str,
    scale: &str,
    range: Range,
    bounds: Option<(i64, i64)>,
) -> Option<String> {
    let [low, high] = range;
    if low > high {
        return Some(format!(
            "rule `{rule}` can never match: its {scale} range [{low}, {high}] is empty"
        ));
    }
    let (min, max) = bounds?;
    if high < min || low > max {
        return Some(format!(
            "rule `{rule}` can never match: its {scale} range [{low}, {high}] is outside the scale ({min} to {max})"
        ));
    }
    None
}
