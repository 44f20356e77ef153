//! `soc2-ready vendor add|list|import|remove`: the vendor register (CC9.2) with each
//! report's state and the findings on critical vendors.

use std::fmt::Write;

use serde::Serialize;
use soc2_ready::assessment::Assessment;
use soc2_ready::registers::import::vendors;
use soc2_ready::registers::input::{self, VendorText, option_name};
use soc2_ready::registers::vendors::{find, findings};
use soc2_ready::registers::{Vendor, same_name};

use super::super::args::ScoreFormat;
use super::super::edit::edit;
use super::super::{Failure, GlobalArgs, Output, clock, load_assessment, load_questionnaire};
use super::args::{RegisterListArgs, VendorAddArgs, VendorCommand};
use super::{FindingOut, duplicate, findings_text, json, read_csv, refused, refused_in, unknown};

/// Runs one `vendor` subcommand.
pub fn run(global: &GlobalArgs, command: &VendorCommand) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let clock = clock()?;
    match command {
        VendorCommand::Add(args) => {
            let vendor = input::vendor(&text(args), option_name).map_err(refused)?;
            edit(&args.path, &clock, &questionnaire, |assessment| {
                add_all(assessment, vec![vendor], |name| duplicate("--name", name))
            })
        }
        VendorCommand::Import(args) => {
            let list =
                vendors(&read_csv(&args.csv)?).map_err(|refusal| refused_in(&args.csv, refusal))?;
            edit(&args.path, &clock, &questionnaire, |assessment| {
                add_all(assessment, list, |name| {
                    refused_in(
                        &args.csv,
                        soc2_ready::registers::Refusal::new(
                            "column name",
                            name,
                            "is already in the register (names are unique, whatever their case)",
                        ),
                    )
                })
            })
        }
        VendorCommand::List(args) => {
            let (assessment, warnings) = load_assessment(&args.path, &questionnaire)?;
            let stdout = render(&assessment, args, clock.today());
            Ok(Output { stdout, warnings })
        }
        VendorCommand::Remove(args) => edit(&args.path, &clock, &questionnaire, |assessment| {
            let register = &mut assessment.registers.vendors;
            let index = find(register, &args.name)
                .ok_or_else(|| unknown("vendor", &args.name, "vendor"))?;
            Ok(format!(
                "removed vendor \"{}\"\n",
                register.remove(index).name
            ))
        }),
    }
}

/// The options of `vendor add` as text to check.
fn text(args: &VendorAddArgs) -> VendorText<'_> {
    VendorText {
        name: &args.name,
        criticality: &args.criticality,
        service: &args.service,
        data: args.data.as_deref(),
        report_type: args.report_type.as_deref(),
        report_period_end: args.report_period_end.as_deref(),
        bridge_letter: args.bridge_letter.as_deref(),
        cuecs_reviewed: args.cuecs_reviewed.as_deref(),
        reviewed: args.reviewed.as_deref(),
    }
}

/// Adds every vendor, or none when one's name is taken (in the register or the list).
fn add_all(
    assessment: &mut Assessment,
    list: Vec<Vendor>,
    taken: impl Fn(&str) -> Failure,
) -> Result<String, Failure> {
    let register = &mut assessment.registers.vendors;
    let mut text = String::new();
    for vendor in list {
        if register
            .iter()
            .any(|other| same_name(&other.name, &vendor.name))
        {
            return Err(taken(&vendor.name));
        }
        let _ = writeln!(
            text,
            "added vendor \"{}\" ({})",
            vendor.name,
            vendor.criticality.key()
        );
        register.push(vendor);
    }
    Ok(text)
}

#[derive(Serialize)]
struct VendorOut<'a> {
    name: &'a str,
    criticality: &'a str,
    service: &'a str,
    data: &'a str,
    report_type: &'a str,
    report_period_end: Option<String>,
    bridge_letter: Option<String>,
    cuecs_reviewed: Option<String>,
    reviewed: Option<String>,
    report_current_until: Option<String>,
    report_overdue: bool,
}

#[derive(Serialize)]
struct ListOut<'a> {
    vendors: Vec<VendorOut<'a>>,
    findings: Vec<FindingOut<'a>>,
}

fn render(assessment: &Assessment, args: &RegisterListArgs, today: jiff::civil::Date) -> String {
    let register = &assessment.registers.vendors;
    let found = findings(register, today);
    let date = |date: Option<jiff::civil::Date>| date.map(|date| date.to_string());
    match args.format {
        ScoreFormat::Json => json(&ListOut {
            vendors: register
                .iter()
                .map(|vendor| {
                    let until = vendor.report_current_until();
                    VendorOut {
                        name: &vendor.name,
                        criticality: vendor.criticality.key(),
                        service: &vendor.service,
                        data: &vendor.data,
                        report_type: vendor.report.key(),
                        report_period_end: date(vendor.report_period_end),
                        bridge_letter: date(vendor.bridge_letter),
                        cuecs_reviewed: date(vendor.cuecs_reviewed),
                        reviewed: date(vendor.reviewed),
                        report_current_until: date(until),
                        report_overdue: until.is_some_and(|until| until < today),
                    }
                })
                .collect(),
            findings: found.iter().map(FindingOut::from).collect(),
        }),
        ScoreFormat::Text if register.is_empty() => {
            "No vendors in the register yet (`vendor add`).\n".into()
        }
        ScoreFormat::Text => {
            let mut text = format!("Vendors of {}:\n", assessment.organization);
            for vendor in register {
                let report = match vendor.report_current_until() {
                    Some(until) if until < today => {
                        format!("{}, out of date since {until}", vendor.report.label())
                    }
                    Some(until) => format!("{}, current until {until}", vendor.report.label()),
                    None => format!("report: {}", vendor.report.label()),
                };
                let _ = writeln!(
                    text,
                    "  {}  {}  {}  {report}",
                    vendor.name,
                    vendor.criticality.key(),
                    vendor.service
                );
            }
            text.push_str(&findings_text(&found));
            text
        }
    }
}
