//! A one-line text field: the text, a cursor, and the editing actions that change them.

use super::action::Action;

/// A one-line text field with a cursor (counted in characters).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
}

impl TextInput {
    /// A field holding `text`, with the cursor at its end.
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    /// The text typed so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Applies an editing action; returns `false` for actions that are not about editing.
    pub fn apply(&mut self, action: Action) -> bool {
        let length = self.text.chars().count();
        match action {
            Action::Insert(c) if !c.is_control() => {
                let at = self.byte_index(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
            }
            Action::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_index(self.cursor);
                self.text.remove(at);
            }
            Action::DeleteForward if self.cursor < length => {
                let at = self.byte_index(self.cursor);
                self.text.remove(at);
            }
            Action::DeleteToStart => {
                let at = self.byte_index(self.cursor);
                self.text.replace_range(..at, "");
                self.cursor = 0;
            }
            Action::DeleteToEnd => {
                let at = self.byte_index(self.cursor);
                self.text.truncate(at);
            }
            Action::DeleteWord => {
                let end = self.byte_index(self.cursor);
                let separator = |c: char| c.is_whitespace() || c == '/';
                let before = self.text[..end].trim_end_matches(separator);
                let start = before.rfind(separator).map_or(0, |at| at + 1);
                self.cursor -= self.text[start..end].chars().count();
                self.text.replace_range(start..end, "");
            }
            Action::Left => self.cursor = self.cursor.saturating_sub(1),
            Action::Right => self.cursor = (self.cursor + 1).min(length),
            Action::Start => self.cursor = 0,
            Action::End => self.cursor = length,
            Action::Insert(_) | Action::Backspace | Action::DeleteForward => {}
            _ => return false,
        }
        true
    }

    /// The part of the text that fits in `width` cells with the cursor visible, and the
    /// cursor's column within it.
    pub fn window(&self, width: usize) -> (String, usize) {
        let width = width.max(1);
        let first = (self.cursor + 1).saturating_sub(width);
        let shown = self.text.chars().skip(first).take(width).collect();
        (shown, self.cursor - first)
    }

    fn byte_index(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(index, _)| index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_multibyte_text_at_the_cursor() {
        let mut input = TextInput::new("Müller");
        input.apply(Action::Start);
        input.apply(Action::Right);
        input.apply(Action::Right);
        input.apply(Action::Backspace);
        input.apply(Action::Insert('u'));
        input.apply(Action::Insert('e'));
        assert_eq!(input.text(), "Mueller");
        input.apply(Action::End);
        input.apply(Action::DeleteForward);
        input.apply(Action::Backspace);
        assert_eq!(input.text(), "Muelle");
        assert!(!input.apply(Action::Confirm));
    }

    #[test]
    fn line_editing_keys_delete_to_either_end_and_by_word() {
        let mut input = TextInput::new("~/exports/q3 review.pdf");
        input.apply(Action::DeleteWord);
        assert_eq!(input.text(), "~/exports/q3 ");
        input.apply(Action::DeleteWord);
        assert_eq!(input.text(), "~/exports/");
        input.apply(Action::DeleteWord);
        assert_eq!(input.text(), "~/", "a folder goes with its slash");
        input.apply(Action::DeleteWord);
        assert_eq!(input.text(), "");
        let mut input = TextInput::new("Jane Müller");
        input.apply(Action::Start);
        for _ in 0..5 {
            input.apply(Action::Right);
        }
        input.apply(Action::DeleteToEnd);
        assert_eq!(input.text(), "Jane ");
        input.apply(Action::Insert('X'));
        input.apply(Action::Left);
        input.apply(Action::DeleteToStart);
        assert_eq!(input.text(), "X");
        assert_eq!(input.window(10), ("X".to_string(), 0));
        let mut empty = TextInput::default();
        empty.apply(Action::DeleteWord);
        empty.apply(Action::DeleteToStart);
        assert_eq!(empty.text(), "");
    }

    #[test]
    fn the_window_keeps_the_cursor_visible() {
        let input = TextInput::new("abcdefghij");
        assert_eq!(input.window(4), ("hij".to_string(), 3));
        assert_eq!(TextInput::new("ab").window(10), ("ab".to_string(), 2));
        assert_eq!(TextInput::default().window(0), (String::new(), 0));
    }
}
