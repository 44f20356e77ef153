//! Tables that wrap their cells, break across pages and repeat their header on every page.
//!
//! A row is a stack of bands (a main band of short cells, then detail bands whose cells span
//! several columns); a row moves to the next page whole when it fits there, otherwise it
//! breaks between bands, and a band taller than a page breaks between lines.

use super::canvas::{Canvas, TextStyle};
use super::fonts::Weight;
use super::theme::{self, Colour};

/// Space between a cell's border and its text, unless a table says otherwise.
const PAD: f32 = 4.0;

/// One paragraph in a cell, optionally with a hanging marker ("1.", "•").
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// The text; line breaks are kept.
    pub text: String,
    /// How it looks.
    pub style: TextStyle,
    /// A list marker drawn before the first line, the text indented after it.
    pub marker: Option<String>,
}

impl Para {
    /// A plain paragraph.
    pub fn new(text: impl Into<String>, style: TextStyle) -> Self {
        Self {
            text: text.into(),
            style,
            marker: None,
        }
    }

    /// A list item with a hanging marker.
    pub fn item(marker: impl Into<String>, text: impl Into<String>, style: TextStyle) -> Self {
        Self {
            marker: Some(marker.into()),
            ..Self::new(text, style)
        }
    }
}

/// A cell spanning one or more columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// How many columns it spans.
    pub span: usize,
    /// Its paragraphs, top to bottom.
    pub paras: Vec<Para>,
}

impl Cell {
    /// A one-column cell.
    pub fn new(paras: Vec<Para>) -> Self {
        Self::spanning(1, paras)
    }

    /// A cell spanning `span` columns.
    pub fn spanning(span: usize, paras: Vec<Para>) -> Self {
        Self { span, paras }
    }
}

/// One row: bands of cells stacked top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The bands; the cells of each span all columns together.
    pub bands: Vec<Vec<Cell>>,
    /// The row's background.
    pub fill: Option<Colour>,
    /// Keep on the same page as the next row's first band (group headings).
    pub keep_with_next: bool,
}

impl Row {
    /// A row with one band.
    pub fn new(cells: Vec<Cell>) -> Self {
        Self {
            bands: vec![cells],
            fill: None,
            keep_with_next: false,
        }
    }
}

/// Column widths (fractions of the content width), header titles and cell padding.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column widths as fractions that add up to 1.
    pub widths: Vec<f32>,
    /// The header, repeated at the top of every page the table reaches; none when empty.
    pub header: Vec<String>,
    /// Space between a cell's border and its text.
    pub pad: f32,
    /// How the header titles look.
    pub header_style: TextStyle,
}

/// A wrapped line inside a cell.
#[derive(Debug)]
struct Line {
    marker: Option<String>,
    indent: f32,
    /// How far right of the indent the text starts: zero, or what sets a right-to-left
    /// paragraph flush right.
    shift: f32,
    text: String,
    style: TextStyle,
}

/// A cell with its lines laid out.
#[derive(Debug)]
struct LaidCell {
    x: f32,
    lines: Vec<Line>,
}

impl LaidCell {
    fn height(&self, from: usize) -> f32 {
        self.lines[from..]
            .iter()
            .map(|line| line.style.line_height())
            .sum()
    }
}

type Band = Vec<LaidCell>;

impl Table {
    /// A table with the usual padding.
    pub fn new(widths: &[f32], header: &[&str]) -> Self {
        Self {
            widths: widths.to_vec(),
            header: header.iter().map(|title| title.to_string()).collect(),
            pad: PAD,
            header_style: TextStyle::new(Weight::Bold, theme::SMALL, theme::WHITE),
        }
    }

    /// The same table set densely: `pad` points around each cell's text and a small header.
    pub fn dense(self, pad: f32) -> Self {
        Self {
            pad,
            header_style: TextStyle::new(Weight::Bold, theme::TINY, theme::WHITE).tight(),
            ..self
        }
    }

    fn band_height(&self, band: &Band) -> f32 {
        2.0 * self.pad + band.iter().map(|cell| cell.height(0)).fold(0.0, f32::max)
    }

    fn lay_out(&self, canvas: &Canvas<'_>, cells: &[Cell]) -> Band {
        let total = canvas.content_width();
        let mut column = 0;
        let mut x = canvas.left();
        cells
            .iter()
            .map(|cell| {
                let end = (column + cell.span).min(self.widths.len());
                let width = self.widths[column..end].iter().sum::<f32>() * total;
                column = end;
                let laid = LaidCell {
                    x,
                    lines: cell
                        .paras
                        .iter()
                        .flat_map(|para| wrap_para(canvas, para, width - 2.0 * self.pad))
                        .collect(),
                };
                x += width;
                laid
            })
            .collect()
    }

    fn header_band(&self, canvas: &Canvas<'_>) -> Band {
        let cells: Vec<Cell> = self
            .header
            .iter()
            .map(|title| Cell::new(vec![Para::new(title.clone(), self.header_style)]))
            .collect();
        self.lay_out(canvas, &cells)
    }

    fn draw_header(&self, canvas: &mut Canvas<'_>) {
        if self.header.is_empty() {
            return;
        }
        let header = self.header_band(canvas);
        self.draw_band(
            canvas,
            &header,
            Some(theme::NAVY),
            &mut vec![0; header.len()],
        );
    }

