//! A worksheet seen as a table: a bold, frozen, filtered header row, cells written by kind
//! (text, whole numbers, real dates, percentages as numbers with a percent format) and
//! column widths that follow the longest line written in each column.
//!
//! Every text cell is written as a string, never as a formula, so user text that starts with
//! `=`, `+`, `-` or `@` stays text in every spreadsheet. Control characters are made visible
//! ([`visible_text`]), and text longer than a cell may hold is cut with a marker.

use jiff::civil::Date;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Worksheet, XlsxError};

use crate::text_safety::visible_text;

/// The most characters one cell holds (Excel's limit is 32,767).
const MAX_CELL_CHARS: usize = 32_000;
/// The widest a column grows, in characters; longer text wraps.
const MAX_WIDTH: usize = 60;
/// The narrowest column.
const MIN_WIDTH: usize = 6;

/// The cell formats a workbook uses.
#[derive(Debug, Clone)]
pub struct Styles {
    /// The header row.
    pub header: Format,
    /// Ordinary text, wrapped, aligned to the top.
    pub text: Format,
    /// A section title.
    pub title: Format,
    /// A date, shown as `2027-01-31`.
    pub date: Format,
    /// A fraction shown as a whole percent.
    pub percent: Format,
    /// A whole number.
    pub number: Format,
}

impl Default for Styles {
    fn default() -> Self {
        let top = Format::new().set_align(FormatAlign::Top);
        Self {
            header: Format::new()
                .set_bold()
                .set_background_color("D9E1F2")
                .set_align(FormatAlign::Top)
                .set_text_wrap(),
            text: top.clone().set_text_wrap(),
            title: Format::new().set_bold().set_font_size(14),
            date: top.clone().set_num_format("yyyy-mm-dd"),
            percent: top.clone().set_num_format("0%"),
            number: top.set_num_format("0"),
        }
    }
}

/// One worksheet being filled, with the width each column needs so far.
pub struct Grid<'a> {
    sheet: &'a mut Worksheet,
    styles: &'a Styles,
    widths: Vec<usize>,
}

impl<'a> Grid<'a> {
    /// Starts filling `sheet`.
    pub fn new(sheet: &'a mut Worksheet, styles: &'a Styles) -> Self {
        Self {
            sheet,
            styles,
            widths: Vec::new(),
        }
    }

    /// The worksheet, for what the grid does not cover (conditional formats).
    pub fn sheet(&mut self) -> &mut Worksheet {
        self.sheet
    }

    fn fit(&mut self, col: u16, text: &str) {
        let longest = text
            .lines()
            .map(|line| line.chars().map(char_width).sum::<usize>())
            .max()
            .unwrap_or(0);
        let col = usize::from(col);
        if self.widths.len() <= col {
            self.widths.resize(col + 1, MIN_WIDTH);
        }
        self.widths[col] = self.widths[col].max(longest.min(MAX_WIDTH));
    }

    /// Writes the header row on `row` in bold.
    pub fn header(&mut self, row: u32, names: &[&str]) -> Result<(), XlsxError> {
        for (col, name) in (0u16..).zip(names) {
            self.fit(col, name);
            self.sheet
                .write_string_with_format(row, col, *name, &self.styles.header)?;
        }
        Ok(())
    }

    /// Writes a title in a larger bold font (not counted toward the column's width).
    pub fn title(&mut self, row: u32, col: u16, text: &str) -> Result<(), XlsxError> {
        self.sheet
            .write_string_with_format(row, col, cell_text(text), &self.styles.title)?;
        Ok(())
    }

    /// Writes text as a string cell (never a formula); empty text leaves the cell empty.
    pub fn text(&mut self, row: u32, col: u16, text: &str) -> Result<(), XlsxError> {
        let styles = self.styles;
        self.text_as(row, col, text, &styles.text)
    }

    /// [`Grid::text`] in another format (e.g. an unlocked one for a cell to fill).
    pub fn text_as(
        &mut self,
        row: u32,
        col: u16,
        text: &str,
        format: &Format,
    ) -> Result<(), XlsxError> {
        if text.is_empty() {
            return Ok(());
        }
        let text = cell_text(text);
        self.fit(col, &text);
        self.sheet
            .write_string_with_format(row, col, text, format)?;
        Ok(())
    }

