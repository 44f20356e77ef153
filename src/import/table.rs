//! The CSV side shared by every source: the header found by name (any case, spaces
//! trimmed), the delimiter the header uses among those a source allows (Excel's UTF-16
//! "Unicode text" uses tabs), and rows whose problems point at file, line and column.

use csv::{ReaderBuilder, StringRecord, StringRecordsIntoIter};

use super::ImportError;
use crate::diagnostics::{Problem, SourceText};
use crate::text_safety::visible_text;

/// A CSV export with its header read.
pub struct Table<'a> {
    name: &'a str,
    text: &'a str,
    delimiter: u8,
    headers: Vec<String>,
}

/// One data row, with where it starts in the file.
pub struct Row {
    record: StringRecord,
    /// Where the row starts in the text.
    byte: usize,
}

impl Row {
    /// Field `index`, trimmed ("" past the end).
    pub fn get(&self, index: usize) -> &str {
        self.record.get(index).map_or("", str::trim)
    }
}

impl<'a> Table<'a> {
    /// Reads the header of `text`, separated by the first of `delimiters` the header line
    /// holds (else the first).
    pub fn new(name: &'a str, text: &'a str, delimiters: &[u8]) -> Result<Self, ImportError> {
        let first_line = text
            .lines()
            .find(|line| !line.trim().is_empty())
            .unwrap_or("");
        let delimiter = delimiters
            .iter()
            .copied()
            .find(|delimiter| first_line.as_bytes().contains(delimiter))
            .unwrap_or(delimiters[0]);
        let mut table = Self {
            name,
            text,
            delimiter,
            headers: Vec::new(),
        };
        let mut records = table.reader();
        table.headers = match records.next() {
            Some(Ok(record)) => record.iter().map(|name| name.trim().to_string()).collect(),
            Some(Err(error)) => return Err(table.csv_problem(&error)),
            None => return Err(table.at(0, "the file has no header row")),
        };
        Ok(table)
    }

    fn reader(&self) -> StringRecordsIntoIter<&'a [u8]> {
        ReaderBuilder::new()
            .delimiter(self.delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(self.text.as_bytes())
            .into_records()
    }

