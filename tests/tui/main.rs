//! The wizard's tests: TestBackend snapshots of every screen, key-sequence flows through
//! `update` that check the state and the saved file, a sweep of terminal sizes, and the
//! key list of `docs/tui.md`.

mod certification;
mod conflicts;
mod counts;
mod docs;
mod evidence_files;
mod evidence_import;
mod files;
mod flows;
mod hostile_text;
mod locking;
mod package;
mod portfolio;
mod progress;
mod registers;
mod safety;
mod sizes;
mod snapshots;
mod support;
mod wizard_fixes;
mod workshop;
