//! The sheets of the gap workbook, each a function of the report model: Summary, Gaps,
//! Answers, Owners, Calendar and, when evidence is logged, Coverage.

use rust_xlsxwriter::{
    ConditionalFormatText, ConditionalFormatTextRule, Format, Worksheet, XlsxError,
};

use super::grid::{Grid, Styles};
use crate::report::model::ReportModel;

/// The Gaps sheet's columns.
pub const GAP_COLUMNS: [&str; 18] = [
    "Rank",
    "Severity",
    "Control",
    "Question ID",
    "Criterion",
    "Criterion title",
    "Stage",
    "Phase",
    "Current",
    "Needed",
    "Owner",
    "Due",
    "Overdue",
    "Size",
    "Remediation",
    "Evidence to collect",
    "Note",
    "ISO 27001",
];

/// Summary: who and when, the three stages, the two report types, the dates, the counts.
pub fn summary(
    sheet: &mut Worksheet,
    styles: &Styles,
    model: &ReportModel,
) -> Result<(), XlsxError> {
    let mut grid = Grid::new(sheet, styles);
    grid.title(0, 0, &format!("SOC 2 readiness: {}", model.organization))?;
    let facts = [
        ("Organisation", model.organization.clone()),
        ("Assessor", model.assessor.clone()),
        ("Target", model.target.label().to_string()),
        ("Scope", model.scope_label()),
        ("Questionnaire version", model.questionnaire_version.clone()),
        ("Overall verdict", model.overall.label().to_string()),
        ("Counts", model.counts.clone()),
    ];
    grid.text(2, 0, "Report date")?;
    grid.date(2, 1, Some(model.generated))?;
    let mut row = 3;
    for (label, value) in facts {
        grid.text(row, 0, label)?;
        grid.text(row, 1, &value)?;
        row += 1;
    }
    row += 1;
    grid.header(
        row,
        &[
            "Stage",
            "Readiness",
            "Verdict",
            "Why",
            "Key controls short",
            "Key questions open",
        ],
    )?;
    for card in &model.stages {
        row += 1;
        grid.text(row, 0, card.label)?;
        grid.percent(row, 1, card.readiness_percent)?;
        grid.text(row, 2, card.verdict.label())?;
        grid.text(row, 3, &card.explanation)?;
        grid.number(
            row,
            4,
            u32::try_from(card.blockers.len()).unwrap_or(u32::MAX),
        )?;
        grid.number(row, 5, card.open_keys)?;
    }
    row += 2;
    grid.header(
        row,
        &[
            "Report type",
            "Readiness",
            "Verdict",
            "Why",
            "Key controls short",
        ],
    )?;
    for card in &model.targets {
        row += 1;
        grid.text(row, 0, card.target.label())?;
        grid.percent(row, 1, card.readiness_percent)?;
        grid.text(row, 2, card.verdict.label())?;
        grid.text(row, 3, &card.explanation)?;
        grid.number(row, 4, u32::try_from(card.blockers).unwrap_or(u32::MAX))?;
    }
    row += 2;
    let timeline = &model.progress.timeline;
    grid.header(row, &["Earliest report", "Date", "Assumptions"])?;
    for (label, estimate) in [("Type 1", &timeline.type1), ("Type 2", &timeline.type2)] {
        row += 1;
        grid.text(row, 0, label)?;
        grid.date(row, 1, Some(estimate.date))?;
        grid.text(row, 2, &estimate.assumptions.join("\n"))?;
    }
    row += 1;
    grid.text(row, 0, "Type 2 observation window")?;
    grid.date(row, 1, Some(timeline.window_start))?;
    grid.text(row, 2, &format!("to {}", timeline.window_end))?;
    row += 2;
    grid.header(row, &["Answers", "Count"])?;
    let tally = model.tally;
    for (label, count) in [
        ("Questions in scope", tally.questions),
        ("Answered", tally.answered),
        ("Not applicable", tally.not_applicable),
        ("Unsure", tally.unsure),
        ("Unanswered", tally.unanswered),
        ("Gaps", u32::try_from(model.gaps.len()).unwrap_or(u32::MAX)),
    ] {
        row += 1;
        grid.text(row, 0, label)?;
        grid.number(row, 1, count)?;
    }
    row += 2;
    grid.text(row, 0, &model.attestation_note)?;
    grid.text(row + 1, 0, &model.disclaimer)?;
    grid.set_widths()
}

