//! Help that is right for the role chosen at first run, with every number saying
//! where and when it was checked, in `lantern help-now` and the app's help-now box;
//! and `lantern content check` refusing a region with no emergency line.

mod support;

use std::fs;

use lantern::config::Config;
use lantern::content::{self, schema::ROLE_IDS};
use lantern::tui::screens::welcome::ROLES;

use support::cli::{built_in_content, content_check, lantern, ok, Run};
use support::tui::{app_with_config, ch, drawn_text, press};

/// `lantern help-now` for a folder whose settings say `settings`.
fn help_now(settings: &str) -> String {
    let dir = tempfile::tempdir().expect("a temp dir");
    fs::write(dir.path().join("config.toml"), settings).expect("write the settings");
    ok(lantern().arg("--data-dir").arg(dir.path()).arg("help-now"))
}

const BASW: &str = "BASW, the social work professional body";
const TRUST: &str = "Social Workers' Benevolent Trust";
const UNION: &str = "Your union: the RCN, or Unite/CPHVA";

#[test]
fn a_social_worker_sees_social_work_support_and_not_a_health_visitors() {
    for region in ["england", "scotland", "wales", "northern-ireland", "gb"] {
        let out = help_now(&format!(
            "region = \"{region}\"\nrole = \"social-worker\"\n"
        ));
        assert!(out.contains(&format!("  - {BASW}\n")), "{region}:\n{out}");
        assert!(out.contains(&format!("  - {TRUST}\n")), "{region}:\n{out}");
        assert!(!out.contains(UNION), "{region}:\n{out}");
        // Their role is known, so nothing is labelled with it.
        assert!(!out.contains("(for social workers)"), "{out}");
    }
}

#[test]
fn a_health_visitor_sees_their_union_and_not_social_work_support() {
    let out = help_now("region = \"england\"\nrole = \"health-visitor\"\n");
    assert!(out.contains(&format!("  - {UNION}\n")), "{out}");
    assert!(!out.contains(BASW) && !out.contains(TRUST), "{out}");
    // NHS Practitioner Health stays out: nothing found says health visitors can use it.
    assert!(!out.contains("Practitioner Health"), "{out}");
    // Help for everyone is still there.
    for everyone in ["Samaritans: 116 123", "999 or A&E: 999", "Your GP"] {
        assert!(out.contains(everyone), "{everyone} in:\n{out}");
    }
}

#[test]
fn with_no_role_or_an_unknown_one_every_contact_shows_labelled_with_its_role() {
    for settings in [
        "region = \"wales\"\n",
        "region = \"wales\"\nrole = \"nurse\"\n",
    ] {
        let out = help_now(settings);
        assert!(
            out.contains(&format!("  - {BASW} (for social workers)\n")),
            "{out}"
        );
        assert!(
            out.contains(&format!("  - {TRUST} (for social workers)\n")),
            "{out}"
        );
        assert!(
            out.contains(&format!("  - {UNION} (for health visitors)\n")),
            "{out}"
        );
    }
    // "Something else in care" sees what is right for everyone.
    let out = help_now("region = \"wales\"\nrole = \"other\"\n");
    assert!(!out.contains(BASW) && !out.contains(UNION), "{out}");
    assert!(out.contains("NHS 111 Wales: 111"), "{out}");
}

#[test]
fn each_number_says_quietly_where_and_when_it_was_checked() {
    let out = help_now("region = \"scotland\"\n");
    let lines: Vec<&str> = out.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        // A contact line with a number: `  - Name: number (when)`.
        // (The guide for the hardest times is a command to read, not a number.)
        if line.starts_with("  - ") && line.contains(": ") && !line.contains("lantern ") {
            let checked = lines.get(i + 2).copied().unwrap_or("");
            assert!(
                checked.starts_with("    checked at ")
                    || checked.starts_with("    not checked; from "),
                "after {line}: {checked}"
            );
        }
    }
    assert!(
        out.contains("    checked at breathingspace.scot, 2026-12\n"),
        "{out}"
    );
    assert!(
        out.contains("    checked at samaritans.org, 2026-12\n"),
        "{out}"
    );
    // Where no page confirmed it, it says so rather than claiming a check.
    assert!(out.contains("    not checked; from rcn.org.uk"), "{out}");
    // No colour codes when it is not a terminal.
    assert!(!out.contains('\x1b'), "{out}");
}

#[test]
fn every_built_in_number_names_its_check_and_every_uk_region_has_role_help() {
    let content = content::built_in();
    for region in &content.regions {
        for c in region
            .people
            .iter()
            .chain(&region.services)
            .chain(&region.urgent)
        {
            if c.number.is_some() {
                let checked = c.checked.as_ref().map(|k| k.at.as_str());
                assert!(
                    checked.is_some_and(|at| !at.is_empty()) || c.from.is_some(),
                    "{}: {}",
                    region.id.as_ref(),
                    c.name
                );
            }
        }
        assert!(
            region.urgent.iter().any(|c| c.number.is_some()),
            "{} has an emergency line",
            region.id.as_ref()
        );
        if region.id.as_ref() != "elsewhere" {
            for role in ["social-worker", "health-visitor"] {
                assert!(
                    region
                        .services
                        .iter()
                        .any(|c| c.roles.iter().any(|r| r == role)),
                    "{} has help for {role}",
                    region.id.as_ref()
                );
            }
        }
    }
}

