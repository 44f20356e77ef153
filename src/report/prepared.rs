//! Who prepared the report and under which settings: the preparer's branding (firm,
//! contact line, a PNG or JPEG logo recognised by its first bytes and kept in memory) and a
//! method note saying which verdict thresholds were used and where they came from.

use std::fmt;
use std::path::PathBuf;

use crate::scoring::{Policy, ThresholdSource, whole_percent};

/// The preparer's branding, printed on the PDF (cover, page header and footer).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Branding {
    /// The preparer's firm.
    pub firm: Option<String>,
    /// A contact line (e-mail, phone).
    pub contact: Option<String>,
    /// A PNG or JPEG logo for the cover and page header.
    pub logo: Option<Logo>,
}

impl Branding {
    /// "Prepared by Northwind Advisory", when a firm is set.
    pub fn prepared_by(&self) -> Option<String> {
        self.firm.as_ref().map(|firm| format!("Prepared by {firm}"))
    }
}

/// The method note on the verdict thresholds: their values and where each came from.
pub fn thresholds_note(policy: &Policy) -> String {
    let origin = |source: ThresholdSource| match source {
        ThresholdSource::BuiltIn => "the built-in default",
        ThresholdSource::Config => "set in the preparer's configuration",
        ThresholdSource::Assessment => "agreed for this assessment",
    };
    format!(
        "Thresholds used in this report: Ready from {} % ({}), Getting there from {} % ({}). \
         Thresholds agreed in the assessment take precedence over the preparer's \
         configuration, which takes precedence over the built-in 85 % and 50 %.",
        whole_percent(policy.ready),
        origin(policy.ready_from),
        whole_percent(policy.getting_there),
        origin(policy.getting_there_from)
    )
}

/// The image formats a logo may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Portable Network Graphics.
    Png,
    /// JPEG (JFIF or Exif).
    Jpeg,
}

impl fmt::Display for ImageFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ImageFormat::Png => "PNG",
            ImageFormat::Jpeg => "JPEG",
        })
    }
}

/// A logo read from disk.
#[derive(Clone, PartialEq, Eq)]
pub struct Logo {
    /// Where it was read from (after `~` was expanded).
    pub path: PathBuf,
    /// PNG or JPEG.
    pub format: ImageFormat,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl fmt::Debug for Logo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Logo")
            .field("path", &self.path)
            .field("format", &self.format)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The format of an image from its bytes, or why it is not a PNG or JPEG.
pub fn image_format(bytes: &[u8]) -> Result<ImageFormat, String> {
    if bytes.is_empty() {
        return Err("the file is empty, not a PNG or JPEG image".into());
    }
    if bytes.starts_with(PNG_SIGNATURE) {
        // The first chunk of every PNG is its header.
        return if bytes.get(12..16) == Some(b"IHDR") {
            Ok(ImageFormat::Png)
        } else {
            Err("the file starts like a PNG but is damaged (no header chunk)".into())
        };
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(ImageFormat::Jpeg);
    }
    let kind = if bytes.starts_with(b"GIF8") {
        "a GIF image"
    } else if bytes.starts_with(b"<svg") || bytes.starts_with(b"<?xml") {
        "an SVG or XML file"
    } else if bytes.starts_with(b"RIFF") {
        "a WebP or other RIFF file"
    } else if bytes.starts_with(b"%PDF") {
        "a PDF"
    } else {
        "not an image soc2-ready can read"
    };
    Err(format!("{kind}; the logo must be a PNG or JPEG image"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::thresholds::Thresholds;

    #[test]
    fn the_thresholds_note_says_where_each_value_came_from() {
        let policy = Policy::default().overridden(
            &Thresholds {
                ready: Some(0.9),
                getting_there: None,
            },
            ThresholdSource::Config,
        );
        let note = thresholds_note(&policy);
        assert!(
            note.starts_with("Thresholds used in this report: Ready from 90 % (set in the preparer's configuration), Getting there from 50 % (the built-in default)."),
            "{note}"
        );
    }

    #[test]
    fn png_and_jpeg_are_recognised_by_content() {
        let png = [PNG_SIGNATURE, b"\0\0\0\rIHDR\0\0\0\x01"].concat();
        assert_eq!(image_format(&png), Ok(ImageFormat::Png));
        assert_eq!(
            image_format(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16]),
            Ok(ImageFormat::Jpeg)
        );
    }

    #[test]
    fn other_files_say_what_they_are() {
        assert!(image_format(b"").unwrap_err().contains("empty"));
        assert!(
            image_format(b"GIF89a...")
                .unwrap_err()
                .starts_with("a GIF image")
        );
        assert!(image_format(b"<svg xmlns=").unwrap_err().contains("SVG"));
        assert!(image_format(b"hello").unwrap_err().contains("PNG or JPEG"));
        assert!(image_format(PNG_SIGNATURE).unwrap_err().contains("damaged"));
    }
}
