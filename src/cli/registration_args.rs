//! What `lantern cpd` and `lantern revalidation` take, kept beside `args` so the
//! registration commands stay in one place.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};

fn parse_date(text: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date; write it as YYYY-MM-DD"))
}

#[derive(Debug, Subcommand)]
pub enum CpdCommand {
    /// Add a piece of CPD: `lantern cpd add --hours 3 --participatory --topic … --method …`.
    Add(CpdAddArgs),
    /// Your CPD records, oldest first, with their ids.
    List,
    /// Delete one CPD record by its id.
    Delete {
        id: i64,
        /// Do not ask.
        #[arg(long, short)]
        yes: bool,
    },
    /// This year's CPD records as plain text, field by field, ready to paste into an
    /// online form (Social Work England's asks for each in turn). The confidentiality
    /// check runs first.
    Export(FormExportArgs),
}

#[derive(Debug, Args)]
pub struct CpdAddArgs {
    /// How many hours it took, such as 3 or 1.5.
    #[arg(long, allow_negative_numbers = true)]
    pub hours: f64,
    /// It was learning with others (a course, a workshop, a discussion).
    #[arg(long)]
    pub participatory: bool,
    /// What it was about.
    #[arg(long)]
    pub topic: String,
    /// How you learnt: course, reading, e-learning, shadowing … (SWE's "type").
    #[arg(long, default_value = "")]
    pub method: String,
    /// A part of your body's code it relates to, such as practise-effectively; repeat for more.
    #[arg(long = "code", value_name = "THEME")]
    pub themes: Vec<String>,
    /// The day it took place or began (YYYY-MM-DD); today if not given.
    #[arg(long, value_parser = parse_date)]
    pub on: Option<NaiveDate>,
    /// The day it ended, for something over several days.
    #[arg(long, value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// What you learnt.
    #[arg(long)]
    pub learnt: Option<String>,
    /// The difference it made to your practice.
    #[arg(long)]
    pub impact: Option<String>,
    /// The difference it made to the people you work with.
    #[arg(long)]
    pub impact_people: Option<String>,
    /// You reflected on it with a peer.
    #[arg(long)]
    pub peer: bool,
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum RevalidationCommand {
    /// Where you are in your cycle (also what plain `lantern revalidation` shows).
    Status,
    /// Written reflective accounts.
    #[command(subcommand)]
    Account(AccountCommand),
    /// Practice-related feedback.
    #[command(subcommand)]
    Feedback(FeedbackCommand),
    /// Reflective discussions with another registrant.
    #[command(subcommand)]
    Discussion(DiscussionCommand),
    /// This cycle's evidence laid out like the forms: one reflective account a page
    /// with the code's themes ticked, the CPD and feedback logs as tables, and the
    /// reflective discussion record. The confidentiality check runs first.
    Export(FormExportArgs),
}

/// How an export is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormFormat {
    /// A Word document (.docx), which opens in Word, LibreOffice and Google Docs.
    Docx,
    Markdown,
    /// Plain text, each value after its label.
    Text,
}

#[derive(Debug, Args)]
pub struct FormExportArgs {
    /// The file to write (owner-only). Without it, text and Markdown go to the screen.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// docx, markdown or text; taken from FILE's ending when not given.
    #[arg(long, short, value_enum)]
    pub format: Option<FormFormat>,
    /// Replace what the check found with placeholders such as [postcode], in the
    /// export only: `all`, or the numbers it listed, like `1,3` (the rest stay as
    /// written). Your records are not changed.
    #[arg(long, value_name = "all|N,M")]
    pub replace: Option<String>,
    /// Share what the check found as you wrote it.
    #[arg(long, conflicts_with = "replace")]
    pub keep: bool,
    /// Every record you have kept, not only this cycle's.
    #[arg(long)]
    pub all: bool,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Write a reflective account, in $EDITOR (or from standard input), or with
    /// `--answer QUESTION=TEXT`. `--from-entry ID` offers that entry's words as
    /// suggestions; nothing of it is kept unless you write it in.
    Add(AccountAddArgs),
    /// Your reflective accounts, oldest first.
    List,
    /// Delete one reflective account by its id.
    Delete {
        id: i64,
        /// Do not ask.
        #[arg(long, short)]
        yes: bool,
    },
}

#[derive(Debug, Args)]
pub struct AccountAddArgs {
    /// The diary entry this reflection starts from; the account keeps a link to it.
    #[arg(long, value_name = "ID")]
    pub from_entry: Option<i64>,
    #[arg(long)]
    pub title: Option<String>,
    /// An answer, as QUESTION=TEXT (question ids: what-happened, what-learnt …); repeat.
    #[arg(long = "answer", value_name = "QUESTION=TEXT")]
    pub answers: Vec<String>,
    /// A theme of the code it relates to, such as preserve-safety; repeat for more.
    #[arg(long = "code", value_name = "THEME")]
    pub themes: Vec<String>,
    /// The day it is dated (YYYY-MM-DD); today if not given.
    #[arg(long, value_parser = parse_date)]
    pub on: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum FeedbackCommand {
    /// Note a piece of practice-related feedback, described without identifying anyone.
    Add {
        /// Who or where it came from, in general words: colleague, family, manager, audit …
        #[arg(long = "from", value_name = "SOURCE")]
        source: String,
        /// What it said.
        #[arg(long)]
        summary: String,
        /// What you make of it.
        #[arg(long)]
        reflection: Option<String>,
        /// The day you received it (YYYY-MM-DD); today if not given.
        #[arg(long, value_parser = parse_date)]
        on: Option<NaiveDate>,
    },
    /// Your feedback, oldest first.
    List,
    /// Delete one piece of feedback by its id.
    Delete {
        id: i64,
        /// Do not ask.
        #[arg(long, short)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum DiscussionCommand {
    /// Record a reflective discussion: who with, their registration number (PIN) and when.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        pin: String,
        /// The day it took place (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        on: NaiveDate,
        #[arg(long)]
        note: Option<String>,
    },
    /// Your reflective discussions, oldest first.
    List,
    /// Delete one reflective discussion by its id.
    Delete {
        id: i64,
        /// Do not ask.
        #[arg(long, short)]
        yes: bool,
    },
}
