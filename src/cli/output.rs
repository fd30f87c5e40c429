//! How the command line prints things: plain text a person can read and a script can
//! still parse, with colour only on a terminal and never under NO_COLOR.

use std::borrow::Cow;
use std::io::IsTerminal;

use crate::domain::checkin::CheckIn;
use crate::domain::entry::Entry;
use crate::store::{EntrySummary, SearchHit};

pub fn colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

pub use crate::text::printable::safe;

/// A whole document (a Markdown export, a supervision preparation) printed to standard
/// output: made safe when a person is reading it on a terminal, left exact otherwise
/// (`> file`, a pipe), since then it is an export.
pub fn document(text: &str) -> Cow<'_, str> {
    if std::io::stdout().is_terminal() {
        safe(text)
    } else {
        Cow::Borrowed(text)
    }
}

fn tags(tags: &[String]) -> String {
    tags.iter()
        .map(|t| format!("#{}", safe(t)))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn entry_line(e: &EntrySummary) -> String {
    let mut line = format!(
        "{:>6}  {}  {}",
        e.id,
        e.created.format("%Y-%m-%d %H:%M"),
        safe(&e.title)
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
        line.push_str(&format!("  {}", safe(system)));
    }
    if !c.words.is_empty() {
        line.push_str(&format!("  {}", safe(&c.words.join(", "))));
    }
    if !c.tags.is_empty() {
        line.push_str(&format!("  {}", tags(&c.tags)));
    }
    if let Some(good) = &c.good_moment {
        line.push_str(&format!(
            "  good moment: {}",
            safe(&good.replace('\n', " "))
        ));
    }
    line
}

/// A snippet with its matches in bold on a terminal, or in [brackets] otherwise. The
/// text between the marks is made safe; only Lantern's own bold reaches the terminal.
pub fn snippet(hit: &SearchHit, colour: bool) -> String {
    let (start, end) = if colour {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut out = String::with_capacity(hit.snippet.len() + 8);
    for word in hit.snippet.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for (n, piece) in word.split(SearchHit::MARK_START).enumerate() {
            if n > 0 {
                out.push_str(start);
            }
            for (m, part) in piece.split(SearchHit::MARK_END).enumerate() {
                if m > 0 {
                    out.push_str(end);
                }
                out.push_str(&safe(part));
            }
        }
    }
    out
}

pub fn entry_full(e: &Entry) -> String {
    let mut out = format!("#{}  {}\n", e.id, e.created.format("%A %-d %B %Y, %H:%M"));
    if !e.title.trim().is_empty() {
        out.push_str(&format!("{}\n", safe(e.title.trim())));
    }
    if !e.tags.is_empty() {
        out.push_str(&format!("{}\n", tags(&e.tags)));
    }
    if let Some(t) = &e.template_id {
        out.push_str(&format!("template: {}\n", safe(t)));
    }
    if !e.body.trim().is_empty() {
        out.push_str(&format!("\n{}\n", safe(e.body.trim_end())));
    }
    for a in &e.answers {
        out.push_str(&format!(
            "\n{}\n{}\n",
            safe(&a.prompt),
            safe(a.text.trim_end())
        ));
    }
    out
}

/// Text from bytes that should be UTF-8 but may not be (a pipe from another program, a
/// file an editor saved in another encoding): nothing is refused, bytes that are not
/// text become U+FFFD, and one line on stderr says so.
pub fn text_from(bytes: Vec<u8>, what: &str) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            say_not_utf8(what);
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}

/// The line on stderr that says some bytes in `what` were not text.
pub fn say_not_utf8(what: &str) {
    errln!("lantern: {}", crate::host::editor::not_utf8_note(what));
}

/// All of standard input as text, as `text_from` reads it.
pub fn read_stdin(what: &str) -> anyhow::Result<String> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| anyhow::Error::new(e).context(format!("reading {what}")))?;
    Ok(text_from(bytes, what))
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn control_characters_are_made_visible_and_text_is_kept() {
        assert_eq!(safe("x \x1b]0;pwned\x07"), "x ^[]0;pwned^G");
        assert_eq!(safe("a\r\u{7f}\u{9b}b"), "a^M^?\u{fffd}b");
        assert_eq!(safe("lines\n\tstay, é ✓"), "lines\n\tstay, é ✓");
    }
}
