//! Before anything meant to be shared leaves the diary: the confidentiality check over
//! it, each finding shown in context, and the person's choice, made with flags, of what
//! to replace with a placeholder in what is shared and what to keep as written. With
//! findings and no choice, nothing is written.

use std::io::{BufRead as _, IsTerminal as _, Write as _};

use anyhow::{bail, Result};

use crate::content::Content;
use crate::domain::confidentiality::{context, Detectors};
use crate::domain::forms::{Block, Field, Form, FormFinding};

use super::output::safe;

/// The exit status when the check found something and nothing was written: not 1 (an
/// error) and not 2 (a mistyped command, as the argument parser says), so a script
/// can tell them apart.
pub const FOUND: i32 = 3;
const CONTEXT_WORDS: usize = 4;

/// What the person chose with `--replace` and `--keep`.
#[derive(Debug, Clone, Default)]
pub struct Choice {
    pub replace: Option<String>,
    pub keep: bool,
}

/// What to share: the form with the chosen details replaced, and one line saying what
/// was done, or nothing, when the person has still to choose.
pub enum Checked {
    Share { form: Form, said: Option<String> },
    Stopped,
}

/// `all`, or numbers from a list as `1,3`: each between 1 and `len`.
pub fn chosen(flag: &str, choice: &str, len: usize) -> Result<Vec<usize>> {
    if choice.trim().eq_ignore_ascii_case("all") {
        return Ok((1..=len).collect());
    }
    let mut out = Vec::new();
    for part in choice.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.parse::<usize>() {
            Ok(n) if (1..=len).contains(&n) => out.push(n),
            Ok(n) => bail!(
                "{flag}: there is no finding {n}; the check lists {}",
                if len == 0 {
                    "none".to_string()
                } else {
                    format!("1 to {len}")
                }
            ),
            Err(_) => bail!(
                "{flag} takes `all` or finding numbers like `1,3`, not `{}`",
                safe(part)
            ),
        }
    }
    if out.is_empty() {
        bail!("{flag} takes `all` or finding numbers like `1,3`");
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

pub fn details(n: usize) -> String {
    if n == 1 {
        "1 detail".into()
    } else {
        format!("{n} details")
    }
}

/// One finding as the command line lists it: number, kind, where, the words around it
/// with the detail in brackets, and why it was flagged.
pub fn finding_line(
    n: usize,
    finding: &crate::domain::confidentiality::Finding,
    place: &str,
    text: &str,
    content: &Content,
) -> String {
    let (before, matched, after) = context(text, finding, CONTEXT_WORDS);
    let why = content
        .patterns
        .iter()
        .find(|p| p.item.id.as_ref() == &finding.kind)
        .map_or("", |p| p.item.why.as_str());
    format!(
        "{n:>3}. {} ({}): …{}[{}]{}…\n     {why}\n",
        finding.label,
        safe(place),
        safe(&before),
        safe(matched),
        safe(&after),
    )
}

/// Each finding, numbered, in its context, with why it was flagged.
pub fn listing(form: &Form, found: &[FormFinding], content: &Content) -> String {
    let mut out = String::new();
    for (n, item) in found.iter().enumerate() {
        let text = form.text_at(item.place).unwrap_or_default();
        out.push_str(&finding_line(
            n + 1,
            &item.finding,
            &item.label,
            text,
            content,
        ));
    }
    out
}

enum Answer {
    Keep,
    Replace(String),
}

/// One question on a terminal: what to do with everything listed.
fn ask() -> Result<Option<Answer>> {
    loop {
        out!(
            "\nReplace them all in what you share (r), keep them as written (k), replace \
             some (their numbers, like 1,3), or stop and write nothing (Enter)? "
        );
        std::io::stdout().flush()?;
        let mut line = String::new();
        if std::io::stdin().lock().read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let line = line.trim();
        match line.to_lowercase().as_str() {
            "" | "q" | "s" => return Ok(None),
            "r" | "all" => return Ok(Some(Answer::Replace("all".into()))),
            "k" => return Ok(Some(Answer::Keep)),
            _ if line
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == ' ') =>
            {
                return Ok(Some(Answer::Replace(line.to_string())))
            }
            _ => outln!("r, k, numbers like 1,3, or Enter to stop."),
        }
    }
}

/// The check over one finished document (a supervision preparation, say), as a form
/// of one text; the text to share back, and what was done, or None when stopped.
pub fn check_document(
    text: String,
    what: &str,
    detectors: &Detectors,
    content: &Content,
    choice: &Choice,
) -> Result<Option<(String, Option<String>)>> {
    let form = Form {
        blocks: vec![
            Block::Heading(what.to_string()),
            Block::Fields(vec![Field::said("text", text)]),
        ],
    };
    Ok(match check_form(form, detectors, content, choice, what)? {
        Checked::Stopped => None,
        Checked::Share { form, said } => {
            let text = match form.blocks.into_iter().nth(1) {
                Some(Block::Fields(mut fields)) if !fields.is_empty() => {
                    fields.swap_remove(0).value
                }
                _ => String::new(),
            };
            Some((text, said))
        }
    })
}

/// Runs the check over `form` and applies the person's choice. Without a choice, the
/// findings are listed on standard output with how to choose.
pub fn check_form(
    form: Form,
    detectors: &Detectors,
    content: &Content,
    choice: &Choice,
    what: &str,
) -> Result<Checked> {
    let found = form.findings(detectors);
    if found.is_empty() {
        // A number the person gave cannot point at anything: say so, not ignore it.
        if let Some(replace) = &choice.replace {
            if !replace.trim().eq_ignore_ascii_case("all") {
                chosen("--replace", replace, 0)?;
            }
        }
        return Ok(Checked::Share { form, said: None });
    }
    if choice.keep {
        let said = format!(
            "The check found {} that could identify someone; kept as you wrote them.",
            details(found.len())
        );
        return Ok(Checked::Share {
            form,
            said: Some(said),
        });
    }
    let replace = match &choice.replace {
        Some(replace) => replace.clone(),
        None => {
            let mut out = format!(
                "Before {what} is shared: {} could identify someone.\n\n",
                details(found.len())
            );
            out.push_str(&listing(&form, &found, content));
            let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
            if !interactive {
                out.push_str(
                    "\nNothing was written. Run it again with --replace all to put placeholders \
                     such as [postcode] in their place (in the export only; your records stay \
                     as they are), --replace 1,3 to choose, or --keep to share them as written.\n",
                );
                out!("{out}");
                return Ok(Checked::Stopped);
            }
            out!("{out}");
            match ask()? {
                Some(Answer::Keep) => {
                    return Ok(Checked::Share {
                        form,
                        said: Some("Kept as you wrote them.".into()),
                    })
                }
                Some(Answer::Replace(list)) => list,
                None => {
                    outln!("Nothing was written.");
                    return Ok(Checked::Stopped);
                }
            }
        }
    };
    let numbers = chosen("--replace", &replace, found.len())?;
    let picked: Vec<&FormFinding> = numbers.iter().filter_map(|n| found.get(n - 1)).collect();
    let kept = found.len() - picked.len();
    let said = format!(
        "Replaced {} with placeholders in the export{}; your records are unchanged.",
        details(picked.len()),
        if kept > 0 {
            format!(", kept {kept} as you wrote")
        } else {
            String::new()
        }
    );
    Ok(Checked::Share {
        form: form.redacted(&picked),
        said: Some(said),
    })
}
