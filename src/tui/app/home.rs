//! The Home screen's state: the assessments found in the data directory (or why a file
//! could not be read), the selection, and the new-assessment form.

use std::path::PathBuf;

use jiff::civil::Date;

use super::super::input::TextInput;
use crate::assessment::store::Listed;
use crate::portfolio::{SortKey, Summary};
use crate::questionnaire::{Category, Questionnaire, Target};
use crate::scoring::Policy;

/// One file of the data directory.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Where it is.
    pub path: PathBuf,
    /// Its summary, or the located reason it could not be loaded.
    pub loaded: Result<Summary, String>,
}

impl Entry {
    /// The entry for a listed file.
    pub fn of(
        listed: &Listed,
        questionnaire: &Questionnaire,
        policy: &Policy,
        today: Date,
    ) -> Self {
        Self {
            path: listed.path.clone(),
            loaded: match &listed.assessment {
                Ok(assessment) => Ok(Summary::of(assessment, questionnaire, policy, today)),
                Err(error) => Err(error.to_string()),
            },
        }
    }

    /// The file name, as shown for files that cannot be read.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
    }

    /// The entry as the portfolio sorts it: its name and, when readable, its summary.
    pub fn sort_item(&self) -> (&str, Option<&Summary>) {
        match &self.loaded {
            Ok(summary) => (&summary.organization, Some(summary)),
            Err(_) => (
                self.path
                    .file_name()
                    .and_then(|name| name.to_str())
                    .unwrap_or(""),
                None,
            ),
        }
    }
}

/// A field of the new-assessment form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The organisation's name.
    Organization,
    /// Who runs the assessment.
    Assessor,
    /// An optional category (Security is always in scope).
    Scope(Category),
    /// Type 1 or Type 2.
    Target,
}

impl Field {
    /// The fields in order.
    pub const ALL: [Field; 7] = [
        Field::Organization,
        Field::Assessor,
        Field::Scope(Category::Availability),
        Field::Scope(Category::ProcessingIntegrity),
        Field::Scope(Category::Confidentiality),
        Field::Scope(Category::Privacy),
        Field::Target,
    ];

    /// Whether the field takes typed text.
    pub fn is_text(self) -> bool {
        matches!(self, Field::Organization | Field::Assessor)
    }
}

/// The new-assessment form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The organisation's name.
    pub organization: TextInput,
    /// Who runs the assessment.
    pub assessor: TextInput,
    /// The optional categories chosen.
    pub scope: Vec<Category>,
    /// The report type aimed for.
    pub target: Target,
    /// The focused field, as an index into [`Field::ALL`].
    pub focus: usize,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

impl Default for Form {
    fn default() -> Self {
        Self {
            organization: TextInput::default(),
            assessor: TextInput::default(),
            scope: Vec::new(),
            target: Target::Type2,
            focus: 0,
            error: None,
        }
    }
}

impl Form {
    /// How many questions of `questionnaire` the chosen scope and report type ask: the
    /// ones asked from the start, and the follow-ups that count once an answer opens them
    /// (`relevant_when`), which a new assessment's counts leave out until then.
    pub fn questions_in_scope(&self, questionnaire: &Questionnaire) -> (usize, usize) {
        let in_scope: Vec<_> = questionnaire
            .questions()
            .iter()
            .filter(|question| {
                question.category.is_none_or(|category| {
                    category == Category::Security || self.scope.contains(&category)
                })
            })
            .filter(|question| question.applies_to(self.target))
            .collect();
        let follow_ups = in_scope
            .iter()
            .filter(|question| question.relevant_when.is_some())
            .count();
        (in_scope.len() - follow_ups, follow_ups)
    }

    /// The focused field.
    pub fn field(&self) -> Field {
        Field::ALL[self.focus % Field::ALL.len()]
    }

    /// The focused text field, if the focus is on one.
    pub fn text_mut(&mut self) -> Option<&mut TextInput> {
        match self.field() {
            Field::Organization => Some(&mut self.organization),
            Field::Assessor => Some(&mut self.assessor),
            _ => None,
        }
    }

    /// Moves the focus by one field, wrapping around.
    pub fn move_focus(&mut self, forward: bool) {
        let count = Field::ALL.len();
        self.focus = (self.focus + if forward { 1 } else { count - 1 }) % count;
    }

    /// Switches the focused choice.
    pub fn toggle(&mut self) {
        match self.field() {
            Field::Scope(category) => {
                if let Some(at) = self.scope.iter().position(|&c| c == category) {
                    self.scope.remove(at);
                } else {
                    self.scope.push(category);
                }
            }
            Field::Target => {
                self.target = match self.target {
                    Target::Type1 => Target::Type2,
                    Target::Type2 => Target::Type1,
                }
            }
            Field::Organization | Field::Assessor => {}
        }
    }
}

/// The Home screen's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Home {
    /// The files of the data directory, in the order of `sort`.
    pub entries: Vec<Entry>,
    /// The selected entry.
    pub selected: usize,
    /// The new-assessment form, when open.
    pub form: Option<Form>,
    /// Whether "delete the selected assessment?" is being asked.
    pub confirm_delete: bool,
    /// The order of the list.
    pub sort: SortKey,
}

impl Home {
    /// The selected entry, if any.
    pub fn entry(&self) -> Option<&Entry> {
        self.entries.get(self.selected)
    }
}
