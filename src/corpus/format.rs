//! Which reader a file needs — plain text, PDF, Word (.docx) or a web page —
//! told by its magic bytes, then its extension; legacy Word files are refused
//! with how to convert them. The readers of rich formats hand back `Piece`s
//! (text and typed tables) that become blocks like any text.
//!
//! Input: a path and its bytes. Output: a `Format`, or a `FormatError`.

use super::blocks::{self, Block, TABLE_MARK};
use crate::model::Table;
use std::path::Path;

/// The formats `read_document` takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Pdf,
    Docx,
    Html,
}

/// Why a PDF, Word or web page could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FormatError {
    #[error("scanned PDF: no text layer (needs OCR)")]
    Scanned,
    #[error("not a readable PDF: {0}")]
    Pdf(String),
    #[error("the PDF reader failed on this file ({0})")]
    ReaderPanic(String),
    #[error("not a readable Word .docx file: {0}")]
    Docx(String),
    #[error("{part} unpacks to more than {limit_mb} MB: refused (a zip bomb?)")]
    TooLarge { part: String, limit_mb: u64 },
    #[error("{0}")]
    Legacy(&'static str),
    #[error("unsupported file type (.{0}): ftzkg reads text, .pdf, .docx and .html")]
    Unsupported(String),
}

const LEGACY_DOC: &str =
    "legacy Word .doc: save it as .docx (Word/WPS: 另存为 .docx) or export PDF";
const LEGACY_WPS: &str = "legacy WPS .wps: save it as .docx (WPS: 另存为 .docx) or export PDF";

/// Extensions that are surely not documents (refused without reading).
const NOT_DOCUMENTS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "zip", "rar", "7z", "gz", "xlsx",
    "xls", "pptx", "ppt", "exe", "mp3", "mp4",
];

/// Tells the format of a file from its first bytes and its extension.
pub fn detect(path: &Path, bytes: &[u8]) -> Result<Format, FormatError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    // Magic bytes first: a file's name may lie.
    if bytes.starts_with(b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Format::Docx);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") || extension == "doc" {
        return Err(FormatError::Legacy(if extension == "wps" {
            LEGACY_WPS
        } else {
            LEGACY_DOC
        }));
    }
    match extension.as_str() {
        "wps" => return Err(FormatError::Legacy(LEGACY_WPS)),
        "docx" | "docm" | "dotx" => return Ok(Format::Docx),
        "pdf" => return Ok(Format::Pdf),
        "html" | "htm" | "xhtml" | "shtml" => return Ok(Format::Html),
        e if NOT_DOCUMENTS.contains(&e) => return Err(FormatError::Unsupported(e.to_owned())),
        _ => {}
    }
    if looks_like_html(bytes) {
        return Ok(Format::Html);
    }
    Ok(Format::Text)
}

/// `<!doctype html` or `<html` near the start (after a BOM or blanks).
fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .take(1024)
        .map(u8::to_ascii_lowercase)
        .collect();
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    has(b"<!doctype html") || has(b"<html")
}

/// What a rich-format reader found: text (lines, blank lines between
/// paragraphs) and tables, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Table(Table),
}

/// Blocks of a document read as pieces: the text goes through the same
/// repairs as a text file; each table becomes one block that holds it.
pub fn blocks_of(pieces: Vec<Piece>) -> Vec<Block> {
    let mut text = String::new();
    let mut tables = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => {
                text.push_str(&t);
                text.push('\n');
            }
            Piece::Table(table) if !table.header.is_empty() => {
                text.push_str(&format!("\n{TABLE_MARK}{}\n\n", tables.len()));
                tables.push(Some(table));
            }
            Piece::Table(_) => {}
        }
    }
    let mut out = blocks::blocks(&text);
    for block in &mut out {
        let index = block
            .text
            .strip_prefix(TABLE_MARK)
            .and_then(|n| n.parse::<usize>().ok());
        if let Some(table) = index.and_then(|i| tables.get_mut(i)).and_then(Option::take) {
            block.table = Some(table);
        }
    }
    out
}

/// Rows of cells to a table: the first row is the header; rows are padded
/// to the widest.
pub fn table_of(mut rows: Vec<Vec<String>>) -> Option<Table> {
    rows.retain(|r| r.iter().any(|c| !c.is_empty()));
    let width = rows.iter().map(Vec::len).max()?;
    for row in &mut rows {
        row.resize(width, String::new());
    }
    let header = rows.remove(0);
    Some(Table { header, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_magic_bytes_then_extension() {
        let p = Path::new;
        assert_eq!(detect(p("a.bin"), b"%PDF-1.7\n"), Ok(Format::Pdf));
        assert_eq!(detect(p("通知"), b"PK\x03\x04rest"), Ok(Format::Docx));
        assert_eq!(
            detect(p("news.txt"), b"<!DOCTYPE html><html>"),
            Ok(Format::Html)
        );
        assert_eq!(detect(p("a.htm"), "洛阳片区".as_bytes()), Ok(Format::Html));
        assert_eq!(detect(p("a.txt"), "洛阳片区".as_bytes()), Ok(Format::Text));
        let legacy = detect(p("通知.doc"), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
        assert_eq!(
            legacy.unwrap_err().to_string(),
            "legacy Word .doc: save it as .docx (Word/WPS: 另存为 .docx) or export PDF"
        );
        assert!(matches!(
            detect(p("x.wps"), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
            Err(FormatError::Legacy(m)) if m.contains(".wps")
        ));
        assert!(matches!(
            detect(p("photo.PNG"), b"\x89PNG"),
            Err(FormatError::Unsupported(e)) if e == "png"
        ));
    }

    #[test]
    fn a_table_piece_is_one_block_between_paragraphs() {
        let table = table_of(vec![
            vec!["序号".into(), "改革事项".into(), "经验来源".into()],
            vec!["1".into(), "证照联办".into(), "黑河片区".into()],
        ])
        .unwrap();
        let blocks = blocks_of(vec![
            Piece::Text("附件：改革试点经验清单".into()),
            Piece::Table(table.clone()),
            Piece::Text("以上经验请认真复制推广。".into()),
        ]);
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[1].table.as_ref(), Some(&table));
        assert_eq!(blocks[2].text, "以上经验请认真复制推广。");
    }
}
