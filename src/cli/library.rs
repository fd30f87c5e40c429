//! `lantern library`: the framework's shelves, and every item of a kind, as text.

use anyhow::{bail, Result};

use crate::content::{Content, Kind};

use super::context::Context;
use super::plain::{say, wrap};

pub fn library(ctx: &Context, word: Option<&str>) -> Result<i32> {
    let content = ctx.content();
    let shelves = content.library();
    let mut out = String::new();
    let Some(word) = word else {
        // The shelves alone, as the app lists them: one line each, so a screen reader
        // hears the whole library in a breath.
        let width = shelves
            .iter()
            .map(|s| s.id.as_ref().chars().count())
            .max()
            .unwrap_or(0);
        for shelf in &shelves {
            let count = content.shelf_items(shelf).len();
            // As in the app: a shelf with nothing on it is not listed.
            if count == 0 {
                continue;
            }
            out.push_str(&format!(
                "  {:<width$}  {} ({count})\n",
                shelf.id.as_ref(),
                shelf.name
            ));
        }
        out.push_str(
            "\nlantern library SHELF lists one shelf; lantern library ID reads one item.\n",
        );
        say(&out)?;
        return Ok(0);
    };
    let wanted = word.trim().to_lowercase();
    let (heading, kinds) = match shelves.iter().find(|s| *s.id.as_ref() == wanted) {
        Some(shelf) => (
            Some((
                shelf.name.clone(),
                shelf.summary.clone(),
                shelf.source.clone(),
            )),
            shelf.known_kinds(),
        ),
        None => match Kind::parse_list(&wanted) {
            Some(kinds) => (None, kinds),
            None => match content.show_plain(&wanted) {
                Some(text) => {
                    say(&wrap_item(&text, 80))?;
                    return Ok(0);
                }
                None => {
                    let names: Vec<String> =
                        shelves.iter().map(|s| s.id.as_ref().clone()).collect();
                    bail!(
                        "nothing called `{word}` in the library; try a shelf ({}) or an item's id",
                        names.join(", ")
                    );
                }
            },
        },
    };
    if let Some((name, summary, _)) = &heading {
        out.push_str(&format!("{name}\n"));
        out.push_str(&wrap(summary, 80, ""));
        out.push('\n');
    }
    for kind in kinds {
        for (id, name, summary) in items_of(&content, kind) {
            let line = format!("{name}  ({}:{id})", kind.name());
            if line.chars().count() <= 80 {
                out.push_str(&format!("{line}\n"));
            } else {
                out.push_str(&wrap(&line, 80, ""));
            }
            if let Some(summary) = summary {
                out.push_str(&wrap(&summary, 80, "  "));
            }
            out.push('\n');
        }
    }
    if let Some((_, _, source)) = &heading {
        out.push_str(&wrap(&format!("Source: {source}"), 80, ""));
    }
    say(&out)?;
    Ok(0)
}

/// An item as the app's reader shows it, each line wrapped to `width` under its own
/// indent, so a list's items stay lined up.
fn wrap_item(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            out.push('\n');
            continue;
        }
        let indent: String = line.chars().take_while(|c| *c == ' ').collect();
        let body = &line[indent.len()..];
        // A list item's later lines start under its words, not under its mark.
        let mark = ["- ", "· "]
            .iter()
            .find(|m| body.starts_with(**m))
            .map(|m| m.len())
            .or_else(|| {
                let digits = body.chars().take_while(char::is_ascii_digit).count();
                (digits > 0 && body[digits..].starts_with(". ")).then_some(digits + 2)
            })
            .unwrap_or(0);
        let hang = format!("{indent}{}", " ".repeat(mark));
        let wrapped = wrap(body, width.saturating_sub(hang.len()).max(20), "");
        for (n, piece) in wrapped.lines().enumerate() {
            let lead = if n == 0 { &indent } else { &hang };
            out.push_str(&format!("{lead}{piece}\n"));
        }
    }
    out
}