    /// The column named `name` (any case; a note in brackets after the name, as in
    /// Google's `Status [READ ONLY]`, is not part of it).
    pub fn find(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|header| {
            let bare = header
                .split_once(" [")
                .map_or(header.as_str(), |(bare, _)| bare);
            header.eq_ignore_ascii_case(name) || bare.trim().eq_ignore_ascii_case(name)
        })
    }

    /// The columns named `names`; when any is missing, a problem naming them all and
    /// saying this is not `what`.
    pub fn columns<const N: usize>(
        &self,
        names: [&str; N],
        what: &str,
    ) -> Result<[usize; N], ImportError> {
        let missing: Vec<&str> = names
            .iter()
            .copied()
            .filter(|name| self.find(name).is_none())
            .collect();
        if !missing.is_empty() {
            let found = self
                .headers
                .iter()
                .take(6)
                .map(|header| visible_text(header))
                .collect::<Vec<_>>();
            return Err(self.at(
                0,
                format!(
                    "missing column{} {}: this does not look like {what} (its header starts {})",
                    if missing.len() == 1 { "" } else { "s" },
                    missing.join(", "),
                    if found.is_empty() {
                        "empty".to_string()
                    } else {
                        found.join(", ")
                    }
                ),
            ));
        }
        Ok(names.map(|name| self.find(name).unwrap_or_default()))
    }

    /// The data rows; a row with fewer or more fields than the header is a problem.
    pub fn rows(&self) -> impl Iterator<Item = Result<Row, ImportError>> + '_ {
        self.reader().skip(1).map(move |record| {
            let record = record.map_err(|error| self.csv_problem(&error))?;
            let byte = record
                .position()
                .and_then(|position| usize::try_from(position.byte()).ok())
                .unwrap_or(0);
            // The reader counts a record from the `\n` of a `\r\n` before it.
            let skipped = self.text.as_bytes()[byte.min(self.text.len())..]
                .iter()
                .take_while(|&&byte| byte == b'\r' || byte == b'\n')
                .count();
            let row = Row {
                byte: byte + skipped,
                record,
            };
            if row.record.len() != self.headers.len() {
                let at = row.record.len().min(self.headers.len());
                let what = if row.record.len() < self.headers.len() {
                    "truncated row"
                } else {
                    "row too long"
                };
                return Err(self.problem(
                    &row,
                    at.saturating_sub(1),
                    format!(
                        "{what}: {} fields where the header has {}",
                        row.record.len(),
                        self.headers.len()
                    ),
                ));
            }
            Ok(row)
        })
    }

    /// The problem of a file with a header and nothing below it.
    pub fn no_rows(&self) -> ImportError {
        self.at(self.text.len(), "the file has a header but no data rows")
    }

    /// A problem at field `index` of `row`, naming the column.
    pub fn problem(&self, row: &Row, index: usize, message: impl Into<String>) -> ImportError {
        let mut problem = self.at(self.field_offset(row.byte, index), message);
        problem.field = self.headers.get(index).cloned();
        problem
    }

    /// The 1-based line and column where field `index` of `row` starts.
    pub fn place(&self, row: &Row, index: usize) -> (usize, usize) {
        SourceText::new(self.name, self.text).line_column(self.field_offset(row.byte, index))
    }

    /// Where field `index` of the record starting at `byte` starts in the text.
    fn field_offset(&self, byte: usize, index: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut quoted = false;
        let mut field = 0;
        for (offset, &byte_at) in bytes.iter().enumerate().skip(byte) {
            if field == index {
                return offset;
            }
            match byte_at {
                b'"' => quoted = !quoted,
                b'\n' if !quoted => return offset,
                delimiter if delimiter == self.delimiter && !quoted => field += 1,
                _ => {}
            }
        }
        bytes.len()
    }

    fn at(&self, offset: usize, message: impl Into<String>) -> ImportError {
        let (line, column) = SourceText::new(self.name, self.text).line_column(offset);
        Box::new(Problem {
            file: self.name.to_string(),
            line: Some(line),
            column: Some(column),
            item: None,
            field: None,
            message: message.into(),
        })
    }

    fn csv_problem(&self, error: &csv::Error) -> ImportError {
        let offset = error
            .position()
            .and_then(|position| usize::try_from(position.byte()).ok())
            .unwrap_or(0);
        self.at(offset, format!("not readable as CSV: {error}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_columns_are_found_in_any_case() {
        let table = Table::new("a.csv", "User;ARN\r\nalice;x\r\n\r\nbob;yz\r\n", b";").unwrap();
        assert_eq!(table.find("user"), Some(0));
        let google = Table::new(
            "u.csv",
            "Email Address [Required],Status [READ ONLY]\n",
            b",",
        )
        .unwrap();
        assert_eq!(google.find("status"), Some(1));
        assert_eq!(table.columns(["arn", "USER"], "a test").unwrap(), [1, 0]);
        let rows: Vec<Row> = table.rows().collect::<Result<_, _>>().unwrap();
        assert_eq!((rows[0].get(0), rows[0].get(1)), ("alice", "x"));
        assert_eq!(
            table.problem(&rows[1], 1, "odd").to_string(),
            "a.csv:4:5: field `ARN`: odd"
        );
    }

    #[test]
    fn tabs_are_taken_when_the_header_uses_them() {
        let table = Table::new("a.txt", "user\tarn\nalice\tx\n", b",\t").unwrap();
        assert_eq!(table.find("arn"), Some(1));
    }

    #[test]
    fn missing_columns_say_which_and_what_the_file_is_not() {
        let table = Table::new("a.csv", "name,email\n", b",").unwrap();
        let problem = table
            .columns(["user", "arn"], "an AWS credential report")
            .unwrap_err();
        assert_eq!(
            problem.to_string(),
            "a.csv:1:1: missing columns user, arn: this does not look like an AWS credential report (its header starts name, email)"
        );
    }

    #[test]
    fn truncated_rows_point_at_line_and_column() {
        let table = Table::new("a.csv", "a,b,c\n1,2,3\n\"x,y\",5\n", b",").unwrap();
        let problem = table.rows().find_map(Result::err).unwrap();
        assert_eq!(
            problem.to_string(),
            "a.csv:3:7: field `b`: truncated row: 2 fields where the header has 3"
        );
    }

    #[test]
    fn a_field_problem_names_its_column() {
        let table = Table::new("a.csv", "a;b\n1;maybe\n", b";").unwrap();
        let row = table.rows().next().unwrap().unwrap();
        let problem = table.problem(&row, 1, "not a status");
        assert_eq!(problem.to_string(), "a.csv:2:3: field `b`: not a status");
    }
}
