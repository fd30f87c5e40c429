//! The reflective models practitioners are taught, as diary templates: each has its
//! stages in the model's order and names where it comes from; the step-9 diary ends on
//! an optional look ahead; every template that invites case details says, in the same
//! words, to describe rather than identify.

mod support;

use lantern::content::schema::Template;
use lantern::tui::app::Screen;
use lantern::tui::screens::editor::Editor;

use support::cli::Diary;
use support::tui::{app, drawn_text};

/// The one line every case-inviting template carries.
const DESCRIBE: &str = "Describe, don't identify: case facts belong in the clinical record.";

fn template(id: &str) -> Template {
    lantern::content::built_in()
        .template(id)
        .cloned()
        .unwrap_or_else(|| panic!("built-in template {id}"))
}

fn prompt_ids(t: &Template) -> Vec<String> {
    t.prompts.iter().map(|p| p.id.as_ref().clone()).collect()
}

/// Each model: its id, its stages as prompt ids in order, and what its source must name.
const MODELS: &[(&str, &[&str], &[&str])] = &[
    (
        "gibbs-cycle",
        &[
            "description",
            "feelings",
            "evaluation",
            "analysis",
            "conclusion",
            "action-plan",
        ],
        &["Gibbs", "1988", "Learning by Doing"],
    ),
    (
        "what-so-what-now-what",
        &["what", "so-what", "now-what"],
        &["Borton", "1970", "Rolfe", "2001", "Driscoll", "2007"],
    ),
    (
        "johns-structured-reflection",
        &[
            "description",
            "aesthetic",
            "personal",
            "ethical",
            "empirical",
            "reflexivity",
        ],
        &["Johns", "1995", "2000", "Carper", "1978"],
    ),
    (
        "kolb-cycle",
        &[
            "concrete-experience",
            "reflective-observation",
            "abstract-conceptualisation",
            "active-experimentation",
        ],
        &["Kolb", "1984", "Experiential Learning"],
    ),
];

#[test]
fn each_model_has_its_stages_in_order_and_names_its_source() {
    for (id, stages, cited) in MODELS {
        let t = template(id);
        assert_eq!(prompt_ids(&t), *stages, "{id}: stages in the model's order");
        for name in *cited {
            assert!(
                t.source.contains(name),
                "{id}: source names {name}: {}",
                t.source
            );
        }
        assert!(
            t.tags.iter().any(|tag| tag == "reflection"),
            "{id}: {:?}",
            t.tags
        );
        assert!(
            t.tags.iter().any(|tag| tag == "model"),
            "{id}: {:?}",
            t.tags
        );
        assert!(t.when.is_some(), "{id}: says when it suits");
        assert!(!t.related.is_empty(), "{id}: points to related items");
        for p in &t.prompts {
            let hint = p.hint.as_deref().unwrap_or_default();
            assert!(!hint.is_empty(), "{id}/{}: has a hint", p.id.as_ref());
            // The editor shows a hint on one row: at 80 columns that is 76 characters.
            assert!(
                hint.chars().count() <= 76,
                "{id}/{}: short hint",
                p.id.as_ref()
            );
        }
    }
}

#[test]
fn the_named_stages_lead_their_prompts() {
    // A reflection written with a model can be matched to it by the stage names.
    for (id, words) in [
        (
            "gibbs-cycle",
            &[
                "Description",
                "Feelings",
                "Evaluation",
                "Analysis",
                "Conclusion",
                "Action plan",
            ][..],
        ),
        (
            "what-so-what-now-what",
            &["What?", "So what?", "Now what?"][..],
        ),
        (
            "johns-structured-reflection",
            &[
                "",
                "Aesthetic",
                "Personal",
                "Ethical",
                "Empirical",
                "Reflexivity",
            ][..],
        ),
        (
            "kolb-cycle",
            &[
                "Concrete experience",
                "Reflective observation",
                "Abstract conceptualisation",
                "Active experimentation",
            ][..],
        ),
    ] {
        let t = template(id);
        for (p, word) in t.prompts.iter().zip(words) {
            assert!(
                p.text.starts_with(word),
                "{id}: `{}` starts with {word}",
                p.text
            );
        }
    }
}

