//! The dashboard: readiness and verdict per stage with the key questions holding each back,
//! Type 1 against Type 2, readiness per category as a bar chart, and the gaps, most severe
//! first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Cell, Gauge, Paragraph, Row, Table, TableState};

use super::{block, elide, percent};
use crate::questionnaire::{Questionnaire, Stage, Target};
use crate::scoring::{Measure, Severity};
use crate::tui::app::{App, Session};
use crate::tui::layout;
use crate::tui::theme::Theme;

/// Draws the dashboard in `body`.
pub fn render(frame: &mut Frame, body: Rect, app: &App) {
    let Some(session) = &app.session else {
        frame.render_widget(
            Paragraph::new("Open an assessment first.").style(app.theme.dim),
            body,
        );
        return;
    };
    let areas = layout::dashboard(body);
    render_stages(frame, areas.stages, app, session);
    render_targets(frame, areas.targets, &app.theme, session);
    render_categories(frame, areas.categories, &app.theme, session);
    super::progress::render(frame, areas.progress, app, session);
    render_gaps(frame, areas.gaps, app, session);
}

/// The titles of the key questions holding a measure back (and how many key controls are
/// still unanswered), as one line of at most `width` characters: whole titles only, then
/// how many more ("+3 more"), never a title cut mid-word.
fn blockers(questionnaire: &Questionnaire, measure: &Measure, width: usize) -> String {
    let titles: Vec<&str> = measure
        .blockers
        .iter()
        .map(|blocker| {
            questionnaire
                .question(&blocker.question)
                .map_or(blocker.question.as_str(), |question| {
                    question.title.as_str()
                })
        })
        .collect();
    let mut line = match measure.open_keys {
        0 if titles.is_empty() => return "no key control short".to_string(),
        0 => String::new(),
        open => format!("{open} key unanswered"),
    };
    if titles.is_empty() {
        return line;
    }
    if !line.is_empty() {
        line.push_str("; ");
    }
    line.push_str(&format!("{} key short: ", titles.len()));
    let fits = |text: &str| text.chars().count() <= width;
    for (shown, title) in titles.iter().enumerate() {
        let rest = titles.len() - shown - 1;
        let separator = if shown == 0 { "" } else { ", " };
        let more = if rest == 0 {
            String::new()
        } else {
            format!(" +{rest} more")
        };
        let candidate = format!("{line}{separator}{title}");
        if !fits(&format!("{candidate}{more}")) {
            let trimmed = line.trim_end_matches([':', ' ', ',']);
            return match shown {
                0 => trimmed.to_string(),
                _ => format!("{trimmed} +{} more", titles.len() - shown),
            };
        }
        line = candidate;
    }
    line
}

/// What a stage's percentage measures, in a few words, for the targeted report.
fn stage_measures(stage: Stage, target: Target) -> &'static str {
    match (stage, target) {
        (Stage::Compliance, _) => "controls in place",
        (Stage::Attestation, Target::Type1) => "evidenced now, audit prep",
        (Stage::Attestation, Target::Type2) => "operating over time, audit prep",
        (Stage::Certification, _) => "how you describe it",
    }
}

/// Terminals at least this wide name what each stage's percentage measures.
const WIDE_STAGES: u16 = 100;