/// Gaps: the register, one row per gap in rank order, severities coloured.
pub fn gaps(sheet: &mut Worksheet, styles: &Styles, model: &ReportModel) -> Result<(), XlsxError> {
    let mut grid = Grid::new(sheet, styles);
    grid.header(0, &GAP_COLUMNS)?;
    let mut row = 0;
    for gap in &model.gaps {
        row += 1;
        let evidence: Vec<String> = gap
            .evidence
            .iter()
            .map(|item| format!("- {item}"))
            .collect();
        grid.number(row, 0, u32::try_from(gap.rank).unwrap_or(u32::MAX))?;
        grid.text(row, 1, gap.severity.label())?;
        grid.text(row, 2, &gap.question.title)?;
        grid.text(row, 3, &gap.question.id)?;
        grid.text(row, 4, &gap.question.criterion)?;
        grid.text(row, 5, &gap.criterion_title)?;
        grid.text(row, 6, gap.stage.label())?;
        grid.text(row, 7, gap.phase.label(model.target))?;
        grid.text(row, 8, &gap.current)?;
        grid.text(row, 9, &gap.needed)?;
        grid.text(row, 10, &gap.owner)?;
        grid.date(row, 11, gap.due)?;
        grid.text(row, 12, if gap.overdue { "yes" } else { "no" })?;
        grid.text(row, 13, gap.size.label())?;
        grid.text(row, 14, &gap.numbered_steps().join("\n"))?;
        grid.text(row, 15, &evidence.join("\n"))?;
        grid.text(row, 16, &gap.note)?;
        grid.text(row, 17, &gap.iso27001.join(" "))?;
    }
    severity_colours(grid.sheet(), row)?;
    grid.finish_table(GAP_COLUMNS.len() as u16, row)
}

/// Colours the Severity column (B) of rows 1 to `last_row` by its value.
fn severity_colours(sheet: &mut Worksheet, last_row: u32) -> Result<(), XlsxError> {
    if last_row == 0 {
        return Ok(());
    }
    for (severity, fill, font) in [
        ("Critical", "F8CBAD", "9C0006"),
        ("High", "FCE4D6", "833C0B"),
        ("Medium", "FFF2CC", "7F6000"),
        ("Low", "E2EFDA", "375623"),
    ] {
        let rule = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(severity.to_string()))
            .set_format(
                Format::new()
                    .set_background_color(fill)
                    .set_font_color(font),
            );
        sheet.add_conditional_format(1, 1, last_row, 1, &rule)?;
    }
    Ok(())
}

/// Answers: every question in scope, grouped by criterion as in the report.
pub fn answers(
    sheet: &mut Worksheet,
    styles: &Styles,
    model: &ReportModel,
) -> Result<(), XlsxError> {
    const COLUMNS: [&str; 10] = [
        "Criterion",
        "Criterion title",
        "Question ID",
        "Question",
        "Answer",
        "Owner",
        "Due",
        "Note",
        "Why not applicable",
        "ISO 27001",
    ];
    let mut grid = Grid::new(sheet, styles);
    grid.header(0, &COLUMNS)?;
    let mut row = 0;
    for group in &model.answers {
        for line in &group.questions {
            row += 1;
            grid.text(row, 0, &group.criterion)?;
            grid.text(row, 1, &group.title)?;
            grid.text(row, 2, &line.id)?;
            grid.text(row, 3, &line.title)?;
            grid.text(row, 4, &line.answer)?;
            grid.text(row, 5, &line.owner)?;
            grid.date(row, 6, line.due)?;
            grid.text(row, 7, &line.note)?;
            grid.text(row, 8, &line.na_reason)?;
            grid.text(row, 9, &line.iso27001.join(" "))?;
        }
    }
    grid.finish_table(COLUMNS.len() as u16, row)
}

