//! The support finder: a few plain answers (what would help most, with whom, how
//! formal) lead to the models of support that fit. The questions and their answers are
//! content (`finder.toml`); this is only the matching.
//!
//! What you need weighs most: when any model meets it, only models that meet it are
//! offered. Among those, the right setting counts for more than the right formality,
//! and ties keep the content's order. Something is always offered.

use crate::content::schema::{Answer, Formality, Need, Question, Setting, SupportModel};

/// What a person said they want; `None` is "not sure" or "don't mind".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wants {
    pub need: Option<Need>,
    pub setting: Option<Setting>,
    pub formality: Option<Formality>,
}

impl Wants {
    /// Takes in one answer: whatever it sets replaces what was there.
    pub fn apply(&mut self, answer: &Answer) {
        if answer.need.is_some() {
            self.need = answer.need;
        }
        if answer.setting.is_some() {
            self.setting = answer.setting;
        }
        if answer.formality.is_some() {
            self.formality = answer.formality;
        }
    }

    /// The wants that answers to `questions` add up to; `chosen` holds the index of the
    /// answer picked for each question (missing or out of range: no answer).
    pub fn from_choices(questions: &[&Question], chosen: &[Option<usize>]) -> Wants {
        let mut wants = Wants::default();
        for (question, choice) in questions.iter().zip(chosen) {
            if let Some(answer) = choice.and_then(|i| question.answers.get(i)) {
                wants.apply(answer);
            }
        }
        wants
    }
}

/// A model that fits, and how.
#[derive(Debug, Clone, Copy)]
pub struct Match<'a> {
    pub model: &'a SupportModel,
    pub need: bool,
    pub setting: bool,
    pub formality: bool,
}

impl Match<'_> {
    pub fn score(&self) -> u32 {
        4 * u32::from(self.need) + 2 * u32::from(self.setting) + u32::from(self.formality)
    }

    /// Meets everything that was asked for.
    pub fn fits_all(&self, wants: &Wants) -> bool {
        (wants.need.is_none() || self.need)
            && (wants.setting.is_none() || self.setting)
            && (wants.formality.is_none() || self.formality)
    }
}

/// The models that fit `wants`, best first, with how each fits. Never empty when
/// there are models.
pub fn matches<'a, I>(models: I, wants: &Wants) -> Vec<Match<'a>>
where
    I: IntoIterator<Item = &'a SupportModel>,
{
    let mut all: Vec<Match<'a>> = models
        .into_iter()
        .map(|model| Match {
            model,
            need: wants.need.is_some_and(|n| model.needs.contains(&n)),
            setting: wants.setting.is_some_and(|s| model.settings.contains(&s)),
            formality: wants
                .formality
                .is_some_and(|f| model.formality.contains(&f)),
        })
        .collect();
    if all.iter().any(|m| m.need) {
        all.retain(|m| m.need);
    } else if all.iter().any(|m| m.score() > 0) {
        all.retain(|m| m.score() > 0);
    }
    // A stable sort keeps the content's order among equals.
    all.sort_by_key(|m| std::cmp::Reverse(m.score()));
    all
}

/// The models that fit, best first.
pub fn find<'a, I>(models: I, wants: &Wants) -> Vec<&'a SupportModel>
where
    I: IntoIterator<Item = &'a SupportModel>,
{
    matches(models, wants)
        .into_iter()
        .map(|m| m.model)
        .collect()
}

pub fn parse_need(word: &str) -> Option<Need> {
    match word.trim().to_lowercase().as_str() {
        "heard" => Some(Need::Heard),
        "think" => Some(Need::Think),
        "grow" => Some(Need::Grow),
        "process" => Some(Need::Process),
        _ => None,
    }
}

pub fn parse_setting(word: &str) -> Option<Setting> {
    match word.trim().to_lowercase().as_str() {
        "alone" => Some(Setting::Alone),
        "one" => Some(Setting::One),
        "group" => Some(Setting::Group),
        _ => None,
    }
}

