//! Bare `soc2-ready` and `soc2-ready open PATH`: start the interactive wizard on Home, or
//! straight on one assessment file. Temporary files left by an interrupted save are swept
//! from the folders involved first.

use std::io::IsTerminal;
use std::path::Path;

use soc2_ready::assessment::store;
use soc2_ready::atomic_file;
use soc2_ready::tui::{self, App, Disk, Theme, ThemeName};

use super::args::ThemeArg;
use super::{Failure, GlobalArgs, Output, data_dir, load_questionnaire};

/// Runs the wizard until the user quits; `open` skips Home.
pub fn run(global: &GlobalArgs, open: Option<&Path>) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let clock = super::clock()?;
    let dir = data_dir(global)?;
    atomic_file::sweep_stale(&dir);
    if let Some(parent) = open.and_then(Path::parent) {
        let parent = store::real_path(if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        });
        if parent != store::real_path(&dir) {
            atomic_file::sweep_stale(&parent);
        }
    }
    let opened = match open {
        Some(path) => Some((path.to_path_buf(), store::load(path)?)),
        None => None,
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Failure::Invalid(
            "the wizard needs a terminal; for scripts use the commands in --help".into(),
        ));
    }
    let name = match global.theme {
        ThemeArg::Dark => ThemeName::Dark,
        ThemeArg::Light => ThemeName::Light,
        ThemeArg::Projector => ThemeName::Projector,
    };
    let color = std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty());
    let mut app = App::new(
        questionnaire,
        Box::new(Disk::new(dir)),
        clock,
        Theme::new(name, color),
    );
    tui::start(&mut app, opened);
    tui::run(app).map_err(|error| Failure::Runtime(format!("terminal: {error}")))?;
    Ok(Output::default())
}
