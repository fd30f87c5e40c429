//! The confidentiality check: finds details in writing that could identify someone
//! (numbers, postcodes, addresses, names) so the person can take them out before
//! anything is shared. Pure: the patterns come from content, the watch words from the
//! caller. Nothing found here is logged or sent anywhere.

pub mod checkin;
pub mod entry;
mod rules;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use regex::Regex;

use crate::content::Content;

/// One detail found: which pattern, where (byte offsets), and what would replace it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The pattern's id in content (`nhs-number`, `postcode` …).
    pub kind: String,
    pub label: String,
    pub start: usize,
    pub end: usize,
    pub placeholder: String,
}

struct Detector {
    id: String,
    label: String,
    placeholder: String,
    regex: Regex,
    rule: Option<String>,
    except: HashSet<String>,
}

/// Every detector, compiled once, with the English word list and the watch words.
pub struct Detectors {
    detectors: Vec<Detector>,
    words: HashSet<&'static str>,
}

impl Detectors {
    /// Builds the detectors from content's patterns. A pattern whose regex does not
    /// compile is left out (`content check` names it); watch words are matched whole,
    /// in any case.
    pub fn new(content: &Content, watch: &[String]) -> Detectors {
        let mut detectors = Vec::new();
        for placed in &content.patterns {
            let pattern = &placed.item;
            let rule = pattern.check.as_ref().map(|c| c.as_ref().clone());
            let regex = match (&pattern.regex, rule.as_deref()) {
                (Some(regex), _) => Regex::new(regex.as_ref()).ok(),
                (None, Some("watch")) => watch_regex(watch),
                (None, _) => None,
            };
            let Some(regex) = regex else { continue };
            detectors.push(Detector {
                id: pattern.id.as_ref().clone(),
                label: pattern.label.clone(),
                placeholder: pattern.placeholder.clone(),
                regex,
                rule,
                except: pattern.except.iter().map(|e| e.to_lowercase()).collect(),
            });
        }
        Detectors {
            detectors,
            words: english_words(crate::content::schema::ENGLISH_WORDS),
        }
    }
}

fn watch_regex(watch: &[String]) -> Option<Regex> {
    let words: Vec<String> = watch
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .map(regex::escape)
        .collect();
    if words.is_empty() {
        return None;
    }
    Regex::new(&format!(r"(?i)\b(?:{})\b", words.join("|"))).ok()
}

/// The word list file: one lower-case word a line, `#` lines are notes.
fn english_words(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Every detail in `text` that could identify someone, in order, none overlapping
/// (where two detectors match the same words, the earlier and longer match wins; a
/// watch word wins over a guessed name).
pub fn check_text(text: &str, detectors: &Detectors) -> Vec<Finding> {
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (index, detector) in detectors.detectors.iter().enumerate() {
        for m in detector.regex.find_iter(text) {
            if detector.except.contains(&m.as_str().to_lowercase()) {
                continue;
            }
            let keep = match detector.rule.as_deref() {
                None | Some("watch") => true,
                Some(rule) => rules::passes(rule, text, m.start(), m.end(), &detectors.words),
            };
            if keep {
                found.push((m.start(), m.end(), index));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut out: Vec<Finding> = Vec::new();
    for (start, end, index) in found {
        if out.last().is_some_and(|last| start < last.end) {
            continue;
        }
        let detector = &detectors.detectors[index];
        out.push(Finding {
            kind: detector.id.clone(),
            label: detector.label.clone(),
            start,
            end,
            placeholder: detector.placeholder.clone(),
        });
    }
    out
}

/// `text` with each finding given replaced by its placeholder. Findings must come from
/// `check_text` on this same text (sorted, not overlapping); any that do not fit are
/// skipped rather than cut a character in half.
pub fn redact(text: &str, findings: &[Finding]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for finding in findings {
        if finding.start < at
            || finding.end > text.len()
            || !text.is_char_boundary(finding.start)
            || !text.is_char_boundary(finding.end)
        {
            continue;
        }
        out.push_str(&text[at..finding.start]);
        out.push_str(&finding.placeholder);
        at = finding.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The words around a finding, for showing it in context: (before, the match, after),
/// up to `words` words each side, on one line.
pub fn context<'a>(text: &'a str, finding: &Finding, words: usize) -> (String, &'a str, String) {
    let before = &text[..finding.start];
    let after = &text[finding.end..];
    let mut before_words: Vec<&str> = before.split_whitespace().rev().take(words).collect();
    before_words.reverse();
    let mut before_text = before_words.join(" ");
    if before.ends_with(char::is_whitespace) && !before_text.is_empty() {
        before_text.push(' ');
    }
    let mut after_text = String::new();
    if after.starts_with(char::is_whitespace) {
        after_text.push(' ');
    }
    after_text.push_str(
        &after
            .split_whitespace()
            .take(words)
            .collect::<Vec<_>>()
            .join(" "),
    );
    (before_text, &text[finding.start..finding.end], after_text)
}
