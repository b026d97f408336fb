//! The only module that touches Oxigraph: opening the RocksDB store,
//! writing documents transactionally (`write`), SPARQL evaluation (the
//! default graph is the merged knowledge graph; no remote SERVICE), export
//! and counts.

mod bulk;
mod write;

pub use bulk::{SourceWriter, WriteLimits};
pub use write::{GraphUpdate, MergeReport, SourceUpdate, is_merged, remerge_operations};

use crate::vocab;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{BlankNode, GraphName, NamedNode, NamedOrBlankNode, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};

pub use oxigraph::sparql::CancellationToken;
pub use oxigraph::sparql::QueryResults as Results;

const ONTOLOGY: &str = include_str!("../../ontology/ftz.ttl");

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store at {path}: {message}")]
    Open { path: PathBuf, message: String },
    #[error("store: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    #[error("SPARQL evaluation failed: {0}")]
    Evaluation(String),
    #[error("SERVICE is refused: ftzkg does not query remote endpoints")]
    ServiceRefused,
    #[error("the query was cancelled after {0} s")]
    Timeout(u64),
    #[error("cannot write output: {0}")]
    Output(String),
    #[error("the bundled ontology does not parse: {0}")]
    Ontology(String),
}

/// The RocksDB store in `dir`.
#[cfg(feature = "rocksdb")]
fn open_on_disk(dir: &Path, read_only: bool) -> Result<Store, StoreError> {
    let opened = if read_only {
        Store::open_read_only(dir)
    } else {
        Store::open(dir)
    };
    opened.map_err(|e| StoreError::Open {
        path: dir.to_owned(),
        message: e.to_string(),
    })
}

/// Built without the `rocksdb` feature (only for benchmarks of extraction):
/// there is no on-disk store.
#[cfg(not(feature = "rocksdb"))]
fn open_on_disk(dir: &Path, _read_only: bool) -> Result<Store, StoreError> {
    Err(StoreError::Open {
        path: dir.to_owned(),
        message: "this build has no on-disk store (built without the `rocksdb` feature)".into(),
    })
}

/// Removes the sorted files a bulk load killed before its commit left
/// beside the store (`bulk-*.sst`; RocksDB's own files are numbered). Runs
/// once the store is open for writing, so no other process is loading.
fn remove_stale_bulk_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            // A file that cannot be removed only wastes space.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The knowledge-graph store.
#[derive(Clone)]
pub struct KgStore {
    store: Store,
    /// The folder of an on-disk store (where the curation file and the
    /// full-text index live beside RocksDB's files).
    dir: Option<PathBuf>,
}

