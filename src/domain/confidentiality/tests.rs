use super::*;
use crate::content::built_in;

fn kinds(text: &str) -> Vec<(String, String)> {
    kinds_watching(text, &[])
}

fn kinds_watching(text: &str, watch: &[String]) -> Vec<(String, String)> {
    let detectors = Detectors::new(&built_in(), watch);
    check_text(text, &detectors)
        .into_iter()
        .map(|f| (f.kind, text[f.start..f.end].to_string()))
        .collect()
}

fn has(text: &str, kind: &str, matched: &str) -> bool {
    kinds(text).iter().any(|(k, m)| k == kind && m == matched)
}

fn none_of(text: &str, kind: &str) -> bool {
    kinds(text).iter().all(|(k, _)| k != kind)
}

#[test]
fn nhs_numbers_need_their_check_digit() {
    assert!(has(
        "Her number is 943 476 5919 on the form",
        "nhs-number",
        "943 476 5919"
    ));
    assert!(has("ref 9434765919.", "nhs-number", "9434765919"));
    assert!(has("ref 943-476-5919.", "nhs-number", "943-476-5919"));
    assert!(none_of(
        "Her number is 943 476 5918 on the form",
        "nhs-number"
    ));
    assert!(none_of(
        "Her number is 943 476 5918 on the form",
        "chi-number"
    ));
    assert!(none_of("a long number 94347659190 here", "nhs-number"));
}

#[test]
fn chi_and_hc_numbers_are_told_apart() {
    // 010180 1234? choose a valid check digit: find one by the rule itself.
    let chi = (0..10)
        .map(|d| format!("010180123{d}"))
        .find(|n| rules::mod11(&digits(n)))
        .expect("some digit checks out"); // ok: test
    assert!(has(&format!("number {chi} here"), "chi-number", &chi));
    let hc = (0..10)
        .map(|d| format!("320123456{d}"))
        .find(|n| rules::mod11(&digits(n)))
        .expect("some digit checks out"); // ok: test
    assert!(has(&format!("number {hc} here"), "hc-number", &hc));
    // Day 40 is no date: not CHI.
    let not_chi = (0..10)
        .map(|d| format!("401380123{d}"))
        .find(|n| rules::mod11(&digits(n)));
    if let Some(n) = not_chi {
        assert!(none_of(&format!("number {n} here"), "chi-number"));
    }
}

fn digits(n: &str) -> [u32; 10] {
    let v: Vec<u32> = n.chars().filter_map(|c| c.to_digit(10)).collect();
    v.try_into().expect("ten digits") // ok: test
}

#[test]
fn ni_numbers_follow_hmrc_letters() {
    assert!(has("NI AB 12 34 56 C today", "ni-number", "AB 12 34 56 C"));
    assert!(has("NI AB123456C today", "ni-number", "AB123456C"));
    assert!(none_of("NI GB123456C today", "ni-number"));
    assert!(none_of("NI BG123456A today", "ni-number"));
    assert!(none_of("NI DA123456A today", "ni-number"));
    assert!(none_of("NI AO123456A today", "ni-number"));
    assert!(none_of("NI AB123456E today", "ni-number"));
}

#[test]
fn postcodes_full_and_outward() {
    assert!(has("they live at LS6 2QT now", "postcode", "LS6 2QT"));
    assert!(has("they live at sw1a 1aa now", "postcode", "sw1a 1aa"));
    assert!(has("moved to M1 1AE last week", "postcode", "M1 1AE"));
    assert!(has("somewhere in LS6 by the park", "postcode-area", "LS6"));
    // One-letter areas alone are too like roads, vitamins and paper sizes.
    assert!(none_of("drove up the A1 and the M1", "postcode-area"));
    assert!(none_of("she takes B12 daily", "postcode-area"));
    assert!(none_of("the CO2 levels in the room", "postcode-area"));
}

#[test]
fn phones_and_emails() {
    assert!(has("ring 07700 900123 later", "phone", "07700 900123"));
    assert!(has(
        "ring +44 7700 900123 later",
        "phone",
        "+44 7700 900123"
    ));
    assert!(has("office 0113 496 0000.", "phone", "0113 496 0000"));
    assert!(has("office 020 7946 0018.", "phone", "020 7946 0018"));
    assert!(none_of("ring 0770 090 later", "phone"));
    assert!(has(
        "mail jo.bloggs@example.org today",
        "email",
        "jo.bloggs@example.org"
    ));
    assert!(none_of("we met @ the office", "email"));
}

#[test]
fn dates_count_only_with_a_birth_cue() {
    assert!(has("DOB 12/03/2019, seen", "birth-date", "12/03/2019"));
    assert!(has(
        "she was born on 4th May 2021 in",
        "birth-date",
        "4th May 2021"
    ));
    assert!(has("d.o.b. 01-02-18", "birth-date", "01-02-18"));
    assert!(none_of("on 12/03/2025 we met", "birth-date"));
}

#[test]
fn street_addresses_and_schools() {
    assert!(has(
        "visited 12 Acacia Road today",
        "street-address",
        "12 Acacia Road"
    ));
    assert!(has(
        "at 3 Long Meadow Close.",
        "street-address",
        "3 Long Meadow Close"
    ));
    assert!(none_of("about 12 roads away", "street-address"));
    assert!(has(
        "goes to Hillside Primary School now",
        "school-or-practice",
        "Hillside Primary School"
    ));
    assert!(has(
        "registered at Elm Tree Surgery.",
        "school-or-practice",
        "Elm Tree Surgery"
    ));
    assert!(none_of(
        "we talked about good practice today",
        "school-or-practice"
    ));
}

#[test]
fn names_are_capitalised_words_outside_the_word_list() {
    assert!(has("today I saw Amelia and her mum", "name", "Amelia"));
    assert!(has("spoke with Mrs Smith about it", "name", "Smith"));
    // At a sentence start, a known word, a month, a day, the pronoun: not names.
    assert!(none_of("Amelia was tired.", "name"));
    assert!(none_of("it was a Hard day. We rested", "name"));
    assert!(none_of("on Monday in March I rested", "name"));
}

#[test]
fn watch_words_are_found_in_any_case() {
    let watch = vec!["Grace".to_string()];
    let found = kinds_watching("then grace said hello", &watch);
    assert!(found.iter().any(|(k, m)| k == "watch-word" && m == "grace"));
    assert!(kinds("then grace said hello").is_empty());
}

#[test]
fn redact_replaces_only_what_is_given() {
    let detectors = Detectors::new(&built_in(), &[]);
    let text = "Seen at LS6 2QT, NHS 943 476 5919.";
    let found = check_text(text, &detectors);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        redact(text, &found),
        "Seen at [postcode], NHS [NHS number]."
    );
    assert_eq!(
        redact(text, &found[1..]),
        "Seen at LS6 2QT, NHS [NHS number]."
    );
    let (before, matched, after) = context(text, &found[0], 2);
    assert_eq!(
        (before.as_str(), matched, after.as_str()),
        ("Seen at ", "LS6 2QT", ", NHS")
    );
}

#[test]
fn a_first_name_starting_a_sentence_is_found_when_a_surname_follows() {
    assert!(has("Visit.\nSarah Jones came in.", "name", "Sarah"));
    assert!(has("Visit.\nSarah Jones came in.", "name", "Jones"));
    // A sentence that starts with an everyday word, or a lone unknown word, is not.
    assert!(!has("Visit.\nToday Jones came in.", "name", "Today"));
    assert!(!has("Visit. Kwame came in.", "name", "Kwame"));
}
