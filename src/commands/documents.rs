//! Commands that show one document without a store: `extract` and
//! `extract --text`.

use super::Failure;
use crate::cli::ExtractFormat;
use crate::corpus;
use crate::extract::Extractor;
use crate::model::{Document, Extraction};
use crate::results::display_width;
use std::io::Write;
use std::path::Path;

pub(super) fn extract_command(
    file: &Path,
    format: ExtractFormat,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let document = corpus::read_document(file)?;
    let extractor = Extractor::new()?;
    let mut extractions = extractor.extract_document(&document);
    for extraction in &mut extractions {
        crate::identity::IdentityRules::builtin()
            .unify_with(extraction, &|p| extractor.is_place_name(p));
    }
    match format {
        ExtractFormat::Json => {
            let value = serde_json::json!({ "document": document, "extractions": extractions });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        }
        ExtractFormat::Text => write_extraction_text(&document, &extractions, out)?,
    }
    Ok(())
}

/// `extract FILE --text`: the document as the extractor sees it — each
/// article's title and paragraphs, and its tables row by row.
pub(super) fn document_text_command(file: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    let document = corpus::read_document(file)?;
    writeln!(out, "文件 file: {}", document.source)?;
    if let Some(issue) = &document.issue {
        let number = issue.number.map(|n| n.to_string()).unwrap_or_default();
        let date = issue.date.map(|d| d.to_xsd()).unwrap_or_default();
        writeln!(out, "期刊 issue: {} 第{number}期 {date}", issue.title)?;
    }
    for article in &document.articles {
        writeln!(out, "\n[{}] {}", article.position, article.title)?;
        if let Some(number) = &article.document_number {
            writeln!(out, "  文号: {number}")?;
        }
        if let Some(addressees) = &article.addressees {
            writeln!(out, "  主送: {addressees}")?;
        }
        let mut heading = None;
        for p in &article.paragraphs {
            if p.heading.is_some() && p.heading != heading {
                writeln!(out, "  ## {}", p.heading.as_deref().unwrap_or_default())?;
                heading.clone_from(&p.heading);
            }
            match &p.table {
                Some(t) => {
                    let columns = t.header.len();
                    writeln!(
                        out,
                        "  表格 table: {} rows × {columns} columns",
                        t.rows.len()
                    )?;
                    for row in t.all_rows() {
                        writeln!(out, "  | {} |", row.join(" | "))?;
                    }
                }
                None if !p.sentences.is_empty() => writeln!(out, "  {}", p.sentences.concat())?,
                None => {}
            }
        }
    }
    Ok(())
}

fn write_extraction_text(
    document: &Document,
    extractions: &[Extraction],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(out, "文件 file: {}", document.source)?;
    if let Some(issue) = &document.issue {
        writeln!(
            out,
            "期刊 issue: {} 第{}期  {}  主办 {}",
            issue.title,
            issue
                .number
                .map(|n| n.to_string())
                .unwrap_or_else(|| "?".into()),
            issue.date.map(|d| d.to_xsd()).unwrap_or_default(),
            issue.publisher.as_deref().unwrap_or("?")
        )?;
    }
    for (article, x) in document.articles.iter().zip(extractions) {
        writeln!(out, "\n[{}] {}", article.position, article.title)?;
        if let Some(section) = &article.section {
            writeln!(out, "    栏目 section: {section}")?;
        }
        if let Some(number) = &article.document_number {
            writeln!(out, "    文号: {number}")?;
        }
        writeln!(out, "    句子 sentences: {}", article.sentences().count())?;
        writeln!(out, "  实体 entities ({}):", x.entities.len())?;
        for e in &x.entities {
            let pad = 8usize.saturating_sub(display_width(e.class.label_zh()));
            let aliases = if e.aliases.is_empty() {
                String::new()
            } else {
                format!(
                    "  (又称 {})",
                    e.aliases.iter().cloned().collect::<Vec<_>>().join("、")
                )
            };
            writeln!(
                out,
                "    {}{} {}{aliases}",
                e.class.label_zh(),
                " ".repeat(pad),
                e.label
            )?;
        }
        writeln!(out, "  关系 relations ({}):", x.relations.len())?;
        for r in &x.relations {
            writeln!(
                out,
                "    {} —{}→ {}",
                r.subject.label,
                r.property.label_zh(),
                r.object.label
            )?;
            for sentence in &r.evidence {
                writeln!(out, "      证据: {sentence}")?;
            }
        }
        if !x.statistics.is_empty() {
            writeln!(out, "  统计 statistics ({}):", x.statistics.len())?;
            for s in &x.statistics {
                writeln!(
                    out,
                    "    {} {}{} {}{}",
                    s.subject.as_ref().map(|k| k.label.as_str()).unwrap_or("—"),
                    s.qualifier.as_deref().unwrap_or(""),
                    s.value,
                    s.unit,
                    s.measure
                )?;
            }
        }
    }
    Ok(())
}
