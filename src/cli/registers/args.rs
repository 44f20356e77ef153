//! The command line of the three registers: `policy`, `vendor` and `risk` with their
//! subcommands.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::super::args::ScoreFormat;

/// The `policy` subcommands.
#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Add a policy to the register, or record a new version of one (acknowledgements
    /// start again).
    Add(PolicyAddArgs),
    /// Record that someone acknowledged a policy's current version (or import a CSV list).
    Accept(PolicyAcceptArgs),
    /// List the policies with the share of staff who acknowledged each current version.
    List(RegisterListArgs),
    /// Remove a policy from the register.
    Remove(RemoveArgs),
    /// Write the starter set of policy templates (Markdown), filled with the
    /// organisation's name; existing files are never overwritten.
    Templates(PolicyTemplatesArgs),
}

/// Arguments of `policy add`.
#[derive(Debug, Args)]
pub struct PolicyAddArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// The policy's name, e.g. "Access control".
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// Its owner (a role or a person).
    #[arg(long, value_name = "OWNER")]
    pub owner: String,
    /// The version approved, e.g. 1.0.
    #[arg(long, value_name = "VERSION")]
    pub version: String,
    /// When that version was approved (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub approved: String,
    /// Where the document is (a path or link; never opened).
    #[arg(long, value_name = "FILE")]
    pub file: Option<String>,
}

/// Arguments of `policy accept`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("who").required(true).args(["person", "csv"]))]
pub struct PolicyAcceptArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// The policy's name.
    #[arg(long, value_name = "NAME")]
    pub policy: String,
    /// Who acknowledged it.
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    /// Their email.
    #[arg(long, value_name = "EMAIL", requires = "person")]
    pub email: Option<String>,
    /// When (YYYY-MM-DD; default today, also for CSV rows without a date).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// A CSV list of acknowledgements with the columns name, email, date.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
}

/// Arguments of `policy templates`.
#[derive(Debug, Args)]
pub struct PolicyTemplatesArgs {
    /// The assessment file (its organisation's name fills the templates).
    pub path: PathBuf,
    /// The folder to write them into (created if missing).
    #[arg(long, short, value_name = "DIR")]
    pub output: PathBuf,
    /// The version written into each template.
    #[arg(long, value_name = "VERSION", default_value = "1.0")]
    pub version: String,
    /// Who approves them (a role).
    #[arg(long, value_name = "ROLE", default_value = "Chief Executive Officer")]
    pub approved_by: String,
    /// The approval date written into each (YYYY-MM-DD; default today); the next review
    /// is a year later.
    #[arg(long, value_name = "DATE")]
    pub approved: Option<String>,
}

/// The `vendor` subcommands.
#[derive(Debug, Subcommand)]
pub enum VendorCommand {
    /// Add a vendor to the register.
    Add(VendorAddArgs),
    /// List the vendors with their report's state and CC9.2 findings.
    List(RegisterListArgs),
    /// Add every vendor of a CSV list (columns named like `vendor add`'s options, with _).
    Import(ImportArgs),
    /// Remove a vendor from the register.
    Remove(RemoveArgs),
}

/// Arguments of `vendor add`.
#[derive(Debug, Args)]
pub struct VendorAddArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// The vendor's name.
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// high, medium or low.
    #[arg(long, value_name = "LEVEL")]
    pub criticality: String,
    /// What it does for you.
    #[arg(long, value_name = "TEXT")]
    pub service: String,
    /// What data it holds or sees.
    #[arg(long, value_name = "TEXT")]
    pub data: Option<String>,
    /// soc2-type2, soc2-type1, iso27001 or none [default: none].
    #[arg(long, value_name = "TYPE")]
    pub report_type: Option<String>,
    /// The last day the report's period covers (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub report_period_end: Option<String>,
    /// The date of its latest bridge letter.
    #[arg(long, value_name = "DATE")]
    pub bridge_letter: Option<String>,
    /// When you reviewed the report's complementary user-entity controls (CUECs).
    #[arg(long, value_name = "DATE")]
    pub cuecs_reviewed: Option<String>,
    /// When you last reviewed the vendor.
    #[arg(long, value_name = "DATE")]
    pub reviewed: Option<String>,
}

/// The `risk` subcommands.
#[derive(Debug, Subcommand)]
pub enum RiskCommand {
    /// Add a risk to the register.
    Add(RiskAddArgs),
    /// List the risks with the 5x5 heat map and CC3.x findings.
    List(RegisterListArgs),
    /// Add every risk of a CSV list (columns named like `risk add`'s options).
    Import(ImportArgs),
    /// Remove a risk from the register.
    Remove(RemoveArgs),
}

/// Arguments of `risk add`.
#[derive(Debug, Args)]
pub struct RiskAddArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// A short title, unique in the register.
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    /// How likely, 1 (rare) to 5 (almost certain).
    #[arg(long, value_name = "1-5")]
    pub likelihood: String,
    /// How bad, 1 (negligible) to 5 (severe).
    #[arg(long, value_name = "1-5")]
    pub impact: String,
    /// mitigate, accept, transfer or avoid.
    #[arg(long, value_name = "TREATMENT")]
    pub treatment: String,
    /// Who owns it.
    #[arg(long, value_name = "NAME")]
    pub owner: String,
    /// The question ids of the controls that reduce it, comma-separated.
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub controls: Vec<String>,
    /// When it was last reviewed (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub reviewed: Option<String>,
    /// Who accepted it (an accepted high risk needs one).
    #[arg(long, value_name = "NAME")]
    pub approver: Option<String>,
    /// When it was accepted.
    #[arg(long, value_name = "DATE")]
    pub approved: Option<String>,
}

/// Arguments of the registers' `list`.
#[derive(Debug, Args)]
pub struct RegisterListArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScoreFormat::Text)]
    pub format: ScoreFormat,
}

/// Arguments of the registers' `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// The CSV file, with a header row.
    pub csv: PathBuf,
}

/// Arguments of the registers' `remove`.
#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// The entry's name (a risk's title), whatever its case.
    pub name: String,
}

impl PolicyCommand {
    /// The assessment argument, for name resolution.
    pub fn path_mut(&mut self) -> &mut PathBuf {
        match self {
            PolicyCommand::Add(args) => &mut args.path,
            PolicyCommand::Accept(args) => &mut args.path,
            PolicyCommand::List(args) => &mut args.path,
            PolicyCommand::Remove(args) => &mut args.path,
            PolicyCommand::Templates(args) => &mut args.path,
        }
    }
}

impl VendorCommand {
    /// The assessment argument, for name resolution.
    pub fn path_mut(&mut self) -> &mut PathBuf {
        match self {
            VendorCommand::Add(args) => &mut args.path,
            VendorCommand::List(args) => &mut args.path,
            VendorCommand::Import(args) => &mut args.path,
            VendorCommand::Remove(args) => &mut args.path,
        }
    }
}

impl RiskCommand {
    /// The assessment argument, for name resolution.
    pub fn path_mut(&mut self) -> &mut PathBuf {
        match self {
            RiskCommand::Add(args) => &mut args.path,
            RiskCommand::List(args) => &mut args.path,
            RiskCommand::Import(args) => &mut args.path,
            RiskCommand::Remove(args) => &mut args.path,
        }
    }
}
