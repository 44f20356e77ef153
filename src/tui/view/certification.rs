//! The "certification" screen: the ISO 27001 head start of the open assessment by Annex A
//! theme, and what the claims checker found in the customer-facing text the user pointed
//! it at (or how to run it). Names and phrases from files are drawn through
//! [`visible_line`], so a control character in them shows instead of acting.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Wrap};

use super::{block, overflow, scrolled};
use crate::questionnaire::IsoTheme;
use crate::scoring::{Coverage, HeadStart, head_start};
use crate::text_safety::visible_line;
use crate::tui::app::{App, ClaimsRun};
use crate::tui::layout;
use crate::tui::theme::Theme;

fn head_start_lines(head: &HeadStart, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::styled("ISO 27001 head start", theme.heading),
        Line::from(
            "SOC 2 gives no certificate. A customer who needs one is asking for ISO/IEC 27001, \
             granted by an accredited certification body after its own audit. Your SOC 2 work \
             already covers part of it (a control counts once every mapped question is in place):",
        ),
    ];
    for theme_name in IsoTheme::ALL {
        let counts = head.theme(theme_name);
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<33}", theme_name.label()), theme.heading),
            Span::styled(format!("{:>3} covered", counts.covered), theme.good),
            Span::styled(format!("{:>4} partly", counts.partly), theme.warn),
            Span::styled(
                format!("{:>4} not yet", counts.not_covered + counts.not_addressed),
                theme.bad,
            ),
            Span::styled(format!("  of {}", counts.total()), theme.dim),
        ]));
    }
    for theme_name in IsoTheme::ALL {
        let ids = |coverage| -> Vec<&str> {
            head.controls_with(theme_name, coverage)
                .map(|control| control.id)
                .collect()
        };
        let (open, outside) = (ids(Coverage::NotCovered), ids(Coverage::NotAddressed));
        if open.is_empty() && outside.is_empty() {
            continue;
        }
        let mut text = format!("{}: ", theme_name.label());
        if !open.is_empty() {
            text.push_str(&format!("not in place yet {}", open.join(" ")));
        }
        if !outside.is_empty() {
            let gap = if open.is_empty() { "" } else { "; " };
            text.push_str(&format!(
                "{gap}beyond your SOC 2 scope {}",
                outside.join(" ")
            ));
        }
        lines.push(Line::styled(text, theme.dim));
    }
    lines.push(Line::styled(
        "`soc2-ready crosswalk --by-control` lists the questions behind every control.",
        theme.dim,
    ));
    lines
}

fn claims_lines(run: Option<&ClaimsRun>, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("What you tell customers", theme.heading)];
    let Some(run) = run else {
        lines.push(Line::from(
            "Press r to check a folder of website copy, sales decks or RFP answers for wording \
             that calls SOC 2 a certification, says the AICPA certifies, or shows a badge \
             before there is a report.",
        ));
        return lines;
    };
    let count = run.scan.finding_count();
    lines.push(Line::from(format!(
        "Checked {} file(s) in {}: {count} inaccurate statement(s). Press r to check again.",
        run.scan.files.len(),
        visible_line(&run.path)
    )));
    if count == 0 {
        lines.push(Line::styled("Nothing inaccurate found.", theme.good));
    }
    for (file, finding) in run.scan.findings() {
        lines.push(Line::styled(
            format!(
                "{}:{}:{}  “{}”",
                visible_line(file),
                finding.line,
                finding.column,
                visible_line(&finding.phrase)
            ),
            theme.bad,
        ));
        lines.push(Line::from(format!("  why: {}", finding.reason)));
        lines.push(Line::styled(
            format!("  say: {}", finding.suggestion),
            theme.good,
        ));
    }
    for unreadable in &run.scan.unreadable {
        lines.push(Line::styled(
            format!(
                "Could not read {}: {}",
                visible_line(&unreadable.file),
                unreadable.reason
            ),
            theme.warn,
        ));
    }
    lines
}

fn paragraph(app: &App) -> Paragraph<'static> {
    let theme = &app.theme;
    let mut lines = match &app.session {
        Some(session) => {
            head_start_lines(&head_start(&app.questionnaire, &session.assessment), theme)
        }
        None => vec![Line::styled("Open an assessment first.", theme.dim)],
    };
    lines.push(Line::default());
    lines.extend(claims_lines(app.certification.claims.as_ref(), theme));
    Paragraph::new(Text::from(lines)).wrap(Wrap { trim: false })
}

/// How far the screen can scroll in the current terminal size.
pub fn max_scroll(app: &App) -> u16 {
    overflow(&paragraph(app), layout::chrome(app.size).body)
}

/// Draws the screen in `body`.
pub fn render(frame: &mut Frame, body: Rect, app: &App) {
    let title = block(
        &app.theme,
        "“Certification”: ISO 27001 head start and what you tell customers",
    );
    scrolled(frame, body, paragraph(app), title, app.certification.scroll);
}
