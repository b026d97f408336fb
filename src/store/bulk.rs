//! Writing many source files at the speed of the store.
//!
//! A file the store has never seen (no record, none of its graphs present)
//! goes through Oxigraph's bulk loader: its quads, their copies in the
//! default graph and its record are gathered into batches of about
//! `bulk_batch` quads, each sorted into files beside the store by a
//! background thread, and added to RocksDB in one atomic step per commit
//! (about `bulk_quads` quads). A crash therefore leaves all of a commit's
//! documents or none of them, and a document without a record is simply
//! read again by the next ingest. Every other file (a changed file, or one
//! whose graphs another file produced) goes through a transaction that
//! replaces what it stored before (`write`), several files per transaction.
//!
//! Input: source updates, one at a time. Output: a store whose default
//! graph is the merge of its article, issue and reference graphs.

use super::write::{is_merged, record_quads};
use super::{KgStore, SourceUpdate, StoreError};
use crate::vocab::node;
use oxigraph::model::{GraphName, GraphNameRef, Quad};
use oxigraph::store::BulkLoader;
use std::collections::HashSet;

/// How much each path holds before it writes.
#[derive(Clone, Copy, Debug)]
pub struct WriteLimits {
    /// Files per transaction…
    pub batch_files: usize,
    /// …and about this many quads per transaction.
    pub batch_quads: usize,
    /// About this many quads per bulk commit (0: no bulk loading).
    pub bulk_quads: usize,
    /// Quads gathered before the bulk loader sorts them into one set of
    /// files: every call of the loader writes its own files (one per
    /// index), and RocksDB compacts every file it is given, so files of
    /// one source each would cost more than the loading itself.
    pub bulk_batch: usize,
}

/// Writes source files, choosing the bulk loader for new ones.
pub struct SourceWriter<'a> {
    store: &'a KgStore,
    limits: WriteLimits,
    bulk: Option<BulkLoader<'a>>,
    /// Quads of new files not yet given to `bulk`.
    bulk_buffer: Vec<Quad>,
    bulk_quads: usize,
    batch: Vec<SourceUpdate>,
    batch_quads: usize,
    /// Graphs written by `bulk` or `batch` but not yet in the store.
    pending: HashSet<String>,
    /// Files that went through the bulk loader.
    pub bulk_files: usize,
}

impl KgStore {
    /// A writer for many source files; call `finish` to store the last ones.
    pub fn source_writer(&self, limits: WriteLimits) -> SourceWriter<'_> {
        SourceWriter {
            store: self,
            limits,
            bulk: None,
            bulk_buffer: Vec::new(),
            bulk_quads: 0,
            batch: Vec::new(),
            batch_quads: 0,
            pending: HashSet::new(),
            bulk_files: 0,
        }
    }

    fn contains_graph(&self, graph: &str) -> Result<bool, StoreError> {
        Ok(self.store.contains_named_graph(node(graph).as_ref())?)
    }
}

