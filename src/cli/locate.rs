//! Every command that takes an assessment accepts a path, or a name from the data folder
//! (`acme-labs.toml`, `acme-labs`, `"Acme Labs"`): the names are replaced by the files they
//! mean before the command runs, and a name that matches nothing fails with every place
//! that was tried.

use std::path::PathBuf;

use soc2_ready::assessment::store;

use super::args::{Command, EvidenceCommand};
use super::{Failure, GlobalArgs, data_dir};

/// Replaces each assessment argument of `command` by the file it names.
pub fn resolve(global: &GlobalArgs, command: &mut Command) -> Result<(), Failure> {
    let dir = data_dir(global).ok();
    let dir = dir.as_deref();
    for path in assessment_paths(command) {
        // A path with a folder in it means only itself: opening it says what is wrong.
        if store::candidates(path, dir).len() == 1 {
            continue;
        }
        // A dangling link counts as there, so opening it explains the link.
        let there = |candidate: &std::path::Path| candidate.symlink_metadata().is_ok();
        // Missing like any missing file: the system, not the syntax (exit 1).
        *path = store::locate(path, dir, there)
            .map_err(|missing| Failure::Runtime(missing.to_string()))?;
    }
    Ok(())
}

/// The arguments of `command` that name an assessment file.
fn assessment_paths(command: &mut Command) -> Vec<&mut PathBuf> {
    match command {
        Command::Score(args) => vec![&mut args.path],
        Command::Report(args) => vec![&mut args.path],
        Command::Calendar(args) => vec![&mut args.path],
        Command::Soa(args) => vec![&mut args.path],
        Command::Minutes(args) => vec![&mut args.path],
        Command::Workshop(args) => vec![&mut args.path],
        Command::Package(args) => vec![&mut args.path],
        Command::Answer(args) => vec![&mut args.path],
        Command::Resolve(args) => vec![&mut args.path],
        Command::Import(args) => vec![&mut args.into],
        Command::History(args) => vec![&mut args.path],
        Command::Due(args) => vec![&mut args.path],
        Command::Compare(args) => std::iter::once(&mut args.path)
            .chain(args.newer.as_mut())
            .collect(),
        Command::Evidence(EvidenceCommand::Add(args)) => vec![&mut args.path],
        Command::Evidence(
            EvidenceCommand::List { path, .. }
            | EvidenceCommand::Verify { path, .. }
            | EvidenceCommand::Remove { path, .. },
        )
        | Command::Open { path } => vec![path],
        Command::Policy(command) => vec![command.path_mut()],
        Command::Vendor(command) => vec![command.path_mut()],
        Command::Risk(command) => vec![command.path_mut()],
        Command::Sheet(command) => vec![command.path_mut()],
        Command::Config(args) => args.assessment.iter_mut().collect(),
        Command::Validate(args) => args.path.iter_mut().collect(),
        Command::Criteria(_)
        | Command::Questions(_)
        | Command::New(_)
        | Command::Crosswalk(_)
        | Command::Claims(_)
        | Command::Merge(_)
        | Command::List(_)
        | Command::Completions { .. }
        | Command::Man => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    use super::super::Cli;

    #[test]
    fn every_command_with_an_assessment_argument_resolves_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("acme.toml"), "").unwrap();
        let data = dir.path().to_str().unwrap();
        for line in [
            "score acme",
            "report acme",
            "calendar acme",
            "soa acme",
            "answer acme CC6.1.mfa 3",
            "history acme",
            "due acme",
            "compare acme acme.toml",
            "evidence add acme CC6.1.mfa --title t",
            "evidence list acme",
            "evidence verify acme",
            "validate acme",
            "evidence remove acme CC6.1.mfa 1",
            "open acme",
            "config acme",
            "policy list acme",
            "policy templates acme --output out",
            "vendor remove acme Cloudhost",
            "risk import acme risks.csv",
            "sheet export acme --output out.xlsx",
            "sheet import acme filled.csv",
        ] {
            let mut cli = Cli::parse_from(
                ["soc2-ready", "--data-dir", data]
                    .into_iter()
                    .chain(line.split(' ')),
            );
            let mut command = cli.command.take().unwrap();
            resolve(&cli.global, &mut command).unwrap();
            let paths = assessment_paths(&mut command);
            assert!(!paths.is_empty(), "{line}");
            for path in paths {
                assert_eq!(*path, dir.path().join("acme.toml"), "{line}");
            }
        }
    }

    #[test]
    fn an_unknown_name_fails_saying_where_it_looked() {
        let dir = tempfile::tempdir().unwrap();
        let cli = Cli::parse_from(["soc2-ready", "--data-dir", dir.path().to_str().unwrap()]);
        let mut command = Cli::parse_from(["soc2-ready", "score", "globex"])
            .command
            .unwrap();
        let Err(Failure::Runtime(message)) = resolve(&cli.global, &mut command) else {
            panic!("an unknown name fails like a missing file")
        };
        assert!(message.contains(&dir.path().join("globex.toml").display().to_string()));
    }

    #[test]
    fn a_path_with_a_folder_is_left_for_the_opener_to_explain() {
        let cli = Cli::parse_from(["soc2-ready", "--data-dir", "/data"]);
        let mut command = Cli::parse_from(["soc2-ready", "score", "/nonexistent/acme.toml"])
            .command
            .unwrap();
        resolve(&cli.global, &mut command).unwrap();
        let Command::Score(args) = command else {
            panic!("not score")
        };
        assert_eq!(args.path, PathBuf::from("/nonexistent/acme.toml"));
    }
}