#[test]
fn the_step_9_diary_ends_on_what_next_and_what_support() {
    let t = template("reflective-diary");
    let last = t.prompts.last().expect("the diary has prompts");
    assert_eq!(last.id.as_ref(), "next-and-support");
    assert!(last.text.contains("do next"), "{}", last.text);
    assert!(last.text.contains("support"), "{}", last.text);
    let hint = last.hint.as_deref().unwrap_or_default();
    assert!(
        hint.contains("If you like"),
        "optional, and says so: {hint}"
    );
    // The questions before it are still there, in their order.
    let ids = prompt_ids(&t);
    assert_eq!(ids[0], "feelings");
    assert_eq!(ids[ids.len() - 2], "compassionate-friend");
}

#[test]
fn every_case_inviting_template_says_describe_dont_identify() {
    let case_inviting = [
        "reflective-diary",
        "after-visit",
        "free-writing",
        "supervision-prep",
        "gibbs-cycle",
        "what-so-what-now-what",
        "johns-structured-reflection",
        "kolb-cycle",
    ];
    for id in case_inviting {
        let t = template(id);
        assert!(
            t.summary.contains(DESCRIBE),
            "{id}: the library shows it: {}",
            t.summary
        );
        if !t.prompts.is_empty() {
            // The writer sees a hint, not the summary, on each page.
            assert!(
                t.prompts
                    .iter()
                    .any(|p| p.hint.as_deref() == Some(DESCRIBE)),
                "{id}: a prompt's hint carries the line"
            );
        }
    }
    // Templates about the person's own day do not need it.
    assert!(!template("good-moment").summary.contains(DESCRIBE));
}

#[test]
fn write_with_gibbs_through_the_cli_keeps_each_stage() {
    let d = Diary::new();
    let t = template("gibbs-cycle");
    let p: Vec<&str> = t.prompts.iter().map(|p| p.text.as_str()).collect();
    let text = format!(
        "Title: A long afternoon\n\n## {}\nA visit ran over and the next family waited.\n\n## {}\nRushed, then guilty.\n\n## {}\nTo phone ahead when a visit runs late.\n",
        p[0], p[1], p[5]
    );
    let id = d.write(&["--template", "gibbs-cycle"], &text);
    let show = d.ok(&["show", &id.to_string()]);
    assert!(show.contains("template: gibbs-cycle"), "{show}");
    assert!(
        show.contains(&format!(
            "{}\nA visit ran over and the next family waited.",
            p[0]
        )),
        "{show}"
    );
    assert!(
        show.contains(&format!("{}\nRushed, then guilty.", p[1])),
        "{show}"
    );
    assert!(
        show.contains(&format!("{}\nTo phone ahead when a visit runs late.", p[5])),
        "{show}"
    );
    // Stages left blank are not stored.
    assert!(!show.contains(p[2]), "{show}");
    // The entry carries the template's tags.
    let list = d.ok(&["list"]);
    assert!(list.contains("#model"), "{list}");
    assert!(list.contains("#reflection"), "{list}");
}

#[test]
fn the_library_lists_the_models_on_the_templates_shelf() {
    let d = Diary::new();
    let shelf = d.ok(&["library", "templates"]);
    for (id, _, _) in MODELS {
        let name = template(id).name;
        assert!(shelf.contains(&name), "{name} on the shelf:\n{shelf}");
    }
}

#[test]
fn the_gibbs_editor_opens_on_description_with_the_line() {
    let mut app = app();
    let e = Editor::new_entry(app.content.template("gibbs-cycle"));
    app.stack.push(std::mem::replace(
        &mut app.screen,
        Screen::Editor(Box::new(e)),
    ));
    let frame = drawn_text(&app, 80, 24);
    assert!(frame.contains("Description: what happened?"), "{frame}");
    assert!(frame.contains(DESCRIBE), "{frame}");
    insta::assert_snapshot!("gibbs_first_prompt_80x24", frame);
}
