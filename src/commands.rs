//! What each command does, in terms of the library; the only place that
//! prints for people. Errors come back typed; `main` turns them into
//! messages and exit codes.

use crate::cli::{Cli, Command, ExportFormat, ExtractFormat};
use crate::corpus;
use crate::eval;
use crate::extract::Extractor;
use crate::graph::{Filter, replication, view};
use crate::ingest::{self, Options, Summary};
use crate::model::{Document, Extraction};
use crate::queries;
use crate::results::{ResultFormat, display_width, write_results, write_table};
use crate::store::{KgStore, default_store_dir};
use oxigraph::io::RdfFormat;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// The sample newsletter bundled with the binary.
pub const SAMPLE_NAME: &str = "data/corpus/zimao-dongtai-245.txt";
pub const SAMPLE: &str = include_str!("../data/corpus/zimao-dongtai-245.txt");

/// A command's failure, already worded for people.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    /// Exit code: 1 for partial failure (some files bad), 2 for errors.
    pub code: i32,
}

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure {
            message: e.to_string(),
            code: 2,
        }
    }
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    let store_dir = cli.store.clone().unwrap_or_else(default_store_dir);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Ingest { paths, json, force } => {
            ingest_command(&store_dir, &paths, json, force, &mut out)
        }
        Command::Remove { paths } => remove_command(&store_dir, &paths, &mut out),
        Command::Check { json } => check_command(&store_dir, json, &mut out),
        Command::Load { file, bulk } => {
            let quads = open(&store_dir)?.load_dump(&file, bulk)?;
            writeln!(
                out,
                "已载入 loaded {}: the store holds {quads} quads",
                file.display()
            )?;
            Ok(())
        }
        Command::Query { query, format } => query_command(&store_dir, &query, format, &mut out),
        Command::Queries => list_queries(&mut out),
        Command::Export {
            format,
            graph,
            output,
        } => export_command(
            &store_dir,
            format,
            graph.as_deref(),
            output.as_deref(),
            &mut out,
        ),
        Command::Stats { json } => stats_command(&open(&store_dir)?, json, &mut out),
        Command::Extract {
            file, text: true, ..
        } => document_text_command(&file, &mut out),
        Command::Extract { file, format, .. } => extract_command(&file, format, &mut out),
        Command::Demo => demo_command(&store_dir, &mut out),
        Command::Serve {
            bind,
            timeout,
            writable,
            token,
            token_file,
        } => {
            let token = crate::staff::read_token(token, token_file.as_deref())?;
            serve_command(&store_dir, bind, timeout, writable, token)
        }
        Command::Search(args) => crate::staff::search(&store_dir, &args, &mut out),
        Command::Curate { command } => crate::staff::curate(&store_dir, command, &mut out),
        Command::Review {
            accept,
            dismiss,
            why,
            json,
        } => crate::staff::review(&store_dir, accept, dismiss, &why, json, &mut out),
        Command::Eval {
            gold,
            files,
            show,
            json,
        } => eval_command(&gold, &files, show, json, &mut out),
        Command::Graph {
            filter,
            format,
            output,
        } => to_output(output.as_deref(), &mut out, |w| {
            Ok(view::graph(
                &open(&store_dir)?,
                &filter.to_filter(),
                format,
                w,
            )?)
        }),
        Command::Trace {
            name,
            zone,
            format,
            output,
        } => to_output(output.as_deref(), &mut out, |w| {
            let store = open(&store_dir)?;
            match (&name, &zone) {
                (_, Some(zone)) => Ok(view::trace_zone(&store, zone, format, w)?),
                (Some(name), None) => Ok(view::trace_practice(&store, name, format, w)?),
                (None, None) => Err("trace needs a NAME or --zone NAME".into()),
            }
        }),
        Command::Links {
            zone,
            all,
            format,
            output,
        } => to_output(output.as_deref(), &mut out, |w| {
            let store = open(&store_dir)?;
            match zone.as_deref().filter(|_| !all) {
                Some(zone) => Ok(view::zone_links(&store, zone, format, w)?),
                None => Ok(view::all_links(&store, &Filter::default(), format, w)?),
            }
        }),
        Command::Replication {
            format,
            province,
            from,
            to,
            sort,
            output,
        } => to_output(output.as_deref(), &mut out, |w| {
            let filter = Filter {
                from,
                to,
                ..Filter::default()
            };
            let options = replication::MatrixOptions { province, sort };
            let matrix = replication::read(&open(&store_dir)?, &filter, &options)?;
            Ok(replication::write(&matrix, format, w)?)
        }),
        Command::Analyze { filter, top, json } => Ok(view::analyze(
            &open(&store_dir)?,
            &filter.to_filter(),
            top,
            json,
            &mut out,
        )?),
        Command::Path {
            start,
            end,
            filter,
            json,
        } => Ok(view::path(
            &open(&store_dir)?,
            &filter.to_filter(),
            &start,
            &end,
            json,
            &mut out,
        )?),
    }
}

