//! Bare `soc2-ready`, `soc2-ready open PATH` and `soc2-ready workshop PATH`: start the
//! interactive wizard on Home, straight on one assessment file, or in its workshop view. Temporary files left by an interrupted save are swept
//! from the folders involved first.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use soc2_ready::assessment::store;
use soc2_ready::atomic_file;
use soc2_ready::config::Defaults;
use soc2_ready::questionnaire::Category;
use soc2_ready::time::workshop::Grouping;
use soc2_ready::tui::app::{Form, expand_home};
use soc2_ready::tui::input::TextInput;
use soc2_ready::tui::{self, App, Disk, Theme, ThemeName};

use super::args::ThemeArg;
use super::{Failure, GlobalArgs, Output, data_dir, load_config, load_questionnaire};

/// How `workshop` groups its agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupingArg {
    /// By criterion family (CC1 … P8), then the attestation and "certification" questions.
    Group,
    /// By the owner of each question, alphabetically; questions with no owner last.
    Owner,
}

/// Arguments of `workshop`.
#[derive(Debug, Args)]
pub struct WorkshopArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// How the agenda groups the questions.
    #[arg(long, value_enum, default_value_t = GroupingArg::Group)]
    pub by: GroupingArg,
    /// The session's length in minutes, shared over the sections in proportion to what
    /// each has to discuss [default: 2 minutes per open question, 1 per answered one].
    #[arg(long, value_name = "MINUTES", value_parser = clap::value_parser!(u32).range(1..=1440))]
    pub length: Option<u32>,
}

/// Runs the wizard straight in the workshop view of `args.path`, in the projector theme
/// unless `--theme` says otherwise.
pub fn workshop(global: &GlobalArgs, args: &WorkshopArgs) -> Result<Output, Failure> {
    let grouping = match args.by {
        GroupingArg::Group => Grouping::Group,
        GroupingArg::Owner => Grouping::Owner,
    };
    let presenting = GlobalArgs {
        theme: global.theme.or(Some(ThemeArg::Projector)),
        ..global.clone()
    };
    run(&presenting, Some(&args.path), Some((grouping, args.length)))
}

/// Runs the wizard until the user quits; `open` skips Home, and `workshop` opens it in
/// the workshop view with that agenda.
pub fn run(
    global: &GlobalArgs,
    open: Option<&Path>,
    workshop: Option<(Grouping, Option<u32>)>,
) -> Result<Output, Failure> {
    // A bad config stops the wizard with the same message as every command: no guessing.
    let config = load_config(global)?;
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
        Some(ThemeArg::Dark) => ThemeName::Dark,
        Some(ThemeArg::Light) => ThemeName::Light,
        Some(ThemeArg::Projector) => ThemeName::Projector,
        None => config.defaults.theme.unwrap_or_default(),
    };
    let color = std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty());
    let mut app = App::new(
        questionnaire,
        Box::new(Disk::new(dir)),
        clock,
        Theme::new(name, color),
    );
    app.policy = config.policy();
    app.form_template = form_template(&config.defaults);
    app.branding = config.branding.clone();
    app.paper = config.defaults.paper.unwrap_or_default();
    app.evidence_folder = config.defaults.evidence_folder.clone();
    app.export_folder = export_folder(config.defaults.export_folder.as_deref());
    tui::start(&mut app, opened);
    if let Some((grouping, length)) = workshop {
        tui::open_workshop(&mut app, grouping, length);
    }
    tui::run(app).map_err(|error| Failure::Runtime(format!("terminal: {error}")))?;
    Ok(Output::default())
}

/// Where the export screen writes by default: the config's `export_folder` (with `~`
/// expanded), else the folder the wizard was started from, else the user's documents
/// folder — never the hidden data folder the assessments live in.
fn export_folder(setting: Option<&str>) -> Option<PathBuf> {
    let dirs = directories::UserDirs::new();
    let home = dirs.as_ref().map(|dirs| dirs.home_dir());
    match setting {
        Some(setting) => Some(expand_home(setting, home)),
        None => std::env::current_dir().ok().or_else(|| {
            dirs.as_ref()
                .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
        }),
    }
}

/// The new-assessment form, prefilled with the config's assessor, scope and target.
fn form_template(defaults: &Defaults) -> Form {
    let mut form = Form::default();
    if let Some(assessor) = &defaults.assessor {
        form.assessor = TextInput::new(assessor);
    }
    if let Some(scope) = &defaults.scope {
        form.scope = scope
            .iter()
            .copied()
            .filter(|&category| category != Category::Security)
            .collect();
    }
    if let Some(target) = defaults.target {
        form.target = target;
    }
    form
}
