//! The `soc2-ready` binary: parses the command line and hands over to a command.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