impl KgStore {
    /// Opens (or creates) the RocksDB store in `dir`.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
            path: dir.to_owned(),
            message: e.to_string(),
        })?;
        let store = open_on_disk(dir, false)?;
        remove_stale_bulk_files(dir);
        Ok(KgStore {
            store,
            dir: Some(dir.to_owned()),
        })
    }

    /// Opens an existing store without write access (for the server).
    pub fn open_read_only(dir: &Path) -> Result<Self, StoreError> {
        let store = open_on_disk(dir, true)?;
        Ok(KgStore {
            store,
            dir: Some(dir.to_owned()),
        })
    }

    /// An in-memory store (for `eval` and tests).
    pub fn in_memory() -> Result<Self, StoreError> {
        Ok(KgStore {
            store: Store::new()?,
            dir: None,
        })
    }

    /// Replaces the ontology graph (not part of the default graph: queries
    /// that need it name `ftzr:graph/ontology`).
    pub fn load_ontology(&self) -> Result<(), StoreError> {
        let ontology_graph = vocab::node(&vocab::ontology_graph());
        let mut ontology = Vec::new();
        // Blank nodes (owl:unionOf lists) get names by order of appearance,
        // so loading the ontology twice gives the same quads.
        let mut blank_names: std::collections::HashMap<BlankNode, BlankNode> =
            std::collections::HashMap::new();
        let mut stable = |b: BlankNode| -> BlankNode {
            let n = blank_names.len();
            blank_names
                .entry(b)
                .or_insert_with(|| BlankNode::new_unchecked(format!("ftzOntology{n}")))
                .clone()
        };
        for quad in oxigraph::io::RdfParser::from_format(RdfFormat::Turtle)
            .with_default_graph(ontology_graph.clone())
            .for_slice(ONTOLOGY.as_bytes())
        {
            let mut quad = quad.map_err(|e| StoreError::Ontology(e.to_string()))?;
            if let NamedOrBlankNode::BlankNode(b) = quad.subject {
                quad.subject = stable(b).into();
            }
            if let Term::BlankNode(b) = quad.object {
                quad.object = stable(b).into();
            }
            ontology.push(quad);
        }
        self.replace_graphs(
            &[],
            vec![GraphUpdate {
                graph: vocab::ontology_graph(),
                quads: ontology,
            }],
        )
    }

    /// Number of quads in the store.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.store.len()?)
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.store.is_empty()?)
    }

    /// Evaluates a SPARQL query on the default graph, the merged knowledge
    /// graph (unless the query names its own dataset). `SERVICE` is refused.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, StoreError> {
        self.query_with_cancellation(sparql, None, None)
    }

    /// Like `query`, with an optional token that cancels evaluation.
    pub fn query_with_cancellation(
        &self,
        sparql: &str,
        token: Option<CancellationToken>,
        timeout_secs: Option<u64>,
    ) -> Result<QueryResults<'static>, StoreError> {
        self.query_in_dataset(sparql, &Dataset::default(), token, timeout_secs)
    }

    /// Like `query_with_cancellation`, with the dataset of the SPARQL
    /// protocol (`default-graph-uri`, `named-graph-uri`): when either list is
    /// given it replaces the query's own dataset; otherwise the default graph
    /// is the store's default graph, the merged knowledge graph.
    pub fn query_in_dataset(
        &self,
        sparql: &str,
        dataset: &Dataset,
        token: Option<CancellationToken>,
        timeout_secs: Option<u64>,
    ) -> Result<QueryResults<'static>, StoreError> {
        let full = with_prefixes(sparql);
        // No service handler is registered (and no HTTP client is built in), so
        // SERVICE fails with `UnsupportedService`, reported as refused.
        let mut evaluator = SparqlEvaluator::new();
        if let Some(token) = token {
            evaluator = evaluator.with_cancellation_token(token);
        }
        let mut prepared = evaluator.parse_query(&full).map_err(|e| {
            StoreError::Syntax(shift_line(&e.to_string(), prefix_lines(sparql, &full)))
        })?;
        if !dataset.is_empty() {
            let iri = |g: &String| {
                NamedNode::new(g.as_str())
                    .map_err(|e| StoreError::Syntax(format!("graph IRI <{g}>: {e}")))
            };
            let defaults = dataset
                .default_graphs
                .iter()
                .map(|g| iri(g).map(GraphName::NamedNode))
                .collect::<Result<Vec<_>, _>>()?;
            let named = dataset
                .named_graphs
                .iter()
                .map(|g| iri(g).map(NamedOrBlankNode::NamedNode))
                .collect::<Result<Vec<_>, _>>()?;
            let spec = prepared.dataset_mut();
            spec.set_default_graph(if defaults.is_empty() {
                vec![GraphName::DefaultGraph]
            } else {
                defaults
            });
            if !named.is_empty() {
                spec.set_available_named_graphs(named);
            }
        }
        prepared
            .on_store(&self.store)
            .execute()
            .map_err(|e| evaluation_error(e, timeout_secs))
    }

    /// Writes the whole store (or one graph) in an RDF format.
    pub fn export(
        &self,
        format: RdfFormat,
        graph: Option<&str>,
        out: &mut dyn Write,
    ) -> Result<(), StoreError> {
        let output = |e: std::io::Error| StoreError::Output(e.to_string());
        let mut serializer = prefixed(RdfSerializer::from_format(format)).for_writer(out);
        let graph_name = graph.map(|g| GraphName::NamedNode(NamedNode::new_unchecked(g)));
        let quads = self.store.quads_for_pattern(
            None,
            None,
            None,
            graph_name.as_ref().map(GraphName::as_ref),
        );
        for quad in quads {
            let quad = quad?;
            if format.supports_datasets() {
                serializer.serialize_quad(&quad).map_err(output)?;
            } else {
                serializer.serialize_triple(quad.as_ref()).map_err(output)?;
            }
        }
        serializer.finish().map_err(output)?;
        Ok(())
    }

    /// Runs a SELECT; returns the variable names and, per row, each value
    /// as a string (IRIs in full, literals by value, unbound as empty).
    pub fn select(&self, sparql: &str) -> Result<(Vec<String>, Vec<Vec<String>>), StoreError> {
        let QueryResults::Solutions(solutions) = self.query(sparql)? else {
            return Err(StoreError::Evaluation("expected a SELECT query".into()));
        };
        let vars = solutions.variables().to_vec();
        let header = vars.iter().map(|v| v.as_str().to_owned()).collect();
        let mut rows = Vec::new();
        for solution in solutions {
            let solution = solution.map_err(|e| StoreError::Evaluation(e.to_string()))?;
            rows.push(
                vars.iter()
                    .map(|v| match solution.get(v) {
                        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
                        Some(Term::Literal(l)) => l.value().to_owned(),
                        Some(other) => other.to_string(),
                        None => String::new(),
                    })
                    .collect(),
            );
        }
        Ok((header, rows))
    }

    /// The store's folder (`None` for an in-memory store).
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    // Curation writes: SPARQL Update, all operations in one transaction.

    /// Runs a SPARQL Update (with the project prefixes) in one transaction.
    /// Only the curation module calls this; the HTTP endpoint never does.
    pub fn update(&self, sparql: &str) -> Result<(), StoreError> {
        let full = with_prefixes(sparql);
        SparqlEvaluator::new()
            .parse_update(&full)
            .map_err(|e| StoreError::Syntax(e.to_string()))?
            .on_store(&self.store)
            .execute()
            .map_err(|e| StoreError::Evaluation(e.to_string()))
    }

    /// Loads an RDF dump (N-Quads, TriG, N-Triples or Turtle, by the file's
    /// extension) as it is, for restoring an `export`; with `bulk`, through
    /// Oxigraph's bulk loader (fast, for an empty store). Returns the number
    /// of quads in the store afterwards.
    pub fn load_dump(&self, path: &Path, bulk: bool) -> Result<usize, StoreError> {
        let format = path
            .extension()
            .and_then(|e| e.to_str())
            .and_then(RdfFormat::from_extension)
            .ok_or_else(|| StoreError::Open {
                path: path.to_owned(),
                message: "unknown RDF format (use .nq, .trig, .nt or .ttl)".into(),
            })?;
        let file = std::fs::File::open(path).map_err(|e| StoreError::Open {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        let reader = std::io::BufReader::new(file);
        let parse_error = |e: oxigraph::store::LoaderError| StoreError::Open {
            path: path.to_owned(),
            message: e.to_string(),
        };
        if bulk {
            let mut loader = self.store.bulk_loader();
            loader
                .load_from_reader(format, reader)
                .map_err(parse_error)?;
            loader.commit()?;
        } else {
            self.store
                .load_from_reader(format, reader)
                .map_err(parse_error)?;
        }
        self.len()
    }

    /// Names of all named graphs.
    pub fn graphs(&self) -> Result<Vec<String>, StoreError> {
        self.store
            .named_graphs()
            .map(|g| Ok(g?.to_string().trim_matches(['<', '>']).to_owned()))
            .collect()
    }
}

/// The dataset of a SPARQL protocol request: graph IRIs from
/// `default-graph-uri` and `named-graph-uri`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dataset {
    pub default_graphs: Vec<String>,
    pub named_graphs: Vec<String>,
}

