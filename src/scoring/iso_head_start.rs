//! The "ISO 27001 head start": for a company whose customers ask for an ISO/IEC 27001
//! certificate, which Annex A controls and clauses its SOC 2 work already covers, partly
//! covers or leaves open, grouped by Annex A theme. Pure: a function of the questionnaire's
//! crosswalk (`iso27001` on each question) and the assessment's answers.

use serde::Serialize;

use super::measure::meets;
use crate::assessment::Assessment;
use crate::questionnaire::{ISO27001, IsoRef, IsoTheme, Level, Questionnaire, Stage};

/// The level a SOC 2 control needs before it counts toward an ISO control: working.
pub const COVERING_LEVEL: Level = Level::InPlace;

/// How far the SOC 2 work covers one ISO control or clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    /// Every in-scope question mapped to it is in place.
    Covered,
    /// Some of them are in place.
    Partly,
    /// Questions map to it, but none is in place yet.
    NotCovered,
    /// No in-scope, applicable question maps to it: the SOC 2 work does not reach it.
    NotAddressed,
}

impl Coverage {
    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            Coverage::Covered => "covered",
            Coverage::Partly => "partly",
            Coverage::NotCovered => "not covered",
            Coverage::NotAddressed => "not addressed by SOC 2",
        }
    }
}

/// One ISO control or clause and the SOC 2 questions that speak to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlCoverage {
    /// The ISO number (e.g. `A.8.5`).
    pub id: &'static str,
    /// Its short title (our paraphrase).
    pub title: &'static str,
    /// Its Annex A theme, or the clauses.
    pub theme: IsoTheme,
    /// How far it is covered.
    pub coverage: Coverage,
    /// The in-scope, applicable questions mapped to it.
    pub questions: Vec<String>,
    /// How many of them are at least in place.
    pub in_place: usize,
}

/// Counts for one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ThemeCoverage {
    /// The Annex A theme, or the clauses.
    pub theme: IsoTheme,
    /// Controls covered.
    pub covered: usize,
    /// Controls partly covered.
    pub partly: usize,
    /// Controls with mapped questions none of which is in place.
    pub not_covered: usize,
    /// Controls no SOC 2 question in scope reaches.
    pub not_addressed: usize,
}

impl ThemeCoverage {
    /// Every control of the theme.
    pub fn total(&self) -> usize {
        self.covered + self.partly + self.not_covered + self.not_addressed
    }
}

/// The head start, control by control and theme by theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeadStart {
    /// Every Annex A control and clause, in ISO order.
    pub controls: Vec<ControlCoverage>,
    /// The four Annex A themes, then the clauses.
    pub themes: Vec<ThemeCoverage>,
}

impl HeadStart {
    /// The counts of one theme.
    pub fn theme(&self, theme: IsoTheme) -> &ThemeCoverage {
        self.themes
            .iter()
            .find(|counts| counts.theme == theme)
            .expect("every theme is counted")
    }

    /// The controls of one theme with one coverage.
    pub fn controls_with(
        &self,
        theme: IsoTheme,
        coverage: Coverage,
    ) -> impl Iterator<Item = &ControlCoverage> {
        self.controls
            .iter()
            .filter(move |control| control.theme == theme && control.coverage == coverage)
    }
}

/// How far the assessment's SOC 2 work covers each Annex A control and each clause
/// (counted at the level of 6.1, 9.2…: a question mapped to 6.1.2 counts toward 6.1).
pub fn head_start(questionnaire: &Questionnaire, assessment: &Assessment) -> HeadStart {
    let controls: Vec<ControlCoverage> = ISO27001
        .iter()
        .filter(|iso| iso.is_annex_a() || iso.id.matches('.').count() == 1)
        .map(|iso| control(questionnaire, assessment, iso))
        .collect();
    let themes = IsoTheme::ALL
        .iter()
        .map(|&theme| {
            let count = |coverage| {
                controls
                    .iter()
                    .filter(|c| c.theme == theme && c.coverage == coverage)
                    .count()
            };
            ThemeCoverage {
                theme,
                covered: count(Coverage::Covered),
                partly: count(Coverage::Partly),
                not_covered: count(Coverage::NotCovered),
                not_addressed: count(Coverage::NotAddressed),
            }
        })
        .collect();
    HeadStart { controls, themes }
}

fn control(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    iso: &'static IsoRef,
) -> ControlCoverage {
    let mapped: Vec<_> = questionnaire
        .questions()
        .iter()
        .filter(|q| q.stage == Stage::Compliance && q.iso27001.iter().any(|r| within(r, iso)))
        .filter(|q| assessment.in_scope(q))
        .filter(|q| {
            assessment
                .answer(&q.id)
                .is_none_or(|a| a.effective_level().is_some())
        })
        .collect();
    let in_place = mapped
        .iter()
        .filter(|q| meets(assessment.answer(&q.id), COVERING_LEVEL))
        .count();
    let coverage = match (mapped.len(), in_place) {
        (0, _) => Coverage::NotAddressed,
        (_, 0) => Coverage::NotCovered,
        (total, met) if met == total => Coverage::Covered,
        _ => Coverage::Partly,
    };
    ControlCoverage {
        id: iso.id,
        title: iso.title,
        theme: iso.theme(),
        coverage,
        questions: mapped.iter().map(|q| q.id.clone()).collect(),
        in_place,
    }
}

