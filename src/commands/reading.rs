//! Commands that read the store or score it: query, queries, export,
//! stats and eval.

use super::{Failure, open, select_rows};
use crate::cli::ExportFormat;
use crate::eval;
use crate::extract::Extractor;
use crate::ingest::{self, Options};
use crate::queries;
use crate::results::{ResultFormat, write_results, write_table};
use crate::store::KgStore;
use oxigraph::io::RdfFormat;
use std::io::Write;
use std::path::{Path, PathBuf};

pub(super) fn query_command(
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

pub(super) fn list_queries(out: &mut dyn Write) -> Result<(), Failure> {
    let rows: Vec<Vec<String>> = queries::all()
        .iter()
        .map(|q| vec![q.name.to_owned(), q.title()])
        .collect();
    write_table(&["name".into(), "title".into()], &rows, out)?;
    Ok(())
}

pub(super) fn export_command(
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

pub(super) fn stats_command(
    store: &KgStore,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
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

pub(super) fn eval_command(
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
