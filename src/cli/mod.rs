//! The command line: dispatch from the parsed arguments to the command that runs them.
//! The arguments are in `args`, what every command shares in `context`, and each
//! family of commands has its own module.

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

/// `eprintln!` that never panics: a full or closed stderr (`2>/dev/full`) must not
/// turn a warning into a crash, nor stop the command that printed it.
macro_rules! errln {
    ($($arg:tt)*) => {{
        let mut stderr = ::std::io::stderr().lock();
        let _ = ::std::io::Write::write_fmt(&mut stderr, format_args!($($arg)*));
        let _ = ::std::io::Write::write_all(&mut stderr, b"\n");
    }};
}

mod args;
mod check;
mod content_cmd;
mod context;
mod diary;
mod doctor;
mod editor;
mod exercise;
mod export_check;
mod help_now;
mod keys;
mod library;
mod output;
mod paths;
mod pixels;
mod plain;
mod plan;
mod practice;
mod registration;
mod registration_args;
mod review;
mod security;
mod share;
mod stats;
mod suggest;
mod supervision;
mod support;
mod transfer;
mod unlock;

pub use args::{Cli, Command};

use anyhow::Result;

use crate::config::Config;
use crate::keys::KeyRow;

use context::Context;

/// Runs the command line; returns the process exit code.
/// The full-screen app's keys in effect for these settings, with a warning for each
/// `[keys]` line it could not use. `main` passes the app's own function in, so the
/// command line can list the keys without depending on the app.
pub type KeyRows = fn(&Config) -> (Vec<KeyRow>, Vec<String>);

pub fn run(cli: Cli, key_rows: KeyRows) -> Result<i32> {
    // `nudge` must be silent and fast, so it runs before the settings load and never
    // reports an error.
    if matches!(cli.command, Some(Command::Nudge)) {
        return Ok(suggest::nudge(cli.data_dir.as_deref()));
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
            check,
            replace,
            keep,
        } => {
            let check = check.then_some(share::Choice { replace, keep });
            transfer::export(&ctx, format, (since, until), output, force, check)
        }
        Command::Import { file } => transfer::import(&ctx, &file),
        Command::Backup { path } => transfer::backup(&ctx, &path),
        Command::Encrypt => security::encrypt(&ctx),
        Command::Passphrase => security::passphrase(&ctx),
        Command::Unlock { time } => unlock::unlock(&ctx, time.as_deref()),
        Command::Lock => unlock::lock(&ctx),
        Command::Decrypt { out } => security::decrypt(&ctx, &out),
        Command::Paths => paths::paths(&ctx),
        Command::Keys => keys::keys(&ctx, key_rows),
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
        Command::Suggest => suggest::suggest(&ctx),
        Command::HelpNow => help_now::help_now(&ctx),
        Command::Library { kind } => library::library(&ctx, kind.as_deref()),
        Command::Exercise(args) => exercise::exercise(&ctx, args),
        Command::Plan { command } => plan::plan(&ctx, command),
        Command::Practice(args) => practice::practice(&ctx, args),
        Command::Support(args) => support::support(&ctx, args),
        Command::Nudge => Ok(0), // handled before the settings load, above
        Command::Stats(args) => stats::stats(&ctx, args),
        Command::Pixels { year } => pixels::pixels(&ctx, year),
        Command::Review => review::review(&ctx),
        Command::Supervision(command) => supervision::supervision(&ctx, command),
        Command::Cpd(command) => registration::cpd(&ctx, command),
        Command::Revalidation { command } => registration::revalidation(&ctx, command),
        Command::Check(args) => check::check(&ctx, args),
        Command::Watch(command) => check::watch(&ctx, command),
    }
}
