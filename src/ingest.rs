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
    let mut index = Aftercare::start(store, extractor, &mut summary);
    for (i, file) in files.iter().enumerate() {
        progress(i, files.len(), file);
        match ingest_file_with(store, extractor, file, &mut index) {
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
    index.finish(store, &mut summary);
    Ok(summary)
}

/// Reads, extracts and stores one file in one transaction.
pub fn ingest_file(
    store: &KgStore,
    extractor: &Extractor,
    path: &Path,
) -> Result<Summary, IngestError> {
    ingest_file_with(store, extractor, path, &mut Aftercare::default())
}

fn ingest_file_with(
    store: &KgStore,
    extractor: &Extractor,
    path: &Path,
    aftercare: &mut Aftercare,
) -> Result<Summary, IngestError> {
    let document = corpus::read_document(path)?;
    let summary =
        store_document(store, extractor, &document).map_err(|source| IngestError::Store {
            path: path.to_owned(),
            source,
        })?;
    aftercare.index(&document);
    Ok(summary)
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
        if let Err(e) = crate::curate::apply_saved(store) {
            summary.errors.push(e.to_string());
        }
    }
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
