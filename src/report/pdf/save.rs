//! Writing the PDF file. The pages arrive as content streams ([`Finished`]); this adds the
//! subset fonts, the logo, the page tree, the links, the bookmarks and the document
//! information, compresses every stream on every core, and lets lopdf write the file.
//!
//! printpdf's own writer needs every page's operations in memory until the end and then
//! compresses one stream after another at the highest level: for a long report that was
//! most of the memory and half of the time.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write as _;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use jiff::civil::Date;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use printpdf::{PdfDocument, PdfSaveOptions};

use super::canvas::{Finished, Link};
use super::fonts::Fonts;

/// At most this many threads compress streams.
const MAX_THREADS: usize = 4;

/// The document information viewers show (and `pdfinfo` prints).
pub struct Info {
    /// The title.
    pub title: String,
    /// Who wrote it.
    pub author: String,
    /// What it is about.
    pub subject: String,
    /// Search keywords.
    pub keywords: String,
    /// The program that made it.
    pub creator: String,
    /// The day it was made.
    pub date: Date,
}

/// Deflates `bytes` at zlib's default level.
fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::default());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .expect("deflating into memory cannot fail")
}

/// The PDF file of the finished pages, with the faces of `fonts` they drew with and the
/// images of `images` (a document that holds nothing else).
pub fn write(finished: Finished, fonts: &Fonts, images: &PdfDocument, info: &Info) -> Vec<u8> {
    let options = PdfSaveOptions::default();
    let (mut doc, xobjects) = printpdf::init_doc_and_resources(images, &options);
    doc.version = "1.5".to_string();
    let font_resources = fonts.embed(&mut doc);
    let resources = doc.add_object(Dictionary::from_iter([
        ("Font", Object::Dictionary(font_resources)),
        ("XObject", Object::Dictionary(xobjects)),
    ]));
    let tree = doc.new_object_id();
    let page_ids: Vec<ObjectId> = finished.pages.iter().map(|_| doc.new_object_id()).collect();
    let (width, height) = finished.size;
    let media_box = Object::Array(vec![0.into(), 0.into(), width.into(), height.into()]);
    let mut identity = DefaultHasher::new();
    for (page, &id) in finished.pages.into_iter().zip(&page_ids) {
        let contents: Vec<Object> = page
            .streams
            .into_iter()
            .map(|content| {
                content.hash(&mut identity);
                Object::Reference(doc.add_object(Stream::new(Dictionary::new(), content)))
            })
            .collect();
        let links = page
            .links
            .iter()
            .map(|link| Object::Dictionary(link_annotation(link, &page_ids, height)))
            .collect();
        doc.objects.insert(
            id,
            Object::Dictionary(Dictionary::from_iter([
                ("Type", Object::Name(b"Page".to_vec())),
                ("Parent", Object::Reference(tree)),
                ("MediaBox", media_box.clone()),
                ("Resources", Object::Reference(resources)),
                ("Contents", Object::Array(contents)),
                ("Annots", Object::Array(links)),
            ])),
        );
    }
    doc.objects.insert(
        tree,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Count", Object::Integer(page_ids.len() as i64)),
            (
                "Kids",
                Object::Array(page_ids.iter().map(|&id| Object::Reference(id)).collect()),
            ),
        ])),
    );
    let mut catalog = Dictionary::from_iter([
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", Object::Reference(tree)),
    ]);
    if let Some(outlines) = outlines(&mut doc, &finished.bookmarks, &page_ids, height) {
        catalog.set("Outlines", Object::Reference(outlines));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    let catalog = doc.add_object(catalog);
    let info_id = doc.add_object(information(info));
    // The file identifier comes from the content, so the same report gives the same file.
    info.title.hash(&mut identity);
    let identity = identity.finish().to_be_bytes().repeat(2);
    doc.trailer.set("Root", Object::Reference(catalog));
    doc.trailer.set("Info", Object::Reference(info_id));
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(identity.clone(), StringFormat::Hexadecimal),
            Object::String(identity, StringFormat::Hexadecimal),
        ]),
    );
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS));
    compress_streams(&mut doc, threads);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .expect("writing a PDF to memory cannot fail");
    bytes
}

