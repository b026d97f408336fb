//! The ingest pipeline: files → documents → extractions → quads → store.
//!
//! Files are read and extracted in parallel (rayon; the extractor, its
//! dictionary and rules are shared read-only) and one writer stores them:
//! files new to the store through Oxigraph's bulk loader, changed files
//! several per transaction (`store::SourceWriter`); either way a crash
//! never leaves half a document.
//! A file whose content and extractor are unchanged since it was stored is
//! skipped. A file that fails — unreadable, not text, or a bug inside
//! extraction (a panic) — is reported by name and the others are stored.

use crate::corpus::{self, CorpusError};
use crate::extract::Extractor;
use crate::identity::IdentityRules;
use crate::model::Document;
use crate::rdf;
use crate::store::{GraphUpdate, KgStore, SourceUpdate, StoreError, WriteLimits};
use crate::vocab;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// Counts of one ingest run.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    /// Files left as they were: same content, same extractor.
    pub skipped: usize,
    pub articles: usize,
    pub entities: usize,
    pub relations: usize,
    pub statistics: usize,
    pub errors: Vec<String>,
    /// Files read with repairs ("file: what was repaired").
    pub warnings: Vec<String>,
    /// Practice nodes joined to the family of a longer name.
    pub families: usize,
}

impl Summary {
    fn add(&mut self, other: &Summary) {
        self.files += other.files;
        self.articles += other.articles;
        self.entities += other.entities;
        self.relations += other.relations;
        self.statistics += other.statistics;
    }
}

/// How to ingest.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Re-extract files even when unchanged.
    pub force: bool,
    /// At most this many files per transaction…
    pub batch_files: usize,
    /// …and about this many quads.
    pub batch_quads: usize,
    /// Files new to the store go through the bulk loader, committed every
    /// this many quads (0: every file through transactions).
    pub bulk_quads: usize,
    /// Quads the bulk loader sorts at once (one set of files each).
    pub bulk_batch: usize,
}

impl Options {
    fn limits(&self) -> WriteLimits {
        WriteLimits {
            batch_files: self.batch_files,
            batch_quads: self.batch_quads,
            bulk_quads: self.bulk_quads,
            bulk_batch: self.bulk_batch,
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            force: false,
            batch_files: 2,
            batch_quads: 5_000,
            bulk_quads: 1_000_000,
            bulk_batch: 100_000,
        }
    }
}

/// Reports progress: called once per file with (done, total, file).
pub type Progress<'a> = &'a (dyn Fn(usize, usize, &Path) + Sync);

/// Identifies what produced a file's graphs: its bytes and the extractor.
pub fn content_hash(bytes: &[u8]) -> String {
    format!(
        "{}/{}",
        crate::hash::hex(bytes),
        env!("FTZKG_EXTRACTOR_HASH")
    )
}

/// One file after reading and extraction, ready for the writer.
enum Prepared {
    Skipped,
    Ready {
        update: SourceUpdate,
        counts: Summary,
        warnings: Vec<String>,
        /// For the full-text index.
        document: Box<Document>,
    },
    Failed(String),
}

/// Ingests files and folders; every readable file is stored.
pub fn ingest_paths(
    store: &KgStore,
    extractor: &Extractor,
    paths: &[PathBuf],
    options: Options,
    progress: Progress<'_>,
) -> Result<Summary, StoreError> {
    store.replace_graphs(
        &[],
        vec![GraphUpdate {
            graph: vocab::reference_graph(),
            quads: rdf::reference_quads(extractor.lexicon()),
        }],
    )?;
    store.load_ontology()?;
    let mut summary = Summary::default();
    let (files, unreadable) = corpus::collect_files(paths);
    summary
        .errors
        .extend(unreadable.iter().map(|e| e.to_string()));
    let total = files.len();
    let mut aftercare = Aftercare::start(store, extractor, &mut summary);
    let (sender, receiver) = mpsc::sync_channel::<(PathBuf, Prepared)>(4);
    std::thread::scope(|scope| -> Result<(), StoreError> {
        scope.spawn(|| {
            files.par_iter().for_each_with(sender, |sender, file| {
                let prepared = prepare(store, extractor, file, options.force);
                // The writer only stops early on a store error; then the
                // remaining files have nowhere to go.
                let _ = sender.send((file.clone(), prepared));
            });
        });
        let mut writer = store.source_writer(options.limits());
        for (done, (file, prepared)) in receiver.iter().enumerate() {
            progress(done, total, &file);
            match prepared {
                Prepared::Skipped => summary.skipped += 1,
                Prepared::Failed(error) => summary.errors.push(error),
                Prepared::Ready {
                    update,
                    counts,
                    warnings,
                    document,
                } => {
                    summary.warnings.extend(warnings);
                    aftercare.index(&document);
                    writer.add(update)?;
                    summary.add(&counts);
                }
            }
        }
        writer.finish()
    })?;
    progress(total, total, Path::new(""));
    aftercare.finish(store, &mut summary);
    Ok(summary)
}

