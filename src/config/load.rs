//! Finding and reading the config file and the logo it names. A missing file at the
//! default place is fine (everything has a default); a file the user named explicitly
//! (`--config`, `SOC2_READY_CONFIG`) must exist.

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Config, Logo, image_format, parse};
use crate::diagnostics::{Problem, SourceText, io_reason};

/// The environment variable naming the config file.
pub const ENV_VAR: &str = "SOC2_READY_CONFIG";

/// Largest config file and logo read, so a wrong path to a huge file fails fast.
const MAX_CONFIG_BYTES: u64 = 1 << 20;
const MAX_LOGO_BYTES: u64 = 8 << 20;

/// Why the config could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The file is wrong: every problem, located (bad input).
    Invalid(Vec<Problem>),
    /// The file could not be read (the system failed).
    Unreadable(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Invalid(problems) => {
                let lines: Vec<_> = problems.iter().map(ToString::to_string).collect();
                f.write_str(&lines.join("\n"))
            }
            LoadError::Unreadable(reason) => f.write_str(reason),
        }
    }
}

/// Where the config file lives by default (`~/.config/soc2-ready/config.toml` on Linux);
/// `None` when the system has no home directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "soc2-ready")
        .map(|dirs| dirs.config_dir().join("config.toml"))
}

/// Reads the config at `path`. A missing file gives the defaults unless `required` (the
/// user named it), when it is an error like any other bad input.
pub fn load(path: &Path, required: bool) -> Result<Config, LoadError> {
    let name = path.display().to_string();
    let problem =
        |message: String| LoadError::Invalid(vec![SourceText::new(&name, "").problem(message)]);
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        // No file (or a path through something that is not a folder): nothing configured.
        Err(error) if absent(&error) && !required => return Ok(Config::default()),
        Err(error) if absent(&error) => return Err(problem("no such config file".into())),
        Err(error) => {
            return Err(LoadError::Unreadable(format!(
                "cannot read {name}: {}",
                io_reason(&error)
            )));
        }
    };
    if !metadata.is_file() {
        return Err(problem("is not a regular file".into()));
    }
    let bytes = read_capped(path, MAX_CONFIG_BYTES).map_err(|reason| match reason {
        Capped::TooLarge => problem(format!(
            "is larger than {} KB; is this really the config file?",
            MAX_CONFIG_BYTES / 1024
        )),
        Capped::Io(reason) => LoadError::Unreadable(format!("cannot read {name}: {reason}")),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| problem("is not UTF-8 text".into()))?;
    let base = path.parent().unwrap_or(Path::new("."));
    let mut config = parse(SourceText::new(&name, &text), &|written| {
        resolve_logo(base, written)
    })
    .map_err(LoadError::Invalid)?;
    config.path = Some(path.to_path_buf());
    Ok(config)
}

fn absent(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
    )
}

/// Reads the logo written as `written` in a config file in `base`: `~/` is the home
/// directory, a relative path is relative to the config file's folder.
pub fn resolve_logo(base: &Path, written: &str) -> Result<Logo, String> {
    let path = match written.strip_prefix("~/") {
        Some(rest) => directories::BaseDirs::new()
            .ok_or("`~` has no meaning here: the system reports no home directory")?
            .home_dir()
            .join(rest),
        None => base.join(written),
    };
    let metadata = fs::metadata(&path)
        .map_err(|error| format!("cannot read {}: {}", path.display(), io_reason(&error)))?;
    if !metadata.is_file() {
        return Err(format!("{} is not a regular file", path.display()));
    }
    let bytes = read_capped(&path, MAX_LOGO_BYTES).map_err(|reason| match reason {
        Capped::TooLarge => format!(
            "{} is larger than {} MB; use a smaller logo",
            path.display(),
            MAX_LOGO_BYTES >> 20
        ),
        Capped::Io(reason) => format!("cannot read {}: {reason}", path.display()),
    })?;
    let format = image_format(&bytes)?;
    if let Some(problem) = crate::report::logo_problem(&bytes) {
        return Err(format!(
            "{} is a damaged {format}: {problem}",
            path.display()
        ));
    }
    Ok(Logo {
        path,
        format,
        bytes,
    })
}

enum Capped {
    TooLarge,
    Io(String),
}

fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>, Capped> {
    let file = fs::File::open(path).map_err(|error| Capped::Io(io_reason(&error)))?;
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| Capped::Io(io_reason(&error)))?;
    if bytes.len() as u64 > max {
        return Err(Capped::TooLarge);
    }
    Ok(bytes)
}
