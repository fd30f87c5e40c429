//! `lantern support`: finding the kind of support that fits, from three short
//! questions or from flags.

use std::io::{IsTerminal, Write};

use anyhow::Result;

use crate::content::schema::{Question, SupportModel};
use crate::domain::support_finder::{self, Match, Wants};

use super::args::SupportArgs;
use super::context::Context;
use super::plain::{read_line, say, wrap};

/// Which of the three wants a question asks about, judged by what its answers set.
fn asks(question: &Question) -> (bool, bool, bool) {
    let a = &question.answers;
    (
        a.iter().any(|x| x.need.is_some()),
        a.iter().any(|x| x.setting.is_some()),
        a.iter().any(|x| x.formality.is_some()),
    )
}

/// Asks one question on the terminal; `None` when skipped.
fn ask(question: &Question) -> Result<Option<usize>> {
    let mut out = format!("\n{}\n", question.text);
    if let Some(hint) = &question.hint {
        out.push_str(&wrap(hint, 80, "  "));
    }
    for (n, answer) in question.answers.iter().enumerate() {
        out.push_str(&format!("  {}. {}\n", n + 1, answer.text));
    }
    say(&out)?;
    let count = question.answers.len();
    for _ in 0..3 {
        out!("Your answer (1-{count}, Enter to skip): ");
        std::io::stdout().flush()?;
        let Some(line) = read_line()? else {
            return Ok(None);
        };
        if line.is_empty() {
            return Ok(None);
        }
        match line.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => return Ok(Some(n - 1)),
            _ => outln!("Type a number from 1 to {count}, or press Enter to skip."),
        }
    }
    Ok(None)
}

fn print_model(out: &mut String, model: &SupportModel) {
    out.push_str(&format!(
        "\n{}  (model:{})\n",
        model.name,
        model.id.as_ref()
    ));
    out.push_str(&wrap(&model.summary, 80, "  "));
    out.push_str("\n  How to find it:\n");
    out.push_str(&wrap(&model.how_to_find, 80, "    "));
    out.push_str("\n  A question to take away:\n");
    out.push_str(&wrap(&model.question, 80, "    "));
}

pub fn support(ctx: &Context, args: SupportArgs) -> Result<i32> {
    let content = ctx.content();
    let mut wants = Wants {
        need: args.need.as_deref().and_then(support_finder::parse_need),
        setting: args
            .setting
            .as_deref()
            .and_then(support_finder::parse_setting),
        formality: args
            .formality
            .as_deref()
            .and_then(support_finder::parse_formality),
    };
    let given = (
        args.need.is_some(),
        args.setting.is_some(),
        args.formality.is_some(),
    );
    if std::io::stdin().is_terminal() && !(given.0 && given.1 && given.2) {
        for question in content.questions.iter().map(|q| &q.item) {
            let (need, setting, formality) = asks(question);
            let already = (need && given.0) || (setting && given.1) || (formality && given.2);
            if already {
                continue;
            }
            if let Some(answer) = ask(question)?.and_then(|i| question.answers.get(i)) {
                wants.apply(answer);
            }
        }
    }
    let found = support_finder::matches(content.models.iter().map(|m| &m.item), &wants);
    let best_score = found.first().map_or(0, |m| m.score());
    let (best, rest): (Vec<&Match<'_>>, Vec<&Match<'_>>) = found
        .iter()
        .partition(|m| m.fits_all(&wants) || m.score() == best_score);
    let mut out = String::new();
    if !best.is_empty() {
        out.push_str(if std::io::stdin().is_terminal() {
            "\n"
        } else {
            ""
        });
        out.push_str("These could fit what you are looking for:\n");
    }
    for m in &best {
        print_model(&mut out, m.model);
    }
    if !rest.is_empty() {
        out.push_str("\nAlso worth a look:\n");
        for m in &rest {
            out.push_str(&format!(
                "  {}  (model:{})\n",
                m.model.name,
                m.model.id.as_ref()
            ));
        }
    }
    out.push_str("\nlantern content show model:ID tells you more about any of them.\n");
    say(&out)?;
    Ok(0)
}
