//! `lantern library`: the framework's shelves, and every item of a kind, as text.

use anyhow::{bail, Result};

use crate::content::{Content, Kind};

use super::context::Context;
use super::plain::{say, wrap};

pub fn library(ctx: &Context, word: Option<&str>) -> Result<i32> {
    let content = ctx.content();
    let shelves: Vec<_> = content.shelves.iter().map(|s| &s.item).collect();
    let kinds_of = |kinds: &[String]| -> Vec<Kind> {
        kinds
            .iter()
            .filter_map(|k| Kind::ALL.iter().copied().find(|kind| kind.name() == k))
            .collect()
    };
    let mut out = String::new();
    let Some(word) = word else {
        for shelf in &shelves {
            out.push_str(&format!(
                "{}  (lantern library {})\n",
                shelf.name,
                shelf.id.as_ref()
            ));
            for kind in kinds_of(&shelf.kinds) {
                for (id, name, _) in items_of(&content, kind) {
                    out.push_str(&format!("  {name:<50}  {}:{id}\n", kind.name()));
                }
            }
            out.push('\n');
        }
        out.push_str("lantern content show ID shows one item in full.\n");
        say(&out)?;
        return Ok(0);
    };
    let wanted = word.trim().to_lowercase();
    let (heading, kinds) = match shelves.iter().find(|s| *s.id.as_ref() == wanted) {
        Some(shelf) => (
            Some((shelf.name.clone(), shelf.summary.clone())),
            kinds_of(&shelf.kinds),
        ),
        None => match Kind::parse_list(&wanted) {
            Some(kinds) => (None, kinds),
            None => {
                let mut names: Vec<String> =
                    shelves.iter().map(|s| s.id.as_ref().clone()).collect();
                names.extend(Kind::ALL.iter().map(|k| k.name().to_string()));
                bail!(
                    "nothing called `{word}` in the library; try one of: {}",
                    names.join(", ")
                );
            }
        },
    };
    if let Some((name, summary)) = heading {
        out.push_str(&format!("{name}\n"));
        out.push_str(&wrap(&summary, 80, ""));
        out.push('\n');
    }
    for kind in kinds {
        for (id, name, summary) in items_of(&content, kind) {
            out.push_str(&format!("{name}  ({}:{id})\n", kind.name()));
            if let Some(summary) = summary {
                out.push_str(&wrap(&summary, 80, "  "));
            }
            out.push('\n');
        }
    }
    say(&out)?;
    Ok(0)
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
            for kind in &shelf.kinds {
                assert!(
                    Kind::ALL.iter().any(|k| k.name() == kind),
                    "shelf {} names kind {kind}",
                    shelf.id.as_ref()
                );
            }
        }
    }
}
