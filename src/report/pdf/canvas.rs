//! A page composer with a top-down cursor: sections draw lines of text, boxes and rules at
//! positions measured from the top-left corner in points, and the canvas turns them into
//! printpdf operations (origin bottom-left), starts new pages when the cursor runs out of
//! room, and adds the header and footer ("page N of M") once the page count is known.
//!
//! A page left behind is written out at once as a content stream ([`content`]), so a
//! long report holds one page of operations at a time, not all of them (the streams take
//! about a fifth of the operations' memory). What is drawn on it later (the contents, the
//! header and footer, a logo) becomes a further stream of the same page.

use printpdf::{
    CurTransMat, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, Point, Pt, Rect, XObjectId,
    XObjectTransform,
};

use super::content;
use super::fonts::{Fonts, Weight};
use super::script::is_right_to_left;
use super::text;
use super::theme::{self, Colour, LEADING};
use super::wrap::wrap;
use crate::report::Paper;

/// Left and right margin in points (about 18 mm).
const MARGIN: f32 = 51.0;
/// Where the content starts, from the top edge.
const CONTENT_TOP: f32 = 66.0;
/// Where the content ends, from the bottom edge.
const CONTENT_BOTTOM: f32 = 58.0;
/// Cap height of DejaVu Sans as a fraction of the font size, to centre text in its line.
const CAP_HEIGHT: f32 = 0.73;

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Regular or bold.
    pub weight: Weight,
    /// Size in points.
    pub size: f32,
    /// Colour.
    pub colour: Colour,
    /// Line height as a multiple of the size.
    pub leading: f32,
}

impl TextStyle {
    /// A style with the usual line spacing.
    pub const fn new(weight: Weight, size: f32, colour: Colour) -> Self {
        Self {
            weight,
            size,
            colour,
            leading: LEADING,
        }
    }

    /// The same style with lines set closer, for dense tables.
    pub const fn tight(self) -> Self {
        Self {
            leading: theme::TIGHT_LEADING,
            ..self
        }
    }

    /// What [`text::draw_line`] needs of the style.
    fn look(self) -> text::Look {
        text::Look {
            weight: self.weight,
            size: self.size,
            colour: self.colour,
        }
    }

    /// The height of one line of this style.
    pub fn line_height(self) -> f32 {
        self.size * self.leading
    }
}

/// Pages under construction.
pub struct Canvas<'f> {
    fonts: &'f Fonts,
    width: f32,
    height: f32,
    pages: Vec<Page>,
    /// The page drawn on: the last one unless [`Canvas::draw_on`] says otherwise.
    target: Option<usize>,
    y: f32,
    bookmarks: Vec<(String, usize)>,
    /// Sections and appendices numbered so far.
    numbered: (u32, u8),
}

/// A page under construction: the content streams written so far, the operations drawn
/// since, the text section left open at their end for the next line of text (see
/// [`text`]), and its links.
#[derive(Default)]
struct Page {
    streams: Vec<Vec<u8>>,
    ops: Vec<Op>,
    open: Option<text::Section>,
    links: Vec<Link>,
    /// Every operation written out, kept for tests that look at what was drawn.
    #[cfg(test)]
    written: Vec<Op>,
}

/// A finished page: its content streams, drawn in order, and its links.
pub struct FinishedPage {
    /// The content streams.
    pub streams: Vec<Vec<u8>>,
    /// Its links.
    pub links: Vec<Link>,
}

/// A clickable area that goes to the top of a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// Left, bottom, right and top edges in PDF coordinates (points from the bottom left).
    pub area: [f32; 4],
    /// The page it goes to, 1-based.
    pub page: usize,
}

/// A finished document body: pages with header and footer, and bookmarks (1-based pages).
pub struct Finished {
    /// The pages.
    pub pages: Vec<FinishedPage>,
    /// Section titles with the page they start on.
    pub bookmarks: Vec<(String, usize)>,
    /// Page width and height in points.
    pub size: (f32, f32),
}

