use clap::Parser;

fn main() {
    let cli = lantern::cli::Cli::parse();
    let verbose = cli.verbose;
    let code = match lantern::cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            // One line a person can act on; never a backtrace, never diary text.
            eprintln!("lantern: {error:#}");
            if verbose {
                for detail in error
                    .chain()
                    .filter_map(|cause| cause.downcast_ref::<lantern::store::StoreError>())
                    .filter_map(|e| e.detail())
                {
                    eprintln!("lantern: the database said: {detail}");
                }
            }
            1
        }
    };
    std::process::exit(code);
}
