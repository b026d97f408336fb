//! Word .docx (also as WPS saves it): the paragraphs and tables of
//! word/document.xml, in order. A Word table becomes a typed table (merged
//! cells repeated or left empty so columns stay in place); headers, footers
//! and deleted revisions are not read. The archive is read with a cap on
//! unpacked size, so a zip bomb is refused, not unpacked.
//!
//! Input: the file's bytes. Output: `Piece`s, or why the file is unreadable.

use super::format::{FormatError, Piece, table_of};
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// The most that word/document.xml may unpack to.
pub const UNPACKED_LIMIT: u64 = 64 * 1024 * 1024;

const DOCUMENT_PART: &str = "word/document.xml";

/// Reads the body of a .docx file.
pub fn read(bytes: &[u8]) -> Result<Vec<Piece>, FormatError> {
    let xml = document_xml(bytes)?;
    body(&xml).map_err(FormatError::Docx)
}

/// Unpacks word/document.xml, refusing more than `UNPACKED_LIMIT` bytes
/// whatever the archive claims.
fn document_xml(bytes: &[u8]) -> Result<Vec<u8>, FormatError> {
    let bad = |e: &dyn std::fmt::Display| FormatError::Docx(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(&e))?;
    let entry = archive
        .by_name(DOCUMENT_PART)
        .map_err(|_| FormatError::Docx(format!("a zip archive without {DOCUMENT_PART}")))?;
    let too_large = || FormatError::TooLarge {
        part: DOCUMENT_PART.to_owned(),
        limit_mb: UNPACKED_LIMIT / (1024 * 1024),
    };
    if entry.size() > UNPACKED_LIMIT {
        return Err(too_large());
    }
    let mut xml = Vec::new();
    entry
        .take(UNPACKED_LIMIT + 1)
        .read_to_end(&mut xml)
        .map_err(|e| bad(&e))?;
    if xml.len() as u64 > UNPACKED_LIMIT {
        return Err(too_large());
    }
    Ok(xml)
}

/// A table being read: finished rows, the row and cell being read, and
/// how many columns the current cell spans.
#[derive(Default)]
struct TableState {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: Option<String>,
    span: usize,
    /// The cell continues a vertical merge (its text is the one above).
    merged: bool,
}

/// Walks the XML of the document body.
fn body(xml: &[u8]) -> Result<Vec<Piece>, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut pieces = Vec::new();
    let mut tables: Vec<TableState> = Vec::new();
    let mut paragraph: Option<String> = None;
    let mut in_text = false;
    // Depth inside parts whose text is not body text (deleted runs, field
    // codes, the fallback copy of a text box).
    let mut skip = 0usize;
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("bad XML in {DOCUMENT_PART}: {e}"))?;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    "delText" | "instrText" | "Fallback" => skip += 1,
                    _ if skip > 0 => {}
                    "p" => paragraph = Some(String::new()),
                    "t" => in_text = true,
                    "tbl" => tables.push(TableState::default()),
                    "tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.row.clear();
                        }
                    }
                    "tc" => {
                        if let Some(t) = tables.last_mut() {
                            t.cell = Some(String::new());
                            t.span = 1;
                            t.merged = false;
                        }
                    }
                    _ => {}
                }
            }
            Event::Empty(e) if skip == 0 => empty_element(&e, &mut paragraph, &mut tables),
            Event::Text(t) if in_text && skip == 0 => {
                let text = t.xml10_content();
                if let Some(p) = &mut paragraph {
                    p.push_str(&text);
                }
            }
            Event::GeneralRef(r) if in_text && skip == 0 => {
                let text = reference(&r.xml10_content());
                if let (Some(p), Some(c)) = (&mut paragraph, text) {
                    p.push(c);
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    "delText" | "instrText" | "Fallback" => skip = skip.saturating_sub(1),
                    _ if skip > 0 => {}
                    "t" => in_text = false,
                    "p" => {
                        let text = paragraph.take().unwrap_or_default();
                        match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                            // Paragraphs of a cell run on (Chinese needs no
                            // space); one that ends without punctuation is an
                            // item of a list (钦州港片区管委会 / 钦州海关).
                            Some(cell) => {
                                let text = text.trim();
                                let open = cell
                                    .chars()
                                    .last()
                                    .is_some_and(|c| !"。；;，,、：:！？!?（(".contains(c));
                                if open && !text.is_empty() {
                                    cell.push('、');
                                }
                                cell.push_str(text);
                            }
                            None => pieces.push(Piece::Text(format!("{}\n", text.trim_end()))),
                        }
                    }
                    "tc" => end_cell(&mut tables),
                    "tr" => {
                        if let Some(t) = tables.last_mut() {
                            let row = std::mem::take(&mut t.row);
                            t.rows.push(row);
                        }
                    }
                    "tbl" => end_table(&mut tables, &mut pieces),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(pieces)
}

