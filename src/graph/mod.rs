//! The knowledge graph as a petgraph graph, read from the store through
//! SPARQL only.
//!
//! Input: a `KgStore` and a `Filter` (classes, properties, zone, article,
//! issue, date range, focus entity and depth). Output: a `Projection`, a
//! directed graph whose nodes are entities (class, label, aliases) and whose
//! edges are relations (property, evidence sentences, articles, issue dates).
//! `export` writes it for people and tools, `trace`, `links` and `analysis`
//! answer questions about it.

pub mod analysis;
pub mod documents;
pub mod export;
pub mod links;
pub mod overview;
mod query;
pub mod replication;
pub mod resolve;
pub mod style;
pub mod svg;
pub mod timeline;
pub mod trace;
pub mod tree;
pub mod view;

use crate::model::{Class, Property};
use crate::store::StoreError;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

pub use query::{project, zone_provinces};

/// Errors of graph building and of the questions asked of it.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("nothing in the store is named `{name}` ({what})")]
    NotFound { name: String, what: String },
    #[error("`{name}` is ambiguous; it matches:\n{}", .candidates.iter().map(|c| format!("  {c}")).collect::<Vec<_>>().join("\n"))]
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
    #[error("`{0}` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate(String),
    #[error("unexpected value in the store: {0}")]
    Data(String),
    #[error("no path links {from} and {to} in this graph")]
    NoPath { from: String, to: String },
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
}

/// What a node is: an entity of a contract class, or an article (only when
/// `ftz:mentions` edges are asked for).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Kind {
    Entity(Class),
    Article,
}

impl Kind {
    /// Local name of the class (`Area`, `Article`).
    pub fn local_name(self) -> &'static str {
        match self {
            Kind::Entity(c) => c.local_name(),
            Kind::Article => "Article",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Kind::Entity(c) => c.label_zh(),
            Kind::Article => "文章",
        }
    }

    pub fn class(self) -> Option<Class> {
        match self {
            Kind::Entity(c) => Some(c),
            Kind::Article => None,
        }
    }

    pub fn is_zone(self) -> bool {
        self.class().is_some_and(Class::is_zone)
    }
}

/// An entity (or article) node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Node {
    pub iri: String,
    pub kind: Kind,
    pub label: String,
    pub aliases: Vec<String>,
}

impl Node {
    pub fn new(iri: &str, kind: Kind, label: &str) -> Self {
        Node {
            iri: iri.to_owned(),
            kind,
            label: label.to_owned(),
            aliases: Vec::new(),
        }
    }
}

/// One sentence that states a relation, with where and when it was printed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Evidence {
    /// Issue date of the article (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    pub article: String,
    pub article_title: String,
    pub sentence: String,
}

/// A relation edge: its property and everything that states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edge {
    pub property: Property,
    /// Evidence sentences, sorted by date then article.
    pub evidence: Vec<Evidence>,
    /// Articles whose graph states the relation (IRIs).
    pub articles: BTreeSet<String>,
    /// Issue dates of those articles.
    pub dates: BTreeSet<String>,
    /// True when only the reference graph states it (no evidence).
    pub reference: bool,
}

impl Edge {
    pub fn new(property: Property) -> Self {
        Edge {
            property,
            evidence: Vec::new(),
            articles: BTreeSet::new(),
            dates: BTreeSet::new(),
            reference: false,
        }
    }

    pub fn evidence_count(&self) -> usize {
        self.evidence.len()
    }

    /// The first date the relation was printed.
    pub fn first_date(&self) -> Option<&str> {
        self.dates.iter().next().map(String::as_str)
    }
}

/// The graph type of every projection.
pub type KgGraph = DiGraph<Node, Edge>;

/// A projection of the store: the graph and an index from IRI to node.
#[derive(Clone, Debug, Default)]
pub struct Projection {
    pub graph: KgGraph,
    index: HashMap<String, NodeIndex>,
}

impl Projection {
    /// Builds a projection from nodes and `(subject, object, edge)` triples
    /// given by IRI; nodes are ordered by class then label, edges by ends.
    pub fn from_parts(mut nodes: Vec<Node>, mut edges: Vec<(String, String, Edge)>) -> Self {
        nodes.sort_by(|a, b| (a.kind, &a.label, &a.iri).cmp(&(b.kind, &b.label, &b.iri)));
        nodes.dedup_by(|a, b| a.iri == b.iri);
        let mut graph = KgGraph::new();
        let mut index = HashMap::new();
        for node in nodes {
            let iri = node.iri.clone();
            index.insert(iri, graph.add_node(node));
        }
        edges.sort_by(|a, b| (&a.0, a.2.property, &a.1).cmp(&(&b.0, b.2.property, &b.1)));
        for (s, o, edge) in edges {
            if let (Some(&a), Some(&b)) = (index.get(&s), index.get(&o)) {
                graph.add_edge(a, b, edge);
            }
        }
        Projection { graph, index }
    }

    pub fn node(&self, iri: &str) -> Option<NodeIndex> {
        self.index.get(iri).copied()
    }