/// (id, name, summary) of every item of `kind`, in file order.
fn items_of(content: &Content, kind: Kind) -> Vec<(String, String, Option<String>)> {
    fn each<T>(
        items: &[crate::content::Placed<T>],
        f: impl Fn(&T) -> (String, String, Option<String>),
    ) -> Vec<(String, String, Option<String>)> {
        items.iter().map(|p| f(&p.item)).collect()
    }
    let topic = |t: &crate::content::schema::Topic| {
        (
            t.id.as_ref().clone(),
            t.name.clone(),
            Some(t.summary.clone()),
        )
    };
    let note = |n: &crate::content::schema::Note| {
        (
            n.id.as_ref().clone(),
            n.name.clone(),
            Some(n.summary.clone()),
        )
    };
    match kind {
        Kind::Skill => each(&content.skills, topic),
        Kind::Value => each(&content.values, topic),
        Kind::Concept => each(&content.concepts, topic),
        Kind::Step => each(&content.steps, topic),
        Kind::Point => each(&content.points, topic),
        Kind::Dimension => each(&content.dimensions, topic),
        Kind::Principle => each(&content.principles, topic),
        Kind::Guidance => each(&content.guidance, topic),
        Kind::Factor => each(&content.factors, note),
        Kind::Stress => each(&content.stresses, note),
        Kind::Outcome => each(&content.outcomes, note),
        Kind::Model => each(&content.models, |m| {
            (
                m.id.as_ref().clone(),
                m.name.clone(),
                Some(m.summary.clone()),
            )
        }),
        Kind::Area => each(&content.areas, |a| {
            (
                a.id.as_ref().clone(),
                a.name.clone(),
                Some(a.summary.clone()),
            )
        }),
        Kind::Exercise => each(&content.exercises, |e| {
            (
                e.id.as_ref().clone(),
                e.name.clone(),
                Some(e.summary.clone()),
            )
        }),
        Kind::Template => each(&content.templates, |t| {
            (
                t.id.as_ref().clone(),
                t.name.clone(),
                Some(t.summary.clone()),
            )
        }),
        Kind::Guide => each(&content.guides, |g| {
            (
                g.id.as_ref().clone(),
                g.name.clone(),
                Some(g.summary.clone()),
            )
        }),
        Kind::Tool => each(&content.tools, |t| {
            (
                t.id.as_ref().clone(),
                t.name.clone(),
                Some(t.summary.clone()),
            )
        }),
        Kind::System => each(&content.systems, |s| {
            (
                s.id.as_ref().clone(),
                s.name.clone(),
                Some(s.summary.clone()),
            )
        }),
        Kind::Quadrant => each(&content.quadrants, |q| {
            (
                q.id.as_ref().clone(),
                q.name.clone(),
                Some(q.summary.clone()),
            )
        }),
        Kind::Section => each(&content.sections, |s| {
            (
                s.id.as_ref().clone(),
                s.name.clone(),
                Some(s.summary.clone()),
            )
        }),
        Kind::Care => each(&content.care, |c| {
            (
                c.id.as_ref().clone(),
                c.name.clone(),
                Some(c.summary.clone()),
            )
        }),
        Kind::Shelf => each(&content.shelves, |s| {
            (
                s.id.as_ref().clone(),
                s.name.clone(),
                Some(s.summary.clone()),
            )
        }),
        _ => content
            .list(&[kind])
            .into_iter()
            .map(|(_, id, name)| (id, name, None))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_lists_its_items() {
        let content = crate::content::built_in();
        for kind in Kind::ALL {
            assert_eq!(
                items_of(&content, *kind).len(),
                content.list(&[*kind]).len(),
                "{}",
                kind.name()
            );
        }
    }

    #[test]
    fn the_built_in_shelves_name_real_kinds() {
        let content = crate::content::built_in();
        assert!(!content.shelves.is_empty());
        for shelf in &content.shelves {
            assert_eq!(
                shelf.known_kinds().len(),
                shelf.kinds.len(),
                "{}",
                shelf.id.as_ref()
            );
        }
    }

    #[test]
    fn a_wrapped_item_keeps_its_list_marks_hanging() {
        let text = "Name\n\nQuestions:\n  - one two three four five six seven eight nine ten\n";
        let out = wrap_item(text, 30);
        assert!(out.lines().all(|l| l.chars().count() <= 30), "{out}");
        assert!(out.contains("\n  - one"), "{out}");
        assert!(
            out.contains("\n    "),
            "the second line hangs under the words: {out}"
        );
    }
}
