//! What each command takes, as clap reads it: the one place the command line's words,
//! flags and `--help` text are defined. The commands themselves are in the modules
//! named for them.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

/// Lantern: a private, offline companion for care practitioners. Check in, write a
/// compassionate reflective diary, and practise the skills of compassionate resilience.
/// Everything stays on this machine.
///
/// Run `lantern` with no command to open the full-screen app.
#[derive(Debug, Parser)]
#[command(name = "lantern", version, max_term_width = 100)]
pub struct Cli {
    /// Keep the diary, settings and content overrides in DIR instead of the usual places.
    #[arg(long, global = true, env = "LANTERN_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// When something goes wrong, also print the database's own words about it.
    #[arg(long, global = true)]
    pub verbose: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create your diary (and a commented settings file), optionally encrypted.
    Init {
        /// Protect the diary with a passphrase. A forgotten passphrase cannot be recovered.
        #[arg(long)]
        encrypt: bool,
    },
    /// Record how you are right now.
    Checkin(CheckinArgs),
    /// Write a diary entry: from standard input when piped, otherwise in your $EDITOR.
    Write {
        /// A template from prompts.toml, such as reflective-diary or after-visit.
        #[arg(long, short)]
        template: Option<String>,
        #[arg(long)]
        title: Option<String>,
        /// A tag for the entry; repeat for more.
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
    },
    /// List entries, newest first (or check-ins with --checkins).
    List {
        /// How many to show.
        #[arg(short = 'n', long = "number", default_value_t = 20)]
        number: usize,
        /// From this day (YYYY-MM-DD), inclusive.
        #[arg(long, value_parser = parse_date)]
        since: Option<NaiveDate>,
        /// Up to this day (YYYY-MM-DD), inclusive.
        #[arg(long, value_parser = parse_date)]
        until: Option<NaiveDate>,
        /// Only entries with this tag.
        #[arg(long)]
        tag: Option<String>,
        /// List check-ins instead of entries.
        #[arg(long)]
        checkins: bool,
    },
    /// Show one entry in full.
    Show { id: i64 },
    /// Find entries containing every word given (a word ending in * matches as a prefix).
    Search {
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        #[arg(short = 'n', long = "number", default_value_t = 20)]
        number: usize,
    },
    /// Edit an entry in your $EDITOR.
    Edit { id: i64 },
    /// Delete an entry (asks first).
    Delete {
        id: i64,
        /// Do not ask.
        #[arg(long, short)]
        yes: bool,
    },
    /// Export entries and check-ins as JSON (complete, re-importable) or Markdown.
    Export {
        #[arg(long, short, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        #[arg(long, value_parser = parse_date)]
        since: Option<NaiveDate>,
        #[arg(long, value_parser = parse_date)]
        until: Option<NaiveDate>,
        /// Write to FILE (created owner-only) instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
        /// For an export you will share: first look for details that could identify
        /// someone (NHS numbers, postcodes, names …). With findings, nothing is written
        /// until you add --replace all or --keep.
        #[arg(long)]
        check: bool,
        /// With --check: put placeholders such as [postcode] in the export (only
        /// `all`; your diary is unchanged).
        #[arg(long, requires = "check", value_name = "all")]
        replace: Option<String>,
        /// With --check: share what it finds as you wrote it.
        #[arg(long, requires = "check", conflicts_with = "replace")]
        keep: bool,
    },
    /// Import a Lantern JSON export, a jrnl JSON export, or JSON Lines. Importing the
    /// same file twice adds nothing.
    Import { file: PathBuf },
    /// Copy the whole diary to PATH (a file, or a folder to put a dated copy in).
    Backup { path: PathBuf },
    /// Encrypt an existing diary with a passphrase.
    Encrypt,
    /// Change the passphrase of an encrypted diary.
    Passphrase,
    /// Keep an encrypted diary open for a while, so commands and the app need no
    /// passphrase until then (or until `lantern lock`). The key is kept in this login
    /// session's kernel keyring, never on disk.
    Unlock {
        /// How long: 30s, 15m or 2h (at most 12h). Without it, unlock_minutes from
        /// config.toml, or 15 minutes.
        #[arg(long = "for", value_name = "TIME")]
        time: Option<String>,
    },
    /// Forget the key kept by `lantern unlock`, now.
    Lock,
    /// Write a plaintext (unencrypted) copy of the diary to FILE.
    Decrypt {
        #[arg(long, short, value_name = "FILE")]
        out: PathBuf,
    },
    /// Show where Lantern keeps your diary, settings and content overrides.
    Paths,
    /// List every key the full-screen app answers to, with your changes from the
    /// [keys] section of config.toml.
    Keys,
    /// Check the diary and print what a bug report needs: versions, paths, schema,
    /// encryption, file modes, and SQLite's own check of the file. Never diary text.
    Doctor,
    /// Save everything that can still be read from a damaged diary into a fresh one,
    /// which takes its place. The damaged file is kept beside it, unchanged.
    Repair,
    /// Print shell completions: lantern completions bash > ~/.local/share/bash-completion/completions/lantern
    Completions { shell: clap_complete::Shell },
    /// Check, list and read the framework content.
    #[command(subcommand)]
    Content(ContentCommand),
    /// One small suggestion for how you are, from your latest check-in.
    Suggest,
    /// Where to get help when things are too much.
    HelpNow,
    /// Browse the framework: the skills, the ten steps, the good practice points, the
    /// models of support and the key recommendations. Give a shelf or kind to read it.
    Library {
        /// A shelf (skills, steps, practice-points, support, recommendations) or a kind.
        kind: Option<String>,
    },
    /// Run an exercise as plain text, step by step: works with a screen reader.
    Exercise(ExerciseArgs),
    /// Your compassionate resilience plan: show, set, history, export.
    Plan {
        #[command(subcommand)]
        command: Option<PlanCommand>,
    },
    /// What you have practised, newest first; `lantern practice log REF` adds to it.
    Practice(PracticeArgs),
    /// Find the kind of support that fits you: three short questions, or flags.
    Support(SupportArgs),
    /// One quiet line for a shell start-up file when today has no check-in yet.
    Nudge,
    /// How the last days have been: your check-ins in plain words (--json for scripts).
    Stats(StatsArgs),
    /// A year of check-ins as a calendar, each day coloured by its pleasantness.
    Pixels {
        /// The year to show; this year if not given.
        #[arg(long)]
        year: Option<i32>,
    },
    /// Look back over the last seven days, then write a weekly review.
    Review,
    /// Prepare for supervision, or record that it took place.
    #[command(subcommand)]
    Supervision(SupervisionCommand),
    /// Your CPD record for your registration: add, list, delete.
    #[command(subcommand)]
    Cpd(super::registration_args::CpdCommand),
    /// Where you are in your registration cycle; reflective accounts, feedback and
    /// discussions.
    Revalidation {
        #[command(subcommand)]
        command: Option<super::registration_args::RevalidationCommand>,
    },
    /// Look for details that could identify someone (NHS and NI numbers, postcodes,
    /// phone numbers, addresses, names …) in an entry, or in text from standard input.
    /// Nothing is changed unless you ask; nothing is sent anywhere.
    ///
    /// Exit status: 0 when nothing was found, 3 when something was (so a script can
    /// stop before sharing), 1 for an error such as an unknown entry, 2 for a
    /// mistyped command. Exports that run the check exit 3 too when they stop.
    Check(CheckArgs),
    /// The words the check watches for (names it could not guess), kept in your diary.
    #[command(subcommand)]
    Watch(WatchCommand),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The entry to check.
    #[arg(required_unless_present = "text", conflicts_with = "text")]
    pub id: Option<i64>,
    /// Check text instead: `--text -` reads it from standard input.
    #[arg(long, value_name = "-")]
    pub text: Option<String>,
    /// Replace findings in the entry itself with their placeholders: `all`, or the
    /// numbers the check listed, like `1,3`.
    #[arg(long, value_name = "all|N,M", requires = "id")]
    pub replace_in_entry: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum WatchCommand {
    /// Watch for this word (any case).
    Add { word: String },
    /// The words watched for.
    List,
    /// Stop watching for this word.
    Remove { word: String },
}

#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// How pleasant right now feels (1–10).
    #[arg(long, short = 'p', value_name = "N", allow_negative_numbers = true)]
    pub pleasant: i64,
    /// How much energy you have (1–10).
    #[arg(long, short = 'e', value_name = "N", allow_negative_numbers = true)]
    pub energy: i64,
    /// How stressed you feel (0–10).
    #[arg(long, short = 's', value_name = "N", allow_negative_numbers = true)]
    pub stress: i64,
    /// Which emotion system feels most active: threat, drive or soothe.
    #[arg(long)]
    pub system: Option<String>,
    /// An emotion word (see `lantern content list quadrant`); repeat for more.
    #[arg(long = "feel", value_name = "WORD")]
    pub feel: Vec<String>,
    /// A stressor tag (see `lantern content list stress`); repeat for more.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    #[arg(long)]
    pub note: Option<String>,
    /// One good moment from today.
    #[arg(long)]
    pub good: Option<String>,
    /// A quick check-in after a visit.
    #[arg(long)]
    pub after_visit: bool,
}

