//! `words.toml`: the lines both front ends say, so the app and the commands speak
//! alike and the wording can be changed without touching code. Unlike the other files
//! it holds no `[[items]]`: one section per place, each line named.

use std::fmt;
use std::ops::Deref;

use serde::Deserialize;
use toml::Spanned;

/// One line of wording, with where it stands in `words.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct Text(Spanned<String>);

impl Text {
    /// The byte offset of the line in its file, for messages.
    pub fn at(&self) -> usize {
        self.0.span().start
    }

    /// The words before and after `{key}`, for a line that shows a key between them
    /// ("No check-in yet today. {key} takes a minute."). A line without `{key}` is
    /// all "before".
    pub fn around_key(&self) -> (&str, &str) {
        self.0
            .as_ref()
            .split_once(KEY)
            .unwrap_or((self.0.as_ref(), ""))
    }
}

/// Where a line shows a key; the checks insist on it where `KEYED` says.
pub const KEY: &str = "{key}";

impl Default for Text {
    fn default() -> Self {
        Text(Spanned::new(0..0, String::new()))
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.as_ref()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

/// Declares each section of `words.toml` once: its struct, and the list of its lines
/// that the checks walk.
macro_rules! sections {
    ($( $(#[$doc:meta])* $name:ident { $( $(#[$line_doc:meta])* $line:ident, )* } )*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Default, Deserialize)]
            #[serde(deny_unknown_fields)]
            pub struct $name {
                $( $(#[$line_doc])* pub $line: Text, )*
                /// Where the wording comes from, as in every content file.
                pub source: Text,
            }

            impl $name {
                /// Every line by name, `source` last.
                pub fn lines(&self) -> Vec<(&'static str, &Text)> {
                    vec![$((stringify!($line), &self.$line),)* ("source", &self.source)]
                }
            }
        )*
    };
}

sections! {
    /// The Today screen.
    TodayWords {
        greeting_morning,
        greeting_afternoon,
        greeting_evening,
        checked_in,
        /// Shows the check-in key at `{key}`.
        no_checkin,
        one_small_thing,
        /// Shows the help-now key at `{key}`.
        help_offer,
        no_suggestion,
        good_moment_heading,
        /// Shows the good-moment key at `{key}`.
        good_moment,
        /// Shows the reflection key at `{key}`.
        reflection_due,
        on_this_day,
    }

    /// The check-in: its titles and the heading of each step.
    CheckinWords {
        title,
        title_after_visit,
        visit_meter,
        /// Beside a mood meter not moved yet, in place of a quarter's name.
        meter_start,
        words,
        /// The words step, when the meter was not moved: no quarter to take words from.
        words_unmoved,
        system,
        tags,
        note,
        note_after_visit,
        good,
        field_hint,
    }

    /// The headings of "help now", in both front ends.
    HelpSections {
        people,
        services,
        urgent,
        /// Before where and when a contact was checked ("checked at").
        checked,
        /// Before the site a contact comes from, where it could not be checked.
        unchecked,
    }

    /// What insights say beside the numbers.
    InsightWords {
        /// When stress has stayed high through the later half of a period.
        strain_advice,
    }
}

/// Lines that must show a key, as (section, line).
pub const KEYED: &[(&str, &str)] = &[
    ("today", "no_checkin"),
    ("today", "help_offer"),
    ("today", "good_moment"),
    ("today", "reflection_due"),
];

/// All of `words.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub today: TodayWords,
    pub checkin: CheckinWords,
    pub help_sections: HelpSections,
    pub insights: InsightWords,
}

impl Words {
    /// Every line as (section, line, text), for the checks.
    pub fn lines(&self) -> Vec<(&'static str, &'static str, &Text)> {
        let mut out = Vec::new();
        for (section, lines) in [
            ("today", self.today.lines()),
            ("checkin", self.checkin.lines()),
            ("help_sections", self.help_sections.lines()),
            ("insights", self.insights.lines()),
        ] {
            out.extend(lines.into_iter().map(|(line, text)| (section, line, text)));
        }
        out
    }
}

impl TodayWords {
    /// The greeting for an hour of the day (0–23).
    pub fn greeting(&self, hour: u32) -> &str {
        match hour {
            5..=11 => &self.greeting_morning,
            12..=17 => &self.greeting_afternoon,
            _ => &self.greeting_evening,
        }
    }
}