fn render_stages(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let theme = &app.theme;
    let card = &session.card;
    let wide = area.width >= WIDE_STAGES;
    let stage_width: u16 = if wide { 46 } else { 15 };
    // The last column takes the rest of the inside, after three one-cell column gaps.
    let held_width = usize::from(
        layout::inner(area)
            .width
            .saturating_sub(stage_width + 6 + 16 + 3),
    );
    let rows = card.stages.iter().map(|stage| {
        let measure = &stage.measure;
        let label = if wide {
            format!(
                "{} · {}",
                stage.stage.label(),
                stage_measures(stage.stage, card.target)
            )
        } else {
            stage.stage.label().to_string()
        };
        Row::new([
            Cell::from(label),
            Cell::from(percent(measure.readiness.percent())),
            Cell::from(Span::styled(
                measure.verdict.label(),
                theme.verdict(measure.verdict),
            )),
            Cell::from(blockers(&app.questionnaire, measure, held_width)),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(stage_width),
            Constraint::Length(6),
            Constraint::Length(16),
            Constraint::Min(10),
        ],
    )
    .header(
        Row::new([
            if wide {
                "Stage · what its % counts"
            } else {
                "Stage"
            },
            "Ready",
            "Verdict",
            "Held back by",
        ])
        .style(theme.dim),
    )
    .block(
        block(
            theme,
            format!(
                "Readiness by stage — aiming for SOC 2 {}",
                card.target.label()
            ),
        )
        .title_bottom(Span::styled(
            format!(" {} ", card.policy.describe()),
            theme.dim,
        )),
    );
    frame.render_widget(table, area);
}

fn render_targets(frame: &mut Frame, area: Rect, theme: &Theme, session: &Session) {
    let outer = block(
        theme,
        "Report type: Type 1 is design now, Type 2 is operation over time",
    );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let halves = Layout::horizontal([Constraint::Ratio(1, 2); 2])
        .spacing(2)
        .split(inner);
    for (target, half) in Target::ALL.into_iter().zip(halves.iter()) {
        let measure = &session.card.target_score(target).measure;
        let marker = if target == session.card.target {
            " (target)"
        } else {
            ""
        };
        let label = format!(
            "{}{marker}: {} · {}",
            target.label(),
            percent(measure.readiness.percent()),
            measure.verdict.label()
        );
        let gauge = Gauge::default()
            .ratio(measure.readiness.ratio().unwrap_or(0.0).clamp(0.0, 1.0))
            .label(label)
            .gauge_style(theme.verdict(measure.verdict))
            .use_unicode(true);
        frame.render_widget(gauge, *half);
    }
}

fn render_categories(frame: &mut Frame, area: Rect, theme: &Theme, session: &Session) {
    let card = &session.card;
    let bars: Vec<Bar<'_>> = card
        .categories
        .iter()
        .map(|category| {
            let readiness = match card.target {
                Target::Type1 => category.type1,
                Target::Type2 => category.type2,
            };
            let value = readiness.percent().unwrap_or(0);
            Bar::default()
                .label(Line::from(category.category.label()))
                .value(u64::from(value))
                .text_value(percent(readiness.percent()))
        })
        .collect();
    let chart = BarChart::default()
        .direction(Direction::Horizontal)
        .data(BarGroup::default().bars(&bars))
        .max(100)
        .bar_width(1)
        .bar_gap(0)
        .bar_style(theme.fill)
        .value_style(theme.base)
        .label_style(theme.base)
        .block(block(
            theme,
            match card.target {
                Target::Type1 => "% evidenced, by category",
                Target::Type2 => "% operating, by category",
            },
        ));
    frame.render_widget(chart, area);
}

/// The gap table's title: how many gaps, and how many questions wait to become relevant.
fn gaps_title(gaps: usize, open: usize, waiting: usize) -> String {
    match waiting {
        0 => format!("Gaps: {gaps} · open questions: {open} — Enter opens one"),
        _ => format!(
            "Gaps: {gaps} · open questions: {open} ({waiting} not yet relevant) — Enter opens one"
        ),
    }
}

/// The width of the severity column: "Critical".
const SEVERITY_WIDTH: u16 = 8;

fn severity_style(theme: &Theme, severity: Severity) -> ratatui::style::Style {
    match severity {
        Severity::Critical | Severity::High => theme.bad,
        Severity::Medium => theme.warn,
        Severity::Low => theme.dim,
    }
}

fn render_gaps(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let theme = &app.theme;
    let gaps = &session.card.gaps;
    let cells: Vec<(String, String)> = gaps
        .iter()
        .map(|gap| {
            let question = app.questionnaire.question(&gap.question);
            let title = question.map_or(gap.question.as_str(), |question| question.title.as_str());
            let now = question
                .map_or(gap.current.key(), |question| gap.current.label(question))
                .to_string();
            (format!("{} {title}", gap.criterion), now)
        })
        .collect();
    // "Now" is as wide as its longest value, up to a third of the table; the gap title
    // takes the rest. Whatever does not fit ends in an ellipsis instead of being cut.
    let inner = layout::inner(area).width;
    let now_width = cells
        .iter()
        .map(|(_, now)| now.chars().count())
        .chain([3])
        .max()
        .map_or(3, |width| u16::try_from(width).unwrap_or(u16::MAX))
        .min(inner / 3);
    let gap_width = inner.saturating_sub(SEVERITY_WIDTH + now_width + 2);
    let rows = gaps.iter().zip(&cells).map(|(gap, (title, now))| {
        Row::new([
            Cell::from(Span::styled(
                gap.severity.label(),
                severity_style(theme, gap.severity),
            )),
            Cell::from(elide(title, gap_width)),
            Cell::from(Span::styled(elide(now, now_width), theme.dim)),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(SEVERITY_WIDTH),
            Constraint::Length(gap_width),
            Constraint::Length(now_width),
        ],
    )
    .header(Row::new(["Severity", "Gap", "Now"]).style(theme.dim))
    .block(block(
        theme,
        gaps_title(
            gaps.len(),
            session.card.open.len(),
            session.card.not_yet_relevant.len(),
        ),
    ))
    .row_highlight_style(theme.selected);
    let height = usize::from(layout::table_rows(area).height);
    let selected = app.gap.min(gaps.len().saturating_sub(1));
    let mut state = TableState::default()
        .with_offset(layout::scroll_offset(selected, gaps.len(), height))
        .with_selected((!gaps.is_empty()).then_some(selected));
    frame.render_stateful_widget(table, area, &mut state);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Answer, Assessment};
    use crate::questionnaire::{Level, QuestionnaireSource, load};
    use crate::scoring::{Policy, score};
    use jiff::civil::Date;

    #[test]
    fn held_back_by_keeps_whole_titles_and_counts_the_rest() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let mut a = Assessment::new("A", "", Date::constant(2026, 1, 1), Target::Type1, []);
        for question in questionnaire.questions() {
            a.set_answer(&question.id, Some(Answer::Level(Level::NotInPlace)));
        }
        let card = score(&questionnaire, &a, &Policy::default());
        let measure = &card.stage(Stage::Compliance).measure;
        let short = measure.blockers.len();
        assert!(short > 3);
        for width in [20, 40, 60, 90, 200] {
            let line = blockers(&questionnaire, measure, width);
            assert!(line.chars().count() <= width.max(20), "{width}: {line}");
            // Every title shown is whole.
            let shown: Vec<&str> = line
                .split_once(": ")
                .map(|(_, rest)| rest.rsplit_once(" +").map_or(rest, |(titles, _)| titles))
                .map(|titles| titles.split(", ").collect())
                .unwrap_or_default();
            for title in &shown {
                assert!(
                    questionnaire.questions().iter().any(|q| q.title == *title),
                    "{width}: cut title {title:?} in {line}"
                );
            }
            if shown.len() < short && !shown.is_empty() {
                assert!(
                    line.ends_with(&format!("+{} more", short - shown.len())),
                    "{line}"
                );
            }
        }
        assert_eq!(
            blockers(&questionnaire, measure, 10),
            format!("{short} key short")
        );
    }
}