impl SourceWriter<'_> {
    /// Takes one source file; writes when a batch or a bulk commit is full.
    pub fn add(&mut self, source: SourceUpdate) -> Result<(), StoreError> {
        if source
            .graphs
            .iter()
            .any(|g| self.pending.contains(&g.graph))
        {
            // Another file of this run produced one of these graphs: store
            // it first, so this file replaces it as a transaction would.
            self.flush()?;
        }
        self.pending
            .extend(source.graphs.iter().map(|g| g.graph.clone()));
        if self.limits.bulk_quads > 0 && self.is_new(&source)? {
            self.add_bulk(&source)
        } else {
            self.batch_quads += source.graphs.iter().map(|g| g.quads.len()).sum::<usize>();
            self.batch.push(source);
            if self.batch.len() >= self.limits.batch_files
                || self.batch_quads >= self.limits.batch_quads
            {
                self.write_batch()?;
            }
            Ok(())
        }
    }

    /// Stores everything taken so far.
    pub fn finish(mut self) -> Result<(), StoreError> {
        self.flush()
    }

    fn is_new(&self, source: &SourceUpdate) -> Result<bool, StoreError> {
        if self.store.source_hash(&source.path)?.is_some() {
            return Ok(false);
        }
        for graph in &source.graphs {
            if self.store.contains_graph(&graph.graph)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn add_bulk(&mut self, source: &SourceUpdate) -> Result<(), StoreError> {
        let before = self.bulk_buffer.len();
        let quads = &mut self.bulk_buffer;
        for update in &source.graphs {
            let graph = GraphName::NamedNode(node(&update.graph));
            let merged = is_merged(&update.graph);
            for quad in &update.quads {
                if merged {
                    quads.push(Quad::new(
                        quad.subject.clone(),
                        quad.predicate.clone(),
                        quad.object.clone(),
                        GraphNameRef::DefaultGraph,
                    ));
                }
                quads.push(Quad {
                    graph_name: graph.clone(),
                    ..quad.clone()
                });
            }
        }
        quads.extend(record_quads(source));
        self.bulk_quads += quads.len() - before;
        self.bulk_files += 1;
        if self.bulk_quads >= self.limits.bulk_quads {
            self.flush()
        } else if self.bulk_buffer.len() >= self.limits.bulk_batch {
            self.load_buffer()
        } else {
            Ok(())
        }
    }

    /// Gives the gathered quads to the loader, whose background thread
    /// sorts them into files while extraction goes on.
    fn load_buffer(&mut self) -> Result<(), StoreError> {
        if self.bulk_buffer.is_empty() {
            return Ok(());
        }
        let quads = std::mem::take(&mut self.bulk_buffer);
        let store = &self.store.store;
        let batch = quads.len().max(self.limits.bulk_batch) * 2;
        self.bulk
            .get_or_insert_with(|| {
                // One background thread; a batch is never split.
                store
                    .bulk_loader()
                    .with_num_threads(1)
                    .with_max_memory_size_in_megabytes(batch / 1000 + 1)
            })
            .load_quads(quads)?;
        Ok(())
    }

    fn commit_bulk(&mut self) -> Result<(), StoreError> {
        self.load_buffer()?;
        if let Some(loader) = self.bulk.take() {
            loader.commit()?;
        }
        self.bulk_quads = 0;
        Ok(())
    }

    fn write_batch(&mut self) -> Result<(), StoreError> {
        if !self.batch.is_empty() {
            self.store.write_sources(&self.batch)?;
        }
        self.batch.clear();
        self.batch_quads = 0;
        // Graphs of a bulk load not yet committed stay pending.
        if self.bulk.is_none() {
            self.pending.clear();
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), StoreError> {
        self.commit_bulk()?;
        self.write_batch()?;
        self.pending.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::write::tests::{TRIPLES, count, source};
    use super::*;

    fn limits(bulk_quads: usize, bulk_batch: usize) -> WriteLimits {
        WriteLimits {
            batch_files: 2,
            batch_quads: 5_000,
            bulk_quads,
            bulk_batch,
        }
    }

    /// Every quad of the store, sorted, as text.
    fn dump(store: &KgStore) -> Vec<String> {
        let mut quads: Vec<String> = store.store.iter().map(|q| q.unwrap().to_string()).collect();
        quads.sort();
        quads
    }

    fn write_all(store: &KgStore, bulk_quads: usize, sources: Vec<SourceUpdate>) -> usize {
        write_in_batches(store, bulk_quads, 3, sources)
    }

    fn write_in_batches(
        store: &KgStore,
        bulk_quads: usize,
        bulk_batch: usize,
        sources: Vec<SourceUpdate>,
    ) -> usize {
        let mut writer = store.source_writer(limits(bulk_quads, bulk_batch));
        for s in sources {
            writer.add(s).unwrap();
        }
        let bulk = writer.bulk_files;
        writer.finish().unwrap();
        bulk
    }

    fn corpus() -> Vec<SourceUpdate> {
        vec![
            source(
                "a.txt",
                &[("a-01", &["甲公司", "乙公司"]), ("a-02", &["丙公司"])],
            ),
            source("b.txt", &[("b-01", &["甲公司"])]),
            source("c.txt", &[("c-01", &["丁公司", "乙公司"])]),
        ]
    }

    #[test]
    fn new_files_loaded_in_bulk_give_the_quads_transactions_give() {
        let bulk = KgStore::in_memory().unwrap();
        assert_eq!(write_all(&bulk, 4, corpus()), 3);
        let transactions = KgStore::in_memory().unwrap();
        assert_eq!(write_all(&transactions, 0, corpus()), 0);
        assert_eq!(dump(&bulk), dump(&transactions));
        assert_eq!(count(&bulk, TRIPLES), 4);
        assert!(bulk.check_merge(10).unwrap().is_exact());
        assert_eq!(
            bulk.source_hash("b.txt").unwrap().as_deref(),
            Some("hash-b.txt")
        );
    }

    #[test]
    fn batches_of_any_size_give_the_same_store() {
        let reference = KgStore::in_memory().unwrap();
        write_all(&reference, 0, corpus());
        // One quad per batch, a batch per file or so, all files in one batch.
        for bulk_batch in [1, 40, 1_000_000] {
            let store = KgStore::in_memory().unwrap();
            assert_eq!(write_in_batches(&store, 1_000_000, bulk_batch, corpus()), 3);
            assert_eq!(dump(&store), dump(&reference), "batch {bulk_batch}");
        }
    }

    #[test]
    fn a_known_file_replaces_what_it_stored() {
        let store = KgStore::in_memory().unwrap();
        write_all(&store, 100, corpus());
        // a.txt changed: it no longer names 甲公司 nor has a second article.
        let changed = vec![source("a.txt", &[("a-01", &["乙公司"])])];
        assert_eq!(write_all(&store, 100, changed), 0);
        let expected = KgStore::in_memory().unwrap();
        write_all(
            &expected,
            0,
            vec![
                source("a.txt", &[("a-01", &["乙公司"])]),
                source("b.txt", &[("b-01", &["甲公司"])]),
                source("c.txt", &[("c-01", &["丁公司", "乙公司"])]),
            ],
        );
        assert_eq!(dump(&store), dump(&expected));
        assert!(store.check_merge(10).unwrap().is_exact());
    }

    #[test]
    fn a_graph_two_files_of_one_run_produce_ends_as_the_later_file_states_it() {
        let twice = || {
            vec![
                source("a.txt", &[("x-01", &["甲公司"])]),
                source("a-copy.txt", &[("x-01", &["乙公司"])]),
            ]
        };
        let bulk = KgStore::in_memory().unwrap();
        // The first goes in bulk; the second must replace it, not add to it.
        assert_eq!(write_all(&bulk, 100, twice()), 1);
        let transactions = KgStore::in_memory().unwrap();
        write_all(&transactions, 0, twice());
        assert_eq!(dump(&bulk), dump(&transactions));
        assert_eq!(count(&bulk, TRIPLES), 1);
        assert!(bulk.check_merge(10).unwrap().is_exact());
    }

    #[cfg(feature = "rocksdb")]
    #[test]
    fn files_of_a_killed_bulk_load_are_removed_when_the_store_opens() {
        let dir = tempfile::tempdir().unwrap();
        drop(KgStore::open(dir.path()).unwrap());
        let stale = dir.path().join("bulk-123.sst");
        std::fs::write(&stale, b"half a file").unwrap();
        let store = KgStore::open(dir.path()).unwrap();
        assert!(!stale.exists());
        write_all(&store, 100, corpus());
        assert_eq!(count(&store, TRIPLES), 4);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("bulk-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}
