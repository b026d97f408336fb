//! Reading documents: files and folders to `Document`s.
//!
//! `format` tells plain text, PDF (`pdf`), Word (`docx`) and web pages
//! (`html`) apart, `decode` turns bytes into text, `blocks` repairs page
//! breaks, `headings` and `layout` recognise the newsletter structure,
//! `sentences` splits paragraphs, `tables` reads tables written as text.
//! Input: paths. Output: one `Document` per file, or an error that names
//! the file.

mod blocks;
mod decode;
mod docx;
mod format;
mod headings;
mod html;
mod layout;
mod pdf;
mod sentences;
mod tables;

pub use blocks::is_table_row;
pub use decode::{DecodeError, TextEncoding, decode};
pub use format::{Format, FormatError};
pub use layout::{find_date, issue_id};
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
}

/// Parses text that is already decoded. `source` names where it came from.
pub fn parse_text(source: &str, text: &str) -> Document {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    layout::parse(source, blocks::blocks(&normalised))
}

/// Reads and parses one file.
pub fn read_document(path: &Path) -> Result<Document, CorpusError> {
    let bytes = std::fs::read(path).map_err(|source| CorpusError::Io {
        path: path.to_owned(),
        source,
    })?;
    let source = path.display().to_string();
    let format_error = |source| CorpusError::Format {
        path: path.to_owned(),
        source,
    };
    let pieces = match format::detect(path, &bytes).map_err(format_error)? {
        Format::Text => {
            let (text, _) = decode(&bytes).map_err(|source| CorpusError::Decode {
                path: path.to_owned(),
                source,
            })?;
            let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
            vec![format::Piece::Text(normalised)]
        }
        Format::Pdf => pdf::read(&bytes).map_err(format_error)?,
        Format::Docx => docx::read(&bytes).map_err(format_error)?,
        Format::Html => html::read(&bytes),
    };
    let document = layout::parse(&source, format::blocks_of(pieces));
    if document.articles.iter().all(|a| a.paragraphs.is_empty()) {
        return Err(CorpusError::NoText {
            path: path.to_owned(),
        });
    }
    Ok(document)
}

/// Expands files and folders (recursively) into a sorted list of files.
/// Hidden files and folders (starting with `.`) are skipped.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CorpusError> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| CorpusError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), CorpusError> {
    let io_error = |source| CorpusError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_error)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(io_error)?;
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
            walk(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}