/// Reads, checks and extracts one file; a panic inside becomes its error.
fn prepare(store: &KgStore, extractor: &Extractor, file: &Path, force: bool) -> Prepared {
    let key = source_key(file);
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(source) => return Prepared::Failed(corpus::io_error(file, source).to_string()),
    };
    let hash = content_hash(&bytes);
    if !force && store.source_hash(&key).ok().flatten().as_deref() == Some(hash.as_str()) {
        return Prepared::Skipped;
    }
    let extracted = crate::panic::catch(|| {
        let (document, warnings) = corpus::read_document_bytes(file, &bytes)?;
        Ok::<_, CorpusError>((document_graphs(extractor, &document), warnings, document))
    });
    match extracted {
        Ok(Ok(((graphs, counts), warnings, document))) => Prepared::Ready {
            document: Box::new(document),
            update: SourceUpdate {
                path: key,
                hash,
                graphs,
            },
            counts: Summary { files: 1, ..counts },
            warnings: warnings
                .into_iter()
                .map(|w| format!("{}: {w}", file.display()))
                .collect(),
        },
        Ok(Err(error)) => Prepared::Failed(error.to_string()),
        Err(panic) => Prepared::Failed(format!(
            "{}: internal error while reading or extracting this file (please report it): {panic}",
            file.display()
        )),
    }
}

/// The key a source file is recorded under: its absolute path.
fn source_key(file: &Path) -> String {
    std::fs::canonicalize(file)
        .unwrap_or_else(|_| file.to_owned())
        .display()
        .to_string()
}

/// Extracts a parsed document: its article and issue graphs, and counts.
pub fn document_graphs(extractor: &Extractor, document: &Document) -> (Vec<GraphUpdate>, Summary) {
    let mut summary = Summary::default();
    let mut graphs = Vec::with_capacity(document.articles.len() + 1);
    for (article, mut extraction) in document
        .articles
        .iter()
        .zip(extractor.extract_document(document))
    {
        let folds =
            IdentityRules::builtin().unify_with(&mut extraction, &|p| extractor.is_place_name(p));
        summary.articles += 1;
        summary.entities += extraction.entities.len();
        summary.relations += extraction.relations.len();
        summary.statistics += extraction.statistics.len();
        let mut quads = rdf::article_quads(article, document.issue.as_ref(), &extraction);
        quads.extend(rdf::fold_quads(&article.id, &folds));
        graphs.push(GraphUpdate {
            graph: vocab::article_iri(&article.id),
            quads,
        });
    }
    if let Some(issue) = &document.issue {
        let publisher = extractor.publisher_entity(issue);
        graphs.push(GraphUpdate {
            graph: vocab::issue_iri(&corpus::issue_id(issue)),
            quads: rdf::issue_quads(issue, publisher.as_ref()),
        });
    }
    (graphs, summary)
}