/// Page width and height in points.
fn page_size(paper: Paper) -> (f32, f32) {
    let (width, height) = match paper {
        Paper::A4 => (Mm(210.0), Mm(297.0)),
        Paper::Letter => (Mm(215.9), Mm(279.4)),
    };
    (Pt::from(width).0, Pt::from(height).0)
}

impl<'f> Canvas<'f> {
    /// A canvas with one empty page of `paper` size.
    pub fn new(fonts: &'f Fonts, paper: Paper) -> Self {
        let (width, height) = page_size(paper);
        Self {
            fonts,
            width,
            height,
            pages: vec![Page::default()],
            target: None,
            y: CONTENT_TOP,
            bookmarks: Vec::new(),
            numbered: (0, 0),
        }
    }

    /// The next section number ("3") or appendix letter ("Appendix B").
    pub fn next_number(&mut self, appendix: bool) -> String {
        if appendix {
            self.numbered.1 += 1;
            format!("Appendix {}", char::from(b'A' + self.numbered.1 - 1))
        } else {
            self.numbered.0 += 1;
            self.numbered.0.to_string()
        }
    }

    /// The left edge of the content.
    pub fn left(&self) -> f32 {
        MARGIN
    }

    /// The width of the content between the margins.
    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    /// The cursor: where the next block starts, from the top edge.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Moves the cursor down by `dy`.
    pub fn advance(&mut self, dy: f32) {
        self.y += dy;
    }

    /// The room left on the current page below the cursor.
    pub fn room(&self) -> f32 {
        self.height - CONTENT_BOTTOM - self.y
    }

    /// The room on an empty page.
    pub fn page_room(&self) -> f32 {
        self.height - CONTENT_BOTTOM - CONTENT_TOP
    }

    /// Starts a new page and puts the cursor at its top; the page left is written out.
    pub fn new_page(&mut self) {
        self.write_out(self.pages.len() - 1);
        self.pages.push(Page::default());
        self.y = CONTENT_TOP;
    }

    /// Turns what was drawn on page `index` (0-based) since it was last written out into
    /// a content stream, and gives the operations' memory back.
    fn write_out(&mut self, index: usize) {
        let page = &mut self.pages[index];
        text::close(&mut page.ops, &mut page.open);
        if page.ops.is_empty() {
            return;
        }
        let ops = std::mem::take(&mut page.ops);
        page.streams.push(content::encode(&ops, self.fonts));
        #[cfg(test)]
        page.written.extend(ops);
    }

    /// The number of pages so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Page width and height in points.
    pub fn size(&self) -> (f32, f32) {
        (self.width, self.height)
    }

    /// Draws image `image` on page `index` (0-based) in the box whose top-left corner is
    /// at (`x`, `top`).
    pub fn image(
        &mut self,
        index: usize,
        image: &XObjectId,
        (x, top): (f32, f32),
        size: (f32, f32),
    ) {
        let (width, height) = size;
        let bottom = self.height - top - height;
        let page = &mut self.pages[index];
        text::close(&mut page.ops, &mut page.open);
        page.ops.extend([
            Op::SaveGraphicsState,
            // An image fills the unit square: the matrix scales it to the box.
            Op::SetTransformationMatrix {
                matrix: CurTransMat::Raw([width, 0.0, 0.0, height, x, bottom]),
            },
            Op::UseXobject {
                id: image.clone(),
                transform: XObjectTransform::default(),
            },
            Op::RestoreGraphicsState,
        ]);
    }

    /// Starts a new page unless `height` fits below the cursor (or the page is still empty).
    pub fn ensure(&mut self, height: f32) {
        if height > self.room() && self.y > CONTENT_TOP {
            self.new_page();
        }
    }

    /// Marks the current page as the start of a section.
    pub fn bookmark(&mut self, title: &str) {
        self.bookmarks.push((title.to_string(), self.pages.len()));
    }

    /// The section titles marked so far, with the page (1-based) each starts on.
    pub fn bookmarks(&self) -> &[(String, usize)] {
        &self.bookmarks
    }