/// Owners: gaps per owner, most first.
pub fn owners(
    sheet: &mut Worksheet,
    styles: &Styles,
    model: &ReportModel,
) -> Result<(), XlsxError> {
    const COLUMNS: [&str; 6] = [
        "Owner",
        "Gaps",
        "Critical or high",
        "Overdue",
        "No due date",
        "Gap ranks",
    ];
    let mut grid = Grid::new(sheet, styles);
    grid.header(0, &COLUMNS)?;
    let mut row = 0;
    let count = |value: usize| u32::try_from(value).unwrap_or(u32::MAX);
    for line in &model.owners {
        row += 1;
        let owner = if line.owner.trim().is_empty() {
            "(nobody yet)"
        } else {
            &line.owner
        };
        let ranks: Vec<String> = line.ranks.iter().map(usize::to_string).collect();
        grid.text(row, 0, owner)?;
        grid.number(row, 1, count(line.gaps))?;
        grid.number(row, 2, count(line.urgent))?;
        grid.number(row, 3, count(line.overdue))?;
        grid.number(row, 4, count(line.no_due_date))?;
        grid.text(row, 5, &ranks.join(", "))?;
    }
    grid.finish_table(COLUMNS.len() as u16, row)
}

/// Calendar: every periodic control, last run and next due date, most urgent first.
pub fn calendar(
    sheet: &mut Worksheet,
    styles: &Styles,
    model: &ReportModel,
) -> Result<(), XlsxError> {
    const COLUMNS: [&str; 10] = [
        "Question ID",
        "Control",
        "Criterion",
        "Frequency",
        "Last done",
        "Next due",
        "Days left",
        "State",
        "Owner",
        "Evidence to keep",
    ];
    let mut grid = Grid::new(sheet, styles);
    grid.header(0, &COLUMNS)?;
    let mut row = 0;
    for control in &model.schedule {
        row += 1;
        let item = &control.item;
        let evidence: Vec<String> = control.evidence.iter().map(|e| format!("- {e}")).collect();
        grid.text(row, 0, &item.question)?;
        grid.text(row, 1, &item.title)?;
        grid.text(row, 2, &control.criterion)?;
        grid.text(row, 3, item.frequency.key())?;
        grid.date(row, 4, item.last)?;
        grid.date(row, 5, item.due)?;
        if let Some(days) = item.days_left {
            grid.number(row, 6, days)?;
        }
        grid.text(row, 7, item.state.label())?;
        grid.text(row, 8, &control.owner)?;
        grid.text(row, 9, &evidence.join("\n"))?;
    }
    grid.finish_table(COLUMNS.len() as u16, row)
}

/// Coverage: every control with evidence, how its entries cover the Type 2 observation
/// window (the PDF's "Evidence coverage" table, one row per control).
pub fn coverage(
    sheet: &mut Worksheet,
    styles: &Styles,
    model: &ReportModel,
) -> Result<(), XlsxError> {
    const COLUMNS: [&str; 11] = [
        "Question ID",
        "Control",
        "Frequency",
        "Status",
        "Occurrences covered",
        "Occurrences missed",
        "Coverage",
        "Type 2 shortfall",
        "Answer versus log",
        "Window from",
        "Window to",
    ];
    let window = model.progress.coverage.window;
    let mut grid = Grid::new(sheet, styles);
    grid.header(0, &COLUMNS)?;
    let mut row = 0;
    let count = |value: usize| u32::try_from(value).unwrap_or(u32::MAX);
    for (control, claim) in model.progress.coverage_rows() {
        row += 1;
        grid.text(row, 0, &control.question)?;
        let title = model
            .answer_line(&control.question)
            .map(|line| line.title.as_str());
        grid.text(row, 1, title.unwrap_or_default())?;
        grid.text(
            row,
            2,
            control.frequency.map_or("", |frequency| frequency.key()),
        )?;
        grid.text(row, 3, control.status.label())?;
        grid.number(row, 4, count(control.covered))?;
        grid.number(row, 5, count(control.missed))?;
        grid.text(row, 6, &control.describe())?;
        grid.text(row, 7, &control.type2_shortfall().unwrap_or_default())?;
        grid.text(row, 8, &claim.unwrap_or_default())?;
        grid.date(row, 9, Some(window.from))?;
        grid.date(row, 10, Some(window.to))?;
    }
    grid.finish_table(COLUMNS.len() as u16, row)
}
