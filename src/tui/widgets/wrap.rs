//! Lines wrapped to a width at words, keeping their indent: a line that starts with
//! spaces (and perhaps a bullet) goes on under its own first word, not at the border.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::fit;

/// Each of `lines` wrapped to `width` columns. A wrapped line's later rows start
/// under its first word; no row starts with a space, and a word wider than the row
/// is cut by character. Styles, the line's own style and its alignment are kept.
pub fn wrap_lines(lines: Vec<Line<'_>>, width: u16) -> Vec<Line<'static>> {
    lines
        .iter()
        .flat_map(|l| wrap_line(l, usize::from(width)))
        .collect()
}

/// `line` kept to one row of `width` columns: when it is wider, it ends at a whole
/// word with "…", each part keeping its style.
pub fn fit_line(line: Line<'_>, width: u16) -> Line<'static> {
    let whole: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let fitted = fit::truncate(&whole, usize::from(width));
    let keep = fitted.strip_suffix(fit::ELLIPSIS).unwrap_or(&fitted);
    let cut = fitted.len() != keep.len();
    let mut left = keep.len();
    let mut spans: Vec<Span<'static>> = Vec::new();
    for span in &line.spans {
        if left == 0 {
            break;
        }
        let text = span.content.as_ref();
        let take = text.len().min(left);
        // `keep` is a prefix of `whole`, so `take` falls on a character boundary.
        let part = text.get(..take).unwrap_or(text);
        left -= part.len();
        spans.push(Span::styled(part.to_string(), span.style));
    }
    if cut {
        let style = spans.last().map(|s| s.style).unwrap_or_default();
        spans.push(Span::styled(fit::ELLIPSIS, style));
    }
    Line::from(spans).style(line.style)
}

/// The columns a wrapped row starts at: the line's leading spaces, and a bullet or
/// number after them, so a list item's later rows line up with its text; in a
/// table of keys ("  Ctrl-S   save…") the column after the gap, so the words line
/// up under the words.
fn hanging(text: &str, width: usize) -> usize {
    let spaces = text.len() - text.trim_start_matches(' ').len();
    let rest = &text[spaces..];
    if let Some(gap) = rest.find("   ").filter(|&at| at > 0) {
        let after = gap + rest[gap..].len() - rest[gap..].trim_start_matches(' ').len();
        let column = fit::width(&text[..spaces + after]);
        if column * 2 <= width && spaces + after < text.len() {
            return column;
        }
    }
    marked(text)
}

fn marked(text: &str) -> usize {
    let spaces = text.len() - text.trim_start_matches(' ').len();
    let rest = &text[spaces..];
    let marker = ["• ", "· ", "- ", "* ", "› "]
        .iter()
        .find(|m| rest.starts_with(*m))
        .map(|m| fit::width(m))
        .or_else(|| {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            let after = &rest[digits..];
            (digits > 0 && (after.starts_with(". ") || after.starts_with(") ")))
                .then_some(digits + 2)
        })
        .unwrap_or(0);
    fit::width(&text[..spaces]) + marker
}

/// One word and the style of each of its characters, with the style of the space
/// before it.
struct Word {
    chars: Vec<(char, Style)>,
    width: usize,
    space: Style,
}

fn words_of(line: &Line<'_>, width: usize) -> (Vec<(char, Style)>, Vec<Word>) {
    let chars: Vec<(char, Style)> = line
        .spans
        .iter()
        .flat_map(|s| s.content.chars().map(move |c| (c, s.style)))
        .collect();
    let text: String = chars.iter().map(|(c, _)| c).collect();
    let lead = hanging(&text, width);
    // The lead (indent and marker) stays on the first row as it is.
    let mut used = 0;
    let mut split = 0;
    for (c, _) in &chars {
        if used >= lead {
            break;
        }
        used += char_width(*c);
        split += 1;
    }
    let (head, body) = chars.split_at(split);
    let mut words = Vec::new();
    let mut current: Vec<(char, Style)> = Vec::new();
    let mut space = Style::default();
    for &(c, style) in body {
        if c.is_whitespace() {
            if !current.is_empty() {
                words.push(finish(std::mem::take(&mut current), space));
            }
            space = style;
        } else {
            current.push((c, style));
        }
    }
    if !current.is_empty() {
        words.push(finish(current, space));
    }
    (head.to_vec(), words)
}

fn finish(chars: Vec<(char, Style)>, space: Style) -> Word {
    let width = chars.iter().map(|(c, _)| char_width(*c)).sum();
    Word {
        chars,
        width,
        space,
    }
}

fn char_width(c: char) -> usize {
    fit::width(c.encode_utf8(&mut [0; 4]))
}

fn wrap_line(line: &Line<'_>, width: usize) -> Vec<Line<'static>> {
    if line.width() <= width || width == 0 {
        return vec![own(line)];
    }
    let (head, words) = words_of(line, width);
    let indent = head.iter().map(|(c, _)| char_width(*c)).sum::<usize>();
    // An indent that leaves no room for words is dropped on the later rows.
    let indent = if indent * 2 > width { 0 } else { indent };
    let mut rows: Vec<Vec<(char, Style)>> = vec![head];
    let mut used = rows[0].iter().map(|(c, _)| char_width(*c)).sum::<usize>();
    let mut has_word = false;
    for word in words {
        let mut rest = word.chars.as_slice();
        let mut rest_width = word.width;
        loop {
            let space = usize::from(has_word);
            if used + space + rest_width <= width {
                // `rows` starts with the head row and only grows.
                if let Some(row) = rows.last_mut() {
                    if has_word {
                        row.push((' ', word.space));
                    }
                    row.extend_from_slice(rest);
                }
                used += space + rest_width;
                has_word = true;
                break;
            }
            if has_word {
                rows.push(vec![(' ', Style::default()); indent]);
                used = indent;
                has_word = false;
                continue;
            }
            // A word wider than a whole row: as much as fits, the rest on the next.
            let room = width.saturating_sub(used).max(1);
            let mut taken = 0;
            let mut cut = 0;
            for (c, _) in rest {
                let w = char_width(*c);
                if taken + w > room && cut > 0 {
                    break;
                }
                taken += w;
                cut += 1;
            }
            if let Some(row) = rows.last_mut() {
                row.extend_from_slice(&rest[..cut]);
            }
            rest = &rest[cut..];
            rest_width -= taken;
            if rest.is_empty() {
                has_word = true;
                used += taken;
                break;
            }
            rows.push(vec![(' ', Style::default()); indent]);
            used = indent;
        }
    }
    rows.into_iter()
        .map(|row| {
            let mut out = Line::from(spans_of(row)).style(line.style);
            out.alignment = line.alignment;
            out
        })
        .collect()
}

/// Characters back into spans, one per run of a style.
fn spans_of(row: Vec<(char, Style)>) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style = None;
    for (c, s) in row {
        if style.is_some_and(|st| st != s) {
            spans.push(Span::styled(
                std::mem::take(&mut text),
                style.unwrap_or_default(),
            ));
        }
        style = Some(s);
        text.push(c);
    }
    if !text.is_empty() {
        spans.push(Span::styled(text, style.unwrap_or_default()));
    }
    spans
}

fn own(line: &Line<'_>) -> Line<'static> {
    let spans: Vec<Span<'static>> = line
        .spans
        .iter()
        .map(|s| Span::styled(s.content.to_string(), s.style))
        .collect();
    let mut out = Line::from(spans).style(line.style);
    out.alignment = line.alignment;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn a_line_too_wide_ends_at_a_word_and_keeps_each_part_s_style() {
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let line = Line::from(vec![
            Span::raw(" 4 Nov  "),
            Span::styled("Morning check-in about the supervision", bold),
        ]);
        let fitted = fit_line(line.clone(), 30);
        assert_eq!(fitted.to_string(), " 4 Nov  Morning check-in…");
        assert_eq!(fitted.spans[0].content, " 4 Nov  ");
        assert_eq!(fitted.spans[1].style, bold);
        assert_eq!(fitted.spans.last().map(|s| s.style), Some(bold));
        assert_eq!(fit_line(line.clone(), 80).to_string(), line.to_string());
        let accents = Line::from(vec![Span::raw("café "), Span::raw("crème brûlée déjà vu")]);
        assert_eq!(fit_line(accents, 14).to_string(), "café crème…");
    }

    #[test]
    fn a_wrapped_line_keeps_its_indent() {
        let line = Line::from("  You sound low and tired today. Try speaking kindly.");
        let rows = texts(&wrap_lines(vec![line], 24));
        assert_eq!(
            rows,
            vec![
                "  You sound low and",
                "  tired today. Try",
                "  speaking kindly."
            ]
        );
    }

    #[test]
    fn a_bullet_hangs_and_styles_stay_with_their_words() {
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let line = Line::from(vec![
            Span::raw("  • call "),
            Span::styled("Samaritans", bold),
            Span::raw(" on 116 123, any time"),
        ]);
        let rows = wrap_lines(vec![line], 20);
        assert_eq!(
            texts(&rows),
            vec!["  • call Samaritans", "    on 116 123, any", "    time"]
        );
        assert!(rows[0]
            .spans
            .iter()
            .any(|s| s.content == "Samaritans" && s.style == bold));
        let key = Line::from("  Ctrl-S s     save the check-in from any step");
        assert_eq!(
            texts(&wrap_lines(vec![key], 34)),
            vec![
                "  Ctrl-S s     save the check-in",
                "               from any step"
            ]
        );
    }

    #[test]
    fn a_word_wider_than_the_row_is_cut_and_short_lines_are_left_alone() {
        let rows = texts(&wrap_lines(vec![Line::from("  abcdefghijkl")], 8));
        assert_eq!(rows, vec!["  abcdef", "  ghijkl"]);
        let rows = texts(&wrap_lines(vec![Line::from("   ok  ")], 8));
        assert_eq!(rows, vec!["   ok  "]);
    }
}
