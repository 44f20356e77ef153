//! The "certification" screen's state: how far it is scrolled and the last run of the
//! claims checker, if the user ran it.

use crate::claims_scan::ClaimsScan;

/// One run of the claims checker from the wizard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimsRun {
    /// The folder or file checked, as typed.
    pub path: String,
    /// What was found.
    pub scan: ClaimsScan,
}

/// The "certification" screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CertificationView {
    /// Lines scrolled.
    pub scroll: u16,
    /// The last claims check, kept until the wizard closes.
    pub claims: Option<ClaimsRun>,
}
