//! The command line: what each command takes (clap), dispatch to the command, and
//! the `Context` every command shares (the session, with the command line's way of
//! asking for a passphrase and printing what it found).

/// Writes to standard output and returns the io error with `?`, instead of panicking as
/// `print!` does when the reader has gone (`lantern list | head -1`). `main` turns a
/// closed pipe into a quiet exit.
macro_rules! out {
    ($($arg:tt)*) => {
        ::std::io::Write::write_fmt(&mut ::std::io::stdout().lock(), format_args!($($arg)*))?
    };
}

/// `out!` with a newline, as `println!`.
macro_rules! outln {
    () => {
        out!("\n")
    };
    ($($arg:tt)*) => {{
        let mut stdout = ::std::io::stdout().lock();
        ::std::io::Write::write_fmt(&mut stdout, format_args!($($arg)*))?;
        ::std::io::Write::write_all(&mut stdout, b"\n")?;
    }};
}

mod content_cmd;
mod diary;
mod doctor;
mod editor;
mod insights;
mod output;
// --- practice and support (issue 5) ---
mod practice;
mod security;
mod transfer;

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use zeroize::Zeroizing;

use crate::content::Content;
use crate::session::Session;
use crate::store::{Store, StoreError};

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
    /// Write a plaintext (unencrypted) copy of the diary to FILE.
    Decrypt {
        #[arg(long, short, value_name = "FILE")]
        out: PathBuf,
    },
    /// Show where Lantern keeps your diary, settings and content overrides.
    Paths,
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
    // --- practice and support (issue 5) ---
    /// Browse the framework: the skills, the ten steps, the good practice points, the
    /// models of support and the key recommendations. Give a shelf or kind to read it.
    Library {
        /// A shelf (skills, steps, practice-points, support, recommendations) or a kind.
        kind: Option<String>,
    },
    /// Run an exercise as plain text, step by step: works with a screen reader.
    Exercise(practice::ExerciseArgs),
    /// Your compassionate resilience plan: show, set, history, export.
    Plan {
        #[command(subcommand)]
        command: Option<practice::PlanCommand>,
    },
    /// What you have practised, newest first; `lantern practice log REF` adds to it.
    Practice(practice::PracticeArgs),
    /// Find the kind of support that fits you: three short questions, or flags.
    Support(practice::SupportArgs),
    /// One quiet line for a shell start-up file when today has no check-in yet.
    Nudge,
    // --- end of practice and support (issue 5) ---
    // --- insights and supervision (issue 6) ---
    /// How the last days have been: your check-ins in plain words (--json for scripts).
    Stats(insights::StatsArgs),
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
    Supervision(insights::SupervisionCommand),
    // --- end insights and supervision (issue 6) ---
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

/// What every command shares: the session, read once.
pub struct Context {
    session: Session,
}

impl std::ops::Deref for Context {
    type Target = Session;

    fn deref(&self) -> &Session {
        &self.session
    }
}

impl Context {
    /// Sets up the session; what was wrong in the settings goes to stderr.
    pub fn new(data_dir: Option<&std::path::Path>) -> Result<Context> {
        let session = Session::new(data_dir)?;
        for warning in &session.config_warnings {
            eprintln!("lantern: warning: {warning}");
        }
        Ok(Context { session })
    }

    /// The content, with the user's overrides; warnings about set-aside files go to stderr.
    pub fn content(&self) -> Content {
        let loaded = self.session.load_content();
        for warning in &loaded.warnings {
            eprintln!("lantern: warning: {warning}");
        }
        loaded.content
    }

    /// Opens the diary, asking for the passphrase if it is encrypted.
    pub fn open_store(&self) -> Result<Store> {
        let passphrase = if self.session.is_encrypted()? {
            Some(passphrase_from_user("Passphrase: ")?)
        } else {
            None
        };
        let opened = self
            .session
            .open_store(passphrase.as_deref().map(String::as_str))?;
        for notice in &opened.notices {
            eprintln!("lantern: note: {notice}");
        }
        for line in &opened.recovered {
            eprintln!("lantern: {line}");
        }
        Ok(opened.store)
    }
}

/// The passphrase from LANTERN_PASSPHRASE, or asked for without echo on the terminal.
pub fn passphrase_from_user(prompt: &str) -> Result<Zeroizing<String>> {
    if let Ok(p) = std::env::var("LANTERN_PASSPHRASE") {
        return Ok(Zeroizing::new(p));
    }
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|_| StoreError::NeedsPassphrase.into())
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> Result<i32> {
    // practice and support (issue 5): `nudge` must be silent and fast, so it runs
    // before the settings load and never reports an error.
    if matches!(cli.command, Some(Command::Nudge)) {
        return Ok(practice::nudge(cli.data_dir.as_deref()));
    }
    let ctx = Context::new(cli.data_dir.as_deref())?;
    let Some(command) = cli.command else {
        // The app is for a terminal (`main` opens it there); anywhere else, the help.
        use clap::CommandFactory;
        let help = Cli::command().render_help().to_string();
        out!("{help}");
        return Ok(0);
    };
    match command {
        Command::Init { encrypt } => security::init(&ctx, encrypt),
        Command::Checkin(args) => diary::checkin(&ctx, args),
        Command::Write {
            template,
            title,
            tags,
        } => diary::write(&ctx, template, title, tags),
        Command::List {
            number,
            since,
            until,
            tag,
            checkins,
        } => diary::list(&ctx, number, since, until, tag, checkins),
        Command::Show { id } => diary::show(&ctx, id),
        Command::Search { query, number } => diary::search(&ctx, &query.join(" "), number),
        Command::Edit { id } => diary::edit(&ctx, id),
        Command::Delete { id, yes } => diary::delete(&ctx, id, yes),
        Command::Export {
            format,
            since,
            until,
            output,
            force,
        } => transfer::export(&ctx, format, since, until, output, force),
        Command::Import { file } => transfer::import(&ctx, &file),
        Command::Backup { path } => transfer::backup(&ctx, &path),
        Command::Encrypt => security::encrypt(&ctx),
        Command::Passphrase => security::passphrase(&ctx),
        Command::Decrypt { out } => security::decrypt(&ctx, &out),
        Command::Paths => security::paths(&ctx),
        Command::Doctor => doctor::doctor(&ctx),
        Command::Repair => doctor::repair(&ctx),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            // Into memory first: clap_complete panics when its writer fails.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "lantern", &mut script);
            std::io::Write::write_all(&mut std::io::stdout().lock(), &script)?;
            Ok(0)
        }
        Command::Content(command) => content_cmd::run(&ctx, command),
        Command::Suggest => content_cmd::suggest(&ctx),
        Command::HelpNow => content_cmd::help_now(&ctx),
        // --- practice and support (issue 5) ---
        Command::Library { kind } => practice::library(&ctx, kind.as_deref()),
        Command::Exercise(args) => practice::exercise(&ctx, args),
        Command::Plan { command } => practice::plan(&ctx, command),
        Command::Practice(args) => practice::practice(&ctx, args),
        Command::Support(args) => practice::support(&ctx, args),
        Command::Nudge => Ok(0), // handled before the settings load, above
        // --- end of practice and support (issue 5) ---
        // --- insights and supervision (issue 6) ---
        Command::Stats(args) => insights::stats(&ctx, args),
        Command::Pixels { year } => insights::pixels(&ctx, year),
        Command::Review => insights::review(&ctx),
        Command::Supervision(command) => insights::supervision(&ctx, command),
        // --- end insights and supervision (issue 6) ---
    }
}
