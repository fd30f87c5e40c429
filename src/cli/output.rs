//! How the command line prints things: plain text a person can read and a script can
//! still parse, with colour only on a terminal and never under NO_COLOR.

use std::io::IsTerminal;

use crate::domain::checkin::CheckIn;
use crate::domain::entry::Entry;
use crate::store::{EntrySummary, SearchHit};

pub fn colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn tags(tags: &[String]) -> String {
    tags.iter()
        .map(|t| format!("#{t}"))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn entry_line(e: &EntrySummary) -> String {
    let mut line = format!(
        "{:>6}  {}  {}",
        e.id,
        e.created.format("%Y-%m-%d %H:%M"),
        e.title
    );
    if !e.tags.is_empty() {
        line.push_str("  ");
        line.push_str(&tags(&e.tags));
    }
    line
}

pub fn checkin_line(id: i64, c: &CheckIn) -> String {
    let mut line = format!(
        "{:>6}  {}  {:<11}  pleasant {:>2}  energy {:>2}  stress {:>2}",
        id,
        c.at.format("%Y-%m-%d %H:%M"),
        c.kind.as_str().replace('_', "-"),
        c.pleasantness,
        c.energy,
        c.stress
    );
    if let Some(system) = &c.system {
        line.push_str(&format!("  {system}"));
    }
    if !c.words.is_empty() {
        line.push_str(&format!("  {}", c.words.join(", ")));
    }
    if !c.tags.is_empty() {
        line.push_str(&format!("  {}", tags(&c.tags)));
    }
    if let Some(good) = &c.good_moment {
        line.push_str(&format!("  good moment: {}", good.replace('\n', " ")));
    }
    line
}

/// A snippet with its matches in bold on a terminal, or in [brackets] otherwise.
pub fn snippet(hit: &SearchHit, colour: bool) -> String {
    let (start, end) = if colour {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    hit.snippet
        .replace(SearchHit::MARK_START, start)
        .replace(SearchHit::MARK_END, end)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn entry_full(e: &Entry) -> String {
    let mut out = format!("#{}  {}\n", e.id, e.created.format("%A %-d %B %Y, %H:%M"));
    if !e.title.trim().is_empty() {
        out.push_str(&format!("{}\n", e.title.trim()));
    }
    if !e.tags.is_empty() {
        out.push_str(&format!("{}\n", tags(&e.tags)));
    }
    if let Some(t) = &e.template_id {
        out.push_str(&format!("template: {t}\n"));
    }
    if !e.body.trim().is_empty() {
        out.push_str(&format!("\n{}\n", e.body.trim_end()));
    }
    for a in &e.answers {
        out.push_str(&format!("\n{}\n{}\n", a.prompt, a.text.trim_end()));
    }
    out
}
