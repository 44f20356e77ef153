//! Names inside the evidence folder: one subfolder per question, file names made safe
//! (no separators, control characters or leading dots) and never reused for other content.

/// The longest file name kept, in bytes (most file systems allow 255).
const MAX_NAME_BYTES: usize = 200;

/// A name that is safe as one path part on every common system: separators, control
/// characters and characters Windows refuses become `_`, leading dots and trailing dots
/// or spaces go, and an empty result becomes `file`. Long names are cut at a character
/// boundary, keeping the extension.
pub fn safe_part(name: &str) -> String {
    let replaced: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = replaced
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    if trimmed.is_empty() {
        return "file".to_string();
    }
    cut(trimmed, MAX_NAME_BYTES)
}

/// `name` cut to at most `max` bytes at a character boundary, keeping a short extension.
fn cut(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_string();
    }
    let (stem, extension) = split_extension(name);
    let room = max.saturating_sub(extension.len());
    let mut end = room.min(stem.len());
    while !stem.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{extension}", &stem[..end])
}

/// `report.final.pdf` → (`report.final`, `.pdf`); an extension is at most 10 bytes.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(at) if at > 0 && name.len() - at <= 10 => name.split_at(at),
        _ => (name, ""),
    }
}

/// The `n`-th alternative of a taken name: `scan.pdf` → `scan-2.pdf`, `scan-3.pdf`, …
pub fn numbered(name: &str, n: usize) -> String {
    let (stem, extension) = split_extension(name);
    format!("{stem}-{n}{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_controls_and_dots_never_survive() {
        assert_eq!(safe_part("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_part(".hidden"), "hidden");
        assert_eq!(safe_part("a\u{1b}[31mb\nc"), "a_[31mb_c");
        assert_eq!(safe_part("C:\\x.pdf"), "C__x.pdf");
        assert_eq!(safe_part(".."), "file");
        assert_eq!(safe_part(""), "file");
        assert_eq!(safe_part("Überprüfung Q3.pdf"), "Überprüfung Q3.pdf");
        assert_eq!(safe_part("trailing. "), "trailing");
    }

    #[test]
    fn long_names_keep_their_extension_and_whole_characters() {
        let long = format!("{}.pdf", "é".repeat(300));
        let cut = safe_part(&long);
        assert!(cut.len() <= MAX_NAME_BYTES, "{}", cut.len());
        assert!(cut.ends_with("é.pdf"));
    }

    #[test]
    fn numbered_alternatives() {
        assert_eq!(numbered("scan.pdf", 2), "scan-2.pdf");
        assert_eq!(numbered("README", 3), "README-3");
        assert_eq!(numbered(".x", 2), ".x-2");
    }
}
