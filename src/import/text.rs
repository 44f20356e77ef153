//! Bytes to text, as exports really arrive: UTF-8 with or without a byte-order mark,
//! UTF-16 from Excel's "Unicode text" (either byte order, with its mark), Windows line
//! ends. Binary files, empty files and invalid UTF-8 are refused with their place.

use super::ImportError;
use crate::diagnostics::{Problem, SourceText};

/// The largest export read (larger files are refused before they are read).
pub const MAX_BYTES: u64 = 256 << 20;

/// The text of `bytes`, without a byte-order mark and with `\r\n` line ends left to the
/// CSV reader (which treats them as line ends).
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, ImportError> {
    let whole = |message: &str| Problem {
        file: name.to_string(),
        line: None,
        column: None,
        item: None,
        field: None,
        message: message.to_string(),
    };
    let text = match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes)
            .ok_or_else(|| Box::new(whole("the file says it is UTF-16 but its text is broken")))?,
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes)
            .ok_or_else(|| Box::new(whole("the file says it is UTF-16 but its text is broken")))?,
        _ => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(body) {
                Ok(text) => text.to_string(),
                Err(error) => {
                    let valid = String::from_utf8_lossy(&body[..error.valid_up_to()]);
                    let binary = body.contains(&0);
                    let message = if binary {
                        "this is a binary file, not a text export (CSV or JSON)"
                    } else {
                        "the text is not UTF-8 (save the export as CSV UTF-8)"
                    };
                    let (line, column) = SourceText::new(name, &valid).line_column(valid.len());
                    return Err(Box::new(Problem {
                        line: Some(line),
                        column: Some(column),
                        ..whole(message)
                    }));
                }
            }
        }
    };
    if text.trim().is_empty() {
        return Err(Box::new(whole("the file is empty")));
    }
    if let Some(offset) = text.find('\0') {
        let (line, column) = SourceText::new(name, &text).line_column(offset);
        return Err(Box::new(Problem {
            line: Some(line),
            column: Some(column),
            ..whole("this is a binary file, not a text export (CSV or JSON)")
        }));
    }
    Ok(text)
}

/// UTF-16 text in the byte order `unit` reads; `None` when it does not decode.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn marks_and_encodings_are_undone() {
        assert_eq!(
            decode("a.csv", b"\xEF\xBB\xBFuser,arn\r\n").unwrap(),
            "user,arn\r\n"
        );
        assert_eq!(
            decode("a.csv", &utf16le("user\tarn\r\n")).unwrap(),
            "user\tarn\r\n"
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("é,x".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode("a.csv", &be).unwrap(), "é,x");
    }

    #[test]
    fn empty_binary_and_broken_files_are_refused_with_their_place() {
        assert_eq!(
            decode("a.csv", b"").unwrap_err().message,
            "the file is empty"
        );
        assert_eq!(
            decode("a.csv", b"\xEF\xBB\xBF \r\n").unwrap_err().message,
            "the file is empty"
        );
        let binary = decode("a.csv", b"PK\x03\x04\x00\x00\xff\xfe").unwrap_err();
        assert!(binary.message.contains("binary"), "{binary}");
        let latin1 = decode("a.csv", b"user\nb\xe9a\n").unwrap_err();
        assert_eq!((latin1.line, latin1.column), (Some(2), Some(2)));
        assert!(
            latin1
                .to_string()
                .starts_with("a.csv:2:2: the text is not UTF-8")
        );
        let nul = decode("a.csv", b"user\nab\0c\n").unwrap_err();
        assert_eq!((nul.line, nul.column), (Some(2), Some(3)));
        let odd = decode("a.csv", &[0xFF, 0xFE, b'a']).unwrap_err();
        assert!(odd.message.contains("UTF-16"));
    }
}
