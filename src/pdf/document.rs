//! The printed PDF file, read with lopdf: checked to be whole and to have pages, then given
//! its title (in the Info dictionary) and its language (`/Lang` in the catalog).

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::cause_chain;
use crate::messages::{self as msg, Message};

/// Checks that `bytes` is a whole PDF with pages, and sets its title (in the Info dictionary)
/// and language (`/Lang` in the catalog) where the browser did not. Returns the bytes to keep
/// (the browser's own when nothing was missing) and the number of pages.
pub fn finish_pdf(bytes: Vec<u8>, title: &str, lang: &str) -> Result<(Vec<u8>, usize), Message> {
    if !bytes.trim_ascii_end().ends_with(b"%%EOF") {
        return Err(Message::from(&msg::PDF_INCOMPLETE_NO_EOF));
    }
    let mut doc = Document::load_mem(&bytes)
        .map_err(|error| msg::PDF_INCOMPLETE.arg("detail", cause_chain(&error)))?;
    if doc.xref_recovery.is_some() {
        return Err(Message::from(&msg::PDF_INCOMPLETE_XREF));
    }
    let pages = doc.get_pages().len();
    if pages == 0 {
        return Err(Message::from(&msg::PDF_NO_PAGES));
    }
    let title_set = set_title(&mut doc, title)?;
    let lang_set = set_lang(&mut doc, lang)?;
    if !title_set && !lang_set {
        return Ok((bytes, pages));
    }
    let mut rewritten = Vec::with_capacity(bytes.len() + 256);
    doc.save_to(&mut rewritten)
        .map_err(|error| msg::PDF_CANNOT_SAVE.arg("detail", cause_chain(&error)))?;
    Ok((rewritten, pages))
}

/// Sets `/Title` in the Info dictionary (creating it if need be); `true` when it changed.
fn set_title(doc: &mut Document, title: &str) -> Result<bool, Message> {
    let info = info_dictionary(doc)?;
    if text_of(info.get(b"Title").ok()).as_deref() == Some(title) {
        return Ok(false);
    }
    info.set("Title", text_string(title));
    Ok(true)
}

/// Sets `/Lang` in the document catalog; `true` when it changed.
fn set_lang(doc: &mut Document, lang: &str) -> Result<bool, Message> {
    let catalog = doc
        .catalog_mut()
        .map_err(|error| msg::PDF_NO_CATALOG.arg("detail", cause_chain(&error)))?;
    if text_of(catalog.get(b"Lang").ok()).as_deref() == Some(lang) {
        return Ok(false);
    }
    catalog.set("Lang", text_string(lang));
    Ok(true)
}

/// The document's Info dictionary, added to the trailer when there is none.
fn info_dictionary(doc: &mut Document) -> Result<&mut Dictionary, Message> {
    let id: ObjectId = match doc.trailer.get(b"Info") {
        Ok(Object::Reference(id)) => *id,
        Ok(Object::Dictionary(_)) => {
            return match doc.trailer.get_mut(b"Info") {
                Ok(Object::Dictionary(info)) => Ok(info),
                _ => Err(Message::from(&msg::PDF_INFO_UNCHANGEABLE)),
            }
        }
        _ => {
            let id = doc.add_object(Dictionary::new());
            doc.trailer.set("Info", id);
            id
        }
    };
    doc.get_dictionary_mut(id)
        .map_err(|error| msg::PDF_INFO_UNREADABLE.arg("detail", cause_chain(&error)))
}

/// A PDF text string: ASCII as it is, anything else as UTF-16BE with a byte order mark.
fn text_string(text: &str) -> Object {
    let bytes = if text.is_ascii() {
        text.as_bytes().to_vec()
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        bytes
    };
    Object::String(bytes, StringFormat::Literal)
}

/// The text of a PDF text string (UTF-16BE or UTF-8 with a byte order mark, else
/// PDFDocEncoding, read as Latin-1, which it equals for printable ASCII).
pub fn text_of(object: Option<&Object>) -> Option<String> {
    let Some(Object::String(bytes, _)) = object else {
        return None;
    };
    Some(if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(utf8).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    })
}

/// The title and language a PDF declares, for reports and tests.
pub fn metadata(doc: &Document) -> (Option<String>, Option<String>) {
    let info = match doc.trailer.get(b"Info") {
        Ok(Object::Reference(id)) => doc.get_dictionary(*id).ok(),
        Ok(Object::Dictionary(info)) => Some(info),
        _ => None,
    };
    let title = info.and_then(|info| text_of(info.get(b"Title").ok()));
    let lang = doc
        .catalog()
        .ok()
        .and_then(|catalog| text_of(catalog.get(b"Lang").ok()));
    (title, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn text_strings_round_trip() {
        for text in ["Katalog (2025)", "Pilihan kurasi — “Keranjang Bali”"] {
            assert_eq!(text_of(Some(&text_string(text))).as_deref(), Some(text));
        }
    }

    /// A one-page PDF as `lopdf` writes it: no Info dictionary, no `/Lang`.
    fn bare_pdf() -> Vec<u8> {
        use lopdf::dictionary;
        let mut doc = Document::with_version("1.4");
        let pages_id = doc.new_object_id();
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => vec![page_id.into()],
                "Count" => 1,
            }),
        );
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog_id);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    #[test]
    fn missing_title_and_language_are_added() {
        let title = "Pilihan kurasi The Keranjang Bali — Katalog";
        let (bytes, pages) = finish_pdf(bare_pdf(), title, "id").unwrap();
        assert_eq!(pages, 1);
        let doc = Document::load_mem(&bytes).unwrap();
        assert_eq!(
            metadata(&doc),
            (Some(title.to_owned()), Some("id".to_owned()))
        );
        // Nothing missing: the bytes are kept as they are.
        let (again, _) = finish_pdf(bytes.clone(), title, "id").unwrap();
        assert_eq!(again, bytes);
        // A different language is corrected.
        let (en, _) = finish_pdf(bytes, title, "en").unwrap();
        let doc = Document::load_mem(&en).unwrap();
        assert_eq!(metadata(&doc).1.as_deref(), Some("en"));
    }

    #[test]
    fn incomplete_pdfs_are_refused() {
        let whole = bare_pdf();
        for cut in [whole.len() / 2, whole.len() - 10, 0] {
            let error = finish_pdf(whole[..cut].to_vec(), "T", "id")
                .unwrap_err()
                .render(Lang::En);
            assert!(error.contains("incomplete PDF"), "{cut}: {error}");
        }
        let error = finish_pdf(b"<html>not a PDF</html>\n%%EOF".to_vec(), "T", "id")
            .unwrap_err()
            .render(Lang::En);
        assert!(error.contains("incomplete PDF"), "{error}");
    }
}
