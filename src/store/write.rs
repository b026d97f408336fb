//! Writes to the store. Each call is one transaction: a document's named
//! graphs replace what it stored before, the record of its source file
//! (content hash, graphs produced) is updated, and the default graph stays
//! equal to the union, as a set, of the article, issue and reference graphs
//! (the knowledge graph queries see: each fact once).
//!
//! Input: graphs and source records. Output: a store whose invariant
//! `check_merge` verifies.

use super::{KgStore, StoreError};
use crate::vocab::{self, node, term};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, QuadRef,
    Term, TermRef, Triple,
};
use oxigraph::store::Transaction;
use std::collections::HashSet;

/// A graph to replace: its name and its new quads (all in that graph).
pub struct GraphUpdate {
    pub graph: String,
    pub quads: Vec<Quad>,
}

/// One source file's new content: where it was read, the hash of what was
/// read (content and extractor), and every graph it produces.
pub struct SourceUpdate {
    pub path: String,
    pub hash: String,
    pub graphs: Vec<GraphUpdate>,
}

/// What `check_merge` found: triples of the merged graphs missing from the
/// default graph, and default-graph triples no merged graph states.
#[derive(Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct MergeReport {
    pub default_triples: usize,
    pub missing: Vec<String>,
    pub extra: Vec<String>,
}

impl MergeReport {
    pub fn is_exact(&self) -> bool {
        self.missing.is_empty() && self.extra.is_empty()
    }
}

/// Whether a named graph belongs to the merge that is the default graph.
pub fn is_merged(graph: &str) -> bool {
    vocab::merged_graph_prefixes()
        .iter()
        .any(|p| graph.starts_with(p.as_str()))
}

/// SPARQL update operations that make the default graph the union of the
/// merged graphs again, to end an update request that changed named graphs
/// directly (curation): runs in the same transaction as the request.
pub fn remerge_operations() -> String {
    let filter = vocab::merged_graph_prefixes()
        .iter()
        .map(|p| format!("STRSTARTS(STR(?g), \"{p}\")"))
        .collect::<Vec<_>>()
        .join(" || ");
    format!(
        "DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({filter}) }} }} ;\n\
         INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({filter}) }}"
    )
}

fn is_merged_name(graph: &GraphName) -> bool {
    matches!(graph, GraphName::NamedNode(n) if is_merged(n.as_str()))
}

fn source_node(path: &str) -> NamedNode {
    node(&vocab::source_iri(&crate::hash::hex(path.as_bytes())))
}

impl KgStore {
    /// The content hash recorded for a source file, if it was ingested.
    pub fn source_hash(&self, path: &str) -> Result<Option<String>, StoreError> {
        let sources = node(&vocab::sources_graph());
        let hash = node(term::CONTENT_HASH);
        let found = self
            .store
            .quads_for_pattern(
                Some(source_node(path).as_ref().into()),
                Some(hash.as_ref()),
                None,
                Some(GraphNameRef::NamedNode(sources.as_ref())),
            )
            .next()
            .transpose()?;
        Ok(found.and_then(|q| match q.object {
            Term::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        }))
    }

