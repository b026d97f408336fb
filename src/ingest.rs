//! The ingest pipeline: files → documents → extractions → quads → store.
//! Each file is written in one transaction (its articles' graphs and its
//! issue graph), so a bad file never leaves half its data, and one bad file
//! does not stop the others.

use crate::corpus::{self, CorpusError};
use crate::extract::Extractor;
use crate::model::Document;
use crate::rdf;
use crate::store::{GraphUpdate, KgStore, StoreError};
use crate::vocab;
use std::path::{Path, PathBuf};

/// Counts of one ingest run.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub articles: usize,
    pub entities: usize,
    pub relations: usize,
    pub statistics: usize,
    pub errors: Vec<String>,
}

/// Why one file was not stored.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    #[error("{path}: {source}")]
    Store { path: PathBuf, source: StoreError },
}

/// Reports progress: called once per file with (done, total, file).
pub type Progress<'a> = &'a dyn Fn(usize, usize, &Path);

/// Ingests files and folders; every readable file is stored.
pub fn ingest_paths(
    store: &KgStore,
    extractor: &Extractor,
    paths: &[PathBuf],
    progress: Progress<'_>,
) -> Result<Summary, StoreError> {
    store.load_background(rdf::reference_quads(extractor.lexicon()))?;
    let mut summary = Summary::default();
    let files = match corpus::collect_files(paths) {
        Ok(files) => files,
        Err(e) => {
            summary.errors.push(e.to_string());
            // Keep going with the paths that do exist.
            paths
                .iter()
                .filter(|p| p.exists())
                .flat_map(|p| corpus::collect_files(std::slice::from_ref(p)).unwrap_or_default())
                .collect()
        }
    };
    for (i, file) in files.iter().enumerate() {
        progress(i, files.len(), file);
        match ingest_file(store, extractor, file) {
            Ok(counts) => {
                summary.files += 1;
                summary.articles += counts.articles;
                summary.entities += counts.entities;
                summary.relations += counts.relations;
                summary.statistics += counts.statistics;
            }
            Err(e) => summary.errors.push(e.to_string()),
        }
    }
    progress(files.len(), files.len(), Path::new(""));
    Ok(summary)
}

/// Reads, extracts and stores one file in one transaction.
pub fn ingest_file(
    store: &KgStore,
    extractor: &Extractor,
    path: &Path,
) -> Result<Summary, IngestError> {
    let document = corpus::read_document(path)?;
    store_document(store, extractor, &document).map_err(|source| IngestError::Store {
        path: path.to_owned(),
        source,
    })
}

/// Extracts and stores a parsed document, replacing what an earlier
/// ingest of the same document stored.
pub fn store_document(
    store: &KgStore,
    extractor: &Extractor,
    document: &Document,
) -> Result<Summary, StoreError> {
    let mut summary = Summary::default();
    let mut updates = Vec::with_capacity(document.articles.len() + 1);
    for (article, extraction) in document
        .articles
        .iter()
        .zip(extractor.extract_document(document))
    {
        summary.articles += 1;
        summary.entities += extraction.entities.len();
        summary.relations += extraction.relations.len();
        summary.statistics += extraction.statistics.len();
        updates.push(GraphUpdate {
            graph: vocab::article_iri(&article.id),
            quads: rdf::article_quads(article, document.issue.as_ref(), &extraction),
        });
    }
    if let Some(issue) = &document.issue {
        let publisher = extractor.publisher_entity(issue);
        updates.push(GraphUpdate {
            graph: vocab::issue_iri(&corpus::issue_id(issue)),
            quads: rdf::issue_quads(issue, publisher.as_ref()),
        });
    }
    // Articles an earlier version of this document had and this one lacks.
    let stale: Vec<String> = document
        .articles
        .first()
        .and_then(|a| a.id.rsplit_once('-'))
        .map(|(base, _)| vocab::article_iri(&format!("{base}-")))
        .into_iter()
        .collect();
    store.replace_graphs(&stale, updates)?;
    Ok(summary)
}
