//! `soc2-ready completions SHELL` and `soc2-ready man`: a shell completion script and a
//! man page, both generated from the one clap definition so they never drift from `--help`.

use clap::{CommandFactory, ValueEnum};
use clap_complete::Shell;

use super::args::Cli;
use super::{Failure, Output};

/// Shells that completion scripts are generated for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    /// GNU Bash.
    Bash,
    /// Z shell.
    Zsh,
    /// fish.
    Fish,
    /// PowerShell.
    Powershell,
}

/// The completion script for `shell`.
pub fn completions(shell: ShellArg) -> Result<Output, Failure> {
    let shell = match shell {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
        ShellArg::Powershell => Shell::PowerShell,
    };
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "soc2-ready", &mut script);
    Ok(Output::text(utf8(script)?))
}

/// The man page (roff): the whole program, then one section per command with its synopsis
/// and options.
pub fn man() -> Result<Output, Failure> {
    let command = Cli::command();
    let mut page = Vec::new();
    let failed =
        |error: std::io::Error| Failure::Runtime(format!("cannot render the man page: {error}"));
    clap_mangen::Man::new(command.clone())
        .render(&mut page)
        .map_err(failed)?;
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        let name = format!("soc2-ready {}", sub.get_name());
        let man = clap_mangen::Man::new(sub.clone().bin_name(name.clone()));
        let mut section = Vec::new();
        man.render_synopsis_section(&mut section)
            .and_then(|()| man.render_options_section(&mut section))
            .map_err(failed)?;
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        page.extend_from_slice(
            format!(".SH \"{}\"\n{}\n", name.to_uppercase(), roff_escape(&about)).as_bytes(),
        );
        // The command's own headings become sub-headings of its section.
        let section = utf8(section)?.replace(".SH ", ".SS ");
        page.extend_from_slice(section.as_bytes());
    }
    page.extend_from_slice(CLOSING.as_bytes());
    Ok(Output::text(utf8(page)?))
}

/// Exit codes, environment and files: what clap does not know.
const CLOSING: &str = r#".SH "EXIT STATUS"
.TP
0
Success.
.TP
1
The system failed (unreadable file, full disk, permissions).
.TP
2
Bad input: invalid files, configuration or arguments; every problem is named with file, line and field.
.SH ENVIRONMENT
.TP
SOC2_READY_DATA_DIR
Where assessments live, like \fB\-\-data\-dir\fR.
.TP
SOC2_READY_CONFIG
The configuration file, like \fB\-\-config\fR.
.TP
NO_COLOR
Turns colours off in every theme.
.TP
SOC2_READY_TODAY
The date soc2-ready takes as today (YYYY-MM-DD), for planning and reproducible output.
.TP
SOURCE_DATE_EPOCH
Fixes the report date, for reproducible reports.
.SH FILES
.TP
~/.config/soc2\-ready/config.toml
Optional settings: verdict thresholds, defaults for new assessments and reports, the theme and report branding (on Linux; \fBsoc2\-ready config \-\-path\fR prints it on any system).
.TP
~/.local/share/soc2\-ready/
One TOML file per assessment (on Linux).
"#;

/// Text safe to start a roff line with (a leading `.` or `'` would be read as a request).
fn roff_escape(text: &str) -> String {
    let text = text.replace('\\', "\\e");
    if text.starts_with(['.', '\'']) {
        format!("\\&{text}")
    } else {
        text
    }
}

fn utf8(bytes: Vec<u8>) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|_| Failure::Runtime("generated text is not UTF-8".into()))
}