    /// Stores several source files in one transaction.
    pub fn write_sources(&self, sources: &[SourceUpdate]) -> Result<(), StoreError> {
        let mut tx = self.store.start_transaction()?;
        let mut retracted = Vec::new();
        for source in sources {
            write_source(&mut tx, source, &mut retracted)?;
        }
        drop_unstated(&mut tx, retracted)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a source file's graphs (those no other source produces) and
    /// its record. Returns whether the store knew the file.
    pub fn remove_source(&self, path: &str) -> Result<bool, StoreError> {
        let mut tx = self.store.start_transaction()?;
        let record = source_node(path);
        let old = produced_graphs(&tx, &record)?;
        let known = !old.is_empty() || self.source_hash(path)?.is_some();
        let mut retracted = Vec::new();
        for graph in &old {
            if !produced_elsewhere(&tx, graph, &record)? {
                replace_graph(&mut tx, graph.as_ref(), &[], &mut retracted)?;
                tx.remove_named_graph(graph)?;
            }
        }
        clear_record(&mut tx, &record)?;
        drop_unstated(&mut tx, retracted)?;
        tx.commit()?;
        Ok(known)
    }

    /// In one transaction: removes the named graphs `remove`, then replaces
    /// each graph of `updates`, keeping the default graph merged.
    pub fn replace_graphs(
        &self,
        remove: &[String],
        updates: Vec<GraphUpdate>,
    ) -> Result<(), StoreError> {
        let mut tx = self.store.start_transaction()?;
        let mut retracted = Vec::new();
        for graph in remove {
            let name = node(graph);
            replace_graph(&mut tx, name.as_ref(), &[], &mut retracted)?;
            tx.remove_named_graph(&name)?;
        }
        for update in &updates {
            replace_graph(
                &mut tx,
                node(&update.graph).as_ref(),
                &update.quads,
                &mut retracted,
            )?;
        }
        drop_unstated(&mut tx, retracted)?;
        tx.commit()?;
        Ok(())
    }

    /// In one transaction, gives every fact about or pointing to each
    /// `from` node (in every graph, the default graph too, so the merge
    /// stays exact) to its `to` node; the old label becomes an alias.
    /// Returns the number of facts moved.
    pub fn rename_nodes(&self, renames: &[(String, String)]) -> Result<usize, StoreError> {
        if renames.is_empty() {
            return Ok(0);
        }
        let label = node(term::RDFS_LABEL);
        let alias = node(term::SKOS_ALT_LABEL);
        let mut tx = self.store.start_transaction()?;
        let mut moved = 0;
        for (from, to) in renames {
            let (from, to) = (node(from), node(to));
            let mut quads: Vec<Quad> = tx
                .quads_for_pattern(Some(from.as_ref().into()), None, None, None)
                .collect::<Result<_, _>>()?;
            quads.extend(
                tx.quads_for_pattern(None, None, Some(from.as_ref().into()), None)
                    .collect::<Result<Vec<_>, _>>()?,
            );
            for quad in quads {
                tx.remove(quad.as_ref());
                let mut new = quad.clone();
                if new.subject == NamedOrBlankNode::NamedNode(from.clone()) {
                    new.subject = to.clone().into();
                    if new.predicate == label {
                        new.predicate = alias.clone();
                    }
                }
                if new.object == Term::NamedNode(from.clone()) {
                    new.object = to.clone().into();
                }
                tx.insert(new.as_ref());
                moved += 1;
            }
        }
        tx.commit()?;
        Ok(moved)
    }

    /// Verifies that the default graph is exactly the union, as a set, of
    /// the article, issue and reference graphs. Streams; memory stays small.
    pub fn check_merge(&self, limit: usize) -> Result<MergeReport, StoreError> {
        let mut report = MergeReport::default();
        let default = GraphNameRef::DefaultGraph;
        for quad in self
            .store
            .quads_for_pattern(None, None, None, Some(default))
        {
            let quad = quad?;
            report.default_triples += 1;
            let stated = self
                .store
                .quads_for_pattern(
                    Some(quad.subject.as_ref()),
                    Some(quad.predicate.as_ref()),
                    Some(quad.object.as_ref()),
                    None,
                )
                .filter_map(Result::ok)
                .any(|q| is_merged_name(&q.graph_name));
            if !stated && report.extra.len() < limit {
                report.extra.push(Triple::from(quad).to_string());
            }
        }
        for quad in self.store.iter() {
            let quad = quad?;
            if !is_merged_name(&quad.graph_name) {
                continue;
            }
            let in_default = self.store.contains(QuadRef::new(
                quad.subject.as_ref(),
                quad.predicate.as_ref(),
                quad.object.as_ref(),
                default,
            ))?;
            if !in_default && report.missing.len() < limit {
                report.missing.push(Triple::from(quad).to_string());
            }
        }
        Ok(report)
    }
}

/// Replaces one source's graphs and record; graphs it produced before and
/// no longer does are removed unless another source produces them.
fn write_source(
    tx: &mut Transaction<'_>,
    source: &SourceUpdate,
    retracted: &mut Vec<Triple>,
) -> Result<(), StoreError> {
    let record = source_node(&source.path);
    let new: HashSet<&str> = source.graphs.iter().map(|g| g.graph.as_str()).collect();
    for old in produced_graphs(tx, &record)? {
        if !new.contains(old.as_str()) && !produced_elsewhere(tx, &old, &record)? {
            replace_graph(tx, old.as_ref(), &[], retracted)?;
            tx.remove_named_graph(&old)?;
        }
    }
    for update in &source.graphs {
        replace_graph(tx, node(&update.graph).as_ref(), &update.quads, retracted)?;
    }
    clear_record(tx, &record)?;
    for quad in record_quads(source) {
        tx.insert(&quad);
    }
    tx.insert_named_graph(node(&vocab::sources_graph()).as_ref());
    Ok(())
}

/// The record of a source file in the sources graph: its path, content
/// hash and the graphs it produced.
pub(super) fn record_quads(source: &SourceUpdate) -> Vec<Quad> {
    let record = source_node(&source.path);
    let sources = GraphName::NamedNode(node(&vocab::sources_graph()));
    let fact = |p: &str, o: Term| Quad::new(record.clone(), node(p), o, sources.clone());
    let mut quads = vec![
        fact(term::RDF_TYPE, node(term::SOURCE).into()),
        fact(
            term::SOURCE_PATH,
            Literal::new_simple_literal(&source.path).into(),
        ),
        fact(
            term::CONTENT_HASH,
            Literal::new_simple_literal(&source.hash).into(),
        ),
    ];
    for update in &source.graphs {
        quads.push(fact(term::PRODUCED_GRAPH, node(&update.graph).into()));
    }
    quads
}

fn produced_graphs(tx: &Transaction<'_>, record: &NamedNode) -> Result<Vec<NamedNode>, StoreError> {
    let produced = node(term::PRODUCED_GRAPH);
    let sources = node(&vocab::sources_graph());
    let mut graphs = Vec::new();
    for quad in tx.quads_for_pattern(
        Some(record.as_ref().into()),
        Some(produced.as_ref()),
        None,
        Some(GraphNameRef::NamedNode(sources.as_ref())),
    ) {
        if let Term::NamedNode(g) = quad?.object {
            graphs.push(g);
        }
    }
    Ok(graphs)
}

fn produced_elsewhere(
    tx: &Transaction<'_>,
    graph: &NamedNode,
    record: &NamedNode,
) -> Result<bool, StoreError> {
    let produced = node(term::PRODUCED_GRAPH);
    let sources = node(&vocab::sources_graph());
    for quad in tx.quads_for_pattern(
        None,
        Some(produced.as_ref()),
        Some(TermRef::NamedNode(graph.as_ref())),
        Some(GraphNameRef::NamedNode(sources.as_ref())),
    ) {
        if quad?.subject != NamedOrBlankNode::NamedNode(record.clone()) {
            return Ok(true);
        }
    }
    Ok(false)
}

fn clear_record(tx: &mut Transaction<'_>, record: &NamedNode) -> Result<(), StoreError> {
    let sources = node(&vocab::sources_graph());
    let old: Vec<Quad> = tx
        .quads_for_pattern(
            Some(record.as_ref().into()),
            None,
            None,
            Some(GraphNameRef::NamedNode(sources.as_ref())),
        )
        .collect::<Result<_, _>>()?;
    for quad in &old {
        tx.remove(quad);
    }
    Ok(())
}

/// Makes `graph` hold exactly `quads` (given in any graph; they are put in
/// `graph`). Triples it no longer states go to `retracted`; for a merged
/// graph, new triples enter the default graph.
fn replace_graph(
    tx: &mut Transaction<'_>,
    graph: NamedNodeRef<'_>,
    quads: &[Quad],
    retracted: &mut Vec<Triple>,
) -> Result<(), StoreError> {
    let merged = is_merged(graph.as_str());
    let name = GraphNameRef::NamedNode(graph);
    let old: HashSet<Triple> = tx
        .quads_for_pattern(None, None, None, Some(name))
        .map(|q| q.map(Triple::from))
        .collect::<Result<_, _>>()?;
    let mut new: HashSet<Triple> = HashSet::with_capacity(quads.len());
    for quad in quads {
        let triple = Triple::new(
            quad.subject.clone(),
            quad.predicate.clone(),
            quad.object.clone(),
        );
        if old.contains(&triple) || new.contains(&triple) {
            new.insert(triple);
            continue;
        }
        tx.insert(in_graph(&triple, name));
        if merged {
            tx.insert(in_graph(&triple, GraphNameRef::DefaultGraph));
        }
        new.insert(triple);
    }
    for triple in old {
        if !new.contains(&triple) {
            tx.remove(in_graph(&triple, name));
            if merged {
                retracted.push(triple);
            }
        }
    }
    tx.insert_named_graph(graph);
    Ok(())
}

/// A triple as a quad of `graph`.
fn in_graph<'a>(triple: &'a Triple, graph: GraphNameRef<'a>) -> QuadRef<'a> {
    QuadRef::new(
        triple.subject.as_ref(),
        triple.predicate.as_ref(),
        triple.object.as_ref(),
        graph,
    )
}

/// Removes from the default graph each retracted triple that no merged
/// graph states any more.
fn drop_unstated(tx: &mut Transaction<'_>, retracted: Vec<Triple>) -> Result<(), StoreError> {
    for triple in retracted {
        let stated = tx
            .quads_for_pattern(
                Some(triple.subject.as_ref()),
                Some(triple.predicate.as_ref()),
                Some(triple.object.as_ref()),
                None,
            )
            .filter_map(Result::ok)
            .any(|q| is_merged_name(&q.graph_name));
        if !stated {
            tx.remove(in_graph(&triple, GraphNameRef::DefaultGraph));
        }
    }
    Ok(())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::store) fn fact(s: &str, o: &str, graph: &str) -> Quad {
        Quad::new(
            node(&format!("{}firm/{s}", vocab::FTZR)),
            node(term::RDFS_LABEL),
            Literal::new_simple_literal(o),
            node(graph),
        )
    }