    fn header_height(&self, canvas: &Canvas<'_>) -> f32 {
        if self.header.is_empty() {
            0.0
        } else {
            self.band_height(&self.header_band(canvas))
        }
    }

    /// Draws `rows` from the cursor, header first, breaking pages as needed.
    pub fn draw(&self, canvas: &mut Canvas<'_>, rows: &[Row]) {
        let header_height = self.header_height(canvas);
        let laid: Vec<Vec<Band>> = rows
            .iter()
            .map(|row| {
                row.bands
                    .iter()
                    .map(|cells| self.lay_out(canvas, cells))
                    .collect()
            })
            .collect();
        let first_band = |index: usize| {
            laid.get(index)
                .and_then(|bands| bands.first())
                .map_or(0.0, |band| self.band_height(band))
        };
        let follower = |index: usize| {
            let keep = rows.get(index).is_some_and(|row| row.keep_with_next);
            if keep { first_band(index + 1) } else { 0.0 }
        };
        canvas.ensure(header_height + first_band(0) + follower(0));
        self.draw_header(canvas);
        let page_room = canvas.page_room() - header_height;
        for (index, (row, bands)) in rows.iter().zip(&laid).enumerate() {
            let needed =
                bands.iter().map(|band| self.band_height(band)).sum::<f32>() + follower(index);
            if needed > canvas.room() && needed <= page_room {
                self.break_page(canvas);
            }
            for band in bands {
                self.draw_breaking(canvas, band, row.fill, page_room);
            }
            let (left, right) = (canvas.left(), canvas.left() + canvas.content_width());
            let y = canvas.y();
            canvas.line((left, y), (right, y), theme::RULE, None);
        }
    }

    fn break_page(&self, canvas: &mut Canvas<'_>) {
        canvas.new_page();
        self.draw_header(canvas);
    }

    /// Draws a band, moving it to the next page if it fits there whole, else splitting it.
    fn draw_breaking(
        &self,
        canvas: &mut Canvas<'_>,
        band: &Band,
        fill: Option<Colour>,
        page_room: f32,
    ) {
        let height = self.band_height(band);
        if height > canvas.room() && height <= page_room {
            self.break_page(canvas);
        }
        let mut next = vec![0; band.len()];
        loop {
            let first_line = band
                .iter()
                .zip(&next)
                .filter_map(|(cell, &at)| cell.lines.get(at))
                .map(|line| line.style.line_height())
                .fold(0.0, f32::max);
            if first_line + 2.0 * self.pad > canvas.room() {
                self.break_page(canvas);
            }
            self.draw_band(canvas, band, fill, &mut next);
            if band
                .iter()
                .zip(&next)
                .all(|(cell, &at)| at >= cell.lines.len())
            {
                break;
            }
            self.break_page(canvas);
        }
    }

    /// Draws as much of `band` as fits below the cursor, starting each cell at `next[i]`, and
    /// advances `next` past the lines drawn. Draws at least one line per cell so a page always
    /// makes progress.
    fn draw_band(
        &self,
        canvas: &mut Canvas<'_>,
        band: &Band,
        fill: Option<Colour>,
        next: &mut [usize],
    ) {
        let room = canvas.room() - 2.0 * self.pad;
        let top = canvas.y();
        let mut spans = Vec::with_capacity(band.len());
        for (cell, &from) in band.iter().zip(next.iter()) {
            let mut used = 0.0;
            let mut to = from;
            while to < cell.lines.len() {
                let height = cell.lines[to].style.line_height();
                if used + height > room && to > from {
                    break;
                }
                used += height;
                to += 1;
            }
            spans.push((from, to, used));
        }
        let height = 2.0 * self.pad + spans.iter().map(|span| span.2).fold(0.0, f32::max);
        let (left, width) = (canvas.left(), canvas.content_width());
        if let Some(colour) = fill {
            canvas.fill(left, top, width, height, colour);
        }
        for (cell, (from, to, _)) in band.iter().zip(&spans) {
            let mut y = top + self.pad;
            for line in &cell.lines[*from..*to] {
                if let Some(marker) = &line.marker {
                    canvas.text(cell.x + self.pad, y, marker, line.style);
                }
                let x = cell.x + self.pad + line.indent + line.shift;
                canvas.text(x, y, &line.text, line.style);
                y += line.style.line_height();
            }
        }
        for (at, (_, to, _)) in next.iter_mut().zip(spans) {
            *at = to;
        }
        canvas.advance(height);
    }
}

/// Wraps a paragraph into lines, the marker hanging before the first.
fn wrap_para(canvas: &Canvas<'_>, para: &Para, width: f32) -> Vec<Line> {
    let indent = para.marker.as_ref().map_or(0.0, |marker| {
        canvas.width_of(marker, para.style) + canvas.width_of(" ", para.style)
    });
    let room = width - indent;
    // A paragraph behind a marker (a bullet, a label) stays flush left with its marker.
    let lines = if para.marker.is_some() {
        canvas
            .wrap(&para.text, room, para.style)
            .into_iter()
            .map(|line| (line, 0.0))
            .collect()
    } else {
        canvas.wrap_aligned(&para.text, room, para.style)
    };
    let mut lines: Vec<Line> = lines
        .into_iter()
        .map(|(text, shift)| Line {
            marker: None,
            indent,
            shift,
            text,
            style: para.style,
        })
        .collect();
    if let Some(first) = lines.first_mut() {
        first.marker.clone_from(&para.marker);
    }
    lines
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
