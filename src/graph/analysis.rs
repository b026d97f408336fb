//! Questions about the shape of the graph: the most connected zones and
//! practices, the practices copied in the most zones, connected components,
//! and the shortest path between two entities with the evidence of each
//! step.
//!
//! Input: a `Projection`. Output: serialisable reports.

use super::trace::EntityRef;
use super::{Evidence, GraphError, Projection};
use crate::model::{Class, Property};
use petgraph::algo::astar;
use petgraph::graph::NodeIndex;
use petgraph::unionfind::UnionFind;
use petgraph::visit::{EdgeRef, UndirectedAdaptor};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// An entity and a count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ranked {
    pub entity: EntityRef,
    pub count: usize,
}

/// Sizes of the connected components, largest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Components {
    pub count: usize,
    pub sizes: Vec<usize>,
    /// The labels of the largest component's best-connected members.
    pub largest_hubs: Vec<String>,
}

/// The analysis report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Analysis {
    pub nodes: usize,
    pub edges: usize,
    pub zones_by_degree: Vec<Ranked>,
    pub practices_by_degree: Vec<Ranked>,
    pub practices_by_copies: Vec<Ranked>,
    pub components: Components,
}

/// Number of edges at a node, both directions.
pub fn degree(p: &Projection, n: NodeIndex) -> usize {
    p.graph
        .edges_directed(n, petgraph::Direction::Outgoing)
        .count()
        + p.graph
            .edges_directed(n, petgraph::Direction::Incoming)
            .count()
}

/// The `top` nodes accepted by `keep`, by `count` (then label).
fn rank(
    p: &Projection,
    top: usize,
    keep: impl Fn(NodeIndex) -> bool,
    count: impl Fn(NodeIndex) -> usize,
) -> Vec<Ranked> {
    let mut ranked: Vec<Ranked> = p
        .graph
        .node_indices()
        .filter(|&n| keep(n))
        .map(|n| Ranked {
            entity: (&p.graph[n]).into(),
            count: count(n),
        })
        .filter(|r| r.count > 0)
        .collect();
    ranked.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.entity.label.cmp(&b.entity.label))
    });
    ranked.truncate(top);
    ranked
}

/// Distinct zones a practice was copied into.
pub fn copies(p: &Projection, n: NodeIndex) -> usize {
    p.graph
        .edges(n)
        .filter(|e| e.weight().property == Property::ReplicatedIn)
        .map(|e| e.target())
        .collect::<BTreeSet<_>>()
        .len()
}

/// Connected components (edges taken both ways).
pub fn components(p: &Projection) -> Components {
    let g = &p.graph;
    let mut sets = UnionFind::<usize>::new(g.node_count());
    for e in g.edge_references() {
        sets.union(e.source().index(), e.target().index());
    }
    let mut members: BTreeMap<usize, Vec<NodeIndex>> = BTreeMap::new();
    for (i, root) in sets.into_labeling().into_iter().enumerate() {
        members.entry(root).or_default().push(NodeIndex::new(i));
    }
    let mut groups: Vec<Vec<NodeIndex>> = members.into_values().collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    let largest_hubs = groups
        .first()
        .map(|largest| {
            let mut hubs: Vec<(usize, &str)> = largest
                .iter()
                .map(|&n| (degree(p, n), g[n].label.as_str()))
                .collect();
            hubs.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            hubs.into_iter()
                .take(5)
                .map(|(_, l)| l.to_owned())
                .collect()
        })
        .unwrap_or_default();
    Components {
        count: groups.len(),
        sizes: groups.iter().map(Vec::len).collect(),
        largest_hubs,
    }
}

