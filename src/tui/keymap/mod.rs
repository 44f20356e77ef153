//! The keymap as data: for each [`Context`], which [`Key`] does which [`Action`], with a
//! description for the help overlay and a short hint for the footer. The same tables drive
//! key handling, the footer and the help, so they cannot drift apart. The tables themselves
//! are in the `tables` submodule.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

mod tables;

pub use tables::SECTIONS;
use tables::*;

use super::action::Action;
use crate::questionnaire::AnswerKind;

/// A key as the keymap knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character (space included).
    Char(char),
    /// A character with Ctrl held.
    Ctrl(char),
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
}

impl Key {
    /// The key from a terminal event; `None` for releases and keys the wizard ignores.
    pub fn from_event(event: &KeyEvent) -> Option<Key> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = match event.code {
            KeyCode::Char(c) if event.modifiers.contains(KeyModifiers::CONTROL) => {
                Key::Ctrl(c.to_ascii_lowercase())
            }
            KeyCode::Char(c) => Key::Char(c),
            KeyCode::Enter => Key::Enter,
            KeyCode::Esc => Key::Esc,
            KeyCode::Tab => Key::Tab,
            KeyCode::BackTab => Key::BackTab,
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Delete => Key::Delete,
            _ => return None,
        };
        Some(key)
    }

    /// How the key is written in the footer and the help.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Backspace => "Backspace".into(),
            Key::Delete => "Del".into(),
        }
    }
}

/// One entry of the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// The keys that do it.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// The description in the help overlay.
    pub help: &'static str,
    /// The footer hint; consecutive bindings with the same hint share one footer entry.
    pub hint: Option<&'static str>,
}

/// Where the keyboard focus is; each context has its own table of keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The list of assessments.
    Home,
    /// "Delete this assessment?"
    ConfirmDelete,
    /// Leaving with changes that could not be saved.
    Unsaved,
    /// The open file changed on disk since it was read.
    Conflict,
    /// The new-assessment form, on a text field.
    FormText,
    /// The new-assessment form, on a choice (scope, target).
    FormChoice,
    /// The wizard, on a question answered on the 0–4 scale.
    WizardScale,
    /// The wizard, on a yes/no question.
    WizardYesNo,
    /// The workshop view, on a question answered on the 0–4 scale.
    WorkshopScale,
    /// The workshop view, on a yes/no question.
    WorkshopYesNo,
    /// The dashboard.
    Dashboard,
    /// The three stages explained.
    Stages,
    /// The export screen.
    Export,
    /// The export screen while the auditor's package is being written.
    Writing,
    /// The "certification" screen.
    Certification,
    /// A one-line text prompt (note, owner, due date, search, …).
    Prompt,
    /// The evidence log of the current question.
    Evidence,
    /// The policy, vendor and risk registers.
    Registers,
    /// The help overlay.
    Help,
    /// The terminal is too small to draw in: the user sees none of the screen, so only
    /// quitting acts (and a resize, which is not a key).
    TooSmall,
}

impl Context {
    /// Every context, for the help overlay and the tests.
    pub const ALL: [Context; 20] = [
        Context::Home,
        Context::ConfirmDelete,
        Context::Unsaved,
        Context::Conflict,
        Context::FormText,
        Context::FormChoice,
        Context::WizardScale,
        Context::WizardYesNo,
        Context::WorkshopScale,
        Context::WorkshopYesNo,
        Context::Dashboard,
        Context::Stages,
        Context::Export,
        Context::Writing,
        Context::Certification,
        Context::Prompt,
        Context::Evidence,
        Context::Registers,
        Context::Help,
        Context::TooSmall,
    ];