/// Extracts and stores a parsed document under a source name (the bundled
/// sample), replacing what an earlier ingest of it stored.
pub fn store_document(
    store: &KgStore,
    extractor: &Extractor,
    source: &str,
    text: &str,
    document: &Document,
) -> Result<Summary, StoreError> {
    store.replace_graphs(
        &[],
        vec![GraphUpdate {
            graph: vocab::reference_graph(),
            quads: rdf::reference_quads(extractor.lexicon()),
        }],
    )?;
    store.load_ontology()?;
    let (graphs, summary) = document_graphs(extractor, document);
    store.write_sources(&[SourceUpdate {
        path: source.to_owned(),
        hash: content_hash(text.as_bytes()),
        graphs,
    }])?;
    Ok(Summary {
        files: 1,
        ..summary
    })
}

/// What follows storing documents in an on-disk store: their text goes
/// into the full-text index, and the curation file is applied again (so a
/// rejected fact never comes back). Problems are reported in the summary.
#[derive(Default)]
pub struct Aftercare {
    indexer: Option<crate::search::Indexer>,
    errors: Vec<String>,
}

impl Aftercare {
    pub fn start(store: &KgStore, extractor: &Extractor, summary: &mut Summary) -> Self {
        let Some(dir) = store.dir() else {
            return Aftercare::default();
        };
        let path = crate::search::SearchIndex::path_in(dir);
        match crate::search::SearchIndex::open(&path, extractor.jieba()).and_then(|i| i.indexer()) {
            Ok(indexer) => Aftercare {
                indexer: Some(indexer),
                errors: Vec::new(),
            },
            Err(e) => {
                summary.errors.push(e.to_string());
                Aftercare::default()
            }
        }
    }

    pub fn index(&mut self, document: &Document) {
        if let Some(indexer) = &mut self.indexer
            && let Err(e) = indexer.add(document)
        {
            self.errors.push(e.to_string());
        }
    }

    pub fn finish(self, store: &KgStore, summary: &mut Summary) {
        summary.errors.extend(self.errors);
        if let Some(indexer) = self.indexer
            && let Err(e) = indexer.commit()
        {
            summary.errors.push(e.to_string());
        }
        match join_practice_families(store) {
            Ok(n) => summary.families = n,
            Err(e) => summary.errors.push(e.to_string()),
        }
        if let Err(e) = crate::curate::apply_saved(store) {
            summary.errors.push(e.to_string());
        }
    }
}

/// Practices named in a short and a long form across documents become one
/// node (see `families`); returns the number of nodes joined.
pub fn join_practice_families(store: &KgStore) -> Result<usize, crate::store::StoreError> {
    let names = |property: &str| -> Result<Vec<(String, String)>, crate::store::StoreError> {
        let (_, rows) = store.select(&format!(
            "SELECT ?p ?n WHERE {{ ?p a <{}> ; <{property}> ?n }}",
            crate::vocab::class_iri(crate::model::Class::Practice)
        ))?;
        let rules = crate::identity::IdentityRules::builtin();
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                let [iri, name]: [String; 2] = row.try_into().ok()?;
                Some((iri, rules.key(&name).0))
            })
            .collect())
    };
    let practices = names(crate::vocab::term::RDFS_LABEL)?;
    let aliases = names(crate::vocab::term::SKOS_ALT_LABEL)?;
    let renames = crate::families::renames(&practices, &aliases, &side_by_side(store)?);
    store.rename_nodes(&renames)?;
    Ok(renames.len())
}

/// Pairs of practices (both orders) that one article graph names as two:
/// what a document keeps apart, families never join through a vague alias.
fn side_by_side(
    store: &KgStore,
) -> Result<std::collections::HashSet<(String, String)>, crate::store::StoreError> {
    let (_, rows) = store.select(&format!(
        "SELECT ?g ?p WHERE {{ GRAPH ?g {{ ?p a <{}> }} }} ORDER BY ?g",
        crate::vocab::class_iri(crate::model::Class::Practice)
    ))?;
    let mut by_graph: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for row in rows {
        if let Ok([graph, practice]) = <[String; 2]>::try_from(row) {
            by_graph.entry(graph).or_default().push(practice);
        }
    }
    let mut pairs = std::collections::HashSet::new();
    for practices in by_graph.values() {
        for a in practices {
            for b in practices {
                if a != b {
                    pairs.insert((a.clone(), b.clone()));
                }
            }
        }
    }
    Ok(pairs)
}
