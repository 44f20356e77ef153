//! Colours and type sizes of the PDF report, in one place so every page looks alike.

use printpdf::{Color, Rgb};

use crate::scoring::{Severity, Verdict};

/// An sRGB colour with components from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour(pub f32, pub f32, pub f32);

impl Colour {
    /// The colour as a printpdf colour.
    pub fn pdf(self) -> Color {
        Color::Rgb(Rgb::new(self.0, self.1, self.2, None))
    }
}

/// Headings, the cover band and table headers.
pub const NAVY: Colour = Colour(0.110, 0.200, 0.330);
/// Body text.
pub const INK: Colour = Colour(0.130, 0.150, 0.180);
/// Secondary text: labels, captions, header and footer.
pub const MUTED: Colour = Colour(0.400, 0.440, 0.500);
/// Hairlines and borders.
pub const RULE: Colour = Colour(0.800, 0.830, 0.870);
/// Every other table row.
pub const ZEBRA: Colour = Colour(0.960, 0.968, 0.978);
/// Boxes and group headings.
pub const PANEL: Colour = Colour(0.918, 0.937, 0.960);
/// Text on dark fills.
pub const WHITE: Colour = Colour(1.0, 1.0, 1.0);
/// Controls in place (the lightest bar).
pub const BAR_IN_PLACE: Colour = Colour(0.620, 0.710, 0.812);
/// Controls evidenced now, enough for Type 1.
pub const BAR_TYPE1: Colour = Colour(0.310, 0.486, 0.675);
/// Controls operating over time, enough for Type 2 (the darkest bar).
pub const BAR_TYPE2: Colour = NAVY;
/// Due dates in the past.
pub const OVERDUE: Colour = Colour(0.776, 0.157, 0.157);
/// Chart gridlines.
pub const GRID: Colour = Colour(0.890, 0.905, 0.925);

/// The colour of a verdict: green, amber or red.
pub fn verdict(verdict: Verdict) -> Colour {
    match verdict {
        Verdict::NotAssessed => MUTED,
        Verdict::Ready => Colour(0.180, 0.490, 0.196),
        Verdict::GettingThere => Colour(0.702, 0.420, 0.0),
        Verdict::NotReady => Colour(0.776, 0.157, 0.157),
    }
}

/// The colour of a severity, darkest for the most urgent.
pub fn severity(severity: Severity) -> Colour {
    match severity {
        Severity::Critical => Colour(0.557, 0.106, 0.106),
        Severity::High => Colour(0.776, 0.157, 0.157),
        Severity::Medium => Colour(0.702, 0.420, 0.0),
        Severity::Low => Colour(0.353, 0.420, 0.490),
    }
}

/// Body text size in points.
pub const BODY: f32 = 9.5;
/// Table text size in points.
pub const SMALL: f32 = 8.0;
/// Header, footer and caption size in points.
pub const TINY: f32 = 7.0;
/// Section heading size in points.
pub const H1: f32 = 16.0;
/// Sub-heading size in points.
pub const H2: f32 = 11.5;
/// Line height as a multiple of the font size.
pub const LEADING: f32 = 1.38;
/// Line height in dense tables (the register, the gap cards).
pub const TIGHT_LEADING: f32 = 1.22;
