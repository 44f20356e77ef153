//! The command definition used for parsing and help: global options are listed once, in the
//! top-level help, and each sub-command's help points there instead of repeating them.
//! Completions and the man page use the plain definition, so they still offer every option
//! under every command.

use clap::{Arg, Command, CommandFactory};

use super::args::Cli;

/// Where a sub-command's help sends the reader for the global options.
const GLOBAL_NOTE: &str = "Global options (--questionnaires, --data-dir, --theme, --config) work after any command; \
     `soc2-ready --help` lists them.";

/// The command line with the global options hidden in every sub-command's help (they still
/// parse there).
pub fn command() -> Command {
    let command = Cli::command();
    let globals: Vec<Arg> = command
        .get_arguments()
        .filter(|arg| arg.is_global_set())
        .map(|arg| arg.clone().hide(true))
        .collect();
    hide_in_subcommands(command, &globals)
}

/// Gives every sub-command, at any depth, hidden copies of `globals`: clap then skips them
/// when it propagates the visible originals.
fn hide_in_subcommands(command: Command, globals: &[Arg]) -> Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    names.into_iter().fold(command, |command, name| {
        command.mut_subcommand(name, |sub| {
            let sub = sub.args(globals.iter().cloned()).after_help(GLOBAL_NOTE);
            hide_in_subcommands(sub, globals)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn help_of(path: &[&str]) -> String {
        let mut command = command();
        for name in path {
            command = command.find_subcommand(name).expect("known").clone();
        }
        command.render_help().to_string()
    }

    #[test]
    fn global_options_are_listed_once_at_the_top() {
        let top = help_of(&[]);
        assert!(
            top.contains("--theme") && top.contains("--data-dir"),
            "{top}"
        );
        for path in [&["score"][..], &["evidence", "add"], &["report"]] {
            let help = help_of(path);
            for option in [
                "--theme <",
                "--data-dir <",
                "--questionnaires <",
                "--config <",
            ] {
                assert!(!help.contains(option), "{path:?} repeats {option}: {help}");
            }
            assert!(help.contains("soc2-ready --help"), "{help}");
        }
        assert!(help_of(&["evidence", "add"]).contains("--title"));
    }
}