#[derive(Debug, Subcommand)]
pub enum ContentCommand {
    /// Check content files for every problem at once: DIR's files, with the built-in
    /// copy of any file DIR lacks (default: your content overrides).
    Check { dir: Option<PathBuf> },
    /// List items of a kind (skill, step, exercise …) or a file (skills, prompts …).
    List { kind: Option<String> },
    /// Show one item in full, by id or kind:id.
    Show { id: String },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Json,
    Markdown,
}

fn parse_date(text: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date; write it as YYYY-MM-DD"))
}

#[derive(Debug, Args)]
pub struct ExerciseArgs {
    /// The exercise's id, such as soothing-breathing (`lantern library exercise` lists them).
    pub id: String,
    /// Print how many minutes the exercise takes, and stop there.
    #[arg(long)]
    pub minutes_only: bool,
    /// Run faster by this factor (for tests); also LANTERN_PACE_SCALE.
    #[arg(long, hide = true, value_name = "X")]
    pub speed: Option<f64>,
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Show every section with what you have written so far.
    Show,
    /// Write a section (its id, number or a word of its id): from standard input when
    /// piped, otherwise in your $EDITOR. Earlier words are kept.
    Set { section: String },
    /// Earlier versions of a section, newest first.
    History { section: String },
    /// The plan as Markdown, to FILE (readable by you only) or to standard output.
    Export {
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct PracticeArgs {
    #[command(subcommand)]
    pub command: Option<PracticeCommand>,
    /// How many to show.
    #[arg(short = 'n', long = "number", default_value_t = 20)]
    pub number: usize,
}

#[derive(Debug, Subcommand)]
pub enum PracticeCommand {
    /// Record practice done away from Lantern: REF is an item such as
    /// exercise:grounding or skill:being-in-the-now.
    Log {
        #[arg(value_name = "REF")]
        item: String,
        /// How long, in minutes (an exercise's own length if not given).
        #[arg(long)]
        minutes: Option<f64>,
        /// A word about how it was.
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct SupportArgs {
    /// What would help most.
    #[arg(long, value_parser = ["heard", "think", "grow", "process"])]
    pub need: Option<String>,
    /// On your own, with one person, or with a group.
    #[arg(long, value_parser = ["alone", "one", "group"])]
    pub setting: Option<String>,
    /// Something informal, or arranged through work.
    #[arg(long, value_parser = ["informal", "formal"])]
    pub formality: Option<String>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// How many days to look back over, today included (7, 30, 90, 365 …).
    #[arg(long, short = 'd', default_value_t = 30,
          value_parser = clap::value_parser!(u32).range(1..=36600))]
    pub days: u32,
    /// Print machine-readable JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum SupervisionCommand {
    /// Gather the time since your last supervision into a private Markdown summary.
    /// Nothing from your diary is included unless you choose it.
    Prep(PrepArgs),
    /// Record that supervision took place, so the next preparation starts from it.
    Done {
        /// The day it took place (YYYY-MM-DD); today if not given.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// A short note for yourself.
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct PrepArgs {
    /// Start from this day (YYYY-MM-DD). Default: your last recorded supervision, or
    /// else the last 30 days.
    #[arg(long, value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Include this diary entry in full; repeat for more. Without it, no entry is included.
    #[arg(long = "entry", value_name = "ID")]
    pub entries: Vec<i64>,
    /// Include the good moments you noted with your check-ins.
    #[arg(long)]
    pub good_moments: bool,
    /// Answer the preparation questions first: in $EDITOR, or from standard input
    /// when it is piped.
    #[arg(long)]
    pub answer: bool,
    /// Write to FILE (created readable by you only) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
    /// What the confidentiality check finds: replace it with placeholders such as
    /// [postcode] in the preparation only (`all`, or numbers like `1,3`). Your diary is
    /// unchanged.
    #[arg(long, value_name = "all|N,M")]
    pub replace: Option<String>,
    /// Share what the check finds as you wrote it.
    #[arg(long, conflicts_with = "replace")]
    pub keep: bool,
}
