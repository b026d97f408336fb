//! The commands staff use to correct and search the graph: `search`,
//! `curate …` and `review`, plus reading the server's write token. Like
//! `commands`, the only place that prints for people.
//!
//! Input: the parsed command line. Output: text or JSON on `out`.

use crate::cli::{CurateCommand, SearchArgs, SearchFormat, Why};
use crate::commands::Failure;
use crate::curate::{self, Action, CurationFile, review};
use crate::extract::Extractor;
use crate::results::write_table;
use crate::search::{self, SearchIndex, SearchRequest};
use crate::store::KgStore;
use std::io::Write;
use std::path::Path;

fn open(dir: &Path) -> Result<KgStore, Failure> {
    Ok(KgStore::open(dir)?)
}

/// `ftzkg search QUERY [--zone] [--from --to] [--format json]`.
pub fn search(dir: &Path, args: &SearchArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let store = open(dir)?;
    let index_dir = SearchIndex::path_in(dir);
    if !index_dir.exists() {
        return Err(format!(
            "no full-text index in {}: run `ftzkg --store {} ingest PATH` first",
            index_dir.display(),
            dir.display()
        )
        .into());
    }
    let extractor = Extractor::new()?;
    let index = SearchIndex::open(&index_dir, extractor.jieba())?;
    let request = SearchRequest {
        text: args.query.clone(),
        zone: args.zone.clone(),
        from: args.from.clone(),
        to: args.to.clone(),
        limit: args.limit,
    };
    let hits = search::search(&index, &store, &request)?;
    if args.format == SearchFormat::Json {
        writeln!(out, "{}", serde_json::to_string_pretty(&hits)?)?;
        return Ok(());
    }
    if hits.is_empty() {
        writeln!(out, "没有找到 no article contains “{}”", args.query)?;
    }
    for (i, hit) in hits.iter().enumerate() {
        writeln!(
            out,
            "{}. {}  [{} {}]",
            i + 1,
            hit.title,
            hit.issue,
            hit.date.as_deref().unwrap_or("")
        )?;
        writeln!(out, "   {}", hit.snippet.marked("【", "】", &str::to_owned))?;
        if !hit.entities.is_empty() {
            let names: Vec<&str> = hit.entities.iter().map(|e| e.label.as_str()).collect();
            writeln!(out, "   实体 entities: {}", names.join("、"))?;
        }
        writeln!(out, "   {}", crate::results::compact_iri(&hit.article))?;
    }
    Ok(())
}

/// `ftzkg curate reject|add|merge|rename|retype|alias|list|apply`.
pub fn curate(dir: &Path, command: CurateCommand, out: &mut dyn Write) -> Result<(), Failure> {
    let store = open(dir)?;
    let (action, why, note) = match command {
        CurateCommand::List { json } => return list(dir, json, out),
        CurateCommand::Apply => {
            let file = CurationFile::load(&CurationFile::path_in(dir))?;
            let report = curate::apply(&store, &file)?;
            return write_report(&report, out);
        }
        CurateCommand::Reject {
            subject,
            property,
            object,
            why,
        } => (
            Action::Reject {
                subject,
                property,
                object,
            },
            why,
            String::new(),
        ),
        CurateCommand::Add {
            subject,
            property,
            object,
            note,
            why,
        } => (
            Action::Add {
                subject,
                property,
                object,
            },
            why,
            note,
        ),
        CurateCommand::Merge { keep, other, why } => {
            (Action::Merge { keep, other }, why, String::new())
        }
        CurateCommand::Rename { entity, label, why } => {
            (Action::Rename { entity, label }, why, String::new())
        }
        CurateCommand::Retype { entity, class, why } => {
            (Action::Retype { entity, class }, why, String::new())
        }
        CurateCommand::Alias { entity, alias, why } => {
            (Action::Alias { entity, alias }, why, String::new())
        }
    };
    let (decision, report) = curate::decide(&store, action, &why.by, &why.why, &note)?;
    writeln!(
        out,
        "已记录 recorded in {}:\n  {decision}",
        CurationFile::path_in(dir).display()
    )?;
    write_report(&report, out)
}

