use chrono::NaiveDate;

use super::*;
use crate::content::schema::Body;
use crate::domain::confidentiality::Detectors;
use crate::domain::registration::{
    window, CpdActivity, Discussion, Feedback, Records, ReflectiveAccount,
};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date") // ok: test
}

fn body(id: &str) -> Body {
    crate::content::built_in()
        .bodies
        .iter()
        .find(|b| b.id.as_ref() == id)
        .map(|p| p.item.clone())
        .expect("a built-in body") // ok: test
}

fn account(on: &str, happened: &str) -> ReflectiveAccount {
    ReflectiveAccount {
        id: 1,
        uid: String::new(),
        local_date: day(on),
        title: "A hard visit".into(),
        answers: [
            ("what-happened".to_string(), happened.to_string()),
            ("what-learnt".to_string(), "To slow down.".to_string()),
        ]
        .into_iter()
        .collect(),
        themes: vec!["preserve-safety".into()],
        entry_id: None,
    }
}

fn cpd(on: &str, hours: f64, participatory: bool, topic: &str) -> CpdActivity {
    CpdActivity {
        id: 1,
        uid: String::new(),
        started_on: day(on),
        ended_on: None,
        hours,
        participatory,
        method: "workshop".into(),
        topic: topic.into(),
        themes: vec!["practise-effectively".into()],
        learnt: Some("Ask open questions | listen".into()),
        impact: Some("Longer first visits.".into()),
        impact_people: None,
        with_peer: true,
        note: None,
    }
}

fn discussion() -> Discussion {
    Discussion {
        id: 1,
        uid: String::new(),
        held_on: day("2026-10-01"),
        partner_name: "Sam Okafor".into(),
        partner_pin: "12A3456E".into(),
        note: Some("We talked it through.".into()),
    }
}

fn feedback() -> Feedback {
    Feedback {
        id: 1,
        uid: String::new(),
        received_on: day("2026-09-01"),
        source: "a family".into(),
        summary: "A thank-you card.".into(),
        reflection: None,
    }
}

struct Held {
    accounts: Vec<ReflectiveAccount>,
    cpd: Vec<CpdActivity>,
    feedback: Vec<Feedback>,
    discussions: Vec<Discussion>,
}

impl Held {
    fn records(&self) -> Records<'_> {
        Records {
            accounts: &self.accounts,
            cpd: &self.cpd,
            feedback: &self.feedback,
            discussions: &self.discussions,
        }
    }
}

fn held(happened: &str) -> Held {
    Held {
        accounts: vec![
            account("2026-03-02", happened),
            account("2020-01-01", "An old one."),
        ],
        cpd: vec![cpd("2026-04-01", 3.0, true, "Infant feeding")],
        feedback: vec![feedback()],
        discussions: vec![discussion()],
    }
}

fn nmc_form(happened: &str) -> Form {
    let nmc = body("nmc");
    let held = held(happened);
    let w = window(
        nmc.cycle.as_ref(),
        Some(day("2027-05-31")),
        day("2026-12-02"),
    );
    revalidation_form(&nmc, held.records(), w, day("2026-12-02"))
}

#[test]
fn an_nmc_form_has_one_page_per_account_with_every_question_and_the_themes_ticked() {
    let form = nmc_form("A visit that went wrong.");
    let md = markdown::render(&form);
    assert!(md.contains("## Reflective account 1 of 1"), "{md}");
    // The 2020 account is outside the cycle that ends at the 2027 renewal.
    assert!(!md.contains("An old one."), "{md}");
    for question in &body("nmc").questions {
        assert!(md.contains(&format!("**{}**", question.text)), "{md}");
    }
    assert!(md.contains("A visit that went wrong."));
    assert!(
        md.contains("(not answered)"),
        "two questions were not answered"
    );
    assert!(md.contains("- [x] Preserve safety"), "{md}");
    assert!(md.contains("- [ ] Prioritise people"), "{md}");
    // CPD log and feedback log as tables, the discussion as fields.
    assert!(md.contains("| Dates | Method | Topic | Hours |"), "{md}");
    assert!(
        md.contains("Ask open questions \\| listen"),
        "a bar in a cell is escaped"
    );
    assert!(md.contains("In all: 3 hours, 3 of them participatory."));
    assert!(md.contains("| 1 September 2026 | a family | A thank-you card. |"));
    assert!(md.contains("**Name of the registrant:** Sam Okafor"));
    assert!(md.contains("**Their registration number (PIN):** 12A3456E"));
    let breaks = form
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::PageBreak))
        .count();
    assert_eq!(breaks, 4, "one before the account and one before each log");
}

