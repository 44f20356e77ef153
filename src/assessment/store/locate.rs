//! Finding an assessment from what a user types: a path, or a name from the data folder
//! as `list` prints it (`acme-labs.toml`), with or without `.toml`, or the organisation's
//! name (`"Acme Labs"`). The candidates are a pure function; [`locate`] tries them in order
//! and, when none is a file, says every place it looked.

use std::fmt;
use std::path::{Path, PathBuf};

use super::names::safe_file_stem;

/// Nothing matched: what was asked for and every place that was tried, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotFound {
    /// What the user typed.
    pub asked: PathBuf,
    /// The paths tried.
    pub looked: Vec<PathBuf>,
}

impl fmt::Display for NotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no assessment file {}; looked at:", self.asked.display())?;
        for path in &self.looked {
            write!(f, "\n  {}", path.display())?;
        }
        write!(
            f,
            "\n`soc2-ready list` shows the assessments in the data folder"
        )
    }
}

/// The paths `asked` may mean, in the order they are tried: the path as given, then — when
/// it is a bare name (no folder in it) and a data folder is known — that name in the data
/// folder, with `.toml` added when it has no extension, and (unless it ends in `.toml`) the
/// file name `new` gives an organisation of that name. No duplicates.
pub fn candidates(asked: &Path, data_dir: Option<&Path>) -> Vec<PathBuf> {
    let mut out = vec![asked.to_path_buf()];
    let bare = asked
        .parent()
        .is_none_or(|parent| parent.as_os_str().is_empty());
    if let (true, Some(dir)) = (bare, data_dir) {
        out.push(dir.join(asked));
        if asked.extension().is_none() {
            let mut name = asked.as_os_str().to_os_string();
            name.push(".toml");
            out.push(dir.join(name));
        }
        let toml = asked
            .extension()
            .is_some_and(|extension| extension == "toml");
        if let (false, Some(text)) = (toml, asked.to_str()) {
            out.push(dir.join(format!("{}.toml", safe_file_stem(text))));
        }
    }
    let mut unique = Vec::new();
    for path in out {
        if !unique.contains(&path) {
            unique.push(path);
        }
    }
    unique
}

/// The first of [`candidates`] that exists (`exists` decides, so tests need no disk), or
/// where it looked. A path that exists but is not a regular file is still returned: opening
/// it explains what is wrong with it.
pub fn locate(
    asked: &Path,
    data_dir: Option<&Path>,
    exists: impl Fn(&Path) -> bool,
) -> Result<PathBuf, NotFound> {
    let looked = candidates(asked, data_dir);
    match looked.iter().find(|path| exists(path)) {
        Some(found) => Ok(found.clone()),
        None => Err(NotFound {
            asked: asked.to_path_buf(),
            looked,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> &'static Path {
        Path::new("/data")
    }

    #[test]
    fn a_bare_name_is_tried_as_given_then_in_the_data_folder() {
        assert_eq!(
            candidates(Path::new("acme-labs"), Some(data())),
            [
                PathBuf::from("acme-labs"),
                PathBuf::from("/data/acme-labs"),
                PathBuf::from("/data/acme-labs.toml"),
            ]
        );
        assert_eq!(
            candidates(Path::new("acme-labs.toml"), Some(data())),
            [
                PathBuf::from("acme-labs.toml"),
                PathBuf::from("/data/acme-labs.toml"),
            ]
        );
    }

    #[test]
    fn an_organisation_name_finds_the_file_new_gave_it() {
        let found = locate(Path::new("Acme Labs"), Some(data()), |path| {
            path == Path::new("/data/acme-labs.toml")
        });
        assert_eq!(found, Ok(PathBuf::from("/data/acme-labs.toml")));
    }

    #[test]
    fn a_path_with_a_folder_is_never_looked_for_elsewhere() {
        assert_eq!(
            candidates(Path::new("clients/acme.toml"), Some(data())),
            [PathBuf::from("clients/acme.toml")]
        );
        assert_eq!(
            candidates(Path::new("/abs/acme.toml"), Some(data())),
            [PathBuf::from("/abs/acme.toml")]
        );
    }

    #[test]
    fn the_path_as_given_wins_over_the_data_folder() {
        let found = locate(Path::new("acme.toml"), Some(data()), |_| true);
        assert_eq!(found, Ok(PathBuf::from("acme.toml")));
    }

    #[test]
    fn nothing_found_says_every_place_it_looked() {
        let error = locate(Path::new("globex"), Some(data()), |_| false).unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with("no assessment file globex; looked at:"),
            "{message}"
        );
        for place in [
            "\n  globex\n",
            "\n  /data/globex\n",
            "\n  /data/globex.toml\n",
        ] {
            assert!(message.contains(place), "{message}");
        }
        assert!(message.ends_with("shows the assessments in the data folder"));
    }

    #[test]
    fn without_a_data_folder_only_the_path_is_tried() {
        assert_eq!(candidates(Path::new("acme"), None), [PathBuf::from("acme")]);
    }
}
