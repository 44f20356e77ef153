//! Tab completion of a path typed in a prompt, as a shell does it: the part after the
//! last `/` is completed against the names in the folder before it — to the one match
//! (with a `/` after a folder), or to the longest prefix several matches share, listing
//! them. Pure: the caller lists the folder.

/// One name in a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    /// The name.
    pub name: String,
    /// Whether it is a folder.
    pub is_dir: bool,
}

/// What Tab does to the typed path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The text after completing.
    pub text: String,
    /// The names that still match when there is more than one, sorted.
    pub choices: Vec<String>,
}

/// The folder part of `typed` (up to and including the last `/`; empty for the current
/// folder) and the name prefix after it.
pub fn split(typed: &str) -> (&str, &str) {
    match typed.rfind('/') {
        Some(at) => typed.split_at(at + 1),
        None => ("", typed),
    }
}

/// The completion of `typed` against the `entries` of its folder; `None` when nothing
/// matches. Hidden names are offered only when the prefix starts with a dot.
pub fn complete(typed: &str, entries: &[DirEntry]) -> Option<Completion> {
    let (folder, prefix) = split(typed);
    let mut matches: Vec<&DirEntry> = entries
        .iter()
        .filter(|entry| entry.name.starts_with(prefix))
        .filter(|entry| prefix.starts_with('.') || !entry.name.starts_with('.'))
        .collect();
    matches.sort_by(|a, b| a.name.cmp(&b.name));
    match matches.as_slice() {
        [] => None,
        [only] => Some(Completion {
            text: format!(
                "{folder}{}{}",
                only.name,
                if only.is_dir { "/" } else { "" }
            ),
            choices: Vec::new(),
        }),
        several => {
            let shared = several
                .iter()
                .skip(1)
                .fold(several[0].name.as_str(), |shared, entry| {
                    common_prefix(shared, &entry.name)
                });
            Some(Completion {
                text: format!("{folder}{shared}"),
                choices: several
                    .iter()
                    .map(|entry| format!("{}{}", entry.name, if entry.is_dir { "/" } else { "" }))
                    .collect(),
            })
        }
    }
}

/// What one Tab press does to `typed`, given the `entries` of its folder: the new text
/// (`None`: unchanged) and the line to show under the field — the names left when several
/// match (the first dozen, then how many more), or that nothing matched.
pub fn tab(typed: &str, entries: &[DirEntry]) -> (Option<String>, Option<String>) {
    const SHOWN: usize = 12;
    let Some(completion) = complete(typed, entries) else {
        let (folder, _) = split(typed);
        let place = if folder.is_empty() {
            "this folder"
        } else {
            folder
        };
        return (None, Some(format!("Nothing in {place} starts like that.")));
    };
    let choices = (!completion.choices.is_empty()).then(|| {
        let mut shown = completion.choices[..completion.choices.len().min(SHOWN)].join("  ");
        if completion.choices.len() > SHOWN {
            shown.push_str(&format!("  … {} more", completion.choices.len() - SHOWN));
        }
        shown
    });
    (Some(completion.text), choices)
}

/// The longest prefix of `a` that `b` starts with too, cut at a character boundary.
fn common_prefix<'a>(a: &'a str, b: &str) -> &'a str {
    let end = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or_else(|| a.len().min(b.len()), |((at, _), _)| at);
    &a[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(names: &[(&str, bool)]) -> Vec<DirEntry> {
        names
            .iter()
            .map(|(name, is_dir)| DirEntry {
                name: name.to_string(),
                is_dir: *is_dir,
            })
            .collect()
    }

    #[test]
    fn one_match_is_completed_and_a_folder_gets_a_slash() {
        let listing = entries(&[("reviews", true), ("report.pdf", false), (".git", true)]);
        assert_eq!(
            complete("exports/rev", &listing).unwrap().text,
            "exports/reviews/"
        );
        assert_eq!(complete("repo", &listing).unwrap().text, "report.pdf");
        assert_eq!(complete("/tmp/.g", &listing).unwrap().text, "/tmp/.git/");
        assert!(complete("x", &listing).is_none());
    }

    #[test]
    fn several_matches_complete_to_what_they_share_and_are_listed() {
        let listing = entries(&[
            ("q3-review.pdf", false),
            ("q3-revoked.csv", false),
            ("q4", true),
            (".q3", false),
        ]);
        let completion = complete("in/q3", &listing).unwrap();
        assert_eq!(completion.text, "in/q3-rev");
        assert_eq!(completion.choices, ["q3-review.pdf", "q3-revoked.csv"]);
        let all = complete("", &listing).unwrap();
        assert_eq!(all.text, "q");
        assert_eq!(all.choices.len(), 3, "hidden names only after a dot");
    }

    #[test]
    fn a_tab_press_says_what_is_left_or_that_nothing_matched() {
        let many: Vec<(String, bool)> = (0..14).map(|n| (format!("r{n:02}.pdf"), false)).collect();
        let listing: Vec<DirEntry> = many
            .iter()
            .map(|(name, is_dir)| DirEntry {
                name: name.clone(),
                is_dir: *is_dir,
            })
            .collect();
        let (text, note) = tab("out/r", &listing);
        assert_eq!(text.as_deref(), Some("out/r"));
        let note = note.unwrap();
        assert!(
            note.starts_with("r00.pdf  r01.pdf") && note.ends_with("r11.pdf  … 2 more"),
            "{note}"
        );
        assert_eq!(tab("out/r13", &listing), (Some("out/r13.pdf".into()), None));
        assert_eq!(
            tab("out/x", &listing),
            (None, Some("Nothing in out/ starts like that.".into()))
        );
        assert_eq!(
            tab("x", &[]).1.as_deref(),
            Some("Nothing in this folder starts like that.")
        );
    }

    #[test]
    fn shared_prefixes_end_on_whole_characters() {
        assert_eq!(
            common_prefix("Überprüfung-1", "Überprüfung-2"),
            "Überprüfung-"
        );
        assert_eq!(common_prefix("ab", "abc"), "ab");
        assert_eq!(common_prefix("é", "è"), "");
        assert_eq!(split("a/b/c"), ("a/b/", "c"));
        assert_eq!(split("c"), ("", "c"));
    }
}
