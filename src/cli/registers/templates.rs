//! `soc2-ready policy templates PATH --output DIR`: writes the starter set of policies,
//! filled with the organisation's name. A file already there is kept and named in a
//! warning, never overwritten.

use std::io;

use soc2_ready::atomic_file;
use soc2_ready::diagnostics::io_reason;
use soc2_ready::registers::templates::{Filling, TEMPLATES, fill, header};

use super::super::edit::date_arg;
use super::super::{Failure, GlobalArgs, Output, clock, load_assessment, load_questionnaire};
use super::args::PolicyTemplatesArgs;
use super::refused;
use soc2_ready::registers::input::{option_name, required};

/// Writes the templates described by `args`.
pub fn run(global: &GlobalArgs, args: &PolicyTemplatesArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let (assessment, mut warnings) = load_assessment(&args.path, &questionnaire)?;
    let approved = match &args.approved {
        Some(text) => date_arg("--approved", text)?,
        None => clock()?.today(),
    };
    let version = required(&option_name("version"), &args.version).map_err(refused)?;
    let approved_by = required(&option_name("approved_by"), &args.approved_by).map_err(refused)?;
    let filling = Filling {
        organisation: &assessment.organization,
        version: &version,
        approved_by: &approved_by,
        approved,
    };
    let dir = &args.output;
    std::fs::create_dir_all(dir).map_err(|error| {
        Failure::Runtime(format!(
            "cannot create {}: {}",
            dir.display(),
            io_reason(&error)
        ))
    })?;
    let mut stdout = String::new();
    let mut written = 0;
    for (name, template) in TEMPLATES {
        let path = dir.join(name);
        match atomic_file::create_new(&path, fill(template, &filling).as_bytes()) {
            Ok(()) => {
                written += 1;
                stdout.push_str(&format!(
                    "{}  {}\n",
                    path.display(),
                    header(template, "Title").unwrap_or(name)
                ));
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => warnings.push(format!(
                "{} already exists: kept as it is, not overwritten",
                path.display()
            )),
            Err(error) => {
                return Err(Failure::Runtime(format!(
                    "cannot write {}: {} ({written} template(s) written before it)",
                    path.display(),
                    io_reason(&error)
                )));
            }
        }
    }
    stdout.push_str(&format!(
        "{written} of {} policy templates written for {}; review each, then record it with `policy add`.\n",
        TEMPLATES.len(),
        assessment.organization
    ));
    Ok(Output { stdout, warnings })
}
