//! The built-in content cares for the person reading it: the strain it names is not
//! theirs alone, the workload and supervision lines point to the people who hold the
//! responsibility, the framework's gaps are filled, and every source says plainly
//! where an idea comes from.

mod support;

use chrono::{DateTime, FixedOffset, NaiveDate};

use lantern::content::schema::{Rule, Topic};
use lantern::content::{self, Content};
use lantern::domain::checkin::CheckIn;
use lantern::domain::leadership;
use lantern::domain::suggest::suggest;
use support::tui::at;

/// The editor shows a prompt's hint on one line: an 80-column window leaves this
/// much inside its border and margin.
const HINT_WIDTH: usize = 76;

fn built_in() -> Content {
    content::built_in()
}

fn rule<'a>(content: &'a Content, id: &str) -> &'a Rule {
    content
        .rules
        .iter()
        .map(|p| &p.item)
        .find(|r| r.id.as_ref() == id)
        .unwrap_or_else(|| panic!("no rule {id}"))
}

fn topic<'a>(items: &'a [content::Placed<Topic>], id: &str) -> &'a Topic {
    items
        .iter()
        .map(|p| &p.item)
        .find(|t| t.id.as_ref() == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

fn offers(rule: &Rule) -> Vec<&str> {
    rule.offer.iter().map(|o| o.as_ref().as_str()).collect()
}

fn check_in(when: DateTime<FixedOffset>, p: i64, e: i64, s: i64, tags: &[&str]) -> CheckIn {
    let mut c = support::daily_checkin("c1", when, p, e, s);
    c.tags = tags.iter().map(|t| t.to_string()).collect();
    c
}

fn suggested_for(content: &Content, tags: &[&str]) -> String {
    let when = at("2026-11-20T17:30:00+00:00");
    let latest = check_in(when, 5, 5, 5, tags);
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    suggest(
        content.rules.iter().map(|p| &p.item),
        &latest,
        std::slice::from_ref(&latest),
        today,
    )
    .map(|s| s.rule_id)
    .unwrap_or_default()
}

#[test]
fn the_workload_rules_point_to_raising_it_with_a_manager() {
    let content = built_in();
    assert_eq!(
        suggested_for(&content, &["caseload"]),
        "rule-caseload-and-blame"
    );
    assert_eq!(
        suggested_for(&content, &["targets"]),
        "rule-system-pressures"
    );
    for id in ["rule-caseload-and-blame", "rule-system-pressures"] {
        let r = rule(&content, id);
        assert!(
            r.message.contains("manager"),
            "{id} should point to the manager: {}",
            r.message
        );
        assert!(
            r.message.contains("not yours") || r.message.contains("not only yours"),
            "{id} should say it is not the practitioner's alone: {}",
            r.message
        );
        assert!(
            r.source.contains("employers' responsibility"),
            "{id}'s source should name where the framing comes from: {}",
            r.source
        );
    }
    let caseload = rule(&content, "rule-caseload-and-blame");
    assert!(!caseload.message.contains("let the rest wait"));
    assert!(
        offers(caseload).contains(&"template:supervision-prep"),
        "a place to gather what to raise: {:?}",
        offers(caseload)
    );
    assert!(caseload.source.contains("workload monitoring"));
}

#[test]
fn the_supervision_rule_names_it_an_entitlement_and_asks_no_homework() {
    let content = built_in();
    assert_eq!(
        suggested_for(&content, &["supervision-access"]),
        "rule-supervision-access"
    );
    let r = rule(&content, "rule-supervision-access");
    assert!(r.message.contains("by right"), "{}", r.message);
    assert!(r.message.contains("three months"), "{}", r.message);
    assert!(r.message.contains("employer"), "{}", r.message);
    assert!(!r.message.contains("Jot down"), "{}", r.message);
    assert_eq!(
        offers(r).first(),
        Some(&"model:restorative-supervision"),
        "reading about supervision comes before a template to fill in"
    );
}

#[test]
fn strain_is_not_only_the_practitioners_to_carry() {
    let content = built_in();
    let advice: &str = &content.words.insights.strain_advice;
    assert!(advice.contains("not only yours"), "{advice}");
    assert!(advice.contains("not a weakness"), "{advice}");
    assert!(advice.contains("employer"), "{advice}");

    let strain: Vec<&Rule> = content
        .rules
        .iter()
        .map(|p| &p.item)
        .filter(|r| r.strain)
        .collect();
    assert!(!strain.is_empty());
    let sustained = rule(&content, "rule-sustained-strain");
    assert!(sustained.strain && sustained.offer_help);
    assert!(sustained.message.contains("not only yours"));
    assert!(sustained.message.contains("not a weakness"));

    let about = topic(&content.concepts, "about-compassionate-resilience");
    let detail = about.detail.as_deref().unwrap_or("");
    for idea in [
        "not only yours",
        "not a weakness",
        "employer",
        "no one should",
    ] {
        assert!(detail.contains(idea), "the about page lacks {idea:?}");
    }
    for seed_section in [
        "Executive summary",
        "What is resilience?",
        "Why do we need to develop resilience",
    ] {
        assert!(about.source.contains(seed_section), "{}", about.source);
    }
}

#[test]
fn the_measuring_note_is_reachable_from_the_outcomes_reflection() {
    let content = built_in();
    let reflection = content
        .template("outcomes-reflection")
        .expect("the outcomes reflection");
    let reference = "concept:measuring-resilience";
    assert!(
        reflection.related.iter().any(|r| r.as_ref() == reference),
        "the reflection should name the note in `related`"
    );
    assert!(content.find(reference).is_some(), "the reference resolves");
    let title = content.name_of(reference);
    assert_ne!(title, reference);
    assert!(
        reflection
            .prompts
            .iter()
            .filter_map(|p| p.hint.as_deref())
            .any(|h| h.contains(&title)),
        "a hint a person reads while writing names the note ({title})"
    );

    let note = topic(&content.concepts, "measuring-resilience");
    assert!(note
        .related
        .iter()
        .any(|r| r.as_ref() == "template:outcomes-reflection"));
    let text = content.show_plain(reference).expect("the note renders");
    for named in [
        "Wagnild and Young",
        "Self-Compassion Scale",
        "ProQOL",
        "preceptorship",
        "induction",
        "360°",
    ] {
        assert!(text.contains(named), "the note should name {named}");
    }
    assert!(note.source.contains("Measuring resilience"));
    assert!(note.source.contains("not reproduced"));
}

#[test]
fn tool_3_keeps_its_twenty_questions_in_the_original_four_groups() {
    let content = built_in();
    let tool = content
        .tools
        .iter()
        .map(|p| &p.item)
        .find(|t| t.id.as_ref() == "four-lenses-questions")
        .expect("Tool 3");
    let groups: Vec<(&str, usize)> = tool
        .sections
        .iter()
        .map(|s| (s.name.as_str(), s.questions.len()))
        .collect();
    assert_eq!(
        groups,
        vec![
            ("Self", 5),
            ("Supervisor or leader", 5),
            ("Team", 6),
            ("Organisation", 4)
        ]
    );

    let lenses = "guidance:guidance-four-lenses";
    assert!(tool.related.iter().any(|r| r.as_ref() == lenses));
    let defined = topic(&content.guidance, "guidance-four-lenses");
    let detail = defined.detail.as_deref().unwrap_or("");
    for lens in ["Self:", "Supervisor or leader:", "Team:", "Organisation:"] {
        assert!(detail.contains(lens), "the lenses' page defines {lens}");
    }
}

#[test]
fn colbys_tool_asks_how_significant_your_influence_is() {
    let content = built_in();
    let tool = content
        .tools
        .iter()
        .map(|p| &p.item)
        .find(|t| t.id.as_ref() == "benchmarking-tool")
        .expect("Tool 1");
    assert!(
        tool.columns.iter().any(|c| c.contains("significant")),
        "{:?}",
        tool.columns
    );
    for idea in ["concerned", "influence", "control"] {
        assert!(tool.summary.contains(idea), "the summary lacks {idea:?}");
    }
    let template = leadership::find(&content, "leader-benchmarking-tool").expect("its template");
    let hint = template.prompts[0].hint.as_deref().unwrap_or("");
    assert!(hint.contains("significant"), "{hint}");
}

#[test]
fn every_prompt_hint_fits_on_the_editors_one_line() {
    let content = built_in();
    for template in leadership::all_templates(&content) {
        for prompt in &template.prompts {
            if let Some(hint) = &prompt.hint {
                assert!(
                    hint.chars().count() <= HINT_WIDTH,
                    "{}/{}: the hint is cut off at 80 columns: {hint}",
                    template.id.as_ref(),
                    prompt.id.as_ref()
                );
            }
        }
    }
}

#[test]
fn the_lines_that_labelled_or_added_duties_are_gone() {
    let content = built_in();
    for r in content.rules.iter().map(|p| &p.item) {
        assert!(
            !r.message.starts_with("You sound"),
            "{} labels the person: {}",
            r.id.as_ref(),
            r.message
        );
    }
    let diary = content.template("reflective-diary").expect("the diary");
    let happened = diary
        .prompts
        .iter()
        .find(|p| p.id.as_ref() == "happened")
        .and_then(|p| p.hint.as_deref())
        .unwrap_or("");
    assert!(!happened.contains("witness"), "{happened}");
    assert!(happened.contains("for you"), "{happened}");
    let area = content
        .areas
        .iter()
        .map(|p| &p.item)
        .find(|a| a.id.as_ref() == "area-emotional-health")
        .expect("the area");
    assert!(!area.summary.contains("as steadily as"), "{}", area.summary);

    let mut lines: Vec<String> = content
        .templates
        .iter()
        .flat_map(|t| t.prompts.iter())
        .flat_map(|p| [Some(p.text.clone()), p.hint.clone()])
        .flatten()
        .collect();
    lines.extend(content.guides.iter().flat_map(|g| g.steps.clone()));
    for line in &lines {
        assert!(
            !line.contains("being difficult"),
            "labels the other person: {line}"
        );
    }
}

#[test]
fn supervision_names_its_three_kinds_and_the_safeguarding_minimum() {
    let content = built_in();
    let model = content
        .models
        .iter()
        .map(|p| &p.item)
        .find(|m| m.id.as_ref() == "restorative-supervision")
        .expect("supervision");
    let detail = model.detail.as_deref().unwrap_or("");
    for idea in [
        "Clinical supervision",
        "Safeguarding supervision",
        "three months",
        "child protection",
        "sadness and anger",
        "Proctor",
    ] {
        assert!(detail.contains(idea), "supervision lacks {idea:?}");
    }
    assert!(
        model.source.contains("outside the seeds"),
        "{}",
        model.source
    );
    assert!(model.source.contains("Figure 5"), "{}", model.source);
}

#[test]
fn support_models_carry_the_frameworks_considerations() {
    let content = built_in();
    let model = |id: &str| {
        content
            .models
            .iter()
            .map(|p| &p.item)
            .find(|m| m.id.as_ref() == id)
            .unwrap_or_else(|| panic!("no model {id}"))
    };
    let peer = model("peer-support").consider.join(" ");
    for risk in ["conflict", "criticism", "falls flat", "habit", "doubting"] {
        assert!(peer.contains(risk), "peer support lacks {risk:?}");
    }
    let relation = model("relationship-based");
    let text = format!(
        "{} {}",
        relation.detail.as_deref().unwrap_or(""),
        relation.consider.join(" ")
    );
    assert!(text.contains("Bidmead"));
    assert!(text.contains("skill-mix"));
    let mentor = model("mentoring");
    let detail = mentor.detail.as_deref().unwrap_or("");
    for idea in [
        "practice teacher",
        "Darling",
        "role model",
        "energiser",
        "teacher",
        "counsellor",
    ] {
        assert!(detail.contains(idea), "mentoring lacks {idea:?}");
    }
    assert!(mentor.consider.join(" ").contains("clinical expertise"));
    let groups = model("interagency-groups");
    assert!(groups.how_to_find.contains("Schwartz Center"));
    assert!(!groups
        .how_to_find
        .contains("Point of Care Foundation supports"));
}

#[test]
fn appreciative_inquiry_keeps_its_six_processes_by_name() {
    let content = built_in();
    let guide = topic(&content.guidance, "guidance-caring-conversations");
    let names: Vec<&str> = guide
        .practices
        .iter()
        .filter_map(|p| p.split_once(':').map(|(name, _)| name))
        .collect();
    assert_eq!(
        names,
        vec![
            "Caring conversations",
            "Flexible, person-centred risk taking",
            "Feedback",
            "Knowing you, knowing me",
            "Involving, valuing and transparency",
            "Creating spaces that work",
        ]
    );
    let key = topic(&content.guidance, "guidance-key-messages");
    assert_eq!(key.practices.len(), 5, "the briefing's five key messages");
    assert!(key.detail.as_deref().unwrap_or("").contains("West"));
}

#[test]
fn transforming_stress_can_be_shared_with_families() {
    let content = built_in();
    let step = topic(&content.steps, "step-5-respond-positively");
    assert!(step.detail.as_deref().unwrap_or("").contains("families"));
    assert!(step.source.contains("Transforming Stress"));
}

#[test]
fn sources_say_plainly_what_comes_from_outside_the_seeds() {
    let content = built_in();
    let awareness = topic(&content.skills, "self-awareness");
    assert!(
        awareness.source.contains("outside the seeds"),
        "{}",
        awareness.source
    );
    let three = content
        .template("three-good-things")
        .expect("three good things");
    assert!(
        three.source.contains("outside the seeds"),
        "{}",
        three.source
    );
    assert!(!content.quadrants.is_empty());
    for q in content.quadrants.iter().map(|p| &p.item) {
        assert!(q.source.contains("outside the seeds"), "{}", q.source);
    }
    for s in content.systems.iter().map(|p| &p.item) {
        assert!(s.source.contains("outside the seeds"), "{}", s.source);
    }
    for q in content.questions.iter().map(|p| &p.item) {
        assert!(q.source.contains("decision tree"), "{}", q.source);
    }
}