pub fn analyze(p: &Projection, top: usize) -> Analysis {
    let class = |n: NodeIndex| p.graph[n].kind.class();
    Analysis {
        nodes: p.graph.node_count(),
        edges: p.graph.edge_count(),
        zones_by_degree: rank(p, top, |n| p.graph[n].kind.is_zone(), |n| degree(p, n)),
        practices_by_degree: rank(
            p,
            top,
            |n| class(n) == Some(Class::Practice),
            |n| degree(p, n),
        ),
        practices_by_copies: rank(
            p,
            top,
            |n| class(n) == Some(Class::Practice),
            |n| copies(p, n),
        ),
        components: components(p),
    }
}

/// One step of a path: from, relation (as stated, with its direction), to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PathStep {
    pub from: EntityRef,
    pub to: EntityRef,
    pub property: &'static str,
    pub property_zh: &'static str,
    /// True when the relation is stated from `to` to `from`.
    pub reversed: bool,
    pub evidence: Vec<Evidence>,
    pub reference: bool,
}

/// The shortest path between two nodes, edges taken both ways; between
/// two nodes, the edge with the most evidence is shown.
pub fn shortest_path(
    p: &Projection,
    from: NodeIndex,
    to: NodeIndex,
) -> Result<Vec<PathStep>, GraphError> {
    let g = &p.graph;
    let (_, nodes) =
        astar(UndirectedAdaptor(g), from, |n| n == to, |_| 1usize, |_| 0).ok_or_else(|| {
            GraphError::NoPath {
                from: g[from].label.clone(),
                to: g[to].label.clone(),
            }
        })?;
    let steps = nodes
        .windows(2)
        .map(|pair| {
            let (a, b) = (pair[0], pair[1]);
            let forward = g.edges_connecting(a, b).map(|e| (false, e));
            let backward = g.edges_connecting(b, a).map(|e| (true, e));
            let (reversed, edge) = forward
                .chain(backward)
                .max_by_key(|(_, e)| (e.weight().evidence_count(), std::cmp::Reverse(e.id())))
                .expect("astar only walks existing edges");
            let w = edge.weight();
            PathStep {
                from: (&g[a]).into(),
                to: (&g[b]).into(),
                property: w.property.local_name(),
                property_zh: w.property.label_zh(),
                reversed,
                evidence: w.evidence.clone(),
                reference: w.reference,
            }
        })
        .collect();
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    #[test]
    fn rankings_count_edges_and_copies() {
        let p = sample();
        let a = analyze(&p, 3);
        assert_eq!(a.practices_by_degree[0].entity.label, "无感续证");
        assert_eq!(a.practices_by_degree[0].count, 4);
        assert_eq!(a.practices_by_copies.len(), 1);
        assert_eq!(a.practices_by_copies[0].count, 2);
        assert_eq!(a.zones_by_degree[0].count, 2);
        assert_eq!(a.zones_by_degree.len(), 3);
    }

    #[test]
    fn components_are_counted_with_their_sizes() {
        let c = components(&sample());
        assert_eq!(c.count, 2);
        assert_eq!(c.sizes, vec![7, 1]);
        assert_eq!(c.largest_hubs[0], "无感续证");
    }

    #[test]
    fn the_shortest_path_walks_edges_both_ways_and_keeps_evidence() {
        let p = sample();
        let steps = shortest_path(&p, p.node("x:sz").unwrap(), p.node("x:zz").unwrap()).unwrap();
        let route: Vec<(&str, &str, bool)> = steps
            .iter()
            .map(|s| (s.to.label.as_str(), s.property, s.reversed))
            .collect();
        assert_eq!(
            route,
            [
                ("无感续证", "replicatedIn", true),
                (
                    "中国（黑龙江）自由贸易试验区哈尔滨片区",
                    "replicatedIn",
                    false
                ),
                ("证照联办", "originatedIn", true)
            ]
        );
        assert_eq!(
            steps[0].evidence[0].sentence,
            "苏州片区复制推广“无感续证”。"
        );
        assert!(matches!(
            shortest_path(&p, p.node("x:sz").unwrap(), p.node("x:lonely").unwrap()),
            Err(GraphError::NoPath { .. })
        ));
    }
}
