//! Questions the wizard must ask before it may drop or overwrite anything: leaving with
//! changes that could not be saved, and a file changed on disk behind the window's back.

/// Where the user was going when the wizard had to ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Quitting the program.
    Quit,
    /// Going back to the list of assessments.
    Home,
}

/// An open question about unsaved changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// A save failed and the user is leaving: retry, quit anyway, or stay.
    Unsaved {
        /// Where the user was going.
        then: Leave,
        /// Why the last save failed.
        reason: String,
    },
    /// The file changed on disk since it was read, and this window has changes: overwrite
    /// it, load it, or decide later.
    Conflict {
        /// Where the user was going, if leaving.
        then: Option<Leave>,
    },
}
