//! The JSON renderer: the report model as pretty-printed JSON. Field names are stable and
//! documented in `docs/report-json.md`; [`super::REPORT_SCHEMA`] changes when they do.

use super::model::ReportModel;

/// Renders the report as JSON, ending with a newline.
pub fn render(model: &ReportModel) -> String {
    let mut text = serde_json::to_string_pretty(model).expect("a report model always serializes");
    text.push('\n');
    text
}
