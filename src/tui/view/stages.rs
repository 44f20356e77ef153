//! "The three stages": compliance, attestation and "certification" in plain words, shown
//! once to first-time users and reachable from Home and the dashboard.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Wrap};

use super::{block, overflow, scrolled};
use crate::questionnaire::Stage;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::theme::Theme;

/// What each stage means, in the order shown.
const EXPLAINED: [(Stage, &str, &str); 3] = [
    (
        Stage::Compliance,
        "What you do every day.",
        "Controls that meet the Trust Services Criteria are designed, in place and operating: \
         policies, access management, monitoring, risk assessment, vendor oversight, training, \
         change management, incident response. It is never finished: it is how the company runs.",
    ),
    (
        Stage::Attestation,
        "What an independent auditor says about it.",
        "A licensed CPA firm examines your controls and issues a SOC 2 report. Type 1 looks at \
         the design of the controls at one point in time; Type 2 at whether they really operated \
         over a period, usually 3 to 12 months. Being ready means a defined scope and system \
         description, evidence kept over time, an auditor chosen and exceptions fixed.",
    ),
    (
        Stage::Certification,
        "What you tell customers.",
        "SOC 2 gives no certificate: the result is an attestation report, shared under NDA. Say \
         “our SOC 2 Type 2 report is available under NDA”, not “we are SOC 2 certified”. \
         ISO 27001 is a certification, granted by an accredited certification body; some \
         customers need that instead. A SOC 2 report is renewed every year, with a bridge \
         letter for the months in between.",
    ),
];

fn text(theme: &Theme) -> Text<'static> {
    let mut lines = vec![
        Line::from("SOC 2 readiness has three stages, and this tool scores each one separately."),
        Line::default(),
    ];
    for (number, (stage, short, long)) in EXPLAINED.iter().enumerate() {
        lines.push(Line::styled(
            format!("{}. {} — {short}", number + 1, stage.label()),
            theme.heading,
        ));
        lines.push(Line::from(*long));
        lines.push(Line::default());
    }
    lines.push(Line::styled(
        "Every score, screen and report here says which stage it is about.",
        theme.dim,
    ));
    Text::from(lines)
}

fn paragraph(theme: &Theme) -> Paragraph<'static> {
    Paragraph::new(text(theme)).wrap(Wrap { trim: true })
}

/// How far the text can scroll in the current terminal size.
pub fn max_scroll(app: &App) -> u16 {
    overflow(&paragraph(&app.theme), layout::chrome(app.size).body)
}

/// Draws the three stages in `body`.
pub fn render(frame: &mut Frame, body: Rect, app: &App) {
    let theme = &app.theme;
    let title = block(theme, "Compliance, attestation, “certification”");
    scrolled(frame, body, paragraph(theme), title, app.stages.scroll);
}