impl Dataset {
    pub fn is_empty(&self) -> bool {
        self.default_graphs.is_empty() && self.named_graphs.is_empty()
    }
}

/// True when `sparql` is a SPARQL Update (INSERT, DELETE, LOAD, CLEAR, …)
/// rather than a query: lets a read-only endpoint refuse it by name.
pub fn is_update(sparql: &str) -> bool {
    let full = with_prefixes(sparql);
    SparqlEvaluator::new().parse_query(&full).is_err()
        && SparqlEvaluator::new().parse_update(&full).is_ok()
}

/// The error of one result row (evaluation is lazy: cancellation and
/// refused SERVICE calls may surface while iterating).
pub fn row_error(
    e: oxigraph::sparql::QueryEvaluationError,
    timeout_secs: Option<u64>,
) -> StoreError {
    evaluation_error(e, timeout_secs)
}

/// Adds the project prefixes to a serializer (Turtle, TriG).
pub fn prefixed(mut serializer: RdfSerializer) -> RdfSerializer {
    for (prefix, iri) in vocab::PREFIXES {
        serializer = serializer
            .with_prefix(*prefix, *iri)
            .expect("project prefixes are valid IRIs");
    }
    serializer
}

/// Prepends the project prefixes unless the query declares them itself.
fn with_prefixes(sparql: &str) -> String {
    let mut out = String::new();
    let upper = sparql.to_uppercase();
    for (prefix, iri) in vocab::PREFIXES {
        let declared = upper.contains(&format!("PREFIX {}:", prefix.to_uppercase()));
        if !declared {
            out.push_str(&format!("PREFIX {prefix}: <{iri}>\n"));
        }
    }
    out.push_str(sparql);
    out
}

