//! The interactive wizard, a ratatui TUI. Terminal events become [`Action`]s through the
//! [`keymap`] (keys) and the [`layout`] (clicks); [`update()`] applies them to the pure
//! [`App`] state, saving through [`Storage`]; [`view::draw`] only reads the state.
//! [`run`] is the thin loop around them.

pub mod action;
pub mod app;
pub mod input;
pub mod job;
pub mod keymap;
pub mod layout;
pub mod path_completion;
mod run;
pub mod storage;
pub mod theme;
pub mod update;
pub mod view;

pub use action::Action;
pub use app::App;
pub use run::run;
pub use storage::{Clock, Disk, Storage};
pub use theme::{Theme, ThemeName};
pub use update::{open_workshop, package_event, poll_package, start, update};
