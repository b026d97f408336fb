//! Reading documents: files and folders to `Document`s.
//!
//! `format` tells plain text, PDF (`pdf`), Word (`docx`) and web pages
//! (`html`) apart, `decode` turns bytes into text, `blocks` repairs page
//! breaks, `headings` and `layout` recognise the newsletter structure,
//! `sentences` splits paragraphs, `tables` reads tables written as text.
//! Input: paths. Output: one `Document` per file, or an error that names
//! the file.

mod blocks;
mod columns;
mod csv_table;
mod decode;
mod docx;
mod format;
mod glyphs;
mod header;
mod headings;
mod html;
mod json_text;
mod layout;
mod markup;
mod page_columns;
mod pdf;
mod ruled_tables;
mod script;
mod sentences;
mod sheet;
mod stacked_table;
mod subtitles;
mod table_words;
mod tables;

pub use blocks::{is_table_row, opens_with_field};
pub use decode::{DecodeError, Decoded, TextEncoding, decode, decode_with_warnings};
pub use format::{Format, FormatError};
pub use header::find_date;
pub use headings::{without_marker, without_number};
pub use layout::issue_id;
pub use sentences::split_sentences;

use crate::model::Document;
use std::path::{Path, PathBuf};

/// A file that could not be read as a document.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Decode { path: PathBuf, source: DecodeError },
    #[error("{path}: {source}")]
    Format { path: PathBuf, source: FormatError },
    #[error("{path}: no text found")]
    NoText { path: PathBuf },
    #[error("{path}: dangling symbolic link (its target does not exist)")]
    DanglingLink { path: PathBuf },
    #[error(
        "{path}: {megabytes:.1} MB of text, more than the {} MB one document may hold (split it into its issues or articles)",
        MAX_TEXT_BYTES >> 20
    )]
    TooLarge { path: PathBuf, megabytes: f64 },
}

/// The most text one document may hold (a newsletter is well under 1 MB):
/// keeps time and memory per file bounded.
pub const MAX_TEXT_BYTES: usize = 8 << 20;

/// Parses text that is already decoded. `source` names where it came from.
pub fn parse_text(source: &str, text: &str) -> Document {
    let mut text = plain_text(text);
    if script::is_traditional(&text) {
        text = script::simplified(&text);
    }
    layout::parse(source, blocks::blocks(&text))
}

/// Text as lines to read: line ends made one, a JSON export's fields, a
/// spreadsheet's rows and a subtitle file's spoken lines turned to text.
fn plain_text(text: &str) -> String {
    let mut normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    if let Some(fields) = json_text::as_fields(&normalised) {
        normalised = fields;
    } else if let Some(lines) = sheet::as_text(&normalised) {
        normalised = lines;
    }
    subtitles::spoken_text(&normalised).unwrap_or(normalised)
}

/// Reads and parses one file.
pub fn read_document(path: &Path) -> Result<Document, CorpusError> {
    let bytes = std::fs::read(path).map_err(|source| io_error(path, source))?;
    read_document_bytes(path, &bytes).map(|(document, _)| document)
}

/// Parses a file's bytes; returns the document and what decoding had to
/// repair (one line each).
pub fn read_document_bytes(
    path: &Path,
    bytes: &[u8],
) -> Result<(Document, Vec<String>), CorpusError> {
    let source = path.display().to_string();
    let format_error = |source| CorpusError::Format {
        path: path.to_owned(),
        source,
    };
    let mut warnings = Vec::new();
    let pieces = match format::detect(path, bytes).map_err(format_error)? {
        Format::Text => {
            let decoded = decode_with_warnings(bytes).map_err(|source| CorpusError::Decode {
                path: path.to_owned(),
                source,
            })?;
            warnings = decoded.warnings;
            if decoded.text.len() > MAX_TEXT_BYTES {
                return Err(CorpusError::TooLarge {
                    path: path.to_owned(),
                    megabytes: decoded.text.len() as f64 / f64::from(1 << 20),
                });
            }
            vec![format::Piece::Text(plain_text(&decoded.text))]
        }
        Format::Pdf => pdf::read(bytes).map_err(format_error)?,
        Format::Docx => docx::read(bytes).map_err(format_error)?,
        Format::Html => html::read(bytes),
    };
    let pieces = in_simplified_characters(pieces, &mut warnings);
    let document = layout::parse(&source, format::blocks_of(pieces));
    // Punctuation alone (or nothing) is no text to extract from.
    let has_words = document.articles.iter().any(|a| {
        a.paragraphs.iter().any(|p| {
            p.table.is_some()
                || p.sentences
                    .iter()
                    .any(|s| s.chars().any(char::is_alphanumeric))
        })
    });
    if !has_words {
        return Err(CorpusError::NoText {
            path: path.to_owned(),
        });
    }
    Ok((document, warnings))
}

/// The pieces of a document written in traditional characters, in
/// simplified ones (with a warning saying so); others as they are.
fn in_simplified_characters(
    pieces: Vec<format::Piece>,
    warnings: &mut Vec<String>,
) -> Vec<format::Piece> {
    let text: String = pieces
        .iter()
        .filter_map(|p| match p {
            format::Piece::Text(t) => Some(t.as_str()),
            format::Piece::Table(_) => None,
        })
        .collect();
    if !script::is_traditional(&text) {
        return pieces;
    }
    warnings.push(
        "written in traditional characters: read in simplified characters (names and evidence are shown simplified)"
            .to_owned(),
    );
    pieces
        .into_iter()
        .map(|p| match p {
            format::Piece::Text(t) => format::Piece::Text(script::simplified(&t)),
            format::Piece::Table(t) => format::Piece::Table(script::simplified_table(t)),
        })
        .collect()
}

/// The error of a file that could not be read (a dangling link named as one).
pub fn io_error(path: &Path, source: std::io::Error) -> CorpusError {
    let dangling = source.kind() == std::io::ErrorKind::NotFound
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if dangling {
        CorpusError::DanglingLink {
            path: path.to_owned(),
        }
    } else {
        CorpusError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

/// Expands files and folders (recursively) into a sorted list of files,
/// and the paths that could not be read (each its own error).
/// Hidden files and folders (starting with `.`) are skipped.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<CorpusError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut files, &mut errors),
            Ok(_) => files.push(path.clone()),
            Err(source) => errors.push(io_error(path, source)),
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<CorpusError>) {
    let entries = std::fs::read_dir(dir).and_then(|entries| {
        entries
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<Vec<_>, _>>()
    });
    let mut entries = match entries {
        Ok(entries) => entries,
        Err(source) => return errors.push(io_error(dir, source)),
    };
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, files, errors);
        } else {
            files.push(path);
        }
    }
}
