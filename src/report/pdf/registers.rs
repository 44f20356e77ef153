//! The "Registers" section: the policy table with the share of staff who acknowledged each
//! current version (CC1.1, CC2.2, CC5.3), the vendor table with each report's state (CC9.2),
//! the 5×5 heat map of inherent risk with the risk table (CC3.1–CC3.4), and the findings.
//! Nothing is drawn when the registers are empty.

use super::blocks::{self, SMALL, SMALL_MUTED, TINY, TINY_BOLD, TINY_GREY};
use super::canvas::{Canvas, TextStyle};
use super::fonts::Weight;
use super::table::{Cell, Para, Row, Table};
use super::theme::{self, Colour};
use crate::registers::RiskBand;
use crate::report::RegistersSection;
use crate::report::model::ReportModel;
use crate::scoring::Verdict;

const CELL: f32 = 20.0;
const COUNT: TextStyle = TextStyle::new(Weight::Bold, theme::SMALL, theme::WHITE);

/// Draws the section from the cursor.
pub fn draw(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let registers = &model.registers;
    if registers.is_empty() {
        return;
    }
    blocks::section(canvas, "Registers", 120.0);
    blocks::paragraph(
        canvas,
        "The three registers an auditor tests beside the answers: policies with their \
         acknowledgement, vendors with their assurance reports, and risks with their treatment.",
        SMALL_MUTED,
    );
    policies(canvas, registers);
    vendors(canvas, registers);
    risks(canvas, registers);
    findings(canvas, registers);
    canvas.advance(blocks::GAP);
}

fn text(value: impl Into<String>, style: TextStyle) -> Cell {
    Cell::new(vec![Para::new(value, style)])
}

fn date_or(date: Option<jiff::civil::Date>, none: &str) -> String {
    date.map_or_else(|| none.to_string(), |date| date.to_string())
}

/// Dense bold red text for a date that has passed.
const TINY_LATE: TextStyle = TextStyle::new(Weight::Bold, theme::TINY, theme::OVERDUE).tight();

fn late(overdue: bool) -> TextStyle {
    if overdue { TINY_LATE } else { TINY }
}

fn policies(canvas: &mut Canvas<'_>, registers: &RegistersSection) {
    if registers.policies.is_empty() {
        return;
    }
    blocks::subheading(canvas, "Policies (CC1.1, CC2.2, CC5.3)", 60.0);
    let intro = format!(
        "Acknowledged: who of the {} people known to the register accepted the current version; \
         a new version needs new acknowledgements. Review dates in red have passed.",
        registers.staff
    );
    blocks::paragraph(canvas, &intro, TINY_GREY);
    let table = Table::new(
        &[0.30, 0.10, 0.13, 0.13, 0.18, 0.16],
        &[
            "Policy",
            "Version",
            "Approved",
            "Review by",
            "Owner",
            "Acknowledged",
        ],
    )
    .dense(2.0);
    let rows: Vec<Row> = registers
        .policies
        .iter()
        .map(|policy| {
            Row::new(vec![
                text(policy.name.as_str(), TINY_BOLD),
                text(policy.version.as_str(), TINY),
                text(policy.approved.to_string(), TINY),
                text(policy.review_due.to_string(), late(policy.review_overdue)),
                text(policy.owner.as_str(), TINY),
                text(
                    format!(
                        "{} of {} ({} %)",
                        policy.accepted, registers.staff, policy.accepted_percent
                    ),
                    TINY,
                ),
            ])
        })
        .collect();
    table.draw(canvas, &rows);
    canvas.advance(blocks::GAP);
}

