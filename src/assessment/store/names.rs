//! File names made from organisation names: safe in every script, never a reserved name,
//! short enough in bytes for any file system, and never colliding with a file already there.

/// The longest file stem, in bytes (file systems count bytes, not characters: 255 at most
/// for a whole name, which must still hold a report's `-soc2-gap-report-<date>.<ext>`).
pub const MAX_STEM_BYTES: usize = 60;

/// Turns an organisation name into a safe file stem: letters and digits kept (any script),
/// everything else folded into single dashes, no leading dots, never a reserved name, at
/// most [`MAX_STEM_BYTES`] bytes, cut on a character boundary.
pub fn safe_file_stem(organization: &str) -> String {
    let mut stem = String::new();
    for c in organization.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let mut cut = 0;
    for (at, c) in stem.char_indices() {
        if at + c.len_utf8() > MAX_STEM_BYTES {
            break;
        }
        cut = at + c.len_utf8();
    }
    stem.truncate(cut);
    stem.truncate(stem.trim_end_matches('-').len());
    const RESERVED: [&str; 22] = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
        "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    if stem.is_empty() {
        "assessment".to_string()
    } else if RESERVED.contains(&stem.as_str()) {
        format!("{stem}-assessment")
    } else {
        stem
    }
}

/// The file names to try for a new assessment of `organization`, in order:
/// `<stem>.toml`, `<stem>-2.toml`, `<stem>-3.toml`, …
pub fn candidate_names(organization: &str) -> impl Iterator<Item = String> {
    let stem = safe_file_stem(organization);
    (1u32..).map(move |n| {
        if n == 1 {
            format!("{stem}.toml")
        } else {
            format!("{stem}-{n}.toml")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(safe_file_stem("Acme Inc."), "acme-inc");
        assert_eq!(safe_file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_file_stem("Müller & Søn GmbH"), "müller-søn-gmbh");
        assert_eq!(safe_file_stem("شركة النور"), "شركة-النور");
        assert_eq!(safe_file_stem("CON"), "con-assessment");
        assert_eq!(safe_file_stem("...."), "assessment");
        assert_eq!(safe_file_stem(&"x".repeat(500)).len(), 60);
    }

    #[test]
    fn long_names_are_cut_by_bytes_on_a_character_boundary() {
        let stem = safe_file_stem(&"𠀀".repeat(70));
        assert_eq!(
            stem,
            "𠀀".repeat(15),
            "15 four-byte characters fill 60 bytes"
        );
        let stem = safe_file_stem(&"é".repeat(100));
        assert_eq!(stem.len(), 60);
        let stem = safe_file_stem(&format!("{}x{}", "a".repeat(58), "é".repeat(5)));
        assert_eq!(stem, format!("{}x", "a".repeat(58)), "no half character");
        let stem = safe_file_stem(&format!("{} b", "a".repeat(59)));
        assert_eq!(stem, "a".repeat(59), "no dash left at the cut");
    }

    #[test]
    fn candidates_count_up_from_the_plain_name() {
        let names: Vec<String> = candidate_names("Acme, Inc.").take(3).collect();
        assert_eq!(
            names,
            ["acme-inc.toml", "acme-inc-2.toml", "acme-inc-3.toml"]
        );
    }
}