fn write_report(report: &curate::ApplyReport, out: &mut dyn Write) -> Result<(), Failure> {
    writeln!(
        out,
        "已应用 applied {}/{} decisions",
        report.applied, report.decisions
    )?;
    for skipped in &report.skipped {
        writeln!(out, "  skipped {skipped}")?;
    }
    Ok(())
}

fn list(dir: &Path, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let file = CurationFile::load(&CurationFile::path_in(dir))?;
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&file.decisions)?)?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = file
        .decisions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let line = d.to_string();
            let mut fields = line.split('\t');
            let verb = fields.next().unwrap_or_default().to_owned();
            let args: Vec<&str> = fields.filter(|f| !f.contains('=')).collect();
            vec![
                (i + 1).to_string(),
                verb,
                args.join("  "),
                d.by.clone(),
                d.at.clone(),
                if d.note.is_empty() {
                    d.why.clone()
                } else {
                    format!("{} {}", d.why, d.note)
                },
            ]
        })
        .collect();
    let header: Vec<String> = ["#", "verb", "what", "by", "at", "why"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    write_table(&header, &rows, out)?;
    Ok(())
}

/// `ftzkg review [--accept N | --dismiss N]`.
pub fn review(
    dir: &Path,
    accept: Option<usize>,
    dismiss: Option<usize>,
    why: &Why,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let store = open(dir)?;
    let file = CurationFile::load(&CurationFile::path_in(dir))?;
    let candidates = review::candidates(&store, &file)?;
    if let Some(n) = accept.or(dismiss) {
        let candidate = n
            .checked_sub(1)
            .and_then(|i| candidates.get(i))
            .ok_or_else(|| format!("there is no candidate {n} (1–{})", candidates.len()))?;
        let (keep, other) = (candidate.keep.iri.clone(), candidate.other.iri.clone());
        let action = if accept.is_some() {
            Action::Merge { keep, other }
        } else {
            Action::Dismiss { a: keep, b: other }
        };
        let (decision, report) = curate::decide(&store, action, &why.by, &why.why, "")?;
        writeln!(out, "已记录 recorded:\n  {decision}")?;
        return write_report(&report, out);
    }
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&candidates)?)?;
        return Ok(());
    }
    if candidates.is_empty() {
        writeln!(out, "没有待审的合并候选 no merge candidates")?;
    }
    for (i, c) in candidates.iter().enumerate() {
        writeln!(
            out,
            "{}. [{}] {}  ⇐  {}",
            i + 1,
            c.class,
            c.keep.label,
            c.other.label
        )?;
        writeln!(out, "   why: {}", c.reasons.join("; "))?;
        for (name, side) in [("keep ", &c.keep), ("other", &c.other)] {
            writeln!(
                out,
                "   {name} {} — in: {}",
                side.label,
                side.articles.join(" | ")
            )?;
            if let Some(sentence) = &side.sentence {
                writeln!(out, "         「{sentence}」")?;
            }
        }
    }
    if !candidates.is_empty() {
        writeln!(
            out,
            "\nftzkg review --accept N (merge) · --dismiss N (two things)"
        )?;
    }
    Ok(())
}

/// The server's write token: `--token`, or the first line of `--token-file`.
pub fn read_token(token: Option<String>, file: Option<&Path>) -> Result<Option<String>, Failure> {
    let token = match (token, file) {
        (Some(t), _) => Some(t),
        (None, Some(path)) => Some(
            std::fs::read_to_string(path)
                .map_err(|e| format!("{}: cannot read the token: {e}", path.display()))?
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned(),
        ),
        (None, None) => None,
    };
    match token.map(|t| t.trim().to_owned()) {
        Some(t) if t.len() < 8 => Err("the write token must have at least 8 characters".into()),
        other => Ok(other),
    }
}
