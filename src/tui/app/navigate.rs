//! Where the wizard is: the current question, the filter and the search, and the moves
//! between questions and criteria. Pure functions of the questionnaire and the assessment.

use crate::assessment::Assessment;
use crate::questionnaire::{Category, Question, Questionnaire, Stage};

/// Which part of the questionnaire the wizard walks through.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Filter {
    /// Every question in scope.
    #[default]
    All,
    /// One stage.
    Stage(Stage),
    /// One category.
    Category(Category),
}

impl Filter {
    /// The filter in words.
    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Stage(stage) => stage.label(),
            Filter::Category(category) => category.label(),
        }
    }

    fn admits(self, question: &Question) -> bool {
        match self {
            Filter::All => true,
            Filter::Stage(stage) => question.stage == stage,
            Filter::Category(category) => question.category == Some(category),
        }
    }
}

/// One row of the wizard's sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row<'q> {
    /// A stage heading.
    Stage(Stage),
    /// A category heading.
    Category(Category),
    /// A criterion (or `ATT` / `CERT`), by id.
    Criterion(&'q str),
}

/// The wizard's position, filter and search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Navigator {
    /// The index of the current question in the questionnaire.
    pub current: Option<usize>,
    /// The filter.
    pub filter: Filter,
    /// The search text; empty for none.
    pub search: String,
    /// How far the question text is scrolled.
    pub scroll: u16,
}

/// Whether `question` matches the search `text` (case-insensitive, id or words).
pub fn matches_search(question: &Question, text: &str) -> bool {
    let text = text.trim().to_lowercase();
    text.is_empty()
        || [&question.id, &question.title, &question.prompt]
            .iter()
            .any(|field| field.to_lowercase().contains(&text))
}

/// Whether question `index` still waits for an answer that counts: unanswered and relevant.
fn open_question(questionnaire: &Questionnaire, assessment: &Assessment, index: usize) -> bool {
    let question = &questionnaire.questions()[index];
    assessment.answer(&question.id).is_none() && assessment.is_relevant(question)
}

/// The sidebar row of `criterion` (0 when it is not shown).
pub fn criterion_row(rows: &[Row<'_>], criterion: &str) -> usize {
    rows.iter()
        .position(|row| *row == Row::Criterion(criterion))
        .unwrap_or(0)
}

impl Navigator {
    /// Starts at the first unanswered question in scope (or the first question).
    pub fn start(questionnaire: &Questionnaire, assessment: &Assessment) -> Self {
        let mut navigator = Navigator::default();
        let visible = navigator.visible(questionnaire, assessment);
        navigator.current = visible
            .iter()
            .copied()
            .find(|&index| open_question(questionnaire, assessment, index))
            .or(visible.first().copied());
        navigator
    }

    /// The indices of the in-scope questions that pass the filter and the search.
    pub fn visible(&self, questionnaire: &Questionnaire, assessment: &Assessment) -> Vec<usize> {
        self.visible_with(self.filter, &self.search, questionnaire, assessment)
    }

    fn visible_with(
        &self,
        filter: Filter,
        search: &str,
        questionnaire: &Questionnaire,
        assessment: &Assessment,
    ) -> Vec<usize> {
        questionnaire
            .questions()
            .iter()
            .enumerate()
            .filter(|(_, question)| {
                assessment.in_scope(question)
                    && filter.admits(question)
                    && matches_search(question, search)
            })
            .map(|(index, _)| index)
            .collect()
    }

    /// The sidebar: stage and category headings with the criteria under them.
    pub fn sidebar<'q>(
        &self,
        questionnaire: &'q Questionnaire,
        assessment: &Assessment,
    ) -> Vec<Row<'q>> {
        let mut rows = Vec::new();
        let mut last: Option<&Question> = None;
        for index in self.visible(questionnaire, assessment) {
            let question = &questionnaire.questions()[index];
            if last.is_none_or(|last| last.stage != question.stage) {
                rows.push(Row::Stage(question.stage));
            }
            if let Some(category) = question.category
                && last.is_none_or(|last| last.category != Some(category))
            {
                rows.push(Row::Category(category));
            }
            if last.is_none_or(|last| last.criterion != question.criterion) {
                rows.push(Row::Criterion(&question.criterion));
            }
            last = Some(question);
        }
        rows
    }

    /// Goes to question `index`, back at the top of its text.
    pub fn go(&mut self, index: usize) {
        self.current = Some(index);
        self.scroll = 0;
    }

    /// Moves to the next (or previous) visible question; stays at the ends.
    pub fn step(&mut self, visible: &[usize], forward: bool) {
        let position = self
            .current
            .and_then(|current| visible.iter().position(|&index| index == current));
        let next = match (position, forward) {
            (None, _) => visible.first(),
            (Some(at), true) => visible.get(at + 1),
            (Some(at), false) => at.checked_sub(1).and_then(|at| visible.get(at)),
        };
        if let Some(&next) = next {
            self.go(next);
        }
    }

    /// Moves to the first question of the next (or previous) criterion.
    pub fn step_criterion(
        &mut self,
        questionnaire: &Questionnaire,
        visible: &[usize],
        forward: bool,
    ) {
        let criterion = |index: usize| questionnaire.questions()[index].criterion.as_str();
        let firsts: Vec<usize> = visible
            .iter()
            .enumerate()
            .filter(|&(at, &index)| at == 0 || criterion(visible[at - 1]) != criterion(index))
            .map(|(_, &index)| index)
            .collect();
        let Some(current) = self.current else {
            return self.step(visible, forward);
        };
        let target = if forward {
            firsts.iter().find(|&&index| index > current)
        } else {
            let own = firsts.iter().rev().find(|&&index| index <= current);
            firsts
                .iter()
                .rev()
                .find(|&&index| own.is_some_and(|&own| index < own))
        };
        if let Some(&target) = target {
            self.go(target);
        }
    }

    /// Moves to the next visible question without an answer, wrapping around; `false` when
    /// every visible question has one.
    pub fn next_unanswered(
        &mut self,
        questionnaire: &Questionnaire,
        assessment: &Assessment,
        visible: &[usize],
    ) -> bool {
        let start = self
            .current
            .and_then(|current| visible.iter().position(|&index| index == current))
            .map_or(0, |at| at + 1);
        let found = (0..visible.len())
            .map(|offset| visible[(start + offset) % visible.len()])
            .find(|&index| open_question(questionnaire, assessment, index));
        if let Some(index) = found {
            self.go(index);
        }
        found.is_some()
    }

    /// The next filter after `self.filter` for which some question is visible: stages (or
    /// categories in scope) in order, then back to all.
    pub fn next_filter(
        &self,
        questionnaire: &Questionnaire,
        assessment: &Assessment,
        by_stage: bool,
    ) -> Filter {
        let options: Vec<Filter> = if by_stage {
            Stage::ALL.into_iter().map(Filter::Stage).collect()
        } else {
            assessment
                .scope()
                .iter()
                .copied()
                .map(Filter::Category)
                .collect()
        };
        let start = options
            .iter()
            .position(|&option| option == self.filter)
            .map_or(0, |at| at + 1);
        options[start.min(options.len())..]
            .iter()
            .copied()
            .find(|&option| {
                !self
                    .visible_with(option, &self.search, questionnaire, assessment)
                    .is_empty()
            })
            .unwrap_or(Filter::All)
    }

    /// Keeps the current question visible: moves to the first visible one if it is not.
    pub fn settle(&mut self, visible: &[usize]) {
        if self
            .current
            .is_none_or(|current| !visible.contains(&current))
            && let Some(&first) = visible.first()
        {
            self.go(first);
        }
    }
}
