//! Writes SPARQL results: the W3C formats (CSV, TSV, JSON, XML) through
//! sparesults, a readable aligned table for people, and Turtle for
//! CONSTRUCT/DESCRIBE.

use crate::store::{StoreError, prefixed};
use crate::vocab;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use std::io::Write;

/// Output formats of `query`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

impl ResultFormat {
    fn w3c(self) -> Option<QueryResultsFormat> {
        match self {
            ResultFormat::Table => None,
            ResultFormat::Csv => Some(QueryResultsFormat::Csv),
            ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
            ResultFormat::Json => Some(QueryResultsFormat::Json),
            ResultFormat::Xml => Some(QueryResultsFormat::Xml),
        }
    }
}

fn output_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Output(e.to_string())
}

fn evaluation_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Evaluation(e.to_string())
}

/// Writes results; returns the number of rows (or triples) written.
pub fn write_results(
    results: QueryResults<'_>,
    format: ResultFormat,
    out: &mut dyn Write,
) -> Result<usize, StoreError> {
    match results {
        QueryResults::Graph(triples) => {
            let mut serializer =
                prefixed(RdfSerializer::from_format(RdfFormat::Turtle)).for_writer(out);
            let mut count = 0;
            for triple in triples {
                serializer
                    .serialize_triple(&triple.map_err(evaluation_error)?)
                    .map_err(output_error)?;
                count += 1;
            }
            serializer.finish().map_err(output_error)?;
            Ok(count)
        }
        QueryResults::Boolean(value) => {
            match format.w3c() {
                Some(f) => {
                    QueryResultsSerializer::from_format(f)
                        .serialize_boolean_to_writer(&mut *out, value)
                        .map_err(output_error)?;
                }
                None => writeln!(out, "{}", if value { "yes (true)" } else { "no (false)" })
                    .map_err(output_error)?,
            }
            Ok(1)
        }
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let Some(w3c) = format.w3c() else {
                let mut rows = Vec::new();
                for solution in solutions {
                    let solution = solution.map_err(evaluation_error)?;
                    rows.push(
                        variables
                            .iter()
                            .map(|v| solution.get(v).map(display_term).unwrap_or_default())
                            .collect::<Vec<_>>(),
                    );
                }
                let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
                write_table(&header, &rows, out).map_err(output_error)?;
                return Ok(rows.len());
            };
            let mut serializer = QueryResultsSerializer::from_format(w3c)
                .serialize_solutions_to_writer(&mut *out, variables)
                .map_err(output_error)?;
            let mut count = 0;
            for solution in solutions {
                let solution = solution.map_err(evaluation_error)?;
                serializer.serialize(&solution).map_err(output_error)?;
                count += 1;
            }
            serializer.finish().map_err(output_error)?;
            Ok(count)
        }
    }
}

/// A term as people read it: literal values bare, IRIs with prefixes.
pub fn display_term(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => compact_iri(n.as_str()),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// `https://w3id.org/ftzkg/id/area/X` → `ftzr:area/X`.
pub fn compact_iri(iri: &str) -> String {
    for (prefix, ns) in vocab::PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            return format!("{prefix}:{local}");
        }
    }
    iri.to_owned()
}

/// Display width of text in a terminal: CJK and full-width forms count 2.
pub fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            let wide = matches!(c as u32,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
            if wide { 2 } else { 1 }
        })
        .sum()
}

/// Longest cell shown in a table before it is cut with "…".
const MAX_CELL_WIDTH: usize = 60;

fn fit(cell: &str) -> String {
    if display_width(cell) <= MAX_CELL_WIDTH {
        return cell.replace('\n', " ");
    }
    let mut out = String::new();
    let mut width = 0;
    for c in cell.chars().map(|c| if c == '\n' { ' ' } else { c }) {
        let w = display_width(c.encode_utf8(&mut [0; 4]));
        if width + w > MAX_CELL_WIDTH - 1 {
            break;
        }
        out.push(c);
        width += w;
    }
    out.push('…');
    out
}

/// An aligned plain-text table with a header rule and a row count.
pub fn write_table(
    header: &[String],
    rows: &[Vec<String>],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| fit(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| display_width(h)).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(display_width(cell));
        }
    }
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - display_width(c))))
            .collect::<Vec<_>>()
            .join(" │ ")
            .trim_end()
            .to_owned()
    };
    writeln!(out, "{}", line(header))?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .join("─┼─")
    )?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_double_in_table_width() {
        assert_eq!(display_width("哈尔滨片区"), 10);
        assert_eq!(display_width("RCEP"), 4);
        let mut out = Vec::new();
        write_table(
            &["zone".into(), "n".into()],
            &[
                vec!["哈尔滨片区".into(), "3".into()],
                vec!["ab".into(), "10".into()],
            ],
            &mut out,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "zone       │ n");
        assert_eq!(lines[2], "哈尔滨片区 │ 3");
        assert_eq!(lines[3], "ab         │ 10");
        assert_eq!(lines[4], "(2 rows)");
    }

    #[test]
    fn iris_are_compacted() {
        assert_eq!(
            compact_iri("https://w3id.org/ftzkg/id/area/哈尔滨片区"),
            "ftzr:area/哈尔滨片区"
        );
        assert_eq!(
            compact_iri("https://w3id.org/ftzkg/ontology#partOf"),
            "ftz:partOf"
        );
    }
}