    /// Whether printable characters are typed into a text field here.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::FormText | Context::Prompt | Context::Export)
    }

    /// The heading of the context in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Home => "Assessments",
            Context::ConfirmDelete => "Delete an assessment",
            Context::Unsaved => "Changes not saved",
            Context::Conflict => "Changed outside this window",
            Context::FormText => "New assessment: text fields",
            Context::FormChoice => "New assessment: choices",
            Context::WizardScale => "Wizard: 0–4 questions",
            Context::WizardYesNo => "Wizard: yes/no questions",
            Context::WorkshopScale => "Workshop: 0–4 questions",
            Context::WorkshopYesNo => "Workshop: yes/no questions",
            Context::Dashboard => "Dashboard",
            Context::Stages => "The three stages",
            Context::Export => "Export",
            Context::Writing => "Writing the auditor's package",
            Context::Certification => "“Certification”",
            Context::Prompt => "Editing a field",
            Context::Evidence => "Evidence of a question",
            Context::Registers => "Registers",
            Context::Help => "Help",
            Context::TooSmall => "Terminal too small",
        }
    }

    /// The tables of bindings that apply, most specific first.
    fn tables(self) -> &'static [&'static [Binding]] {
        match self {
            Context::Home => &[HOME, GLOBAL, ALWAYS],
            Context::ConfirmDelete => &[CONFIRM_DELETE, GLOBAL, ALWAYS],
            Context::Unsaved => &[UNSAVED, ALWAYS],
            Context::Conflict => &[CONFLICT, ALWAYS],
            Context::FormText => &[FORM, EDITING, ALWAYS],
            Context::FormChoice => &[FORM_CHOICE, FORM, GLOBAL, ALWAYS],
            Context::WizardScale => &[SCALE_ANSWERS, ANY_ANSWER, WIZARD, GLOBAL, ALWAYS],
            Context::WizardYesNo => &[YES_NO_ANSWERS, ANY_ANSWER, WIZARD, GLOBAL, ALWAYS],
            Context::WorkshopScale => &[SCALE_ANSWERS, ANY_ANSWER, WORKSHOP, GLOBAL, ALWAYS],
            Context::WorkshopYesNo => &[YES_NO_ANSWERS, ANY_ANSWER, WORKSHOP, GLOBAL, ALWAYS],
            Context::Dashboard => &[DASHBOARD, GLOBAL, ALWAYS],
            Context::Stages => &[STAGES, GLOBAL, ALWAYS],
            Context::Export => &[EXPORT, EDITING, ALWAYS],
            Context::Writing => &[WRITING, GLOBAL, ALWAYS],
            Context::Certification => &[CERTIFICATION, GLOBAL, ALWAYS],
            Context::Prompt => &[PROMPT, EDITING, ALWAYS],
            Context::Evidence => &[EVIDENCE, GLOBAL, ALWAYS],
            Context::Registers => &[REGISTERS, GLOBAL, ALWAYS],
            Context::Help => &[HELP, GLOBAL, ALWAYS],
            Context::TooSmall => &[TOO_SMALL, ALWAYS],
        }
    }

    /// Every binding that applies here, in footer order.
    pub fn bindings(self) -> impl Iterator<Item = &'static Binding> {
        self.tables().iter().flat_map(|table| table.iter())
    }

    /// What the status line says about a character key with no meaning here: the answer
    /// keys of the other kind of question say how this one is answered; any other says it
    /// does nothing and where the keys are listed. `None` for other keys.
    pub fn unbound_message(self, key: Key) -> Option<String> {
        let Key::Char(c) = key else {
            return None;
        };
        Some(match self {
            Context::WizardScale | Context::WorkshopScale if matches!(c, 'y' | 'n') => {
                wrong_kind_message(AnswerKind::Scale).to_string()
            }
            Context::WizardYesNo | Context::WorkshopYesNo if c.is_ascii_digit() => {
                wrong_kind_message(AnswerKind::YesNo).to_string()
            }
            _ => format!("{c} does nothing here; ? lists the keys of this screen."),
        })
    }

    /// The action of `key` here; unbound printable characters type text where text is taken.
    pub fn action(self, key: Key) -> Option<Action> {
        self.bindings()
            .find(|binding| binding.keys.contains(&key))
            .map(|binding| binding.action)
            .or(match key {
                Key::Char(c) if self.takes_text() => Some(Action::Insert(c)),
                _ => None,
            })
    }
}

/// What the status line says when an answer key does not suit the question: how it is
/// answered, and what the other keys are for.
pub fn wrong_kind_message(kind: AnswerKind) -> &'static str {
    match kind {
        AnswerKind::Scale => {
            "This question is answered 0–4 (or x N/A, u unsure); y / n answer yes/no questions."
        }
        AnswerKind::YesNo => {
            "This question is answered y / n (or x N/A, u unsure); 0–4 answer scale questions."
        }
    }
}

/// One footer entry: the keys of consecutive bindings sharing a hint, and the hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The keys, e.g. `0-4` or `↑/↓`.
    pub keys: String,
    /// What they do, in a word or two.
    pub text: &'static str,
    /// Keys that work on every screen (help, quit): kept at the right of the footer.
    pub global: bool,
}

