//! The built-in questionnaire files, embedded in the binary at build time so the binary
//! alone works offline.

/// The built-in files: (file name, TOML text).
pub const BUILT_IN_FILES: [(&str, &str); 7] = [
    (
        "security.toml",
        include_str!("../../questionnaires/security.toml"),
    ),
    (
        "availability.toml",
        include_str!("../../questionnaires/availability.toml"),
    ),
    (
        "processing-integrity.toml",
        include_str!("../../questionnaires/processing-integrity.toml"),
    ),
    (
        "confidentiality.toml",
        include_str!("../../questionnaires/confidentiality.toml"),
    ),
    (
        "privacy.toml",
        include_str!("../../questionnaires/privacy.toml"),
    ),
    (
        "attestation.toml",
        include_str!("../../questionnaires/attestation.toml"),
    ),
    (
        "certification.toml",
        include_str!("../../questionnaires/certification.toml"),
    ),
];

/// Iterates over the built-in files as (file name, TOML text).
pub fn built_in() -> impl Iterator<Item = (&'static str, &'static str)> {
    BUILT_IN_FILES.iter().copied()
}
