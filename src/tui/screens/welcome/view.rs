//! Drawing the welcome: each step's words, the field being typed and what went wrong.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;
use ratatui_textarea::TextArea;

use super::{offered, Cmd, Step, Welcome, KEYS, ROLES};
use crate::tui::screens::Env;
use crate::tui::theme::Theme;

/// A list to choose from, the marked one picked out.
fn choices(
    names: impl Iterator<Item = String>,
    marked: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    names
        .enumerate()
        .map(|(i, name)| {
            let style = if i == marked {
                theme.selected
            } else {
                theme.base
            };
            Line::styled(format!("  {name}  "), style)
        })
        .collect()
}

pub fn view(state: &Welcome, env: &Env<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let box_area = crate::tui::widgets::centered(area, 72, 18);
    let block = Block::bordered()
        .title(" Welcome to Lantern ")
        .border_style(theme.border);
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    // Only the steps that take typing keep room for a field.
    let typed = matches!(state.step, Step::Passphrase | Step::Confirm | Step::Renewal);
    let [text, field, message] = Layout::vertical([
        Constraint::Min(5),
        Constraint::Length(if typed { 3 } else { 0 }),
        Constraint::Length(2),
    ])
    .margin(1)
    .areas(inner);
    let mut lines: Vec<Line> = Vec::new();
    let mut field_widget: Option<&TextArea> = None;
    match state.step {
        Step::Intro => {
            lines.push(Line::styled(
                "A quiet place at the end of the day.",
                theme.title,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                "Check in, write what you need to, and practise being kind to",
                theme.base,
            ));
            lines.push(Line::styled(
                "yourself in work that asks a great deal of you.",
                theme.base,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                "Everything stays on this computer. No account, no internet.",
                theme.accent,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                format!(
                    "Press {} to begin. {} skips any step.",
                    env.key_for(KEYS, Cmd::Next),
                    env.key_for(KEYS, Cmd::Skip)
                ),
                theme.muted,
            ));
        }
        Step::OfferPassphrase => {
            lines.push(Line::styled(
                "Protect your diary with a passphrase?",
                theme.title,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                "Then nobody can read it without the passphrase, even with this",
                theme.base,
            ));
            lines.push(Line::styled(
                "computer. If you forget it, the diary cannot be opened: there is",
                theme.base,
            ));
            lines.push(Line::styled(
                "no way to recover it. You can add one later with `lantern encrypt`.",
                theme.base,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                "y  yes, set a passphrase      n (or Enter)  not now",
                theme.key,
            ));
        }
        Step::Passphrase | Step::Confirm => {
            let again = state.step == Step::Confirm;
            lines.push(Line::styled(
                if again {
                    "Type it once more, to be sure."
                } else {
                    "Choose a passphrase."
                },
                theme.title,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                "A few words you will remember are stronger than one odd word.",
                theme.base,
            ));
            lines.push(Line::styled(
                "Remember: a forgotten passphrase cannot be recovered.",
                theme.warning,
            ));
            field_widget = Some(if again { &state.second } else { &state.first });
        }
        Step::Role => {
            lines.push(Line::styled(
                format!(
                    "What is your work? ({} to skip)",
                    env.key_for(KEYS, Cmd::Skip)
                ),
                theme.title,
            ));
            lines.push(Line::from(""));
            let names = ROLES.iter().map(|(_, name)| name.to_string());
            lines.extend(choices(names, state.role, theme));
        }
        Step::Region => {
            lines.push(Line::styled(
                "Where are you? This picks the help contacts Lantern shows.",
                theme.title,
            ));
            lines.push(Line::from(""));
            let names = offered(env.content).into_iter().map(|r| r.name.clone());
            lines.extend(choices(names, state.region, theme));
            lines.push(Line::from(""));
            // What skipping means, so nobody skips into numbers they cannot call
            // without knowing it.
            let kept = env
                .content
                .region(&env.config.region)
                .map_or("the default", |r| r.name.as_str());
            lines.push(Line::styled(
                format!(
                    "{} to skip: help now then shows {kept} contacts.",
                    env.key_for(KEYS, Cmd::Skip)
                ),
                theme.muted,
            ));
        }
        Step::Registration => {
            lines.push(Line::styled(
                "Are you on a professional register?",
                theme.title,
            ));
            lines.push(Line::styled(
                "Lantern can show your CPD and revalidation cycle. Only if you like.",
                theme.base,
            ));
            lines.push(Line::from(""));
            let names = env
                .content
                .bodies
                .iter()
                .map(|b| b.item.name.clone())
                .chain(["None of these".to_string()]);
            lines.extend(choices(names, state.body, theme));
        }
        Step::Renewal => {
            lines.push(Line::styled(
                "When is your registration next renewed?",
                theme.title,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                "Your cycle counts back from it. You can leave it for now and add",
                theme.base,
            ));
            lines.push(Line::styled(
                "renewal = \"YYYY-MM-DD\" to config.toml later.",
                theme.base,
            ));
            field_widget = Some(&*state.renewal);
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text);
    if let Some(f) = field_widget {
        let mut f = f.clone();
        f.set_block(Block::bordered().border_style(theme.accent));
        f.set_placeholder_style(theme.muted);
        frame.render_widget(&f, field);
    }
    if let Some(m) = &state.message {
        frame.render_widget(
            Paragraph::new(Line::styled(m.clone(), theme.warning)).wrap(Wrap { trim: true }),
            message,
        );
    }
}