#[test]
fn the_roles_help_knows_are_the_roles_the_first_run_offers() {
    let offered: Vec<&str> = ROLES.iter().map(|(id, _)| *id).collect();
    assert_eq!(offered, ROLE_IDS);
}

#[test]
fn the_app_shows_help_for_the_role_and_labels_others_when_none_is_set() {
    let config = Config {
        region: "england".into(),
        role: Some("social-worker".into()),
        ..Config::default()
    };
    let mut app = app_with_config(config);
    press(&mut app, ch('H'));
    let text = drawn_text(&app, 120, 40);
    assert!(text.contains(BASW), "{text}");
    assert!(
        text.contains("wellbeing toolkit"),
        "its how, for their role: {text}"
    );
    assert!(!text.contains("Unite/CPHVA"), "{text}");

    let config = Config {
        region: "england".into(),
        ..Config::default()
    };
    let mut app = app_with_config(config);
    press(&mut app, ch('H'));
    let text = drawn_text(&app, 120, 40);
    assert!(
        text.contains(&format!("{UNION} (for health visitors)")),
        "{text}"
    );
    assert!(
        text.contains(&format!("{BASW} (for social workers)")),
        "{text}"
    );
    // Named only, so the box keeps to a calm length.
    assert!(!text.contains("wellbeing toolkit"), "{text}");
}

// ---------------------------------------------------------------------------------
// Content check

/// `lantern content check` on a folder holding `help.toml` as `text`.
fn check_help(text: &str) -> Run {
    let run = content_check("help.toml", text);
    assert_eq!(run.code, Some(1), "{}\n{}", run.stdout, run.stderr);
    run
}

fn built_in_help() -> String {
    built_in_content("help.toml")
}

/// `help.toml:LINE:` for the line holding the first `marker` after `after`.
fn line_of(text: &str, after: &str, marker: &str) -> String {
    let from = text.find(after).expect("the anchor");
    let at = from + text[from..].find(marker).expect("the marker");
    format!("help.toml:{}:", text[..at].matches('\n').count() + 1)
}

#[test]
fn content_check_refuses_a_region_without_an_emergency_line_at_its_id() {
    let region = "\n[[region]]\nid = \"isle\"\nname = \"An island\"\nintro = \"Ask.\"\nsource = \"Lantern's own\"\n\n[[region.people]]\nname = \"A friend\"\nhow = \"Call them.\"\n\n[[region.services]]\nname = \"A doctor\"\nhow = \"Book.\"\n\n[[region.urgent]]\nname = \"The harbour office\"\nhow = \"Walk there.\"\n";
    let text = format!("{}{region}", built_in_help());
    let run = check_help(&text);
    let at = line_of(&text, "id = \"isle\"", "id = ");
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains(&at))
        .unwrap_or_else(|| panic!("a problem at {at} in:\n{}", run.stdout));
    assert!(
        line.contains("region `isle` has no emergency line"),
        "{line}"
    );
}

#[test]
fn content_check_refuses_an_unchecked_number_and_an_unknown_role_at_the_contact() {
    let region = "\n[[region]]\nid = \"isle\"\nname = \"An island\"\nintro = \"Ask.\"\nsource = \"Lantern's own\"\n\n[[region.people]]\nname = \"A friend\"\nhow = \"Call them.\"\n\n[[region.services]]\nname = \"A helpline\"\nhow = \"Call.\"\nnumber = \"0800 000\"\n\n[[region.services]]\nname = \"Nurses' fund\"\nhow = \"Apply.\"\nroles = [\"nurse\"]\n\n[[region.urgent]]\nname = \"Emergency\"\nhow = \"Call.\"\nnumber = \"999\"\nchecked = { at = \"example.org\", on = \"December\" }\n";
    let text = format!("{}{region}", built_in_help());
    let run = check_help(&text);
    let find = |marker: &str, fragment: &str| {
        let at = line_of(&text, "id = \"isle\"", marker);
        let found = run
            .stdout
            .lines()
            .any(|l| l.contains(&at) && l.contains(fragment));
        assert!(found, "`{fragment}` at {at} in:\n{}", run.stdout);
    };
    find("name = \"A helpline\"", "a number needs `checked");
    find(
        "name = \"Nurses' fund\"",
        "role `nurse` is not one Lantern asks about",
    );
    find("name = \"Nurses' fund\"", "needs `roles_label`");
    find("name = \"Emergency\"", "write the month as YYYY-MM");
}
