//! The registers screen: tabs for the policy, vendor and risk registers, the entries of the
//! one shown with the selected entry highlighted, the risk heat map, and what an auditor
//! would raise. Names typed into the file are drawn through [`visible_line`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Wrap};

use super::block;
use crate::registers::policies::{share, staff};
use crate::registers::risks::heat_map;
use crate::text_safety::visible_line;
use crate::time::registers::findings;
use crate::tui::app::{App, RegisterTab, Session};
use crate::tui::theme::Theme;

/// Draws the screen into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let Some(session) = &app.session else {
        return;
    };
    let theme = &app.theme;
    let view = app.registers;
    let mut tabs = Vec::new();
    for tab in RegisterTab::ALL {
        let style = if tab == view.tab {
            theme.selected
        } else {
            theme.dim
        };
        tabs.push(Span::styled(format!(" {} ", tab.label()), style));
        tabs.push(Span::raw(" "));
    }
    let mut lines = vec![
        Line::from(tabs),
        Line::styled(format!("Bears on {}", view.tab.criteria()), theme.dim),
        Line::default(),
    ];
    let rows = entries(session, view.tab, app.clock.today());
    if rows.is_empty() {
        lines.push(Line::styled(
            format!("No {} yet: a adds one.", view.tab.label().to_lowercase()),
            theme.dim,
        ));
    }
    for (index, row) in rows.into_iter().enumerate() {
        let style = if index == view.selected {
            theme.selected
        } else {
            theme.base
        };
        lines.push(Line::styled(visible_line(&row).into_owned(), style));
    }
    if view.tab == RegisterTab::Risks && !session.assessment.registers.risks.is_empty() {
        lines.extend(heat_map_lines(session, theme));
    }
    let found: Vec<_> = findings(
        &app.questionnaire,
        &session.assessment,
        &session.card,
        app.clock.today(),
    )
    .into_iter()
    .filter(|finding| match view.tab {
        RegisterTab::Policies => finding.criterion == "CC2.2",
        RegisterTab::Vendors => finding.criterion == "CC9.2",
        RegisterTab::Risks => finding.criterion.starts_with("CC3."),
    })
    .collect();
    if !found.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("What an auditor would raise", theme.heading));
        for finding in found {
            let text = format!(
                "• {} {}: {}",
                finding.criterion, finding.subject, finding.message
            );
            lines.push(Line::styled(visible_line(&text).into_owned(), theme.warn));
        }
    }
    let title = format!(
        "Registers · {}",
        visible_line(&session.assessment.organization)
    );
    frame.render_widget(
        Paragraph::new(Text::from(lines))
            .wrap(Wrap { trim: false })
            .block(block(theme, title)),
        area,
    );
}

/// One line per entry of the register `tab`.
fn entries(session: &Session, tab: RegisterTab, today: jiff::civil::Date) -> Vec<String> {
    let registers = &session.assessment.registers;
    match tab {
        RegisterTab::Policies => {
            let people = staff(&registers.policies);
            registers
                .policies
                .iter()
                .map(|policy| {
                    let share = share(policy, &people);
                    let review = if policy.review_due() < today {
                        "review overdue"
                    } else {
                        "review by"
                    };
                    format!(
                        "{} · v{} · owner {} · {review} {} · acknowledged {}/{} ({} %)",
                        policy.name,
                        policy.version,
                        policy.owner,
                        policy.review_due(),
                        share.accepted,
                        share.staff,
                        share.percent()
                    )
                })
                .collect()
        }
        RegisterTab::Vendors => registers
            .vendors
            .iter()
            .map(|vendor| {
                let report = match vendor.report_current_until() {
                    Some(until) if until < today => {
                        format!("{}, out of date since {until}", vendor.report.label())
                    }
                    Some(until) => format!("{}, current until {until}", vendor.report.label()),
                    None => format!("report: {}", vendor.report.label()),
                };
                format!(
                    "{} · {} · {} · {report}",
                    vendor.name,
                    vendor.criticality.key(),
                    vendor.service
                )
            })
            .collect(),
        RegisterTab::Risks => registers
            .risks
            .iter()
            .map(|risk| {
                format!(
                    "{} · {}×{} = {} {} · {} · owner {}",
                    risk.title,
                    risk.likelihood,
                    risk.impact,
                    risk.score(),
                    risk.band().label(),
                    risk.treatment.key(),
                    risk.owner
                )
            })
            .collect(),
    }
}

/// The 5×5 heat map: likelihood down, impact across, each cell counting its risks.
fn heat_map_lines(session: &Session, theme: &Theme) -> Vec<Line<'static>> {
    let map = heat_map(&session.assessment.registers.risks);
    let mut lines = vec![
        Line::default(),
        Line::styled("Heat map (likelihood down, impact across)", theme.heading),
        Line::styled("      I1 I2 I3 I4 I5", theme.dim),
    ];
    for likelihood in (1..=5usize).rev() {
        let mut spans = vec![Span::styled(format!("  L{likelihood} "), theme.dim)];
        for (column, count) in map[likelihood - 1].iter().enumerate() {
            let score = likelihood * (column + 1);
            let style = match score {
                0..=4 => theme.good,
                5..=9 => theme.warn,
                _ => theme.bad,
            };
            let cell = if *count == 0 {
                ".".to_string()
            } else {
                count.to_string()
            };
            spans.push(Span::styled(format!("{cell:>3}"), style));
        }
        lines.push(Line::from(spans));
    }
    lines
}
