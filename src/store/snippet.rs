//! Snippets for search results, made in Rust from the text of the rows shown: a few
//! words around the first match, with every match marked. FTS5's own `snippet()`
//! scores every match against every other, which grows with the square of an entry's
//! length; this reads only as far as the words it shows.

use super::SearchHit;

/// How many words a snippet shows, as FTS5's `snippet(…, 12)` did.
const SNIPPET_TOKENS: usize = 12;
/// How many of them come before the first match.
const SNIPPET_LEAD: usize = 3;

/// One word of a query as the index sees it: folded, and whether it is a prefix.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Term {
    folded: String,
    prefix: bool,
}

/// The words of a query, split and folded as `unicode61 remove_diacritics 2` splits
/// and folds text, for marking matches in a snippet.
pub(super) fn query_terms(text: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for word in text.split_whitespace().take(SearchHit::MAX_QUERY_WORDS) {
        let prefix = word.ends_with('*');
        let tokens: Vec<(usize, usize)> = tokens(word).collect();
        let last = tokens.len().saturating_sub(1);
        for (n, (start, end)) in tokens.into_iter().enumerate() {
            let mut folded = String::new();
            fold_into(&word[start..end], &mut folded);
            terms.push(Term {
                folded,
                prefix: prefix && n == last,
            });
        }
    }
    terms
}

/// Part of a word to the unicode61 tokenizer: letters, numbers, private use, and the
/// combining marks that remove_diacritics drops.
fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36f}' | '\u{e000}'..='\u{f8ff}')
}

/// The byte ranges of the words of `text`.
fn tokens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if is_token_char(c) {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_token_char(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// Lower-case without accents, for the common Latin letters, as the index folds them.
/// A letter this does not fold is only left unmarked in a snippet; which entries match
/// is always FTS5's own decision.
fn fold_into(word: &str, out: &mut String) {
    const LATIN_1: &str = "aaaaaa\u{e6}ceeeeiiii\u{f0}nooooo\u{d7}\u{f8}uuuuy\u{fe}\u{df}aaaaaa\u{e6}ceeeeiiii\u{f0}nooooo\u{f7}\u{f8}uuuuy\u{fe}y";
    const EXTENDED_A: &str = "aaaaaaccccccccdd\u{111}\u{111}eeeeeeeeeegggggggghh\u{127}\u{127}iiiiiiiii\u{131}\u{133}\u{133}jjkk\u{138}llllll\u{140}\u{140}\u{142}\u{142}nnnnnn\u{149}\u{14b}\u{14b}oooooo\u{153}\u{153}rrrrrrsssssssstttt\u{167}\u{167}uuuuuuuuuuuuwwyyyzzzzzz\u{17f}";
    out.clear();
    for c in word.chars() {
        match c {
            '\u{300}'..='\u{36f}' => {}
            '\u{c0}'..='\u{ff}' => out.push(LATIN_1.chars().nth(c as usize - 0xc0).unwrap_or(c)),
            '\u{100}'..='\u{17f}' => {
                out.push(EXTENDED_A.chars().nth(c as usize - 0x100).unwrap_or(c))
            }
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

fn matches_any(folded: &str, terms: &[Term]) -> bool {
    terms.iter().any(|t| {
        if t.prefix {
            folded.starts_with(&t.folded)
        } else {
            folded == t.folded
        }
    })
}

/// A snippet of `text` around its first word that matches `terms`: a few words before
/// it, then the rest of twelve, with every match marked and `…` where text was cut.
/// Reads `text` only up to the end of the snippet, so it costs the same for a line as
/// for ten megabytes. None when no word matches.
pub(super) fn snippet_of(text: &str, terms: &[Term]) -> Option<String> {
    let mut folded = String::new();
    let mut before: std::collections::VecDeque<(usize, usize)> =
        std::collections::VecDeque::with_capacity(SNIPPET_LEAD + 1);
    let mut all = tokens(text);
    let mut skipped_any = false;
    let first = loop {
        let span = all.next()?;
        fold_into(&text[span.0..span.1], &mut folded);
        if matches_any(&folded, terms) {
            break span;
        }
        if before.len() == SNIPPET_LEAD {
            before.pop_front();
            skipped_any = true;
        }
        before.push_back(span);
    };
    let mut shown: Vec<((usize, usize), bool)> = before.into_iter().map(|s| (s, false)).collect();
    shown.push((first, true));
    let mut more_after = false;
    for span in all {
        if shown.len() == SNIPPET_TOKENS {
            more_after = true;
            break;
        }
        fold_into(&text[span.0..span.1], &mut folded);
        shown.push((span, matches_any(&folded, terms)));
    }
    Some(marked(text, &shown, skipped_any, more_after))
}

/// The first twelve words of `text`, unmarked, for a hit whose match the snippet
/// could not place.
pub(super) fn head_of(text: &str) -> String {
    let mut all = tokens(text);
    let shown: Vec<((usize, usize), bool)> = all
        .by_ref()
        .take(SNIPPET_TOKENS)
        .map(|s| (s, false))
        .collect();
    let more_after = shown.len() == SNIPPET_TOKENS && all.next().is_some();
    marked(text, &shown, false, more_after)
}

fn marked(
    text: &str,
    shown: &[((usize, usize), bool)],
    cut_before: bool,
    cut_after: bool,
) -> String {
    let mut out = String::new();
    if cut_before {
        out.push('…');
    }
    // Uncut ends keep the text's own punctuation around the first and last words.
    let mut at = match shown.first() {
        Some(((start, _), _)) if cut_before => *start,
        _ => 0,
    };
    for &((start, end), hit) in shown {
        out.push_str(&text[at..start]);
        if hit {
            out.push(SearchHit::MARK_START);
            out.push_str(&text[start..end]);
            out.push(SearchHit::MARK_END);
        } else {
            out.push_str(&text[start..end]);
        }
        at = end;
    }
    if cut_after {
        out.push('…');
    } else {
        out.push_str(&text[at..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snippet(text: &str, query: &str) -> Option<String> {
        snippet_of(text, &query_terms(query)).map(|s| {
            s.replace(SearchHit::MARK_START, "[")
                .replace(SearchHit::MARK_END, "]")
        })
    }

    #[test]
    fn a_snippet_marks_every_match_in_a_window_around_the_first() {
        assert_eq!(
            snippet(
                "Before the visit I took three slow breaths and felt steadier.",
                "breaths"
            )
            .as_deref(),
            Some("…took three slow [breaths] and felt steadier.")
        );
        assert_eq!(
            snippet(
                "one two three four five six seven eight nine ten eleven twelve thirteen",
                "one"
            )
            .as_deref(),
            Some("[one] two three four five six seven eight nine ten eleven twelve…")
        );
        assert_eq!(
            snippet("A kestrel, then a Kestrel again.", "KESTREL").as_deref(),
            Some("A [kestrel], then a [Kestrel] again.")
        );
        assert_eq!(snippet("nothing here", "kestrel"), None);
    }

    #[test]
    fn a_snippet_folds_accents_and_keeps_prefixes_as_the_index_does() {
        assert_eq!(
            snippet("Un café noir.", "cafe").as_deref(),
            Some("Un [café] noir.")
        );
        assert_eq!(
            snippet("Un cafe noir.", "CAFÉ").as_deref(),
            Some("Un [cafe] noir.")
        );
        assert_eq!(
            snippet("Supervision went well.", "sup*").as_deref(),
            Some("[Supervision] went well.")
        );
        assert_eq!(
            snippet("Zażółć gęślą jaźń", "gęślą").as_deref(),
            Some("Zażółć [gęślą] jaźń")
        );
    }
}
