//! The zone overview: each free trade zone as a box holding its areas,
//! and an arrow from the zone where a practice was made to each zone that
//! copied it, weighted by how many practices went that way.
//!
//! Input: a `Projection`. Output: `ZoneOverview` (serialisable), and its
//! Cytoscape.js elements with compound parents for the web page.

use super::style::{class_style, property_colour, short_label};
use super::{Kind, Projection};
use crate::model::{Class, Property};
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// A zone in the overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ZoneNode {
    pub iri: String,
    pub label: String,
    pub short: String,
    pub class: &'static str,
    /// The free trade zone that holds it (IRI), if any.
    pub parent: Option<String>,
    /// Practices made here.
    pub originated: usize,
    /// Practices copied here.
    pub copied: usize,
}

/// Practices copied from one zone into another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Flow {
    pub from: String,
    pub to: String,
    pub practices: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ZoneOverview {
    pub zones: Vec<ZoneNode>,
    pub flows: Vec<Flow>,
}

fn parent_zone(p: &Projection, n: NodeIndex) -> Option<NodeIndex> {
    p.graph
        .edges_directed(n, Direction::Outgoing)
        .find(|e| {
            e.weight().property == Property::PartOf
                && p.graph[e.target()].kind == Kind::Entity(Class::FreeTradeZone)
        })
        .map(|e| e.target())
}

/// Zones that made or copied a practice, their free trade zones, and the
/// flows of practices between them.
pub fn overview(p: &Projection) -> ZoneOverview {
    let g = &p.graph;
    let mut counts: BTreeMap<NodeIndex, (usize, usize)> = BTreeMap::new();
    let mut flows: BTreeMap<(NodeIndex, NodeIndex), BTreeSet<String>> = BTreeMap::new();
    for n in g.node_indices() {
        if g[n].kind != Kind::Entity(Class::Practice) {
            continue;
        }
        let ends = |property: Property| -> Vec<NodeIndex> {
            g.edges_directed(n, Direction::Outgoing)
                .filter(|e| e.weight().property == property && g[e.target()].kind.is_zone())
                .map(|e| e.target())
                .collect()
        };
        let (origins, copies) = (ends(Property::OriginatedIn), ends(Property::ReplicatedIn));
        for &o in &origins {
            counts.entry(o).or_default().0 += 1;
        }
        for &c in &copies {
            counts.entry(c).or_default().1 += 1;
            for &o in origins.iter().filter(|&&o| o != c) {
                flows.entry((o, c)).or_default().insert(g[n].label.clone());
            }
        }
    }
    let mut members: BTreeSet<NodeIndex> = counts.keys().copied().collect();
    members.extend(counts.keys().filter_map(|&z| parent_zone(p, z)));
    let mut zones: Vec<ZoneNode> = members
        .iter()
        .map(|&z| {
            let (originated, copied) = counts.get(&z).copied().unwrap_or_default();
            ZoneNode {
                iri: g[z].iri.clone(),
                label: g[z].label.clone(),
                short: short_label(&g[z]),
                class: g[z].kind.local_name(),
                parent: parent_zone(p, z).map(|f| g[f].iri.clone()),
                originated,
                copied,
            }
        })
        .collect();
    zones.sort_by(|a, b| (&a.parent, &a.label).cmp(&(&b.parent, &b.label)));
    ZoneOverview {
        zones,
        flows: flows
            .into_iter()
            .map(|((o, c), practices)| Flow {
                from: g[o].iri.clone(),
                to: g[c].iri.clone(),
                practices: practices.into_iter().collect(),
            })
            .collect(),
    }
}

impl ZoneOverview {
    /// Cytoscape.js elements: free trade zones are parents of their areas;
    /// edges carry `weight` (number of practices) and their names.
    pub fn cytoscape(&self) -> serde_json::Value {
        let id = |iri: &str| {
            self.zones
                .iter()
                .position(|z| z.iri == iri)
                .map(|i| format!("z{i}"))
        };
        let nodes: Vec<_> = self
            .zones
            .iter()
            .enumerate()
            .map(|(i, z)| {
                let kind = z
                    .class
                    .parse::<Class>()
                    .map(Kind::Entity)
                    .unwrap_or(Kind::Article);
                let style = class_style(kind);
                json!({ "data": {
                    "id": format!("z{i}"),
                    "parent": z.parent.as_deref().and_then(id),
                    "iri": z.iri, "label": z.label, "short": z.short,
                    "class": z.class, "class_zh": kind.label_zh(),
                    "color": style.fill, "border": style.stroke,
                    "degree": z.originated + z.copied,
                    "originated": z.originated, "copied": z.copied,
                }, "classes": z.class })
            })
            .collect();
        let edges: Vec<_> = self
            .flows
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                Some(json!({ "data": {
                    "id": format!("f{i}"),
                    "source": id(&f.from)?, "target": id(&f.to)?,
                    "weight": f.practices.len(),
                    "label": f.practices.len().to_string(),
                    "practices": f.practices,
                    "property": "replicatedIn",
                    "color": property_colour(Property::ReplicatedIn),
                }}))
            })
            .collect();
        json!({ "elements": { "nodes": nodes, "edges": edges } })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    #[test]
    fn copies_become_weighted_flows_between_areas_grouped_in_their_zone() {
        let o = overview(&sample());
        let label = |iri: &str| {
            o.zones
                .iter()
                .find(|z| z.iri == iri)
                .map(|z| z.label.clone())
                .unwrap()
        };
        let flows: Vec<(String, String, usize)> = o
            .flows
            .iter()
            .map(|f| (label(&f.from), label(&f.to), f.practices.len()))
            .collect();
        assert_eq!(
            flows,
            [
                (
                    "中国（江苏）自由贸易试验区南京片区".to_owned(),
                    "中国（江苏）自由贸易试验区苏州片区".to_owned(),
                    1
                ),
                (
                    "中国（江苏）自由贸易试验区南京片区".to_owned(),
                    "中国（黑龙江）自由贸易试验区哈尔滨片区".to_owned(),
                    1
                ),
            ]
        );
        let nanjing = o.zones.iter().find(|z| z.label.contains("南京")).unwrap();
        assert_eq!(nanjing.parent.as_deref(), Some("x:js"));
        let elements = o.cytoscape();
        let parent = &elements["elements"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["data"]["iri"] == "x:nj")
            .unwrap()["data"]["parent"];
        assert!(parent.is_string(), "an area sits inside its zone");
    }
}