    /// Draws on an earlier page (1-based) from `top` — e.g. a table of contents once the
    /// page numbers are known — then returns to the current page and cursor. `draw` must
    /// fit on that page: it cannot start new pages.
    pub fn draw_on(&mut self, page: usize, top: f32, draw: impl FnOnce(&mut Self)) {
        let saved = (self.target, self.y);
        self.target = Some(page.saturating_sub(1).min(self.pages.len() - 1));
        self.y = top;
        draw(self);
        (self.target, self.y) = saved;
    }

    fn page(&mut self) -> &mut Page {
        let index = self.target.unwrap_or(self.pages.len() - 1);
        &mut self.pages[index]
    }

    /// The operations of the page drawn on, with its text section closed: for drawing
    /// anything but text.
    fn ops(&mut self) -> &mut Vec<Op> {
        let page = self.page();
        text::close(&mut page.ops, &mut page.open);
        &mut page.ops
    }

    /// Wraps `text` to `width` in `style`.
    pub fn wrap(&self, text: &str, width: f32, style: TextStyle) -> Vec<String> {
        wrap(text, width, |c| {
            self.fonts.advance(style.weight, style.size, c)
        })
    }

    /// Wraps `text` to `width` in `style`, each line with how far right of the left edge it
    /// starts: a right-to-left paragraph of several lines is set flush right so every line
    /// starts at the same edge; anything else (a one-line name too) starts at the left.
    pub fn wrap_aligned(&self, text: &str, width: f32, style: TextStyle) -> Vec<(String, f32)> {
        let lines = self.wrap(text, width, style);
        let flush_right = lines.len() > 1 && is_right_to_left(text);
        lines
            .into_iter()
            .map(|line| {
                let shift = if flush_right {
                    (width - self.width_of(&line, style)).max(0.0)
                } else {
                    0.0
                };
                (line, shift)
            })
            .collect()
    }

    /// The width of `text` in `style`.
    pub fn width_of(&self, text: &str, style: TextStyle) -> f32 {
        // Below Hebrew every character is drawn on its own by the text face.
        if text.chars().all(|c| c < '\u{0590}') {
            return self.fonts.width(style.weight, style.size, text);
        }
        text::line_width(self.fonts, text, style.look())
    }

    /// Draws one line of text in a line box whose top is at `top`.
    pub fn text(&mut self, x: f32, top: f32, line: &str, style: TextStyle) {
        let at = (x, self.baseline(top, style));
        let fonts = self.fonts;
        let page = self.page();
        text::draw_line(fonts, &mut page.ops, &mut page.open, at, line, style.look());
    }

    /// The PDF y of the baseline of a line box whose top is at `top`.
    fn baseline(&self, top: f32, style: TextStyle) -> f32 {
        self.height - top - (style.line_height() + CAP_HEIGHT * style.size) / 2.0
    }

    /// The operations that draw one line of text in a section of its own (for the header
    /// and footer, which are copied onto every page).
    fn text_ops(&self, x: f32, top: f32, line: &str, style: TextStyle) -> Vec<Op> {
        let mut ops = Vec::new();
        let mut open = None;
        let at = (x, self.baseline(top, style));
        text::draw_line(self.fonts, &mut ops, &mut open, at, line, style.look());
        text::close(&mut ops, &mut open);
        ops
    }

    /// Draws one line of text ending at `right`.
    pub fn text_right(&mut self, right: f32, top: f32, text: &str, style: TextStyle) {
        let width = self.width_of(text, style);
        self.text(right - width, top, text, style);
    }

    fn text_right_ops(&self, right: f32, top: f32, text: &str, style: TextStyle) -> Vec<Op> {
        self.text_ops(right - self.width_of(text, style), top, text, style)
    }

    /// Fills a rectangle whose top-left corner is at (`x`, `top`).
    pub fn fill(&mut self, x: f32, top: f32, width: f32, height: f32, colour: Colour) {
        let rect = Rect {
            mode: Some(PaintMode::Fill),
            ..Rect::from_xywh(Pt(x), Pt(self.height - top - height), Pt(width), Pt(height))
        };
        self.ops().extend([
            Op::SetFillColor { col: colour.pdf() },
            Op::DrawRectangle { rectangle: rect },
        ]);
    }

