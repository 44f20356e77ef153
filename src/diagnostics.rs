//! Located problems: what is wrong, in which file, at which line and column, and in which
//! field of which question. Shared by the questionnaire and assessment loaders.

use std::fmt;
use std::io;
use std::ops::Range;

/// One problem found while loading a file, with as much location as is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// File name as shown to the user (relative for built-in files).
    pub file: String,
    /// 1-based line, when the problem has a place in the text.
    pub line: Option<usize>,
    /// 1-based column (in characters), when the problem has a place in the text.
    pub column: Option<usize>,
    /// The question or answer id the problem belongs to, if any.
    pub item: Option<String>,
    /// The field name the problem belongs to, if any.
    pub field: Option<String>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ":")?;
        if let Some(item) = &self.item {
            write!(f, " {item}:")?;
        }
        if let Some(field) = &self.field {
            write!(f, " field `{field}`:")?;
        }
        write!(f, " {}", self.message)
    }
}

/// A source text with its name, able to turn byte offsets into lines and columns.
#[derive(Debug, Clone, Copy)]
pub struct SourceText<'a> {
    /// File name as shown to the user.
    pub name: &'a str,
    /// The whole text of the file.
    pub text: &'a str,
    /// Where each line starts, when the loader indexed the text (see [`LineStarts`]).
    lines: Option<&'a LineStarts>,
}

/// The byte offset at which every line of a text starts, so that locating a problem is a
/// binary search instead of a scan from the top of the file. A loader that may report a
/// problem for each of thousands of entries indexes its text once with this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineStarts(Vec<usize>);

impl LineStarts {
    /// Indexes `text`: one entry per line, the first at 0.
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self(starts)
    }

    /// The 0-based line holding `offset`, and the byte offset where that line starts.
    fn line_of(&self, offset: usize) -> (usize, usize) {
        let line = self.0.partition_point(|&start| start <= offset) - 1;
        (line, self.0[line])
    }
}

impl<'a> SourceText<'a> {
    /// A named source text.
    pub fn new(name: &'a str, text: &'a str) -> Self {
        Self {
            name,
            text,
            lines: None,
        }
    }

    /// The same text, located through `lines` (which must index this text).
    pub fn with_lines(self, lines: &'a LineStarts) -> Self {
        Self {
            lines: Some(lines),
            ..self
        }
    }

    /// The 1-based line and column of a byte offset (clamped to the text).
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (line, line_start) = match self.lines {
            Some(lines) => lines.line_of(offset),
            None => {
                let before = &self.text[..offset];
                let line = before.matches('\n').count();
                (line, before.rfind('\n').map_or(0, |i| i + 1))
            }
        };
        let column = self.text[line_start..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// A problem located at the start of `span` in this text.
    pub fn problem_at(&self, span: Range<usize>, message: impl Into<String>) -> Problem {
        let (line, column) = self.line_column(span.start);
        Problem {
            file: self.name.to_string(),
            line: Some(line),
            column: Some(column),
            item: None,
            field: None,
            message: message.into(),
        }
    }

    /// A problem about the file as a whole, with no place in the text.
    pub fn problem(&self, message: impl Into<String>) -> Problem {
        Problem {
            file: self.name.to_string(),
            line: None,
            column: None,
            item: None,
            field: None,
            message: message.into(),
        }
    }
}

impl Problem {
    /// The same problem, attributed to a question or answer id.
    pub fn in_item(mut self, item: &str) -> Self {
        self.item = Some(item.to_string());
        self
    }

    /// The same problem, attributed to a field.
    pub fn in_field(mut self, field: &str) -> Self {
        self.field = Some(field.to_string());
        self
    }
}

/// At most this many ids are named in a warning or notice; the rest are counted.
pub const SHOWN_IDS: usize = 10;

/// The first [`SHOWN_IDS`] ids, comma-separated, then how many more there are.
pub fn summarise_ids<S: AsRef<str>>(ids: &[S]) -> String {
    let shown: Vec<&str> = ids.iter().take(SHOWN_IDS).map(AsRef::as_ref).collect();
    let mut text = shown.join(", ");
    if ids.len() > SHOWN_IDS {
        text.push_str(&format!(" … and {} more", ids.len() - SHOWN_IDS));
    }
    text
}

/// At most this many problems are listed; the rest are counted.
pub const SHOWN_PROBLEMS: usize = 50;

/// The problems one per line, each after `indent`: the first [`SHOWN_PROBLEMS`], then a
/// line saying how many more there are. Thousands of problems stay readable.
pub fn problem_lines(problems: &[Problem], indent: &str) -> String {
    let mut lines: Vec<String> = problems
        .iter()
        .take(SHOWN_PROBLEMS)
        .map(|problem| format!("{indent}{problem}"))
        .collect();
    if problems.len() > SHOWN_PROBLEMS {
        let more = problems.len() - SHOWN_PROBLEMS;
        lines.push(format!("{indent}… and {more} more problems, not shown"));
    }
    lines.join("\n")
}

/// A short plain-words reason for an I/O error ("permission denied", "the disk is full").
pub fn io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::NotFound => "no such file or folder".to_string(),
        io::ErrorKind::StorageFull => "the disk is full".to_string(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_string(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let source = SourceText::new("f.toml", "a = 1\nb = \"é\" x\n");
        assert_eq!(source.line_column(0), (1, 1));
        assert_eq!(source.line_column(6), (2, 1));
        // byte 14 is the 'x' after a two-byte 'é'
        assert_eq!(source.line_column(14), (2, 8));
        assert_eq!(source.line_column(999), (3, 1));
    }

    #[test]
    fn indexed_and_scanned_texts_locate_every_offset_alike() {
        let text = "a = 1\n\nb = \"é\" x\r\nlast";
        let lines = LineStarts::new(text);
        let scanned = SourceText::new("f.toml", text);
        let indexed = scanned.with_lines(&lines);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                indexed.line_column(offset),
                scanned.line_column(offset),
                "offset {offset}"
            );
        }
        assert_eq!(indexed.line_column(text.len()), (4, 5));
    }

    #[test]
    fn long_lists_of_problems_are_cut_with_a_count() {
        let source = SourceText::new("f.toml", "");
        let problems: Vec<_> = (0..3_497)
            .map(|n| source.problem(format!("problem {n}")))
            .collect();
        let text = problem_lines(&problems, "  ");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), SHOWN_PROBLEMS + 1);
        assert_eq!(lines[0], "  f.toml: problem 0");
        assert_eq!(lines[49], "  f.toml: problem 49");
        assert_eq!(lines[50], "  … and 3447 more problems, not shown");
        assert_eq!(problem_lines(&problems[..2], "").lines().count(), 2);
    }

    #[test]
    fn display_names_file_line_item_and_field() {
        let source = SourceText::new("security.toml", "x\ny = 2\n");
        let problem = source
            .problem_at(2..3, "must be 1–5, found 9")
            .in_item("CC6.1.mfa")
            .in_field("weight");
        assert_eq!(
            problem.to_string(),
            "security.toml:2:1: CC6.1.mfa: field `weight`: must be 1–5, found 9"
        );
        assert_eq!(source.problem("empty").to_string(), "security.toml: empty");
    }
}