#[test]
fn the_check_finds_identifiers_in_answers_and_cells_but_not_the_partner_named_on_purpose() {
    let form = nmc_form("Met the family at 12 Acacia Road, LS6 2AB.");
    let detectors = Detectors::new(&crate::content::built_in(), &[]);
    let found = form.findings(&detectors);
    let kinds: Vec<&str> = found.iter().map(|f| f.finding.kind.as_str()).collect();
    assert!(kinds.contains(&"postcode"), "{kinds:?}");
    assert!(kinds.contains(&"street-address"), "{kinds:?}");
    assert!(
        found.iter().all(|f| {
            let text = form.text_at(f.place).unwrap_or_default(); // ok: test
            !text[f.finding.start..f.finding.end].contains("Okafor")
        }),
        "the registrant's name is on the form because the form asks for it"
    );
    let chosen: Vec<&FormFinding> = found.iter().collect();
    let shared = form.redacted(&chosen);
    let md = markdown::render(&shared);
    assert!(!md.contains("LS6 2AB") && !md.contains("Acacia"), "{md}");
    assert!(md.contains("[postcode]"), "{md}");
    assert!(shared.findings(&detectors).is_empty());
    // Only the shared copy changes.
    assert!(markdown::render(&form).contains("LS6 2AB"));
}

#[test]
fn replacing_only_some_findings_keeps_the_others_as_written() {
    let form = nmc_form("At LS6 2AB and then LS7 3BB.");
    let detectors = Detectors::new(&crate::content::built_in(), &[]);
    let found = form.findings(&detectors);
    let postcodes: Vec<&FormFinding> = found
        .iter()
        .filter(|f| f.finding.kind == "postcode")
        .collect();
    assert_eq!(postcodes.len(), 2);
    let md = markdown::render(&form.redacted(&postcodes[1..]));
    assert!(md.contains("At LS6 2AB and then [postcode]."), "{md}");
}

#[test]
fn a_line_of_the_persons_words_never_becomes_markdown_structure() {
    let form = Form {
        blocks: vec![Block::Answer {
            question: "Q".into(),
            text: "# not a heading\n> not a quote\nplain".into(),
        }],
    };
    let md = markdown::render(&form);
    assert!(
        md.contains("\\# not a heading\n\\> not a quote\nplain"),
        "{md}"
    );
}

#[test]
fn the_swe_cpd_text_is_field_by_field_for_each_record_in_the_year() {
    let swe = body("swe");
    let records = vec![
        cpd("2026-03-01", 2.0, false, "Reading on neglect"),
        cpd("2025-03-01", 1.0, false, "Last year's"),
    ];
    let w = window(swe.cycle.as_ref(), None, day("2026-10-01"));
    let text = plain::render(&cpd_form(Some(&swe), &records, w, day("2026-10-01")));
    assert!(text.contains("CPD record 1 of 1\n"), "{text}");
    assert!(text.contains("Type of activity: workshop\n"), "{text}");
    assert!(text.contains("Description: Reading on neglect\n"));
    assert!(text.contains("Date: 1 March 2026\n"));
    assert!(text.contains("What I learnt: Ask open questions | listen\n"));
    assert!(text.contains("The impact on my practice: Longer first visits.\n"));
    assert!(text.contains("Reflected on with a peer: yes\n"));
    assert!(!text.contains("Last year's"), "{text}");
    assert!(!text.contains("**"), "plain text has no markup: {text}");
    assert!(
        !text.contains("Link to the code"),
        "SWE names no themes: {text}"
    );
}

#[test]
fn a_body_with_no_accounts_asked_still_shows_the_ones_kept() {
    let swe = body("swe");
    let held = held("Something.");
    let form = revalidation_form(&swe, held.records(), None, day("2026-12-02"));
    let md = markdown::render(&form);
    assert!(md.contains("Reflective account 1 of 2"), "{md}");
    assert!(md.contains("Everything collected."), "{md}");
    // Social Work England names no themes, so none are ticked.
    assert!(!md.contains("- [x]"), "{md}");
}