    /// Makes the rectangle whose top-left corner is at (`x`, `top`) a link to the top of
    /// `page` (1-based).
    pub fn link(&mut self, x: f32, top: f32, width: f32, height: f32, page: usize) {
        let bottom = self.height - top - height;
        let link = Link {
            area: [x, bottom, x + width, bottom + height],
            page,
        };
        self.page().links.push(link);
    }

    /// Draws a straight line from (`x1`, `y1`) to (`x2`, `y2`), dashed if `dash` is set.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), colour: Colour, dash: Option<f32>) {
        let ops = self.line_ops(from, to, colour, dash);
        self.ops().extend(ops);
    }

    fn line_ops(
        &self,
        from: (f32, f32),
        to: (f32, f32),
        colour: Colour,
        dash: Option<f32>,
    ) -> Vec<Op> {
        let point = |(x, y): (f32, f32)| LinePoint {
            p: Point {
                x: Pt(x),
                y: Pt(self.height - y),
            },
            bezier: false,
        };
        let line = Line {
            points: vec![point(from), point(to)],
            is_closed: false,
        };
        let dash = dash.map_or_else(LineDashPattern::solid, |length| {
            LineDashPattern::new(0.0, &[length, length])
        });
        vec![
            Op::SetOutlineColor { col: colour.pdf() },
            Op::SetOutlineThickness { pt: Pt(0.6) },
            Op::SetLineDashPattern { dash },
            Op::DrawLine { line },
        ]
    }

    /// Draws `text` wrapped to `width` from the cursor (flush right when it reads right to
    /// left over several lines), breaking pages between lines, and moves the cursor below it.
    pub fn paragraph(&mut self, text: &str, x: f32, width: f32, style: TextStyle) {
        for (line, shift) in self.wrap_aligned(text, width, style) {
            self.ensure(style.line_height());
            let top = self.y;
            self.text(x + shift, top, &line, style);
            self.y += style.line_height();
        }
    }

    /// Shortens `text` with an ellipsis so it fits `width`, at the end of a whole word
    /// when one fits in at least half the room ("Incident response plan…", never
    /// "Incident response plan (k…"); a single long word is cut where it must be.
    pub fn fit(&self, text: &str, width: f32, style: TextStyle) -> String {
        if self.width_of(text, style) <= width {
            return text.to_string();
        }
        let room = width - self.width_of("…", style);
        let mut used = 0.0;
        let mut kept: String = text
            .chars()
            .take_while(|&c| {
                used += self.fonts.advance(style.weight, style.size, c);
                used <= room
            })
            .collect();
        let whole_words = text[kept.len()..].starts_with(char::is_whitespace);
        if !whole_words
            && let Some(space) = kept.rfind(char::is_whitespace)
            && self.width_of(&kept[..space], style) >= room / 2.0
        {
            kept.truncate(space);
        }
        let trimmed = kept
            .trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, '(' | ',' | ';' | ':' | '-' | '—')
            })
            .len();
        kept.truncate(trimmed);
        kept.push('…');
        kept
    }

    /// Adds the header (title, organisation; not on the cover) and the footer (note, page N
    /// of M) to every page.
    pub fn finish(mut self, title: &str, organization: &str, footnote: &str) -> Finished {
        let style = TextStyle::new(Weight::Regular, theme::TINY, theme::MUTED);
        let bold = TextStyle::new(Weight::Bold, theme::TINY, theme::NAVY);
        let count = self.pages.len();
        let (left, right) = (MARGIN, self.width - MARGIN);
        let half = self.content_width() / 2.0 - 6.0;
        let organization = self.fit(organization, half, style);
        let footnote = self.fit(footnote, self.content_width() - 70.0, style);
        let header_top = CONTENT_TOP - 34.0;
        let footer_top = self.height - CONTENT_BOTTOM + 20.0;
        let rule_y = header_top + style.line_height() + 3.0;
        let mut header = self.text_ops(left, header_top, title, bold);
        header.extend(self.text_right_ops(right, header_top, &organization, style));
        header.extend(self.line_ops((left, rule_y), (right, rule_y), theme::RULE, None));
        let footer_rule = footer_top - 4.0;
        let mut footer =
            self.line_ops((left, footer_rule), (right, footer_rule), theme::RULE, None);
        footer.extend(self.text_ops(left, footer_top, &footnote, style));
        for index in 0..count {
            let number = format!("Page {} of {count}", index + 1);
            let number = self.text_right_ops(right, footer_top, &number, style);
            let page = &mut self.pages[index];
            text::close(&mut page.ops, &mut page.open);
            if index > 0 {
                page.ops.extend(header.iter().cloned());
            }
            page.ops.extend(footer.iter().cloned());
            page.ops.extend(number);
            self.write_out(index);
        }
        Finished {
            size: self.size(),
            pages: self
                .pages
                .into_iter()
                .map(|page| FinishedPage {
                    streams: page.streams,
                    links: page.links,
                })
                .collect(),
            bookmarks: self.bookmarks,
        }
    }

    /// The operations drawn so far, page by page, written out or not (for tests).
    #[cfg(test)]
    pub fn pages(&self) -> Vec<Vec<Op>> {
        self.pages
            .iter()
            .map(|page| page.written.iter().chain(&page.ops).cloned().collect())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style() -> TextStyle {
        TextStyle::new(Weight::Regular, theme::SMALL, theme::INK)
    }

    #[test]
    fn fitted_text_ends_on_a_whole_word_unless_one_word_is_too_long() {
        let fonts = Fonts::load();
        let canvas = Canvas::new(&fonts, Paper::A4);
        let style = style();
        let title = "Incident response plan (kept current and tested)";
        let width = canvas.width_of("Incident response plan (k", style);
        let fitted = canvas.fit(title, width, style);
        assert_eq!(fitted, "Incident response plan…");
        assert!(canvas.width_of(&fitted, style) <= width);
        let long = "Überprüfungsverfahrensbeschreibung";
        let cut = canvas.fit(long, canvas.width_of("Überprüfungs", style), style);
        assert!(cut.ends_with('…') && cut.len() < long.len(), "{cut}");
        assert_eq!(canvas.fit("Short", 200.0, style), "Short");
    }

    #[test]
    fn a_page_left_behind_is_written_out_and_later_drawing_becomes_another_stream() {
        let fonts = Fonts::load();
        let mut canvas = Canvas::new(&fonts, Paper::A4);
        canvas.text(MARGIN, CONTENT_TOP, "First page", style());
        canvas.link(MARGIN, CONTENT_TOP, 40.0, 10.0, 2);
        canvas.new_page();
        // The first page holds no operations any more, only its content stream.
        assert!(canvas.pages[0].ops.is_empty());
        assert_eq!(canvas.pages[0].streams.len(), 1);
        assert!(canvas.pages[1].streams.is_empty());
        canvas.text(MARGIN, CONTENT_TOP, "Second page", style());
        canvas.draw_on(1, 200.0, |canvas| {
            canvas.text(MARGIN, 200.0, "Contents", style());
        });
        let finished = canvas.finish("Title", "Org", "Footnote");
        // Page 1: its body, then the contents and the footer written at the end.
        assert_eq!(finished.pages[0].streams.len(), 2);
        assert_eq!(finished.pages[1].streams.len(), 1);
        assert_eq!(finished.pages[0].links.len(), 1);
        assert_eq!(finished.pages[0].links[0].page, 2);
        let text = |stream: &[u8]| {
            lopdf::content::Content::decode(stream)
                .unwrap()
                .operations
                .iter()
                .filter(|op| op.operator == "Tj")
                .count()
        };
        assert_eq!(text(&finished.pages[0].streams[0]), 1, "the body: one line");
        // The contents line, the footnote and "Page 1 of 2" (no header on the cover).
        assert_eq!(text(&finished.pages[0].streams[1]), 3);
        // Body, header title and organisation, footnote, page number.
        assert_eq!(text(&finished.pages[1].streams[0]), 5);
    }
}