/// A link annotation over `link.area` that goes to the top of its page.
fn link_annotation(link: &Link, page_ids: &[ObjectId], height: f32) -> Dictionary {
    let target = page_ids[link.page.clamp(1, page_ids.len()) - 1];
    Dictionary::from_iter([
        ("Type", Object::Name(b"Annot".to_vec())),
        ("Subtype", Object::Name(b"Link".to_vec())),
        (
            "Rect",
            Object::Array(link.area.iter().map(|&edge| edge.into()).collect()),
        ),
        ("Border", Object::Array(vec![0.into(), 0.into(), 0.into()])),
        ("Dest", destination(target, height)),
    ])
}

/// The top of page `page`, at the zoom the reader has.
fn destination(page: ObjectId, height: f32) -> Object {
    Object::Array(vec![
        Object::Reference(page),
        Object::Name(b"XYZ".to_vec()),
        Object::Null,
        height.into(),
        Object::Null,
    ])
}

/// The bookmarks (titles with 1-based pages) as the document outline; `None` when there
/// are none.
fn outlines(
    doc: &mut Document,
    bookmarks: &[(String, usize)],
    page_ids: &[ObjectId],
    height: f32,
) -> Option<ObjectId> {
    if bookmarks.is_empty() || page_ids.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = bookmarks.iter().map(|_| doc.new_object_id()).collect();
    for (index, ((title, page), &id)) in bookmarks.iter().zip(&ids).enumerate() {
        let target = page_ids[(*page).clamp(1, page_ids.len()) - 1];
        let mut item = Dictionary::from_iter([
            ("Title", text_string(title)),
            ("Parent", Object::Reference(root)),
            ("Dest", destination(target, height)),
        ]);
        if index > 0 {
            item.set("Prev", Object::Reference(ids[index - 1]));
        }
        if let Some(&next) = ids.get(index + 1) {
            item.set("Next", Object::Reference(next));
        }
        doc.objects.insert(id, Object::Dictionary(item));
    }
    doc.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"Outlines".to_vec())),
            ("First", Object::Reference(ids[0])),
            ("Last", Object::Reference(ids[ids.len() - 1])),
            ("Count", Object::Integer(ids.len() as i64)),
        ])),
    );
    Some(root)
}

/// The document information dictionary.
fn information(info: &Info) -> Dictionary {
    let date = format!(
        "D:{:04}{:02}{:02}000000Z",
        info.date.year(),
        info.date.month(),
        info.date.day()
    );
    Dictionary::from_iter([
        ("Title", text_string(&info.title)),
        ("Author", text_string(&info.author)),
        ("Subject", text_string(&info.subject)),
        ("Keywords", text_string(&info.keywords)),
        ("Creator", text_string(&info.creator)),
        ("Producer", text_string(&info.creator)),
        ("CreationDate", text_string(&date)),
        ("ModDate", text_string(&date)),
    ])
}

/// A PDF text string: plain when ASCII, otherwise UTF-16 with a byte-order mark, so
/// names in any script survive in the document information and the bookmarks.
fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        return Object::String(text.as_bytes().to_vec(), StringFormat::Literal);
    }
    let bytes = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    Object::String(bytes, StringFormat::Hexadecimal)
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
    let compressed = deflate(&stream.content);
    if compressed.len() < stream.content.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings_are_ascii_or_utf16() {
        assert_eq!(
            text_string("Acme"),
            Object::String(b"Acme".to_vec(), StringFormat::Literal)
        );
        let Object::String(bytes, _) = text_string("Zoë") else {
            panic!("a string");
        };
        assert_eq!(bytes, [0xFE, 0xFF, 0, b'Z', 0, b'o', 0, 0xEB]);
    }

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
