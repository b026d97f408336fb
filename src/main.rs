//! The `ftzkg` binary: parse the command line, run the command, turn a
//! failure into a message and an exit code.

use clap::Parser;

fn main() {
    let cli = ftzkg::cli::Cli::parse();
    if let Err(failure) = ftzkg::commands::run(cli) {
        // Output cut short by the reader (`| head`) is not an error.
        if failure.message.contains("os error 32") {
            return;
        }
        eprintln!("ftzkg: {}", failure.message);
        std::process::exit(failure.code);
    }
}
