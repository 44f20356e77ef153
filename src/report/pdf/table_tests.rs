//! Table pagination: the header repeats on every page, rows are not lost when they break,
//! and nothing is drawn below the bottom margin.

use printpdf::{Op, TextItem, TextMatrix};

use super::*;
use crate::report::Paper;
use crate::report::pdf::fonts::Fonts;

fn style() -> TextStyle {
    TextStyle::new(Weight::Regular, theme::SMALL, theme::INK)
}

fn table() -> Table {
    Table::new(&[0.3, 0.7], &["HEAD-A", "HEAD-B"])
}

fn text_row(a: &str, b: &str) -> Row {
    Row::new(vec![
        Cell::new(vec![Para::new(a, style())]),
        Cell::new(vec![Para::new(b, style())]),
    ])
}

/// The texts shown on each page, in drawing order, and the lowest baseline (PDF y).
fn texts(canvas: &Canvas<'_>) -> Vec<(Vec<String>, f32)> {
    canvas
        .pages()
        .into_iter()
        .map(|ops| {
            let mut shown = Vec::new();
            let mut lowest = f32::MAX;
            for op in ops {
                match op {
                    Op::ShowText { items } => {
                        shown.extend(items.iter().filter_map(|item| match item {
                            TextItem::Text(text) => Some(text.clone()),
                            _ => None,
                        }))
                    }
                    Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(_, y),
                    } => lowest = lowest.min(y.0),
                    _ => {}
                }
            }
            (shown, lowest)
        })
        .collect()
}

fn with_canvas(test: impl FnOnce(&mut Canvas<'_>)) {
    let fonts = Fonts::load();
    let mut canvas = Canvas::new(&fonts, Paper::A4);
    test(&mut canvas);
}

#[test]
fn the_header_repeats_on_every_page_and_every_row_is_drawn_once() {
    with_canvas(|canvas| {
        let rows: Vec<Row> = (0..150)
            .map(|n| text_row(&format!("row-{n}"), "x"))
            .collect();
        table().draw(canvas, &rows);
        let pages = texts(canvas);
        assert!(
            pages.len() >= 3,
            "150 rows need several pages, got {}",
            pages.len()
        );
        for (shown, lowest) in &pages {
            assert_eq!(
                &shown[..2],
                ["HEAD-A", "HEAD-B"],
                "page starts with the header"
            );
            assert_eq!(shown.iter().filter(|t| t.starts_with("HEAD-")).count(), 2);
            assert!(
                *lowest >= 58.0,
                "text below the bottom margin at y={lowest}"
            );
        }
        let drawn: Vec<&String> = pages
            .iter()
            .flat_map(|(shown, _)| shown)
            .filter(|t| t.starts_with("row-"))
            .collect();
        assert_eq!(drawn.len(), 150);
        assert_eq!(drawn[149], "row-149");
    });
}

#[test]
fn a_cell_taller_than_a_page_breaks_between_lines_without_losing_any() {
    with_canvas(|canvas| {
        let long: Vec<String> = (0..200).map(|n| format!("line-{n}")).collect();
        let rows = vec![
            text_row("first", "short"),
            text_row("tall", &long.join("\n")),
        ];
        table().draw(canvas, &rows);
        let pages = texts(canvas);
        assert!(pages.len() >= 3);
        let drawn: Vec<&String> = pages
            .iter()
            .flat_map(|(shown, _)| shown)
            .filter(|t| t.starts_with("line-"))
            .collect();
        assert_eq!(drawn, long.iter().collect::<Vec<_>>());
        for (shown, lowest) in &pages {
            assert_eq!(shown[0], "HEAD-A");
            assert!(
                *lowest >= 58.0,
                "text below the bottom margin at y={lowest}"
            );
        }
    });
}

#[test]
fn a_row_that_fits_on_the_next_page_moves_there_whole() {
    with_canvas(|canvas| {
        let one_line = 2.0 * PAD + style().line_height();
        // Room for the header, one row and a little more, not for a five-line row.
        canvas.advance(canvas.room() - 2.0 * one_line - 30.0);
        let five = "a\nb\nc\nd\ne";
        table().draw(canvas, &[text_row("one", "x"), text_row("whole", five)]);
        let pages = texts(canvas);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].0, ["HEAD-A", "HEAD-B", "one", "x"]);
        assert_eq!(
            pages[1].0,
            ["HEAD-A", "HEAD-B", "whole", "a", "b", "c", "d", "e"]
        );
    });
}

#[test]
fn a_group_heading_stays_with_the_row_after_it() {
    with_canvas(|canvas| {
        let mut heading = Row::new(vec![Cell::spanning(2, vec![Para::new("GROUP", style())])]);
        heading.keep_with_next = true;
        let one_line = 2.0 * PAD + style().line_height();
        // Room for a row, the group heading and half a row: the heading must move.
        canvas.advance(canvas.room() - 3.0 * one_line - one_line / 2.0);
        let rows = [text_row("before", "x"), heading, text_row("member", "x")];
        table().draw(canvas, &rows);
        let pages = texts(canvas);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].0, ["HEAD-A", "HEAD-B", "before", "x"]);
        assert_eq!(pages[1].0, ["HEAD-A", "HEAD-B", "GROUP", "member", "x"]);
    });
}

/// Where each shown text starts on the first page (PDF x), by its text.
fn starts(canvas: &Canvas<'_>) -> Vec<(String, f32)> {
    let mut at = 0.0;
    let mut found = Vec::new();
    for op in &canvas.pages()[0] {
        match op {
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(x, _),
            } => at = x.0,
            Op::ShowText { items } => {
                for item in items {
                    if let TextItem::Text(text) = item {
                        found.push((text.clone(), at));
                    }
                }
            }
            _ => {}
        }
    }
    found
}

#[test]
fn right_to_left_cells_are_set_flush_right_and_others_flush_left() {
    with_canvas(|canvas| {
        // Twelve words wrap to several lines in the narrow first column.
        let long = "שלום לכל הצוות מכל המשרדים שלנו ותודה רבה על העבודה הקשה השנה";
        let rows = vec![text_row("Acme", "דנה כהן"), text_row(long, "Owner: דנה")];
        table().draw(canvas, &rows);
        let starts = starts(canvas);
        let x = |text: &str| {
            starts
                .iter()
                .find(|(shown, _)| shown == text)
                .map(|(_, x)| *x)
                .unwrap_or_else(|| panic!("{text} not drawn: {starts:?}"))
        };
        let style = style();
        let pad = table().pad;
        let column_b = canvas.left() + 0.3 * canvas.content_width();
        // A one-line Hebrew name starts where its column starts, like the rest.
        assert!((x("ןהכ הנד") - (column_b + pad)).abs() < 0.01);
        assert!((x("Acme") - (canvas.left() + pad)).abs() < 0.01);
        assert!((x("Owner: ") - (column_b + pad)).abs() < 0.01);
        // A Hebrew paragraph of several lines ends every line at the cell's right edge.
        let lines: Vec<&(String, f32)> = starts
            .iter()
            .filter(|(shown, _)| {
                shown
                    .chars()
                    .any(|c| ('\u{05D0}'..='\u{05EA}').contains(&c))
            })
            .filter(|(shown, _)| shown != "ןהכ הנד" && shown != "הנד")
            .collect();
        assert!(lines.len() >= 2, "the paragraph wraps: {lines:?}");
        let column_a_right = column_b - pad;
        for (shown, at) in lines {
            let logical: String = shown.chars().rev().collect();
            let end = at + canvas.width_of(&logical, style);
            assert!((end - column_a_right).abs() < 0.01, "{shown} ends at {end}");
        }
    });
}