    /// The sub-projection of nodes and edges that pass both tests; an edge
    /// is kept only when both its ends are.
    pub fn subgraph(
        &self,
        keep_node: impl Fn(NodeIndex, &Node) -> bool,
        keep_edge: impl Fn(&Node, &Edge, &Node) -> bool,
    ) -> Projection {
        let g = &self.graph;
        let nodes: Vec<Node> = g
            .node_indices()
            .filter(|&n| keep_node(n, &g[n]))
            .map(|n| g[n].clone())
            .collect();
        let edges = g
            .edge_references()
            .filter(|e| keep_edge(&g[e.source()], e.weight(), &g[e.target()]))
            .map(|e| {
                (
                    g[e.source()].iri.clone(),
                    g[e.target()].iri.clone(),
                    e.weight().clone(),
                )
            })
            .collect();
        Projection::from_parts(nodes, edges)
    }

    /// Nodes within `depth` steps of any seed, edges followed both ways.
    pub fn within(&self, seeds: &[NodeIndex], depth: usize) -> HashSet<NodeIndex> {
        let mut seen: HashSet<NodeIndex> = seeds.iter().copied().collect();
        let mut queue: VecDeque<(NodeIndex, usize)> = seeds.iter().map(|&s| (s, 0)).collect();
        while let Some((n, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            for m in self.graph.neighbors_undirected(n) {
                if seen.insert(m) {
                    queue.push_back((m, d + 1));
                }
            }
        }
        seen
    }

    /// The neighbourhood of the seeds to `depth`, as a projection.
    pub fn neighbourhood(&self, seeds: &[NodeIndex], depth: usize) -> Projection {
        let keep = self.within(seeds, depth);
        self.subgraph(|n, _| keep.contains(&n), |_, _, _| true)
    }

    /// Drops nodes without any edge.
    pub fn without_isolated(&self) -> Projection {
        self.subgraph(
            |n, _| self.graph.neighbors_undirected(n).next().is_some(),
            |_, _, _| true,
        )
    }

    /// A zone and everything that is `partOf` it, directly or not.
    pub fn zone_and_parts(&self, zone: NodeIndex) -> Vec<NodeIndex> {
        let mut out = vec![zone];
        let mut i = 0;
        while i < out.len() {
            let parent = out[i];
            for e in self
                .graph
                .edges_directed(parent, petgraph::Direction::Incoming)
            {
                if e.weight().property == Property::PartOf && !out.contains(&e.source()) {
                    out.push(e.source());
                }
            }
            i += 1;
        }
        out
    }

    /// Number of nodes of each class.
    pub fn class_counts(&self) -> BTreeMap<Kind, usize> {
        let mut counts = BTreeMap::new();
        for n in self.graph.node_weights() {
            *counts.entry(n.kind).or_insert(0) += 1;
        }
        counts
    }
}

/// What to project. Empty lists mean "all".
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub classes: Vec<Class>,
    pub properties: Vec<Property>,
    /// Only this zone (name), its parts and their direct links.
    pub zone: Option<String>,
    /// Only relations stated in these articles (IRI, id or part of the title).
    pub articles: Vec<String>,
    /// Only relations stated in these issues (IRI, id, or issue number).
    pub issues: Vec<String>,
    /// Only relations printed on or after this date (YYYY[-MM[-DD]]).
    pub from: Option<String>,
    /// Only relations printed on or before this date.
    pub to: Option<String>,
    /// Only the neighbourhood of this entity (name) …
    pub focus: Option<String>,
    /// … to this depth (default 1).
    pub depth: Option<usize>,
    /// Include `ftz:mentions` edges (article → entity).
    pub mentions: bool,
    /// Leave out facts stated only by the reference graph.
    pub no_reference: bool,
    /// Leave out nodes without edges.
    pub connected_only: bool,
}

impl Filter {
    /// True when some filter restricts which articles count.
    pub fn restricts_articles(&self) -> bool {
        !self.articles.is_empty()
            || !self.issues.is_empty()
            || self.from.is_some()
            || self.to.is_some()
    }

    /// Checks that the date bounds are dates.
    pub fn check_dates(&self) -> Result<(), GraphError> {
        for date in [&self.from, &self.to].into_iter().flatten() {
            if !valid_date_prefix(date) {
                return Err(GraphError::BadDate(date.clone()));
            }
        }
        Ok(())
    }

    /// Whether an issue date lies within `from ..= to` (compared at the
    /// precision given: `--to 2024-06` keeps all of June).
    pub fn date_in_range(&self, date: Option<&str>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(date) = date else { return false };
        let after = self
            .from
            .as_deref()
            .is_none_or(|f| date[..f.len().min(date.len())] >= *f);
        let before = self
            .to
            .as_deref()
            .is_none_or(|t| date[..t.len().min(date.len())] <= *t);
        after && before
    }
}

