use std::io::{IsTerminal as _, Write as _};

use clap::Parser;

/// `eprintln!` that never panics: a full or closed stderr must not turn a message into
/// a crash.
macro_rules! say {
    ($($arg:tt)*) => {{
        let mut stderr = ::std::io::stderr().lock();
        let _ = ::std::io::Write::write_fmt(&mut stderr, format_args!($($arg)*));
        let _ = ::std::io::Write::write_all(&mut stderr, b"\n");
    }};
}

fn main() {
    let cli = lantern::cli::Cli::parse();
    let verbose = cli.verbose;
    // No command on a terminal opens the app; everything else is the command line's.
    let app =
        cli.command.is_none() && std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    let result = if app {
        lantern::session::Session::new(cli.data_dir.as_deref())
            .and_then(|session| lantern::tui::run(&session))
            .map(|()| 0)
    } else {
        lantern::cli::run(cli, lantern::tui::keys::rows)
    };
    let result = result.and_then(|code| {
        // Anything still buffered goes now, so a failed write is seen here.
        std::io::stdout().flush()?;
        Ok(code)
    });
    let code = match result {
        Ok(code) => code,
        // The reader went away (`lantern list | head -1`): nothing is wrong and
        // nothing is lost, so end quietly, as ripgrep does.
        Err(error) if is_broken_pipe(&error) => 0,
        Err(error) => {
            // One line a person can act on; never a backtrace, never diary text.
            say!("lantern: {error:#}");
            if verbose {
                for detail in error
                    .chain()
                    .filter_map(|cause| cause.downcast_ref::<lantern::store::StoreError>())
                    .filter_map(|e| e.detail())
                {
                    say!("lantern: the database said: {detail}");
                }
            }
            1
        }
    };
    std::process::exit(code);
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