/// Runs `write` on a file (when `-o FILE` is given) or on stdout.
fn to_output(
    output: Option<&Path>,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> Result<(), Failure>,
) -> Result<(), Failure> {
    match output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| format!("{}: cannot create: {e}", path.display()))?;
            let mut writer = std::io::BufWriter::new(file);
            write(&mut writer)?;
            writer.flush()?;
            Ok(())
        }
        None => write(out),
    }
}

fn open(dir: &Path) -> Result<KgStore, Failure> {
    Ok(KgStore::open(dir)?)
}

fn ingest_command(
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

fn remove_command(dir: &Path, paths: &[PathBuf], out: &mut dyn Write) -> Result<(), Failure> {
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

fn check_command(dir: &Path, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
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

fn write_summary(summary: &Summary, dir: &Path, out: &mut dyn Write) -> std::io::Result<()> {
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

fn query_command(
    dir: &Path,
    query: &str,
    format: ResultFormat,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let sparql = queries::resolve(query)?;
    let store = open(dir)?;
    let results = store.query(&sparql)?;
    write_results(results, format, out)?;
    Ok(())
}

fn list_queries(out: &mut dyn Write) -> Result<(), Failure> {
    let rows: Vec<Vec<String>> = queries::all()
        .iter()
        .map(|q| vec![q.name.to_owned(), q.title()])
        .collect();
    write_table(&["name".into(), "title".into()], &rows, out)?;
    Ok(())
}

fn export_command(
    dir: &Path,
    format: ExportFormat,
    graph: Option<&str>,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let format = match format {
        ExportFormat::Turtle => RdfFormat::Turtle,
        ExportFormat::Ntriples => RdfFormat::NTriples,
        ExportFormat::Nquads => RdfFormat::NQuads,
        ExportFormat::Trig => RdfFormat::TriG,
        ExportFormat::Rdfxml => RdfFormat::RdfXml,
    };
    let store = open(dir)?;
    match output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| format!("{}: cannot create: {e}", path.display()))?;
            let mut writer = std::io::BufWriter::new(file);
            store.export(format, graph, &mut writer)?;
            writer.flush()?;
        }
        None => store.export(format, graph, out)?,
    }
    Ok(())
}

/// Runs a SELECT and returns its rows for display (IRIs compacted).
pub fn select_rows(
    store: &KgStore,
    sparql: &str,
) -> Result<(Vec<String>, Vec<Vec<String>>), Failure> {
    let (header, rows) = store.select(sparql)?;
    let rows = rows
        .into_iter()
        .map(|r| r.iter().map(|c| crate::results::compact_iri(c)).collect())
        .collect();
    Ok((header, rows))
}

const STATS_QUERIES: &[(&str, &str)] = &[
    (
        "classes",
        "SELECT ?class (COUNT(DISTINCT ?e) AS ?entities) WHERE { ?e a ?class . GRAPH <https://w3id.org/ftzkg/id/graph/ontology> { ?class rdfs:subClassOf* ftz:Entity } FILTER(?class != ftz:Entity) } GROUP BY ?class ORDER BY DESC(?entities)",
    ),
    (
        "properties",
        "SELECT ?property (COUNT(*) AS ?statements) WHERE { GRAPH ?g { ?s ?property ?o } GRAPH <https://w3id.org/ftzkg/id/graph/ontology> { ?property a owl:ObjectProperty } FILTER(STRSTARTS(STR(?g), STR(ftzr:article))) } GROUP BY ?property ORDER BY DESC(?statements)",
    ),
    (
        "issues",
        "SELECT ?issue ?title ?number ?date (COUNT(DISTINCT ?article) AS ?articles) WHERE { ?issue a ftz:Issue ; dcterms:title ?title . OPTIONAL { ?issue ftz:issueNumber ?number } OPTIONAL { ?issue dcterms:date ?date } OPTIONAL { ?article ftz:inIssue ?issue } } GROUP BY ?issue ?title ?number ?date ORDER BY ?date",
    ),
    (
        "articles",
        "SELECT ?position ?title (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?ev) AS ?evidence) WHERE { GRAPH ?g { ?article a ftz:Article ; dcterms:title ?title ; ftz:position ?position . OPTIONAL { ?article ftz:mentions ?e } OPTIONAL { ?ev a ftz:Evidence } } } GROUP BY ?article ?position ?title ORDER BY ?article",
    ),
];

fn stats_command(store: &KgStore, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let mut report = serde_json::Map::new();
    if !json {
        writeln!(out, "quads: {}", store.len()?)?;
    }
    for (name, sparql) in STATS_QUERIES {
        let (header, rows) = select_rows(store, sparql)?;
        if json {
            let objects: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| {
                    serde_json::Value::Object(
                        header
                            .iter()
                            .cloned()
                            .zip(r.iter().map(|c| c.clone().into()))
                            .collect(),
                    )
                })
                .collect();
            report.insert((*name).to_owned(), objects.into());
        } else {
            writeln!(out, "\n{name}:")?;
            write_table(&header, &rows, out)?;
        }
    }
    if json {
        report.insert("quads".into(), store.len()?.into());
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    }
    Ok(())
}