    pub(in crate::store) fn article(id: &str) -> String {
        vocab::article_iri(id)
    }

    pub(in crate::store) fn count(store: &KgStore, sparql: &str) -> usize {
        let (_, rows) = store.select(sparql).unwrap();
        rows[0][0].parse().unwrap()
    }

    pub(in crate::store) fn source(path: &str, graphs: &[(&str, &[&str])]) -> SourceUpdate {
        SourceUpdate {
            path: path.into(),
            hash: format!("hash-{path}"),
            graphs: graphs
                .iter()
                .map(|(g, labels)| GraphUpdate {
                    graph: article(g),
                    quads: labels.iter().map(|l| fact(l, l, &article(g))).collect(),
                })
                .collect(),
        }
    }

    pub(in crate::store) const TRIPLES: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

    #[test]
    fn a_fact_stated_by_two_articles_is_one_triple_of_the_default_graph() {
        let store = KgStore::in_memory().unwrap();
        store
            .write_sources(&[
                source("a.txt", &[("a-01", &["甲公司", "乙公司"])]),
                source("b.txt", &[("b-01", &["甲公司"])]),
            ])
            .unwrap();
        assert_eq!(count(&store, TRIPLES), 2);
        assert_eq!(
            count(
                &store,
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
            ),
            3 + 2 * 4 // the article quads, and two source records of 4 quads
        );
        assert!(store.check_merge(10).unwrap().is_exact());
    }

