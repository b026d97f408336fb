//! Full-text search over the articles: a tantivy index in `<store>/search/`
//! whose tokenizer is jieba through cang-jie, sharing the one dictionary
//! extraction loaded (lexicon names included), kept in step with ingest
//! (re-ingesting a document replaces its articles).
//!
//! Input: parsed `Document`s (indexing) and a `SearchRequest` (searching,
//! in `find`). Output: `Hit`s — articles with a highlighted snippet and the
//! entities they mention (read from the store, so curation shows at once).

mod find;
#[cfg(test)]
mod tests_index;

pub use find::{Hit, MentionedEntity, SearchRequest, Snippet, search};

use crate::model::Document;
use crate::vocab;
use cang_jie::{CangJieTokenizer, TokenizerOption};
use jieba_rs::Jieba;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{LowerCaser, TextAnalyzer};
use tantivy::{Index, IndexReader, IndexWriter, TantivyDocument, Term};

/// Name of the jieba tokenizer registered on the index.
const TOKENIZER: &str = "ftz_jieba";
/// Memory budget of one index writer.
const WRITER_BUDGET: usize = 50_000_000;

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("full-text index at {path}: {message}")]
    Index { path: PathBuf, message: String },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Graph(#[from] crate::graph::GraphError),
    #[error("`{0}` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate(String),
}

/// The fields of one indexed article.
#[derive(Clone, Copy)]
struct Fields {
    /// Article IRI (exact).
    article: Field,
    /// The document an article came from (replaced together on re-ingest).
    group: Field,
    title: Field,
    body: Field,
    /// `YYYY-MM-DD` of its issue, when known.
    date: Field,
    /// The date as a number YYYYMMDD, for ranges.
    day: Field,
    /// Newsletter and number, for display.
    issue: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        article: builder.add_text_field("article", STRING | STORED),
        group: builder.add_text_field("group", STRING),
        title: builder.add_text_field("title", text.clone()),
        body: builder.add_text_field("body", text),
        date: builder.add_text_field("date", STRING | STORED),
        day: builder.add_u64_field("day", INDEXED | FAST),
        issue: builder.add_text_field("issue", STORED),
    };
    (builder.build(), fields)
}

/// The full-text index of one store.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    jieba: Arc<Jieba>,
    path: PathBuf,
}

impl SearchIndex {
    /// Where the index of the store in `store_dir` lives.
    pub fn path_in(store_dir: &Path) -> PathBuf {
        store_dir.join("search")
    }

    /// Opens (or creates) the index in `path`, tokenising with `jieba`.
    pub fn open(path: &Path, jieba: Arc<Jieba>) -> Result<Self, SearchError> {
        let error = |e: &dyn std::fmt::Display| SearchError::Index {
            path: path.to_owned(),
            message: e.to_string(),
        };
        std::fs::create_dir_all(path).map_err(|e| error(&e))?;
        let (schema, fields) = schema();
        let directory = tantivy::directory::MmapDirectory::open(path).map_err(|e| error(&e))?;
        let index = Index::open_or_create(directory, schema).map_err(|e| error(&e))?;
        let tokenizer = CangJieTokenizer {
            worker: Arc::clone(&jieba),
            option: TokenizerOption::ForSearch { hmm: false },
        };
        index.tokenizers().register(
            TOKENIZER,
            TextAnalyzer::builder(tokenizer).filter(LowerCaser).build(),
        );
        let reader = index.reader().map_err(|e| error(&e))?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            jieba,
            path: path.to_owned(),
        })
    }

    /// A writer that adds documents; nothing is visible before `commit`.
    pub fn indexer(&self) -> Result<Indexer, SearchError> {
        let writer = self
            .index
            .writer(WRITER_BUDGET)
            .map_err(|e| self.error(&e))?;
        Ok(Indexer {
            writer,
            fields: self.fields,
            path: self.path.clone(),
            added: 0,
        })
    }

    /// Sees what the last commit wrote (also done on its own, shortly after).
    pub fn reload(&self) -> Result<(), SearchError> {
        self.reader.reload().map_err(|e| self.error(&e))
    }

    /// Number of indexed articles.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn error(&self, e: &dyn std::fmt::Display) -> SearchError {
        SearchError::Index {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }
}

/// Adds documents to the index, replacing earlier versions of them.
pub struct Indexer {
    writer: IndexWriter,
    fields: Fields,
    path: PathBuf,
    added: usize,
}

impl Indexer {
    /// Replaces whatever an earlier ingest of this document indexed.
    pub fn add(&mut self, document: &Document) -> Result<(), SearchError> {
        let f = self.fields;
        let issue = document.issue.as_ref();
        let date = issue.and_then(|i| i.date).map(|d| d.to_xsd());
        let issue_name = issue
            .map(|i| match i.number {
                Some(n) => format!("{} 第{n}期", i.title),
                None => i.title.clone(),
            })
            .unwrap_or_default();
        for group in groups(document) {
            self.writer
                .delete_term(Term::from_field_text(f.group, &group));
        }
        for article in &document.articles {
            let mut doc = TantivyDocument::default();
            doc.add_text(f.article, vocab::article_iri(&article.id));
            doc.add_text(f.group, group_of(&article.id));
            doc.add_text(f.title, &article.title);
            doc.add_text(f.body, article.text());
            doc.add_text(f.issue, &issue_name);
            if let Some(date) = &date {
                doc.add_text(f.date, date);
                if let Some(day) = day_number(date) {
                    doc.add_u64(f.day, day);
                }
            }
            self.writer.add_document(doc).map_err(|e| self.error(&e))?;
            self.added += 1;
        }
        Ok(())
    }

    /// Makes what was added visible; returns how many articles were added.
    pub fn commit(mut self) -> Result<usize, SearchError> {
        self.writer.commit().map_err(|e| self.error(&e))?;
        let added = self.added;
        self.writer
            .wait_merging_threads()
            .map_err(|e| SearchError::Index {
                path: self.path.clone(),
                message: e.to_string(),
            })?;
        Ok(added)
    }

    fn error(&self, e: &dyn std::fmt::Display) -> SearchError {
        SearchError::Index {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }
}

/// The group of an article id: the id without its last `-N` (the same
/// prefix ingest uses to drop articles an earlier version had).
fn group_of(article_id: &str) -> String {
    article_id
        .rsplit_once('-')
        .map(|(base, _)| base)
        .unwrap_or(article_id)
        .to_owned()
}

fn groups(document: &Document) -> std::collections::BTreeSet<String> {
    document.articles.iter().map(|a| group_of(&a.id)).collect()
}

/// `2025-07-15` → 20250715.
fn day_number(date: &str) -> Option<u64> {
    let digits: String = date.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 8).then(|| digits.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_of_one_document_share_a_group() {
        assert_eq!(group_of("zimao-dongtai-245-3"), "zimao-dongtai-245");
        assert_eq!(group_of("notice"), "notice");
        assert_eq!(day_number("2025-07-15"), Some(20_250_715));
        assert_eq!(day_number("2025"), None);
    }
}
