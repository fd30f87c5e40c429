//! The rules a match must also pass, named by a pattern's `check`: check digits, the
//! letters HMRC allows, a birth cue, a word that is not everyday English.

use std::collections::HashSet;

use chrono::NaiveDate;

/// Whether the match `text[start..end]` passes the rule `rule`.
pub fn passes(rule: &str, text: &str, start: usize, end: usize, words: &HashSet<&str>) -> bool {
    let matched = &text[start..end];
    match rule {
        "nhs" => ten_digits(matched).is_some_and(|d| mod11(&d) && !chi_shape(&d) && !hc_range(&d)),
        "chi" => ten_digits(matched).is_some_and(|d| mod11(&d) && chi_shape(&d)),
        "hc" => ten_digits(matched).is_some_and(|d| mod11(&d) && hc_range(&d)),
        "ni" => ni_prefix_allowed(matched),
        "phone" => phone_digits(matched),
        "birth" => birth_cue_before(&text[..start]),
        "name" => looks_like_name(text, start, matched, words),
        _ => true,
    }
}

fn ten_digits(matched: &str) -> Option<[u32; 10]> {
    let digits: Vec<u32> = matched.chars().filter_map(|c| c.to_digit(10)).collect();
    digits.try_into().ok()
}

/// The modulus 11 check digit NHS, CHI and H&C numbers share: weights 10 down to 2 on
/// the first nine digits; 11 minus the remainder is the tenth (11 means 0, 10 never
/// stands).
pub fn mod11(d: &[u32; 10]) -> bool {
    let sum: u32 = d[..9].iter().zip((2..=10).rev()).map(|(d, w)| d * w).sum();
    match 11 - sum % 11 {
        11 => d[9] == 0,
        10 => false,
        check => d[9] == check,
    }
}

/// CHI numbers begin with the date of birth as DDMMYY.
fn chi_shape(d: &[u32; 10]) -> bool {
    let day = d[0] * 10 + d[1];
    let month = d[2] * 10 + d[3];
    let year = d[4] * 10 + d[5];
    NaiveDate::from_ymd_opt(2000 + year as i32, month, day).is_some()
        || NaiveDate::from_ymd_opt(1900 + year as i32, month, day).is_some()
}

/// Northern Ireland's health and care numbers run from 320 000 001 to 399 999 999.
fn hc_range(d: &[u32; 10]) -> bool {
    d[0] == 3 && d[1] >= 2
}

/// HMRC never issues these prefixes, so a match starting with one is something else.
fn ni_prefix_allowed(matched: &str) -> bool {
    let prefix: String = matched.chars().take(2).collect::<String>().to_uppercase();
    !matches!(
        prefix.as_str(),
        "BG" | "GB" | "NK" | "KN" | "TN" | "NT" | "ZZ"
    )
}

/// A UK number has eleven digits written nationally (0 and ten more) or twelve after 44.
fn phone_digits(matched: &str) -> bool {
    let digits = matched.chars().filter(char::is_ascii_digit).count();
    if matched.starts_with('+') {
        // +44 (0) 20 … writes a zero that is not dialled.
        digits == 12 || (digits == 13 && matched.contains("(0)"))
    } else {
        digits == 11
    }
}

/// A date counts as a date of birth only with a cue in the few words before it:
/// "DOB", "d.o.b.", "born", "birth", "birthday". Other dates (a visit, a meeting) are
/// left alone, so the list stays short enough to read.
fn birth_cue_before(before: &str) -> bool {
    let tail: String = before
        .chars()
        .rev()
        .take(32)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    ["dob", "d.o.b", "born", "birth"]
        .iter()
        .any(|cue| tail.contains(cue))
}

/// A capitalised word that is not everyday English and does not start a sentence, or
/// any capitalised word straight after a title (Mrs Smith: "smith" is a word too).
fn looks_like_name(text: &str, start: usize, word: &str, words: &HashSet<&str>) -> bool {
    let before = &text[..start];
    let previous = before.split_whitespace().next_back().unwrap_or("");
    let after_title = matches!(
        previous.trim_end_matches('.'),
        "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Mx"
    );
    if after_title && before.ends_with(' ') {
        return true;
    }
    let unknown = |w: &str| {
        let lower = w.to_lowercase();
        !lower.split('-').all(|part| words.contains(part))
    };
    if sentence_start(before) {
        // A first name that starts a sentence is still a name when a surname follows
        // it: "Sarah Jones came in" (neither an everyday word).
        let next = text[start + word.len()..]
            .strip_prefix(' ')
            .and_then(|rest| rest.split(|c: char| !c.is_alphabetic() && c != '-').next())
            .unwrap_or("");
        let capitalised = next.chars().next().is_some_and(char::is_uppercase)
            && next.chars().skip(1).all(|c| c.is_lowercase() || c == '-');
        return unknown(word) && capitalised && unknown(next);
    }
    unknown(word)
}

/// Whether a word after `before` begins a sentence, a line or a quotation.
fn sentence_start(before: &str) -> bool {
    for c in before.chars().rev() {
        match c {
            ' ' | '\t' | '"' | '\'' | '(' | '“' | '‘' | '*' | '-' | '#' | '>' => continue,
            '.' | '!' | '?' | ':' | '\n' | '…' => return true,
            _ => return false,
        }
    }
    true
}
