//! soc2-ready: an offline SOC 2 readiness wizard. The domain core — questionnaire,
//! assessment, scoring — is pure and has no terminal inside; the CLI, the TUI and the
//! report renderers are thin shells around it.

pub mod assessment;
pub mod atomic_file;
pub mod claims;
pub mod claims_scan;
pub mod clock;
pub mod config;
pub mod diagnostics;
pub mod import;
pub mod portfolio;
pub mod questionnaire;
pub mod registers;
pub mod report;
pub mod scoring;
pub mod text_safety;
pub mod time;
pub mod toml_fields;
pub mod tui;
