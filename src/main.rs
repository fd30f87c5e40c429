use clap::Parser;

fn main() {
    let cli = lantern::cli::Cli::parse();
    let code = match lantern::cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            // One line a person can act on; never a backtrace, never diary text.
            eprintln!("lantern: {error:#}");
            1
        }
    };
    std::process::exit(code);
}