/// Tabs, breaks, spans and merges (empty elements).
fn empty_element(e: &BytesStart<'_>, paragraph: &mut Option<String>, tables: &mut [TableState]) {
    match e.local_name().as_ref() {
        "tab" => {
            if let Some(p) = paragraph {
                p.push('\t');
            }
        }
        "br" | "cr" => {
            if let Some(p) = paragraph {
                p.push('\n');
            }
        }
        "gridSpan" => {
            if let (Some(t), Some(n)) = (tables.last_mut(), attribute(e, "val")) {
                t.span = n.parse().unwrap_or(1).clamp(1, 64);
            }
        }
        "vMerge" => {
            // <w:vMerge/> continues the cell above; val="restart" opens one.
            if let Some(t) = tables.last_mut() {
                t.merged = attribute(e, "val").is_none_or(|v| v == "continue");
            }
        }
        _ => {}
    }
}

fn end_cell(tables: &mut [TableState]) {
    let Some(t) = tables.last_mut() else { return };
    let mut text = t.cell.take().unwrap_or_default();
    let column = t.row.len();
    if t.merged && text.is_empty() {
        text = t
            .rows
            .last()
            .and_then(|above| above.get(column))
            .cloned()
            .unwrap_or_default();
    }
    t.row.push(text);
    for _ in 1..t.span {
        t.row.push(String::new());
    }
}

/// A finished table: a nested one runs into its cell as text, an outer one
/// becomes a piece.
fn end_table(tables: &mut Vec<TableState>, pieces: &mut Vec<Piece>) {
    let Some(table) = tables.pop() else { return };
    if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
        for row in &table.rows {
            cell.push_str(&row.concat());
        }
        return;
    }
    if let Some(table) = table_of(table.rows) {
        pieces.push(Piece::Table(table));
    }
}

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The character an XML entity or character reference stands for.
fn reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let code = name.strip_prefix('#')?;
            let value = match code.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            char::from_u32(value)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn docx(document_xml: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file(DOCUMENT_PART, options).unwrap();
        zip.write_all(document_xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn paragraphs_and_a_table_with_merged_cells() {
        let xml = format!(
            r#"<w:document {W}><w:body>
<w:p><w:r><w:t>关于复制推广</w:t></w:r><w:r><w:t xml:space="preserve">改革经验的通知</w:t></w:r></w:p>
<w:p><w:r><w:delText>删掉的</w:delText><w:t>现将有关事项通知如下。</w:t></w:r></w:p>
<w:tbl>
<w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>改革事项</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>推广范围</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>证照联办</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>南京片区、</w:t></w:r></w:p><w:p><w:r><w:t>苏州片区</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>无感续证</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>一单制</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>钦州港片区管委会</w:t></w:r></w:p><w:p><w:r><w:t>钦州海关</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p><w:r><w:t>A&amp;B</w:t></w:r></w:p>
</w:body></w:document>"#
        );
        let pieces = read(&docx(&xml)).unwrap();
        assert_eq!(
            pieces[0],
            Piece::Text("关于复制推广改革经验的通知\n".into())
        );
        assert_eq!(pieces[1], Piece::Text("现将有关事项通知如下。\n".into()));
        let Piece::Table(table) = &pieces[2] else {
            panic!("not a table: {:?}", pieces[2])
        };
        assert_eq!(table.header, ["序号", "改革事项", "推广范围"]);
        assert_eq!(table.rows[0], ["1", "证照联办", "南京片区、苏州片区"]);
        assert_eq!(table.rows[1], ["2", "无感续证", "南京片区、苏州片区"]);
        // Two paragraphs of names in one cell are two names.
        assert_eq!(table.rows[2], ["3", "一单制", "钦州港片区管委会、钦州海关"]);
        assert_eq!(pieces[3], Piece::Text("A&B\n".into()));
    }

    #[test]
    fn corrupt_archives_and_bombs_are_refused() {
        assert!(matches!(
            read(b"PK\x03\x04 not really"),
            Err(FormatError::Docx(_))
        ));
        let big = format!(
            "<w:document {W}><w:body>{}</w:body></w:document>",
            " ".repeat(65 << 20)
        );
        let err = read(&docx(&big)).unwrap_err();
        assert!(matches!(err, FormatError::TooLarge { .. }), "{err}");
    }
}