fn prefix_lines(sparql: &str, full: &str) -> usize {
    full.lines().count() - sparql.lines().count()
}

/// Makes "error at 12:5" refer to the user's own lines.
fn shift_line(message: &str, lines: usize) -> String {
    let Some(at) = message.find("error at ") else {
        return message.to_owned();
    };
    let rest = &message[at + 9..];
    let Some((line, tail)) = rest.split_once(':') else {
        return message.to_owned();
    };
    match line.parse::<usize>() {
        Ok(n) if n > lines => format!("{}line {}, column {tail}", &message[..at], n - lines),
        _ => message.to_owned(),
    }
}

fn evaluation_error(e: oxigraph::sparql::QueryEvaluationError, timeout: Option<u64>) -> StoreError {
    use oxigraph::sparql::QueryEvaluationError as E;
    match e {
        E::Service(_) | E::UnsupportedService(_) => StoreError::ServiceRefused,
        E::Cancelled => StoreError::Timeout(timeout.unwrap_or(0)),
        other => StoreError::Evaluation(other.to_string()),
    }
}

/// The per-user default store folder: `$FTZKG_STORE`, else
/// `$XDG_DATA_HOME/ftzkg/store`, else `~/.local/share/ftzkg/store`.
pub fn default_store_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("FTZKG_STORE").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data_home.join("ftzkg").join("store")
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::Quad;

    #[test]
    fn syntax_errors_point_at_the_users_line() {
        let store = KgStore::in_memory().unwrap();
        let err = store.query("SELECT ?s\nWHERE { ?s ?p }").err().unwrap();
        let message = err.to_string();
        assert!(message.contains("line 2, column"), "{message}");
    }

    #[test]
    fn service_is_refused() {
        let store = KgStore::in_memory().unwrap();
        let result =
            store.query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }");
        let refused = match result {
            Err(StoreError::ServiceRefused) => true,
            Ok(QueryResults::Solutions(mut s)) => s.next().is_some_and(|r| r.is_err()),
            _ => false,
        };
        assert!(refused);
    }

    #[test]
    fn replacing_a_graph_leaves_no_trace_of_the_old_one() {
        let store = KgStore::in_memory().unwrap();
        let g = "https://w3id.org/ftzkg/id/article/x-01";
        let quad = |o: &str| {
            Quad::new(
                vocab::node("https://example.org/s"),
                vocab::node("https://example.org/p"),
                vocab::node(o),
                vocab::node(g),
            )
        };
        store
            .replace_graphs(
                &[],
                vec![GraphUpdate {
                    graph: g.into(),
                    quads: vec![quad("https://example.org/a")],
                }],
            )
            .unwrap();
        store
            .replace_graphs(
                &[],
                vec![GraphUpdate {
                    graph: g.into(),
                    quads: vec![quad("https://example.org/b")],
                }],
            )
            .unwrap();
        // The article's triple, and the same triple in the default graph.
        assert_eq!(store.len().unwrap(), 2);
        store.replace_graphs(&[g.into()], vec![]).unwrap();
        assert_eq!(store.len().unwrap(), 0);
    }
}