    #[test]
    fn a_fact_leaves_the_default_graph_only_with_its_last_article() {
        let store = KgStore::in_memory().unwrap();
        store
            .write_sources(&[
                source("a.txt", &[("a-01", &["甲公司", "乙公司"])]),
                source("b.txt", &[("b-01", &["甲公司"])]),
            ])
            .unwrap();
        // a.txt now states only 乙公司: 甲公司 is still stated by b.txt.
        store
            .write_sources(&[source("a.txt", &[("a-01", &["乙公司"])])])
            .unwrap();
        assert_eq!(count(&store, TRIPLES), 2);
        assert!(store.remove_source("b.txt").unwrap());
        assert_eq!(count(&store, TRIPLES), 1);
        assert!(store.check_merge(10).unwrap().is_exact());
        assert!(!store.remove_source("nowhere.txt").unwrap());
    }

    #[test]
    fn graphs_a_source_no_longer_produces_are_removed() {
        let store = KgStore::in_memory().unwrap();
        store
            .write_sources(&[source(
                "a.txt",
                &[("a-01", &["甲公司"]), ("a-02", &["丙公司"])],
            )])
            .unwrap();
        store
            .write_sources(&[source("a.txt", &[("a-01", &["甲公司"])])])
            .unwrap();
        let graphs = store.graphs().unwrap();
        assert!(graphs.contains(&article("a-01")));
        assert!(!graphs.contains(&article("a-02")), "{graphs:?}");
        assert_eq!(count(&store, TRIPLES), 1);
        assert_eq!(
            store.source_hash("a.txt").unwrap().as_deref(),
            Some("hash-a.txt")
        );
    }

    #[test]
    fn the_check_reports_a_broken_merge() {
        let store = KgStore::in_memory().unwrap();
        store
            .write_sources(&[source("a.txt", &[("a-01", &["甲公司"])])])
            .unwrap();
        let stray = fact("丁公司", "丁公司", &article("x"));
        store
            .store
            .insert(QuadRef::new(
                stray.subject.as_ref(),
                stray.predicate.as_ref(),
                stray.object.as_ref(),
                GraphNameRef::DefaultGraph,
            ))
            .unwrap();
        let report = store.check_merge(10).unwrap();
        assert_eq!(report.extra.len(), 1);
        assert!(report.extra[0].contains("丁公司"));
        assert!(report.missing.is_empty());
    }
}