/// The footer hints of a context, in order.
pub fn hints(context: Context) -> Vec<Hint> {
    let mut hints: Vec<(Vec<Key>, &'static str, bool)> = Vec::new();
    for table in context.tables() {
        let global = std::ptr::eq(*table, GLOBAL);
        for binding in table.iter() {
            let Some(text) = binding.hint else { continue };
            match hints.last_mut() {
                Some((keys, last, _)) if *last == text => keys.push(binding.keys[0]),
                _ => hints.push((vec![binding.keys[0]], text, global)),
            }
        }
    }
    hints
        .into_iter()
        .map(|(keys, text, global)| Hint {
            keys: join_keys(&keys),
            text,
            global,
        })
        .collect()
}

/// `0-4` for a run of digits, otherwise the labels joined with `/`.
fn join_keys(keys: &[Key]) -> String {
    match (keys.first(), keys.last()) {
        (Some(Key::Char(first)), Some(Key::Char(last)))
            if keys.len() > 2
                && keys
                    .iter()
                    .all(|key| matches!(key, Key::Char(c) if c.is_ascii_digit())) =>
        {
            format!("{first}-{last}")
        }
        _ => keys
            .iter()
            .map(|key| key.label())
            .collect::<Vec<_>>()
            .join("/"),
    }
}

/// The keys of a binding as written in the help, e.g. `n/Esc`.
pub fn key_labels(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|key| key.label())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Answer;

    #[test]
    fn no_key_does_two_things_in_one_context() {
        for context in Context::ALL {
            let mut seen: Vec<Key> = Vec::new();
            for binding in context.bindings() {
                for key in binding.keys {
                    assert!(!seen.contains(key), "{context:?}: {key:?} is bound twice");
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn text_fields_take_letters_that_are_keys_elsewhere() {
        assert_eq!(
            Context::Prompt.action(Key::Char('q')),
            Some(Action::Insert('q'))
        );
        assert_eq!(Context::Home.action(Key::Char('q')), Some(Action::Quit));
        assert_eq!(Context::Prompt.action(Key::Ctrl('c')), Some(Action::Quit));
        assert_eq!(Context::Home.action(Key::Char('z')), None);
    }

    #[test]
    fn ctrl_z_suspends_everywhere_even_while_typing() {
        for context in Context::ALL {
            assert_eq!(
                context.action(Key::Ctrl('z')),
                Some(Action::Suspend),
                "{context:?}"
            );
        }
    }

    #[test]
    fn a_screen_too_small_to_see_only_quits() {
        assert_eq!(Context::TooSmall.action(Key::Char('q')), Some(Action::Quit));
        assert_eq!(Context::TooSmall.action(Key::Ctrl('c')), Some(Action::Quit));
        for key in [
            Key::Char('3'),
            Key::Char('d'),
            Key::Char('y'),
            Key::Enter,
            Key::Esc,
        ] {
            assert_eq!(Context::TooSmall.action(key), None, "{key:?}");
        }
    }

    #[test]
    fn footer_hints_group_keys() {
        let hints = hints(Context::WizardScale);
        assert_eq!(hints[0].keys, "0-4");
        assert_eq!(hints[0].text, "answer");
        assert!(
            hints
                .iter()
                .any(|hint| hint.keys == "←/→" && hint.text == "question")
        );
        assert_eq!(hints.last().map(|hint| hint.text), Some("quit"));
    }

    #[test]
    fn answer_keys_follow_the_question_kind() {
        assert!(Context::WizardScale.action(Key::Char('y')).is_none());
        assert_eq!(
            Context::WizardYesNo.action(Key::Char('n')),
            Some(Action::Answer(Answer::No))
        );
        assert!(Context::WizardYesNo.action(Key::Char('3')).is_none());
    }

    #[test]
    fn a_key_with_no_meaning_here_says_so() {
        assert_eq!(
            Context::WizardScale
                .unbound_message(Key::Char('y'))
                .as_deref(),
            Some(wrong_kind_message(AnswerKind::Scale))
        );
        assert_eq!(
            Context::WizardYesNo
                .unbound_message(Key::Char('3'))
                .as_deref(),
            Some(wrong_kind_message(AnswerKind::YesNo))
        );
        assert_eq!(
            Context::Dashboard
                .unbound_message(Key::Char('z'))
                .as_deref(),
            Some("z does nothing here; ? lists the keys of this screen.")
        );
        assert_eq!(Context::Dashboard.unbound_message(Key::Delete), None);
    }
}