/// Whether a question's reference counts toward `unit`: the same number, or a sub-clause.
fn within(reference: &IsoRef, unit: &IsoRef) -> bool {
    reference.id == unit.id
        || reference
            .id
            .strip_prefix(unit.id)
            .is_some_and(|rest| rest.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Answer;
    use crate::questionnaire::{Category, QuestionnaireSource, Target, load};
    use jiff::civil::Date;

    fn setup(scope: &[Category]) -> (Questionnaire, Assessment) {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).expect("built in");
        let assessment = Assessment::new(
            "Acme",
            "",
            Date::constant(2026, 11, 26),
            Target::Type2,
            scope.iter().copied(),
        );
        (questionnaire, assessment)
    }

    fn coverage(head: &HeadStart, id: &str) -> Coverage {
        head.controls.iter().find(|c| c.id == id).unwrap().coverage
    }

    #[test]
    fn answers_move_controls_from_not_covered_to_partly_to_covered() {
        let (questionnaire, mut assessment) = setup(&[]);
        let head = head_start(&questionnaire, &assessment);
        assert_eq!(coverage(&head, "A.8.5"), Coverage::NotCovered);
        // A.8.5 (secure sign-in) is mapped from MFA, SSO and remote access.
        assessment.set_answer("CC6.1.mfa", Some(Answer::Level(Level::Operating)));
        let head = head_start(&questionnaire, &assessment);
        assert_eq!(coverage(&head, "A.8.5"), Coverage::Partly);
        for id in ["CC6.1.sso", "CC6.6.remote-access"] {
            assessment.set_answer(id, Some(Answer::Level(Level::InPlace)));
        }
        let head = head_start(&questionnaire, &assessment);
        let control = head.controls.iter().find(|c| c.id == "A.8.5").unwrap();
        assert_eq!(control.coverage, Coverage::Covered);
        assert_eq!(control.in_place, 3);
        // "Planned" is not in place.
        assessment.set_answer("CC6.1.sso", Some(Answer::Level(Level::Planned)));
        assert_eq!(
            coverage(&head_start(&questionnaire, &assessment), "A.8.5"),
            Coverage::Partly
        );
    }

    #[test]
    fn n_a_and_out_of_scope_questions_do_not_count() {
        let (questionnaire, mut assessment) = setup(&[]);
        // A.8.6 (capacity) is reached only by availability questions, out of scope here.
        let head = head_start(&questionnaire, &assessment);
        assert_eq!(coverage(&head, "A.8.6"), Coverage::NotAddressed);
        assert_eq!(coverage(&head, "A.8.17"), Coverage::NotAddressed);
        // A.8.4 (source code access) is mapped from branch protection only.
        assessment.edit("CC8.1.branch-protection", |record| {
            record.answer = Some(Answer::NotApplicable);
            record.na_reason = "no source code".into();
        });
        assert_eq!(
            coverage(&head_start(&questionnaire, &assessment), "A.8.4"),
            Coverage::NotAddressed
        );
        let (questionnaire, assessment) = setup(&[Category::Availability]);
        assert_eq!(
            coverage(&head_start(&questionnaire, &assessment), "A.8.6"),
            Coverage::NotCovered
        );
    }

    #[test]
    fn themes_count_every_annex_a_control_once() {
        let (questionnaire, assessment) = setup(&Category::ALL);
        let complete = crate::assessment::sample::complete(&questionnaire);
        for assessment in [&assessment, &complete] {
            let head = head_start(&questionnaire, assessment);
            let totals: Vec<usize> = IsoTheme::ALL
                .iter()
                .map(|&t| head.theme(t).total())
                .collect();
            assert_eq!(&totals[..4], [37, 8, 14, 34]);
            let listed = head
                .controls_with(IsoTheme::Physical, Coverage::NotAddressed)
                .count();
            assert_eq!(listed, head.theme(IsoTheme::Physical).not_addressed);
        }
        let head = head_start(&questionnaire, &complete);
        assert!(head.theme(IsoTheme::Technological).covered > 0);
        // Clauses are counted as 4.1–10.2; questions on 6.1.2 and 6.1.3 count toward 6.1.
        assert_eq!(head.theme(IsoTheme::Clauses).total(), 23);
        let clause = head.controls.iter().find(|c| c.id == "6.1").unwrap();
        assert!(clause.questions.iter().any(|q| q == "CC3.1.risk-method"));
        assert!(!head.controls.iter().any(|c| c.id == "6.1.2"));
    }
}