pub fn parse_formality(word: &str) -> Option<Formality> {
    match word.trim().to_lowercase().as_str() {
        "informal" => Some(Formality::Informal),
        "formal" => Some(Formality::Formal),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{built_in, Content};

    fn ids(content: &Content, wants: Wants) -> Vec<String> {
        find(content.models.iter().map(|m| &m.item), &wants)
            .into_iter()
            .map(|m| m.id.as_ref().clone())
            .collect()
    }

    fn wants(need: Option<Need>, setting: Option<Setting>, formality: Option<Formality>) -> Wants {
        Wants {
            need,
            setting,
            formality,
        }
    }

    #[test]
    fn distress_one_to_one_formal_leads_to_restorative_supervision() {
        let c = built_in();
        let found = ids(
            &c,
            wants(
                Some(Need::Process),
                Some(Setting::One),
                Some(Formality::Formal),
            ),
        );
        assert_eq!(found[0], "restorative-supervision");
        // Everything offered meets the need.
        assert!(found.contains(&"peer-support".to_string()));
        assert!(!found.contains(&"coaching".to_string()));
    }

    #[test]
    fn growing_with_one_person_informally_offers_mentoring_near_the_top() {
        let c = built_in();
        let w = wants(
            Some(Need::Grow),
            Some(Setting::One),
            Some(Formality::Informal),
        );
        let all = matches(c.models.iter().map(|m| &m.item), &w);
        let best: Vec<&str> = all
            .iter()
            .filter(|m| m.fits_all(&w))
            .map(|m| m.model.id.as_ref().as_str())
            .collect();
        assert!(best.contains(&"mentoring"), "{best:?}");
        assert!(!best.contains(&"coaching"), "coaching is formal: {best:?}");
        let found = ids(&c, w);
        let coaching = found.iter().position(|id| id == "coaching");
        let mentoring = found.iter().position(|id| id == "mentoring");
        assert!(mentoring < coaching && coaching.is_some());
    }

    #[test]
    fn being_heard_in_a_group_offers_groups_first() {
        let c = built_in();
        let found = ids(&c, wants(Some(Need::Heard), Some(Setting::Group), None));
        assert!([
            "peer-support",
            "interagency-groups",
            "restorative-supervision"
        ]
        .contains(&found[0].as_str()));
        assert_eq!(found.last().map(String::as_str), Some("mentoring"));
    }

    #[test]
    fn alone_and_distressed_offers_compassionate_resilience_first() {
        let c = built_in();
        let found = ids(&c, wants(Some(Need::Process), Some(Setting::Alone), None));
        assert_eq!(found[0], "compassionate-resilience");
    }

    #[test]
    fn something_is_always_offered() {
        let c = built_in();
        assert_eq!(ids(&c, Wants::default()).len(), c.models.len());
        assert!(!ids(&c, wants(None, Some(Setting::Alone), None)).is_empty());
        for need in [Need::Heard, Need::Think, Need::Grow, Need::Process] {
            for setting in [Setting::Alone, Setting::One, Setting::Group] {
                for formality in [Formality::Informal, Formality::Formal] {
                    let w = wants(Some(need), Some(setting), Some(formality));
                    assert!(!ids(&c, w).is_empty(), "{w:?}");
                }
            }
        }
    }

    #[test]
    fn answers_from_the_content_add_up_to_wants() {
        let c = built_in();
        let questions: Vec<&Question> = c.questions.iter().map(|q| &q.item).collect();
        assert_eq!(questions.len(), 3);
        let pick = |q: usize, id: &str| {
            questions[q]
                .answers
                .iter()
                .position(|a| a.id.as_ref() == id)
        };
        let w = Wants::from_choices(
            &questions,
            &[pick(0, "process"), pick(1, "one"), pick(2, "formal")],
        );
        assert_eq!(
            w,
            wants(
                Some(Need::Process),
                Some(Setting::One),
                Some(Formality::Formal)
            )
        );
        let w = Wants::from_choices(&questions, &[pick(0, "grow"), pick(1, "any"), None]);
        assert_eq!(w, wants(Some(Need::Grow), None, None));
    }

    #[test]
    fn every_need_in_the_content_has_an_answer_and_a_model() {
        let c = built_in();
        for need in [Need::Heard, Need::Think, Need::Grow, Need::Process] {
            assert!(c
                .questions
                .iter()
                .any(|q| q.answers.iter().any(|a| a.need == Some(need))));
            assert!(c.models.iter().any(|m| m.needs.contains(&need)));
        }
    }

    #[test]
    fn words_parse() {
        assert_eq!(parse_need("Process"), Some(Need::Process));
        assert_eq!(parse_setting("one"), Some(Setting::One));
        assert_eq!(parse_formality("formal"), Some(Formality::Formal));
        assert_eq!(parse_need("nap"), None);
    }
}