    /// Writes a whole number.
    pub fn number(&mut self, row: u32, col: u16, value: impl Into<f64>) -> Result<(), XlsxError> {
        let value = value.into();
        self.fit(col, &value.to_string());
        self.sheet
            .write_number_with_format(row, col, value, &self.styles.number)?;
        Ok(())
    }

    /// Writes a real date; `None` leaves the cell empty, and a date a spreadsheet cannot
    /// hold (before 1900) is written as its text.
    pub fn date(&mut self, row: u32, col: u16, date: Option<Date>) -> Result<(), XlsxError> {
        let styles = self.styles;
        self.date_as(row, col, date, &styles.date)
    }

    /// [`Grid::date`] in another date format (e.g. an unlocked one for a cell to fill).
    pub fn date_as(
        &mut self,
        row: u32,
        col: u16,
        date: Option<Date>,
        format: &Format,
    ) -> Result<(), XlsxError> {
        let Some(date) = date else {
            return Ok(());
        };
        let Some(excel) = excel_date(date) else {
            return self.text_as(row, col, &date.to_string(), format);
        };
        self.fit(col, "2027-01-31");
        self.sheet
            .write_datetime_with_format(row, col, &excel, format)?;
        Ok(())
    }

    /// Writes a whole percent as a fraction with a percent format; `None` writes "n/a".
    pub fn percent(&mut self, row: u32, col: u16, percent: Option<u32>) -> Result<(), XlsxError> {
        match percent {
            None => self.text(row, col, "n/a"),
            Some(value) => {
                self.fit(col, "100%");
                self.sheet.write_number_with_format(
                    row,
                    col,
                    f64::from(value) / 100.0,
                    &self.styles.percent,
                )?;
                Ok(())
            }
        }
    }

    /// Sets every column to the width its cells need.
    pub fn set_widths(&mut self) -> Result<(), XlsxError> {
        for (col, width) in (0u16..).zip(&self.widths) {
            // A little room for the filter button of the header row.
            self.sheet.set_column_width(col, *width as f64 + 2.0)?;
        }
        Ok(())
    }

    /// Finishes a table sheet whose header is on row 0 and whose last row is `last_row`:
    /// the header frozen, an auto-filter over the columns, the widths set.
    pub fn finish_table(&mut self, columns: u16, last_row: u32) -> Result<(), XlsxError> {
        self.sheet.set_freeze_panes(1, 0)?;
        if columns > 0 {
            self.sheet.autofilter(0, 0, last_row, columns - 1)?;
        }
        self.set_widths()
    }
}

/// `date` as a spreadsheet date, if a spreadsheet can hold it (the years 1900 to 9999).
pub(crate) fn excel_date(date: Date) -> Option<ExcelDateTime> {
    ExcelDateTime::from_ymd(
        u16::try_from(date.year()).ok()?,
        u8::try_from(date.month()).ok()?,
        u8::try_from(date.day()).ok()?,
    )
    .ok()
}

/// The text as a cell shows it: control characters visible, cut to what a cell holds.
pub(super) fn cell_text(text: &str) -> String {
    let text = visible_text(text);
    if text.chars().count() <= MAX_CELL_CHARS {
        return text.into_owned();
    }
    let mut cut: String = text.chars().take(MAX_CELL_CHARS).collect();
    cut.push_str(" … (cut: too long for one cell)");
    cut
}

/// Columns a character takes: two for the wide scripts (CJK, Hangul, full-width forms).
fn char_width(c: char) -> usize {
    match u32::from(c) {
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFF00..=0xFF60 => {
            2
        }
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_and_wide_scripts_count_double() {
        let long = "x".repeat(MAX_CELL_CHARS + 10);
        let cut = cell_text(&long);
        assert!(cut.ends_with("(cut: too long for one cell)"));
        assert_eq!(char_width('漢'), 2);
        assert_eq!(char_width('a'), 1);
        assert_eq!(cell_text("a\u{1b}b"), "a^[b");
    }

    #[test]
    fn dates_a_spreadsheet_cannot_hold_have_no_excel_date() {
        assert!(excel_date(Date::constant(1800, 6, 1)).is_none());
        assert!(excel_date(Date::constant(2027, 1, 31)).is_some());
    }
}
