//! Writing the finished document: printpdf turns the pages into PDF objects (subsetting
//! the fonts), the streams are compressed here, on every core, at zlib's default level,
//! and lopdf writes the file. printpdf's own save compresses one stream after another at
//! the highest level, which was half the time of a long report for a file a few percent
//! smaller.

use std::io::Write as _;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use lopdf::{Object, Stream};
use printpdf::{PdfDocument, PdfSaveOptions};

/// At most this many threads compress streams.
const MAX_THREADS: usize = 4;

/// The PDF file of `doc`, which is dropped as soon as its objects are built so the pages
/// and the file are not held in memory together.
pub fn save(doc: PdfDocument) -> Vec<u8> {
    let options = PdfSaveOptions {
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    let mut pdf = printpdf::to_lopdf_doc(&doc, &options, &mut warnings);
    drop(doc);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS));
    compress_streams(&mut pdf, threads);
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes)
        .expect("writing a PDF to memory cannot fail");
    bytes
}

/// Compresses every stream that allows it and has no filter yet, on `threads` threads,
/// the largest streams first and dealt out in turn so the threads finish together.
fn compress_streams(pdf: &mut lopdf::Document, threads: usize) {
    let mut streams: Vec<&mut Stream> = pdf
        .objects
        .values_mut()
        .filter_map(|object| match object {
            Object::Stream(stream)
                if stream.allows_compression && stream.dict.get(b"Filter").is_err() =>
            {
                Some(stream)
            }
            _ => None,
        })
        .collect();
    streams.sort_by_key(|stream| std::cmp::Reverse(stream.content.len()));
    let threads = threads.max(1);
    let mut shares: Vec<Vec<&mut Stream>> = (0..threads).map(|_| Vec::new()).collect();
    for (index, stream) in streams.into_iter().enumerate() {
        shares[index % threads].push(stream);
    }
    std::thread::scope(|scope| {
        for share in shares {
            scope.spawn(move || share.into_iter().for_each(compress));
        }
    });
}

/// Deflates one stream, keeping the result only if it is smaller.
fn compress(stream: &mut Stream) {
    let mut encoder = ZlibEncoder::new(
        Vec::with_capacity(stream.content.len() / 3),
        Compression::default(),
    );
    let Ok(compressed) = encoder
        .write_all(&stream.content)
        .and_then(|()| encoder.finish())
    else {
        return;
    };
    if compressed.len() < stream.content.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, ObjectId};

    fn document(contents: &[Vec<u8>]) -> (lopdf::Document, Vec<ObjectId>) {
        let mut pdf = lopdf::Document::new();
        let ids = contents
            .iter()
            .map(|content| pdf.add_object(Stream::new(Dictionary::new(), content.clone())))
            .collect();
        (pdf, ids)
    }

    #[test]
    fn streams_are_deflated_on_several_threads_and_decode_to_the_same_bytes() {
        let text: Vec<u8> = b"BT /F1 9 Tf 51 700 Td (Gap register) Tj ET\n".repeat(200);
        let noise: Vec<u8> = (0..64u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
            .collect();
        let contents = vec![text.clone(), text[..500].to_vec(), noise.clone(), text];
        let (mut pdf, ids) = document(&contents);
        compress_streams(&mut pdf, 3);
        for (id, original) in ids.iter().zip(&contents) {
            let stream = pdf.get_object(*id).unwrap().as_stream().unwrap();
            if stream.dict.get(b"Filter").is_ok() {
                assert!(stream.content.len() < original.len());
                assert_eq!(&stream.decompressed_content().unwrap(), original);
            } else {
                // Incompressible bytes stay as they are, unfiltered.
                assert_eq!(&stream.content, original);
            }
        }
        let first = pdf.get_object(ids[0]).unwrap().as_stream().unwrap();
        assert!(first.content.len() < contents[0].len() / 10);
        let noisy = pdf.get_object(ids[2]).unwrap().as_stream().unwrap();
        assert!(noisy.dict.get(b"Filter").is_err());
    }

    #[test]
    fn a_stream_with_a_filter_is_left_alone() {
        let (mut pdf, ids) = document(&[b"already encoded".repeat(50)]);
        let stream = pdf.get_object_mut(ids[0]).unwrap().as_stream_mut().unwrap();
        stream.dict.set("Filter", "DCTDecode");
        compress_streams(&mut pdf, 2);
        let stream = pdf.get_object(ids[0]).unwrap().as_stream().unwrap();
        assert_eq!(stream.content, b"already encoded".repeat(50));
    }
}
