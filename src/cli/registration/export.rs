//! `lantern revalidation export` and `lantern cpd export`: the evidence laid out like
//! the forms, checked for identifying details first, and written owner-only and whole
//! (or, as text, to the screen for pasting).

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Result};

use crate::content::Content;
use crate::domain::confidentiality::Detectors;
use crate::domain::forms::{cpd_form, markdown, plain, revalidation_form, Form};
use crate::domain::registration::window;

use super::super::context::Context;
use super::super::plain::{say, today};
use super::super::registration_args::{FormExportArgs, FormFormat};
use super::super::share::{check_form, Checked, Choice, FOUND};
use super::body;

/// The format asked for, or the one FILE's ending names.
fn format_of(args: &FormExportArgs, fallback: FormFormat) -> Result<FormFormat> {
    if let Some(format) = args.format {
        return Ok(format);
    }
    let Some(path) = &args.output else {
        return Ok(fallback);
    };
    let ending = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    Ok(match ending.as_str() {
        "docx" => FormFormat::Docx,
        "md" | "markdown" => FormFormat::Markdown,
        "txt" | "text" => FormFormat::Text,
        _ => bail!(
            "say which format {} should be: --format docx, markdown or text",
            path.display()
        ),
    })
}

fn detectors(ctx: &Context, content: &Content) -> Result<Detectors> {
    let watch = ctx.open_store()?.watch_words()?;
    Ok(Detectors::new(content, &watch))
}

pub fn revalidation(ctx: &Context, args: FormExportArgs) -> Result<i32> {
    let format = format_of(&args, FormFormat::Markdown)?;
    let content = ctx.content();
    let body = body(ctx, &content)?;
    let held = ctx.open_store()?.registration_records()?;
    let today = today();
    let cycle = if args.all {
        None
    } else {
        window(body.cycle.as_ref(), ctx.config.renewal, today)
    };
    let form = revalidation_form(body, held.records(), cycle, today);
    share(ctx, &content, form, format, &args, "this evidence")
}

pub fn cpd(ctx: &Context, args: FormExportArgs) -> Result<i32> {
    let format = format_of(&args, FormFormat::Text)?;
    let content = ctx.content();
    // CPD can be kept before a registration is set; the body only names the year.
    let body = ctx
        .config
        .registration
        .as_deref()
        .and_then(|id| content.body(id));
    let cpd = ctx.open_store()?.cpd()?;
    let today = today();
    let cycle = match (args.all, body) {
        (false, Some(body)) => window(body.cycle.as_ref(), ctx.config.renewal, today),
        _ => None,
    };
    let form = cpd_form(body, &cpd, cycle, today);
    share(ctx, &content, form, format, &args, "this CPD record")
}

fn share(
    ctx: &Context,
    content: &Content,
    form: Form,
    format: FormFormat,
    args: &FormExportArgs,
    what: &str,
) -> Result<i32> {
    if format == FormFormat::Docx && args.output.is_none() {
        bail!("a Word document needs a file: add -o FILE.docx");
    }
    let choice = Choice {
        replace: args.replace.clone(),
        keep: args.keep,
    };
    let (form, said) = match check_form(form, &detectors(ctx, content)?, content, &choice, what)? {
        Checked::Share { form, said } => (form, said),
        Checked::Stopped => return Ok(FOUND),
    };
    let bytes = match format {
        FormFormat::Docx => crate::host::docx::render(&form)?,
        FormFormat::Markdown => markdown::render(&form).into_bytes(),
        FormFormat::Text => plain::render(&form).into_bytes(),
    };
    match &args.output {
        Some(path) => {
            write(path, &bytes, args.force)?;
            let mut out = String::new();
            if let Some(said) = said {
                out.push_str(&format!("{said}\n"));
            }
            out.push_str(&format!(
                "Wrote {} (only you can read it).\n",
                path.display()
            ));
            say(&out)?;
        }
        None => {
            // What was done goes beside the text, not into it, so the text pastes clean.
            if let Some(said) = said {
                errln!("{said}");
            }
            // On a terminal, a control character pasted into a record is shown, not run.
            let text = String::from_utf8_lossy(&bytes);
            std::io::stdout()
                .lock()
                .write_all(super::super::output::document(&text).as_bytes())?;
        }
    }
    Ok(0)
}

fn write(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    crate::host::files::write_private_with(path, force, |out| out.write_all(bytes))
        .map_err(super::super::transfer::name_force)
}