fn extract_command(file: &Path, format: ExtractFormat, out: &mut dyn Write) -> Result<(), Failure> {
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
fn document_text_command(file: &Path, out: &mut dyn Write) -> Result<(), Failure> {
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

/// Demo queries: title and SPARQL.
const DEMO_QUERIES: &[&str] = &[
    "areas-of-zone",
    "policies-by-area",
    "articles-mentioning-zone",
];

fn demo_command(dir: &Path, out: &mut dyn Write) -> Result<(), Failure> {
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

fn serve_command(
    dir: &Path,
    bind: std::net::SocketAddr,
    timeout: u64,
    writable: bool,
    token: Option<String>,
) -> Result<(), Failure> {
    let config = crate::server::ServeConfig {
        store: dir.to_owned(),
        bind,
        timeout: std::time::Duration::from_secs(timeout.max(1)),
        writable,
        token,
    };
    crate::server::serve(&config)?;
    Ok(())
}

fn eval_command(
    gold: &Path,
    files: &[PathBuf],
    show: bool,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let text = std::fs::read_to_string(gold)
        .map_err(|e| format!("{}: cannot read: {e}", gold.display()))?;
    let gold_annotation = eval::parse_gold(&gold.display().to_string(), &text)?;
    let store = KgStore::in_memory()?;
    let extractor = Extractor::new()?;
    let summary =
        ingest::ingest_paths(&store, &extractor, files, Options::default(), &|_, _, _| {})?;
    for error in &summary.errors {
        eprintln!("error: {error}");
    }
    let predicted = eval::predicted_from_store(&store)?;
    let report = eval::evaluate(&gold_annotation, &predicted);
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
        return Ok(());
    }
    let score_row = |name: &str, s: &eval::Score| {
        vec![
            name.to_owned(),
            s.gold.to_string(),
            s.predicted.to_string(),
            format!("{:.3}", s.precision()),
            format!("{:.3}", s.recall()),
            format!("{:.3}", s.f1()),
        ]
    };
    let rows: Vec<Vec<String>> = [
        ("entities (typed)", report.typed_entities),
        ("entities (untyped)", report.untyped_entities),
        ("relations", report.relations),
    ]
    .iter()
    .map(|(name, s)| score_row(name, s))
    .collect();
    let header = |first: &str| -> Vec<String> {
        [first, "gold", "predicted", "precision", "recall", "F1"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect()
    };
    write_table(&header(""), &rows, out)?;
    // Weakest first, so the property or class to work on is on top.
    for (title, scores) in [
        ("class", &report.by_class),
        ("property", &report.by_property),
    ] {
        let mut ranked: Vec<(&String, &eval::Score)> = scores.iter().collect();
        ranked.sort_by(|a, b| a.1.recall().total_cmp(&b.1.recall()).then(a.0.cmp(b.0)));
        let rows: Vec<Vec<String>> = ranked.iter().map(|(n, s)| score_row(n, s)).collect();
        writeln!(out)?;
        write_table(&header(title), &rows, out)?;
    }
    if show {
        for (title, items) in [
            ("missed entities", &report.missed_entities),
            ("false entities", &report.false_entities),
            ("missed relations", &report.missed_relations),
            ("false relations", &report.false_relations),
        ] {
            writeln!(out, "\n{title} ({}):", items.len())?;
            for item in items {
                writeln!(out, "  {item}")?;
            }
        }
    }
    Ok(())
}
