//! The `ftzkg` binary: parse the command line, run the command, turn a
//! failure into a message and an exit code.

use clap::Parser;

fn main() {
    limit_malloc_arenas();
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

/// glibc gives each new thread its own malloc arena (up to 8 per core)
/// and keeps what those arenas once held. The bulk loader sorts every
/// batch on a new thread, so a long ingest would hold the peak of every
/// batch at once: with two arenas, memory stays that of one batch.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    // SAFETY: called first in `main`, before any other thread exists;
    // `mallopt` only changes the allocator's tuning.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}
