//! The wizard's tests: TestBackend snapshots of every screen, key-sequence flows through
//! `update` that check the state and the saved file, and a sweep of terminal sizes.

mod flows;
mod sizes;
mod snapshots;
mod support;