fn valid_date_prefix(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let widths = [4, 2, 2];
    !parts.is_empty()
        && parts.len() <= 3
        && parts
            .iter()
            .zip(widths)
            .all(|(p, w)| p.len() == w && p.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A hand-built projection: 南京片区 created 无感续证, 苏州片区 and
    /// 哈尔滨片区 copied it, it was selected as a best practice; 证照联办
    /// started in 哈尔滨片区; both areas are part of their zones.
    pub fn sample() -> Projection {
        let n = |slug: &str, class: Class, label: &str| {
            Node::new(&format!("x:{slug}"), Kind::Entity(class), label)
        };
        let nodes = vec![
            n("nj", Class::Area, "中国（江苏）自由贸易试验区南京片区"),
            n("sz", Class::Area, "中国（江苏）自由贸易试验区苏州片区"),
            n("hrb", Class::Area, "中国（黑龙江）自由贸易试验区哈尔滨片区"),
            n("js", Class::FreeTradeZone, "中国（江苏）自由贸易试验区"),
            n("wg", Class::Practice, "无感续证"),
            n("zz", Class::Practice, "证照联办"),
            n(
                "best",
                Class::Recognition,
                "全国第五批自贸试验区最佳实践案例",
            ),
            n("lonely", Class::Place, "越南"),
        ];
        let e = |s: &str, p: Property, o: &str, date: &str, sentence: &str| {
            let mut edge = Edge::new(p);
            edge.articles.insert("x:a1".into());
            edge.dates.insert(date.into());
            edge.evidence.push(Evidence {
                date: Some(date.into()),
                article: "x:a1".into(),
                article_title: "测试文章".into(),
                sentence: sentence.into(),
            });
            (format!("x:{s}"), format!("x:{o}"), edge)
        };
        let mut part_of = Edge::new(Property::PartOf);
        part_of.reference = true;
        let edges = vec![
            e(
                "wg",
                Property::OriginatedIn,
                "nj",
                "2024-01-15",
                "南京片区首创“无感续证”。",
            ),
            e(
                "wg",
                Property::ReplicatedIn,
                "sz",
                "2024-03-15",
                "苏州片区复制推广“无感续证”。",
            ),
            e(
                "wg",
                Property::ReplicatedIn,
                "hrb",
                "2024-05-15",
                "哈尔滨片区复制推广“无感续证”。",
            ),
            e(
                "wg",
                Property::RecognizedAs,
                "best",
                "2024-10-15",
                "“无感续证”成功入选全国第五批自贸试验区最佳实践案例。",
            ),
            e(
                "zz",
                Property::OriginatedIn,
                "hrb",
                "2024-02-15",
                "哈尔滨片区首创“证照联办”。",
            ),
            ("x:nj".into(), "x:js".into(), part_of.clone()),
            ("x:sz".into(), "x:js".into(), part_of),
        ];
        Projection::from_parts(nodes, edges)
    }

    #[test]
    fn nodes_are_sorted_by_class_then_label_and_edges_join_them() {
        let p = sample();
        assert_eq!(p.graph.node_count(), 8);
        assert_eq!(p.graph.edge_count(), 7);
        assert_eq!(
            p.graph[NodeIndex::new(0)].kind,
            Kind::Entity(Class::FreeTradeZone)
        );
        let wg = p.node("x:wg").unwrap();
        assert_eq!(p.graph.edges(wg).count(), 4);
    }

    #[test]
    fn the_neighbourhood_follows_edges_both_ways() {
        let p = sample();
        let hrb = p.node("x:hrb").unwrap();
        let one = p.neighbourhood(&[hrb], 1);
        let labels: BTreeSet<&str> = one.graph.node_weights().map(|n| n.label.as_str()).collect();
        assert_eq!(
            labels,
            BTreeSet::from([
                "中国（黑龙江）自由贸易试验区哈尔滨片区",
                "无感续证",
                "证照联办"
            ])
        );
        let two = p.neighbourhood(&[hrb], 2);
        assert!(two.node("x:nj").is_some() && two.node("x:best").is_some());
        assert!(two.node("x:js").is_none());
    }

    #[test]
    fn a_zone_brings_its_parts() {
        let p = sample();
        let parts = p.zone_and_parts(p.node("x:js").unwrap());
        assert_eq!(parts.len(), 3);
    }

    #[test]
    fn isolated_nodes_can_be_dropped() {
        assert!(sample().without_isolated().node("x:lonely").is_none());
    }

    #[test]
    fn date_ranges_compare_at_the_precision_given() {
        let f = Filter {
            from: Some("2024-01".into()),
            to: Some("2024-06".into()),
            ..Filter::default()
        };
        assert!(f.date_in_range(Some("2024-06-30")));
        assert!(f.date_in_range(Some("2024-01-01")));
        assert!(!f.date_in_range(Some("2024-07-01")));
        assert!(!f.date_in_range(None));
        assert!(f.check_dates().is_ok());
        let bad = Filter {
            from: Some("24年".into()),
            ..Filter::default()
        };
        assert!(matches!(bad.check_dates(), Err(GraphError::BadDate(_))));
    }
}