fn vendors(canvas: &mut Canvas<'_>, registers: &RegistersSection) {
    if registers.vendors.is_empty() {
        return;
    }
    blocks::subheading(canvas, "Vendors (CC9.2)", 60.0);
    blocks::paragraph(
        canvas,
        "A report stays current for 12 months after its period ends, or 3 months after a later \
         bridge letter; dates in red have passed. CUECs: the user-entity controls the vendor's \
         report expects you to run.",
        TINY_GREY,
    );
    let table = Table::new(
        &[0.22, 0.11, 0.23, 0.14, 0.15, 0.15],
        &[
            "Vendor",
            "Criticality",
            "Service",
            "Report",
            "Current until",
            "CUECs reviewed",
        ],
    )
    .dense(2.0);
    let rows: Vec<Row> = registers
        .vendors
        .iter()
        .map(|vendor| {
            Row::new(vec![
                text(vendor.name.as_str(), TINY_BOLD),
                text(vendor.criticality, TINY),
                text(vendor.service.as_str(), TINY),
                text(vendor.report, TINY),
                text(
                    date_or(vendor.report_current_until, "—"),
                    late(vendor.report_overdue),
                ),
                text(date_or(vendor.cuecs_reviewed, "never"), TINY),
            ])
        })
        .collect();
    table.draw(canvas, &rows);
    canvas.advance(blocks::GAP);
}

/// The colour of a heat-map cell by the band of its score.
fn band_colour(likelihood: u8, impact: u8) -> Colour {
    match RiskBand::of(likelihood * impact) {
        RiskBand::Low => theme::verdict(Verdict::Ready),
        RiskBand::Medium => theme::verdict(Verdict::GettingThere),
        RiskBand::High => theme::verdict(Verdict::NotReady),
    }
}

fn risks(canvas: &mut Canvas<'_>, registers: &RegistersSection) {
    if registers.risks.is_empty() {
        return;
    }
    blocks::subheading(canvas, "Risks (CC3.1–CC3.4)", 7.0 * CELL);
    let review = match registers.risk_review_due {
        Some(due) => format!("The register falls due for review on {due}."),
        None => "A risk was never reviewed: the register is due for review now.".to_string(),
    };
    let intro = format!(
        "Heat map of inherent risk: likelihood (1 rare to 5 almost certain) by impact (1 \
         negligible to 5 severe), each cell counting its risks; green low (score 1–4), amber \
         medium (5–9), red high (10–25). {review}"
    );
    blocks::paragraph(canvas, &intro, TINY_GREY);
    canvas.ensure(6.5 * CELL);
    let left = canvas.left() + 14.0;
    let top = canvas.y();
    for likelihood in (1..=5u8).rev() {
        let row_top = top + f32::from(5 - likelihood) * CELL;
        canvas.text(
            canvas.left(),
            row_top + 6.0,
            &format!("L{likelihood}"),
            SMALL,
        );
        for impact in 1..=5u8 {
            let x = left + f32::from(impact - 1) * CELL;
            canvas.fill(
                x,
                row_top,
                CELL - 1.0,
                CELL - 1.0,
                band_colour(likelihood, impact),
            );
            let count =
                registers.risk_heat_map[usize::from(likelihood - 1)][usize::from(impact - 1)];
            if count > 0 {
                canvas.text(x + 6.0, row_top + 5.0, &count.to_string(), COUNT);
            }
        }
    }
    for impact in 1..=5u8 {
        let x = left + f32::from(impact - 1) * CELL + 5.0;
        canvas.text(x, top + 5.0 * CELL + 2.0, &format!("I{impact}"), SMALL);
    }
    canvas.advance(5.0 * CELL + 14.0);
    let table = Table::new(
        &[0.26, 0.16, 0.12, 0.16, 0.30],
        &["Risk", "L × I", "Treatment", "Owner", "Controls"],
    )
    .dense(2.0);
    let rows: Vec<Row> = registers
        .risks
        .iter()
        .map(|risk| {
            Row::new(vec![
                text(risk.title.as_str(), TINY_BOLD),
                text(
                    format!(
                        "{} × {} = {} {}",
                        risk.likelihood, risk.impact, risk.score, risk.band
                    ),
                    TINY,
                ),
                text(risk.treatment, TINY),
                text(risk.owner.as_str(), TINY),
                text(risk.controls.join(", "), TINY_GREY),
            ])
        })
        .collect();
    table.draw(canvas, &rows);
    canvas.advance(blocks::GAP);
}

fn findings(canvas: &mut Canvas<'_>, registers: &RegistersSection) {
    if registers.findings.is_empty() {
        return;
    }
    blocks::subheading(canvas, "What an auditor would raise", 30.0);
    for finding in &registers.findings {
        let line = format!(
            "{} {}: {}",
            finding.criterion, finding.subject, finding.message
        );
        blocks::bullet(canvas, &line, SMALL);
    }
}
