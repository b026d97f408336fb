//! Commands that write to the store: ingest, remove, check and the demo.

use super::{Failure, SAMPLE, SAMPLE_NAME, open};
use crate::corpus;
use crate::extract::Extractor;
use crate::ingest::{self, Options, Summary};
use crate::queries;
use crate::results::{ResultFormat, write_results};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

pub(super) fn ingest_command(
    dir: &Path,
    paths: &[PathBuf],
    json: bool,
    force: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let store = open(dir)?;
    let extractor = Extractor::new()?;
    let options = Options {
        force,
        ..Options::default()
    };
    let bar = progress_bar();
    let progress = |done: usize, total: usize, file: &Path| {
        if let Some(bar) = &bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            bar.set_message(file.display().to_string());
        }
    };
    let summary = ingest::ingest_paths(&store, &extractor, paths, options, &progress)?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&summary)?)?;
    } else {
        write_summary(&summary, dir, out)?;
    }
    for warning in &summary.warnings {
        eprintln!("warning: {warning}");
    }
    for error in &summary.errors {
        eprintln!("error: {error}");
    }
    if summary.errors.is_empty() {
        Ok(())
    } else {
        Err(Failure {
            message: format!("{} file(s) could not be ingested", summary.errors.len()),
            code: 1,
        })
    }
}

pub(super) fn remove_command(
    dir: &Path,
    paths: &[PathBuf],
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let store = open(dir)?;
    let mut unknown = 0;
    for path in paths {
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        if store.remove_source(&key.display().to_string())? {
            writeln!(out, "已移除 removed {}", path.display())?;
        } else {
            eprintln!("error: {}: not in the store", path.display());
            unknown += 1;
        }
    }
    if unknown == 0 {
        Ok(())
    } else {
        Err(Failure {
            message: format!("{unknown} file(s) were not in the store"),
            code: 1,
        })
    }
}

pub(super) fn check_command(dir: &Path, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let store = open(dir)?;
    let report = store.check_merge(20)?;
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        writeln!(
            out,
            "默认图 default graph: {} triples; missing {}, extra {}",
            report.default_triples,
            report.missing.len(),
            report.extra.len()
        )?;
        for t in &report.missing {
            writeln!(out, "  missing: {t}")?;
        }
        for t in &report.extra {
            writeln!(out, "  extra:   {t}")?;
        }
    }
    if report.is_exact() {
        writeln!(
            out,
            "ok: the default graph is the merge of the article, issue and reference graphs"
        )?;
        Ok(())
    } else {
        Err(Failure {
            message: "the default graph differs from the merge of its graphs".into(),
            code: 1,
        })
    }
}

/// A progress bar on stderr, only when a person is watching.
fn progress_bar() -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(bar)
}

pub(super) fn write_summary(
    summary: &Summary,
    dir: &Path,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(out, "已导入 ingested into {}", dir.display())?;
    writeln!(out, "  文件 files:          {}", summary.files)?;
    writeln!(out, "  未变跳过 unchanged:  {}", summary.skipped)?;
    writeln!(out, "  文章 articles:       {}", summary.articles)?;
    writeln!(out, "  实体 entities:       {}", summary.entities)?;
    writeln!(out, "  关系 relations:      {}", summary.relations)?;
    writeln!(out, "  统计 statistics:     {}", summary.statistics)?;
    if summary.families > 0 {
        writeln!(out, "  同名合并 joined:     {}", summary.families)?;
    }
    writeln!(out, "  错误 errors:         {}", summary.errors.len())
}

/// Demo queries: title and SPARQL.
const DEMO_QUERIES: &[&str] = &[
    "areas-of-zone",
    "policies-by-area",
    "articles-mentioning-zone",
];

pub(super) fn demo_command(dir: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    let store = open(dir)?;
    let extractor = Extractor::new()?;
    let document = corpus::parse_text(SAMPLE_NAME, SAMPLE);
    let mut summary = ingest::store_document(&store, &extractor, SAMPLE_NAME, SAMPLE, &document)?;
    let mut aftercare = ingest::Aftercare::start(&store, &extractor, &mut summary);
    aftercare.index(&document);
    aftercare.finish(&store, &mut summary);
    if let Some(issue) = &document.issue {
        writeln!(
            out,
            "样例 sample: {} 第 {} 期 ({})，{} 个栏目 sections，{} 篇文章 articles",
            issue.title,
            issue.number.unwrap_or(0),
            issue.date.map(|d| d.to_xsd()).unwrap_or_default(),
            document.sections().len(),
            document.articles.len()
        )?;
    }
    write_summary(&summary, dir, out)?;
    for name in DEMO_QUERIES {
        let query = queries::find(name).ok_or_else(|| format!("canned query {name} is missing"))?;
        writeln!(out, "\n▶ {}   (ftzkg query {name})", query.title())?;
        write_results(store.query(query.sparql)?, ResultFormat::Table, out)?;
    }
    writeln!(
        out,
        "\n更多查询 more: ftzkg queries · ftzkg query <name> · ftzkg stats"
    )?;
    Ok(())
}
