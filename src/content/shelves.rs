//! The library's shelves: which kinds a person reads, what each shelf holds, and the
//! check that every readable kind is on a shelf, so nothing the framework holds is out
//! of reach. Both front ends list the shelves from here, in the same order.

use super::parse::error_at;
use super::schema::Shelf;
use super::{Content, ContentError, Kind};

/// Kinds that drive the app rather than being read: the check-in's scales and mood
/// meter, help's regions, the suggestion rules, the shelves themselves, the support
/// finder's questions, the plan's sections and the nudge lines. Every other kind is
/// read, so it needs a shelf; a new kind is read until it is named here.
pub const MACHINERY: &[Kind] = &[
    Kind::Scale,
    Kind::Quadrant,
    Kind::Region,
    Kind::Rule,
    Kind::Shelf,
    Kind::Question,
    Kind::Section,
    Kind::Nudge,
    Kind::Body,
    Kind::Pattern,
];

impl Kind {
    /// Whether a person reads items of this kind (and so finds them on a shelf).
    pub fn is_readable(self) -> bool {
        !MACHINERY.contains(&self)
    }
}

impl Shelf {
    /// The kinds it holds that Lantern knows, in the shelf's order.
    pub fn known_kinds(&self) -> Vec<Kind> {
        self.kinds
            .iter()
            .filter_map(|k| {
                Kind::ALL
                    .iter()
                    .copied()
                    .find(|kind| kind.name() == k.as_ref())
            })
            .collect()
    }
}

impl Content {
    /// The shelves, in file order.
    pub fn library(&self) -> Vec<&Shelf> {
        self.shelves.iter().map(|p| &p.item).collect()
    }

    /// Every item on `shelf` as (kind, id, name): kind by kind, each in file order.
    pub fn shelf_items(&self, shelf: &Shelf) -> Vec<(Kind, String, String)> {
        shelf
            .known_kinds()
            .into_iter()
            .flat_map(|kind| self.list(&[kind]))
            .collect()
    }
}

pub fn check_shelves(content: &Content, errors: &mut Vec<ContentError>) {
    let Some(library) = content
        .sources
        .iter()
        .find(|s| s.file_name == Kind::Shelf.file())
    else {
        return;
    };
    // A library that did not parse has no shelves to check; its own error says enough.
    if errors.iter().any(|e| e.file == library.label) {
        return;
    }
    let readable: Vec<&str> = Kind::ALL
        .iter()
        .filter(|k| k.is_readable())
        .map(|k| k.name())
        .collect();
    // Which shelf holds each kind: a kind on two shelves, or twice on one, would be
    // listed twice over.
    let mut holder: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
    for placed in &content.shelves {
        let shelf = &placed.item;
        if shelf.kinds.is_empty() {
            errors.push(error_at(
                library,
                placed.offset + shelf.id.span().start,
                format!(
                    "shelf `{}` holds no kinds: name at least one in `kinds`",
                    shelf.id.as_ref()
                ),
            ));
        }
        for kind in &shelf.kinds {
            if let Some(other) = holder.insert(kind.as_ref(), shelf.id.as_ref()) {
                errors.push(error_at(
                    library,
                    placed.offset + kind.span().start,
                    if other == shelf.id.as_ref() {
                        format!(
                            "shelf `{other}` names kind `{}` twice; name it once",
                            kind.as_ref()
                        )
                    } else {
                        format!(
                            "kind `{}` is already on shelf `{other}`; a kind sits on one shelf",
                            kind.as_ref()
                        )
                    },
                ));
            }
            let known = Kind::ALL.iter().find(|k| k.name() == kind.as_ref());
            let problem = match known {
                None => Some(format!(
                    "shelf `{}` names kind `{}`, which Lantern does not know; readable kinds are {}",
                    shelf.id.as_ref(),
                    kind.as_ref(),
                    readable.join(", ")
                )),
                Some(k) if !k.is_readable() => Some(format!(
                    "shelf `{}` names kind `{}`, which the app uses rather than anyone reads",
                    shelf.id.as_ref(),
                    kind.as_ref()
                )),
                Some(_) => None,
            };
            if let Some(message) = problem {
                errors.push(error_at(
                    library,
                    placed.offset + kind.span().start,
                    message,
                ));
            }
        }
    }
    for kind in Kind::ALL.iter().filter(|k| k.is_readable()) {
        let shelved = content
            .shelves
            .iter()
            .any(|s| s.kinds.iter().any(|k| k.as_ref() == kind.name()));
        if !shelved {
            errors.push(error_at(
                library,
                0,
                format!(
                    "kind `{}` (in {}) is on no shelf: add it to a shelf's `kinds` so it can be read",
                    kind.name(),
                    kind.file()
                ),
            ));
        }
    }
}
